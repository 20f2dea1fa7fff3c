// Private to the core: asks a CA's OCSP responder (RFC 6960) about one certificate, over OpenSSL's HTTP client, and
// believes the answer only when it is signed by the certificate's issuer or by a responder the issuer delegated to.
#pragma once

#include "tamga/core/CoreError.h"

#include <QString>

#include <openssl/x509.h>

namespace tamga::core::ocsp {

enum class Status { Good, Revoked, Unknown };

struct Answer {
    Status status = Status::Unknown;
    QString producedAt; // when the responder made the answer, as Tamga prints times
    QString reason;     // when revoked: RFC 5280's CRLReason name, or empty
};

// The responder of the certificate: `configured` (the CA connector's ocspUrl) or else the one its authority
// information access names; empty when neither does.
QString responderFor(const X509* certificate, const QString& configured);

CoreResult<Answer> ask(const QString& url, const X509* certificate, const X509* issuer, int timeoutSeconds = 20);

} // namespace tamga::core::ocsp
