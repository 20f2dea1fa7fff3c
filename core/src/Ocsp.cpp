// OCSP for revocation confirmations: one request (with a nonce) for one certificate, the answer verified against
// the certificate's own issuer before its status is believed.
#include "Ocsp.h"

#include "Http.h"
#include "Ossl.h"

#include <openssl/err.h>
#include <openssl/ocsp.h>

namespace tamga::core::ocsp {

namespace {

using RequestPtr = std::unique_ptr<OCSP_REQUEST, ossl::Deleter<OCSP_REQUEST_free>>;
using ResponsePtr = std::unique_ptr<OCSP_RESPONSE, ossl::Deleter<OCSP_RESPONSE_free>>;
using BasicPtr = std::unique_ptr<OCSP_BASICRESP, ossl::Deleter<OCSP_BASICRESP_free>>;
using CertIdPtr = std::unique_ptr<OCSP_CERTID, ossl::Deleter<OCSP_CERTID_free>>;
using AccessPtr = std::unique_ptr<STACK_OF(OPENSSL_STRING), ossl::Deleter<X509_email_free>>;

QString reasonName(int code)
{
    switch (code) {
    case OCSP_REVOKED_STATUS_KEYCOMPROMISE:
        return QStringLiteral("keyCompromise");
    case OCSP_REVOKED_STATUS_CACOMPROMISE:
        return QStringLiteral("cACompromise");
    case OCSP_REVOKED_STATUS_AFFILIATIONCHANGED:
        return QStringLiteral("affiliationChanged");
    case OCSP_REVOKED_STATUS_SUPERSEDED:
        return QStringLiteral("superseded");
    case OCSP_REVOKED_STATUS_CESSATIONOFOPERATION:
        return QStringLiteral("cessationOfOperation");
    case OCSP_REVOKED_STATUS_CERTIFICATEHOLD:
        return QStringLiteral("certificateHold");
    case OCSP_REVOKED_STATUS_REMOVEFROMCRL:
        return QStringLiteral("removeFromCRL");
    case OCSP_REVOKED_STATUS_UNSPECIFIED:
        return QStringLiteral("unspecified");
    default:
        return code == 9 ? QStringLiteral("privilegeWithdrawn") : QString();
    }
}

} // namespace

QString responderFor(const X509* certificate, const QString& configured)
{
    if (!configured.trimmed().isEmpty())
        return configured.trimmed();
    // X509_get1_ocsp takes a non-const certificate but only reads it.
    AccessPtr urls(X509_get1_ocsp(const_cast<X509*>(certificate)));
    for (int i = 0; urls && i < sk_OPENSSL_STRING_num(urls.get()); ++i) {
        const QString url = QString::fromLatin1(sk_OPENSSL_STRING_value(urls.get(), i));
        if (url.startsWith(QStringLiteral("http://")) || url.startsWith(QStringLiteral("https://")))
            return url;
    }
    return {};
}

CoreResult<Answer> ask(const QString& url, const X509* certificate, const X509* issuer, int timeoutSeconds)
{
    CertIdPtr id(OCSP_cert_to_id(EVP_sha1(), certificate, issuer));
    RequestPtr request(OCSP_REQUEST_new());
    if (!id || !request || !OCSP_request_add0_id(request.get(), OCSP_CERTID_dup(id.get())) ||
        OCSP_request_add1_nonce(request.get(), nullptr, -1) != 1)
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot make an OCSP request"));
    unsigned char* der = nullptr;
    const int length = i2d_OCSP_REQUEST(request.get(), &der);
    if (length <= 0)
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot make an OCSP request"));
    const QByteArray body(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);

    auto reply = http::post({url, {}, timeoutSeconds}, QByteArrayLiteral("application/ocsp-request"), body);
    if (!reply)
        return std::unexpected(reply.error());
    const auto* p = reinterpret_cast<const unsigned char*>(reply->constData());
    ResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(reply->size())));
    if (!response)
        return coreError(CoreErrorKind::CaGarbled,
                         QStringLiteral("the OCSP responder at %1 sent no OCSP answer").arg(url));
    const int responseStatus = OCSP_response_status(response.get());
    if (responseStatus != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return coreError(CoreErrorKind::CaRefused,
                         QStringLiteral("the OCSP responder at %1 answered \"%2\"")
                             .arg(url, QString::fromLatin1(OCSP_response_status_str(responseStatus))));
    BasicPtr basic(OCSP_response_get1_basic(response.get()));
    if (!basic)
        return coreError(CoreErrorKind::CaGarbled,
                         QStringLiteral("the OCSP responder at %1 sent no answer body").arg(url));

    // Signed by the issuer itself, or by a responder whose certificate the issuer signed for OCSP: the issuer is
    // the only anchor (a partial chain), so an answer signed by anyone else is refused.
    ossl::StorePtr store(X509_STORE_new());
    ossl::X509StackPtr known(sk_X509_new_null());
    X509* issuerCopy = X509_dup(issuer);
    if (!store || !known || !issuerCopy || X509_STORE_add_cert(store.get(), issuerCopy) != 1 ||
        sk_X509_push(known.get(), issuerCopy) <= 0) {
        X509_free(issuerCopy);
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot check an OCSP answer"));
    }
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
    if (OCSP_basic_verify(basic.get(), known.get(), store.get(), 0) <= 0) {
        ERR_clear_error();
        return coreError(CoreErrorKind::CaRefused,
                         QStringLiteral("the OCSP answer from %1 is not signed by the certificate's issuer (%2) or a "
                                        "responder it named: it proves nothing")
                             .arg(url, ossl::nameText(X509_get_subject_name(issuer))));
    }
    // A responder that echoes no nonce (one that serves answers made in advance) is accepted; one that echoes
    // another nonce is answering someone else.
    if (OCSP_check_nonce(request.get(), basic.get()) == 0)
        return coreError(CoreErrorKind::CaRefused,
                         QStringLiteral("the OCSP answer from %1 is for another request (its nonce differs)").arg(url));

    int status = V_OCSP_CERTSTATUS_UNKNOWN;
    int reason = -1;
    ASN1_GENERALIZEDTIME* revokedAt = nullptr;
    ASN1_GENERALIZEDTIME* thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME* nextUpdate = nullptr;
    if (OCSP_resp_find_status(basic.get(), id.get(), &status, &reason, &revokedAt, &thisUpdate, &nextUpdate) != 1)
        return coreError(CoreErrorKind::CaGarbled,
                         QStringLiteral("the OCSP answer from %1 does not speak of the certificate").arg(url));
    // Five minutes of clock difference allowed; an answer past its next update is stale.
    if (OCSP_check_validity(thisUpdate, nextUpdate, 300, -1) != 1) {
        ERR_clear_error();
        return coreError(CoreErrorKind::CaRefused,
                         QStringLiteral("the OCSP answer from %1 is out of date (or from the future)").arg(url));
    }
    Answer answer;
    answer.producedAt = ossl::timeText(OCSP_resp_get0_produced_at(basic.get()));
    answer.status = status == V_OCSP_CERTSTATUS_GOOD      ? Status::Good
                    : status == V_OCSP_CERTSTATUS_REVOKED ? Status::Revoked
                                                          : Status::Unknown;
    if (answer.status == Status::Revoked)
        answer.reason = reasonName(reason);
    return answer;
}

} // namespace tamga::core::ocsp
