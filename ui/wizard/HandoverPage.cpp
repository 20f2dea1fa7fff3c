#include "WizardPages.h"

#include "DisplayNames.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

// 7. Hand-over: the officer signed both copies, then signs the acceptance with the token and their own PIN (the
// first signature, made on the token by the worker, verified and kept); only then does the token leave the desk.
class HandoverPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    HandoverPage()
    {
        setTitle(tr("Hand-over"));
        setSubTitle(tr("Once both copies are signed, the officer signs the acceptance with the token and their own "
                       "PIN: the first signature proves that token, PIN and certificate work together."));
        auto* layout = new QVBoxLayout(this);
        m_signed = new QCheckBox(tr("The officer &signed both copies and took the token"), this);
        m_signed->setObjectName(QStringLiteral("handedOver"));
        layout->addWidget(m_signed);
        auto* form = new QFormLayout;
        m_pin = new QLineEdit(this);
        m_pin->setObjectName(QStringLiteral("officerPin"));
        m_pin->setEchoMode(QLineEdit::Password);
        m_pin->setEnabled(false);
        form->addRow(tr("The officer's &PIN:"), m_pin);
        layout->addLayout(form);
        m_sign = new QPushButton(tr("Sign with the token (&W)"), this);
        m_sign->setObjectName(QStringLiteral("signAcceptance"));
        m_sign->setEnabled(false);
        layout->addWidget(m_sign);
        m_message = new QLabel(this);
        m_message->setObjectName(QStringLiteral("signatureMessage"));
        m_message->setWordWrap(true);
        layout->addWidget(m_message);
        layout->addStretch();
        connect(m_signed, &QCheckBox::toggled, this, [this](bool on) {
            m_pin->setEnabled(on && !m_done);
            m_sign->setEnabled(on && !m_done && !m_working);
            if (on)
                m_pin->setFocus();
        });
        connect(m_pin, &QLineEdit::returnPressed, this, [this] { sign(); });
        connect(m_sign, &QPushButton::clicked, this, [this] { sign(); });
    }

    void initializePage() override
    {
        if (!m_connected) {
            connect(w()->context().worker, &core::DeskWorker::handOverFinished, this,
                    [this](qint64 id, bool ok, const QString& message, core::TokenErrorKind kind) {
                        if (id == w()->m_enrollmentId)
                            finished(ok, message, kind);
                    });
            m_connected = true;
        }
    }

    bool isComplete() const override { return m_done; }

    // The hand-over was recorded with the signature, on the worker.
    bool validatePage() override { return m_done; }

private:
    void sign()
    {
        if (m_working || m_done || !m_signed->isChecked() || m_pin->text().isEmpty())
            return;
        m_working = true;
        m_sign->setEnabled(false);
        m_message->setStyleSheet(QString());
        m_message->setText(tr("The token is signing…"));
        // The PIN goes from the field into a wiping buffer; the field is cleared.
        w()->context().worker->handOverWithSignature(w()->context().signedIn, w()->m_enrollmentId, takeSecret(m_pin));
    }

    void finished(bool ok, const QString& message, core::TokenErrorKind kind)
    {
        m_working = false;
        if (ok) {
            m_done = true;
            m_pin->setEnabled(false);
            m_message->setText(tr("The officer's first signature was made on the token and verified. The token is "
                                  "the officer's."));
            Q_EMIT completeChanged();
            return;
        }
        m_sign->setEnabled(m_signed->isChecked());
        m_message->setStyleSheet(QStringLiteral("color:#b3261e"));
        const QString headline = kind == core::TokenErrorKind::None ? tr("The acceptance could not be signed.")
                                                                    : errorHeadline(core::CoreErrorKind::Token, kind);
        m_message->setText(tr("%1\n%2").arg(headline, message));
        m_pin->setFocus();
    }

    QCheckBox* m_signed = nullptr;
    QLineEdit* m_pin = nullptr;
    QPushButton* m_sign = nullptr;
    QLabel* m_message = nullptr;
    bool m_working = false;
    bool m_done = false;
    bool m_connected = false;
};

} // namespace

QWizardPage* newHandoverPage()
{
    return new HandoverPage;
}

} // namespace tamga::ui
