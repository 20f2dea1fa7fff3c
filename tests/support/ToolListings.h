// What the independent tools see on a token: OpenSC's pkcs11-tool and GnuTLS's p11tool, run as child processes
// and their listings parsed into plain records.
#pragma once

#include <string>
#include <vector>

namespace tamga::test {

struct ListedObject {
    std::string kind; // "private", "public", "cert" (p11tool) / "Private Key", "Public Key", "Certificate"
    std::string id;   // lower-case hex without separators
    std::string label;
    std::string access; // p11tool's "Flags:" line, or pkcs11-tool's "Access:" line
};

// p11tool --login --list-all on the token with this serial, and this label when given (a module may give all its
// tokens one serial: tpm2-pkcs11). The PIN goes through GNUTLS_PIN, not argv.
std::vector<ListedObject> p11toolObjects(const std::string& module, const std::string& serial, const std::string& pin,
                                         const std::string& tokenLabel = {});
// p11tool --list-tokens: the labels of every token the module shows, exactly as p11tool prints them.
std::vector<std::string> p11toolTokenLabels(const std::string& module);

// pkcs11-tool --login --list-objects on the token with this label (pkcs11-tool cannot select by serial).
std::vector<ListedObject> pkcs11toolObjects(const std::string& module, const std::string& tokenLabel,
                                            const std::string& pin);
// pkcs11-tool --read-object: the DER of the certificate with this ID.
std::string pkcs11toolReadCertificate(const std::string& module, const std::string& tokenLabel,
                                      const std::string& idHex, const std::string& outputPath);

// The key of this ID signs `dataPath` through pkcs11-tool (ECDSA over SHA-256), and OpenSSL verifies the
// signature with the public key of `certificatePem`: true only when both happened. The key is there and usable.
bool signsWithPkcs11Tool(const std::string& module, const std::string& tokenLabel, const std::string& pin,
                         const std::string& idHex, const std::string& certificatePem, const std::string& folder);

} // namespace tamga::test
