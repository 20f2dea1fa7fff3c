// tamga-cli: the registration desk's command line. main() only wires things up.
#include "BackupCommands.h"
#include "BatchCommands.h"
#include "Commands.h"
#include "EnrollCommands.h"
#include "ReceiptCommand.h"
#include "RegistryCommands.h"
#include "RenewalCommands.h"
#include "ReportCommand.h"
#include "RevocationCommands.h"
#include "StockCommands.h"
#include "TokenCommands.h"
#include "tamga/core/Database.h"
#include "tamga/core/Settings.h"
#include "tamga/core/Tokens.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>

namespace {

// --module, else TAMGA_PKCS11_MODULE, else the desk's stored setting, else OpenSC's module.
std::vector<std::string> modulePaths(const tamga::cli::CommandLine& line, const std::string& databasePath)
{
    std::vector<std::string> paths = line.values("module");
    if (!paths.empty())
        return paths;
    if (const char* fromEnvironment = std::getenv("TAMGA_PKCS11_MODULE"); fromEnvironment && *fromEnvironment)
        return {fromEnvironment};
    const QString database = QString::fromStdString(databasePath);
    if (tamga::core::Database::isShared(database) || QFileInfo::exists(database)) {
        if (auto opened = tamga::core::Database::openExisting(database)) {
            auto stored = tamga::core::Settings(**opened).value(tamga::core::setting::Pkcs11Modules);
            if (stored && *stored) {
                for (const QString& path : (*stored)->split(QLatin1Char(':'), Qt::SkipEmptyParts))
                    paths.push_back(path.toStdString());
            }
        }
    }
    if (paths.empty())
        paths.push_back(tamga::core::TokenModules::defaultModulePath());
    return paths;
}

} // namespace

int main(int argc, char** argv)
{
    // Rendering a receipt or a report needs Qt GUI's fonts and painter, without a window: the offscreen platform.
    // The command word may follow global options (--db X receipt 1 ...), so any argument that is "receipt" or
    // "report" counts.
    const bool rendersReceipt = std::any_of(argv + 1, argv + argc, [](const char* word) {
        // A batch's export prints its cover sheet; a revocation application its form.
        return std::string_view(word) == "receipt" || std::string_view(word) == "report" ||
               std::string_view(word) == "export" || std::string_view(word) == "form";
    });
    if (rendersReceipt && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(rendersReceipt ? new QGuiApplication(argc, argv)
                                                                 : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("tamga"));
    QCoreApplication::setOrganizationName(QStringLiteral("tamga"));

    using namespace tamga::cli;
    auto parsed = parseCommandLine(argc, argv);
    if (const int* status = std::get_if<int>(&parsed))
        return *status;
    const CommandLine& line = std::get<CommandLine>(parsed);

    GlobalOptions options;
    options.json = line.flag("json");
    options.databasePath = line.value("db").value_or(tamga::core::Database::defaultPath().toStdString());
    options.modulePaths = modulePaths(line, options.databasePath);

    if (isBatchSessionCommand(line))
        return runBatchSessionCommand(line, options);
    if (isRegistryCommand(line.words().front()))
        return runRegistryCommand(line, options);
    if (isEnrollCommand(line.words().front()))
        return runEnrollCommand(line, options);
    if (line.words().front() == "stock")
        return runStockCommand(line, options);
    if (isRevocationCommand(line.words().front()))
        return runRevocationCommand(line, options);
    if (isRenewalCommand(line.words().front()))
        return runRenewalCommand(line, options);
    if (isBackupCommand(line.words().front()))
        return runBackupCommand(line, options);
    if (line.words().front() == "report")
        return runReportCommand(line, options);
    if (line.words().front() == "receipt")
        return runReceiptCommand(line, options);
    return runTokenCommand(line, options);
}
