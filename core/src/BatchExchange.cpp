#include "tamga/core/BatchExchange.h"

#include "Connectors.h"
#include "DetachedSignature.h"
#include "Ossl.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Batches.h"
#include "tamga/core/Database.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

namespace {

const QString kManifest = QStringLiteral("bundle.json");
const QString kManifestSignature = QStringLiteral("bundle.json.p7s");
constexpr qint64 kMaxManifestBytes = 16 * 1024 * 1024;
constexpr qint64 kMaxRequestBytes = 64 * 1024;

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A request file's name as the desk writes it; anything else named in a manifest (a path, "..", a link) is not
// one of ours.
bool isRequestFileName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^enrollment-[0-9]{1,12}\\.csr\\.pem$"));
    return pattern.match(name).hasMatch();
}

CoreError sealBroken(const QString& why)
{
    return CoreError{CoreErrorKind::CaGarbled,
                     QStringLiteral("the sealed bundle was changed after sealing: %1").arg(why)};
}

// The bundle in the CA's answer folder, checked against the seal recorded for the batch.
CoreStatus checkSeal(const Database& database, qint64 batchId, const QString& folder)
{
    auto manifest = readRegularFile(folder + QLatin1Char('/') + kManifest, kMaxManifestBytes,
                                    QStringLiteral("the bundle's manifest"));
    if (!manifest)
        return std::unexpected(manifest.error());
    auto sealed = database.exec(
        QStringLiteral("SELECT manifest_sha256 FROM batch_bundles WHERE batch_id = ? ORDER BY id DESC LIMIT 1"),
        {batchId});
    if (!sealed)
        return std::unexpected(sealed.error());
    if (!sealed->next())
        return std::unexpected(sealBroken(QStringLiteral("batch #%1 never sealed a bundle").arg(batchId)));
    const QString expected = sealed->value(0).toString();
    sealed->finish();
    const QString actual = sha256Hex(*manifest);
    if (actual != expected)
        return std::unexpected(sealBroken(
            QStringLiteral("%1 has SHA-256 %2, the seal says %3").arg(kManifest, actual.left(16), expected.left(16))));
    // Signed by the desk's token at export: the signature must still be over this manifest, by a certificate
    // that chains to the desk's trust anchors.
    const QString signaturePath = folder + QLatin1Char('/') + kManifestSignature;
    if (QFileInfo::exists(signaturePath)) {
        auto signature = readRegularFile(signaturePath, kMaxManifestBytes, QStringLiteral("the manifest's signature"));
        if (!signature)
            return std::unexpected(signature.error());
        auto anchors = TrustAnchors(database).allDer();
        if (!anchors)
            return std::unexpected(anchors.error());
        if (auto verified = verifyDetached(*signature, *manifest, {}, *anchors, QString(), kManifestSignature);
            !verified)
            return std::unexpected(sealBroken(verified.error().message));
    }
    const QJsonArray requests = QJsonDocument::fromJson(*manifest).object().value(QStringLiteral("requests")).toArray();
    for (const QJsonValue& value : requests) {
        const QJsonObject entry = value.toObject();
        const QString name = entry.value(QStringLiteral("file")).toString();
        if (!isRequestFileName(name))
            return std::unexpected(sealBroken(QStringLiteral("it names the file \"%1\"").arg(name.left(80))));
        const QString path = folder + QLatin1Char('/') + name;
        if (!QFileInfo::exists(path))
            continue; // a CA may send its certificates without the requests
        auto request = readRegularFile(path, kMaxRequestBytes, QStringLiteral("a request of the bundle"));
        if (!request)
            return std::unexpected(request.error());
        if (sha256Hex(*request) != entry.value(QStringLiteral("request_sha256")).toString())
            return std::unexpected(sealBroken(QStringLiteral("%1 is not the request that was sealed").arg(name)));
    }
    return {};
}

} // namespace

CoreResult<SealedBundle> BatchExchange::exportSealed(const Operator& by, qint64 batchId, const QString& folder,
                                                     const ManifestSigner* signer) const
{
    // The desk's signing certificate is looked at before anything is written.
    std::optional<EnrollmentRecord> signing;
    if (signer) {
        auto record = EnrollmentRecords(m_database).record(signer->enrollmentId);
        if (!record)
            return std::unexpected(record.error());
        if (!hasVerifiedCertificate(record->state) || !record->certificate || !signer->pin)
            return coreError(
                CoreErrorKind::InvalidInput,
                QStringLiteral("enrollment #%1 has no verified certificate on a token to sign bundles with")
                    .arg(signer->enrollmentId));
        signing = *record;
    }
    auto batch = Batches(m_database).find(batchId);
    if (!batch)
        return std::unexpected(batch.error());
    auto members = Batches(m_database).members(batchId);
    if (!members)
        return std::unexpected(members.error());
    if (!QDir().mkpath(folder))
        return coreError(CoreErrorKind::Io, QStringLiteral("cannot make the folder %1").arg(folder));
    SealedBundle bundle;
    bundle.folder = folder;
    QJsonArray requests;
    for (const BatchMember& m : *members) {
        if (!m.enrollment || m.enrollment->state != EnrollmentState::Submitted || m.enrollment->caName != batch->caName)
            continue;
        auto request = ossl::requestFromPem(m.enrollment->requestPem);
        if (!request)
            continue;
        auto written = exportRequest(folder, ossl::derOf(request.get()), m.enrollment->profileName, m.enrollment->id);
        if (!written)
            return std::unexpected(written.error());
        const QString name = QFileInfo(*written).fileName();
        auto bytes = readRegularFile(folder + QLatin1Char('/') + name, kMaxRequestBytes, QStringLiteral("a request"));
        if (!bytes)
            return std::unexpected(bytes.error());
        BundleEntry entry{m.enrollment->id,          m.officerName, m.organizationName, m.enrollment->tokenSerial,
                          m.enrollment->profileName, name,          sha256Hex(*bytes)};
        requests.append(QJsonObject{{QStringLiteral("enrollment"), entry.enrollmentId},
                                    {QStringLiteral("officer"), entry.officer},
                                    {QStringLiteral("organization"), entry.organization},
                                    {QStringLiteral("token"), entry.tokenSerial},
                                    {QStringLiteral("profile"), entry.profile},
                                    {QStringLiteral("file"), entry.file},
                                    {QStringLiteral("request_sha256"), entry.requestSha256}});
        bundle.entries.push_back(entry);
    }
    if (bundle.entries.empty())
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("batch #%1 has no request waiting at %2").arg(batchId).arg(batch->caName));
    const QByteArray manifest = QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("tamga-bundle-1")},
                                                          {QStringLiteral("batch"), batchId},
                                                          {QStringLiteral("name"), batch->name},
                                                          {QStringLiteral("ca"), batch->caName},
                                                          {QStringLiteral("sealed_at"), storedNow()},
                                                          {QStringLiteral("sealed_by"), by.name},
                                                          {QStringLiteral("requests"), requests}})
                                    .toJson(QJsonDocument::Indented);
    bundle.manifestSha256 = sha256Hex(manifest);
    if (auto written = writePrivateFile(folder + QLatin1Char('/') + kManifest, manifest); !written)
        return std::unexpected(written.error());
    if (signing) {
        auto signature = signDetachedOnToken(m_modules, *signing, *signer->pin, manifest, kManifestSignature);
        if (!signature)
            return std::unexpected(signature.error());
        auto anchors = TrustAnchors(m_database).allDer();
        if (!anchors)
            return std::unexpected(anchors.error());
        if (auto verified = verifyDetached(*signature, manifest, derCertificates(signing->certificate->chainPem),
                                           *anchors, signing->certificate->fingerprintSha256, kManifestSignature);
            !verified)
            return std::unexpected(verified.error());
        if (auto written = writePrivateFile(folder + QLatin1Char('/') + kManifestSignature, *signature); !written)
            return std::unexpected(written.error());
        bundle.signerFingerprint = signing->certificate->fingerprintSha256;
    }
    if (auto written =
            writePrivateFile(folder + QLatin1Char('/') + kManifest + QStringLiteral(".sha256"),
                             (bundle.manifestSha256 + QStringLiteral("  ") + kManifest + QLatin1Char('\n')).toLatin1());
        !written)
        return std::unexpected(written.error());
    auto recorded = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        auto stored = m_database.exec(
            QStringLiteral("INSERT INTO batch_bundles (batch_id, manifest_sha256, requests, "
                           "sealed_by, sealed_at) VALUES (?, ?, ?, ?, ?)"),
            {batchId, bundle.manifestSha256, static_cast<qint64>(bundle.entries.size()), by.name, storedNow()});
        if (!stored)
            return std::unexpected(stored.error());
        auto logged = trail.add({by.name,
                                 QStringLiteral("batch.sealed"),
                                 QStringLiteral("batch"),
                                 QString::number(batchId),
                                 audit::Ok,
                                 {{QStringLiteral("manifest_sha256"), bundle.manifestSha256},
                                  {QStringLiteral("signed_by_certificate"), bundle.signerFingerprint},
                                  {QStringLiteral("requests"), static_cast<qint64>(bundle.entries.size())},
                                  {QStringLiteral("folder"), folder}}});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!recorded)
        return std::unexpected(recorded.error());
    return bundle;
}

CoreResult<AnswerReport> BatchExchange::importAnswer(const Operator& by, qint64 batchId,
                                                     const QString& folderOrFile) const
{
    auto batch = Batches(m_database).find(batchId);
    if (!batch)
        return std::unexpected(batch.error());
    if (QFileInfo(folderOrFile).isDir() && QFileInfo::exists(folderOrFile + QLatin1Char('/') + kManifest)) {
        if (auto sealed = checkSeal(m_database, batchId, folderOrFile); !sealed) {
            auto logged = AuditLog(m_database)
                              .record({by.name,
                                       QStringLiteral("batch.import"),
                                       QStringLiteral("batch"),
                                       QString::number(batchId),
                                       audit::Refused,
                                       {{QStringLiteral("reason"), sealed.error().message}}});
            if (!logged)
                return std::unexpected(logged.error());
            return std::unexpected(sealed.error());
        }
    }
    auto members = Batches(m_database).members(batchId);
    if (!members)
        return std::unexpected(members.error());
    QList<qint64> enrollments;
    for (const BatchMember& m : *members) {
        if (m.enrollment)
            enrollments << m.enrollment->id;
    }
    if (enrollments.isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("batch #%1 has no requests").arg(batchId));
    const EnrollmentEngine engine(m_database, m_connectors, {});
    auto outcome = engine.importCertificates(by, batch->caName, folderOrFile, enrollments);
    if (!outcome)
        return std::unexpected(outcome.error());
    AnswerReport report;
    for (const QString& line : outcome->files) {
        if (line.endsWith(QStringLiteral(", accepted")))
            report.matched << line;
    }
    report.refused = outcome->refusals;
    report.missing = outcome->missing;
    report.extra = outcome->extra;
    return report;
}

} // namespace tamga::core
