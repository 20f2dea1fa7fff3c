// Starting the desk: which database and modules, the training desk (its own folder, a SoftHSM2 token store, the
// practice CA, a sample registry, TRAINING everywhere), and the language.
#pragma once

#include "tamga/core/CoreError.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QApplication;
class QCoreApplication;
class QTranslator;

namespace tamga::ui {

struct DeskOptions {
    QString databasePath;
    std::vector<std::string> modulePaths;
    bool training = false;
    QString language; // "mn", "en", or empty for the desk setting / system locale
};

// Reads --training, --db PATH, --module PATH (repeatable), --lang mn|en.
DeskOptions parseDeskOptions(const QStringList& arguments);

// Prepares the training desk's folder (SoftHSM2 configuration, database with the trainer, practice CA and sample
// officers) and points options and the environment at it.
core::CoreStatus prepareTrainingDesk(DeskOptions& options);

// Installs the translator for the language chosen (option, desk setting, else the system locale), in place of one
// installed before.
void installTranslation(QCoreApplication& application, const QString& language);

// The password of the training desk's trainer account (training desks only; printed on its sign-in screen).
QString trainingPassword();

} // namespace tamga::ui
