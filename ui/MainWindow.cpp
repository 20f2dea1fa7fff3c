#include "MainWindow.h"

#include "views/Views.h"

#include "DisplayNames.h"

#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScreen>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace tamga::ui {

MainWindow::MainWindow(DeskContext context, QWidget* parent) : QMainWindow(parent), m_context(std::move(context))
{
    setWindowTitle(m_context.training ? tr("Tamga — registration desk — TRAINING") : tr("Tamga — registration desk"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    if (m_context.training) {
        auto* banner =
            new QLabel(tr("TRAINING — practice CA and training tokens; nothing issued here is valid"), central);
        banner->setAlignment(Qt::AlignCenter);
        banner->setStyleSheet(QStringLiteral("background:#b3261e;color:white;padding:4px;font-weight:bold"));
        layout->addWidget(banner);
    }
    m_tabs = new QTabWidget(central);
    m_tabs->addTab(newDeskView(this, m_context), tr("&Desk"));
    m_tabs->addTab(newOfficersView(this, m_context), tr("&Officers"));
    m_tabs->addTab(newTokensView(this, m_context), tr("&Tokens"));
    m_tabs->addTab(newEnrollmentsView(this, m_context), tr("&Enrollments"));
    m_tabs->addTab(newRevocationsView(this, m_context), tr("Re&vocations"));
    m_tabs->addTab(newReportsView(this, m_context), tr("&Reports"));
    m_tabs->addTab(newAuditView(this, m_context), tr("A&udit"));
    m_tabs->addTab(newSettingsView(this, m_context), tr("&Settings"));
    layout->addWidget(m_tabs);
    setCentralWidget(central);

    auto* newEnrollment = new QShortcut(QKeySequence(tr("Ctrl+N")), this);
    connect(newEnrollment, &QShortcut::activated, this, [this] { startEnrollment(); });
    auto* quit = new QShortcut(QKeySequence::Quit, this);
    connect(quit, &QShortcut::activated, this, &QWidget::close);

    QString ca;
    if (auto cas = core::CaConnectors(*m_context.database, m_context.dataDir).list(); cas && !cas->empty())
        ca = cas->front().name;
    // Permanent: a message in the status bar (a hand-over done) does not hide who is signed in or which CA is used.
    statusBar()->addPermanentWidget(new QLabel(
        tr("Operator: %1 (%2)").arg(m_context.signedIn.name, roleDisplayName(m_context.signedIn.role)), this));
    statusBar()->addPermanentWidget(new QLabel(tr("CA: %1").arg(ca.isEmpty() ? tr("none configured") : ca), this));
    m_tokenStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_tokenStatus);
    connect(m_context.worker, &core::DeskWorker::tokensChanged, this, &MainWindow::updateTokenStatus);
    connect(m_context.worker, &core::DeskWorker::moduleFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_context.worker, &core::DeskWorker::enrollmentFinished, this, [this] { Q_EMIT enrollmentsChanged(); });
    updateTokenStatus(m_context.worker->tokens());
    fitScreen();
}

void MainWindow::fitScreen()
{
    // 1280x800 where there is room; on a smaller screen (a 1366x768 desk laptop) the window takes the screen's
    // available area, so that the buttons at the bottom and the status bar are always on screen.
    const QScreen* where = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!where) {
        resize(1280, 800);
        return;
    }
    const QRect available = where->availableGeometry();
    // The window manager's frame is known once the window is shown: showEvent fits again then.
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize size(std::min(1280, available.width() - frame.width()),
                     std::min(800, available.height() - frame.height()));
    resize(size);
    move(available.topLeft() + QPoint((available.width() - size.width() - frame.width()) / 2,
                                      (available.height() - size.height() - frame.height()) / 2));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedWithFrame) {
        m_fittedWithFrame = true;
        QTimer::singleShot(0, this, [this] { fitScreen(); });
        // A window manager may put its frame around the window only after that (openbox does): fitted again once
        // it has, so that the title bar does not push the status bar off a 768-pixel screen.
        QTimer::singleShot(400, this, [this] { fitScreen(); });
    }
}

void MainWindow::updateTokenStatus(const QList<core::TokenSnapshot>& tokens)
{
    if (tokens.isEmpty()) {
        m_tokenStatus->setText(tr("No token plugged in"));
        return;
    }
    QStringList names;
    for (const auto& t : tokens)
        names << (t.flags.tokenInitialized ? t.labelText() + QStringLiteral(" (") + t.serialText() + QLatin1Char(')')
                                           : tr("new token"));
    m_tokenStatus->setText(tr("Token: %1").arg(names.join(QStringLiteral(", "))));
}

EnrollmentWizard* MainWindow::startEnrollmentFor(const QString& civilId)
{
    EnrollmentWizard* wizard = startEnrollment();
    // The officer page's search field: the civil ID finds exactly one officer, whom the page then offers.
    if (auto* search = wizard->findChild<QLineEdit*>(QStringLiteral("search")))
        search->setText(civilId);
    return wizard;
}

EnrollmentWizard* MainWindow::startEnrollment(qint64 resumeId)
{
    auto* wizard = new EnrollmentWizard(m_context, resumeId, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::finished, this, [this, wizard](int result) {
        // The hand-over is said where the clerk looks next: the desk's status bar.
        if (result == QDialog::Accepted)
            statusBar()->showMessage(
                tr("Enrollment #%1 handed over to %2.").arg(wizard->enrollmentId()).arg(wizard->m_officerName), 30000);
        Q_EMIT enrollmentsChanged();
    });
    wizard->open();
    return wizard;
}

QList<qint64> MainWindow::interruptedEnrollments() const
{
    QList<qint64> ids;
    auto all = core::EnrollmentRecords(*m_context.database).list(std::nullopt);
    if (!all)
        return ids;
    for (const auto& r : *all) {
        if (core::isInterrupted(r.state))
            ids << r.id;
    }
    return ids;
}

void MainWindow::offerInterruptedEnrollments()
{
    const QList<qint64> ids = interruptedEnrollments();
    if (ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Interrupted enrollments"),
        tr("%n enrollment(s) were interrupted before the token was verified. Continue enrollment #%1 now?", nullptr,
           static_cast<int>(ids.size()))
            .arg(ids.front()));
    if (answer == QMessageBox::Yes)
        startEnrollment(ids.front());
}

} // namespace tamga::ui
