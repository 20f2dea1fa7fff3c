#include "tamga/pkcs11/Types.h"

#include <array>
#include <utility>

namespace tamga::pkcs11 {

namespace {
constexpr std::array<std::pair<KeyType, const char*>, 5> kKeyTypeNames{{
    {KeyType::Rsa2048, "rsa2048"},
    {KeyType::Rsa3072, "rsa3072"},
    {KeyType::Rsa4096, "rsa4096"},
    {KeyType::EcP256, "ec-p256"},
    {KeyType::EcP384, "ec-p384"},
}};
} // namespace

std::string keyTypeName(KeyType type)
{
    for (const auto& [known, name] : kKeyTypeNames) {
        if (known == type)
            return name;
    }
    return "unknown";
}

std::optional<KeyType> parseKeyType(const std::string& name)
{
    for (const auto& [type, known] : kKeyTypeNames) {
        if (name == known)
            return type;
    }
    return std::nullopt;
}

std::string objectClassName(ObjectClass objectClass)
{
    switch (objectClass) {
    case ObjectClass::PrivateKey:
        return "private-key";
    case ObjectClass::PublicKey:
        return "public-key";
    case ObjectClass::Certificate:
        return "certificate";
    case ObjectClass::Data:
        return "data";
    case ObjectClass::SecretKey:
        return "secret-key";
    case ObjectClass::Other:
        break;
    }
    return "other";
}

std::string toHex(const std::vector<std::uint8_t>& bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        hex.push_back(kDigits[b >> 4]);
        hex.push_back(kDigits[b & 0x0F]);
    }
    return hex;
}

std::optional<std::vector<std::uint8_t>> fromHex(const std::string& hex)
{
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    std::string digits;
    for (char c : hex) {
        if (c != ':' && c != ' ')
            digits.push_back(c);
    }
    if (digits.empty() || digits.size() % 2 != 0)
        return std::nullopt;
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i < digits.size(); i += 2) {
        int high = nibble(digits[i]);
        int low = nibble(digits[i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes.push_back(static_cast<std::uint8_t>(high << 4 | low));
    }
    return bytes;
}

} // namespace tamga::pkcs11
