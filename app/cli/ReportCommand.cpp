#include "ReportCommand.h"

#include "DeskSetup.h"
#include "Output.h"
#include "ReportRenderer.h"
#include "tamga/core/Database.h"
#include "tamga/core/Files.h"
#include "tamga/core/Reports.h"
#include "tamga/core/Settings.h"

#include <QCoreApplication>
#include <QDate>

#include <iostream>

namespace tamga::cli {

int runReportCommand(const CommandLine& line, const GlobalOptions& options)
{
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error());
    // The head of the RA reads the desk's language: --lang, else the desk's setting, else English.
    QString language = q(line.value("lang").value_or(std::string()));
    if (language.isEmpty())
        language = core::Settings(**database)
                       .value(core::setting::Language)
                       .value_or(std::nullopt)
                       .value_or(QStringLiteral("en"));
    ui::installTranslation(*QCoreApplication::instance(), language);
    const core::Reports reports(**database);
    const std::string& which = line.words().at(1);
    core::CoreResult<core::Report> report = std::unexpected(core::CoreError{});
    if (which == "progress") {
        report = reports.progress();
    } else if (which == "stock") {
        report = reports.stock();
    } else if (which == "renewals") {
        report = reports.renewals();
    } else {
        QDate day = QDate::currentDate();
        if (auto text = line.value("date")) {
            day = QDate::fromString(q(*text), Qt::ISODate);
            if (!day.isValid())
                return usageError("--date is YYYY-MM-DD");
        }
        report = reports.daily(day);
    }
    if (!report)
        return fail(report.error());
    const QString out = q(*line.value("out"));
    if (line.value("format").value_or("csv") == "pdf") {
        if (const QString error = ui::writeReportPdf(*report, out); !error.isEmpty())
            return fail(error);
    } else if (auto written = core::writePrivateFile(out, core::Reports::csv(*report)); !written) {
        return fail(written.error());
    }
    std::cout << s(report->title) << ": " << s(out) << '\n';
    return ExitOk;
}

} // namespace tamga::cli
