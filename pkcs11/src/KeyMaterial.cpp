#include "KeyMaterial.h"

#include "tamga/ossl/Handles.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <memory>

namespace tamga::pkcs11 {

namespace {

using ossl::BignumPtr;
using ossl::BioPtr;
using ossl::NamePtr;
using ossl::ParamBuildPtr;
using ossl::ParamsPtr;
using ossl::PkeyCtxPtr;
using ossl::PkeyPtr;
using ossl::PubkeyPtr;
using ossl::X509Ptr;

std::optional<Bytes> spkiFromParams(const char* algorithm, OSSL_PARAM_BLD* build)
{
    ParamsPtr params(OSSL_PARAM_BLD_to_param(build));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, algorithm, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return std::nullopt;
    PkeyPtr key(raw);
    int length = i2d_PUBKEY(key.get(), nullptr);
    if (length <= 0)
        return std::nullopt;
    Bytes der(static_cast<std::size_t>(length));
    unsigned char* out = der.data();
    i2d_PUBKEY(key.get(), &out);
    return der;
}

// Field size in bytes of the curves Tamga generates.
std::size_t fieldBytes(const char* curveName)
{
    return std::string_view(curveName) == "P-384" ? 48 : 32;
}

} // namespace

std::optional<Bytes> rsaSpki(std::span<const std::uint8_t> modulus, std::span<const std::uint8_t> exponent)
{
    BignumPtr n(BN_bin2bn(modulus.data(), static_cast<int>(modulus.size()), nullptr));
    BignumPtr e(BN_bin2bn(exponent.data(), static_cast<int>(exponent.size()), nullptr));
    ParamBuildPtr build(OSSL_PARAM_BLD_new());
    if (!n || !e || !build || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) ||
        !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get()))
        return std::nullopt;
    return spkiFromParams("RSA", build.get());
}

std::optional<Bytes> ecSpki(const char* curveName, std::span<const std::uint8_t> ecPoint)
{
    // An uncompressed point is 0x04 || X || Y. Anything else should be the DER OCTET STRING around it.
    const std::size_t rawSize = 2 * fieldBytes(curveName) + 1;
    std::span<const std::uint8_t> point = ecPoint;
    if (!(point.size() == rawSize && point[0] == 0x04)) {
        const unsigned char* in = ecPoint.data();
        ASN1_OCTET_STRING* wrapped = d2i_ASN1_OCTET_STRING(nullptr, &in, static_cast<long>(ecPoint.size()));
        if (!wrapped)
            return std::nullopt;
        Bytes inner(ASN1_STRING_get0_data(wrapped), ASN1_STRING_get0_data(wrapped) + ASN1_STRING_length(wrapped));
        ASN1_OCTET_STRING_free(wrapped);
        return ecSpki(curveName, inner);
    }
    ParamBuildPtr build(OSSL_PARAM_BLD_new());
    if (!build || !OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, curveName, 0) ||
        !OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()))
        return std::nullopt;
    return spkiFromParams("EC", build.get());
}

std::optional<Bytes> keyIdOfSpki(std::span<const std::uint8_t> spki)
{
    const unsigned char* in = spki.data();
    PubkeyPtr pubkey(d2i_X509_PUBKEY(nullptr, &in, static_cast<long>(spki.size())));
    const unsigned char* bits = nullptr;
    int bitsLength = 0;
    if (!pubkey || X509_PUBKEY_get0_param(nullptr, &bits, &bitsLength, nullptr, pubkey.get()) != 1)
        return std::nullopt;
    Bytes id(SHA_DIGEST_LENGTH);
    SHA1(bits, static_cast<std::size_t>(bitsLength), id.data());
    return id;
}

std::optional<CertificateFields> parseCertificate(std::span<const std::uint8_t> der)
{
    const unsigned char* in = der.data();
    X509Ptr cert(d2i_X509(nullptr, &in, static_cast<long>(der.size())));
    if (!cert || in != der.data() + der.size())
        return std::nullopt;
    auto encode = [](auto* object, auto encoder) -> Bytes {
        int length = encoder(object, nullptr);
        if (length <= 0)
            return {};
        Bytes out(static_cast<std::size_t>(length));
        unsigned char* p = out.data();
        encoder(object, &p);
        return out;
    };
    CertificateFields fields;
    fields.subject = encode(X509_get_subject_name(cert.get()), i2d_X509_NAME);
    fields.issuer = encode(X509_get_issuer_name(cert.get()), i2d_X509_NAME);
    fields.serial = encode(X509_get0_serialNumber(cert.get()), i2d_ASN1_INTEGER);
    fields.spki = encode(X509_get_X509_PUBKEY(cert.get()), i2d_X509_PUBKEY);
    if (fields.subject.empty() || fields.issuer.empty() || fields.serial.empty() || fields.spki.empty())
        return std::nullopt;
    return fields;
}

std::string nameToText(std::span<const std::uint8_t> derName)
{
    const unsigned char* in = derName.data();
    NamePtr name(d2i_X509_NAME(nullptr, &in, static_cast<long>(derName.size())));
    return ossl::nameText(name.get());
}

} // namespace tamga::pkcs11
