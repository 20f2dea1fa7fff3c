// A new installation's first start, as a supervisor goes through it: only keys, the wizard's own buttons, and
// what the core then holds (operator, setting, connector, anchors, audit chain) checked after each page.
#include "CaServers.h"
#include "ClerkKeys.h"
#include "DeskFixture.h"
#include "FirstRunWizard.h"
#include "ReceiptPrinting.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Backup.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Settings.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace tamga;
using namespace tamga::test;

TEST_CASE("first run: a new desk gets its supervisor, module, a tested CA and trust anchors by keys, then signs in")
{
    TempDir folder;
    const QString path = QString::fromStdString(folder.file("tamga.db"));
    REQUIRE(ui::FirstRunWizard::needed(path));

    core::DeskWorker worker(path, {});
    ui::FirstRunWizard wizard(path, worker);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowActive(&wizard));
    const int databasePage = wizard.currentId();

    // Enter leaves the database page; the supervisor's name has the focus.
    press(&wizard, Qt::Key_Return);
    const int supervisorPage = wizard.currentId();
    REQUIRE(supervisorPage != databasePage);
    type(&wizard, QStringLiteral("bolormaa"));
    press(&wizard, Qt::Key_Tab);
    // A password shorter than the desk's rule: refused before anything is written, the database included.
    type(&wizard, QStringLiteral("short"));
    press(&wizard, Qt::Key_Tab);
    type(&wizard, QStringLiteral("short"));
    press(&wizard, Qt::Key_Return);
    CHECK(wizard.currentId() == supervisorPage);
    auto* supervisorMessage = wizard.findChild<QLabel*>(QStringLiteral("supervisorMessage"));
    REQUIRE(supervisorMessage);
    CHECK(supervisorMessage->text().contains(QStringLiteral("at least")));
    CHECK_FALSE(QFileInfo::exists(path));

    // The focus is back in the password field.
    type(&wizard, QStringLiteral("first-supervisor-1"));
    press(&wizard, Qt::Key_Tab);
    type(&wizard, QStringLiteral("first-supervisor-2"));
    press(&wizard, Qt::Key_Return);
    // Two different passwords: nobody is made, the page stays and says why, the password fields are empty.
    CHECK(wizard.currentId() == supervisorPage);
    CHECK(supervisorMessage->text().contains(QStringLiteral("differ")));
    CHECK_FALSE(QFileInfo::exists(path)); // the database comes with its first supervisor, not before
    CHECK(wizard.findChild<QLineEdit*>(QStringLiteral("supervisorPassword"))->text().isEmpty());

    // The focus is back in the password field.
    type(&wizard, QStringLiteral("first-supervisor-1"));
    press(&wizard, Qt::Key_Tab);
    type(&wizard, QStringLiteral("first-supervisor-1"));
    press(&wizard, Qt::Key_Return);
    const int modulePage = wizard.currentId();
    REQUIRE(modulePage != supervisorPage);
    CHECK_FALSE(ui::FirstRunWizard::needed(path));
    auto database = core::Database::openExisting(path);
    REQUIRE(database);
    const core::Database& db = **database;
    CHECK(wizard.supervisorName() == QStringLiteral("bolormaa"));
    auto supervisor = core::Operators(db).signIn(QStringLiteral("bolormaa"), core::Password("first-supervisor-1"));
    REQUIRE(supervisor);
    CHECK(supervisor->role == core::Role::Supervisor);
    // The supervisor exists now: the wizard cannot go back to make another.
    const QAbstractButton* back = wizard.button(QWizard::BackButton);
    CHECK((back->isHidden() || !back->isEnabled()));

    // The modules p11-kit registers on this machine (scripts/test installs OpenSC and SoftHSM2), OpenSC's chosen.
    auto* modules = wizard.findChild<QListWidget*>(QStringLiteral("modules"));
    REQUIRE(modules);
    REQUIRE(waitUntil([&] { return modules->count() > 0; }));
    REQUIRE(modules->currentItem());
    const QString chosenModule = modules->currentItem()->data(Qt::UserRole).toString();
    CHECK(chosenModule.contains(QStringLiteral("opensc-pkcs11")));
    for (int i = 0; i < modules->count(); ++i)
        CHECK_FALSE(modules->item(i)->data(Qt::UserRole).toString().contains(QStringLiteral("p11-kit-trust")));
    press(&wizard, Qt::Key_Return);
    const int caPage = wizard.currentId();
    REQUIRE(caPage != modulePage);
    CHECK(core::Settings(db).value(core::setting::Pkcs11Modules).value_or(std::nullopt) == chosenModule);

    // A CFSSL address where nothing listens: the connector is added, and the test says it failed.
    CfsslServer cfssl(folder);
    auto* caMessage = wizard.findChild<QLabel*>(QStringLiteral("caMessage"));
    REQUIRE(caMessage);
    auto* caName = wizard.findChild<QLineEdit*>(QStringLiteral("caName"));
    press(&wizard, Qt::Key_K, Qt::AltModifier);
    press(&wizard, Qt::Key_Down); // CMP, then CFSSL
    REQUIRE(wizard.findChild<QComboBox*>(QStringLiteral("caType"))->currentData().toString() ==
            QStringLiteral("cfssl"));
    press(&wizard, Qt::Key_M, Qt::AltModifier); // the name, selected by its shortcut: typing replaces it
    REQUIRE(focusIn(&wizard) == caName);
    type(&wizard, QStringLiteral("cfssl-down"));
    press(&wizard, Qt::Key_A, Qt::AltModifier);
    REQUIRE(focusIn(&wizard) == wizard.findChild<QLineEdit*>(QStringLiteral("caUrl")));
    type(&wizard, QStringLiteral("http://127.0.0.1:9"));
    press(&wizard, Qt::Key_P, Qt::AltModifier);
    type(&wizard, QStringLiteral("officer-signing"));
    press(&wizard, Qt::Key_E, Qt::AltModifier);
    type(&wizard, QString::fromStdString(cfssl.authKeyFile()));
    press(&wizard, Qt::Key_T, Qt::AltModifier); // Add and test
    REQUIRE(waitUntil([&] { return caMessage->text().contains(QStringLiteral("test failed")); }));
    CHECK(caMessage->text().startsWith(QStringLiteral("cfssl-down added")));

    // The real CFSSL server answers: the same kind, profile and key, its own address.
    press(&wizard, Qt::Key_M, Qt::AltModifier);
    type(&wizard, QStringLiteral("state-ca"));
    press(&wizard, Qt::Key_A, Qt::AltModifier);
    type(&wizard, QString::fromStdString(cfssl.url()));
    press(&wizard, Qt::Key_T, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return caMessage->text().contains(QStringLiteral("The CA answers")); }));
    CHECK(caMessage->text().startsWith(QStringLiteral("state-ca added")));
    auto connectors = core::CaConnectors(db, QString::fromStdString(folder.path().string())).list();
    REQUIRE(connectors);
    REQUIRE(connectors->size() == 2);
    CHECK(connectors->at(0).settings.value(QStringLiteral("url")).toString() == QStringLiteral("http://127.0.0.1:9"));
    CHECK(connectors->at(1).name == QStringLiteral("state-ca"));
    CHECK(connectors->at(1).settings.value(QStringLiteral("url")).toString() == QString::fromStdString(cfssl.url()));
    CHECK(connectors->at(1).settings.value(QStringLiteral("profile")).toString() == QStringLiteral("officer-signing"));

    // Enter goes on (the Add button is not the page's default); the CA's root is imported with Alt+I.
    press(&wizard, Qt::Key_Return);
    REQUIRE(wizard.currentId() != caPage);
    auto* anchors = wizard.findChild<QListWidget*>(QStringLiteral("anchors"));
    REQUIRE(anchors);
    const int anchorsBefore = anchors->count();
    {
        const QString root = QString::fromStdString(cfssl.rootPem());
        ScopedOpenPathChooser chooser([&](QWidget*, const QString&, bool) { return root; });
        press(&wizard, Qt::Key_I, Qt::AltModifier);
        auto* anchorsMessage = wizard.findChild<QLabel*>(QStringLiteral("anchorsMessage"));
        REQUIRE(anchorsMessage);
        // A mnemonic clicks its button a moment later (Qt animates the click).
        REQUIRE(waitUntil([&] { return !anchorsMessage->text().isEmpty(); }));
        CHECK(anchorsMessage->text().startsWith(QStringLiteral("1 new")));
    }
    CHECK(anchors->count() == anchorsBefore + 1);
    CHECK(anchors->item(anchors->count() - 1)->text().contains(QStringLiteral("CFSSL Test Root")));

    press(&wizard, Qt::Key_Return); // the last page
    press(&wizard, Qt::Key_Return); // Finish
    CHECK(wizard.result() == QDialog::Accepted);

    // Every step was the supervisor's, in one unbroken audit chain.
    auto verified = core::AuditLog(db).verify();
    REQUIRE(verified);
    CHECK(verified->intact);
    CHECK(verified->eventsChecked >= 5);
}

TEST_CASE("first run: Alt+R restores the desk from a backup whose chain verifies - a damaged backup writes nothing")
{
    // A desk with a supervisor, a setting and an officer, backed up.
    TempDir folder;
    const QString original = QString::fromStdString(folder.file("original.db"));
    const QString backup = QString::fromStdString(folder.file("backup"));
    {
        auto database = core::Database::open(original);
        REQUIRE(database);
        auto supervisor =
            core::Operators(**database)
                .add(std::nullopt, QStringLiteral("oyunaa"), core::Role::Supervisor, core::Password("restored-desk-1"));
        REQUIRE(supervisor);
        REQUIRE(core::Settings(**database)
                    .setValue(*supervisor, core::setting::Pkcs11Modules,
                              QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so")));
        REQUIRE(core::Backups(**database).make(*supervisor, backup));
    }
    // A copy of the backup with one byte of its database changed: the manifest's SHA-256 no longer matches.
    const QString damaged = QString::fromStdString(folder.file("damaged"));
    REQUIRE(QDir().mkpath(damaged));
    for (const QString& name : QDir(backup).entryList(QDir::Files))
        REQUIRE(QFile::copy(backup + QLatin1Char('/') + name, damaged + QLatin1Char('/') + name));
    {
        QFile file(damaged + QStringLiteral("/tamga.db"));
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek(file.size() / 2));
        char byte = 0;
        REQUIRE(file.getChar(&byte));
        REQUIRE(file.seek(file.size() / 2));
        REQUIRE(file.putChar(static_cast<char>(byte ^ 0x5a)));
    }

    const QString path = QString::fromStdString(folder.file("desk/tamga.db"));
    REQUIRE(QDir().mkpath(QFileInfo(path).absolutePath()));
    core::DeskWorker worker(path, {});
    ui::FirstRunWizard wizard(path, worker);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowActive(&wizard));
    auto* message = wizard.findChild<QLabel*>(QStringLiteral("restoreMessage"));
    REQUIRE(message);

    QString chosen = damaged;
    ScopedOpenPathChooser chooser(
        [&](QWidget*, const QString&, bool folderWanted) { return folderWanted ? chosen : QString(); });
    press(&wizard, Qt::Key_R, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Not restored")); }));
    INFO(message->text().toStdString());
    CHECK(message->text().contains(QStringLiteral("SHA-256")));
    CHECK_FALSE(QFileInfo::exists(path));
    CHECK(wizard.findChild<QPushButton*>(QStringLiteral("restoreBackup"))->isEnabled());

    chosen = backup;
    press(&wizard, Qt::Key_R, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Restored")); }));
    // Next goes straight to the last page: the restored desk has its supervisor already.
    press(&wizard, Qt::Key_Return);
    CHECK(wizard.currentId() == ui::FirstRunWizard::ReadyPageId);
    press(&wizard, Qt::Key_Return);
    CHECK(wizard.result() == QDialog::Accepted);
    CHECK(wizard.supervisorName().isEmpty());

    CHECK_FALSE(ui::FirstRunWizard::needed(path));
    auto restored = core::Database::openExisting(path);
    REQUIRE(restored);
    CHECK(core::Operators(**restored).signIn(QStringLiteral("oyunaa"), core::Password("restored-desk-1")));
    CHECK(core::Settings(**restored).value(core::setting::Pkcs11Modules).value_or(std::nullopt) ==
          QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so"));
    auto verified = core::AuditLog(**restored).verify();
    REQUIRE(verified);
    CHECK(verified->intact);
}

TEST_CASE("first run on the office's shared registry: the first desk sets it up with its supervisor - a second desk "
          "joins it straight to the sign-in - a wrong address says why",
          "[postgres]")
{
    TempDir folder;
    const TestDatabase registry(folder, "registry");
    REQUIRE(registry.shared()); // run on the postgres fixture (tests/CMakeLists.txt)
    const QString address = QString::fromStdString(registry.location());
    const QString localPath = QString::fromStdString(folder.file("tamga.db"));

    auto chooseRegistry = [&](ui::FirstRunWizard& wizard, const QString& typed) {
        press(&wizard, Qt::Key_O, Qt::AltModifier);
        auto* field = wizard.findChild<QLineEdit*>(QStringLiteral("registryAddress"));
        REQUIRE(field);
        auto* sharedChoice = wizard.findChild<QRadioButton*>(QStringLiteral("sharedDatabase"));
        REQUIRE(sharedChoice);
        REQUIRE(waitUntil([&] { return sharedChoice->isChecked() && field->isEnabled(); }));
        press(&wizard, Qt::Key_Tab); // from the choice to its address
        REQUIRE(focusIn(&wizard) == field);
        field->selectAll();
        type(&wizard, typed);
        press(&wizard, Qt::Key_Return);
    };
    {
        core::DeskWorker worker(localPath, {});
        ui::FirstRunWizard wizard(localPath, worker);
        wizard.show();
        REQUIRE(QTest::qWaitForWindowActive(&wizard));
        const int databasePage = wizard.currentId();
        auto* message = wizard.findChild<QLabel*>(QStringLiteral("registryMessage"));
        REQUIRE(message);

        // A password in the address is refused before any connection; the page stays.
        chooseRegistry(wizard, QStringLiteral("postgresql://tamga:secret@127.0.0.1/tamga"));
        REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("cannot be used")); }));
        CHECK(message->text().contains(QStringLiteral("password file")));
        CHECK(wizard.currentId() == databasePage);

        // The empty registry: this desk sets it up, its supervisor made there.
        chooseRegistry(wizard, address);
        REQUIRE(waitUntil([&] { return wizard.currentId() != databasePage; }));
        CHECK(wizard.databasePath() == address);
        type(&wizard, QStringLiteral("bolormaa"));
        press(&wizard, Qt::Key_Tab);
        type(&wizard, QStringLiteral("first-supervisor-1"));
        press(&wizard, Qt::Key_Tab);
        type(&wizard, QStringLiteral("first-supervisor-1"));
        press(&wizard, Qt::Key_Return);
        REQUIRE(wizard.supervisorName() == QStringLiteral("bolormaa"));
        wizard.reject();
    }
    CHECK_FALSE(QFileInfo::exists(localPath)); // nothing was made on this PC
    {
        auto opened = core::Database::openExisting(address);
        REQUIRE(opened);
        CHECK(core::Operators(**opened).signIn(QStringLiteral("bolormaa"), core::Password("first-supervisor-1")));
    }
    // A second desk: the registry is in use, so it joins it and goes straight to the last page.
    {
        const QString otherPath = QString::fromStdString(folder.file("other-desk/tamga.db"));
        core::DeskWorker worker(otherPath, {});
        ui::FirstRunWizard wizard(otherPath, worker);
        wizard.show();
        REQUIRE(QTest::qWaitForWindowActive(&wizard));
        chooseRegistry(wizard, address);
        auto* last = wizard.page(ui::FirstRunWizard::ReadyPageId);
        REQUIRE(waitUntil([&] { return wizard.currentPage() == last; }));
        const auto texts = last->findChildren<QLabel*>();
        REQUIRE_FALSE(texts.isEmpty());
        CHECK(texts.front()->text().contains(QStringLiteral("registry.audit-key")));
        press(&wizard, Qt::Key_Return); // Finish
        CHECK(wizard.result() == QDialog::Accepted);
        CHECK(wizard.databasePath() == address);
        CHECK(wizard.supervisorName().isEmpty());
    }
}
