// Private to the core: a synchronous HTTP(S) POST through OpenSSL's own HTTP client (the one CMP uses), with a
// timeout. Runs on the caller's thread: the enrollment worker, never the GUI thread.
#pragma once

#include "tamga/core/CoreError.h"

#include <QByteArray>
#include <QString>

#include <openssl/bio.h>

#include <memory>

namespace tamga::core::http {

struct Target {
    QString url;       // http://host:port/path or https://...
    QString trustFile; // PEM anchors for an https server's certificate
    int timeoutSeconds = 30;
};

CoreResult<QByteArray> post(const Target& target, const QByteArray& contentType, const QByteArray& body);

// TLS for OpenSSL's HTTP client (OSSL_HTTP_transfer and OSSL_CMP_CTX_set_http_cb): wraps the connection in TLS
// that verifies the server against `trustFile` and its host name.
struct TlsSetup;
std::unique_ptr<TlsSetup, void (*)(TlsSetup*)> makeTls(const QString& trustFile, const QString& host, QString& error);
void* tlsCallbackArgument(TlsSetup* setup);
using TlsCallback = BIO* (*)(BIO*, void*, int, int);
TlsCallback tlsCallback();

// Opens and closes a TCP connection to host:port within the timeout: tells "nothing listens there" at once,
// where OpenSSL's HTTP client would retry a refused connection until its timeout.
CoreStatus checkReachable(const QString& host, int port, const QString& server, int timeoutSeconds);

// Classifies the failure of an HTTP exchange from OpenSSL's error queue (which it clears).
CoreError failure(const QString& server, int timeoutSeconds);

} // namespace tamga::core::http
