// The enrollment wizard: officer -> data and subject check -> token -> PIN (and initialization) -> the work on
// the token and at the CA, with a progress view -> receipt -> hand-over. All token and CA work runs in core's
// DeskWorker; this wizard only shows and asks.
#pragma once

#include "DeskContext.h"
#include "tamga/core/Enrollment.h"
#include "tamga/secret/SecretBuffer.h"

#include <QWizard>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QStandardItemModel;
class QTableView;
class QTextBrowser;

namespace tamga::ui {

class EnrollmentWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { OfficerPage, ReviewPage, TokenPage, PinPage, WorkPage, ReceiptPage, HandoverPage };

    // `resumeId` > 0 continues that enrollment (its officer, token, profile and CA are fixed).
    EnrollmentWizard(DeskContext context, qint64 resumeId = 0, QWidget* parent = nullptr);

    qint64 enrollmentId() const { return m_enrollmentId; }
    // Cancelling says which state the enrollment stays in (it can always be continued).
    void reject() override;
    const DeskContext& context() const { return m_context; }

    // Shared state between the pages.
    qint64 m_officerId = 0;
    QString m_officerName; // surname and given name, as the pages name the officer
    QString m_officerCivilId;
    QString m_tokenSerial;
    qint64 m_enrollmentId = 0;
    bool m_tokenNeedsInit = false;
    bool m_working = false; // the worker is writing the token: the wizard cannot be closed
    unsigned long m_pinMin = 4;
    unsigned long m_pinMax = 16;
    // PINs typed at the PIN page, kept in wiping buffers until the work page hands them to the worker.
    Pin m_userPin;
    std::optional<core::TokenPreparation> m_preparation;

private:
    DeskContext m_context;
};

// What went wrong, in one sentence in the clerk's language (the technical detail follows it in English).
QString errorHeadline(core::CoreErrorKind kind, core::TokenErrorKind tokenErrorKind);

// The PIN policy of the desk on top of the token's own limits: digits only, no digit repeated all through and no
// run of consecutive digits (123456, 987654). Returns an empty string, or what is wrong.
QString pinPolicyProblem(const QString& pin, unsigned long minLength, unsigned long maxLength);

} // namespace tamga::ui
