#include "RevocationCommands.h"

#include "Output.h"
#include "RevocationForm.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/Files.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/Settings.h"
#include "tamga/core/Text.h"
#include "tamga/core/Tokens.h"

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <iostream>
#include <optional>

namespace tamga::cli {

namespace {

QJsonObject applicationJson(const core::RevocationApplication& a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("enrollment_id"), a.enrollmentId},
            {QStringLiteral("officer"), a.officerName},
            {QStringLiteral("certificate_serial"), a.certificateSerialHex},
            {QStringLiteral("certificate_sha256"), a.certificateFingerprint},
            {QStringLiteral("ca"), a.caName},
            {QStringLiteral("reason"), a.reason},
            {QStringLiteral("statement"), a.statement},
            {QStringLiteral("event_date"), a.eventDate},
            {QStringLiteral("state"), core::revocationStateName(a.state)},
            {QStringLiteral("taken_by"), a.takenBy},
            {QStringLiteral("requested_at"), a.requestedAt},
            {QStringLiteral("approved_by"), a.approvedBy},
            {QStringLiteral("approved_at"), a.approvedAt},
            {QStringLiteral("submitted_at"), a.submittedAt},
            {QStringLiteral("last_error"), a.lastError},
            {QStringLiteral("form_sha256"), a.formSha256},
            {QStringLiteral("confirmed_at"), a.confirmedAt},
            {QStringLiteral("confirmation"), a.confirmation},
            {QStringLiteral("closing_note"), a.closingNote}};
}

std::optional<qint64> numberAt(const CommandLine& line, std::size_t index)
{
    bool ok = false;
    const qint64 id = q(line.words().size() > index ? line.words()[index] : std::string()).toLongLong(&ok);
    return ok && id > 0 ? std::optional(id) : std::nullopt;
}

// What revoke and revocation lost are given: the enrollment, the officer's statement (read from its file) and the
// date of the event.
struct Application {
    qint64 enrollment = 0;
    QString statement;
    QString eventDate;
};

std::optional<Application> applicationOf(const CommandLine& line, int& status)
{
    bool ok = false;
    Application a;
    a.enrollment = q(line.value("enrollment").value_or(std::string())).toLongLong(&ok);
    if (!ok || a.enrollment <= 0) {
        status = usageError("--enrollment is an enrollment's number");
        return std::nullopt;
    }
    QFile statement(q(line.value("statement-file").value_or(std::string())));
    if (!statement.open(QIODevice::ReadOnly)) {
        status = usageError("cannot read the statement file " + s(statement.fileName()));
        return std::nullopt;
    }
    // A statement is a paragraph: more than 64 KiB is not one (the core refuses beyond 2000 characters).
    a.statement = QString::fromUtf8(statement.read(64 * 1024));
    a.eventDate = q(line.value("event-date").value_or(QDate::currentDate().toString(Qt::ISODate).toStdString()));
    return a;
}

// tamga-cli revoke --enrollment ID --reason R --statement-file F [--event-date YYYY-MM-DD]
int take(const CommandLine& line, const core::Database& database)
{
    int status = ExitOk;
    auto application = applicationOf(line, status);
    if (!application)
        return status;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto id =
        core::Revocations(database).apply(*by, application->enrollment, q(line.value("reason").value_or(std::string())),
                                          application->statement, application->eventDate);
    if (!id)
        return fail(id.error());
    std::cout << *id << '\n';
    return ExitOk;
}

// tamga-cli revocation lost --enrollment ID --statement-file F [--event-date YYYY-MM-DD]: the token is lost.
int lost(const CommandLine& line, const core::Database& database)
{
    int status = ExitOk;
    auto application = applicationOf(line, status);
    if (!application)
        return status;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto outcome = core::Revocations(database).tokenLost(*by, application->enrollment, application->statement,
                                                         application->eventDate);
    if (!outcome)
        return fail(outcome.error());
    std::cout << outcome->revocationId << '\n'
              << "the token is lost in the stock; the officer's new token waits in batch " << outcome->replacementBatch
              << '\n';
    return ExitOk;
}

int list(const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    std::optional<core::RevocationState> state;
    if (auto text = line.value("state")) {
        state = core::parseRevocationState(q(*text));
        if (!state)
            return usageError("unknown state \"" + *text + "\"");
    }
    auto applications = core::Revocations(database).list(state);
    if (!applications)
        return fail(applications.error());
    if (options.json) {
        QJsonArray array;
        for (const auto& a : *applications)
            array.append(applicationJson(a));
        printJson(array);
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : *applications)
        rows.push_back({std::to_string(a.id), s(core::revocationStateName(a.state)), s(a.officerName),
                        s(a.certificateSerialHex), s(a.reason), s(a.takenBy), s(a.approvedBy), s(a.requestedAt)});
    printTable({"ID", "STATE", "OFFICER", "CERTIFICATE", "REASON", "TAKEN BY", "APPROVED BY", "SINCE"}, rows);
    return ExitOk;
}

int show(qint64 id, const core::Database& database, const GlobalOptions& options)
{
    auto application = core::Revocations(database).find(id);
    if (!application)
        return fail(application.error());
    const QJsonObject json = applicationJson(*application);
    if (options.json) {
        printJson(json);
        return ExitOk;
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString value = it.value().isString() ? it.value().toString() : QString::number(it.value().toInteger());
        std::cout << s(it.key()) << ": " << s(core::escapedForTerminal(value)) << '\n';
    }
    return ExitOk;
}

// The form the officer signs, as a PDF; its SHA-256 is recorded with the application.
int form(qint64 id, const CommandLine& line, const core::Database& database)
{
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto application = core::Revocations(database).find(id);
    if (!application)
        return fail(application.error());
    auto certificate = core::Receipts(database).data(application->enrollmentId);
    if (!certificate)
        return fail(certificate.error());
    const QByteArray pdf = ui::revocationFormPdf(*application, *certificate);
    if (pdf.isEmpty())
        return fail("the form could not be laid out");
    const QString out = q(*line.value("out"));
    if (auto written = core::writePrivateFile(out, pdf); !written)
        return fail(written.error());
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    if (auto recorded = core::Revocations(database).recordForm(*by, id, sha256); !recorded)
        return fail(recorded.error());
    std::cout << "the form of application " << id << ": " << s(out) << "\nSHA-256 " << s(sha256) << '\n';
    return ExitOk;
}

} // namespace

bool isRevocationCommand(const std::string& word)
{
    return word == "revoke" || word == "revocation";
}

int runRevocationCommand(const CommandLine& line, const GlobalOptions& options)
{
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error());
    const auto& words = line.words();
    if (words.front() == "revoke")
        return take(line, **database);
    const std::string& action = words.at(1);
    if (action == "list")
        return list(line, **database, options);
    if (action == "lost")
        return lost(line, **database);
    const auto id = numberAt(line, 2);
    if (!id)
        return usageError("an application is named by its number");
    if (action == "show")
        return show(*id, **database, options);
    if (action == "form")
        return form(*id, line, **database);
    int status = ExitOk;
    auto by = signIn(line, **database, "password-file", status);
    if (!by)
        return status;
    const core::Revocations revocations(**database);
    if (action == "approve") {
        if (auto done = revocations.approve(*by, *id); !done)
            return fail(done.error());
        std::cout << "application " << *id << " approved: submit it to the CA\n";
        return ExitOk;
    }
    if (action == "refuse" || action == "withdraw") {
        const QString why = q(line.value("why").value_or(std::string()));
        if (auto done = action == "refuse" ? revocations.refuse(*by, *id, why) : revocations.withdraw(*by, *id, why);
            !done)
            return fail(done.error());
        std::cout << "application " << *id << (action == "refuse" ? " refused\n" : " withdrawn\n");
        return ExitOk;
    }
    core::CaConnectors connectors(**database, core::Database::localFolderOf(q(options.databasePath)));
    if (action == "confirm") {
        auto confirmed = revocations.confirm(*by, *id, connectors, q(line.value("crl").value_or(std::string())));
        if (!confirmed)
            return fail(confirmed.error());
        std::cout << "application " << *id << " confirmed: " << s(confirmed->confirmation) << '\n';
        return ExitOk;
    }
    // submit: to an offline CA, signed by the desk's own token when the desk's setting names its certificate.
    std::optional<Pin> signingPin;
    std::optional<core::TokenModules> modules;
    std::optional<core::RequestSigner> signer;
    auto application = revocations.find(*id);
    if (!application)
        return fail(application.error());
    auto ca = connectors.find(application->caName);
    auto signWith = core::Settings(**database).manifestSigner();
    if (!signWith)
        return fail(signWith.error());
    if (ca && ca->type == QStringLiteral("files") && *signWith) {
        std::string error;
        signingPin = secretFromFileOrPrompt(line.value("sign-pin-file"), "The desk token's PIN", error);
        if (!signingPin)
            return usageError(error);
        auto loaded = core::TokenModules::load(options.modulePaths);
        if (!loaded)
            return fail(loaded.error());
        modules = std::move(*loaded);
        signer = core::RequestSigner{**signWith, &*signingPin, &*modules};
    }
    auto submitted = revocations.submit(*by, *id, connectors, signer ? &*signer : nullptr);
    if (!submitted)
        return fail(submitted.error());
    std::cout << "application " << *id << " submitted to " << s(submitted->caName) << '\n';
    // A CA that answers with the revocation itself (CMP) has confirmed it already.
    if (submitted->state == core::RevocationState::Confirmed)
        std::cout << "application " << *id << " confirmed: " << s(submitted->confirmation) << '\n';
    return ExitOk;
}

} // namespace tamga::cli
