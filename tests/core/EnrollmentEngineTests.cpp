// The enrollment engine in-process, on a real SoftHSM2 token and the practice CA: the states it passes through,
// what it leaves on the token and in the audit log, and where it stops when the token or the PIN fails.
#include "EngineFixture.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/EnrollmentRecords.h"

#include <catch2/catch.hpp>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

std::vector<EnrollmentState> runAndWatch(const EngineFixture& desk, qint64 id, const char* pin,
                                         CoreResult<EnrollmentRecord>& outcome)
{
    std::vector<EnrollmentState> reached;
    outcome = desk.engine().run(desk.clerk(), id, Pin(pin), nullptr, [&](EnrollmentState state, const QString&) {
        if (reached.empty() || reached.back() != state)
            reached.push_back(state);
    });
    return reached;
}

int eventsFor(const EngineFixture& desk, qint64 id, const QString& outcome)
{
    auto query = desk.db().exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE object_type = 'enrollment' AND "
                                               "object_id = ? AND outcome = ?"),
                                {QString::number(id), outcome});
    REQUIRE(query);
    REQUIRE(query->next());
    return query->value(0).toInt();
}

} // namespace

TEST_CASE("the engine takes an enrollment from created to verified: one key on the token, its certificate and the "
          "chain, every state audited")
{
    EngineFixture desk;
    auto id = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                   QStringLiteral("practice"));
    REQUIRE(id);
    CoreResult<EnrollmentRecord> outcome = std::unexpected(CoreError{});
    const auto reached = runAndWatch(desk, *id, EngineFixture::kUserPin, outcome);
    REQUIRE(outcome);
    CHECK(outcome->state == EnrollmentState::Verified);
    CHECK(reached.front() == EnrollmentState::TokenPrepared);
    CHECK(reached.back() == EnrollmentState::Verified);
    REQUIRE(outcome->certificate);
    CHECK(outcome->certificate->subject.contains(QStringLiteral("Батбаяр")));
    CHECK_FALSE(outcome->certificate->chainPem.isEmpty());

    // What is on the token: one private key that cannot leave it, and the officer's certificate with the CA's.
    const auto objects = desk.objectsOnToken();
    int privateKeys = 0;
    int officerCertificates = 0;
    int caCertificates = 0;
    for (const auto& object : objects) {
        if (object.objectClass == ObjectClass::PrivateKey) {
            ++privateKeys;
            CHECK(object.sensitive);
            CHECK_FALSE(object.extractable);
            CHECK(toHex(object.id) == outcome->keyIdHex.toStdString());
        }
        if (object.objectClass == ObjectClass::Certificate)
            (object.certificateCategory == 2 ? caCertificates : officerCertificates) += 1;
    }
    CHECK(privateKeys == 1);
    CHECK(officerCertificates == 1);
    CHECK(caCertificates >= 1);

    // Each state reached is one audited transition; the chain holds.
    CHECK(eventsFor(desk, *id, audit::Ok) >= static_cast<int>(reached.size()) + 1); // + "created"
    auto verified = AuditLog(desk.db()).verify();
    REQUIRE(verified);
    CHECK(verified->intact);

    // Handing over settles it and marks the token issued in the inventory.
    auto handed = desk.engine().handOver(desk.clerk(), *id);
    REQUIRE(handed);
    CHECK(handed->state == EnrollmentState::HandedOver);
    auto status = desk.db().exec(QStringLiteral("SELECT status FROM tokens WHERE serial = ?"), {desk.serial()});
    REQUIRE(status);
    REQUIRE(status->next());
    CHECK(status->value(0).toString() == QStringLiteral("issued"));
}

TEST_CASE("a wrong PIN stops the engine before the token changes - the right PIN resumes to exactly one key")
{
    EngineFixture desk;
    auto id = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                   QStringLiteral("practice"));
    REQUIRE(id);
    CoreResult<EnrollmentRecord> outcome = std::unexpected(CoreError{});
    runAndWatch(desk, *id, "000000", outcome);
    REQUIRE_FALSE(outcome);
    CHECK(outcome.error().kind == CoreErrorKind::Token);
    CHECK(outcome.error().tokenErrorKind == TokenErrorKind::WrongPin);
    auto stopped = EnrollmentRecords(desk.db()).record(*id);
    REQUIRE(stopped);
    CHECK_FALSE(isSettled(stopped->state));
    CHECK(stopped->lastError.contains(QStringLiteral("CKR_PIN_INCORRECT")));
    CHECK(eventsFor(desk, *id, audit::Failed) == 1);
    CHECK(desk.countOnToken(ObjectClass::PrivateKey) == 0);

    runAndWatch(desk, *id, EngineFixture::kUserPin, outcome);
    REQUIRE(outcome);
    CHECK(outcome->state == EnrollmentState::Verified);
    CHECK(desk.countOnToken(ObjectClass::PrivateKey) == 1);
}

TEST_CASE("a token pulled before the run stops it with the token's error - plugged back, the run goes on")
{
    EngineFixture desk(tamga::test::TestModuleOptions{});
    auto id = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                   QStringLiteral("practice"));
    REQUIRE(id);
    desk.hsm().pullToken();
    CoreResult<EnrollmentRecord> outcome = std::unexpected(CoreError{});
    runAndWatch(desk, *id, EngineFixture::kUserPin, outcome);
    REQUIRE_FALSE(outcome);
    CHECK(outcome.error().kind == CoreErrorKind::Token);
    CHECK((outcome.error().tokenErrorKind == TokenErrorKind::TokenNotFound ||
           outcome.error().tokenErrorKind == TokenErrorKind::TokenRemoved));
    auto stopped = EnrollmentRecords(desk.db()).record(*id);
    REQUIRE(stopped);
    CHECK(isInterrupted(stopped->state));

    desk.hsm().plugTokenBackIn();
    runAndWatch(desk, *id, EngineFixture::kUserPin, outcome);
    REQUIRE(outcome);
    CHECK(outcome->state == EnrollmentState::Verified);
    CHECK(desk.countOnToken(ObjectClass::PrivateKey) == 1);
}

TEST_CASE("a token is one officer's: a second officer's enrollment on it is refused while the first is open")
{
    EngineFixture desk;
    auto first = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                      QStringLiteral("practice"));
    REQUIRE(first);
    const qint64 other = desk.addOfficer(QStringLiteral("Сарангэрэл"), QStringLiteral("УБ85030522"));
    auto second =
        desk.engine().create(desk.clerk(), other, desk.serial(), QStringLiteral("signing"), QStringLiteral("practice"));
    REQUIRE_FALSE(second);
    CHECK(second.error().kind == CoreErrorKind::Conflict);
    CHECK(second.error().message.contains(desk.serial()));
}

TEST_CASE("create refuses what it cannot enroll: an unknown officer, profile or CA - nothing is written")
{
    EngineFixture desk;
    const qint64 before = desk.count(QStringLiteral("enrollments"));
    CHECK_FALSE(
        desk.engine().create(desk.clerk(), 9999, desk.serial(), QStringLiteral("signing"), QStringLiteral("practice")));
    CHECK_FALSE(desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("no-such-profile"),
                                     QStringLiteral("practice")));
    CHECK_FALSE(desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                     QStringLiteral("no-such-ca")));
    CHECK(desk.count(QStringLiteral("enrollments")) == before);
}
