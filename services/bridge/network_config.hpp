// SPDX-License-Identifier: MIT
#pragma once
// Where the bridge talks to: the L1 and L2 endpoints and the Rollup contract's address, from the
// devnet manifest that `sluiced --devnet` writes (docs/RPC.md §3) or from explicit URLs. Only the
// locations come from here; every protocol number (challenge period, bond, base fee, L2 chain id)
// is read from the contract (RollupContract::readParams), never from a file or a constant.

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"

namespace sluice {

struct NetworkConfig {
    QUrl l1Rpc;
    QUrl l1Ws;        // may be empty
    QUrl l2Rpc;
    QUrl l2Ws;        // may be empty
    Address rollup;
    quint64 deployBlock = 0;
    QString source;   // "devnet manifest <path>" or "command line", for messages
    // Devnet manifests only: keys of the accounts the devnet funds on L1 (anvil's published test
    // keys, never a user's), so a wallet on the local stack can fund itself. Empty elsewhere.
    QStringList devAccountKeys;
    // Not a name for what is kept per chain: fresh devnets share the Rollup's address and every
    // URL. That is the Deployment L1 tells (services/bridge/deployment.hpp).
};

// The data directory `sluiced --devnet` uses when it is given no --data-dir (node/config.cpp):
// ~/.local/share/sluiced.
QString defaultDevnetDataDir();
// The GUI's data directory (QStandardPaths::AppDataLocation of organization "Sluice", application
// "Sluice": ~/.local/share/Sluice/Sluice), where its wallet and bridge history live; sluice-cli
// uses the same one so both see the same wallet.
QString defaultWalletDataDir();
// <dataDir>/devnet.json; dataDir empty = defaultDevnetDataDir().
QString devnetManifestPath(const QString& dataDir = {});

// Reads and checks a devnet manifest. Errors say which file and which field.
Result<NetworkConfig> loadDevnetManifest(const QString& path);
// Parses the manifest's JSON text (exposed for tests); `origin` names it in messages.
Result<NetworkConfig> parseDevnetManifest(const QByteArray& json, const QString& origin);

// Explicit endpoints (sluice-cli --l1-rpc/--l2-rpc/--rollup, the app's custom network). http(s)
// URLs only; the L2 WebSocket is the same host and port (ws/wss).
Result<NetworkConfig> explicitNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup);

}  // namespace sluice
