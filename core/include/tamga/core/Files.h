// Files the desk writes that only their owner may read (audit exports and receipts carry names, civil IDs and
// certificate details of people), and files it reads from elsewhere (a CA's answers, key files), read only when
// they are regular files and only up to a bound.
#pragma once

#include "tamga/core/CoreError.h"

#include <QByteArray>
#include <QSaveFile>

namespace tamga::core {

// Opens `file` for writing (all or nothing: nothing is replaced until commit) with mode 0600, whatever the umask
// or the mode of a file already at that path. Nothing has been written yet when the mode is set.
[[nodiscard]] CoreStatus openPrivateFile(QSaveFile& file);

// Writes `bytes` to `path` all or nothing, mode 0600.
[[nodiscard]] CoreStatus writePrivateFile(const QString& path, const QByteArray& bytes);

// Reads `path` when it is a regular file (not a device, a pipe or a link: a link to /dev/zero must not be read
// until memory runs out) of at most `maxBytes`, counting what is actually read, not what the file claims.
// `what` names the file in the error ("the CA's answer", "the CMP shared secret").
[[nodiscard]] CoreResult<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& what);

} // namespace tamga::core
