// SPDX-License-Identifier: MIT
#include "node/rpc/ethapi.h"

#include <QJsonArray>
#include <QPointer>

#include "core/common/uint256.hpp"
#include "core/rollup/params.hpp"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/sequencer.h"

namespace sluice::node {

namespace {

QString q(const U256& v) { return QString::fromStdString(u256_to_quantity(v)); }
QString q64(std::uint64_t v) { return q(U256(v)); }
QString hx(ByteView b) { return QString::fromStdString(to_hex(b)); }

const QString kZeroHash = QStringLiteral("0x0000000000000000000000000000000000000000000000000000000000000000");
const QString kEmptyUncles = QStringLiteral("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
const QString kEmptyTrie = QStringLiteral("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
const QString kEmptyBloom = QStringLiteral("0x") + QString(512, QLatin1Char('0'));

RpcFailure invalid(const QString& message) { return RpcFailure{rpc_error::invalidParams, message}; }

std::optional<Address> parseAddress(const QJsonValue& v) {
    if (!v.isString()) return std::nullopt;
    return Address::from_hex(v.toString().toStdString());
}
std::optional<Hash> parseHash(const QJsonValue& v) {
    if (!v.isString()) return std::nullopt;
    return Hash::from_hex(v.toString().toStdString());
}

// A block tag or number; `pending` tells whether the mempool counts.
struct BlockRef {
    std::uint64_t number = 0;
    bool pending = false;
};
std::variant<BlockRef, RpcFailure> parseBlockRef(const QJsonValue& v, std::uint64_t head) {
    if (v.isUndefined() || v.isNull()) return BlockRef{head, false};
    if (v.isObject()) {  // EIP-1898
        const QJsonValue number = v.toObject().value(QStringLiteral("blockNumber"));
        if (number.isString()) return parseBlockRef(number, head);
        return invalid(QStringLiteral("block hashes are not accepted here; use a block number or tag"));
    }
    if (!v.isString()) return invalid(QStringLiteral("block must be a tag or a hex quantity"));
    const QString s = v.toString();
    if (s == QLatin1String("latest") || s == QLatin1String("safe") || s == QLatin1String("finalized"))
        return BlockRef{head, false};
    if (s == QLatin1String("pending")) return BlockRef{head, true};
    if (s == QLatin1String("earliest")) return BlockRef{0, false};
    auto n = integerParam(v, 0, UINT64_MAX, QStringLiteral("block number"));
    if (auto* f = std::get_if<RpcFailure>(&n)) return *f;
    return BlockRef{std::get<std::uint64_t>(n), false};
}

// eth_feeHistory's rewardPercentiles: absent, or up to kMaxPercentiles numbers from 0 to 100 in
// ascending order. The answer holds one reward per percentile per block, so this and
// the 1,024-block cap bound it (~100,000 entries, under 1 MB).
constexpr qsizetype kMaxPercentiles = 100;
constexpr std::uint64_t kMaxFeeHistoryBlocks = 1024;

std::variant<qsizetype, RpcFailure> percentileCount(const QJsonValue& v) {
    if (v.isUndefined() || v.isNull()) return qsizetype(0);
    const QString expected =
        QStringLiteral("rewardPercentiles must be at most %1 numbers from 0 to 100 in ascending order")
            .arg(kMaxPercentiles);
    if (!v.isArray()) return invalid(expected);
    const QJsonArray a = v.toArray();
    if (a.size() > kMaxPercentiles) return invalid(expected);
    double previous = 0;
    for (const QJsonValue& p : a) {
        const double d = p.toDouble(-1);
        if (!p.isDouble() || !(d >= previous && d <= 100)) return invalid(expected);
        previous = d;
    }
    return a.size();
}

// fullTransactions: a boolean, false when absent.
std::variant<bool, RpcFailure> fullTransactionsParam(const QJsonValue& v) {
    if (v.isUndefined() || v.isNull()) return false;
    if (!v.isBool()) return invalid(QStringLiteral("fullTransactions must be true or false"));
    return v.toBool();
}

U256 effectivePrice(const Transaction& tx, const U256& baseFee) {
    if (tx.type == TxType::legacy) return tx.gas_price;
    const U256 tip = baseFee + tx.max_priority_fee_per_gas;
    return std::min(tx.max_fee_per_gas, tip);
}

QJsonObject transactionJson(const TransactionInfo& info, const U256& baseFee) {
    const Transaction& tx = info.signedTx.tx;
    QJsonObject o{
        {QStringLiteral("hash"), hx(info.hash)},
        {QStringLiteral("nonce"), q64(tx.nonce)},
        {QStringLiteral("blockHash"), info.blockHash ? QJsonValue(hx(*info.blockHash)) : QJsonValue()},
        {QStringLiteral("blockNumber"), info.block ? QJsonValue(q64(*info.block)) : QJsonValue()},
        {QStringLiteral("transactionIndex"), info.position ? QJsonValue(q64(*info.position)) : QJsonValue()},
        {QStringLiteral("from"), hx(info.from)},
        {QStringLiteral("to"), tx.to ? QJsonValue(hx(*tx.to)) : QJsonValue()},
        {QStringLiteral("value"), q(tx.value)},
        {QStringLiteral("gas"), q64(tx.gas_limit)},
        {QStringLiteral("input"), QStringLiteral("0x")},
        {QStringLiteral("type"), q64(std::uint64_t(tx.type))},
        {QStringLiteral("chainId"), q(tx.chain_id)},
        {QStringLiteral("v"), q(info.signedTx.v())},
        {QStringLiteral("r"), q(*u256_from_be(info.signedTx.signature.r))},
        {QStringLiteral("s"), q(*u256_from_be(info.signedTx.signature.s))},
    };
    if (tx.type == TxType::eip1559) {
        o.insert(QStringLiteral("maxFeePerGas"), q(tx.max_fee_per_gas));
        o.insert(QStringLiteral("maxPriorityFeePerGas"), q(tx.max_priority_fee_per_gas));
        o.insert(QStringLiteral("gasPrice"), q(info.block ? effectivePrice(tx, baseFee) : tx.max_fee_per_gas));
        o.insert(QStringLiteral("accessList"), QJsonArray());
        o.insert(QStringLiteral("yParity"), q64(info.signedTx.signature.recovery_id));
    } else {
        o.insert(QStringLiteral("gasPrice"), q(tx.gas_price));
    }
    return o;
}

}  // namespace

QJsonObject blockToJson(const Sequencer& sequencer, const BlockInfo& block, bool fullTransactions) {
    const U256 baseFee = sequencer.config().params.base_fee;
    QJsonArray txs;
    for (const auto& h : block.transactions) {
        if (fullTransactions) {
            if (auto info = sequencer.transaction(h)) {
                txs.append(transactionJson(*info, baseFee));
                continue;
            }
        }
        txs.append(hx(h));
    }
    const std::uint64_t gasUsed = std::uint64_t(block.transactions.size()) * rollup::kTransferGas;
    const std::uint64_t gasLimit =
        std::max<std::uint64_t>(std::uint64_t(sequencer.config().maxBlockRecords) * rollup::kTransferGas, 30'000'000);
    return QJsonObject{
        {QStringLiteral("number"), q64(block.number)},
        {QStringLiteral("hash"), hx(block.hash)},
        {QStringLiteral("parentHash"), hx(block.parentHash)},
        {QStringLiteral("timestamp"), q64(block.timestamp)},
        {QStringLiteral("stateRoot"), hx(block.stateRoot)},
        {QStringLiteral("transactionsRoot"), kEmptyTrie},
        {QStringLiteral("receiptsRoot"), kEmptyTrie},
        {QStringLiteral("sha3Uncles"), kEmptyUncles},
        {QStringLiteral("logsBloom"), kEmptyBloom},
        {QStringLiteral("miner"), hx(sequencer.config().feeRecipient)},
        {QStringLiteral("difficulty"), QStringLiteral("0x0")},
        {QStringLiteral("totalDifficulty"), QStringLiteral("0x0")},
        {QStringLiteral("extraData"), QStringLiteral("0x")},
        {QStringLiteral("mixHash"), kZeroHash},
        {QStringLiteral("nonce"), QStringLiteral("0x0000000000000000")},
        {QStringLiteral("size"), q64(512 + 120 * block.transactions.size())},
        {QStringLiteral("gasLimit"), q64(gasLimit)},
        {QStringLiteral("gasUsed"), q64(gasUsed)},
        {QStringLiteral("baseFeePerGas"), q(baseFee)},
        {QStringLiteral("transactions"), txs},
        {QStringLiteral("uncles"), QJsonArray()},
    };
}

void registerEthMethods(RpcServer& server, Sequencer& sequencer) {
    Sequencer* seq = &sequencer;
    const auto& params = sequencer.config().params;
    const U256 chainId = params.chain_id;
    const U256 baseFee = params.base_fee;

    server.registerSyncMethod(QStringLiteral("eth_chainId"),
                              [chainId](const QJsonValue&) -> RpcOutcome { return QJsonValue(q(chainId)); });
    server.registerSyncMethod(QStringLiteral("net_version"), [chainId](const QJsonValue&) -> RpcOutcome {
        return QJsonValue(QString::fromStdString(u256_to_dec(chainId)));
    });
    server.registerSyncMethod(QStringLiteral("web3_clientVersion"), [](const QJsonValue&) -> RpcOutcome {
        return QJsonValue(QStringLiteral("sluiced/0.1.0"));
    });
    server.registerSyncMethod(QStringLiteral("eth_blockNumber"),
                              [seq](const QJsonValue&) -> RpcOutcome { return QJsonValue(q64(seq->blockNumber())); });
    server.registerSyncMethod(QStringLiteral("eth_gasPrice"),
                              [baseFee](const QJsonValue&) -> RpcOutcome { return QJsonValue(q(baseFee)); });
    server.registerSyncMethod(QStringLiteral("eth_maxPriorityFeePerGas"),
                              [](const QJsonValue&) -> RpcOutcome { return QJsonValue(QStringLiteral("0x0")); });
    server.registerSyncMethod(QStringLiteral("eth_accounts"),
                              [](const QJsonValue&) -> RpcOutcome { return QJsonValue(QJsonArray()); });
    server.registerSyncMethod(QStringLiteral("eth_syncing"),
                              [](const QJsonValue&) -> RpcOutcome { return QJsonValue(false); });
    server.registerSyncMethod(QStringLiteral("eth_getCode"),
                              [](const QJsonValue&) -> RpcOutcome { return QJsonValue(QStringLiteral("0x")); });
    server.registerSyncMethod(QStringLiteral("eth_call"),
                              [](const QJsonValue&) -> RpcOutcome { return QJsonValue(QStringLiteral("0x")); });

    server.registerSyncMethod(QStringLiteral("eth_feeHistory"), [seq, baseFee](const QJsonValue& p) -> RpcOutcome {
        const QJsonArray a = p.toArray();
        if (a.size() > 3)
            return invalid(QStringLiteral("eth_feeHistory expects [blockCount, newestBlock, rewardPercentiles]"));
        const auto count = integerParam(a.at(0), 1, kMaxFeeHistoryBlocks, QStringLiteral("blockCount"));
        if (auto* f = std::get_if<RpcFailure>(&count)) return *f;
        auto ref = parseBlockRef(a.at(1), seq->blockNumber());
        if (auto* f = std::get_if<RpcFailure>(&ref)) return *f;
        const auto percentiles = percentileCount(a.at(2));
        if (auto* f = std::get_if<RpcFailure>(&percentiles)) return *f;
        const qsizetype rewardsPerBlock = std::get<qsizetype>(percentiles);
        const std::uint64_t newest = std::min(std::get<BlockRef>(ref).number, seq->blockNumber());
        const std::uint64_t n = std::min(std::get<std::uint64_t>(count), newest + 1);
        QJsonArray fees, ratios, rewards;
        QJsonArray blockRewards;  // every L2 transaction pays no tip: the same zeros for each block
        for (qsizetype k = 0; k < rewardsPerBlock; ++k) blockRewards.append(QStringLiteral("0x0"));
        for (std::uint64_t i = 0; i < n; ++i) {
            fees.append(q(baseFee));
            ratios.append(0.0);
            rewards.append(blockRewards);
        }
        fees.append(q(baseFee));
        QJsonObject out{{QStringLiteral("oldestBlock"), q64(newest + 1 - n)},
                        {QStringLiteral("baseFeePerGas"), fees},
                        {QStringLiteral("gasUsedRatio"), ratios}};
        if (rewardsPerBlock > 0) out.insert(QStringLiteral("reward"), rewards);
        return QJsonValue(out);
    });

    server.registerSyncMethod(QStringLiteral("eth_estimateGas"), [](const QJsonValue& p) -> RpcOutcome {
        const QJsonObject call = p.toArray().at(0).toObject();
        const QString data =
            call.value(QStringLiteral("data")).toString(call.value(QStringLiteral("input")).toString());
        if (!data.isEmpty() && data != QLatin1String("0x"))
            return RpcFailure{rpc_error::rejected,
                              QStringLiteral("calldata is not supported: this L2 carries plain transfers only")};
        if (call.value(QStringLiteral("to")).isNull() || !call.contains(QStringLiteral("to")))
            return RpcFailure{
                rpc_error::rejected,
                QStringLiteral("contract creation is not supported: this L2 carries plain transfers only")};
        return QJsonValue(q64(rollup::kTransferGas));
    });

    server.registerSyncMethod(QStringLiteral("eth_getBalance"), [seq](const QJsonValue& p) -> RpcOutcome {
        const QJsonArray a = p.toArray();
        const auto address = parseAddress(a.at(0));
        if (!address) return invalid(QStringLiteral("eth_getBalance expects [address, block]"));
        auto ref = parseBlockRef(a.at(1), seq->blockNumber());
        if (auto* f = std::get_if<RpcFailure>(&ref)) return *f;
        const auto r = std::get<BlockRef>(ref);
        if (r.number < seq->blockNumber())
            return RpcFailure{rpc_error::rejected,
                              QStringLiteral("the state of block %1 is not kept; ask for latest").arg(r.number)};
        return QJsonValue(q(seq->balance(*address, r.pending)));
    });

    server.registerSyncMethod(QStringLiteral("eth_getTransactionCount"), [seq](const QJsonValue& p) -> RpcOutcome {
        const QJsonArray a = p.toArray();
        const auto address = parseAddress(a.at(0));
        if (!address) return invalid(QStringLiteral("eth_getTransactionCount expects [address, block]"));
        auto ref = parseBlockRef(a.at(1), seq->blockNumber());
        if (auto* f = std::get_if<RpcFailure>(&ref)) return *f;
        const auto r = std::get<BlockRef>(ref);
        if (r.number < seq->blockNumber())
            return RpcFailure{rpc_error::rejected,
                              QStringLiteral("the state of block %1 is not kept; ask for latest").arg(r.number)};
        return QJsonValue(q64(seq->nonce(*address, r.pending)));
    });

    server.registerSyncMethod(QStringLiteral("eth_getBlockByNumber"), [seq](const QJsonValue& p) -> RpcOutcome {
        const QJsonArray a = p.toArray();
        if (a.isEmpty()) return invalid(QStringLiteral("eth_getBlockByNumber expects [block, fullTransactions]"));
        auto ref = parseBlockRef(a.at(0), seq->blockNumber());
        if (auto* f = std::get_if<RpcFailure>(&ref)) return *f;
        const auto full = fullTransactionsParam(a.at(1));
        if (auto* f = std::get_if<RpcFailure>(&full)) return *f;
        auto block = seq->block(std::get<BlockRef>(ref).number);
        if (!block) return QJsonValue(QJsonValue::Null);
        return QJsonValue(blockToJson(*seq, *block, std::get<bool>(full)));
    });

    server.registerSyncMethod(QStringLiteral("eth_getBlockByHash"), [seq](const QJsonValue& p) -> RpcOutcome {
        const QJsonArray a = p.toArray();
        const auto hash = parseHash(a.at(0));
        if (!hash) return invalid(QStringLiteral("eth_getBlockByHash expects [blockHash, fullTransactions]"));
        const auto full = fullTransactionsParam(a.at(1));
        if (auto* f = std::get_if<RpcFailure>(&full)) return *f;
        auto block = seq->blockByHash(*hash);
        if (!block) return QJsonValue(QJsonValue::Null);
        return QJsonValue(blockToJson(*seq, *block, std::get<bool>(full)));
    });

    server.registerSyncMethod(
        QStringLiteral("eth_getTransactionByHash"), [seq, baseFee](const QJsonValue& p) -> RpcOutcome {
            const auto hash = parseHash(p.toArray().at(0));
            if (!hash) return invalid(QStringLiteral("eth_getTransactionByHash expects [transactionHash]"));
            auto info = seq->transaction(*hash);
            if (!info || info->status == TxStatus::dropped) return QJsonValue(QJsonValue::Null);
            return QJsonValue(transactionJson(*info, baseFee));
        });

    server.registerSyncMethod(
        QStringLiteral("eth_getTransactionReceipt"), [seq, baseFee](const QJsonValue& p) -> RpcOutcome {
            const auto hash = parseHash(p.toArray().at(0));
            if (!hash) return invalid(QStringLiteral("eth_getTransactionReceipt expects [transactionHash]"));
            auto info = seq->transaction(*hash);
            if (!info || !info->block || !info->blockHash) return QJsonValue(QJsonValue::Null);
            const Transaction& tx = info->signedTx.tx;
            const std::uint64_t gas = rollup::kTransferGas;
            return QJsonValue(QJsonObject{
                {QStringLiteral("transactionHash"), hx(info->hash)},
                {QStringLiteral("transactionIndex"), q64(*info->position)},
                {QStringLiteral("blockHash"), hx(*info->blockHash)},
                {QStringLiteral("blockNumber"), q64(*info->block)},
                {QStringLiteral("from"), hx(info->from)},
                {QStringLiteral("to"), tx.to ? QJsonValue(hx(*tx.to)) : QJsonValue()},
                {QStringLiteral("cumulativeGasUsed"), q64(gas * (std::uint64_t(*info->position) + 1))},
                {QStringLiteral("gasUsed"), q64(gas)},
                {QStringLiteral("effectiveGasPrice"), q(effectivePrice(tx, baseFee))},
                {QStringLiteral("contractAddress"), QJsonValue()},
                {QStringLiteral("logs"), QJsonArray()},
                {QStringLiteral("logsBloom"), kEmptyBloom},
                {QStringLiteral("type"), q64(std::uint64_t(tx.type))},
                {QStringLiteral("status"), QStringLiteral("0x1")},
            });
        });

    server.registerMethod(QStringLiteral("eth_sendRawTransaction"), [seq](const QJsonValue& p, RpcResponder respond) {
        const QJsonValue v = p.toArray().at(0);
        const auto raw = v.isString() ? from_hex(v.toString().toStdString()) : std::nullopt;
        if (!raw || raw->empty()) {
            respond.error(rpc_error::invalidParams,
                          QStringLiteral("eth_sendRawTransaction expects [\"0x…signed transaction\"]"));
            return;
        }
        seq->submitRawTransactionAsync(*raw, [respond](Result<Hash> result) {
            if (result)
                respond.result(hx(*result));
            else
                respond.error(rpc_error::rejected, QString::fromStdString(result.message()));
        });
    });

    QPointer<RpcServer> srv(&server);
    QObject::connect(seq, &Sequencer::newBlock, &server, [srv, seq](quint64 number) {
        if (!srv || srv->subscriptionCount() == 0) return;
        if (auto block = seq->block(number)) srv->publish(QStringLiteral("newHeads"), blockToJson(*seq, *block, false));
    });
}

}  // namespace sluice::node
