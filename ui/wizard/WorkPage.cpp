#include "WizardPages.h"

#include "DisplayNames.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"

#include <QCoreApplication>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

// 5. The work: key on the token, request, CA, write-back, verification; shown step by step.
class WorkPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    WorkPage()
    {
        setTitle(tr("Issuing the certificate"));
        // Done is done: from the receipt there is no way back to the work page.
        setCommitPage(true);
        setSubTitle(tr("The key is made on the token; the certificate comes from the CA and is written back. "
                       "The window stays usable; the token must stay plugged in."));
        auto* layout = new QVBoxLayout(this);
        m_steps = new QListWidget(this);
        m_steps->setFocusPolicy(Qt::NoFocus);
        m_bar = new QProgressBar(this);
        m_bar->setRange(0, static_cast<int>(kSteps.size()));
        m_message = new QLabel(this);
        m_message->setObjectName(QStringLiteral("workMessage"));
        m_message->setWordWrap(true);
        m_retry = new QPushButton(tr("&Try again"), this);
        m_retry->setObjectName(QStringLiteral("tryAgain"));
        m_retry->setAutoDefault(false); // Enter stays with the wizard's Next
        m_retry->hide();
        layout->addWidget(m_steps);
        layout->addWidget(m_bar);
        layout->addWidget(m_message);
        layout->addWidget(m_retry);
        connect(m_retry, &QPushButton::clicked, this, [this] { start(); });
    }

    static constexpr std::array<std::pair<core::EnrollmentState, const char*>, 7> kSteps{{
        {core::EnrollmentState::TokenPrepared, QT_TRANSLATE_NOOP("EnrollmentWizard", "Token prepared")},
        {core::EnrollmentState::KeyGenerated, QT_TRANSLATE_NOOP("EnrollmentWizard", "Key pair generated on the token")},
        {core::EnrollmentState::RequestBuilt, QT_TRANSLATE_NOOP("EnrollmentWizard", "Request signed on the token")},
        {core::EnrollmentState::Submitted, QT_TRANSLATE_NOOP("EnrollmentWizard", "Request sent to the CA")},
        {core::EnrollmentState::CertificateReceived,
         QT_TRANSLATE_NOOP("EnrollmentWizard", "Certificate received and checked")},
        {core::EnrollmentState::WrittenToToken,
         QT_TRANSLATE_NOOP("EnrollmentWizard", "Certificate and chain written to the token")},
        {core::EnrollmentState::Verified, QT_TRANSLATE_NOOP("EnrollmentWizard", "Token read back and verified")},
    }};

    void initializePage() override
    {
        EnrollmentWizard* wizard = w();
        core::DeskWorker* worker = wizard->context().worker;
        if (!m_connected) {
            connect(worker, &core::DeskWorker::enrollmentCreated, this,
                    [this](qint64 id) { w()->m_enrollmentId = id; });
            connect(worker, &core::DeskWorker::enrollmentProgress, this,
                    [this](qint64, core::EnrollmentState state, const QString&) { reached(state); });
            connect(worker, &core::DeskWorker::enrollmentFailed, this,
                    [this](qint64, core::CoreErrorKind kind, core::TokenErrorKind tokenKind) {
                        m_headline = errorHeadline(kind, tokenKind);
                    });
            connect(worker, &core::DeskWorker::enrollmentFinished, this,
                    [this](qint64 id, bool ok, std::optional<core::EnrollmentState> state, const QString& error) {
                        finished(id, ok, state, error);
                    });
            m_connected = true;
        }
        setButtonText(QWizard::CommitButton, wizard->buttonText(QWizard::NextButton));
        m_steps->clear();
        for (const auto& [state, text] : kSteps)
            new QListWidgetItem(QStringLiteral("○  ") + tr(text), m_steps);
        start();
    }

    void start()
    {
        EnrollmentWizard* wizard = w();
        m_done = false;
        m_retry->hide();
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Working…"));
        wizard->button(QWizard::CancelButton)->setEnabled(false);
        wizard->m_working = true;
        core::EnrollmentJob job;
        job.by = wizard->context().signedIn;
        job.enrollmentId = wizard->m_enrollmentId;
        job.officerId = wizard->m_officerId;
        job.tokenSerial = wizard->m_tokenSerial;
        job.profile = wizard->field(QStringLiteral("profile")).toString();
        job.ca = wizard->field(QStringLiteral("ca")).toString();
        // The worker gets its own copy of the PIN; the wizard keeps one for "Try again".
        job.pin = Pin(wizard->m_userPin.view());
        // The engine uses the preparation only while the enrollment has not prepared its token yet, so "Try again"
        // after a failure during initialization initializes again.
        if (wizard->m_preparation)
            job.preparation =
                core::TokenPreparation{wizard->m_preparation->label, Pin(wizard->m_preparation->soPin.view())};
        wizard->context().worker->enroll(std::move(job));
        Q_EMIT completeChanged();
    }

    void reached(core::EnrollmentState state)
    {
        for (std::size_t i = 0; i < kSteps.size(); ++i) {
            if (state == kSteps[i].first) {
                for (std::size_t j = 0; j <= i; ++j)
                    m_steps->item(static_cast<int>(j))->setText(QStringLiteral("✔  ") + tr(kSteps[j].second));
                m_bar->setValue(static_cast<int>(i + 1));
            }
        }
    }

    void finished(qint64 id, bool ok, std::optional<core::EnrollmentState> state, const QString& error)
    {
        EnrollmentWizard* wizard = w();
        if (id)
            wizard->m_enrollmentId = id;
        wizard->button(QWizard::CancelButton)->setEnabled(true);
        wizard->m_working = false;
        if (state)
            reached(*state);
        if (ok && state == core::EnrollmentState::Verified) {
            m_done = true;
            wizard->m_userPin.clear();
            if (wizard->m_preparation)
                wizard->m_preparation->soPin.clear();
            m_message->setText(tr("The certificate is on the token and verified."));
        } else if (ok && state) {
            m_message->setText(tr("The request waits for the CA (state: %1). Resume the enrollment when the "
                                  "certificate has come back.")
                                   .arg(stateDisplayName(*state)));
        } else {
            m_message->setStyleSheet(QStringLiteral("color:#b3261e"));
            m_message->setText(tr("%1\n%2\n\nNothing is lost: the enrollment stays at \"%3\" and can be resumed.")
                                   .arg(m_headline, error, state ? stateDisplayName(*state) : tr("not started")));
            m_retry->show();
        }
        Q_EMIT completeChanged();
    }

    bool isComplete() const override { return m_done; }

    QListWidget* m_steps = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_retry = nullptr;
    QString m_headline;
    bool m_done = false;
    bool m_connected = false;
};

} // namespace

QWizardPage* newWorkPage()
{
    return new WorkPage;
}

} // namespace tamga::ui
