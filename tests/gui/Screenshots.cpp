// Not a test: renders every main screen of the desk, the wizard's pages and the receipt into
// $TAMGA_SCREENSHOT_DIR (scripts/screenshots runs it under Xvfb and keeps the pictures in docs/screenshots/).
// Hidden from the suite by its tag.
#include "DeskFixture.h"
#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "SignInDialog.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>

using namespace tamga;
using namespace tamga::test;

namespace {

void save(QWidget* widget, const QString& folder, const QString& name)
{
    QApplication::processEvents();
    REQUIRE(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
}

} // namespace

TEST_CASE("screenshots of the desk", "[.screenshots]")
{
    const QString folder = qEnvironmentVariable("TAMGA_SCREENSHOT_DIR");
    REQUIRE_FALSE(folder.isEmpty());
    TrainingDesk desk;

    ui::SignInDialog signIn(desk.database(), true);
    signIn.resize(520, 320);
    signIn.show();
    save(&signIn, folder, QStringLiteral("01-sign-in"));
    signIn.hide();

    ui::MainWindow window(desk.context());
    window.resize(1280, 800);
    window.show();
    auto* wizard = window.startEnrollment();
    wizard->resize(1000, 680);
    wizard->findChild<QLineEdit*>(QStringLiteral("search"))->setText(QStringLiteral("бат"));
    save(wizard, folder, QStringLiteral("10-wizard-officer"));
    wizard->findChild<QLineEdit*>(QStringLiteral("search"))->setText(QStringLiteral("УБ90010112"));
    wizard->next();
    wizard->currentPage()->findChild<QCheckBox*>(QStringLiteral("dataConfirmed"))->setChecked(true);
    save(wizard, folder, QStringLiteral("11-wizard-check"));
    wizard->next();
    waitUntil([&] { return wizard->currentPage()->isComplete(); }, 3000);
    save(wizard, folder, QStringLiteral("12-wizard-token"));
    wizard->next();
    QWidget* page = wizard->currentPage();
    page->findChild<QLineEdit*>(QStringLiteral("tokenLabel"))->setText(QStringLiteral("Batbayar"));
    for (const char* name : {"soPin", "soPinAgain"})
        page->findChild<QLineEdit*>(QString::fromLatin1(name))->setText(QStringLiteral("86420975"));
    for (const char* name : {"pin", "pinAgain"})
        page->findChild<QLineEdit*>(QString::fromLatin1(name))->setText(QStringLiteral("258147"));
    save(wizard, folder, QStringLiteral("13-wizard-pin"));
    wizard->next();
    waitUntil([&] { return wizard->currentPage()->isComplete(); });
    save(wizard, folder, QStringLiteral("14-wizard-work"));
    wizard->next();
    const QString pdf = folder + QStringLiteral("/receipt.pdf");
    ui::setSaveFileChooser([&](QWidget*, const QString&) { return pdf; });
    wizard->currentPage()->findChild<QPushButton*>(QStringLiteral("savePdf"))->click();
    save(wizard, folder, QStringLiteral("15-wizard-receipt"));
    wizard->next();
    wizard->currentPage()->findChild<QCheckBox*>(QStringLiteral("handedOver"))->setChecked(true);
    wizard->currentPage()->findChild<QLineEdit*>(QStringLiteral("officerPin"))->setText(QStringLiteral("258147"));
    wizard->currentPage()->findChild<QPushButton*>(QStringLiteral("signAcceptance"))->click();
    waitUntil([&] { return wizard->currentPage()->isComplete(); });
    save(wizard, folder, QStringLiteral("16-wizard-handover"));
    wizard->accept();

    const char* names[] = {"20-desk",    "21-officers", "22-tokens",  "23-enrollments",
                           "24-reports", "25-audit",    "26-settings"};
    REQUIRE(window.tabs()->count() == static_cast<int>(std::size(names)));
    for (int i = 0; i < window.tabs()->count(); ++i) {
        window.tabs()->setCurrentIndex(i);
        save(&window, folder, QString::fromLatin1(names[i]));
    }
}
