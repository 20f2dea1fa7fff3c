// Batch sessions in-process, on SoftHSM2 and the practice CA: who is in a batch and in what order, a blank token
// taken for the next officer without being asked, and a prepared token whose PINs only the desk key opens.
#include "EngineFixture.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Batches.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenService.h"
#include "tamga/core/TokenStock.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace tamga::core;
using tamga::Pin;
using tamga::test::EngineFixture;

namespace {

qint64 organizationOf(const EngineFixture& desk, qint64 officerId)
{
    auto officer = Registry(desk.db()).officer(officerId);
    REQUIRE(officer);
    return officer->fields.organizationId;
}

QString writeList(const EngineFixture& desk, const QByteArray& content)
{
    const QString path = QString::fromStdString(desk.dir().file("officers.csv"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

} // namespace

TEST_CASE("a batch holds an organization's officers and a list's - each once - in order - and refuses what it "
          "cannot find")
{
    EngineFixture desk;
    const qint64 second = desk.addOfficer(QStringLiteral("Ану"), QStringLiteral("УБ85030522"));
    auto otherOrg = Registry(desk.db()).addOrganization(desk.clerk(), QStringLiteral("Сүхбаатар дүүрэг"),
                                                        QStringLiteral("9000003"), std::nullopt);
    REQUIRE(otherOrg);
    auto outsider =
        Registry(desk.db()).addOfficer(desk.clerk(), {*otherOrg, QStringLiteral("Болд"), QStringLiteral("Тэмүүлэн"),
                                                      QStringLiteral("ЧБ92111519"), QStringLiteral("Дарга")});
    REQUIRE(outsider);
    Batches batches(desk.db());
    // The list names the outsider and one officer of the organization again: each comes once.
    const QString list = writeList(desk, "civil_id\nчб92111519\nУБ85030522\n");
    auto id = batches.create(desk.clerk(), QStringLiteral("Wave 1"), {organizationOf(desk, desk.officerId())}, list,
                             QStringLiteral("signing"), QStringLiteral("practice"), BatchMode::InPerson);
    REQUIRE(id);
    auto members = batches.members(*id);
    REQUIRE(members);
    REQUIRE(members->size() == 3);
    CHECK((*members)[0].officerId == second); // Дорж Ану before Дорж Батбаяр
    CHECK((*members)[1].officerId == desk.officerId());
    CHECK((*members)[2].officerId == *outsider);
    CHECK_FALSE((*members)[0].enrollment);
    auto summary = batches.find(*id);
    REQUIRE(summary);
    CHECK(summary->members == 3);
    CHECK(summary->started == 0);

    const QString unknown = writeList(desk, "civil_id\nУБ85030522\nАА01010101\n");
    auto refused = batches.create(desk.clerk(), QStringLiteral("Wave 2"), {}, unknown, QStringLiteral("signing"),
                                  QStringLiteral("practice"), BatchMode::InPerson);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("line 3")));
    CHECK_FALSE(batches.create(desk.clerk(), QStringLiteral("Wave 1"), {*otherOrg}, {}, QStringLiteral("signing"),
                               QStringLiteral("practice"), BatchMode::InPerson));
    CHECK_FALSE(batches.create(desk.clerk(), QStringLiteral("Wave 3"), {9999}, {}, QStringLiteral("signing"),
                               QStringLiteral("practice"), BatchMode::InPerson));
    CHECK_FALSE(batches.create(desk.clerk(), QStringLiteral("Wave 4"), {*otherOrg}, {}, QStringLiteral("no-such"),
                               QStringLiteral("practice"), BatchMode::InPerson));
    auto all = batches.list();
    REQUIRE(all);
    CHECK(all->size() == 1);
}

TEST_CASE("in person: the blank token plugged in is taken for the first officer waiting - the others wait")
{
    EngineFixture desk;
    desk.addOfficer(QStringLiteral("Ану"), QStringLiteral("УБ85030522"));
    auto id =
        Batches(desk.db()).create(desk.clerk(), QStringLiteral("Wave 1"), {organizationOf(desk, desk.officerId())}, {},
                                  QStringLiteral("signing"), QStringLiteral("practice"), BatchMode::InPerson);
    REQUIRE(id);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    BatchRunner runner(desk.db(), connectors, desk.modules());
    const Pin pin("246813");
    const Pin soPin("97531864");
    auto outcome = runner.runOnce(desk.clerk(), *id, &pin, nullptr, &soPin);
    REQUIRE(outcome);
    CHECK(outcome->done == 1);
    CHECK(outcome->failed == 0);
    CHECK(outcome->waiting == 1);
    auto members = Batches(desk.db()).members(*id);
    REQUIRE(members);
    REQUIRE((*members)[0].enrollment);
    CHECK((*members)[0].enrollment->state == EnrollmentState::Verified);
    CHECK_FALSE((*members)[0].enrollment->tokenSerial.isEmpty());
    CHECK((*members)[0].enrollment->tokenSerial != desk.serial()); // the blank one, not the officer token in use
    CHECK_FALSE((*members)[1].enrollment);

    // The officer's PIN opens the new token's key.
    auto objects = desk.modules().objects((*members)[0].enrollment->tokenSerial, &pin);
    REQUIRE(objects);
    CHECK(std::count_if(objects->begin(), objects->end(),
                        [](const TokenObject& o) { return o.objectClass == ObjectClass::PrivateKey; }) == 1);

    // A clerk's run needs the RA's SO PIN; an in-person run the officer's PIN.
    CHECK_FALSE(runner.runOnce(desk.clerk(), *id, &pin, nullptr, nullptr));
    CHECK_FALSE(runner.runOnce(desk.clerk(), *id, nullptr, nullptr, &soPin));
}

TEST_CASE("prepared: a supervisor's run seals each token's random SO PIN and initial PIN - only the desk key opens "
          "them - a clerk cannot run it")
{
    EngineFixture desk;
    auto id = Batches(desk.db()).create(desk.supervisor(), QStringLiteral("Prepared wave"),
                                        {organizationOf(desk, desk.officerId())}, {}, QStringLiteral("signing"),
                                        QStringLiteral("practice"), BatchMode::Prepared);
    REQUIRE(id);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    BatchRunner runner(desk.db(), connectors, desk.modules());
    const Pin soPin("97531864");
    auto byClerk = runner.runOnce(desk.clerk(), *id, nullptr, nullptr, &soPin);
    REQUIRE_FALSE(byClerk);
    CHECK(byClerk.error().kind == CoreErrorKind::NotPermitted);

    auto key = SealedSecrets(desk.db()).unlock(desk.supervisor().name, Password(EngineFixture::kSupervisorPassword));
    REQUIRE(key);
    auto outcome = runner.runOnce(desk.supervisor(), *id, nullptr, &*key, nullptr);
    REQUIRE(outcome);
    CHECK(outcome->done == 1);
    auto members = Batches(desk.db()).members(*id);
    REQUIRE(members);
    REQUIRE((*members)[0].enrollment);
    const QString serial = (*members)[0].enrollment->tokenSerial;
    SealedSecrets secrets(desk.db());
    CHECK(*secrets.has(serial, SecretKind::SoPin));
    CHECK(*secrets.has(serial, SecretKind::InitialPin));
    auto initial = secrets.open(desk.supervisor(), *key, serial, SecretKind::InitialPin);
    REQUIRE(initial);
    CHECK(initial->size() == 8);
    auto objects = desk.modules().objects(serial, &*initial);
    REQUIRE(objects);
    CHECK(std::count_if(objects->begin(), objects->end(),
                        [](const TokenObject& o) { return o.objectClass == ObjectClass::PrivateKey; }) == 1);
}

TEST_CASE("a clerk's in-person batch seals each new token's random SO PIN to the desk's public key - no SO PIN "
          "typed - only a supervisor's desk key opens it, and it is the token's - before any supervisor unlocked the "
          "desk key the RA's SO PIN is asked for")
{
    EngineFixture desk;
    auto id = Batches(desk.db()).create(desk.clerk(), QStringLiteral("Clerk's wave"),
                                        {organizationOf(desk, desk.officerId())}, {}, QStringLiteral("signing"),
                                        QStringLiteral("practice"), BatchMode::InPerson);
    REQUIRE(id);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    BatchRunner runner(desk.db(), connectors, desk.modules());
    const Pin officerPin(EngineFixture::kUserPin);

    auto before = runner.runOnce(desk.clerk(), *id, &officerPin, nullptr, nullptr);
    REQUIRE_FALSE(before);
    CHECK(before.error().message.contains(QStringLiteral("SO PIN")));

    auto key = SealedSecrets(desk.db()).unlock(desk.supervisor().name, Password(EngineFixture::kSupervisorPassword));
    REQUIRE(key);
    auto outcome = runner.runOnce(desk.clerk(), *id, &officerPin, nullptr, nullptr);
    REQUIRE(outcome);
    INFO(outcome->lines.join(QLatin1Char('\n')).toStdString());
    REQUIRE(outcome->done == 1);
    auto members = Batches(desk.db()).members(*id);
    REQUIRE(members);
    const auto taken = std::find_if(members->begin(), members->end(), [](const BatchMember& m) {
        return m.enrollment && m.enrollment->state == EnrollmentState::Verified;
    });
    REQUIRE(taken != members->end());
    const QString serial = taken->enrollment->tokenSerial;
    SealedSecrets secrets(desk.db());
    CHECK(*secrets.has(serial, SecretKind::SoPin));
    CHECK_FALSE(*secrets.has(serial, SecretKind::InitialPin)); // in person: the officer's own PIN

    auto byClerk = secrets.open(desk.clerk(), *key, serial, SecretKind::SoPin);
    REQUIRE_FALSE(byClerk);
    CHECK(byClerk.error().kind == CoreErrorKind::NotPermitted);
    auto soPin = secrets.open(desk.supervisor(), *key, serial, SecretKind::SoPin);
    REQUIRE(soPin);
    CHECK(soPin->size() == 8);
    // It is the token's SO PIN: the token takes it to set a new user PIN.
    const Pin newPin("86427531");
    REQUIRE(TokenService(desk.db(), desk.modules()).unblockPin(desk.supervisor(), serial, *soPin, newPin));
    auto objects = desk.modules().objects(serial, &newPin);
    REQUIRE(objects);
    CHECK_FALSE(objects->empty());
}

TEST_CASE("an enrollment started at the wizard for an officer waiting in a batch is that batch's - with the batch's "
          "profile and CA only")
{
    EngineFixture desk;
    const qint64 second = desk.addOfficer(QStringLiteral("Ану"), QStringLiteral("УБ85030522"));
    auto id =
        Batches(desk.db()).create(desk.clerk(), QStringLiteral("Wave 1"), {organizationOf(desk, desk.officerId())}, {},
                                  QStringLiteral("signing"), QStringLiteral("practice"), BatchMode::InPerson);
    REQUIRE(id);
    auto other = desk.engine().create(desk.clerk(), second, QString(), QStringLiteral("authentication"),
                                      QStringLiteral("practice"));
    REQUIRE(other);
    auto same = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                     QStringLiteral("practice"));
    REQUIRE(same);
    auto members = Batches(desk.db()).members(*id);
    REQUIRE(members);
    REQUIRE(members->size() == 2);
    CHECK_FALSE((*members)[0].enrollment); // Ану's enrollment is for another profile
    REQUIRE((*members)[1].enrollment);
    CHECK((*members)[1].enrollment->id == *same);
}

TEST_CASE("prepared: a token initialized before the desk stopped is taken up again with the SO PIN sealed for it "
          "beforehand - never a second token - and while it is away no blank token is initialized instead")
{
    EngineFixture desk;
    auto batch = Batches(desk.db()).create(desk.supervisor(), QStringLiteral("Stopped wave"),
                                           {organizationOf(desk, desk.officerId())}, {}, QStringLiteral("signing"),
                                           QStringLiteral("practice"), BatchMode::Prepared);
    REQUIRE(batch);
    auto key = SealedSecrets(desk.db()).unlock(desk.supervisor().name, Password(EngineFixture::kSupervisorPassword));
    REQUIRE(key);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    BatchRunner runner(desk.db(), connectors, desk.modules());
    auto members = Batches(desk.db()).members(*batch);
    REQUIRE(members);
    const QString label = (*members)[0].civilId; // how a batch labels its tokens

    // What a desk stopped part-way leaves: the enrollment created and linked, its SO PIN sealed as pending.
    auto enrollment = desk.engine().create(desk.supervisor(), (*members)[0].officerId, QString(),
                                           QStringLiteral("signing"), QStringLiteral("practice"));
    REQUIRE(enrollment);
    const Pin pendingSoPin("24681357");
    REQUIRE(SealedSecrets(desk.db()).sealPending(desk.supervisor(), *key, *enrollment, pendingSoPin));

    auto blankTokens = [&] {
        auto tokens = desk.modules().tokens();
        REQUIRE(tokens);
        return std::count_if(tokens->begin(), tokens->end(),
                             [](const TokenSnapshot& t) { return !t.flags.tokenInitialized; });
    };
    auto labelled = [&] {
        auto tokens = desk.modules().tokens();
        REQUIRE(tokens);
        return std::count_if(tokens->begin(), tokens->end(),
                             [&](const TokenSnapshot& t) { return t.labelText() == label; });
    };

    SECTION("its token is away: the officer waits for it, the blank token stays blank")
    {
        auto outcome = runner.runOnce(desk.supervisor(), *batch, nullptr, &*key, nullptr);
        REQUIRE(outcome);
        CHECK(outcome->failed == 1);
        CHECK(outcome->lines.join(QLatin1Char(' ')).contains(QStringLiteral("is not plugged in")));
        CHECK(blankTokens() == 1);
        CHECK(labelled() == 0);
    }
    SECTION("its token is back: taken up, its sealed SO PIN is the one it was initialized with")
    {
        // The token as the stopped desk had initialized it.
        auto initialized = TokenService(desk.db(), desk.modules())
                               .initialize(desk.supervisor(), QString(), label, pendingSoPin, Pin("55554444"));
        REQUIRE(initialized);
        const QString serial = initialized->serialText();
        auto outcome = runner.runOnce(desk.supervisor(), *batch, nullptr, &*key, nullptr);
        REQUIRE(outcome);
        INFO(outcome->lines.join(QLatin1Char('\n')).toStdString());
        CHECK(outcome->done == 1);
        auto after = Batches(desk.db()).members(*batch);
        REQUIRE(after);
        REQUIRE((*after)[0].enrollment);
        CHECK((*after)[0].enrollment->tokenSerial == serial);
        CHECK(labelled() == 1);
        SealedSecrets secrets(desk.db());
        auto soPin = secrets.open(desk.supervisor(), *key, serial, SecretKind::SoPin);
        REQUIRE(soPin);
        CHECK(soPin->view() == pendingSoPin.view());
        auto pending = secrets.openPending(desk.supervisor(), *key, *enrollment);
        REQUIRE(pending);
        CHECK_FALSE(pending->has_value());
    }
    SECTION("its token is lost: said so, the enrollment is cancelled, its pending SO PIN dropped, and the next run "
            "initializes a new blank token for the officer")
    {
        REQUIRE(Batches(desk.db()).tokenLost(desk.supervisor(), *batch, (*members)[0].officerId,
                                             QStringLiteral("dropped in the car park")));
        auto pending = SealedSecrets(desk.db()).openPending(desk.supervisor(), *key, *enrollment);
        REQUIRE(pending);
        CHECK_FALSE(pending->has_value());
        auto old = EnrollmentRecords(desk.db()).record(*enrollment);
        REQUIRE(old);
        CHECK(old->state == EnrollmentState::Cancelled);
        CHECK(old->lastError.contains(QStringLiteral("dropped in the car park")));

        auto outcome = runner.runOnce(desk.supervisor(), *batch, nullptr, &*key, nullptr);
        REQUIRE(outcome);
        INFO(outcome->lines.join(QLatin1Char('\n')).toStdString());
        CHECK(outcome->done == 1);
        auto after = Batches(desk.db()).members(*batch);
        REQUIRE(after);
        REQUIRE((*after)[0].enrollment);
        CHECK((*after)[0].enrollment->id != *enrollment);
        CHECK((*after)[0].enrollment->state == EnrollmentState::Verified);
        CHECK(labelled() == 1);
    }
}

TEST_CASE("a token lost part-way through a batch: its enrollment cancelled, the token lost in the stock, the "
          "officer waiting again - refused once the request went to the CA, without a reason, or for an officer "
          "without a token - every release audited")
{
    EngineFixture desk;
    auto batch =
        Batches(desk.db()).create(desk.clerk(), QStringLiteral("Lost one"), {organizationOf(desk, desk.officerId())},
                                  {}, QStringLiteral("signing"), QStringLiteral("practice"), BatchMode::InPerson);
    REQUIRE(batch);
    Batches batches(desk.db());
    // The officer's enrollment on the fixture's token, stopped once the key was made (the token then went missing).
    auto enrollment = desk.engine().create(desk.clerk(), desk.officerId(), desk.serial(), QStringLiteral("signing"),
                                           QStringLiteral("practice"));
    REQUIRE(enrollment);
    REQUIRE(desk.engine().runUntil(desk.clerk(), *enrollment, Pin(EngineFixture::kUserPin), nullptr,
                                   EnrollmentState::KeyGenerated));
    auto members = batches.members(*batch);
    REQUIRE(members);
    REQUIRE((*members)[0].enrollment);
    REQUIRE((*members)[0].enrollment->id == *enrollment);

    CHECK(batches.tokenLost(desk.clerk(), *batch, desk.officerId(), QStringLiteral("  ")).error().kind ==
          CoreErrorKind::InvalidInput);
    CHECK(batches.tokenLost(desk.clerk(), *batch, 99999, QStringLiteral("lost")).error().kind ==
          CoreErrorKind::NotFound);

    SECTION("before the CA: released")
    {
        REQUIRE(batches.tokenLost(desk.clerk(), *batch, desk.officerId(), QStringLiteral("left in a taxi")));
        auto after = batches.members(*batch);
        REQUIRE(after);
        CHECK_FALSE((*after)[0].enrollment); // waiting for a token again
        auto record = EnrollmentRecords(desk.db()).record(*enrollment);
        REQUIRE(record);
        CHECK(record->state == EnrollmentState::Cancelled);
        auto stock = TokenStock(desk.db()).find(desk.serial());
        REQUIRE(stock);
        CHECK(stock->state == StockState::Lost);
        auto events = AuditLog(desk.db()).list(20);
        REQUIRE(events);
        const auto lost = std::find_if(events->begin(), events->end(), [](const AuditEvent& e) {
            return e.action == QStringLiteral("batch.token_lost");
        });
        REQUIRE(lost != events->end());
        CHECK(lost->details.contains(QStringLiteral("\"reason\":\"left in a taxi\"")));
        CHECK(lost->details.contains(QStringLiteral("\"token\":\"%1\"").arg(desk.serial())));
        // Nothing left to release now.
        CHECK(batches.tokenLost(desk.clerk(), *batch, desk.officerId(), QStringLiteral("again")).error().kind ==
              CoreErrorKind::Conflict);
        auto verified = AuditLog(desk.db()).verify();
        REQUIRE(verified);
        CHECK(verified->intact);
    }
    SECTION("after the request went to the CA: refused, the enrollment as it was")
    {
        REQUIRE(desk.engine().run(desk.clerk(), *enrollment, Pin(EngineFixture::kUserPin), nullptr));
        auto refused = batches.tokenLost(desk.clerk(), *batch, desk.officerId(), QStringLiteral("lost"));
        REQUIRE_FALSE(refused);
        CHECK(refused.error().kind == CoreErrorKind::Conflict);
        CHECK(refused.error().message.contains(QStringLiteral("revoke")));
        auto record = EnrollmentRecords(desk.db()).record(*enrollment);
        REQUIRE(record);
        CHECK(record->state == EnrollmentState::Verified);
    }
}

TEST_CASE("a returned token wiped for re-issue: refused while its certificate is valid - erased with the SO PIN the "
          "desk sealed for it - wiped in the stock - the next prepared batch gives it to its officer before any blank "
          "token")
{
    EngineFixture desk;
    desk.addOfficer(QStringLiteral("Ану"), QStringLiteral("УБ85030522"));
    auto key = SealedSecrets(desk.db()).unlock(desk.supervisor().name, Password(EngineFixture::kSupervisorPassword));
    REQUIRE(key);
    CaConnectors connectors(desk.db(), QString::fromStdString(desk.dir().path().string()));
    BatchRunner runner(desk.db(), connectors, desk.modules());
    auto first = Batches(desk.db()).create(desk.supervisor(), QStringLiteral("First wave"),
                                           {organizationOf(desk, desk.officerId())}, {}, QStringLiteral("signing"),
                                           QStringLiteral("practice"), BatchMode::Prepared);
    REQUIRE(first);
    REQUIRE(runner.runOnce(desk.supervisor(), *first, nullptr, &*key, nullptr));
    auto members = Batches(desk.db()).members(*first);
    REQUIRE(members);
    const auto issued = std::find_if(members->begin(), members->end(), [](const BatchMember& m) {
        return m.enrollment && m.enrollment->state == EnrollmentState::Verified;
    });
    REQUIRE(issued != members->end());
    const QString serial = issued->enrollment->tokenSerial;
    TokenService service(desk.db(), desk.modules());

    // Its certificate is valid: the key is not erased.
    auto refused = service.wipeForReissue(desk.supervisor(), *key, serial, QStringLiteral("returned"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("revoke")));
    // Revoked (what the revocation's confirmation records), handed over and returned: now it is wiped.
    REQUIRE(desk.db().exec(QStringLiteral("UPDATE certificates SET status = 'revoked' WHERE enrollment_id = ?"),
                           {issued->enrollment->id}));
    TokenStock stock(desk.db());
    REQUIRE(stock.setState(desk.supervisor(), serial, StockState::Issued, QStringLiteral("handed over")));
    REQUIRE(stock.setState(desk.supervisor(), serial, StockState::Returned, QStringLiteral("left the post")));
    CHECK(service.wipeForReissue(desk.clerk(), *key, serial, QStringLiteral("re-issue")).error().kind ==
          CoreErrorKind::NotPermitted);
    auto wiped = service.wipeForReissue(desk.supervisor(), *key, serial, QStringLiteral("re-issue"));
    INFO((wiped ? QString() : wiped.error().message).toStdString());
    REQUIRE(wiped);
    CHECK(wiped->serialText() == serial);
    CHECK(stock.find(serial)->state == StockState::Wiped);
    auto publicObjects = desk.modules().objects(serial, nullptr);
    REQUIRE(publicObjects);
    CHECK(std::none_of(publicObjects->begin(), publicObjects->end(),
                       [](const TokenObject& o) { return o.objectClass == ObjectClass::Certificate; }));

    // The next officer's batch: the wiped token, not SoftHSM's blank one.
    desk.addOfficer(QStringLiteral("Сараа"), QStringLiteral("УБ90010123"));
    auto second = Batches(desk.db()).create(desk.supervisor(), QStringLiteral("Second wave"), {},
                                            writeList(desk, "civil_id\nУБ90010123\n"), QStringLiteral("signing"),
                                            QStringLiteral("practice"), BatchMode::Prepared);
    REQUIRE(second);
    auto outcome = runner.runOnce(desk.supervisor(), *second, nullptr, &*key, nullptr);
    REQUIRE(outcome);
    INFO(outcome->lines.join(QLatin1Char('\n')).toStdString());
    CHECK(outcome->done == 1);
    auto reissued = Batches(desk.db()).members(*second);
    REQUIRE(reissued);
    REQUIRE(reissued->front().enrollment);
    CHECK(reissued->front().enrollment->tokenSerial == serial);
    CHECK(reissued->front().enrollment->state == EnrollmentState::Verified);
    CHECK(stock.find(serial)->state == StockState::Prepared);
}
