// SPDX-License-Identifier: MIT
#pragma once
// The challenger's side of docs/PROTOCOL.md §6: replay a posted batch with the honest STF from
// the true pre-state, find the first wrong chunk and build the Rollup.FraudProof for it.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/account_tree.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/params.hpp"

namespace sluice::rollup {

// Rollup.FraudProof, plus what the contract is expected to conclude.
struct FraudProof {
    U256 batch_index = 0;
    BatchHeader header;
    std::uint64_t chunk_index = 0;
    Hash pre_root;
    Hash post_root;
    Bytes records;                  // the chunk's record bytes as committed
    std::vector<Hash> chunk_proof;  // of the chunk leaf in header.tx_root
    Hash tree_root;                 // keccak(tree_root ‖ count) == pre_root
    std::uint32_t count = 0;
    // Per record, the accounts it touches in STF order (sender, then recipient), then the fee
    // account if the chunk collected a fee: address[20] balance[32] nonce[8] + compressed proof,
    // or the compressed proof alone for a new account. A skipped forced record has a 4-byte claim
    // instead: 0xffffffff (right skip), or the signer's account index and its entry (WrongSkip).
    // Replay stops at the first invalid record.
    Bytes witness;

    // Not part of the calldata: the verdict and record index (within the chunk) the contract
    // should emit in FraudProven.
    Verdict verdict = Verdict::None;
    std::size_t record_index = 0;
};

// nullopt if the batch is honest (every chunk valid and at its claimed root). Errors if
// `pre_state` is not the state behind batch.prev_state_root or the header does not match the batch.
Result<std::optional<FraudProof>> build_fraud_proof(const Batch& batch, const BatchHeader& header,
                                                    const U256& batch_index, const AccountTree& pre_state,
                                                    const Params& params);

// "proveFraud((uint256,(bytes32,bytes32,bytes32,bytes32,uint64,uint64,uint64,uint64,address),uint256,
// bytes32,bytes32,bytes,bytes32[],bytes32,uint32,bytes))"
inline constexpr const char* kProveFraudSignature =
    "proveFraud((uint256,(bytes32,bytes32,bytes32,bytes32,uint64,uint64,uint64,uint64,address),uint256,"
    "bytes32,bytes32,bytes,bytes32[],bytes32,uint32,bytes))";
// The calldata of proveFraud(proof): selector ‖ abi.encode(proof).
Result<Bytes> encode_prove_fraud_call(const FraudProof& proof);

}  // namespace sluice::rollup
