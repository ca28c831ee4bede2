// SPDX-License-Identifier: MIT
#pragma once
// Protocol constants and the constructor parameters of the Rollup contract (docs/PROTOCOL.md §1)
// that the state transition needs. Clients read the parameters from the chain; the defaults are
// the devnet's.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"

namespace sluice::rollup {

inline constexpr std::size_t kChunkSize = 16;         // K, Rollup.CHUNK_SIZE()
inline constexpr std::uint64_t kTransferGas = 21000;  // TRANSFER_GAS
inline constexpr unsigned kTreeDepth = 32;
// Bounds that keep the largest legal submitBatch below EIP-7825's 2^24 gas (§1).
inline constexpr std::size_t kMaxRecordsPerBatch = 2048;  // MAX_RECORDS_PER_BATCH
inline constexpr std::size_t kMaxDepositsPerBatch = 256;  // MAX_DEPOSITS_PER_BATCH

// 0x00000000000000000000000000000000005111CE
Address withdrawal_address();

struct Params {
    U256 chain_id = 31338;          // L2_CHAIN_ID
    U256 base_fee = 1'000'000'000;  // L2_BASE_FEE, wei per gas
};

// The order of the Solidity `enum Verdict`: the numeric values are part of the protocol.
enum class Verdict : std::uint8_t {
    None = 0,
    WrongStateRoot = 1,
    UnknownAccount = 2,
    BadNonce = 3,
    BadSignature = 4,
    BadFee = 5,
    Overdraft = 6,
    Overflow = 7,
    BadWithdrawal = 8,
    WrongSkip = 9,  // a forced transaction skipped although it was valid for an account of its signer (§4.5)
};

std::string_view verdict_name(Verdict verdict);

}  // namespace sluice::rollup
