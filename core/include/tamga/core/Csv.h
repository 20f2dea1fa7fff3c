// RFC 4180 CSV as offices send it: UTF-8 with or without a BOM, LF or CRLF line ends, quoted fields that may
// hold commas, quotes ("") and line breaks.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tamga::core {

struct CsvRecord {
    int line = 0; // the line the record starts on (1-based)
    QStringList fields;
};

struct CsvProblem {
    int line = 0;
    QString reason;
};

struct CsvDocument {
    std::vector<CsvRecord> records;    // the header is records[0]
    std::optional<CsvProblem> problem; // the first thing that made the file unreadable
};

// Where the first byte that is not UTF-8 is, if any.
struct Utf8Problem {
    int line = 0;
    qsizetype offset = 0;
    unsigned char byte = 0;
};
std::optional<Utf8Problem> firstInvalidUtf8(const QByteArray& bytes);

CsvDocument parseCsv(const QByteArray& bytes);

} // namespace tamga::core
