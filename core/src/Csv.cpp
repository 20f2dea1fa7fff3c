#include "tamga/core/Csv.h"

namespace tamga::core {

std::optional<Utf8Problem> firstInvalidUtf8(const QByteArray& bytes)
{
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype size = bytes.size();
    int line = 1;
    for (qsizetype i = 0; i < size;) {
        const unsigned char c = data[i];
        int extra = 0;
        char32_t minimum = 0;
        char32_t code = 0;
        if (c < 0x80) {
            if (c == '\n')
                ++line;
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            minimum = 0x80;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            minimum = 0x800;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            minimum = 0x10000;
            code = c & 0x07;
        } else {
            return Utf8Problem{line, i, c};
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= size || (data[i + k] & 0xC0) != 0x80)
                return Utf8Problem{line, i, c};
            code = (code << 6) | (data[i + k] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8 either.
        if (code < minimum || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
            return Utf8Problem{line, i, c};
        i += extra + 1;
    }
    return std::nullopt;
}

CsvDocument parseCsv(const QByteArray& bytes)
{
    CsvDocument document;
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    int line = 1;
    CsvRecord record;
    record.line = 1;
    QString field;
    bool quoted = false;     // inside a quoted field
    bool afterQuote = false; // a quoted field just closed: only a comma or a line end may follow
    bool recordHasContent = false;
    auto endField = [&] {
        record.fields << field;
        field.clear();
        afterQuote = false;
    };
    auto endRecord = [&] {
        endField();
        // A line with nothing at all on it is not a record (a trailing newline, a blank line).
        if (recordHasContent)
            document.records.push_back(record);
        record = CsvRecord{};
        record.line = line;
        recordHasContent = false;
    };

    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < size && text[i + 1] == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else if (c == QLatin1Char('\r') && i + 1 < size && text[i + 1] == QLatin1Char('\n')) {
                continue; // a CRLF inside a quoted field is kept as one line break
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            recordHasContent = true;
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < size && text[i + 1] == QLatin1Char('\n')) {
            continue; // CRLF: the LF ends the record
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else if (afterQuote) {
            document.problem = CsvProblem{line, QStringLiteral("text after a closing quote; a quote inside a "
                                                               "quoted field must be doubled (\"\")")};
            return document;
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty()) {
                document.problem = CsvProblem{line, QStringLiteral("a quote in the middle of an unquoted field; "
                                                                   "quote the whole field and double the quote")};
                return document;
            }
            quoted = true;
            recordHasContent = true;
        } else {
            field += c;
            recordHasContent = true;
        }
    }
    if (quoted) {
        document.problem = CsvProblem{record.line, QStringLiteral("a quoted field is never closed")};
        return document;
    }
    endRecord();
    return document;
}

} // namespace tamga::core
