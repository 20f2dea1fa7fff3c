// Which Debian package installed a file: a PKCS#11 module is a library every Tamga process loads and runs, so the
// desk shows where each one came from (a package of the distribution, or nobody's: installed by hand).
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace tamga::core {

// For each of `paths` (and the file it links to), the Debian package whose file list holds it; a path no package
// holds is absent from the result. Reads dpkg's file lists once (a few MB): not for the GUI thread.
QHash<QString, QString> debianPackagesOwning(const QStringList& paths);

} // namespace tamga::core
