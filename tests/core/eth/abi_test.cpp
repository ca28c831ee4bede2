// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/eth/abi.hpp"
#include "peer.hpp"
#include "prerequisite.hpp"

namespace sluice {
namespace {

std::string w(const std::string& tail) { return std::string(64 - tail.size(), '0') + tail; }

// Examples from the Solidity ABI specification ("Examples" and "Use of Dynamic Types").
TEST(Abi, SolidityDocsBaz) {
    auto call = encode_call("baz(uint32,bool)", {U256(69), true});
    ASSERT_TRUE(call.ok()) << call.message();
    EXPECT_EQ(to_hex(*call), "0xcdcd77c0" + w("45") + w("1"));
}

TEST(Abi, SolidityDocsBar) {
    // One argument that is an array: wrapped in AbiValue so the braces do not copy the inner vector.
    auto call =
        encode_call("bar(bytes3[2])", {AbiValue(std::vector<AbiValue>{Bytes{'a', 'b', 'c'}, Bytes{'d', 'e', 'f'}})});
    ASSERT_TRUE(call.ok()) << call.message();
    EXPECT_EQ(to_hex(*call),
              "0xfce353f6" + std::string("616263") + std::string(58, '0') + "646566" + std::string(58, '0'));
}

TEST(Abi, SolidityDocsSam) {
    auto call = encode_call("sam(bytes,bool,uint256[])",
                            {Bytes{'d', 'a', 'v', 'e'}, true, std::vector<AbiValue>{U256(1), U256(2), U256(3)}});
    ASSERT_TRUE(call.ok()) << call.message();
    EXPECT_EQ(to_hex(*call), "0xa5643bf2" + w("60") + w("1") + w("a0") + w("4") + "64617665" + std::string(56, '0') +
                                 w("3") + w("1") + w("2") + w("3"));
}

TEST(Abi, SolidityDocsDynamicF) {
    const std::string s = "Hello, world!";
    auto call = encode_call("f(uint256,uint32[],bytes10,bytes)",
                            {U256(0x123), std::vector<AbiValue>{U256(0x456), U256(0x789)},
                             Bytes{'1', '2', '3', '4', '5', '6', '7', '8', '9', '0'}, Bytes(s.begin(), s.end())});
    ASSERT_TRUE(call.ok()) << call.message();
    EXPECT_EQ(to_hex(*call), "0x8be65246" + w("123") + w("80") +
                                 "3132333435363738393000000000000000000000000000000000000000000000" + w("e0") + w("2") +
                                 w("456") + w("789") + w("d") +
                                 "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
}

TEST(Abi, SolidityDocsNestedG) {
    auto call =
        encode_call("g(uint256[][],string[])",
                    {std::vector<AbiValue>{std::vector<AbiValue>{U256(1), U256(2)}, std::vector<AbiValue>{U256(3)}},
                     std::vector<AbiValue>{std::string("one"), std::string("two"), std::string("three")}});
    ASSERT_TRUE(call.ok()) << call.message();
    EXPECT_EQ(to_hex(*call), "0x2289b18c" + w("40") + w("140") + w("2") + w("40") + w("a0") + w("2") + w("1") + w("2") +
                                 w("1") + w("3") + w("3") + w("60") + w("a0") + w("e0") + w("3") + "6f6e65" +
                                 std::string(58, '0') + w("3") + "74776f" + std::string(58, '0') + w("5") +
                                 "7468726565" + std::string(54, '0'));
    // And back.
    auto types = parse_abi_types("(uint256[][],string[])");
    ASSERT_TRUE(types.ok());
    auto decoded = abi_decode(*types, ByteView(*call).subspan(4));
    ASSERT_TRUE(decoded.ok()) << decoded.message();
    EXPECT_EQ(decoded->at(1),
              AbiValue(std::vector<AbiValue>{std::string("one"), std::string("two"), std::string("three")}));
}

TEST(Abi, SelectorAndTypes) {
    EXPECT_EQ(function_selector("transfer(address,uint256)").hex(), "0xa9059cbb");
    EXPECT_EQ(parse_abi_type("uint")->canonical(), "uint256");
    EXPECT_EQ(parse_abi_type("bytes32[2][]")->canonical(), "bytes32[2][]");
    EXPECT_TRUE(parse_abi_type("bytes32[2][]")->is_dynamic());
    EXPECT_FALSE(parse_abi_type("bytes32[2][3]")->is_dynamic());
    for (const char* bad :
         {"uint7", "uint264", "bytes0", "bytes33", "int0", "address[0]", "foo", "uint256[", "(uint256,bool)"})
        EXPECT_FALSE(parse_abi_type(bad).ok()) << bad;
    EXPECT_EQ(parse_abi_types("()")->size(), 0u);
    EXPECT_EQ(parse_abi_types("uint8, string[]")->size(), 2u);
}

TEST(Abi, RangeChecks) {
    EXPECT_FALSE(encode_call("f(uint8)", {U256(256)}).ok());
    EXPECT_TRUE(encode_call("f(uint8)", {U256(255)}).ok());
    EXPECT_TRUE(encode_call("f(int8)", {abi_int(-128)}).ok());
    EXPECT_FALSE(encode_call("f(int8)", {abi_int(-129)}).ok());
    EXPECT_FALSE(encode_call("f(int8)", {U256(128)}).ok());
    EXPECT_FALSE(encode_call("f(bytes4)", {Bytes{1, 2, 3}}).ok());
    EXPECT_FALSE(encode_call("f(uint256[2])", {AbiValue(std::vector<AbiValue>{U256(1)})}).ok());
    EXPECT_FALSE(encode_call("f(address)", {U256(1)}).ok());
    EXPECT_FALSE(encode_call("f(uint256)", {}).ok());
    EXPECT_TRUE(abi_is_negative(std::get<U256>(abi_int(-1).value)));
    EXPECT_EQ(std::get<U256>(abi_int(-1).value), ~U256(0));
}

TEST(Abi, DecodeIsStrict) {
    const auto types = *parse_abi_types("(bool)");
    EXPECT_FALSE(abi_decode(types, *from_hex("0x" + w("2"))).ok());
    EXPECT_FALSE(abi_decode(types, *from_hex("0x01")).ok());
    const auto str = *parse_abi_types("(string)");
    EXPECT_FALSE(abi_decode(str, *from_hex("0x" + w("20") + w("ffffffff"))).ok());  // length past the end
    EXPECT_FALSE(abi_decode(str, *from_hex("0x" + w("1000"))).ok());                // offset past the end
    EXPECT_FALSE(abi_decode(str, *from_hex("0x" + w("20") + w("1") + "61" + std::string(60, '0') + "01")).ok());
    const auto arr = *parse_abi_types("(uint256[])");
    EXPECT_FALSE(abi_decode(arr, *from_hex("0x" + w("20") + w("ffff"))).ok());  // hostile length
    const auto addr = *parse_abi_types("(address,uint8)");
    EXPECT_FALSE(abi_decode(addr, *from_hex("0x" + std::string(23, '0') + "1" + std::string(40, '0') + w("1"))).ok());
    EXPECT_FALSE(abi_decode(addr, *from_hex("0x" + w("1") + w("100"))).ok());
}

// Random values, encoded here and by `cast calldata`, must give identical bytes; then decode back.
TEST(Abi, PeerCastCalldataRandom) {
    SLUICE_GTEST_PREREQUISITE(std::filesystem::exists(test::cast_path()), "cast not found (run scripts/setup.sh)");
    std::mt19937_64 rng(20240611);
    auto hex_bytes = [&](std::size_t n) {
        Bytes b(n);
        for (auto& x : b) x = static_cast<std::uint8_t>(rng());
        return to_hex(b);
    };
    auto rand_text = [&](const AbiType& t, auto& self) -> std::string {
        switch (t.kind) {
        case AbiType::Kind::uint: {
            U256 v = 0;
            for (int i = 0; i < 4; ++i) v = (v << 64) | U256(rng());
            v >>= static_cast<unsigned>(rng() % static_cast<unsigned>(t.bits)) + static_cast<unsigned>(256 - t.bits);
            return rng() % 2 ? u256_to_dec(v) : u256_to_quantity(v);
        }
        case AbiType::Kind::int_: {
            const std::int64_t v = static_cast<std::int64_t>(rng()) >> (64 - std::min(t.bits, 64));
            return std::to_string(v);
        }
        case AbiType::Kind::address: return hex_bytes(20);
        case AbiType::Kind::bool_: return rng() % 2 ? "true" : "false";
        case AbiType::Kind::fixed_bytes: return hex_bytes(static_cast<std::size_t>(t.size));
        case AbiType::Kind::bytes: return hex_bytes(rng() % 70);
        case AbiType::Kind::string: {
            std::string s;
            const std::size_t n = 1 + rng() % 40;
            for (std::size_t i = 0; i < n; ++i) s.push_back(static_cast<char>('a' + rng() % 26));
            return s;
        }
        case AbiType::Kind::array: {
            const std::size_t n = t.length ? *t.length : rng() % 4;
            std::string s = "[";
            for (std::size_t i = 0; i < n; ++i) s += (i ? "," : "") + self(*t.element, self);
            return s + "]";
        }
        }
        return {};
    };
    const char* signatures[] = {
        "transfer(address,uint256)",           "f(uint8,int16,int256,bool,bytes1,bytes32)",
        "g(bytes,string,uint64[],address[2])", "h(uint256[][],string[],bytes7[3])",
        "k(int32[2][],bool[],bytes)",
    };
    int compared = 0;
    for (const char* sig : signatures) {
        const std::string s(sig);
        const auto types = *parse_abi_types(s.substr(s.find('(')));
        for (int round = 0; round < 6; ++round) {
            std::vector<std::string> args{"calldata", sig};
            std::vector<AbiValue> values;
            for (const AbiType& t : types) {
                args.push_back(rand_text(t, rand_text));
                auto v = abi_value_from_text(t, args.back());
                ASSERT_TRUE(v.ok()) << args.back() << ": " << v.message();
                values.push_back(std::move(*v));
            }
            auto ours = encode_call(sig, values);
            ASSERT_TRUE(ours.ok()) << ours.message();
            auto theirs = test::run_cast(args);
            ASSERT_TRUE(theirs.has_value()) << "cast failed for " << sig;
            EXPECT_EQ(to_hex(*ours), *theirs) << sig;
            auto decoded = abi_decode(types, ByteView(*ours).subspan(4));
            ASSERT_TRUE(decoded.ok()) << decoded.message();
            EXPECT_EQ(*decoded, values) << sig;
            ++compared;
        }
    }
    // abi-encode (no selector) once more for the docs' dynamic example.
    auto theirs = test::run_cast({"abi-encode", "f(uint256,uint32[],bytes10,bytes)", "0x123", "[1110,1929]",
                                  "0x31323334353637383930", "0x48656c6c6f2c20776f726c6421"});
    ASSERT_TRUE(theirs.has_value());
    const auto types = *parse_abi_types("(uint256,uint32[],bytes10,bytes)");
    std::vector<AbiValue> values;
    for (auto [t, text] : {std::pair{0, "0x123"},
                           {1, "[1110,1929]"},
                           {2, "0x31323334353637383930"},
                           {3, "0x48656c6c6f2c20776f726c6421"}})
        values.push_back(*abi_value_from_text(types[static_cast<std::size_t>(t)], text));
    EXPECT_EQ(to_hex(*abi_encode(types, values)), *theirs);
    EXPECT_EQ(compared, 30);
}

}  // namespace
}  // namespace sluice
