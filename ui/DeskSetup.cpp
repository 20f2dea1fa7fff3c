#include "DeskSetup.h"

#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

namespace tamga::ui {

QString trainingPassword()
{
    return QStringLiteral("trainer-desk");
}

DeskOptions parseDeskOptions(const QStringList& arguments)
{
    DeskOptions options;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a == QStringLiteral("--training"))
            options.training = true;
        else if (a == QStringLiteral("--db") && i + 1 < arguments.size())
            options.databasePath = arguments[++i];
        else if (a == QStringLiteral("--module") && i + 1 < arguments.size())
            options.modulePaths.push_back(arguments[++i].toStdString());
        else if (a == QStringLiteral("--lang") && i + 1 < arguments.size())
            options.language = arguments[++i];
    }
    if (options.databasePath.isEmpty())
        options.databasePath = core::Database::defaultPath();
    if (options.modulePaths.empty()) {
        const QByteArray fromEnvironment = qgetenv("TAMGA_PKCS11_MODULE");
        if (!fromEnvironment.isEmpty())
            options.modulePaths.push_back(fromEnvironment.toStdString());
    }
    return options;
}

core::CoreStatus prepareTrainingDesk(DeskOptions& options)
{
    QString folder = qEnvironmentVariable("TAMGA_TRAINING_DIR");
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                 QStringLiteral("/tamga/training-desk");
    QDir().mkpath(folder + QStringLiteral("/tokens"));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString conf = folder + QStringLiteral("/softhsm2.conf");
    if (!QFile::exists(conf)) {
        QFile file(conf);
        if (!file.open(QIODevice::WriteOnly))
            return core::coreError(core::CoreErrorKind::Io, QStringLiteral("cannot write %1").arg(conf));
        file.write(QStringLiteral("directories.tokendir = %1/tokens\nobjectstore.backend = file\nlog.level = ERROR\n")
                       .arg(folder)
                       .toUtf8());
    }
    // The training token store is the only token the training desk sees: SoftHSM2 always offers one new token.
    qputenv("SOFTHSM2_CONF", conf.toUtf8());
    options.modulePaths = {"/usr/lib/softhsm/libsofthsm2.so"};
    options.databasePath = folder + QStringLiteral("/desk.db");

    auto database = core::Database::open(options.databasePath);
    if (!database)
        return std::unexpected(database.error());
    core::Operators operators(**database);
    auto any = operators.anyExist();
    if (!any)
        return std::unexpected(any.error());
    if (*any)
        return {};

    // A new training desk: the trainer, TRAINING on every screen and receipt, the practice CA, a sample registry.
    auto trainer = operators.add(std::nullopt, QStringLiteral("trainer"), core::Role::Supervisor,
                                 core::Password(trainingPassword().toStdString()));
    if (!trainer)
        return std::unexpected(trainer.error());
    if (auto set = core::Settings(**database).setValue(*trainer, core::setting::DeskTraining, QStringLiteral("1"));
        !set)
        return set;
    core::CaConnectors connectors(**database, folder);
    if (auto ca = connectors.add(*trainer, {0, QStringLiteral("practice"), QStringLiteral("practice"), {}}); !ca)
        return std::unexpected(ca.error());
    core::Registry registry(**database);
    auto city = registry.addOrganization(*trainer, QStringLiteral("Нийслэлийн Засаг даргын Тамгын газар"),
                                         QStringLiteral("9000001"), std::nullopt);
    if (!city)
        return std::unexpected(city.error());
    auto it = registry.addOrganization(*trainer, QStringLiteral("Нийслэлийн Мэдээллийн технологийн газар"),
                                       QStringLiteral("9000002"), *city);
    auto district = registry.addOrganization(*trainer, QStringLiteral("Хан-Уул дүүргийн Засаг даргын Тамгын газар"),
                                             QStringLiteral("9000003"), *city);
    if (!it || !district)
        return std::unexpected(!it ? it.error() : district.error());
    const core::OfficerFields sample[] = {
        {*it, QStringLiteral("Дорж"), QStringLiteral("Батбаяр"), QStringLiteral("УБ90010112"), QStringLiteral("Дарга"),
         QStringLiteral("Удирдлага"), QStringLiteral("batbayar@example.mn"), QStringLiteral("+976 9911 2233")},
        {*it,
         QStringLiteral("Өлзийбат"),
         QStringLiteral("Сарангэрэл"),
         QStringLiteral("УБ85121503"),
         QStringLiteral("Ахлах мэргэжилтэн"),
         QStringLiteral("Сүлжээний хэлтэс"),
         QStringLiteral("sarangerel@example.mn"),
         {}},
        {*district,
         QStringLiteral("Цэрэндорж"),
         QStringLiteral("Хүрэлбаатар"),
         QStringLiteral("ХУ78030422"),
         QStringLiteral("Засаг дарга"),
         {},
         QStringLiteral("khurelbaatar@example.mn"),
         {}},
        {*district,
         QStringLiteral("Мөнхбаяр"),
         QStringLiteral("Оюунчимэг"),
         QStringLiteral("ХУ05250134"),
         QStringLiteral("Хэлтсийн дарга"),
         QStringLiteral("Санхүүгийн хэлтэс"),
         {},
         {}},
        {*city,
         QStringLiteral("Ганбаатар"),
         QStringLiteral("Түмэнжаргал"),
         QStringLiteral("ЧЖ92110709"),
         QStringLiteral("Тамгын газрын дарга"),
         {},
         QStringLiteral("tumenjargal@example.mn"),
         {}},
    };
    for (const auto& officer : sample) {
        if (auto added = registry.addOfficer(*trainer, officer); !added)
            return std::unexpected(added.error());
    }
    return {};
}

void installTranslation(QCoreApplication& application, const QString& language)
{
    // A second call (the first-run setup in the system's language, then a restored desk's own) replaces the first.
    const QString marker = QStringLiteral("tamga-translation");
    for (QTranslator* earlier : application.findChildren<QTranslator*>(marker, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(earlier);
        delete earlier;
    }
    const QString chosen = language.isEmpty() ? QLocale::system().name().left(2) : language;
    if (chosen != QStringLiteral("mn")) {
        QLocale::setDefault(QLocale::system());
        return; // the source strings are English
    }
    // Qt's own strings first, then the desk's: a translator installed later is asked first.
    for (const QString& catalogue : {QStringLiteral(":/i18n/qtbase_mn.qm"), QStringLiteral(":/i18n/tamga_mn.qm")}) {
        auto* translator = new QTranslator(&application);
        translator->setObjectName(marker);
        if (translator->load(catalogue))
            QCoreApplication::installTranslator(translator);
    }
    QLocale::setDefault(QLocale(QLocale::Mongolian, QLocale::Mongolia));
}

} // namespace tamga::ui
