// SPDX-License-Identifier: MIT
#include "services/bridge/deployment.hpp"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace sluice {

QString Deployment::key() const {
    return QStringLiteral("%1-%2-%3")
        .arg(QString::fromStdString(to_hex_bare(rollup)))
        .arg(l1ChainId)
        .arg(QString::fromStdString(to_hex_bare(blockHash)).left(16));
}

namespace {

using Finish = std::shared_ptr<std::function<void(RpcResult<Deployment>)>>;

// Completes `deployment` with the hash of its block `deployment.block`.
void withBlockHash(EthClient* l1, Deployment deployment, QObject* context, const Finish& finish) {
    RpcClient* rpc = l1->rpc();
    const QJsonArray params{EthClient::toQuantity(U256(deployment.block)), false};
    rpc->call(QStringLiteral("eth_getBlockByNumber"), params, context,
              [rpc, deployment, finish](RpcReply reply) mutable {
                  if (!reply) return (*finish)(reply.error());
                  const auto hash =
                      Hash::from_hex(reply.value().toObject().value(QStringLiteral("hash")).toString().toStdString());
                  if (!hash)
                      return (*finish)(
                          rpc->malformed(QStringLiteral("eth_getBlockByNumber"),
                                         QStringLiteral("L1 has no block %1 with a hash").arg(deployment.block)));
                  deployment.blockHash = *hash;
                  (*finish)(deployment);
              });
}

// The creation block from the transaction L1 names as the contract's creator; the genesis when the
// node does not offer ots_getContractCreator (it answers with an error object) or knows no creator.
void withCreationBlock(EthClient* l1, Deployment deployment, QObject* context, const Finish& finish) {
    RpcClient* rpc = l1->rpc();
    const QJsonArray params{QString::fromStdString(deployment.rollup.hex())};
    rpc->call(QStringLiteral("ots_getContractCreator"), params, context,
              [l1, rpc, deployment, context, finish](RpcReply reply) mutable {
                  const bool notOffered = !reply && reply.error().kind == RpcError::Kind::RpcErrorObject;
                  if (!reply && !notOffered) return (*finish)(reply.error());  // unreachable, timed out: no guess
                  std::optional<Hash> creation;
                  if (reply)
                      if (auto tx = Hash::from_hex(
                              reply.value().toObject().value(QStringLiteral("hash")).toString().toStdString()))
                          creation = *tx;
                  if (!creation) return withBlockHash(l1, deployment, context, finish);  // block 0: the genesis
                  l1->transactionReceipt(
                      *creation, context,
                      [rpc, tx = *creation, deployment,
                       finish](RpcResult<std::optional<TransactionReceipt>> receipt) mutable {
                          if (!receipt) return (*finish)(receipt.error());
                          if (!receipt.value())
                              return (*finish)(rpc->malformed(
                                  QStringLiteral("eth_getTransactionReceipt"),
                                  QStringLiteral("L1 names %1 as the Rollup's creation but has no receipt for it")
                                      .arg(QString::fromStdString(tx.hex()))));
                          deployment.block = receipt.value()->blockNumber;
                          deployment.blockHash = receipt.value()->blockHash;
                          (*finish)(deployment);
                      });
              });
}

}  // namespace

void identifyDeployment(EthClient* l1, const Address& rollup, quint64 deployBlock, QObject* context,
                        std::function<void(RpcResult<Deployment>)> done) {
    auto finish = std::make_shared<std::function<void(RpcResult<Deployment>)>>(std::move(done));
    l1->chainId(context, [l1, rollup, deployBlock, context, finish](RpcResult<quint64> chainId) {
        if (!chainId) return (*finish)(chainId.error());
        Deployment deployment;
        deployment.l1ChainId = chainId.value();
        deployment.rollup = rollup;
        deployment.block = deployBlock;
        if (deployBlock > 0) return withBlockHash(l1, deployment, context, finish);
        withCreationBlock(l1, deployment, context, finish);
    });
}

}  // namespace sluice
