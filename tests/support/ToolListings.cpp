#include "ToolListings.h"

#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <sstream>

namespace tamga::test {

namespace {

std::string afterColon(const std::string& line)
{
    std::string value = line.substr(line.find(':') + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r") + 1);
    return value;
}

std::string hexWithoutColons(const std::string& text)
{
    std::string hex;
    for (char c : text) {
        if (c != ':')
            hex.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return hex;
}

bool startsWith(const std::string& line, const std::string& prefix)
{
    std::size_t start = line.find_first_not_of(" \t");
    return start != std::string::npos && line.compare(start, prefix.size(), prefix) == 0;
}

} // namespace

std::vector<ListedObject> p11toolObjects(const std::string& module, const std::string& serial, const std::string& pin,
                                         const std::string& tokenLabel)
{
    std::string url = "pkcs11:serial=" + serial;
    if (!tokenLabel.empty()) {
        url += ";token=";
        for (unsigned char c : tokenLabel) { // RFC 7512 percent-encoding of everything but unreserved letters
            if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                url += static_cast<char>(c);
            } else {
                static const char* hex = "0123456789ABCDEF";
                url += '%';
                url += hex[c >> 4];
                url += hex[c & 15];
            }
        }
    }
    auto result =
        run({requireTool("p11tool"), "--provider", module, "--login", "--list-all", url}, {{"GNUTLS_PIN", pin}});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    std::vector<ListedObject> objects;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (startsWith(line, "Object ")) {
            objects.emplace_back();
        } else if (!objects.empty() && startsWith(line, "URL:")) {
            auto type = line.find(";type=");
            if (type != std::string::npos)
                objects.back().kind = line.substr(type + 6);
        } else if (!objects.empty() && startsWith(line, "Label:")) {
            objects.back().label = afterColon(line);
        } else if (!objects.empty() && startsWith(line, "Flags:")) {
            objects.back().access = afterColon(line);
        } else if (!objects.empty() && startsWith(line, "ID:")) {
            objects.back().id = hexWithoutColons(afterColon(line));
        }
    }
    return objects;
}

std::vector<std::string> p11toolTokenLabels(const std::string& module)
{
    auto result = run({requireTool("p11tool"), "--provider", module, "--list-tokens"});
    REQUIRE(result.exitCode == 0);
    std::vector<std::string> labels;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (startsWith(line, "Label:")) {
            // Keep the label exactly as printed after "Label: " (no trimming of the value itself).
            labels.push_back(line.substr(line.find(':') + 2));
        }
    }
    return labels;
}

std::vector<ListedObject> pkcs11toolObjects(const std::string& module, const std::string& tokenLabel,
                                            const std::string& pin)
{
    // pkcs11-tool only takes the PIN as an argument; this is a throwaway test PIN on a throwaway token.
    auto result = run({requireTool("pkcs11-tool"), "--module", module, "--token-label", tokenLabel, "--login", "--pin",
                       pin, "--list-objects"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    std::vector<ListedObject> objects;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("Private Key Object", 0) == 0)
            objects.push_back({"Private Key", "", "", ""});
        else if (line.rfind("Public Key Object", 0) == 0)
            objects.push_back({"Public Key", "", "", ""});
        else if (line.rfind("Certificate Object", 0) == 0)
            objects.push_back({"Certificate", "", "", ""});
        else if (line.rfind("Data object", 0) == 0)
            objects.push_back({"Data", "", "", ""});
        else if (!objects.empty() && startsWith(line, "label:"))
            objects.back().label = afterColon(line);
        else if (!objects.empty() && startsWith(line, "ID:"))
            objects.back().id = hexWithoutColons(afterColon(line));
        else if (!objects.empty() && startsWith(line, "Access:"))
            objects.back().access = afterColon(line);
    }
    return objects;
}

std::string pkcs11toolReadCertificate(const std::string& module, const std::string& tokenLabel,
                                      const std::string& idHex, const std::string& outputPath)
{
    auto result = run({requireTool("pkcs11-tool"), "--module", module, "--token-label", tokenLabel, "--read-object",
                       "--type", "cert", "--id", idHex, "--output-file", outputPath});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    return readFile(outputPath);
}

bool signsWithPkcs11Tool(const std::string& module, const std::string& tokenLabel, const std::string& pin,
                         const std::string& idHex, const std::string& certificatePem, const std::string& folder)
{
    const std::string data = folder + "/to-sign.txt";
    const std::string signature = folder + "/signature.der";
    const std::string certificate = folder + "/signer.pem";
    const std::string publicKey = folder + "/signer-public.pem";
    writeFile(data, "A document the officer signs.\n");
    writeFile(certificate, certificatePem);
    std::filesystem::remove(signature);
    if (run({requireTool("openssl"), "x509", "-in", certificate, "-pubkey", "-noout", "-out", publicKey}).exitCode != 0)
        return false;
    // RSA PKCS #1 v1.5 over SHA-256; for EC keys SoftHSM offers plain ECDSA only: the SHA-256 of the data is signed
    // (the signature as DER, as OpenSSL reads it) and checked as such.
    const bool rsa =
        run({requireTool("openssl"), "x509", "-in", certificate, "-noout", "-text"}).out.find("rsaEncryption") !=
        std::string::npos;
    const std::string digest = folder + "/to-sign.sha256";
    if (!rsa && run({requireTool("openssl"), "dgst", "-sha256", "-binary", "-out", digest, data}).exitCode != 0)
        return false;
    std::vector<std::string> command{requireTool("pkcs11-tool"),
                                     "--module",
                                     module,
                                     "--token-label",
                                     tokenLabel,
                                     "--login",
                                     "--pin",
                                     pin,
                                     "--sign",
                                     "--id",
                                     idHex,
                                     "--output-file",
                                     signature};
    if (rsa)
        command.insert(command.end(), {"--mechanism", "SHA256-RSA-PKCS", "--input-file", data});
    else
        command.insert(command.end(),
                       {"--mechanism", "ECDSA", "--signature-format", "openssl", "--input-file", digest});
    auto signedIt = run(command);
    UNSCOPED_INFO("pkcs11-tool --sign: " << signedIt.err);
    if (signedIt.exitCode != 0)
        return false;
    auto verified =
        rsa ? run({requireTool("openssl"), "dgst", "-sha256", "-verify", publicKey, "-signature", signature, data})
            : run({requireTool("openssl"), "pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-in", digest,
                   "-sigfile", signature});
    UNSCOPED_INFO("openssl verify: " << verified.out << verified.err);
    return verified.exitCode == 0;
}

} // namespace tamga::test
