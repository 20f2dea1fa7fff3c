#include "BatchCommands.h"

#include "Output.h"
#include "ReportRenderer.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/BatchExchange.h"
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

int exportBundle(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    const QString folder = QFileInfo(q(*line.value("out"))).absoluteFilePath();
    core::CaConnectors connectors(database, QFileInfo(q(options.databasePath)).absolutePath());
    auto bundle = core::BatchExchange(database, connectors).exportSealed(*by, id, folder);
    if (!bundle)
        return fail(bundle.error());
    // The cover sheet: what goes to the CA, and the manifest's SHA-256 that a person compares by eye.
    auto batch = core::Batches(database).find(id);
    core::Report cover;
    cover.title = QStringLiteral("Sealed bundle for the CA: %1").arg(batch ? batch->name : QString::number(id));
    cover.subtitle = QStringLiteral("Batch #%1, %2 request(s), sealed by %3. Manifest SHA-256: %4")
                         .arg(id)
                         .arg(bundle->entries.size())
                         .arg(by->name, bundle->manifestSha256);
    core::ReportTable requests{QStringLiteral("Requests"),
                               {QStringLiteral("Enrollment"), QStringLiteral("Officer"), QStringLiteral("Organization"),
                                QStringLiteral("Token"), QStringLiteral("Profile"), QStringLiteral("Request SHA-256")},
                               {}};
    for (const auto& e : bundle->entries)
        requests.rows.push_back({QStringLiteral("#%1").arg(e.enrollmentId), e.officer, e.organization, e.tokenSerial,
                                 e.profile, e.requestSha256.left(16) + QStringLiteral("…")});
    cover.tables.push_back(requests);
    cover.tables.push_back({QStringLiteral("Handed over"),
                            {QStringLiteral("Given by (RA), signature"), QStringLiteral("Received by (CA), signature"),
                             QStringLiteral("Date")},
                            {{QString(), QString(), QString()}}});
    if (const QString error = ui::writeReportPdf(cover, folder + QStringLiteral("/cover.pdf")); !error.isEmpty())
        return fail(error);
    std::cout << bundle->entries.size() << " request(s) sealed in " << s(folder) << "\nmanifest SHA-256 "
              << s(bundle->manifestSha256) << '\n';
    return ExitOk;
}

int importAnswer(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    core::CaConnectors connectors(database, QFileInfo(q(options.databasePath)).absolutePath());
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

} // namespace

bool isBatchSessionCommand(const CommandLine& line)
{
    const auto& words = line.words();
    return words.size() >= 2 && words[0] == "batch" &&
           (words[1] == "create" || words[1] == "run" || words[1] == "list" || words[1] == "show" ||
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
    return run(id, line, **database, options);
}

} // namespace tamga::cli
