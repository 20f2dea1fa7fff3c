// tamga-cli's revocation applications end to end: taken, refused to the operator who took it, approved by a second
// supervisor, printed as the form the officer signs, submitted once to the practice CA.
#include "EnrollFixture.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using tamga::test::EnrollDesk;

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
    auto approved = desk.cli({"revocation", "approve", id},
                             {{"TAMGA_OPERATOR", "second"}, {"TAMGA_PASSWORD_FILE", secondPassword}});
    INFO(approved.err);
    REQUIRE(approved.exitCode == 0);

    // The form the officer signs: bilingual, the certificate's serial, the approver's name on its line.
    const std::string pdf = desk.db() + ".form.pdf";
    auto form = desk.cli({"revocation", "form", id, "--out", pdf});
    INFO(form.err);
    REQUIRE(form.exitCode == 0);
    auto text = tamga::test::run({"pdftotext", pdf, "-"});
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("ГЭРЧИЛГЭЭ ХҮЧИНГҮЙ БОЛГОХ ӨРГӨДӨЛ") && Catch::Contains("Key compromised") &&
                             Catch::Contains("second") && Catch::Contains("гээсэн"));

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
