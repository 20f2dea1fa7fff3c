#include "tamga/secret/SecretBuffer.h"

#include <openssl/crypto.h>

#include <utility>

namespace tamga {

SecretBuffer::SecretBuffer(std::string_view bytes)
{
    reserveWiping(bytes.size() + 1);
    m_bytes.assign(bytes.begin(), bytes.end());
    m_bytes.push_back('\0');
}

SecretBuffer::~SecretBuffer()
{
    clear();
}

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

void SecretBuffer::reserveWiping(std::size_t capacity)
{
    if (capacity <= m_bytes.capacity())
        return;
    std::vector<char> bigger;
    bigger.reserve(capacity < 64 ? 64 : capacity * 2);
    bigger.assign(m_bytes.begin(), m_bytes.end());
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    m_bytes.swap(bigger);
}

void SecretBuffer::append(char c)
{
    reserveWiping(m_bytes.size() + 2);
    if (m_bytes.empty())
        m_bytes.push_back('\0');
    m_bytes.back() = c;
    m_bytes.push_back('\0');
}

void SecretBuffer::chompLineEnd()
{
    auto dropLast = [this] {
        m_bytes[m_bytes.size() - 2] = '\0';
        m_bytes.pop_back();
    };
    if (size() >= 1 && m_bytes[size() - 1] == '\n') {
        dropLast();
        if (size() >= 1 && m_bytes[size() - 1] == '\r')
            dropLast();
    }
}

void SecretBuffer::clear()
{
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
}

} // namespace tamga
