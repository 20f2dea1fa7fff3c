#include "RenewalCommands.h"

#include "Output.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Renewals.h"
#include "tamga/core/Tokens.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <iostream>
#include <map>

namespace tamga::cli {

namespace {

QJsonObject renewalJson(const core::Renewal& r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("old_enrollment_id"), r.oldEnrollmentId},
            {QStringLiteral("new_enrollment_id"), r.newEnrollmentId},
            {QStringLiteral("state"), r.completed ? QStringLiteral("completed") : QStringLiteral("started")},
            {QStringLiteral("revoke_old"), r.revokeOld},
            {QStringLiteral("started_by"), r.startedBy},
            {QStringLiteral("started_at"), r.startedAt},
            {QStringLiteral("old_key"), r.oldKeyRetired},
            {QStringLiteral("revocation_id"), r.revocationId},
            {QStringLiteral("completed_at"), r.completedAt}};
}

void printRenewal(const core::Renewal& r)
{
    std::cout << "renewal " << r.id << ": enrollment " << r.oldEnrollmentId << " renewed by enrollment "
              << r.newEnrollmentId << ", " << (r.completed ? "completed" : "started") << '\n';
    if (!r.oldKeyRetired.isEmpty())
        std::cout << "old key: " << s(r.oldKeyRetired) << '\n';
    if (r.revocationId)
        std::cout << "the old certificate's revocation: application " << r.revocationId
                  << " (a second supervisor approves it)\n";
}

// Per organization, soonest first within each.
int due(const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    const core::Renewals renewals(database);
    int days = 0;
    if (auto text = line.value("days")) {
        bool ok = false;
        days = q(*text).toInt(&ok);
        if (!ok || days < 1 || days > 365)
            return usageError("--days is a number of days, 1 to 365");
    } else {
        auto window = renewals.windowDays();
        if (!window)
            return fail(window.error());
        days = *window;
    }
    auto all = renewals.due(days);
    if (!all)
        return fail(all.error());
    if (options.json) {
        QJsonArray array;
        for (const core::RenewalDue& d : *all)
            array.append(QJsonObject{{QStringLiteral("enrollment_id"), d.enrollmentId},
                                     {QStringLiteral("officer"), d.officerName},
                                     {QStringLiteral("organization"), d.organization},
                                     {QStringLiteral("token"), d.tokenSerial},
                                     {QStringLiteral("certificate_serial"), d.certificateSerial},
                                     {QStringLiteral("not_after"), d.notAfter},
                                     {QStringLiteral("days_left"), d.daysLeft},
                                     {QStringLiteral("renewal_id"), d.renewalId}});
        printJson(array);
        return ExitOk;
    }
    std::map<QString, std::vector<const core::RenewalDue*>> byOrganization;
    for (const core::RenewalDue& d : *all)
        byOrganization[d.organization].push_back(&d);
    std::cout << all->size() << " certificate(s) expire within " << days << " days\n";
    for (const auto& [organization, list] : byOrganization) {
        std::cout << '\n' << s(organization) << '\n';
        for (const core::RenewalDue* d : list) {
            std::cout << "  enrollment " << d->enrollmentId << "  " << s(d->officerName) << "  token "
                      << s(d->tokenSerial) << "  expires " << s(d->notAfter.left(10)) << " (" << d->daysLeft
                      << " days)";
            if (d->renewalId)
                std::cout << "  renewal " << d->renewalId << " under way";
            std::cout << '\n';
        }
    }
    return ExitOk;
}

// Starts the renewal and runs its new enrollment; completes it once the new certificate is verified.
int renew(const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    const auto enrollment = idValue(line, "enrollment", status);
    if (status != ExitOk || !enrollment)
        return status != ExitOk ? status : usageError("renew needs --enrollment ID");
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    std::string error;
    auto pin = secretFromFileOrPrompt(line.value("pin-file"), "The officer's PIN", error);
    if (!pin)
        return usageError(error);
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules)
        return fail(modules.error());
    const core::CaConnectors connectors(database, core::Database::localFolderOf(q(options.databasePath)));
    const core::EnrollmentEngine engine(database, connectors, *modules);
    const core::Renewals renewals(database);
    auto id = renewals.start(*by, *enrollment, q(line.value("token").value_or(std::string())), line.flag("revoke-old"),
                             engine);
    if (!id)
        return fail(id.error());
    auto renewal = renewals.find(*id);
    if (!renewal)
        return fail(renewal.error());
    std::cerr << "renewal " << *id << ", new enrollment " << renewal->newEnrollmentId << '\n';
    auto ran = engine.run(*by, renewal->newEnrollmentId, *pin, nullptr, progressToStderr);
    if (!ran) {
        std::cerr << "error: " << s(ran.error().message) << "\n(the old certificate stays on the token; resume with "
                  << "tamga-cli enrollment resume " << renewal->newEnrollmentId
                  << " --pin-file F, then tamga-cli renewal complete " << *id << " --pin-file F)\n";
        return ExitFailed;
    }
    if (!core::hasVerifiedCertificate(ran->state)) {
        std::cout << "renewal " << *id << ": new enrollment " << ran->id << " is " << s(core::stateName(ran->state))
                  << "; complete it once its certificate is verified: tamga-cli renewal complete " << *id << '\n';
        return ExitOk;
    }
    auto completed = renewals.complete(*by, *id, *pin, *modules);
    if (!completed)
        return fail(completed.error());
    printRenewal(*completed);
    return ExitOk;
}

int complete(qint64 id, const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    std::string error;
    auto pin = secretFromFileOrPrompt(line.value("pin-file"), "The officer's PIN", error);
    if (!pin)
        return usageError(error);
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules)
        return fail(modules.error());
    auto completed = core::Renewals(database).complete(*by, id, *pin, *modules);
    if (!completed)
        return fail(completed.error());
    printRenewal(*completed);
    return ExitOk;
}

} // namespace

bool isRenewalCommand(const std::string& word)
{
    return word == "renew" || word == "renewal";
}

int runRenewalCommand(const CommandLine& line, const GlobalOptions& options)
{
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error());
    const auto& words = line.words();
    if (words.front() == "renew")
        return renew(line, **database, options);
    const std::string& action = words.at(1);
    if (action == "due")
        return due(line, **database, options);
    if (action == "list") {
        auto all = core::Renewals(**database).list();
        if (!all)
            return fail(all.error());
        if (options.json) {
            QJsonArray array;
            for (const core::Renewal& r : *all)
                array.append(renewalJson(r));
            printJson(array);
            return ExitOk;
        }
        if (all->empty())
            std::cout << "no renewals yet\n";
        for (const core::Renewal& r : *all)
            printRenewal(r);
        return ExitOk;
    }
    bool ok = false;
    const qint64 id = q(words.size() > 2 ? words[2] : std::string()).toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError("a renewal is named by its number");
    return complete(id, line, **database, options);
}

} // namespace tamga::cli
