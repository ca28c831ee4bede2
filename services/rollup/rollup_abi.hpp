// SPDX-License-Identifier: MIT
#pragma once
// The Rollup contract's calls and events (docs/PROTOCOL.md §5) as bytes: calldata encoders for
// the writes a node or wallet makes, the submitBatch decoder a verifier needs to read a batch
// from its transaction, and typed events parsed from eth_getLogs entries. Plain data, no I/O.

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <variant>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/eth/abi.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/params.hpp"

namespace sluice {

// The arguments of submitBatch(bytes32,bytes,bytes32[]).
struct SubmitBatchCall {
    Hash prevStateRoot;
    Bytes records;
    std::vector<Hash> chunkRoots;
};

// One account of the last state root, as exit(...) proves it (§5.4).
struct ExitCall {
    std::uint32_t accountIndex = 0;
    Address account;
    U256 balance = 0;
    std::uint64_t nonce = 0;
    Hash treeRoot;
    std::uint32_t count = 0;
    std::vector<Hash> siblings;  // kTreeDepth of them, level 0 first
};

// Constructor arguments of Rollup (PROTOCOL §1), in the constructor's order.
struct RollupConstructorArgs {
    U256 l2ChainId = 31338;
    U256 challengePeriod = 60;
    U256 requiredBond = U256(1'000'000'000'000'000'000ULL);
    U256 l2BaseFee = 1'000'000'000;
    U256 depositDelay = 30;
    Address feeRecipient;
    U256 minDeposit = U256(1'000'000'000'000'000ULL);  // 0.001 ether
    U256 escapeDelay = 600;
};

namespace rollupabi {

// Creation bytecode ‖ abi.encode(constructor args): the `data` of the deploying transaction.
Result<Bytes> encodeDeployment(ByteView creationBytecode, const RollupConstructorArgs& args);
Bytes encodeSubmitBatch(const SubmitBatchCall& call);
Result<SubmitBatchCall> decodeSubmitBatch(ByteView input);  // input = selector ‖ arguments
Bytes encodeDeposit(const Address& to);
// forceTransaction((bool,uint8,address,uint256,uint256,uint256,uint256,uint256,uint256,bytes32,bytes32)), §4.5.
Bytes encodeForceTransaction(const rollup::ForcedTransaction& tx);
Bytes encodeBond();
Bytes encodeExit(const ExitCall& call);
Bytes encodeRefundDeposit(std::uint64_t index, const Address& to, const U256& amount, std::uint64_t timestamp);
Bytes encodeFinalizeWithdrawal(const rollup::BatchHeader& header, std::uint64_t batchIndex,
                               std::uint64_t withdrawalIndex, const Address& recipient, const U256& amount,
                               const std::vector<Hash>& proof);
// Views returning one word: "challengePeriod()", "batchCount()", "genesisStateRoot(address)", ...
Bytes encodeView(const char* signature, const std::vector<AbiValue>& args = {});
// bytes32 / uint256 / address word of a view's return data.
Result<U256> decodeUintWord(ByteView returnData);
Result<Address> decodeAddressWord(ByteView returnData);

// topic0 of each event the reader follows.
Hash depositQueuedTopic();
Hash transactionForcedTopic();
Hash bondedTopic();
Hash unbondRequestedTopic();
Hash bondWithdrawnTopic();
Hash bondSlashedTopic();
Hash batchSubmittedTopic();
Hash fraudProvenTopic();
Hash batchesRevertedTopic();
Hash withdrawalFinalizedTopic();
Hash exitedTopic();
Hash depositRefundedTopic();

}  // namespace rollupabi

// Where an event was found on L1.
struct L1Position {
    quint64 blockNumber = 0;
    Hash blockHash;
    Hash txHash;
    quint64 logIndex = 0;
};

// One entry of the L1 queue (§4.4): a deposit (DepositQueued), or, when `forced` is set, a forced
// transaction (TransactionForced, §4.5; `to` and `amount` are then zero). Both kinds share the
// queue's indices, so they are kept in one list in queue order.
struct DepositQueuedEvent {
    quint64 index = 0;
    Address to;
    U256 amount = 0;
    quint64 timestamp = 0;
    L1Position at;
    std::optional<rollup::ForcedTransaction> forced;
};

// A submitBatch as read from L1: the event's header, and the batch rebuilt from the
// transaction's calldata and checked against that header. `batch` is empty (and `readError`
// says why) when the calldata could not be read or does not match the header (e.g. the batch
// was submitted through another contract).
struct BatchSubmittedEvent {
    quint64 index = 0;
    rollup::BatchHeader header;
    L1Position at;
    std::optional<rollup::Batch> batch;
    QString readError;
};

struct FraudProvenEvent {
    quint64 batchIndex = 0;
    quint64 chunkIndex = 0;
    rollup::Verdict verdict = rollup::Verdict::None;
    quint64 recordIndex = 0;
    Address challenger;
    L1Position at;
};

// Batches firstIndex … firstIndex + count − 1 were removed by a fraud proof (one event, §5.2).
struct BatchesRevertedEvent {
    quint64 firstIndex = 0;
    quint64 count = 0;
    L1Position at;
};

// The escape hatch paid an account of the frozen state (§5.4), or refunded a queued deposit.
struct ExitedEvent {
    quint64 accountIndex = 0;
    Address account;
    U256 amount = 0;
    L1Position at;
};
struct DepositRefundedEvent {
    quint64 index = 0;
    Address to;
    U256 amount = 0;
    L1Position at;
};

struct WithdrawalFinalizedEvent {
    quint64 batchIndex = 0;
    quint64 withdrawalIndex = 0;
    Address recipient;
    U256 amount = 0;
    L1Position at;
};

struct BondEvent {
    enum class Kind { Bonded, UnbondRequested, Withdrawn, Slashed };
    Kind kind = Kind::Bonded;
    Address proposer;
    U256 amount = 0;          // Bonded, Withdrawn, Slashed
    U256 total = 0;           // Bonded: the bond after it
    quint64 availableAt = 0;  // UnbondRequested
    Address challenger;       // Slashed
    U256 reward = 0;          // Slashed: what the challenger got
    L1Position at;
};

using RollupEvent = std::variant<DepositQueuedEvent, BatchSubmittedEvent, FraudProvenEvent, BatchesRevertedEvent,
                                 WithdrawalFinalizedEvent, BondEvent, ExitedEvent, DepositRefundedEvent>;

const L1Position& eventPosition(const RollupEvent& event);

// One eth_getLogs entry of the Rollup contract; an unknown topic0 is an error. A
// BatchSubmittedEvent comes back without its batch (the reader fills it from the transaction).
Result<RollupEvent> parseRollupLog(const QJsonObject& log);

}  // namespace sluice
