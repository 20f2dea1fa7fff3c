// A campaign's batch at the size of a day's work: 50 officers of three organizations, in person and prepared in
// advance, through each kind of CA the desk speaks to (the practice CA, a real CFSSL server, a CMP CA on
// OpenSSL's server code, `openssl ca` at the other end of an offline exchange). Every officer ends verified on a
// token of their own, and the tokens are taken the way a desk with a USB hub takes them: all blank tokens
// prepared first, then their work.
#include "CaServers.h"
#include "EngineFixture.h"
#include "OpensslCa.h"
#include "tamga/core/BatchExchange.h"
#include "tamga/core/Batches.h"
#include "tamga/core/Profile.h"
#include "tamga/core/SealedSecrets.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

constexpr int kOfficers = 50;
const Pin kOfficerPin("258147");

// Three organizations with 50 officers between them; `first` keeps each batch's civil IDs apart.
std::vector<qint64> addOrganizations(const EngineFixture& desk, int first)
{
    Registry registry(desk.db());
    std::vector<qint64> organizations;
    for (int o = 0; o < 3; ++o) {
        auto id = registry.addOrganization(desk.supervisor(), QStringLiteral("Байгууллага %1").arg(first + o),
                                           QString::number(9100000 + first + o), std::nullopt);
        REQUIRE(id);
        organizations.push_back(*id);
    }
    for (int i = 0; i < kOfficers; ++i) {
        const int n = first * 100 + i;
        const QString civilId = QStringLiteral("УБ%1%2%3%4")
                                    .arg(60 + n % 30, 2, 10, QLatin1Char('0'))
                                    .arg(1 + (n / 30) % 12, 2, 10, QLatin1Char('0'))
                                    .arg(1 + (n / 360) % 28, 2, 10, QLatin1Char('0'))
                                    .arg(n % 100, 2, 10, QLatin1Char('0'));
        auto officer = registry.addOfficer(desk.supervisor(),
                                           {organizations[static_cast<std::size_t>(i % 3)], QStringLiteral("Дорж"),
                                            QStringLiteral("Албан хаагч %1").arg(n), civilId, QStringLiteral("Дарга")});
        INFO(civilId.toStdString());
        REQUIRE(officer);
    }
    return organizations;
}

struct Wave {
    const EngineFixture& desk;
    const CaConnectors& connectors;
    QString profile;
    QString ca;
    const tamga::test::OpensslCa* offline = nullptr; // a files CA: the operator who signs the bundle
};

// One batch of 50 in `mode`, all the way: the blank tokens prepared (SoftHSM offers the next as each is
// initialized), their work, and for a files CA the bundle, `openssl ca`, the answer and the write-back.
void runBatch(const Wave& wave, BatchMode mode, int first)
{
    const EngineFixture& desk = wave.desk;
    const auto organizations = addOrganizations(desk, first);
    auto batch = Batches(desk.db()).create(desk.supervisor(), QStringLiteral("Wave %1").arg(first), organizations, {},
                                           wave.profile, wave.ca, mode);
    REQUIRE(batch);
    auto key = SealedSecrets(desk.db()).unlock(desk.supervisor().name, Password(EngineFixture::kSupervisorPassword));
    REQUIRE(key);
    BatchRunner runner(desk.db(), wave.connectors, desk.modules());
    const Pin* officerPin = mode == BatchMode::InPerson ? &kOfficerPin : nullptr;

    auto plan =
        runner.plan(desk.supervisor(), *batch, BatchRunner::Scope::EveryToken, officerPin, &*key, nullptr, kOfficers);
    REQUIRE(plan);
    INFO(plan->outcome.lines.join(QLatin1Char('\n')).toStdString());
    REQUIRE(plan->enrollments.size() == kOfficers);
    CHECK(plan->outcome.waiting == 0);
    auto worked = runner.work(desk.supervisor(), *batch, plan->enrollments, officerPin, &*key);
    REQUIRE(worked);
    INFO(worked->lines.join(QLatin1Char('\n')).toStdString());
    REQUIRE(worked->done == kOfficers);

    if (wave.offline) {
        const std::string out = desk.dir().file("to-ca-" + std::to_string(first));
        auto bundle = BatchExchange(desk.db(), wave.connectors)
                          .exportSealed(desk.supervisor(), *batch, QString::fromStdString(out));
        REQUIRE(bundle);
        REQUIRE(bundle->entries.size() == kOfficers);
        // The CA operator answers in the bundle's own folder, each certificate under a name of its choosing.
        for (const BundleEntry& entry : bundle->entries)
            wave.offline->sign(out + "/" + entry.file.toStdString(),
                               out + "/issued-" + std::to_string(entry.enrollmentId) + ".pem");
        auto answer = BatchExchange(desk.db(), wave.connectors)
                          .importAnswer(desk.supervisor(), *batch, QString::fromStdString(out));
        REQUIRE(answer);
        CHECK(answer->matched.size() == kOfficers);
        CHECK(answer->missing.isEmpty());
        CHECK(answer->refused.isEmpty());
        auto written = runner.writeBack(desk.supervisor(), *batch, officerPin, &*key);
        REQUIRE(written);
        INFO(written->lines.join(QLatin1Char('\n')).toStdString());
        CHECK(written->done == kOfficers);
    }

    auto summary = Batches(desk.db()).find(*batch);
    REQUIRE(summary);
    CHECK(summary->verified == kOfficers);
    auto members = Batches(desk.db()).members(*batch);
    REQUIRE(members);
    QSet<QString> tokens;
    QSet<QString> organizationNames;
    for (const BatchMember& m : *members) {
        REQUIRE(m.enrollment);
        CHECK(m.enrollment->state == EnrollmentState::Verified);
        tokens.insert(m.enrollment->tokenSerial);
        organizationNames.insert(m.organizationName);
    }
    CHECK(tokens.size() == kOfficers);
    CHECK(organizationNames.size() == 3);
    // Prepared: each token's initial PIN is sealed, and it opens the token; in person the officer's own does.
    const QString serial = members->front().enrollment->tokenSerial;
    SealedSecrets secrets(desk.db());
    CHECK(*secrets.has(serial, SecretKind::SoPin));
    CHECK(*secrets.has(serial, SecretKind::InitialPin) == (mode == BatchMode::Prepared));
    auto pin = mode == BatchMode::Prepared ? secrets.open(desk.supervisor(), *key, serial, SecretKind::InitialPin)
                                           : CoreResult<Pin>(Pin(kOfficerPin.view()));
    REQUIRE(pin);
    auto objects = desk.modules().objects(serial, &*pin);
    REQUIRE(objects);
    CHECK(std::count_if(objects->begin(), objects->end(),
                        [](const TokenObject& o) { return o.objectClass == ObjectClass::Certificate; }) >= 1);
}

void bothModes(const Wave& wave)
{
    runBatch(wave, BatchMode::InPerson, 1);
    runBatch(wave, BatchMode::Prepared, 4);
    auto verified = AuditLog(wave.desk.db()).verify();
    REQUIRE(verified);
    CHECK(verified->intact);
}

} // namespace

TEST_CASE("50 officers of three organizations in person and prepared - through the practice CA")
{
    EngineFixture desk;
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    bothModes({desk, connectors, QStringLiteral("signing"), QStringLiteral("practice")});
}

TEST_CASE("50 officers of three organizations in person and prepared - through a real CFSSL server")
{
    EngineFixture desk;
    tamga::test::CfsslServer cfssl(desk.dir());
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    auto profile =
        CertificateProfile::fromJson(QJsonDocument::fromJson(QByteArray(tamga::test::kCfsslProfileJson)).object());
    REQUIRE(profile);
    REQUIRE(Profiles(desk.db()).add(desk.supervisor(), *profile));
    REQUIRE(TrustAnchors(desk.db()).add(desk.supervisor(),
                                        QByteArray::fromStdString(tamga::test::readFile(cfssl.rootPem()))));
    REQUIRE(connectors.add(desk.supervisor(),
                           {0, QStringLiteral("state-ca"), QStringLiteral("cfssl"),
                            QJsonObject{{QStringLiteral("url"), QString::fromStdString(cfssl.url())},
                                        {QStringLiteral("authKeyFile"), QString::fromStdString(cfssl.authKeyFile())},
                                        {QStringLiteral("profile"), QStringLiteral("officer-signing")}}}));
    bothModes({desk, connectors, QStringLiteral("cfssl-signing"), QStringLiteral("state-ca")});
}

TEST_CASE("50 officers of three organizations in person and prepared - through a CMP CA")
{
    EngineFixture desk;
    tamga::test::CmpServer cmp(desk.dir(), "shared-secret-42");
    const std::string secret = desk.dir().file("cmp.secret");
    tamga::test::writeFile(secret, "shared-secret-42\n");
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    REQUIRE(TrustAnchors(desk.db()).add(desk.supervisor(),
                                        QByteArray::fromStdString(tamga::test::readFile(cmp.rootPem()))));
    REQUIRE(connectors.add(desk.supervisor(),
                           {0, QStringLiteral("state-cmp"), QStringLiteral("cmp"),
                            QJsonObject{{QStringLiteral("url"), QString::fromStdString(cmp.url())},
                                        {QStringLiteral("reference"), QStringLiteral("desk-1")},
                                        {QStringLiteral("secretFile"), QString::fromStdString(secret)}}}));
    bothModes({desk, connectors, QStringLiteral("signing"), QStringLiteral("state-cmp")});
}

TEST_CASE("50 officers of three organizations in person and prepared - through an offline exchange with openssl ca")
{
    EngineFixture desk;
    tamga::test::OpensslCa ca(desk.dir());
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    REQUIRE(
        TrustAnchors(desk.db()).add(desk.supervisor(), QByteArray::fromStdString(tamga::test::readFile(ca.rootPem()))));
    REQUIRE(connectors.add(desk.supervisor(), {0, QStringLiteral("offline"), QStringLiteral("files"),
                                               QJsonObject{{QStringLiteral("dir"),
                                                            QString::fromStdString(desk.dir().file("exchange"))}}}));
    Wave wave{desk, connectors, QStringLiteral("signing"), QStringLiteral("offline")};
    wave.offline = &ca;
    bothModes(wave);
}
