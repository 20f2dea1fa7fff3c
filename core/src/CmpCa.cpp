// CMP (RFC 4210 / RFC 9480) through OpenSSL's libcrypto client: p10cr to enroll with a PKCS#10 request made on
// the token, rr to revoke, genm to test the connection. Messages are protected with a shared secret (PBM) or a
// signer certificate and key; responses are checked against the configured trust anchor.
#include "Connectors.h"
#include "Http.h"
#include "Ossl.h"
#include "tamga/core/Files.h"

#include <QFile>
#include <QUrl>

#include <openssl/cmp.h>

namespace tamga::core {

namespace {

using CmpContextPtr = std::unique_ptr<OSSL_CMP_CTX, ossl::Deleter<OSSL_CMP_CTX_free>>;

// What OpenSSL's CMP code says while it works (it would print to stderr): errors and warnings are kept for the
// message Tamga gives when the exchange fails. One exchange runs on one thread.
thread_local QStringList t_cmpLog;

int collectCmpLog(const char*, const char*, int, OSSL_CMP_severity level, const char* message)
{
    if (level <= OSSL_CMP_LOG_WARNING && message)
        t_cmpLog << QString::fromUtf8(message).trimmed();
    return 1;
}

int reasonCode(const QString& reason)
{
    static const QStringList codes{QStringLiteral("unspecified"),     QStringLiteral("keyCompromise"),
                                   QStringLiteral("cACompromise"),    QStringLiteral("affiliationChanged"),
                                   QStringLiteral("superseded"),      QStringLiteral("cessationOfOperation"),
                                   QStringLiteral("certificateHold"), QStringLiteral("unused"),
                                   QStringLiteral("removeFromCRL"),   QStringLiteral("privilegeWithdrawn")};
    return std::max<int>(0, static_cast<int>(codes.indexOf(reason)));
}

// A certificate or key file named in the connector's settings: a regular file of at most 1 MiB, else nothing.
QByteArray readFile(const QString& path)
{
    return readRegularFile(path, 1024 * 1024, QStringLiteral("the CMP connector's file")).value_or(QByteArray());
}

class CmpCa final : public CaConnector {
public:
    explicit CmpCa(QJsonObject settings) : m_settings(std::move(settings)) {}

    CoreResult<CaResponse> submit(const QByteArray& requestDer, const CertificateProfile&, qint64) override
    {
        auto request = ossl::requestFromDer(requestDer);
        if (!request)
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("not a certificate request"));
        Session session;
        if (auto ready = prepare(session); !ready)
            return std::unexpected(ready.error());
        OSSL_CMP_CTX_set1_p10CSR(session.context.get(), request.get());
        X509* issued = OSSL_CMP_exec_P10CR_ses(session.context.get());
        if (!issued)
            return std::unexpected(failure(session, QStringLiteral("enrollment")));
        CaResponse response;
        response.certificateDer = ossl::derOf(issued); // owned by the context: copy before it goes
        for (auto* list :
             {OSSL_CMP_CTX_get1_caPubs(session.context.get()), OSSL_CMP_CTX_get1_extraCertsIn(session.context.get())}) {
            for (int i = 0; i < sk_X509_num(list); ++i)
                response.chainDer << ossl::derOf(sk_X509_value(list, i));
            sk_X509_pop_free(list, X509_free);
        }
        return response;
    }

    CoreResult<CaResponse> collect(const QString&, const QByteArray&) override
    {
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("this CMP CA answers at once; nothing is pending"));
    }

    CoreResult<RevocationAnswer> revoke(const QByteArray& certificateDer, const QString& reason) override
    {
        auto certificate = ossl::certificateFromDer(certificateDer);
        if (!certificate)
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("not a certificate"));
        Session session;
        if (auto ready = prepare(session); !ready)
            return std::unexpected(ready.error());
        OSSL_CMP_CTX_set1_oldCert(session.context.get(), certificate.get());
        OSSL_CMP_CTX_set_option(session.context.get(), OSSL_CMP_OPT_REVOCATION_REASON, reasonCode(reason));
        if (OSSL_CMP_exec_RR_ses(session.context.get()) != 1)
            return std::unexpected(failure(session, QStringLiteral("revocation")));
        // OpenSSL has checked the answer's protection against the CA and that it speaks of this certificate: an
        // answer of "accepted" (or granted with modifications) is the CA's word that it is revoked.
        const int status = OSSL_CMP_CTX_get_status(session.context.get());
        const QString statusWord = status == OSSL_CMP_PKISTATUS_grantedWithMods ? QStringLiteral("granted with changes")
                                                                                : QStringLiteral("accepted");
        return RevocationAnswer{
            QStringLiteral("the CMP CA at %1 answered the revocation request: %2").arg(session.server, statusWord)};
    }

    CoreResult<QList<QByteArray>> caCertificates() override
    {
        Session session;
        if (auto ready = prepare(session); !ready)
            return std::unexpected(ready.error());
        STACK_OF(OSSL_CMP_ITAV)* answer = OSSL_CMP_exec_GENM_ses(session.context.get());
        if (!answer && OSSL_CMP_CTX_get_status(session.context.get()) != OSSL_CMP_PKISTATUS_accepted)
            return std::unexpected(failure(session, QStringLiteral("connection test")));
        sk_OSSL_CMP_ITAV_pop_free(answer, OSSL_CMP_ITAV_free);
        QList<QByteArray> certificates;
        STACK_OF(X509)* extra = OSSL_CMP_CTX_get1_extraCertsIn(session.context.get());
        for (int i = 0; i < sk_X509_num(extra); ++i) {
            if (X509_check_ca(sk_X509_value(extra, i)))
                certificates << ossl::derOf(sk_X509_value(extra, i));
        }
        sk_X509_pop_free(extra, X509_free);
        return certificates;
    }

private:
    struct Session {
        CmpContextPtr context{OSSL_CMP_CTX_new(nullptr, nullptr)};
        std::unique_ptr<http::TlsSetup, void (*)(http::TlsSetup*)> tls{nullptr, nullptr};
        QString server;
    };

    CoreStatus prepare(Session& session) const
    {
        OSSL_CMP_CTX* ctx = session.context.get();
        const QUrl url(m_settings.value(QStringLiteral("url")).toString());
        const bool https = url.scheme() == QStringLiteral("https");
        session.server = url.toString();
        if (!ctx || !url.isValid() || url.host().isEmpty() || (!https && url.scheme() != QStringLiteral("http")))
            return coreError(
                CoreErrorKind::InvalidInput,
                QStringLiteral("a cmp CA needs its address, http(s)://host:port/path (tamga-cli ca add: --url)"));
        OSSL_CMP_CTX_set1_server(ctx, url.host().toUtf8().constData());
        OSSL_CMP_CTX_set_serverPort(ctx, url.port(https ? 443 : 80));
        OSSL_CMP_CTX_set1_serverPath(ctx, url.path().isEmpty() ? "/" : url.path().toUtf8().constData());
        OSSL_CMP_CTX_set_option(ctx, OSSL_CMP_OPT_MSG_TIMEOUT, timeout());
        OSSL_CMP_CTX_set_option(ctx, OSSL_CMP_OPT_TOTAL_TIMEOUT, 2 * timeout());
        OSSL_CMP_CTX_set_option(ctx, OSSL_CMP_OPT_IMPLICIT_CONFIRM, 1);
        OSSL_CMP_CTX_set_log_cb(ctx, collectCmpLog);
        t_cmpLog.clear();

        if (auto reachable = http::checkReachable(url.host(), url.port(https ? 443 : 80), session.server, timeout());
            !reachable)
            return reachable;
        const QString trustFile = m_settings.value(QStringLiteral("trustFile")).toString();
        if (https) {
            QString error;
            session.tls = http::makeTls(trustFile, url.host(), error);
            if (!session.tls)
                return coreError(CoreErrorKind::InvalidInput, error);
            OSSL_CMP_CTX_set_http_cb(ctx, http::tlsCallback());
            OSSL_CMP_CTX_set_http_cb_arg(ctx, http::tlsCallbackArgument(session.tls.get()));
        }

        const QString reference = m_settings.value(QStringLiteral("reference")).toString();
        if (!reference.isEmpty()) {
            auto secret = readSecretFile(m_settings.value(QStringLiteral("secretFile")).toString(),
                                         QStringLiteral("the CMP shared secret"));
            if (!secret)
                return std::unexpected(secret.error());
            const QByteArray ref = reference.toUtf8();
            OSSL_CMP_CTX_set1_referenceValue(ctx, reinterpret_cast<const unsigned char*>(ref.constData()), ref.size());
            OSSL_CMP_CTX_set1_secretValue(ctx, secret->bytes(), static_cast<int>(secret->size()));
        } else {
            auto certificate =
                ossl::certificateFromPem(readFile(m_settings.value(QStringLiteral("certFile")).toString()));
            const QByteArray keyPem = readFile(m_settings.value(QStringLiteral("keyFile")).toString());
            ossl::BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), static_cast<int>(keyPem.size())));
            ossl::PkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
            if (!certificate || !key) {
                return coreError(CoreErrorKind::InvalidInput,
                                 QStringLiteral("a cmp CA needs --reference REF --secret-file F, or --cert F --key F "
                                                "(PEM) that can be read"));
            }
            OSSL_CMP_CTX_set1_cert(ctx, certificate.get());
            OSSL_CMP_CTX_set1_pkey(ctx, key.get());
        }
        if (!trustFile.isEmpty()) {
            ossl::StorePtr store(X509_STORE_new());
            const auto anchors = ossl::certificatesFrom(readFile(trustFile));
            if (anchors.empty())
                return coreError(CoreErrorKind::InvalidInput,
                                 QStringLiteral("no certificate in the trust file %1").arg(trustFile));
            for (const auto& anchor : anchors)
                X509_STORE_add_cert(store.get(), anchor.get());
            OSSL_CMP_CTX_set0_trustedStore(ctx, store.release());
        }
        ERR_clear_error();
        return {};
    }

    CoreError failure(const Session& session, const QString& what) const
    {
        OSSL_CMP_CTX* ctx = session.context.get();
        const int status = OSSL_CMP_CTX_get_status(ctx);
        const QString said =
            t_cmpLog.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(t_cmpLog.join(QStringLiteral("; ")));
        if (status == OSSL_CMP_PKISTATUS_rejection || status == OSSL_CMP_PKISTATUS_waiting) {
            char text[512];
            OSSL_CMP_CTX_snprint_PKIStatus(ctx, text, sizeof text);
            ERR_clear_error();
            return {CoreErrorKind::CaRefused, QStringLiteral("the CMP CA at %1 refused the %2: %3%4")
                                                  .arg(session.server, what, QString::fromUtf8(text), said)};
        }
        CoreError error = http::failure(session.server, timeout());
        error.message += said;
        if (error.kind == CoreErrorKind::CaUnreachable && error.message.contains(QStringLiteral("cannot be reached")) &&
            (error.message.contains(QStringLiteral("CMP")) || error.message.contains(QStringLiteral("cmp")))) {
            error.kind = CoreErrorKind::CaGarbled;
            error.message = QStringLiteral("the CMP exchange with %1 failed during the %2: %3")
                                .arg(session.server, what, error.message);
        }
        return error;
    }

    int timeout() const { return m_settings.value(QStringLiteral("timeoutSeconds")).toInt(20); }

    QJsonObject m_settings;
};

} // namespace

CoreResult<std::unique_ptr<CaConnector>> makeCmpCa(const QJsonObject& settings)
{
    const QUrl url(settings.value(QStringLiteral("url")).toString());
    if (!url.isValid() || url.host().isEmpty())
        return coreError(
            CoreErrorKind::InvalidInput,
            QStringLiteral("a cmp CA needs its address, http(s)://host:port/path (tamga-cli ca add: --url)"));
    const bool pbm = !settings.value(QStringLiteral("reference")).toString().isEmpty() &&
                     !settings.value(QStringLiteral("secretFile")).toString().isEmpty();
    const bool signature = !settings.value(QStringLiteral("certFile")).toString().isEmpty() &&
                           !settings.value(QStringLiteral("keyFile")).toString().isEmpty();
    if (pbm == signature)
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("a cmp CA needs either --reference REF --secret-file F or --cert F --key F"));
    return std::unique_ptr<CaConnector>(std::make_unique<CmpCa>(settings));
}

} // namespace tamga::core
