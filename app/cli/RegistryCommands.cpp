#include "RegistryCommands.h"

#include "Output.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <iostream>

namespace tamga::cli {

namespace {

using core::CoreError;
using core::Database;

QJsonObject officerJson(const core::Officer& o)
{
    return {{QStringLiteral("id"), o.id},
            {QStringLiteral("organization_id"), o.fields.organizationId},
            {QStringLiteral("organization"), o.organizationName},
            {QStringLiteral("surname"), o.fields.surname},
            {QStringLiteral("given_name"), o.fields.givenName},
            {QStringLiteral("civil_id"), o.fields.civilId},
            {QStringLiteral("position"), o.fields.position},
            {QStringLiteral("department"), o.fields.department},
            {QStringLiteral("email"), o.fields.email},
            {QStringLiteral("phone"), o.fields.phone}};
}

QJsonObject eventJson(const core::AuditEvent& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), e.at},
            {QStringLiteral("operator"), e.operatorName},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("object_type"), e.objectType},
            {QStringLiteral("object_id"), e.objectId},
            {QStringLiteral("outcome"), e.outcome},
            {QStringLiteral("details"), QJsonDocument::fromJson(e.details.toUtf8()).object()},
            {QStringLiteral("hash"), e.hash}};
}

int orgCommand(const std::string& action, const CommandLine& line, const Database& database,
               const GlobalOptions& options)
{
    core::Registry registry(database);
    int status = ExitOk;
    if (action == "list") {
        auto organizations = registry.organizations();
        if (!organizations)
            return fail(organizations.error());
        if (options.json) {
            QJsonArray array;
            for (const auto& o : *organizations) {
                QJsonObject object{{QStringLiteral("id"), o.id},
                                   {QStringLiteral("name"), o.name},
                                   {QStringLiteral("register_no"), o.registerNo}};
                if (o.parentId)
                    object.insert(QStringLiteral("parent_id"), *o.parentId);
                array.append(object);
            }
            printJson(array);
            return ExitOk;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& o : *organizations)
            rows.push_back({std::to_string(o.id), s(o.name), s(o.registerNo),
                            o.parentId ? std::to_string(*o.parentId) : std::string()});
        printTable({"ID", "NAME", "REGISTER NO", "PARENT"}, rows);
        return ExitOk;
    }
    if (action != "add")
        return usageError("unknown org command \"" + action + "\"");
    const auto name = line.value("name"); // required by the command line's model (Commands.cpp)
    auto parent = idValue(line, "parent", status);
    if (status != ExitOk)
        return status;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto id = registry.addOrganization(*by, q(*name), q(line.value("register-no").value_or("")), parent);
    if (!id)
        return fail(id.error());
    std::cout << *id << '\n';
    return ExitOk;
}

int applicantCommand(const std::string& action, const CommandLine& line, const Database& database,
                     const GlobalOptions& options)
{
    core::Registry registry(database);
    int status = ExitOk;
    if (action == "list") {
        auto organization = idValue(line, "org", status);
        if (status != ExitOk)
            return status;
        auto officers = registry.officers(organization, q(line.value("search").value_or("")), 100000);
        if (!officers)
            return fail(officers.error());
        if (options.json) {
            QJsonArray array;
            for (const auto& o : *officers)
                array.append(officerJson(o));
            printJson(array);
            return ExitOk;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& o : *officers)
            rows.push_back({std::to_string(o.id), s(o.fields.surname), s(o.fields.givenName), s(o.fields.civilId),
                            s(o.fields.position), s(o.organizationName)});
        printTable({"ID", "SURNAME", "GIVEN NAME", "CIVIL ID", "POSITION", "ORGANIZATION"}, rows);
        return ExitOk;
    }
    if (action == "show") {
        const auto& words = line.words();
        bool ok = false;
        const qint64 id = words.size() == 3 ? q(words[2]).toLongLong(&ok) : 0;
        if (!ok)
            return usageError("applicant show takes the officer's number: applicant show ID");
        auto officer = registry.officer(id);
        if (!officer)
            return fail(officer.error());
        if (options.json) {
            printJson(officerJson(*officer));
            return ExitOk;
        }
        const auto& f = officer->fields;
        std::cout << "Officer       #" << officer->id << '\n'
                  << "Surname       " << s(f.surname) << '\n'
                  << "Given name    " << s(f.givenName) << '\n'
                  << "Civil ID      " << s(f.civilId) << '\n'
                  << "Position      " << s(f.position) << '\n'
                  << "Department    " << s(f.department) << '\n'
                  << "Organization  " << s(officer->organizationName) << " (#" << f.organizationId << ")\n"
                  << "E-mail        " << s(f.email) << '\n'
                  << "Phone         " << s(f.phone) << '\n';
        return ExitOk;
    }
    if (action == "import") {
        const auto& words = line.words();
        if (words.size() != 3)
            return usageError("applicant import takes one file: applicant import FILE.csv");
        auto by = signIn(line, database, "password-file", status);
        if (!by)
            return status;
        auto report = core::importOfficers(database, *by, q(words[2]));
        if (!report)
            return fail(report.error());
        if (!report->problems.empty()) {
            for (const auto& p : report->problems) {
                std::cerr << words[2] << ":" << p.line << ": " << (p.column.isEmpty() ? "" : s(p.column) + ": ")
                          << s(p.reason) << '\n';
            }
            return cli::fail(std::to_string(report->problems.size()) +
                             (report->problems.size() == 1 ? " problem" : " problems") + " in " + words[2] +
                             "; nothing was imported");
        }
        if (report->changedNothing()) {
            std::cout << "Nothing changed: all " << report->rows << " rows of " << words[2]
                      << " are already in the registry.\n";
        } else {
            std::cout << "Imported " << words[2] << ": " << report->rows << " rows; " << report->added << " added, "
                      << report->updated << " updated, " << report->unchanged << " unchanged; "
                      << report->organizationsAdded << " organizations added.\n";
        }
        return ExitOk;
    }
    if (action != "add")
        return usageError("unknown applicant command \"" + action + "\"");
    auto organization = idValue(line, "org", status);
    if (status != ExitOk)
        return status;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    core::OfficerFields fields{*organization,
                               q(*line.value("surname")),
                               q(*line.value("given-name")),
                               q(*line.value("civil-id")),
                               q(*line.value("position")),
                               q(line.value("department").value_or("")),
                               q(line.value("email").value_or("")),
                               q(line.value("phone").value_or(""))};
    auto id = registry.addOfficer(*by, fields);
    if (!id)
        return fail(id.error());
    std::cout << *id << '\n';
    return ExitOk;
}

int operatorCommand(const std::string& action, const CommandLine& line, const Database& database)
{
    if (action != "add")
        return usageError("unknown operator command \"" + action + "\"");
    // --name and --role (clerk or supervisor) are required by the command line's model (Commands.cpp).
    const auto name = line.value("name");
    const auto role = core::parseRole(q(line.value("role").value_or("")));
    if (!name || !role)
        return usageError("--name and --role clerk|supervisor are required");
    core::Operators operators(database);
    auto exist = operators.anyExist();
    if (!exist)
        return fail(exist.error());
    int status = ExitOk;
    std::optional<core::Operator> by;
    if (*exist) {
        by = signIn(line, database, "operator-password-file", status);
        if (!by)
            return status;
    }
    std::string error;
    auto password =
        secretFromFileOrPrompt(line.value("password-file"), "Password for the new operator " + *name, error);
    if (!password)
        return usageError(error);
    auto added = operators.add(by, q(*name), *role, *password);
    if (!added)
        return fail(added.error());
    std::cout << added->id << '\n';
    return ExitOk;
}

int auditCommand(const std::string& action, const CommandLine& line, const Database& database,
                 const GlobalOptions& options)
{
    core::AuditLog audit(database);
    if (action == "list") {
        int limit = 50;
        if (auto text = line.value("limit")) {
            bool ok = false;
            limit = q(*text).toInt(&ok);
            if (!ok || limit <= 0)
                return usageError("--limit must be a positive number");
        }
        auto events = audit.list(limit);
        if (!events)
            return fail(events.error());
        if (options.json) {
            QJsonArray array;
            for (const auto& e : *events)
                array.append(eventJson(e));
            printJson(array);
            return ExitOk;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& e : *events)
            rows.push_back({std::to_string(e.id), s(e.at), s(e.operatorName), s(e.action),
                            s(e.objectType + QLatin1Char(' ') + e.objectId), s(e.outcome), s(e.details)});
        printTable({"ID", "TIME (UTC)", "OPERATOR", "ACTION", "OBJECT", "OUTCOME", "DETAILS"}, rows);
        return ExitOk;
    }
    if (action == "verify") {
        auto verification = audit.verify();
        if (!verification)
            return fail(verification.error());
        if (!verification->intact) {
            std::cerr << "error: the audit log was tampered with: " << s(verification->problem) << '\n';
            return ExitIntegrity;
        }
        // A head witnessed earlier (printed on a receipt, written down by a supervisor) must still be in the chain:
        // a log rewritten from the start with the key file at hand would have lost it.
        std::optional<qint64> witnessed;
        if (const auto witness = line.value("witness")) {
            auto found = audit.findWitness(q(*witness));
            if (!found)
                return fail(found.error());
            if (!*found) {
                std::cerr << "error: the audit log was tampered with: the witnessed head " << *witness
                          << " is not in the chain\n";
                return ExitIntegrity;
            }
            witnessed = **found;
        }
        if (options.json) {
            QJsonObject result{{QStringLiteral("intact"), true},
                               {QStringLiteral("events"), verification->eventsChecked},
                               {QStringLiteral("head"), verification->headHash}};
            if (witnessed)
                result.insert(QStringLiteral("witnessedEvent"), *witnessed);
            printJson(result);
        } else {
            std::cout << "The audit log is intact: " << verification->eventsChecked << " events, chain head "
                      << s(verification->headHash) << '\n';
            if (witnessed)
                std::cout << "The witnessed head is event #" << *witnessed << ", still in the chain.\n";
        }
        return ExitOk;
    }
    if (action == "export") {
        auto exported = audit.exportCsv(q(line.value("out").value_or("")));
        if (!exported)
            return fail(exported.error());
        return ExitOk;
    }
    return usageError("unknown audit command \"" + action + "\"");
}

int configCommand(const std::string& action, const CommandLine& line, const Database& database)
{
    core::Settings settings(database);
    const auto& words = line.words();
    if (action == "get" && words.size() == 3) {
        auto value = settings.value(q(words[2]));
        if (!value)
            return fail(value.error());
        if (!*value)
            return cli::fail("the setting " + words[2] + " is not set");
        std::cout << s(**value) << '\n';
        return ExitOk;
    }
    if (action == "set" && words.size() == 4) {
        int status = ExitOk;
        auto by = signIn(line, database, "password-file", status);
        if (!by)
            return status;
        auto stored = settings.setValue(*by, q(words[2]), q(words[3]));
        return stored ? ExitOk : fail(stored.error());
    }
    return usageError("config get KEY, or config set KEY VALUE");
}

} // namespace

bool isRegistryCommand(const std::string& word)
{
    return word == "org" || word == "applicant" || word == "operator" || word == "audit" || word == "config";
}

int runRegistryCommand(const CommandLine& line, const GlobalOptions& options)
{
    const auto& words = line.words();
    if (words.size() < 2)
        return usageError("which " + words[0] + " command?");
    // Only the first supervisor's "operator add" may create the desk's database; everything else needs it to
    // exist (a typo in --db must not quietly start an empty desk).
    const std::string& action = words[1];
    const QString path = q(options.databasePath);
    const bool bootstrap = words[0] == "operator" && action == "add" && !QFileInfo::exists(path);
    auto database = bootstrap ? Database::open(path) : Database::openExisting(path);
    if (!database)
        return fail(database.error());
    if (bootstrap)
        std::cerr << "created a new desk database at " << s(path) << '\n';
    if (words[0] == "org")
        return orgCommand(action, line, **database, options);
    if (words[0] == "applicant")
        return applicantCommand(action, line, **database, options);
    if (words[0] == "operator")
        return operatorCommand(action, line, **database);
    if (words[0] == "config")
        return configCommand(action, line, **database);
    return auditCommand(action, line, **database, options);
}

} // namespace tamga::cli
