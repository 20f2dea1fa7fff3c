// The offline exchange seen from the enrollment engine: every waiting request of a CA written into the exchange
// folder (batch export), and the CA's files read back once, matched to requests by public key, checked and stored
// (batch import). The folder's format is in FilesCa.cpp.
#include "EnrollmentContext.h"
#include "tamga/core/EnrollmentRecords.h"

#include "Connectors.h"
#include "Ossl.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Database.h"

#include <QJsonArray>
#include <QSet>

namespace tamga::core {

CoreResult<int> EnrollmentEngine::exportRequests(const Operator& by, const QString& caName, const QString& folder) const
{
    auto waiting = EnrollmentRecords(m_database).list(EnrollmentState::Submitted);
    if (!waiting)
        return std::unexpected(waiting.error());
    int exported = 0;
    QJsonArray ids;
    for (const EnrollmentRecord& r : *waiting) {
        if (r.caName != caName)
            continue;
        auto request = ossl::requestFromPem(r.requestPem);
        if (!request)
            continue;
        auto written = exportRequest(folder, ossl::derOf(request.get()), r.profileName, r.id);
        if (!written)
            return std::unexpected(written.error());
        ids.append(r.id);
        ++exported;
    }
    auto logged = AuditLog(m_database)
                      .record({by.name,
                               QStringLiteral("batch.export"),
                               QStringLiteral("ca"),
                               caName,
                               audit::Ok,
                               {{QStringLiteral("folder"), folder}, {QStringLiteral("enrollments"), ids}}});
    if (!logged)
        return std::unexpected(logged.error());
    return exported;
}

CoreResult<EnrollmentEngine::ImportOutcome>
EnrollmentEngine::importCertificates(const Operator& by, const QString& caName, const QString& folderOrFile,
                                     const QList<qint64>& onlyEnrollments) const
{
    auto waiting = EnrollmentRecords(m_database).list(EnrollmentState::Submitted);
    if (!waiting)
        return std::unexpected(waiting.error());
    ImportOutcome outcome;

    // The folder is read once, whatever the number of waiting requests; every file's fate is reported.
    struct Candidate {
        QByteArray der;
        QString file;
        QString notBefore;
        QByteArray publicKey;
    };
    std::vector<Candidate> endEntity;
    QList<QByteArray> caCertificates;
    QHash<QString, int> usedFromFile; // file -> certificates accepted from it
    QHash<QString, int> caFromFile;
    for (const ExchangeFile& file : readExchange(folderOrFile)) {
        if (!file.problem.isEmpty()) {
            outcome.files << QStringLiteral("%1: not used: %2").arg(file.name, file.problem);
            continue;
        }
        for (const QByteArray& der : file.certificates) {
            auto certificate = ossl::certificateFromDer(der);
            if (!certificate)
                continue;
            if (X509_check_ca(certificate.get())) {
                caCertificates << der;
                ++caFromFile[file.name];
                continue;
            }
            EVP_PKEY* key = X509_get0_pubkey(certificate.get());
            endEntity.push_back({der, file.name, ossl::timeText(X509_get0_notBefore(certificate.get())),
                                 key ? ossl::publicKeyDer(key) : QByteArray()});
        }
    }

    for (const EnrollmentRecord& r : *waiting) {
        if (r.caName != caName || (!onlyEnrollments.isEmpty() && !onlyEnrollments.contains(r.id)))
            continue;
        const QByteArray publicKey = publicKeyOfRequest(r.requestPem);
        std::vector<const Candidate*> candidates;
        for (const Candidate& c : endEntity) {
            if (!publicKey.isEmpty() && c.publicKey == publicKey)
                candidates.push_back(&c);
        }
        if (candidates.empty()) {
            ++outcome.waiting;
            outcome.missing << QStringLiteral("enrollment #%1 (%2)").arg(r.id).arg(r.officerName);
            continue;
        }
        // Several for one key (a renewal, an expired one beside a valid one, the same one twice): each is checked,
        // newest first, and the first that passes every check is taken, whatever the order of the files.
        std::ranges::sort(candidates,
                          [](const Candidate* a, const Candidate* b) { return a->notBefore > b->notBefore; });
        QStringList reasons;
        bool accepted = false;
        for (const Candidate* c : candidates) {
            CaResponse response;
            response.certificateDer = c->der;
            response.chainDer = caCertificates;
            auto checked = acceptCertificate(by, r, response);
            if (!checked) {
                reasons << QStringLiteral("%1: %2").arg(c->file, checked.error().message);
                continue;
            }
            const Pin none;
            const ProgressSink silent;
            Context context{by, r, none, nullptr, silent, {}, {}, {}, {}, {}, {}};
            if (auto stored = storeReceived(context, *checked); !stored)
                return std::unexpected(stored.error());
            ++usedFromFile[c->file];
            ++outcome.received;
            outcome.files << QStringLiteral("%1: the certificate of enrollment #%2 (%3), accepted")
                                 .arg(c->file)
                                 .arg(r.id)
                                 .arg(r.officerName);
            accepted = true;
            break;
        }
        if (!accepted) {
            const CoreError error{CoreErrorKind::CertificateRejected, reasons.join(QStringLiteral("; "))};
            outcome.refusals << QStringLiteral("enrollment #%1: %2").arg(r.id).arg(error.message);
            if (auto recorded = recordFailure(by, r.id, r.state, error); !recorded)
                outcome.refusals << QStringLiteral("enrollment #%1: the refusal could not be journaled: %2")
                                        .arg(r.id)
                                        .arg(recorded.error().message);
        }
    }
    // Files whose certificates fitted no waiting request, and the chain files, are said too.
    QSet<QString> reported;
    for (const Candidate& c : endEntity) {
        if (usedFromFile.contains(c.file) || reported.contains(c.file))
            continue;
        reported.insert(c.file);
        const QString why =
            QStringLiteral("not used: no waiting request of %1 has its key (or it was refused)").arg(caName);
        outcome.files << QStringLiteral("%1: %2").arg(c.file, why);
        outcome.extra << QStringLiteral("%1: %2").arg(c.file, why);
    }
    for (auto it = caFromFile.begin(); it != caFromFile.end(); ++it) {
        if (!usedFromFile.contains(it.key()))
            outcome.files
                << QStringLiteral("%1: %2 CA certificate(s), used to build chains").arg(it.key()).arg(it.value());
    }
    return outcome;
}

} // namespace tamga::core
