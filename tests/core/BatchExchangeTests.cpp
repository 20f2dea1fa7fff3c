// A batch's sealed bundle for an offline CA and the answer coming back, in-process: sha256sum checks the seal a
// person would check, the practice CA stands in for the CA operator signing the requests, and an answer with a
// certificate missing, one extra, an edited manifest or an edited request is reported or refused by name.
#include "EngineFixture.h"
#include "tamga/core/BatchExchange.h"
#include "tamga/core/Batches.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Profile.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

struct OfflineBatch {
    qint64 batch = 0;
    qint64 first = 0;  // enrollment on the blank token, through the batch run
    qint64 second = 0; // enrollment on the fixture's token, started by hand
    QString exchange;  // the files CA's folder
};

OfflineBatch submitTwo(const EngineFixture& desk, const CaConnectors& connectors)
{
    OfflineBatch made;
    made.exchange = QString::fromStdString(desk.dir().file("exchange"));
    QDir().mkpath(made.exchange);
    REQUIRE(connectors.add(
        desk.supervisor(),
        {0, QStringLiteral("offline"), QStringLiteral("files"), {{QStringLiteral("dir"), made.exchange}}}));
    const qint64 second = desk.addOfficer(QStringLiteral("Ану"), QStringLiteral("УБ85030522"));
    auto organization = Registry(desk.db()).officer(desk.officerId())->fields.organizationId;
    auto batch = Batches(desk.db()).create(desk.clerk(), QStringLiteral("Offline wave"), {organization}, {},
                                           QStringLiteral("signing"), QStringLiteral("offline"), BatchMode::InPerson);
    REQUIRE(batch);
    made.batch = *batch;
    const Pin pin(EngineFixture::kUserPin);
    const Pin soPin("97531864");
    auto ran = BatchRunner(desk.db(), connectors, desk.modules()).runOnce(desk.clerk(), *batch, &pin, nullptr, &soPin);
    REQUIRE(ran);
    REQUIRE(ran->done == 1);
    auto members = Batches(desk.db()).members(*batch);
    REQUIRE(members);
    REQUIRE((*members)[0].enrollment);
    made.first = (*members)[0].enrollment->id;
    CHECK((*members)[0].enrollment->state == EnrollmentState::Submitted);
    auto other = desk.engine().create(desk.clerk(), (*members)[1].officerId, desk.serial(), QStringLiteral("signing"),
                                      QStringLiteral("offline"));
    REQUIRE(other);
    made.second = *other;
    auto run = desk.engine().run(desk.clerk(), *other, pin, nullptr);
    REQUIRE(run);
    CHECK(run->state == EnrollmentState::Submitted);
    (void)second;
    return made;
}

// The CA operator's part: the request signed by the practice CA, written into the folder with its chain.
void signInto(const EngineFixture& desk, const CaConnectors& connectors, const QString& folder, qint64 enrollment,
              const QString& name)
{
    auto record = EnrollmentRecords(desk.db()).record(enrollment);
    REQUIRE(record);
    auto practice = connectors.open(*connectors.find(QStringLiteral("practice")));
    REQUIRE(practice);
    auto profile = Profiles(desk.db()).find(QStringLiteral("signing"));
    REQUIRE(profile);
    QByteArray der = QByteArray::fromBase64(record->requestPem.replace("-----BEGIN CERTIFICATE REQUEST-----", "")
                                                .replace("-----END CERTIFICATE REQUEST-----", ""));
    auto issued = (*practice)->submit(der, *profile, enrollment);
    REQUIRE(issued);
    QByteArray pem;
    for (const QByteArray& certificate : QList<QByteArray>{issued->certificateDer} + issued->chainDer)
        pem += "-----BEGIN CERTIFICATE-----\n" + certificate.toBase64() + "\n-----END CERTIFICATE-----\n";
    QFile file(folder + QLatin1Char('/') + name);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(pem);
}

} // namespace

TEST_CASE("a batch's sealed bundle: sha256sum agrees with the seal - the answer's certificates are matched - one "
          "missing is said")
{
    EngineFixture desk;
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    const OfflineBatch made = submitTwo(desk, connectors);
    const QString bundle = QString::fromStdString(desk.dir().file("bundle"));
    BatchExchange exchange(desk.db(), connectors);
    auto sealed = exchange.exportSealed(desk.clerk(), made.batch, bundle);
    REQUIRE(sealed);
    CHECK(sealed->entries.size() == 2);
    auto checked =
        tamga::test::run({"sh", "-c", "cd '" + bundle.toStdString() + "' && sha256sum -c bundle.json.sha256"});
    INFO(checked.err);
    CHECK(checked.exitCode == 0);

    // The CA signs only the first request.
    signInto(desk, connectors, bundle, made.first, QStringLiteral("answer-1.pem"));
    auto report = exchange.importAnswer(desk.clerk(), made.batch, bundle);
    REQUIRE(report);
    CHECK(report->matched.size() == 1);
    CHECK(report->refused.isEmpty());
    REQUIRE(report->missing.size() == 1);
    CHECK(report->missing[0].contains(QStringLiteral("#%1").arg(made.second)));
    CHECK(EnrollmentRecords(desk.db()).record(made.first)->state == EnrollmentState::CertificateReceived);
}

TEST_CASE("an answer whose bundle was edited after sealing is refused - an extra certificate is reported")
{
    EngineFixture desk;
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    const OfflineBatch made = submitTwo(desk, connectors);
    const QString bundle = QString::fromStdString(desk.dir().file("bundle"));
    BatchExchange exchange(desk.db(), connectors);
    REQUIRE(exchange.exportSealed(desk.clerk(), made.batch, bundle));

    SECTION("the manifest")
    {
        QFile manifest(bundle + QStringLiteral("/bundle.json"));
        REQUIRE(manifest.open(QIODevice::Append));
        manifest.write(" ");
        manifest.close();
        auto refused = exchange.importAnswer(desk.clerk(), made.batch, bundle);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(QStringLiteral("changed after sealing")));
        CHECK(EnrollmentRecords(desk.db()).record(made.first)->state == EnrollmentState::Submitted);
    }
    SECTION("a request")
    {
        QFile request(bundle + QStringLiteral("/enrollment-%1.csr.pem").arg(made.first));
        REQUIRE(request.open(QIODevice::Append));
        request.write("\n");
        request.close();
        auto refused = exchange.importAnswer(desk.clerk(), made.batch, bundle);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(QStringLiteral("not the request that was sealed")));
    }
    SECTION("a certificate for a key no request of the batch has")
    {
        const QString elsewhere = QString::fromStdString(desk.dir().file("elsewhere"));
        QDir().mkpath(elsewhere);
        signInto(desk, connectors, bundle, made.first, QStringLiteral("answer-1.pem"));
        // The same answer file once more under another name is no extra; a certificate for a stranger's key is.
        auto stranger = EnrollmentRecords(desk.db()).record(made.second);
        REQUIRE(stranger);
        signInto(desk, connectors, elsewhere, made.second, QStringLiteral("other.pem"));
        QFile::copy(elsewhere + QStringLiteral("/other.pem"), bundle + QStringLiteral("/other.pem"));
        // The second enrollment leaves the batch's waiting list by hand-made refusal: its certificate is then extra.
        REQUIRE(desk.db().exec(QStringLiteral("UPDATE batch_members SET enrollment_id = NULL WHERE enrollment_id = ?"),
                               {made.second}));
        auto report = exchange.importAnswer(desk.clerk(), made.batch, bundle);
        REQUIRE(report);
        CHECK(report->matched.size() == 1);
        REQUIRE(report->extra.size() == 1);
        CHECK(report->extra[0].startsWith(QStringLiteral("other.pem")));
    }
}
