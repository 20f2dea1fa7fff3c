// The registry: civil IDs, organizations, officers, search in Cyrillic and Latin; operators and their roles.
#include "CoreFixture.h"
#include "TestCertificates.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"
#include "tamga/core/Text.h"

#include <catch2/catch.hpp>

using namespace tamga::core;
using tamga::test::CoreFixture;

TEST_CASE("civil IDs: two Cyrillic letters and a real birth date")
{
    SECTION("valid numbers of both centuries")
    {
        auto nineties = parseCivilId(QStringLiteral("УБ90010112"));
        REQUIRE(nineties);
        CHECK(nineties->birthDate == QDate(1990, 1, 1));
        auto twoThousands = parseCivilId(QStringLiteral("ЧЖ05250134")); // May 2005: month 05 + 20
        REQUIRE(twoThousands);
        CHECK(twoThousands->birthDate == QDate(2005, 5, 1));
        auto leapDay = parseCivilId(QStringLiteral("ӨҮ00222901")); // 29 February 2000, with Ө and Ү
        REQUIRE(leapDay);
        CHECK(leapDay->birthDate == QDate(2000, 2, 29));
        auto lowerCase = parseCivilId(QStringLiteral(" уб90010112 "));
        REQUIRE(lowerCase);
        CHECK(lowerCase->text == QStringLiteral("УБ90010112"));
    }
    SECTION("refused with the reason")
    {
        const std::pair<const char*, const char*> refused[] = {
            {"UB90010112", "Cyrillic"},                              // Latin letters
            {"УБ9001011", "eight digits"},                           // too short
            {"УБ90130112", "not a month"},                           // month 13
            {"УБ90330112", "not a month"},                           // month 33
            {"УБ90023012", "not a date"},                            // 30 February
            {"УБ00022912", "not a date"},                            // 29 February 1900
            {"УБ9001011X", "digits"},      {"УБ99250112", "future"}, // May 2099
        };
        for (const auto& [text, reason] : refused) {
            INFO(text);
            auto result = parseCivilId(QString::fromUtf8(text));
            REQUIRE_FALSE(result);
            CHECK(result.error().message.contains(QString::fromUtf8(reason)));
        }
    }
}

TEST_CASE("officers are stored NFC-normalized and one civil ID is one officer")
{
    CoreFixture fixture;
    Registry registry(fixture.db());
    auto org = registry.addOrganization(fixture.clerk(), QStringLiteral("Сүхбаатар дүүрэг"), QStringLiteral("2011111"),
                                        std::nullopt);
    REQUIRE(org);
    // "Ө" written as a decomposed sequence would not be NFC; use a combining accent to prove normalization.
    const QString decomposed = QStringLiteral("Rene") + QChar(0x0301);
    auto id = registry.addOfficer(fixture.clerk(), {*org, decomposed, QStringLiteral("  Батбаяр  "),
                                                    QStringLiteral("уб90010112"), QStringLiteral("Дарга")});
    REQUIRE(id);
    auto officer = registry.officer(*id);
    REQUIRE(officer);
    CHECK(officer->fields.surname == QStringLiteral("René"));
    CHECK(officer->fields.surname.size() == 4);
    CHECK(officer->fields.givenName == QStringLiteral("Батбаяр"));
    CHECK(officer->fields.civilId == QStringLiteral("УБ90010112"));

    auto again = registry.addOfficer(fixture.clerk(), {*org, QStringLiteral("Other"), QStringLiteral("Person"),
                                                       QStringLiteral("УБ90010112"), QStringLiteral("Ахлах")});
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == CoreErrorKind::Conflict);
    CHECK(again.error().message.contains(QStringLiteral("already belongs to René Батбаяр")));

    auto invalid =
        registry.addOfficer(fixture.clerk(), {*org, QString(), QStringLiteral("X"), QStringLiteral("УБ90130112"),
                                              QStringLiteral("P"), QString(), QStringLiteral("not-an-email")});
    REQUIRE_FALSE(invalid);
    CHECK(invalid.error().message.contains(QStringLiteral("surname is missing")));
    CHECK(invalid.error().message.contains(QStringLiteral("not a month")));
    CHECK(invalid.error().message.contains(QStringLiteral("not an e-mail")));
}

TEST_CASE("search finds officers by any part of a name - civil ID or organization - in Cyrillic or Latin")
{
    CoreFixture fixture;
    Registry registry(fixture.db());
    auto city = registry.addOrganization(fixture.clerk(), QStringLiteral("Нийслэлийн Мэдээллийн технологийн газар"),
                                         QStringLiteral("9000001"), std::nullopt);
    auto district =
        registry.addOrganization(fixture.clerk(), QStringLiteral("Хан-Уул дүүрэг"), QString(), std::nullopt);
    REQUIRE(city);
    REQUIRE(district);
    REQUIRE(registry.addOfficer(fixture.clerk(), {*city, QStringLiteral("Дорж"), QStringLiteral("Батбаяр"),
                                                  QStringLiteral("УБ90010112"), QStringLiteral("Дарга")}));
    REQUIRE(registry.addOfficer(fixture.clerk(), {*district, QStringLiteral("Өлзийбат"), QStringLiteral("Сарангэрэл"),
                                                  QStringLiteral("ХУ85121503"), QStringLiteral("Ахлах мэргэжилтэн")}));
    REQUIRE(registry.addOfficer(fixture.clerk(), {*district, QStringLiteral("Smith"), QStringLiteral("John"),
                                                  QStringLiteral("ХУ70063004"), QStringLiteral("Зөвлөх")}));

    auto names = [&](const QString& search, std::optional<qint64> organization = std::nullopt) {
        auto found = registry.officers(organization, search);
        REQUIRE(found);
        QStringList result;
        for (const auto& o : *found)
            result << o.fields.givenName;
        return result;
    };
    CHECK(names(QStringLiteral("баяр")) == QStringList{QStringLiteral("Батбаяр")});        // part of a name
    CHECK(names(QStringLiteral("БАТБАЯР")) == QStringList{QStringLiteral("Батбаяр")});     // any case
    CHECK(names(QStringLiteral("batbayar")) == QStringList{QStringLiteral("Батбаяр")});    // Latin letters
    CHECK(names(QStringLiteral("Olziibat")) == QStringList{QStringLiteral("Сарангэрэл")}); // ө typed as o
    CHECK(names(QStringLiteral("Ölziibat")) == QStringList{QStringLiteral("Сарангэрэл")});
    CHECK(names(QStringLiteral("1215")) == QStringList{QStringLiteral("Сарангэрэл")});     // part of a civil ID
    CHECK(names(QStringLiteral("технологийн")) == QStringList{QStringLiteral("Батбаяр")}); // organization
    CHECK(names(QStringLiteral("smith")) == QStringList{QStringLiteral("John")});
    CHECK(names(QStringLiteral("хан-уул")).size() == 2);
    CHECK(names(QStringLiteral("уу")).size() == 2); // short: plain scan
    CHECK(names(QString(), *city) == QStringList{QStringLiteral("Батбаяр")});
    CHECK(names(QStringLiteral("nobody")).isEmpty());
    CHECK(names(QStringLiteral("\"'%_")).isEmpty()); // no injection
    // The usual Latin spellings of one name meet (Өлзий: Olzii, Ulzii; Хан: Khan, Han), and the words of a query
    // are found in any order: given name first, or two words of which one is short.
    CHECK(names(QStringLiteral("ulzii")) == QStringList{QStringLiteral("Сарангэрэл")});
    CHECK(names(QStringLiteral("Han-Uul")).size() == 2);
    CHECK(names(QStringLiteral("Сарангэрэл Өлзийбат")) == QStringList{QStringLiteral("Сарангэрэл")});
    CHECK(names(QStringLiteral("batbayar dorj")) == QStringList{QStringLiteral("Батбаяр")});
    CHECK(names(QStringLiteral("дорж ба")) == QStringList{QStringLiteral("Батбаяр")});
    CHECK(names(QStringLiteral("дорж сарангэрэл")).isEmpty()); // every word must be found
    // A search box holds a name: a pasted page of text is cut, not searched for minutes.
    CHECK(names(QString(100000, QLatin1Char('x'))).isEmpty());
}

TEST_CASE("the transliteration used for search follows MNS 5217 with plain letters for ө and ү")
{
    CHECK(latinTransliteration(QStringLiteral("Цэцэгмаа Хүрэлбаатар")) == QStringLiteral("tsetsegmaa khurelbaatar"));
    CHECK(latinTransliteration(QStringLiteral("Өнөржаргал")) == QStringLiteral("onorjargal"));
    CHECK(foldForSearch(QStringLiteral("  ÖLZII   Bat ")) == QStringLiteral("olzii bat"));
}

TEST_CASE("operators: the first is a supervisor - passwords are hashed - roles are enforced and refusals audited")
{
    tamga::test::TempDir dir;
    const tamga::test::TestDatabase database(dir, "ops.db");
    auto db = Database::open(QString::fromStdString(database.location()));
    REQUIRE(db);
    Operators operators(**db);

    auto firstClerk = operators.add(std::nullopt, QStringLiteral("anna"), Role::Clerk, Password("long-password"));
    REQUIRE_FALSE(firstClerk);
    CHECK(firstClerk.error().message.contains(QStringLiteral("first operator")));

    auto boss = operators.add(std::nullopt, QStringLiteral("boss"), Role::Supervisor, Password("boss-password"));
    REQUIRE(boss);
    auto anonymous = operators.add(std::nullopt, QStringLiteral("eve"), Role::Clerk, Password("eve-password"));
    REQUIRE_FALSE(anonymous);
    CHECK(anonymous.error().kind == CoreErrorKind::NotSignedIn);
    auto clerk = operators.add(*boss, QStringLiteral("anna"), Role::Clerk, Password("anna-password"));
    REQUIRE(clerk);
    auto shortPassword = operators.add(*boss, QStringLiteral("bob"), Role::Clerk, Password("short"));
    REQUIRE_FALSE(shortPassword);

    auto stored = (*db)->exec(QStringLiteral("SELECT password_hash FROM operators WHERE name = 'anna'"));
    REQUIRE(stored);
    REQUIRE(stored->next());
    const QString hash = stored->value(0).toString();
    stored->finish();
    CHECK(hash.startsWith(QStringLiteral("scrypt$32768$8$1$")));
    CHECK_FALSE(hash.contains(QStringLiteral("anna-password")));

    CHECK(operators.signIn(QStringLiteral("anna"), Password("anna-password")));
    auto wrong = operators.signIn(QStringLiteral("anna"), Password("guess-password"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().kind == CoreErrorKind::NotSignedIn);
    auto unknown = operators.signIn(QStringLiteral("mallory"), Password("guess-password"));
    REQUIRE_FALSE(unknown);

    auto byClerk = operators.add(*clerk, QStringLiteral("carl"), Role::Clerk, Password("carl-password"));
    REQUIRE_FALSE(byClerk);
    CHECK(byClerk.error().kind == CoreErrorKind::NotPermitted);

    // The refusals are in the audit log, each naming its operator and none holding a password.
    auto events = AuditLog(**db).list(20);
    REQUIRE(events);
    QStringList refusals;
    for (const auto& e : *events) {
        CHECK_FALSE(e.operatorName.isEmpty());
        CHECK_FALSE(e.details.contains(QStringLiteral("password\":")));
        CHECK_FALSE(e.details.contains(QStringLiteral("guess-password")));
        if (e.outcome == audit::Refused)
            refusals << e.operatorName + QLatin1Char(':') + e.action;
    }
    CHECK(refusals.contains(QStringLiteral("anna:operator.sign_in")));
    CHECK(refusals.contains(QStringLiteral("mallory:operator.sign_in")));
    CHECK(refusals.contains(QStringLiteral("anna:operator.add")));
}

TEST_CASE("an officer's record is edited - search follows - the civil ID cannot change - the change is audited")
{
    CoreFixture fixture;
    Registry registry(fixture.db());
    auto org = registry.addOrganization(fixture.clerk(), QStringLiteral("Org"), QString(), std::nullopt);
    auto other = registry.addOrganization(fixture.clerk(), QStringLiteral("Шинэ байгууллага"), QString(), std::nullopt);
    REQUIRE(org);
    REQUIRE(other);
    auto id = registry.addOfficer(fixture.clerk(), {*org, QStringLiteral("Дорж"), QStringLiteral("Батбаяр"),
                                                    QStringLiteral("УБ90010112"), QStringLiteral("Мэргэжилтэн")});
    REQUIRE(id);
    auto officer = registry.officer(*id);
    REQUIRE(officer);
    OfficerFields promoted = officer->fields;
    promoted.position = QStringLiteral("Дарга");
    promoted.organizationId = *other;
    REQUIRE(registry.updateOfficer(fixture.clerk(), *id, promoted));
    CHECK(registry.officer(*id)->fields.position == QStringLiteral("Дарга"));
    CHECK(registry.officers(std::nullopt, QStringLiteral("шинэ байгууллага"))->size() == 1);
    CHECK(registry.officers(std::nullopt, QStringLiteral("Org"))->empty());

    OfficerFields renumbered = promoted;
    renumbered.civilId = QStringLiteral("УБ91020213");
    auto refused = registry.updateOfficer(fixture.clerk(), *id, renumbered);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("cannot change")));

    auto events = AuditLog(fixture.db()).list(1);
    REQUIRE(events);
    CHECK(events->front().action == QStringLiteral("officer.update"));
    CHECK(events->front().details.contains(QStringLiteral("Мэргэжилтэн")));
}

TEST_CASE("a clerk may not change CA connectors - trust anchors - profiles - operators or the module setting - each "
          "refusal is audited")
{
    CoreFixture fixture;
    const Database& db = fixture.db();
    auto refusals = [&] {
        auto count = db.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE outcome = 'refused'"));
        REQUIRE(count);
        REQUIRE(count->next());
        return count->value(0).toInt();
    };
    CaConnectors connectors(db, QString::fromStdString(fixture.dir().file("data")));
    const CaConfig practice{0, QStringLiteral("practice"), QStringLiteral("practice"), QJsonObject()};
    auto ca = connectors.add(fixture.clerk(), practice);
    REQUIRE_FALSE(ca);
    CHECK(ca.error().kind == CoreErrorKind::NotPermitted);
    CHECK(refusals() == 1);

    const auto root = tamga::test::makeTestCa("Some root");
    auto anchor =
        TrustAnchors(db).add(fixture.clerk(), QByteArray::fromStdString(tamga::test::toPem(root.certificateDer)));
    REQUIRE_FALSE(anchor);
    CHECK(anchor.error().kind == CoreErrorKind::NotPermitted);

    CertificateProfile profile = builtinProfiles().front();
    profile.name = QStringLiteral("mine");
    auto added = Profiles(db).add(fixture.clerk(), profile);
    REQUIRE_FALSE(added);
    CHECK(added.error().kind == CoreErrorKind::NotPermitted);

    auto module = Settings(db).setValue(fixture.clerk(), setting::Pkcs11Modules, QStringLiteral("/tmp/evil.so"));
    REQUIRE_FALSE(module);
    CHECK(module.error().kind == CoreErrorKind::NotPermitted);
    auto stored = Settings(db).value(setting::Pkcs11Modules);
    REQUIRE(stored);
    CHECK_FALSE(stored->has_value());
    auto operatorAdded =
        Operators(db).add(fixture.clerk(), QStringLiteral("another"), Role::Clerk, Password("Another-pw-1"));
    REQUIRE_FALSE(operatorAdded);
    CHECK(refusals() == 5);

    // The clerk's own choice of language is allowed; a supervisor may do all of the above.
    CHECK(Settings(db).setValue(fixture.clerk(), setting::Language, QStringLiteral("mn")));
    CHECK(connectors.add(fixture.supervisor(), practice));
    CHECK(Profiles(db).add(fixture.supervisor(), profile));
    CHECK(Settings(db).setValue(fixture.supervisor(), setting::Pkcs11Modules,
                                QStringLiteral("/usr/lib/softhsm/libsofthsm2.so")));
    CHECK(refusals() == 5);
    auto verified = AuditLog(db).verify();
    REQUIRE(verified);
    CHECK(verified->intact);
}
