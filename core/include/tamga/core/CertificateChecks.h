// Nothing from a CA is trusted unchecked. Before a certificate is accepted: its public key is the request's, its
// subject and key usages are the profile's, it chains to a configured trust anchor, and it is valid now. A
// refusal names the check that failed.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Profile.h"

#include <QByteArray>
#include <QList>

namespace tamga::core {

struct ExpectedCertificate {
    QByteArray publicKeyDer;  // the request's (the token's) public key
    RequestedSubject subject; // what was asked for
    CertificateProfile profile;
};

// What Tamga records of an accepted certificate.
struct CertificateSummary {
    QString serialHex;
    QString subject;
    QString issuer;
    QString notBefore;
    QString notAfter;
    QString fingerprintSha256;
    QByteArray pem;
    QByteArray chainPem; // the chain from the certificate's issuer up to the anchor, PEM
    QList<QByteArray> chainDer;
};

// Checks `certificateDer` against `expected`, building its chain from `candidates` (what the CA sent along)
// up to one of `anchorsDer`.
[[nodiscard]] CoreResult<CertificateSummary> checkIssuedCertificate(const QByteArray& certificateDer,
                                                                    const QList<QByteArray>& candidatesDer,
                                                                    const QList<QByteArray>& anchorsDer,
                                                                    const ExpectedCertificate& expected);

// Summary of any certificate (no checks).
[[nodiscard]] CoreResult<CertificateSummary> summarizeCertificate(const QByteArray& certificateDer);

} // namespace tamga::core
