#include "tamga/core/AuditLog.h"

#include "tamga/core/Files.h"

#include "tamga/core/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include <map>
#include <mutex>

#include <openssl/rand.h>

namespace tamga::core {

namespace {

const QString kGenesis(64, QLatin1Char('0'));
const QString kHeadSetting = QStringLiteral("audit.head");
// HMAC-SHA256 of the head under the desk's audit key, which lives in a file beside the database and never in it:
// someone who edits the database file (or a copy, or the registry server) cannot make a new head that verifies.
const QString kHeadMacSetting = QStringLiteral("audit.head_mac");

// The audit key of a database: 32 random bytes in "<database>.audit-key" (mode 0600), made at the first event.
// Read once per process and database.
CoreResult<QByteArray> auditKey(const QString& databasePath, bool create)
{
    static std::mutex mutex;
    static QHash<QString, QByteArray> keys;
    std::lock_guard lock(mutex);
    const QString path = databasePath + QStringLiteral(".audit-key");
    if (auto cached = keys.constFind(path); cached != keys.constEnd())
        return *cached;
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
        auto read = readRegularFile(path, 64, QStringLiteral("the audit key"));
        if (!read)
            return std::unexpected(read.error());
        if (read->size() != 32)
            return coreError(CoreErrorKind::Io, QStringLiteral("the audit key %1 is not 32 bytes").arg(path));
        keys.insert(path, *read);
        return *read;
    }
    if (!create)
        return QByteArray();
    QByteArray key(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1)
        return coreError(CoreErrorKind::Io, QStringLiteral("no random bytes for the audit key"));
    if (auto written = writePrivateFile(path, key); !written)
        return std::unexpected(written.error());
    keys.insert(path, key);
    return key;
}

QString headMac(const QByteArray& key, const QString& head)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(head.toUtf8(), key, QCryptographicHash::Sha256).toHex());
}

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

} // namespace

QString AuditLog::hashOf(const AuditEvent& e)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral("tamga-audit-v1"));
    const QString fields[] = {QString::number(e.id),
                              e.at,
                              e.operatorName,
                              e.action,
                              e.objectType,
                              e.objectId,
                              e.outcome,
                              e.details,
                              e.prevHash};
    for (const QString& field : fields) {
        const QByteArray bytes = field.toUtf8();
        hash.addData(QByteArray::number(bytes.size()) + ':');
        hash.addData(bytes);
    }
    return QString::fromLatin1(hash.result().toHex());
}

CoreResult<qint64> AuditLog::append(const AuditEntry& entry) const
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
    // A field left out is '' (Qt would bind a null QString as NULL, which the log's columns refuse).
    auto text = [](const QString& value) { return value.isNull() ? QStringLiteral("") : value; };
    event.operatorName = text(entry.operatorName);
    event.action = text(entry.action);
    event.objectType = text(entry.objectType);
    event.objectId = text(entry.objectId);
    event.outcome = text(entry.outcome);
    event.details = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    event.hash = hashOf(event);

    auto inserted = m_database.exec(QStringLiteral("INSERT INTO audit_log (") + kColumns +
                                        QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                    {event.id, event.at, event.operatorName, event.action, event.objectType,
                                     event.objectId, event.outcome, event.details, event.prevHash, event.hash});
    if (!inserted)
        return std::unexpected(inserted.error());
    // The head (last id and hash) is kept beside the chain, so that events cut off its end are noticed too.
    auto head = m_database.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                                {kHeadSetting, QString::number(event.id) + QLatin1Char(':') + event.hash});
    if (!head)
        return std::unexpected(head.error());
    auto key = auditKey(m_database.localStem(), false);
    if (!key)
        return std::unexpected(key.error());
    if (key->isEmpty()) {
        // No key file. A log that was never keyed gets its key now; one that was keyed keeps its old MAC, so that
        // `audit verify` goes on saying the key is missing (deleting the key file must not make a fresh start).
        auto keyed = m_database.exec(QStringLiteral("SELECT count(*) FROM settings WHERE key = ?"), {kHeadMacSetting});
        if (!keyed || !keyed->next())
            return std::unexpected(
                keyed ? CoreError{CoreErrorKind::Database, QStringLiteral("cannot read the settings")} : keyed.error());
        const bool wasKeyed = keyed->value(0).toInt() > 0;
        keyed->finish();
        if (wasKeyed)
            return event.id;
        key = auditKey(m_database.localStem(), true);
        if (!key)
            return std::unexpected(key.error());
    }
    auto mac =
        m_database.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                        {kHeadMacSetting, headMac(*key, QString::number(event.id) + QLatin1Char(':') + event.hash)});
    if (!mac)
        return std::unexpected(mac.error());
    return event.id;
}

CoreResult<qint64> AuditTrail::add(const AuditEntry& entry)
{
    auto appended = m_log.append(entry);
    if (appended)
        ++m_added;
    return appended;
}

CoreError AuditLog::unrecordedChange()
{
    return CoreError{CoreErrorKind::Database,
                     QStringLiteral("a change was about to be written without its audit event; nothing was written")};
}

CoreStatus AuditLog::change(const AuditEntry& entry, const std::function<CoreStatus()>& work) const
{
    auto done = change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        if (auto changed = work(); !changed)
            return std::unexpected(changed.error());
        if (auto logged = trail.add(entry); !logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

CoreResult<qint64> AuditLog::record(const AuditEntry& entry) const
{
    return change<qint64>([&](AuditTrail& trail) { return trail.add(entry); });
}

CoreResult<std::vector<AuditEvent>> AuditLog::list(int limit) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY id DESC LIMIT ?"), {limit});
    if (!query)
        return std::unexpected(query.error());
    std::vector<AuditEvent> events;
    while (query->next())
        events.push_back(eventFrom(*query));
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
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
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
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
        return bad(lastId,
                   QStringLiteral("the end of the log was rewritten behind Tamga's back at event #%1").arg(lastId));
    }
    // The head carries the desk's audit key: a log rewritten from start to end (every hash recomputed, the head
    // copied) by someone without the key file does not.
    auto storedMac = m_database.exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {kHeadMacSetting});
    if (!storedMac)
        return std::unexpected(storedMac.error());
    const QString mac = storedMac->next() ? storedMac->value(0).toString() : QString();
    storedMac->finish();
    auto key = auditKey(m_database.localStem(), false);
    if (!key)
        return std::unexpected(key.error());
    if (!events.empty()) {
        if (key->isEmpty())
            return bad(lastId, QStringLiteral("the audit key %1.audit-key is missing: the log's head cannot be proved "
                                              "(restore the key file from the backup)")
                                   .arg(m_database.path()));
        if (mac != headMac(*key, lastHead))
            return bad(lastId, QStringLiteral("the log's head (event #%1) does not carry the desk's audit key: the log "
                                              "was rewritten behind Tamga's back")
                                   .arg(lastId));
    } else {
        // An empty log on a desk that has done anything at all was emptied: every operator was added with an event.
        auto operators = m_database.exec(QStringLiteral("SELECT count(*) FROM operators"));
        if (!operators)
            return std::unexpected(operators.error());
        const qint64 count = operators->next() ? operators->value(0).toLongLong() : 0;
        operators->finish();
        if (count > 0 || !mac.isEmpty())
            return bad(1, QStringLiteral("the log is empty, but the desk has %1 operator(s): its events were deleted "
                                         "behind Tamga's back")
                              .arg(count));
    }
    report.headHash = expectedPrev;
    report.headId = lastId;
    return report;
}

CoreResult<std::optional<qint64>> AuditLog::findWitness(const QString& witnessedHash) const
{
    auto found = m_database.exec(QStringLiteral("SELECT id FROM audit_log WHERE hash = ?"), {witnessedHash.toLower()});
    if (!found)
        return std::unexpected(found.error());
    if (!found->next())
        return std::optional<qint64>();
    return std::optional<qint64>(found->value(0).toLongLong());
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
        const QStringList fields{QString::number(e.id),
                                 e.at,
                                 e.operatorName,
                                 e.action,
                                 e.objectType,
                                 e.objectId,
                                 e.outcome,
                                 e.details,
                                 e.prevHash,
                                 e.hash};
        QStringList quoted;
        for (const QString& f : fields)
            quoted << csvField(f);
        file.write(quoted.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
    if (auto complete = Database::readToEnd(*query); !complete) {
        file.cancelWriting();
        return complete;
    }
    if (!file.commit())
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace tamga::core
