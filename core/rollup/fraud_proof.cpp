// SPDX-License-Identifier: MIT
#include "core/rollup/fraud_proof.hpp"

#include "core/eth/abi.hpp"
#include "core/rollup/stf.hpp"

namespace sluice::rollup {

Result<std::optional<FraudProof>> build_fraud_proof(const Batch& batch, const BatchHeader& header,
                                                    const U256& batch_index, const AccountTree& pre_state,
                                                    const Params& params) {
    if (pre_state.state_root() != batch.prev_state_root)
        return make_error("the given pre-state has root " + pre_state.state_root().hex() +
                          ", not the batch's prevStateRoot " + batch.prev_state_root.hex());
    if (header.prev_state_root != batch.prev_state_root || header.state_root != batch.state_root() ||
        header.tx_root != batch.tx_root || header.withdrawal_root != batch.withdrawal_root ||
        header.record_count != batch.decoded.size())
        return make_error("the batch header does not commit to this batch (roots or record count differ)");

    // Honest replay of the whole batch; the first chunk that is invalid or misses its claimed
    // root is the one to prove (every earlier chunk matched, so its pre-root is true).
    AccountTree replay = pre_state;
    const StfResult run = apply_records(replay, batch.decoded, params, 2);
    std::optional<std::size_t> bad_chunk;
    for (std::size_t j = 0; j < run.chunk_roots.size(); ++j) {
        if (run.chunk_roots[j] != batch.chunk_roots[j]) {
            bad_chunk = j;
            break;
        }
    }
    if (!bad_chunk && !run.ok()) bad_chunk = run.record_index / kChunkSize;
    if (!bad_chunk) return std::optional<FraudProof>{};

    const std::size_t j = *bad_chunk;
    const std::size_t first = j * kChunkSize;
    const std::size_t last = std::min(batch.decoded.size(), first + kChunkSize);

    // The true state at the chunk's start: the first j chunks again (all valid).
    AccountTree tree = pre_state;
    if (first > 0) {
        const StfResult prefix = apply_records(tree, std::span(batch.decoded).subspan(0, first), params, 2);
        if (!prefix.ok()) return make_error("internal: the chunks before the bad one did not replay");
    }
    if (tree.state_root() != batch.chunk_pre_root(j))
        return make_error("internal: the bad chunk's pre-root is not the true state");

    FraudProof proof;
    proof.batch_index = batch_index;
    proof.header = header;
    proof.chunk_index = j;
    proof.pre_root = batch.chunk_pre_root(j);
    proof.post_root = batch.chunk_roots[j];
    const ByteView chunk = batch.chunk_records(j);
    proof.records.assign(chunk.begin(), chunk.end());
    proof.chunk_proof = batch.chunk_proof(j);
    proof.tree_root = tree.root();
    proof.count = tree.count();

    Executor executor(tree, params, &proof.witness);
    Verdict verdict = Verdict::None;
    std::size_t index = 0;
    for (std::size_t i = first; i < last && verdict == Verdict::None; ++i) {
        verdict = executor.apply(batch.decoded[i]);
        index = i - first;
    }
    // A verdict of the chunk as a whole (the fee credit's Overflow, WrongStateRoot) stands at the
    // step after the last record: the contract's recordIndex is then the chunk's record count
    // (contracts/README.md, decision 3).
    if (verdict == Verdict::None) {
        verdict = executor.end_chunk();
        index = last - first;
    }
    if (verdict == Verdict::None) {
        if (tree.state_root() == proof.post_root) return make_error("internal: the bad chunk replays to its root");
        verdict = Verdict::WrongStateRoot;
        index = last - first;
    }
    proof.verdict = verdict;
    proof.record_index = index;
    return std::optional<FraudProof>(std::move(proof));
}

Result<Bytes> encode_prove_fraud_call(const FraudProof& p) {
    // A tuple's encoding is that of its components as an argument list, a static inner tuple
    // (BatchHeader) inlined: so the flat list below, behind the offset of the one dynamic argument.
    auto types = parse_abi_types(
        "uint256,bytes32,bytes32,bytes32,bytes32,uint64,uint64,uint64,uint64,address,uint256,bytes32,bytes32,"
        "bytes,bytes32[],bytes32,uint32,bytes");
    if (!types) return types.error();
    const auto b32 = [](const Hash& h) { return AbiValue(Bytes(h.begin(), h.end())); };
    std::vector<AbiValue> siblings;
    for (const Hash& h : p.chunk_proof) siblings.push_back(b32(h));
    const BatchHeader& h = p.header;
    std::vector<AbiValue> values{AbiValue(p.batch_index),
                                 b32(h.prev_state_root),
                                 b32(h.state_root),
                                 b32(h.tx_root),
                                 b32(h.withdrawal_root),
                                 AbiValue(U256(h.record_count)),
                                 AbiValue(U256(h.deposit_start)),
                                 AbiValue(U256(h.deposit_end)),
                                 AbiValue(U256(h.submitted_at)),
                                 AbiValue(h.proposer),
                                 AbiValue(U256(p.chunk_index)),
                                 b32(p.pre_root),
                                 b32(p.post_root),
                                 AbiValue(p.records),
                                 AbiValue(std::move(siblings)),
                                 b32(p.tree_root),
                                 AbiValue(U256(p.count)),
                                 AbiValue(p.witness)};
    auto body = abi_encode(*types, values);
    if (!body) return body.error();
    Bytes out;
    const auto selector = function_selector(kProveFraudSignature);
    append(out, selector);
    Hash offset;
    offset[31] = 0x20;
    append(out, offset);
    append(out, *body);
    return out;
}

}  // namespace sluice::rollup
