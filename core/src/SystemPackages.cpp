#include "tamga/core/SystemPackages.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace tamga::core {

QHash<QString, QString> debianPackagesOwning(const QStringList& paths)
{
    // Each path, and the real file behind a link, answer for the path asked about.
    QHash<QString, QString> askedFor;
    for (const QString& path : paths) {
        askedFor.insert(path, path);
        const QString real = QFileInfo(path).canonicalFilePath();
        if (!real.isEmpty())
            askedFor.insert(real, path);
    }
    QHash<QString, QString> owners;
    QDirIterator lists(QStringLiteral("/var/lib/dpkg/info"), {QStringLiteral("*.list")}, QDir::Files);
    while (lists.hasNext() && owners.size() < paths.size()) {
        QFile list(lists.next());
        if (!list.open(QIODevice::ReadOnly))
            continue;
        // "opensc-pkcs11:amd64.list" -> "opensc-pkcs11"
        const QString package = QFileInfo(list.fileName()).completeBaseName().section(QLatin1Char(':'), 0, 0);
        while (!list.atEnd()) {
            const QString line = QString::fromUtf8(list.readLine()).trimmed();
            if (auto it = askedFor.constFind(line); it != askedFor.constEnd() && !owners.contains(*it))
                owners.insert(*it, package);
        }
    }
    return owners;
}

} // namespace tamga::core
