// SPDX-License-Identifier: MIT
#pragma once
// Batches (docs/PROTOCOL.md §4): records cut into chunks of K, the state root after each chunk,
// and the commitments the contract computes from the calldata (chunk leaves, transaction root,
// withdrawal root, the chain of the L1 queue) plus the BatchHeader it stores the hash of. The
// deposit_* names are the L1 queue's: its entries are deposits and forced transactions (§4.4).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/account_tree.hpp"
#include "core/rollup/params.hpp"
#include "core/rollup/records.hpp"
#include "core/rollup/stf.hpp"

namespace sluice::rollup {

// Rollup.BatchHeader
struct BatchHeader {
    Hash prev_state_root;
    Hash state_root;
    Hash tx_root;
    Hash withdrawal_root;
    std::uint64_t record_count = 0;
    std::uint64_t deposit_start = 0;
    std::uint64_t deposit_end = 0;
    std::uint64_t submitted_at = 0;
    Address proposer;
    friend bool operator==(const BatchHeader&, const BatchHeader&) = default;
};

// The contract's BatchHeader struct as ABI types, in field order: the one declaration of its layout
// (in signatures the tuple is "(" + this + ")"; a static tuple encodes as its fields inline).
inline constexpr std::string_view kBatchHeaderAbiTypes =
    "bytes32,bytes32,bytes32,bytes32,uint64,uint64,uint64,uint64,address";
std::vector<AbiValue> batch_header_abi_values(const BatchHeader& header);
// abi.encode(header): nine 32-byte words.
Bytes abi_encode_header(const BatchHeader& header);
// The inverse, strictly: exactly nine words, uint64 ranges and address padding as abi.encode writes them.
Result<BatchHeader> abi_decode_header(ByteView words);
// batchHash[i] = keccak(abi.encode(header))
Hash batch_header_hash(const BatchHeader& header);

// keccak(preRoot ‖ postRoot ‖ keccak(chunkRecordBytes))
Hash chunk_leaf(const Hash& pre_root, const Hash& post_root, ByteView chunk_records);
// The queue word of a deposit: q[i] = keccak(q[i-1] ‖ to[20] ‖ amount[32] ‖ timestamp[8]) with its
// low 4 bytes replaced by uint32(timestamp), q[-1] = 0 (§4.4)
Hash deposit_chain_next(const Hash& previous, const Address& to, const U256& amount, std::uint64_t timestamp);
// The queue word of a forced transaction: keccak(q[i-1] ‖ forcedHash[32] ‖ timestamp[8]), low 4
// bytes replaced by uint32(timestamp) (§4.4)
Hash forced_chain_next(const Hash& previous, const Hash& forced_hash, std::uint64_t timestamp);
// The queue chain continued over the queue entries (deposits and forced transactions, applied or
// skipped) among `records`, in order.
Hash deposit_chain(const Hash& previous, std::span<const Record> records);

struct Batch {
    Hash prev_state_root;
    Bytes records;                            // the calldata, exactly as committed
    std::vector<std::size_t> record_offsets;  // where each record starts in `records`
    std::vector<Record> decoded;
    std::vector<Hash> chunk_roots;  // roots[j], as claimed by the proposer

    // Derived from the above, as the contract derives them on submission.
    std::vector<Hash> chunk_leaves;
    Hash tx_root;
    std::vector<Withdrawal> withdrawals;  // every applied withdrawal record (forced or not), in batch order
    Hash withdrawal_root;
    std::uint64_t deposit_count = 0;  // queue entries taken: deposits and forced records

    std::size_t chunk_count() const { return chunk_roots.size(); }
    const Hash& state_root() const { return chunk_roots.back(); }
    const Hash& chunk_pre_root(std::size_t chunk) const {
        return chunk == 0 ? prev_state_root : chunk_roots[chunk - 1];
    }
    ByteView chunk_records(std::size_t chunk) const;
    std::vector<Hash> chunk_proof(std::size_t chunk) const;            // of chunk_leaves[chunk] in tx_root
    std::vector<Hash> withdrawal_proof(std::size_t withdrawal) const;  // of withdrawals[i] in withdrawal_root
    // depositEnd = depositStart + the number of queue entries (deposits and forced transactions);
    // submittedAt and proposer are what the contract records (block.timestamp, msg.sender).
    BatchHeader header(std::uint64_t deposit_start, std::uint64_t submitted_at, const Address& proposer) const;
};

// A batch as it appears on L1 (or as a cheating proposer made it): parses the records strictly,
// checks there are n >= 1 records and ceil(n/K) chunk roots, derives the commitments. Runs no STF.
Result<Batch> assemble_batch(const Hash& prev_state_root, Bytes records, std::vector<Hash> chunk_roots);

// The honest proposer: applies `records` to `tree` (which ends at the batch's post-state) and
// assembles the batch with the resulting roots. Refuses a batch with an invalid record, naming it
// and its verdict; the tree is unchanged then. `known`: senders recovered earlier, as for
// apply_records.
Result<Batch> build_batch(AccountTree& tree, std::span<const Record> records, const Params& params,
                          unsigned threads = 2, std::span<const RecoveredSender> known = {});

}  // namespace sluice::rollup
