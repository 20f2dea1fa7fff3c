// Backup and restore of a desk's SQLite database (or an office's shared PostgreSQL registry, below), with what belongs
// to it: the audit key beside it
// ("<database>.audit-key", without which the log's head cannot be proved), the receipts and revocation forms kept in
// its folder. The copy is SQLite's own consistent snapshot (VACUUM INTO) taken while the desk keeps working; it is
// called good only once its audit chain verifies with its key, and each file's SHA-256 is listed in the backup's
// manifest. Restore checks the manifest and the chain before it writes anything, and never over a database.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"

#include <QString>
#include <QStringList>

namespace tamga::core {

class Database;

struct BackupOutcome {
    QString folder;
    qint64 events = 0; // audit events in the copy, all verified
    QString headHash;  // the copy's audit head: write it down, a witness of what the backup holds
    QStringList files; // relative to the folder, manifest.json aside
};

class Backups {
public:
    explicit Backups(const Database& database) : m_database(database) {}

    // Into `folder` (made, mode 0700; it must not exist or be empty): tamga.db, tamga.db.audit-key, receipts/,
    // revocation-forms/, manifest.json. Audited in the live database. A copy whose chain does not verify is removed
    // and the backup refused.
    [[nodiscard]] CoreResult<BackupOutcome> make(const Operator& by, const QString& folder) const;

    // Restores the backup in `folder` as the database at `targetPath` (which must not exist), with its key and
    // folders beside it. Refused, writing nothing, when a file does not match the manifest or the chain does not
    // verify.
    // A shared registry's backup (registry.pgdump, made by pg_dump in the snapshot whose chain was verified) is
    // restored with pg_restore into `targetPath`, an empty PostgreSQL database, its chain verified there; one that
    // does not verify is removed again.
    [[nodiscard]] static CoreResult<BackupOutcome> restore(const QString& folder, const QString& targetPath);

private:
    [[nodiscard]] static CoreResult<BackupOutcome> restoreRegistry(const QString& source, const QString& target,
                                                                   BackupOutcome outcome);
    const Database& m_database;
};

} // namespace tamga::core
