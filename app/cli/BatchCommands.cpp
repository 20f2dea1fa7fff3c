#include "BatchCommands.h"

#include "Output.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/Batches.h"
#include "tamga/core/Database.h"
#include "tamga/core/SealedSecrets.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <iostream>

namespace tamga::cli {

namespace {

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

int run(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    auto batch = core::Batches(database).find(id);
    if (!batch)
        return fail(batch.error());
    const bool prepared = batch->mode == core::BatchMode::Prepared;
    if (prepared && line.value("pin-file"))
        return usageError("a prepared batch makes each token's initial PIN itself: no --pin-file");
    int status = ExitOk;
    core::Password password;
    auto by = signIn(line, database, "password-file", status, &password);
    if (!by)
        return status;
    // A supervisor's sign-in unlocks the desk key: random SO PINs (and a prepared token's initial PIN) sealed.
    std::optional<core::DeskKey> deskKey;
    if (by->role == core::Role::Supervisor) {
        auto unlocked = core::SealedSecrets(database).unlock(by->name, password);
        if (!unlocked)
            return fail(unlocked.error());
        deskKey = std::move(*unlocked);
    }
    password.clear();
    std::string error;
    std::optional<Pin> soPin;
    if (!deskKey) {
        soPin = secretFromFileOrPrompt(line.value("so-pin-file"), "The RA's SO PIN for new tokens", error);
        if (!soPin)
            return usageError(error);
    }
    std::optional<Pin> userPin;
    if (!prepared) {
        userPin = secretFromFileOrPrompt(line.value("pin-file"), "The officer's PIN", error);
        if (!userPin)
            return usageError(error);
    }
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules)
        return fail(modules.error());
    core::CaConnectors connectors(database, QFileInfo(q(options.databasePath)).absolutePath());
    core::BatchRunner runner(database, connectors, *modules);
    auto outcome =
        runner.runOnce(*by, id, userPin ? &*userPin : nullptr, deskKey ? &*deskKey : nullptr, soPin ? &*soPin : nullptr,
                       [](core::EnrollmentState, const QString& message) { std::cerr << "  " << s(message) << '\n'; });
    if (!outcome)
        return fail(outcome.error());
    for (const QString& text : outcome->lines)
        std::cout << s(text) << '\n';
    std::cout << outcome->done << " done, " << outcome->failed << " stopped (resumable), " << outcome->waiting
              << " officer(s) waiting for a token\n";
    return outcome->failed > 0 ? ExitFailed : ExitOk;
}

} // namespace

bool isBatchSessionCommand(const CommandLine& line)
{
    const auto& words = line.words();
    return words.size() >= 2 && words[0] == "batch" &&
           (words[1] == "create" || words[1] == "run" || words[1] == "list" || words[1] == "show");
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
    bool ok = false;
    const qint64 id = q(words.at(2)).toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError("a batch is named by its number, not \"" + words.at(2) + "\"");
    if (words[1] == "show")
        return show(id, **database, options);
    return run(id, line, **database, options);
}

} // namespace tamga::cli
