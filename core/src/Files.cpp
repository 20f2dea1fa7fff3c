#include "tamga/core/PrivateFile.h"

namespace tamga::core {

CoreStatus openPrivateFile(QSaveFile& file)
{
    if (!file.open(QIODevice::WriteOnly))
        return coreError(CoreErrorKind::Io,
                         QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    // QSaveFile writes into a new temporary file beside the target and renames it over the target at commit:
    // the mode set here on the still empty temporary file is the mode the finished file has.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return coreError(CoreErrorKind::Io,
                         QStringLiteral("cannot make %1 private to its owner: %2").arg(file.fileName(), file.errorString()));
    }
    return {};
}

CoreStatus writePrivateFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (auto opened = openPrivateFile(file); !opened)
        return opened;
    if (file.write(bytes) != bytes.size() || !file.commit())
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

}  // namespace tamga::core
