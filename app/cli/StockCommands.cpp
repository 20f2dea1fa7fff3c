#include "StockCommands.h"

#include "Output.h"
#include "SignIn.h"
#include "tamga/core/Database.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenService.h"
#include "tamga/core/TokenStock.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

#include <iostream>

namespace tamga::cli {

namespace {

QJsonObject tokenJson(const core::StockToken& t)
{
    return {{QStringLiteral("serial"), t.serial},
            {QStringLiteral("manufacturer"), t.manufacturer},
            {QStringLiteral("model"), t.model},
            {QStringLiteral("label"), t.label},
            {QStringLiteral("state"), core::stockStateName(t.state)},
            {QStringLiteral("reason"), t.reason},
            {QStringLiteral("first_seen_at"), t.firstSeenAt},
            {QStringLiteral("updated_at"), t.updatedAt}};
}

int importDelivery(const CommandLine& line, const core::Database& database)
{
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto report = core::TokenStock(database).importDelivery(*by, q(line.words().at(2)));
    if (!report)
        return fail(report.error());
    if (!report->problems.empty()) {
        for (const auto& problem : report->problems)
            std::cerr << "line " << problem.line << ": " << s(core::escapedForTerminal(problem.reason)) << '\n';
        return fail("the delivery list has " + std::to_string(report->problems.size()) +
                    " bad line(s): no token was added");
    }
    std::cout << report->added << " token(s) added, " << report->known << " in the stock already\n";
    return ExitOk;
}

int list(const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    std::optional<core::StockState> state;
    if (auto text = line.value("state")) {
        state = core::parseStockState(q(*text));
        if (!state)
            return usageError("unknown stock state \"" + *text + "\"");
    }
    auto tokens = core::TokenStock(database).list(state);
    if (!tokens)
        return fail(tokens.error());
    if (options.json) {
        QJsonArray array;
        for (const auto& t : *tokens)
            array.append(tokenJson(t));
        printJson(array);
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : *tokens)
        rows.push_back({s(t.serial), s(core::stockStateName(t.state)), s(t.manufacturer), s(t.model), s(t.label),
                        s(t.reason), s(t.updatedAt)});
    printTable({"SERIAL", "STATE", "MANUFACTURER", "MODEL", "LABEL", "REASON", "SINCE"}, rows);
    return ExitOk;
}

int set(const CommandLine& line, const core::Database& database)
{
    const auto& words = line.words();
    const auto state = core::parseStockState(q(words.at(3)));
    if (!state)
        return usageError("unknown stock state \"" + words.at(3) + "\"");
    int status = ExitOk;
    auto by = signIn(line, database, "password-file", status);
    if (!by)
        return status;
    auto done = core::TokenStock(database).setState(*by, q(words.at(2)), *state, q(line.value("reason").value_or("")));
    return done ? ExitOk : fail(done.error());
}

// A returned token erased for re-issue with the SO PIN the desk sealed for it: a supervisor, whose password unlocks
// the desk key.
int wipe(const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    int status = ExitOk;
    core::Password password;
    auto by = signIn(line, database, "password-file", status, &password);
    if (!by)
        return status;
    auto key = core::SealedSecrets(database).unlock(by->name, password);
    password.clear();
    if (!key)
        return fail(key.error());
    auto modules = core::TokenModules::load(options.modulePaths);
    if (!modules)
        return fail(modules.error());
    const QString serial = q(line.words().at(2));
    auto wiped =
        core::TokenService(database, *modules).wipeForReissue(*by, *key, serial, q(line.value("reason").value_or("")));
    if (!wiped)
        return fail(wiped.error());
    std::cout << "token " << s(serial) << " wiped: ready for the next officer\n";
    return ExitOk;
}

int day(const CommandLine& line, const core::Database& database, const GlobalOptions& options)
{
    QDate date = QDate::currentDate();
    if (auto text = line.value("date")) {
        date = QDate::fromString(q(*text), Qt::ISODate);
        if (!date.isValid())
            return usageError("--date is YYYY-MM-DD");
    }
    auto reconciled = core::TokenStock(database).reconcile(date);
    if (!reconciled)
        return fail(reconciled.error());
    const core::StockDay& d = *reconciled;
    if (options.json) {
        printJson(QJsonObject{{QStringLiteral("date"), d.day.toString(Qt::ISODate)},
                              {QStringLiteral("received"), d.received},
                              {QStringLiteral("issued"), d.issued},
                              {QStringLiteral("returned"), d.returned},
                              {QStringLiteral("spoiled"), d.spoiled},
                              {QStringLiteral("receipts_signed"), d.receiptsSigned},
                              {QStringLiteral("issued_without_receipt"), d.issuedWithoutReceipt()},
                              {QStringLiteral("in_stock_at_end"), d.inStockAtEnd},
                              {QStringLiteral("prepared_at_end"), d.preparedAtEnd}});
        return ExitOk;
    }
    std::cout << "Token stock on " << s(d.day.toString(Qt::ISODate)) << '\n'
              << "  received            " << d.received << '\n'
              << "  issued              " << d.issued << '\n'
              << "  receipts signed     " << d.receiptsSigned << '\n'
              << "  returned            " << d.returned << '\n'
              << "  spoiled             " << d.spoiled << "  (lost, blocked, retired)\n"
              << "  in stock at the end " << d.inStockAtEnd << '\n'
              << "  prepared at the end " << d.preparedAtEnd << '\n';
    if (d.issuedWithoutReceipt() > 0)
        std::cout << "  " << d.issuedWithoutReceipt() << " token(s) issued without a signed receipt: look into them\n";
    return ExitOk;
}

} // namespace

int runStockCommand(const CommandLine& line, const GlobalOptions& options)
{
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error());
    const std::string& action = line.words().at(1);
    if (action == "import")
        return importDelivery(line, **database);
    if (action == "list")
        return list(line, **database, options);
    if (action == "set")
        return set(line, **database);
    if (action == "wipe")
        return wipe(line, **database, options);
    return day(line, **database, options);
}

} // namespace tamga::cli
