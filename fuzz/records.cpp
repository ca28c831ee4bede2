// SPDX-License-Identifier: MIT
// Batch records (core/rollup/records, docs/PROTOCOL.md §4.1): the calldata of every batch a
// proposer posts to L1, which the wallet's verifier decodes and re-executes.
// Invariants: decode -> encode is the identity (each record is strict and canonical), the record
// offsets are increasing, and each record decodes alone at its offset to the same value.
// Then what the verifier does with a signed record: the signing payload and the sender, and for a
// forced record the queue tuple it stands for.

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "core/rollup/records.hpp"
#include "fuzz/fuzz_check.hpp"

using namespace sluice;
using namespace sluice::rollup;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ByteView input(data, size);
    std::vector<std::size_t> offsets;
    auto records = decode_records(input, &offsets);
    if (!records) return 0;
    FUZZ_CHECK(offsets.size() == records->size());
    const Bytes encoded = encode_records(*records);
    FUZZ_CHECK(encoded.size() == size && std::equal(encoded.begin(), encoded.end(), data));
    const Params params;
    for (std::size_t i = 0; i < records->size(); ++i) {
        FUZZ_CHECK(i == 0 ? offsets[i] == 0 : offsets[i] > offsets[i - 1]);
        std::size_t offset = offsets[i];
        auto alone = decode_record(input, offset);
        FUZZ_CHECK(alone.ok() && *alone == (*records)[i]);
        const Record& record = (*records)[i];
        if (!record.is_signed()) continue;
        const Address to = record.kind == RecordKind::withdrawal ? withdrawal_address() : record.address;
        (void)record_signing_hash(record, to, params);
        (void)recover_record_sender(record, to, params);
        auto tx = transaction_from_record(record, to, params);
        if (!record.forced) continue;
        // A forced record stands for an L1 queue tuple (§4.5): always one forceTransaction
        // accepts, rebuilding the same transaction, and a skip of it stands for the same tuple.
        const ForcedTransaction forced = forced_transaction_of(record, params);
        FUZZ_CHECK(forced_representable(forced));
        (void)forced_hash(forced);
        auto from_tuple = transaction_from_forced(forced, params);
        FUZZ_CHECK(from_tuple.ok() == tx.ok());
        if (tx) FUZZ_CHECK(encode_signed(*from_tuple) == encode_signed(*tx));
        FUZZ_CHECK(forced_transaction_of(skipped_record(forced, record.timestamp), params) == forced);
    }
    return 0;
}
