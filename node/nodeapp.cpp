// SPDX-License-Identifier: MIT
#include "node/nodeapp.h"

#include <QCoreApplication>
#include <QDir>

#include "core/eth/address.hpp"
#include "node/hub/hub.h"
#include "node/l1/l1side.h"
#include "node/rpc/ethapi.h"
#include "node/rpc/forwarder.h"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/sequencer.h"
#include "node/watchtower/watchtower.h"
#include "services/process/termination_signals.hpp"

namespace sluice::node {

NodeApp::NodeApp(NodeConfig config, QObject* parent) : QObject(parent), m_config(std::move(config)) {
    // SIGINT/SIGTERM/SIGHUP: stop as on a clean exit (the database flushed, anvil stopped).
    connect(new TerminationSignals(this), &TerminationSignals::received, this, [this] {
        qInfo("sluiced: shutting down");
        m_stopRequested = true;
        // During start() (waiting for L1 in a local event loop) quit() would be lost, since the
        // application's loop is not running yet: main() sees stopRequested() when start() returns.
        if (m_starting) return;
        stop();
        QCoreApplication::quit();
    });
}

NodeApp::~NodeApp() { stop(); }

Status NodeApp::start() {
    m_starting = true;
    auto st = startParts();
    m_starting = false;
    return st;
}

Status NodeApp::startParts() {
    if (auto st = L1Side::prepare(m_config); !st) return st;
    if (!QDir().mkpath(m_config.dataDir))
        return make_error("cannot create the data directory " + m_config.dataDir.toStdString());
    if (m_config.watchtower) return startWatchtower();
    if (m_config.rpcOnly) return startReadFrontend();
    // A verifier-only node (--verifier) runs no sequencer: it keeps only what it read from L1.
    if (m_config.sequencer) {
        SequencerConfig sc;
        sc.database = m_config.databaseLocation();
        sc.params.chain_id = m_config.l2ChainId;
        sc.params.base_fee = m_config.l2BaseFee;
        sc.feeRecipient = m_config.feeRecipient;
        sc.blockTimeMs = m_config.blockTimeMs;
        sc.blockTriggerTxs = m_config.blockTriggerTxs;
        sc.maxBlockRecords = m_config.maxBlockRecords;
        sc.maxMempool = m_config.maxMempool;
        if (!m_config.censoredSender.isEmpty())
            sc.censoredSender = *Address::from_hex(m_config.censoredSender.toStdString());
        m_sequencer = std::make_unique<Sequencer>(sc);
        connect(m_sequencer.get(), &Sequencer::fatalError, this, [this](const QString&) { fail(); });
        if (auto st = m_sequencer->start(); !st) return st;
        // Dev-only balances: deposit records 0..n-1 (idempotent across restarts).
        for (std::size_t i = 0; i < m_config.genesisAlloc.size(); ++i) {
            const auto& alloc = m_config.genesisAlloc[i];
            if (auto st = m_sequencer->creditDeposit(i, alloc.address, alloc.amount, 0); !st) return st;
        }
    }
    if (m_config.serveRpc) {
        createRpc();
        if (m_sequencer) registerEthMethods(*m_rpc, *m_sequencer);
    }
    createL1Side();
    if (m_rpc)
        if (auto st = listenRpc(); !st) return st;
    if (auto st = m_l1->start(); !st) return st;
    if (m_config.hub) {
        if (!m_rpc) return make_error("the hub answers wallets over JSON-RPC: give it a port (--l2-port)");
        auto key = L1Side::hubKey(m_config);
        if (!key) return key.error();
        auto channels = parse_address(m_config.channelsAddress.toStdString());
        if (!channels) return make_error("--channels: not an address");
        HubConfig hc;
        hc.dataDir = m_config.dataDir;
        hc.l1RpcUrl = m_config.l1RpcUrl;
        hc.channels = *channels;
        hc.key = std::move(*key);
        hc.maxFunding = m_config.hubMaxFunding;
        hc.fee = m_config.hubFee;
        hc.fault = m_config.hubFault == QLatin1String("stale-close")       ? HubFault::StaleClose
                   : m_config.hubFault == QLatin1String("withhold-unlock") ? HubFault::WithholdUnlock
                                                                           : HubFault::None;
        hc.fromBlock = m_config.channelsFromBlock;
        m_hub = std::make_unique<Hub>(std::move(hc), m_rpc.get());
        if (auto st = m_hub->start(); !st) return st;
    }
    if (m_rpc)
        qInfo("sluiced: JSON-RPC on http://%s:%u (chain %s), data in %s", qPrintable(m_config.rpcHost),
              unsigned(m_rpc->port()), u256_to_dec(m_config.l2ChainId).c_str(),
              qPrintable(NodeDatabase::displayLocation(m_config.databaseLocation())));
    if (!m_sequencer)
        qInfo("sluiced: verifier only (no sequencer), following %s on %s, data in %s",
              qPrintable(m_config.rollupAddress), qPrintable(m_config.l1RpcUrl), qPrintable(m_config.dataDir));
    return {};
}

void NodeApp::createRpc() {
    m_rpc =
        std::make_unique<RpcServer>(nullptr, RpcLimits{}, RpcAccess{m_config.rpcAllowedHosts, m_config.rpcCorsOrigins});
}

Status NodeApp::listenRpc() {
    QHostAddress host;
    if (!host.setAddress(m_config.rpcHost))
        return make_error("--rpc-host: not an IP address: " + m_config.rpcHost.toStdString());
    return m_rpc->listen(host, m_config.rpcPort);
}

void NodeApp::createL1Side() {
    m_l1 = new L1Side(m_config, m_sequencer.get(), m_rpc.get(), this);
    connect(m_l1, &L1Side::fatalError, this, [this](const QString& message) {
        qCritical("sluiced: %s", qPrintable(message));
        fail();
    });
}

void NodeApp::fail() {
    // During start() the event loop that runs is a start-up wait's (awaitResult: the L1 side's
    // replies, a reorg among them, arrive there). QCoreApplication::exit() would cut that wait
    // short and be forgotten once app.exec() starts, leaving a halted node serving: main() asks.
    if (m_starting) {
        m_failedWhileStarting = true;
        return;
    }
    QCoreApplication::exit(2);
}

// --rpc-only: the chain followed from the sequencer's database, its JSON-RPC, and the sluice_
// methods answered from the L1 view the sequencer's node stores there.
Status NodeApp::startReadFrontend() {
    SequencerConfig sc;
    sc.database = m_config.databaseLocation();
    sc.follower = true;
    m_sequencer = std::make_unique<Sequencer>(sc);
    connect(m_sequencer.get(), &Sequencer::fatalError, this, [this](const QString&) { fail(); });
    if (auto st = m_sequencer->start(); !st) return st;
    createRpc();
    registerEthMethods(*m_rpc, *m_sequencer);
    forwardToSequencer(*m_rpc, QUrl(m_config.sequencerRpcUrl));
    createL1Side();
    if (auto st = m_l1->start(); !st) return st;
    if (auto st = listenRpc(); !st) return st;
    qInfo("sluiced: read frontend, JSON-RPC on http://%s:%u, following %s (block %llu), transactions to %s",
          qPrintable(m_config.rpcHost), unsigned(m_rpc->port()),
          qPrintable(NodeDatabase::displayLocation(m_config.databaseLocation())),
          static_cast<unsigned long long>(m_sequencer->blockNumber()), qPrintable(m_config.sequencerRpcUrl));
    return {};
}

// --watchtower: its JSON-RPC and the watchtower, nothing of the rollup.
Status NodeApp::startWatchtower() {
    auto key = L1Side::watchtowerKey(m_config);
    if (!key) return key.error();
    auto channels = parse_address(m_config.channelsAddress.toStdString());
    if (!channels) return make_error("--channels: not an address");
    createRpc();
    WatchtowerConfig wc;
    wc.dataDir = m_config.dataDir;
    wc.l1RpcUrl = m_config.l1RpcUrl;
    wc.channels = *channels;
    if (!m_config.devnetManifestPath.isEmpty()) wc.fromBlock = m_config.channelsFromBlock;
    m_watchtower = std::make_unique<Watchtower>(std::move(wc), *key, m_rpc.get());
    if (auto st = m_watchtower->start(); !st) return st;
    if (auto st = listenRpc(); !st) return st;
    qInfo("sluiced: watchtower JSON-RPC on http://%s:%u, data in %s", qPrintable(m_config.rpcHost),
          unsigned(m_rpc->port()), qPrintable(m_config.dataDir));
    return {};
}

void NodeApp::stop() {
    if (m_watchtower) m_watchtower->stop();
    if (m_hub) m_hub->stop();
    if (m_l1) m_l1->stop();
    if (m_rpc) m_rpc->close();
    if (m_sequencer) m_sequencer->stop();
}

}  // namespace sluice::node
