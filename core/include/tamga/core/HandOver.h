// The hand-over that ends with the officer's first signature: with the new token and their own PIN the officer
// signs a short acceptance of the receipt (a detached CMS signature made on the token). Tamga verifies it against
// the certificate, its chain and the desk's trust anchors, and keeps it with the enrollment: proof that token, PIN
// and certificate work together, and a digital acceptance beside the paper one.
//
// A token prepared in advance still holds the initial PIN only the desk knows: a supervisor's desk key opens it,
// the officer's own PIN replaces it on the token (a real PIN change, audited), and the sealed initial PIN is
// forgotten in the same transaction that records the hand-over.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Tokens.h"

#include <QByteArray>
#include <QString>

namespace tamga::core {

class CaConnectors;
class Database;
class DeskKey;

// What the officer signs: who took which token with which certificate, and the receipt's content hash.
QString acceptanceText(const ReceiptData& receipt);

class HandOver {
public:
    HandOver(const Database& database, const CaConnectors& connectors, TokenModules modules);

    // In person: the officer types their PIN; the token signs the acceptance, Tamga verifies it, and the
    // enrollment is handed over with the signature.
    [[nodiscard]] CoreResult<EnrollmentRecord> withFirstSignature(const Operator& by, qint64 enrollmentId,
                                                                  const Pin& officerPin) const;
    // Prepared: the initial PIN (opened with the desk key) is replaced by `newPin` on the token, then as above.
    [[nodiscard]] CoreResult<EnrollmentRecord> prepared(const Operator& by, qint64 enrollmentId, const DeskKey& key,
                                                        const Pin& newPin) const;

    // Checks a kept acceptance again (an auditor's question): the signature over the text, by the enrollment's
    // certificate, chaining to a trust anchor.
    [[nodiscard]] CoreStatus verifyKept(qint64 enrollmentId) const;

private:
    [[nodiscard]] CoreResult<EnrollmentRecord> signAndHandOver(const Operator& by, qint64 enrollmentId, const Pin& pin,
                                                               bool forgetInitialPin) const;

    const Database& m_database;
    const CaConnectors& m_connectors;
    TokenModules m_modules;
};

} // namespace tamga::core
