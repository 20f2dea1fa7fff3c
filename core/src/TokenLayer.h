// The core's edge with the token layer: its types converted to the core's vocabulary (tamga/core/Tokens.h) and
// back. Only core/src includes tamga/pkcs11 headers; everything above the core sees the core's types.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Tokens.h"
#include "tamga/pkcs11/Error.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Types.h"

#include <memory>
#include <vector>

namespace tamga::core {

struct TokenModules::Loaded {
    std::vector<std::shared_ptr<pkcs11::Module>> modules;
};

inline const std::vector<std::shared_ptr<pkcs11::Module>>& modulesOf(const TokenModules& modules)
{
    return modules.loaded().modules;
}
TokenModules tokenModulesOf(std::vector<std::shared_ptr<pkcs11::Module>> modules);

pkcs11::KeyType toTokenLayer(KeyType type);
KeyType fromTokenLayer(pkcs11::KeyType type);
TokenErrorKind fromTokenLayer(pkcs11::ErrorKind kind);
TokenSnapshot snapshotOf(const pkcs11::TokenInfo& info);
TokenObject objectOf(const pkcs11::ObjectInfo& info);
GeneratedKey generatedKeyOf(const pkcs11::KeyPairInfo& info);

// A token layer error as a core error that keeps its kind (for the clerk's headline) and its CK_RV (in the text).
CoreError fromTokenError(const pkcs11::TokenError& error);

} // namespace tamga::core
