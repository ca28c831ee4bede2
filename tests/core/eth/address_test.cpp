// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cctype>

#include "core/eth/address.hpp"
#include "vectors.hpp"

namespace sluice {
namespace {

std::vector<std::string> all_vector_addresses() {
    const auto j = test::read_vector_json("eip55/checksum.json");
    std::vector<std::string> out;
    for (const char* group : {"all_caps", "all_lower", "normal"})
        for (const auto& a : j.at(group)) out.push_back(a.get<std::string>());
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

TEST(Address, ChecksumVectorsRoundTrip) {
    const auto addresses = all_vector_addresses();
    ASSERT_EQ(addresses.size(), 8u);
    for (const std::string& text : addresses) {
        auto parsed = parse_address(text);
        ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.message();
        EXPECT_EQ(to_checksum_address(*parsed), text);
        auto from_lower = parse_address(lower(text));
        ASSERT_TRUE(from_lower.ok()) << text;
        EXPECT_EQ(to_checksum_address(*from_lower), text);
    }
    const auto j = test::read_vector_json("eip55/checksum.json");
    auto example = parse_address(j["also_in_text"]["input"].get<std::string>());
    ASSERT_TRUE(example.ok());
    EXPECT_EQ(to_checksum_address(*example), j["also_in_text"]["toChecksumAddress"].get<std::string>());
}

TEST(Address, AllUpperDigitsAcceptedWithoutChecksum) {
    for (const std::string& text : all_vector_addresses()) {
        std::string upper = "0x";
        for (char c : text.substr(2)) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        auto parsed = parse_address(upper);
        ASSERT_TRUE(parsed.ok()) << upper;
        EXPECT_EQ(to_checksum_address(*parsed), text);
    }
}

TEST(Address, FlippedCaseIsChecksumMismatch) {
    int checked = 0;
    for (const std::string& text : all_vector_addresses()) {
        // Flip each letter in turn: unless the result happens to be all-lower or all-upper (which
        // opts out of the checksum), it must be rejected as a checksum mismatch.
        for (std::size_t i = 2; i < text.size(); ++i) {
            if (!std::isalpha(static_cast<unsigned char>(text[i]))) continue;
            std::string flipped = text;
            flipped[i] = std::isupper(static_cast<unsigned char>(text[i]))
                             ? static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])))
                             : static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
            const std::string digits = flipped.substr(2);
            const bool any_lower = digits.find_first_of("abcdef") != std::string::npos;
            const bool any_upper = digits.find_first_of("ABCDEF") != std::string::npos;
            auto parsed = parse_address(flipped);
            if (any_lower && any_upper) {
                ASSERT_FALSE(parsed.ok()) << flipped;
                EXPECT_NE(parsed.message().find("checksum mismatch"), std::string::npos) << parsed.message();
                EXPECT_EQ(parsed.error().code, ErrorCode::AddressChecksum);
                ++checked;
            } else {
                EXPECT_TRUE(parsed.ok()) << flipped;
            }
        }
    }
    EXPECT_GT(checked, 100);
}

TEST(Address, MalformedInputsRejected) {
    const char* bad[] = {
        "",
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",      // no 0x
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",     // 39 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00",  // 42 digits
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg",    // non-hex
        " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",   // whitespace
        "0x",
    };
    for (const char* text : bad) EXPECT_FALSE(parse_address(text).ok()) << text;
    EXPECT_TRUE(parse_address("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").ok());
    EXPECT_EQ(to_checksum_address(Address{}), "0x0000000000000000000000000000000000000000");
}

}  // namespace
}  // namespace sluice
