#include "tamga/core/Backup.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/core/Files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>

namespace tamga::core {

namespace {

const QString kDatabase = QStringLiteral("tamga.db");
// A shared registry's copy: pg_dump's custom format, restored by pg_restore.
const QString kRegistryDump = QStringLiteral("registry.pgdump");
const QString kRegistryKey = QStringLiteral("registry.audit-key");
// pg_dump and pg_restore of a large registry take a while; a tool that hangs longer is given up.
constexpr int kToolTimeoutMs = 30 * 60 * 1000;
const QString kManifest = QStringLiteral("manifest.json");
// The folders beside a database that belong to it: what was printed and kept.
const QStringList kKeptFolders{QStringLiteral("receipts"), QStringLiteral("revocation-forms")};
constexpr qint64 kMaxKeptFile = 64LL * 1024 * 1024;

QString keyOf(const QString& databasePath)
{
    return databasePath + QStringLiteral(".audit-key");
}

CoreResult<QString> sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot read %1").arg(path));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot read %1").arg(path));
    return QString::fromLatin1(hash.result().toHex());
}

// A private copy of a regular file (links are not followed: a backup holds what the desk wrote, nothing else).
CoreStatus copyPrivate(const QString& from, const QString& to)
{
    auto bytes = readRegularFile(from, kMaxKeptFile, QStringLiteral("a file kept with the database"));
    if (!bytes)
        return std::unexpected(bytes.error());
    QDir().mkpath(QFileInfo(to).absolutePath());
    return writePrivateFile(to, *bytes);
}

// The files of the kept folders under `root`, relative to it.
QStringList keptFiles(const QString& root)
{
    QStringList found;
    for (const QString& folder : kKeptFolders) {
        QDirIterator files(root + QLatin1Char('/') + folder, QDir::Files | QDir::NoSymLinks,
                           QDirIterator::Subdirectories);
        while (files.hasNext())
            found << QDir(root).relativeFilePath(files.next());
    }
    found.sort();
    return found;
}

// The receipts and forms of a backup put back into the desk's folder, all but `database` (the database and its key,
// put in place already); a file of the same name already there is kept as it is.
CoreStatus restoreKeptFiles(const QString& source, const QString& targetDir, const QStringList& files,
                            const QStringList& database)
{
    for (const QString& file : files) {
        if (database.contains(file))
            continue;
        const QString to = targetDir + QLatin1Char('/') + file;
        if (QFileInfo::exists(to))
            continue;
        if (auto copied = copyPrivate(source + QLatin1Char('/') + file, to); !copied)
            return copied;
    }
    return {};
}

// Runs pg_dump or pg_restore: the URL is on its command line (it never holds a password; the tool reads the
// same password file as Tamga, named in the URL or ~/.pgpass).
CoreStatus runPostgresTool(const QString& program, const QStringList& arguments)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::SeparateChannels);
    tool.start(program, arguments);
    if (!tool.waitForStarted())
        return coreError(CoreErrorKind::Io,
                         QStringLiteral("%1 did not start (postgresql-client): %2").arg(program, tool.errorString()));
    tool.closeWriteChannel();
    if (!tool.waitForFinished(kToolTimeoutMs)) {
        tool.kill();
        tool.waitForFinished();
        return coreError(CoreErrorKind::Io, QStringLiteral("%1 did not finish").arg(program));
    }
    if (tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0)
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("%1 failed: %2")
                             .arg(program, QString::fromLocal8Bit(tool.readAllStandardError()).trimmed()));
    return {};
}

// Opens a database copy with its key beside it and walks its audit chain.
CoreResult<AuditVerification> verifyCopy(const QString& databasePath)
{
    auto copy = Database::openExisting(databasePath);
    if (!copy)
        return std::unexpected(copy.error());
    return AuditLog(**copy).verify();
}

} // namespace

CoreResult<BackupOutcome> Backups::make(const Operator& by, const QString& folder) const
{
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("backup.make")); !allowed)
        return std::unexpected(allowed.error());
    const QString target = QFileInfo(folder).absoluteFilePath();
    if (QDir(target).exists() && !QDir(target).isEmpty())
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("%1 is not empty: a backup goes into a new folder").arg(target));
    if (!QDir().mkpath(target))
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot make the folder %1").arg(target));
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto removeAll = [&](const CoreError& error) -> CoreResult<BackupOutcome> {
        QDir(target).removeRecursively();
        return std::unexpected(error);
    };

    const QString liveKey = keyOf(m_database.localStem());
    const QString copyPath = target + QLatin1Char('/') + (m_database.shared() ? kRegistryDump : kDatabase);
    const QString copyKey = m_database.shared() ? target + QLatin1Char('/') + kRegistryKey : keyOf(copyPath);
    CoreResult<AuditVerification> verified;
    if (m_database.shared()) {
        // The chain is verified and dumped in one snapshot: a read-only repeatable-read transaction walks the chain
        // and exports its snapshot, which pg_dump takes up (--snapshot). The dump holds exactly what was verified,
        // while the other desks go on writing.
        if (auto began = m_database.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")); !began)
            return removeAll(began.error());
        auto snapshot = m_database.exec(QStringLiteral("SELECT pg_export_snapshot()"));
        const QString snapshotId = snapshot && snapshot->next() ? snapshot->value(0).toString() : QString();
        verified = snapshotId.isEmpty()
                       ? CoreResult<AuditVerification>(std::unexpected(
                             CoreError{CoreErrorKind::Database, QStringLiteral("the registry gave no snapshot")}))
                       : AuditLog(m_database).verify();
        CoreStatus dumped;
        if (verified && verified->intact) {
            dumped = runPostgresTool(QStringLiteral("pg_dump"),
                                     {QStringLiteral("--format=custom"), QStringLiteral("--no-owner"),
                                      QStringLiteral("--no-privileges"), QStringLiteral("--snapshot=") + snapshotId,
                                      QStringLiteral("--file=") + copyPath, m_database.path()});
        }
        if (snapshot)
            snapshot->finish();
        (void)m_database.exec(QStringLiteral("COMMIT"));
        if (!dumped)
            return removeAll(dumped.error());
        QFile::setPermissions(copyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    } else {
        // SQLite's own consistent copy, taken in one read transaction: the desk and tamga-cli keep writing
        // meanwhile.
        if (auto copied = m_database.exec(QStringLiteral("VACUUM INTO ?"), {copyPath}); !copied)
            return removeAll(copied.error());
        QFile::setPermissions(copyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (QFileInfo::exists(liveKey)) {
        if (auto copied = copyPrivate(liveKey, copyKey); !copied)
            return removeAll(copied.error());
    }
    const QString dataDir = Database::localFolderOf(m_database.path());
    for (const QString& file : keptFiles(dataDir)) {
        if (auto copied = copyPrivate(dataDir + QLatin1Char('/') + file, target + QLatin1Char('/') + file); !copied)
            return removeAll(copied.error());
    }

    // Good only once the copy's chain verifies with its key (a registry's: in the snapshot dumped).
    if (!m_database.shared())
        verified = verifyCopy(copyPath);
    if (!verified)
        return removeAll(verified.error());
    if (!verified->intact)
        return removeAll(
            {CoreErrorKind::Conflict,
             QStringLiteral("the copy's audit log does not verify (%1): no backup was kept").arg(verified->problem)});

    BackupOutcome outcome{target, verified->eventsChecked, verified->headHash, {}};
    outcome.files << QFileInfo(copyPath).fileName();
    if (QFileInfo::exists(copyKey))
        outcome.files << QFileInfo(copyKey).fileName();
    outcome.files << keptFiles(target);
    QJsonArray listed;
    for (const QString& file : outcome.files) {
        auto sha256 = sha256Of(target + QLatin1Char('/') + file);
        if (!sha256)
            return removeAll(sha256.error());
        listed.append(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("sha256"), *sha256}});
    }
    const QByteArray manifest = QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("tamga-backup-1")},
                                                          {QStringLiteral("made_at"), storedNow()},
                                                          {QStringLiteral("made_by"), by.name},
                                                          {QStringLiteral("audit_events"), outcome.events},
                                                          {QStringLiteral("audit_head"), outcome.headHash},
                                                          {QStringLiteral("files"), listed}})
                                    .toJson(QJsonDocument::Indented);
    if (auto written = writePrivateFile(target + QLatin1Char('/') + kManifest, manifest); !written)
        return removeAll(written.error());
    if (auto logged =
            AuditLog(m_database)
                .record({by.name,
                         QStringLiteral("backup.made"),
                         QStringLiteral("database"),
                         m_database.shared() ? QStringLiteral("registry") : QFileInfo(m_database.path()).fileName(),
                         audit::Ok,
                         {{QStringLiteral("folder"), target},
                          {QStringLiteral("audit_events"), outcome.events},
                          {QStringLiteral("audit_head"), outcome.headHash}}});
        !logged)
        return std::unexpected(logged.error());
    return outcome;
}

CoreResult<BackupOutcome> Backups::restoreRegistry(const QString& source, const QString& target, BackupOutcome outcome)
{
    if (!outcome.files.contains(kRegistryDump))
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("the backup %1 holds no registry dump (a desk's own database is restored into "
                                        "a file)")
                             .arg(source));
    // Only into an empty database: one with Tamga's tables is a registry in use.
    {
        auto existing = Database::openAtVersion(target, 0); // connects, creates nothing
        if (!existing)
            return std::unexpected(existing.error());
        if (!(*existing)->connection().tables().isEmpty())
            return coreError(
                CoreErrorKind::Conflict,
                QStringLiteral("%1 is not empty: a backup is restored only into a new, empty database").arg(target));
    }
    if (auto restored =
            runPostgresTool(QStringLiteral("pg_restore"),
                            {QStringLiteral("--no-owner"), QStringLiteral("--no-privileges"),
                             QStringLiteral("--exit-on-error"), QStringLiteral("--single-transaction"),
                             QStringLiteral("--dbname=") + target, source + QLatin1Char('/') + kRegistryDump});
        !restored)
        return std::unexpected(restored.error());
    auto database = Database::openExisting(target);
    if (!database)
        return std::unexpected(database.error());
    const QString liveKey = keyOf((*database)->localStem());
    const bool keyed = outcome.files.contains(kRegistryKey);
    if (keyed && !QFileInfo::exists(liveKey)) {
        if (auto copied = copyPrivate(source + QLatin1Char('/') + kRegistryKey, liveKey); !copied)
            return std::unexpected(copied.error());
    }
    auto verified = AuditLog(**database).verify();
    if (!verified || !verified->intact) {
        // What was restored goes again: the database is as empty as it was found.
        (void)(*database)->exec(QStringLiteral("DROP SCHEMA public CASCADE"));
        (void)(*database)->exec(QStringLiteral("CREATE SCHEMA public"));
        if (keyed)
            QFile::remove(liveKey);
        if (!verified)
            return std::unexpected(verified.error());
        return coreError(
            CoreErrorKind::Conflict,
            QStringLiteral("the backup's audit log does not verify (%1): nothing was restored").arg(verified->problem));
    }
    outcome.events = verified->eventsChecked;
    outcome.headHash = verified->headHash;
    if (auto kept =
            restoreKeptFiles(source, Database::localFolderOf(target), outcome.files, {kRegistryDump, kRegistryKey});
        !kept)
        return std::unexpected(kept.error());
    return outcome;
}

CoreResult<BackupOutcome> Backups::restore(const QString& folder, const QString& targetPath)
{
    const QString source = QFileInfo(folder).absoluteFilePath();
    const bool shared = Database::isShared(targetPath);
    const QString target = shared ? targetPath : QFileInfo(targetPath).absoluteFilePath();
    if (!shared && (QFileInfo::exists(target) || QFileInfo::exists(keyOf(target))))
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("%1 exists: a backup is restored only where there is no database").arg(target));
    auto manifestBytes = readRegularFile(source + QLatin1Char('/') + kManifest, 16 * 1024 * 1024,
                                         QStringLiteral("the backup's manifest"));
    if (!manifestBytes)
        return std::unexpected(manifestBytes.error());
    const QJsonObject manifest = QJsonDocument::fromJson(*manifestBytes).object();
    if (manifest.value(QStringLiteral("format")).toString() != QStringLiteral("tamga-backup-1"))
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("%1 is not a Tamga backup").arg(source));

    // Every file as listed, and nothing listed outside the backup's own folder.
    BackupOutcome outcome{source, 0, QString(), {}};
    for (const QJsonValue& entry : manifest.value(QStringLiteral("files")).toArray()) {
        const QString file = entry.toObject().value(QStringLiteral("file")).toString();
        if (file.isEmpty() || QDir::isAbsolutePath(file) || QDir::cleanPath(file).startsWith(QStringLiteral("..")))
            return coreError(CoreErrorKind::InvalidInput,
                             QStringLiteral("the backup's manifest names %1, outside the backup").arg(file));
        auto sha256 = sha256Of(source + QLatin1Char('/') + file);
        if (!sha256)
            return std::unexpected(sha256.error());
        if (*sha256 != entry.toObject().value(QStringLiteral("sha256")).toString())
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("%1 in the backup is not the file that was backed up (its SHA-256 "
                                            "differs): nothing was restored")
                                 .arg(file));
        outcome.files << file;
    }
    if (shared)
        return restoreRegistry(source, target, outcome);
    if (!outcome.files.contains(kDatabase)) {
        return coreError(CoreErrorKind::InvalidInput,
                         outcome.files.contains(kRegistryDump)
                             ? QStringLiteral("the backup %1 is of a shared registry: it is restored into an empty "
                                              "PostgreSQL database (--db postgresql://...)")
                                   .arg(source)
                             : QStringLiteral("the backup %1 holds no database").arg(source));
    }

    // The chain checked on a copy beside the target (opening a database writes its journal), then put in place.
    const QString targetDir = QFileInfo(target).absolutePath();
    QDir().mkpath(targetDir);
    const QString staging = targetDir + QStringLiteral("/.tamga-restore-") + QFileInfo(target).fileName();
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging))
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot make the folder %1").arg(staging));
    auto abandon = [&](const CoreError& error) -> CoreResult<BackupOutcome> {
        QDir(staging).removeRecursively();
        return std::unexpected(error);
    };
    const QString staged = staging + QLatin1Char('/') + kDatabase;
    if (auto copied = copyPrivate(source + QLatin1Char('/') + kDatabase, staged); !copied)
        return abandon(copied.error());
    if (outcome.files.contains(kDatabase + QStringLiteral(".audit-key"))) {
        if (auto copied = copyPrivate(keyOf(source + QLatin1Char('/') + kDatabase), keyOf(staged)); !copied)
            return abandon(copied.error());
    }
    auto verified = verifyCopy(staged);
    if (!verified)
        return abandon(verified.error());
    if (!verified->intact)
        return abandon({CoreErrorKind::Conflict,
                        QStringLiteral("the backup's audit log does not verify (%1): nothing was restored")
                            .arg(verified->problem)});
    outcome.events = verified->eventsChecked;
    outcome.headHash = verified->headHash;
    if (!QFile::rename(staged, target) ||
        (QFileInfo::exists(keyOf(staged)) && !QFile::rename(keyOf(staged), keyOf(target))))
        return abandon({CoreErrorKind::Io, QStringLiteral("cannot put the database in place at %1").arg(target)});
    QDir(staging).removeRecursively();
    if (auto kept = restoreKeptFiles(source, targetDir, outcome.files, {kDatabase, keyOf(kDatabase)}); !kept)
        return std::unexpected(kept.error());
    return outcome;
}

} // namespace tamga::core
