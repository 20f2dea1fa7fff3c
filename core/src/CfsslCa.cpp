// CloudFlare CFSSL's REST API: /api/v1/cfssl/authsign with its HMAC token, /api/v1/cfssl/info for the CA's
// certificate, /api/v1/cfssl/revoke. CFSSL issues from its *default* profile when the profile name is unknown:
// Tamga's certificate checks are what notice that.
#include "Connectors.h"
#include "Http.h"
#include "Ossl.h"
#include "tamga/core/Files.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/hmac.h>

namespace tamga::core {

namespace {

class CfsslCa final : public CaConnector {
public:
    CfsslCa(QString url, QString authKeyFile, QString profile, QString trustFile, int timeoutSeconds)
        : m_url(std::move(url)), m_authKeyFile(std::move(authKeyFile)), m_profile(std::move(profile)),
          m_trustFile(std::move(trustFile)), m_timeoutSeconds(timeoutSeconds)
    {
        while (m_url.endsWith(QLatin1Char('/')))
            m_url.chop(1);
    }

    CoreResult<CaResponse> submit(const QByteArray& requestDer, const CertificateProfile&, qint64) override
    {
        auto request = ossl::requestFromDer(requestDer);
        if (!request)
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("not a certificate request"));
        auto key = readSecretFile(m_authKeyFile, QStringLiteral("the CFSSL auth key"));
        if (!key)
            return std::unexpected(key.error());
        // The key file holds hex; the decoded key stays in a wiping buffer (no plain copy left on the heap).
        auto nibble = [](char c) {
            return c >= '0' && c <= '9'   ? c - '0'
                   : c >= 'a' && c <= 'f' ? c - 'a' + 10
                   : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
        };
        SecretBuffer keyBytes;
        const std::string_view hex = key->view();
        for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
            const int high = nibble(hex[i]);
            const int low = nibble(hex[i + 1]);
            if (high < 0 || low < 0)
                return coreError(CoreErrorKind::InvalidInput,
                                 QStringLiteral("the CFSSL auth key in %1 is not hexadecimal").arg(m_authKeyFile));
            keyBytes.append(static_cast<char>(high << 4 | low));
        }
        const QByteArray inner = QJsonDocument(QJsonObject{{QStringLiteral("certificate_request"),
                                                            QString::fromLatin1(ossl::pemOf(request.get()))},
                                                           {QStringLiteral("profile"), m_profile}})
                                     .toJson(QJsonDocument::Compact);
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int macLength = 0;
        HMAC(EVP_sha256(), keyBytes.bytes(), static_cast<int>(keyBytes.size()),
             reinterpret_cast<const unsigned char*>(inner.constData()), static_cast<std::size_t>(inner.size()), mac,
             &macLength);
        const QByteArray body =
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("token"),
                     QString::fromLatin1(
                         QByteArray(reinterpret_cast<const char*>(mac), static_cast<int>(macLength)).toBase64())},
                    {QStringLiteral("request"), QString::fromLatin1(inner.toBase64())}})
                .toJson(QJsonDocument::Compact);
        auto result = call(QStringLiteral("/api/v1/cfssl/authsign"), body);
        if (!result)
            return std::unexpected(result.error());
        const QByteArray pem = result->value(QStringLiteral("certificate")).toString().toLatin1();
        auto certificate = ossl::certificateFromPem(pem);
        if (!certificate)
            return coreError(CoreErrorKind::CaGarbled,
                             QStringLiteral("CFSSL at %1 answered without a certificate").arg(m_url));
        CaResponse response;
        response.certificateDer = ossl::derOf(certificate.get());
        if (auto chain = caCertificates())
            response.chainDer = *chain;
        return response;
    }

    CoreResult<CaResponse> collect(const QString&, const QByteArray&) override
    {
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("CFSSL answers at once; nothing is pending"));
    }

    CoreResult<RevocationAnswer> revoke(const QByteArray& certificateDer, const QString& reason) override
    {
        auto certificate = ossl::certificateFromDer(certificateDer);
        if (!certificate)
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("not a certificate"));
        BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate.get()), nullptr);
        char* decimal = BN_bn2dec(serial);
        const QString serialText = QString::fromLatin1(decimal);
        OPENSSL_free(decimal);
        BN_free(serial);
        // CFSSL finds the certificate in its database by serial and authority key identifier (lower-case hex).
        // Older CFSSL (Debian 12 ships a 2016 one) stored an empty identifier: when the certificate is not found
        // under its own, it is asked for under the empty one. Nothing is revoked twice: a serial matches once.
        QString authorityKeyId;
        if (const ASN1_OCTET_STRING* aki = X509_get0_authority_key_id(certificate.get()))
            authorityKeyId = QString::fromLatin1(
                QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(aki)), ASN1_STRING_length(aki)).toHex());
        CoreResult<QJsonObject> result = coreError(CoreErrorKind::CaRefused, QString());
        for (const QString& identifier : {authorityKeyId, QString()}) {
            const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("serial"), serialText},
                                                              {QStringLiteral("authority_key_id"), identifier},
                                                              {QStringLiteral("reason"), reason}})
                                        .toJson(QJsonDocument::Compact);
            result = call(QStringLiteral("/api/v1/cfssl/revoke"), body);
            if (result || result.error().kind != CoreErrorKind::CaRefused || authorityKeyId.isEmpty())
                break;
        }
        if (!result)
            return std::unexpected(result.error());
        return {};
    }

    CoreResult<QList<QByteArray>> caCertificates() override
    {
        auto result = call(QStringLiteral("/api/v1/cfssl/info"), QByteArrayLiteral("{}"));
        if (!result)
            return std::unexpected(result.error());
        QList<QByteArray> chain;
        for (const auto& certificate :
             ossl::certificatesFrom(result->value(QStringLiteral("certificate")).toString().toLatin1()))
            chain << ossl::derOf(certificate.get());
        if (chain.isEmpty())
            return coreError(CoreErrorKind::CaGarbled,
                             QStringLiteral("CFSSL at %1 did not send its certificate").arg(m_url));
        return chain;
    }

private:
    // POSTs JSON and returns the "result" object of CFSSL's {"success", "result", "errors"} envelope.
    CoreResult<QJsonObject> call(const QString& path, const QByteArray& body) const
    {
        auto answer =
            http::post({m_url + path, m_trustFile, m_timeoutSeconds}, QByteArrayLiteral("application/json"), body);
        if (!answer)
            return std::unexpected(answer.error());
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(*answer, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return coreError(CoreErrorKind::CaGarbled,
                             QStringLiteral("CFSSL at %1 sent something that is not JSON").arg(m_url));
        const QJsonObject envelope = document.object();
        if (!envelope.value(QStringLiteral("success")).toBool()) {
            QStringList messages;
            for (const QJsonValue& error : envelope.value(QStringLiteral("errors")).toArray())
                messages << error.toObject().value(QStringLiteral("message")).toString();
            return coreError(CoreErrorKind::CaRefused,
                             QStringLiteral("CFSSL at %1 refused: %2").arg(m_url, messages.join(QStringLiteral("; "))));
        }
        return envelope.value(QStringLiteral("result")).toObject();
    }

    QString m_url;
    QString m_authKeyFile;
    QString m_profile;
    QString m_trustFile;
    int m_timeoutSeconds;
};

} // namespace

CoreResult<std::unique_ptr<CaConnector>> makeCfsslCa(const QJsonObject& settings)
{
    const QString url = settings.value(QStringLiteral("url")).toString();
    const QString keyFile = settings.value(QStringLiteral("authKeyFile")).toString();
    const QString profile = settings.value(QStringLiteral("profile")).toString();
    if (url.isEmpty() || keyFile.isEmpty() || profile.isEmpty())
        return coreError(
            CoreErrorKind::InvalidInput,
            QStringLiteral("a cfssl CA needs its address, its authentication key file and its signing profile "
                           "(tamga-cli ca add: --url, --auth-key-file, --profile)"));
    return std::unique_ptr<CaConnector>(
        std::make_unique<CfsslCa>(url, keyFile, profile, settings.value(QStringLiteral("trustFile")).toString(),
                                  settings.value(QStringLiteral("timeoutSeconds")).toInt(30)));
}

CoreResult<SecretBuffer> readSecretFile(const QString& path, const QString& what)
{
    // A regular file of at most 4 KiB (a secret is short; a link to /dev/zero is not read at all).
    auto content = readRegularFile(path, 4096, what);
    if (!content)
        return std::unexpected(content.error());
    SecretBuffer secret;
    for (char c : *content)
        secret.append(c);
    OPENSSL_cleanse(content->data(), static_cast<std::size_t>(content->size()));
    secret.chompLineEnd();
    if (secret.empty())
        return coreError(CoreErrorKind::Io, QStringLiteral("%1 in %2 is empty").arg(what, path));
    return secret;
}

} // namespace tamga::core
