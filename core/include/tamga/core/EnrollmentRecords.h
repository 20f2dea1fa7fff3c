// Reading enrollments: one record, lists by state, whose key a token holds, an officer's valid certificates.
// Read-only: screens and commands that only show enrollments use this; the engine (Enrollment.h) changes them.
#pragma once

#include "tamga/core/Enrollment.h"

#include <optional>
#include <vector>

namespace tamga::core {

class Database;

class EnrollmentRecords {
public:
    explicit EnrollmentRecords(const Database& database) : m_database(database) {}

    [[nodiscard]] CoreResult<EnrollmentRecord> record(qint64 id) const;
    [[nodiscard]] CoreResult<std::vector<EnrollmentRecord>> list(std::optional<EnrollmentState> state) const;
    // The `limit` newest in `state` (what a screen can show).
    [[nodiscard]] CoreResult<std::vector<EnrollmentRecord>> newest(EnrollmentState state, int limit) const;
    // The enrollments that put (or are putting) a key on the token with this serial, newest first, failed and
    // cancelled ones left out: whose key the token holds.
    [[nodiscard]] CoreResult<std::vector<EnrollmentRecord>> onToken(const QString& serial) const;
    // The enrollments of a batch's officers, in one query (a wave's batch has hundreds).
    [[nodiscard]] CoreResult<std::vector<EnrollmentRecord>> ofBatch(qint64 batchId) const;
    // The officer's enrollments of this profile whose certificate is valid now (not revoked, not expired).
    [[nodiscard]] CoreResult<std::vector<EnrollmentRecord>> withValidCertificate(qint64 officerId,
                                                                                 const QString& profileName) const;

private:
    const Database& m_database;
};

} // namespace tamga::core
