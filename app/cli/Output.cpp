#include "Output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iostream>

namespace tamga::cli {

void printJson(const QJsonValue& value)
{
    QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    std::cout << document.toJson(QJsonDocument::Indented).toStdString();
}

void printTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows)
{
    auto width = [](const std::string& text) {
        std::size_t n = 0;
        for (unsigned char c : text)
            n += (c & 0xC0) != 0x80;
        return n;
    };
    std::vector<std::size_t> widths(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        widths[c] = width(header[c]);
        for (const auto& row : rows)
            widths[c] = std::max(widths[c], width(row[c]));
    }
    auto printRow = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line += std::string(widths[c] - width(row[c]) + 2, ' ');
        }
        std::cout << line << '\n';
    };
    printRow(header);
    for (const auto& row : rows)
        printRow(row);
}

void progressToStderr(core::EnrollmentState, const QString& message)
{
    std::cerr << "  " << s(message) << '\n';
}

int usageError(const std::string& message)
{
    std::cerr << "error: " << s(QString::fromStdString(message))
              << "\n(tamga-cli COMMAND --help describes a command)\n";
    return ExitUsage;
}

int fail(const std::string& message)
{
    std::cerr << "error: " << s(QString::fromStdString(message)) << '\n';
    return ExitFailed;
}

int fail(const char* message)
{
    return fail(std::string(message));
}

int fail(const core::CoreError& error)
{
    return fail(error.message);
}

int fail(const QString& message)
{
    return fail(message.toStdString());
}

} // namespace tamga::cli
