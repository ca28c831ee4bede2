// SPDX-License-Identifier: MIT
#pragma once
// sluiced as an object: the database, the sequencer, the RPC server and (when node/l1 is built)
// the L1 side, started in that order and stopped in reverse on SIGINT/SIGTERM.
//
// The L1 side (node/l1/l1side.h, sluice_node_l1) is optional: the node links it when the target
// exists (SLUICE_HAVE_L1SIDE). It must provide
//     class L1Side : public QObject {
//         L1Side(const NodeConfig&, Sequencer*, RpcServer*, QObject* parent);  // either may be null:
//                                       // --verifier runs no sequencer and serves RPC only with --l2-port
//         Status start();   // may finish asynchronously; failures later -> fatalError(QString)
//         void stop();
//       signals: void fatalError(QString message);
//     };
// and may adjust the config before the sequencer starts through
//     Status L1Side::prepare(NodeConfig&)  (static; reads chain id/base fee/fee recipient from L1,
//     or starts the devnet) -- called by NodeApp before anything else is created.

#include <QObject>
#include <QSocketNotifier>

#include <memory>

#include "core/common/result.hpp"
#include "node/config.h"

namespace sluice::node {

class Sequencer;
class RpcServer;
class L1Side;

class NodeApp : public QObject {
    Q_OBJECT
public:
    explicit NodeApp(NodeConfig config, QObject* parent = nullptr);
    ~NodeApp() override;

    Status start();
    void stop();

    Sequencer* sequencer() const { return m_sequencer.get(); }
    RpcServer* rpcServer() const { return m_rpc.get(); }
    const NodeConfig& config() const { return m_config; }

    // SIGINT/SIGTERM -> quit the event loop cleanly (self-pipe + QSocketNotifier).
    static bool installSignalHandlers();

private:
    void onSignal();

    NodeConfig m_config;
    std::unique_ptr<Sequencer> m_sequencer;
    std::unique_ptr<RpcServer> m_rpc;
    L1Side* m_l1 = nullptr;
    QSocketNotifier* m_signalNotifier = nullptr;
};

}  // namespace sluice::node
