// The PIN service at the desk: an officer's PIN locked by the token's own retry counter (the test module counts
// wrong tries as a real token does) is set anew with the SO PIN from the desk's sealed store; a token whose SO PIN
// the desk does not hold says so; a clerk may not; nothing secret reaches the audit log.
#include "EngineFixture.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenService.h"

#include <catch2/catch.hpp>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;
using tamga::test::TestModuleOptions;

TEST_CASE("a locked PIN unblocked with the sealed SO PIN: refused for a token the desk holds no SO PIN of and for a "
          "clerk - the token's real retry counter reset - the new PIN works - no PIN in the audit log")
{
    EngineFixture desk(TestModuleOptions{.pinTries = 3});
    const qint64 enrollment = desk.verifiedEnrollment();
    const QString serial = desk.serial();
    const TokenService tokens(desk.db(), desk.modules());
    SealedSecrets secrets(desk.db());
    auto key = secrets.unlock(desk.supervisor().name, Password(EngineFixture::kSupervisorPassword));
    REQUIRE(key);
    const Pin newPin("13579024");

    // The officer tries three wrong PINs: the token locks the PIN.
    const Pin wrong("000000");
    for (int attempt = 0; attempt < 3; ++attempt)
        CHECK_FALSE(desk.modules().objects(serial, &wrong));
    const Pin right(EngineFixture::kUserPin);
    auto locked = desk.modules().objects(serial, &right);
    REQUIRE_FALSE(locked);
    CHECK(locked.error().message.contains(QStringLiteral("LOCKED")));

    // The fixture's token was initialized outside the desk: its SO PIN is not in the sealed store.
    auto unknown = tokens.unblockWithSealedSoPin(desk.supervisor(), *key, serial, newPin, PinTrouble::Locked);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().kind == CoreErrorKind::NotFound);
    CHECK(unknown.error().message.contains(QStringLiteral("keeps no SO PIN")));

    auto sealed = AuditLog(desk.db()).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        if (auto done =
                secrets.seal(trail, desk.supervisor(), *key, serial, SecretKind::SoPin, Pin(EngineFixture::kSoPin));
            !done)
            return std::unexpected(done.error());
        return true;
    });
    REQUIRE(sealed);

    CHECK(tokens.unblockWithSealedSoPin(desk.clerk(), *key, serial, newPin, PinTrouble::Locked).error().kind ==
          CoreErrorKind::NotPermitted);
    auto unblocked = tokens.unblockWithSealedSoPin(desk.supervisor(), *key, serial, newPin, PinTrouble::Locked);
    INFO((unblocked ? QString() : unblocked.error().message).toStdString());
    REQUIRE(unblocked);
    auto opened = desk.modules().objects(serial, &newPin);
    INFO((opened ? QString() : opened.error().message).toStdString());
    REQUIRE(opened);
    CHECK_FALSE(opened->empty());
    // The counter was reset: two wrong tries later the new PIN still opens it.
    CHECK_FALSE(desk.modules().objects(serial, &wrong));
    CHECK_FALSE(desk.modules().objects(serial, &wrong));
    CHECK(desk.modules().objects(serial, &newPin));

    auto events = AuditLog(desk.db()).list(200);
    REQUIRE(events);
    int unblocks = 0;
    for (const AuditEvent& event : *events) {
        const QString& details = event.details;
        CHECK_FALSE(details.contains(QStringLiteral("13579024")));
        CHECK_FALSE(details.contains(QString::fromLatin1(EngineFixture::kSoPin)));
        if (event.action == QStringLiteral("token.unblock_pin") && event.outcome == audit::Ok) {
            ++unblocks;
            CHECK(details.contains(QStringLiteral("\"so_pin\":\"sealed\"")));
            CHECK(details.contains(QStringLiteral("\"why\":\"locked\"")));
        }
    }
    CHECK(unblocks == 1);

    // The handover receipt, printed again, has the line.
    auto receipt = Receipts(desk.db()).data(enrollment);
    REQUIRE(receipt);
    REQUIRE(receipt->pinServices.size() == 1);
    CHECK(receipt->pinServices.front().contains(desk.supervisor().name));
    CHECK(receipt->pinServices.front().endsWith(QStringLiteral("locked")));
}
