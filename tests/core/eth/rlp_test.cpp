// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/eth/rlp.hpp"
#include "vectors.hpp"

namespace sluice {
namespace {

// Decimal digits to minimal big-endian bytes of any size ("bigint" is 2^256, past U256).
Bytes big_decimal_to_be(const std::string& digits) {
    Bytes out;  // big-endian
    for (char d : digits) {
        unsigned carry = static_cast<unsigned>(d - '0');
        for (auto it = out.rbegin(); it != out.rend(); ++it) {
            const unsigned v = *it * 10u + carry;
            *it = static_cast<std::uint8_t>(v & 0xff);
            carry = v >> 8;
        }
        while (carry) {
            out.insert(out.begin(), static_cast<std::uint8_t>(carry & 0xff));
            carry >>= 8;
        }
    }
    return out;
}

// The vector's "in" as an RlpItem: strings are bytes, numbers integers, "#123" big decimals.
RlpItem to_item(const nlohmann::json& in) {
    if (in.is_array()) {
        std::vector<RlpItem> items;
        for (const auto& e : in) items.push_back(to_item(e));
        return RlpItem::list(std::move(items));
    }
    if (in.is_number_unsigned() || in.is_number_integer())
        return RlpItem::string(u256_to_be_minimal(U256(in.get<std::uint64_t>())));
    const std::string s = in.get<std::string>();
    if (!s.empty() && s[0] == '#') return RlpItem::string(big_decimal_to_be(s.substr(1)));
    return RlpItem::string(Bytes(s.begin(), s.end()));
}

TEST(Rlp, EveryValidVectorEncodesAndDecodes) {
    const auto j = test::read_vector_json("rlp/rlptest.json");
    int checked = 0;
    for (const auto& [name, c] : j.items()) {
        const RlpItem item = to_item(c.at("in"));
        const Bytes expected = *from_hex(c.at("out").get<std::string>());
        EXPECT_EQ(to_hex(rlp_encode(item)), to_hex(expected)) << name;
        auto decoded = rlp_decode(expected);
        ASSERT_TRUE(decoded.ok()) << name << ": " << decoded.message();
        EXPECT_EQ(*decoded, item) << name;
        ++checked;
    }
    EXPECT_EQ(checked, 28);
}

TEST(Rlp, EveryInvalidVectorIsRejected) {
    const auto j = test::read_vector_json("rlp/invalidRLPTest.json");
    int checked = 0;
    for (const auto& [name, c] : j.items()) {
        auto raw = from_hex(c.at("out").get<std::string>());
        ASSERT_TRUE(raw.has_value()) << name;
        auto decoded = rlp_decode(*raw);
        EXPECT_FALSE(decoded.ok()) << name << " was accepted";
        ++checked;
    }
    EXPECT_EQ(checked, 26);
}

TEST(Rlp, RandomVectorsDecodeAndReencode) {
    const auto j = test::read_vector_json("rlp/RandomRLPTests/example.json");
    int checked = 0;
    for (const auto& [name, c] : j.items()) {
        const Bytes raw = *from_hex(c.at("out").get<std::string>());
        auto decoded = rlp_decode(raw);
        ASSERT_TRUE(decoded.ok()) << name;
        EXPECT_EQ(rlp_encode(*decoded), raw) << name;
        ++checked;
    }
    EXPECT_EQ(checked, 1);
}

TEST(Rlp, StrictnessMessages) {
    EXPECT_NE(rlp_decode(*from_hex("0x8100")).message().find("single byte"), std::string::npos);
    EXPECT_NE(rlp_decode(*from_hex("0x0000")).message().find("trailing"), std::string::npos);
    EXPECT_NE(rlp_decode(*from_hex("0xb800")).message().find("leading zero"), std::string::npos);
    EXPECT_NE(rlp_decode(*from_hex("0xb801ff")).message().find("non-canonical"), std::string::npos);
    EXPECT_NE(rlp_decode(*from_hex("0x83646f")).message().find("truncated"), std::string::npos);
    // A list whose declared length splits its last element is truncated inside the list.
    EXPECT_FALSE(rlp_decode(*from_hex("0xc283646f67")).ok());
    // Deep nesting is refused rather than recursing without bound.
    Bytes deep{0xc0};
    for (int i = 0; i < 64; ++i) deep = rlp_encode_list_payload(deep);
    EXPECT_TRUE(rlp_decode(deep).ok());
    deep = rlp_encode_list_payload(deep);
    EXPECT_NE(rlp_decode(deep).message().find("deeper"), std::string::npos);
}

TEST(Rlp, IntegersAreMinimal) {
    EXPECT_EQ(to_hex(rlp_encode_uint(0)), "0x80");
    EXPECT_EQ(to_hex(rlp_encode_uint(127)), "0x7f");
    EXPECT_EQ(to_hex(rlp_encode_uint(128)), "0x8180");
    EXPECT_EQ(to_hex(rlp_encode_uint(1024)), "0x820400");
    EXPECT_FALSE(rlp_to_uint(RlpItem::string({0x00, 0x01}), "nonce").ok());
    EXPECT_FALSE(rlp_to_uint(RlpItem::string(Bytes(33, 1)), "value").ok());
    EXPECT_FALSE(rlp_to_uint(RlpItem::list({}), "value").ok());
    EXPECT_EQ(*rlp_to_uint(RlpItem::string({0x04, 0x00}), "x"), 1024);
}

}  // namespace
}  // namespace sluice
