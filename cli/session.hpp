// SPDX-License-Identifier: MIT
#pragma once
// What the bridge and channel verbs share: the network and key options, the session they open
// (the L1 and L2 clients, the Rollup's parameters, the signer), and the small parsing helpers.
// Where to connect: --network local (the devnet manifest of `sluiced --devnet`, --data-dir to
// point at another one) or --l1-rpc/--l2-rpc/--rollup. Every protocol number (challenge period,
// base fee, L2 chain id) is read from the Rollup contract.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

#include "cli/cli_support.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/bridge/network_config.hpp"
#include "services/bridge/rollup_contract.hpp"
#include "services/rollup/rollup_reader.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"

namespace sluice::cli {

QString ether(const U256& wei);
QString checksum(const Address& a);

struct Options {
    QCommandLineOption network{QStringLiteral("network"),
                               QStringLiteral("\"local\": the devnet of `sluiced --devnet`."), QStringLiteral("NAME")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QStringLiteral("The devnet's data directory (default ~/.local/share/sluiced)."),
                               QStringLiteral("DIR")};
    QCommandLineOption l1Rpc{QStringLiteral("l1-rpc"), QStringLiteral("L1 JSON-RPC URL (instead of --network)."),
                             QStringLiteral("URL")};
    QCommandLineOption l2Rpc{QStringLiteral("l2-rpc"), QStringLiteral("L2 (sluiced) JSON-RPC URL."),
                             QStringLiteral("URL")};
    QCommandLineOption rollup{QStringLiteral("rollup"), QStringLiteral("The Rollup contract's L1 address."),
                              QStringLiteral("ADDRESS")};
    QCommandLineOption insecureEndpoints = insecureEndpointsOption();
    QCommandLineOption privateKey{
        QStringLiteral("private-key"),
        QStringLiteral("The account's key, 64 hex digits. Other local users can read it in ps: "
                       "prefer --private-key-file."),
        QStringLiteral("HEX")};
    QCommandLineOption privateKeyFile =
        secretFileOption(QStringLiteral("private-key"), QStringLiteral("the account's key"));
    QCommandLineOption keystore{QStringLiteral("keystore"), QStringLiteral("The account's v3 keystore file."),
                                QStringLiteral("FILE")};
    QCommandLineOption wallet{QStringLiteral("wallet"),
                              QStringLiteral("Use the app's wallet (see --wallet-dir, --account).")};
    QCommandLineOption walletDir{
        QStringLiteral("wallet-dir"),
        QStringLiteral("The app's data directory (default ~/.local/share/Sluice/Sluice); the bridge "
                       "history is kept there too."),
        QStringLiteral("DIR")};
    QCommandLineOption account{QStringLiteral("account"), QStringLiteral("Wallet account index (default 0)."),
                               QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption passwordFile{
        QStringLiteral("password-file"),
        QStringLiteral("Keystore/wallet password: first line of FILE (without it, prompt on a terminal)."),
        QStringLiteral("FILE")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               QStringLiteral("Seconds to wait for a receipt (default 120)."), QStringLiteral("S"),
                               QStringLiteral("120")};
    QCommandLineOption yes = assumeYesOption();

    void addNetwork(QCommandLineParser& p) const {
        p.addOptions({network, dataDir, l1Rpc, l2Rpc, rollup, insecureEndpoints, walletDir});
    }
    void addKeys(QCommandLineParser& p) const {
        p.addOptions({privateKey, privateKeyFile, keystore, wallet, account, passwordFile, timeout, yes});
    }
};

// The review before signing (cli_support.hpp): asks on a terminal unless --yes.
TransactionSender::ReviewHook review(const QCommandLineParser& parser, const Options& o);

// Everything a bridge or channel verb talks to, built once per invocation.
// Everything a bridge verb talks to, built once per invocation.
struct Session {
    NetworkConfig network;
    QString walletDir;
    std::unique_ptr<RpcClient> l1Rpc;
    std::unique_ptr<EthClient> l1;
    std::unique_ptr<RollupContract> rollup;
    std::unique_ptr<L2Client> l2;
    RollupParameters params;
    Deployment deployment;  // the Rollup's, as L1 tells it (identifyChain)
    std::unique_ptr<BridgeService> bridge;
    std::unique_ptr<WalletStore> store;  // with --wallet; must outlive the signer
    std::optional<AccountSigner> signer;
    std::chrono::seconds timeout{120};
};

Result<NetworkConfig> networkFrom(const QCommandLineParser& p, const Options& o);
// Connects, reads the parameters from the contract and checks both nodes are the ones the
// contract describes. With `withBridge`, also identifies the deployment and opens its persisted
// bridge history. Without `withL2` the L2 node is not contacted (the escape hatch works with the
// operator gone, and needs nothing but the contract).
// Returns the exit code when it failed (after saying why).
std::optional<int> openSession(Session& s, const QCommandLineParser& p, const Options& o, bool withBridge,
                               bool withL2 = true);
// Sets s.deployment: which deployment of the Rollup L1 has (what is kept per chain is named by it).
std::optional<int> identifyChain(Session& s);
// The signer from --private-key-file (or --private-key), --keystore or --wallet. `required`: fail without one.
std::optional<int> openSigner(Session& s, const QCommandLineParser& p, const Options& o, bool required);
// --amount as an exact amount above zero; nullopt (and exitCode set) when it is not one.
std::optional<U256> amountOption(const QCommandLineParser& p, const QCommandLineOption& o, int& exitCode);
QCommandLineOption amountOptionDef();
// A transaction hash on stdout, or the error.
int reportResult(const Result<Hash>& r);

}  // namespace sluice::cli
