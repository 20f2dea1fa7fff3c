// The handover receipt's content (хүлээлгэн өгөх, хүлээн авах акт): what the officer signs when taking the
// token. The content is gathered here; the ui layer lays it out on A4 (ReceiptRenderer). Its SHA-256 over a
// canonical form is stored with the enrollment, so the same receipt can be rendered again and recognised.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tamga::core {

class Database;

struct ReceiptData {
    qint64 enrollmentId = 0;
    QString organization;
    QString position;
    QString officerName; // surname and given name
    QString civilId;
    QString tokenModel;
    QString tokenSerial;
    QString certificateSerial;
    QString fingerprintSha256;
    QString validFrom; // ISO 8601 UTC
    QString validUntil;
    QString issuer;
    QString clerk;
    QDateTime issuedAt;    // when the certificate reached the token (verified)
    bool training = false; // printed by a training desk, or for a practice CA's certificate: marked TRAINING
    // The audit chain's head ("#id hash") when the receipt was made: paper the officer and the RA keep, which
    // `tamga-cli audit verify --witness HASH` later finds in the chain. Not part of contentHash().
    QString auditHead;
    // The PIN service on this token since the certificate was verified (TokenService::unblockWithSealedSoPin and
    // unblocks with a typed SO PIN): "2026.11.27 10:40 · supervisor · locked", oldest first. What happened at the
    // desk after the handover, printed when the receipt is printed again; not part of contentHash().
    QStringList pinServices;

    // SHA-256 (hex) of the canonical content: every field above, length-prefixed.
    QString contentHash() const;
};

class Receipts {
public:
    explicit Receipts(const Database& database) : m_database(database) {}
    // The receipt of a verified (or handed-over) enrollment. The clerk is the operator who completed it (from the
    // audit log); a training desk (setting desk.training = 1), or a practice CA's certificate, marks it TRAINING.
    [[nodiscard]] CoreResult<ReceiptData> data(qint64 enrollmentId) const;
    // Records that the receipt was produced: its hash with the enrollment, and an audit event.
    [[nodiscard]] CoreStatus recordPrinted(const Operator& by, const ReceiptData& receipt) const;

private:
    const Database& m_database;
};

// "2026.11.25 14:03" in local time: how dates are written at a Mongolian desk.
QString deskDateTime(const QDateTime& moment);
QString deskDate(const QString& isoUtc);

} // namespace tamga::core
