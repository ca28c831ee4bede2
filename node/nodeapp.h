// SPDX-License-Identifier: MIT
#pragma once
// sluiced as an object: the database, the sequencer, the RPC server, the L1 side
// (node/l1/l1side.h) and the payment-channel hub (node/hub/hub.h), started in that order and
// stopped in reverse on SIGINT/SIGTERM.
// L1Side::prepare runs first and may adjust the config (chain id, base fee and fee recipient read
// from L1, or the devnet started); without an L1 configured the L1 side does nothing.
// `--watchtower` runs only the RPC server and the watchtower (node/watchtower/watchtower.h);
// `--rpc-only` a read frontend: a following Sequencer, the RPC server and the L1 side's methods.

#include <QObject>

#include <memory>

#include "core/common/result.hpp"
#include "node/config.h"

namespace sluice::node {

class Sequencer;
class RpcServer;
class L1Side;
class Hub;
class Watchtower;

class NodeApp : public QObject {
    Q_OBJECT
public:
    explicit NodeApp(NodeConfig config, QObject* parent = nullptr);
    ~NodeApp() override;

    Status start();
    void stop();
    // A termination signal came while start() ran: the caller stops instead of serving.
    bool stopRequested() const { return m_stopRequested; }
    // A fatal error (said in the log) was found while start() ran: the caller exits with status 2.
    bool failedWhileStarting() const { return m_failedWhileStarting; }

    Sequencer* sequencer() const { return m_sequencer.get(); }
    RpcServer* rpcServer() const { return m_rpc.get(); }
    const NodeConfig& config() const { return m_config; }

private:
    Status startParts();
    Status startWatchtower();
    Status startReadFrontend();
    // What every role shares: its JSON-RPC server (with the configured browser protection) and
    // listening on --rpc-host/--l2-port; the L1 side, whose fatal errors stop the node.
    void createRpc();
    Status listenRpc();
    void createL1Side();
    // Stops the node with exit status 2 after a fatal error (Sequencer or L1 side).
    void fail();

    NodeConfig m_config;
    bool m_starting = false;
    bool m_stopRequested = false;
    bool m_failedWhileStarting = false;
    std::unique_ptr<Sequencer> m_sequencer;
    std::unique_ptr<RpcServer> m_rpc;
    L1Side* m_l1 = nullptr;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<Watchtower> m_watchtower;
};

}  // namespace sluice::node
