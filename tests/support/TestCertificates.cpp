#include "TestCertificates.h"

#include <catch2/catch.hpp>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace tamga::test {

namespace {

struct Free {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
};

Bytes derOf(X509* certificate)
{
    int length = i2d_X509(certificate, nullptr);
    REQUIRE(length > 0);
    Bytes der(static_cast<std::size_t>(length));
    unsigned char* out = der.data();
    i2d_X509(certificate, &out);
    return der;
}

std::unique_ptr<X509, Free> newCertificate(EVP_PKEY* subjectKey, const std::string& commonName, long serial)
{
    std::unique_ptr<X509, Free> certificate(X509_new());
    X509_set_version(certificate.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 3600L * 24 * 365);
    X509_set_pubkey(certificate.get(), subjectKey);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(commonName.c_str()),
                               -1, -1, 0);
    return certificate;
}

} // namespace

TestCa makeTestCa(const std::string& commonName)
{
    std::unique_ptr<EVP_PKEY, Free> key(EVP_EC_gen("P-256"));
    REQUIRE(key);
    auto certificate = newCertificate(key.get(), commonName, 1);
    X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate.get()));
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
    X509_EXTENSION* constraints = X509V3_EXT_conf_nid(nullptr, &context, NID_basic_constraints, "critical,CA:TRUE");
    X509_add_ext(certificate.get(), constraints, -1);
    X509_EXTENSION_free(constraints);
    REQUIRE(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0);

    std::unique_ptr<BIO, Free> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    return {derOf(certificate.get()), std::string(data, static_cast<std::size_t>(length))};
}

Bytes issueCertificate(const TestCa& ca, const Bytes& subjectPublicKeyDer, const std::string& commonName)
{
    const unsigned char* in = subjectPublicKeyDer.data();
    std::unique_ptr<EVP_PKEY, Free> subjectKey(d2i_PUBKEY(nullptr, &in, static_cast<long>(subjectPublicKeyDer.size())));
    REQUIRE(subjectKey);
    std::unique_ptr<BIO, Free> keyBio(BIO_new_mem_buf(ca.keyPem.data(), static_cast<int>(ca.keyPem.size())));
    std::unique_ptr<EVP_PKEY, Free> caKey(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    REQUIRE(caKey);
    const unsigned char* caIn = ca.certificateDer.data();
    std::unique_ptr<X509, Free> caCertificate(d2i_X509(nullptr, &caIn, static_cast<long>(ca.certificateDer.size())));
    REQUIRE(caCertificate);

    auto certificate = newCertificate(subjectKey.get(), commonName, 2);
    X509_set_issuer_name(certificate.get(), X509_get_subject_name(caCertificate.get()));
    REQUIRE(X509_sign(certificate.get(), caKey.get(), EVP_sha256()) > 0);
    return derOf(certificate.get());
}

std::string toPem(const Bytes& certificateDer)
{
    const unsigned char* in = certificateDer.data();
    std::unique_ptr<X509, Free> certificate(d2i_X509(nullptr, &in, static_cast<long>(certificateDer.size())));
    REQUIRE(certificate);
    std::unique_ptr<BIO, Free> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), certificate.get());
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

bool signatureVerifies(EVP_PKEY* tokenKey, const Bytes& spki)
{
    const std::string data = "Тамга: the officer's first signature";
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> signContext(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    if (EVP_DigestSignInit(signContext.get(), nullptr, EVP_sha256(), nullptr, tokenKey) != 1 ||
        EVP_DigestSign(signContext.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(data.data()),
                       data.size()) != 1)
        return false;
    std::vector<unsigned char> signature(length);
    if (EVP_DigestSign(signContext.get(), signature.data(), &length,
                       reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
        ERR_print_errors_fp(stderr); // what libp11 and the token said, in the test's output
        return false;
    }
    signature.resize(length);

    const unsigned char* in = spki.data();
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> publicKey(
        d2i_PUBKEY(nullptr, &in, static_cast<long>(spki.size())), EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> verifyContext(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return publicKey &&
           EVP_DigestVerifyInit(verifyContext.get(), nullptr, EVP_sha256(), nullptr, publicKey.get()) == 1 &&
           EVP_DigestVerify(verifyContext.get(), signature.data(), signature.size(),
                            reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

} // namespace tamga::test
