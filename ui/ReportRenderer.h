// Lays a report out as an A4 PDF: title, tables, and its bar charts drawn beneath them. The same document serves
// the desk's print preview and tamga-cli's `report ... --format pdf`.
#pragma once

#include "tamga/core/Reports.h"

#include <QString>

class QTextDocument;

namespace tamga::ui {

// Fills `document` with the report (tables as HTML, charts as images it holds).
void layOutReport(QTextDocument& document, const core::Report& report);

// Writes the report as a PDF file (mode 0600: a report names officers). Returns an empty string, or what went wrong.
QString writeReportPdf(const core::Report& report, const QString& path);

} // namespace tamga::ui
