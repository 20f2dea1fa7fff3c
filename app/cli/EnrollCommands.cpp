#include "EnrollCommands.h"

#include "Output.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Database.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/HandOver.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/SealedSecrets.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iostream>

namespace tamga::cli {

namespace {

using core::Database;

QString absolute(const std::string& path)
{
    return QFileInfo(q(path)).absoluteFilePath();
}

QString dataDir(const GlobalOptions& options)
{
    return core::Database::localFolderOf(q(options.databasePath));
}

QJsonObject recordJson(const core::EnrollmentRecord& r)
{
    QJsonObject object{{QStringLiteral("id"), r.id},
                       {QStringLiteral("officer_id"), r.officerId},
                       {QStringLiteral("officer"), r.officerName},
                       {QStringLiteral("organization"), r.organizationName},
                       {QStringLiteral("token"), r.tokenSerial},
                       {QStringLiteral("profile"), r.profileName},
                       {QStringLiteral("ca"), r.caName},
                       {QStringLiteral("state"), core::stateName(r.state)},
                       {QStringLiteral("key_id"), r.keyIdHex},
                       {QStringLiteral("ca_reference"), r.caReference},
                       {QStringLiteral("last_error"), r.lastError},
                       {QStringLiteral("created_at"), r.createdAt},
                       {QStringLiteral("updated_at"), r.updatedAt}};
    if (r.certificate) {
        object.insert(QStringLiteral("certificate"),
                      QJsonObject{{QStringLiteral("serial"), r.certificate->serialHex},
                                  {QStringLiteral("subject"), r.certificate->subject},
                                  {QStringLiteral("issuer"), r.certificate->issuer},
                                  {QStringLiteral("not_before"), r.certificate->notBefore},
                                  {QStringLiteral("not_after"), r.certificate->notAfter},
                                  {QStringLiteral("sha256"), r.certificate->fingerprintSha256}});
    }
    return object;
}

void printRecord(const core::EnrollmentRecord& r, const GlobalOptions& options)
{
    if (options.json) {
        printJson(recordJson(r));
        return;
    }
    std::cout << "enrollment  " << r.id << '\n'
              << "state       " << s(core::stateName(r.state)) << '\n'
              << "officer     " << s(r.officerName) << " (#" << r.officerId << "), " << s(r.organizationName) << '\n'
              << "token       " << s(r.tokenSerial) << '\n'
              << "profile     " << s(r.profileName) << ", CA " << s(r.caName) << '\n';
    if (!r.keyIdHex.isEmpty())
        std::cout << "key ID      " << s(r.keyIdHex) << '\n';
    if (r.certificate) {
        std::cout << "certificate " << s(r.certificate->serialHex) << '\n'
                  << "subject     " << s(r.certificate->subject) << '\n'
                  << "issuer      " << s(r.certificate->issuer) << '\n'
                  << "valid       " << s(r.certificate->notBefore) << " to " << s(r.certificate->notAfter) << '\n'
                  << "SHA-256     " << s(r.certificate->fingerprintSha256) << '\n';
    }
    if (!r.lastError.isEmpty())
        std::cout << "last error  " << s(r.lastError) << '\n';
}

std::optional<core::TokenModules> loadModules(const GlobalOptions& options, int& status)
{
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules) {
        status = cli::fail(modules.error().message.toStdString());
        return std::nullopt;
    }
    return *modules;
}

// The hand-over: with the officer's PIN (--pin-file) or, for a token prepared in advance, their new PIN
// (--new-pin-file, a supervisor signing in), it ends with the officer's first signature (HandOver.h); without
// either, as before, the record alone.
int handOver(qint64 id, const CommandLine& line, const Database& database, const core::CaConnectors& connectors,
             const GlobalOptions& options)
{
    int status = ExitOk;
    core::Password password;
    auto by = signIn(line, database, "password-file", status, &password);
    if (!by)
        return status;
    const auto newPinFile = line.value("new-pin-file");
    const auto pinFile = line.value("pin-file");
    std::optional<core::DeskKey> key;
    if (newPinFile) {
        auto unlocked = core::SealedSecrets(database).unlock(by->name, password);
        if (!unlocked)
            return fail(unlocked.error());
        key = std::move(*unlocked);
    }
    password.clear();
    core::CoreResult<core::EnrollmentRecord> r = std::unexpected(core::CoreError{});
    if (!newPinFile && !pinFile) {
        r = core::EnrollmentEngine(database, connectors, {}).handOver(*by, id);
    } else {
        auto modules = loadModules(options, status);
        if (!modules)
            return status;
        std::string error;
        auto pin = secretFromFileOrPrompt(newPinFile ? newPinFile : pinFile,
                                          newPinFile ? "The officer's new PIN" : "The officer's PIN", error);
        if (!pin)
            return usageError(error);
        const core::HandOver handOver(database, connectors, *modules);
        r = key ? handOver.prepared(*by, id, *key, *pin) : handOver.withFirstSignature(*by, id, *pin);
    }
    if (!r)
        return fail(r.error());
    printRecord(*r, options);
    if ((newPinFile || pinFile) && !options.json)
        std::cout << "The officer's first signature was made on the token, verified and kept.\n";
    return ExitOk;
}

int caCommand(const std::string& action, const CommandLine& line, const Database& database,
              const GlobalOptions& options)
{
    core::CaConnectors connectors(database, dataDir(options));
    const auto& words = line.words();
    if (action == "list") {
        auto all = connectors.list();
        if (!all)
            return fail(all.error());
        if (options.json) {
            QJsonArray array;
            for (const auto& c : *all)
                array.append(QJsonObject{{QStringLiteral("name"), c.name},
                                         {QStringLiteral("type"), c.type},
                                         {QStringLiteral("settings"), c.settings}});
            printJson(array);
            return ExitOk;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& c : *all)
            rows.push_back(
                {s(c.name), s(c.type), s(QString::fromUtf8(QJsonDocument(c.settings).toJson(QJsonDocument::Compact)))});
        printTable({"NAME", "TYPE", "SETTINGS"}, rows);
        return ExitOk;
    }
    if (action == "test") {
        if (words.size() != 3)
            return usageError("ca test NAME");
        auto config = connectors.find(q(words[2]));
        if (!config)
            return fail(config.error());
        auto connector = connectors.open(*config);
        if (!connector)
            return fail(connector.error());
        auto certificates = (*connector)->caCertificates();
        if (!certificates)
            return fail(certificates.error());
        std::cout << "The CA " << words[2] << " answers; it sent " << certificates->size() << " CA certificate(s).\n";
        for (const QByteArray& der : *certificates) {
            if (auto summary = core::summarizeCertificate(der))
                std::cout << "  " << s(summary->subject) << '\n';
        }
        return ExitOk;
    }
    if (action != "add")
        return usageError("unknown ca command \"" + action + "\"");
    // NAME and --type (one of the four) are required by the command line's model (Commands.cpp).
    const auto type = line.value("type");
    if (words.size() != 3 || !type)
        return usageError("ca add NAME --type practice|cmp|cfssl|files");
    QJsonObject settings;
    const std::pair<const char*, const char*> textOptions[] = {
        {"url", "url"}, {"reference", "reference"}, {"profile", "profile"}, {"ocsp-url", "ocspUrl"}};
    for (const auto& [option, key] : textOptions) {
        if (auto value = line.value(option))
            settings.insert(QLatin1String(key), q(*value));
    }
    const std::pair<const char*, const char*> fileOptions[] = {
        {"secret-file", "secretFile"},    {"cert", "certFile"}, {"key", "keyFile"}, {"trust", "trustFile"},
        {"auth-key-file", "authKeyFile"}, {"dir", "dir"}};
    for (const auto& [option, key] : fileOptions) {
        if (auto value = line.value(option))
            settings.insert(QLatin1String(key), absolute(*value));
    }
    if (auto timeout = line.value("timeout")) {
        bool ok = false;
        const int seconds = q(*timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 600)
            return usageError("--timeout is a number of seconds, 1 to 600");
        settings.insert(QStringLiteral("timeoutSeconds"), seconds);
    }
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto id = connectors.add(*by, {0, q(words[2]), q(*type), settings});
    if (!id)
        return fail(id.error());
    std::cout << *id << '\n';
    return ExitOk;
}

int trustCommand(const std::string& action, const CommandLine& line, const Database& database,
                 const GlobalOptions& options)
{
    core::TrustAnchors anchors(database);
    if (action == "list") {
        auto all = anchors.list();
        if (!all)
            return fail(all.error());
        if (options.json) {
            QJsonArray array;
            for (const auto& a : *all)
                array.append(QJsonObject{{QStringLiteral("id"), a.id},
                                         {QStringLiteral("subject"), a.subject},
                                         {QStringLiteral("sha256"), a.fingerprint}});
            printJson(array);
            return ExitOk;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : *all)
            rows.push_back({std::to_string(a.id), s(a.subject), s(a.fingerprint)});
        printTable({"ID", "SUBJECT", "SHA-256"}, rows);
        return ExitOk;
    }
    const auto& words = line.words();
    if (action != "add" || words.size() != 3)
        return usageError("trust add FILE.pem, or trust list");
    QFile file(q(words[2]));
    if (!file.open(QIODevice::ReadOnly))
        return cli::fail("cannot read " + words[2]);
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto added = anchors.add(*by, file.readAll());
    if (!added)
        return fail(added.error());
    std::cout << *added << " trust anchor(s) added\n";
    return ExitOk;
}

int profileCommand(const std::string& action, const CommandLine& line, const Database& database,
                   const GlobalOptions& options)
{
    core::Profiles profiles(database);
    const auto& words = line.words();
    if (action == "list") {
        auto all = profiles.list();
        if (!all)
            return fail(all.error());
        if (options.json) {
            QJsonArray array;
            for (const auto& p : *all)
                array.append(p.toJson());
            printJson(array);
            return ExitOk;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& p : *all)
            rows.push_back({s(p.name), core::keyTypeName(p.keyType), s(p.keyUsage.join(QLatin1Char('+'))),
                            s(p.extendedKeyUsage.join(QLatin1Char('+'))), std::to_string(p.validityDays),
                            s(p.description)});
        printTable({"NAME", "KEY", "KEY USAGE", "EXTENDED", "DAYS", "DESCRIPTION"}, rows);
        return ExitOk;
    }
    if (action == "add") {
        if (words.size() != 3)
            return usageError("profile add FILE.json");
        QFile file(q(words[2]));
        if (!file.open(QIODevice::ReadOnly))
            return cli::fail("cannot read " + words[2]);
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return cli::fail(words[2] + " is not JSON: " + s(parseError.errorString()) + " at byte " +
                             std::to_string(parseError.offset));
        if (!document.isObject())
            return cli::fail(words[2] + " holds a JSON array, not the profile's object {\"name\": ..., ...}");
        auto profile = core::CertificateProfile::fromJson(document.object());
        if (!profile)
            return fail(profile.error());
        int status = ExitOk;
        auto by = signIn(line, database, "password-file", status);
        if (!by)
            return status;
        auto id = profiles.add(*by, *profile);
        if (!id)
            return fail(id.error());
        std::cout << *id << '\n';
        return ExitOk;
    }
    if (action != "preview")
        return usageError("unknown profile command \"" + action + "\"");
    const auto name = line.value("profile");
    int status = ExitOk;
    const auto applicant = idValue(line, "applicant", status);
    if (status != ExitOk)
        return status;
    if (!name || !applicant)
        return usageError("profile preview --profile P --applicant ID");
    auto profile = profiles.find(q(*name));
    if (!profile)
        return fail(profile.error());
    auto officer = core::Registry(database).officer(*applicant);
    if (!officer)
        return fail(officer.error());
    auto subject = core::buildSubject(*profile, *officer);
    if (!subject)
        return fail(subject.error());
    if (options.json) {
        QJsonArray attributes;
        for (const auto& a : subject->attributes)
            attributes.append(QJsonObject{{QStringLiteral("attribute"), a.shortName},
                                          {QStringLiteral("type"), a.stringTypeName()},
                                          {QStringLiteral("value"), a.value}});
        printJson(
            QJsonObject{{QStringLiteral("profile"), profile->name},
                        {QStringLiteral("subject"), attributes},
                        {QStringLiteral("email"), subject->email},
                        {QStringLiteral("keyUsage"), QJsonArray::fromStringList(profile->keyUsage)},
                        {QStringLiteral("extendedKeyUsage"), QJsonArray::fromStringList(profile->extendedKeyUsage)},
                        {QStringLiteral("keyType"), QString::fromStdString(core::keyTypeName(profile->keyType))}});
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : subject->attributes)
        rows.push_back({s(a.shortName), s(a.stringTypeName()), s(a.value)});
    if (!subject->email.isEmpty())
        rows.push_back({"subjectAltName", "IA5String", "email:" + s(subject->email)});
    printTable({"ATTRIBUTE", "ASN.1 TYPE", "VALUE"}, rows);
    std::cout << "key " << core::keyTypeName(profile->keyType) << "; key usage "
              << s(profile->keyUsage.join(QLatin1Char('+')))
              << (profile->extendedKeyUsage.isEmpty()
                      ? std::string()
                      : "; extended " + s(profile->extendedKeyUsage.join(QLatin1Char('+'))))
              << "; " << profile->validityDays << " days\n";
    return ExitOk;
}

int enroll(const CommandLine& line, const Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    const auto applicant = idValue(line, "applicant", status);
    if (status != ExitOk)
        return status;
    const auto token = line.value("token");
    const auto profile = line.value("profile");
    const auto ca = line.value("ca");
    if (!applicant || !token || !profile || !ca)
        return usageError("enroll needs --applicant ID --token SERIAL --profile P --ca NAME --pin-file F");
    const bool init = line.flag("init");
    if (init && !line.value("label"))
        return usageError("--init needs --label L and --so-pin-file F");
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    std::string error;
    auto pin = secretFromFileOrPrompt(line.value("pin-file"), "PIN for the token", error);
    if (!pin)
        return usageError(error);
    std::optional<core::TokenPreparation> preparation;
    if (init) {
        auto soPin = secretFromFileOrPrompt(line.value("so-pin-file"), "SO PIN for the token", error);
        if (!soPin)
            return usageError(error);
        preparation = core::TokenPreparation{q(*line.value("label")), std::move(*soPin)};
    }
    // The SO PIN given for a token initialized here is sealed for it too, where the desk has its sealing key: the
    // PIN service can then unblock the token without anyone typing it again.
    std::optional<core::DeskKey> sealOnly;
    if (preparation) {
        auto sealing = core::SealedSecrets(database).sealingKey();
        if (!sealing)
            return fail(sealing.error());
        if (*sealing) {
            sealOnly = std::move(**sealing);
            preparation->sealWith = &*sealOnly;
        }
    }
    auto modules = loadModules(options, status);
    if (!modules)
        return status;
    core::CaConnectors connectors(database, dataDir(options));
    core::EnrollmentEngine engine(database, connectors, *modules);
    auto id = engine.create(*by, *applicant, q(*token), q(*profile), q(*ca), init);
    if (!id)
        return fail(id.error());
    std::cerr << "enrollment " << *id << '\n';
    auto result = engine.run(*by, *id, *pin, preparation ? &*preparation : nullptr, progressToStderr);
    if (!result) {
        std::cerr << "error: " << s(result.error().message) << "\n(enrollment " << *id
                  << " can be resumed: tamga-cli enrollment resume " << *id << " --pin-file F)\n";
        return ExitFailed;
    }
    printRecord(*result, options);
    return ExitOk;
}

int enrollmentCommand(const std::string& action, const CommandLine& line, const Database& database,
                      const GlobalOptions& options)
{
    core::CaConnectors connectors(database, dataDir(options));
    const auto& words = line.words();
    if (action == "list") {
        std::optional<core::EnrollmentState> state;
        if (auto text = line.value("state")) {
            state = core::parseState(q(*text));
            if (!state)
                return usageError("unknown state \"" + *text + "\"");
        }
        auto all = core::EnrollmentRecords(database).list(state);
        if (!all)
            return fail(all.error());
        if (options.json) {
            QJsonArray array;
            for (const auto& r : *all)
                array.append(recordJson(r));
            printJson(array);
            return ExitOk;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : *all)
            rows.push_back({std::to_string(r.id), s(core::stateName(r.state)), s(r.officerName), s(r.tokenSerial),
                            s(r.profileName), s(r.caName), r.certificate ? s(r.certificate->serialHex) : std::string(),
                            s(r.updatedAt)});
        printTable({"ID", "STATE", "OFFICER", "TOKEN", "PROFILE", "CA", "CERTIFICATE", "UPDATED"}, rows);
        return ExitOk;
    }
    bool ok = false;
    const qint64 id = words.size() == 3 ? q(words[2]).toLongLong(&ok) : 0;
    if (!ok)
        return usageError("enrollment " + action + " ID");
    if (action == "show") {
        auto r = core::EnrollmentRecords(database).record(id);
        if (!r)
            return fail(r.error());
        printRecord(*r, options);
        return ExitOk;
    }
    int status = ExitOk;
    if (action == "handover")
        return handOver(id, line, database, connectors, options);
    if (action != "resume")
        return usageError("unknown enrollment command \"" + action + "\"");
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    std::string error;
    auto pin = secretFromFileOrPrompt(line.value("pin-file"), "PIN for the token", error);
    if (!pin)
        return usageError(error);
    auto modules = loadModules(options, status);
    if (!modules)
        return status;
    core::EnrollmentEngine engine(database, connectors, *modules);
    auto result = engine.run(*by, id, *pin, nullptr, progressToStderr);
    if (!result)
        return fail(result.error());
    printRecord(*result, options);
    return ExitOk;
}

int batchCommand(const std::string& action, const CommandLine& line, const Database& database,
                 const GlobalOptions& options)
{
    const auto ca = line.value("ca");
    const auto folder = action == "export" ? line.value("out") : line.value("in");
    if (!ca || !folder || (action != "export" && action != "import"))
        return usageError(
            "batch export (--batch ID | --ca NAME) --out DIR, or batch import (--batch ID | --ca NAME) --in DIR");
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    core::CaConnectors connectors(database, dataDir(options));
    core::EnrollmentEngine engine(database, connectors, {});
    if (action == "export") {
        auto exported = engine.exportRequests(*by, q(*ca), absolute(*folder));
        if (!exported)
            return fail(exported.error());
        std::cout << *exported << " request(s) written to " << *folder << '\n';
        return ExitOk;
    }
    auto outcome = engine.importCertificates(*by, q(*ca), absolute(*folder));
    if (!outcome)
        return fail(outcome.error());
    for (const QString& fate : outcome->files)
        std::cout << s(fate) << '\n';
    std::cout << outcome->received << " certificate(s) received, " << outcome->waiting << " request(s) still waiting\n";
    for (const QString& refusal : outcome->refusals)
        std::cerr << s(refusal) << '\n';
    if (!outcome->refusals.isEmpty())
        return cli::fail(std::to_string(outcome->refusals.size()) + " certificate(s) refused");
    return ExitOk;
}

} // namespace

bool isEnrollCommand(const std::string& word)
{
    return word == "ca" || word == "trust" || word == "profile" || word == "enroll" || word == "enrollment" ||
           word == "batch";
}

int runEnrollCommand(const CommandLine& line, const GlobalOptions& options)
{
    const auto& words = line.words();
    auto database = Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error());
    if (words[0] == "enroll")
        return enroll(line, **database, options);
    if (words.size() < 2)
        return usageError("which " + words[0] + " command?");
    const std::string& action = words[1];
    if (words[0] == "ca")
        return caCommand(action, line, **database, options);
    if (words[0] == "trust")
        return trustCommand(action, line, **database, options);
    if (words[0] == "profile")
        return profileCommand(action, line, **database, options);
    if (words[0] == "enrollment")
        return enrollmentCommand(action, line, **database, options);
    return batchCommand(action, line, **database, options);
}

} // namespace tamga::cli
