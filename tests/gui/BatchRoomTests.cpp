// The batch session room as a supervisor uses it, by keys only: Ctrl+B from the home screen, the password to
// unlock the desk key, then tokens are taken as they come (SoftHSM offers the next blank token as each one is
// initialized, as a clerk plugs in the next); a token pulled mid-way stops its officer, who goes on when it is
// plugged back in; Alt+P pauses (a blank token present is not taken), Alt+S continues.
#include "ClerkKeys.h"
#include "DeskFixture.h"
#include "EnrollmentWizard.h"
#include "OpensslCa.h"
#include "ReceiptPrinting.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Batches.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Operators.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenStock.h"

#include <catch2/catch.hpp>

#include <QDialog>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace tamga;
using namespace tamga::test;

namespace {

int verifiedIn(const TrainingDesk& desk, qint64 batch)
{
    auto summary = core::Batches(desk.database()).find(batch);
    return summary ? summary->verified : -1;
}

QStringList logOf(QDialog* room)
{
    QStringList lines;
    auto* log = room->findChild<QListWidget*>(QStringLiteral("sessionLog"));
    for (int i = 0; log && i < log->count(); ++i)
        lines << log->item(i)->text();
    return lines;
}

// Ctrl+B on the home screen opens the open batch's room. The button's shortcut presses it visibly (a tenth of a
// second) before it acts. Null when no room came up and took the keys.
QDialog* openRoomByKeys(ui::MainWindow& window)
{
    press(&window, Qt::Key_B, Qt::ControlModifier);
    if (!waitUntil([&] { return window.findChild<QDialog*>(QStringLiteral("batchRoom")) != nullptr; }, 2000))
        return nullptr;
    auto* room = window.findChild<QDialog*>(QStringLiteral("batchRoom"));
    return QTest::qWaitForWindowActive(room) ? room : nullptr;
}

} // namespace

TEST_CASE("the batch session room by keys: Ctrl+B - the supervisor's password - blank tokens taken without a click - "
          "a pulled token stops its officer until it is back - Alt+P pauses and Alt+S continues")
{
    TrainingDesk desk;
    // The two organizations under the city: four officers.
    auto batch = core::Batches(desk.database())
                     .create(desk.context().signedIn, QStringLiteral("Hub wave"), {2, 3}, {}, QStringLiteral("signing"),
                             QStringLiteral("practice"), core::BatchMode::Prepared);
    REQUIRE(batch);
    const int officers = core::Batches(desk.database()).find(*batch)->members;
    REQUIRE(officers == 4);

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto* room = openRoomByKeys(window);
    REQUIRE(room);
    auto* password = room->findChild<QLineEdit*>(QStringLiteral("supervisorPassword"));
    REQUIRE(password);
    REQUIRE(focusIn(room) == password);

    // The first token is pulled part-way through its work.
    desk.hsm().pullTokenAfterCalls(40);
    type(room, QStringLiteral("trainer-desk"));
    press(room, Qt::Key_Return);
    auto* status = room->findChild<QLabel*>(QStringLiteral("sessionStatus"));
    REQUIRE(status);
    const bool stopped = waitUntil([&] {
        const QString log = logOf(room).join(QLatin1Char('\n'));
        // Wherever the pull lands, the officer's line says the token went.
        return log.contains(QStringLiteral("pulled out")) || log.contains(QStringLiteral("plugged in")) ||
               log.contains(QStringLiteral("removed"));
    });
    INFO("status: " << status->text().toStdString() << "\nlog: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    REQUIRE(stopped);
    // Wherever the pull landed (before the token had its serial, or after), the clerk is told to plug it in again.
    CHECK(status->text().contains(QStringLiteral("plug it in again"), Qt::CaseInsensitive));
    CHECK(verifiedIn(desk, *batch) == 0);

    // Plugged back in, and Alt+P at once: the token in hand is finished, then no blank token is taken while
    // paused. (Pressed later, after two officers were done, the last two could be finished before the pause landed:
    // seen on CI, the session over and Alt+P starting it again.)
    desk.hsm().plugTokenBackIn();
    auto* startPause = room->findChild<QPushButton*>(QStringLiteral("startPause"));
    REQUIRE(startPause);
    const QString beforePause = startPause->text();
    const bool roomActive = QApplication::activeWindow() == room;
    press(room, Qt::Key_P, Qt::AltModifier);
    const bool paused = waitUntil([&] { return status->text().startsWith(QStringLiteral("Paused")); });
    // What the room showed, should the pause not come (seen once on CI: the room kept an older status).
    INFO("button before Alt+P: " << beforePause.toStdString() << ", room active: " << roomActive
                                 << "\nstatus then: " << status->text().toStdString()
                                 << "\nlog then: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    REQUIRE(paused);
    const int whenPaused = verifiedIn(desk, *batch);
    CHECK(whenPaused < officers);
    QTest::qWait(1500);
    CHECK(verifiedIn(desk, *batch) == whenPaused);
    CHECK(startPause->text() == QStringLiteral("&Start the session"));

    // Alt+S: the session goes on to the last officer, the next blank tokens taken one after another.
    press(room, Qt::Key_S, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return verifiedIn(desk, *batch) == officers; }));
    REQUIRE(waitUntil([&] {
        return room->findChild<QLabel*>(QStringLiteral("nextOfficer"))
            ->text()
            .contains(QStringLiteral("Every officer"));
    }));
    // Each officer is on a token of their own, and the audit log holds every step.
    auto members = core::Batches(desk.database()).members(*batch);
    REQUIRE(members);
    QSet<QString> tokens;
    for (const auto& m : *members) {
        REQUIRE(m.enrollment);
        tokens.insert(m.enrollment->tokenSerial);
    }
    CHECK(tokens.size() == officers);

    // Alt+H: the hand-over session of the first officer's organization brings that officer to the wizard; the
    // clerk's Cancel ends the session and says how to go on.
    press(room, Qt::Key_H, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return window.findChild<ui::EnrollmentWizard*>() != nullptr; }, 2000));
    auto* wizard = window.findChild<ui::EnrollmentWizard*>();
    CHECK(wizard->enrollmentId() == members->front().enrollment->id);
    CHECK(status->text().contains(members->front().officerName));
    answerNextMessageBox(QMessageBox::Yes); // "Close enrollment #N? It stays at ..."
    wizard->reject();
    REQUIRE(waitUntil([&] { return status->text().contains(QStringLiteral("stopped")); }, 2000));
    room->close();
}

TEST_CASE("the batch room with a USB hub, by keys: Alt+N sets two tokens at once - the supervisor's password - two new "
          "tokens worked side by side by tamga-cli worker processes in one round - every officer on a token of their "
          "own - the audit chain intact")
{
    TrainingDesk desk;
    auto batch = core::Batches(desk.database())
                     .create(desk.context().signedIn, QStringLiteral("Hub of two"), {2, 3}, {},
                             QStringLiteral("signing"), QStringLiteral("practice"), core::BatchMode::Prepared);
    REQUIRE(batch);
    const int officers = core::Batches(desk.database()).find(*batch)->members;
    REQUIRE(officers == 4);
    // Each round's outcome, as the room hears it.
    QList<int> doneByRound;
    QStringList roundErrors;
    QObject::connect(&desk.worker(), &core::DeskWorker::batchRoundFinished, &desk.worker(),
                     [&](qint64, int done, int, int, const QStringList&, const QString& error) {
                         doneByRound << done;
                         if (!error.isEmpty())
                             roundErrors << error;
                     });

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto* room = openRoomByKeys(window);
    REQUIRE(room);
    auto* tokensAtOnce = room->findChild<QSpinBox*>(QStringLiteral("tokensAtOnce"));
    REQUIRE(tokensAtOnce);
    REQUIRE(tokensAtOnce->isVisible());
    CHECK(tokensAtOnce->value() == 1);

    press(room, Qt::Key_N, Qt::AltModifier);
    REQUIRE(focusIn(room) == tokensAtOnce);
    press(room, Qt::Key_Up);
    CHECK(tokensAtOnce->value() == 2);
    press(room, Qt::Key_W, Qt::AltModifier);
    REQUIRE(focusIn(room) == room->findChild<QLineEdit*>(QStringLiteral("supervisorPassword")));
    type(room, QStringLiteral("trainer-desk"));
    press(room, Qt::Key_Return);

    // SoftHSM offers a new blank token as each one is initialized: the first round takes two, worked at once.
    REQUIRE(waitUntil([&] { return !doneByRound.isEmpty(); }));
    INFO("round errors: " << roundErrors.join(QStringLiteral("; ")).toStdString()
                          << "\nlog: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    CHECK(doneByRound.front() == 2);
    const bool everyone = waitUntil([&] { return verifiedIn(desk, *batch) == officers; });
    auto* status = room->findChild<QLabel*>(QStringLiteral("sessionStatus"));
    INFO("then status: " << status->text().toStdString() << "\nthen log: "
                         << logOf(room).join(QLatin1Char('\n')).toStdString() << "\nthen rounds: " << doneByRound.size()
                         << "\nthen errors: " << roundErrors.join(QStringLiteral("; ")).toStdString());
    REQUIRE(everyone);
    CHECK(roundErrors.isEmpty());

    auto members = core::Batches(desk.database()).members(*batch);
    REQUIRE(members);
    QSet<QString> tokens;
    for (const auto& m : *members) {
        REQUIRE(m.enrollment);
        CHECK(m.enrollment->state == core::EnrollmentState::Verified);
        tokens.insert(m.enrollment->tokenSerial);
    }
    CHECK(tokens.size() == officers);
    // The workers wrote into the same chain as the desk.
    auto verified = core::AuditLog(desk.database()).verify();
    REQUIRE(verified);
    CHECK(verified->intact);
    room->close();
}

TEST_CASE("a token lost mid-batch, by keys: its officer's row - Alt+L - what happened - Enter: the enrollment "
          "cancelled, the token lost in the stock, and the session gives the officer a new token")
{
    TrainingDesk desk;
    auto batch = core::Batches(desk.database())
                     .create(desk.context().signedIn, QStringLiteral("Lost and found"), {2}, {},
                             QStringLiteral("signing"), QStringLiteral("practice"), core::BatchMode::Prepared);
    REQUIRE(batch);
    const int officers = core::Batches(desk.database()).find(*batch)->members;
    REQUIRE(officers >= 1);

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto* room = openRoomByKeys(window);
    REQUIRE(room);
    auto* status = room->findChild<QLabel*>(QStringLiteral("sessionStatus"));
    REQUIRE(status);

    // The first token goes missing once it has its serial (part-way through the key or the request).
    desk.hsm().pullTokenAfterCalls(60);
    type(room, QStringLiteral("trainer-desk"));
    press(room, Qt::Key_Return);
    auto firstEnrollment = [&]() -> std::optional<core::EnrollmentRecord> {
        auto members = core::Batches(desk.database()).members(*batch);
        if (!members || members->empty())
            return std::nullopt;
        return members->front().enrollment;
    };
    const bool stopped = waitUntil([&] {
        auto first = firstEnrollment();
        return first && !first->tokenSerial.isEmpty() && core::isInterrupted(first->state) &&
               !first->lastError.isEmpty();
    });
    INFO("status: " << status->text().toStdString() << "\nlog: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    REQUIRE(stopped);
    const core::EnrollmentRecord lost = *firstEnrollment();

    // Alt+L with no officer selected says what to do.
    auto* members = room->findChild<QTableWidget*>(QStringLiteral("members"));
    REQUIRE(members);
    members->setCurrentCell(-1, -1);
    press(room, Qt::Key_L, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return status->text().contains(QStringLiteral("Select the officer")); }, 2000));
    // The officer's row (the first), then Alt+L: the dialog asks what happened.
    QTest::mouseClick(members->viewport(), Qt::LeftButton, {}, members->visualItemRect(members->item(0, 1)).center());
    bool answered = false;
    auto* timer = new QTimer(room);
    QObject::connect(timer, &QTimer::timeout, timer, [&answered, timer] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        type(dialog, QStringLiteral("dropped in the car park"));
        press(dialog, Qt::Key_Return);
        answered = true;
    });
    timer->start(20);
    press(room, Qt::Key_L, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return answered; }, 5000));
    REQUIRE(waitUntil([&] { return logOf(room).join(QLatin1Char('\n')).contains(QStringLiteral("marked lost")); }));
    // The clerk plugs in a new blank token (the test module's pull darkened every slot: plugging back in brings
    // SoftHSM's next blank token, and the lost one, whose enrollment is no longer the officer's).
    desk.hsm().plugTokenBackIn();

    // The lost token's enrollment is cancelled and the token lost in the stock; the session goes on and the
    // officer gets a new token (SoftHSM offers the next blank one).
    const bool allVerified = waitUntil([&] { return verifiedIn(desk, *batch) == officers; });
    INFO("then status: " << status->text().toStdString()
                         << "\nthen log: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    REQUIRE(allVerified);
    auto cancelled = core::EnrollmentRecords(desk.database()).record(lost.id);
    REQUIRE(cancelled);
    CHECK(cancelled->state == core::EnrollmentState::Cancelled);
    auto stock = core::TokenStock(desk.database()).find(lost.tokenSerial);
    REQUIRE(stock);
    CHECK(stock->state == core::StockState::Lost);
    auto now = firstEnrollment();
    REQUIRE(now);
    CHECK(now->id != lost.id);
    CHECK(now->tokenSerial != lost.tokenSerial);
    room->close();
}

TEST_CASE("a clerk's in-person session by keys, on a desk whose key a supervisor has unlocked: nothing to type "
          "first - the officer types a PIN twice and Enter - the new token's random SO PIN is sealed, no SO PIN asked")
{
    TrainingDesk desk;
    REQUIRE(core::SealedSecrets(desk.database()).unlock(desk.context().signedIn.name, core::Password("trainer-desk")));
    auto clerk = core::Operators(desk.database())
                     .add(desk.context().signedIn, QStringLiteral("clerk-at-desk"), core::Role::Clerk,
                          core::Password("clerk-password-1"));
    REQUIRE(clerk);
    ui::DeskContext context = desk.context();
    context.signedIn = *clerk;
    auto batch = core::Batches(desk.database())
                     .create(*clerk, QStringLiteral("At the desk"), {2}, {}, QStringLiteral("signing"),
                             QStringLiteral("practice"), core::BatchMode::InPerson);
    REQUIRE(batch);

    ui::MainWindow window(context);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto* room = openRoomByKeys(window);
    REQUIRE(room);
    auto* soPin = room->findChild<QLineEdit*>(QStringLiteral("soPin"));
    auto* pin = room->findChild<QLineEdit*>(QStringLiteral("officerPin"));
    REQUIRE(soPin);
    REQUIRE(pin);
    CHECK_FALSE(soPin->isVisible());
    // The session has started by itself and asks the first officer for a PIN.
    REQUIRE(waitUntil([&] { return focusIn(room) == pin; }, 2000));
    type(room, QStringLiteral("258147"));
    press(room, Qt::Key_Return);
    type(room, QStringLiteral("258147"));
    press(room, Qt::Key_Return);
    auto* status = room->findChild<QLabel*>(QStringLiteral("sessionStatus"));
    const bool one = waitUntil([&] { return verifiedIn(desk, *batch) == 1; });
    INFO("status: " << status->text().toStdString() << "\nlog: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    REQUIRE(one);
    auto members = core::Batches(desk.database()).members(*batch);
    REQUIRE(members);
    REQUIRE(members->front().enrollment);
    CHECK(*core::SealedSecrets(desk.database()).has(members->front().enrollment->tokenSerial, core::SecretKind::SoPin));
    room->close();
}

TEST_CASE("an offline batch in the room by keys: requests made - Alt+X seals the bundle with its cover sheet - "
          "openssl ca signs - Alt+R imports the answer - each certificate written onto its token still plugged in")
{
    TrainingDesk desk;
    const core::Operator& trainer = desk.context().signedIn;
    tamga::test::OpensslCa ca(desk.hsm().dir());
    REQUIRE(core::TrustAnchors(desk.database())
                .add(trainer, QByteArray::fromStdString(tamga::test::readFile(ca.rootPem()))));
    const QString exchange = QString::fromStdString(desk.hsm().dir().file("exchange"));
    core::CaConnectors connectors(desk.database(), desk.context().dataDir);
    REQUIRE(connectors.add(trainer, {0, QStringLiteral("offline"), QStringLiteral("files"),
                                     QJsonObject{{QStringLiteral("dir"), exchange}}}));
    auto batch = core::Batches(desk.database())
                     .create(trainer, QStringLiteral("Offline by keys"), {2}, {}, QStringLiteral("signing"),
                             QStringLiteral("offline"), core::BatchMode::Prepared);
    REQUIRE(batch);
    const int officers = core::Batches(desk.database()).find(*batch)->members;

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto* room = openRoomByKeys(window);
    REQUIRE(room);
    auto* status = room->findChild<QLabel*>(QStringLiteral("sessionStatus"));
    type(room, QStringLiteral("trainer-desk"));
    press(room, Qt::Key_Return);
    // Every officer's token prepared and the request waiting at the offline CA.
    auto submitted = [&] {
        auto members = core::Batches(desk.database()).members(*batch);
        return members
                   ? std::count_if(members->begin(), members->end(),
                                   [](const core::BatchMember& m) {
                                       return m.enrollment && m.enrollment->state == core::EnrollmentState::Submitted;
                                   })
                   : 0;
    };
    const bool allSubmitted = waitUntil([&] { return submitted() == officers; });
    INFO("status: " << status->text().toStdString() << "\nlog: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    REQUIRE(allSubmitted);

    // Alt+X: the folder chosen, the bundle sealed on the worker, the cover sheet written beside it.
    const QString toCa = QString::fromStdString(desk.hsm().dir().file("to-ca"));
    QDir().mkpath(toCa);
    QString answerPath;
    ui::setOpenPathChooser([&](QWidget*, const QString&, bool folder) { return folder ? toCa : answerPath; });
    press(room, Qt::Key_X, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return QFile::exists(toCa + QStringLiteral("/cover.pdf")); }));
    REQUIRE(waitUntil([&] { return logOf(room).join(QLatin1Char('\n')).contains(QStringLiteral("sealed in")); }));
    CHECK(
        tamga::test::run({"sh", "-c", "cd '" + toCa.toStdString() + "' && sha256sum -c bundle.json.sha256"}).exitCode ==
        0);

    // The CA operator signs every request and answers with one PKCS#7 file.
    auto members = core::Batches(desk.database()).members(*batch);
    REQUIRE(members);
    std::vector<std::string> p7{"openssl", "crl2pkcs7", "-nocrl", "-certfile", ca.rootPem()};
    for (const auto& m : *members) {
        const std::string id = std::to_string(m.enrollment->id);
        const std::string issued = desk.hsm().dir().file("from-ca/" + id + ".pem");
        ca.sign(toCa.toStdString() + "/enrollment-" + id + ".csr.pem", issued);
        p7.insert(p7.end(), {"-certfile", issued});
    }
    answerPath = QString::fromStdString(desk.hsm().dir().file("answer.p7b"));
    p7.insert(p7.end(), {"-outform", "DER", "-out", answerPath.toStdString()});
    REQUIRE(tamga::test::run(p7).exitCode == 0);

    // Alt+R: the answer checked and reported; the tokens are still plugged in, so each certificate is written and
    // read back in the session's next rounds.
    press(room, Qt::Key_R, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return logOf(room).join(QLatin1Char('\n')).contains(QStringLiteral("matched: ")); }));
    const bool written = waitUntil([&] { return verifiedIn(desk, *batch) == officers; });
    INFO("then status: " << status->text().toStdString()
                         << "\nthen log: " << logOf(room).join(QLatin1Char('\n')).toStdString());
    REQUIRE(written);
    room->close();
}

TEST_CASE("a new batch by keys: Ctrl+Shift+B - its name - organizations ticked with Space - prepared with Alt+E - "
          "Enter creates it and opens its room")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    // The dialog is modal: the clerk's keys are set up before the shortcut opens it.
    bool driven = false;
    auto* timer = new QTimer(&window);
    QObject::connect(timer, &QTimer::timeout, timer, [&driven, timer] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QStringLiteral("batchDialog"))
            return;
        timer->stop();
        type(dialog, QStringLiteral("Wave by keys"));
        press(dialog, Qt::Key_O, Qt::AltModifier);
        auto* organizations = dialog->findChild<QListWidget*>(QStringLiteral("batchOrganizations"));
        REQUIRE(organizations);
        // The list comes with its first row current: Space ticks it, Down goes to the next.
        for (int i = 0; i < organizations->count(); ++i) {
            if (i > 0)
                press(dialog, Qt::Key_Down);
            press(dialog, Qt::Key_Space);
        }
        press(dialog, Qt::Key_E, Qt::AltModifier);
        QTest::qWait(200); // a mnemonic presses its check box visibly first
        press(dialog, Qt::Key_Return);
        driven = true;
    });
    timer->start(20);
    press(&window, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    REQUIRE(waitUntil([&] { return window.findChild<QDialog*>(QStringLiteral("batchRoom")) != nullptr; }, 5000));
    CHECK(driven);

    auto batches = core::Batches(desk.database()).list();
    REQUIRE(batches);
    REQUIRE(batches->size() == 1);
    CHECK(batches->front().name == QStringLiteral("Wave by keys"));
    CHECK(batches->front().mode == core::BatchMode::Prepared);
    CHECK(batches->front().members == 5); // every officer of the training registry's three organizations
}
