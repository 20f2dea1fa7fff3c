// The offline exchange: requests are written as PEM files with a manifest into a folder that goes to the CA;
// certificates come back as PEM, DER or PKCS#7 files in any name, and are matched to their requests by public key.
#include "Connectors.h"
#include "Ossl.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace tamga::core {

namespace {

class FilesCa final : public CaConnector {
public:
    explicit FilesCa(QString dir) : m_dir(std::move(dir)) {}

    CoreResult<CaResponse> submit(const QByteArray& requestDer, const CertificateProfile& profile,
                                  qint64 enrollmentId) override
    {
        auto written = writeRequest(m_dir + QStringLiteral("/requests"), requestDer, profile.name, enrollmentId);
        if (!written)
            return std::unexpected(written.error());
        CaResponse response;
        response.status = CaResponse::Status::Pending;
        response.reference = *written;
        return response;
    }

    CoreResult<CaResponse> collect(const QString& reference, const QByteArray& requestDer) override
    {
        auto found = findCertificate(m_dir, requestDer);
        if (!found)
            return std::unexpected(found.error());
        if (found->certificateDer.isEmpty()) {
            CaResponse pending;
            pending.status = CaResponse::Status::Pending;
            pending.reference = reference;
            return pending;
        }
        return *found;
    }

    CoreResult<RevocationAnswer> revoke(const QByteArray& certificateDer, const QString& reason) override
    {
        auto certificate = ossl::certificateFromDer(certificateDer);
        if (!certificate)
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("not a certificate"));
        const QString folder = m_dir + QStringLiteral("/revocations");
        QDir().mkpath(folder);
        const QString serial = ossl::serialHex(certificate.get());
        QSaveFile file(folder + QStringLiteral("/revoke-%1.json").arg(serial));
        if (!file.open(QIODevice::WriteOnly))
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write into %1").arg(folder));
        file.write(
            QJsonDocument(
                QJsonObject{{QStringLiteral("serial"), serial},
                            {QStringLiteral("issuer"), ossl::nameText(X509_get_issuer_name(certificate.get()))},
                            {QStringLiteral("reason"), reason},
                            {QStringLiteral("certificate"), QString::fromLatin1(ossl::pemOf(certificate.get()))}})
                .toJson());
        if (!file.commit())
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write into %1").arg(folder));
        return {};
    }

    CoreResult<QList<QByteArray>> caCertificates() override
    {
        if (!QDir(m_dir).exists() && !QDir().mkpath(m_dir))
            return coreError(CoreErrorKind::Io, QStringLiteral("the exchange folder %1 cannot be made").arg(m_dir));
        QList<QByteArray> authorities;
        for (const auto& certificate : certificatesIn(m_dir)) {
            if (X509_check_ca(certificate.get()))
                authorities << ossl::derOf(certificate.get());
        }
        return authorities;
    }

    // Writes `<folder>/enrollment-<id>.csr.pem` and adds it to `<folder>/manifest.json`; returns the file name.
    static CoreResult<QString> writeRequest(const QString& folder, const QByteArray& requestDer, const QString& profile,
                                            qint64 enrollmentId)
    {
        if (!QDir().mkpath(folder))
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot make the folder %1").arg(folder));
        auto request = ossl::requestFromDer(requestDer);
        if (!request)
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("not a certificate request"));
        const QString name = QStringLiteral("enrollment-%1.csr.pem").arg(enrollmentId);
        QSaveFile file(folder + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly))
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1/%2").arg(folder, name));
        file.write(ossl::pemOf(request.get()));
        if (!file.commit())
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1/%2").arg(folder, name));

        // The manifest lists every request in the folder: what the CA operator checks before signing.
        QJsonArray entries;
        if (auto manifestFile = readRegularFile(folder + QStringLiteral("/manifest.json"), 16 * 1024 * 1024,
                                                QStringLiteral("the exchange's manifest")))
            entries = QJsonDocument::fromJson(*manifestFile).object().value(QStringLiteral("requests")).toArray();
        QJsonArray kept;
        for (const QJsonValue& entry : entries) {
            if (entry.toObject().value(QStringLiteral("file")).toString() != name)
                kept.append(entry);
        }
        const QByteArray publicKey = publicKeyOfRequest(requestDer);
        kept.append(QJsonObject{
            {QStringLiteral("file"), name},
            {QStringLiteral("enrollment"), enrollmentId},
            {QStringLiteral("profile"), profile},
            {QStringLiteral("subject"), ossl::nameText(X509_REQ_get_subject_name(request.get()))},
            {QStringLiteral("publicKeySha256"),
             QString::fromLatin1(QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256).toHex())}});
        QSaveFile manifest(folder + QStringLiteral("/manifest.json"));
        if (!manifest.open(QIODevice::WriteOnly))
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1/manifest.json").arg(folder));
        manifest.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("tamga-requests-1")},
                                                 {QStringLiteral("requests"), kept}})
                           .toJson());
        if (!manifest.commit())
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot write %1/manifest.json").arg(folder));
        return name;
    }

    static std::vector<ossl::X509Ptr> certificatesIn(const QString& folder)
    {
        std::vector<ossl::X509Ptr> all;
        for (const ExchangeFile& file : readExchangeFolder(folder)) {
            for (const QByteArray& der : file.certificates) {
                if (auto certificate = ossl::certificateFromDer(der))
                    all.push_back(std::move(certificate));
            }
        }
        return all;
    }

    // The certificate in `folder` whose public key is the request's, with every CA certificate found as its
    // possible chain; an empty certificate when none matches yet.
    static CoreResult<CaResponse> findCertificate(const QString& folder, const QByteArray& requestDer)
    {
        const QByteArray publicKey = publicKeyOfRequest(requestDer);
        if (publicKey.isEmpty())
            return coreError(CoreErrorKind::InvalidInput, QStringLiteral("the stored request cannot be read"));
        CaResponse response;
        for (const auto& certificate : certificatesIn(folder)) {
            if (X509_check_ca(certificate.get())) {
                response.chainDer << ossl::derOf(certificate.get());
                continue;
            }
            EVP_PKEY* key = X509_get0_pubkey(certificate.get());
            if (key && ossl::publicKeyDer(key) == publicKey)
                response.certificateDer = ossl::derOf(certificate.get());
        }
        return response;
    }

private:
    QString m_dir;
};

} // namespace

CoreResult<std::unique_ptr<CaConnector>> makeFilesCa(const QJsonObject& settings)
{
    const QString dir = settings.value(QStringLiteral("dir")).toString();
    if (dir.isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("a files CA needs --dir DIR"));
    return std::unique_ptr<CaConnector>(std::make_unique<FilesCa>(dir));
}

CoreResult<QString> exportRequest(const QString& folder, const QByteArray& requestDer, const QString& profile,
                                  qint64 enrollmentId)
{
    return FilesCa::writeRequest(folder, requestDer, profile, enrollmentId);
}

CoreResult<CaResponse> findIssuedCertificate(const QString& folder, const QByteArray& requestDer)
{
    return FilesCa::findCertificate(folder, requestDer);
}

std::vector<ExchangeFile> readExchangeFolder(const QString& folder)
{
    constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
    constexpr std::size_t kMaxCertificatesPerFile = 2000;
    std::vector<ExchangeFile> files;
    // Regular files only: links are neither followed nor read (a link to /dev/zero or out of the folder is not
    // the CA's answer); each is read up to its bound by what it really holds.
    QDirIterator it(folder, QDir::Files | QDir::NoSymLinks | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir base(folder);
    while (it.hasNext()) {
        const QString path = it.next();
        ExchangeFile file;
        file.name = base.relativeFilePath(path);
        if (file.name == QStringLiteral("manifest.json") || file.name.endsWith(QStringLiteral(".csr.pem")))
            continue; // what the desk wrote itself
        auto content = readRegularFile(path, kMaxFileBytes, QStringLiteral("the CA's file"));
        if (!content) {
            file.problem = content.error().message;
        } else {
            auto certificates = ossl::certificatesFrom(*content);
            if (certificates.size() > kMaxCertificatesPerFile) {
                file.problem = QStringLiteral("it holds %1 certificates; at most %2 a file are read")
                                   .arg(certificates.size())
                                   .arg(kMaxCertificatesPerFile);
            } else if (certificates.empty()) {
                file.problem = QStringLiteral("it holds no certificate (PEM, DER or PKCS#7)");
            }
            if (file.problem.isEmpty()) {
                for (const auto& certificate : certificates)
                    file.certificates << ossl::derOf(certificate.get());
            }
        }
        files.push_back(std::move(file));
    }
    std::ranges::sort(files, {}, &ExchangeFile::name);
    return files;
}

std::vector<ExchangeFile> readExchange(const QString& folderOrFile)
{
    if (QFileInfo(folderOrFile).isDir())
        return readExchangeFolder(folderOrFile);
    ExchangeFile file;
    file.name = QFileInfo(folderOrFile).fileName();
    auto content = readRegularFile(folderOrFile, 4 * 1024 * 1024, QStringLiteral("the CA's answer"));
    if (!content) {
        file.problem = content.error().message;
    } else {
        for (const auto& certificate : ossl::certificatesFrom(*content))
            file.certificates << ossl::derOf(certificate.get());
        if (file.certificates.isEmpty())
            file.problem = QStringLiteral("it holds no certificate (PEM, DER or PKCS#7)");
    }
    return {file};
}

} // namespace tamga::core
