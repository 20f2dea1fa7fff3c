#include "tamga/core/Receipt.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Settings.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace tamga::core {

QString ReceiptData::contentHash() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral("tamga-receipt-v1"));
    const QString fields[] = {QString::number(enrollmentId),
                              organization,
                              position,
                              officerName,
                              civilId,
                              tokenModel,
                              tokenSerial,
                              certificateSerial,
                              fingerprintSha256,
                              validFrom,
                              validUntil,
                              issuer,
                              clerk,
                              issuedAt.toUTC().toString(Qt::ISODate),
                              training ? QStringLiteral("training") : QStringLiteral("production")};
    for (const QString& field : fields) {
        const QByteArray bytes = field.toUtf8();
        hash.addData(QByteArray::number(bytes.size()) + ':');
        hash.addData(bytes);
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString deskDateTime(const QDateTime& moment)
{
    return moment.toLocalTime().toString(QStringLiteral("yyyy.MM.dd HH:mm"));
}

QString deskDate(const QString& isoUtc)
{
    return QDateTime::fromString(isoUtc, Qt::ISODate).toLocalTime().toString(QStringLiteral("yyyy.MM.dd"));
}

CoreResult<ReceiptData> Receipts::data(qint64 enrollmentId) const
{
    auto clerkQuery = m_database.exec(QStringLiteral("SELECT operator FROM audit_log WHERE object_type = 'enrollment' "
                                                     "AND object_id = ? AND action = 'enrollment.verified' "
                                                     "AND outcome = 'ok' ORDER BY id DESC LIMIT 1"),
                                      {QString::number(enrollmentId)});
    if (!clerkQuery)
        return std::unexpected(clerkQuery.error());
    const QString clerk = clerkQuery->next() ? clerkQuery->value(0).toString() : QString();
    clerkQuery->finish();
    auto trainingSetting = Settings(m_database).value(setting::DeskTraining);
    if (!trainingSetting)
        return std::unexpected(trainingSetting.error());
    const bool training = trainingSetting->value_or(QString()) == QStringLiteral("1");

    auto query = m_database.exec(
        QStringLiteral("SELECT e.state, g.name, o.position, o.surname || ' ' || o.given_name, o.civil_id, "
                       "t.manufacturer || ' ' || t.model, t.serial, c.serial_hex, c.fingerprint_sha256, c.not_before, "
                       "c.not_after, c.issuer, e.updated_at, COALESCE(a.type, ''), c.created_at "
                       "FROM enrollments e JOIN officers o ON o.id = e.officer_id "
                       "JOIN organizations g ON g.id = o.organization_id LEFT JOIN tokens t ON t.id = e.token_id "
                       "LEFT JOIN ca_connectors a ON a.id = e.ca_id "
                       "JOIN certificates c ON c.enrollment_id = e.id WHERE e.id = ? ORDER BY c.id DESC LIMIT 1"),
        {enrollmentId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next()) {
        return coreError(
            CoreErrorKind::NotFound,
            QStringLiteral("enrollment #%1 has no certificate yet: there is nothing to hand over").arg(enrollmentId));
    }
    const auto state = parseState(query->value(0).toString());
    if (!state || !hasVerifiedCertificate(*state)) {
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("enrollment #%1 is %2: the token is not verified yet")
                             .arg(enrollmentId)
                             .arg(query->value(0).toString()));
    }
    ReceiptData r;
    r.enrollmentId = enrollmentId;
    r.organization = query->value(1).toString();
    r.position = query->value(2).toString();
    r.officerName = query->value(3).toString();
    r.civilId = query->value(4).toString();
    r.tokenModel = query->value(5).toString().trimmed();
    r.tokenSerial = query->value(6).toString();
    r.certificateSerial = query->value(7).toString();
    r.fingerprintSha256 = query->value(8).toString();
    r.validFrom = query->value(9).toString();
    r.validUntil = query->value(10).toString();
    r.issuer = query->value(11).toString();
    r.clerk = clerk;
    r.issuedAt = QDateTime::fromString(query->value(12).toString(), Qt::ISODateWithMs);
    // A certificate of the practice CA is worth nothing outside training, whichever desk printed it: its receipt
    // always says TRAINING.
    r.training = training || query->value(13).toString() == QStringLiteral("practice");
    const QString certificateStored = query->value(14).toString();
    query->finish();
    auto services = m_database.exec(
        QStringLiteral("SELECT at, operator, details FROM audit_log WHERE action = 'token.unblock_pin' AND outcome = "
                       "'ok' AND object_type = 'token' AND object_id = ? AND at >= ? ORDER BY id"),
        {r.tokenSerial, certificateStored});
    if (!services)
        return std::unexpected(services.error());
    while (services->next()) {
        const QJsonObject details = QJsonDocument::fromJson(services->value(2).toString().toUtf8()).object();
        const QString why = details.value(QStringLiteral("why")).toString(QStringLiteral("locked"));
        r.pinServices << QStringLiteral("%1 · %2 · %3")
                             .arg(deskDateTime(QDateTime::fromString(services->value(0).toString(), Qt::ISODateWithMs)),
                                  services->value(1).toString(), why);
    }
    auto head = m_database.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!head)
        return std::unexpected(head.error());
    if (head->next())
        r.auditHead = QStringLiteral("#%1 %2").arg(head->value(0).toString(), head->value(1).toString());
    head->finish();
    return r;
}

CoreStatus Receipts::recordPrinted(const Operator& by, const ReceiptData& receipt) const
{
    const QString hash = receipt.contentHash();
    return AuditLog(m_database)
        .change({by.name,
                 QStringLiteral("receipt.printed"),
                 QStringLiteral("enrollment"),
                 QString::number(receipt.enrollmentId),
                 audit::Ok,
                 {{QStringLiteral("sha256"), hash}, {QStringLiteral("certificate_serial"), receipt.certificateSerial}}},
                [&]() -> CoreStatus {
                    auto updated =
                        m_database.exec(QStringLiteral("UPDATE enrollments SET receipt_sha256 = ? WHERE id = ?"),
                                        {hash, receipt.enrollmentId});
                    if (!updated)
                        return std::unexpected(updated.error());
                    return {};
                });
}

} // namespace tamga::core
