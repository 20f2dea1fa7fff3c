#include "tamga/core/TodaysWork.h"

#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Revocations.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace tamga::core {

CoreResult<std::vector<OrganizationProgress>> organizationProgress(const Database& database)
{
    auto query = database.exec(QStringLiteral(
        "SELECT g.id, g.name, count(o.id), "
        "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.officer_id = o.id AND e.state NOT IN "
        "('failed', 'cancelled'))), "
        "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.officer_id = o.id AND e.state IN "
        "('verified', 'handed_over'))), "
        "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.officer_id = o.id AND e.state = "
        "'handed_over')) "
        "FROM organizations g LEFT JOIN officers o ON o.organization_id = g.id GROUP BY g.id ORDER BY g.name"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<OrganizationProgress> organizations;
    while (query->next()) {
        organizations.push_back({query->value(0).toLongLong(), query->value(1).toString(),
                                 OfficerProgress{query->value(2).toInt(), query->value(3).toInt(),
                                                 query->value(4).toInt(), query->value(5).toInt()}});
    }
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return organizations;
}

CoreResult<TodaysWork> todaysWork(const Database& database)
{
    TodaysWork work;
    auto organizations = organizationProgress(database);
    if (!organizations)
        return std::unexpected(organizations.error());
    for (const OrganizationProgress& o : *organizations) {
        work.campaign.officers += o.progress.officers;
        work.campaign.started += o.progress.started;
        work.campaign.onToken += o.progress.onToken;
        work.campaign.handedOver += o.progress.handedOver;
        if (o.progress.officers > o.progress.started)
            work.notStarted.push_back(o);
    }
    std::stable_sort(work.notStarted.begin(), work.notStarted.end(), [](const auto& a, const auto& b) {
        return a.progress.officers - a.progress.started > b.progress.officers - b.progress.started;
    });
    if (work.notStarted.size() > 20)
        work.notStarted.resize(20);

    // The newest of each open state, as many as a list on the screen can usefully show: reading every enrollment
    // of a national registry took longer than the screen may (bench/HomeScreenBench.cpp).
    constexpr int kShown = 200;
    // A token whose certificate is revoked, or has a revocation under way, is not handed over: it is not listed.
    auto notToHandOver = Revocations(database).enrollmentsNotToHandOver();
    if (!notToHandOver)
        return std::unexpected(notToHandOver.error());
    for (EnrollmentState state : allEnrollmentStates()) {
        if (!isOpenAtDesk(state))
            continue;
        auto enrollments = EnrollmentRecords(database).newest(state, kShown);
        if (!enrollments)
            return std::unexpected(enrollments.error());
        for (EnrollmentRecord& r : *enrollments) {
            if (r.state == EnrollmentState::Verified) {
                if (!notToHandOver->contains(r.id))
                    work.toHandOver.push_back(std::move(r));
            } else if (r.state == EnrollmentState::CertificateReceived || r.state == EnrollmentState::Submitted)
                work.toWriteBack.push_back(std::move(r));
            else
                work.toFinish.push_back(std::move(r));
        }
    }

    const Renewals renewals(database);
    auto window = renewals.windowDays();
    if (!window)
        return std::unexpected(window.error());
    work.renewalWindowDays = *window;
    auto toRenew = renewals.due(*window);
    if (!toRenew)
        return std::unexpected(toRenew.error());
    work.toRenew = std::move(*toRenew);

    auto batches = Batches(database).list();
    if (!batches)
        return std::unexpected(batches.error());
    for (const BatchSummary& b : *batches) {
        if (b.handedOver < b.members)
            work.openBatches.push_back(b);
    }

    auto stock = database.exec(QStringLiteral("SELECT status, count(*) FROM tokens GROUP BY status"));
    if (!stock)
        return std::unexpected(stock.error());
    while (stock->next()) {
        if (auto state = parseStockState(stock->value(0).toString()))
            work.stock[*state] = stock->value(1).toInt();
    }
    if (auto complete = Database::readToEnd(*stock); !complete)
        return std::unexpected(complete.error());
    return work;
}

} // namespace tamga::core
