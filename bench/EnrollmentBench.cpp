// One enrollment, three ways, measured in one run on the same SoftHSM2 token:
//  - Tamga: EnrollmentEngine::create + run (database transactions and audit events, checks, read-back);
//  - raw: only the token and CA operations Tamga cannot avoid (key generation, the request signed on the token,
//    the practice CA issuing, the certificate and chain written, the token read back), in one logged-in session;
//  - pipeline: the shell way, pkcs11-tool --keypairgen, openssl req -engine pkcs11, openssl ca, pkcs11-tool
//    --write-object.
// Prints a Markdown table for docs/PERFORMANCE.md.
//
//   build/bin/tamga-bench-enrollment [--runs N]
#include "BenchSupport.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Database.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace tamga;
using tamga::bench::median;
using tamga::bench::mustSucceed;
using tamga::bench::shell;
using tamga::bench::writeText;

namespace {

const char* kSoftHsm = "/usr/lib/softhsm/libsofthsm2.so";
const QString kPin = QStringLiteral("123456");

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    int runs = 9;
    const QStringList arguments = application.arguments();
    if (int at = static_cast<int>(arguments.indexOf(QStringLiteral("--runs"))); at > 0 && at + 1 < arguments.size())
        runs = arguments[at + 1].toInt();

    QTemporaryDir dir;
    const QString root = dir.path();
    QDir().mkpath(root + QStringLiteral("/tokens"));
    writeText(root + QStringLiteral("/softhsm2.conf"),
              QStringLiteral("directories.tokendir = %1/tokens\nobjectstore.backend = file\nlog.level = ERROR\n")
                  .arg(root)
                  .toUtf8());
    qputenv("SOFTHSM2_CONF", (root + QStringLiteral("/softhsm2.conf")).toUtf8());
    if (!shell(QStringLiteral("softhsm2-util --init-token --free --label bench --so-pin 12345678 --pin %1 >/dev/null")
                   .arg(kPin),
               root))
        return 1;

    // The desk.
    auto db = core::Database::open(root + QStringLiteral("/desk.db"));
    if (!db)
        return 1;
    core::Operators operators(**db);
    auto boss =
        operators.add(std::nullopt, QStringLiteral("bench"), core::Role::Supervisor, core::Password("bench-password"));
    core::Registry registry(**db);
    auto org =
        registry.addOrganization(*boss, QStringLiteral("Нийслэлийн МТГ"), QStringLiteral("9000001"), std::nullopt);
    core::CaConnectors connectors(**db, root);
    mustSucceed(connectors.add(*boss, {0, QStringLiteral("practice"), QStringLiteral("practice"), {}}),
                "the practice CA");
    core::Profiles profiles(**db);
    auto rsaProfile = *profiles.find(QStringLiteral("signing"));
    rsaProfile.name = QStringLiteral("signing-rsa");
    rsaProfile.keyType = core::KeyType::Rsa2048;
    mustSucceed(profiles.add(*boss, rsaProfile), "the RSA profile");
    auto module = pkcs11::Module::load(kSoftHsm);
    // The engine's handle on the same module: loading a path again shares the one already loaded.
    auto modules = core::TokenModules::load({kSoftHsm});
    if (!module || !modules || !org) {
        std::fprintf(stderr, "setup failed\n");
        return 1;
    }
    std::string serial;
    const auto tokens = (*module)->tokens();
    for (const auto& present : tokens.value_or(std::vector<pkcs11::TokenInfo>{})) {
        if (present.label == "bench")
            serial = present.serial;
    }
    core::EnrollmentEngine engine(**db, connectors, *modules);
    const Pin pin(kPin.toStdString());
    pkcs11::Token token(*module, serial);
    auto practice = connectors.open(*connectors.find(QStringLiteral("practice")));

    // The pipeline's CA: openssl ca with an EC root, and the engine configuration for openssl req.
    writeText(root + QStringLiteral("/engine.cnf"),
              QStringLiteral("openssl_conf = init\n[init]\nengines = engines\n[engines]\npkcs11 = pkcs11\n[pkcs11]\n"
                             "engine_id = pkcs11\ndynamic_path = /usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so\n"
                             "MODULE_PATH = %1\ninit = 0\n")
                  .arg(QString::fromLatin1(kSoftHsm))
                  .toUtf8());
    QDir().mkpath(root + QStringLiteral("/ca/issued"));
    writeText(root + QStringLiteral("/ca/index.txt"), "");
    writeText(root + QStringLiteral("/ca/serial"), "1000\n");
    writeText(root + QStringLiteral("/ca/ca.cnf"),
              QStringLiteral("[ca]\ndefault_ca = d\n[d]\ndir = %1/ca\ndatabase = $dir/index.txt\nserial = $dir/serial\n"
                             "new_certs_dir = $dir/issued\ncertificate = $dir/ca.pem\nprivate_key = $dir/ca-key.pem\n"
                             "default_md = sha256\ndefault_days = 730\npolicy = p\ncopy_extensions = copy\n"
                             "unique_subject = no\n[p]\ncountryName = supplied\ncommonName = supplied\n"
                             "serialNumber = supplied\n[ext]\nbasicConstraints = critical,CA:FALSE\n")
                  .arg(root)
                  .toUtf8());
    if (!shell(
            QStringLiteral("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca/ca-key.pem "
                           "-out ca/ca.pem -days 30 -subj /CN=Pipeline-CA 2>/dev/null"),
            root))
        return 1;

    struct Kind {
        const char* name;
        QString profile;
        pkcs11::KeyType type;
        const char* pipelineKeyType;
    };
    const Kind kinds[] = {{"EC P-256", QStringLiteral("signing"), pkcs11::KeyType::EcP256, "EC:prime256v1"},
                          {"RSA-2048", QStringLiteral("signing-rsa"), pkcs11::KeyType::Rsa2048, "rsa:2048"}};

    std::printf(
        "| key | Tamga enrollment | raw token + CA operations | shell pipeline | Tamga / raw | pipeline / Tamga |\n");
    std::printf("|---|---|---|---|---|---|\n");
    int officerNumber = 0;
    for (const Kind& kind : kinds) {
        std::vector<double> tamga, raw, pipeline;
        for (int run = 0; run < runs; ++run) {
            ++officerNumber;
            const QString civilId = QStringLiteral("УБ9001%1").arg(officerNumber + 1000, 4, 10, QLatin1Char('0'));
            auto officer =
                registry.addOfficer(*boss, {*org, QStringLiteral("Бат"), QStringLiteral("Officer%1").arg(officerNumber),
                                            civilId, QStringLiteral("Дарга")});
            if (!officer) {
                std::fprintf(stderr, "%s\n", qPrintable(officer.error().message));
                return 1;
            }

            // Tamga, the whole enrollment.
            QElapsedTimer timer;
            timer.start();
            auto id = engine.create(*boss, *officer, QString::fromStdString(serial), kind.profile,
                                    QStringLiteral("practice"));
            auto done = id ? engine.run(*boss, *id, pin, nullptr) : std::unexpected(id.error());
            tamga.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            if (!done || done->state != core::EnrollmentState::Verified) {
                std::fprintf(stderr, "enrollment failed: %s\n",
                             done ? "not verified" : qPrintable(done.error().message));
                return 1;
            }

            // Raw operations: one logged-in session, the key made, the request signed, the CA asked, the
            // certificate and chain written, the token read back.
            timer.restart();
            mustSucceed(token.holdSession(pin), "log in");
            auto key = token.generateKeyPair(pin, kind.type, "raw " + std::to_string(officerNumber));
            auto signer = token.signingKey(pin, key->id);
            auto fullOfficer = registry.officer(*officer);
            auto subject = core::buildSubject(*profiles.find(kind.profile), *fullOfficer);
            auto request =
                core::buildCertificateRequest(*subject, *profiles.find(kind.profile),
                                              QByteArray(reinterpret_cast<const char*>(key->publicKeyDer.data()),
                                                         static_cast<qsizetype>(key->publicKeyDer.size())),
                                              signer->get());
            auto issued = (*practice)->submit(request->der, *profiles.find(kind.profile), 0);
            auto bytes = [](const QByteArray& data) { return std::vector<std::uint8_t>(data.begin(), data.end()); };
            mustSucceed(token.storeCertificate(pin, bytes(issued->certificateDer), key->id, key->label),
                        "store certificate");
            for (const QByteArray& link : issued->chainDer)
                mustSucceed(token.storeCaCertificate(pin, bytes(link), "CA"), "store CA certificate");
            mustSucceed(token.objects(&pin), "read objects");
            mustSucceed(token.certificates(), "read certificates");
            mustSucceed(token.publicKey(pin, key->id), "read public key");
            token.releaseSession();
            raw.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);

            // The shell pipeline.
            const QString hexId = QStringLiteral("%1").arg(0xA000 + officerNumber, 4, 16, QLatin1Char('0'));
            QString uriId;
            for (int i = 0; i < hexId.size(); i += 2)
                uriId += QLatin1Char('%') + hexId.mid(i, 2);
            const QString script =
                QStringLiteral(
                    "pkcs11-tool --module %1 --token-label bench --login --pin %2 --keypairgen --key-type %3 --id %4 "
                    "--label p%4 >/dev/null 2>&1\n"
                    "OPENSSL_CONF=engine.cnf openssl req -new -engine pkcs11 -keyform engine -key "
                    "'pkcs11:token=bench;id=%5;type=private;pin-value=%2' -subj '/C=MN/CN=Officer "
                    "%4/serialNumber=PNOMN-UB%4' "
                    "-out p%4.csr 2>/dev/null\n"
                    "openssl ca -batch -config ca/ca.cnf -extensions ext -in p%4.csr -out p%4.pem -notext 2>/dev/null\n"
                    "openssl x509 -in p%4.pem -outform DER -out p%4.der\n"
                    "pkcs11-tool --module %1 --token-label bench --login --pin %2 --write-object p%4.der --type cert "
                    "--id %4 --label p%4 >/dev/null 2>&1\n")
                    .arg(QString::fromLatin1(kSoftHsm), kPin, QString::fromLatin1(kind.pipelineKeyType), hexId, uriId);
            timer.restart();
            if (!shell(script, root))
                return 1;
            pipeline.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        const double t = median(tamga), r = median(raw), p = median(pipeline);
        std::printf("| %s (median of %d) | %.1f ms | %.1f ms | %.1f ms | %.2fx | %.1fx |\n", kind.name, runs, t, r, p,
                    t / r, p / t);
    }
    return 0;
}
