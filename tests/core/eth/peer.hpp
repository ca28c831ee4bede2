// SPDX-License-Identifier: MIT
#pragma once
// Runs the pinned `cast` (the peer implementation) and returns its trimmed stdout.

#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace sluice::test {

inline std::string cast_path() { return SLUICE_CAST_PATH; }

// Arguments are single-quoted for the shell; callers pass no single quotes.
inline std::optional<std::string> run_cast(const std::vector<std::string>& args) {
    std::string cmd = "'" + cast_path() + "'";
    for (const std::string& a : args) {
        if (a.find('\'') != std::string::npos) return std::nullopt;
        cmd += " '" + a + "'";
    }
    cmd += " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    if (pclose(pipe) != 0) return std::nullopt;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) out.pop_back();
    return out;
}

}  // namespace sluice::test
