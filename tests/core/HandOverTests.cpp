// The hand-over's first signature, in-process on SoftHSM2 and the practice CA: the officer's PIN makes the token
// sign the acceptance, Tamga and `openssl cms` both verify it, a changed acceptance no longer verifies, and a
// prepared token's initial PIN is replaced by the officer's own and forgotten.
#include "EngineFixture.h"
#include "tamga/core/Batches.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/HandOver.h"
#include "tamga/core/SealedSecrets.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

qint64 verifiedEnrollment(const EngineFixture& desk)
{
    auto id = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                   QStringLiteral("practice"));
    REQUIRE(id);
    auto run = desk.engine().run(desk.clerk(), *id, Pin(EngineFixture::kUserPin), nullptr);
    REQUIRE(run);
    REQUIRE(run->state == EnrollmentState::Verified);
    return *id;
}

void writeBytes(const std::string& path, const QByteArray& bytes)
{
    QFile file(QString::fromStdString(path));
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("in person: the officer's PIN signs the acceptance on the token - Tamga and openssl cms verify it - a "
          "changed acceptance does not")
{
    EngineFixture desk;
    const qint64 id = verifiedEnrollment(desk);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    HandOver handOver(desk.db(), connectors, desk.modules());

    auto wrongPin = handOver.withFirstSignature(desk.clerk(), id, Pin("000000"));
    REQUIRE_FALSE(wrongPin);
    CHECK(wrongPin.error().tokenErrorKind == TokenErrorKind::WrongPin);
    CHECK(EnrollmentRecords(desk.db()).record(id)->state == EnrollmentState::Verified);

    auto handed = handOver.withFirstSignature(desk.clerk(), id, Pin(EngineFixture::kUserPin));
    REQUIRE(handed);
    CHECK(handed->state == EnrollmentState::HandedOver);
    REQUIRE(handOver.verifyKept(id));

    // OpenSSL's own cms tool agrees, with the desk's trust anchors.
    auto kept =
        desk.db().exec(QStringLiteral("SELECT acceptance_text, acceptance_cms FROM enrollments WHERE id = ?"), {id});
    REQUIRE(kept);
    REQUIRE(kept->next());
    const QByteArray text = kept->value(0).toString().toUtf8();
    const QByteArray cms = QByteArray::fromBase64(kept->value(1).toString().toLatin1());
    kept->finish();
    CHECK(text.contains("Батбаяр"));
    CHECK(text.contains(handed->tokenSerial.toUtf8()));
    QByteArray anchorsPem;
    auto anchors = TrustAnchors(desk.db()).allDer();
    REQUIRE(anchors);
    for (const QByteArray& der : *anchors)
        anchorsPem += "-----BEGIN CERTIFICATE-----\n" + der.toBase64() + "\n-----END CERTIFICATE-----\n";
    writeBytes(desk.dir().file("acceptance.txt"), text);
    writeBytes(desk.dir().file("acceptance.p7s"), cms);
    writeBytes(desk.dir().file("anchors.pem"), anchorsPem);
    auto verified =
        tamga::test::run({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                          desk.dir().file("acceptance.p7s"), "-content", desk.dir().file("acceptance.txt"), "-CAfile",
                          desk.dir().file("anchors.pem"), "-purpose", "any", "-out", "/dev/null"});
    INFO(verified.err);
    CHECK(verified.exitCode == 0);

    // An acceptance edited afterwards no longer verifies, for Tamga or for openssl.
    REQUIRE(desk.db().exec(QStringLiteral("UPDATE enrollments SET acceptance_text = replace(acceptance_text, "
                                          "'Батбаяр', 'Батболд') WHERE id = ?"),
                           {id}));
    auto edited = handOver.verifyKept(id);
    REQUIRE_FALSE(edited);
    CHECK(edited.error().message.contains(QStringLiteral("does not verify")));
}

TEST_CASE("prepared: at hand-over the officer's own PIN replaces the initial one - which the desk then forgets")
{
    EngineFixture desk;
    auto organization = Registry(desk.db()).officer(desk.officerId())->fields.organizationId;
    auto batch = Batches(desk.db()).create(desk.supervisor(), QStringLiteral("Prepared"), {organization}, {},
                                           QStringLiteral("signing"), QStringLiteral("practice"), BatchMode::Prepared);
    REQUIRE(batch);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    auto key = SealedSecrets(desk.db()).unlock(desk.supervisor().name, Password(EngineFixture::kSupervisorPassword));
    REQUIRE(key);
    REQUIRE(
        BatchRunner(desk.db(), connectors, desk.modules()).runOnce(desk.supervisor(), *batch, nullptr, &*key, nullptr));
    auto members = Batches(desk.db()).members(*batch);
    REQUIRE(members);
    REQUIRE(members->front().enrollment);
    const qint64 id = members->front().enrollment->id;
    const QString serial = members->front().enrollment->tokenSerial;

    HandOver handOver(desk.db(), connectors, desk.modules());
    const Pin officersOwn("13572468");
    auto handed = handOver.prepared(desk.supervisor(), id, *key, officersOwn);
    REQUIRE(handed);
    CHECK(handed->state == EnrollmentState::HandedOver);
    CHECK_FALSE(*SealedSecrets(desk.db()).has(serial, SecretKind::InitialPin));
    CHECK(*SealedSecrets(desk.db()).has(serial, SecretKind::SoPin));
    CHECK(desk.modules().objects(serial, &officersOwn));
    CHECK(handOver.verifyKept(id));
    // Once handed over, there is no initial PIN to replace.
    CHECK_FALSE(handOver.prepared(desk.supervisor(), id, *key, officersOwn));
}
