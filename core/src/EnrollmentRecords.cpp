#include "tamga/core/EnrollmentRecords.h"

#include "Ossl.h"
#include "tamga/core/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

namespace {

// One row per enrollment with its latest certificate, if any: lists of hundreds of enrollments take one query.
const QString kRecordSelect = QStringLiteral(
    "SELECT e.id, e.officer_id, o.surname || ' ' || o.given_name, g.name, COALESCE(t.serial, ''), "
    "COALESCE(p.name, ''), COALESCE(c.name, ''), e.state, e.key_id, e.csr_pem, e.ca_reference, e.last_error, "
    "e.created_at, e.updated_at, "
    "x.serial_hex, x.subject, x.issuer, x.not_before, x.not_after, x.fingerprint_sha256, x.certificate_pem, "
    "x.chain_pem "
    "FROM enrollments e JOIN officers o ON o.id = e.officer_id JOIN organizations g ON g.id = o.organization_id "
    "LEFT JOIN tokens t ON t.id = e.token_id LEFT JOIN certificate_profiles p ON p.id = e.profile_id "
    "LEFT JOIN ca_connectors c ON c.id = e.ca_id "
    "LEFT JOIN certificates x ON x.id = (SELECT max(id) FROM certificates WHERE enrollment_id = e.id) ");

EnrollmentRecord recordFrom(const QSqlQuery& query)
{
    EnrollmentRecord r;
    r.id = query.value(0).toLongLong();
    r.officerId = query.value(1).toLongLong();
    r.officerName = query.value(2).toString();
    r.organizationName = query.value(3).toString();
    r.tokenSerial = query.value(4).toString();
    r.profileName = query.value(5).toString();
    r.caName = query.value(6).toString();
    r.state = parseState(query.value(7).toString()).value_or(EnrollmentState::Failed);
    r.keyIdHex = query.value(8).toString();
    r.requestPem = query.value(9).toString().toLatin1();
    r.caReference = query.value(10).toString();
    r.lastError = query.value(11).toString();
    r.createdAt = query.value(12).toString();
    r.updatedAt = query.value(13).toString();
    if (!query.value(14).isNull()) {
        CertificateSummary summary;
        summary.serialHex = query.value(14).toString();
        summary.subject = query.value(15).toString();
        summary.issuer = query.value(16).toString();
        summary.notBefore = query.value(17).toString();
        summary.notAfter = query.value(18).toString();
        summary.fingerprintSha256 = query.value(19).toString();
        summary.pem = query.value(20).toString().toLatin1();
        summary.chainPem = query.value(21).toString().toLatin1();
        for (const auto& link : ossl::certificatesFrom(summary.chainPem))
            summary.chainDer << ossl::derOf(link.get());
        r.certificate = summary;
    }
    return r;
}

} // namespace

CoreResult<EnrollmentRecord> EnrollmentRecords::record(qint64 id) const
{
    auto query = m_database.exec(kRecordSelect + QStringLiteral("WHERE e.id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no enrollment #%1").arg(id));
    return recordFrom(*query);
}

namespace {

CoreResult<std::vector<EnrollmentRecord>> records(const Database& database, const QString& whereAndOrder,
                                                  const QVariantList& values = {})
{
    auto query = database.exec(kRecordSelect + whereAndOrder, values);
    if (!query)
        return std::unexpected(query.error());
    std::vector<EnrollmentRecord> result;
    while (query->next())
        result.push_back(recordFrom(*query));
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return result;
}

} // namespace

CoreResult<std::vector<EnrollmentRecord>> EnrollmentRecords::list(std::optional<EnrollmentState> state) const
{
    return state ? records(m_database, QStringLiteral("WHERE e.state = ? ORDER BY e.id"), {stateName(*state)})
                 : records(m_database, QStringLiteral("ORDER BY e.id"));
}

CoreResult<std::vector<EnrollmentRecord>> EnrollmentRecords::newest(EnrollmentState state, int limit) const
{
    return records(m_database, QStringLiteral("WHERE e.state = ? ORDER BY e.id DESC LIMIT ?"),
                   {stateName(state), limit});
}

CoreResult<std::vector<EnrollmentRecord>> EnrollmentRecords::onToken(const QString& serial) const
{
    return records(m_database,
                   QStringLiteral("WHERE t.serial = ? AND e.state NOT IN ('failed', 'cancelled') ORDER BY e.id DESC"),
                   {serial});
}

CoreResult<std::vector<EnrollmentRecord>> EnrollmentRecords::ofBatch(qint64 batchId) const
{
    return records(m_database,
                   QStringLiteral("WHERE e.id IN (SELECT enrollment_id FROM batch_members WHERE batch_id = ?) "
                                  "ORDER BY e.id"),
                   {batchId});
}

CoreResult<std::vector<EnrollmentRecord>> EnrollmentRecords::withValidCertificate(qint64 officerId,
                                                                                  const QString& profileName) const
{
    return records(m_database,
                   QStringLiteral("WHERE e.officer_id = ? AND p.name = ? AND x.status = 'valid' AND x.not_after > ? "
                                  "ORDER BY e.id DESC"),
                   {officerId, profileName, storedNow()});
}

} // namespace tamga::core
