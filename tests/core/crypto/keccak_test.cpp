// SPDX-License-Identifier: MIT
#include "core/crypto/keccak.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "vectors.hpp"

namespace sluice {
namespace {

struct KatEntry {
    std::size_t bits = 0;
    std::string msg;
    std::string md;
};

// Parses the Keccak team's "Len = / Msg = / MD =" format; "Len = 0" carries "Msg = 00".
std::vector<KatEntry> read_kat(const std::string& file) {
    std::istringstream in(test::read_vector_text("keccak/" + file));
    std::vector<KatEntry> entries;
    KatEntry current;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("Len = ", 0) == 0)
            current.bits = std::stoul(line.substr(6));
        else if (line.rfind("Msg = ", 0) == 0)
            current.msg = line.substr(6);
        else if (line.rfind("MD = ", 0) == 0) {
            current.md = line.substr(5);
            entries.push_back(current);
        }
    }
    return entries;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void check_kat(const std::string& file, std::size_t expected_count) {
    const auto entries = read_kat(file);
    ASSERT_EQ(entries.size(), expected_count) << file;
    for (const auto& e : entries) {
        auto msg = from_hex(e.msg);
        ASSERT_TRUE(msg.has_value());
        if (e.bits == 0) msg->clear();
        ASSERT_EQ(msg->size() * 8, e.bits);
        EXPECT_EQ(keccak256(*msg).hex(), "0x" + lower(e.md)) << file << " Len = " << e.bits;
    }
}

TEST(Keccak256, ShortMessageKat) { check_kat("ShortMsgKAT_256.txt", 256); }
TEST(Keccak256, LongMessageKat) { check_kat("LongMsgKAT_256.txt", 65); }

TEST(Keccak256, SelectedVectorsAndNotSha3Padding) {
    const auto doc = test::read_vector_json("keccak/vectors.json");
    int checked = 0;
    for (const auto& v : doc["vectors"]) {
        if (!v.contains("input_hex") || !v["input_hex"].is_string()) continue;
        const auto input = from_hex(v["input_hex"].get<std::string>());
        ASSERT_TRUE(input.has_value());
        EXPECT_EQ(keccak256(*input).hex(), "0x" + v["keccak256"].get<std::string>()) << v["name"];
        ++checked;
    }
    EXPECT_GE(checked, 5);
    EXPECT_NE(keccak256({}).hex(), "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
}

TEST(Keccak256, IncrementalUpdatesMatchOneShotAcrossBlockEdges) {
    Bytes data(1000);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7 + 3);
    for (std::size_t split : {0, 1, 135, 136, 137, 272, 999, 1000}) {
        Keccak256 hasher;
        hasher.update(ByteView(data).first(split)).update(ByteView(data).subspan(split));
        EXPECT_EQ(hasher.finish(), keccak256(data)) << "split at " << split;
    }
}

}  // namespace
}  // namespace sluice
