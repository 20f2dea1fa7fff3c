// The home screen as a clerk uses it: today's work in lists, each one Alt letter and Enter from its action.
#include "ClerkKeys.h"
#include "DeskFixture.h"
#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "tamga/core/Batches.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>

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
