// SPDX-License-Identifier: MIT
#pragma once
// Reads the official test vectors copied into tests/vectors (never ../shared).

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace sluice::test {

inline std::string vector_path(const std::string& relative) { return std::string(SLUICE_VECTORS_DIR) + "/" + relative; }

inline std::string read_vector_text(const std::string& relative) {
    std::ifstream in(vector_path(relative), std::ios::binary);
    if (!in) throw std::runtime_error("missing test vector file " + relative);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline nlohmann::json read_vector_json(const std::string& relative) {
    return nlohmann::json::parse(read_vector_text(relative));
}

}  // namespace sluice::test
