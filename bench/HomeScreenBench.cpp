// How long the home screen's reads (core::todaysWork) and the campaign reports (Reports::progress, ::daily,
// ::stock) take on a registry the size of the source's first wave (731 officers in 200 organizations) and of a
// whole national registry (100,000 officers), with a third of the officers enrolled in every state and a token
// each. Target (issue 13): each opened in under 200 ms. Prints a Markdown table for docs/PERFORMANCE.md.
//
//   build/bin/tamga-bench-home [--officers N]...     (default: 731 and 100000)
#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Reports.h"
#include "tamga/core/TodaysWork.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace tamga::core;

namespace {

const char* const kStates[] = {"created",          "token_prepared", "key_generated",
                               "request_built",    "submitted",      "certificate_received",
                               "written_to_token", "verified",       "handed_over"};

// The registry filled directly in one change (one event says so): organizations, officers, and for every third
// officer an enrollment with its token, spread over the states.
bool fill(const Database& db, int officers, int organizations)
{
    auto filled = AuditLog(db).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        const QString now = storedNow();
        auto ca = db.exec(QStringLiteral("INSERT INTO ca_connectors (name, type, settings, created_at) VALUES "
                                         "('bench', 'practice', '{}', ?)"),
                          {now});
        if (!ca)
            return std::unexpected(ca.error());
        const qint64 caId = ca->lastInsertId().toLongLong();
        auto profile = db.exec(QStringLiteral("SELECT min(id) FROM certificate_profiles"));
        if (!profile || !profile->next())
            return coreError(CoreErrorKind::Database, QStringLiteral("no profile"));
        const qint64 profileId = profile->value(0).toLongLong();
        profile->finish();
        for (int o = 1; o <= organizations; ++o) {
            auto org = db.exec(QStringLiteral("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)"),
                               {o, QStringLiteral("Байгууллага %1").arg(o), now});
            if (!org)
                return std::unexpected(org.error());
        }
        for (int i = 1; i <= officers; ++i) {
            auto officer =
                db.exec(QStringLiteral(
                            "INSERT INTO officers (id, organization_id, surname, given_name, civil_id, position, "
                            "search_text, created_at, updated_at) VALUES (?, ?, 'Дорж', 'Бат', ?, 'Дарга', '', ?, ?)"),
                        {i, 1 + i % organizations, QStringLiteral("X%1").arg(i, 9, 10, QLatin1Char('0')), now, now});
            if (!officer)
                return std::unexpected(officer.error());
            if (i % 3 != 0)
                continue;
            auto token = db.exec(QStringLiteral("INSERT INTO tokens (serial, status, first_seen_at, updated_at) VALUES "
                                                "(?, 'prepared', ?, ?)"),
                                 {QStringLiteral("T%1").arg(i), now, now});
            if (!token)
                return std::unexpected(token.error());
            auto enrollment = db.exec(
                QStringLiteral("INSERT INTO enrollments (officer_id, token_id, profile_id, ca_id, state, created_at, "
                               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {i, token->lastInsertId(), profileId, caId, QString::fromLatin1(kStates[(i / 3) % 9]), now, now});
            if (!enrollment)
                return std::unexpected(enrollment.error());
        }
        if (auto logged = trail.add({QStringLiteral("bench"),
                                     QStringLiteral("bench.fill"),
                                     QStringLiteral("officer"),
                                     QString(),
                                     audit::Ok,
                                     {{QStringLiteral("officers"), officers}}});
            !logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!filled)
        std::fprintf(stderr, "fill failed: %s\n", qPrintable(filled.error().message));
    return filled.has_value();
}

// Median milliseconds of `runs` calls.
double medianMs(const std::function<bool()>& call, int runs)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!call())
            return -1;
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::vector<int> sizes;
    const QStringList arguments = app.arguments();
    for (int i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QStringLiteral("--officers"))
            sizes.push_back(arguments[i + 1].toInt());
    }
    if (sizes.empty())
        sizes = {731, 100000};

    std::printf("| officers | organizations | enrollments | home screen (todaysWork) | progress report | daily "
                "report | stock report |\n|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int officers : sizes) {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("bench.db")));
        if (!db || !fill(**db, officers, 200))
            return 1;
        const Database& database = **db;
        const int runs = 7;
        const double home = medianMs([&] { return todaysWork(database).has_value(); }, runs);
        const Reports reports(database);
        const double progress = medianMs([&] { return reports.progress().has_value(); }, runs);
        const double daily =
            medianMs([&] { return reports.daily(QDateTime::currentDateTimeUtc().date()).has_value(); }, runs);
        const double stock = medianMs([&] { return reports.stock().has_value(); }, runs);
        std::printf("| %d | 200 | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |\n", officers, officers / 3, home,
                    progress, daily, stock);
    }
    return 0;
}
