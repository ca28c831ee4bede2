// SPDX-License-Identifier: MIT
#include "cli/session.hpp"

#include <QEventLoop>
#include <QFile>

#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "core/keys/keystore.hpp"
#include "services/bridge/deployment.hpp"
#include "services/rpc/await_result.hpp"

namespace sluice::cli {

QString ether(const U256& wei) { return QString::fromStdString(format_amount(wei, Unit::ether)); }
QString checksum(const Address& a) { return QString::fromStdString(to_checksum_address(a)); }

TransactionSender::ReviewHook review(const QCommandLineParser& parser, const Options& o) {
    return terminalReview(parser.isSet(o.yes));
}

Result<NetworkConfig> networkFrom(const QCommandLineParser& p, const Options& o) {
    const bool explicitSet = p.isSet(o.l1Rpc) || p.isSet(o.l2Rpc) || p.isSet(o.rollup);
    if (explicitSet) {
        if (p.isSet(o.network)) return make_error("give either --network or --l1-rpc/--l2-rpc/--rollup, not both");
        if (!p.isSet(o.l1Rpc) || !p.isSet(o.l2Rpc) || !p.isSet(o.rollup))
            return make_error("--l1-rpc, --l2-rpc and --rollup go together (or use --network local)");
        const bool allowInsecure = p.isSet(o.insecureEndpoints);
        auto config = explicitNetwork(p.value(o.l1Rpc), p.value(o.l2Rpc), p.value(o.rollup), allowInsecure);
        if (!config) return config;
        // explicitNetwork applied the rule; this only adds the warning for what the flag let through.
        for (auto [url, what] : {std::pair{config->l1Rpc, QStringLiteral("--l1-rpc")},
                                 std::pair{config->l2Rpc, QStringLiteral("--l2-rpc")}})
            if (auto ok = checkEndpoint(url, what, allowInsecure); !ok) return ok.error();
        return config;
    }
    if (!p.isSet(o.network) && !p.isSet(o.dataDir))
        return make_error("say where to connect: --network local, or --l1-rpc/--l2-rpc/--rollup");
    if (p.isSet(o.network) && p.value(o.network) != QLatin1String("local"))
        return make_error("unknown --network '" + p.value(o.network).toStdString() + "' (only \"local\" is built in)");
    return loadDevnetManifest(devnetManifestPath(p.value(o.dataDir)));
}

// Connects, reads the parameters from the contract and checks both nodes are the ones the
// contract describes. With `withBridge`, also opens the persisted bridge history. Without
// `withL2` the L2 node is not contacted (the escape hatch works with the operator gone).
std::optional<int> openSession(Session& s, const QCommandLineParser& p, const Options& o, bool withBridge,
                               bool withL2) {
    auto network = networkFrom(p, o);
    if (!network) return fail(network.message(), Usage);
    s.network = *network;
    s.walletDir = p.isSet(o.walletDir) ? p.value(o.walletDir) : defaultWalletDataDir();
    s.l1Rpc = std::make_unique<RpcClient>(s.network.l1Rpc);
    s.l1 = std::make_unique<EthClient>(s.l1Rpc.get());
    s.rollup = std::make_unique<RollupContract>(s.l1.get(), s.network.rollup);
    s.l2 = std::make_unique<L2Client>(s.network.l2Rpc, s.network.l2Ws);
    RollupReader reader(s.l1.get(), s.network.rollup, s.network.deployBlock);
    auto params = awaitResult<RpcResult<RollupParameters>>([&](auto done) { reader.readParameters(&reader, done); });
    if (!params.ok())
        return fail(QStringLiteral("cannot read the Rollup contract %1 on the L1 node %2: %3")
                        .arg(checksum(s.network.rollup), s.network.l1Rpc.toString(), params.error().message));
    s.params = params.value();
    if (!withL2) return std::nullopt;
    auto l2Chain = awaitResult<RpcResult<quint64>>([&](auto done) { s.l2->eth()->chainId(s.l2.get(), done); });
    if (!l2Chain.ok()) return fail(QStringLiteral("the L2 node is not answering: %1").arg(l2Chain.error().message));
    if (U256(l2Chain.value()) != s.params.l2ChainId)
        return fail(QStringLiteral("the L2 node %1 serves chain %2, but the Rollup contract says the L2 chain id is %3")
                        .arg(s.network.l2Rpc.toString())
                        .arg(l2Chain.value())
                        .arg(QString::fromStdString(u256_to_dec(s.params.l2ChainId))));
    if (withBridge) {
        if (auto code = identifyChain(s)) return code;
        s.bridge = std::make_unique<BridgeService>(s.rollup.get(), s.l2.get(), s.params,
                                                   BridgeService::storePathFor(s.walletDir, s.deployment));
        QObject::connect(s.bridge.get(), &BridgeService::problem,
                         [](const QString& m) { printErr(QStringLiteral("warning: ") + m); });
        if (!s.bridge->isLoaded()) {
            QEventLoop loop;
            QObject::connect(s.bridge.get(), &BridgeService::loadedChanged, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }
    return std::nullopt;
}

std::optional<int> identifyChain(Session& s) {
    // Which chain this is, not only which address: fresh devnets put their Rollup at the same one.
    auto deployment = awaitResult<RpcResult<Deployment>>([&](auto done) {
        identifyDeployment(s.l1.get(), s.network.rollup, s.network.deployBlock, s.rollup.get(), done);
    });
    if (!deployment.ok())
        return fail(QStringLiteral("cannot tell from the L1 node %1 which deployment of the Rollup this is: %2")
                        .arg(s.network.l1Rpc.toString(), deployment.error().message));
    s.deployment = deployment.value();
    return std::nullopt;
}

// The signer from --private-key-file (or --private-key), --keystore or --wallet. `required`: fail without one.
std::optional<int> openSigner(Session& s, const QCommandLineParser& p, const Options& o, bool required) {
    const bool keyGiven = secretGiven(p, o.privateKey, o.privateKeyFile);
    const int given = int(keyGiven) + int(p.isSet(o.keystore)) + int(p.isSet(o.wallet));
    if (given > 1)
        return fail(QStringLiteral("give only one of --private-key-file (or --private-key), --keystore and --wallet"),
                    Usage);
    if (given == 0) {
        if (required)
            return fail(
                QStringLiteral("this needs a key: --private-key-file FILE, --keystore FILE or --wallet (see --help)"),
                Usage);
        return std::nullopt;
    }
    bool ok = false;
    const int timeoutSeconds = p.value(o.timeout).toInt(&ok);
    if (!ok || timeoutSeconds <= 0)
        return fail(QStringLiteral("--timeout must be a positive number of seconds"), Usage);
    s.timeout = std::chrono::seconds(timeoutSeconds);
    if (keyGiven) {
        auto key = readPrivateKeyOption(p, o.privateKey, o.privateKeyFile);
        if (!key) return fail(key.message(), Usage);
        s.signer = AccountSigner::from_key(*key);
        return std::nullopt;
    }
    if (p.isSet(o.keystore)) {
        const QString path = p.value(o.keystore);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        const QByteArray json = file.readAll();
        auto password = readPassword(p.value(o.passwordFile), false);
        if (!password) return fail(password.message());
        auto key =
            decrypt_keystore(std::string_view(json.constData(), std::size_t(json.size())), password->as_string());
        if (!key) return fail(withContext(path, key.message()));
        s.signer = AccountSigner::from_key(*key);
        return std::nullopt;
    }
    bool indexOk = false;
    const int index = p.value(o.account).toInt(&indexOk);
    if (!indexOk || index < 0) return fail(QStringLiteral("--account must be a non-negative index"), Usage);
    s.store = std::make_unique<WalletStore>(s.walletDir);
    if (s.store->isBusy()) {
        QEventLoop loop;
        QObject::connect(s.store.get(), &WalletStore::busyChanged, &loop, [&] {
            if (!s.store->isBusy()) loop.quit();
        });
        loop.exec();
    }
    if (!s.store->exists())
        return fail(
            s.store->loadError().isEmpty()
                ? QStringLiteral("no wallet in %1 (create one in the app, or use --wallet-dir)").arg(s.walletDir)
                : s.store->loadError());
    auto password = readPassword(p.value(o.passwordFile), false);
    if (!password) return fail(password.message());
    QString failure;
    {
        QEventLoop loop;
        QObject::connect(s.store.get(), &WalletStore::unlocked, &loop, &QEventLoop::quit);
        QObject::connect(s.store.get(), &WalletStore::failed, &loop, [&](const QString& m) {
            failure = m;
            loop.quit();
        });
        s.store->unlock(QString::fromUtf8(password->as_string().data(), qsizetype(password->as_string().size())));
        loop.exec();
    }
    if (!failure.isEmpty()) return fail(failure);
    // The dev fixture's keys are public (WalletStore::isDevFixture): whatever it holds on a real
    // network anyone can take, so it signs for the local devnet only, as in the app.
    if (s.store->isDevFixture() && !isLocalDevnet(s.network, s.params.l1ChainId))
        return fail(QStringLiteral(
                        "the wallet in %1 is the dev fixture, made from the public test mnemonic: it is only used on "
                        "the local devnet (L1 chain %2 on this computer), not on L1 chain %3 at %4; use a key of "
                        "your own")
                        .arg(s.walletDir)
                        .arg(kDevnetL1ChainId)
                        .arg(s.params.l1ChainId)
                        .arg(s.network.l1Rpc.toDisplayString()));
    s.signer = s.store->signer(index);
    if (!s.signer) return fail(QStringLiteral("the wallet has no account %1 (add it in the app)").arg(index));
    return std::nullopt;
}

std::optional<U256> amountOption(const QCommandLineParser& p, const QCommandLineOption& o, int& exitCode) {
    if (!p.isSet(o)) {
        exitCode = fail(QStringLiteral("--amount is required (see --help)"), Usage);
        return std::nullopt;
    }
    auto amount = parse_amount(p.value(o).toStdString(), Unit::ether);
    if (!amount) {
        exitCode = fail(withContext(QStringLiteral("--amount"), amount.message()), Usage);
        return std::nullopt;
    }
    if (amount->is_zero()) {
        exitCode = fail(QStringLiteral("--amount must be above zero"), Usage);
        return std::nullopt;
    }
    return *amount;
}

QCommandLineOption amountOptionDef() {
    return {QStringLiteral("amount"), QStringLiteral("Exact amount: \"1.5\" (ether), \"20 gwei\", \"1000 wei\"."),
            QStringLiteral("AMOUNT")};
}

int reportResult(const Result<Hash>& r) {
    if (!r) return fail(r.message());
    printOut(QString::fromStdString(r->hex()));
    return Ok;
}

}  // namespace sluice::cli
