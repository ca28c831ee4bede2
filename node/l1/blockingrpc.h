// SPDX-License-Identifier: MIT
#pragma once
// Blocking JSON-RPC for sluiced's start-up only (before the event loop runs: launching the
// devnet, reading the chain's parameters). Runs a local event loop around RpcClient.

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QThread>

#include <optional>

#include "services/rpc/await_result.hpp"
#include "services/rpc/rpc_client.hpp"

namespace sluice::node {

inline RpcReply blockingCall(RpcClient& rpc, const QString& method, const QJsonArray& params = {}) {
    QObject context;
    return awaitResult<RpcReply>([&](auto done) { rpc.call(method, params, &context, done); });
}

// Polls for a receipt (the chain may mine every second); nullopt after ~timeoutMs.
inline std::optional<QJsonObject> blockingReceipt(RpcClient& rpc, const QString& txHash, int timeoutMs = 30000) {
    for (int waited = 0; waited <= timeoutMs; waited += 100) {
        auto r = blockingCall(rpc, QStringLiteral("eth_getTransactionReceipt"), QJsonArray{txHash});
        if (r && r.value().isObject()) return r.value().toObject();
        QThread::msleep(100);
    }
    return std::nullopt;
}

}  // namespace sluice::node
