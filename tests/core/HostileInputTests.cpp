// Hostile input at the core: names and e-mails that try to smuggle something into a certificate, a terminal or a
// spreadsheet, lengths beyond any real name, CA answers that carry what nobody asked for, and files that are not
// files. Each case is one an attacker tried against an earlier Tamga.
#include "CoreFixture.h"
#include "TestCertificates.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CertificateChecks.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Files.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/SystemPackages.h"
#include "tamga/core/Text.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <memory>

#include <unistd.h>

using namespace tamga::core;
using tamga::test::CoreFixture;

namespace {

struct EvpKey {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    ~EvpKey() { EVP_PKEY_free(key); }
    QByteArray publicDer() const
    {
        unsigned char* der = nullptr;
        const int length = i2d_PUBKEY(key, &der);
        QByteArray result(reinterpret_cast<const char*>(der), length);
        OPENSSL_free(der);
        return result;
    }
};

OfficerFields officerWith(qint64 organization, const QString& surname, const QString& email = QString())
{
    OfficerFields f{organization, surname, QStringLiteral("Батбаяр"), QStringLiteral("УБ90010112"),
                    QStringLiteral("Дарга")};
    f.email = email;
    return f;
}

// A certificate for `key` with the requested subject and the signing profile's key usage, signed by `ca`, plus
// whatever `configure` adds (the extensions a hostile or careless CA puts in).
QByteArray issue(const tamga::test::TestCa& ca, const EvpKey& key, const RequestedSubject& subject,
                 const std::function<void(X509*, X509V3_CTX*)>& configure)
{
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 4242);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600);
    X509_set_pubkey(certificate, key.key);
    X509_NAME* name = X509_get_subject_name(certificate);
    for (const auto& a : subject.attributes) {
        const QByteArray value = a.value.toUtf8();
        X509_NAME_add_entry_by_NID(name, a.nid, a.stringType, reinterpret_cast<const unsigned char*>(value.constData()),
                                   static_cast<int>(value.size()), -1, 0);
    }
    const unsigned char* caDer = ca.certificateDer.data();
    X509* caCertificate = d2i_X509(nullptr, &caDer, static_cast<long>(ca.certificateDer.size()));
    X509_set_issuer_name(certificate, X509_get_subject_name(caCertificate));
    X509V3_CTX context;
    X509V3_set_ctx(&context, caCertificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* keyUsage =
        X509V3_EXT_conf_nid(nullptr, &context, NID_key_usage, "critical,digitalSignature,nonRepudiation");
    X509_add_ext(certificate, keyUsage, -1); // adds a copy
    X509_EXTENSION_free(keyUsage);
    configure(certificate, &context);
    BIO* keyBio = BIO_new_mem_buf(ca.keyPem.data(), static_cast<int>(ca.keyPem.size()));
    EVP_PKEY* caKey = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    X509_sign(certificate, caKey, EVP_sha256());
    unsigned char* der = nullptr;
    const int length = i2d_X509(certificate, &der);
    QByteArray result(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    EVP_PKEY_free(caKey);
    BIO_free(keyBio);
    X509_free(caCertificate);
    X509_free(certificate);
    return result;
}

void addExtension(X509* certificate, X509V3_CTX* context, int nid, const char* value)
{
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, context, nid, value);
    REQUIRE(extension);
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
}

} // namespace

TEST_CASE("an e-mail that carries more names is refused everywhere - and the request holds exactly one rfc822Name")
{
    CoreFixture fixture;
    Registry registry(fixture.db());
    auto org = registry.addOrganization(fixture.clerk(), QStringLiteral("Газар"), QString(), std::nullopt);
    REQUIRE(org);
    for (const QString& hostile : {QStringLiteral("x,otherName:msUPN;UTF8:administrator@corp.mn"),
                                   QStringLiteral("x@y.mn,DNS:login.gov.mn,URI:https://evil.example,IP:10.0.0.1"),
                                   QStringLiteral("x@y.mn email:ceo@gov.mn"), QStringLiteral("дорж@gov.mn")}) {
        INFO(hostile.toStdString());
        auto added = registry.addOfficer(fixture.clerk(), officerWith(*org, QStringLiteral("Дорж"), hostile));
        REQUIRE_FALSE(added);
        CHECK(added.error().message.contains(QStringLiteral("e-mail")));
    }

    // Whatever reaches the request builder: one address or nothing, never a configuration string.
    EvpKey key;
    CertificateProfile profile = builtinProfiles().front();
    RequestedSubject subject;
    subject.attributes.push_back(
        {QStringLiteral("CN"), NID_commonName, V_ASN1_UTF8STRING, QStringLiteral("Дорж Батбаяр")});
    subject.email = QStringLiteral("x@y.mn,DNS:login.gov.mn");
    auto refused = buildCertificateRequest(subject, profile, key.publicDer(), key.key);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == CoreErrorKind::InvalidInput);

    subject.email = QStringLiteral("batbayar@ub.gov.mn");
    auto request = buildCertificateRequest(subject, profile, key.publicDer(), key.key);
    REQUIRE(request);
    const RequestedSubject parsed = subjectOfRequest(request->der);
    CHECK(parsed.email == QStringLiteral("batbayar@ub.gov.mn"));
}

TEST_CASE("a certificate with names - a CA flag or extensions nobody asked for is refused - and says which")
{
    const auto ca = tamga::test::makeTestCa("Hostile CA");
    EvpKey key;
    ExpectedCertificate expected;
    expected.publicKeyDer = key.publicDer();
    expected.profile = builtinProfiles().front(); // signing: digitalSignature + nonRepudiation, no EKU
    expected.subject.attributes.push_back(
        {QStringLiteral("CN"), NID_commonName, V_ASN1_UTF8STRING, QStringLiteral("Дорж Батбаяр")});
    expected.subject.email = QStringLiteral("batbayar@ub.gov.mn");
    const QList<QByteArray> anchors{QByteArray(reinterpret_cast<const char*>(ca.certificateDer.data()),
                                               static_cast<qsizetype>(ca.certificateDer.size()))};
    auto check = [&](const std::function<void(X509*, X509V3_CTX*)>& configure) {
        return checkIssuedCertificate(issue(ca, key, expected.subject, configure), {}, anchors, expected);
    };

    // What was asked for passes.
    auto good =
        check([](X509* c, X509V3_CTX* x) { addExtension(c, x, NID_subject_alt_name, "email:batbayar@ub.gov.mn"); });
    INFO((good ? std::string() : good.error().message.toStdString()));
    CHECK(good);

    auto extraNames = check([](X509* c, X509V3_CTX* x) {
        addExtension(c, x, NID_subject_alt_name, "email:batbayar@ub.gov.mn,email:ceo@gov.mn,DNS:login.gov.mn");
    });
    REQUIRE_FALSE(extraNames);
    CHECK_THAT(extraNames.error().message.toStdString(),
               Catch::Contains("subjectAltName") && Catch::Contains("DNS:login.gov.mn"));

    auto upn = check([](X509* c, X509V3_CTX* x) {
        addExtension(c, x, NID_subject_alt_name, "email:batbayar@ub.gov.mn,otherName:msUPN;UTF8:administrator@corp.mn");
    });
    REQUIRE_FALSE(upn);
    CHECK_THAT(upn.error().message.toStdString(), Catch::Contains("otherName"));

    auto missing = check([](X509*, X509V3_CTX*) {});
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message.toStdString(), Catch::Contains("holds nothing"));

    auto caFlag = check([](X509* c, X509V3_CTX* x) {
        addExtension(c, x, NID_subject_alt_name, "email:batbayar@ub.gov.mn");
        addExtension(c, x, NID_basic_constraints, "critical,CA:TRUE");
    });
    REQUIRE_FALSE(caFlag);
    CHECK_THAT(caFlag.error().message.toStdString(), Catch::Contains("CA:TRUE"));

    auto constraints = check([](X509* c, X509V3_CTX* x) {
        addExtension(c, x, NID_subject_alt_name, "email:batbayar@ub.gov.mn");
        addExtension(c, x, NID_name_constraints, "critical,permitted;DNS:gov.mn");
    });
    REQUIRE_FALSE(constraints);
    CHECK_THAT(constraints.error().message.toStdString(),
               Catch::Contains("critical extension X509v3 Name Constraints"));
}

TEST_CASE("control characters - bidirectional overrides and lengths beyond any name are refused with the field named")
{
    CoreFixture fixture;
    Registry registry(fixture.db());
    auto org = registry.addOrganization(fixture.clerk(), QStringLiteral("Газар"), QString(), std::nullopt);
    REQUIRE(org);
    const QString nul = QStringLiteral("Admin") + QChar(0) + QStringLiteral("istrator");
    const QString escape = QStringLiteral("Дорж") + QChar(0x1B) + QStringLiteral("[31m");
    const QString override = QStringLiteral("Дорж") + QChar(0x202E) + QStringLiteral("жрод");
    for (const QString& name : {nul, escape, override}) {
        auto added = registry.addOfficer(fixture.clerk(), officerWith(*org, name));
        REQUIRE_FALSE(added);
        CHECK_THAT(added.error().message.toStdString(),
                   Catch::Contains("surname") && Catch::Contains("control character"));
    }
    auto longName = registry.addOfficer(fixture.clerk(), officerWith(*org, QString(500000, QChar(0x0430))));
    REQUIRE_FALSE(longName);
    CHECK_THAT(longName.error().message.toStdString(), Catch::Contains("surname is 500000 characters long"));
    auto longOrg = registry.addOrganization(fixture.clerk(), QString(300, QChar(0x0430)), QString(), std::nullopt);
    REQUIRE_FALSE(longOrg);
    auto badOrg = registry.addOrganization(fixture.clerk(), QStringLiteral("=cmd|' /C calc'!A0") + QChar(0x07),
                                           QString(), std::nullopt);
    REQUIRE_FALSE(badOrg);
    CHECK(fixture.count(QStringLiteral("officers")) == 0);

    // A terminal or a log shows such text escaped.
    CHECK(escapedForTerminal(escape) == QStringLiteral("Дорж\\x1b[31m"));
    CHECK(escapedForTerminal(override) == QStringLiteral("Дорж\\u202eжрод"));
}

TEST_CASE(
    "profiles: a template with control characters is refused - an attribute beyond RFC 5280's bound is never made")
{
    CertificateProfile base = builtinProfiles().front();
    QJsonObject json = base.toJson();
    json.insert(QStringLiteral("subject"), QJsonArray{QStringLiteral("CN={surname}") + QChar(0) + QStringLiteral("x")});
    auto withNul = CertificateProfile::fromJson(json);
    REQUIRE_FALSE(withNul);
    CHECK_THAT(withNul.error().message.toStdString(), Catch::Contains("control character"));

    Officer officer;
    officer.organizationName = QString(70, QChar(0x0430)); // the registry keeps it; O holds 64
    officer.fields = officerWith(1, QStringLiteral("Дорж"));
    auto subject = buildSubject(base, officer);
    REQUIRE_FALSE(subject);
    CHECK_THAT(subject.error().message.toStdString(), Catch::Contains("O") && Catch::Contains("at most 64"));

    // A profile that leaves this officer no subject at all is refused before any key is made.
    CertificateProfile departmentOnly = base;
    departmentOnly.subject = {QStringLiteral("OU={department}")};
    officer.organizationName = QStringLiteral("Газар");
    auto empty = buildSubject(departmentOnly, officer);
    REQUIRE_FALSE(empty);
    CHECK_THAT(empty.error().message.toStdString(), Catch::Contains("empty subject"));
}

TEST_CASE("a file that is a link to /dev/zero - a device or too large is not read")
{
    tamga::test::TempDir dir;
    const QString link = QString::fromStdString(dir.file("answer.pem"));
    REQUIRE(::symlink("/dev/zero", link.toLocal8Bit().constData()) == 0);
    auto linked = readRegularFile(link, 1024 * 1024, QStringLiteral("the CA's file"));
    REQUIRE_FALSE(linked);
    CHECK_THAT(linked.error().message.toStdString(), Catch::Contains("not a regular file"));
    CHECK_FALSE(readRegularFile(QStringLiteral("/dev/zero"), 1024, QStringLiteral("x")));

    const QString big = QString::fromStdString(dir.file("big.pem"));
    QFile file(big);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto tooBig = readRegularFile(big, 1024, QStringLiteral("the CA's file"));
    REQUIRE_FALSE(tooBig);
    CHECK_THAT(tooBig.error().message.toStdString(), Catch::Contains("larger than 1024 bytes"));
    auto fits = readRegularFile(big, 4096, QStringLiteral("the CA's file"));
    REQUIRE(fits);
    CHECK(fits->size() == 4096);
}

TEST_CASE(
    "a sign-in name that would forge a line of the audit log is kept escaped - and the audit export defuses formulas")
{
    CoreFixture fixture;
    const QString forged = QStringLiteral("x\n51 2026-11-26 sup enrollment.handed_over");
    CHECK_FALSE(Operators(fixture.db()).signIn(forged, Password("whatever-1")));
    auto events = AuditLog(fixture.db()).list(100);
    REQUIRE(events);
    bool found = false;
    for (const auto& e : *events) {
        CHECK_FALSE(e.operatorName.contains(QLatin1Char('\n')));
        found = found || e.operatorName.startsWith(QStringLiteral("x\\x0a51"));
    }
    CHECK(found);
    CHECK_FALSE(Operators(fixture.db())
                    .add(fixture.supervisor(), QStringLiteral("bad\x1bname"), Role::Clerk, Password("Bad-pass-123")));

    Registry registry(fixture.db());
    REQUIRE(registry.addOrganization(fixture.clerk(), QStringLiteral("=cmd|' /C calc'!A0"), QString(), std::nullopt));
    const QString path = QString::fromStdString(fixture.dir().file("audit.csv"));
    REQUIRE(AuditLog(fixture.db()).exportCsv(path));
    QFile csv(path);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    CHECK_FALSE(text.contains(QStringLiteral(",=cmd")));
    CHECK_FALSE(text.contains(QStringLiteral(",\"=cmd")));
}

TEST_CASE("a profile is read strictly: unknown keys - wrong types - unknown fields and impossible attributes are "
          "refused by name")
{
    const QJsonObject good = builtinProfiles().front().toJson();
    REQUIRE(CertificateProfile::fromJson(good));
    auto refusedWith = [&](const std::function<void(QJsonObject&)>& change, const char* expected) {
        QJsonObject json = good;
        change(json);
        auto parsed = CertificateProfile::fromJson(json);
        INFO(expected);
        REQUIRE_FALSE(parsed);
        CHECK_THAT(parsed.error().message.toStdString(), Catch::Contains(expected));
    };
    refusedWith(
        [](QJsonObject& j) { j.insert(QStringLiteral("extendedKeyUsages"), QJsonArray{QStringLiteral("clientAuth")}); },
        "unknown key \"extendedKeyUsages\"");
    refusedWith([](QJsonObject& j) { j.insert(QStringLiteral("validityDays"), QStringLiteral("10")); }, "validityDays");
    refusedWith([](QJsonObject& j) { j.insert(QStringLiteral("validityDays"), 3.5); }, "whole number");
    refusedWith([](QJsonObject& j) { j.insert(QStringLiteral("validityDays"), 1e300); }, "whole number");
    refusedWith([](QJsonObject& j) { j.insert(QStringLiteral("emailInSubjectAltName"), QStringLiteral("no")); },
                "true or false");
    refusedWith([](QJsonObject& j) { j.insert(QStringLiteral("subject"), QJsonArray{QStringLiteral("CN={SURNAME}")}); },
                "unknown field {SURNAME}");
    refusedWith(
        [](QJsonObject& j) { j.insert(QStringLiteral("subject"), QJsonArray{QStringLiteral("CN={password}")}); },
        "unknown field {password}");
    refusedWith(
        [](QJsonObject& j) {
            j.insert(QStringLiteral("subject"), QJsonArray{QStringLiteral("C=MNG"), QStringLiteral("CN=x")});
        },
        "two-letter country code");
    refusedWith(
        [](QJsonObject& j) {
            j.insert(QStringLiteral("subject"),
                     QJsonArray{QStringLiteral("CN={surname}"), QStringLiteral("CN={given_name}")});
        },
        "listed twice");
    refusedWith([](QJsonObject& j) { j.insert(QStringLiteral("keyUsage"), QStringLiteral("digitalSignature")); },
                "\"keyUsage\" must be an array of strings");
    refusedWith([](QJsonObject& j) { j.insert(QStringLiteral("description"), QString(600, QLatin1Char('x'))); },
                "\"description\" is 600 characters long");
}

TEST_CASE("a PKCS#11 module is shown with the Debian package that installed it - a file put there by hand with none")
{
    tamga::test::TempDir dir;
    const QString byHand = QString::fromStdString(dir.file("evil.so"));
    QFile file(byHand);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.close();
    // SoftHSM's module through Debian's compatibility link, as a desk configures it.
    const QString softhsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
    const auto owners = debianPackagesOwning({softhsm, byHand});
    CHECK(owners.value(softhsm) == QStringLiteral("libsofthsm2"));
    CHECK_FALSE(owners.contains(byHand));
}
