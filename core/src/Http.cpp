#include "Http.h"

#include "Ossl.h"

#include <openssl/http.h>
#include <openssl/ssl.h>

#include <QUrl>

#include <arpa/inet.h>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tamga::core::http {

struct TlsSetup {
    SSL_CTX* context = nullptr;
    QByteArray host;
};

namespace {

void freeTls(TlsSetup* setup)
{
    if (setup) {
        SSL_CTX_free(setup->context);
        delete setup;
    }
}

BIO* onConnection(BIO* bio, void* argument, int connect, int detail)
{
    auto* setup = static_cast<TlsSetup*>(argument);
    if (!setup || !setup->context)
        return bio;
    if (connect && detail) {
        BIO* sslBio = BIO_new(BIO_f_ssl());
        SSL* ssl = SSL_new(setup->context);
        if (!sslBio || !ssl) {
            BIO_free(sslBio);
            SSL_free(ssl);
            return nullptr;
        }
        // SSL_set_tlsext_host_name() spelled out: the macro uses a C cast.
        // A server named by its IP address is checked against the certificate's IP entries, and gets no SNI.
        unsigned char address[16];
        if (::inet_pton(AF_INET, setup->host.constData(), address) == 1 ||
            ::inet_pton(AF_INET6, setup->host.constData(), address) == 1) {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), setup->host.constData());
        } else {
            SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, setup->host.data());
            SSL_set1_host(ssl, setup->host.constData());
        }
        SSL_set_connect_state(ssl);
        BIO_set_ssl(sslBio, ssl, BIO_CLOSE);
        return BIO_push(sslBio, bio);
    }
    if (!connect && BIO_method_type(bio) == BIO_TYPE_SSL) {
        BIO_ssl_shutdown(bio);
        BIO* inner = BIO_pop(bio);
        BIO_free(bio);
        return inner;
    }
    return bio;
}

} // namespace

std::unique_ptr<TlsSetup, void (*)(TlsSetup*)> makeTls(const QString& trustFile, const QString& host, QString& error)
{
    std::unique_ptr<TlsSetup, void (*)(TlsSetup*)> setup(new TlsSetup, freeTls);
    setup->host = host.toUtf8();
    setup->context = SSL_CTX_new(TLS_client_method());
    if (!setup->context) {
        error = ossl::lastError();
        return {nullptr, freeTls};
    }
    SSL_CTX_set_verify(setup->context, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_min_proto_version(setup->context, TLS1_2_VERSION);
    const bool anchors =
        trustFile.isEmpty()
            ? SSL_CTX_set_default_verify_paths(setup->context) == 1
            : SSL_CTX_load_verify_locations(setup->context, trustFile.toLocal8Bit().constData(), nullptr) == 1;
    if (!anchors) {
        error = QStringLiteral("cannot read the TLS trust anchors %1: %2").arg(trustFile, ossl::lastError());
        return {nullptr, freeTls};
    }
    return setup;
}

void* tlsCallbackArgument(TlsSetup* setup)
{
    return setup;
}

TlsCallback tlsCallback()
{
    return onConnection;
}

CoreStatus checkReachable(const QString& host, int port, const QString& server, int timeoutSeconds)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* addresses = nullptr;
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray portBytes = QByteArray::number(port);
    if (::getaddrinfo(hostBytes.constData(), portBytes.constData(), &hints, &addresses) != 0 || !addresses)
        return coreError(CoreErrorKind::CaUnreachable,
                         QStringLiteral("the CA's host %1 is unknown (%2)").arg(host, server));
    QString reason = QStringLiteral("no answer");
    bool connected = false;
    for (addrinfo* a = addresses; a && !connected; a = a->ai_next) {
        int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd wait{fd, POLLOUT, 0};
            rc = ::poll(&wait, 1, timeoutSeconds * 1000);
            if (rc == 0) {
                ::close(fd);
                freeaddrinfo(addresses);
                return coreError(
                    CoreErrorKind::CaUnreachable,
                    QStringLiteral("the CA at %1 did not answer within %2 seconds").arg(server).arg(timeoutSeconds));
            }
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            rc = error == 0 ? 0 : -1;
            errno = error;
        }
        if (rc == 0)
            connected = true;
        else
            reason = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
    }
    freeaddrinfo(addresses);
    if (!connected)
        return coreError(CoreErrorKind::CaUnreachable,
                         QStringLiteral("the CA at %1 cannot be reached (%2)").arg(server, reason));
    return {};
}

CoreError failure(const QString& server, int timeoutSeconds)
{
    const QString detail = ossl::lastError();
    if (detail.contains(QStringLiteral("status code")) || detail.contains(QStringLiteral("received error"))) {
        return {CoreErrorKind::CaRefused,
                QStringLiteral("the CA at %1 answered with an error (%2)").arg(server, detail)};
    }
    if (detail.contains(QStringLiteral("timeout"), Qt::CaseInsensitive) ||
        detail.contains(QStringLiteral("timed out"), Qt::CaseInsensitive)) {
        return {CoreErrorKind::CaUnreachable,
                QStringLiteral("the CA at %1 did not answer within %2 seconds").arg(server).arg(timeoutSeconds)};
    }
    if (detail.contains(QStringLiteral("certificate verify failed")) ||
        detail.contains(QStringLiteral("ssl"), Qt::CaseInsensitive)) {
        return {CoreErrorKind::CaUnreachable,
                QStringLiteral("the TLS connection to %1 failed (%2)").arg(server, detail)};
    }
    if (detail.contains(QStringLiteral("content")) || detail.contains(QStringLiteral("parse"))) {
        return {CoreErrorKind::CaGarbled,
                QStringLiteral("the answer from %1 could not be read (%2)").arg(server, detail)};
    }
    return {CoreErrorKind::CaUnreachable, QStringLiteral("the CA at %1 cannot be reached (%2)")
                                              .arg(server, detail.isEmpty() ? QStringLiteral("no answer") : detail)};
}

CoreResult<QByteArray> post(const Target& target, const QByteArray& contentType, const QByteArray& body)
{
    const QUrl url(target.url);
    if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")) ||
        url.host().isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("\"%1\" is not an http(s) URL").arg(target.url));
    const bool tls = url.scheme() == QStringLiteral("https");
    const QByteArray host = url.host().toUtf8();
    const QByteArray port = QByteArray::number(url.port(tls ? 443 : 80));
    const QByteArray path =
        url.path(QUrl::FullyEncoded).isEmpty() ? QByteArray("/") : url.path(QUrl::FullyEncoded).toUtf8();

    std::unique_ptr<TlsSetup, void (*)(TlsSetup*)> setup(nullptr, freeTls);
    if (tls) {
        QString error;
        setup = makeTls(target.trustFile, url.host(), error);
        if (!setup)
            return coreError(CoreErrorKind::InvalidInput, error);
    }
    if (auto reachable = checkReachable(url.host(), url.port(tls ? 443 : 80), target.url, target.timeoutSeconds);
        !reachable)
        return std::unexpected(reachable.error());
    ossl::BioPtr request(BIO_new_mem_buf(body.constData(), static_cast<int>(body.size())));
    ERR_clear_error();
    BIO* response = OSSL_HTTP_transfer(nullptr, host.constData(), port.constData(), path.constData(), tls ? 1 : 0,
                                       nullptr, nullptr, nullptr, nullptr, tls ? onConnection : nullptr, setup.get(), 0,
                                       nullptr, contentType.constData(), request.get(), nullptr, 0, 4 * 1024 * 1024,
                                       target.timeoutSeconds, 0);
    if (!response)
        return std::unexpected(failure(target.url, target.timeoutSeconds));
    QByteArray answer;
    char buffer[4096];
    int n = 0;
    while ((n = BIO_read(response, buffer, sizeof buffer)) > 0)
        answer.append(buffer, n);
    BIO_free_all(response);
    return answer;
}

} // namespace tamga::core::http
