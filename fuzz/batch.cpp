// SPDX-License-Identifier: MIT
// Batches as they appear on L1 (core/rollup/batch assemble_batch): records calldata plus the
// proposer's chunk roots, from which the verifier derives every commitment the contract stores.
//
// Input: byte 0 picks how many chunk roots the proposer claims, relative to the ceil(n/K) the
// protocol requires (so wrong counts are exercised too); the rest is the records calldata. The
// roots themselves are arbitrary (assemble_batch runs no STF), derived from their index.
// Invariants on an accepted batch: ceil(n/K) chunks, the proof of every chunk leaf leads to
// tx_root and that of every withdrawal to withdrawal_root, and the header counts the records.

#include <cstddef>
#include <cstdint>

#include "core/rollup/batch.hpp"
#include "core/rollup/merkle.hpp"
#include "fuzz/fuzz_check.hpp"

using namespace sluice;
using namespace sluice::rollup;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const ByteView records_bytes(data + 1, size - 1);
    std::size_t n = 0;
    if (auto records = decode_records(records_bytes)) n = records->size();
    // 0: the right count; 1: one fewer; 2: one more; 3: none.
    std::size_t roots = (n + kChunkSize - 1) / kChunkSize;
    switch (data[0] % 4) {
    case 1: roots = roots > 0 ? roots - 1 : 0; break;
    case 2: roots += 1; break;
    case 3: roots = 0; break;
    default: break;
    }
    std::vector<Hash> chunk_roots(roots);
    for (std::size_t i = 0; i < roots; ++i) chunk_roots[i][0] = static_cast<std::uint8_t>(i + 1);
    Hash prev_root;
    prev_root[31] = 0x5a;
    auto batch = assemble_batch(prev_root, Bytes(records_bytes.begin(), records_bytes.end()), chunk_roots);
    if (!batch) return 0;
    FUZZ_CHECK(batch->decoded.size() == n && n >= 1);
    FUZZ_CHECK(batch->chunk_count() == (n + kChunkSize - 1) / kChunkSize);
    for (std::size_t chunk = 0; chunk < batch->chunk_count(); ++chunk) {
        (void)batch->chunk_records(chunk);
        (void)batch->chunk_pre_root(chunk);
        const auto proof = batch->chunk_proof(chunk);
        FUZZ_CHECK(merkle_root_from_proof(batch->chunk_leaves[chunk], chunk, proof) == batch->tx_root);
    }
    for (std::size_t w = 0; w < batch->withdrawals.size(); ++w) {
        const auto proof = batch->withdrawal_proof(w);
        FUZZ_CHECK(merkle_root_from_proof(withdrawal_leaf(batch->withdrawals[w]), w, proof) == batch->withdrawal_root);
    }
    const BatchHeader header = batch->header(7, 1'700'000'000, Address{});
    FUZZ_CHECK(header.record_count == n);
    (void)batch_header_hash(header);
    (void)deposit_chain(Hash{}, batch->decoded);
    return 0;
}
