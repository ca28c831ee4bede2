// SPDX-License-Identifier: MIT
// Signed transactions (core/eth/transaction): raw bytes of eth_sendRawTransaction -> Transaction,
// then what the node does with one: hash, sender recovery, intrinsic checks.
// Invariant: an accepted transaction re-encodes to exactly its raw bytes (the hash is stable).

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "core/eth/transaction.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto signed_tx = sluice::decode_signed_transaction(sluice::ByteView(data, size));
    if (!signed_tx) return 0;
    const sluice::Bytes encoded = sluice::encode_signed(*signed_tx);
    FUZZ_CHECK(encoded.size() == size && std::equal(encoded.begin(), encoded.end(), data));
    (void)sluice::transaction_hash(*signed_tx);
    (void)sluice::signing_hash(signed_tx->tx);
    (void)signed_tx->v();
    auto sender = sluice::recover_sender(*signed_tx);
    (void)sender;
    (void)sluice::intrinsic_gas(signed_tx->tx);
    (void)sluice::validate_intrinsic(signed_tx->tx);
    return 0;
}
