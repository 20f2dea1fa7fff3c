// tamga-cli batch sessions as a desk runs them: a batch of an organization, each run taking the blank token
// plugged in for the next officer (SoftHSM offers its next blank token to the next process, as a clerk plugs in
// the next one), show and list telling how far it is.
#include "EnrollFixture.h"
#include "ToolListings.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <filesystem>

using tamga::test::EnrollDesk;

namespace {
std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}
} // namespace

TEST_CASE("tamga-cli batch: create from an organization - each run takes the blank token for the next officer - "
          "show and list")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    auto second = desk.cli({"applicant", "add", "--org", "1", "--surname", "Дорж", "--given-name", "Ану", "--civil-id",
                            "УБ85030522", "--position", "Мэргэжилтэн"});
    REQUIRE(second.exitCode == 0);
    auto created =
        desk.cli({"batch", "create", "--name", "Wave 1", "--org", "1", "--profile", "signing", "--ca", "practice"});
    INFO(created.err);
    REQUIRE(created.exitCode == 0);
    const std::string id = firstLine(created.out);

    auto first = desk.cli({"batch", "run", id, "--pin-file", desk.pinFile()});
    INFO(first.err);
    REQUIRE(first.exitCode == 0);
    CHECK_THAT(first.out,
               Catch::Contains("Дорж Ану") && Catch::Contains("verified") && Catch::Contains("1 officer(s) waiting"));
    auto secondRun = desk.cli({"batch", "run", id, "--pin-file", desk.pinFile()});
    INFO(secondRun.err);
    REQUIRE(secondRun.exitCode == 0);
    CHECK_THAT(secondRun.out, Catch::Contains("Дорж Батбаяр") && Catch::Contains("0 officer(s) waiting"));

    auto shown = desk.cli({"--json", "batch", "show", id});
    REQUIRE(shown.exitCode == 0);
    const QJsonObject batch = QJsonDocument::fromJson(QByteArray::fromStdString(shown.out)).object();
    const QJsonArray members = batch[QStringLiteral("members")].toArray();
    REQUIRE(members.size() == 2);
    CHECK(members[0].toObject()[QStringLiteral("state")].toString() == QStringLiteral("verified"));
    CHECK(members[1].toObject()[QStringLiteral("state")].toString() == QStringLiteral("verified"));
    CHECK(members[0].toObject()[QStringLiteral("token")].toString() !=
          members[1].toObject()[QStringLiteral("token")].toString());

    auto listed = desk.cli({"batch", "list"});
    REQUIRE(listed.exitCode == 0);
    CHECK_THAT(listed.out, Catch::Contains("Wave 1") && Catch::Contains("in_person"));

    // The random SO PIN of each token was sealed: the audit log says so, and no PIN is in it.
    auto audit = desk.cli({"--json", "audit", "list", "--limit", "200"});
    REQUIRE(audit.exitCode == 0);
    CHECK_THAT(audit.out, Catch::Contains("secret.sealed"));
    // A batch named by something that is not its number is a usage error.
    CHECK(desk.cli({"batch", "show", "first"}).exitCode == 1);

    // A token reported lost once its certificate is on it is not released here: that is a revocation.
    const std::string officer = std::to_string(members[0].toObject()[QStringLiteral("officer_id")].toInteger());
    CHECK(desk.cli({"batch", "token-lost", id, "--officer", "x", "--reason", "lost"}).exitCode == 1);
    auto refused = desk.cli({"batch", "token-lost", id, "--officer", officer, "--reason", "lost in a taxi"});
    CHECK(refused.exitCode == 2);
    CHECK_THAT(refused.err, Catch::Contains("revoke"));
}

TEST_CASE("tamga-cli prepared batch: a supervisor's run - the hand-over sets the officer's own PIN and ends with the "
          "first signature")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    auto created = desk.cli({"batch", "create", "--name", "Prepared", "--org", "1", "--profile", "signing", "--ca",
                             "practice", "--prepared"});
    INFO(created.err);
    REQUIRE(created.exitCode == 0);
    const std::string id = firstLine(created.out);
    CHECK(desk.cli({"batch", "run", id, "--pin-file", desk.pinFile()}).exitCode == 1); // the desk makes the PIN
    auto ran = desk.cli({"batch", "run", id});
    INFO(ran.err);
    REQUIRE(ran.exitCode == 0);

    auto shown = desk.cli({"--json", "batch", "show", id});
    REQUIRE(shown.exitCode == 0);
    const QJsonObject member = QJsonDocument::fromJson(QByteArray::fromStdString(shown.out))
                                   .object()[QStringLiteral("members")]
                                   .toArray()[0]
                                   .toObject();
    const std::string enrollment = std::to_string(member[QStringLiteral("enrollment_id")].toInteger());
    const std::string serial = member[QStringLiteral("token")].toString().toStdString();
    // The officer's PIN does not open the prepared token yet.
    CHECK(desk.cli({"token", "objects", "--serial", serial, "--pin-file", desk.pinFile()}).exitCode == 2);

    auto handed = desk.cli({"enrollment", "handover", enrollment, "--new-pin-file", desk.pinFile()});
    INFO(handed.err);
    REQUIRE(handed.exitCode == 0);
    CHECK_THAT(handed.out, Catch::Contains("handed_over") && Catch::Contains("first signature"));
    auto objects = desk.cli({"token", "objects", "--serial", serial, "--pin-file", desk.pinFile()});
    INFO(objects.err);
    CHECK(objects.exitCode == 0);
    CHECK_THAT(objects.out, Catch::Contains("private-key"));
}

TEST_CASE("tamga-cli report progress as CSV and as a PDF that pdftotext reads")
{
    EnrollDesk desk;
    auto csv = desk.cli({"report", "progress", "--out", desk.dir().file("progress.csv")});
    INFO(csv.err);
    REQUIRE(csv.exitCode == 0);
    auto pdf = desk.cli({"report", "progress", "--format", "pdf", "--out", desk.dir().file("progress.pdf")});
    INFO(pdf.err);
    REQUIRE(pdf.exitCode == 0);
    auto text = tamga::test::run({"pdftotext", desk.dir().file("progress.pdf"), "-"});
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("Campaign progress") && Catch::Contains("Нийслэлийн Мэдээллийн"));

    // In Mongolian, for the head of the RA: asked for, or the desk's language setting.
    auto mongolian =
        desk.cli({"report", "stock", "--lang", "mn", "--format", "pdf", "--out", desk.dir().file("mn.pdf")});
    INFO(mongolian.err);
    REQUIRE(mongolian.exitCode == 0);
    auto words = tamga::test::run({"pdftotext", desk.dir().file("mn.pdf"), "-"});
    REQUIRE(words.exitCode == 0);
    CHECK_THAT(words.out, Catch::Contains("Төлөв тус бүрийн токен") && Catch::Contains("агуулахад") &&
                              !Catch::Contains("Tokens by state"));
    // The desk's language, stored through the core as the Settings tab stores it (on this PC when the registry is
    // shared).
    REQUIRE(desk.cli({"config", "set", "desk.language", "mn"}).exitCode == 0);
    REQUIRE(desk.cli({"report", "daily", "--out", desk.dir().file("daily.csv")}).exitCode == 0);
    QFile dailyCsv(QString::fromStdString(desk.dir().file("daily.csv")));
    REQUIRE(dailyCsv.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(dailyCsv.readAll()).contains(QStringLiteral("Өдрийн тайлан")));
    auto daily = desk.cli({"report", "daily", "--date", "2026-13-40", "--out", desk.dir().file("daily.csv")});
    CHECK(daily.exitCode == 1);
    CHECK(desk.cli({"report", "stock", "--format", "xlsx", "--out", desk.dir().file("stock")}).exitCode == 1);
}

TEST_CASE("tamga-cli batch export seals the bundle with its cover sheet - openssl ca signs - a PKCS#7 answer is "
          "matched - an edited bundle is refused")
{
    EnrollDesk desk;
    tamga::test::OpensslCa ca(desk.dir());
    REQUIRE(desk.cli({"trust", "add", ca.rootPem()}).exitCode == 0);
    REQUIRE(desk.cli({"ca", "add", "offline", "--type", "files", "--dir", desk.dir().file("exchange")}).exitCode == 0);
    REQUIRE(desk.cli({"applicant", "add", "--org", "1", "--surname", "Дорж", "--given-name", "Ану", "--civil-id",
                      "УБ85030522", "--position", "Мэргэжилтэн"})
                .exitCode == 0);
    auto created = desk.cli(
        {"batch", "create", "--name", "Offline wave", "--org", "1", "--profile", "signing", "--ca", "offline"});
    REQUIRE(created.exitCode == 0);
    const std::string id = firstLine(created.out);
    for (int run = 0; run < 2; ++run) {
        auto ran = desk.cli({"batch", "run", id, "--pin-file", desk.pinFile()});
        INFO(ran.err);
        REQUIRE(ran.exitCode == 0);
        CHECK_THAT(ran.out, Catch::Contains("submitted"));
    }

    auto exported = desk.cli({"batch", "export", "--batch", id, "--out", desk.dir().file("to-ca")});
    INFO(exported.err);
    REQUIRE(exported.exitCode == 0);
    CHECK_THAT(exported.out, Catch::Contains("2 request(s) sealed"));
    auto sums =
        tamga::test::run({"sh", "-c", "cd '" + desk.dir().file("to-ca") + "' && sha256sum -c bundle.json.sha256"});
    CHECK(sums.exitCode == 0);
    auto cover = tamga::test::run({"pdftotext", desk.dir().file("to-ca/cover.pdf"), "-"});
    REQUIRE(cover.exitCode == 0);
    // The cover sheet carries the manifest's SHA-256 that the export printed. The PDF's font joins "ff", "fi" and
    // the like into ligatures, which pdftotext gives back as such: they are undone before comparing.
    const std::string hash = exported.out.substr(exported.out.find("manifest SHA-256 ") + 17, 64);
    std::string coverText = cover.out;
    for (const auto& [ligature, letters] : {std::pair<std::string, std::string>{"\uFB03", "ffi"},
                                            {"\uFB04", "ffl"},
                                            {"\uFB00", "ff"},
                                            {"\uFB01", "fi"},
                                            {"\uFB02", "fl"}}) {
        for (auto at = coverText.find(ligature); at != std::string::npos; at = coverText.find(ligature))
            coverText.replace(at, ligature.size(), letters);
    }
    CHECK_THAT(coverText,
               Catch::Contains("Manifest SHA-256") && Catch::Contains(hash) && Catch::Contains("Offline wave"));

    // The CA operator signs the first request only, and answers with a PKCS#7 file.
    auto shown = desk.cli({"--json", "batch", "show", id});
    const QJsonArray members =
        QJsonDocument::fromJson(QByteArray::fromStdString(shown.out)).object()[QStringLiteral("members")].toArray();
    REQUIRE(members.size() == 2);
    const std::string first = std::to_string(members[0].toObject()[QStringLiteral("enrollment_id")].toInteger());
    ca.sign(desk.dir().file("to-ca/enrollment-" + first + ".csr.pem"), desk.dir().file("from-ca/signed.pem"));
    REQUIRE(tamga::test::run({"openssl", "crl2pkcs7", "-nocrl", "-certfile", desk.dir().file("from-ca/signed.pem"),
                              "-certfile", ca.rootPem(), "-outform", "DER", "-out", desk.dir().file("answer.p7b")})
                .exitCode == 0);

    // A bundle edited after sealing is refused before anything is read from it.
    tamga::test::writeFile(desk.dir().file("to-ca/bundle.json"),
                           tamga::test::readFile(desk.dir().file("to-ca/bundle.json")) + " ");
    auto edited = desk.cli({"batch", "import", "--batch", id, "--in", desk.dir().file("to-ca")});
    CHECK(edited.exitCode == 2);
    CHECK_THAT(edited.err, Catch::Contains("changed after sealing"));

    auto imported = desk.cli({"batch", "import", "--batch", id, "--in", desk.dir().file("answer.p7b")});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    CHECK_THAT(imported.out, Catch::Contains("matched (1)") && Catch::Contains("missing (1)"));

    // Write-back: the certificate that came goes onto its token, found by its serial; the other officer's request
    // still waits at the CA, and a second write-back finds nothing left to write.
    auto written = desk.cli({"batch", "write-back", id, "--pin-file", desk.pinFile()});
    INFO(written.err);
    REQUIRE(written.exitCode == 0);
    CHECK_THAT(written.out, Catch::Contains("Дорж Ану") && Catch::Contains("verified") && Catch::Contains("1 done"));
    CHECK_THAT(written.out, !Catch::Contains("Дорж Батбаяр"));
    const auto listed =
        tamga::test::pkcs11toolObjects(desk.modulePath(), "УБ85030522", desk.pin()); // labelled by civil ID
    CHECK(std::count_if(listed.begin(), listed.end(),
                        [](const tamga::test::ListedObject& o) { return o.kind == "Certificate"; }) >= 1);
    auto again = desk.cli({"batch", "write-back", id, "--pin-file", desk.pinFile()});
    INFO(again.err);
    CHECK(again.exitCode == 0);
    CHECK_THAT(again.out, Catch::Contains("0 done, 0 stopped"));
    // In person, the officer's PIN is needed to write onto the token.
    CHECK(desk.cli({"batch", "write-back", id}).exitCode == 1);
}

TEST_CASE("tamga-cli batch run --parallel 2: a prepared batch's new tokens are worked side by side by worker "
          "processes, each verified, the audit log intact")
{
    EnrollDesk desk;
    desk.addPracticeCa();
    for (const auto& [given, civilId] : {std::pair{"Ану", "УБ85030522"}, std::pair{"Сараа", "УБ90010123"}}) {
        auto added = desk.cli({"applicant", "add", "--org", "1", "--surname", "Дорж", "--given-name", given,
                               "--civil-id", civilId, "--position", "Мэргэжилтэн"});
        INFO(added.err);
        REQUIRE(added.exitCode == 0);
    }
    auto created = desk.cli(
        {"batch", "create", "--name", "Hub", "--org", "1", "--profile", "signing", "--ca", "practice", "--prepared"});
    REQUIRE(created.exitCode == 0);
    const std::string id = firstLine(created.out);
    CHECK(desk.cli({"batch", "run", id, "--parallel", "0"}).exitCode == 1);

    // SoftHSM offers a new blank token as each is initialized: two are taken, one officer waits.
    auto ran = desk.cli({"batch", "run", id, "--parallel", "2"});
    INFO(ran.err);
    REQUIRE(ran.exitCode == 0);
    CHECK_THAT(ran.out, Catch::Contains("2 done, 0 stopped (resumable), 1 officer(s) waiting"));
    // Each worker's steps come back through its parent, once per token.
    const QString progress = QString::fromStdString(ran.err);
    CHECK(progress.count(QStringLiteral("  reading the token back\n")) == 2);
    CHECK_FALSE(progress.contains(QLatin1Char('\t'))); // the workers' "<state>\t<message>" lines are read, not shown

    auto shown = desk.cli({"--json", "batch", "show", id});
    REQUIRE(shown.exitCode == 0);
    const QJsonArray members =
        QJsonDocument::fromJson(QByteArray::fromStdString(shown.out)).object()[QStringLiteral("members")].toArray();
    REQUIRE(members.size() == 3);
    CHECK(members[0].toObject()[QStringLiteral("state")].toString() == QStringLiteral("verified"));
    CHECK(members[1].toObject()[QStringLiteral("state")].toString() == QStringLiteral("verified"));
    CHECK(members[0].toObject()[QStringLiteral("token")].toString() !=
          members[1].toObject()[QStringLiteral("token")].toString());
    CHECK_FALSE(members[2].toObject().contains(QStringLiteral("enrollment_id"))); // waiting for a token

    // Every worker wrote its events into the one chain; the initial PINs were opened by the workers, audited.
    auto verified = desk.cli({"audit", "verify"});
    INFO(verified.out << verified.err);
    CHECK(verified.exitCode == 0);
    auto audit = desk.cli({"--json", "audit", "list", "--limit", "500"});
    REQUIRE(audit.exitCode == 0);
    CHECK_THAT(audit.out, Catch::Contains("secret.used"));

    // A token whose certificate is valid is not wiped for re-issue: it is revoked first.
    const std::string token = members[0].toObject()[QStringLiteral("token")].toString().toStdString();
    auto wipe = desk.cli({"stock", "wipe", token, "--reason", "returned"});
    CHECK(wipe.exitCode == 2);
    CHECK_THAT(wipe.err, Catch::Contains("revoke it before its key is erased"));
}

TEST_CASE("tamga-cli batch export --sign-with: the desk's own token signs the manifest - openssl cms verifies it - "
          "a signature changed afterwards is refused at import")
{
    EnrollDesk desk;
    desk.addPracticeCa(); // the desk's own certificate comes from it
    tamga::test::OpensslCa ca(desk.dir());
    REQUIRE(desk.cli({"trust", "add", ca.rootPem()}).exitCode == 0);
    REQUIRE(desk.cli({"ca", "add", "offline", "--type", "files", "--dir", desk.dir().file("exchange")}).exitCode == 0);
    // The desk's own token and certificate.
    const std::string deskSerial = desk.initToken("desk");
    auto own = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", deskSerial, "--profile", "signing",
                         "--ca", "practice", "--pin-file", desk.pinFile()});
    INFO(own.err);
    REQUIRE(own.exitCode == 0);
    const std::string ownEnrollment = desk.field(own.out, "enrollment");

    // A batch of another officer, to the offline CA.
    REQUIRE(desk.cli({"applicant", "add", "--org", "1", "--surname", "Дорж", "--given-name", "Ану", "--civil-id",
                      "УБ85030522", "--position", "Мэргэжилтэн"})
                .exitCode == 0);
    auto created =
        desk.cli({"batch", "create", "--name", "Signed", "--officers",
                  desk.writeTemp("list.csv", "civil_id\nУБ85030522\n"), "--profile", "signing", "--ca", "offline"});
    INFO(created.err);
    REQUIRE(created.exitCode == 0);
    const std::string id = firstLine(created.out);
    auto ran = desk.cli({"batch", "run", id, "--pin-file", desk.pinFile()});
    INFO(ran.err);
    REQUIRE(ran.exitCode == 0);

    const std::string folder = desk.dir().file("to-ca");
    auto exported = desk.cli({"batch", "export", "--batch", id, "--out", folder, "--sign-with", ownEnrollment,
                              "--sign-pin-file", desk.pinFile()});
    INFO(exported.err);
    REQUIRE(exported.exitCode == 0);
    CHECK_THAT(exported.out, Catch::Contains("signed by the desk certificate"));
    // The CA operator checks the signature with OpenSSL against the desk's CA.
    const std::string deskRoot = desk.database().localFolder() + "/practice-ca/root.pem";
    auto verified = tamga::test::run({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                                      folder + "/bundle.json.p7s", "-content", folder + "/bundle.json", "-CAfile",
                                      deskRoot, "-purpose", "any", "-out", "/dev/null"});
    INFO(verified.err);
    CHECK(verified.exitCode == 0);

    // As sealed, the answer folder is read (no certificate yet: the request is missing an answer).
    auto untouched = desk.cli({"batch", "import", "--batch", id, "--in", folder});
    INFO(untouched.err);
    CHECK(untouched.exitCode == 0);
    CHECK_THAT(untouched.out, Catch::Contains("missing (1)"));
    // A signature changed afterwards is refused with the reason.
    std::string signature = tamga::test::readFile(folder + "/bundle.json.p7s");
    signature[signature.size() / 2] = static_cast<char>(signature[signature.size() / 2] ^ 0x01);
    tamga::test::writeFile(folder + "/bundle.json.p7s", signature);
    auto changed = desk.cli({"batch", "import", "--batch", id, "--in", folder});
    CHECK(changed.exitCode == 2);
    CHECK_THAT(changed.err, Catch::Contains("changed after sealing") && Catch::Contains("bundle.json.p7s"));

    // With the desk's setting naming its certificate (as the Settings tab stores it), every export is signed.
    REQUIRE(desk.cli({"config", "set", "batch.manifest_signer", ownEnrollment}).exitCode == 0);
    const std::string again = desk.dir().file("to-ca-again");
    auto bySetting = desk.cli({"batch", "export", "--batch", id, "--out", again, "--sign-pin-file", desk.pinFile()});
    INFO(bySetting.err);
    REQUIRE(bySetting.exitCode == 0);
    CHECK(std::filesystem::exists(again + "/bundle.json.p7s"));
}
