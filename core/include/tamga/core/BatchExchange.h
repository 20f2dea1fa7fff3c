// A batch's offline exchange with the CA (a `files` CA): the batch's waiting requests go out as a sealed bundle
// (the requests, a manifest naming officer, organization, token, profile and each request's SHA-256, and the
// manifest's own SHA-256, kept in the audit log and printed on the cover sheet); the CA's answer (its folder, or
// one PKCS#7 file) comes back, the bundle in it is checked against the seal, and every certificate is checked as
// an enrollment checks it, with a report of what matched, what was refused, what is missing and what is extra.
// Names inside a bundle are never trusted as paths.
#pragma once

#include "tamga/core/CaConnector.h"
#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Tokens.h"
#include "tamga/secret/SecretBuffer.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tamga::core {

class Database;

struct BundleEntry {
    qint64 enrollmentId = 0;
    QString officer;
    QString organization;
    QString tokenSerial;
    QString profile;
    QString file;          // the request's file name in the bundle: enrollment-<id>.csr.pem
    QString requestSha256; // of the file's bytes
};

struct SealedBundle {
    QString folder;
    QString manifestSha256;    // of bundle.json as written
    QString signerFingerprint; // the desk certificate that signed bundle.json (bundle.json.p7s); empty when unsigned
    std::vector<BundleEntry> entries;
};

struct AnswerReport {
    QStringList matched; // "file: the certificate of enrollment #N (officer), accepted"
    QStringList refused; // "enrollment #N: why"
    QStringList missing; // "enrollment #N (officer)"
    QStringList extra;   // "file: why"
};

// The desk's own signing key for bundles: a verified enrollment whose certificate and key are on a token the
// desk holds (its own, not an officer's), and that token's PIN.
struct ManifestSigner {
    qint64 enrollmentId = 0;
    const Pin* pin = nullptr;
};

class BatchExchange {
public:
    BatchExchange(const Database& database, const CaConnectors& connectors, TokenModules modules = {})
        : m_database(database), m_connectors(connectors), m_modules(std::move(modules))
    {
    }

    // Writes the batch's requests waiting at its CA into `folder` with bundle.json and bundle.json.sha256 (the
    // form `sha256sum -c` reads), and records the seal. With `signer`, bundle.json is also signed by the desk's
    // token: bundle.json.p7s, a detached CMS signature (`openssl cms -verify -binary -inform DER -content
    // bundle.json` checks it), verified before anything is recorded. Refused when nothing waits.
    [[nodiscard]] CoreResult<SealedBundle> exportSealed(const Operator& by, qint64 batchId, const QString& folder,
                                                        const ManifestSigner* signer = nullptr) const;
    // The CA's answer for the batch: a folder (with the bundle the desk sealed, checked against the seal, and the
    // CA's certificates) or one file (PKCS#7, PEM, DER).
    [[nodiscard]] CoreResult<AnswerReport> importAnswer(const Operator& by, qint64 batchId,
                                                        const QString& folderOrFile) const;

private:
    const Database& m_database;
    const CaConnectors& m_connectors;
    TokenModules m_modules;
};

} // namespace tamga::core
