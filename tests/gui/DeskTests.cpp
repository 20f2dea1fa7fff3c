// The desk driven as a clerk would, offscreen, with key presses and clicks only (ClerkKeys.h): the whole enrollment
// through the wizard on SoftHSM2 with the practice CA, Enter on the officer and check pages, Back and Esc while the
// token is written, a wrong PIN, a pulled token, a CA that is down, a token holding another officer's key, and the
// desk in Mongolian down to Qt's own buttons. No GUI-thread wait on a token or the network (a second would show).
#include "ClerkKeys.h"
#include "DeskFixture.h"
#include "DisplayNames.h"
#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Renewals.h"
#include "tamga/core/SealedSecrets.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTranslator>

#include <map>

#include <sys/stat.h>

using namespace tamga;
using namespace tamga::test;
using Page = ui::EnrollmentWizard::PageId;

namespace {

template <typename T> T* child(QWidget* page, const char* name)
{
    auto* widget = page->findChild<T*>(QString::fromLatin1(name));
    REQUIRE(widget != nullptr);
    return widget;
}

core::EnrollmentRecord recordOf(TrainingDesk& desk, qint64 id)
{
    core::CaConnectors connectors(desk.database(), desk.context().dataDir);
    auto record = core::EnrollmentRecords(desk.database()).record(id);
    REQUIRE(record);
    return *record;
}

// Makes the choice in a combo box with the keyboard: focus it, then arrow down until it shows `text`.
void chooseInCombo(QWidget* window, QComboBox* combo, const QString& text)
{
    combo->setFocus();
    press(window, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentText() != text; ++i)
        press(window, Qt::Key_Down);
    REQUIRE(combo->currentText() == text);
}

// The officer's civil ID scanned (typed, then Enter), the record read and confirmed: up to the token page.
void scanToTokenPage(ui::EnrollmentWizard* wizard, const QString& civilId,
                     const QString& ca = QStringLiteral("practice"))
{
    REQUIRE(wizard->currentId() == Page::OfficerPage);
    type(wizard, civilId);
    press(wizard, Qt::Key_Return);
    // Enter takes the one officer found to the check page, never past it, and it does not pass the check page
    // until the clerk confirms the record.
    REQUIRE(wizard->currentId() == Page::ReviewPage);
    press(wizard, Qt::Key_Return);
    REQUIRE(wizard->currentId() == Page::ReviewPage);
    chooseInCombo(wizard, child<QComboBox>(wizard->currentPage(), "ca"), ca);
    click(child<QCheckBox>(wizard->currentPage(), "dataConfirmed"));
    press(wizard, Qt::Key_Return);
    REQUIRE(wizard->currentId() == Page::TokenPage);
}

// Up to the PIN page. `tokenLabel` empty: the one blank token, which the desk chooses itself.
void scanAndConfirm(ui::EnrollmentWizard* wizard, const QString& civilId,
                    const QString& ca = QStringLiteral("practice"), const QString& tokenLabel = QString())
{
    scanToTokenPage(wizard, civilId, ca);
    if (!tokenLabel.isEmpty()) {
        auto* tokens = child<QListWidget>(wizard->currentPage(), "tokens");
        REQUIRE(waitUntil([&] { return !tokens->findItems(tokenLabel, Qt::MatchContains).isEmpty(); }, 3000));
        clickItem(tokens, tokens->findItems(tokenLabel, Qt::MatchContains).front());
    }
    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }, 3000));
    press(wizard, Qt::Key_Return);
    REQUIRE(wizard->currentId() == Page::PinPage);
}

// On the PIN page: the focus is in the PIN field (the officer's digits go nowhere else). A new token: PIN twice,
// label, SO PIN twice, moving with Tab. A token already set up: its PIN once. Then Enter starts the work.
void typePins(ui::EnrollmentWizard* wizard, const QString& pin, bool newToken)
{
    REQUIRE(waitUntil([&] { return focusIn(wizard)->objectName() == QStringLiteral("pin"); }, 2000));
    type(wizard, pin);
    if (newToken) {
        press(wizard, Qt::Key_Tab);
        type(wizard, pin);
        press(wizard, Qt::Key_Tab);
        REQUIRE(focusIn(wizard)->objectName() == QStringLiteral("tokenLabel"));
        press(wizard, Qt::Key_End);
        type(wizard, QStringLiteral(" officer"));
        press(wizard, Qt::Key_Tab);
        type(wizard, QStringLiteral("86420975"));
        press(wizard, Qt::Key_Tab);
        type(wizard, QStringLiteral("86420975"));
    } else {
        CHECK_FALSE(child<QLineEdit>(wizard->currentPage(), "pinAgain")->isVisibleTo(wizard->currentPage()));
        CHECK_FALSE(child<QLineEdit>(wizard->currentPage(), "soPin")->isVisibleTo(wizard->currentPage()));
    }
    press(wizard, Qt::Key_Return);
    REQUIRE(wizard->currentId() == Page::WorkPage);
}

// The desk in Mongolian while it lives: Qt's own strings and the desk's, as DeskSetup installs them.
struct MongolianDesk {
    QTranslator qtStrings;
    QTranslator deskStrings;
    MongolianDesk()
    {
        REQUIRE(qtStrings.load(QStringLiteral(":/i18n/qtbase_mn.qm")));
        REQUIRE(deskStrings.load(QStringLiteral(":/i18n/tamga_mn.qm")));
        QApplication::installTranslator(&qtStrings);
        QApplication::installTranslator(&deskStrings);
    }
    ~MongolianDesk()
    {
        QApplication::removeTranslator(&deskStrings);
        QApplication::removeTranslator(&qtStrings);
    }
};

bool retryShown(ui::EnrollmentWizard* wizard)
{
    return child<QPushButton>(wizard->currentPage(), "tryAgain")->isVisibleTo(wizard->currentPage());
}

// A token the worker prepared with a PIN (as an earlier enrollment or another desk would have).
void prepareToken(TrainingDesk& desk, const QString& label, const char* pin)
{
    bool done = false;
    QObject::connect(&desk.worker(), &core::DeskWorker::tokenOperationFinished,
                     [&](bool ok, const QString&) { done = ok; });
    desk.worker().initializeToken(desk.context().signedIn, QString(), label, Pin("86420975"), Pin(pin));
    REQUIRE(waitUntil([&] { return done; }));
    REQUIRE(waitUntil([&] {
        for (const auto& token : desk.worker().tokens())
            if (token.labelText() == label)
                return true;
        return false;
    }));
}

} // namespace

TEST_CASE("a whole enrollment by keyboard: check page confirmed - no way back or out while the token is written - "
          "receipt and hand-over")
{
    TrainingDesk desk;
    // A supervisor has unlocked the desk key once: the desk has its sealing key, so the SO PIN the clerk types for a
    // new token is sealed for that token (the PIN service can unblock it later without anyone typing it).
    REQUIRE(core::SealedSecrets(desk.database()).unlock(QStringLiteral("trainer"), core::Password("trainer-desk")));
    ui::MainWindow window(desk.context());
    window.show();
    auto* wizard = window.startEnrollment();

    scanAndConfirm(wizard, QStringLiteral("УБ90010112"));
    GuiWatchdog watchdog;
    typePins(wizard, QStringLiteral("258147"), true);
    // The PIN page was the commit page: no Back from the work, Esc closes nothing while the token is written.
    QAbstractButton* back = wizard->button(QWizard::BackButton);
    CHECK_FALSE((back->isVisible() && back->isEnabled()));
    if (back->isVisible())
        click(back);
    press(wizard, Qt::Key_Escape);
    CHECK(wizard->isVisible());
    CHECK(wizard->currentId() == Page::WorkPage);

    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }));
    // Only a blocking token or network call on the GUI thread would stall it for a second (the figure on a quiet
    // machine is in docs/PERFORMANCE.md, measured by tamga-bench-desk).
    INFO("longest GUI-thread stall " << watchdog.longestGapMs() << " ms");
    CHECK(watchdog.longestGapMs() < 1000);
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "workMessage")->text().toStdString(), Catch::Contains("verified"));
    const qint64 id = wizard->enrollmentId();
    const auto record = recordOf(desk, id);
    CHECK(record.state == core::EnrollmentState::Verified);
    CHECK(record.officerName == QStringLiteral("Дорж Батбаяр"));
    CHECK(*core::SealedSecrets(desk.database()).has(record.tokenSerial, core::SecretKind::SoPin));

    press(wizard, Qt::Key_Return);
    REQUIRE(wizard->currentId() == Page::ReceiptPage);
    CHECK_FALSE(wizard->currentPage()->isComplete());
    QString suggested;
    const std::string pdf = desk.hsm().dir().file("receipt.pdf");
    ui::setSaveFileChooser([&](QWidget*, const QString& path) {
        suggested = path;
        return QString::fromStdString(pdf);
    });
    click(child<QPushButton>(wizard->currentPage(), "savePdf"));
    REQUIRE(wizard->currentPage()->isComplete());
    // The dialog starts in the desk's receipts folder with a name that says whose receipt it is; the page says
    // where it went; the file is the owner's only.
    CHECK_THAT(suggested.toStdString(), Catch::Contains("/receipts/receipt-" + std::to_string(id) + "-Дорж-Батбаяр-"));
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "receiptSaved")->text().toStdString(), Catch::Contains(pdf));
    struct stat status {};
    REQUIRE(::stat(pdf.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    auto text = run({requireTool("pdftotext"), pdf, "-"});
    CHECK_THAT(text.out, Catch::Contains("Дорж Батбаяр") && Catch::Contains("УБ90010112") &&
                             Catch::Contains("СУРГАЛТ") && Catch::Contains("ХҮЛЭЭЛГЭН ӨГӨХ"));

    press(wizard, Qt::Key_Return);
    REQUIRE(wizard->currentId() == Page::HandoverPage);
    press(wizard, Qt::Key_Return); // not before the officer signed
    CHECK(wizard->currentId() == Page::HandoverPage);
    click(child<QCheckBox>(wizard->currentPage(), "handedOver"));
    press(wizard, Qt::Key_Return); // not before the officer signed with the token either
    CHECK(wizard->currentId() == Page::HandoverPage);
    // The officer types their PIN (the focus is on it once the box is ticked) and the token signs the acceptance.
    type(wizard, QStringLiteral("258147"));
    press(wizard, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return recordOf(desk, id).state == core::EnrollmentState::HandedOver; }, 3000));
    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }, 3000));
    press(wizard, Qt::Key_Return);
    auto acceptance = desk.database().exec(QStringLiteral("SELECT acceptance_cms FROM enrollments WHERE id = ?"), {id});
    REQUIRE(acceptance);
    REQUIRE(acceptance->next());
    CHECK_FALSE(acceptance->value(0).toString().isEmpty());
    acceptance->finish();
    CHECK_THAT(window.statusBar()->currentMessage().toStdString(), Catch::Contains("handed over"));
    auto receiptHash =
        desk.database().exec(QStringLiteral("SELECT receipt_sha256 FROM enrollments WHERE id = ?"), {id});
    REQUIRE(receiptHash);
    REQUIRE(receiptHash->next());
    CHECK(receiptHash->value(0).toString().size() == 64);
}

TEST_CASE("Enter with a search that finds two officers makes the clerk choose - Esc asks before closing")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    auto* wizard = window.startEnrollment();
    type(wizard, QStringLiteral("дорж")); // Дорж Батбаяр and Цэрэндорж Хүрэлбаатар
    press(wizard, Qt::Key_Return);
    CHECK(wizard->currentId() == Page::OfficerPage);
    CHECK_FALSE(wizard->currentPage()->isComplete());
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "officerHint")->text().toStdString(), Catch::Contains("2"));
    // The clerk takes the second with the arrow keys.
    press(wizard, Qt::Key_Down);
    press(wizard, Qt::Key_Down);
    press(wizard, Qt::Key_Return);
    REQUIRE(wizard->currentId() == Page::ReviewPage);
    CHECK(wizard->m_officerName == QStringLiteral("Цэрэндорж Хүрэлбаатар"));

    // Esc on a page past the first asks; No keeps the wizard, Yes closes it.
    answerNextMessageBox(QMessageBox::No);
    press(wizard, Qt::Key_Escape);
    CHECK(wizard->isVisible());
    answerNextMessageBox(QMessageBox::Yes);
    press(wizard, Qt::Key_Escape);
    CHECK(waitUntil([&] { return !window.findChild<ui::EnrollmentWizard*>(); }, 2000));
}

TEST_CASE("a token already set up: the officer types its PIN once - limits are the token's - a wrong PIN says so")
{
    TrainingDesk desk;
    prepareToken(desk, QStringLiteral("Prepared"), "147258");

    ui::MainWindow window(desk.context());
    auto* wizard = window.startEnrollment();
    scanAndConfirm(wizard, QStringLiteral("УБ85121503"), QStringLiteral("practice"), QStringLiteral("Prepared"));
    // SoftHSM takes PINs of 4 to 255 characters: the page says the token's own limits, as the Tokens tab does.
    bool limitsShown = false;
    for (QLabel* label : wizard->currentPage()->findChildren<QLabel*>())
        limitsShown = limitsShown || label->text().contains(QStringLiteral("4 to 255"));
    CHECK(limitsShown);
    typePins(wizard, QStringLiteral("999999"), false);
    REQUIRE(waitUntil([&] { return retryShown(wizard); }));
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "workMessage")->text().toStdString(),
               Catch::Contains("The PIN is wrong.") && Catch::Contains("resumed"));
    CHECK_FALSE(wizard->currentPage()->isComplete());
    CHECK(window.interruptedEnrollments().size() == 1);

    // Continued later: the wizard names the enrollment, the officer and the token.
    const qint64 id = wizard->enrollmentId();
    answerNextMessageBox(QMessageBox::Yes);
    press(wizard, Qt::Key_Escape);
    REQUIRE(waitUntil([&] { return !window.findChild<ui::EnrollmentWizard*>(); }, 2000));
    auto* resumed = window.startEnrollment(id);
    CHECK(resumed->currentId() == Page::PinPage);
    CHECK(resumed->windowTitle().contains(QStringLiteral("#%1").arg(id)));
    CHECK(resumed->windowTitle().contains(QStringLiteral("Өлзийбат")));
    const QString serial = recordOf(desk, id).tokenSerial;
    CHECK(child<QLabel>(resumed->currentPage(), "pinFor")->text().contains(serial));
    typePins(resumed, QStringLiteral("147258"), false);
    REQUIRE(waitUntil([&] { return resumed->currentPage()->isComplete(); }));
    CHECK(recordOf(desk, id).state == core::EnrollmentState::Verified);
}

TEST_CASE("a certificate to renew on the home screen, by keys: its line - Enter - Alt+R for the old one's revocation "
          "- Alt+N - the wizard on the new enrollment takes the officer's PIN - verified, the old key deleted")
{
    TrainingDesk desk;
    const core::Operator& trainer = desk.context().signedIn;
    const core::EnrollmentRecord old = preparedThroughBatch(desk);
    // The officer's PIN: the prepared token's initial PIN, from the sealed store.
    auto key = core::SealedSecrets(desk.database()).unlock(trainer.name, core::Password("trainer-desk"));
    REQUIRE(key);
    auto initial =
        core::SealedSecrets(desk.database()).open(trainer, *key, old.tokenSerial, core::SecretKind::InitialPin);
    REQUIRE(initial);
    const QString pin = QString::fromUtf8(initial->view().data(), static_cast<qsizetype>(initial->view().size()));
    REQUIRE(desk.database().exec(QStringLiteral("UPDATE certificates SET not_after = ? WHERE enrollment_id = ?"),
                                 {QDateTime::currentDateTimeUtc().addDays(10).toString(Qt::ISODate), old.id}));

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto* list = window.findChild<QListWidget*>(QStringLiteral("toRenew"));
    REQUIRE(list);
    QListWidgetItem* line = nullptr;
    REQUIRE(waitUntil(
        [&] {
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->data(Qt::UserRole).toLongLong() == old.id)
                    line = list->item(i);
            return line != nullptr;
        },
        3000));
    CHECK(line->text().contains(old.officerName));
    list->setFocus();
    list->setCurrentItem(line);

    bool asked = false;
    auto* answer = new QTimer(&window);
    QObject::connect(answer, &QTimer::timeout, answer, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible() || dialog->windowTitle() != QStringLiteral("Renewal"))
            return;
        answer->stop();
        asked = true;
        press(dialog, Qt::Key_R, Qt::AltModifier);
        press(dialog, Qt::Key_N, Qt::AltModifier);
    });
    answer->start(20);
    press(&window, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return asked; }, 3000));
    ui::EnrollmentWizard* wizard = nullptr;
    REQUIRE(waitUntil([&] { return (wizard = window.findChild<ui::EnrollmentWizard*>()) != nullptr; }, 5000));
    const qint64 fresh = wizard->enrollmentId();
    CHECK(fresh != old.id);
    auto renewal = core::Renewals(desk.database()).ofNewEnrollment(fresh);
    REQUIRE(renewal);
    REQUIRE(*renewal);
    CHECK((*renewal)->oldEnrollmentId == old.id);
    CHECK((*renewal)->revokeOld);
    REQUIRE(waitUntil([&] { return wizard->currentId() == Page::PinPage; }, 3000));
    typePins(wizard, pin, false);
    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }));
    CHECK(recordOf(desk, fresh).state == core::EnrollmentState::Verified);
    REQUIRE(waitUntil([&] { return core::Renewals(desk.database()).find((*renewal)->id)->completed; }, 3000));
    const core::Renewal completed = *core::Renewals(desk.database()).find((*renewal)->id);
    CHECK(completed.oldKeyRetired == QStringLiteral("deleted"));
    CHECK(completed.revocationId != 0);

    // What Tamga made on the token: the new key, not the old one.
    QStringList labels;
    bool inspected = false;
    QObject::connect(&desk.worker(), &core::DeskWorker::tokenInspected, &desk.worker(),
                     [&](const QString&, const QStringList& found) {
                         labels = found;
                         inspected = true;
                     });
    desk.worker().inspectToken(old.tokenSerial);
    REQUIRE(waitUntil([&] { return inspected; }));
    CHECK(labels.size() == 1);
    CHECK(labels.join(QLatin1Char(' ')).endsWith(QStringLiteral("#%1").arg(fresh)));
}

TEST_CASE("a token pulled during the work: the error is shown - plugged back in - Try again finishes")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    auto* wizard = window.startEnrollment();
    desk.hsm().pullTokenAfterCalls(40); // somewhere inside the work, after the token is initialized
    scanAndConfirm(wizard, QStringLiteral("ХУ78030422"));
    typePins(wizard, QStringLiteral("258147"), true);
    auto* retry = child<QPushButton>(wizard->currentPage(), "tryAgain");
    REQUIRE(waitUntil([&] { return retryShown(wizard); }));
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "workMessage")->text().toStdString(),
               Catch::Contains("removed") || Catch::Contains("not plugged in"));
    // The desk sees the token gone within a second.
    CHECK(waitUntil([&] { return desk.worker().tokens().isEmpty(); }, 1000));

    desk.hsm().plugTokenBackIn();
    REQUIRE(waitUntil([&] { return !desk.worker().tokens().isEmpty(); }, 1500));
    click(retry);
    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }));
    CHECK(recordOf(desk, wizard->enrollmentId()).state == core::EnrollmentState::Verified);
}

TEST_CASE("a CA that is down: the wizard says so and the enrollment waits with its key")
{
    TrainingDesk desk;
    const std::string keyFile = desk.hsm().secretFile("auth.key", "00112233445566778899aabbccddeeff");
    QJsonObject settings{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9")},
                         {QStringLiteral("authKeyFile"), QString::fromStdString(keyFile)},
                         {QStringLiteral("profile"), QStringLiteral("officer")}};
    core::CaConnectors connectors(desk.database(), desk.context().dataDir);
    REQUIRE(
        connectors.add(desk.context().signedIn, {0, QStringLiteral("state-ca"), QStringLiteral("cfssl"), settings}));

    ui::MainWindow window(desk.context());
    auto* wizard = window.startEnrollment();
    scanAndConfirm(wizard, QStringLiteral("ЧЖ92110709"), QStringLiteral("state-ca"));
    typePins(wizard, QStringLiteral("258147"), true);
    REQUIRE(waitUntil([&] { return retryShown(wizard); }));
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "workMessage")->text().toStdString(),
               Catch::Contains("cannot be reached") && Catch::Contains("request signed"));
    CHECK(recordOf(desk, wizard->enrollmentId()).state == core::EnrollmentState::RequestBuilt);
}

TEST_CASE("a token holding another officer's key is not chosen for the clerk - only a supervisor erases it - after a "
          "confirmation")
{
    TrainingDesk desk;
    bool finished = false;
    QObject::connect(&desk.worker(), &core::DeskWorker::enrollmentFinished,
                     [&](qint64, bool ok, std::optional<core::EnrollmentState>, const QString&) { finished = ok; });
    core::EnrollmentJob job;
    job.by = desk.context().signedIn;
    job.officerId = 1; // Дорж Батбаяр
    job.profile = QStringLiteral("signing");
    job.ca = QStringLiteral("practice");
    job.pin = Pin("258147");
    job.preparation = core::TokenPreparation{QStringLiteral("Used token"), Pin("86420975")};
    desk.worker().enroll(std::move(job));
    REQUIRE(waitUntil([&] { return finished; }));

    // The officer in front of the desk already has a valid signing certificate: the check page says so.
    {
        ui::MainWindow window(desk.context());
        auto* wizard = window.startEnrollment();
        type(wizard, QStringLiteral("УБ90010112"));
        press(wizard, Qt::Key_Return);
        REQUIRE(wizard->currentId() == Page::ReviewPage);
        CHECK_THAT(child<QLabel>(wizard->currentPage(), "alreadyHolds")->text().toStdString(),
                   Catch::Contains("already holds a valid"));
    }

    SECTION("a clerk cannot take it")
    {
        core::Operators operators(desk.database());
        REQUIRE(operators.add(desk.context().signedIn, QStringLiteral("clerk1"), core::Role::Clerk,
                              core::Password("Clerk-password-1")));
        auto clerk = operators.signIn(QStringLiteral("clerk1"), core::Password("Clerk-password-1"));
        REQUIRE(clerk);
        ui::DeskContext asClerk = desk.context();
        asClerk.signedIn = *clerk;
        ui::MainWindow window(asClerk);
        auto* wizard = window.startEnrollment();
        scanToTokenPage(wizard, QStringLiteral("ЧЖ92110709"));
        auto* tokens = child<QListWidget>(wizard->currentPage(), "tokens");
        auto usedToken = [&] {
            const auto found = tokens->findItems(QStringLiteral("Used token"), Qt::MatchContains);
            return found.isEmpty() ? nullptr : found.front();
        };
        REQUIRE(waitUntil([&] { return usedToken() != nullptr; }, 3000));
        // Shown with its serial and whose key it holds; nothing chosen for the clerk (SoftHSM's blank slot is
        // there too).
        CHECK_THAT(usedToken()->text().toStdString(), Catch::Contains("Дорж Батбаяр") && Catch::Contains("serial"));
        CHECK(tokens->selectedItems().isEmpty());
        clickItem(tokens, usedToken());
        auto* erase = child<QCheckBox>(wizard->currentPage(), "eraseToken");
        REQUIRE(waitUntil([&] { return erase->isVisibleTo(wizard->currentPage()); }, 3000));
        CHECK_FALSE(erase->isEnabled());
        CHECK_FALSE(wizard->currentPage()->isComplete());
        press(wizard, Qt::Key_Return);
        CHECK(wizard->currentId() == Page::TokenPage);

        // Nor through the worker: core refuses a clerk's erase and audits it.
        bool refused = false;
        QString message;
        QObject::connect(&desk.worker(), &core::DeskWorker::tokenOperationFinished, [&](bool ok, const QString& text) {
            refused = !ok;
            message = text;
        });
        QString usedSerial;
        for (const auto& token : desk.worker().tokens())
            if (token.labelText() == QStringLiteral("Used token"))
                usedSerial = token.serialText();
        REQUIRE_FALSE(usedSerial.isEmpty());
        desk.worker().initializeToken(*clerk, usedSerial, QStringLiteral("Taken"), Pin("86420975"), Pin("111222"));
        REQUIRE(waitUntil([&] { return refused; }));
        CHECK_THAT(message.toStdString(), Catch::Contains("needs a supervisor"));
        auto audited = desk.database().exec(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'token.erase' AND outcome = 'refused'"));
        REQUIRE(audited);
        REQUIRE(audited->next());
        CHECK(audited->value(0).toInt() == 1);
    }
    SECTION("a supervisor erases it after confirming")
    {
        ui::MainWindow window(desk.context());
        auto* wizard = window.startEnrollment();
        scanToTokenPage(wizard, QStringLiteral("ЧЖ92110709"));
        auto* tokens = child<QListWidget>(wizard->currentPage(), "tokens");
        REQUIRE(waitUntil([&] { return !tokens->findItems(QStringLiteral("Used token"), Qt::MatchContains).isEmpty(); },
                          3000));
        CHECK(tokens->selectedItems().isEmpty());
        clickItem(tokens, tokens->findItems(QStringLiteral("Used token"), Qt::MatchContains).front());
        auto* erase = child<QCheckBox>(wizard->currentPage(), "eraseToken");
        REQUIRE(waitUntil([&] { return erase->isVisibleTo(wizard->currentPage()); }, 3000));
        REQUIRE(erase->isEnabled());
        CHECK_FALSE(wizard->currentPage()->isComplete());
        // Cancel at the warning leaves the box unticked; Yes ticks it.
        QString warning;
        answerNextMessageBox(QMessageBox::Cancel, &warning);
        click(erase);
        CHECK_FALSE(erase->isChecked());
        CHECK_THAT(warning.toStdString(), Catch::Contains("lost for good"));
        answerNextMessageBox(QMessageBox::Yes);
        click(erase);
        CHECK(erase->isChecked());
        REQUIRE(wizard->currentPage()->isComplete());
        press(wizard, Qt::Key_Return);
        REQUIRE(wizard->currentId() == Page::PinPage);
        // The erased token gets new PINs: chosen twice.
        CHECK(child<QLineEdit>(wizard->currentPage(), "pinAgain")->isVisibleTo(wizard->currentPage()));
        typePins(wizard, QStringLiteral("369258"), true);
        REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }));
        auto audited = desk.database().exec(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'token.erase' AND outcome = 'ok'"));
        REQUIRE(audited);
        REQUIRE(audited->next());
        CHECK(audited->value(0).toInt() == 1);
    }
}

TEST_CASE("the PIN policy refuses repeated and consecutive digits and lengths outside the token's")
{
    CHECK(ui::pinPolicyProblem(QStringLiteral("258147"), 4, 16).isEmpty());
    CHECK_FALSE(ui::pinPolicyProblem(QStringLiteral("111111"), 4, 16).isEmpty());
    CHECK_FALSE(ui::pinPolicyProblem(QStringLiteral("123456"), 4, 16).isEmpty());
    CHECK_FALSE(ui::pinPolicyProblem(QStringLiteral("987654"), 4, 16).isEmpty());
    CHECK_FALSE(ui::pinPolicyProblem(QStringLiteral("12a456"), 4, 16).isEmpty());
    CHECK_FALSE(ui::pinPolicyProblem(QStringLiteral("258"), 4, 16).isEmpty());
    CHECK_FALSE(ui::pinPolicyProblem(QStringLiteral("25814725814725814"), 4, 16).isEmpty());
}

TEST_CASE("the desk speaks Mongolian from the translations compiled into it - Qt's own buttons included")
{
    TrainingDesk desk;
    {
        MongolianDesk mongolian;
        ui::MainWindow window(desk.context());
        CHECK(window.tabs()->tabText(0) == QStringLiteral("&Ширээ"));
        CHECK(window.tabs()->tabText(1) == QStringLiteral("&Албан хаагчид"));
        CHECK(window.windowTitle().contains(QStringLiteral("СУРГАЛТ")));
        CHECK(ui::pinPolicyProblem(QStringLiteral("111111"), 4, 16).contains(QStringLiteral("ПИН")));
        CHECK(ui::errorHeadline(core::CoreErrorKind::Token, core::TokenErrorKind::WrongPin) ==
              QStringLiteral("ПИН код буруу байна."));
        CHECK(ui::errorHeadline(core::CoreErrorKind::CaUnreachable, core::TokenErrorKind::None) ==
              QStringLiteral("Гэрчилгээ олгогчтой холбогдож чадсангүй."));
        // Stored names appear in the clerk's language.
        CHECK_FALSE(ui::stateDisplayName(core::EnrollmentState::Verified).contains(QStringLiteral("verified")));
        CHECK_FALSE(
            ui::auditActionDisplayName(QStringLiteral("enrollment.handed_over")).contains(QStringLiteral("handed")));
        // Qt's own strings: the wizard's buttons and a message box's.
        auto* wizard = window.startEnrollment();
        CHECK_FALSE(wizard->buttonText(QWizard::NextButton).contains(QStringLiteral("Next")));
        CHECK_FALSE(wizard->buttonText(QWizard::CancelButton).contains(QStringLiteral("Cancel")));
        QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"),
                        QMessageBox::Yes | QMessageBox::No);
        CHECK(box.button(QMessageBox::Yes)->text().remove(QLatin1Char('&')) == QStringLiteral("Тийм"));
        CHECK(box.button(QMessageBox::No)->text().remove(QLatin1Char('&')) == QStringLiteral("Үгүй"));
    }
    ui::MainWindow english(desk.context());
    CHECK(english.tabs()->tabText(0) == QStringLiteral("&Desk"));
}

TEST_CASE("the main window fits the screen it opens on - its bottom row and status bar are on screen")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    QApplication::processEvents();
    const QRect available = window.screen()->availableGeometry();
    INFO("screen " << available.width() << "x" << available.height() << ", window " << window.frameGeometry().width()
                   << "x" << window.frameGeometry().height());
    CHECK(available.contains(window.frameGeometry()));
    CHECK(available.contains(window.statusBar()->mapToGlobal(window.statusBar()->rect().bottomRight())));
}

namespace {

// The Alt+letter mnemonics shown at once under `root`: buttons, check boxes, labels with a buddy, tab titles.
std::map<QChar, QStringList> mnemonics(QWidget* root, const QStringList& extra = {})
{
    std::map<QChar, QStringList> found;
    auto add = [&](const QString& text) {
        for (int i = 0; i + 1 < text.size(); ++i) {
            if (text[i] == QLatin1Char('&') && text[i + 1] != QLatin1Char('&') && !text[i + 1].isSpace()) {
                found[text[i + 1].toLower()] << text;
                return;
            }
            if (text[i] == QLatin1Char('&'))
                ++i; // "&&" is a literal ampersand
        }
    };
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>())
        if (button->isVisibleTo(root))
            add(button->text());
    for (QLabel* label : root->findChildren<QLabel*>())
        if (label->buddy() && label->isVisibleTo(root))
            add(label->text());
    for (QTabWidget* tabs : root->findChildren<QTabWidget*>())
        if (tabs->isVisibleTo(root) || tabs->parentWidget() == root)
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
    for (const QString& text : extra)
        add(text);
    return found;
}

std::string clashes(const std::map<QChar, QStringList>& found)
{
    std::string text;
    for (const auto& [letter, owners] : found)
        if (owners.size() > 1)
            text +=
                "Alt+" + QString(letter).toStdString() + ": " + owners.join(QStringLiteral(" | ")).toStdString() + "\n";
    return text;
}

} // namespace

TEST_CASE("in English every Alt+letter on a tab of the main window belongs to one control")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    for (int tab = 0; tab < window.tabs()->count(); ++tab) {
        window.tabs()->setCurrentIndex(tab);
        INFO("tab " << window.tabs()->tabText(tab).toStdString() << "\n" << clashes(mnemonics(&window)));
        CHECK(clashes(mnemonics(&window)).empty());
    }
}

TEST_CASE(
    "in Mongolian every Alt+letter on a screen belongs to one control - the main window's tabs and the wizard's pages")
{
    TrainingDesk desk;
    {
        MongolianDesk mongolian;
        ui::MainWindow window(desk.context());
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            INFO("tab " << window.tabs()->tabText(tab).toStdString() << "\n" << clashes(mnemonics(&window)));
            CHECK(clashes(mnemonics(&window)).empty());
        }
        // The new revocation application's dialog.
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            if (window.tabs()->tabText(tab) == QStringLiteral("Хү&чингүй болголт"))
                window.tabs()->setCurrentIndex(tab);
        }
        QPushButton* newApplication = nullptr;
        for (auto* button : window.findChildren<QPushButton*>())
            if (button->text() == QStringLiteral("Ш&инэ өргөдөл…"))
                newApplication = button;
        REQUIRE(newApplication);
        std::string dialogClashes = "(not opened)";
        QTimer::singleShot(50, [&] {
            if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                dialogClashes = clashes(mnemonics(dialog));
                dialog->reject();
            }
        });
        newApplication->click();
        INFO("new revocation application\n" << dialogClashes);
        CHECK(dialogClashes.empty());

        auto* wizard = window.startEnrollment();
        const QStringList buttons{wizard->buttonText(QWizard::BackButton), wizard->buttonText(QWizard::NextButton),
                                  wizard->buttonText(QWizard::CancelButton), wizard->buttonText(QWizard::FinishButton)};
        for (int id : wizard->pageIds()) {
            QWizardPage* page = wizard->page(id);
            QStringList shown = buttons;
            if (page->isCommitPage())
                shown << page->buttonText(QWizard::CommitButton);
            const auto found = mnemonics(page, shown);
            INFO("page " << page->title().toStdString() << "\n" << clashes(found));
            CHECK(clashes(found).empty());
        }
    }
}

TEST_CASE("a view whose data cannot be read says so - it does not just go empty")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    QApplication::processEvents();
    auto readErrorsShown = [&] {
        QStringList shown;
        for (auto* line : window.findChildren<QLabel*>(QStringLiteral("readError"))) {
            if (!line->isHidden()) // shown on its tab, whichever tab is in front
                shown << line->text();
        }
        return shown;
    };
    CHECK(readErrorsShown().isEmpty());

    // Another process breaks the table the Desk and Enrollments tabs read (as a damaged or foreign file would).
    REQUIRE(desk.database().exec(QStringLiteral("ALTER TABLE enrollments RENAME TO enrollments_elsewhere")));
    Q_EMIT window.enrollmentsChanged();
    QApplication::processEvents();
    const QStringList shown = readErrorsShown();
    INFO(shown.join(QLatin1Char('\n')).toStdString());
    CHECK(shown.size() == 2); // the Desk tab's list and the Enrollments tab's table
    for (const QString& text : shown)
        CHECK(text.contains(QStringLiteral("enrollments")));

    REQUIRE(desk.database().exec(QStringLiteral("ALTER TABLE enrollments_elsewhere RENAME TO enrollments")));
    Q_EMIT window.enrollmentsChanged();
    QApplication::processEvents();
    CHECK(readErrorsShown().isEmpty());
}
