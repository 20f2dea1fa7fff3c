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
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

// 4. The PIN. A new (or erased) token: the officer chooses the PIN and types it twice, and the token is given a
// label and an SO PIN. A token already set up: the officer types the PIN the token has. This is the commit page:
// once the work starts there is no way back to change what the token is being given.
class PinPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    PinPage()
    {
        setTitle(tr("PIN"));
        setCommitPage(true);
        setButtonText(QWizard::CommitButton, tr("&Start"));
        auto* layout = new QVBoxLayout(this);
        m_who = new QLabel(this);
        m_who->setObjectName(QStringLiteral("pinFor"));
        m_who->setWordWrap(true);
        layout->addWidget(m_who);
        auto* form = new QFormLayout;
        m_label = new QLineEdit(this);
        m_soPin = new QLineEdit(this);
        m_soPin2 = new QLineEdit(this);
        m_pin = new QLineEdit(this);
        m_pin2 = new QLineEdit(this);
        for (QLineEdit* field : {m_soPin, m_soPin2, m_pin, m_pin2})
            field->setEchoMode(QLineEdit::Password);
        m_label->setObjectName(QStringLiteral("tokenLabel"));
        m_soPin->setObjectName(QStringLiteral("soPin"));
        m_soPin2->setObjectName(QStringLiteral("soPinAgain"));
        m_pin->setObjectName(QStringLiteral("pin"));
        m_pin2->setObjectName(QStringLiteral("pinAgain"));
        QFont large = m_pin->font();
        large.setPointSize(large.pointSize() * 2);
        for (QLineEdit* field : {m_pin, m_pin2}) {
            field->setFont(large);
            field->setMinimumHeight(48);
        }
        form->addRow(tr("&PIN:"), m_pin);
        form->addRow(tr("PIN a&gain:"), m_pin2);
        form->addRow(tr("Token &label:"), m_label);
        form->addRow(tr("S&O PIN (supervisor):"), m_soPin);
        form->addRow(tr("SO PIN &again:"), m_soPin2);
        m_form = form;
        layout->addLayout(form);
        m_rules = new QLabel(this);
        m_rules->setWordWrap(true);
        m_problem = new QLabel(this);
        m_problem->setObjectName(QStringLiteral("pinProblem"));
        m_problem->setStyleSheet(QStringLiteral("color:#b3261e;font-weight:bold"));
        m_problem->setWordWrap(true);
        layout->addWidget(m_rules);
        layout->addWidget(m_problem);
    }

    void setRowVisible(QWidget* field, bool visible)
    {
        field->setVisible(visible);
        if (QWidget* label = m_form->labelForField(field))
            label->setVisible(visible);
    }

    void initializePage() override
    {
        EnrollmentWizard* wizard = w();
        const bool choose = wizard->m_tokenNeedsInit;
        setSubTitle(choose ? tr("The officer chooses the PIN and types it twice. Nobody else should see it.")
                           : tr("The officer types the PIN this token already has. Nobody else should see it."));
        m_who->setText(tr("Officer: <b>%1</b> · token <b>%2</b>")
                           .arg(wizard->m_officerName.toHtmlEscaped(), wizard->m_tokenSerial.isEmpty()
                                                                           ? tr("new token")
                                                                           : wizard->m_tokenSerial.toHtmlEscaped()));
        for (QWidget* field : std::initializer_list<QWidget*>{m_pin2, m_label, m_soPin, m_soPin2})
            setRowVisible(field, choose);
        // The token's label says whose it is (the civil ID fits a token's 32 bytes); the clerk may change it.
        m_label->setText(wizard->m_officerCivilId.isEmpty() ? QStringLiteral("Tamga") : wizard->m_officerCivilId);
        // Tab goes down the form as it is shown (the officer's fields first), not in the order of creation. Set
        // here, once the page is in the wizard: moving a widget into another window rebuilds its focus chain.
        setTabOrder(m_pin, m_pin2);
        setTabOrder(m_pin2, m_label);
        setTabOrder(m_label, m_soPin);
        setTabOrder(m_soPin, m_soPin2);
        m_rules->setText(
            choose ? tr("%1 to %2 digits; not one digit repeated (111111) and not a run (123456).")
                         .arg(wizard->m_pinMin)
                         .arg(wizard->m_pinMax)
                   : tr("The token takes PINs of %1 to %2 characters.").arg(wizard->m_pinMin).arg(wizard->m_pinMax));
        m_problem->clear();
        // The wizard gives the focus to the page's first field after this returns: the officer's digits must go
        // into the PIN field, whatever comes first in the form.
        QTimer::singleShot(0, m_pin, [this] { m_pin->setFocus(); });
    }

    bool validatePage() override
    {
        EnrollmentWizard* wizard = w();
        const bool choose = wizard->m_tokenNeedsInit;
        if (choose && m_pin->text() != m_pin2->text()) {
            m_problem->setText(tr("The two PINs differ. Type them again."));
            m_pin->clear();
            m_pin2->clear();
            m_pin->setFocus();
            return false;
        }
        const QString problem =
            choose
                ? pinPolicyProblem(m_pin->text(), wizard->m_pinMin, wizard->m_pinMax)
                : (static_cast<unsigned long>(m_pin->text().size()) < wizard->m_pinMin ||
                           static_cast<unsigned long>(m_pin->text().size()) > wizard->m_pinMax
                       ? tr("The token takes PINs of %1 to %2 characters.").arg(wizard->m_pinMin).arg(wizard->m_pinMax)
                       : QString());
        if (!problem.isEmpty()) {
            m_problem->setText(problem);
            return false;
        }
        wizard->m_preparation.reset();
        if (choose) {
            if (m_soPin->text() != m_soPin2->text() || m_soPin->text().size() < 4) {
                m_problem->setText(tr("The two SO PINs differ or are too short."));
                return false;
            }
            if (m_label->text().trimmed().isEmpty() || m_label->text().toUtf8().size() > 32) {
                m_problem->setText(tr("The token label must be 1 to 32 bytes long."));
                return false;
            }
            wizard->m_preparation = core::TokenPreparation{m_label->text().trimmed(), takeSecret(m_soPin)};
        }
        wizard->m_userPin = takeSecret(m_pin);
        // The typed PINs do not stay in the fields.
        for (QLineEdit* field : {m_soPin, m_soPin2, m_pin, m_pin2})
            field->clear();
        return true;
    }

    QLabel* m_who = nullptr;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_label = nullptr;
    QLineEdit* m_soPin = nullptr;
    QLineEdit* m_soPin2 = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_pin2 = nullptr;
    QLabel* m_rules = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace

QWizardPage* newPinPage()
{
    return new PinPage;
}

} // namespace tamga::ui
