// The home screen as a clerk uses it: today's work in lists, each one Alt letter and Enter from its action.
#include "ClerkKeys.h"
#include "DeskFixture.h"
#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "tamga/core/Batches.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenStock.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace tamga;
using namespace tamga::test;

TEST_CASE("the home screen shows the campaign and an open batch - Alt+B then Enter start the batch's next officer")
{
    TrainingDesk desk;
    auto batch = core::Batches(desk.database())
                     .create(desk.context().signedIn, QStringLiteral("Wave 1"), {1}, {}, QStringLiteral("signing"),
                             QStringLiteral("practice"), core::BatchMode::InPerson);
    REQUIRE(batch);
    auto members = core::Batches(desk.database()).members(*batch);
    REQUIRE(members);
    REQUIRE_FALSE(members->empty());

    ui::MainWindow window(desk.context());
    window.show();
    auto* batches = window.findChild<QListWidget*>(QStringLiteral("batches"));
    REQUIRE(batches);
    REQUIRE(batches->count() == 1);
    CHECK(batches->item(0)->text().contains(QStringLiteral("Wave 1")));
    auto* progress = window.findChild<QProgressBar*>(QStringLiteral("campaignProgress"));
    REQUIRE(progress);
    CHECK(progress->maximum() >= static_cast<int>(members->size()));
    CHECK(progress->value() == 0);
    auto* organizations = window.findChild<QListWidget*>(QStringLiteral("organizations"));
    REQUIRE(organizations);
    CHECK(organizations->count() >= 1);

    press(&window, Qt::Key_B, Qt::AltModifier);
    REQUIRE(focusIn(&window) == batches);
    press(&window, Qt::Key_Down);
    press(&window, Qt::Key_Return);
    auto* wizard = window.findChild<ui::EnrollmentWizard*>();
    REQUIRE(wizard);
    auto* search = wizard->findChild<QLineEdit*>(QStringLiteral("search"));
    REQUIRE(search);
    CHECK(search->text() == members->front().civilId);
    wizard->reject();
    // Back at the main window, as the clerk is when the wizard closes.
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    // Alt+G, Enter: the organizations not started lead to the officers.
    press(&window, Qt::Key_G, Qt::AltModifier);
    REQUIRE(focusIn(&window) == organizations);
    press(&window, Qt::Key_Down);
    press(&window, Qt::Key_Return);
    CHECK(window.tabs()->currentIndex() == 1);
}

TEST_CASE("the Reports tab shows a report on screen and saves it as CSV - reached by Alt+R")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    press(&window, Qt::Key_R, Qt::AltModifier);
    REQUIRE(window.tabs()->tabText(window.tabs()->currentIndex()) == QStringLiteral("&Reports"));
    auto* view = window.tabs()->currentWidget()->findChild<QTextBrowser*>();
    REQUIRE(view);
    CHECK(view->toPlainText().contains(QStringLiteral("Campaign progress")));

    const std::string saved = desk.hsm().dir().file("progress.csv");
    ui::setSaveFileChooser([&](QWidget*, const QString& suggested) {
        CHECK(suggested.endsWith(QStringLiteral(".csv")));
        return QString::fromStdString(saved);
    });
    click(window.tabs()->currentWidget()->findChild<QPushButton*>(QStringLiteral("saveCsv")));
    CHECK_THAT(readFile(saved), Catch::Contains("Progress per organization"));
}

TEST_CASE("the token stock on the Tokens tab by keys: a supplier's tokens listed - one marked lost with Alt+K, its "
          "reason and Enter - a move the stock does not allow is not offered - Alt+Y reconciles the day")
{
    TrainingDesk desk;
    const QString list = QString::fromStdString(desk.hsm().dir().file("delivery.csv"));
    {
        QFile file(list);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("serial,manufacturer,model\nSUP-001,Feitian,ePass3003\nSUP-002,Feitian,ePass3003\n");
    }
    auto imported = core::TokenStock(desk.database()).importDelivery(desk.context().signedIn, list);
    REQUIRE(imported);
    REQUIRE(imported->added == 2);

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    press(&window, Qt::Key_T, Qt::AltModifier);
    auto* table = window.findChild<QTableView*>(QStringLiteral("stockTable"));
    REQUIRE(table);
    REQUIRE(waitUntil([&] { return table->isVisible() && table->model()->rowCount() >= 2; }, 2000));
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data().toString() == QStringLiteral("SUP-001"))
            row = r;
    }
    REQUIRE(row >= 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());

    // Alt+K: the dialog offers where the token may go; the clerk picks "lost", gives the reason, Enter.
    QStringList offered;
    bool answered = false;
    auto* timer = new QTimer(&window);
    QObject::connect(timer, &QTimer::timeout, timer, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QStringLiteral("stockStateDialog"))
            return;
        timer->stop();
        auto* to = dialog->findChild<QComboBox*>(QStringLiteral("stockTo"));
        REQUIRE(to);
        for (int i = 0; i < to->count(); ++i)
            offered << to->itemData(i).toString();
        const int lost = to->findData(QStringLiteral("lost"));
        for (int i = to->currentIndex(); i < lost; ++i)
            press(dialog, Qt::Key_Down);
        press(dialog, Qt::Key_R, Qt::AltModifier);
        type(dialog, QStringLiteral("fell out of the delivery box"));
        press(dialog, Qt::Key_Return);
        answered = true;
    });
    timer->start(20);
    press(&window, Qt::Key_K, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return answered; }, 5000));
    CHECK(offered.contains(QStringLiteral("prepared")));
    CHECK(offered.contains(QStringLiteral("lost")));
    CHECK_FALSE(offered.contains(QStringLiteral("in_stock"))); // where it is already
    CHECK_FALSE(offered.contains(QStringLiteral("returned"))); // it was never issued
    auto lost = core::TokenStock(desk.database()).find(QStringLiteral("SUP-001"));
    REQUIRE(lost);
    CHECK(lost->state == core::StockState::Lost);
    CHECK(lost->reason == QStringLiteral("fell out of the delivery box"));
    auto* result = window.findChild<QLabel*>(QStringLiteral("stockResult"));
    REQUIRE(result);
    CHECK(result->text().contains(QStringLiteral("SUP-001")));

    // Alt+Y: the day's reconciliation, with the two tokens received and one spoiled.
    QString shown;
    // The dialog gives the keys back to the window (a window manager does that; the test's platform is told).
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    answerNextMessageBox(QMessageBox::Ok, &shown);
    press(&window, Qt::Key_Y, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return !shown.isEmpty(); }, 5000));
    CHECK(shown.contains(QStringLiteral("End of day")));
    CHECK(shown.contains(QStringLiteral("Received</td><td align=right>2<")));
    CHECK(shown.contains(QStringLiteral("retired)</td><td align=right>1<")));
}

TEST_CASE("a returned token wiped for re-issue from the stock, by keys: its row - Alt+W - the reason - the "
          "supervisor's password - erased on the worker with its sealed SO PIN, wiped in the stock")
{
    TrainingDesk desk;
    const core::Operator& trainer = desk.context().signedIn;
    // A token prepared by a supervisor's batch, its certificate since revoked, handed over and returned.
    const core::EnrollmentRecord prepared = preparedThroughBatch(desk);
    const QString serial = prepared.tokenSerial;
    REQUIRE(desk.database().exec(QStringLiteral("UPDATE certificates SET status = 'revoked' WHERE enrollment_id = ?"),
                                 {prepared.id}));
    core::TokenStock stock(desk.database());
    REQUIRE(stock.setState(trainer, serial, core::StockState::Issued, QStringLiteral("handed over")));
    REQUIRE(stock.setState(trainer, serial, core::StockState::Returned, QStringLiteral("left the post")));

    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    press(&window, Qt::Key_T, Qt::AltModifier);
    auto* table = window.findChild<QTableView*>(QStringLiteral("stockTable"));
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
        2000));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());

    // Two questions, one after the other: why, then the supervisor's password.
    int answered = 0;
    auto* timer = new QTimer(&window);
    QObject::connect(timer, &QTimer::timeout, timer, [&] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        if (answered == 0) {
            ++answered;
            dialog->setTextValue(QString());
            type(dialog, QStringLiteral("returned at the end of the term"));
            press(dialog, Qt::Key_Return);
        } else if (answered == 1 && dialog->textEchoMode() == QLineEdit::Password) {
            ++answered;
            timer->stop();
            type(dialog, QStringLiteral("trainer-desk"));
            press(dialog, Qt::Key_Return);
        }
    });
    timer->start(20);
    press(&window, Qt::Key_W, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return answered == 2; }, 5000));
    REQUIRE(waitUntil([&] { return stock.find(serial)->state == core::StockState::Wiped; }));
    CHECK(stock.find(serial)->reason == QStringLiteral("returned at the end of the term"));
    auto* result = window.findChild<QLabel*>(QStringLiteral("stockResult"));
    REQUIRE(result);
    REQUIRE(waitUntil([&] { return result->text().contains(QStringLiteral("wiped")); }, 2000));
}

TEST_CASE("a backup from the Settings tab by keys: Alt+A - the folder chosen - made on the worker while the desk "
          "works - its audit chain verified - the manifest lists the database and its key")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    press(&window, Qt::Key_S, Qt::AltModifier);
    const QString parent = QString::fromStdString(desk.hsm().dir().file("backups"));
    REQUIRE(QDir().mkpath(parent));
    ui::setOpenPathChooser([&](QWidget*, const QString&, bool folder) { return folder ? parent : QString(); });
    press(&window, Qt::Key_A, Qt::AltModifier);
    auto* note = window.findChild<QLabel*>(QStringLiteral("settingsNote"));
    REQUIRE(note);
    REQUIRE(waitUntil([&] { return note->text().startsWith(QStringLiteral("Backed up")); }));
    const QStringList made = QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    REQUIRE(made.size() == 1);
    const QString folder = parent + QLatin1Char('/') + made.front();
    QFile manifest(folder + QStringLiteral("/manifest.json"));
    REQUIRE(manifest.open(QIODevice::ReadOnly));
    const QByteArray listed = manifest.readAll();
    CHECK(listed.contains("\"tamga.db\""));
    CHECK(listed.contains("\"tamga.db.audit-key\""));
    CHECK(QFileInfo(folder).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser));
}

TEST_CASE(
    "the Settings tab adds a clerk by keys: Alt+N - name, role, the password twice (a mismatch stays) - the clerk "
    "signs in")
{
    TrainingDesk desk;
    ui::MainWindow window(desk.context());
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    press(&window, Qt::Key_S, Qt::AltModifier);
    auto* operators = window.findChild<QListWidget*>(QStringLiteral("operators"));
    REQUIRE(operators);
    const int before = operators->count();
    CHECK(operators->findItems(QStringLiteral("trainer — supervisor"), Qt::MatchExactly).size() == 1);

    QString firstMessage;
    bool answered = false;
    auto* timer = new QTimer(&window);
    QObject::connect(timer, &QTimer::timeout, timer, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QStringLiteral("operatorDialog"))
            return;
        timer->stop();
        type(dialog, QStringLiteral("tuya"));
        press(dialog, Qt::Key_W, Qt::AltModifier);
        type(dialog, QStringLiteral("clerk-password-1"));
        press(dialog, Qt::Key_G, Qt::AltModifier);
        type(dialog, QStringLiteral("clerk-password-2"));
        press(dialog, Qt::Key_Return);
        firstMessage = dialog->findChild<QLabel*>(QStringLiteral("operatorMessage"))->text();
        // Still open, the focus back in the password: typed again, both the same.
        type(dialog, QStringLiteral("clerk-password-1"));
        press(dialog, Qt::Key_G, Qt::AltModifier);
        type(dialog, QStringLiteral("clerk-password-1"));
        press(dialog, Qt::Key_Return);
        answered = true;
    });
    timer->start(20);
    press(&window, Qt::Key_N, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return answered; }, 5000));
    CHECK(firstMessage.contains(QStringLiteral("differ")));
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    CHECK(operators->count() == before + 1);
    CHECK(operators->findItems(QStringLiteral("tuya — clerk"), Qt::MatchExactly).size() == 1);
    CHECK(window.findChild<QLabel*>(QStringLiteral("settingsNote"))->text().startsWith(QStringLiteral("tuya may now")));
    auto clerk = core::Operators(desk.database()).signIn(QStringLiteral("tuya"), core::Password("clerk-password-1"));
    REQUIRE(clerk);
    CHECK(clerk->role == core::Role::Clerk);
}
