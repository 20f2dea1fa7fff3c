// A real issuing CA that speaks CMP over HTTP on 127.0.0.1, built on OpenSSL's own CMP server code
// (OSSL_CMP_SRV_CTX): it verifies PBM-protected requests, issues certificates for p10cr requests (subject, key
// and requested key usages taken from the PKCS#10, like a CA with copy_extensions), records revocations, and
// answers general messages. Tests start it; it is not part of Tamga.
//
//   tamga-test-cmp-server CA_CERT.pem CA_KEY.pem SECRET_FILE REVOCATIONS_LOG [TLS_CERT.pem TLS_KEY.pem]
// prints "listening on PORT" once it accepts connections, and serves until killed; with a TLS certificate and
// key it speaks HTTPS.
#include <openssl/cmp.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Ca {
    X509* certificate = nullptr;
    EVP_PKEY* key = nullptr;
    std::string revocationsLog;
};

OSSL_CMP_PKISI* accepted()
{
    return OSSL_CMP_STATUSINFO_new(OSSL_CMP_PKISTATUS_accepted, 0, nullptr);
}

X509* issue(const Ca& ca, const X509_REQ* request)
{
    EVP_PKEY* key = X509_REQ_get0_pubkey(const_cast<X509_REQ*>(request));
    if (!key || X509_REQ_verify(const_cast<X509_REQ*>(request), key) != 1)
        return nullptr;
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    unsigned char serial[12];
    RAND_bytes(serial, sizeof serial);
    serial[0] = (serial[0] & 0x7F) | 0x10;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(certificate));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600L * 24 * 365);
    X509_set_subject_name(certificate, X509_REQ_get_subject_name(request));
    X509_set_issuer_name(certificate, X509_get_subject_name(ca.certificate));
    X509_set_pubkey(certificate, key);
    STACK_OF(X509_EXTENSION)* requested = X509_REQ_get_extensions(const_cast<X509_REQ*>(request));
    for (int i = 0; i < sk_X509_EXTENSION_num(requested); ++i) {
        X509_EXTENSION* extension = sk_X509_EXTENSION_value(requested, i);
        const int nid = OBJ_obj2nid(X509_EXTENSION_get_object(extension));
        if (nid == NID_key_usage || nid == NID_ext_key_usage || nid == NID_subject_alt_name)
            X509_add_ext(certificate, extension, -1);
    }
    sk_X509_EXTENSION_pop_free(requested, X509_EXTENSION_free);
    X509V3_CTX context;
    X509V3_set_ctx(&context, ca.certificate, certificate, nullptr, nullptr, 0);
    if (X509_EXTENSION* aki = X509V3_EXT_conf_nid(nullptr, &context, NID_authority_key_identifier, "keyid:always")) {
        X509_add_ext(certificate, aki, -1);
        X509_EXTENSION_free(aki);
    }
    X509_sign(certificate, ca.key, EVP_sha256());
    return certificate;
}

OSSL_CMP_PKISI* onCertRequest(OSSL_CMP_SRV_CTX* server, const OSSL_CMP_MSG*, int, const OSSL_CRMF_MSG*,
                              const X509_REQ* p10cr, X509** certOut, STACK_OF(X509) * *chainOut,
                              STACK_OF(X509) * *caPubs)
{
    const Ca& ca = *static_cast<Ca*>(OSSL_CMP_SRV_CTX_get0_custom_ctx(server));
    *certOut = nullptr;
    *chainOut = nullptr;
    *caPubs = nullptr;
    if (!p10cr)
        return OSSL_CMP_STATUSINFO_new(OSSL_CMP_PKISTATUS_rejection, OSSL_CMP_PKIFAILUREINFO_badRequest,
                                       "this test CA only takes p10cr");
    *certOut = issue(ca, p10cr);
    if (!*certOut)
        return OSSL_CMP_STATUSINFO_new(OSSL_CMP_PKISTATUS_rejection, OSSL_CMP_PKIFAILUREINFO_badPOP,
                                       "the request's signature does not verify");
    *caPubs = sk_X509_new_null();
    sk_X509_push(*caPubs, X509_dup(ca.certificate));
    return accepted();
}

OSSL_CMP_PKISI* onRevocation(OSSL_CMP_SRV_CTX* server, const OSSL_CMP_MSG*, const X509_NAME*,
                             const ASN1_INTEGER* serial)
{
    const Ca& ca = *static_cast<Ca*>(OSSL_CMP_SRV_CTX_get0_custom_ctx(server));
    BIGNUM* bn = ASN1_INTEGER_to_BN(serial, nullptr);
    char* hex = BN_bn2hex(bn);
    std::ofstream(ca.revocationsLog, std::ios::app) << hex << '\n';
    OPENSSL_free(hex);
    BN_free(bn);
    return accepted();
}

int onGeneralMessage(OSSL_CMP_SRV_CTX*, const OSSL_CMP_MSG*, const STACK_OF(OSSL_CMP_ITAV) * in,
                     STACK_OF(OSSL_CMP_ITAV) * *out)
{
    *out = sk_OSSL_CMP_ITAV_deep_copy(in, OSSL_CMP_ITAV_dup, OSSL_CMP_ITAV_free);
    return *out != nullptr;
}

void onError(OSSL_CMP_SRV_CTX*, const OSSL_CMP_MSG*, const OSSL_CMP_PKISI*, const ASN1_INTEGER*,
             const OSSL_CMP_PKIFREETEXT*)
{
}

int onCertConfirm(OSSL_CMP_SRV_CTX*, const OSSL_CMP_MSG*, int, const ASN1_OCTET_STRING*, const OSSL_CMP_PKISI*)
{
    return 1;
}

int onPoll(OSSL_CMP_SRV_CTX*, const OSSL_CMP_MSG*, int, OSSL_CMP_MSG**, int64_t*)
{
    return 0;
}

// One HTTP/1.0 exchange: POST with a DER CMP message in, the DER answer out (through TLS when `ssl` is given).
void serveConnection(int client, SSL* ssl, OSSL_CMP_SRV_CTX* server)
{
    auto receive = [&](char* buffer, std::size_t size) -> ssize_t {
        return ssl ? SSL_read(ssl, buffer, static_cast<int>(size)) : ::recv(client, buffer, size, 0);
    };
    auto sendAll = [&](const std::string& data) {
        if (ssl)
            SSL_write(ssl, data.data(), static_cast<int>(data.size()));
        else
            ::send(client, data.data(), data.size(), MSG_NOSIGNAL);
    };
    std::string data;
    char buffer[8192];
    std::size_t headerEnd = std::string::npos;
    std::size_t contentLength = 0;
    while (true) {
        ssize_t n = receive(buffer, sizeof buffer);
        if (n <= 0)
            return;
        data.append(buffer, static_cast<std::size_t>(n));
        if (headerEnd == std::string::npos && (headerEnd = data.find("\r\n\r\n")) != std::string::npos) {
            std::istringstream headers(data.substr(0, headerEnd));
            std::string line;
            while (std::getline(headers, line)) {
                if (strncasecmp(line.c_str(), "Content-Length:", 15) == 0)
                    contentLength = std::strtoul(line.c_str() + 15, nullptr, 10);
            }
        }
        if (headerEnd != std::string::npos && data.size() >= headerEnd + 4 + contentLength)
            break;
    }
    const auto* body = reinterpret_cast<const unsigned char*>(data.data() + headerEnd + 4);
    OSSL_CMP_MSG* request = d2i_OSSL_CMP_MSG(nullptr, &body, static_cast<long>(contentLength));
    OSSL_CMP_MSG* response = request ? OSSL_CMP_SRV_process_request(server, request) : nullptr;
    unsigned char* der = nullptr;
    const int length = response ? i2d_OSSL_CMP_MSG(response, &der) : -1;
    std::string reply;
    if (length > 0) {
        reply = "HTTP/1.0 200 OK\r\nContent-Type: application/pkixcmp\r\nContent-Length: " + std::to_string(length) +
                "\r\nConnection: close\r\n\r\n";
        reply.append(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    } else {
        std::fprintf(stderr, "request of %zu bytes refused:\n", contentLength);
        ERR_print_errors_fp(stderr);
        reply = "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    }
    sendAll(reply);
    OPENSSL_free(der);
    OSSL_CMP_MSG_free(request);
    OSSL_CMP_MSG_free(response);
    ERR_clear_error();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5 && argc != 7) {
        std::fprintf(stderr, "usage: %s CA_CERT.pem CA_KEY.pem SECRET_FILE REVOCATIONS_LOG [TLS_CERT TLS_KEY]\n",
                     argv[0]);
        return 1;
    }
    SSL_CTX* tls = nullptr;
    if (argc == 7) {
        tls = SSL_CTX_new(TLS_server_method());
        if (!tls || SSL_CTX_use_certificate_chain_file(tls, argv[5]) != 1 ||
            SSL_CTX_use_PrivateKey_file(tls, argv[6], SSL_FILETYPE_PEM) != 1) {
            ERR_print_errors_fp(stderr);
            return 1;
        }
    }
    Ca ca;
    ca.revocationsLog = argv[4];
    FILE* file = std::fopen(argv[1], "r");
    ca.certificate = file ? PEM_read_X509(file, nullptr, nullptr, nullptr) : nullptr;
    if (file)
        std::fclose(file);
    file = std::fopen(argv[2], "r");
    ca.key = file ? PEM_read_PrivateKey(file, nullptr, nullptr, nullptr) : nullptr;
    if (file)
        std::fclose(file);
    std::ifstream secretFile(argv[3]);
    std::string secret;
    std::getline(secretFile, secret);
    if (!ca.certificate || !ca.key || secret.empty()) {
        std::fprintf(stderr, "cannot read the CA certificate, key or secret\n");
        return 1;
    }

    OSSL_CMP_SRV_CTX* server = OSSL_CMP_SRV_CTX_new(nullptr, nullptr);
    OSSL_CMP_SRV_CTX_init(server, &ca, onCertRequest, onRevocation, onGeneralMessage, onError, onCertConfirm, onPoll);
    OSSL_CMP_SRV_CTX_set_accept_unprotected(server, 0);
    OSSL_CMP_SRV_CTX_set_grant_implicit_confirm(server, 1);
    OSSL_CMP_CTX* context = OSSL_CMP_SRV_CTX_get0_cmp_ctx(server);
    OSSL_CMP_CTX_set1_secretValue(context, reinterpret_cast<const unsigned char*>(secret.data()),
                                  static_cast<int>(secret.size()));
    // With PBM the server names itself by a reference (the sender KID of its answers).
    static const unsigned char reference[] = "tamga-test-cmp-ca";
    OSSL_CMP_CTX_set1_referenceValue(context, reference, sizeof reference - 1);

    int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener, 16) != 0) {
        std::perror("bind");
        return 1;
    }
    socklen_t length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    std::printf("listening on %d\n", ntohs(address.sin_port));
    std::fflush(stdout);
    for (;;) {
        int client = ::accept(listener, nullptr, nullptr);
        if (client < 0)
            continue;
        SSL* ssl = nullptr;
        if (tls) {
            ssl = SSL_new(tls);
            SSL_set_fd(ssl, client);
            if (SSL_accept(ssl) != 1) {
                ERR_print_errors_fp(stderr);
                SSL_free(ssl);
                ::close(client);
                continue;
            }
        }
        serveConnection(client, ssl, server);
        if (ssl) {
            SSL_shutdown(ssl);
            SSL_free(ssl);
        }
        ::close(client);
    }
}
