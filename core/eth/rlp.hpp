// SPDX-License-Identifier: MIT
#pragma once
// Recursive Length Prefix, the serialisation of Ethereum transactions. Decoding is strict: every
// accepted input has exactly one encoding, so a decoded value re-encodes to the same bytes (which
// is what keeps a transaction hash stable).

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"

namespace sluice {

struct RlpItem {
    bool is_list = false;
    Bytes bytes;                 // the string's bytes when !is_list
    std::vector<RlpItem> items;  // the elements when is_list

    static RlpItem string(Bytes value) { return RlpItem{false, std::move(value), {}}; }
    static RlpItem list(std::vector<RlpItem> elements) { return RlpItem{true, {}, std::move(elements)}; }
    friend bool operator==(const RlpItem&, const RlpItem&) = default;
};

// A byte string.
Bytes rlp_encode_bytes(ByteView bytes);
// An integer as its minimal big-endian bytes (zero is the empty string 0x80).
Bytes rlp_encode_uint(const U256& value);
// A list whose elements are already RLP-encoded; `payload` is their concatenation.
Bytes rlp_encode_list_payload(ByteView payload);
// A list of already-encoded elements.
Bytes rlp_encode_list(const std::vector<Bytes>& encoded_elements);
// A whole tree.
Bytes rlp_encode(const RlpItem& item);

// Exactly one item spanning all of `encoded`. Rejects truncation, trailing bytes, non-minimal
// length prefixes, leading zeros in lengths, and a single byte below 0x80 wrapped as a string.
Result<RlpItem> rlp_decode(ByteView encoded);

// Reads an RLP string as an unsigned integer: canonical (no leading zero bytes), at most
// max_bytes long. `what` names the field in the error message ("nonce").
Result<U256> rlp_to_uint(const RlpItem& item, const char* what, std::size_t max_bytes = 32);

}  // namespace sluice
