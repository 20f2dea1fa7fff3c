#include "EnrollmentWizard.h"

#include "DisplayNames.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/EnrollmentRecords.h"
#include "wizard/WizardPages.h"

#include <QMessageBox>
#include <QPainter>
#include <QPixmap>

namespace tamga::ui {

EnrollmentWizard::EnrollmentWizard(DeskContext context, qint64 resumeId, QWidget* parent)
    : QWizard(parent), m_context(std::move(context))
{
    setWindowTitle(m_context.training ? tr("New enrollment — TRAINING") : tr("New enrollment"));
    setWizardStyle(QWizard::ModernStyle);
    if (m_context.training) {
        // Every page of a training desk says so, in the corner of its header.
        QPixmap mark(180, 52);
        mark.fill(QColor(0xb3, 0x26, 0x1e));
        QPainter painter(&mark);
        painter.setPen(Qt::white);
        QFont bold = font();
        bold.setBold(true);
        bold.setPointSize(bold.pointSize() + 3);
        painter.setFont(bold);
        painter.drawText(mark.rect(), Qt::AlignCenter, tr("TRAINING"));
        painter.end();
        setPixmap(QWizard::LogoPixmap, mark);
    }
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(OfficerPage, newOfficerPage());
    setPage(ReviewPage, newReviewPage());
    setPage(TokenPage, newTokenPage());
    setPage(PinPage, newPinPage());
    setPage(WorkPage, newWorkPage());
    setPage(ReceiptPage, newReceiptPage());
    setPage(HandoverPage, newHandoverPage());
    if (resumeId > 0) {
        // Resuming: officer, token, profile and CA are the enrollment's; only the PIN is asked again.
        auto record = core::EnrollmentRecords(*m_context.database).record(resumeId);
        if (record) {
            m_enrollmentId = resumeId;
            m_officerId = record->officerId;
            m_officerName = record->officerName;
            m_tokenSerial = record->tokenSerial;
            setWindowTitle((m_context.training ? tr("Enrollment #%1 continued — %2 — TRAINING")
                                               : tr("Enrollment #%1 continued — %2"))
                               .arg(resumeId)
                               .arg(record->officerName));
            // Before its token was prepared, the enrollment still gives the token its PINs.
            if (record->state == core::EnrollmentState::Created) {
                m_tokenNeedsInit = m_tokenSerial.isEmpty();
                for (const auto& token : m_context.worker->tokens()) {
                    if (token.serialText() == m_tokenSerial && !m_tokenSerial.isEmpty())
                        m_tokenNeedsInit = !token.flags.tokenInitialized;
                }
            }
            for (const auto& token : m_context.worker->tokens()) {
                if (token.serialText() == m_tokenSerial && !m_tokenSerial.isEmpty()) {
                    m_pinMin = std::max<unsigned long>(token.minPinLength, 1);
                    m_pinMax = token.maxPinLength ? token.maxPinLength : 16;
                }
            }
            setStartId(record->state == core::EnrollmentState::Verified ? ReceiptPage : PinPage);
        }
    }
    resize(900, 640);
}

void EnrollmentWizard::reject()
{
    // While the token is being written nothing may close the wizard (Cancel is disabled; Esc lands here).
    if (m_working)
        return;
    if (m_enrollmentId > 0 && currentId() != HandoverPage) {
        auto record = core::EnrollmentRecords(*m_context.database).record(m_enrollmentId);
        if (record && record->state != core::EnrollmentState::HandedOver) {
            const auto answer = QMessageBox::question(
                this, windowTitle(),
                tr("Close enrollment #%1? It stays at \"%2\"; nothing is lost and it can be continued from the Desk "
                   "tab.")
                    .arg(m_enrollmentId)
                    .arg(stateDisplayName(record->state)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes)
                return;
        }
    } else if (m_enrollmentId == 0 && currentId() != OfficerPage) {
        const auto answer =
            QMessageBox::question(this, windowTitle(), tr("Close this enrollment? Nothing has been written yet."),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    QWizard::reject();
}

} // namespace tamga::ui
