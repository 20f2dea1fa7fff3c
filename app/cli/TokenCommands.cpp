#include "TokenCommands.h"

#include "Output.h"
#include "SecretInput.h"
#include "SignIn.h"
#include "tamga/core/Database.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/SystemPackages.h"
#include "tamga/core/TokenService.h"
#include "tamga/core/Tokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace tamga::cli {

namespace {

using core::TokenSnapshot;

using cli::fail;

std::string tokenState(const TokenSnapshot& token)
{
    const auto& f = token.flags;
    if (!f.tokenInitialized)
        return "not initialized";
    if (f.userPinLocked)
        return "PIN locked";
    if (!f.userPinInitialized)
        return "no user PIN";
    if (f.userPinFinalTry)
        return "PIN: final try";
    if (f.userPinCountLow)
        return "PIN: tries low";
    return "ready";
}

QJsonObject tokenJson(const TokenSnapshot& token)
{
    const auto& f = token.flags;
    QJsonObject flags{
        {QStringLiteral("tokenInitialized"), f.tokenInitialized},
        {QStringLiteral("userPinInitialized"), f.userPinInitialized},
        {QStringLiteral("loginRequired"), f.loginRequired},
        {QStringLiteral("protectedAuthenticationPath"), f.protectedAuthenticationPath},
        {QStringLiteral("writeProtected"), f.writeProtected},
        {QStringLiteral("userPinCountLow"), f.userPinCountLow},
        {QStringLiteral("userPinFinalTry"), f.userPinFinalTry},
        {QStringLiteral("userPinLocked"), f.userPinLocked},
        {QStringLiteral("userPinToBeChanged"), f.userPinToBeChanged},
        {QStringLiteral("soPinCountLow"), f.soPinCountLow},
        {QStringLiteral("soPinFinalTry"), f.soPinFinalTry},
        {QStringLiteral("soPinLocked"), f.soPinLocked},
    };
    QJsonObject object{
        {QStringLiteral("serial"), q(token.serial)},
        {QStringLiteral("label"), q(token.label)},
        {QStringLiteral("manufacturer"), q(token.manufacturer)},
        {QStringLiteral("model"), q(token.model)},
        {QStringLiteral("hardwareVersion"), q(token.hardwareVersion)},
        {QStringLiteral("firmwareVersion"), q(token.firmwareVersion)},
        {QStringLiteral("module"), q(token.modulePath)},
        {QStringLiteral("slot"), static_cast<double>(token.slotId)},
        {QStringLiteral("state"), q(tokenState(token))},
        {QStringLiteral("minPinLength"), static_cast<double>(token.minPinLength)},
        {QStringLiteral("maxPinLength"), static_cast<double>(token.maxPinLength)},
        {QStringLiteral("flags"), flags},
    };
    if (token.freePublicMemory)
        object.insert(QStringLiteral("freePublicMemory"), static_cast<double>(*token.freePublicMemory));
    if (token.freePrivateMemory)
        object.insert(QStringLiteral("freePrivateMemory"), static_cast<double>(*token.freePrivateMemory));
    return object;
}

std::optional<core::TokenModules> loadModules(const GlobalOptions& options, int& status)
{
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules) {
        status = fail(modules.error());
        return std::nullopt;
    }
    return *modules;
}

std::optional<SecretBuffer> secretOption(const CommandLine& line, const std::string& option, const std::string& prompt,
                                         int& status)
{
    std::string error;
    auto secret = secretFromFileOrPrompt(line.value(option), prompt, error);
    if (!secret)
        status = usageError(error);
    return secret;
}

int listTokens(const core::TokenModules& modules, const GlobalOptions& options)
{
    auto tokens = modules.tokens();
    if (!tokens)
        return fail(tokens.error());
    const std::vector<TokenSnapshot>& all = *tokens;
    if (options.json) {
        QJsonArray array;
        for (const TokenSnapshot& token : all)
            array.append(tokenJson(token));
        printJson(array);
        return ExitOk;
    }
    if (all.empty()) {
        std::cout << "No token is plugged in.\n";
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const TokenSnapshot& t : all)
        rows.push_back({t.serial.empty() ? "-" : t.serial, t.label, t.manufacturer, t.model, tokenState(t),
                        std::to_string(t.minPinLength) + "-" + std::to_string(t.maxPinLength), t.modulePath});
    printTable({"SERIAL", "LABEL", "MANUFACTURER", "MODEL", "STATE", "PIN", "MODULE"}, rows);
    return ExitOk;
}

// The token service with the signed-in operator, for the commands that change a token.
struct SignedInTokens {
    std::unique_ptr<core::Database> database;
    core::Operator by;
    core::Password password; // unlocks the desk key where a sealed secret is needed (the PIN service)
    std::optional<core::TokenService> service;
};

std::optional<SignedInTokens> signInForTokens(const CommandLine& line, const GlobalOptions& options,
                                              const core::TokenModules& modules, int& status)
{
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database) {
        status = cli::fail(database.error().message.toStdString());
        return std::nullopt;
    }
    SignedInTokens signedIn;
    signedIn.database = std::move(*database);
    auto by = signIn(line, *signedIn.database, "password-file", status, &signedIn.password);
    if (!by)
        return std::nullopt;
    signedIn.by = *by;
    signedIn.service.emplace(*signedIn.database, modules);
    return signedIn;
}

int initToken(const CommandLine& line, const SignedInTokens& tokens, const GlobalOptions& options)
{
    const auto serial = line.value("serial");
    const auto label = line.value("label");
    int status = ExitOk;
    auto soPin = secretOption(line, "so-pin-file", "New SO PIN", status);
    if (!soPin)
        return status;
    auto userPin = secretOption(line, "pin-file", "New user PIN", status);
    if (!userPin)
        return status;
    auto result = tokens.service->initialize(tokens.by, serial ? q(*serial) : QString(), q(*label), *soPin, *userPin);
    if (!result)
        return fail(result.error());
    if (options.json)
        printJson(tokenJson(*result));
    else
        std::cout << result->serial << '\n';
    return ExitOk;
}

int changePin(const CommandLine& line, const SignedInTokens& tokens, const std::string& serial)
{
    int status = ExitOk;
    auto oldPin = secretOption(line, "pin-file", "Current PIN", status);
    if (!oldPin)
        return status;
    auto newPin = secretOption(line, "new-pin-file", "New PIN", status);
    if (!newPin)
        return status;
    auto result = tokens.service->changePin(tokens.by, q(serial), *oldPin, *newPin);
    return result ? ExitOk : fail(result.error());
}

// With --so-pin-file: the SO PIN typed from the token's papers. Without: the PIN service, with the SO PIN the
// desk sealed for the token, opened with the supervisor's desk key (never typed, never shown).
int unblock(const CommandLine& line, const SignedInTokens& tokens, const std::string& serial)
{
    int status = ExitOk;
    if (!line.value("so-pin-file")) {
        auto newPin = secretOption(line, "new-pin-file", "New user PIN", status);
        if (!newPin)
            return status;
        auto key = core::SealedSecrets(*tokens.database).unlock(tokens.by.name, tokens.password);
        if (!key)
            return fail(key.error());
        auto result = tokens.service->unblockWithSealedSoPin(tokens.by, *key, q(serial), *newPin,
                                                             line.flag("forgotten") ? core::PinTrouble::Forgotten
                                                                                    : core::PinTrouble::Locked);
        if (!result)
            return fail(result.error());
        std::cout << "the PIN of token " << serial << " is set anew with the SO PIN the desk keeps\n";
        return ExitOk;
    }
    auto soPin = secretOption(line, "so-pin-file", "SO PIN", status);
    if (!soPin)
        return status;
    auto newPin = secretOption(line, "new-pin-file", "New user PIN", status);
    if (!newPin)
        return status;
    auto result = tokens.service->unblockPin(tokens.by, q(serial), *soPin, *newPin);
    return result ? ExitOk : fail(result.error());
}

int keygen(const CommandLine& line, const SignedInTokens& tokens, const std::string& serial,
           const GlobalOptions& options)
{
    const auto type = core::parseKeyType(*line.value("type")); // validated by runTokenCommand
    const auto label = line.value("label");
    int status = ExitOk;
    auto pin = secretOption(line, "pin-file", "PIN", status);
    if (!pin)
        return status;
    auto result = tokens.service->generateKey(tokens.by, q(serial), *pin, *type, q(*label));
    if (!result)
        return fail(result.error());
    if (options.json) {
        printJson(QJsonObject{{QStringLiteral("id"), q(core::toHex(result->id))},
                              {QStringLiteral("label"), q(result->label)},
                              {QStringLiteral("type"), q(core::keyTypeName(result->type))}});
    } else {
        std::cout << core::toHex(result->id) << '\n';
    }
    return ExitOk;
}

int listObjects(const CommandLine& line, const core::TokenModules& modules, const std::string& serial,
                const GlobalOptions& options)
{
    std::optional<SecretBuffer> pin;
    if (auto file = line.value("pin-file")) {
        std::string error;
        pin = readSecretFile(*file, error);
        if (!pin)
            return usageError(error);
    }
    auto objects = modules.objects(q(serial), pin ? &*pin : nullptr);
    if (!objects)
        return fail(objects.error());
    auto algorithm = [](const core::TokenObject& o) -> std::string {
        switch (o.algorithm) {
        case core::KeyAlgorithm::Rsa:
            return "RSA-" + std::to_string(o.keyBits);
        case core::KeyAlgorithm::Ec:
            return "EC-P" + std::to_string(o.keyBits);
        case core::KeyAlgorithm::Other:
            break;
        }
        return "";
    };
    if (options.json) {
        QJsonArray array;
        for (const auto& o : *objects) {
            QJsonObject object{{QStringLiteral("class"), q(core::objectClassName(o.objectClass))},
                               {QStringLiteral("id"), q(core::toHex(o.id))},
                               {QStringLiteral("label"), q(o.label)},
                               {QStringLiteral("private"), o.isPrivate}};
            if (o.objectClass == core::ObjectClass::PrivateKey || o.objectClass == core::ObjectClass::PublicKey)
                object.insert(QStringLiteral("algorithm"), q(algorithm(o)));
            if (o.objectClass == core::ObjectClass::PrivateKey) {
                object.insert(QStringLiteral("sensitive"), o.sensitive);
                object.insert(QStringLiteral("extractable"), o.extractable);
                object.insert(QStringLiteral("sign"), o.canSign);
            }
            if (o.objectClass == core::ObjectClass::Certificate) {
                object.insert(QStringLiteral("subject"), q(o.subject));
                object.insert(QStringLiteral("category"), o.certificateCategory == 2   ? QStringLiteral("authority")
                                                          : o.certificateCategory == 1 ? QStringLiteral("user")
                                                                                       : QStringLiteral("unspecified"));
            }
            array.append(object);
        }
        printJson(array);
        return ExitOk;
    }
    if (objects->empty()) {
        std::cout << (pin ? "The token holds no objects.\n" : "The token holds no public objects.\n");
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& o : *objects) {
        std::string details;
        if (o.objectClass == core::ObjectClass::PrivateKey)
            details = std::string(o.sensitive ? "sensitive" : "NOT sensitive") +
                      (o.extractable ? ", EXTRACTABLE" : ", not extractable") + (o.canSign ? ", sign" : "");
        else if (o.objectClass == core::ObjectClass::Certificate)
            details = (o.certificateCategory == 2 ? "CA: " : "") + o.subject;
        rows.push_back({core::objectClassName(o.objectClass), core::toHex(o.id), o.label, algorithm(o), details});
    }
    printTable({"CLASS", "ID", "LABEL", "KEY", "DETAILS"}, rows);
    return ExitOk;
}

int deleteKey(const CommandLine& line, const SignedInTokens& tokens, const std::string& serial)
{
    const auto id = core::fromHex(*line.value("id")); // validated by runTokenCommand
    int status = ExitOk;
    auto pin = secretOption(line, "pin-file", "PIN", status);
    if (!pin)
        return status;
    auto result = tokens.service->deleteKey(tokens.by, q(serial), *pin, *id);
    return result ? ExitOk : fail(result.error());
}

} // namespace

int runTokenCommand(const CommandLine& line, const GlobalOptions& options)
{
    const auto& words = line.words();
    if (words.at(0) == "modules") {
        auto modules = core::TokenModules::registered();
        QStringList paths;
        for (const auto& m : modules)
            paths << q(m.path);
        // Where each library came from: a module no package installed was put there by hand.
        const QHash<QString, QString> owners = core::debianPackagesOwning(paths);
        if (options.json) {
            QJsonArray array;
            for (const auto& m : modules)
                array.append(QJsonObject{{QStringLiteral("name"), q(m.name)},
                                         {QStringLiteral("path"), q(m.path)},
                                         {QStringLiteral("package"), owners.value(q(m.path))}});
            printJson(array);
        } else {
            std::vector<std::vector<std::string>> rows;
            for (const auto& m : modules) {
                const QString owner = owners.value(q(m.path));
                rows.push_back({m.name, m.path, owner.isEmpty() ? "(none: installed by hand)" : s(owner)});
            }
            printTable({"NAME", "PATH", "PACKAGE"}, rows);
        }
        return ExitOk;
    }

    int status = ExitOk;
    auto loaded = loadModules(options, status);
    if (!loaded)
        return status;

    if (words[0] == "tokens")
        return listTokens(*loaded, options);
    // The command line's model (Commands.cpp) has checked the command, its required options and the key types;
    // what it cannot say is checked here, before any token is touched or anybody signs in.
    const std::string& action = words.at(1);
    const auto serial = line.value("serial");
    if (action == "init" && !serial && !line.flag("uninitialized"))
        return usageError("give --serial S or --uninitialized");
    if (action == "delete" && !core::fromHex(line.value("id").value_or("")))
        return usageError("--id is in hexadecimal, as keygen prints it");
    if (action == "objects") {
        return listObjects(line, *loaded, *serial, options);
    }
    // Everything else changes the token: the operator signs in, and core checks the role and audits.
    auto tokens = signInForTokens(line, options, *loaded, status);
    if (!tokens)
        return status;
    if (action == "init")
        return initToken(line, *tokens, options);
    if (action == "change-pin")
        return changePin(line, *tokens, *serial);
    if (action == "unblock")
        return unblock(line, *tokens, *serial);
    if (action == "keygen")
        return keygen(line, *tokens, *serial, options);
    return deleteKey(line, *tokens, *serial);
}

} // namespace tamga::cli
