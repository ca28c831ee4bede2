// SPDX-License-Identifier: MIT
// RLP decoding (core/eth/rlp): every transaction and much of what a peer sends starts here.
// Invariant: decoding is strict, so whatever it accepts re-encodes to exactly the input bytes.

#include <cstddef>
#include <cstdint>

#include "core/eth/rlp.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

// Reads every string of the tree as an integer, as the transaction decoder does for its fields.
void read_integers(const sluice::RlpItem& item, int depth) {
    if (!item.is_list) {
        auto value = sluice::rlp_to_uint(item, "field");
        if (value) FUZZ_CHECK(sluice::rlp_encode_uint(*value) == sluice::rlp_encode(item));
        return;
    }
    if (depth > 64) return;
    for (const auto& element : item.items) read_integers(element, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const sluice::ByteView input(data, size);
    auto item = sluice::rlp_decode(input);
    if (!item) return 0;
    const sluice::Bytes encoded = sluice::rlp_encode(*item);
    FUZZ_CHECK(encoded.size() == size && std::equal(encoded.begin(), encoded.end(), data));
    read_integers(*item, 0);
    return 0;
}
