// SPDX-License-Identifier: MIT
#pragma once
// Runs the peer implementation (`cast`, path from CMake's SLUICE_CAST) for cross-checks.

#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>
#include <string>

namespace sluice::test {

inline std::optional<std::string> cast_path() {
#ifdef SLUICE_CAST_PATH
    if (std::filesystem::exists(SLUICE_CAST_PATH)) return std::string(SLUICE_CAST_PATH);
#endif
    return std::nullopt;
}

// Single-quotes an argument for /bin/sh.
inline std::string shell_quote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct CommandResult {
    int status = -1;
    std::string output;  // stdout only
};

inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    result.status = ::pclose(pipe);
    return result;
}

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("sluice-keys-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace sluice::test
