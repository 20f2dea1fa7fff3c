// Private to the core: the connector implementations behind CaConnectors::open.
#pragma once

#include "tamga/core/CaConnector.h"
#include "tamga/pkcs11/SecretBuffer.h"

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

// Reads a secret file (a trailing newline dropped) into a wiping buffer; the error names the file, never its
// content.
CoreResult<pkcs11::SecretBuffer> readSecretFile(const QString& path, const QString& what);

}  // namespace tamga::core
