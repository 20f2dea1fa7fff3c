// Registry speed on a realistic scale: officer search over 100,000 officers (target: 20 ms) and the CSV import
// of 10,000 rows (target: one second). Prints a Markdown table for docs/PERFORMANCE.md.
//
//   build/bin/tamga-bench-registry [--officers N] [--import-rows N] [--db postgresql://...]
//
// --db: an empty PostgreSQL database to fill instead of a new SQLite file (scripts/bench registry-postgres starts
// a server for it).
#include "BenchSupport.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Registry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tamga::core;
using tamga::bench::civilIdFor;
using tamga::bench::kGivenNames;
using tamga::bench::kSurnames;

namespace {

struct Timing {
    double median;
    double p95;
    std::size_t hits;
};

Timing timeSearch(const Registry& registry, const QString& query, int runs)
{
    std::vector<double> ms;
    std::size_t hits = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto found = registry.officers(std::nullopt, query, 200);
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        hits = found ? found->size() : 0;
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], hits};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    int officers = 100000;
    int importRows = 10000;
    QString location;
    const QStringList arguments = application.arguments();
    for (int i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QStringLiteral("--officers"))
            officers = arguments[i + 1].toInt();
        if (arguments[i] == QStringLiteral("--import-rows"))
            importRows = arguments[i + 1].toInt();
        if (arguments[i] == QStringLiteral("--db"))
            location = arguments[i + 1];
    }

    QTemporaryDir dir;
    if (location.isEmpty())
        location = dir.filePath(QStringLiteral("bench.db"));
    auto db = Database::open(location);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    Operator bench{0, QStringLiteral("bench"), Role::Supervisor};

    // The import: 10,000 officers of 50 organizations into an empty registry.
    const QByteArray csv = tamga::bench::officerCsv(importRows, 50);
    QElapsedTimer importTimer;
    importTimer.start();
    auto report = importOfficers(**db, bench, csv, QStringLiteral("bench.csv"));
    const double importMs = static_cast<double>(importTimer.nsecsElapsed()) / 1e6;
    if (!report || !report->problems.empty() || report->added != importRows) {
        std::fprintf(stderr, "import failed: %s\n",
                     report
                         ? (report->problems.empty() ? "count mismatch" : qPrintable(report->problems.front().reason))
                         : qPrintable(report.error().message));
        return 1;
    }

    // Fill up to `officers` directly, in one transaction (with one event saying so, as every change has).
    auto filled = AuditLog(**db).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        const QString now = storedNow();
        for (int i = importRows; i < officers; ++i) {
            OfficerFields f{1 + i % 50, kSurnames[i % kSurnames.size()], kGivenNames[(i / 7) % kGivenNames.size()],
                            civilIdFor(i), QStringLiteral("Мэргэжилтэн")};
            auto done = (*db)->exec(
                QStringLiteral("INSERT INTO officers (organization_id, surname, given_name, civil_id, position, "
                               "search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {f.organizationId, f.surname, f.givenName, f.civilId, f.position,
                 Registry::searchTextOf(f, QStringLiteral("Байгууллага %1").arg(i % 50)), now, now});
            if (!done)
                return std::unexpected(done.error());
        }
        if (auto logged = trail.add({QStringLiteral("bench"),
                                     QStringLiteral("bench.fill"),
                                     QStringLiteral("officer"),
                                     QString(),
                                     audit::Ok,
                                     {{QStringLiteral("officers"), officers - importRows}}});
            !logged)
            return std::unexpected(logged.error());
        return true;
    });
    // The bench fills the table behind the data layer's back, so it indexes the rows itself (SQLite's full-text
    // indexes; PostgreSQL's trigram index keeps itself, and the planner is given the table's statistics).
    if (filled && (*db)->shared()) {
        if (auto analyzed = (*db)->exec(QStringLiteral("ANALYZE officers")); !analyzed)
            filled = std::unexpected(analyzed.error());
    }
    for (const QString& table : {QStringLiteral("officer_search"), QStringLiteral("officer_words")}) {
        if (!filled || (*db)->shared())
            break;
        if (auto rebuilt = (*db)->exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('rebuild')").arg(table)); !rebuilt)
            filled = std::unexpected(rebuilt.error());
    }
    if (!filled) {
        std::fprintf(stderr, "%s\n", qPrintable(filled.error().message));
        return 1;
    }

    Registry registry(**db);
    const char* kind = (*db)->shared() ? "PostgreSQL" : "SQLite";
    std::printf("| what (%s) | figure | target |\n|---|---|---|\n", kind);
    std::printf("| import of %d CSV rows (validation, 50 new organizations, audit events) | %.0f ms | < 1000 ms |\n",
                importRows, importMs);
    const std::pair<const char*, QString> queries[] = {
        {"rare name part, Cyrillic", QStringLiteral("хүрэлбаат")},
        {"same name, Latin letters", QStringLiteral("khurelbaat")},
        {"civil ID", civilIdFor(officers / 2)},
        {"civil ID fragment", civilIdFor(officers / 3).mid(2, 6)},
        {"common name part (many hits, first 200)", QStringLiteral("баяр")},
        {"organization", QStringLiteral("Байгууллага 17")},
        {"two letters (word starts)", QStringLiteral("өл")},
        {"words in another order (the typed phrase finds nobody)", QStringLiteral("17 байгууллага")},
    };
    for (const auto& [label, query] : queries) {
        const Timing t = timeSearch(registry, query, 25);
        std::printf("| search over %d officers: %s (\"%s\", %zu hits) | median %.1f ms, p95 %.1f ms | < 20 ms |\n",
                    officers, label, qPrintable(query), t.hits, t.median, t.p95);
    }
    // Opening the desk's database checks it with SQLite's quick_check (every page read once): the cost every
    // tamga-cli command and the desk's start pay, by the registry's size.
    std::vector<double> opens;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto again = Database::open(location);
        opens.push_back(timer.nsecsElapsed() / 1e6);
        if (!again) {
            std::fprintf(stderr, "%s\n", qPrintable(again.error().message));
            return 1;
        }
    }
    std::sort(opens.begin(), opens.end());
    std::printf("| opening the database of %d officers (%s) | median %.0f ms | - |\n", officers,
                (*db)->shared() ? "TLS connection, SCRAM, schema check" : "pragmas, schema check, quick_check",
                opens[opens.size() / 2]);
    return 0;
}
