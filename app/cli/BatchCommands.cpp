#include "BatchCommands.h"

#include "Output.h"
#include "ReportRenderer.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/BatchExchange.h"
#include "tamga/core/Batches.h"
#include "tamga/core/Database.h"
#include "tamga/core/Reports.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/Settings.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <iostream>

namespace tamga::cli {

namespace {

static_assert(core::kWorkerAllDone == ExitOk && core::kWorkerSomeStopped == ExitFailed,
              "a parallel run's parent reads its workers' exit statuses");

QJsonObject summaryJson(const core::BatchSummary& b)
{
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("name"), b.name},
            {QStringLiteral("profile"), b.profileName},
            {QStringLiteral("ca"), b.caName},
            {QStringLiteral("mode"), core::batchModeName(b.mode)},
            {QStringLiteral("created_at"), b.createdAt},
            {QStringLiteral("officers"), b.members},
            {QStringLiteral("started"), b.started},
            {QStringLiteral("verified"), b.verified},
            {QStringLiteral("handed_over"), b.handedOver}};
}

int create(const CommandLine& line, const core::Database& database)
{
    std::vector<qint64> organizations;
    for (const std::string& text : line.values("org")) {
        bool ok = false;
        const qint64 id = q(text).toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError("--org takes an organization's number, not \"" + text + "\"");
        organizations.push_back(id);
    }
    const QString officers = q(line.value("officers").value_or(""));
    if (organizations.empty() && officers.isEmpty())
        return usageError("say whose batch it is: --org ID (repeatable) and/or --officers FILE.csv");
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto id = core::Batches(database).create(
        *by, q(*line.value("name")), organizations, officers, q(*line.value("profile")), q(*line.value("ca")),
        line.flag("prepared") ? core::BatchMode::Prepared : core::BatchMode::InPerson);
    if (!id)
        return fail(id.error());
    std::cout << *id << '\n';
    return ExitOk;
}

int list(const core::Database& database, const GlobalOptions& options)
{
    auto batches = core::Batches(database).list();
    if (!batches)
        return fail(batches.error());
    if (options.json) {
        QJsonArray array;
        for (const auto& b : *batches)
            array.append(summaryJson(b));
        printJson(array);
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& b : *batches)
        rows.push_back({std::to_string(b.id), s(b.name), s(core::batchModeName(b.mode)), s(b.profileName), s(b.caName),
                        std::to_string(b.members), std::to_string(b.started), std::to_string(b.verified),
                        std::to_string(b.handedOver)});
    printTable({"ID", "NAME", "MODE", "PROFILE", "CA", "OFFICERS", "STARTED", "VERIFIED", "HANDED OVER"}, rows);
    return ExitOk;
}

int show(qint64 id, const core::Database& database, const GlobalOptions& options)
{
    auto batch = core::Batches(database).find(id);
    if (!batch)
        return fail(batch.error());
    auto members = core::Batches(database).members(id);
    if (!members)
        return fail(members.error());
    if (options.json) {
        QJsonObject object = summaryJson(*batch);
        QJsonArray array;
        for (const auto& m : *members) {
            QJsonObject member{{QStringLiteral("position"), m.position},
                               {QStringLiteral("officer_id"), m.officerId},
                               {QStringLiteral("officer"), m.officerName},
                               {QStringLiteral("organization"), m.organizationName},
                               {QStringLiteral("civil_id"), m.civilId}};
            if (m.enrollment) {
                member.insert(QStringLiteral("enrollment_id"), m.enrollment->id);
                member.insert(QStringLiteral("state"), core::stateName(m.enrollment->state));
                member.insert(QStringLiteral("token"), m.enrollment->tokenSerial);
            }
            array.append(member);
        }
        object.insert(QStringLiteral("members"), array);
        printJson(object);
        return ExitOk;
    }
    std::cout << "batch " << batch->id << "  " << s(batch->name) << "  (" << s(core::batchModeName(batch->mode))
              << ", profile " << s(batch->profileName) << ", CA " << s(batch->caName) << ")\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : *members)
        rows.push_back({std::to_string(m.position), s(m.officerName), s(m.organizationName), s(m.civilId),
                        m.enrollment ? std::to_string(m.enrollment->id) : std::string("-"),
                        m.enrollment ? s(core::stateName(m.enrollment->state)) : std::string("waiting for a token"),
                        m.enrollment ? s(m.enrollment->tokenSerial) : std::string()});
    printTable({"#", "OFFICER", "ORGANIZATION", "CIVIL ID", "ENROLLMENT", "STATE", "TOKEN"}, rows);
    return ExitOk;
}

// What a batch run or write-back signs in with: the operator, a supervisor's unlocked desk key, and the PINs the
// batch's mode needs. `password` is kept for the workers of a parallel run.
struct RunSecrets {
    core::Operator by;
    core::Password password;
    std::optional<core::DeskKey> deskKey;
    std::optional<Pin> soPin;
    std::optional<Pin> userPin;
};

std::optional<RunSecrets> runSecrets(const CommandLine& line, const core::Database& database,
                                     const core::BatchSummary& batch, bool newTokens, int& status)
{
    const bool prepared = batch.mode == core::BatchMode::Prepared;
    if (prepared && line.value("pin-file")) {
        status = usageError("a prepared batch makes each token's initial PIN itself: no --pin-file");
        return std::nullopt;
    }
    RunSecrets secrets;
    auto by = signIn(line, database, "password-file", status, &secrets.password);
    if (!by)
        return std::nullopt;
    secrets.by = *by;
    // A supervisor's sign-in unlocks the desk key: random SO PINs (and a prepared token's initial PIN) sealed.
    if (by->role == core::Role::Supervisor) {
        auto unlocked = core::SealedSecrets(database).unlock(by->name, secrets.password);
        if (!unlocked) {
            status = fail(unlocked.error());
            return std::nullopt;
        }
        secrets.deskKey = std::move(*unlocked);
    }
    std::string error;
    // A clerk's run seals each new token's random SO PIN to the desk's public sealing key once a supervisor has
    // unlocked the desk key; until then the RA's SO PIN is asked for.
    bool deskSeals = secrets.deskKey.has_value();
    if (!deskSeals && newTokens) {
        auto sealing = core::SealedSecrets(database).sealingKey();
        if (!sealing) {
            status = fail(sealing.error());
            return std::nullopt;
        }
        deskSeals = sealing->has_value();
    }
    if (!deskSeals && newTokens) {
        secrets.soPin = secretFromFileOrPrompt(line.value("so-pin-file"), "The RA's SO PIN for new tokens", error);
        if (!secrets.soPin) {
            status = usageError(error);
            return std::nullopt;
        }
    }
    if (!prepared) {
        secrets.userPin = secretFromFileOrPrompt(line.value("pin-file"), "The officer's PIN", error);
        if (!secrets.userPin) {
            status = usageError(error);
            return std::nullopt;
        }
    }
    return secrets;
}

void printOutcome(const core::BatchRunner::Outcome& outcome)
{
    for (const QString& text : outcome.lines)
        std::cout << s(text) << '\n';
    std::cout << outcome.done << " done, " << outcome.failed << " stopped (resumable), " << outcome.waiting
              << " officer(s) waiting for a token\n";
}

// A parallel run's worker tells its parent each step as "<state name>\t<message>" (BatchRunner::runInParallel).
void progressToParent(core::EnrollmentState state, const QString& message)
{
    std::cerr << s(core::stateName(state)) << '\t' << s(message) << std::endl;
}

int run(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    auto batch = core::Batches(database).find(id);
    if (!batch)
        return fail(batch.error());
    int parallel = 1;
    if (auto text = line.value("parallel")) {
        bool ok = false;
        parallel = q(*text).toInt(&ok);
        if (!ok || parallel < 1 || parallel > core::kMostParallelTokens)
            return usageError("--parallel is a number of tokens from 1 to " +
                              std::to_string(core::kMostParallelTokens));
    }
    const bool worker = line.flag("worker");
    int status = ExitOk;
    auto secrets = runSecrets(line, database, *batch, !worker, status);
    if (!secrets)
        return status;
    if (parallel == 1 && !worker)
        secrets->password.clear();
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules)
        return fail(modules.error());
    core::CaConnectors connectors(database, core::Database::localFolderOf(q(options.databasePath)));
    core::BatchRunner runner(database, connectors, *modules);
    const Pin* userPin = secrets->userPin ? &*secrets->userPin : nullptr;
    const core::DeskKey* deskKey = secrets->deskKey ? &*secrets->deskKey : nullptr;

    if (worker) {
        // A parallel run's worker (BatchRunner::runInParallel): it asks for an enrollment, works it on its token,
        // and asks again until its input ends; the parent reports.
        bool anyStopped = false;
        for (;;) {
            std::cerr << core::kWorkerReadyLine << std::endl;
            std::string task;
            if (!std::getline(std::cin, task))
                break;
            bool ok = false;
            const qint64 enrollment = q(task).toLongLong(&ok);
            if (!ok || enrollment <= 0)
                return usageError("a worker's task is an enrollment number");
            auto outcome = runner.work(secrets->by, id, {enrollment}, userPin, deskKey, progressToParent);
            if (!outcome)
                return fail(outcome.error());
            anyStopped = anyStopped || outcome->failed > 0;
        }
        return anyStopped ? ExitFailed : ExitOk;
    }
    const Pin* soPin = secrets->soPin ? &*secrets->soPin : nullptr;
    if (parallel == 1) {
        auto outcome = runner.runOnce(secrets->by, id, userPin, deskKey, soPin, progressToStderr);
        if (!outcome)
            return fail(outcome.error());
        printOutcome(*outcome);
        return outcome->failed > 0 ? ExitFailed : ExitOk;
    }
    // Tokens side by side: the new ones initialized here one after another, then the slow work shared among
    // worker processes (copies of this program), one per token.
    const core::WorkerLaunch launch{QStringLiteral("/proc/self/exe"), q(options.databasePath), options.modulePaths};
    auto outcome = runner.runInParallel(launch, secrets->by, secrets->password, id, parallel, userPin, deskKey, soPin,
                                        progressToStderr);
    secrets->password.clear();
    if (!outcome)
        return fail(outcome.error());
    printOutcome(*outcome);
    if (!outcome->unfinished.isEmpty())
        std::cerr << "error: " << s(outcome->unfinished) << "; its officers are resumable with batch run " << id
                  << '\n';
    return outcome->failed > 0 || !outcome->unfinished.isEmpty() ? ExitFailed : ExitOk;
}

int writeBack(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    auto batch = core::Batches(database).find(id);
    if (!batch)
        return fail(batch.error());
    int status = ExitOk;
    auto secrets = runSecrets(line, database, *batch, false, status);
    if (!secrets)
        return status;
    secrets->password.clear();
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules)
        return fail(modules.error());
    core::CaConnectors connectors(database, core::Database::localFolderOf(q(options.databasePath)));
    auto outcome = core::BatchRunner(database, connectors, *modules)
                       .writeBack(secrets->by, id, secrets->userPin ? &*secrets->userPin : nullptr,
                                  secrets->deskKey ? &*secrets->deskKey : nullptr, progressToStderr);
    if (!outcome)
        return fail(outcome.error());
    printOutcome(*outcome);
    return outcome->failed > 0 ? ExitFailed : ExitOk;
}

int exportBundle(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    const QString folder = QFileInfo(q(*line.value("out"))).absoluteFilePath();
    core::CaConnectors connectors(database, core::Database::localFolderOf(q(options.databasePath)));
    // Signed by the desk's own token when asked: its enrollment and its PIN.
    std::optional<Pin> signingPin;
    std::optional<core::ManifestSigner> signer;
    core::TokenModules modules;
    auto signWith = idValue(line, "sign-with", status);
    if (status != ExitOk)
        return status;
    if (!signWith) {
        // The desk's setting names its own certificate for bundles: every export is signed with it.
        auto configured = core::Settings(database).manifestSigner();
        if (!configured)
            return fail(configured.error());
        signWith = *configured;
    }
    if (signWith) {
        std::string error;
        signingPin = secretFromFileOrPrompt(line.value("sign-pin-file"), "The desk token's PIN", error);
        if (!signingPin)
            return usageError(error);
        auto loaded = core::TokenModules::load(options.modulePaths);
        if (!loaded)
            return fail(loaded.error());
        modules = *loaded;
        signer = core::ManifestSigner{*signWith, &*signingPin};
    }
    auto bundle =
        core::BatchExchange(database, connectors, modules).exportSealed(*by, id, folder, signer ? &*signer : nullptr);
    if (!bundle)
        return fail(bundle.error());
    // The cover sheet: what goes to the CA, and the manifest's SHA-256 that a person compares by eye.
    auto batch = core::Batches(database).find(id);
    const core::Report cover =
        core::Reports::bundleCover(*bundle, id, batch ? batch->name : QString::number(id), by->name);
    if (const QString error = ui::writeReportPdf(cover, folder + QStringLiteral("/cover.pdf")); !error.isEmpty())
        return fail(error);
    std::cout << bundle->entries.size() << " request(s) sealed in " << s(folder) << "\nmanifest SHA-256 "
              << s(bundle->manifestSha256) << '\n';
    if (!bundle->signerFingerprint.isEmpty())
        std::cout << "signed by the desk certificate SHA-256 " << s(bundle->signerFingerprint) << '\n';
    return ExitOk;
}

int importAnswer(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    core::CaConnectors connectors(database, core::Database::localFolderOf(q(options.databasePath)));
    auto report = core::BatchExchange(database, connectors)
                      .importAnswer(*by, id, QFileInfo(q(*line.value("in"))).absoluteFilePath());
    if (!report)
        return fail(report.error());
    if (options.json) {
        auto array = [](const QStringList& lines) { return QJsonArray::fromStringList(lines); };
        printJson(QJsonObject{{QStringLiteral("matched"), array(report->matched)},
                              {QStringLiteral("refused"), array(report->refused)},
                              {QStringLiteral("missing"), array(report->missing)},
                              {QStringLiteral("extra"), array(report->extra)}});
    } else {
        for (const auto& [title, lines] :
             {std::pair{"matched", &report->matched}, std::pair{"refused", &report->refused},
              std::pair{"missing", &report->missing}, std::pair{"extra", &report->extra}}) {
            std::cout << title << " (" << lines->size() << ")\n";
            for (const QString& text : *lines)
                std::cout << "  " << s(text) << '\n';
        }
    }
    return report->refused.isEmpty() ? ExitOk : ExitFailed;
}

// An officer's token lost before the CA had its request: the officer waits in the batch for a new token.
int tokenLost(qint64 id, const CommandLine& line, const core::Database& database)
{
    bool ok = false;
    const qint64 officer = q(line.value("officer").value_or(std::string())).toLongLong(&ok);
    if (!ok || officer <= 0)
        return usageError("--officer is an officer's number");
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    if (auto released = core::Batches(database).tokenLost(*by, id, officer, q(line.value("reason").value_or("")));
        !released)
        return fail(released.error());
    std::cout << "officer " << officer << " waits for a new token in batch " << id
              << "; the token is marked lost in the stock\n";
    return ExitOk;
}

} // namespace

bool isBatchSessionCommand(const CommandLine& line)
{
    const auto& words = line.words();
    return words.size() >= 2 && words[0] == "batch" &&
           (words[1] == "create" || words[1] == "run" || words[1] == "list" || words[1] == "show" ||
            words[1] == "write-back" || words[1] == "token-lost" ||
            ((words[1] == "export" || words[1] == "import") && line.value("batch")));
}

int runBatchSessionCommand(const CommandLine& line, const GlobalOptions& options)
{
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error());
    const auto& words = line.words();
    if (words[1] == "create")
        return create(line, **database);
    if (words[1] == "list")
        return list(**database, options);
    const std::string idText = line.value("batch").value_or(words.size() > 2 ? words[2] : std::string());
    bool ok = false;
    const qint64 id = q(idText).toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError("a batch is named by its number, not \"" + idText + "\"");
    if (words[1] == "export")
        return exportBundle(id, line, **database, options);
    if (words[1] == "import")
        return importAnswer(id, line, **database, options);
    if (words[1] == "show")
        return show(id, **database, options);
    if (words[1] == "write-back")
        return writeBack(id, line, **database, options);
    if (words[1] == "token-lost")
        return tokenLost(id, line, **database);
    return run(id, line, **database, options);
}

} // namespace tamga::cli
