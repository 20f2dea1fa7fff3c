#include "tamga/core/Reports.h"

#include "tamga/core/Database.h"
#include "tamga/core/TodaysWork.h"
#include "tamga/core/TokenStock.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

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
    report.title = QStringLiteral("Campaign progress");
    report.subtitle = QStringLiteral("Every organization, as of %1").arg(madeAt());
    ReportTable table{QStringLiteral("Progress per organization"),
                      {QStringLiteral("Organization"), QStringLiteral("Officers"), QStringLiteral("Started"),
                       QStringLiteral("Certificate on token"), QStringLiteral("Handed over"), QStringLiteral("Done")},
                      {}};
    ReportChart chart{
        QStringLiteral("Officers per organization"),
        {QStringLiteral("Officers"), QStringLiteral("Certificate on token"), QStringLiteral("Handed over")},
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
    table.rows.push_back({QStringLiteral("All organizations"), QString::number(officers), QString::number(started),
                          QString::number(verified), QString::number(handed), percent(handed, officers)});
    report.tables.push_back(table);

    ReportTable perDay{QStringLiteral("Certificates per day"),
                       {QStringLiteral("Day"), QStringLiteral("On token and checked"), QStringLiteral("Handed over")},
                       {}};
    auto done =
        eachRow(m_database,
                QStringLiteral("SELECT substr(at, 1, 10) AS day, sum(action = 'enrollment.verified'), "
                               "sum(action = 'enrollment.handed_over') FROM audit_log WHERE outcome = 'ok' AND "
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
    report.title = QStringLiteral("Daily summary, %1").arg(date);
    report.subtitle = QStringLiteral("Made %1").arg(madeAt());

    ReportTable perClerk{QStringLiteral("Work per operator"),
                         {QStringLiteral("Operator"), QStringLiteral("Started"), QStringLiteral("Certificate on token"),
                          QStringLiteral("Handed over"), QStringLiteral("Stopped with an error")},
                         {}};
    ReportChart chart{QStringLiteral("Work per operator"),
                      {QStringLiteral("Certificate on token"), QStringLiteral("Handed over")},
                      {}};
    auto done =
        eachRow(m_database,
                QStringLiteral(
                    "SELECT operator, sum(action = 'enrollment.created' AND outcome = 'ok'), "
                    "sum(action = 'enrollment.verified' AND outcome = 'ok'), "
                    "sum(action = 'enrollment.handed_over' AND outcome = 'ok'), "
                    "sum(action LIKE 'enrollment.%' AND outcome = 'failed') FROM audit_log WHERE substr(at, 1, 10) = ? "
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
        {QStringLiteral("Token stock"),
         {QStringLiteral("Received"), QStringLiteral("Issued"), QStringLiteral("Receipts signed"),
          QStringLiteral("Issued without a signed receipt"), QStringLiteral("Returned"), QStringLiteral("Spoiled"),
          QStringLiteral("In stock at the end"), QStringLiteral("Prepared at the end")},
         {{QString::number(d.received), QString::number(d.issued), QString::number(d.receiptsSigned),
           QString::number(d.issuedWithoutReceipt()), QString::number(d.returned), QString::number(d.spoiled),
           QString::number(d.inStockAtEnd), QString::number(d.preparedAtEnd)}}});

    ReportTable stopped{QStringLiteral("Enrollments that stopped"),
                        {QStringLiteral("Enrollment"), QStringLiteral("Officer"), QStringLiteral("State"),
                         QStringLiteral("Last error")},
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
    report.title = QStringLiteral("Token stock and revocations");
    report.subtitle = QStringLiteral("As of %1").arg(madeAt());
    ReportTable states{QStringLiteral("Tokens by state"), {QStringLiteral("State"), QStringLiteral("Tokens")}, {}};
    ReportChart chart{QStringLiteral("Tokens by state"), {QStringLiteral("Tokens")}, {}};
    for (StockState state : allStockStates()) {
        auto tokens =
            m_database.exec(QStringLiteral("SELECT count(*) FROM tokens WHERE status = ?"), {stockStateName(state)});
        if (!tokens)
            return std::unexpected(tokens.error());
        const int count = tokens->next() ? tokens->value(0).toInt() : 0;
        tokens->finish();
        states.rows.push_back({stockStateName(state), QString::number(count)});
        chart.groups.push_back({stockStateName(state), {count}});
    }
    report.tables.push_back(states);
    report.charts.push_back(chart);
    ReportTable revocations{QStringLiteral("Revocation requests by reason"),
                            {QStringLiteral("Reason"), QStringLiteral("Requests"), QStringLiteral("Done")},
                            {}};
    auto done =
        eachRow(m_database,
                QStringLiteral("SELECT reason, count(*), sum(state = 'done') FROM revocation_requests GROUP BY "
                               "reason ORDER BY reason"),
                {}, [&](const QSqlQuery& q) {
                    revocations.rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
                });
    if (!done)
        return std::unexpected(done.error());
    report.tables.push_back(revocations);
    return report;
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
