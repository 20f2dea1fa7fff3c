// Private to the core: the connector implementations behind CaConnectors::open.
#pragma once

#include "tamga/core/CaConnector.h"
#include "tamga/secret/SecretBuffer.h"

namespace tamga::core {

std::unique_ptr<CaConnector> makePracticeCa(const QString& dataDir);
// The practice CA's root certificate (PEM), making the CA first if needed.
CoreResult<QByteArray> practiceCaRoot(const QString& dataDir);

CoreResult<std::unique_ptr<CaConnector>> makeFilesCa(const QJsonObject& settings);
CoreResult<std::unique_ptr<CaConnector>> makeCfsslCa(const QJsonObject& settings);
CoreResult<std::unique_ptr<CaConnector>> makeCmpCa(const QJsonObject& settings);

// The offline exchange's building blocks, also used by batch export and import.
CoreResult<QString> exportRequest(const QString& folder, const QByteArray& requestDer, const QString& profile,
                                  qint64 enrollmentId);
CoreResult<CaResponse> findIssuedCertificate(const QString& folder, const QByteArray& requestDer);

// One file of the exchange folder as read: the certificates in it (DER), or why none were taken.
struct ExchangeFile {
    QString name;                   // relative to the folder
    QList<QByteArray> certificates; // end-entity and CA certificates, DER
    QString problem;                // not read, or nothing usable in it; empty when certificates were found
};
// Every file of the exchange folder, each read once (regular files only, at most 4 MiB, at most 2000
// certificates a file), in name order.
std::vector<ExchangeFile> readExchangeFolder(const QString& folder);
// The same for one file (a PKCS#7 bundle, a PEM with several certificates) or a folder.
std::vector<ExchangeFile> readExchange(const QString& folderOrFile);

// Reads a secret file (a trailing newline dropped) into a wiping buffer; the error names the file, never its
// content.
CoreResult<SecretBuffer> readSecretFile(const QString& path, const QString& what);

} // namespace tamga::core
