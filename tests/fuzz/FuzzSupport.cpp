#include "FuzzSupport.h"

#include "tamga/core/Registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace tamga::fuzz {

void require(bool holds, const char* what, const QString& detail)
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz invariant broken: %s%s%s\n", what, detail.isEmpty() ? "" : ": ",
                 detail.toUtf8().constData());
    std::abort();
}

void ensureApplication()
{
    static int argc = 1;
    static char name[] = "tamga-fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
}

const FuzzDesk& FuzzDesk::instance()
{
    static const FuzzDesk desk;
    return desk;
}

FuzzDesk::FuzzDesk()
{
    ensureApplication();
    // The folder outlives every database handle: removed by the temporary-dir object at exit.
    static QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/tamga-fuzz-XXXXXX"));
    require(folder.isValid(), "a private temporary folder", folder.errorString());
    m_folder = folder.path();
    auto opened = core::Database::open(m_folder + QStringLiteral("/desk.db"));
    require(opened.has_value(), "the fuzz desk's database opens", opened ? QString() : opened.error().message);
    m_db = std::move(*opened);

    core::Operators operators(*m_db);
    auto supervisor = operators.add(std::nullopt, QStringLiteral("supervisor"), core::Role::Supervisor,
                                    core::Password("Fuzz-supervisor-1"));
    require(supervisor.has_value(), "the fuzz desk's supervisor", supervisor ? QString() : supervisor.error().message);
    m_supervisor = *supervisor;

    core::Registry registry(*m_db);
    auto organization = registry.addOrganization(m_supervisor, QStringLiteral("Нийслэлийн Засаг даргын Тамгын газар"),
                                                 QStringLiteral("2011111"), std::nullopt);
    require(organization.has_value(), "the fuzz desk's organization",
            organization ? QString() : organization.error().message);
    const core::OfficerFields officers[] = {
        {*organization, QStringLiteral("Батбаяр"), QStringLiteral("Өлзийбат"), QStringLiteral("УБ90010112"),
         QStringLiteral("Дарга")},
        {*organization, QStringLiteral("Цэрэн-Очир"), QStringLiteral("Үүрцайх"), QStringLiteral("ЧО85121517"),
         QStringLiteral("Ахлах мэргэжилтэн")},
        {*organization, QStringLiteral("Smith"), QStringLiteral("Anna"), QStringLiteral("ЮА02230415"),
         QStringLiteral("Adviser")},
    };
    for (const auto& officer : officers) {
        auto added = registry.addOfficer(m_supervisor, officer);
        require(added.has_value(), "a fuzz desk officer", added ? QString() : added.error().message);
    }
}

} // namespace tamga::fuzz
