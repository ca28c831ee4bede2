// SPDX-License-Identifier: MIT
#pragma once
// The node the JSON-RPC and WebSocket targets talk to: a sequencer-only sluiced (no L1) in this
// process, wired by the real NodeApp exactly as `sluiced --data-dir D --l2-port 0` wires it
// (database, Sequencer, RpcServer with registerEthMethods, L1Side with the sluice_ methods),
// on a temporary data directory, listening on 127.0.0.1 at a free port. Created once, in
// LLVMFuzzerInitialize, with the QCoreApplication; stopped at exit.

#include <QByteArray>

#include <functional>

namespace sluice::node {
class NodeApp;
class RpcServer;
}  // namespace sluice::node

namespace sluice::fuzz {

// The funded account of the node's genesis (anvil's first key): the seeds' signed transfers
// come from it.
inline constexpr const char* kFundedKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
inline constexpr const char* kFundedAddress = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
inline constexpr const char* kChainIdQuantity = "0x7a6a";  // 31338

// Starts the node the first time (and the QCoreApplication); aborts when it cannot.
node::NodeApp& fuzzNode();
node::RpcServer& fuzzRpcServer();

// SLUICE_FUZZ_SHOW=1: the targets print the node's answers (when reading what a seed does).
bool showAnswers();

// Runs the event loop until `done()` or `ms` milliseconds have passed; true when done.
bool spinUntil(const std::function<bool()>& done, int ms);

// Checks a JSON-RPC answer as the node sends it: valid JSON, one response object or a non-empty
// array of them, each {"jsonrpc":"2.0","id":…} with exactly one of "result" and "error"
// (an error with an integer code and a string message). Notifications
// ({"jsonrpc":"2.0","method":"eth_subscription","params":…}) pass when `notifications` is true.
bool validJsonRpcReply(const QByteArray& reply, bool notifications = false);

}  // namespace sluice::fuzz
