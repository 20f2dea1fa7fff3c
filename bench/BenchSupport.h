// Small things every benchmark needs: stop when a setup step fails (its figures would mean nothing), a median,
// a file written, a shell script run.
#pragma once

#include <QFile>
#include <QProcess>
#include <QString>

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

} // namespace tamga::bench
