// A PIN or other secret. It cannot be copied, only moved, and its bytes are wiped (OPENSSL_cleanse, which the
// compiler may not optimise away) when it is destroyed or cleared. It never prints itself.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tamga {

class SecretBuffer {
public:
    SecretBuffer() = default;
    explicit SecretBuffer(std::string_view bytes);
    ~SecretBuffer();

    SecretBuffer(const SecretBuffer&) = delete;
    SecretBuffer& operator=(const SecretBuffer&) = delete;
    SecretBuffer(SecretBuffer&& other) noexcept;
    SecretBuffer& operator=(SecretBuffer&& other) noexcept;

    void append(char c);
    void clear(); // wipes

    // Drops trailing '\n' and "\r\n": PIN files usually end with one.
    void chompLineEnd();

    bool empty() const { return size() == 0; }
    std::size_t size() const { return m_bytes.empty() ? 0 : m_bytes.size() - 1; }
    // NUL-terminated, for APIs that take a C string (libp11's login).
    const char* c_str() const { return m_bytes.empty() ? "" : m_bytes.data(); }
    const unsigned char* bytes() const { return reinterpret_cast<const unsigned char*>(c_str()); }
    std::string_view view() const { return {c_str(), size()}; }

private:
    void reserveWiping(std::size_t capacity);
    // Always NUL-terminated when not empty. Growth goes through reserveWiping so no unwiped copy is left behind.
    std::vector<char> m_bytes;
};

using Pin = SecretBuffer;

} // namespace tamga
