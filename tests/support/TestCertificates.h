// Certificates for tests, made with OpenSSL in memory: a throwaway CA and certificates it issues for a given
// public key (for example one generated on a token).
#pragma once

#include <openssl/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tamga::test {

using Bytes = std::vector<std::uint8_t>;

struct TestCa {
    Bytes certificateDer;
    std::string keyPem; // the CA's private key, software only
};

TestCa makeTestCa(const std::string& commonName);
// A certificate for `subjectPublicKeyDer` (SubjectPublicKeyInfo) with subject CN=commonName, issued by `ca`.
Bytes issueCertificate(const TestCa& ca, const Bytes& subjectPublicKeyDer, const std::string& commonName);

std::string toPem(const Bytes& certificateDer);

// Signs a fixed text with `key` (an on-token key through libp11) and verifies the signature in software with the
// public key `spki` (SubjectPublicKeyInfo DER): the key really signs, and it is the key the token says it is.
bool signatureVerifies(EVP_PKEY* key, const Bytes& spki);

} // namespace tamga::test
