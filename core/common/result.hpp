// SPDX-License-Identifier: MIT
#pragma once
// Errors cross core/'s API as values, never as exceptions: every fallible function returns
// Result<T> (or Status for Result<void>), whose error is a message meant for a person (logs, the
// CLI) and, where a caller reacts to the kind of failure, a code: the app turns codes into
// translated text instead of matching words in the English message.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace sluice {

enum class ErrorCode {
    Unspecified,       // nobody reacts to this kind: the message says it all
    WrongPassword,     // a keystore's MAC does not match the password
    AddressChecksum,   // mixed-case hex address whose EIP-55 checksum does not match
    MnemonicChecksum,  // BIP-39 words from the list whose checksum bits do not match
};

struct Error {
    std::string message;
    ErrorCode code = ErrorCode::Unspecified;
};

inline Error make_error(std::string message, ErrorCode code = ErrorCode::Unspecified) {
    return Error{std::move(message), code};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}      // NOLINT(implicit)
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}  // NOLINT(implicit)

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(m_state);
    }
    const std::string& message() const { return error().message; }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(implicit)

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        assert(m_failed);
        return m_error;
    }
    const std::string& message() const { return error().message; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

}  // namespace sluice
