// Reports for the head of the RA and the desk: the campaign's progress per organization, a day's work, and the
// token stock. A report is a title and tables (and, where a person would rather look than read, the numbers a
// bar chart is drawn from); core makes the content and its CSV, the ui layer lays it out as PDF
// (ReportRenderer).
#pragma once

#include "tamga/core/CoreError.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace tamga::core {

class Database;
struct SealedBundle;

struct ReportTable {
    QString title;
    QStringList header;
    std::vector<QStringList> rows;
};

// Grouped bars: one group per label, one bar per series.
struct ReportChart {
    QString title;
    QStringList series;
    struct Group {
        QString label;
        std::vector<int> values; // one per series
    };
    std::vector<Group> groups;
};

struct Report {
    QString title;
    QString subtitle; // what it covers and when it was made
    std::vector<ReportTable> tables;
    std::vector<ReportChart> charts;
};

class Reports {
public:
    explicit Reports(const Database& database) : m_database(database) {}

    // Per organization: officers registered (the plan), started, certificate on the token, handed over; and
    // certificates per day over the campaign.
    [[nodiscard]] CoreResult<Report> progress() const;
    // One day: what each operator issued and handed over, enrollments that stopped, the stock's reconciliation.
    [[nodiscard]] CoreResult<Report> daily(const QDate& day) const;
    // Tokens by state, and revocation requests by reason.
    [[nodiscard]] CoreResult<Report> stock() const;
    // Certificates expiring within the renewal window (Renewals.h), one table per organization, and how many per
    // organization.
    [[nodiscard]] CoreResult<Report> renewals() const;

    // The cover sheet printed with a sealed bundle for an offline CA: what goes to the CA, the manifest's SHA-256
    // that a person compares by eye, the signer, and lines for both sides' signatures.
    static Report bundleCover(const SealedBundle& bundle, qint64 batchId, const QString& batchName,
                              const QString& sealedBy);

    // RFC 4180, UTF-8: each table under its title, a blank line between tables.
    static QByteArray csv(const Report& report);

private:
    const Database& m_database;
};

} // namespace tamga::core
