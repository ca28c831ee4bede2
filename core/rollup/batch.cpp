// SPDX-License-Identifier: MIT
#include "core/rollup/batch.hpp"

#include <cstring>

#include "core/crypto/keccak.hpp"
#include "core/rollup/merkle.hpp"

namespace sluice::rollup {
namespace {
const std::vector<AbiType>& header_abi_types() {
    static const std::vector<AbiType> types = *parse_abi_types(kBatchHeaderAbiTypes);
    return types;
}
Bytes word_bytes(const Hash& h) { return Bytes(h.begin(), h.end()); }
}  // namespace

std::vector<AbiValue> batch_header_abi_values(const BatchHeader& h) {
    return {word_bytes(h.prev_state_root), word_bytes(h.state_root), word_bytes(h.tx_root),
            word_bytes(h.withdrawal_root), U256(h.record_count),     U256(h.deposit_start),
            U256(h.deposit_end),           U256(h.submitted_at),     h.proposer};
}

Bytes abi_encode_header(const BatchHeader& h) {
    return *abi_encode(header_abi_types(), batch_header_abi_values(h));  // every field fits its type
}

Result<BatchHeader> abi_decode_header(ByteView words) {
    if (words.size() != 9 * 32)
        return make_error("a batch header is 9 ABI words, not " + std::to_string(words.size()) + " bytes");
    auto values = abi_decode(header_abi_types(), words);
    if (!values) return make_error("a batch header does not decode: " + values.message());
    const auto& v = *values;
    auto hash = [&](std::size_t i) { return *Hash::from_view(std::get<Bytes>(v[i].value)); };
    auto u64 = [&](std::size_t i) { return static_cast<std::uint64_t>(std::get<U256>(v[i].value)); };
    BatchHeader h;
    h.prev_state_root = hash(0);
    h.state_root = hash(1);
    h.tx_root = hash(2);
    h.withdrawal_root = hash(3);
    h.record_count = u64(4);
    h.deposit_start = u64(5);
    h.deposit_end = u64(6);
    h.submitted_at = u64(7);
    h.proposer = std::get<Address>(v[8].value);
    return h;
}

Hash batch_header_hash(const BatchHeader& header) { return keccak256(abi_encode_header(header)); }

Hash chunk_leaf(const Hash& pre_root, const Hash& post_root, ByteView chunk_records) {
    const Hash records_hash = keccak256(chunk_records);
    Keccak256 h;
    h.update(pre_root).update(post_root).update(records_hash);
    return h.finish();
}

namespace {
std::array<std::uint8_t, 8> be64(std::uint64_t v) {
    std::array<std::uint8_t, 8> out{};
    for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
    return out;
}

// The low 4 bytes of a queue word carry uint32(timestamp): the contract reads when an entry
// arrived from the same storage word (§4.4).
Hash queue_word(Hash chained, const std::array<std::uint8_t, 8>& ts) {
    for (int i = 0; i < 4; ++i) chained[28 + i] = ts[4 + i];
    return chained;
}
}  // namespace

Hash deposit_chain_next(const Hash& previous, const Address& to, const U256& amount, std::uint64_t timestamp) {
    const auto ts = be64(timestamp);
    Keccak256 h;
    h.update(previous).update(to).update(u256_to_be32(amount)).update(ts);
    return queue_word(h.finish(), ts);
}

Hash forced_chain_next(const Hash& previous, const Hash& forced_hash, std::uint64_t timestamp) {
    // 72 bytes against a deposit's 92: an entry of one kind can never pass for the other.
    const auto ts = be64(timestamp);
    Keccak256 h;
    h.update(previous).update(forced_hash).update(ts);
    return queue_word(h.finish(), ts);
}

Hash deposit_chain(const Hash& previous, std::span<const Record> records) {
    Hash q = previous;
    for (const Record& r : records) {
        if (r.kind == RecordKind::deposit) {
            q = deposit_chain_next(q, r.address, r.value, r.timestamp);
        } else if (r.forced) {
            // The tuple has no chain id or fee parameter in it: the default Params give the same.
            q = forced_chain_next(q, forced_hash(forced_transaction_of(r, Params{})), r.timestamp);
        }
    }
    return q;
}

ByteView Batch::chunk_records(std::size_t chunk) const {
    const std::size_t first = chunk * kChunkSize;
    const std::size_t last = std::min(record_offsets.size(), first + kChunkSize);
    const std::size_t begin = record_offsets[first];
    const std::size_t end = last < record_offsets.size() ? record_offsets[last] : records.size();
    return ByteView(records).subspan(begin, end - begin);
}

std::vector<Hash> Batch::chunk_proof(std::size_t chunk) const { return merkle_proof(chunk_leaves, chunk); }

std::vector<Hash> Batch::withdrawal_proof(std::size_t withdrawal) const {
    std::vector<Hash> leaves;
    leaves.reserve(withdrawals.size());
    for (const Withdrawal& w : withdrawals) leaves.push_back(withdrawal_leaf(w));
    return merkle_proof(leaves, withdrawal);
}

BatchHeader Batch::header(std::uint64_t deposit_start, std::uint64_t submitted_at, const Address& proposer) const {
    BatchHeader h;
    h.prev_state_root = prev_state_root;
    h.state_root = state_root();
    h.tx_root = tx_root;
    h.withdrawal_root = withdrawal_root;
    h.record_count = decoded.size();
    h.deposit_start = deposit_start;
    h.deposit_end = deposit_start + deposit_count;
    h.submitted_at = submitted_at;
    h.proposer = proposer;
    return h;
}

Result<Batch> assemble_batch(const Hash& prev_state_root, Bytes records, std::vector<Hash> chunk_roots) {
    Batch b;
    b.prev_state_root = prev_state_root;
    b.records = std::move(records);
    b.chunk_roots = std::move(chunk_roots);
    auto decoded = decode_records(b.records, &b.record_offsets);
    if (!decoded) return decoded.error();
    b.decoded = std::move(*decoded);
    if (b.decoded.empty()) return make_error("a batch needs at least one record");
    if (b.decoded.size() > kMaxRecordsPerBatch)
        return make_error("a batch holds at most " + std::to_string(kMaxRecordsPerBatch) + " records, got " +
                          std::to_string(b.decoded.size()));
    const std::size_t chunks = (b.decoded.size() + kChunkSize - 1) / kChunkSize;
    if (b.chunk_roots.size() != chunks)
        return make_error("a batch of " + std::to_string(b.decoded.size()) + " records needs " +
                          std::to_string(chunks) + " chunk roots, got " + std::to_string(b.chunk_roots.size()));
    b.chunk_leaves.reserve(chunks);
    for (std::size_t j = 0; j < chunks; ++j)
        b.chunk_leaves.push_back(chunk_leaf(b.chunk_pre_root(j), b.chunk_roots[j], b.chunk_records(j)));
    b.tx_root = merkle_root(b.chunk_leaves);
    std::vector<Hash> withdrawal_leaves;
    for (const Record& r : b.decoded) {
        // A skipped withdrawal pays nothing, so it has no leaf.
        if (r.kind == RecordKind::withdrawal && !r.skipped) {
            b.withdrawals.push_back(Withdrawal{r.address, r.value});
            withdrawal_leaves.push_back(withdrawal_leaf(b.withdrawals.back()));
        }
        if (r.is_queue_entry()) ++b.deposit_count;
    }
    if (b.deposit_count > kMaxDepositsPerBatch)
        return make_error("a batch holds at most " + std::to_string(kMaxDepositsPerBatch) +
                          " queue entries (deposits and forced transactions), got " + std::to_string(b.deposit_count));
    b.withdrawal_root = merkle_root(withdrawal_leaves);
    return b;
}

Result<Batch> build_batch(AccountTree& tree, std::span<const Record> records, const Params& params, unsigned threads,
                          std::span<const RecoveredSender> known) {
    if (records.empty()) return make_error("a batch needs at least one record");
    const Hash prev = tree.state_root();
    AccountTree snapshot = tree;
    StfResult run = apply_records(tree, records, params, threads, known);
    if (!run.ok()) {
        tree = std::move(snapshot);
        // A queue entry cannot be left out (§4.4): a forced transaction is applied or skipped.
        const Record& bad = records[run.record_index];
        const char* remedy = run.verdict == Verdict::WrongSkip ? "apply it instead of skipping it"
                             : bad.forced                      ? "skip it instead"
                                                               : "leave it out of the batch";
        return make_error("record " + std::to_string(run.record_index) + " is invalid (" +
                          std::string(verdict_name(run.verdict)) + "): " + remedy);
    }
    Bytes bytes;
    bytes.reserve(records.size() * 90);
    for (const Record& r : records) encode_record(bytes, r);
    auto batch = assemble_batch(prev, std::move(bytes), std::move(run.chunk_roots));
    if (!batch) {
        tree = std::move(snapshot);
        return batch.error();
    }
    return batch;
}

}  // namespace sluice::rollup
