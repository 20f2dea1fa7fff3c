// The GUI benchmarks' common start: offscreen unless told otherwise, `--runs N`, and a training desk of their own
// (its folder, SoftHSM2 token store, practice CA, sample registry) with the trainer signed in.
#pragma once

#include "BenchSupport.h"
#include "DeskSetup.h"
#include "tamga/core/Database.h"
#include "tamga/core/Operators.h"

#include <QByteArray>
#include <QTemporaryDir>

#include <algorithm>

namespace tamga::bench {

// Before the QApplication: the offscreen platform, unless QT_QPA_PLATFORM names one.
inline void preferOffscreen()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

inline int runsFrom(int argc, char** argv, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--runs")
            return std::max(1, QByteArray(argv[i + 1]).toInt());
    }
    return fallback;
}

struct TrainingBenchDesk {
    QTemporaryDir folder;
    ui::DeskOptions options;
    core::Operator trainer;

    TrainingBenchDesk()
    {
        qputenv("TAMGA_TRAINING_DIR", folder.filePath(QStringLiteral("desk")).toUtf8());
        mustSucceed(ui::prepareTrainingDesk(options), "prepare the training desk");
        auto database = core::Database::open(options.databasePath);
        mustSucceed(database, "open the training desk");
        auto signedIn = core::Operators(**database).signIn(QStringLiteral("trainer"), core::Password("trainer-desk"));
        mustSucceed(signedIn, "sign the trainer in");
        trainer = *signedIn;
    }
};

} // namespace tamga::bench
