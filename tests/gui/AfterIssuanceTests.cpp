// After issuance at the desk, by keys. The Revocations tab: the receipt's QR scanned into the search, the
// application taken, the two-person rule held at the desk (the supervisor who took it cannot approve it, a second
// one can), sent to the practice CA and confirmed from its CRL on the worker. The PIN service on the Tokens tab.
#include "ClerkKeys.h"
#include "DeskFixture.h"
#include "ReceiptPrinting.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Revocations.h"

#include <catch2/catch.hpp>

#include <QDialog>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace tamga;
using namespace tamga::test;

namespace {

// The modal dialog in front, once it has the title `title` and is shown.
QDialog* modalTitled(const QString& title)
{
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    return dialog && dialog->isVisible() && dialog->windowTitle() == title ? dialog : nullptr;
}

// The fingerprint as a receipt's QR reader types it: upper case, its bytes between colons.
QString asScanned(const QString& fingerprint)
{
    QStringList bytes;
    for (int i = 0; i < fingerprint.size(); i += 2)
        bytes << fingerprint.mid(i, 2).toUpper();
    return bytes.join(QLatin1Char(':'));
}

int refusedApprovals(const core::Database& database)
{
    auto events = core::AuditLog(database).list(500);
    REQUIRE(events);
    return static_cast<int>(std::count_if(events->begin(), events->end(), [](const core::AuditEvent& e) {
        return e.action == QStringLiteral("revocation.approve") && e.outcome == core::audit::Refused;
    }));
}

} // namespace

TEST_CASE("a revocation at the desk by keys: the receipt's QR scanned - taken - the supervisor who took it refused "
          "at approval, a second one approves - sent and confirmed by the practice CA")
{
    TrainingDesk desk;
    const core::EnrollmentRecord prepared = preparedThroughBatch(desk);
    REQUIRE(prepared.certificate);
    REQUIRE(core::Operators(desk.database())
                .add(desk.context().signedIn, QStringLiteral("second"), core::Role::Supervisor,
                     core::Password("Second-pass-3")));
    core::Revocations revocations(desk.database());

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    press(&window, Qt::Key_V, Qt::AltModifier);
    REQUIRE(window.tabs()->tabText(window.tabs()->currentIndex()) == QStringLiteral("Re&vocations"));

    // The new application: the QR scanned (ends with Enter, which only looks it up), the reason left at "key
    // compromised or token lost", the statement, then Alt+T takes it.
    bool filled = false;
    QString listedOfficer;
    auto* fill = new QTimer(&window);
    QObject::connect(fill, &QTimer::timeout, fill, [&] {
        QDialog* dialog = modalTitled(QStringLiteral("New revocation application"));
        if (!dialog)
            return;
        fill->stop();
        // The statement first: then an Enter that took the application would have all it needs.
        press(dialog, Qt::Key_S, Qt::AltModifier);
        type(dialog, QStringLiteral("The token was lost on the bus."));
        press(dialog, Qt::Key_F, Qt::AltModifier);
        type(dialog, asScanned(prepared.certificate->fingerprintSha256));
        press(dialog, Qt::Key_Return);
        CHECK(dialog->isVisible()); // Enter after a scan only looks it up
        CHECK(revocations.list()->empty());
        auto* found = dialog->findChild<QTableView*>();
        REQUIRE(found);
        REQUIRE(found->model()->rowCount() == 1);
        listedOfficer = found->model()->index(0, 0).data().toString();
        press(dialog, Qt::Key_T, Qt::AltModifier);
        filled = true;
    });
    fill->start(20);
    press(&window, Qt::Key_N, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return filled; }, 5000));
    CHECK(listedOfficer == prepared.officerName);
    auto taken = revocations.list();
    REQUIRE(taken);
    REQUIRE(taken->size() == 1);
    const core::RevocationApplication application = taken->front();
    CHECK(application.state == core::RevocationState::Received);
    CHECK(application.reason == QStringLiteral("keyCompromise"));
    CHECK(application.takenBy == desk.context().signedIn.name);
    CHECK(application.statement == QStringLiteral("The token was lost on the bus."));
    CHECK(application.certificateFingerprint == prepared.certificate->fingerprintSha256);
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    // Alt+M keeps the form as a PDF (where the clerk chooses), recorded with the application.
    const QString formPath = QString::fromStdString(desk.hsm().dir().file("form.pdf"));
    ui::setSaveFileChooser([&](QWidget*, const QString&) { return formPath; });
    press(&window, Qt::Key_M, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return !revocations.find(application.id)->formSha256.isEmpty(); }, 5000));
    CHECK(QFile::exists(formPath));

    // Alt+A: the trainer, who took it, signs in to approve: refused (the dialog stays and says why), on record;
    // then the second supervisor approves.
    int step = 0;
    QString refusal;
    auto* approve = new QTimer(&window);
    QObject::connect(approve, &QTimer::timeout, approve, [&] {
        QDialog* dialog = modalTitled(QStringLiteral("Approve application #%1").arg(application.id));
        if (!dialog)
            return;
        if (step == 0) {
            step = 1;
            type(dialog, QStringLiteral("trainer"));
            press(dialog, Qt::Key_Tab);
            type(dialog, QStringLiteral("trainer-desk"));
            press(dialog, Qt::Key_Return);
            for (QLabel* label : dialog->findChildren<QLabel*>())
                if (label->text().contains(QStringLiteral("two-person")))
                    refusal = label->text();
            CHECK(dialog->isVisible());
            // The name is selected for the next person to type over.
            type(dialog, QStringLiteral("second"));
            press(dialog, Qt::Key_Tab);
            type(dialog, QStringLiteral("Second-pass-3"));
            press(dialog, Qt::Key_Return);
            step = 2;
            approve->stop();
            if (dialog->isVisible()) { // refused again: say why, and do not hang
                for (QLabel* label : dialog->findChildren<QLabel*>())
                    UNSCOPED_INFO(label->text().toStdString());
                dialog->reject();
            }
        }
    });
    approve->start(20);
    press(&window, Qt::Key_A, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return step == 2; }, 5000));
    CHECK_FALSE(refusal.isEmpty());
    CHECK(refusedApprovals(desk.database()) == 1);
    auto approved = revocations.find(application.id);
    REQUIRE(approved);
    CHECK(approved->state == core::RevocationState::Approved);
    CHECK(approved->approvedBy == QStringLiteral("second"));
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    // Alt+B sends it on the worker; Alt+C asks the CA's word (the practice CA's CRL).
    press(&window, Qt::Key_B, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return revocations.find(application.id)->state == core::RevocationState::Submitted; }));
    auto* result = window.findChild<QLabel*>(QStringLiteral("revocationResult"));
    REQUIRE(result);
    REQUIRE(waitUntil([&] { return result->text().contains(QStringLiteral("was sent to practice")); }, 5000));
    press(&window, Qt::Key_C, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return revocations.find(application.id)->state == core::RevocationState::Confirmed; }));
    REQUIRE(waitUntil([&] { return result->text().contains(QStringLiteral("confirmed")); }, 5000));
    CHECK(revocations.find(application.id)->confirmation.contains(QStringLiteral("CRL of practice")));
}

TEST_CASE("the PIN service at the Tokens tab by keys: a prepared token's PIN locked by wrong tries - Alt+B - locked - "
          "the supervisor's password - the officer's new PIN twice - set with the sealed SO PIN, which nobody typed")
{
    TrainingDesk desk;
    const core::EnrollmentRecord prepared = preparedThroughBatch(desk);
    const QString serial = prepared.tokenSerial;
    const core::Operator& trainer = desk.context().signedIn;

    // The officer's three wrong tries lock the PIN (the test module counts them as a token does).
    int finished = 0;
    bool lastSucceeded = false;
    QObject::connect(&desk.worker(), &core::DeskWorker::tokenOperationFinished, &desk.worker(),
                     [&](bool succeeded, const QString&) {
                         ++finished;
                         lastSucceeded = succeeded;
                     });
    for (int attempt = 1; attempt <= 3; ++attempt) {
        desk.worker().changePin(trainer, serial, Pin("000000"), Pin("111111"));
        REQUIRE(waitUntil([&] { return finished == attempt; }));
        CHECK_FALSE(lastSucceeded);
    }

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    press(&window, Qt::Key_T, Qt::AltModifier);
    auto* table = window.findChild<QTableView*>(QStringLiteral("tokenTable"));
    REQUIRE(table);
    int row = -1;
    REQUIRE(waitUntil(
        [&] {
            for (int r = 0; r < table->model()->rowCount(); ++r) {
                if (table->model()->index(r, 0).data().toString() == serial)
                    row = r;
            }
            return row >= 0 && table->isVisible();
        },
        3000));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());

    // What happened (Enter takes "locked"), the supervisor's password, the new PIN twice.
    QStringList asked;
    auto* answer = new QTimer(&window);
    QObject::connect(answer, &QTimer::timeout, answer, [&] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible() || (!asked.isEmpty() && asked.back() == dialog->labelText()))
            return;
        asked << dialog->labelText();
        if (asked.size() == 2)
            type(dialog, QStringLiteral("trainer-desk"));
        else if (asked.size() >= 3)
            type(dialog, QStringLiteral("97531864"));
        press(dialog, Qt::Key_Return);
        if (asked.size() == 4)
            answer->stop();
    });
    answer->start(20);
    press(&window, Qt::Key_B, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return asked.size() == 4; }, 5000));
    CHECK(asked.at(1).contains(QStringLiteral("sealed")));
    REQUIRE(waitUntil([&] { return finished == 4; }));
    CHECK(lastSucceeded);
    // The tab's own line says it (its slot may run after the test's own on a slow machine).
    auto* result = window.findChild<QLabel*>(QStringLiteral("tokenResult"));
    REQUIRE(result);
    CHECK(waitUntil([&] { return result->text().contains(QStringLiteral("set anew")); }, 5000));

    // The officer's new PIN opens the token.
    desk.worker().changePin(trainer, serial, Pin("97531864"), Pin("24681357"));
    REQUIRE(waitUntil([&] { return finished == 5; }));
    CHECK(lastSucceeded);
}
