// Sealed token secrets: the desk key only a supervisor's password unwraps, secrets bound to their token and kind,
// nothing in clear in the database file, every use audited.
#include "CoreFixture.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/SealedSecrets.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::CoreFixture;

namespace {

void addToken(const CoreFixture& fixture, const char* serial)
{
    REQUIRE(fixture.db().exec(QStringLiteral("INSERT INTO tokens (serial, first_seen_at, updated_at) VALUES (?, 'x', "
                                             "'x')"),
                              {QString::fromLatin1(serial)}));
}

// Seals inside a change of its own, as the batch that prepares a token does.
CoreStatus sealOne(const CoreFixture& fixture, const DeskKey& key, const char* serial, SecretKind kind,
                   const char* secret)
{
    auto sealed = AuditLog(fixture.db()).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        auto done = SealedSecrets(fixture.db())
                        .seal(trail, fixture.supervisor(), key, QString::fromLatin1(serial), kind, Pin(secret));
        if (!done)
            return std::unexpected(done.error());
        return true;
    });
    if (!sealed)
        return std::unexpected(sealed.error());
    return {};
}

} // namespace

TEST_CASE("the desk key: made by the first supervisor - unwrapped only with their password - shared with another")
{
    CoreFixture fixture;
    SealedSecrets secrets(fixture.db());
    auto first = secrets.unlock(fixture.supervisor().name, Password(CoreFixture::kSupervisorPassword));
    REQUIRE(first);
    REQUIRE(first->bytes().size() == 32);
    auto again = secrets.unlock(fixture.supervisor().name, Password(CoreFixture::kSupervisorPassword));
    REQUIRE(again);
    CHECK(again->bytes().view() == first->bytes().view());

    auto wrong = secrets.unlock(fixture.supervisor().name, Password("not the password"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().kind == CoreErrorKind::NotSignedIn);
    auto clerk = secrets.unlock(fixture.clerk().name, Password(CoreFixture::kClerkPassword));
    REQUIRE_FALSE(clerk);
    CHECK(clerk.error().kind == CoreErrorKind::NotPermitted);

    auto second = Operators(fixture.db())
                      .add(fixture.supervisor(), QStringLiteral("second"), Role::Supervisor, Password("Second-pass-3"));
    REQUIRE(second);
    auto notYet = secrets.unlock(QStringLiteral("second"), Password("Second-pass-3"));
    REQUIRE_FALSE(notYet);
    CHECK(notYet.error().message.contains(QStringLiteral("share")));
    REQUIRE(secrets.share(fixture.supervisor(), *first, QStringLiteral("second"), Password("Second-pass-3")));
    auto shared = secrets.unlock(QStringLiteral("second"), Password("Second-pass-3"));
    REQUIRE(shared);
    CHECK(shared->bytes().view() == first->bytes().view());
}

TEST_CASE("a sealed PIN opens only with the desk key - for its own token and kind - and is never in the file in "
          "clear")
{
    CoreFixture fixture;
    SealedSecrets secrets(fixture.db());
    auto key = secrets.unlock(fixture.supervisor().name, Password(CoreFixture::kSupervisorPassword));
    REQUIRE(key);
    addToken(fixture, "T-1");
    addToken(fixture, "T-2");
    const char* soPin = "73915820";
    REQUIRE(sealOne(fixture, *key, "T-1", SecretKind::SoPin, soPin));
    CHECK(*secrets.has(QStringLiteral("T-1"), SecretKind::SoPin));
    CHECK_FALSE(*secrets.has(QStringLiteral("T-1"), SecretKind::InitialPin));

    auto opened = secrets.open(fixture.supervisor(), *key, QStringLiteral("T-1"), SecretKind::SoPin);
    REQUIRE(opened);
    CHECK(opened->view() == soPin);
    auto events = AuditLog(fixture.db()).list(1);
    REQUIRE(events);
    CHECK(events->front().action == QStringLiteral("secret.used"));
    CHECK_FALSE(events->front().details.contains(QString::fromLatin1(soPin)));

    // Another key, another token, another kind: nothing opens.
    DeskKey stranger(SealedSecrets::randomPin(32));
    CHECK_FALSE(secrets.open(fixture.supervisor(), stranger, QStringLiteral("T-1"), SecretKind::SoPin));
    REQUIRE(fixture.db().exec(QStringLiteral("UPDATE token_secrets SET token_id = (SELECT id FROM tokens WHERE serial "
                                             "= 'T-2')")));
    auto moved = secrets.open(fixture.supervisor(), *key, QStringLiteral("T-2"), SecretKind::SoPin);
    REQUIRE_FALSE(moved);
    CHECK(moved.error().message.contains(QStringLiteral("behind Tamga's back")));
    auto byClerk = secrets.open(fixture.clerk(), *key, QStringLiteral("T-2"), SecretKind::SoPin);
    REQUIRE_FALSE(byClerk);
    CHECK(byClerk.error().kind == CoreErrorKind::NotPermitted);

    // The database file and its journal hold neither the PIN nor the desk key.
    for (const QString& path : {fixture.path(), fixture.path() + QStringLiteral("-wal")}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        CHECK_FALSE(bytes.contains(soPin));
        CHECK_FALSE(bytes.contains(QByteArray(key->bytes().c_str(), static_cast<qsizetype>(key->bytes().size()))));
    }
}

TEST_CASE("the desk's sealing key: made with the desk key - its public half seals without a supervisor and opens "
          "nothing - the desk key opens what it sealed - secrets sealed under the desk key itself still open")
{
    CoreFixture fixture;
    SealedSecrets secrets(fixture.db());
    auto none = secrets.sealingKey();
    REQUIRE(none);
    CHECK_FALSE(none->has_value()); // no supervisor has unlocked the desk key yet

    auto key = secrets.unlock(fixture.supervisor().name, Password(CoreFixture::kSupervisorPassword));
    REQUIRE(key);
    REQUIRE(key->canOpen());
    auto sealing = secrets.sealingKey();
    REQUIRE(sealing);
    REQUIRE(sealing->has_value());
    const DeskKey& clerks = **sealing;
    CHECK_FALSE(clerks.canOpen());
    CHECK(clerks.sealingPublic() == key->sealingPublic());
    CHECK(clerks.sealingPublic().size() == 32);

    addToken(fixture, "T-1");
    addToken(fixture, "T-2");
    REQUIRE(sealOne(fixture, clerks, "T-1", SecretKind::SoPin, "11223344"));
    auto scheme = fixture.db().exec(QStringLiteral("SELECT scheme FROM token_secrets"));
    REQUIRE(scheme);
    REQUIRE(scheme->next());
    CHECK(scheme->value(0).toString() == QStringLiteral("desk_public_key"));
    scheme->finish();

    // The public half opens nothing, not even for a supervisor.
    auto withPublicHalf = secrets.open(fixture.supervisor(), clerks, QStringLiteral("T-1"), SecretKind::SoPin);
    REQUIRE_FALSE(withPublicHalf);
    CHECK(withPublicHalf.error().kind == CoreErrorKind::NotPermitted);
    auto opened = secrets.open(fixture.supervisor(), *key, QStringLiteral("T-1"), SecretKind::SoPin);
    REQUIRE(opened);
    CHECK(opened->view() == "11223344");

    // The next unlock finds the same pair.
    auto again = secrets.unlock(fixture.supervisor().name, Password(CoreFixture::kSupervisorPassword));
    REQUIRE(again);
    CHECK(again->sealingPublic() == key->sealingPublic());
    auto events = AuditLog(fixture.db()).list(50);
    REQUIRE(events);
    CHECK(std::count_if(events->begin(), events->end(), [](const AuditEvent& e) {
              return e.action == QStringLiteral("secret.sealing_key_made");
          }) == 1);

    // A secret sealed under the desk key itself (before the pair existed) still opens.
    const DeskKey older(tamga::SecretBuffer(key->bytes().view()));
    REQUIRE(sealOne(fixture, older, "T-2", SecretKind::SoPin, "55667788"));
    auto old = secrets.open(fixture.supervisor(), *key, QStringLiteral("T-2"), SecretKind::SoPin);
    REQUIRE(old);
    CHECK(old->view() == "55667788");

    // A sealed value changed in the file does not open.
    REQUIRE(fixture.db().exec(QStringLiteral("UPDATE token_secrets SET sealed = ? WHERE scheme = 'desk_public_key'"),
                              {QString::fromLatin1(QByteArray(80, 'A').toBase64())}));
    auto changed = secrets.open(fixture.supervisor(), *key, QStringLiteral("T-1"), SecretKind::SoPin);
    REQUIRE_FALSE(changed);
    CHECK(changed.error().message.contains(QStringLiteral("behind Tamga's back")));

    // Neither half's private part is in the file in clear.
    QFile file(fixture.path() + QStringLiteral("-wal"));
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = file.readAll();
        CHECK_FALSE(bytes.contains(
            QByteArray(key->sealingPrivate().c_str(), static_cast<qsizetype>(key->sealingPrivate().size()))));
    }
}

TEST_CASE("random PINs are digits of the length asked for")
{
    const Pin a = SealedSecrets::randomPin(8);
    const Pin b = SealedSecrets::randomPin(8);
    CHECK(a.size() == 8);
    for (char c : a.view())
        CHECK((c >= '0' && c <= '9'));
    CHECK(a.view() != b.view()); // 1 in 10^8 to fail by chance
}
