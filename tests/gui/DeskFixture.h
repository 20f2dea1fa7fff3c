// A training desk in a private folder for GUI tests: the database with the trainer, the practice CA and the sample
// officers; a SoftHSM2 token store (through the test module, so a token can be pulled); the DeskWorker; and a
// watchdog that measures how long the GUI thread ever goes without handling events.
#pragma once

#include "DeskSetup.h"
#include "MainWindow.h"
#include "ReceiptPrinting.h"
#include "TestSupport.h"
#include "tamga/core/Batches.h"
#include "tamga/core/Database.h"
#include "tamga/core/DeskWorker.h"
#include "tamga/core/SealedSecrets.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <memory>

namespace tamga::test {

// Ticks every 5 ms on the GUI thread and remembers the longest gap between ticks.
// A file chooser the test answers, put back however the test ends (a failed REQUIRE too): one left behind would
// answer a later test with this test's dead locals.
class ScopedOpenPathChooser {
public:
    explicit ScopedOpenPathChooser(ui::OpenPathChooser chooser) { ui::setOpenPathChooser(std::move(chooser)); }
    ~ScopedOpenPathChooser() { ui::setOpenPathChooser({}); }
    ScopedOpenPathChooser(const ScopedOpenPathChooser&) = delete;
    ScopedOpenPathChooser& operator=(const ScopedOpenPathChooser&) = delete;
};

class GuiWatchdog {
public:
    GuiWatchdog()
    {
        m_clock.start();
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longestGap = std::max(m_longestGap, now - m_last);
            m_last = now;
        });
        m_timer.start(5);
    }
    qint64 longestGapMs() const { return m_longestGap; }
    void reset()
    {
        m_last = m_clock.elapsed();
        m_longestGap = 0;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestGap = 0;
};

// Runs the event loop until `done` or the time runs out.
template <typename Condition> bool waitUntil(Condition done, int milliseconds = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < milliseconds)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

class TrainingDesk {
public:
    TrainingDesk() : m_hsm(TestModuleOptions{.pinTries = 3})
    {
        ::setenv("TAMGA_TRAINING_DIR", m_hsm.dir().file("desk").c_str(), 1);
        ui::DeskOptions options;
        REQUIRE(ui::prepareTrainingDesk(options));
        // prepareTrainingDesk points SoftHSM at the desk's own token folder; the test module in front of it lets
        // the test pull the token.
        options.modulePaths = {m_hsm.modulePath()};
        m_databasePath = options.databasePath;
        auto database = core::Database::open(m_databasePath);
        REQUIRE(database);
        m_database = std::move(*database);
        auto trainer = core::Operators(*m_database).signIn(QStringLiteral("trainer"), core::Password("trainer-desk"));
        REQUIRE(trainer);
        m_worker = std::make_unique<core::DeskWorker>(m_databasePath, options.modulePaths);
        m_worker->setWorkerProgram(QStringLiteral(TAMGA_CLI));
        m_context =
            ui::DeskContext{m_database.get(), m_worker.get(), *trainer, QFileInfo(m_databasePath).absolutePath(), true};
        // The worker has looked at the tokens once.
        REQUIRE(waitUntil([this] { return !m_worker->tokens().isEmpty(); }, 5000));
    }

    const ui::DeskContext& context() const { return m_context; }
    core::DeskWorker& worker() { return *m_worker; }
    const core::Database& database() const { return *m_database; }
    const SoftHsmSandbox& hsm() const { return m_hsm; }

private:
    SoftHsmSandbox m_hsm;
    QString m_databasePath;
    std::unique_ptr<core::Database> m_database;
    std::unique_ptr<core::DeskWorker> m_worker;
    ui::DeskContext m_context;
};

// A token prepared by the trainer's batch for the first sample officer of organization `organization`, through the
// desk's worker (which owns the token module in this process): a verified enrollment with a valid certificate.
inline core::EnrollmentRecord preparedThroughBatch(TrainingDesk& desk, qint64 organization = 2)
{
    const core::Operator& trainer = desk.context().signedIn;
    auto key = core::SealedSecrets(desk.database()).unlock(trainer.name, core::Password("trainer-desk"));
    REQUIRE(key);
    auto batch = core::Batches(desk.database())
                     .create(trainer, QStringLiteral("Prepared"), {organization}, {}, QStringLiteral("signing"),
                             QStringLiteral("practice"), core::BatchMode::Prepared);
    REQUIRE(batch);
    bool roundDone = false;
    auto connection =
        QObject::connect(&desk.worker(), &core::DeskWorker::batchRoundFinished, &desk.worker(),
                         [&](qint64, int, int, int, const QStringList&, const QString&) { roundDone = true; });
    core::BatchJob job;
    job.by = trainer;
    job.batchId = *batch;
    job.deskKey = std::make_shared<const core::DeskKey>(std::move(*key));
    desk.worker().runBatchRound(std::move(job));
    REQUIRE(waitUntil([&] { return roundDone; }));
    QObject::disconnect(connection);
    auto members = core::Batches(desk.database()).members(*batch);
    REQUIRE(members);
    REQUIRE(members->front().enrollment);
    REQUIRE(members->front().enrollment->state == core::EnrollmentState::Verified);
    return *members->front().enrollment;
}

} // namespace tamga::test
