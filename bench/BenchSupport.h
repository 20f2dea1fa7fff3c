// Small things every benchmark needs: stop when a setup step fails (its figures would mean nothing), a median,
// a file written, a shell script run.
#pragma once

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace tamga::bench {

template <typename Result> void mustSucceed(const Result& result, const char* what)
{
    if (!result) {
        std::fprintf(stderr, "benchmark setup failed: %s\n", what);
        std::exit(1);
    }
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

inline void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        std::fprintf(stderr, "benchmark setup failed: cannot write %s\n", qPrintable(path));
        std::exit(1);
    }
}

// Runs `script` with /bin/sh -e in `workDir`; false (with the script's stderr printed) when it fails.
inline bool shell(const QString& script, const QString& workDir)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-ec"), script});
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        std::fprintf(stderr, "script failed: %s\n", process.readAllStandardError().constData());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// A synthetic registry: names from a few real ones, and a distinct, valid civil ID for each index.
inline const QStringList kSurnames{
    QStringLiteral("Дорж"),     QStringLiteral("Батболд"),   QStringLiteral("Ганбаатар"), QStringLiteral("Өлзийбат"),
    QStringLiteral("Мөнхбаяр"), QStringLiteral("Энхтүвшин"), QStringLiteral("Цэрэндорж"), QStringLiteral("Сүхбаатар"),
    QStringLiteral("Төмөр"),    QStringLiteral("Баяр"),      QStringLiteral("Жаргал"),    QStringLiteral("Нямдорж"),
};
inline const QStringList kGivenNames{
    QStringLiteral("Батбаяр"),     QStringLiteral("Сарангэрэл"), QStringLiteral("Оюунчимэг"),
    QStringLiteral("Түмэнжаргал"), QStringLiteral("Гэрэл"),      QStringLiteral("Хүрэлбаатар"),
    QStringLiteral("Наранцэцэг"),  QStringLiteral("Ганзориг"),   QStringLiteral("Мөнх-Эрдэнэ"),
    QStringLiteral("Отгонбаяр"),   QStringLiteral("Алтанцэцэг"), QStringLiteral("Бат-Очир"),
};
inline const QString kLetters = QStringLiteral("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯӨҮ");

inline QString civilIdFor(int index)
{
    const int letters = index % (kLetters.size() * kLetters.size());
    const int rest = index / (kLetters.size() * kLetters.size());
    const int year = 60 + rest % 40;
    const int day = 1 + (rest / 40) % 28;
    const int serial = (rest / (40 * 28)) % 100;
    return QString(kLetters[letters / kLetters.size()]) + kLetters[letters % kLetters.size()] +
           QStringLiteral("%1%2%3%4")
               .arg(year, 2, 10, QLatin1Char('0'))
               .arg(1 + index % 12, 2, 10, QLatin1Char('0'))
               .arg(day, 2, 10, QLatin1Char('0'))
               .arg(serial, 2, 10, QLatin1Char('0'));
}

// An officer CSV (the import's columns) of `rows` officers in `organizations` organizations, the officers numbered
// from `first` (each number its own civil ID: a later file adds officers, it does not update the earlier ones).
inline QByteArray officerCsv(int rows, int organizations, int first = 0)
{
    QByteArray csv = "organization,org_register_no,surname,given_name,civil_id,position,department,email,phone\n";
    for (int i = first; i < first + rows; ++i) {
        csv += QStringLiteral("Байгууллага %1,%2,%3,%4,%5,Дарга,Хэлтэс %6,user%7@ub.gov.mn,+976 9900%8\n")
                   .arg(i % organizations)
                   .arg(1000000 + i % organizations)
                   .arg(kSurnames[i % kSurnames.size()], kGivenNames[(i / 7) % kGivenNames.size()], civilIdFor(i))
                   .arg(i % 9)
                   .arg(i)
                   .arg(i % 10000, 4, 10, QLatin1Char('0'))
                   .toUtf8();
    }
    return csv;
}

} // namespace tamga::bench
