// The practice CA: a two-level training CA on OpenSSL, made on first use in the desk's data folder. Its names
// say TRAINING so that nothing it issues can pass for a real certificate.
#include "Connectors.h"
#include "Ossl.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/pem.h>
#include <openssl/rand.h>

namespace tamga::core {

namespace {

const QString kRootFile = QStringLiteral("root.pem");
const QString kIssuingFile = QStringLiteral("issuing.pem");
const QString kIssuingKeyFile = QStringLiteral("issuing-key.pem");
const QString kRevokedFile = QStringLiteral("revoked.txt");

// RFC 5280's CRLReason code of a reason name.
long crlReasonCode(const QString& reason)
{
    static const std::pair<const char*, long> kCodes[] = {
        {"unspecified", 0},          {"keyCompromise", 1},   {"affiliationChanged", 3}, {"superseded", 4},
        {"cessationOfOperation", 5}, {"certificateHold", 6}, {"privilegeWithdrawn", 9},
    };
    for (const auto& [name, code] : kCodes) {
        if (reason == QLatin1String(name))
            return code;
    }
    return 0;
}

bool writePrivate(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(content);
    return file.commit();
}

QByteArray keyPem(EVP_PKEY* key)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<int>(length));
}

void setRandomSerial(X509* certificate)
{
    unsigned char bytes[16];
    RAND_bytes(bytes, sizeof bytes);
    bytes[0] &= 0x7F; // positive
    bytes[0] |= 0x10; // and no leading zero byte
    BIGNUM* bn = BN_bin2bn(bytes, sizeof bytes, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(certificate));
    BN_free(bn);
}

void addExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    if (X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value)) {
        X509_add_ext(certificate, extension, -1);
        X509_EXTENSION_free(extension);
    }
}

ossl::X509Ptr makeCaCertificate(EVP_PKEY* key, const QString& commonName, X509* issuer, EVP_PKEY* issuerKey,
                                int pathLength)
{
    ossl::X509Ptr certificate(X509_new());
    X509_set_version(certificate.get(), 2);
    setRandomSerial(certificate.get());
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 3600L * 24 * 365 * 10);
    X509_set_pubkey(certificate.get(), key);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("MN"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("Tamga TRAINING (not a real CA)"), -1, -1, 0);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1,
                               -1, 0);
    X509* signer = issuer ? issuer : certificate.get();
    X509_set_issuer_name(certificate.get(), X509_get_subject_name(signer));
    const QByteArray constraints = QByteArrayLiteral("critical,CA:TRUE,pathlen:") + QByteArray::number(pathLength);
    addExtension(certificate.get(), signer, NID_basic_constraints, constraints.constData());
    addExtension(certificate.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(certificate.get(), signer, NID_subject_key_identifier, "hash");
    if (issuer)
        addExtension(certificate.get(), signer, NID_authority_key_identifier, "keyid:always");
    X509_sign(certificate.get(), issuerKey ? issuerKey : key, EVP_sha256());
    return certificate;
}

class PracticeCa final : public CaConnector {
public:
    explicit PracticeCa(QString dir) : m_dir(std::move(dir)) {}

    CoreStatus ensureCreated()
    {
        QDir().mkpath(m_dir);
        QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (QFile::exists(path(kIssuingKeyFile)))
            return {};
        ossl::PkeyPtr rootKey(EVP_EC_gen("P-256"));
        ossl::PkeyPtr issuingKey(EVP_EC_gen("P-256"));
        if (!rootKey || !issuingKey)
            return coreError(CoreErrorKind::Io,
                             QStringLiteral("cannot make the practice CA's keys: %1").arg(ossl::lastError()));
        auto root = makeCaCertificate(rootKey.get(), QStringLiteral("Tamga TRAINING Root CA"), nullptr, nullptr, 1);
        auto issuing = makeCaCertificate(issuingKey.get(), QStringLiteral("Tamga TRAINING Issuing CA"), root.get(),
                                         rootKey.get(), 0);
        // The root key is not kept: the practice CA only ever issues from the issuing CA.
        if (!writePrivate(path(kRootFile), ossl::pemOf(root.get())) ||
            !writePrivate(path(kIssuingFile), ossl::pemOf(issuing.get())) ||
            !writePrivate(path(kIssuingKeyFile), keyPem(issuingKey.get())))
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write the practice CA into %1").arg(m_dir));
        return {};
    }

    CoreResult<CaResponse> submit(const QByteArray& requestDer, const CertificateProfile& profile, qint64) override
    {
        if (auto created = ensureCreated(); !created)
            return std::unexpected(created.error());
        ossl::ReqPtr request = ossl::requestFromDer(requestDer);
        EVP_PKEY* requestKey = request ? X509_REQ_get0_pubkey(request.get()) : nullptr;
        if (!requestKey || X509_REQ_verify(request.get(), requestKey) != 1)
            return coreError(CoreErrorKind::CaRefused,
                             QStringLiteral("the practice CA refused a request whose signature "
                                            "does not verify"));
        auto issuing = ossl::certificateFromPem(readFile(kIssuingFile));
        ossl::BioPtr keyBio(BIO_new_mem_buf(nullptr, 0));
        const QByteArray keyText = readFile(kIssuingKeyFile);
        keyBio.reset(BIO_new_mem_buf(keyText.constData(), static_cast<int>(keyText.size())));
        ossl::PkeyPtr issuingKey(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
        if (!issuing || !issuingKey)
            return coreError(CoreErrorKind::Io, QStringLiteral("the practice CA in %1 is damaged; delete the folder to "
                                                               "make a new one")
                                                    .arg(m_dir));

        ossl::X509Ptr certificate(X509_new());
        X509_set_version(certificate.get(), 2);
        setRandomSerial(certificate.get());
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60);
        X509_time_adj_ex(X509_getm_notAfter(certificate.get()), profile.validityDays, 0, nullptr);
        X509_set_subject_name(certificate.get(), X509_REQ_get_subject_name(request.get()));
        X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuing.get()));
        X509_set_pubkey(certificate.get(), requestKey);
        addExtension(certificate.get(), issuing.get(), NID_basic_constraints, "critical,CA:FALSE");
        addExtension(certificate.get(), issuing.get(), NID_subject_key_identifier, "hash");
        addExtension(certificate.get(), issuing.get(), NID_authority_key_identifier, "keyid:always");
        // Like a CA with copy_extensions: key usage, extended key usage and the e-mail come from the request.
        STACK_OF(X509_EXTENSION)* requested = X509_REQ_get_extensions(request.get());
        for (int i = 0; i < sk_X509_EXTENSION_num(requested); ++i) {
            X509_EXTENSION* extension = sk_X509_EXTENSION_value(requested, i);
            const int nid = OBJ_obj2nid(X509_EXTENSION_get_object(extension));
            if (nid == NID_key_usage || nid == NID_ext_key_usage || nid == NID_subject_alt_name)
                X509_add_ext(certificate.get(), extension, -1);
        }
        sk_X509_EXTENSION_pop_free(requested, X509_EXTENSION_free);
        if (X509_sign(certificate.get(), issuingKey.get(), EVP_sha256()) <= 0)
            return coreError(CoreErrorKind::CaRefused,
                             QStringLiteral("the practice CA could not sign: %1").arg(ossl::lastError()));

        CaResponse response;
        response.certificateDer = ossl::derOf(certificate.get());
        response.chainDer = chain();
        return response;
    }

    CoreResult<CaResponse> collect(const QString&, const QByteArray&) override
    {
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("the practice CA answers at once; nothing is pending"));
    }

    CoreResult<RevocationAnswer> revoke(const QByteArray& certificateDer, const QString& reason) override
    {
        auto certificate = ossl::certificateFromDer(certificateDer);
        if (!certificate)
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("not a certificate"));
        QFile file(path(kRevokedFile));
        if (!file.open(QIODevice::Append))
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1").arg(file.fileName()));
        file.write(
            QStringLiteral("%1 %2 %3\n")
                .arg(ossl::serialHex(certificate.get()), reason, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                .toUtf8());
        return {};
    }

    // The practice CA publishes a CRL (crl.pem in its folder), made afresh from its revocation list and signed by
    // its issuing CA, so that training covers the confirmation of a revocation.
    CoreResult<QByteArray> crl() override
    {
        if (auto created = ensureCreated(); !created)
            return std::unexpected(created.error());
        auto issuing = ossl::certificateFromPem(readFile(kIssuingFile));
        const QByteArray keyText = readFile(kIssuingKeyFile);
        ossl::BioPtr keyBio(BIO_new_mem_buf(keyText.constData(), static_cast<int>(keyText.size())));
        ossl::PkeyPtr issuingKey(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
        if (!issuing || !issuingKey)
            return coreError(
                CoreErrorKind::Io,
                QStringLiteral("the practice CA in %1 is damaged; delete the folder to make a new one").arg(m_dir));
        ossl::CrlPtr list(X509_CRL_new());
        ossl::AsnTimePtr now(X509_gmtime_adj(nullptr, 0));
        ossl::AsnTimePtr next(X509_gmtime_adj(nullptr, 7L * 24 * 3600));
        if (!list || !now || !next || X509_CRL_set_version(list.get(), X509_CRL_VERSION_2) != 1 ||
            X509_CRL_set_issuer_name(list.get(), X509_get_subject_name(issuing.get())) != 1 ||
            X509_CRL_set1_lastUpdate(list.get(), now.get()) != 1 ||
            X509_CRL_set1_nextUpdate(list.get(), next.get()) != 1)
            return coreError(CoreErrorKind::Io, QStringLiteral("the practice CA cannot make its CRL"));
        // One line per revocation: "<serial hex> <reason> <ISO date>".
        for (const QByteArray& line : readFile(kRevokedFile).split('\n')) {
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.size() < 2)
                continue;
            BIGNUM* number = nullptr;
            if (BN_hex2bn(&number, fields[0].constData()) == 0)
                continue;
            ossl::AsnIntegerPtr serial(BN_to_ASN1_INTEGER(number, nullptr));
            BN_free(number);
            ossl::RevokedPtr entry(X509_REVOKED_new());
            ossl::AsnEnumeratedPtr reason(ASN1_ENUMERATED_new());
            if (!serial || !entry || !reason || X509_REVOKED_set_serialNumber(entry.get(), serial.get()) != 1 ||
                X509_REVOKED_set_revocationDate(entry.get(), now.get()) != 1 ||
                ASN1_ENUMERATED_set(reason.get(), crlReasonCode(QString::fromLatin1(fields[1]))) != 1 ||
                X509_REVOKED_add1_ext_i2d(entry.get(), NID_crl_reason, reason.get(), 0, 0) != 1)
                return coreError(CoreErrorKind::Io, QStringLiteral("the practice CA cannot make its CRL"));
            X509_CRL_add0_revoked(list.get(), entry.release());
        }
        X509_CRL_sort(list.get());
        if (X509_CRL_sign(list.get(), issuingKey.get(), EVP_sha256()) <= 0)
            return coreError(CoreErrorKind::Io, QStringLiteral("the practice CA cannot sign its CRL"));
        unsigned char* der = nullptr;
        const int length = i2d_X509_CRL(list.get(), &der);
        if (length <= 0)
            return coreError(CoreErrorKind::Io, QStringLiteral("the practice CA cannot write its CRL"));
        const QByteArray bytes(reinterpret_cast<const char*>(der), length);
        OPENSSL_free(der);
        ossl::BioPtr pem(BIO_new(BIO_s_mem()));
        PEM_write_bio_X509_CRL(pem.get(), list.get());
        writePrivate(path(QStringLiteral("crl.pem")), QByteArray::fromStdString(tamga::ossl::bioText(pem.get())));
        return bytes;
    }

    CoreResult<QList<QByteArray>> caCertificates() override
    {
        if (auto created = ensureCreated(); !created)
            return std::unexpected(created.error());
        return chain();
    }

    QByteArray rootPem() { return readFile(kRootFile); }

private:
    QString path(const QString& name) const { return m_dir + QLatin1Char('/') + name; }

    QByteArray readFile(const QString& name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QList<QByteArray> chain() const
    {
        QList<QByteArray> result;
        for (const QString& name : {kIssuingFile, kRootFile}) {
            if (auto certificate = ossl::certificateFromPem(readFile(name)))
                result << ossl::derOf(certificate.get());
        }
        return result;
    }

    QString m_dir;
};

} // namespace

QString practiceCaDir(const QString& dataDir)
{
    return dataDir + QStringLiteral("/practice-ca");
}

std::unique_ptr<CaConnector> makePracticeCa(const QString& dataDir)
{
    return std::make_unique<PracticeCa>(practiceCaDir(dataDir));
}

CoreResult<QByteArray> practiceCaRoot(const QString& dataDir)
{
    PracticeCa ca(practiceCaDir(dataDir));
    if (auto created = ca.ensureCreated(); !created)
        return std::unexpected(created.error());
    return ca.rootPem();
}

} // namespace tamga::core
