// SPDX-License-Identifier: MIT
#pragma once
// Secrets (private keys, seeds, passwords, derived keys) live in SecureBytes, which wipes its
// memory with OPENSSL_cleanse when it goes away, so that no copy outlives its use. Its pages of
// their own are locked in RAM (never swapped to disk) and left out of core dumps. Never log one.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"

namespace sluice {

void secure_wipe(void* data, std::size_t size);

// The process side of keeping secrets off disk: no core dumps (RLIMIT_CORE 0) and not dumpable
// (no core file, no ptrace attach by other processes of the user). Called first thing by the app,
// the CLI and the node. Under AddressSanitizer the process stays dumpable: LeakSanitizer attaches
// to its own threads with ptrace.
void harden_process();

// Whole anonymous pages for secrets: mlock'ed and MADV_DONTDUMP; wiped and unmapped on release.
void* allocate_secret_pages(std::size_t bytes);
void free_secret_pages(void* pages, std::size_t bytes);

template <typename T>
struct SecretAllocator {
    using value_type = T;
    SecretAllocator() = default;
    template <typename U>
    SecretAllocator(const SecretAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(allocate_secret_pages(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { free_secret_pages(p, n * sizeof(T)); }
    template <typename U>
    bool operator==(const SecretAllocator<U>&) const noexcept {
        return true;
    }
};

class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size) : m_bytes(size, 0) {}
    explicit SecureBytes(ByteView view) : m_bytes(view.begin(), view.end()) {}
    explicit SecureBytes(std::string_view text) : SecureBytes(as_bytes(text)) {}
    SecureBytes(const SecureBytes& other) : m_bytes(other.m_bytes) {}
    SecureBytes(SecureBytes&& other) noexcept : m_bytes(std::move(other.m_bytes)) { other.m_bytes.clear(); }
    SecureBytes& operator=(SecureBytes other) noexcept {
        wipe();
        m_bytes.swap(other.m_bytes);
        return *this;
    }
    ~SecureBytes() { wipe(); }

    std::uint8_t* data() { return m_bytes.data(); }
    const std::uint8_t* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool empty() const { return m_bytes.empty(); }
    std::uint8_t& operator[](std::size_t i) { return m_bytes[i]; }
    std::uint8_t operator[](std::size_t i) const { return m_bytes[i]; }
    ByteView view() const { return {m_bytes.data(), m_bytes.size()}; }
    std::string_view as_string() const { return {reinterpret_cast<const char*>(m_bytes.data()), m_bytes.size()}; }
    // Grows within the existing capacity only when reserved first; callers reserve to avoid
    // reallocation leaving unwiped copies behind.
    void reserve(std::size_t n) { m_bytes.reserve(n); }
    void append(ByteView more) {
        if (m_bytes.size() + more.size() > m_bytes.capacity()) {
            SecureBytes bigger;
            bigger.m_bytes.reserve(2 * (m_bytes.size() + more.size()));
            bigger.m_bytes.assign(m_bytes.begin(), m_bytes.end());
            *this = std::move(bigger);
        }
        m_bytes.insert(m_bytes.end(), more.begin(), more.end());
    }

    void wipe() {
        if (!m_bytes.empty()) secure_wipe(m_bytes.data(), m_bytes.size());
        m_bytes.clear();
    }

private:
    std::vector<std::uint8_t, SecretAllocator<std::uint8_t>> m_bytes;
};

// Fills the buffer from the operating system's CSPRNG (OpenSSL RAND_bytes).
Status random_bytes(std::uint8_t* out, std::size_t size);

}  // namespace sluice
