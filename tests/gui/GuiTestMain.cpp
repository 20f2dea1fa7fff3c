// The main() of the GUI tests: a QApplication on the offscreen platform (when none is chosen), so the tests run
// without a display, as ctest's test discovery also runs them.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tamga-gui-tests"));
    return Catch::Session().run(argc, argv);
}
