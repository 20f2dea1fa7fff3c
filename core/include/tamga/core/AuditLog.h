// The audit log: append-only, every event chained to the one before it by SHA-256 over its canonical content,
// and written in the same transaction as the change it records. Nothing secret is ever put in it.
#pragma once

#include "tamga/core/CoreError.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace tamga::core {

class Database;

struct AuditEvent {
    qint64 id = 0;
    QString at;           // UTC ISO 8601
    QString operatorName; // who
    QString action;       // e.g. "officer.add"
    QString objectType;   // e.g. "officer"
    QString objectId;
    QString outcome; // "ok", "refused", "failed"
    QString details; // compact JSON
    QString prevHash;
    QString hash;
};

struct AuditVerification {
    bool intact = true;
    qint64 eventsChecked = 0;
    QString headHash; // hash of the last event: record it elsewhere to anchor the chain
    qint64 headId = 0;
    std::optional<qint64> firstBadEvent; // the first event that does not fit
    QString problem;                     // e.g. "event #12 was edited behind Tamga's back"
};

namespace audit {
inline const QString Ok = QStringLiteral("ok");
inline const QString Refused = QStringLiteral("refused");
inline const QString Failed = QStringLiteral("failed");
} // namespace audit

class AuditLog {
public:
    explicit AuditLog(const Database& database) : m_database(database) {}

    // Appends one event. Call it inside the transaction that makes the change it records.
    [[nodiscard]] CoreResult<qint64> append(const QString& operatorName, const QString& action,
                                            const QString& objectType, const QString& objectId, const QString& outcome,
                                            const QJsonObject& details = {}) const;

    // Runs `change` and appends its event, both in one transaction: a change is never written without its event.
    [[nodiscard]] CoreStatus recordChange(const std::function<CoreStatus()>& change, const QString& operatorName,
                                          const QString& action, const QString& objectType, const QString& objectId,
                                          const QString& outcome, const QJsonObject& details = {}) const;

    // Newest first.
    [[nodiscard]] CoreResult<std::vector<AuditEvent>> list(int limit) const;
    // Checks every event in order; names the first that was edited, deleted, inserted or reordered.
    // Walks the chain; the head must also carry the desk's audit key (a file beside the database, never in it),
    // and an empty log on a desk with operators is an alarm.
    [[nodiscard]] CoreResult<AuditVerification> verify() const;
    // The event whose hash a witness kept (printed on a receipt or a daily summary, written down by a supervisor):
    // nullopt when the chain no longer holds it. Meaningful after verify() found the chain intact.
    [[nodiscard]] CoreResult<std::optional<qint64>> findWitness(const QString& witnessedHash) const;
    // All events, oldest first, as CSV (RFC 4180, UTF-8).
    [[nodiscard]] CoreStatus exportCsv(const QString& path) const;

    // SHA-256 (hex) of an event's canonical content: every field but `hash`, length-prefixed.
    static QString hashOf(const AuditEvent& event);

private:
    const Database& m_database;
};

} // namespace tamga::core
