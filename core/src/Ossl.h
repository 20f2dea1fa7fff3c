// Private to the core: RAII for OpenSSL objects, and the few conversions every PKI file needs.
#pragma once

#include <QByteArray>
#include <QString>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <vector>

namespace tamga::core::ossl {

template <auto Free> struct Deleter {
    template <typename T> void operator()(T* p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using ExtensionsPtr =
    std::unique_ptr<STACK_OF(X509_EXTENSION),
                    Deleter<[](STACK_OF(X509_EXTENSION) * s) { sk_X509_EXTENSION_pop_free(s, X509_EXTENSION_free); }>>;
using X509StackPtr =
    std::unique_ptr<STACK_OF(X509), Deleter<[](STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); }>>;

// The OpenSSL error queue of this thread as one line (and cleared).
QString lastError();

QByteArray derOf(const X509* certificate);
QByteArray derOf(const X509_REQ* request);
QByteArray pemOf(const X509* certificate);
QByteArray pemOf(const X509_REQ* request);
X509Ptr certificateFromDer(const QByteArray& der);
X509Ptr certificateFromPem(const QByteArray& pem);
// Every certificate in a PEM bundle, a DER certificate, or a PKCS#7 (DER or PEM) bag.
std::vector<X509Ptr> certificatesFrom(const QByteArray& data);
ReqPtr requestFromPem(const QByteArray& pem);
ReqPtr requestFromDer(const QByteArray& der);
PkeyPtr publicKeyFromDer(const QByteArray& spki);
QByteArray publicKeyDer(const EVP_PKEY* key);

// "CN=..., O=..." in RFC 2253 order, UTF-8.
QString nameText(const X509_NAME* name);
QString serialHex(const X509* certificate);
QString fingerprintSha256(const X509* certificate); // lower-case hex
QString timeText(const ASN1_TIME* time);            // ISO 8601 UTC

} // namespace tamga::core::ossl
