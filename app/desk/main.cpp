// tamga: the registration desk. main() only wires things up.
#include "DeskSetup.h"
#include "FirstRunWizard.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "tamga/core/Database.h"
#include "tamga/core/DeskWorker.h"
#include "tamga/core/Settings.h"
#include "tamga/core/Tokens.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>
#include <cstring>

namespace {

// --help and --version answer before the QApplication exists, so that they work where there is no display (a
// terminal over ssh, a package's checks). Every option here is in the man page (installer/man/tamga.1).
bool answeredWithoutWindow(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("tamga %s\n", TAMGA_VERSION);
            return true;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::printf("Tamga's registration desk.\n"
                        "Usage: tamga [--training] [--db PATH] [--module PATH]... [--lang mn|en]\n\n"
                        "  --training      a training desk of its own: training token, practice CA, sample registry\n"
                        "                  (sign in as trainer, password trainer-desk)\n"
                        "  --db PATH       the desk's database (default: TAMGA_DB, else the application-data folder)\n"
                        "  --module PATH   a PKCS#11 module; repeatable (default: TAMGA_PKCS11_MODULE, the desk's\n"
                        "                  setting, else OpenSC's)\n"
                        "  --lang LANGUAGE mn (Mongolian) or en (English); default: the desk's setting, else the\n"
                        "                  system's language\n"
                        "  --help          print this help and exit\n"
                        "  --version       print the version and exit\n\n"
                        "tamga-cli does the same work at a terminal; see tamga(1) and tamga-cli(1).\n");
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (answeredWithoutWindow(argc, argv))
        return 0;
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tamga"));
    QApplication::setOrganizationName(QStringLiteral("tamga"));
    // The desktop entry's name: Wayland compositors match the window to its entry (icon, grouping) by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("mn.tamga.desk"));
    using namespace tamga;

    ui::DeskOptions options = ui::parseDeskOptions(QApplication::arguments());
    if (options.training) {
        if (auto prepared = ui::prepareTrainingDesk(options); !prepared) {
            QMessageBox::critical(nullptr, QStringLiteral("Tamga"), prepared.error().message);
            return 2;
        }
    }
    // A new installation (no database, or one without any operator): the setup first, in the language asked for
    // or the system's, then the sign-in. The setup makes the database with its first supervisor, or restores it
    // from a backup; it lists modules, tests the CA and restores on a worker of its own, with no module loaded.
    QString firstSupervisor;
    if (!options.training && ui::FirstRunWizard::needed(options.databasePath)) {
        ui::installTranslation(application, options.language);
        core::DeskWorker setupWorker(options.databasePath, {});
        ui::FirstRunWizard setup(options.databasePath, setupWorker);
        if (setup.exec() != QDialog::Accepted)
            return 0;
        firstSupervisor = setup.supervisorName();
        if (setup.databasePath() != options.databasePath) {
            // The office's shared registry, chosen in the setup: this PC's desk opens it from now on.
            options.databasePath = setup.databasePath();
            if (auto remembered = core::Database::rememberAsDefault(options.databasePath); !remembered)
                QMessageBox::warning(nullptr, QStringLiteral("Tamga"), remembered.error().message);
        }
    }
    auto database = core::Database::open(options.databasePath);
    if (!database) {
        QMessageBox::critical(nullptr, QStringLiteral("Tamga"), database.error().message);
        return 2;
    }
    core::Settings settings(**database);
    // The desk's own language (a restored desk brings its setting), unless --lang chose one.
    QString language = options.language;
    if (language.isEmpty())
        language = settings.value(core::setting::Language).value_or(std::nullopt).value_or(QString());
    ui::installTranslation(application, language);
    if (options.modulePaths.empty()) {
        auto stored = settings.value(core::setting::Pkcs11Modules).value_or(std::nullopt);
        for (const QString& path : stored.value_or(QString()).split(QLatin1Char(':'), Qt::SkipEmptyParts))
            options.modulePaths.push_back(path.toStdString());
        if (options.modulePaths.empty())
            options.modulePaths.push_back(core::TokenModules::defaultModulePath());
    }
    const bool training =
        options.training ||
        settings.value(core::setting::DeskTraining).value_or(std::nullopt).value_or(QString()) == QStringLiteral("1");

    ui::SignInDialog signIn(**database, training);
    if (!firstSupervisor.isEmpty())
        signIn.presetOperator(firstSupervisor);
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    core::DeskWorker worker(options.databasePath, options.modulePaths);
    // Tokens side by side in a batch session are worked by tamga-cli processes (installed beside this program).
    if (const QFileInfo cli(QApplication::applicationDirPath() + QStringLiteral("/tamga-cli")); cli.isExecutable())
        worker.setWorkerProgram(cli.absoluteFilePath());
    ui::DeskContext context{database->get(), &worker, signIn.signedIn(),
                            core::Database::localFolderOf(options.databasePath), training};
    ui::MainWindow window(context);
    window.show();
    window.offerInterruptedEnrollments();
    return QApplication::exec();
}
