// PINs come from a file (--pin-file) or from the terminal without echo; never from an argument's value.
#pragma once

#include "tamga/secret/SecretBuffer.h"

#include <optional>
#include <string>

namespace tamga::cli {

// Reads the whole file as the secret; one trailing newline (LF or CRLF) is dropped. Sets `error` (naming the
// file, never its content) and returns nullopt when the file cannot be read or is empty.
std::optional<SecretBuffer> readSecretFile(const std::string& path, std::string& error);

// Asks on the controlling terminal with echo off. Returns nullopt with `error` set when there is no terminal.
std::optional<SecretBuffer> promptSecret(const std::string& prompt, std::string& error);

// The secret from `--<option>` when given, else from the terminal.
std::optional<SecretBuffer> secretFromFileOrPrompt(const std::optional<std::string>& file, const std::string& prompt,
                                                   std::string& error);

} // namespace tamga::cli
