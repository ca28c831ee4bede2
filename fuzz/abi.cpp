// SPDX-License-Identifier: MIT
// ABI decoding (core/eth/abi) of return data and event data from an untrusted RPC endpoint.
//
// Input: the first byte picks a type list from kTypeLists (or, for 0xff, the text mode below);
// the rest is the data. Invariant: a decoded tuple encodes again, and that encoding decodes to the
// same values (the decoder accepts non-canonical offsets, so the bytes themselves may differ).
//
// Text mode (first byte 0xff): "<type>\n<value>" goes through parse_abi_type and
// abi_value_from_text (what the CLI reads from its command line), with the same round trip.
// Typed mode (first byte 0xfe): "<type list>\n<data>" decodes the data with a type list parsed
// from the input, for shapes kTypeLists lacks (a signature typed by the user, say).

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "core/eth/abi.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

// One list per shape of decoder path: static words, every dynamic kind, nested and fixed arrays.
constexpr std::string_view kTypeLists[] = {
    "uint256",
    "bool,address,uint8,int8,bytes1,bytes32",
    "int256,int64,uint64,uint128",
    "bytes",
    "string",
    "uint256[]",
    "bytes,string,uint256",
    "address[2],bool[]",
    "string[]",
    "bytes[2][]",
    "uint256[][]",
    "uint8[3][2],string",
    "int16[][2][]",
    "bytes32[],bytes,address",
    "string,string[],bytes4[1]",
    "bool[][][]",
};

void round_trip(const std::vector<sluice::AbiType>& types, const std::vector<sluice::AbiValue>& values) {
    auto encoded = sluice::abi_encode(types, values);
    FUZZ_CHECK(encoded.ok());
    auto again = sluice::abi_decode(types, *encoded);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == values);
}

void text_mode(std::string_view text) {
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return;
    auto type = sluice::parse_abi_type(text.substr(0, newline));
    if (!type) return;
    (void)type->canonical();
    auto value = sluice::abi_value_from_text(*type, text.substr(newline + 1));
    if (!value) return;
    round_trip({*type}, {*value});
}

void typed_mode(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return;
    auto types = sluice::parse_abi_types(text.substr(0, newline));
    if (!types) return;
    auto values = sluice::abi_decode(*types, sluice::ByteView(data + newline + 1, size - newline - 1));
    if (values) round_trip(*types, *values);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    if (data[0] == 0xff) {
        text_mode(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
        return 0;
    }
    if (data[0] == 0xfe) {
        typed_mode(data + 1, size - 1);
        return 0;
    }
    auto types = sluice::parse_abi_types(kTypeLists[data[0] % std::size(kTypeLists)]);
    FUZZ_CHECK(types.ok());
    auto values = sluice::abi_decode(*types, sluice::ByteView(data + 1, size - 1));
    if (!values) return 0;
    round_trip(*types, *values);
    return 0;
}
