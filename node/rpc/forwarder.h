// SPDX-License-Identifier: MIT
#pragma once
// A read frontend (sluiced --rpc-only) answers reads from the shared database but has no mempool:
// what only the sequencer knows is passed to its JSON-RPC and its answer (result or error) given
// back unchanged — eth_sendRawTransaction, and eth_getTransactionCount at the "pending" tag (the
// sequencer's mempool counts the sender's transactions not yet in a block).

#include <QUrl>

namespace sluice::node {

class RpcServer;

void forwardToSequencer(RpcServer& server, const QUrl& sequencer);

}  // namespace sluice::node
