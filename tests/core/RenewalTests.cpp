// Renewals: expiring certificates listed within the window; a renewal on the same token interrupted after each
// step keeps the old key and certificate on the token, valid and signing (pkcs11-tool signs, openssl verifies),
// and may not be completed; once the new certificate is verified, completing it deletes the old key pair and
// certificate and applies for the old certificate's revocation as superseded.
#include "EngineFixture.h"
#include "ToolListings.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Renewals.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/Settings.h"
#include "tamga/core/TokenService.h"

#include <catch2/catch.hpp>

#include <QDateTime>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

// The fixture token's objects with this key ID, as pkcs11-tool lists them.
int objectsWithId(const EngineFixture& desk, const QString& keyIdHex)
{
    int n = 0;
    for (const auto& object :
         tamga::test::pkcs11toolObjects(desk.hsm().modulePath(), "Officer token", EngineFixture::kUserPin))
        n += object.id == keyIdHex.toLower().toStdString() ? 1 : 0;
    return n;
}

void expiresInDays(const EngineFixture& desk, qint64 enrollment, int days)
{
    REQUIRE(desk.db().exec(QStringLiteral("UPDATE certificates SET not_after = ? WHERE enrollment_id = ?"),
                           {QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODate), enrollment}));
}

} // namespace

TEST_CASE("certificates due for renewal: within the window of the setting, soonest first, not once renewed")
{
    EngineFixture desk;
    const qint64 enrollment = desk.verifiedEnrollment();
    Renewals renewals(desk.db());
    CHECK(*renewals.windowDays() == kDefaultRenewalWindowDays);
    CHECK(renewals.due(30)->empty()); // the practice CA's certificate is good for years

    expiresInDays(desk, enrollment, 10);
    auto due = renewals.due(*renewals.windowDays());
    REQUIRE(due);
    REQUIRE(due->size() == 1);
    CHECK(due->front().enrollmentId == enrollment);
    CHECK(due->front().daysLeft >= 9);
    CHECK(due->front().daysLeft <= 10);
    CHECK(due->front().renewalId == 0);
    CHECK(due->front().organization == QStringLiteral("Нийслэлийн Засаг даргын Тамгын газар"));

    REQUIRE(Settings(desk.db()).setValue(desk.supervisor(), setting::RenewalWindowDays, QStringLiteral("7")));
    CHECK(*renewals.windowDays() == 7);
    CHECK(renewals.due(*renewals.windowDays())->empty());
    expiresInDays(desk, enrollment, -1); // expired: too late to renew, it is enrolled anew
    CHECK(renewals.due(30)->empty());
}

TEST_CASE("a renewal on the same token interrupted after each step: the old key signs until the new certificate is "
          "verified - then the old key pair and certificate go, and the old certificate's revocation is applied for")
{
    EngineFixture desk;
    const qint64 old = desk.verifiedEnrollment();
    auto oldRecord = EnrollmentRecords(desk.db()).record(old);
    REQUIRE(oldRecord);
    REQUIRE(oldRecord->certificate);
    const QString oldKey = oldRecord->keyIdHex;
    const std::string oldCertificate = oldRecord->certificate->pem.toStdString();
    const std::string module = desk.hsm().modulePath();
    Renewals renewals(desk.db());
    const Pin pin(EngineFixture::kUserPin);

    auto id = renewals.start(desk.clerk(), old, QString(), true, desk.engine());
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id);
    CHECK(renewals.start(desk.clerk(), old, QString(), false, desk.engine()).error().kind == CoreErrorKind::Conflict);
    const qint64 fresh = renewals.find(*id)->newEnrollmentId;
    CHECK(renewals.due(3650)->front().renewalId == *id);

    // (The practice CA answers at once: the enrollment goes from its request to the certificate received.)
    const EnrollmentState steps[] = {EnrollmentState::TokenPrepared, EnrollmentState::KeyGenerated,
                                     EnrollmentState::RequestBuilt, EnrollmentState::CertificateReceived,
                                     EnrollmentState::WrittenToToken};
    for (const EnrollmentState step : steps) {
        auto reached = desk.engine().runUntil(desk.clerk(), fresh, pin, nullptr, step);
        INFO("stopped at " << stateName(step).toStdString() << ": "
                           << (reached ? QString() : reached.error().message).toStdString());
        REQUIRE(reached);
        REQUIRE(reached->state != EnrollmentState::Verified);
        // Not completed before the new certificate is verified; the old key and certificate are all there and the
        // key signs.
        auto early = renewals.complete(desk.clerk(), *id, pin, desk.modules());
        REQUIRE_FALSE(early);
        CHECK(early.error().kind == CoreErrorKind::Conflict);
        CHECK(objectsWithId(desk, oldKey) == 3);
        CHECK(tamga::test::signsWithPkcs11Tool(module, "Officer token", EngineFixture::kUserPin, oldKey.toStdString(),
                                               oldCertificate, desk.dir().path().string()));
        CHECK(EnrollmentRecords(desk.db()).record(old)->state == EnrollmentState::Verified);
    }

    // Carried on to the end: verified, and the renewal completed by the same run, with the same PIN.
    QStringList said;
    auto verified = desk.engine().run(desk.clerk(), fresh, pin, nullptr,
                                      [&](EnrollmentState, const QString& message) { said << message; });
    INFO((verified ? QString() : verified.error().message).toStdString());
    REQUIRE(verified);
    REQUIRE(verified->state == EnrollmentState::Verified);
    CHECK(said.join(QLatin1Char('\n')).contains(QStringLiteral("renewal #%1 completed").arg(*id)));

    auto completed = renewals.find(*id);
    INFO((completed ? QString() : completed.error().message).toStdString());
    REQUIRE(completed);
    CHECK(completed->completed);
    CHECK(completed->oldKeyRetired == QStringLiteral("deleted"));
    CHECK(objectsWithId(desk, oldKey) == 0);
    CHECK(objectsWithId(desk, verified->keyIdHex) == 3);
    CHECK(tamga::test::signsWithPkcs11Tool(module, "Officer token", EngineFixture::kUserPin,
                                           verified->keyIdHex.toStdString(), verified->certificate->pem.toStdString(),
                                           desk.dir().path().string()));
    // The old certificate's revocation as superseded, taken and waiting for a second supervisor.
    REQUIRE(completed->revocationId != 0);
    auto application = Revocations(desk.db()).find(completed->revocationId);
    REQUIRE(application);
    CHECK(application->reason == QStringLiteral("superseded"));
    CHECK(application->enrollmentId == old);
    CHECK(application->state == RevocationState::Received);
    // Completing again changes nothing; the renewed certificate is no longer due.
    REQUIRE(renewals.complete(desk.clerk(), *id, pin, desk.modules()));
    CHECK(renewals.complete(desk.clerk(), *id, pin, desk.modules())->completedAt == completed->completedAt);
    expiresInDays(desk, old, 5);
    auto due = renewals.due(30);
    REQUIRE(due);
    CHECK(std::none_of(due->begin(), due->end(), [&](const RenewalDue& d) { return d.enrollmentId == old; }));
}

TEST_CASE("a renewal completed after an interruption between deleting the old key and recording it finishes")
{
    EngineFixture desk;
    const qint64 old = desk.verifiedEnrollment();
    const QString oldKey = EnrollmentRecords(desk.db()).record(old)->keyIdHex;
    Renewals renewals(desk.db());
    const Pin pin(EngineFixture::kUserPin);
    auto id = renewals.start(desk.clerk(), old, QString(), false, desk.engine());
    REQUIRE(id);
    REQUIRE(desk.engine().runUntil(desk.clerk(), renewals.find(*id)->newEnrollmentId, pin, nullptr,
                                   EnrollmentState::Verified));
    // The desk deleted the old key and stopped before it wrote that down.
    const QByteArray keyBytes = QByteArray::fromHex(oldKey.toLatin1());
    const std::vector<std::uint8_t> keyId(keyBytes.begin(), keyBytes.end());
    REQUIRE(TokenService(desk.db(), desk.modules()).deleteKey(desk.supervisor(), desk.serial(), pin, keyId));
    auto completed = renewals.complete(desk.clerk(), *id, pin, desk.modules());
    INFO((completed ? QString() : completed.error().message).toStdString());
    REQUIRE(completed);
    CHECK(completed->completed);
    CHECK(completed->revocationId == 0);
    CHECK(objectsWithId(desk, oldKey) == 0);
}
