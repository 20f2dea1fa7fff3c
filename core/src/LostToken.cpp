// Revocations::tokenLost: the officer's token with its certificate is lost. Three things at the desk, each done
// once: the revocation application (key compromise), the token lost in the stock, and a batch of one that gives the
// officer the next blank token with the same profile and CA.
#include "tamga/core/Batches.h"
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/TokenStock.h"

#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

namespace {

// The batch of one that replaces the token of `enrollmentId`: named after it, so that the action done again
// finds it instead of making another.
QString replacementBatchName(qint64 enrollmentId, const QString& officerName)
{
    return QStringLiteral("Replacement token for %1 (enrollment #%2)").arg(officerName).arg(enrollmentId);
}

} // namespace

CoreResult<LostTokenOutcome> Revocations::tokenLost(const Operator& by, qint64 enrollmentId, const QString& statement,
                                                    const QString& eventDate) const
{
    auto record = EnrollmentRecords(m_database).record(enrollmentId);
    if (!record)
        return std::unexpected(record.error());
    if (!hasVerifiedCertificate(record->state))
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("enrollment #%1 is %2: it has no certificate on a token to revoke (a token "
                                        "lost before that is released in its batch)")
                             .arg(enrollmentId)
                             .arg(stateName(record->state)));
    LostTokenOutcome outcome;

    // 1. The application: taken now, or the one already under way for the certificate.
    auto applied = apply(by, enrollmentId, QStringLiteral("keyCompromise"), statement, eventDate);
    if (applied) {
        outcome.revocationId = *applied;
    } else {
        auto open = m_database.exec(
            QStringLiteral("SELECT coalesce(max(r.id), 0) FROM revocation_requests r JOIN certificates c ON c.id = "
                           "r.certificate_id WHERE c.enrollment_id = ? AND r.state IN ('received', 'approved', "
                           "'submitted', 'confirmed')"),
            {enrollmentId});
        if (!open)
            return std::unexpected(open.error());
        outcome.revocationId = open->next() ? open->value(0).toLongLong() : 0;
        if (outcome.revocationId == 0)
            return std::unexpected(applied.error());
    }

    // 2. The token, lost in the stock.
    const TokenStock stock(m_database);
    auto stocked = stock.find(record->tokenSerial);
    if (!stocked)
        return std::unexpected(stocked.error());
    if (stocked->state != StockState::Lost) {
        if (auto marked = stock.setState(by, record->tokenSerial, StockState::Lost,
                                         QStringLiteral("lost by its officer (enrollment #%1)").arg(enrollmentId));
            !marked)
            return std::unexpected(marked.error());
    }
    outcome.stockMarkedLost = true;

    // 3. The replacement: a batch of one for the officer, unless the action made it already.
    const QString name = replacementBatchName(enrollmentId, record->officerName);
    auto batches = Batches(m_database).list();
    if (!batches)
        return std::unexpected(batches.error());
    for (const BatchSummary& b : *batches) {
        if (b.name == name)
            outcome.replacementBatch = b.id;
    }
    if (outcome.replacementBatch == 0) {
        auto batch = Batches(m_database)
                         .create(by, name, {}, QString(), record->profileName, record->caName, BatchMode::InPerson,
                                 {record->officerId});
        if (!batch)
            return std::unexpected(batch.error());
        outcome.replacementBatch = *batch;
    }
    return outcome;
}

} // namespace tamga::core
