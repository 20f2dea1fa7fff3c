// tamga-cli's revocation applications end to end: taken, refused to the operator who took it, approved by a second
// supervisor, printed as the form the officer signs, submitted once to the practice CA.
#include "EnrollFixture.h"
#include "OpensslCa.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>

#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>

using tamga::test::EnrollDesk;
using tamga::test::OpensslCa;

TEST_CASE("tamga-cli revoke and revocation: the two-person rule - the form as PDF - submitted once to the CA")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("officer");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                              "--ca", "practice", "--pin-file", desk.pinFile()});
    INFO(enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    const std::string enrollment = desk.field(enrolled.out, "enrollment");
    const std::string statement = desk.writeTemp("statement.txt", "Токеноо машины зогсоол дээр гээсэн.\n");

    CHECK(
        desk.cli({"revoke", "--enrollment", enrollment, "--reason", "lost", "--statement-file", statement}).exitCode ==
        2);
    auto taken = desk.cli({"revoke", "--enrollment", enrollment, "--reason", "keyCompromise", "--statement-file",
                           statement, "--event-date", "2026-11-20"});
    INFO(taken.err);
    REQUIRE(taken.exitCode == 0);
    const std::string id = taken.out.substr(0, taken.out.find('\n'));

    // boss took it: boss may not approve it.
    auto own = desk.cli({"revocation", "approve", id});
    CHECK(own.exitCode == 2);
    CHECK_THAT(own.err, Catch::Contains("two-person"));
    CHECK(desk.cli({"revocation", "submit", id}).exitCode == 2); // not approved yet

    const std::string secondPassword = desk.writeTemp("second.pw", "Second-password-2");
    REQUIRE(desk.cli({"operator", "add", "--name", "second", "--role", "supervisor", "--password-file", secondPassword})
                .exitCode == 0);
    // Not before the form is printed: the approver checks what the officer signed.
    auto early = desk.cli({"revocation", "approve", id},
                          {{"TAMGA_OPERATOR", "second"}, {"TAMGA_PASSWORD_FILE", secondPassword}});
    CHECK(early.exitCode == 2);
    CHECK_THAT(early.err, Catch::Contains("not been printed"));
    // The form the officer signs: bilingual, the certificate's serial, the operator who took it on its line.
    const std::string pdf = desk.dir().file("form.pdf");
    auto form = desk.cli({"revocation", "form", id, "--out", pdf});
    INFO(form.err);
    REQUIRE(form.exitCode == 0);
    auto text = tamga::test::run({"pdftotext", pdf, "-"});
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("ГЭРЧИЛГЭЭ ХҮЧИНГҮЙ БОЛГОХ ӨРГӨДӨЛ") && Catch::Contains("Key compromised") &&
                             Catch::Contains("boss") && Catch::Contains("гээсэн"));

    auto approved = desk.cli({"revocation", "approve", id},
                             {{"TAMGA_OPERATOR", "second"}, {"TAMGA_PASSWORD_FILE", secondPassword}});
    INFO(approved.err);
    REQUIRE(approved.exitCode == 0);

    auto submitted = desk.cli({"revocation", "submit", id});
    INFO(submitted.err);
    REQUIRE(submitted.exitCode == 0);
    CHECK_THAT(submitted.out, Catch::Contains("submitted to practice"));
    CHECK(desk.cli({"revocation", "submit", id}).exitCode == 2); // never twice
    auto confirmed = desk.cli({"revocation", "confirm", id});
    INFO(confirmed.err);
    REQUIRE(confirmed.exitCode == 0);
    CHECK_THAT(confirmed.out, Catch::Contains("confirmed: the CRL of practice"));

    auto shown = desk.cli({"--json", "revocation", "show", id});
    REQUIRE(shown.exitCode == 0);
    const QJsonObject application = QJsonDocument::fromJson(QByteArray::fromStdString(shown.out)).object();
    CHECK(application[QStringLiteral("state")].toString() == QStringLiteral("confirmed"));
    CHECK(application[QStringLiteral("taken_by")].toString() == QStringLiteral("boss"));
    CHECK(application[QStringLiteral("approved_by")].toString() == QStringLiteral("second"));
    QFile printed(QString::fromStdString(pdf));
    REQUIRE(printed.open(QIODevice::ReadOnly));
    CHECK(application[QStringLiteral("form_sha256")].toString() ==
          QString::fromLatin1(QCryptographicHash::hash(printed.readAll(), QCryptographicHash::Sha256).toHex()));
    auto listed = desk.cli({"revocation", "list", "--state", "confirmed"});
    REQUIRE(listed.exitCode == 0);
    CHECK_THAT(listed.out, Catch::Contains("keyCompromise"));
}

TEST_CASE("tamga-cli revocation through the offline exchange: the request in the CA's folder - openssl ca -revoke "
          "and -gencrl on the other side - confirmed only by a CRL of the certificate's issuer that lists it")
{
    EnrollDesk desk;
    OpensslCa ca(desk.dir());
    OpensslCa stranger(desk.dir(), "stranger");
    REQUIRE(desk.cli({"trust", "add", ca.rootPem()}).exitCode == 0);
    const std::string exchange = desk.dir().file("exchange");
    REQUIRE(desk.cli({"ca", "add", "offline", "--type", "files", "--dir", exchange}).exitCode == 0);
    const std::string serial = desk.initToken("offline");
    REQUIRE(desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing", "--ca",
                      "offline", "--pin-file", desk.pinFile()})
                .exitCode == 0);
    REQUIRE(desk.cli({"batch", "export", "--ca", "offline", "--out", desk.dir().file("to-ca")}).exitCode == 0);
    ca.sign(desk.dir().file("to-ca/enrollment-1.csr.pem"), desk.dir().file("from-ca/issued.crt"));
    REQUIRE(desk.cli({"batch", "import", "--ca", "offline", "--in", desk.dir().file("from-ca")}).exitCode == 0);
    auto resumed = desk.cli({"enrollment", "resume", "1", "--pin-file", desk.pinFile()});
    INFO(resumed.err);
    REQUIRE(resumed.exitCode == 0);
    // The desk's own token and certificate, which the desk setting names to sign what goes to an offline CA.
    desk.addPracticeCa();
    const std::string deskSerial = desk.initToken("desk");
    auto own = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", deskSerial, "--profile", "signing",
                         "--ca", "practice", "--pin-file", desk.pinFile()});
    INFO(own.err);
    REQUIRE(own.exitCode == 0);
    REQUIRE(desk.cli({"config", "set", "batch.manifest_signer", desk.field(own.out, "enrollment")}).exitCode == 0);

    const std::string statement = desk.writeTemp("statement.txt", "Left the ministry on 1 November.\n");
    auto taken =
        desk.cli({"revoke", "--enrollment", "1", "--reason", "affiliationChanged", "--statement-file", statement});
    INFO(taken.err);
    REQUIRE(taken.exitCode == 0);
    const std::string id = taken.out.substr(0, taken.out.find('\n'));
    const std::string secondPassword = desk.writeTemp("second.pw", "Second-password-2");
    REQUIRE(desk.cli({"operator", "add", "--name", "second", "--role", "supervisor", "--password-file", secondPassword})
                .exitCode == 0);
    REQUIRE(desk.cli({"revocation", "form", id, "--out", desk.dir().file("form.pdf")}).exitCode == 0);
    REQUIRE(
        desk.cli({"revocation", "approve", id}, {{"TAMGA_OPERATOR", "second"}, {"TAMGA_PASSWORD_FILE", secondPassword}})
            .exitCode == 0);
    // The CRL the CA published before it revoked anything.
    const std::string before = desk.dir().file("before.crl");
    ca.publishCrl(before);

    auto submitted = desk.cli({"revocation", "submit", id, "--sign-pin-file", desk.pinFile()});
    INFO(submitted.err);
    REQUIRE(submitted.exitCode == 0);
    std::vector<std::string> requests;
    for (const auto& entry : std::filesystem::directory_iterator(exchange + "/revocations"))
        if (entry.path().extension() == ".json")
            requests.push_back(entry.path().string());
    REQUIRE(requests.size() == 1);
    // The CA's operator checks the request: its SHA-256, and the desk's signature with OpenSSL.
    auto summed = tamga::test::run({"sh", "-c",
                                    "cd '" + exchange + "/revocations' && sha256sum --check '" +
                                        std::filesystem::path(requests.front()).filename().string() + ".sha256'"});
    INFO(summed.out << summed.err);
    CHECK(summed.exitCode == 0);
    const std::string deskRoot = desk.database().localFolder() + "/practice-ca/root.pem";
    auto verified =
        tamga::test::run({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", requests.front() + ".p7s",
                          "-content", requests.front(), "-CAfile", deskRoot, "-purpose", "any", "-out", "/dev/null"});
    INFO(verified.err);
    CHECK(verified.exitCode == 0);
    const QJsonObject request =
        QJsonDocument::fromJson(QByteArray::fromStdString(tamga::test::readFile(requests.front()))).object();
    CHECK(request[QStringLiteral("reason")].toString() == QStringLiteral("affiliationChanged"));

    auto early = desk.cli({"revocation", "confirm", id, "--crl", before});
    CHECK(early.exitCode == 2);
    CHECK_THAT(early.err, Catch::Contains("does not list"));

    // The CA operator revokes the certificate from the request and publishes a CRL; a stranger CA's CRL that
    // lists the same serial proves nothing.
    const std::string certificate =
        desk.writeTemp("revoke-me.pem", request[QStringLiteral("certificate")].toString().toStdString());
    ca.revoke(certificate, "affiliationChanged");
    const std::string after = desk.dir().file("after.crl");
    ca.publishCrl(after);
    const std::string foreign = desk.dir().file("stranger.crl");
    stranger.publishCrl(foreign);
    auto wrongIssuer = desk.cli({"revocation", "confirm", id, "--crl", foreign});
    CHECK(wrongIssuer.exitCode != 0);
    CHECK_THAT(wrongIssuer.err, Catch::Contains("proves nothing"));
    auto confirmed = desk.cli({"revocation", "confirm", id, "--crl", after});
    INFO(confirmed.err);
    REQUIRE(confirmed.exitCode == 0);
    CHECK_THAT(confirmed.out, Catch::Contains("confirmed: the CRL file after.crl"));
    auto shown = desk.cli({"--json", "revocation", "show", id});
    REQUIRE(shown.exitCode == 0);
    CHECK(QJsonDocument::fromJson(QByteArray::fromStdString(shown.out)).object()[QStringLiteral("state")].toString() ==
          QStringLiteral("confirmed"));
}

TEST_CASE("tamga-cli renewal: due per organization - renew on the same token with the old revoked as superseded - "
          "one key and certificate left, the new one")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("renewing");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                              "--ca", "practice", "--pin-file", desk.pinFile()});
    INFO(enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    const std::string oldKey = desk.field(enrolled.out, "key ID");
    // The certificate expires in ten days (the practice CA's are good for years).
    REQUIRE(desk.database()
                .runSql("UPDATE certificates SET not_after = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+10 days')",
                        "UPDATE certificates SET not_after = to_char(now() AT TIME ZONE 'UTC' + interval '10 days', "
                        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
                .exitCode == 0);
    auto due = desk.cli({"renewal", "due"});
    INFO(due.err);
    REQUIRE(due.exitCode == 0);
    CHECK_THAT(due.out, Catch::Contains("1 certificate(s) expire within 30 days") && Catch::Contains("enrollment 1"));
    CHECK(desk.cli({"renewal", "due", "--days", "5"}).out.find("enrollment 1") == std::string::npos);

    // The report for the head of the RA: per organization, and the officer under it.
    const std::string csv = desk.dir().file("renewals.csv");
    auto report = desk.cli({"report", "renewals", "--out", csv, "--lang", "en"});
    INFO(report.err);
    REQUIRE(report.exitCode == 0);
    CHECK_THAT(tamga::test::readFile(csv),
               Catch::Contains("Certificates to renew") && Catch::Contains("Days left") && Catch::Contains(serial));

    auto renewed = desk.cli({"renew", "--enrollment", "1", "--pin-file", desk.pinFile(), "--revoke-old"});
    INFO(renewed.err);
    REQUIRE(renewed.exitCode == 0);
    CHECK_THAT(renewed.out, Catch::Contains("completed") && Catch::Contains("old key: deleted") &&
                                Catch::Contains("revocation: application 1"));
    auto fresh = desk.cli({"enrollment", "show", "2"});
    REQUIRE(fresh.exitCode == 0);
    const std::string newKey = desk.field(fresh.out, "key ID");
    CHECK(newKey != oldKey);
    desk.checkTokenHoldsOneKeyAndCertificate("renewing", newKey);
    auto application = desk.cli({"--json", "revocation", "show", "1"});
    REQUIRE(application.exitCode == 0);
    const QJsonObject shown = QJsonDocument::fromJson(QByteArray::fromStdString(application.out)).object();
    CHECK(shown[QStringLiteral("reason")].toString() == QStringLiteral("superseded"));
    CHECK(shown[QStringLiteral("enrollment_id")].toInt() == 1);
    CHECK(desk.cli({"renewal", "due"}).out.find("enrollment 1 ") == std::string::npos);
}

TEST_CASE("tamga-cli revocation lost: one action - the application for key compromise, the token lost in the "
          "stock, a batch of one for the officer's new token - done again, it makes nothing twice")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("lost");
    REQUIRE(desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing", "--ca",
                      "practice", "--pin-file", desk.pinFile()})
                .exitCode == 0);
    const std::string statement = desk.writeTemp("lost.txt", "Lost with my bag on 25 November.\n");
    auto reported = desk.cli(
        {"revocation", "lost", "--enrollment", "1", "--statement-file", statement, "--event-date", "2026-11-25"});
    INFO(reported.err);
    REQUIRE(reported.exitCode == 0);
    CHECK_THAT(reported.out, Catch::StartsWith("1\n") && Catch::Contains("lost in the stock"));
    auto again = desk.cli({"revocation", "lost", "--enrollment", "1", "--statement-file", statement});
    INFO(again.err);
    REQUIRE(again.exitCode == 0);
    CHECK(again.out == reported.out);

    auto shown = desk.cli({"--json", "revocation", "show", "1"});
    REQUIRE(shown.exitCode == 0);
    const QJsonObject application = QJsonDocument::fromJson(QByteArray::fromStdString(shown.out)).object();
    CHECK(application[QStringLiteral("reason")].toString() == QStringLiteral("keyCompromise"));
    CHECK(application[QStringLiteral("event_date")].toString() == QStringLiteral("2026-11-25"));
    auto stock = desk.cli({"stock", "list", "--state", "lost"});
    INFO(stock.err);
    CHECK_THAT(stock.out, Catch::Contains(serial));
    auto batches = desk.cli({"batch", "list"});
    CHECK_THAT(batches.out, Catch::Contains("Replacement token for"));
    // The lost token is not handed over.
    auto handover = desk.cli({"enrollment", "handover", "1"});
    CHECK(handover.exitCode == 2);
    CHECK_THAT(handover.err, Catch::Contains("under way"));
}

TEST_CASE("tamga-cli backup and restore: a verified copy with its audit key and kept files - restored elsewhere, "
          "its chain intact - a changed file or a forged chain refused, nothing written",
          "[sqlite]")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    const std::string serial = desk.initToken("backed up");
    REQUIRE(desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing", "--ca",
                      "practice", "--pin-file", desk.pinFile()})
                .exitCode == 0);
    // A receipt the desk kept beside the database.
    const std::string dataDir = std::filesystem::path(desk.db()).parent_path().string();
    std::filesystem::create_directories(dataDir + "/receipts");
    tamga::test::writeFile(dataDir + "/receipts/receipt-1.pdf", "%PDF-1.4 a kept receipt\n");

    const std::string folder = desk.dir().file("backup-1");
    auto made = desk.cli({"backup", "--out", folder});
    INFO(made.err);
    REQUIRE(made.exitCode == 0);
    CHECK_THAT(made.out, Catch::Contains("events verified") && Catch::Contains("tamga.db.audit-key") &&
                             Catch::Contains("receipts/receipt-1.pdf"));
    CHECK(desk.cli({"backup", "--out", folder}).exitCode == 2); // not into a folder that holds something
    auto log = desk.cli({"--json", "audit", "list", "--limit", "5"});
    CHECK_THAT(log.out, Catch::Contains("backup.made"));

    // tamga-cli on another database than the desk's.
    auto on = [](const std::string& db, std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), {TAMGA_CLI, "--db", db});
        return tamga::test::run(arguments);
    };
    // Restored where there is no database: its chain verifies with its key, the receipt beside it.
    const std::string restored = desk.dir().file("elsewhere/desk.db");
    auto back = on(restored, {"restore", "--from", folder});
    INFO(back.err);
    REQUIRE(back.exitCode == 0);
    auto verified = on(restored, {"audit", "verify"});
    INFO(verified.out << verified.err);
    CHECK(verified.exitCode == 0);
    CHECK(tamga::test::readFile(desk.dir().file("elsewhere/receipts/receipt-1.pdf")) == "%PDF-1.4 a kept receipt\n");
    CHECK(on(restored, {"restore", "--from", folder}).exitCode == 2); // never over a database

    // A byte changed in the copy: refused by its SHA-256.
    const std::string second = desk.dir().file("backup-2");
    REQUIRE(std::filesystem::create_directories(second));
    std::filesystem::copy(folder, second, std::filesystem::copy_options::recursive);
    {
        std::string receipt = tamga::test::readFile(second + "/receipts/receipt-1.pdf");
        receipt[3] = 'X';
        tamga::test::writeFile(second + "/receipts/receipt-1.pdf", receipt);
    }
    auto changed = on(desk.dir().file("third/desk.db"), {"restore", "--from", second});
    CHECK(changed.exitCode == 2);
    CHECK_THAT(changed.err, Catch::Contains("receipts/receipt-1.pdf") && Catch::Contains("SHA-256"));
    CHECK_FALSE(std::filesystem::exists(desk.dir().file("third/desk.db")));

    // An event edited in the copy and the manifest made to match: the chain itself refuses it.
    const std::string forged = desk.dir().file("backup-3");
    REQUIRE(std::filesystem::create_directories(forged));
    std::filesystem::copy(folder, forged, std::filesystem::copy_options::recursive);
    REQUIRE(tamga::test::run({tamga::test::requireTool("sqlite3"), forged + "/tamga.db",
                              "UPDATE audit_log SET operator = 'someone' WHERE id = 2"})
                .exitCode == 0);
    const std::string sum = tamga::test::run({"sha256sum", forged + "/tamga.db"}).out.substr(0, 64);
    std::string manifest = tamga::test::readFile(forged + "/manifest.json");
    const auto at = manifest.find("\"sha256\"", manifest.find("\"tamga.db\""));
    REQUIRE(at != std::string::npos);
    manifest.replace(manifest.find('"', at + 9) + 1, 64, sum);
    tamga::test::writeFile(forged + "/manifest.json", manifest);
    auto refused = on(desk.dir().file("fourth/desk.db"), {"restore", "--from", forged});
    CHECK(refused.exitCode == 2);
    CHECK_THAT(refused.err, Catch::Contains("does not verify"));
    CHECK_FALSE(std::filesystem::exists(desk.dir().file("fourth/desk.db")));
}
