// Certificate profiles in-process: the subject an officer's record makes (attributes, order, string types), the
// civil ID's Latin form, the JSON form read back, and profiles stored with their audit event.
#include "CoreFixture.h"
#include "tamga/core/Profile.h"

#include <catch2/catch.hpp>

#include <openssl/asn1.h>

#include <QSet>

using namespace tamga::core;
using tamga::test::CoreFixture;

namespace {

Officer officer(QString department = {}, QString email = {})
{
    return Officer{7,
                   QStringLiteral("Нийслэлийн Мэдээллийн технологийн газар"),
                   {1, QStringLiteral("Дорж"), QStringLiteral("Батбаяр"), QStringLiteral("УБ90010112"),
                    QStringLiteral("Мэргэжилтэн"), std::move(department), std::move(email)}};
}

CertificateProfile signingProfile()
{
    for (const auto& profile : builtinProfiles()) {
        if (profile.name == QStringLiteral("signing"))
            return profile;
    }
    FAIL("no built-in signing profile");
    return {};
}

const SubjectAttribute* attribute(const RequestedSubject& subject, const QString& shortName)
{
    for (const auto& a : subject.attributes) {
        if (a.shortName == shortName)
            return &a;
    }
    return nullptr;
}

} // namespace

TEST_CASE("the signing profile makes the officer's subject: Cyrillic in UTF8String, country and serial number in "
          "PrintableString, an empty department left out")
{
    auto subject = buildSubject(signingProfile(), officer());
    REQUIRE(subject);
    QStringList order;
    for (const auto& a : subject->attributes)
        order << a.shortName;
    CHECK(order == QStringList{QStringLiteral("C"), QStringLiteral("O"), QStringLiteral("title"), QStringLiteral("SN"),
                               QStringLiteral("GN"), QStringLiteral("CN"), QStringLiteral("serialNumber")});
    REQUIRE(attribute(*subject, QStringLiteral("CN")));
    CHECK(attribute(*subject, QStringLiteral("CN"))->value == QStringLiteral("Дорж Батбаяр"));
    CHECK(attribute(*subject, QStringLiteral("CN"))->stringType == V_ASN1_UTF8STRING);
    CHECK(attribute(*subject, QStringLiteral("C"))->stringType == V_ASN1_PRINTABLESTRING);
    CHECK(attribute(*subject, QStringLiteral("serialNumber"))->value == QStringLiteral("PNOMN-UB90010112"));
    CHECK(attribute(*subject, QStringLiteral("serialNumber"))->stringType == V_ASN1_PRINTABLESTRING);

    auto withDepartment = buildSubject(signingProfile(), officer(QStringLiteral("Тоон шилжилтийн хэлтэс")));
    REQUIRE(withDepartment);
    REQUIRE(attribute(*withDepartment, QStringLiteral("OU")));
    CHECK(attribute(*withDepartment, QStringLiteral("OU"))->value == QStringLiteral("Тоон шилжилтийн хэлтэс"));
}

TEST_CASE("the civil ID's Latin letters tell every pair of Cyrillic capitals apart")
{
    // Every pair of the 35 capitals a civil ID may start with gives a different Latin prefix: two officers'
    // serialNumber attributes can never coincide because of the transliteration.
    QList<QChar> capitals;
    for (char16_t c = 0x0410; c <= 0x042F; ++c)
        capitals << QChar(c);
    capitals << QChar(0x0401) << QChar(0x04E8) << QChar(0x04AE);
    QSet<QString> seen;
    for (QChar first : capitals) {
        for (QChar second : capitals) {
            const QString latin = transliterateCivilIdLetters(QString(first) + second);
            CHECK_FALSE(seen.contains(latin));
            seen.insert(latin);
            for (QChar c : latin)
                CHECK((c >= QLatin1Char('A') && c <= QLatin1Char('Z')));
        }
    }
    CHECK(seen.size() == capitals.size() * capitals.size());
    CHECK(civilIdForSerialNumber(QStringLiteral("ӨҮ85030522")) == QStringLiteral("PNOMN-OEUE85030522"));
}

TEST_CASE("a value PrintableString cannot carry is refused by name, not mangled - so is a Cyrillic country")
{
    CertificateProfile profile = signingProfile();
    for (QString& entry : profile.subject) {
        if (entry.startsWith(QStringLiteral("serialNumber=")))
            entry = QStringLiteral("serialNumber={civil_id}"); // Cyrillic letters in a PrintableString
    }
    auto subject = buildSubject(profile, officer());
    REQUIRE_FALSE(subject);
    CHECK(subject.error().message.contains(QStringLiteral("serialNumber")));

    CertificateProfile cyrillicCountry = signingProfile();
    cyrillicCountry.subject.replace(0, QStringLiteral("C=МН"));
    auto read = CertificateProfile::fromJson(cyrillicCountry.toJson());
    REQUIRE_FALSE(read);
    CHECK(read.error().kind == CoreErrorKind::InvalidInput);
}

TEST_CASE("a profile survives its JSON form and the database, and adding one is audited")
{
    CoreFixture fixture;
    CertificateProfile profile = signingProfile();
    profile.name = QStringLiteral("signing-rsa");
    profile.keyType = KeyType::Rsa3072;
    profile.validityDays = 365;
    profile.extendedKeyUsage = {QStringLiteral("emailProtection")};

    auto read = CertificateProfile::fromJson(profile.toJson());
    REQUIRE(read);
    CHECK(read->keyType == KeyType::Rsa3072);
    CHECK(read->subject == profile.subject);
    CHECK(read->keyUsage == profile.keyUsage);
    CHECK(read->extendedKeyUsage == profile.extendedKeyUsage);
    CHECK(read->validityDays == 365);

    const qint64 eventsBefore = fixture.auditCount();
    Profiles profiles(fixture.db());
    REQUIRE(profiles.add(fixture.supervisor(), profile));
    CHECK(fixture.auditCount() == eventsBefore + 1);
    auto stored = profiles.find(QStringLiteral("signing-rsa"));
    REQUIRE(stored);
    CHECK(stored->keyType == KeyType::Rsa3072);
    CHECK(stored->subject == profile.subject);

    // The same name twice is a conflict, and changes nothing.
    auto again = profiles.add(fixture.supervisor(), profile);
    REQUIRE_FALSE(again);
    CHECK(fixture.auditCount() == eventsBefore + 1);
}
