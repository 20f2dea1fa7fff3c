// Renewal of an officer's expiring certificate. A renewal is a new enrollment for the same officer, profile and
// CA, on the same token (a new key pair beside the old one) or on a new token; it runs, and resumes when
// interrupted, as every enrollment does. Only once its certificate is verified on the token does `complete`
// delete the old key pair and certificate from the token, and (when asked at the start) take a revocation
// application for the old certificate as superseded, which then follows the two-person rule. Until then the old
// certificate stays on the token, valid and usable.
//
//   due ──start──▶ started (the new enrollment runs: created … verified) ──complete──▶ completed
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/secret/SecretBuffer.h"

#include <QString>

#include <optional>
#include <vector>

namespace tamga::core {

class Database;
class TokenModules;

// The setting: how many days before a certificate expires it is listed to be renewed (default 30).
inline constexpr int kDefaultRenewalWindowDays = 30;

struct RenewalDue {
    qint64 enrollmentId = 0; // the enrollment whose certificate expires
    qint64 officerId = 0;
    QString officerName;
    QString organization;
    QString tokenSerial;
    QString certificateSerial;
    QString notAfter; // ISO 8601 UTC
    int daysLeft = 0;
    qint64 renewalId = 0; // a renewal already started for it, or 0
};

struct Renewal {
    qint64 id = 0;
    qint64 oldEnrollmentId = 0;
    qint64 newEnrollmentId = 0;
    bool completed = false;
    bool revokeOld = false;
    QString startedBy;
    QString startedAt;
    QString oldKeyRetired; // "deleted", or why the old key stayed (a renewal onto a new token)
    qint64 revocationId = 0;
    QString completedAt;
};

class Renewals {
public:
    explicit Renewals(const Database& database) : m_database(database) {}

    // The days of the setting renewal.window_days (kDefaultRenewalWindowDays when unset).
    [[nodiscard]] CoreResult<int> windowDays() const;
    // The valid certificates (of verified or handed-over enrollments) that expire within `days`, soonest first,
    // with any renewal started for them. Certificates already renewed (completed) are not listed.
    [[nodiscard]] CoreResult<std::vector<RenewalDue>> due(int days) const;

    // Starts the renewal of `oldEnrollmentId`: a new enrollment for its officer, profile and CA on `tokenSerial`
    // (empty: the same token). `revokeOld`: at completion, a revocation application for the old certificate as
    // superseded. Refused when a renewal of it is under way. Returns the renewal's id; the new enrollment is run
    // by the caller (EnrollmentEngine::run), and resumed like any other.
    [[nodiscard]] CoreResult<qint64> start(const Operator& by, qint64 oldEnrollmentId, const QString& tokenSerial,
                                           bool revokeOld, const class EnrollmentEngine& engine) const;
    [[nodiscard]] CoreResult<Renewal> find(qint64 id) const;
    [[nodiscard]] CoreResult<std::optional<Renewal>> ofNewEnrollment(qint64 newEnrollmentId) const;
    [[nodiscard]] CoreResult<std::vector<Renewal>> list() const;

    // Once the new certificate is verified on its token: the old key pair and certificate deleted from the token
    // with the officer's `pin` (a renewal onto a new token leaves the old token's key, to be wiped with that token,
    // and says so: its PIN is not the one at hand), the old certificate's revocation applied for when asked, the
    // renewal completed. Refused before the new certificate is verified. Done again after an interruption, it finishes
    // what is left (an old key already deleted is not an error).
    [[nodiscard]] CoreResult<Renewal> complete(const Operator& by, qint64 id, const Pin& pin,
                                               const TokenModules& modules) const;

private:
    const Database& m_database;
};

} // namespace tamga::core
