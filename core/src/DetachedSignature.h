// Detached CMS signatures made with an enrollment's key on its token, and their verification against the
// certificate's chain and the desk's trust anchors: the officer's first signature at hand-over (HandOver.cpp) and a
// batch bundle's manifest signed by the desk's own token (BatchExchange.cpp).
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Tokens.h"
#include "tamga/secret/SecretBuffer.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tamga::core {

// The DER certificates of a PEM chain.
QList<QByteArray> derCertificates(const QByteArray& pem);

// Signs `content` (detached, binary) with the key of `record` (verified: its certificate and key ID) on its token,
// logged in with `pin`; the certificate and its chain go into the signature. Errors say `what` was being signed.
[[nodiscard]] CoreResult<QByteArray> signDetachedOnToken(const TokenModules& modules, const EnrollmentRecord& record,
                                                         const Pin& pin, const QByteArray& content,
                                                         const QString& what);

// Checks a detached CMS signature over `content`: made by the certificate with `fingerprint` (any one when empty),
// whose chain (from `chainDer` and the signature's own certificates) reaches one of `anchorsDer`.
[[nodiscard]] CoreStatus verifyDetached(const QByteArray& cmsDer, const QByteArray& content,
                                        const QList<QByteArray>& chainDer, const QList<QByteArray>& anchorsDer,
                                        const QString& fingerprint, const QString& what);

} // namespace tamga::core
