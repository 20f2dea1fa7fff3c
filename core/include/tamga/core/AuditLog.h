// The audit log: append-only, every event chained to the one before it by SHA-256 over its canonical content,
// and written in the same transaction as the change it records. Nothing secret is ever put in it.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Database.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace tamga::core {

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

// What one event says. The log adds the time, the id and the chain.
struct AuditEntry {
    QString operatorName; // who
    QString action;       // e.g. "officer.add"
    QString objectType;   // e.g. "officer"
    QString objectId;
    QString outcome = audit::Ok; // audit::Ok, audit::Refused, audit::Failed
    QJsonObject details = {};    // never a secret
};

class AuditLog;

// The events of one change, written in the change's transaction. A change gets one from AuditLog::change and
// adds its event(s) once it knows what it did (a new row's id, how many rows).
class AuditTrail {
public:
    // Returns the new event's id.
    [[nodiscard]] CoreResult<qint64> add(const AuditEntry& entry);
    // The change found nothing to write (every row as it was): no event is owed.
    void unchanged() { m_unchanged = true; }
    int added() const { return m_added; }
    bool isUnchanged() const { return m_unchanged; }

private:
    friend class AuditLog;
    explicit AuditTrail(const AuditLog& log) : m_log(log) {}
    const AuditLog& m_log;
    int m_added = 0;
    bool m_unchanged = false;
};

// Every change to the registry is written one way: through AuditLog::change, which runs it in one transaction
// with its event(s), or, for an event that changes nothing else (a refusal, a failed sign-in), AuditLog::record.
// A change that adds no event is rolled back as a mistake; the events cannot be appended any other way.
class AuditLog {
public:
    explicit AuditLog(const Database& database) : m_database(database) {}

    // Runs `work(trail)` and the events it adds to `trail` in one transaction: committed when `work` returns a
    // value and added at least one event (or said it changed nothing), rolled back otherwise. Returns what `work`
    // returned.
    template <typename T, typename Work> [[nodiscard]] CoreResult<T> change(Work work) const
    {
        return inTransaction<T>([&]() -> CoreResult<T> {
            AuditTrail trail(*this);
            CoreResult<T> result = work(trail);
            if (result && trail.added() == 0 && !trail.isUnchanged())
                return std::unexpected(unrecordedChange());
            return result;
        });
    }
    // The same for a change with one event that does not depend on its outcome.
    [[nodiscard]] CoreStatus change(const AuditEntry& entry, const std::function<CoreStatus()>& work) const;
    // An event on its own, in its own transaction: a refusal, a failed sign-in, an export that wrote only files.
    // Returns the event's id.
    [[nodiscard]] CoreResult<qint64> record(const AuditEntry& entry) const;

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
    friend class AuditTrail;
    // Appends one event; only inside a transaction that AuditLog opened.
    [[nodiscard]] CoreResult<qint64> append(const AuditEntry& entry) const;
    // Database::transaction, which only the audit log may open for a change (Database.h says why).
    template <typename T, typename Work> CoreResult<T> inTransaction(Work work) const;
    static CoreError unrecordedChange();

    const Database& m_database;
};

template <typename T, typename Work> CoreResult<T> AuditLog::inTransaction(Work work) const
{
    return m_database.transaction<T>(std::move(work));
}

} // namespace tamga::core
