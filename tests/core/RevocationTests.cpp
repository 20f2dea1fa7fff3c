// Revocation applications: taken by one operator, approved by a second supervisor (never the one who took it),
// submitted through the certificate's own CA once, and kept approved to be sent again when the CA cannot take it.
#include "CaServers.h"
#include "EngineFixture.h"
#include "TestSupport.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/TodaysWork.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

// The SHA-256 of a form printed for the officer (the PDF itself is tested with tamga-cli's form).
const QString kFormSha256 = QStringLiteral("5f2b8a0c6e1d4f3a9b7c2e8d1a6f4b3c9e7d2a8b1c6f5e4d3a2b9c8d7e6f5a4b");

// Another supervisor than the fixture's, for the two-person rule.
Operator secondSupervisor(const EngineFixture& desk)
{
    auto second = Operators(desk.db()).add(desk.supervisor(), QStringLiteral("second"), Role::Supervisor,
                                           Password("Second-pass-3"));
    REQUIRE(second);
    return *second;
}

int eventsOf(const EngineFixture& desk, const QString& action, const QString& outcome)
{
    auto events = AuditLog(desk.db()).list(200);
    REQUIRE(events);
    return static_cast<int>(std::count_if(events->begin(), events->end(), [&](const AuditEvent& e) {
        return e.action == action && e.outcome == outcome;
    }));
}

} // namespace

TEST_CASE("a revocation application: checked when taken - one at a time per certificate - approved only by a second "
          "supervisor - submitted once through the certificate's CA")
{
    EngineFixture desk;
    const qint64 enrollment = desk.verifiedEnrollment();
    const Operator second = secondSupervisor(desk);
    Revocations revocations(desk.db());
    const QString today = QDate::currentDate().toString(Qt::ISODate);

    CHECK(revocations.apply(desk.clerk(), enrollment, QStringLiteral("lostIt"), QStringLiteral("lost"), today)
              .error()
              .kind == CoreErrorKind::InvalidInput);
    CHECK(revocations.apply(desk.clerk(), enrollment, QStringLiteral("keyCompromise"), QStringLiteral("  \n "), today)
              .error()
              .kind == CoreErrorKind::InvalidInput);
    CHECK(revocations
              .apply(desk.clerk(), enrollment, QStringLiteral("keyCompromise"), QStringLiteral("lost"),
                     QDate::currentDate().addDays(3).toString(Qt::ISODate))
              .error()
              .kind == CoreErrorKind::InvalidInput);

    auto id = revocations.apply(desk.supervisor(), enrollment, QStringLiteral("keyCompromise"),
                                QStringLiteral("The token was lost\nin the car park."), today);
    REQUIRE(id);
    auto taken = revocations.find(*id);
    REQUIRE(taken);
    CHECK(taken->state == RevocationState::Received);
    CHECK(taken->statement == QStringLiteral("The token was lost in the car park."));
    CHECK(taken->takenBy == desk.supervisor().name);
    CHECK(taken->caName == QStringLiteral("practice"));
    // A token whose certificate has an application under way is not handed over, nor listed to be.
    auto handOver = desk.engine().handOver(desk.clerk(), enrollment, {});
    REQUIRE_FALSE(handOver);
    CHECK(handOver.error().kind == CoreErrorKind::Conflict);
    CHECK(handOver.error().message.contains(QStringLiteral("under way")));
    auto work = todaysWork(desk.db());
    REQUIRE(work);
    CHECK(std::none_of(work->toHandOver.begin(), work->toHandOver.end(),
                       [&](const EnrollmentRecord& r) { return r.id == enrollment; }));
    // One application under way per certificate.
    CHECK(revocations.apply(desk.clerk(), enrollment, QStringLiteral("superseded"), QStringLiteral("again"), today)
              .error()
              .kind == CoreErrorKind::Conflict);

    // Not yet approved: nothing goes to the CA.
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    auto early = revocations.submit(second, *id, connectors);
    REQUIRE_FALSE(early);
    CHECK(early.error().message.contains(QStringLiteral("second supervisor")));

    // The two-person rule: a clerk may not approve, nor the supervisor who took it; both refusals are on record.
    CHECK(revocations.approve(desk.clerk(), *id).error().kind == CoreErrorKind::NotPermitted);
    auto own = revocations.approve(desk.supervisor(), *id);
    REQUIRE_FALSE(own);
    CHECK(own.error().kind == CoreErrorKind::NotPermitted);
    CHECK(own.error().message.contains(QStringLiteral("two-person")));
    CHECK(eventsOf(desk, QStringLiteral("revocation.approve"), audit::Refused) == 2);
    CHECK(revocations.find(*id)->state == RevocationState::Received);

    // The approver checks the form the officer signed: not before it is printed.
    auto unsigned_ = revocations.approve(second, *id);
    REQUIRE_FALSE(unsigned_);
    CHECK(unsigned_.error().message.contains(QStringLiteral("not been printed")));
    REQUIRE(revocations.recordForm(desk.clerk(), *id, kFormSha256));
    REQUIRE(revocations.approve(second, *id));
    auto approved = revocations.find(*id);
    CHECK(approved->state == RevocationState::Approved);
    CHECK(approved->approvedBy == QStringLiteral("second"));

    CHECK(revocations.confirm(desk.clerk(), *id, connectors).error().kind == CoreErrorKind::Conflict);
    // The practice CA's CRL as it is before the submission, and the CRL of another practice CA (same names, its
    // own key): neither may confirm anything.
    auto practice = connectors.find(QStringLiteral("practice"));
    REQUIRE(practice);
    auto ca = connectors.open(*practice);
    REQUIRE(ca);
    auto before = (*ca)->crl();
    REQUIRE(before);
    const QString oldCrl = QString::fromStdString(desk.dir().file("old.crl"));
    tamga::test::writeFile(oldCrl.toStdString(), before->toStdString());
    CaConnectors elsewhere(desk.db(), QString::fromStdString(desk.dir().file("elsewhere")));
    auto stranger = elsewhere.open(*practice);
    REQUIRE(stranger);
    auto strangersCrl = (*stranger)->crl();
    REQUIRE(strangersCrl);
    const QString forged = QString::fromStdString(desk.dir().file("stranger.crl"));
    tamga::test::writeFile(forged.toStdString(), strangersCrl->toStdString());

    // Another desk submitting it this moment: nothing is sent from here. Its claim, once stale, is taken over.
    REQUIRE(desk.db().exec(QStringLiteral("UPDATE revocation_requests SET submitting_since = ? WHERE id = ?"),
                           {storedNow(), *id}));
    auto claimedElsewhere = revocations.submit(desk.clerk(), *id, connectors);
    REQUIRE_FALSE(claimedElsewhere);
    CHECK(claimedElsewhere.error().message.contains(QStringLiteral("another desk")));
    REQUIRE(desk.db().exec(QStringLiteral("UPDATE revocation_requests SET submitting_since = ? WHERE id = ?"),
                           {QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs), *id}));

    // Submitted through the practice CA: it records the serial as revoked; a second submit sends nothing.
    auto submitted = revocations.submit(desk.clerk(), *id, connectors);
    REQUIRE(submitted);
    CHECK(submitted->state == RevocationState::Submitted);
    QFile revokedList(QString::fromStdString(desk.dir().path().string()) + QStringLiteral("/practice-ca/revoked.txt"));
    REQUIRE(revokedList.open(QIODevice::ReadOnly));
    const QByteArray listed = revokedList.readAll();
    CHECK(listed.count(submitted->certificateSerialHex.toUtf8()) == 1);
    auto twice = revocations.submit(desk.clerk(), *id, connectors);
    REQUIRE_FALSE(twice);
    CHECK(twice.error().kind == CoreErrorKind::Conflict);
    CHECK(revocations.withdraw(desk.clerk(), *id, QStringLiteral("found it")).error().kind == CoreErrorKind::Conflict);

    auto listedSubmitted = revocations.list(RevocationState::Submitted);
    REQUIRE(listedSubmitted);
    CHECK(listedSubmitted->size() == 1);

    // Confirmed only by the CA's own CRL that lists the serial.
    auto stale = revocations.confirm(desk.clerk(), *id, connectors, oldCrl);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().message.contains(QStringLiteral("does not list")));
    auto notIssuers = revocations.confirm(desk.clerk(), *id, connectors, forged);
    REQUIRE_FALSE(notIssuers);
    CHECK(notIssuers.error().message.contains(QStringLiteral("not signed by the certificate's issuer")));
    CHECK(revocations.find(*id)->state == RevocationState::Submitted);
    auto confirmed = revocations.confirm(desk.clerk(), *id, connectors);
    INFO((confirmed ? QString() : confirmed.error().message).toStdString());
    REQUIRE(confirmed);
    CHECK(confirmed->state == RevocationState::Confirmed);
    CHECK(confirmed->confirmation.contains(QStringLiteral("the CRL of practice")));
    auto status =
        desk.db().exec(QStringLiteral("SELECT status FROM certificates WHERE id = ?"), {confirmed->certificateId});
    REQUIRE(status);
    REQUIRE(status->next());
    CHECK(status->value(0).toString() == QStringLiteral("revoked"));
    status->finish();
    // The CRL the practice CA published, read by OpenSSL's own tool, lists the serial too.
    auto published =
        tamga::test::run({"openssl", "crl", "-in", desk.dir().file("practice-ca/crl.pem"), "-noout", "-text"});
    REQUIRE(published.exitCode == 0);
    CHECK_THAT(published.out, Catch::Contains(confirmed->certificateSerialHex.toUpper().toStdString()) &&
                                  Catch::Contains("Key Compromise"));
    auto verified = AuditLog(desk.db()).verify();
    REQUIRE(verified);
    CHECK(verified->intact);
}

TEST_CASE("a revocation the CA cannot take stays approved with the reason, and goes when submitted again - an "
          "application withdrawn or refused is closed")
{
    EngineFixture desk;
    const qint64 enrollment = desk.verifiedEnrollment();
    const Operator second = secondSupervisor(desk);
    Revocations revocations(desk.db());
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));

    SECTION("withdrawn, then refused: closed, and a new application may be taken")
    {
        auto id = revocations.apply(desk.clerk(), enrollment, QStringLiteral("affiliationChanged"),
                                    QStringLiteral("Moved to another ministry."), today);
        REQUIRE(id);
        CHECK(revocations.withdraw(desk.clerk(), *id, QStringLiteral(" ")).error().kind == CoreErrorKind::InvalidInput);
        REQUIRE(revocations.withdraw(desk.clerk(), *id, QStringLiteral("stays in post")));
        CHECK(revocations.find(*id)->state == RevocationState::Withdrawn);
        CHECK(revocations.approve(second, *id).error().kind == CoreErrorKind::Conflict);
        auto again = revocations.apply(desk.clerk(), enrollment, QStringLiteral("affiliationChanged"),
                                       QStringLiteral("Moved after all."), today);
        REQUIRE(again);
        CHECK(revocations.refuse(desk.clerk(), *again, QStringLiteral("no")).error().kind ==
              CoreErrorKind::NotPermitted);
        REQUIRE(revocations.refuse(second, *again, QStringLiteral("the statement is not signed")));
        CHECK(revocations.find(*again)->state == RevocationState::Refused);
    }
    SECTION("the CA's folder cannot be written: approved with the error, then sent once it can")
    {
        // The certificate's CA is an offline one whose exchange folder is, for now, a file.
        const QString folder = QString::fromStdString(desk.dir().file("exchange"));
        {
            QFile blocker(folder);
            REQUIRE(blocker.open(QIODevice::WriteOnly));
        }
        auto ca = connectors.add(desk.supervisor(), {0, QStringLiteral("offline"), QStringLiteral("files"),
                                                     QJsonObject{{QStringLiteral("dir"), folder}}});
        REQUIRE(ca);
        REQUIRE(desk.db().exec(QStringLiteral("UPDATE enrollments SET ca_id = ? WHERE id = ?"), {*ca, enrollment}));
        auto id = revocations.apply(desk.clerk(), enrollment, QStringLiteral("keyCompromise"), QStringLiteral("Lost."),
                                    today);
        REQUIRE(id);
        REQUIRE(revocations.recordForm(desk.clerk(), *id, kFormSha256));
        REQUIRE(revocations.approve(second, *id));
        auto failed = revocations.submit(desk.clerk(), *id, connectors);
        REQUIRE_FALSE(failed);
        auto kept = revocations.find(*id);
        CHECK(kept->state == RevocationState::Approved);
        CHECK_FALSE(kept->lastError.isEmpty());
        CHECK(eventsOf(desk, QStringLiteral("revocation.submit"), audit::Failed) == 1);

        REQUIRE(QFile::remove(folder));
        REQUIRE(QDir().mkpath(folder));
        auto sent = revocations.submit(desk.clerk(), *id, connectors);
        INFO((sent ? QString() : sent.error().message).toStdString());
        REQUIRE(sent);
        CHECK(sent->state == RevocationState::Submitted);
        CHECK(sent->lastError.isEmpty());
        CHECK(QDir(folder + QStringLiteral("/revocations"))
                  .entryList({QStringLiteral("revoke-*.json")}, QDir::Files)
                  .size() == 1);
    }
}

namespace {

// Taken by the clerk and approved by a second supervisor: ready to be submitted.
qint64 approvedApplication(const EngineFixture& desk, qint64 enrollment, const QString& reason)
{
    Revocations revocations(desk.db());
    auto id = revocations.apply(desk.clerk(), enrollment, reason, QStringLiteral("The token was lost."),
                                QDate::currentDate().toString(Qt::ISODate));
    REQUIRE(id);
    REQUIRE(revocations.recordForm(desk.clerk(), *id, kFormSha256));
    REQUIRE(revocations.approve(secondSupervisor(desk), *id));
    return *id;
}

QString certificateStatus(const EngineFixture& desk, qint64 application)
{
    auto row = desk.db().exec(QStringLiteral("SELECT c.status FROM certificates c JOIN revocation_requests r ON "
                                             "r.certificate_id = c.id WHERE r.id = ?"),
                              {application});
    REQUIRE(row);
    REQUIRE(row->next());
    return row->value(0).toString();
}

} // namespace

TEST_CASE("revocation through a CMP CA: its answer to the revocation request confirms it, and the CA recorded the "
          "serial")
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
    const qint64 enrollment = desk.verifiedEnrollment(QStringLiteral("signing"), QStringLiteral("state-cmp"));
    const qint64 id = approvedApplication(desk, enrollment, QStringLiteral("keyCompromise"));
    Revocations revocations(desk.db());

    auto submitted = revocations.submit(desk.clerk(), id, connectors);
    INFO((submitted ? QString() : submitted.error().message).toStdString());
    INFO(cmp.log());
    REQUIRE(submitted);
    CHECK(submitted->state == RevocationState::Confirmed);
    CHECK(submitted->confirmation.contains(QStringLiteral("accepted")));
    CHECK(certificateStatus(desk, id) == QStringLiteral("revoked"));
    // The CA's own record of revocations holds the serial.
    CHECK(QString::fromStdString(tamga::test::readFile(desk.dir().file("cmp-ca/revoked.txt")))
              .contains(submitted->certificateSerialHex, Qt::CaseInsensitive));
    CHECK(eventsOf(desk, QStringLiteral("revocation.confirmed"), audit::Ok) == 1);
    CHECK(revocations.submit(desk.clerk(), id, connectors).error().kind == CoreErrorKind::Conflict);
}

TEST_CASE("revocation through CFSSL: the CA down at submission and then back - sent once - confirmed only when "
          "CFSSL's OCSP responder says revoked")
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
                                        {QStringLiteral("profile"), QStringLiteral("officer-signing")},
                                        {QStringLiteral("ocspUrl"), QString::fromStdString(cfssl.ocspUrl())},
                                        {QStringLiteral("timeoutSeconds"), 5}}}));
    const qint64 enrollment = desk.verifiedEnrollment(QStringLiteral("cfssl-signing"), QStringLiteral("state-ca"));
    const qint64 id = approvedApplication(desk, enrollment, QStringLiteral("affiliationChanged"));
    Revocations revocations(desk.db());
    auto databaseSays = [&] {
        auto status = tamga::test::run(
            {tamga::test::requireTool("sqlite3"), cfssl.databaseFile(), "SELECT status, reason FROM certificates"});
        REQUIRE(status.exitCode == 0);
        return status.out;
    };
    CHECK(databaseSays() == "good|0\n");
    // What CFSSL's responder says before anything is revoked.
    cfssl.publishOcsp();

    cfssl.stop();
    auto down = revocations.submit(desk.clerk(), id, connectors);
    REQUIRE_FALSE(down);
    CHECK(down.error().kind == CoreErrorKind::CaUnreachable);
    auto waiting = revocations.find(id);
    CHECK(waiting->state == RevocationState::Approved);
    CHECK(waiting->lastError.contains(QString::fromStdString(cfssl.url())));

    cfssl.start();
    auto submitted = revocations.submit(desk.clerk(), id, connectors);
    INFO((submitted ? QString() : submitted.error().message).toStdString());
    REQUIRE(submitted);
    CHECK(submitted->state == RevocationState::Submitted);
    CHECK(submitted->lastError.isEmpty());
    CHECK(databaseSays() == "revoked|3\n"); // affiliationChanged
    CHECK(revocations.submit(desk.clerk(), id, connectors).error().kind == CoreErrorKind::Conflict);

    // The responder still serves its answers from before the revocation: not confirmed.
    auto early = revocations.confirm(desk.clerk(), id, connectors);
    REQUIRE_FALSE(early);
    CHECK(early.error().kind == CoreErrorKind::Conflict);
    CHECK(early.error().message.contains(QStringLiteral("still good")));
    CHECK(revocations.find(id)->state == RevocationState::Submitted);
    CHECK(certificateStatus(desk, id) != QStringLiteral("revoked"));

    // The CA operator publishes afresh: the responder answers "revoked", signed by the CA.
    cfssl.publishOcsp();
    auto confirmed = revocations.confirm(desk.clerk(), id, connectors);
    INFO((confirmed ? QString() : confirmed.error().message).toStdString());
    REQUIRE(confirmed);
    CHECK(confirmed->state == RevocationState::Confirmed);
    CHECK(confirmed->confirmation.contains(QStringLiteral("OCSP")));
    CHECK(confirmed->confirmation.contains(QStringLiteral("affiliationChanged")));
    CHECK(certificateStatus(desk, id) == QStringLiteral("revoked"));
    CHECK(eventsOf(desk, QStringLiteral("revocation.submit"), audit::Failed) == 1);
}
