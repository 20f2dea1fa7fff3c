// The campaign's first wave, measured in one run (docs/PERFORMANCE.md, "The whole wave"):
//
//  1. The wave through Tamga's core, as the desk's process runs it: a prepared-in-advance batch of 731 officers of
//     200 organizations at a `files` CA. Each new SoftHSM2 token prepared and its request made (BatchRunner's plan
//     and work, token after token, each initial PIN sealed and opened again), the sealed bundle exported,
//     `openssl ca` signing every request, the answer imported and checked, the certificates written back
//     (BatchRunner::writeBack). Beside each token, interleaved so that both see the same number of tokens, the
//     raw operations on a token of their own: initialized, key generated, request signed on it; then the same
//     `openssl ca` run over the raw requests, and each certificate and the root written and the token read back.
//  2. Parallel tokens: the same prepared tokens worked by one `tamga-cli` worker process, then by N side by side
//     (the path `batch run --parallel N` takes), on SoftHSM2 (RSA-2048 key generation, CPU-bound) and on the
//     test module in front of SoftHSM2 delaying each key generation as a token's chip does.
//
//   build/bin/tamga-bench-wave [--officers 731] [--organizations 200] [--tokens 128] [--delayed-tokens 16]
//                              [--delay-ms 2000] [--skip-wave] [--skip-parallel]
#include "BenchSupport.h"
#include "tamga/core/BatchExchange.h"
#include "tamga/core/Batches.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Database.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <vector>

using namespace tamga;
using tamga::bench::mustSucceed;
using tamga::bench::shell;
using tamga::bench::writeText;

#include <sys/resource.h>

namespace {

const char* kSoftHsm = "/usr/lib/softhsm/libsofthsm2.so";
const char* kBenchPassword = "bench-password-1";

QString argumentAfter(const QStringList& arguments, const QString& name, const QString& otherwise)
{
    const qsizetype at = arguments.indexOf(name);
    return at > 0 && at + 1 < arguments.size() ? arguments[at + 1] : otherwise;
}

// The DER of a PEM file's first certificate.
QByteArray derOfPem(const QByteArray& pem)
{
    const QByteArray begin = "-----BEGIN CERTIFICATE-----";
    const qsizetype from = pem.indexOf(begin);
    const qsizetype to = pem.indexOf("-----END CERTIFICATE-----", from);
    if (from < 0 || to < 0)
        return {};
    return QByteArray::fromBase64(pem.mid(from + begin.size(), to - from - begin.size()));
}

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// A SoftHSM2 token store of its own in `folder`; returns its configuration file.
QString makeTokenStore(const QString& folder)
{
    QDir().mkpath(folder + QStringLiteral("/tokens"));
    const QString configuration = folder + QStringLiteral("/softhsm2.conf");
    writeText(configuration,
              QStringLiteral("directories.tokendir = %1/tokens\nobjectstore.backend = file\nlog.level = ERROR\n")
                  .arg(folder)
                  .toUtf8());
    return configuration;
}

// A desk with one supervisor, `organizations` organizations and `officers` officers spread over them.
struct Desk {
    std::unique_ptr<core::Database> db;
    core::Operator boss;
    std::vector<qint64> organizationIds;
};

Desk openDesk(const QString& root, int organizations, int officers)
{
    Desk desk;
    auto db = core::Database::open(root + QStringLiteral("/desk.db"));
    mustSucceed(db, "the database");
    desk.db = std::move(*db);
    auto boss = core::Operators(*desk.db).add(std::nullopt, QStringLiteral("bench"), core::Role::Supervisor,
                                              core::Password(kBenchPassword));
    mustSucceed(boss, "the supervisor");
    desk.boss = *boss;
    core::Registry registry(*desk.db);
    for (int o = 1; o <= organizations; ++o) {
        auto id = registry.addOrganization(desk.boss, QStringLiteral("Байгууллага %1").arg(o),
                                           QString::number(9000000 + o), std::nullopt);
        mustSucceed(id, "an organization");
        desk.organizationIds.push_back(*id);
    }
    for (int i = 0; i < officers; ++i) {
        // Civil IDs: distinct birth dates in the 1960s to 1980s.
        const QString civilId = QStringLiteral("УБ%1%2%3%4")
                                    .arg(60 + i % 30, 2, 10, QLatin1Char('0'))
                                    .arg(1 + (i / 30) % 12, 2, 10, QLatin1Char('0'))
                                    .arg(1 + (i / 360) % 28, 2, 10, QLatin1Char('0'))
                                    .arg(i % 100, 2, 10, QLatin1Char('0'));
        mustSucceed(registry.addOfficer(
                        desk.boss,
                        {desk.organizationIds[static_cast<std::size_t>(i) % desk.organizationIds.size()],
                         QStringLiteral("Дорж"), QStringLiteral("Officer%1").arg(i), civilId, QStringLiteral("Дарга")}),
                    "an officer");
    }
    return desk;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The whole wave.

struct RawToken {
    std::string serial;
    std::vector<std::uint8_t> keyId;
    std::string keyLabel;
};

int wave(const QString& root, int officers, int organizations)
{
    qputenv("SOFTHSM2_CONF", makeTokenStore(root + QStringLiteral("/wave")).toUtf8());
    std::fprintf(stderr, "setting up %d officers of %d organizations\n", officers, organizations);
    Desk desk = openDesk(root, organizations, officers);
    const core::Database& db = *desk.db;

    // The CA: `openssl ca` with an EC root, issuing what it is sent (copy_extensions, preserve).
    const QString caDir = root + QStringLiteral("/ca");
    QDir().mkpath(caDir);
    writeText(caDir + QStringLiteral("/index.txt"), "");
    writeText(caDir + QStringLiteral("/serial"), "1000\n");
    writeText(
        caDir + QStringLiteral("/ca.cnf"),
        QStringLiteral("[ca]\ndefault_ca = d\n[d]\ndir = %1\ndatabase = $dir/index.txt\nserial = $dir/serial\n"
                       "certificate = $dir/root.pem\nprivate_key = $dir/root-key.pem\ndefault_md = sha256\n"
                       "default_days = 730\npolicy = p\ncopy_extensions = copy\npreserve = yes\nutf8 = yes\n"
                       "string_mask = utf8only\nunique_subject = no\n[p]\ncountryName = supplied\n"
                       "organizationName = optional\norganizationalUnitName = optional\ntitle = optional\n"
                       "surname = optional\ngivenName = optional\ncommonName = supplied\nserialNumber = supplied\n"
                       "[v3_sign]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature,"
                       "nonRepudiation\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n")
            .arg(caDir)
            .toUtf8());
    if (!shell(QStringLiteral("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "
                              "root-key.pem -out root.pem -days 3650 -subj '/C=MN/O=Bench State CA/CN=Bench Root' "
                              "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign "
                              "-addext subjectKeyIdentifier=hash 2>/dev/null"),
               caDir))
        return 1;
    QFile rootFile(caDir + QStringLiteral("/root.pem"));
    mustSucceed(rootFile.open(QIODevice::ReadOnly), "the root");
    const QByteArray rootPem = rootFile.readAll();
    mustSucceed(core::TrustAnchors(db).add(desk.boss, rootPem), "the trust anchor");
    const QByteArray rootDer = derOfPem(rootPem);
    auto signAll = [&](const QString& requestsGlob, const QString& outputDir) {
        QDir().mkpath(outputDir);
        return shell(QStringLiteral("openssl ca -batch -config %1/ca.cnf -extensions v3_sign -notext -outdir %2 "
                                    "-out /dev/null -infiles %3 2>/dev/null")
                         .arg(caDir, outputDir, requestsGlob),
                     root);
    };

    core::CaConnectors connectors(db, root);
    mustSucceed(connectors.add(desk.boss, {0, QStringLiteral("offline"), QStringLiteral("files"),
                                           QJsonObject{{QStringLiteral("dir"), root + QStringLiteral("/exchange")}}}),
                "the files CA");
    auto batch =
        core::Batches(db).create(desk.boss, QStringLiteral("Wave 1"), desk.organizationIds, QString(),
                                 QStringLiteral("signing"), QStringLiteral("offline"), core::BatchMode::Prepared);
    mustSucceed(batch, "the batch");
    auto deskKey = core::SealedSecrets(db).unlock(desk.boss.name, core::Password(kBenchPassword));
    mustSucceed(deskKey, "the desk key");
    auto modules = core::TokenModules::load({kSoftHsm});
    auto module = pkcs11::Module::load(kSoftHsm); // the same loaded module, for the raw operations
    mustSucceed(modules, "the module");
    mustSucceed(module, "the module");
    core::BatchRunner runner(db, connectors, *modules);
    const auto profile = core::Profiles(db).find(QStringLiteral("signing"));
    mustSucceed(profile, "the profile");
    core::Registry registry(db);
    auto members = core::Batches(db).members(*batch);
    mustSucceed(members, "the members");

    // Phase 1: each token prepared and its request made, Tamga's and the raw one side by side.
    double tamgaRequests = 0, rawRequests = 0;
    const Pin soPin("87654321");
    const Pin rawPin("123456");
    std::vector<RawToken> rawTokens;
    QDir().mkpath(root + QStringLiteral("/raw-requests"));
    for (int i = 0; i < officers; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto plan = runner.plan(desk.boss, *batch, core::BatchRunner::Scope::EveryToken, nullptr, &*deskKey, nullptr);
        mustSucceed(plan, "the plan");
        auto worked = runner.work(desk.boss, *batch, plan->enrollments, nullptr, &*deskKey);
        tamgaRequests += msSince(timer);
        if (!worked || worked->done != 1) {
            std::fprintf(stderr, "officer %d: %s\n", i,
                         worked ? qPrintable(worked->lines.join(QLatin1Char(' ')))
                                : qPrintable(worked.error().message));
            return 1;
        }

        timer.restart();
        auto blank = (*module)->findUninitializedToken();
        mustSucceed(blank, "a blank token");
        auto prepared = pkcs11::Token::initialize(*module, *blank, soPin, "raw " + std::to_string(i), rawPin);
        mustSucceed(prepared, "raw: initialize");
        pkcs11::Token token(*module, prepared->serial);
        mustSucceed(token.holdSession(rawPin), "raw: log in");
        auto key = token.generateKeyPair(rawPin, pkcs11::KeyType::EcP256, "raw " + std::to_string(i));
        mustSucceed(key, "raw: key");
        auto signer = token.signingKey(rawPin, key->id);
        mustSucceed(signer, "raw: signing key");
        const core::BatchMember& member = (*members)[static_cast<std::size_t>(i)];
        auto officer = registry.officer(member.officerId);
        auto subject = core::buildSubject(*profile, *officer);
        auto request = core::buildCertificateRequest(*subject, *profile,
                                                     QByteArray(reinterpret_cast<const char*>(key->publicKeyDer.data()),
                                                                static_cast<qsizetype>(key->publicKeyDer.size())),
                                                     signer->get());
        mustSucceed(request, "raw: request");
        writeText(QStringLiteral("%1/raw-requests/%2.csr").arg(root).arg(i, 4, 10, QLatin1Char('0')), request->pem);
        token.releaseSession();
        rawRequests += msSince(timer);
        rawTokens.push_back({prepared->serial, key->id, key->label});
        if ((i + 1) % 50 == 0)
            std::fprintf(stderr, "%d requests\n", i + 1);
    }

    // Phase 2: the bundle to the CA and its answer back; the raw requests signed the same way.
    QElapsedTimer timer;
    timer.start();
    auto bundle = core::BatchExchange(db, connectors).exportSealed(desk.boss, *batch, root + QStringLiteral("/to-ca"));
    mustSucceed(bundle, "the bundle");
    const double tamgaExport = msSince(timer);
    timer.restart();
    const QString answer = root + QStringLiteral("/answer");
    if (!shell(QStringLiteral("cp -r to-ca answer"), root) || !signAll(QStringLiteral("to-ca/*.csr.pem"), answer))
        return 1;
    const double tamgaCa = msSince(timer);
    timer.restart();
    auto imported = core::BatchExchange(db, connectors).importAnswer(desk.boss, *batch, answer);
    mustSucceed(imported, "the answer");
    const double tamgaImport = msSince(timer);
    if (imported->matched.size() != officers) {
        std::fprintf(stderr, "the answer matched %lld of %d\n", static_cast<long long>(imported->matched.size()),
                     officers);
        return 1;
    }
    timer.restart();
    if (!signAll(QStringLiteral("raw-requests/*.csr"), root + QStringLiteral("/raw-answer")))
        return 1;
    const double rawCa = msSince(timer);

    // Phase 3: the certificates written back and the tokens read back.
    timer.restart();
    auto written = runner.writeBack(desk.boss, *batch, nullptr, &*deskKey);
    mustSucceed(written, "the write-back");
    const double tamgaWriteBack = msSince(timer);
    if (written->done != officers) {
        std::fprintf(stderr, "the write-back verified %d of %d\n", written->done, officers);
        return 1;
    }
    timer.restart();
    // `openssl ca` numbers its output in the order of the requests given, which the glob sorted.
    QStringList issued = QDir(root + QStringLiteral("/raw-answer")).entryList({QStringLiteral("*.pem")}, QDir::Files);
    std::sort(issued.begin(), issued.end());
    for (int i = 0; i < officers; ++i) {
        QFile file(root + QStringLiteral("/raw-answer/") + issued[i]);
        mustSucceed(file.open(QIODevice::ReadOnly), "raw: a certificate");
        const QByteArray der = derOfPem(file.readAll());
        const RawToken& raw = rawTokens[static_cast<std::size_t>(i)];
        pkcs11::Token token(*module, raw.serial);
        mustSucceed(token.holdSession(rawPin), "raw: log in");
        mustSucceed(
            token.storeCertificate(rawPin, std::vector<std::uint8_t>(der.begin(), der.end()), raw.keyId, raw.keyLabel),
            "raw: store certificate");
        mustSucceed(token.storeCaCertificate(rawPin, std::vector<std::uint8_t>(rootDer.begin(), rootDer.end()), "CA"),
                    "raw: store CA certificate");
        mustSucceed(token.objects(&rawPin), "raw: read objects");
        mustSucceed(token.certificates(), "raw: read certificates");
        mustSucceed(token.publicKey(rawPin, raw.keyId), "raw: read public key");
        token.releaseSession();
    }
    const double rawWriteBack = msSince(timer);

    const double tamgaTotal = tamgaRequests + tamgaExport + tamgaCa + tamgaImport + tamgaWriteBack;
    const double rawTotal = rawRequests + rawCa + rawWriteBack;
    std::printf("| %d officers of %d organizations | Tamga | raw token + CA operations | Tamga / raw |\n", officers,
                organizations);
    std::printf("|---|---|---|---|\n");
    std::printf("| tokens prepared, keys made, requests signed | %.1f s | %.1f s | %.2fx |\n", tamgaRequests / 1000,
                rawRequests / 1000, tamgaRequests / rawRequests);
    std::printf("| sealed bundle exported | %.1f s | - | |\n", tamgaExport / 1000);
    std::printf("| `openssl ca` signing every request | %.1f s | %.1f s | |\n", tamgaCa / 1000, rawCa / 1000);
    std::printf("| answer imported and checked | %.1f s | - | |\n", tamgaImport / 1000);
    std::printf("| certificates written back, tokens read back | %.1f s | %.1f s | %.2fx |\n", tamgaWriteBack / 1000,
                rawWriteBack / 1000, tamgaWriteBack / rawWriteBack);
    std::printf("| **the whole wave** | **%.1f s** | **%.1f s** | **%.2fx** |\n\n", tamgaTotal / 1000, rawTotal / 1000,
                tamgaTotal / rawTotal);
    std::fflush(stdout);
    return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Parallel tokens. The parent starts this program again per case (`--parallel-case`) with the case's token
// store and module settings in its environment: a process loads a module once.

struct ParallelCase {
    const char* name;
    QString module;
    QString profile;
    int tokens = 0;
    int workers = 0;
    int delayMs = 0;
    int rounds = 1;
};

// Works `enrollments` in up to `workers` tamga-cli worker processes, the path a parallel run takes
// (BatchRunner::workInProcesses: each worker asks for the next token when it is done with one); the time until the
// last ends.
struct WorkersTime {
    double wallMs = 0;
    double cpuMs = 0; // the workers' user and system time: cpuMs / wallMs is how many cores they kept busy
};

double cpuOfChildrenMs()
{
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1000 + static_cast<double>(t.tv_usec) / 1000;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

WorkersTime timeWorkers(const core::BatchRunner& runner, const core::WorkerLaunch& launch, const core::Operator& boss,
                        qint64 batch, const std::vector<qint64>& enrollments, int workers)
{
    const double cpuBefore = cpuOfChildrenMs();
    QElapsedTimer timer;
    timer.start();
    auto worked =
        runner.workInProcesses(launch, boss, core::Password(kBenchPassword), batch, enrollments, workers, nullptr);
    mustSucceed(worked, "the workers");
    if (worked->done != static_cast<int>(enrollments.size()) || !worked->unfinished.isEmpty()) {
        std::fprintf(stderr, "the workers finished %d of %zu tokens %s\n", worked->done, enrollments.size(),
                     qPrintable(worked->unfinished));
        std::exit(1);
    }
    const double wall = msSince(timer);
    return {wall, cpuOfChildrenMs() - cpuBefore};
}

int parallelCase(const QStringList& arguments)
{
    const QString root = argumentAfter(arguments, QStringLiteral("--root"), QString());
    const QString module = argumentAfter(arguments, QStringLiteral("--module"), QString());
    const QString cli = argumentAfter(arguments, QStringLiteral("--cli"), QString());
    const int tokens = argumentAfter(arguments, QStringLiteral("--tokens"), QString()).toInt();
    const int workers = argumentAfter(arguments, QStringLiteral("--workers"), QString()).toInt();
    const int rounds = std::max(1, argumentAfter(arguments, QStringLiteral("--rounds"), QStringLiteral("1")).toInt());
    const QString profile = argumentAfter(arguments, QStringLiteral("--profile"), QString());
    // Twice the tokens: one set for the single worker, one for the workers side by side.
    Desk desk = openDesk(root, 1, 2 * tokens);
    const core::Database& db = *desk.db;
    core::CaConnectors connectors(db, root);
    mustSucceed(connectors.add(desk.boss, {0, QStringLiteral("practice"), QStringLiteral("practice"), {}}),
                "the practice CA");
    core::Profiles profiles(db);
    auto rsa = *profiles.find(QStringLiteral("signing"));
    rsa.name = QStringLiteral("signing-rsa");
    rsa.keyType = core::KeyType::Rsa2048;
    mustSucceed(profiles.add(desk.boss, rsa), "the RSA profile");
    auto batch = core::Batches(db).create(desk.boss, QStringLiteral("Hub"), desk.organizationIds, QString(), profile,
                                          QStringLiteral("practice"), core::BatchMode::Prepared);
    mustSucceed(batch, "the batch");
    auto deskKey = core::SealedSecrets(db).unlock(desk.boss.name, core::Password(kBenchPassword));
    mustSucceed(deskKey, "the desk key");
    auto modules = core::TokenModules::load({module.toStdString()});
    mustSucceed(modules, "the module");
    // The tokens prepared here, one after another, as a parallel run does before it starts its workers.
    const core::BatchRunner runner(db, connectors, *modules);
    auto plan =
        runner.plan(desk.boss, *batch, core::BatchRunner::Scope::EveryToken, nullptr, &*deskKey, nullptr, 2 * tokens);
    mustSucceed(plan, "the plan");
    if (static_cast<int>(plan->enrollments.size()) != 2 * tokens) {
        std::fprintf(stderr, "prepared %zu tokens of %d\n", plan->enrollments.size(), 2 * tokens);
        return 1;
    }
    // In rounds, one worker then the workers side by side: a change in the machine's load in the middle of the run
    // reaches both figures alike. RSA key generation takes 120 to 650 ms at random, so the figures need many tokens.
    const core::WorkerLaunch launch{cli, root + QStringLiteral("/desk.db"), {module.toStdString()}};
    const int perRound = std::max(1, tokens / rounds);
    WorkersTime one;
    WorkersTime many;
    auto next = plan->enrollments.begin();
    for (int round = 0; round < rounds && next + 2 * perRound <= plan->enrollments.end(); ++round) {
        const std::vector<qint64> single(next, next + perRound);
        const std::vector<qint64> shared(next + perRound, next + 2 * perRound);
        next += 2 * perRound;
        const WorkersTime alone = timeWorkers(runner, launch, desk.boss, *batch, single, 1);
        const WorkersTime together = timeWorkers(runner, launch, desk.boss, *batch, shared, workers);
        one = {one.wallMs + alone.wallMs, one.cpuMs + alone.cpuMs};
        many = {many.wallMs + together.wallMs, many.cpuMs + together.cpuMs};
    }
    std::printf("%.1f %.1f %.1f %.1f\n", one.wallMs, many.wallMs, one.cpuMs, many.cpuMs);
    return 0;
}

int parallel(const QString& root, const QString& self, int tokens, int delayedTokens, int delayMs)
{
    const QString cli = QFileInfo(self).absolutePath() + QStringLiteral("/tamga-cli");
    const QString testModule = QStringLiteral(TAMGA_TEST_TOKEN_MODULE);
    const ParallelCase cases[] = {
        {"SoftHSM2, RSA-2048 (CPU-bound)", QString::fromLatin1(kSoftHsm), QStringLiteral("signing-rsa"), tokens, 2, 0,
         4},
        // A real token makes the key on its chip while the desk's CPU waits: the delay stands for the chip's time,
        // and the key SoftHSM makes behind it is an EC one, which costs the host next to nothing.
        {"test module, key generation taking as long as a token's chip", testModule, QStringLiteral("signing"),
         delayedTokens, 4, delayMs, 1},
    };
    std::printf("| tokens | one worker | workers side by side | speed-up |\n|---|---|---|---|\n");
    int n = 0;
    for (const ParallelCase& c : cases) {
        if (c.module.isEmpty()) {
            std::fprintf(stderr, "the test module was not built (configure with tests): %s skipped\n", c.name);
            continue;
        }
        const QString folder = QStringLiteral("%1/parallel-%2").arg(root).arg(++n);
        QDir().mkpath(folder);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SOFTHSM2_CONF"), makeTokenStore(folder));
        environment.insert(QStringLiteral("TAMGA_TEST_TARGET_MODULE"), QString::fromLatin1(kSoftHsm));
        environment.insert(QStringLiteral("TAMGA_TEST_STATE_DIR"), folder + QStringLiteral("/state"));
        environment.insert(QStringLiteral("TAMGA_TEST_KEYGEN_DELAY_MS"), QString::number(c.delayMs));
        QDir().mkpath(folder + QStringLiteral("/state"));
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(self,
                    {QStringLiteral("--parallel-case"), QStringLiteral("--root"), folder, QStringLiteral("--module"),
                     c.module, QStringLiteral("--cli"), cli, QStringLiteral("--profile"), c.profile,
                     QStringLiteral("--tokens"), QString::number(c.tokens), QStringLiteral("--workers"),
                     QString::number(c.workers), QStringLiteral("--rounds"), QString::number(c.rounds)});
        child.waitForFinished(-1);
        const QStringList figures = QString::fromLatin1(child.readAllStandardOutput()).split(QLatin1Char(' '));
        if (child.exitCode() != 0 || figures.size() != 4) {
            std::fprintf(stderr, "the case %s failed\n", c.name);
            return 1;
        }
        const double one = figures[0].toDouble(), many = figures[1].toDouble();
        const double oneCores = figures[2].toDouble() / one, manyCores = figures[3].toDouble() / many;
        std::printf("| %d, %s | %.1f s (%.2f cores busy) | %.1f s (%d workers, %.2f cores busy) | **%.2fx** |\n",
                    c.tokens, c.name, one / 1000, oneCores, many / 1000, c.workers, manyCores, one / many);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.contains(QStringLiteral("--parallel-case")))
        return parallelCase(arguments);
    QTemporaryDir dir;
    if (!arguments.contains(QStringLiteral("--skip-wave"))) {
        const int officers = argumentAfter(arguments, QStringLiteral("--officers"), QStringLiteral("731")).toInt();
        const int organizations =
            argumentAfter(arguments, QStringLiteral("--organizations"), QStringLiteral("200")).toInt();
        if (int failed = wave(dir.path(), officers, organizations); failed != 0)
            return failed;
    }
    if (!arguments.contains(QStringLiteral("--skip-parallel"))) {
        // Enough tokens that the workers' start (sign-in, desk key) and RSA's uneven key times even out.
        const int tokens = argumentAfter(arguments, QStringLiteral("--tokens"), QStringLiteral("128")).toInt();
        const int delayedTokens =
            argumentAfter(arguments, QStringLiteral("--delayed-tokens"), QStringLiteral("16")).toInt();
        const int delayMs = argumentAfter(arguments, QStringLiteral("--delay-ms"), QStringLiteral("2000")).toInt();
        return parallel(dir.path(), application.applicationFilePath(), tokens, delayedTokens, delayMs);
    }
    return 0;
}
