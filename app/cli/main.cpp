// tamga-cli: the registration desk's command line. main() only wires things up.
#include "CommandLine.h"
#include "TokenCommands.h"
#include "tamga/pkcs11/Module.h"

#include <QCoreApplication>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tamga"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tamga"));

    using namespace tamga::cli;
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    std::string error;
    const auto line = CommandLine::parse(arguments, {"json", "uninitialized", "help"}, {"module"}, error);
    if (!line) {
        std::cerr << "error: " << error << '\n' << tokenUsage();
        return ExitUsage;
    }
    if (line->flag("help")) {
        std::cout << tokenUsage();
        return ExitOk;
    }
    const auto unknown = line->unknownOptions({"json", "uninitialized", "help", "module", "serial", "label",
                                               "so-pin-file", "pin-file", "new-pin-file", "type", "id"});
    if (!unknown.empty()) {
        std::cerr << "error: unknown option --" << unknown.front() << '\n' << tokenUsage();
        return ExitUsage;
    }

    GlobalOptions options;
    options.json = line->flag("json");
    options.modulePaths = line->values("module");
    if (options.modulePaths.empty()) {
        if (const char* fromEnvironment = std::getenv("TAMGA_PKCS11_MODULE"); fromEnvironment && *fromEnvironment)
            options.modulePaths.push_back(fromEnvironment);
        else
            options.modulePaths.push_back(tamga::pkcs11::defaultModulePath());
    }
    return runTokenCommand(*line, options);
}
