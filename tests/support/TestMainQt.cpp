// The main() of test programs that use Qt: a QCoreApplication exists for the whole run (Qt SQL's driver
// plugins and the application-data folders need one).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tamga-tests"));
    return Catch::Session().run(argc, argv);
}
