#include "tamga/core/TokenStock.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Csv.h"
#include "tamga/core/Database.h"
#include "tamga/core/Files.h"
#include "tamga/core/Text.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <array>

namespace tamga::core {

namespace {

constexpr std::array<std::pair<StockState, const char*>, 8> kStateNames{{
    {StockState::InStock, "in_stock"},
    {StockState::Prepared, "prepared"},
    {StockState::Issued, "issued"},
    {StockState::Returned, "returned"},
    {StockState::Lost, "lost"},
    {StockState::Blocked, "blocked"},
    {StockState::Wiped, "wiped"},
    {StockState::Retired, "retired"},
}};

constexpr qint64 kMaxDeliveryBytes = 4 * 1024 * 1024;
constexpr int kMaxSerialLength = 64;

// Qt binds a null QString as SQL NULL; the stock's text columns are NOT NULL with '' for "none".
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Adds one line to the token's history.
CoreStatus recordEvent(const Database& database, qint64 tokenId, const QString& from, const QString& to,
                       const QString& reason, const QString& operatorName)
{
    auto inserted = database.exec(QStringLiteral("INSERT INTO token_events (token_id, at, from_state, to_state, "
                                                 "reason, operator) VALUES (?, ?, ?, ?, ?, ?)"),
                                  {tokenId, storedNow(), notNull(from), to, notNull(reason), notNull(operatorName)});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

const QString kTokenColumns =
    QStringLiteral("SELECT id, serial, manufacturer, model, label, status, status_reason, first_seen_at, updated_at "
                   "FROM tokens ");

StockToken tokenFrom(const QSqlQuery& q)
{
    return StockToken{q.value(0).toLongLong(), q.value(1).toString(),
                      q.value(2).toString(),   q.value(3).toString(),
                      q.value(4).toString(),   parseStockState(q.value(5).toString()).value_or(StockState::InStock),
                      q.value(6).toString(),   q.value(7).toString(),
                      q.value(8).toString()};
}

CoreResult<std::optional<StockToken>> tokenBySerial(const Database& database, const QString& serial)
{
    auto query = database.exec(kTokenColumns + QStringLiteral("WHERE serial = ?"), {serial});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next()) {
        if (auto complete = Database::readToEnd(*query); !complete)
            return std::unexpected(complete.error());
        return std::optional<StockToken>();
    }
    StockToken token = tokenFrom(*query);
    query->finish();
    return std::optional(token);
}

CoreStatus storeState(const Database& database, qint64 tokenId, StockState to, const QString& reason)
{
    auto updated =
        database.exec(QStringLiteral("UPDATE tokens SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?"),
                      {stockStateName(to), reason, storedNow(), tokenId});
    if (!updated)
        return std::unexpected(updated.error());
    return {};
}

} // namespace

QString stockStateName(StockState state)
{
    for (const auto& [known, name] : kStateNames) {
        if (known == state)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("in_stock");
}

std::optional<StockState> parseStockState(const QString& name)
{
    for (const auto& [state, known] : kStateNames) {
        if (name == QLatin1String(known))
            return state;
    }
    return std::nullopt;
}

const std::vector<StockState>& allStockStates()
{
    static const std::vector<StockState> states = [] {
        std::vector<StockState> all;
        for (const auto& entry : kStateNames)
            all.push_back(entry.first);
        return all;
    }();
    return states;
}

bool stockTransitionAllowed(StockState from, StockState to)
{
    using S = StockState;
    if (from == to)
        return false;
    switch (from) {
    case S::InStock:
        return to == S::Prepared || to == S::Issued || to == S::Lost || to == S::Blocked || to == S::Retired;
    case S::Prepared:
        return to == S::Issued || to == S::Wiped || to == S::Lost || to == S::Blocked || to == S::Retired;
    case S::Issued:
        // An issued token comes back (returned), goes missing, or blocks its PIN; it is wiped only once returned.
        return to == S::Returned || to == S::Lost || to == S::Blocked;
    case S::Returned:
        // What a returned token holds is someone's key: it is wiped before it is prepared for anybody else.
        return to == S::Wiped || to == S::Lost || to == S::Retired;
    case S::Lost:
        return to == S::Returned || to == S::Retired; // found again, or written off
    case S::Blocked:
        return to == S::Issued || to == S::Wiped || to == S::Lost || to == S::Retired; // unblocked for its officer
    case S::Wiped:
        return to == S::InStock || to == S::Prepared || to == S::Issued || to == S::Lost || to == S::Retired;
    case S::Retired:
        return false;
    }
    return false;
}

bool clerkMaySet(StockState to)
{
    return to == StockState::Returned || to == StockState::Lost || to == StockState::Blocked;
}

CoreResult<StockImportReport> TokenStock::importDelivery(const Operator& by, const QString& path) const
{
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("token.stock_import"));
        !allowed)
        return std::unexpected(allowed.error());
    auto bytes = readRegularFile(path, kMaxDeliveryBytes, QStringLiteral("the token delivery list"));
    if (!bytes)
        return std::unexpected(bytes.error());
    StockImportReport report;
    if (auto invalid = firstInvalidUtf8(*bytes)) {
        report.problems.push_back(
            {invalid->line,
             QStringLiteral("the file is not UTF-8 (byte 0x%1)").arg(invalid->byte, 2, 16, QLatin1Char('0'))});
        return report;
    }
    const CsvDocument document = parseCsv(*bytes);
    if (document.problem) {
        report.problems.push_back({document.problem->line, document.problem->reason});
        return report;
    }
    if (document.records.empty()) {
        report.problems.push_back({1, QStringLiteral("the file is empty")});
        return report;
    }
    const QStringList header = document.records.front().fields;
    const qsizetype serialColumn = header.indexOf(QStringLiteral("serial"));
    if (serialColumn < 0) {
        report.problems.push_back({document.records.front().line, QStringLiteral("no \"serial\" column")});
        return report;
    }
    const qsizetype manufacturerColumn = header.indexOf(QStringLiteral("manufacturer"));
    const qsizetype modelColumn = header.indexOf(QStringLiteral("model"));
    struct Row {
        int line;
        QString serial, manufacturer, model;
    };
    std::vector<Row> rows;
    QHash<QString, int> seen;
    for (std::size_t i = 1; i < document.records.size(); ++i) {
        const CsvRecord& record = document.records[i];
        auto field = [&](qsizetype column) {
            return column >= 0 && column < record.fields.size() ? record.fields[column].trimmed() : QString();
        };
        Row row{record.line, field(serialColumn), field(manufacturerColumn), field(modelColumn)};
        if (row.serial.isEmpty()) {
            report.problems.push_back({row.line, QStringLiteral("the serial is empty")});
            continue;
        }
        bool bad = false;
        for (const auto& [name, value, length] : {std::tuple{QStringLiteral("serial"), row.serial, kMaxSerialLength},
                                                  std::tuple{QStringLiteral("manufacturer"), row.manufacturer, 64},
                                                  std::tuple{QStringLiteral("model"), row.model, 64}}) {
            if (auto problem = textProblem(name, value, length)) {
                report.problems.push_back({row.line, *problem});
                bad = true;
            }
        }
        if (bad)
            continue;
        if (seen.contains(row.serial)) {
            report.problems.push_back(
                {row.line,
                 QStringLiteral("the serial %1 is on line %2 already").arg(row.serial).arg(seen[row.serial])});
            continue;
        }
        seen.insert(row.serial, row.line);
        rows.push_back(row);
    }
    report.rows = static_cast<int>(rows.size());
    if (!report.problems.empty())
        return report;
    const QString source = QFileInfo(path).fileName();
    return AuditLog(m_database).change<StockImportReport>([&](AuditTrail& trail) -> CoreResult<StockImportReport> {
        for (const Row& row : rows) {
            auto existing = tokenBySerial(m_database, row.serial);
            if (!existing)
                return std::unexpected(existing.error());
            if (*existing) {
                ++report.known;
                continue;
            }
            auto entered = enterTokenInStock(m_database, by.name, row.serial, QStringLiteral("delivered: ") + source);
            if (!entered)
                return std::unexpected(entered.error());
            auto described =
                m_database.exec(QStringLiteral("UPDATE tokens SET manufacturer = ?, model = ? WHERE id = ?"),
                                {notNull(row.manufacturer), notNull(row.model), *entered});
            if (!described)
                return std::unexpected(described.error());
            ++report.added;
        }
        if (report.added == 0) {
            trail.unchanged();
            return report;
        }
        if (auto logged = trail.add({by.name,
                                     QStringLiteral("token.stock_import"),
                                     QStringLiteral("file"),
                                     source,
                                     audit::Ok,
                                     {{QStringLiteral("rows"), report.rows},
                                      {QStringLiteral("added"), report.added},
                                      {QStringLiteral("known"), report.known}}});
            !logged)
            return std::unexpected(logged.error());
        return report;
    });
}

CoreResult<std::vector<StockToken>> TokenStock::list(std::optional<StockState> state) const
{
    // One read for the whole list (a stock holds thousands of tokens).
    auto query = state ? m_database.exec(kTokenColumns + QStringLiteral("WHERE status = ? ORDER BY serial"),
                                         {stockStateName(*state)})
                       : m_database.exec(kTokenColumns + QStringLiteral("ORDER BY serial"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<StockToken> tokens;
    while (query->next())
        tokens.push_back(tokenFrom(*query));
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return tokens;
}

CoreResult<StockToken> TokenStock::find(const QString& serial) const
{
    auto token = tokenBySerial(m_database, serial);
    if (!token)
        return std::unexpected(token.error());
    if (!*token)
        return coreError(
            CoreErrorKind::NotFound,
            QStringLiteral("no token with the serial %1 is in the stock").arg(escapedForTerminal(serial.left(64))));
    return **token;
}

CoreStatus TokenStock::setState(const Operator& by, const QString& serial, StockState to, const QString& reason) const
{
    const QString action = QStringLiteral("token.stock_") + stockStateName(to);
    if (!clerkMaySet(to)) {
        if (auto allowed = Operators(m_database).require(by, Role::Supervisor, action); !allowed)
            return allowed;
    }
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("say why the token's state changes (a reason)"));
    if (auto problem = textProblem(QStringLiteral("reason"), why, 200))
        return coreError(CoreErrorKind::InvalidInput, *problem);
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        auto token = find(serial);
        if (!token)
            return std::unexpected(token.error());
        if (!stockTransitionAllowed(token->state, to)) {
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("the token %1 is %2: it cannot become %3")
                                 .arg(token->serial, stockStateName(token->state), stockStateName(to)));
        }
        if (auto stored = storeState(m_database, token->id, to, why); !stored)
            return std::unexpected(stored.error());
        if (auto history =
                recordEvent(m_database, token->id, stockStateName(token->state), stockStateName(to), why, by.name);
            !history)
            return std::unexpected(history.error());
        if (auto logged = trail.add({by.name,
                                     action,
                                     QStringLiteral("token"),
                                     token->serial,
                                     audit::Ok,
                                     {{QStringLiteral("from"), stockStateName(token->state)},
                                      {QStringLiteral("to"), stockStateName(to)},
                                      {QStringLiteral("reason"), why}}});
            !logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done) {
        // A refused transition is a refusal an auditor wants to see too.
        if (done.error().kind == CoreErrorKind::Conflict) {
            auto logged = AuditLog(m_database)
                              .record({by.name,
                                       action,
                                       QStringLiteral("token"),
                                       serial,
                                       audit::Refused,
                                       {{QStringLiteral("reason"), done.error().message}}});
            if (!logged)
                return std::unexpected(logged.error());
        }
        return std::unexpected(done.error());
    }
    return {};
}

CoreResult<StockDay> TokenStock::reconcile(const QDate& day) const
{
    StockDay result;
    result.day = day;
    const QString date = day.toString(Qt::ISODate);
    auto moves = m_database.exec(QStringLiteral("SELECT from_state, to_state FROM token_events WHERE "
                                                "substr(at, 1, 10) = ?"),
                                 {date});
    if (!moves)
        return std::unexpected(moves.error());
    while (moves->next()) {
        const QString from = moves->value(0).toString();
        const auto to = parseStockState(moves->value(1).toString());
        if (from.isEmpty())
            ++result.received;
        if (!to)
            continue;
        if (*to == StockState::Issued)
            ++result.issued;
        else if (*to == StockState::Returned)
            ++result.returned;
        else if (*to == StockState::Lost || *to == StockState::Blocked || *to == StockState::Retired)
            ++result.spoiled;
    }
    if (auto complete = Database::readToEnd(*moves); !complete)
        return std::unexpected(complete.error());
    // Each token's state at the end of the day: its last move on or before it.
    auto states = m_database.exec(
        QStringLiteral("SELECT e.to_state, count(*) FROM token_events e WHERE e.id = (SELECT max(id) FROM "
                       "token_events WHERE token_id = e.token_id AND substr(at, 1, 10) <= ?) GROUP BY e.to_state"),
        {date});
    if (!states)
        return std::unexpected(states.error());
    while (states->next()) {
        const auto state = parseStockState(states->value(0).toString());
        const int count = states->value(1).toInt();
        if (state == StockState::InStock || state == StockState::Wiped)
            result.inStockAtEnd += count;
        else if (state == StockState::Prepared)
            result.preparedAtEnd += count;
    }
    if (auto complete = Database::readToEnd(*states); !complete)
        return std::unexpected(complete.error());
    auto receipts = m_database.exec(
        QStringLiteral("SELECT count(*) FROM enrollments WHERE state = 'handed_over' AND receipt_sha256 IS NOT NULL "
                       "AND receipt_sha256 <> '' AND substr(updated_at, 1, 10) = ?"),
        {date});
    if (!receipts)
        return std::unexpected(receipts.error());
    if (receipts->next())
        result.receiptsSigned = receipts->value(0).toInt();
    receipts->finish();
    return result;
}

CoreStatus moveTokenInStock(const Database& database, const QString& operatorName, const QString& serial, StockState to,
                            const QString& reason)
{
    auto token = tokenBySerial(database, serial);
    if (!token)
        return std::unexpected(token.error());
    if (!*token || !stockTransitionAllowed((*token)->state, to))
        return {};
    if (auto stored = storeState(database, (*token)->id, to, reason); !stored)
        return stored;
    return recordEvent(database, (*token)->id, stockStateName((*token)->state), stockStateName(to), reason,
                       operatorName);
}

CoreResult<qint64> enterTokenInStock(const Database& database, const QString& operatorName, const QString& serial,
                                     const QString& reason)
{
    auto token = tokenBySerial(database, serial);
    if (!token)
        return std::unexpected(token.error());
    if (*token)
        return (*token)->id;
    const QString now = storedNow();
    auto inserted = database.exec(
        QStringLiteral("INSERT INTO tokens (serial, status, status_reason, first_seen_at, updated_at) VALUES (?, "
                       "'in_stock', ?, ?, ?)"),
        {serial, reason, now, now});
    if (!inserted)
        return std::unexpected(inserted.error());
    const qint64 id = inserted->lastInsertId().toLongLong();
    if (auto history = recordEvent(database, id, QString(), QStringLiteral("in_stock"), reason, operatorName); !history)
        return std::unexpected(history.error());
    return id;
}

} // namespace tamga::core
