// The officer CSV as an office sends it, any bytes at all: the parser and the import's checks (a dry run, so
// every input meets the same desk). Invariants: records start on increasing lines, the import answers with a
// report (never a database error), every refusal says where and why, and a dry run writes nothing.
#include "FuzzSupport.h"

#include "tamga/core/Csv.h"
#include "tamga/core/OfficerImport.h"

using namespace tamga;

namespace {

qint64 rowsIn(const char* table)
{
    auto query = fuzz::FuzzDesk::instance().db().exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
    fuzz::require(query.has_value() && query->next(), "counting rows", query ? QString() : query.error().message);
    return query->value(0).toLongLong();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::FuzzDesk::instance();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const core::CsvDocument document = core::parseCsv(bytes);
    if (!document.problem) {
        int previousLine = 0;
        for (const auto& record : document.records) {
            fuzz::require(record.line > previousLine, "CSV records start on increasing lines");
            previousLine = record.line;
        }
    } else {
        fuzz::require(document.problem->line >= 1 && !document.problem->reason.isEmpty(),
                      "an unreadable CSV says on which line and why");
    }

    const auto& desk = fuzz::FuzzDesk::instance();
    const qint64 officersBefore = rowsIn("officers");
    const qint64 organizationsBefore = rowsIn("organizations");
    auto report = core::importOfficers(desk.db(), desk.supervisor(), bytes, QStringLiteral("fuzz.csv"), true);
    fuzz::require(report.has_value(), "a CSV is answered with a report, not a database error",
                  report ? QString() : report.error().message);
    for (const auto& problem : report->problems)
        fuzz::require(problem.line >= 0 && !problem.reason.isEmpty(), "every refused row says why");
    fuzz::require(rowsIn("officers") == officersBefore && rowsIn("organizations") == organizationsBefore,
                  "a dry run writes nothing");
    return 0;
}
