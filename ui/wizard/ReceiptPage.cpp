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
#include <QPushButton>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

// 6. The receipt, previewed and printed (or saved as PDF).
class ReceiptPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    ReceiptPage()
    {
        setTitle(tr("Handover receipt"));
        setSubTitle(tr("Print both copies. The officer and you sign them."));
        auto* layout = new QVBoxLayout(this);
        m_summary = new QLabel(this);
        m_summary->setWordWrap(true);
        auto* preview = new QPushButton(tr("Print p&review…"), this);
        auto* pdf = new QPushButton(tr("Save as P&DF…"), this);
        pdf->setObjectName(QStringLiteral("savePdf"));
        // Enter after printing goes on to the hand-over; it does not print again.
        preview->setAutoDefault(false);
        pdf->setAutoDefault(false);
        m_saved = new QLabel(this);
        m_saved->setObjectName(QStringLiteral("receiptSaved"));
        m_saved->setWordWrap(true);
        m_saved->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(m_summary);
        layout->addWidget(preview);
        layout->addWidget(pdf);
        layout->addWidget(m_saved);
        layout->addStretch();
        connect(preview, &QPushButton::clicked, this, [this] {
            m_printed |= previewReceipt(w()->context(), w()->m_enrollmentId, this);
            Q_EMIT completeChanged();
        });
        connect(pdf, &QPushButton::clicked, this, [this] {
            const QString saved = saveReceiptPdf(w()->context(), w()->m_enrollmentId, this);
            if (!saved.isEmpty()) {
                m_printed = true;
                m_saved->setText(tr("Saved: %1").arg(saved));
            }
            Q_EMIT completeChanged();
        });
    }

    void initializePage() override
    {
        auto receipt = core::Receipts(*w()->context().database).data(w()->m_enrollmentId);
        m_summary->setText(receipt
                               ? tr("<b>%1</b>, %2<br>Certificate %3<br>Token %4")
                                     .arg(receipt->officerName.toHtmlEscaped(), receipt->organization.toHtmlEscaped(),
                                          receipt->certificateSerial.toUpper(), receipt->tokenSerial)
                               : receipt.error().message);
    }

    bool isComplete() const override { return m_printed; }

    QLabel* m_summary = nullptr;
    QLabel* m_saved = nullptr;
    bool m_printed = false;
};

} // namespace

QWizardPage* newReceiptPage()
{
    return new ReceiptPage;
}

} // namespace tamga::ui
