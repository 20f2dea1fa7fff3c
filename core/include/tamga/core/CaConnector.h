// CA connectors: one interface for every way of reaching a certification authority. The desk configures them
// in the database (no secrets there: a secret is read from the file whose path is stored).
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Profile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace tamga::core {

class Database;

struct CaResponse {
    enum class Status { Issued, Pending };
    Status status = Status::Issued;
    QByteArray certificateDer;  // when issued
    QList<QByteArray> chainDer; // what the CA sent along (issuing CA, root), in any order
    QString reference;          // when pending: how to collect it later
};

// What a CA says when it takes a revocation. Some CAs answer with the revocation itself (CMP's rp: "accepted" for
// the certificate named, in a message protected by the CA): that is the CA's word, and `confirmation` says so.
// Others only queue it (CFSSL's database, the offline folder): their CRL or OCSP responder confirms it later.
struct RevocationAnswer {
    QString confirmation; // empty: to be confirmed from the CA's CRL or OCSP responder
};

// RFC 5280 CRLReason names: keyCompromise, affiliationChanged, superseded, cessationOfOperation,
// privilegeWithdrawn, certificateHold, unspecified.
bool isRevocationReason(const QString& reason);

class CaConnector {
public:
    virtual ~CaConnector() = default;

    // Sends the request; the answer is a certificate or "pending" with a reference.
    [[nodiscard]] virtual CoreResult<CaResponse> submit(const QByteArray& requestDer, const CertificateProfile& profile,
                                                        qint64 enrollmentId) = 0;
    // Asks again for a pending request.
    [[nodiscard]] virtual CoreResult<CaResponse> collect(const QString& reference, const QByteArray& requestDer) = 0;
    [[nodiscard]] virtual CoreResult<RevocationAnswer> revoke(const QByteArray& certificateDer,
                                                              const QString& reason) = 0;
    // The CA's current CRL (DER), where Tamga can fetch one itself; otherwise the CA operator's CRL is imported.
    [[nodiscard]] virtual CoreResult<QByteArray> crl()
    {
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("this CA publishes no CRL Tamga can fetch: import the CA's CRL file"));
    }
    // The CA's own certificates (issuing CA and up): also how `ca test` checks the connection.
    [[nodiscard]] virtual CoreResult<QList<QByteArray>> caCertificates() = 0;
};

struct CaConfig {
    qint64 id = 0;
    QString name;
    QString type;         // practice, cmp, cfssl, files
    QJsonObject settings; // per type: url, reference, secretFile, certFile, keyFile, trustFile, authKeyFile,
                          // profile, dir; any type: ocspUrl (the CA's OCSP responder)
};

class CaConnectors {
public:
    // `dataDir` is where built-in things live (the practice CA): the database's folder.
    CaConnectors(const Database& database, QString dataDir) : m_database(database), m_dataDir(std::move(dataDir)) {}

    [[nodiscard]] CoreResult<qint64> add(const Operator& by, const CaConfig& config) const;
    [[nodiscard]] CoreResult<std::vector<CaConfig>> list() const;
    [[nodiscard]] CoreResult<CaConfig> find(const QString& name) const;
    [[nodiscard]] CoreResult<CaConfig> find(qint64 id) const;

    // A connector for the configuration.
    [[nodiscard]] CoreResult<std::unique_ptr<CaConnector>> open(const CaConfig& config) const;

private:
    const Database& m_database;
    QString m_dataDir;
};

class TrustAnchors {
public:
    explicit TrustAnchors(const Database& database) : m_database(database) {}
    // Adds every CA certificate in the PEM; returns how many were new.
    [[nodiscard]] CoreResult<int> add(const Operator& by, const QByteArray& pem) const;
    [[nodiscard]] CoreResult<QList<QByteArray>> allDer() const;
    struct Anchor {
        qint64 id;
        QString subject;
        QString fingerprint;
    };
    [[nodiscard]] CoreResult<std::vector<Anchor>> list() const;

private:
    const Database& m_database;
};

// The practice CA's folder under a data folder.
QString practiceCaDir(const QString& dataDir);

} // namespace tamga::core
