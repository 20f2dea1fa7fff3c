// From start to a usable desk: how long the desk takes from opening its database to its main window shown and
// painted (every tab built, the home screen's lists read, the token worker started with its module), on a training
// desk and on registries of the source's wave (731 officers) and of 10,000 officers; against a bare window with
// the same tabs, empty, shown and painted in the same run (the part Qt itself costs). Median of 7 starts each.
//
//   QT_QPA_PLATFORM=offscreen build/bin/tamga-bench-start [--runs N]
#include "MainWindow.h"
#include "TrainingBenchDesk.h"
#include "tamga/core/Database.h"
#include "tamga/core/DeskWorker.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Operators.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMainWindow>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cstdio>
#include <vector>

using namespace tamga;

namespace {

double millisecondsOf(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The same shell as the desk's, with nothing in it.
double bareWindowStart()
{
    QElapsedTimer timer;
    timer.start();
    QMainWindow window;
    auto* tabs = new QTabWidget(&window);
    for (int i = 0; i < 8; ++i)
        tabs->addTab(new QWidget(tabs), QStringLiteral("Tab %1").arg(i));
    window.setCentralWidget(tabs);
    window.resize(1366, 768);
    window.show();
    QApplication::processEvents();
    window.repaint();
    return millisecondsOf(timer);
}

double deskStart(const ui::DeskOptions& options, const core::Operator& trainer)
{
    QElapsedTimer timer;
    timer.start();
    auto database = core::Database::open(options.databasePath);
    bench::mustSucceed(database, "open the desk's database");
    core::DeskWorker worker(options.databasePath, options.modulePaths);
    ui::DeskContext context{database->get(), &worker, trainer, QFileInfo(options.databasePath).absolutePath(), true};
    ui::MainWindow window(context);
    window.resize(1366, 768);
    window.show();
    QApplication::processEvents();
    window.repaint();
    return millisecondsOf(timer);
}

} // namespace

int main(int argc, char** argv)
{
    bench::preferOffscreen();
    QApplication application(argc, argv);
    const int runs = bench::runsFrom(argc, argv, 7);
    const bench::TrainingBenchDesk desk;
    const ui::DeskOptions& options = desk.options;
    const core::Operator& trainer = desk.trainer;
    bareWindowStart(); // the first window pays for fonts and styles once: not part of either figure

    std::printf("| officers in the registry | desk start (median of %d) | bare window with 8 tabs | ratio |\n", runs);
    std::printf("|---:|---:|---:|---:|\n");
    const int sample = 5; // the training desk's own registry
    int officers = sample;
    for (const int target : {sample, 731, 10000}) {
        if (target > officers) {
            auto database = core::Database::open(options.databasePath);
            bench::mustSucceed(database, "open the desk to fill it");
            auto report =
                core::importOfficers(**database, trainer, bench::officerCsv(target - officers, 200, officers - sample),
                                     QStringLiteral("bench.csv"));
            bench::mustSucceed(report && report->problems.empty() && report->added == target - officers,
                               "import the officers, every one new");
            officers = target;
        }
        std::vector<double> desk;
        std::vector<double> bare;
        for (int run = 0; run < runs; ++run) {
            desk.push_back(deskStart(options, trainer));
            bare.push_back(bareWindowStart());
        }
        const double deskMs = bench::median(desk);
        const double bareMs = bench::median(bare);
        std::printf("| %d | %.1f ms | %.1f ms | %.1fx |\n", officers, deskMs, bareMs, deskMs / bareMs);
    }
    return 0;
}
