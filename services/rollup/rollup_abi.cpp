// SPDX-License-Identifier: MIT
#include "services/rollup/rollup_abi.hpp"

#include <QJsonArray>

#include "core/crypto/keccak.hpp"
#include "core/eth/abi.hpp"

namespace sluice {
namespace {

constexpr const char* kSubmitBatch = "submitBatch(bytes32,bytes,bytes32[])";
constexpr const char* kSubmitBatchArgs = "bytes32,bytes,bytes32[]";
// The structs' tuples in signatures, from their one declaration in core.
const std::string kHeaderTuple = "(" + std::string(rollup::kBatchHeaderAbiTypes) + ")";
const std::string kForcedTuple = "(" + std::string(rollup::kForcedTransactionAbiTypes) + ")";

Bytes wordBytes(const Hash& h) { return Bytes(h.begin(), h.end()); }

// A call whose values fit their types by construction (the encoder checks them all the same).
Bytes call(const std::string& signature, const std::vector<AbiValue>& values) {
    auto encoded = encode_call(signature, values);
    if (!encoded) qFatal("encoding %s: %s", signature.c_str(), encoded.message().c_str());
    return std::move(encoded).value();
}

// A call taking a static struct: `signature` names the tuple (for the selector), and its fields are
// encoded inline, as `flatTypes` list them (the ABI lays out a static tuple that way; the encoder
// has no tuple type).
Bytes callWithStruct(const std::string& signature, const std::string& flatTypes, const std::vector<AbiValue>& values) {
    auto body = abi_encode(*parse_abi_types(flatTypes), values);
    if (!body) qFatal("encoding %s: %s", signature.c_str(), body.message().c_str());
    Bytes out;
    append(out, function_selector(signature));
    append(out, *body);
    return out;
}

Hash topic(const std::string& signature) { return keccak256(as_bytes(signature)); }

Hash asHash(const AbiValue& v) {
    const auto& b = std::get<Bytes>(v.value);
    Hash h;
    std::copy(b.begin(), b.end(), h.bytes.begin());
    return h;
}

std::optional<Bytes> hexField(const QJsonObject& o, const char* key) {
    auto v = o.value(QLatin1String(key));
    if (!v.isString()) return std::nullopt;
    return from_hex(v.toString().toStdString());
}

std::optional<quint64> quantityField(const QJsonObject& o, const char* key) {
    auto v = o.value(QLatin1String(key));
    if (!v.isString()) return std::nullopt;
    auto u = u256_from_hex(v.toString().toStdString());
    if (!u || *u > U256(std::numeric_limits<quint64>::max())) return std::nullopt;
    return static_cast<quint64>(*u);
}

Result<U256> word(ByteView data, std::size_t i) {
    if (data.size() < (i + 1) * 32) return make_error("event data is shorter than expected");
    return *u256_from_be(data.subspan(i * 32, 32));
}
Address wordAddress(const Hash& w) {
    Address a;
    std::copy(w.begin() + 12, w.end(), a.bytes.begin());
    return a;
}
Address wordAddress(ByteView data, std::size_t i) {
    Address a;
    std::copy(data.begin() + i * 32 + 12, data.begin() + (i + 1) * 32, a.bytes.begin());
    return a;
}
quint64 clamp64(const U256& v) {
    return v > U256(std::numeric_limits<quint64>::max()) ? std::numeric_limits<quint64>::max()
                                                         : static_cast<quint64>(v);
}

}  // namespace

namespace rollupabi {

Result<Bytes> encodeDeployment(ByteView creationBytecode, const RollupConstructorArgs& a) {
    if (creationBytecode.empty()) return make_error("the Rollup creation bytecode is empty");
    static const auto types = *parse_abi_types("uint256,uint256,uint256,uint256,uint256,address,uint256,uint256");
    auto args = abi_encode(types, {a.l2ChainId, a.challengePeriod, a.requiredBond, a.l2BaseFee, a.depositDelay,
                                   a.feeRecipient, a.minDeposit, a.escapeDelay});
    if (!args) return args.error();
    Bytes out(creationBytecode.begin(), creationBytecode.end());
    append(out, *args);
    return out;
}

Bytes encodeSubmitBatch(const SubmitBatchCall& submit) {
    std::vector<AbiValue> roots;
    for (const auto& r : submit.chunkRoots) roots.emplace_back(wordBytes(r));
    return call(kSubmitBatch, {wordBytes(submit.prevStateRoot), submit.records, std::move(roots)});
}

Result<SubmitBatchCall> decodeSubmitBatch(ByteView input) {
    auto sel = function_selector(kSubmitBatch);
    if (input.size() < 4 || !std::equal(sel.begin(), sel.end(), input.begin()))
        return make_error("the transaction is not a direct call of Rollup.submitBatch");
    auto types = *parse_abi_types(kSubmitBatchArgs);
    auto values = abi_decode(types, input.subspan(4));
    if (!values) return make_error("submitBatch calldata does not decode: " + values.message());
    SubmitBatchCall call;
    call.prevStateRoot = asHash((*values)[0]);
    call.records = std::get<Bytes>((*values)[1].value);
    for (const auto& r : std::get<std::vector<AbiValue>>((*values)[2].value)) call.chunkRoots.push_back(asHash(r));
    return call;
}

Bytes encodeDeposit(const Address& to) { return call("deposit(address)", {to}); }

Bytes encodeForceTransaction(const rollup::ForcedTransaction& tx) {
    return callWithStruct("forceTransaction(" + kForcedTuple + ")", std::string(rollup::kForcedTransactionAbiTypes),
                          rollup::forced_abi_values(tx));
}

Bytes encodeBond() { return call("bond()", {}); }

Bytes encodeExit(const ExitCall& exit) {
    std::vector<AbiValue> siblings;
    for (const auto& h : exit.siblings) siblings.emplace_back(wordBytes(h));
    return call("exit(uint32,address,uint256,uint64,bytes32,uint32,bytes32[])",
                {U256(exit.accountIndex), exit.account, exit.balance, U256(exit.nonce), wordBytes(exit.treeRoot),
                 U256(exit.count), std::move(siblings)});
}

Bytes encodeRefundDeposit(std::uint64_t index, const Address& to, const U256& amount, std::uint64_t timestamp) {
    return call("refundDeposit(uint256,address,uint256,uint64)", {U256(index), to, amount, U256(timestamp)});
}

Bytes encodeFinalizeWithdrawal(const rollup::BatchHeader& header, std::uint64_t batchIndex,
                               std::uint64_t withdrawalIndex, const Address& recipient, const U256& amount,
                               const std::vector<Hash>& proof) {
    std::vector<AbiValue> values = rollup::batch_header_abi_values(header);
    std::vector<AbiValue> siblings;
    for (const auto& h : proof) siblings.emplace_back(wordBytes(h));
    values.insert(values.end(), {U256(batchIndex), U256(withdrawalIndex), recipient, amount, std::move(siblings)});
    const std::string rest = ",uint256,uint256,address,uint256,bytes32[]";
    return callWithStruct("finalizeWithdrawal(" + kHeaderTuple + rest + ")",
                          std::string(rollup::kBatchHeaderAbiTypes) + rest, values);
}

Bytes encodeView(const char* signature, const std::vector<AbiValue>& args) { return call(signature, args); }

Result<U256> decodeUintWord(ByteView data) {
    if (data.size() != 32) return make_error("a view returned " + std::to_string(data.size()) + " bytes, not one word");
    return *u256_from_be(data);
}

Result<Address> decodeAddressWord(ByteView data) {
    if (data.size() != 32) return make_error("a view returned " + std::to_string(data.size()) + " bytes, not one word");
    if (!std::all_of(data.begin(), data.begin() + 12, [](auto b) { return b == 0; }))
        return make_error("a view returned an address word with non-zero padding");
    return wordAddress(data, 0);
}

Hash depositQueuedTopic() { return topic("DepositQueued(uint256,address,uint256,uint64)"); }
Hash transactionForcedTopic() {
    return topic(std::string("TransactionForced(uint256,bytes32,") + kForcedTuple + ",uint64)");
}
Hash bondedTopic() { return topic("Bonded(address,uint256,uint256)"); }
Hash unbondRequestedTopic() { return topic("UnbondRequested(address,uint256)"); }
Hash bondWithdrawnTopic() { return topic("BondWithdrawn(address,uint256)"); }
Hash bondSlashedTopic() { return topic("BondSlashed(address,uint256,address,uint256)"); }
Hash batchSubmittedTopic() { return topic(std::string("BatchSubmitted(uint256,") + kHeaderTuple + ")"); }
Hash fraudProvenTopic() { return topic("FraudProven(uint256,uint256,uint8,uint256,address)"); }
Hash batchesRevertedTopic() { return topic("BatchesReverted(uint256,uint256)"); }
Hash withdrawalFinalizedTopic() { return topic("WithdrawalFinalized(uint256,uint256,address,uint256)"); }
Hash exitedTopic() { return topic("Exited(uint32,address,uint256)"); }
Hash depositRefundedTopic() { return topic("DepositRefunded(uint256,address,uint256)"); }

}  // namespace rollupabi

const L1Position& eventPosition(const RollupEvent& event) {
    return std::visit([](const auto& e) -> const L1Position& { return e.at; }, event);
}

Result<RollupEvent> parseRollupLog(const QJsonObject& log) {
    L1Position at;
    auto block = quantityField(log, "blockNumber");
    auto logIndex = quantityField(log, "logIndex");
    auto blockHash = hexField(log, "blockHash");
    auto txHash = hexField(log, "transactionHash");
    auto data = hexField(log, "data");
    if (!block || !logIndex || !blockHash || blockHash->size() != 32 || !txHash || txHash->size() != 32 || !data)
        return make_error("a log entry lacks its block number, log index, hashes or data (pending log?)");
    at.blockNumber = *block;
    at.logIndex = *logIndex;
    at.blockHash = *Hash::from_view(*blockHash);
    at.txHash = *Hash::from_view(*txHash);
    std::vector<Hash> topics;
    for (const auto& t : log.value(QStringLiteral("topics")).toArray()) {
        auto raw = from_hex(t.toString().toStdString());
        if (!raw || raw->size() != 32) return make_error("a log topic is not 32 bytes of hex");
        topics.push_back(*Hash::from_view(*raw));
    }
    if (topics.empty()) return make_error("a Rollup log has no topics");
    auto need = [&](std::size_t n, std::size_t words) -> Status {
        if (topics.size() != n || data->size() != words * 32)
            return make_error("a Rollup log has " + std::to_string(topics.size()) + " topics and " +
                              std::to_string(data->size()) + " data bytes, not the event's shape");
        return {};
    };
    ByteView d(*data);
    auto u = [&](std::size_t i) { return *word(d, i); };
    auto tu = [&](std::size_t i) { return *u256_from_be(topics[i]); };
    const Hash& t0 = topics[0];
    using namespace rollupabi;
    if (t0 == depositQueuedTopic()) {
        if (auto s = need(3, 2); !s) return s.error();
        DepositQueuedEvent e{clamp64(tu(1)), wordAddress(topics[2]), u(0), clamp64(u(1)), at, std::nullopt};
        return RollupEvent(e);
    }
    if (t0 == transactionForcedTopic()) {
        // data: the tuple's 11 words inline, then the timestamp; topics: index, forcedHash.
        if (auto s = need(3, 12); !s) return s.error();
        auto tx = rollup::abi_decode_forced(d.subspan(0, 11 * 32));
        if (!tx) return make_error("TransactionForced: " + tx.message());
        if (rollup::forced_hash(*tx) != topics[2])
            return make_error("TransactionForced: the forcedHash topic does not match the transaction");
        DepositQueuedEvent e{clamp64(tu(1)), Address{}, 0, clamp64(u(11)), at, *tx};
        return RollupEvent(std::move(e));
    }
    if (t0 == batchSubmittedTopic()) {
        if (auto s = need(2, 9); !s) return s.error();
        auto header = rollup::abi_decode_header(d);
        if (!header) return header.error();
        BatchSubmittedEvent e;
        e.index = clamp64(tu(1));
        e.header = *header;
        e.at = at;
        return RollupEvent(std::move(e));
    }
    if (t0 == fraudProvenTopic()) {
        if (auto s = need(3, 3); !s) return s.error();
        U256 verdict = u(1);
        if (verdict > U256(static_cast<int>(rollup::Verdict::WrongSkip)))
            return make_error("FraudProven carries an unknown verdict");
        FraudProvenEvent e{
            clamp64(tu(1)), clamp64(u(0)),          static_cast<rollup::Verdict>(static_cast<int>(verdict)),
            clamp64(u(2)),  wordAddress(topics[2]), at};
        return RollupEvent(e);
    }
    if (t0 == batchesRevertedTopic()) {
        if (auto s = need(2, 1); !s) return s.error();
        return RollupEvent(BatchesRevertedEvent{clamp64(tu(1)), clamp64(u(0)), at});
    }
    if (t0 == exitedTopic()) {
        if (auto s = need(3, 1); !s) return s.error();
        return RollupEvent(ExitedEvent{clamp64(tu(1)), wordAddress(topics[2]), u(0), at});
    }
    if (t0 == depositRefundedTopic()) {
        if (auto s = need(3, 1); !s) return s.error();
        return RollupEvent(DepositRefundedEvent{clamp64(tu(1)), wordAddress(topics[2]), u(0), at});
    }
    if (t0 == withdrawalFinalizedTopic()) {
        if (auto s = need(3, 2); !s) return s.error();
        return RollupEvent(WithdrawalFinalizedEvent{clamp64(tu(1)), clamp64(u(0)), wordAddress(topics[2]), u(1), at});
    }
    BondEvent b;
    b.at = at;
    if (t0 == bondedTopic()) {
        if (auto s = need(2, 2); !s) return s.error();
        b.kind = BondEvent::Kind::Bonded;
        b.proposer = wordAddress(topics[1]);
        b.amount = u(0);
        b.total = u(1);
        return RollupEvent(b);
    }
    if (t0 == unbondRequestedTopic()) {
        if (auto s = need(2, 1); !s) return s.error();
        b.kind = BondEvent::Kind::UnbondRequested;
        b.proposer = wordAddress(topics[1]);
        b.availableAt = clamp64(u(0));
        return RollupEvent(b);
    }
    if (t0 == bondWithdrawnTopic()) {
        if (auto s = need(2, 1); !s) return s.error();
        b.kind = BondEvent::Kind::Withdrawn;
        b.proposer = wordAddress(topics[1]);
        b.amount = u(0);
        return RollupEvent(b);
    }
    if (t0 == bondSlashedTopic()) {
        if (auto s = need(3, 2); !s) return s.error();
        b.kind = BondEvent::Kind::Slashed;
        b.proposer = wordAddress(topics[1]);
        b.challenger = wordAddress(topics[2]);
        b.amount = u(0);
        b.reward = u(1);
        return RollupEvent(b);
    }
    return make_error("a Rollup log with an unknown event topic " + t0.hex());
}

}  // namespace sluice
