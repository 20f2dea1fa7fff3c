// The checks on what a CA sends back, in-process: a certificate the practice CA really issued for a request Tamga
// really built passes, and each way it can fail to be what was asked for is refused by name.
#include "CoreFixture.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CertificateChecks.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"

#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

using namespace tamga::core;
using tamga::test::CoreFixture;

namespace {

using KeyPointer = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

KeyPointer softwareKey()
{
    KeyPointer key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    REQUIRE(key);
    return key;
}

QByteArray publicKeyDer(EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    REQUIRE(length > 0);
    QByteArray bytes(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return bytes;
}

// A certificate the practice CA issued for an officer's request, and what was asked for.
struct Issued {
    QByteArray certificateDer;
    QList<QByteArray> chainDer;
    QList<QByteArray> anchorsDer;
    ExpectedCertificate expected;
};

Issued issueForOfficer(const CoreFixture& fixture, EVP_PKEY* key)
{
    Registry registry(fixture.db());
    auto organization = registry.addOrganization(fixture.clerk(), QStringLiteral("Улаанбаатар хотын ЗДТГ"),
                                                 QStringLiteral("9000002"), std::nullopt);
    REQUIRE(organization);
    auto officerId =
        registry.addOfficer(fixture.clerk(), {*organization, QStringLiteral("Цэцэг"), QStringLiteral("Оюунчимэг"),
                                              QStringLiteral("ЧБ88121213"), QStringLiteral("Хэлтсийн дарга")});
    REQUIRE(officerId);
    auto officer = registry.officer(*officerId);
    REQUIRE(officer);
    auto profile = Profiles(fixture.db()).find(QStringLiteral("signing"));
    REQUIRE(profile);
    auto subject = buildSubject(*profile, *officer);
    REQUIRE(subject);
    const QByteArray spki = publicKeyDer(key);
    auto request = buildCertificateRequest(*subject, *profile, spki, key);
    REQUIRE(request);

    CaConnectors connectors(fixture.db(), QString::fromStdString(fixture.dir().path().string()));
    REQUIRE(connectors.add(fixture.supervisor(), {0, QStringLiteral("practice"), QStringLiteral("practice"), {}}));
    auto config = connectors.find(QStringLiteral("practice"));
    REQUIRE(config);
    auto ca = connectors.open(*config);
    REQUIRE(ca);
    auto response = (*ca)->submit(request->der, *profile, 1);
    REQUIRE(response);
    REQUIRE(response->status == CaResponse::Status::Issued);
    auto anchors = TrustAnchors(fixture.db()).allDer();
    REQUIRE(anchors);
    return Issued{response->certificateDer, response->chainDer, *anchors,
                  ExpectedCertificate{spki, *subject, *profile}};
}

} // namespace

TEST_CASE("the certificate the CA issued for the request passes every check and is summarized")
{
    CoreFixture fixture;
    auto key = softwareKey();
    const Issued issued = issueForOfficer(fixture, key.get());
    auto accepted = checkIssuedCertificate(issued.certificateDer, issued.chainDer, issued.anchorsDer, issued.expected);
    REQUIRE(accepted);
    CHECK(accepted->subject.contains(QStringLiteral("Оюунчимэг")));
    CHECK(accepted->fingerprintSha256.size() == 64);
    CHECK_FALSE(accepted->chainDer.isEmpty());
    CHECK(accepted->pem.startsWith("-----BEGIN CERTIFICATE-----"));
}

TEST_CASE("a certificate that is not what was asked for is refused, naming the check")
{
    CoreFixture fixture;
    auto key = softwareKey();
    const Issued issued = issueForOfficer(fixture, key.get());
    auto refusal = [&](const ExpectedCertificate& expected, const QList<QByteArray>& anchors) {
        auto result = checkIssuedCertificate(issued.certificateDer, issued.chainDer, anchors, expected);
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == CoreErrorKind::CertificateRejected);
        return result.error().message;
    };

    SECTION("another key than the token's")
    {
        ExpectedCertificate expected = issued.expected;
        auto other = softwareKey();
        expected.publicKeyDer = publicKeyDer(other.get());
        CHECK(refusal(expected, issued.anchorsDer).contains(QStringLiteral("public key")));
    }
    SECTION("another subject than the one requested")
    {
        ExpectedCertificate expected = issued.expected;
        for (auto& attribute : expected.subject.attributes) {
            if (attribute.shortName == QStringLiteral("CN"))
                attribute.value = QStringLiteral("Цэцэг Сарнай");
        }
        CHECK(refusal(expected, issued.anchorsDer).contains(QStringLiteral("subject")));
    }
    SECTION("other key usages than the profile's")
    {
        ExpectedCertificate expected = issued.expected;
        expected.profile.keyUsage = {QStringLiteral("keyEncipherment")};
        CHECK(refusal(expected, issued.anchorsDer).contains(QStringLiteral("key usage")));
    }
    SECTION("no trust anchor, or one the certificate does not chain to")
    {
        CHECK(refusal(issued.expected, {}).contains(QStringLiteral("no trust anchor")));
        const QList<QByteArray> strangers{issued.certificateDer}; // a leaf is no anchor of itself
        CHECK(refusal(issued.expected, strangers).contains(QStringLiteral("does not chain")));
    }
}

TEST_CASE("bytes that are not a certificate are the CA's garbled answer, not a crash")
{
    CoreFixture fixture;
    auto key = softwareKey();
    const Issued issued = issueForOfficer(fixture, key.get());
    for (const QByteArray& garbage : {QByteArray(), QByteArray("not DER at all"), issued.certificateDer.left(40)}) {
        auto result = checkIssuedCertificate(garbage, issued.chainDer, issued.anchorsDer, issued.expected);
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == CoreErrorKind::CaGarbled);
        CHECK_FALSE(summarizeCertificate(garbage));
    }
}
