// Files the desk writes that only their owner may read: audit exports and receipts carry names, civil IDs and
// certificate details of people.
#pragma once

#include "tamga/core/CoreError.h"

#include <QByteArray>
#include <QSaveFile>

namespace tamga::core {

// Opens `file` for writing (all or nothing: nothing is replaced until commit) with mode 0600, whatever the umask
// or the mode of a file already at that path. Nothing has been written yet when the mode is set.
CoreStatus openPrivateFile(QSaveFile& file);

// Writes `bytes` to `path` all or nothing, mode 0600.
CoreStatus writePrivateFile(const QString& path, const QByteArray& bytes);

}  // namespace tamga::core
