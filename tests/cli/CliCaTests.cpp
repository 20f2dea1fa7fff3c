// Enrollment against real CA servers started on 127.0.0.1 (CFSSL), and against peers that misbehave: down,
// silent, garbled, or issuing from the wrong profile.
#include "CaServers.h"
#include "EnrollFixture.h"

#include <catch2/catch.hpp>

using namespace tamga::test;

namespace {

void addCfsslProfile(const EnrollDesk& desk)
{
    REQUIRE(desk.cli({"profile", "add", desk.writeTemp("cfssl-profile.json", kCfsslProfileJson)}).exitCode == 0);
}

} // namespace

TEST_CASE("enroll through a real CFSSL server: certificate on the token and chain verified")
{
    EnrollDesk desk;
    CfsslServer cfssl(desk.dir());
    addCfsslProfile(desk);
    REQUIRE(desk.cli({"trust", "add", cfssl.rootPem()}).exitCode == 0);
    auto added = desk.cli({"ca", "add", "state-ca", "--type", "cfssl", "--url", cfssl.url(), "--auth-key-file",
                           cfssl.authKeyFile(), "--profile", "officer-signing"});
    INFO(added.err);
    REQUIRE(added.exitCode == 0);
    auto tested = desk.cli({"ca", "test", "state-ca"});
    CHECK(tested.exitCode == 0);
    CHECK_THAT(tested.out, Catch::Contains("CFSSL Test Root"));

    const std::string serial = desk.initToken("cfssl");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                              "cfssl-signing", "--ca", "state-ca", "--pin-file", desk.pinFile()});
    INFO(enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    CHECK_THAT(enrolled.out, Catch::Contains("state       verified") && Catch::Contains("CFSSL Test Root"));
    const std::string keyId = desk.field(enrolled.out, "key ID");
    desk.checkTokenHoldsOneKeyAndCertificate("cfssl", keyId);
    desk.checkChainVerifies("cfssl", keyId, cfssl.rootPem());
}

TEST_CASE("CFSSL's silent fall-back to its default profile is caught by the key-usage check")
{
    EnrollDesk desk;
    CfsslServer cfssl(desk.dir());
    addCfsslProfile(desk);
    REQUIRE(desk.cli({"trust", "add", cfssl.rootPem()}).exitCode == 0);
    REQUIRE(desk.cli({"ca", "add", "misconfigured", "--type", "cfssl", "--url", cfssl.url(), "--auth-key-file",
                      cfssl.authKeyFile(), "--profile", "no-such-profile"})
                .exitCode == 0);
    const std::string serial = desk.initToken("fallback");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                              "cfssl-signing", "--ca", "misconfigured", "--pin-file", desk.pinFile()});
    CHECK(enrolled.exitCode == 2);
    CHECK_THAT(enrolled.err,
               Catch::Contains("refused") && Catch::Contains("key usage") && Catch::Contains("another profile"));
    auto show = desk.cli({"enrollment", "show", "1"});
    CHECK_THAT(show.out, Catch::Contains("state       request_built") && Catch::Contains("last error"));
}

TEST_CASE("a CFSSL server with the wrong auth key refuses - and the enrollment can be resumed")
{
    EnrollDesk desk;
    CfsslServer cfssl(desk.dir());
    addCfsslProfile(desk);
    REQUIRE(desk.cli({"trust", "add", cfssl.rootPem()}).exitCode == 0);
    const std::string wrongKey = desk.writeTemp("wrong.key", "ffffffffffffffffffffffffffffffff\n");
    REQUIRE(desk.cli({"ca", "add", "wrong-key", "--type", "cfssl", "--url", cfssl.url(), "--auth-key-file", wrongKey,
                      "--profile", "officer-signing"})
                .exitCode == 0);
    const std::string serial = desk.initToken("auth");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                              "cfssl-signing", "--ca", "wrong-key", "--pin-file", desk.pinFile()});
    CHECK(enrolled.exitCode == 2);
    CHECK_THAT(enrolled.err, Catch::Contains(cfssl.url()));
}

TEST_CASE("a CA that is down - silent - or garbled gives a clear message and loses nothing")
{
    EnrollDesk desk;
    addCfsslProfile(desk);
    const std::string key = desk.writeTemp("auth.key", "0123456789abcdef0123456789abcdef\n");
    const std::string serial = desk.initToken("flaky");

    SECTION("nothing listens")
    {
        const std::string url = "http://127.0.0.1:" + std::to_string(freePort());
        REQUIRE(
            desk.cli({"ca", "add", "down", "--type", "cfssl", "--url", url, "--auth-key-file", key, "--profile", "p"})
                .exitCode == 0);
        auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                                  "cfssl-signing", "--ca", "down", "--pin-file", desk.pinFile()});
        CHECK(enrolled.exitCode == 2);
        CHECK_THAT(enrolled.err, Catch::Contains("cannot be reached") && Catch::Contains(url));
    }
    SECTION("the CA accepts the connection and never answers")
    {
        MisbehavingServer silent;
        REQUIRE(desk.cli({"ca", "add", "slow", "--type", "cfssl", "--url", silent.url(), "--auth-key-file", key,
                          "--profile", "p", "--timeout", "2"})
                    .exitCode == 0);
        auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                                  "cfssl-signing", "--ca", "slow", "--pin-file", desk.pinFile()});
        CHECK(enrolled.exitCode == 2);
        CHECK_THAT(enrolled.err, Catch::Contains("did not answer within 2 seconds"));
    }
    SECTION("the CA answers something that is not JSON")
    {
        MisbehavingServer garbled("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n"
                                  "<html>oops</html>");
        REQUIRE(desk.cli({"ca", "add", "garbled", "--type", "cfssl", "--url", garbled.url(), "--auth-key-file", key,
                          "--profile", "p"})
                    .exitCode == 0);
        auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                                  "cfssl-signing", "--ca", "garbled", "--pin-file", desk.pinFile()});
        CHECK(enrolled.exitCode == 2);
        CHECK_THAT(enrolled.err, Catch::Contains("not JSON"));
    }
    SECTION("the CA answers with an HTTP error")
    {
        MisbehavingServer failing("HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");
        REQUIRE(desk.cli({"ca", "add", "failing", "--type", "cfssl", "--url", failing.url(), "--auth-key-file", key,
                          "--profile", "p"})
                    .exitCode == 0);
        auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile",
                                  "cfssl-signing", "--ca", "failing", "--pin-file", desk.pinFile()});
        CHECK(enrolled.exitCode == 2);
        CHECK_THAT(enrolled.err, Catch::Contains("answered with an error") && Catch::Contains("500"));
    }
    // Whatever happened, the enrollment waits at "request built" with its key: one key pair on the token.
    auto show = desk.cli({"enrollment", "show", "1"});
    CHECK_THAT(show.out, Catch::Contains("state       request_built"));
    auto objects = desk.cli({"token", "objects", "--serial", serial, "--pin-file", desk.pinFile()});
    CHECK(std::count(objects.out.begin(), objects.out.end(), '\n') == 3); // header, private key, public key
}

TEST_CASE("enroll through CMP (p10cr with PBM) against an issuing CA on OpenSSL's CMP server code")
{
    EnrollDesk desk;
    CmpServer cmp(desk.dir(), "shared-secret-42");
    REQUIRE(desk.cli({"trust", "add", cmp.rootPem()}).exitCode == 0);
    const std::string secret = desk.writeTemp("cmp.secret", "shared-secret-42\n");
    auto added = desk.cli({"ca", "add", "state-cmp", "--type", "cmp", "--url", cmp.url(), "--reference", "desk-1",
                           "--secret-file", secret});
    INFO(added.err);
    REQUIRE(added.exitCode == 0);
    auto tested = desk.cli({"ca", "test", "state-cmp"});
    INFO(tested.err);
    CHECK(tested.exitCode == 0);

    const std::string serial = desk.initToken("cmp");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                              "--ca", "state-cmp", "--pin-file", desk.pinFile()});
    INFO(enrolled.err);
    REQUIRE(enrolled.exitCode == 0);
    CHECK_THAT(enrolled.out, Catch::Contains("state       verified") && Catch::Contains("CMP Test Issuing CA"));
    const std::string keyId = desk.field(enrolled.out, "key ID");
    desk.checkTokenHoldsOneKeyAndCertificate("cmp", keyId);
    desk.checkChainVerifies("cmp", keyId, cmp.rootPem());
}

TEST_CASE("a CMP CA with another shared secret is refused with a clear message")
{
    EnrollDesk desk;
    CmpServer cmp(desk.dir(), "the-real-secret");
    REQUIRE(desk.cli({"trust", "add", cmp.rootPem()}).exitCode == 0);
    const std::string secret = desk.writeTemp("cmp.secret", "a-wrong-secret\n");
    REQUIRE(desk.cli({"ca", "add", "state-cmp", "--type", "cmp", "--url", cmp.url(), "--reference", "desk-1",
                      "--secret-file", secret, "--timeout", "5"})
                .exitCode == 0);
    const std::string serial = desk.initToken("cmp secret");
    auto enrolled = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                              "--ca", "state-cmp", "--pin-file", desk.pinFile()});
    CHECK(enrolled.exitCode == 2);
    CHECK_THAT(enrolled.err, Catch::Contains(cmp.url()));
    auto show = desk.cli({"enrollment", "show", "1"});
    CHECK_THAT(show.out, Catch::Contains("state       request_built"));
}

TEST_CASE("the openssl cmp server over HTTP answers with a certificate for another key: it is refused", "[sqlite]")
{
    // `openssl cmp` as a server binds every interface: it runs with tamga-cli inside a network namespace that
    // has only loopback (unshare -n), so nothing outside the test can reach it.
    EnrollDesk desk;
    CmpServer keys(desk.dir(), "unused"); // only for its CA files
    const std::string dir = desk.dir().file("cmp-ca");
    auto other =
        run({requireTool("openssl"), "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", dir + "/other-key.pem", "-subj", "/C=MN/CN=Someone Else", "-out", dir + "/other.csr"});
    REQUIRE(other.exitCode == 0);
    REQUIRE(run({requireTool("openssl"), "x509", "-req", "-in", dir + "/other.csr", "-CA", dir + "/ca.pem", "-CAkey",
                 dir + "/ca-key.pem", "-out", dir + "/other.pem", "-days", "30"})
                .exitCode == 0);
    REQUIRE(desk.cli({"trust", "add", keys.rootPem()}).exitCode == 0);
    const std::string secret = desk.writeTemp("cmp.secret", "mock-secret\n");
    REQUIRE(desk.cli({"ca", "add", "mock", "--type", "cmp", "--url", "http://127.0.0.1:18299/pkix/", "--reference",
                      "desk-1", "--secret-file", secret, "--timeout", "5"})
                .exitCode == 0);
    const std::string serial = desk.initToken("mock");

    // The server is stopped when the enrollment is done: it would otherwise wait for the rest of its -max_msgs
    // for ever, alone in its namespace.
    const std::string script = "ip link set lo up || exit 1; "
                               "openssl cmp -port 18299 -srv_ref mock -srv_secret pass:mock-secret -rsp_cert '" +
                               dir +
                               "/other.pem' "
                               "-rsp_capubs '" +
                               dir + "/ca.pem' -max_msgs 5 >'" + dir +
                               "/mock.log' 2>&1 & server=$!; sleep 1; "
                               "'" TAMGA_CLI "' --db '" +
                               desk.db() + "' --module '" + desk.hsm().modulePath() + "' enroll --applicant " +
                               desk.officerId() + " --token " + serial + " --profile signing --ca mock --pin-file '" +
                               desk.pinFile() + "'; status=$?; kill $server 2>/dev/null; exit $status";
    auto enrolled = run({requireTool("unshare"), "-n", "sh", "-c", script},
                        {{"TAMGA_OPERATOR", "boss"}, {"TAMGA_PASSWORD_FILE", desk.hsm().dir().file("boss.pw")}});
    INFO(readFile(dir + "/mock.log"));
    CHECK(enrolled.exitCode == 2);
    // OpenSSL's CMP client already compares the certificate's key with the request's and rejects it; Tamga
    // reports that, and its own check would catch a client that did not.
    CHECK_THAT(enrolled.err, Catch::Contains("refused the enrollment") && Catch::Contains("key values mismatch"));
    CHECK_THAT(desk.cli({"enrollment", "show", "1"}).out, Catch::Contains("state       request_built"));
}

TEST_CASE("enroll through CMP over HTTPS: the server's certificate is checked against --trust")
{
    EnrollDesk desk;
    CmpServer cmp(desk.dir(), "tls-secret", true);
    REQUIRE(desk.cli({"trust", "add", cmp.rootPem()}).exitCode == 0);
    const std::string secret = desk.writeTemp("cmp.secret", "tls-secret\n");
    REQUIRE(desk.cli({"ca", "add", "tls-cmp", "--type", "cmp", "--url", cmp.url(), "--reference", "desk-1",
                      "--secret-file", secret, "--trust", cmp.tlsCertificatePem(), "--timeout", "5"})
                .exitCode == 0);
    // Without the server's TLS anchor the connection is refused.
    const std::string stranger = desk.writeTemp("stranger.pem", readFile(cmp.rootPem()));
    REQUIRE(desk.cli({"ca", "add", "untrusted-tls", "--type", "cmp", "--url", cmp.url(), "--reference", "desk-1",
                      "--secret-file", secret, "--trust", stranger, "--timeout", "5"})
                .exitCode == 0);

    const std::string serial = desk.initToken("tls");
    auto refused = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing",
                             "--ca", "untrusted-tls", "--pin-file", desk.pinFile()});
    CHECK(refused.exitCode == 2);
    CHECK_THAT(refused.err, Catch::Contains("TLS") || Catch::Contains("certificate verify failed"));

    auto enrolled = desk.cli({"enrollment", "resume", "1", "--pin-file", desk.pinFile()});
    CHECK(enrolled.exitCode == 2); // still the untrusted CA: the enrollment keeps its CA
    auto fresh = desk.cli({"enroll", "--applicant", desk.officerId(), "--token", serial, "--profile", "signing", "--ca",
                           "tls-cmp", "--pin-file", desk.pinFile()});
    INFO(fresh.err << cmp.log());
    REQUIRE(fresh.exitCode == 0);
    CHECK_THAT(fresh.out, Catch::Contains("state       verified"));
}
