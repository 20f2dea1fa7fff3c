#include "tamga/core/Files.h"

#include <QFile>

#include <openssl/crypto.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
        return coreError(
            CoreErrorKind::Io,
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

CoreResult<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& what)
{
    const QByteArray nativePath = QFile::encodeName(path);
    struct stat status {};
    if (::lstat(nativePath.constData(), &status) != 0)
        return coreError(
            CoreErrorKind::Io,
            QStringLiteral("cannot read %1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
    if (!S_ISREG(status.st_mode))
        return coreError(CoreErrorKind::Io,
                         QStringLiteral("%1 %2 is not a regular file (a link, a device or a folder); it is "
                                        "not read")
                             .arg(what, path));
    // O_NOFOLLOW: the file checked is the file read, even if it was swapped for a link in between.
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return coreError(
            CoreErrorKind::Io,
            QStringLiteral("cannot read %1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
    QByteArray content;
    char buffer[65536];
    // The buffer may hold a secret (a key file, a shared secret): nothing of it stays on the stack, whichever way
    // this returns.
    struct Wipe {
        char* bytes;
        std::size_t size;
        ~Wipe() { OPENSSL_cleanse(bytes, size); }
    } wipe{buffer, sizeof buffer};
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return coreError(
                CoreErrorKind::Io,
                QStringLiteral("cannot read %1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(error))));
        }
        if (got == 0)
            break;
        if (content.size() + got > maxBytes) {
            ::close(fd);
            return coreError(
                CoreErrorKind::Io,
                QStringLiteral("%1 %2 is larger than %3 bytes; it is not read").arg(what, path).arg(maxBytes));
        }
        content.append(buffer, static_cast<qsizetype>(got));
    }
    ::close(fd);
    return content;
}

} // namespace tamga::core
