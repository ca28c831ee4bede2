// SPDX-License-Identifier: MIT
#include "node/config.h"

#include <QDir>
#include <QUrl>

#include "node/storage/nodedatabase.h"

namespace sluice::node {

QString usageText() {
    return QStringLiteral(
        "Usage: sluiced [options]\n"
        "  --data-dir D            database and manifests (default ~/.local/share/sluiced)\n"
        "  --db LOCATION           the node's database: a SQLite file (default <data dir>/node.sqlite)\n"
        "                          or postgresql://[user[:password]@][host][:port]/dbname[?host=/socket/dir]\n"
        "  --rpc-only              a read frontend over the sequencer's PostgreSQL database (--db URL):\n"
        "                          serves the read methods and subscriptions, forwards transactions to\n"
        "                          --sequencer-rpc URL (any number may run beside the sequencer)\n"
        "  --l2-port P             JSON-RPC port, HTTP and WebSocket (default 8546)\n"
        "  --rpc-host H            address to bind (default 127.0.0.1)\n"
        "  --rpc-allowed-host NAME also serve HTTP/WebSocket requests whose Host is NAME (repeatable;\n"
        "                          loopback names and the bound address always work; * allows any)\n"
        "  --rpc-cors ORIGIN       let web pages from ORIGIN (scheme://host[:port]) call the node\n"
        "                          (repeatable; * allows any page; default: no browser page)\n"
        "  --l1-rpc URL            the L1 JSON-RPC endpoint\n"
        "  --rollup ADDR           the Rollup contract on L1\n"
        "  --devnet                start anvil, deploy, and run the whole local stack\n"
        "  --l1-port P             anvil's port with --devnet (default 8545)\n"
        "  --keep-l1               with --devnet: anvil outlives a killed node, as a real L1 would (tests;\n"
        "                          by default it ends with the node, and the next start reuses its state)\n"
        "  --verifier              run only the verifier/challenger: re-execute every batch from L1\n"
        "                          and prove fraud (no sequencer; JSON-RPC only with --l2-port;\n"
        "                          default data dir ~/.local/share/sluiced-verifier)\n"
        "  --key-file F            file holding the L1 key (same as --proposer-key file:F)\n"
        "  --deposit-confirmations N  L1 blocks on top of a deposit before it is credited\n"
        "                          (default 0 on the devnet L1 chain 31337, 12 elsewhere)\n"
        "  --fault KIND[@BATCH]    make the proposer cheat (testing); --fault stale-close makes the\n"
        "                          hub close a channel with an older state, --fault withhold-unlock makes it\n"
        "                          keep a payee's payment after learning the secret (testing)\n"
        "  --hub                   run the payment-channel hub (on by default with --devnet; --no-hub)\n"
        "  --hub-key env:VAR|file:PATH  the hub's L1 key (the devnet uses its hub account)\n"
        "  --channels ADDR         the Channels contract the hub serves (the devnet deploys one)\n"
        "  --hub-max-funding WEI   the most the hub deposits on its side of one channel (default 10 ETH)\n"
        "  --hub-fee WEI           what the hub keeps of a mediated payment (default 0)\n"
        "  --watchtower-port P     port of the devnet's watchtower, a child process (default: a free\n"
        "                          port, written to devnet.json); --no-watchtower runs none\n"
        "  --watchtower            run only a watchtower for payment channels (no sequencer, no rollup):\n"
        "                          with --l1-rpc URL --channels ADDR --watchtower-key SRC, or with\n"
        "                          --devnet-manifest PATH; JSON-RPC on --l2-port (default 8547),\n"
        "                          default data dir ~/.local/share/sluiced-watchtower\n"
        "  --watchtower-key env:VAR|file:PATH  the watchtower's L1 key, which pays for its disputes\n"
        "                          (with --devnet-manifest: the devnet's watchtower account)\n"
        "  --devnet-manifest PATH  a devnet's devnet.json: its L1 and Channels contract (--watchtower)\n"
        "  --censor ADDRESS        refuse this sender's transactions (testing forced inclusion)\n"
        "  --challenge-period S    challenge period for a devnet deployment\n"
        "  --escape-delay S        how long the oldest queued deposit may wait for a batch before the\n"
        "                          devnet's Rollup freezes and owners exit (default max(600, 2 x period))\n"
        "  --dispute-period S      dispute period of the devnet's Channels contract (default 60; a\n"
        "                          resumed devnet keeps the one it was deployed with)\n"
        "  --proposer-key SRC      env:VAR or file:PATH holding the proposer's key\n"
        "  --chain-id N            L2 chain id without L1 (default 31338)\n"
        "  --fee-recipient ADDR    account 0 without L1\n"
        "  --block-time MS         block interval (default 250)\n"
        "  --block-trigger N       produce a block at once when N transactions wait (default 1000)\n"
        "  --genesis-alloc A=W,... dev-only balances without L1, credited as deposits in block 1\n"
        "  --help, --version\n");
}

QString NodeConfig::databaseLocation() const {
    return database.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("node.sqlite")) : database;
}

Result<NodeConfig> parseCommandLine(const QStringList& args) {
    NodeConfig c;
    bool dataDirGiven = false;
    bool portGiven = false;
    auto bad = [](const QString& option, const QString& why) {
        return make_error(QStringLiteral("%1: %2\n%3").arg(option, why, usageText()).toStdString());
    };
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString opt = args[i];
        auto value = [&](QString& out) -> bool {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        QString v;
        auto number = [&](std::uint64_t max, std::uint64_t& out) -> bool {
            if (!value(v)) return false;
            bool ok = false;
            out = v.toULongLong(&ok);
            return ok && out <= max;
        };
        std::uint64_t n = 0;
        if (opt == QLatin1String("--help") || opt == QLatin1String("-h")) {
            return make_error(usageText().toStdString());
        } else if (opt == QLatin1String("--db")) {
            if (!value(c.database) || c.database.isEmpty())
                return bad(opt, QStringLiteral("needs a SQLite path or a postgresql:// URL"));
        } else if (opt == QLatin1String("--rpc-only")) {
            c.rpcOnly = true;
        } else if (opt == QLatin1String("--sequencer-rpc")) {
            if (!value(v) || !QUrl(v).isValid() || !v.startsWith(QLatin1String("http")))
                return bad(opt, QStringLiteral("needs the sequencer's http:// JSON-RPC URL"));
            c.sequencerRpcUrl = v;
        } else if (opt == QLatin1String("--data-dir")) {
            if (!value(c.dataDir)) return bad(opt, QStringLiteral("needs a directory"));
            dataDirGiven = true;
        } else if (opt == QLatin1String("--l2-port")) {
            if (!number(65535, n)) return bad(opt, QStringLiteral("needs a port number"));
            c.rpcPort = std::uint16_t(n);
            portGiven = true;
        } else if (opt == QLatin1String("--l1-port")) {
            if (!number(65535, n)) return bad(opt, QStringLiteral("needs a port number"));
            c.l1Port = std::uint16_t(n);
        } else if (opt == QLatin1String("--rpc-host")) {
            if (!value(c.rpcHost)) return bad(opt, QStringLiteral("needs an address"));
        } else if (opt == QLatin1String("--rpc-allowed-host")) {
            if (!value(v) || v.isEmpty() || v.contains(QLatin1Char('/')))
                return bad(opt, QStringLiteral("needs a host name"));
            c.rpcAllowedHosts << v;
        } else if (opt == QLatin1String("--rpc-cors")) {
            if (!value(v) || (v != QLatin1String("*") && !v.contains(QLatin1String("://"))))
                return bad(opt, QStringLiteral("needs an origin such as https://app.example (or *)"));
            c.rpcCorsOrigins << v;
        } else if (opt == QLatin1String("--l1-rpc")) {
            if (!value(c.l1RpcUrl)) return bad(opt, QStringLiteral("needs a URL"));
        } else if (opt == QLatin1String("--rollup")) {
            if (!value(c.rollupAddress) || !Address::from_hex(c.rollupAddress.toStdString()))
                return bad(opt, QStringLiteral("needs a 0x address"));
        } else if (opt == QLatin1String("--devnet")) {
            c.devnet = true;
        } else if (opt == QLatin1String("--verifier")) {
            c.verifier = true;
        } else if (opt == QLatin1String("--fault")) {
            if (!value(v)) return bad(opt, QStringLiteral("needs KIND[@BATCH] or stale-close"));
            // stale-close is the hub's fault; the others are the proposer's (node/l1 parses them).
            if (v == QLatin1String("stale-close") || v == QLatin1String("withhold-unlock"))
                c.hubFault = v;
            else
                c.faultSpec = v;
        } else if (opt == QLatin1String("--hub")) {
            c.hub = true;
        } else if (opt == QLatin1String("--no-hub")) {
            c.noHub = true;
        } else if (opt == QLatin1String("--keep-l1")) {
            c.keepL1 = true;
        } else if (opt == QLatin1String("--no-watchtower")) {
            c.noWatchtower = true;
        } else if (opt == QLatin1String("--watchtower-port")) {
            if (!number(65535, n) || n == 0) return bad(opt, QStringLiteral("needs a port"));
            c.devnetWatchtowerPort = std::uint16_t(n);
        } else if (opt == QLatin1String("--hub-key")) {
            if (!value(c.hubKeySource) || !(c.hubKeySource.startsWith(QLatin1String("env:")) ||
                                            c.hubKeySource.startsWith(QLatin1String("file:"))))
                return bad(opt, QStringLiteral("needs env:VAR or file:PATH (never the key itself on a command line)"));
        } else if (opt == QLatin1String("--watchtower")) {
            c.watchtower = true;
        } else if (opt == QLatin1String("--watchtower-key")) {
            if (!value(c.watchtowerKeySource) || !(c.watchtowerKeySource.startsWith(QLatin1String("env:")) ||
                                                   c.watchtowerKeySource.startsWith(QLatin1String("file:"))))
                return bad(opt, QStringLiteral("needs env:VAR or file:PATH (never the key itself on a command line)"));
        } else if (opt == QLatin1String("--devnet-manifest")) {
            if (!value(c.devnetManifestPath) || c.devnetManifestPath.isEmpty())
                return bad(opt, QStringLiteral("needs the path of a devnet.json"));
        } else if (opt == QLatin1String("--channels")) {
            if (!value(c.channelsAddress) || !Address::from_hex(c.channelsAddress.toStdString()))
                return bad(opt, QStringLiteral("needs a 0x address"));
        } else if (opt == QLatin1String("--hub-max-funding") || opt == QLatin1String("--hub-fee")) {
            auto w = value(v) ? u256_from_dec(v.toStdString()) : std::nullopt;
            if (!w) return bad(opt, QStringLiteral("needs an amount in wei"));
            (opt == QLatin1String("--hub-fee") ? c.hubFee : c.hubMaxFunding) = *w;
        } else if (opt == QLatin1String("--censor")) {
            if (!value(c.censoredSender) || !Address::from_hex(c.censoredSender.toStdString()))
                return bad(opt, QStringLiteral("needs a 0x address"));
        } else if (opt == QLatin1String("--challenge-period")) {
            if (!number(UINT32_MAX, n)) return bad(opt, QStringLiteral("needs seconds"));
            c.challengePeriod = n;
        } else if (opt == QLatin1String("--dispute-period")) {
            // The contract's constructor takes 1 .. 2^32 - 1 (docs/CHANNELS.md §2).
            if (!number(UINT32_MAX, n) || n == 0) return bad(opt, QStringLiteral("needs seconds (1..4294967295)"));
            c.disputePeriod = n;
        } else if (opt == QLatin1String("--escape-delay")) {
            if (!number(UINT32_MAX, n)) return bad(opt, QStringLiteral("needs seconds"));
            c.escapeDelay = n;
        } else if (opt == QLatin1String("--proposer-key")) {
            if (!value(c.proposerKeySource) || !(c.proposerKeySource.startsWith(QLatin1String("env:")) ||
                                                 c.proposerKeySource.startsWith(QLatin1String("file:"))))
                return bad(opt, QStringLiteral("needs env:VAR or file:PATH (never the key itself on a command line)"));
        } else if (opt == QLatin1String("--key-file")) {
            if (!value(v) || v.isEmpty()) return bad(opt, QStringLiteral("needs a file holding the hex key"));
            c.proposerKeySource = QStringLiteral("file:") + v;
        } else if (opt == QLatin1String("--deposit-confirmations")) {
            if (!number(1000, n)) return bad(opt, QStringLiteral("needs a number of L1 blocks (0..1000)"));
            c.depositConfirmations = n;
        } else if (opt == QLatin1String("--chain-id")) {
            if (!number(UINT64_MAX, n) || n == 0) return bad(opt, QStringLiteral("needs a positive number"));
            c.l2ChainId = n;
        } else if (opt == QLatin1String("--fee-recipient")) {
            if (!value(v)) return bad(opt, QStringLiteral("needs a 0x address"));
            auto a = Address::from_hex(v.toStdString());
            if (!a) return bad(opt, QStringLiteral("needs a 0x address"));
            c.feeRecipient = *a;
        } else if (opt == QLatin1String("--block-time")) {
            if (!number(600000, n) || n == 0) return bad(opt, QStringLiteral("needs milliseconds (1..600000)"));
            c.blockTimeMs = int(n);
        } else if (opt == QLatin1String("--block-trigger")) {
            if (!number(1000000, n) || n == 0) return bad(opt, QStringLiteral("needs a positive count"));
            c.blockTriggerTxs = int(n);
        } else if (opt == QLatin1String("--genesis-alloc")) {
            if (!value(v)) return bad(opt, QStringLiteral("needs ADDR=WEI[,ADDR=WEI...]"));
            for (const QString& item : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const auto parts = item.split(QLatin1Char('='));
                auto a = parts.size() == 2 ? Address::from_hex(parts[0].trimmed().toStdString()) : std::nullopt;
                auto w = parts.size() == 2 ? u256_from_dec(parts[1].trimmed().toStdString()) : std::nullopt;
                if (!a || !w || *w == 0)
                    return bad(opt, QStringLiteral("bad entry %1 (want ADDR=WEI, WEI > 0)").arg(item));
                c.genesisAlloc.push_back(GenesisAlloc{*a, *w});
            }
        } else {
            return bad(opt, QStringLiteral("unknown option"));
        }
    }
    if (c.watchtower) {
        // Alone: it holds its clients' states and disputes, nothing else.
        if (c.devnet || c.verifier || c.hub || !c.rollupAddress.isEmpty() || !c.proposerKeySource.isEmpty() ||
            !c.faultSpec.isEmpty() || !c.hubFault.isEmpty() || !c.censoredSender.isEmpty() || !c.genesisAlloc.empty())
            return make_error(
                "--watchtower runs alone: not with --devnet, --verifier, --hub, --rollup, a proposer "
                "key, --fault, --censor or --genesis-alloc (point it at a devnet with --devnet-manifest "
                "D/devnet.json)");
        if (c.devnetManifestPath.isEmpty() &&
            (c.l1RpcUrl.isEmpty() || c.channelsAddress.isEmpty() || c.watchtowerKeySource.isEmpty()))
            return make_error(
                "--watchtower needs --l1-rpc URL, --channels ADDR and --watchtower-key env:VAR|file:PATH, "
                "or --devnet-manifest PATH");
        if (!c.devnetManifestPath.isEmpty() && (!c.l1RpcUrl.isEmpty() || !c.channelsAddress.isEmpty()))
            return make_error(
                "--devnet-manifest names the L1 and the Channels contract: not with --l1-rpc or --channels");
        if (!dataDirGiven) c.dataDir = QDir::homePath() + QStringLiteral("/.local/share/sluiced-watchtower");
        if (!portGiven) c.rpcPort = 8547;
        c.sequencer = false;
        return c;
    }
    if (!c.devnetManifestPath.isEmpty() || !c.watchtowerKeySource.isEmpty())
        return make_error("--devnet-manifest and --watchtower-key are for --watchtower");
    if (!dataDirGiven)
        c.dataDir = QDir::homePath() + (c.verifier && !c.devnet ? QStringLiteral("/.local/share/sluiced-verifier")
                                                                : QStringLiteral("/.local/share/sluiced"));
    if (c.verifier && !c.devnet) {
        // A verifier trusts nothing but L1: it needs L1 and a key for proveFraud, and runs no sequencer.
        if (c.l1RpcUrl.isEmpty()) return make_error("--verifier needs --l1-rpc URL and --rollup ADDR");
        if (c.proposerKeySource.isEmpty())
            return make_error("--verifier needs --key-file F (the L1 key that sends proveFraud)");
        if (!c.genesisAlloc.empty() || !c.faultSpec.isEmpty() || !c.censoredSender.isEmpty())
            return make_error("--genesis-alloc, --fault and --censor are for a sequencer, not for --verifier");
        c.sequencer = false;
        c.serveRpc = portGiven;
    }
    if (c.rpcOnly) {
        if (!NodeDatabase::isPostgresUrl(c.database))
            return make_error("--rpc-only reads the sequencer's database: give it --db postgresql://…");
        if (c.sequencerRpcUrl.isEmpty())
            return make_error(
                "--rpc-only forwards transactions: give it --sequencer-rpc URL (the sequencer's JSON-RPC)");
        if (c.devnet || c.verifier || c.watchtower || c.hub || !c.l1RpcUrl.isEmpty() || !c.faultSpec.isEmpty() ||
            !c.genesisAlloc.empty())
            return make_error(
                "--rpc-only runs alone: not with --devnet, --verifier, --watchtower, --hub, --l1-rpc, "
                "--fault or --genesis-alloc (the sequencer has those)");
    } else if (!c.sequencerRpcUrl.isEmpty()) {
        return make_error("--sequencer-rpc is for --rpc-only");
    }
    if (c.hub && !c.devnet && (c.l1RpcUrl.isEmpty() || c.channelsAddress.isEmpty() || c.hubKeySource.isEmpty()))
        return make_error("--hub needs --l1-rpc URL, --channels ADDR and --hub-key env:VAR|file:PATH");
    if (!c.hubFault.isEmpty() && c.noHub)
        return make_error("--fault " + c.hubFault.toStdString() + " is the hub's: not with --no-hub");
    if (!c.genesisAlloc.empty() && (!c.l1RpcUrl.isEmpty() || c.devnet))
        return make_error("--genesis-alloc is for a node without L1 only: with L1, balances come from deposits");
    if (c.l1RpcUrl.isEmpty() != c.rollupAddress.isEmpty() && !c.devnet)
        return make_error("--l1-rpc and --rollup go together");
    return c;
}

}  // namespace sluice::node
