#include "tamga/core/AuditLog.h"

#include "tamga/core/Files.h"

#include "tamga/core/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <map>

namespace tamga::core {

namespace {

const QString kGenesis(64, QLatin1Char('0'));
const QString kHeadSetting = QStringLiteral("audit.head");

AuditEvent eventFrom(const QSqlQuery& q)
{
    AuditEvent e;
    e.id = q.value(0).toLongLong();
    e.at = q.value(1).toString();
    e.operatorName = q.value(2).toString();
    e.action = q.value(3).toString();
    e.objectType = q.value(4).toString();
    e.objectId = q.value(5).toString();
    e.outcome = q.value(6).toString();
    e.details = q.value(7).toString();
    e.prevHash = q.value(8).toString();
    e.hash = q.value(9).toString();
    return e;
}

const QString kColumns =
    QStringLiteral("id, at, operator, action, object_type, object_id, outcome, details, prev_hash, hash");

QString csvField(const QString& text)
{
    // A cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return first) starts
    // with an apostrophe: the export is opened in spreadsheets, and "=cmd|..." must stay text.
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    const QString value = !text.isEmpty() && formulaStarts.contains(text.front()) ? QLatin1Char('\'') + text : text;
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

QString AuditLog::hashOf(const AuditEvent& e)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral("tamga-audit-v1"));
    const QString fields[] = {QString::number(e.id), e.at,     e.operatorName, e.action,  e.objectType,
                              e.objectId,           e.outcome, e.details,      e.prevHash};
    for (const QString& field : fields) {
        const QByteArray bytes = field.toUtf8();
        hash.addData(QByteArray::number(bytes.size()) + ':');
        hash.addData(bytes);
    }
    return QString::fromLatin1(hash.result().toHex());
}

CoreResult<qint64> AuditLog::append(const QString& operatorName, const QString& action, const QString& objectType,
                                    const QString& objectId, const QString& outcome,
                                    const QJsonObject& details) const
{
    auto last = m_database.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    AuditEvent event;
    event.prevHash = kGenesis;
    if (last->next()) {
        event.id = last->value(0).toLongLong();
        event.prevHash = last->value(1).toString();
    }
    last->finish();
    event.id += 1;
    event.at = storedNow();
    event.operatorName = operatorName;
    event.action = action;
    event.objectType = objectType;
    event.objectId = objectId;
    event.outcome = outcome;
    event.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    event.hash = hashOf(event);

    auto inserted = m_database.exec(
        QStringLiteral("INSERT INTO audit_log (") + kColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {event.id, event.at, event.operatorName, event.action, event.objectType, event.objectId, event.outcome,
         event.details, event.prevHash, event.hash});
    if (!inserted)
        return std::unexpected(inserted.error());
    // The head (last id and hash) is kept beside the chain, so that events cut off its end are noticed too.
    auto head = m_database.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                                {kHeadSetting, QString::number(event.id) + QLatin1Char(':') + event.hash});
    if (!head)
        return std::unexpected(head.error());
    return event.id;
}

CoreStatus AuditLog::recordChange(const std::function<CoreStatus()>& change, const QString& operatorName,
                                  const QString& action, const QString& objectType, const QString& objectId,
                                  const QString& outcome, const QJsonObject& details) const
{
    auto done = m_database.transaction<bool>([&]() -> CoreResult<bool> {
        if (auto changed = change(); !changed)
            return std::unexpected(changed.error());
        if (auto logged = append(operatorName, action, objectType, objectId, outcome, details); !logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

CoreResult<std::vector<AuditEvent>> AuditLog::list(int limit) const
{
    auto query = m_database.exec(QStringLiteral("SELECT ") + kColumns +
                                     QStringLiteral(" FROM audit_log ORDER BY id DESC LIMIT ?"),
                                 {limit});
    if (!query)
        return std::unexpected(query.error());
    std::vector<AuditEvent> events;
    while (query->next())
        events.push_back(eventFrom(*query));
    return events;
}

CoreResult<AuditVerification> AuditLog::verify() const
{
    auto query = m_database.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY id"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<AuditEvent> events;
    while (query->next())
        events.push_back(eventFrom(*query));
    query->finish();

    // Which event each stored hash belongs to: tells a moved event from an edited one.
    std::map<QString, qint64> idOfHash;
    for (const AuditEvent& e : events)
        idOfHash[e.hash] = e.id;

    AuditVerification report;
    auto bad = [&](qint64 id, QString problem) {
        report.intact = false;
        report.firstBadEvent = id;
        report.problem = std::move(problem);
        return report;
    };
    // Where Tamga last wrote the end of the chain ("id:hash").
    auto head = m_database.exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {kHeadSetting});
    if (!head)
        return std::unexpected(head.error());
    const QString recorded = head->next() ? head->value(0).toString() : QString();
    head->finish();
    const qint64 recordedId = recorded.section(QLatin1Char(':'), 0, 0).toLongLong();

    QString expectedPrev = kGenesis;
    qint64 expectedId = 1;
    for (const AuditEvent& e : events) {
        if (e.id > recordedId || e.id < expectedId)
            return bad(e.id, QStringLiteral("event #%1 was inserted behind Tamga's back").arg(e.id));
        if (hashOf(e) != e.hash) {
            auto linked = idOfHash.find(e.prevHash);
            if (e.prevHash != expectedPrev && linked != idOfHash.end() && linked->second != e.id - 1) {
                return bad(e.id, QStringLiteral("event #%1 is out of order: it follows event #%2 in the chain "
                                                "(reordered behind Tamga's back)")
                                     .arg(e.id)
                                     .arg(linked->second));
            }
            return bad(e.id, QStringLiteral("event #%1 was edited behind Tamga's back: its content does not match "
                                            "its hash")
                                 .arg(e.id));
        }
        if (e.prevHash != expectedPrev) {
            if (e.id > expectedId) {
                return bad(expectedId, e.id == expectedId + 1
                                           ? QStringLiteral("event #%1 was deleted behind Tamga's back (the chain "
                                                            "breaks before event #%2)")
                                                 .arg(expectedId)
                                                 .arg(e.id)
                                           : QStringLiteral("events #%1 to #%2 were deleted behind Tamga's back (the "
                                                            "chain breaks before event #%3)")
                                                 .arg(expectedId)
                                                 .arg(e.id - 1)
                                                 .arg(e.id));
            }
            // A well-formed event whose link is wrong: the event before it does not belong to the chain.
            return bad(e.id - 1, QStringLiteral("event #%1 was inserted behind Tamga's back (event #%2 does not "
                                                "follow it in the chain)")
                                     .arg(e.id - 1)
                                     .arg(e.id));
        }
        expectedPrev = e.hash;
        expectedId = e.id + 1;
        ++report.eventsChecked;
    }

    // The end of the chain must be where Tamga last wrote it.
    const qint64 lastId = events.empty() ? 0 : events.back().id;
    const QString lastHead = events.empty() ? QString() : QString::number(lastId) + QLatin1Char(':') + expectedPrev;
    if (recorded != lastHead) {
        if (recordedId > lastId) {
            return bad(lastId + 1, recordedId == lastId + 1
                                       ? QStringLiteral("event #%1 was deleted behind Tamga's back (cut off the end "
                                                        "of the log)")
                                             .arg(recordedId)
                                       : QStringLiteral("events #%1 to #%2 were deleted behind Tamga's back (cut off "
                                                        "the end of the log)")
                                             .arg(lastId + 1)
                                             .arg(recordedId));
        }
        return bad(lastId, QStringLiteral("the end of the log was rewritten behind Tamga's back at event #%1")
                               .arg(lastId));
    }
    report.headHash = expectedPrev;
    return report;
}

CoreStatus AuditLog::exportCsv(const QString& path) const
{
    auto query = m_database.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY id"));
    if (!query)
        return std::unexpected(query.error());
    QSaveFile file(path);
    if (auto opened = openPrivateFile(file); !opened)
        return opened;
    file.write("id,at,operator,action,object_type,object_id,outcome,details,prev_hash,hash\r\n");
    while (query->next()) {
        const AuditEvent e = eventFrom(*query);
        const QStringList fields{QString::number(e.id), e.at,      e.operatorName, e.action, e.objectType,
                                 e.objectId,            e.outcome, e.details,      e.prevHash, e.hash};
        QStringList quoted;
        for (const QString& f : fields)
            quoted << csvField(f);
        file.write(quoted.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
    if (!file.commit())
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

}  // namespace tamga::core
