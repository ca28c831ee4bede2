// SPDX-License-Identifier: MIT
#pragma once
// Which deployment of the Rollup the wallet talks to, told by L1 alone. The contract's address is
// not enough: every fresh devnet deploys its Rollup from the same dev account with the same nonce,
// so at the same address, on an L1 with the same chain id. What a new chain cannot repeat is the
// L1 block the Rollup was created in: its hash commits to that block's timestamp and to every block
// before it. It also stays the same for the life of the deployment (anvil keeps its blocks across a
// restart from its state file, though not their historic state).
//
// What is kept per chain (the bridge history, the app's activity journal) is named by key().

#include <QObject>
#include <QString>

#include <functional>

#include "core/common/bytes.hpp"
#include "services/rpc/eth_client.hpp"

namespace sluice {

struct Deployment {
    quint64 l1ChainId = 0;
    Address rollup;
    quint64 block = 0;  // the L1 block the Rollup was created in (0: the genesis, see identifyDeployment)
    Hash blockHash;     // that block's hash

    // For file names: "<rollup, lower-case hex>-<L1 chain id>-<first 16 hex digits of blockHash>".
    QString key() const;
    bool operator==(const Deployment&) const = default;
};

// Identifies the deployment of `rollup` on the L1 behind `l1`. The creation block is `deployBlock`
// when it is known (a devnet manifest's), else the block of the transaction L1 names as the
// contract's creator (ots_getContractCreator: anvil, Erigon, Reth). A node that offers neither is
// a long-lived chain (a public network, a full node without the Otterscan API), whose genesis block
// is its own: the genesis stands in for the creation block there. Fails only when L1 does not
// answer (or names a creation transaction it has no receipt for): never a guess that would open
// another chain's history. done runs once on `context`'s thread.
void identifyDeployment(EthClient* l1, const Address& rollup, quint64 deployBlock, QObject* context,
                        std::function<void(RpcResult<Deployment>)> done);

}  // namespace sluice
