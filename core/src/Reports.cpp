#include "tamga/core/Reports.h"

#include "tamga/core/Renewals.h"

#include "tamga/core/BatchExchange.h"
#include "tamga/core/Database.h"
#include "tamga/core/TodaysWork.h"
#include "tamga/core/TokenStock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

#include <QVariant>
#include <map>

namespace tamga::core {

namespace {

// Runs a read and hands each row to `row`; a row that cannot be read fails the whole report.
template <typename Row>
CoreStatus eachRow(const Database& database, const QString& sql, const QVariantList& values, Row row)
{
    auto query = database.exec(sql, values);
    if (!query)
        return std::unexpected(query.error());
    while (query->next())
        row(*query);
    return Database::readToEnd(*query);
}

// A report's words in the language of the desk (or of `tamga-cli report --lang`): the translator installed, if any,
// is asked in the "Reports" context; the source strings are English.
QString words(const char* source)
{
    return QCoreApplication::translate("Reports", source);
}

QString stockStateWords(StockState state)
{
    switch (state) {
    case StockState::InStock:
        return words(QT_TRANSLATE_NOOP("Reports", "in stock"));
    case StockState::Prepared:
        return words(QT_TRANSLATE_NOOP("Reports", "prepared"));
    case StockState::Issued:
        return words(QT_TRANSLATE_NOOP("Reports", "issued"));
    case StockState::Returned:
        return words(QT_TRANSLATE_NOOP("Reports", "returned"));
    case StockState::Lost:
        return words(QT_TRANSLATE_NOOP("Reports", "lost"));
    case StockState::Blocked:
        return words(QT_TRANSLATE_NOOP("Reports", "blocked"));
    case StockState::Wiped:
        return words(QT_TRANSLATE_NOOP("Reports", "wiped"));
    case StockState::Retired:
        return words(QT_TRANSLATE_NOOP("Reports", "retired"));
    }
    return stockStateName(state);
}

QString madeAt()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString percent(int part, int whole)
{
    return whole > 0 ? QStringLiteral("%1%").arg(100 * part / whole) : QStringLiteral("—");
}

// A spreadsheet takes a cell starting with = + - @ for a formula: such text is written with an apostrophe first.
QString csvCell(const QString& text)
{
    QString cell = text;
    if (!cell.isEmpty() && QStringLiteral("=+-@").contains(cell.front()))
        cell.prepend(QLatin1Char('\''));
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')) ||
        cell.contains(QLatin1Char('\r')))
        cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return cell;
}

} // namespace

CoreResult<Report> Reports::progress() const
{
    Report report;
    report.title = words(QT_TRANSLATE_NOOP("Reports", "Campaign progress"));
    report.subtitle = words(QT_TRANSLATE_NOOP("Reports", "Every organization, as of %1")).arg(madeAt());
    ReportTable table{words(QT_TRANSLATE_NOOP("Reports", "Progress per organization")),
                      {words(QT_TRANSLATE_NOOP("Reports", "Organization")),
                       words(QT_TRANSLATE_NOOP("Reports", "Officers")), words(QT_TRANSLATE_NOOP("Reports", "Started")),
                       words(QT_TRANSLATE_NOOP("Reports", "Certificate on token")),
                       words(QT_TRANSLATE_NOOP("Reports", "Handed over")), words(QT_TRANSLATE_NOOP("Reports", "Done"))},
                      {}};
    ReportChart chart{words(QT_TRANSLATE_NOOP("Reports", "Officers per organization")),
                      {words(QT_TRANSLATE_NOOP("Reports", "Officers")),
                       words(QT_TRANSLATE_NOOP("Reports", "Certificate on token")),
                       words(QT_TRANSLATE_NOOP("Reports", "Handed over"))},
                      {}};
    int officers = 0;
    int started = 0;
    int verified = 0;
    int handed = 0;
    auto organizations = organizationProgress(m_database);
    if (!organizations)
        return std::unexpected(organizations.error());
    for (const OrganizationProgress& o : *organizations) {
        const OfficerProgress& p = o.progress;
        officers += p.officers;
        started += p.started;
        verified += p.onToken;
        handed += p.handedOver;
        table.rows.push_back({o.name, QString::number(p.officers), QString::number(p.started),
                              QString::number(p.onToken), QString::number(p.handedOver),
                              percent(p.handedOver, p.officers)});
        chart.groups.push_back({o.name, {p.officers, p.onToken, p.handedOver}});
    }
    table.rows.push_back({words(QT_TRANSLATE_NOOP("Reports", "All organizations")), QString::number(officers),
                          QString::number(started), QString::number(verified), QString::number(handed),
                          percent(handed, officers)});
    report.tables.push_back(table);

    ReportTable perDay{words(QT_TRANSLATE_NOOP("Reports", "Certificates per day")),
                       {words(QT_TRANSLATE_NOOP("Reports", "Day")),
                        words(QT_TRANSLATE_NOOP("Reports", "On token and checked")),
                        words(QT_TRANSLATE_NOOP("Reports", "Handed over"))},
                       {}};
    auto done =
        eachRow(m_database,
                QStringLiteral(
                    "SELECT substr(at, 1, 10) AS day, count(*) FILTER (WHERE action = 'enrollment.verified'), "
                    "count(*) FILTER (WHERE action = 'enrollment.handed_over') FROM audit_log WHERE outcome = 'ok' AND "
                    "action IN ('enrollment.verified', 'enrollment.handed_over') GROUP BY day ORDER BY day"),
                {}, [&](const QSqlQuery& q) {
                    perDay.rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
                });
    if (!done)
        return std::unexpected(done.error());
    report.tables.push_back(perDay);
    if (!chart.groups.empty())
        report.charts.push_back(chart);
    return report;
}

CoreResult<Report> Reports::daily(const QDate& day) const
{
    const QString date = day.toString(Qt::ISODate);
    Report report;
    report.title = words(QT_TRANSLATE_NOOP("Reports", "Daily summary, %1")).arg(date);
    report.subtitle = words(QT_TRANSLATE_NOOP("Reports", "Made %1")).arg(madeAt());

    ReportTable perClerk{words(QT_TRANSLATE_NOOP("Reports", "Work per operator")),
                         {words(QT_TRANSLATE_NOOP("Reports", "Operator")),
                          words(QT_TRANSLATE_NOOP("Reports", "Started")),
                          words(QT_TRANSLATE_NOOP("Reports", "Certificate on token")),
                          words(QT_TRANSLATE_NOOP("Reports", "Handed over")),
                          words(QT_TRANSLATE_NOOP("Reports", "Stopped with an error"))},
                         {}};
    ReportChart chart{words(QT_TRANSLATE_NOOP("Reports", "Work per operator")),
                      {words(QT_TRANSLATE_NOOP("Reports", "Certificate on token")),
                       words(QT_TRANSLATE_NOOP("Reports", "Handed over"))},
                      {}};
    auto done = eachRow(
        m_database,
        QStringLiteral("SELECT operator, count(*) FILTER (WHERE action = 'enrollment.created' AND outcome = 'ok'), "
                       "count(*) FILTER (WHERE action = 'enrollment.verified' AND outcome = 'ok'), "
                       "count(*) FILTER (WHERE action = 'enrollment.handed_over' AND outcome = 'ok'), "
                       "count(*) FILTER (WHERE action LIKE 'enrollment.%' AND outcome = 'failed') FROM audit_log WHERE "
                       "substr(at, 1, 10) = ? "
                       "AND action LIKE 'enrollment.%' GROUP BY operator ORDER BY operator"),
        {date}, [&](const QSqlQuery& q) {
            perClerk.rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                     q.value(3).toString(), q.value(4).toString()});
            chart.groups.push_back({q.value(0).toString(), {q.value(2).toInt(), q.value(3).toInt()}});
        });
    if (!done)
        return std::unexpected(done.error());
    report.tables.push_back(perClerk);

    auto stockDay = TokenStock(m_database).reconcile(day);
    if (!stockDay)
        return std::unexpected(stockDay.error());
    const StockDay& d = *stockDay;
    report.tables.push_back(
        {words(QT_TRANSLATE_NOOP("Reports", "Token stock")),
         {words(QT_TRANSLATE_NOOP("Reports", "Received")), words(QT_TRANSLATE_NOOP("Reports", "Issued")),
          words(QT_TRANSLATE_NOOP("Reports", "Receipts signed")),
          words(QT_TRANSLATE_NOOP("Reports", "Issued without a signed receipt")),
          words(QT_TRANSLATE_NOOP("Reports", "Returned")), words(QT_TRANSLATE_NOOP("Reports", "Spoiled")),
          words(QT_TRANSLATE_NOOP("Reports", "In stock at the end")),
          words(QT_TRANSLATE_NOOP("Reports", "Prepared at the end"))},
         {{QString::number(d.received), QString::number(d.issued), QString::number(d.receiptsSigned),
           QString::number(d.issuedWithoutReceipt()), QString::number(d.returned), QString::number(d.spoiled),
           QString::number(d.inStockAtEnd), QString::number(d.preparedAtEnd)}}});

    ReportTable stopped{words(QT_TRANSLATE_NOOP("Reports", "Enrollments that stopped")),
                        {words(QT_TRANSLATE_NOOP("Reports", "Enrollment")),
                         words(QT_TRANSLATE_NOOP("Reports", "Officer")), words(QT_TRANSLATE_NOOP("Reports", "State")),
                         words(QT_TRANSLATE_NOOP("Reports", "Last error"))},
                        {}};
    done = eachRow(m_database,
                   QStringLiteral("SELECT e.id, o.surname || ' ' || o.given_name, e.state, e.last_error FROM "
                                  "enrollments e JOIN officers o ON o.id = e.officer_id WHERE e.last_error <> '' AND "
                                  "substr(e.updated_at, 1, 10) = ? ORDER BY e.id"),
                   {date}, [&](const QSqlQuery& q) {
                       stopped.rows.push_back({QStringLiteral("#") + q.value(0).toString(), q.value(1).toString(),
                                               q.value(2).toString(), q.value(3).toString()});
                   });
    if (!done)
        return std::unexpected(done.error());
    report.tables.push_back(stopped);
    if (!chart.groups.empty())
        report.charts.push_back(chart);
    return report;
}

CoreResult<Report> Reports::stock() const
{
    Report report;
    report.title = words(QT_TRANSLATE_NOOP("Reports", "Token stock and revocations"));
    report.subtitle = words(QT_TRANSLATE_NOOP("Reports", "As of %1")).arg(madeAt());
    ReportTable states{words(QT_TRANSLATE_NOOP("Reports", "Tokens by state")),
                       {words(QT_TRANSLATE_NOOP("Reports", "State")), words(QT_TRANSLATE_NOOP("Reports", "Tokens"))},
                       {}};
    ReportChart chart{
        words(QT_TRANSLATE_NOOP("Reports", "Tokens by state")), {words(QT_TRANSLATE_NOOP("Reports", "Tokens"))}, {}};
    for (StockState state : allStockStates()) {
        auto tokens =
            m_database.exec(QStringLiteral("SELECT count(*) FROM tokens WHERE status = ?"), {stockStateName(state)});
        if (!tokens)
            return std::unexpected(tokens.error());
        const int count = tokens->next() ? tokens->value(0).toInt() : 0;
        tokens->finish();
        states.rows.push_back({stockStateWords(state), QString::number(count)});
        chart.groups.push_back({stockStateWords(state), {count}});
    }
    report.tables.push_back(states);
    report.charts.push_back(chart);
    ReportTable revocations{words(QT_TRANSLATE_NOOP("Reports", "Revocation requests by reason")),
                            {words(QT_TRANSLATE_NOOP("Reports", "Reason")),
                             words(QT_TRANSLATE_NOOP("Reports", "Requests")),
                             words(QT_TRANSLATE_NOOP("Reports", "Done"))},
                            {}};
    auto done = eachRow(
        m_database,
        QStringLiteral(
            "SELECT reason, count(*), count(*) FILTER (WHERE state = 'confirmed') FROM revocation_requests GROUP BY "
            "reason ORDER BY reason"),
        {}, [&](const QSqlQuery& q) {
            revocations.rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
        });
    if (!done)
        return std::unexpected(done.error());
    report.tables.push_back(revocations);
    return report;
}

CoreResult<Report> Reports::renewals() const
{
    const Renewals renewals(m_database);
    auto window = renewals.windowDays();
    if (!window)
        return std::unexpected(window.error());
    auto due = renewals.due(*window);
    if (!due)
        return std::unexpected(due.error());
    Report report;
    report.title = words(QT_TRANSLATE_NOOP("Reports", "Certificates to renew"));
    report.subtitle =
        words(QT_TRANSLATE_NOOP("Reports", "Expiring within %1 days, as of %2")).arg(*window).arg(madeAt());
    std::map<QString, std::vector<const RenewalDue*>> byOrganization;
    for (const RenewalDue& d : *due)
        byOrganization[d.organization].push_back(&d);
    ReportTable summary{words(QT_TRANSLATE_NOOP("Reports", "Per organization")),
                        {words(QT_TRANSLATE_NOOP("Reports", "Organization")),
                         words(QT_TRANSLATE_NOOP("Reports", "Certificates")),
                         words(QT_TRANSLATE_NOOP("Reports", "Renewal under way"))},
                        {}};
    for (const auto& [organization, list] : byOrganization) {
        const auto underWay = std::count_if(list.begin(), list.end(), [](const RenewalDue* d) { return d->renewalId; });
        summary.rows.push_back({organization, QString::number(list.size()), QString::number(underWay)});
    }
    report.tables.push_back(summary);
    for (const auto& [organization, list] : byOrganization) {
        ReportTable table{
            organization,
            {words(QT_TRANSLATE_NOOP("Reports", "Officer")), words(QT_TRANSLATE_NOOP("Reports", "Token")),
             words(QT_TRANSLATE_NOOP("Reports", "Certificate")), words(QT_TRANSLATE_NOOP("Reports", "Expires")),
             words(QT_TRANSLATE_NOOP("Reports", "Days left")), words(QT_TRANSLATE_NOOP("Reports", "Renewal"))},
            {}};
        for (const RenewalDue* d : list)
            table.rows.push_back({d->officerName, d->tokenSerial, d->certificateSerial, d->notAfter.left(10),
                                  QString::number(d->daysLeft),
                                  d->renewalId ? QStringLiteral("#%1").arg(d->renewalId) : QString()});
        report.tables.push_back(table);
    }
    return report;
}

Report Reports::bundleCover(const SealedBundle& bundle, qint64 batchId, const QString& batchName,
                            const QString& sealedBy)
{
    Report cover;
    cover.title = words(QT_TRANSLATE_NOOP("Reports", "Sealed bundle for the CA: %1")).arg(batchName);
    cover.subtitle = words(QT_TRANSLATE_NOOP("Reports", "Batch #%1, %2 request(s), sealed by %3. Manifest SHA-256: %4"))
                         .arg(batchId)
                         .arg(bundle.entries.size())
                         .arg(sealedBy, bundle.manifestSha256);
    if (!bundle.signerFingerprint.isEmpty())
        cover.subtitle +=
            words(QT_TRANSLATE_NOOP("Reports", ". Signed (bundle.json.p7s) by the desk certificate SHA-256 %1"))
                .arg(bundle.signerFingerprint);
    ReportTable requests{
        words(QT_TRANSLATE_NOOP("Reports", "Requests")),
        {words(QT_TRANSLATE_NOOP("Reports", "Enrollment")), words(QT_TRANSLATE_NOOP("Reports", "Officer")),
         words(QT_TRANSLATE_NOOP("Reports", "Organization")), words(QT_TRANSLATE_NOOP("Reports", "Token")),
         words(QT_TRANSLATE_NOOP("Reports", "Profile")), words(QT_TRANSLATE_NOOP("Reports", "Request SHA-256"))},
        {}};
    // The request's SHA-256 whole, on two lines: the CA's operator compares it with the file's.
    for (const BundleEntry& e : bundle.entries)
        requests.rows.push_back({QStringLiteral("#%1").arg(e.enrollmentId), e.officer, e.organization, e.tokenSerial,
                                 e.profile, e.requestSha256.left(32) + QLatin1Char('\n') + e.requestSha256.mid(32)});
    cover.tables.push_back(requests);
    cover.tables.push_back({words(QT_TRANSLATE_NOOP("Reports", "Handed over")),
                            {words(QT_TRANSLATE_NOOP("Reports", "Given by (RA), signature")),
                             words(QT_TRANSLATE_NOOP("Reports", "Received by (CA), signature")),
                             words(QT_TRANSLATE_NOOP("Reports", "Date"))},
                            {{QString(), QString(), QString()}}});
    return cover;
}

QByteArray Reports::csv(const Report& report)
{
    QStringList lines;
    auto line = [&](const QStringList& cells) {
        QStringList escaped;
        for (const QString& cell : cells)
            escaped << csvCell(cell);
        lines << escaped.join(QLatin1Char(','));
    };
    line({report.title});
    line({report.subtitle});
    for (const ReportTable& table : report.tables) {
        lines << QString();
        line({table.title});
        line(table.header);
        for (const QStringList& row : table.rows)
            line(row);
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace tamga::core
