#include "Ossl.h"

#include <openssl/pkcs7.h>

#include <QDateTime>

namespace tamga::core::ossl {

QString lastError()
{
    QStringList parts;
    const char* data = nullptr;
    int flags = 0;
    while (unsigned long code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        QString part = QString::fromLatin1(buffer);
        if (data && *data && (flags & ERR_TXT_STRING))
            part += QStringLiteral(" (%1)").arg(QString::fromUtf8(data)); // e.g. the HTTP status code
        parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

namespace {

template <typename T, typename Encoder> QByteArray encode(const T* object, Encoder encoder)
{
    int length = encoder(object, nullptr);
    if (length <= 0)
        return {};
    QByteArray out(length, '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    encoder(object, &p);
    return out;
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<int>(length));
}

BioPtr readBio(const QByteArray& data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

} // namespace

QByteArray derOf(const X509* certificate)
{
    return encode(certificate, i2d_X509);
}

QByteArray derOf(const X509_REQ* request)
{
    return encode(request, i2d_X509_REQ);
}

QByteArray pemOf(const X509* certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), const_cast<X509*>(certificate));
    return bioContents(bio.get());
}

QByteArray pemOf(const X509_REQ* request)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509_REQ(bio.get(), const_cast<X509_REQ*>(request));
    return bioContents(bio.get());
}

X509Ptr certificateFromDer(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr certificate(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (certificate && p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
        return nullptr; // trailing garbage
    return certificate;
}

X509Ptr certificateFromPem(const QByteArray& pem)
{
    auto bio = readBio(pem);
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

std::vector<X509Ptr> certificatesFrom(const QByteArray& data)
{
    std::vector<X509Ptr> result;
    if (data.contains("-----BEGIN PKCS7-----")) {
        auto bio = readBio(data);
        PKCS7* p7 = PEM_read_bio_PKCS7(bio.get(), nullptr, nullptr, nullptr);
        if (p7 && PKCS7_type_is_signed(p7) && p7->d.sign && p7->d.sign->cert) {
            for (int i = 0; i < sk_X509_num(p7->d.sign->cert); ++i)
                result.emplace_back(X509_dup(sk_X509_value(p7->d.sign->cert, i)));
        }
        PKCS7_free(p7);
        return result;
    }
    if (data.contains("-----BEGIN CERTIFICATE-----")) {
        auto bio = readBio(data);
        while (X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
            result.emplace_back(certificate);
        ERR_clear_error(); // the read that ends the loop leaves "no start line"
        return result;
    }
    if (auto certificate = certificateFromDer(data)) {
        result.push_back(std::move(certificate));
        return result;
    }
    ERR_clear_error();
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    PKCS7* p7 = d2i_PKCS7(nullptr, &p, static_cast<long>(data.size()));
    if (p7 && PKCS7_type_is_signed(p7) && p7->d.sign && p7->d.sign->cert) {
        for (int i = 0; i < sk_X509_num(p7->d.sign->cert); ++i)
            result.emplace_back(X509_dup(sk_X509_value(p7->d.sign->cert, i)));
    }
    PKCS7_free(p7);
    ERR_clear_error();
    return result;
}

ReqPtr requestFromPem(const QByteArray& pem)
{
    auto bio = readBio(pem);
    return ReqPtr(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
}

ReqPtr requestFromDer(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    return ReqPtr(d2i_X509_REQ(nullptr, &p, static_cast<long>(der.size())));
}

PkeyPtr publicKeyFromDer(const QByteArray& spki)
{
    const auto* p = reinterpret_cast<const unsigned char*>(spki.constData());
    return PkeyPtr(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
}

QByteArray publicKeyDer(const EVP_PKEY* key)
{
    return encode(key, i2d_PUBKEY);
}

QString nameText(const X509_NAME* name)
{
    return QString::fromStdString(tamga::ossl::nameText(name));
}

QString serialHex(const X509* certificate)
{
    BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* hex = BN_bn2hex(bn);
    QString text = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    BN_free(bn);
    return text;
}

QString fingerprintSha256(const X509* certificate)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(certificate, EVP_sha256(), digest, &length);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest), static_cast<int>(length)).toHex());
}

QString timeText(const ASN1_TIME* time)
{
    struct tm parts {};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    const QDateTime moment(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                           QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
    return moment.toString(Qt::ISODate);
}

} // namespace tamga::core::ossl
