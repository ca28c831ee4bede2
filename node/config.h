// SPDX-License-Identifier: MIT
#pragma once
// Everything sluiced is told on its command line, as plain data. NodeApp reads it; the L1 side
// (node/l1, node/devnet) reads the L1/proposer/fault fields.

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"

namespace sluice::node {

// A dev-only starting balance (sequencer-only mode, no L1): credited as deposit records with
// queue indices 0..n-1 in the first block, so the chain stays a valid rollup chain.
struct GenesisAlloc {
    Address address;
    U256 amount = 0;
};

struct NodeConfig {
    QString dataDir;  // holds node.sqlite (and devnet.json with --devnet)
    // --db: the node's database, a SQLite path or a postgresql:// URL (node/storage/nodedatabase.h);
    // empty: <dataDir>/node.sqlite. databaseLocation() gives the one in use.
    QString database;
    // --rpc-only: a read frontend over the sequencer's PostgreSQL database (--db) — it re-executes
    // the blocks the sequencer commits, woken by its notifications, answers the read methods and
    // subscriptions, and forwards eth_sendRawTransaction to --sequencer-rpc URL.
    bool rpcOnly = false;
    QString sequencerRpcUrl;
    QString rpcHost = QStringLiteral("127.0.0.1");  // --rpc-host: the address JSON-RPC binds
    std::uint16_t rpcPort = 8546;                   // --l2-port
    // Browser protection (docs/RPC.md §4): HTTP Host names served besides loopback and the bound
    // address (--rpc-allowed-host, repeatable), and web origins allowed to call (--rpc-cors).
    QStringList rpcAllowedHosts;
    QStringList rpcCorsOrigins;

    // Read from the Rollup contract when there is one; these are the devnet values.
    U256 l2ChainId = 31338;
    U256 l2BaseFee = 1'000'000'000;
    Address feeRecipient;  // account 0 (FEE_RECIPIENT)

    int blockTimeMs = 250;       // a block every blockTimeMs if anything is waiting
    int blockTriggerTxs = 1000;  // ... or at once when the mempool holds this many
    int maxBlockRecords = 10000;
    int maxMempool = 200000;  // further submissions are refused ("mempool full")

    int batchMaxRecords = 1024;  // proposer (node/l1)
    int batchIntervalMs = 2000;

    bool sequencer = true;  // roles
    bool verifier = false;  // --verifier
    bool devnet = false;    // --devnet

    QString faultSpec;                             // --fault KIND[@BATCH], parsed by node/l1
    QString censoredSender;                        // --censor ADDRESS (testing forced inclusion, PROTOCOL §4.5)
    std::optional<std::uint64_t> challengePeriod;  // --challenge-period S (devnet deploy)
    std::optional<std::uint64_t> escapeDelay;      // --escape-delay S (devnet deploy)
    std::optional<std::uint64_t> disputePeriod;    // --dispute-period S (devnet's Channels; default 60)
    std::uint16_t l1Port = 8545;                   // --l1-port (devnet anvil)
    bool keepL1 = false;        // --keep-l1: the devnet's anvil outlives a killed node (DevnetOptions::keepL1)
    QString l1RpcUrl;           // --l1-rpc URL
    QString rollupAddress;      // --rollup ADDR
    QString proposerKeySource;  // --proposer-key env:VAR | file:PATH, --key-file F (never the key itself)
    // --deposit-confirmations N: L1 blocks on top of a deposit before L2 credits it (default: 0 on
    // the devnet's L1 chain 31337, 12 elsewhere; see docs/node-l1.md).
    std::optional<std::uint64_t> depositConfirmations;
    // JSON-RPC is served unless this is a verifier-only node that was not given --l2-port.
    bool serveRpc = true;

    std::vector<GenesisAlloc> genesisAlloc;  // --genesis-alloc ADDR=WEI[,ADDR=WEI...]

    // The payment-channel hub (node/hub): on with --devnet (the devnet's hub account and Channels
    // contract) unless --no-hub, elsewhere with --hub --hub-key SOURCE --channels ADDR.
    bool hub = false;
    bool noHub = false;       // --no-hub
    QString hubKeySource;     // --hub-key env:VAR | file:PATH
    QString channelsAddress;  // --channels ADDR
    std::uint64_t channelsFromBlock =
        0;  // where the hub starts reading the contract's events (devnet: its deploy block)
    U256 hubMaxFunding = U256(10'000'000'000'000'000'000ull);  // --hub-max-funding WEI per channel (10 ETH)
    U256 hubFee = 0;                                           // --hub-fee WEI per mediated payment
    QString hubFault;  // --fault stale-close | withhold-unlock (testing; node/hub/hub.h HubFault)
    // The devnet's watchtower, a child process: --watchtower-port P (default: a free port), --no-watchtower.
    std::uint16_t devnetWatchtowerPort = 0;
    bool noWatchtower = false;

    // The watchtower (node/watchtower, docs/CHANNELS.md §13.5): a role of its own, without
    // sequencer or rollup duties. --watchtower with --l1-rpc URL --channels ADDR --watchtower-key
    // SOURCE, or with --devnet-manifest PATH (the devnet's L1, Channels and watchtower account).
    bool watchtower = false;
    QString watchtowerKeySource;  // --watchtower-key env:VAR | file:PATH
    QString devnetManifestPath;   // --devnet-manifest PATH

    QString databaseLocation() const;
};

// Parses sluiced's arguments (args[0] is the program). Unknown options and bad values are errors
// naming the option. `--help` yields an error whose message is the usage text.
Result<NodeConfig> parseCommandLine(const QStringList& args);
QString usageText();

}  // namespace sluice::node
