// SPDX-License-Identifier: MIT
#include "services/bridge/rollup_contract.hpp"

#include <QJsonObject>

#include <memory>

#include "core/eth/abi.hpp"
#include "services/rollup/rollup_abi.hpp"

namespace sluice {

namespace {

Bytes selectorCall(std::string_view signature) {
    const auto selector = function_selector(signature);
    return Bytes(selector.begin(), selector.end());
}

std::optional<U256> word(const Bytes& data) {
    if (data.size() != 32) return std::nullopt;
    return u256_from_be(data);
}

}  // namespace

RollupContract::RollupContract(EthClient* l1, const Address& rollup, QObject* parent)
    : QObject(parent), m_l1(l1), m_rollup(rollup) {}

void RollupContract::call(const Bytes& data, QObject* context, Done<Bytes> done) {
    m_l1->call(CallRequest{std::nullopt, m_rollup, 0, data}, context, std::move(done));
}

void RollupContract::batchCount(QObject* context, Done<quint64> done) {
    RpcClient* rpc = m_l1->rpc();
    call(selectorCall("batchCount()"), context, [rpc, done = std::move(done)](RpcResult<Bytes> reply) {
        if (!reply.ok()) return done(reply.error());
        auto v = word(reply.value());
        if (!v || *v > U256(std::numeric_limits<quint64>::max()))
            return done(rpc->malformed(QStringLiteral("eth_call batchCount()"), QStringLiteral("expected one word")));
        done(static_cast<quint64>(*v));
    });
}

void RollupContract::batchHash(quint64 index, QObject* context, Done<Hash> done) {
    auto data = encode_call("batchHash(uint256)", {U256(index)});
    RpcClient* rpc = m_l1->rpc();
    call(*data, context, [rpc, done = std::move(done)](RpcResult<Bytes> reply) {
        if (!reply.ok()) return done(reply.error());
        auto h = Hash::from_view(reply.value());
        if (!h)
            return done(rpc->malformed(QStringLiteral("eth_call batchHash()"), QStringLiteral("expected one word")));
        done(*h);
    });
}

void RollupContract::isWithdrawalFinalized(quint64 batchIndex, quint64 withdrawalIndex, QObject* context,
                                           Done<bool> done) {
    auto data = encode_call("isWithdrawalFinalized(uint256,uint256)", {U256(batchIndex), U256(withdrawalIndex)});
    RpcClient* rpc = m_l1->rpc();
    call(*data, context, [rpc, done = std::move(done)](RpcResult<Bytes> reply) {
        if (!reply.ok()) return done(reply.error());
        auto v = word(reply.value());
        if (!v || *v > 1)
            return done(
                rpc->malformed(QStringLiteral("eth_call isWithdrawalFinalized()"), QStringLiteral("expected a bool")));
        done(*v == 1);
    });
}

void RollupContract::latestBlockTime(QObject* context, Done<quint64> done) {
    m_l1->latestBlockTime(context, std::move(done));
}

Bytes RollupContract::finalizeWithdrawalCalldata(const rollup::BatchHeader& header, quint64 batchIndex,
                                                 quint64 withdrawalIndex, const Address& recipient, const U256& amount,
                                                 const std::vector<Hash>& proof) {
    return rollupabi::encodeFinalizeWithdrawal(header, batchIndex, withdrawalIndex, recipient, amount, proof);
}

void RollupContract::escapeStatus(QObject* context, Done<EscapeStatus> done) {
    // Four views read one after the other; a failure of any ends it.
    static const char* const kViews[] = {"frozen()", "escapeAvailableAt()", "lastBatchAt()", "stateRoot()"};
    auto status = std::make_shared<EscapeStatus>();
    // The step holds itself weakly and each call under way holds it strongly, so it lives exactly
    // as long as a call is pending: no cycle to break, and nothing destroyed while it runs.
    auto step = std::make_shared<std::function<void(std::size_t)>>();
    std::weak_ptr<std::function<void(std::size_t)>> self = step;
    RpcClient* rpc = m_l1->rpc();
    *step = [this, context, done, status, self, rpc](std::size_t i) {
        if (i == std::size(kViews)) return done(*status);
        call(selectorCall(kViews[i]), context, [i, done, status, step = self.lock(), rpc](RpcResult<Bytes> reply) {
            if (!reply.ok()) return done(reply.error());
            auto v = word(reply.value());
            if (!v || (i < 3 && *v > U256(std::numeric_limits<quint64>::max())))
                return done(rpc->malformed(QStringLiteral("eth_call %1").arg(QLatin1String(kViews[i])),
                                           QStringLiteral("expected one word")));
            if (i == 0) status->frozen = !v->is_zero();
            if (i == 1) status->availableAt = static_cast<quint64>(*v);
            if (i == 2) status->lastBatchAt = static_cast<quint64>(*v);
            if (i == 3) status->stateRoot = *Hash::from_view(reply.value());
            (*step)(i + 1);
        });
    };
    (*step)(0);
}

}  // namespace sluice
