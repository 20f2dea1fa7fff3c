// The desk driven as a clerk would, offscreen: the whole enrollment through the wizard on SoftHSM2 with the
// practice CA, a wrong PIN, a pulled token, a CA that is down; the GUI thread never stalls more than 50 ms.
#include "DeskFixture.h"
#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/pkcs11/Error.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTranslator>

using namespace tamga;
using namespace tamga::test;

namespace {

template <typename T>
T* child(QWidget* page, const char* name)
{
    auto* widget = page->findChild<T*>(QString::fromLatin1(name));
    REQUIRE(widget != nullptr);
    return widget;
}

// Officer (by scanned civil ID), data, token, PIN: up to the work page.
void fillUpToWork(ui::EnrollmentWizard* wizard, const QString& civilId, const QString& pin, bool initialize,
                  const QString& ca = QStringLiteral("practice"), const QString& tokenLabel = QString())
{
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::OfficerPage);
    child<QLineEdit>(wizard->currentPage(), "search")->setText(civilId);
    REQUIRE(wizard->currentPage()->isComplete());
    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::ReviewPage);
    auto* caChoice = child<QComboBox>(wizard->currentPage(), "ca");
    caChoice->setCurrentIndex(caChoice->findText(ca));
    REQUIRE(wizard->currentPage()->isComplete());
    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::TokenPage);
    if (!tokenLabel.isEmpty()) {
        auto* tokens = child<QListWidget>(wizard->currentPage(), "tokens");
        REQUIRE(waitUntil([&] { return !tokens->findItems(tokenLabel, Qt::MatchContains).isEmpty(); }, 3000));
        tokens->setCurrentItem(tokens->findItems(tokenLabel, Qt::MatchContains).front());
    }
    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }, 3000));
    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::PinPage);
    QWidget* page = wizard->currentPage();
    if (initialize) {
        REQUIRE(child<QCheckBox>(page, "initialize")->isChecked());
        child<QLineEdit>(page, "tokenLabel")->setText(QStringLiteral("Officer token"));
        child<QLineEdit>(page, "soPin")->setText(QStringLiteral("86420975"));
        child<QLineEdit>(page, "soPinAgain")->setText(QStringLiteral("86420975"));
    }
    child<QLineEdit>(page, "pin")->setText(pin);
    child<QLineEdit>(page, "pinAgain")->setText(pin);
    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::WorkPage);
}

}  // namespace

TEST_CASE("the wizard carries a whole enrollment - receipt and hand-over - without stalling the window")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    auto* wizard = window.startEnrollment();

    GuiWatchdog watchdog;
    fillUpToWork(wizard, QStringLiteral("УБ90010112"), QStringLiteral("258147"), true);
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::WorkPage);
    // The typed PINs are gone from the fields at once.
    watchdog.reset();
    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }));
    INFO("longest GUI-thread stall " << watchdog.longestGapMs() << " ms");
    CHECK(watchdog.longestGapMs() < 50);
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "workMessage")->text().toStdString(), Catch::Contains("verified"));

    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::ReceiptPage);
    const std::string pdf = desk.hsm().dir().file("receipt.pdf");
    ui::setSaveFileChooser([&](QWidget*, const QString&) { return QString::fromStdString(pdf); });
    child<QPushButton>(wizard->currentPage(), "savePdf")->click();
    REQUIRE(wizard->currentPage()->isComplete());
    auto text = run({requireTool("pdftotext"), pdf, "-"});
    CHECK_THAT(text.out, Catch::Contains("Дорж Батбаяр") && Catch::Contains("УБ90010112") &&
                             Catch::Contains("СУРГАЛТ") && Catch::Contains("ХҮЛЭЭЛГЭН ӨГӨХ"));

    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::HandoverPage);
    child<QCheckBox>(wizard->currentPage(), "handedOver")->setChecked(true);
    const qint64 id = wizard->enrollmentId();
    wizard->accept();
    core::CaConnectors connectors(desk.database(), desk.context().dataDir);
    auto record = core::EnrollmentEngine(desk.database(), connectors, {}).record(id);
    REQUIRE(record);
    CHECK(record->state == core::EnrollmentState::HandedOver);
    auto receiptHash = desk.database().exec(QStringLiteral("SELECT receipt_sha256 FROM enrollments WHERE id = ?"), {id});
    REQUIRE(receiptHash);
    REQUIRE(receiptHash->next());
    CHECK(receiptHash->value(0).toString().size() == 64);
}

TEST_CASE("a wrong PIN in the wizard says so and leaves the enrollment resumable")
{
    TrainingDesk desk;
    // The officer's token was prepared before, with another PIN.
    bool done = false;
    QObject::connect(&desk.worker(), &core::DeskWorker::tokenOperationFinished, [&](bool ok, const QString&) { done = ok; });
    desk.worker().initializeToken(QString(), QStringLiteral("Prepared"), pkcs11::Pin("86420975"), pkcs11::Pin("147258"));
    REQUIRE(waitUntil([&] { return done; }));
    REQUIRE(waitUntil([&] { return !desk.worker().tokens().isEmpty() && desk.worker().tokens().front().info.flags.tokenInitialized; }));

    ui::MainWindow window(desk.context());
    auto* wizard = window.startEnrollment();
    fillUpToWork(wizard, QStringLiteral("УБ85121503"), QStringLiteral("258147"), false, QStringLiteral("practice"),
                 QStringLiteral("Prepared"));
    auto* message = child<QLabel>(wizard->currentPage(), "workMessage");
    REQUIRE(waitUntil([&] { return child<QPushButton>(wizard->currentPage(), "tryAgain")->isVisibleTo(wizard->currentPage()); }));
    CHECK_THAT(message->text().toStdString(), Catch::Contains("The PIN is wrong.") && Catch::Contains("resumed"));
    CHECK_FALSE(wizard->currentPage()->isComplete());
    CHECK(window.interruptedEnrollments().size() == 1);
}

TEST_CASE("a token pulled during the work: the error is shown - plugged back in - Try again finishes")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    auto* wizard = window.startEnrollment();
    desk.hsm().pullTokenAfterCalls(40);  // somewhere inside the work, after the token is initialized
    fillUpToWork(wizard, QStringLiteral("ХУ78030422"), QStringLiteral("258147"), true);
    auto* retry = child<QPushButton>(wizard->currentPage(), "tryAgain");
    REQUIRE(waitUntil([&] { return retry->isVisibleTo(wizard->currentPage()); }));
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "workMessage")->text().toStdString(),
               Catch::Contains("removed") || Catch::Contains("not plugged in"));
    // The desk sees the token gone within a second.
    CHECK(waitUntil([&] { return desk.worker().tokens().isEmpty(); }, 1000));

    desk.hsm().plugTokenBackIn();
    REQUIRE(waitUntil([&] { return !desk.worker().tokens().isEmpty(); }, 1500));
    retry->click();
    REQUIRE(waitUntil([&] { return wizard->currentPage()->isComplete(); }));
    core::CaConnectors connectors(desk.database(), desk.context().dataDir);
    auto record = core::EnrollmentEngine(desk.database(), connectors, {}).record(wizard->enrollmentId());
    REQUIRE(record);
    CHECK(record->state == core::EnrollmentState::Verified);
}

TEST_CASE("a CA that is down: the wizard says so and the enrollment waits with its key")
{
    TrainingDesk desk;
    const std::string keyFile = desk.hsm().secretFile("auth.key", "00112233445566778899aabbccddeeff");
    QJsonObject settings{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9")},
                         {QStringLiteral("authKeyFile"), QString::fromStdString(keyFile)},
                         {QStringLiteral("profile"), QStringLiteral("officer")}};
    core::CaConnectors connectors(desk.database(), desk.context().dataDir);
    REQUIRE(connectors.add(desk.context().signedIn, {0, QStringLiteral("state-ca"), QStringLiteral("cfssl"), settings}));

    ui::MainWindow window(desk.context());
    auto* wizard = window.startEnrollment();
    fillUpToWork(wizard, QStringLiteral("ЧЖ92110709"), QStringLiteral("258147"), true, QStringLiteral("state-ca"));
    REQUIRE(waitUntil([&] { return child<QPushButton>(wizard->currentPage(), "tryAgain")->isVisibleTo(wizard->currentPage()); }));
    CHECK_THAT(child<QLabel>(wizard->currentPage(), "workMessage")->text().toStdString(),
               Catch::Contains("cannot be reached") && Catch::Contains("request_built"));
    auto record = core::EnrollmentEngine(desk.database(), connectors, {}).record(wizard->enrollmentId());
    REQUIRE(record);
    CHECK(record->state == core::EnrollmentState::RequestBuilt);
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

TEST_CASE("the desk speaks Mongolian from the translation compiled into it")
{
    TrainingDesk desk;
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(":/i18n/tamga_mn.qm")));
    QApplication::installTranslator(&translator);
    {
        ui::MainWindow window(desk.context());
        CHECK(window.tabs()->tabText(0) == QStringLiteral("&Ширээ"));
        CHECK(window.tabs()->tabText(1) == QStringLiteral("&Албан хаагчид"));
        CHECK(window.windowTitle().contains(QStringLiteral("СУРГАЛТ")));
        CHECK(ui::pinPolicyProblem(QStringLiteral("111111"), 4, 16).contains(QStringLiteral("ПИН")));
        CHECK(ui::errorHeadline(static_cast<int>(core::CoreErrorKind::Token), static_cast<int>(pkcs11::ErrorKind::WrongPin)) ==
              QStringLiteral("ПИН код буруу байна."));
        CHECK(ui::errorHeadline(static_cast<int>(core::CoreErrorKind::CaUnreachable), -1) ==
              QStringLiteral("Гэрчилгээ олгогчтой холбогдож чадсангүй."));
    }
    QApplication::removeTranslator(&translator);
    ui::MainWindow english(desk.context());
    CHECK(english.tabs()->tabText(0) == QStringLiteral("&Desk"));
}

TEST_CASE("a token that already holds a key made by Tamga is recognised and the clerk may erase it")
{
    TrainingDesk desk;
    bool finished = false;
    QObject::connect(&desk.worker(), &core::DeskWorker::enrollmentFinished,
                     [&](qint64, bool ok, const QString&, const QString&) { finished = ok; });
    core::EnrollmentJob job;
    job.by = desk.context().signedIn;
    job.officerId = 1;
    job.profile = QStringLiteral("signing");
    job.ca = QStringLiteral("practice");
    job.pin = pkcs11::Pin("258147");
    job.preparation = core::TokenPreparation{QStringLiteral("Used token"), pkcs11::Pin("86420975")};
    desk.worker().enroll(std::move(job));
    REQUIRE(waitUntil([&] { return finished; }));

    ui::MainWindow window(desk.context());
    auto* wizard = window.startEnrollment();
    child<QLineEdit>(wizard->currentPage(), "search")->setText(QStringLiteral("ЧЖ92110709"));
    wizard->next();
    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::TokenPage);
    auto* tokens = child<QListWidget>(wizard->currentPage(), "tokens");
    REQUIRE(waitUntil([&] { return !tokens->findItems(QStringLiteral("Used token"), Qt::MatchContains).isEmpty(); }, 3000));
    tokens->setCurrentItem(tokens->findItems(QStringLiteral("Used token"), Qt::MatchContains).front());
    auto* erase = child<QCheckBox>(wizard->currentPage(), "eraseToken");
    REQUIRE(waitUntil([&] { return erase->isVisibleTo(wizard->currentPage()); }, 3000));
    erase->setChecked(true);
    wizard->next();
    REQUIRE(wizard->currentId() == ui::EnrollmentWizard::PinPage);
    CHECK(child<QCheckBox>(wizard->currentPage(), "initialize")->isChecked());
}
