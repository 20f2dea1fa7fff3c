// The home screen as a clerk uses it: today's work in lists, each one Alt letter and Enter from its action.
#include "ClerkKeys.h"
#include "DeskFixture.h"
#include "EnrollmentWizard.h"
#include "tamga/core/Batches.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QTabWidget>
#include <QTest>

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
