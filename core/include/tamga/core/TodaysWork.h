// The desk's home screen, read in one place: the campaign's progress against the officers registered, what waits
// for the clerk (enrollments to finish, certificates to write back, tokens to hand over), the batches still open,
// the organizations whose officers have not started, and the token stock. Read-only.
#pragma once

#include "tamga/core/Batches.h"
#include "tamga/core/CoreError.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Renewals.h"
#include "tamga/core/TokenStock.h"

#include <QString>

#include <map>
#include <vector>

namespace tamga::core {

class Database;

// Officers counted once each, by their furthest enrollment.
struct OfficerProgress {
    int officers = 0;   // registered: the plan
    int started = 0;    // with an enrollment under way or done
    int onToken = 0;    // certificate on the token and checked
    int handedOver = 0; // handed over
};

struct OrganizationProgress {
    qint64 id = 0;
    QString name;
    OfficerProgress progress;
};

// Every organization, by name.
[[nodiscard]] CoreResult<std::vector<OrganizationProgress>> organizationProgress(const Database& database);

struct TodaysWork {
    OfficerProgress campaign;
    // Each list holds the newest 200 of each state it shows.
    std::vector<EnrollmentRecord> toFinish;       // stopped part-way at the desk: resume with the token
    std::vector<EnrollmentRecord> toWriteBack;    // the certificate is here (or awaited from the CA)
    std::vector<EnrollmentRecord> toHandOver;     // on the token and checked, the officer not yet signed
    std::vector<BatchSummary> openBatches;        // batches with officers not handed over
    std::vector<OrganizationProgress> notStarted; // organizations with officers not started, most first (20)
    std::map<StockState, int> stock;              // tokens per state
    // Certificates expiring within the renewal window (Renewals.h), soonest first, and the window's days.
    std::vector<RenewalDue> toRenew;
    int renewalWindowDays = 0;
};

[[nodiscard]] CoreResult<TodaysWork> todaysWork(const Database& database);

} // namespace tamga::core
