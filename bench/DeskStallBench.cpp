// How long the desk's GUI thread goes without handling events while enrollments run: a training desk (its own
// folder, SoftHSM2 token store, practice CA), the main window shown, N enrollments through the DeskWorker with the
// window receiving their progress, presence reports and refreshes, and a 5 ms timer on the GUI thread recording
// every gap between its ticks. The GUI test asserts only that no gap reaches a second (a token or network wait);
// the figures, on a quiet machine, go to docs/PERFORMANCE.md.
//
//   QT_QPA_PLATFORM=offscreen build/bin/tamga-bench-desk [--runs N]
#include "MainWindow.h"
#include "TrainingBenchDesk.h"
#include "tamga/core/Database.h"
#include "tamga/core/DeskWorker.h"
#include "tamga/core/Operators.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tamga;

int main(int argc, char** argv)
{
    bench::preferOffscreen();
    QApplication application(argc, argv);
    const int runs = bench::runsFrom(argc, argv, 20);
    const bench::TrainingBenchDesk desk;
    const ui::DeskOptions& options = desk.options;
    auto database = core::Database::open(options.databasePath);
    bench::mustSucceed(database, "open the training desk");
    const core::Operator& trainer = desk.trainer;
    core::DeskWorker worker(options.databasePath, options.modulePaths);
    ui::DeskContext context{database->get(), &worker, trainer, QFileInfo(options.databasePath).absolutePath(), true};
    ui::MainWindow window(context);
    window.show();

    // The GUI thread's heartbeat.
    std::vector<qint64> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    QTimer heartbeat;
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        gaps.push_back(now - last);
        last = now;
    });

    int done = 0;
    int failed = 0;
    QElapsedTimer total;
    auto next = [&] {
        core::EnrollmentJob job;
        job.by = trainer;
        job.officerId = 1 + done % 5; // the training registry's sample officers
        job.profile = QStringLiteral("signing");
        job.ca = QStringLiteral("practice");
        job.pin = Pin("258147");
        job.preparation = core::TokenPreparation{QStringLiteral("Bench %1").arg(done), Pin("86420975")};
        worker.enroll(std::move(job));
    };
    QObject::connect(&worker, &core::DeskWorker::enrollmentFinished, &window,
                     [&](qint64, bool ok, std::optional<core::EnrollmentState>, const QString& error) {
                         ++done;
                         if (!ok) {
                             ++failed;
                             std::fprintf(stderr, "enrollment failed: %s\n", qPrintable(error));
                         }
                         if (done < runs)
                             QTimer::singleShot(0, next);
                         else
                             application.quit();
                     });
    QTimer::singleShot(200, [&] {
        last = clock.elapsed();
        heartbeat.start(5);
        total.start();
        next();
    });
    application.exec();

    std::sort(gaps.begin(), gaps.end());
    auto at = [&](double fraction) {
        return gaps.empty() ? 0 : gaps[std::min(gaps.size() - 1, static_cast<std::size_t>(fraction * gaps.size()))];
    };
    std::printf("| enrollments | failed | wall time | GUI ticks | median gap | 99th percentile | longest gap |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    std::printf("| %d | %d | %.1f s | %zu | %lld ms | %lld ms | %lld ms |\n", done, failed, total.elapsed() / 1000.0,
                gaps.size(), static_cast<long long>(at(0.5)), static_cast<long long>(at(0.99)),
                static_cast<long long>(gaps.empty() ? 0 : gaps.back()));
    return failed == 0 ? 0 : 1;
}
