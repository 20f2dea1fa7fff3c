// The token stock: every e-token the RA holds, from the supplier's delivery to its retirement. A token is in one
// state at a time; only transitions that make sense are allowed, each is audited and kept in the token's history
// (token_events), and the end of a day is reconciled from that history against the receipts signed.
//
//   in_stock ──▶ prepared ──▶ issued ──▶ returned ──▶ wiped ──▶ prepared …
//       │            │          │  ▲         │          │
//       └────────────┴──────────┴──┴──▶ lost, blocked ──┴──▶ retired (the end)
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace tamga::core {

class Database;

enum class StockState { InStock, Prepared, Issued, Returned, Lost, Blocked, Wiped, Retired };

QString stockStateName(StockState state); // "in_stock", "prepared", ... as stored and typed
std::optional<StockState> parseStockState(const QString& name);
const std::vector<StockState>& allStockStates();
// Whether a token in `from` may be put in `to` (never to the state it is in).
bool stockTransitionAllowed(StockState from, StockState to);
// Who may: a clerk records what happens at the desk (returned, lost, blocked); the rest is a supervisor's.
bool clerkMaySet(StockState to);

struct StockToken {
    qint64 id = 0;
    QString serial;
    QString manufacturer;
    QString model;
    QString label;
    StockState state = StockState::InStock;
    QString reason; // why it is in this state, as last given
    QString firstSeenAt;
    QString updatedAt;
};

struct StockImportReport {
    int rows = 0;  // serials in the file
    int added = 0; // new in the stock
    int known = 0; // in the stock already (left as they are)
    struct Problem {
        int line = 0;
        QString reason;
    };
    std::vector<Problem> problems; // any problem: nothing was imported
};

// One day at the desk, from the tokens' history and the receipts.
struct StockDay {
    QDate day;
    int inStockAtEnd = 0; // tokens in stock or wiped (ready to prepare) at the end of the day
    int preparedAtEnd = 0;
    int issued = 0;         // tokens that went to "issued" that day
    int returned = 0;       // … to "returned"
    int spoiled = 0;        // … to "lost", "blocked" or "retired"
    int received = 0;       // tokens that entered the stock that day
    int receiptsSigned = 0; // hand-overs with a printed receipt that day
    // Every issue of the day should have its signed receipt; the difference is what the supervisor looks into.
    int issuedWithoutReceipt() const { return issued > receiptsSigned ? issued - receiptsSigned : 0; }
};

class TokenStock {
public:
    explicit TokenStock(const Database& database) : m_database(database) {}

    // A supplier's delivery: CSV with a header naming at least "serial" (optionally "manufacturer", "model").
    // All or nothing: any bad row (empty, too long, control characters, a serial twice) refuses the file, by line.
    // A supervisor's action.
    [[nodiscard]] CoreResult<StockImportReport> importDelivery(const Operator& by, const QString& path) const;
    // Serial order; all states when `state` is empty.
    [[nodiscard]] CoreResult<std::vector<StockToken>> list(std::optional<StockState> state = std::nullopt) const;
    [[nodiscard]] CoreResult<StockToken> find(const QString& serial) const;
    // Puts the token in `to`, with the reason (required). Refused when the transition makes no sense or the
    // operator's role may not; every attempt is audited.
    [[nodiscard]] CoreStatus setState(const Operator& by, const QString& serial, StockState to,
                                      const QString& reason) const;
    [[nodiscard]] CoreResult<StockDay> reconcile(const QDate& day) const;

private:
    const Database& m_database;
};

// For the enrollment engine, inside the change that carries its audit event: the token's row id, entering it in
// the stock "in_stock" (with the first line of its history) when the desk has not seen it before.
[[nodiscard]] CoreResult<qint64> enterTokenInStock(const Database& database, const QString& operatorName,
                                                   const QString& serial, const QString& reason);
// For the enrollment engine, inside the change that carries its audit event: records a token's move to `to`
// (its state and its history), when the stock allows it from where the token is; a move the stock does not
// allow (an enrollment erasing a returned token, say) leaves the stock as it is.
[[nodiscard]] CoreStatus moveTokenInStock(const Database& database, const QString& operatorName, const QString& serial,
                                          StockState to, const QString& reason);

} // namespace tamga::core
