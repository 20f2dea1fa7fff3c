// The database file: permissions, pragmas, numbered migrations, refusing a newer schema.
#include "CoreFixture.h"
#include "TestSupport.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Backup.h"
#include "tamga/core/Database.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <sys/stat.h>

using namespace tamga::core;
using tamga::test::TempDir;

namespace {

QVariant scalar(const Database& db, const QString& sql)
{
    auto query = db.exec(sql);
    REQUIRE(query);
    REQUIRE(query->next());
    return query->value(0);
}

} // namespace

TEST_CASE("a new database is private to its owner and opened with WAL - synchronous FULL and foreign keys", "[sqlite]")
{
    TempDir dir;
    const QString path = QString::fromStdString(dir.file("desk/tamga.db")); // the folder is created too
    auto db = Database::open(path);
    REQUIRE(db);
    struct stat st {};
    REQUIRE(::stat(path.toLocal8Bit().constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(scalar(**db, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(scalar(**db, QStringLiteral("PRAGMA synchronous")).toInt() == 2); // FULL
    CHECK(scalar(**db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK((*db)->schemaVersion() == Database::currentSchemaVersion());

    // Foreign keys are enforced: an officer of an organization that does not exist is refused.
    auto orphan = (*db)->exec(QStringLiteral("INSERT INTO officers (organization_id, surname, given_name, civil_id, "
                                             "position, search_text, created_at, updated_at) "
                                             "VALUES (999, 'a', 'b', 'c', 'd', '', '', '')"));
    CHECK_FALSE(orphan);

    // Every table the registry issue asks for exists.
    const QStringList tables = (*db)->connection().tables();
    for (const char* table :
         {"organizations", "officers", "tokens", "enrollments", "certificates", "revocation_requests", "ca_connectors",
          "trust_anchors", "certificate_profiles", "operators", "settings", "audit_log"})
        CHECK(tables.contains(QString::fromLatin1(table)));
}

TEST_CASE("an older database is migrated in one step and keeps its data")
{
    TempDir dir;
    for (int from = 0; from < Database::currentSchemaVersion(); ++from) {
        DYNAMIC_SECTION("from schema version " << from)
        {
            const tamga::test::TestDatabase database(dir, "old-" + std::to_string(from) + ".db");
            const QString path = QString::fromStdString(database.location());
            qint64 officerId = 0;
            if (from >= 1) {
                auto old = Database::openAtVersion(path, from);
                REQUIRE(old);
                REQUIRE((*old)->schemaVersion() == from);
                CHECK((*old)->connection().tables().contains(QStringLiteral("enrollments")) == (from >= 2));
                Operator system{0, QStringLiteral("test"), Role::Supervisor};
                Registry registry(**old);
                auto org = registry.addOrganization(system, QStringLiteral("Хан-Уул дүүрэг"), QStringLiteral("1234567"),
                                                    std::nullopt);
                REQUIRE(org);
                auto officer = registry.addOfficer(system, {*org, QStringLiteral("Дорж"), QStringLiteral("Батбаяр"),
                                                            QStringLiteral("УБ90010112"), QStringLiteral("Дарга")});
                REQUIRE(officer);
                officerId = *officer;
                // The search text as the Tamga of that schema wrote it: no loose Latin spelling.
                REQUIRE((*old)->exec(
                    QStringLiteral("UPDATE officers SET search_text = 'дорж батбаяр уб90010112 хан-уул дүүрэг'")));
                if (!database.shared()) // PostgreSQL's trigram index keeps itself
                    REQUIRE(
                        (*old)->exec(QStringLiteral("INSERT INTO officer_search(officer_search) VALUES ('rebuild')")));
                REQUIRE(Registry(**old).officers(std::nullopt, QStringLiteral("khan-uul"))->empty());
            }
            auto migrated = Database::open(path);
            REQUIRE(migrated);
            CHECK((*migrated)->schemaVersion() == Database::currentSchemaVersion());
            CHECK((*migrated)->connection().tables().contains(QStringLiteral("enrollments")));
            // Step 3 brought the built-in profiles.
            auto builtin =
                (*migrated)->exec(QStringLiteral("SELECT count(*) FROM certificate_profiles WHERE builtin = 1"));
            REQUIRE(builtin);
            REQUIRE(builtin->next());
            CHECK(builtin->value(0).toInt() == 2);
            builtin->finish();
            if (officerId) {
                auto officer = Registry(**migrated).officer(officerId);
                REQUIRE(officer);
                CHECK(officer->fields.civilId == QStringLiteral("УБ90010112"));
                // The search index built by the first step still works after the others, and step 4 gave it the
                // Latin spellings (a database from before step 4: later ones were written with them).
                CHECK(Registry(**migrated).officers(std::nullopt, QStringLiteral("батбаяр"))->size() == 1);
                if (from < 4)
                    CHECK(Registry(**migrated).officers(std::nullopt, QStringLiteral("khan-uul"))->size() == 1);
            }
        }
    }
}

TEST_CASE("a database from a newer Tamga is refused and left untouched", "[sqlite]")
{
    TempDir dir;
    const QString path = QString::fromStdString(dir.file("newer.db"));
    {
        auto db = Database::open(path);
        REQUIRE(db);
        REQUIRE((*db)->exec(QStringLiteral("UPDATE schema_version SET version = 99")));
    }
    auto refused = Database::open(path);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == CoreErrorKind::SchemaTooNew);
    CHECK(refused.error().message.contains(QStringLiteral("newer Tamga")));
    CHECK(refused.error().message.contains(QStringLiteral("99")));
    // Untouched: still at version 99, read with a plain connection.
    {
        QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        plain.setDatabaseName(path);
        REQUIRE(plain.open());
        QSqlQuery query(plain);
        REQUIRE(query.exec(QStringLiteral("SELECT version FROM schema_version")));
        REQUIRE(query.next());
        CHECK(query.value(0).toInt() == 99);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plain"));
}

TEST_CASE("a file that is not a database is refused with its name", "[sqlite]")
{
    TempDir dir;
    tamga::test::writeFile(dir.file("notes.db"), std::string(4096, 'x'));
    auto refused = Database::open(QString::fromStdString(dir.file("notes.db")));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("notes.db")));
}

TEST_CASE("a change that fails leaves nothing behind - not even its audit event")
{
    tamga::test::CoreFixture fixture;
    Registry registry(fixture.db());
    auto org = registry.addOrganization(fixture.supervisor(), QStringLiteral("Org"), QString(), std::nullopt);
    REQUIRE(org);
    const auto eventsBefore = fixture.auditCount();
    auto clash = registry.addOrganization(fixture.supervisor(), QStringLiteral("Other"), QStringLiteral("7654321"),
                                          std::nullopt);
    REQUIRE(clash);
    auto duplicate = registry.addOrganization(fixture.supervisor(), QStringLiteral("Third"), QStringLiteral("7654321"),
                                              std::nullopt);
    REQUIRE_FALSE(duplicate);
    CHECK(duplicate.error().kind == CoreErrorKind::Conflict);
    CHECK(fixture.auditCount() == eventsBefore + 1);
    CHECK(registry.organizations()->size() == 2);
}

TEST_CASE("a damaged database file is refused at open with a message that says so - nothing is read or written",
          "[sqlite]")
{
    TempDir dir;
    const QString path = QString::fromStdString(dir.file("damaged.db"));
    {
        auto db = Database::open(path);
        REQUIRE(db);
        Operator system{0, QStringLiteral("test"), Role::Supervisor};
        Registry registry(**db);
        auto org =
            registry.addOrganization(system, QStringLiteral("Хан-Уул дүүрэг"), QStringLiteral("1234567"), std::nullopt);
        REQUIRE(org);
        for (int i = 0; i < 400; ++i) {
            const QString civilId = QStringLiteral("УБ9001%1").arg(1000 + i);
            REQUIRE(registry.addOfficer(system, {*org, QStringLiteral("Дорж"), QStringLiteral("Батбаяр %1").arg(i),
                                                 civilId, QStringLiteral("Дарга")}));
        }
        REQUIRE((*db)->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    QFile file(path);
    REQUIRE(file.size() > 3 * 4096);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek((file.size() / 2) & ~qint64(4095)));
    file.write(QByteArray(4096, '\x5a'));
    file.close();
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    auto reopened = Database::open(path);
    REQUIRE_FALSE(reopened);
    CHECK_THAT(reopened.error().message.toStdString(), Catch::Contains("is damaged") && Catch::Contains("backup"));
    QFile after(path);
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == before);
}

TEST_CASE("a backup while another process writes holds a verified chain - restored into a new database it verifies "
          "again - not over a database in use - a broken chain is not backed up and nothing stays")
{
    // The same on a desk's file (VACUUM INTO) and on a shared registry (pg_dump in the verified snapshot,
    // pg_restore into an empty database).
    tamga::test::CoreFixture desk;
    Registry registry(desk.db());
    for (int i = 0; i < 20; ++i)
        REQUIRE(
            registry.addOrganization(desk.clerk(), QStringLiteral("Байгууллага %1").arg(i), QString(), std::nullopt));
    const QString folder = QString::fromStdString(desk.dir().file("backup-1"));
    auto made = Backups(desk.db()).make(desk.supervisor(), folder);
    INFO((made ? QString() : made.error().message).toStdString());
    REQUIRE(made);
    CHECK(made->events == desk.auditCount() - 1); // the backup's own event comes after the copy
    auto refused = Backups(desk.db()).make(desk.clerk(), QString::fromStdString(desk.dir().file("backup-2")));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == CoreErrorKind::NotPermitted);

    const tamga::test::TestDatabase restoredDatabase(desk.dir(), "restored.db");
    const QString target = QString::fromStdString(restoredDatabase.location());
    auto restored = Backups::restore(folder, target);
    INFO((restored ? QString() : restored.error().message).toStdString());
    REQUIRE(restored);
    CHECK(restored->headHash == made->headHash);
    {
        auto reopened = Database::openExisting(target);
        REQUIRE(reopened);
        auto organizations = Registry(**reopened).organizations();
        REQUIRE(organizations);
        CHECK(organizations->size() == 20);
        auto report = AuditLog(**reopened).verify();
        REQUIRE(report);
        CHECK(report->intact);
    }
    // Not over a database in use.
    auto over = Backups::restore(folder, target);
    REQUIRE_FALSE(over);
    CHECK(over.error().kind == CoreErrorKind::Conflict);

    // An event edited behind Tamga's back: the backup says so and keeps nothing.
    REQUIRE(desk.db().exec(QStringLiteral("UPDATE audit_log SET outcome = 'refused' WHERE id = 3")));
    const QString broken = QString::fromStdString(desk.dir().file("backup-3"));
    auto unverified = Backups(desk.db()).make(desk.supervisor(), broken);
    REQUIRE_FALSE(unverified);
    CHECK(unverified.error().message.contains(QStringLiteral("does not verify")));
    CHECK_FALSE(QFileInfo::exists(broken));
}

TEST_CASE("a desk PC's own settings stay on that PC when desks share a registry - the office's go into it - both "
          "audited")
{
    tamga::test::CoreFixture desk;
    const Settings settings(desk.db());
    REQUIRE(settings.setValue(desk.clerk(), setting::Language, QStringLiteral("mn")));
    REQUIRE(settings.setValue(desk.supervisor(), setting::RenewalWindowDays, QStringLiteral("45")));
    CHECK(settings.value(setting::Language).value_or(std::nullopt) == QStringLiteral("mn"));

    // Another PC on the same database: its own data folder (a desk's file is one PC's, so there it is the same).
    tamga::test::TempDir otherPc;
    const QByteArray dataHome = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString(otherPc.path().string()));
    {
        auto other = Database::openExisting(desk.path());
        REQUIRE(other);
        const Settings seen(**other);
        CHECK(seen.value(setting::RenewalWindowDays).value_or(std::nullopt) == QStringLiteral("45"));
        if ((*other)->shared())
            CHECK_FALSE(seen.value(setting::Language).value_or(std::nullopt).has_value());
        else
            CHECK(seen.value(setting::Language).value_or(std::nullopt) == QStringLiteral("mn"));
    }
    if (dataHome.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", dataHome);

    auto events = desk.db().exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'setting.set'"));
    REQUIRE(events);
    REQUIRE(events->next());
    CHECK(events->value(0).toInt() == 2);
    events->finish();
    auto stored = desk.db().exec(QStringLiteral("SELECT count(*) FROM settings WHERE key = ?"), {setting::Language});
    REQUIRE(stored);
    REQUIRE(stored->next());
    CHECK(stored->value(0).toInt() == (desk.db().shared() ? 0 : 1));
}

TEST_CASE("a registry address is refused before any connection when it holds a password - asks for TLS that does not "
          "verify the server - or names an unknown parameter - and a password is never echoed")
{
    tamga::test::TempDir dataHome;
    const QByteArray before = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString(dataHome.path().string()));
    const std::pair<QString, QString> refused[] = {
        {QStringLiteral("postgresql://clerk:s3cret@127.0.0.1:9/tamga"), QStringLiteral("password file")},
        {QStringLiteral("postgresql://clerk:s3cret@127.0.0.1:99999999/tamga"), QStringLiteral("not a valid")},
        {QStringLiteral("postgresql://clerk@127.0.0.1:9/tamga?sslmode=require"), QStringLiteral("verify-full")},
        {QStringLiteral("postgresql://clerk@127.0.0.1:9/tamga?sslmode=disable"), QStringLiteral("verify-full")},
        {QStringLiteral("postgresql://clerk@127.0.0.1:9/tamga?options=-c%20x%3Dy"), QStringLiteral("options")},
        {QStringLiteral("postgresql://clerk@127.0.0.1:9/"), QStringLiteral("a server and a database")},
    };
    for (const auto& [address, reason] : refused) {
        INFO(address.toStdString());
        auto opened = Database::open(address);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == CoreErrorKind::InvalidInput);
        CHECK(opened.error().message.contains(reason));
        CHECK_FALSE(opened.error().message.contains(QStringLiteral("s3cret")));
    }
    if (before.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", before);
}
