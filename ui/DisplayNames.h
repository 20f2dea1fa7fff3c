// What the desk shows for the names core stores: enrollment states, audit actions and the built-in profiles, in
// the clerk's language. The stored names (verified, token.initialize, signing) stay in the database, the CLI and
// exports; tables and sentences at the desk show these.
#pragma once

#include "tamga/core/Enrollment.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/TokenStock.h"

#include <QString>
#include <QStringList>

namespace tamga::ui {

QString stateDisplayName(core::EnrollmentState state);
QString stockStateDisplayName(core::StockState state);
// An audit action such as "enrollment.verified" or "token.initialize"; one the desk does not know is shown as is.
QString auditActionDisplayName(const QString& action);
// A built-in profile's name and description; a profile added by a supervisor is shown as it was written.
QString profileDisplayName(const QString& name);
QString roleDisplayName(core::Role role);
// An audit event's outcome: ok, refused, failed.
QString outcomeDisplayName(const QString& outcome);
// A revocation application's state, and RFC 5280's reason in plain words (keyCompromise: "key compromised or token
// lost").
QString revocationStateDisplayName(core::RevocationState state);
QString revocationReasonDisplayName(const QString& reason);
// The reasons an application may give, in the order the desk offers them.
QStringList revocationReasonsOffered();
QString profileDisplayDescription(const QString& name, const QString& storedDescription);

} // namespace tamga::ui
