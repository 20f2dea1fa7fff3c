// Private to the core: RAII for OpenSSL objects, and the few conversions every PKI file needs.
#pragma once

#include <QByteArray>
#include <QString>

#include "tamga/ossl/Handles.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <vector>

namespace tamga::core::ossl {

// The RAII types are the ones the token layer uses too (pkcs11/ossl).
using tamga::ossl::AsnEnumeratedPtr;
using tamga::ossl::AsnIntegerPtr;
using tamga::ossl::AsnTimePtr;
using tamga::ossl::BioPtr;
using tamga::ossl::CrlPtr;
using tamga::ossl::Deleter;
using tamga::ossl::ExtensionsPtr;
using tamga::ossl::NamePtr;
using tamga::ossl::PkeyPtr;
using tamga::ossl::ReqPtr;
using tamga::ossl::RevokedPtr;
using tamga::ossl::StoreCtxPtr;
using tamga::ossl::StorePtr;
using tamga::ossl::X509Ptr;
using tamga::ossl::X509StackPtr;

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
