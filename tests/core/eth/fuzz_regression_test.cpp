// SPDX-License-Identifier: MIT
// Inputs the fuzz targets in fuzz/ found crashing core/eth, kept as plain tests so that every
// build (not only the clang fuzz preset) checks them. Each test names the target and the fix.
#include <gtest/gtest.h>

#include <string>

#include "core/eth/abi.hpp"

namespace sluice {
namespace {

Bytes word(std::uint64_t v) {
    Bytes w(32, 0);
    for (int i = 0; i < 8; ++i) w[31 - i] = static_cast<std::uint8_t>(v >> (8 * i));
    return w;
}

// fuzz_abi (typed mode), fuzz/corpus/abi/regression-static-size-overflow: nested fixed lengths
// multiplied to 8192^5 · 32 = 2^70, which wrapped size_t to 0, and decoding the dynamic array of
// that type divided by it (SIGFPE). parse_abi_type now refuses static types over 16 MiB.
TEST(FuzzRegression, AbiStaticSizeOverflowIsRefusedAtParse) {
    const std::string huge = "uint256[8192][8192][8192][8192][8192]";
    EXPECT_FALSE(parse_abi_type(huge).ok());
    EXPECT_FALSE(parse_abi_types(huge + "[]").ok());
    EXPECT_FALSE(parse_abi_type("uint256[9999][9999]").ok());
    // The largest accepted shapes still work, and decode hostile data to an error.
    auto big = parse_abi_types("uint256[8192][64][]");
    ASSERT_TRUE(big.ok()) << big.message();
    Bytes data = word(0x20);
    append(data, word(1));
    EXPECT_FALSE(abi_decode(*big, data).ok());
    EXPECT_TRUE(parse_abi_type("bytes32[4096][2]").ok());
    EXPECT_TRUE(parse_abi_type("string[9999][9999]").ok());  // dynamic: encoded by offsets, no in-place size
}

}  // namespace
}  // namespace sluice
