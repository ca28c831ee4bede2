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
    QUrl l1Ws;  // may be empty
    QUrl l2Rpc;
    QUrl l2Ws;  // may be empty
    Address rollup;
    quint64 deployBlock = 0;
    QString source;  // "devnet manifest <path>" or "command line", for messages
    // Devnet manifests only: keys of the accounts the devnet funds on L1 (anvil's published test
    // keys, never a user's), so a wallet on the local stack can fund itself. Empty elsewhere.
    QStringList devAccountKeys;
    // Payment channels (docs/CHANNELS.md), where the network has them: the Channels contract, the
    // hub's JSON-RPC (on the devnet the L2 node itself) and the watchtower's, if one runs.
    std::optional<Address> channels;
    QUrl hubRpc;
    QUrl watchtowerRpc;
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

// The transport rule for endpoints the user names (issue 10, item 13). Whoever sits between the
// wallet and a plain http:// or ws:// endpoint reads every address the wallet asks about and can
// rewrite what the node answers (balances, fees, nonces, batches). On this computer that path does
// not exist, elsewhere it does: plain transport is for loopback hosts only, any other host needs
// https:// or wss:// unless the user explicitly allows unencrypted connections (sluice-cli
// --insecure-endpoints, the check box in the app's network settings), and is then warned.

// localhost, 127.0.0.0/8 and ::1.
bool isLoopbackHost(const QString& host);
// An http:// or ws:// URL to a host that is not loopback: what the rule refuses by default.
bool isUnencryptedRemote(const QUrl& url);
// The rule: an error saying what to do for an unencrypted remote URL unless `allowInsecure`.
// `what` names the URL in the message ("--l1-rpc").
Status checkEndpointTransport(const QUrl& url, bool allowInsecure,
                              const QString& what = QStringLiteral("the endpoint"));

// Explicit endpoints (sluice-cli --l1-rpc/--l2-rpc/--rollup, the app's custom network). http(s)
// URLs only, under the transport rule above; the L2 WebSocket is the same host and port (ws/wss).
Result<NetworkConfig> explicitNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup,
                                      bool allowInsecure = false);

// The L1 chain id of the local devnet (anvil's default, what `sluiced --devnet` runs).
inline constexpr quint64 kDevnetL1ChainId = 31337;
// Whether `network` is a local devnet: its L1 is chain kDevnetL1ChainId (as the L1 node answered
// at connect) and both its L1 and L2 endpoints are on this computer. The only network the dev
// fixture wallet, whose keys are public (WalletStore::isDevFixture), may use (issue 10, item 12):
// anything it holds elsewhere anyone can take. Loopback rather than "came from a devnet manifest":
// a manifest is only a file of URLs, and a developer may name their devnet's endpoints by hand.
bool isLocalDevnet(const NetworkConfig& network, quint64 l1ChainId);

}  // namespace sluice
