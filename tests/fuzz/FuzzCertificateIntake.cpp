// What a CA (or anyone who can write into the exchange folder) hands back: PEM, DER or PKCS#7 bytes, any of
// them. Every certificate found is summarized and then put through the acceptance checks against an anchor the
// input cannot have been signed by, expecting the certificate's own public key so the checks go past the key
// comparison. Invariant: such a certificate is never accepted, and every refusal says why.
#include "FuzzSupport.h"

#include "Connectors.h"
#include "Ossl.h"
#include "tamga/core/CertificateChecks.h"

#include <QTemporaryDir>

using namespace tamga;

namespace {

QList<QByteArray>& anchors()
{
    static QList<QByteArray> der;
    return der;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::ensureApplication();
    // The practice CA made for this run: a real anchor whose key no input knows.
    static QTemporaryDir folder;
    auto root = core::practiceCaRoot(folder.path());
    fuzz::require(root.has_value(), "the practice CA's root", root ? QString() : root.error().message);
    for (const auto& certificate : core::ossl::certificatesFrom(*root))
        anchors() << core::ossl::derOf(certificate.get());
    fuzz::require(!anchors().isEmpty(), "the practice CA's root parses");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto certificates = core::ossl::certificatesFrom(bytes);

    QList<QByteArray> candidates;
    for (const auto& certificate : certificates)
        candidates << core::ossl::derOf(certificate.get());

    static const core::CertificateProfile profile = core::builtinProfiles().front();
    for (const auto& certificate : certificates) {
        const QByteArray der = core::ossl::derOf(certificate.get());
        auto summary = core::summarizeCertificate(der);
        fuzz::require(summary.has_value() || !summary.error().message.isEmpty(), "a refused summary says why");

        core::ExpectedCertificate expected;
        if (const EVP_PKEY* key = X509_get0_pubkey(certificate.get()))
            expected.publicKeyDer = core::ossl::publicKeyDer(key);
        expected.profile = profile;
        auto accepted = core::checkIssuedCertificate(der, candidates, anchors(), expected);
        fuzz::require(!accepted.has_value(), "a certificate not issued under the anchor is accepted",
                      accepted ? accepted->subject : QString());
        fuzz::require(!accepted.error().message.isEmpty(), "a refused certificate is refused with a reason");
    }
    ERR_clear_error();
    return 0;
}
