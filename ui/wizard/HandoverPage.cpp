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
#include <QMessageBox>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

// 7. Hand-over: the officer signed, the token leaves the desk.
class HandoverPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    HandoverPage()
    {
        setTitle(tr("Hand-over"));
        setSubTitle(tr("Give the token to the officer once both copies are signed."));
        auto* layout = new QVBoxLayout(this);
        m_signed = new QCheckBox(tr("The officer &signed both copies and took the token"), this);
        m_signed->setObjectName(QStringLiteral("handedOver"));
        layout->addWidget(m_signed);
        layout->addStretch();
        registerField(QStringLiteral("handedOver*"), m_signed);
    }

    bool validatePage() override
    {
        EnrollmentWizard* wizard = w();
        const DeskContext& context = wizard->context();
        core::CaConnectors connectors(*context.database, context.dataDir);
        auto done = core::EnrollmentEngine(*context.database, connectors, {})
                        .handOver(context.signedIn, wizard->m_enrollmentId);
        if (!done) {
            QMessageBox::warning(this, tr("Hand-over"), done.error().message);
            return false;
        }
        return true;
    }

    QCheckBox* m_signed = nullptr;
};

} // namespace

QWizardPage* newHandoverPage()
{
    return new HandoverPage;
}

} // namespace tamga::ui
