// The PKCS#10 request for an officer's new key: subject from the profile, the key usages and e-mail asked for as
// requested extensions, signed on the token with that very key, and verified before it leaves the desk.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Profile.h"

#include <QByteArray>

using EVP_PKEY = struct evp_pkey_st;

namespace tamga::core {

struct CertificateRequest {
    QByteArray der;
    QByteArray pem;
};

[[nodiscard]] CoreResult<CertificateRequest> buildCertificateRequest(const RequestedSubject& subject,
                                                                     const CertificateProfile& profile,
                                                                     const QByteArray& publicKeyDer,
                                                                     EVP_PKEY* tokenKey);

// The subject a request asks for, attribute by attribute with its string type.
RequestedSubject subjectOfRequest(const QByteArray& requestDer);

// The SubjectPublicKeyInfo (DER) of a request, or empty when it cannot be read.
QByteArray publicKeyOfRequest(const QByteArray& requestDerOrPem);

} // namespace tamga::core
