#include "BackupCommands.h"

#include "Output.h"
#include "SignIn.h"
#include "tamga/core/Backup.h"
#include "tamga/core/Database.h"

#include <iostream>

namespace tamga::cli {

namespace {

void printOutcome(const char* what, const core::BackupOutcome& outcome)
{
    std::cout << what << ' ' << s(outcome.folder) << '\n'
              << "audit log: " << outcome.events << " events verified, head " << s(outcome.headHash) << '\n';
    for (const QString& file : outcome.files)
        std::cout << "  " << s(file) << '\n';
}

} // namespace

bool isBackupCommand(const std::string& word)
{
    return word == "backup" || word == "restore";
}

int runBackupCommand(const CommandLine& line, const GlobalOptions& options)
{
    if (line.words().front() == "restore") {
        // Into the database path of --db / TAMGA_DB, which must not exist yet: nothing to sign in to.
        auto restored = core::Backups::restore(q(*line.value("from")), q(options.databasePath));
        if (!restored)
            return fail(restored.error());
        printOutcome("restored from", *restored);
        return ExitOk;
    }
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error());
    int status = ExitOk;
    auto by = signIn(line, **database, "password-file", status);
    if (!by)
        return status;
    auto made = core::Backups(**database).make(*by, q(*line.value("out")));
    if (!made)
        return fail(made.error());
    printOutcome("backup in", *made);
    return ExitOk;
}

} // namespace tamga::cli
