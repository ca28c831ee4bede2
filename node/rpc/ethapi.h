// SPDX-License-Identifier: MIT
#pragma once
// The standard eth_/net_/web3_ methods of docs/RPC.md §1, answered from the Sequencer, and the
// newHeads stream. The L1 side registers the sluice_ methods and streams itself.

#include <QJsonObject>

namespace sluice::node {

class RpcServer;
class Sequencer;
struct BlockInfo;

void registerEthMethods(RpcServer& server, Sequencer& sequencer);
// The Ethereum JSON form of an L2 block header (what newHeads carries).
QJsonObject blockToJson(const Sequencer& sequencer, const BlockInfo& block, bool fullTransactions);

}  // namespace sluice::node
