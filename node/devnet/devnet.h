// SPDX-License-Identifier: MIT
#pragma once
// `sluiced --devnet`: the local L1 (anvil: $SLUICE_ANVIL, the one bundled in lib/sluice-wallet/, the
// build tree's pinned one in dev builds, or one on PATH)
// with the Rollup contract deployed and the proposer bonded, and the Channels contract deployed
// (docs/CHANNELS.md), described by D/devnet.json (docs/RPC.md §3). A second start with the same
// data dir resumes: the manifest is reused (its endpoints rewritten for this run's ports) and anvil
// reloads D/anvil-state.json; a devnet made before Channels existed gets it deployed then. anvil and
// the watchtower end with the node (PR_SET_PDEATHSIG): a node killed with -9 leaves no process behind,
// and the next start waits for the dying anvil to write its state and go. An anvil still running on
// the port after that (--keep-l1: one that outlives its node as a real L1 would) is reused after checking that
// D/anvil.pid names it, its chain id and that the Rollup code is there; this node then stops it as
// its own.
// Start-up work, so it blocks; nothing here runs once the node is serving.

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>

#include <cstdint>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"

namespace sluice::node {

struct DevAccount {
    Address address;
    QString privateKey;  // 0x hex; anvil's public, well-known dev keys only
};

struct DevnetManifest {
    QString l1RpcUrl;
    QString l1WsUrl;
    quint64 l1ChainId = 31337;
    QString l2RpcUrl;
    QString l2WsUrl;
    quint64 l2ChainId = 31338;
    Address rollup;
    quint64 deployBlock = 0;
    quint64 challengePeriod = 60;
    // The Channels contract; zero in the manifest of a devnet made before it existed (start()
    // deploys it then).
    Address channels;
    quint64 channelsDeployBlock = 0;
    quint64 disputePeriod = 60;
    Address hub;         // the hub's L1 account (Devnet::hubKey())
    Address watchtower;  // the watchtower's L1 account (Devnet::watchtowerKey())
    // Where the devnet's watchtower (a `sluiced --watchtower` child of the devnet node) answers;
    // empty when it runs none.
    QString watchtowerRpcUrl;
    std::vector<DevAccount> devAccounts;

    void setPorts(quint16 l1Port, quint16 l2Port);  // the four endpoints on 127.0.0.1
    QJsonObject toJson() const;
    static Result<DevnetManifest> fromJson(const QJsonObject& json);
};

struct DevnetOptions {
    QString dataDir;
    quint64 challengePeriod = 60;
    quint64 escapeDelay = 600;   // must exceed challengePeriod (PROTOCOL.md §1)
    quint64 disputePeriod = 60;  // of the Channels contract (CHANNELS.md §2): 1 .. 2^32 - 1
    quint16 l1Port = 8545;
    quint16 l2Port = 8546;
    QString anvilPath;  // empty: see defaultAnvil() in devnet.cpp
    int blockTimeSeconds = 1;
    // By default anvil ends with the node (PR_SET_PDEATHSIG: SIGTERM, on which it writes its state
    // file), so a killed node leaves nothing running. true: it outlives a killed node like a real
    // L1, and the next start reuses it (tests of a node crash under a running L1).
    bool keepL1 = false;
    // Runs a watchtower beside the hub, in its own process (a watchtower in the hub's process
    // would protect nobody from the hub); 0: a free port chosen at start.
    bool watchtower = true;
    quint16 watchtowerPort = 0;
};

class Devnet : public QObject {
    Q_OBJECT
public:
    // anvil's dev account 0 proposes (and receives L2 fees), account 1 verifies, account 9 is the
    // channel hub's and account 8 the watchtower's; accounts 2..7 are handed to wallets in the manifest.
    static QString proposerKey();
    static QString verifierKey();
    static QString hubKey();
    static QString watchtowerKey();

    explicit Devnet(QObject* parent = nullptr);
    ~Devnet() override;  // stops anvil if this object started or reused it

    Result<DevnetManifest> start(const DevnetOptions& options);
    void stop();
    bool resumed() const { return m_resumed; }
    QString manifestPath() const;

private:
    Status launchAnvil(const DevnetOptions& options);
    Result<DevnetManifest> deploy(const DevnetOptions& options);
    Status deployChannels(const DevnetOptions& options, DevnetManifest& manifest);
    // Starts `sluiced --watchtower` for the manifest (already written) and waits until it answers.
    Status launchWatchtower(const DevnetOptions& options, quint16 port, const Address& channels);

    QProcess m_anvil;
    QProcess m_watchtower;
    qint64 m_adoptedAnvil = 0;  // pid of a killed node's anvil that this one reused
    QString m_dataDir;
    bool m_resumed = false;
};

}  // namespace sluice::node
