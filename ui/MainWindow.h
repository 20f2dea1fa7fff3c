// The desk's main window: Desk, Officers, Tokens, Enrollments, Audit and Settings, with a status bar that shows
// the operator, the CA in use and the token plugged in (live, from core's DeskWorker).
#pragma once

#include "DeskContext.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace tamga::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(DeskContext context, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    // Opens the enrollment wizard (new, or resuming `resumeId`), window-modal; returns it (for tests).
    class EnrollmentWizard* startEnrollment(qint64 resumeId = 0);
    // A new enrollment with the officer of this civil ID already looked up (a batch's next officer).
    class EnrollmentWizard* startEnrollmentFor(const QString& civilId);
    // Enrollments interrupted before verification (crash, pulled token, CA down): offered at sign-in.
    QList<qint64> interruptedEnrollments() const;
    void offerInterruptedEnrollments();

Q_SIGNALS:
    void registryChanged();
    void enrollmentsChanged();

private:
    void updateTokenStatus(const QList<core::TokenSnapshot>& tokens);
    void fitScreen();
    void showEvent(QShowEvent* event) override;
    bool m_fittedWithFrame = false;

    DeskContext m_context;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_tokenStatus = nullptr;
};

} // namespace tamga::ui
