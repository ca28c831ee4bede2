// SPDX-License-Identifier: MIT
#include "node/devnet/devnet.h"

#include "services/process/child_process.hpp"

#include <QTcpServer>

#include <QCoreApplication>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <signal.h>
#include <sys/types.h>

#include "contracts/artifacts.hpp"
#include "core/eth/address.hpp"
#include "node/l1/blockingrpc.h"
#include "services/channels/channels_contract.hpp"
#include "services/process/child_process.hpp"
#include "services/rollup/rollup_abi.hpp"
#include "services/rpc/eth_client.hpp"

namespace sluice::node {
namespace {

// anvil's default mnemonic ("test test ... junk"), m/44'/60'/0'/0/i: public test keys.
const char* const kAnvilKeys[] = {"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                                  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
                                  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
                                  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
                                  "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
                                  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
                                  "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
                                  "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
                                  "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
                                  "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6"};
const char* const kAnvilAddresses[] = {
    "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
    "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
    "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
    "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f", "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"};

// Which of anvil's dev accounts does what on the devnet (Devnet's key getters, the manifest).
constexpr int kProposerAccount = 0;
constexpr int kVerifierAccount = 1;
constexpr int kFirstWalletAccount = 2;  // 2..7 are handed to wallets (devAccounts)
constexpr int kWatchtowerAccount = 8;
constexpr int kHubAccount = 9;

QString q(const std::string& s) { return QString::fromStdString(s); }

Address devAddress(int account) { return *Address::from_hex(kAnvilAddresses[account]); }

// The fixed roles of the dev accounts, written into every manifest (also a resumed one made when
// the hub's and the watchtower's accounts were still handed to wallets).
void assignAccounts(DevnetManifest& m) {
    m.devAccounts.clear();
    for (int i = kFirstWalletAccount; i < kWatchtowerAccount; ++i)
        m.devAccounts.push_back({devAddress(i), QLatin1String(kAnvilKeys[i])});
    m.hub = devAddress(kHubAccount);
    m.watchtower = devAddress(kWatchtowerAccount);
}

Result<QString> sendFromDev(RpcClient& rpc, int account, const QString& to, const Bytes& data, const U256& value) {
    QJsonObject tx{{QStringLiteral("from"), QLatin1String(kAnvilAddresses[account])},
                   {QStringLiteral("data"), q(to_hex(data))},
                   {QStringLiteral("value"), q(u256_to_quantity(value))}};
    if (!to.isEmpty()) tx.insert(QStringLiteral("to"), to);
    auto hash = blockingCall(rpc, QStringLiteral("eth_sendTransaction"), QJsonArray{tx});
    if (!hash) return make_error(hash.error().message.toStdString());
    auto receipt = blockingReceipt(rpc, hash.value().toString());
    if (!receipt) return make_error("the devnet L1 did not mine " + hash.value().toString().toStdString());
    if (receipt->value(QStringLiteral("status")).toString() != QStringLiteral("0x1"))
        return make_error("transaction " + hash.value().toString().toStdString() + " reverted on the devnet L1");
    return receipt->value(QStringLiteral("contractAddress")).toString() + QLatin1Char('|') +
           receipt->value(QStringLiteral("blockNumber")).toString();
}

// Where `sluiced --devnet` looks for anvil, the first one found: $SLUICE_ANVIL; the anvil a package
// bundles beside this binary (<exe dir>/../lib/sluice-wallet/anvil: /usr/lib/sluice-wallet/anvil when
// installed, and wherever a package is unpacked); in a build tree configured with
// SLUICE_BUILD_TREE_ANVIL (dev and test builds, never the release one), the pinned anvil of
// contracts/node_modules; one on PATH. Empty if none is there (launchAnvil() says where it looked).
QString bundledAnvil() {
    return QDir::cleanPath(
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../lib/" SLUICE_PACKAGE_NAME "/anvil")));
}

QString defaultAnvil() {
    QString env = qEnvironmentVariable("SLUICE_ANVIL");
    if (!env.isEmpty()) return env;
    if (const QString bundled = bundledAnvil(); QFileInfo(bundled).isExecutable()) return bundled;
#ifdef SLUICE_BUILD_TREE_ANVIL_PATH
    if (const QString pinned = QStringLiteral(SLUICE_BUILD_TREE_ANVIL_PATH); QFileInfo(pinned).isExecutable())
        return pinned;
#endif
    return QStandardPaths::findExecutable(QStringLiteral("anvil"));
}

// The anvil a node of this data directory launched (its pid is in D/anvil.pid) and left running
// when it was killed: it listens on `port` and keeps its state in D/anvil-state.json. 0 if the pid
// file is missing or names another process.
qint64 orphanedAnvil(const QDir& dir, quint16 port) {
    QFile pidFile(dir.filePath(QStringLiteral("anvil.pid")));
    if (!pidFile.open(QIODevice::ReadOnly)) return 0;
    const qint64 pid = pidFile.readAll().trimmed().toLongLong();
    if (pid <= 0) return 0;
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly)) return 0;
    const QList<QByteArray> args = cmdline.readAll().split('\0');
    const QByteArray state = dir.filePath(QStringLiteral("anvil-state.json")).toUtf8();
    const auto follows = [&](const char* flag, const QByteArray& value) {
        const auto at = args.indexOf(flag);
        return at >= 0 && args.value(at + 1) == value;
    };
    return follows("--port", QByteArray::number(port)) && follows("--state", state) ? pid : 0;
}

bool processGone(qint64 pid, int waitMs) {
    for (int waited = 0; waited <= waitMs; waited += 50) {
        if (::kill(pid_t(pid), 0) != 0) return true;
        QThread::msleep(50);
    }
    return false;
}

}  // namespace

void DevnetManifest::setPorts(quint16 l1Port, quint16 l2Port) {
    l1RpcUrl = QStringLiteral("http://127.0.0.1:%1").arg(l1Port);
    l1WsUrl = QStringLiteral("ws://127.0.0.1:%1").arg(l1Port);
    l2RpcUrl = QStringLiteral("http://127.0.0.1:%1").arg(l2Port);
    l2WsUrl = QStringLiteral("ws://127.0.0.1:%1").arg(l2Port);
}

QJsonObject DevnetManifest::toJson() const {
    QJsonArray accounts;
    for (const auto& a : devAccounts)
        accounts.append(QJsonObject{{QStringLiteral("address"), q(to_checksum_address(a.address))},
                                    {QStringLiteral("privateKey"), a.privateKey}});
    return QJsonObject{
        {QStringLiteral("l1"), QJsonObject{{QStringLiteral("rpcUrl"), l1RpcUrl},
                                           {QStringLiteral("wsUrl"), l1WsUrl},
                                           {QStringLiteral("chainId"), double(l1ChainId)}}},
        {QStringLiteral("l2"), QJsonObject{{QStringLiteral("rpcUrl"), l2RpcUrl},
                                           {QStringLiteral("wsUrl"), l2WsUrl},
                                           {QStringLiteral("chainId"), double(l2ChainId)}}},
        {QStringLiteral("rollup"), q(to_checksum_address(rollup))},
        {QStringLiteral("deployBlock"), double(deployBlock)},
        {QStringLiteral("challengePeriod"), double(challengePeriod)},
        {QStringLiteral("channels"), q(to_checksum_address(channels))},
        {QStringLiteral("channelsDeployBlock"), double(channelsDeployBlock)},
        {QStringLiteral("disputePeriod"), double(disputePeriod)},
        {QStringLiteral("hub"), q(to_checksum_address(hub))},
        {QStringLiteral("watchtower"), q(to_checksum_address(watchtower))},
        {QStringLiteral("watchtowerRpcUrl"), watchtowerRpcUrl.isEmpty() ? QJsonValue() : QJsonValue(watchtowerRpcUrl)},
        {QStringLiteral("devAccounts"), accounts}};
}

Result<DevnetManifest> DevnetManifest::fromJson(const QJsonObject& o) {
    DevnetManifest m;
    auto l1 = o.value(QStringLiteral("l1")).toObject();
    auto l2 = o.value(QStringLiteral("l2")).toObject();
    m.l1RpcUrl = l1.value(QStringLiteral("rpcUrl")).toString();
    m.l1WsUrl = l1.value(QStringLiteral("wsUrl")).toString();
    m.l1ChainId = quint64(l1.value(QStringLiteral("chainId")).toDouble());
    m.l2RpcUrl = l2.value(QStringLiteral("rpcUrl")).toString();
    m.l2WsUrl = l2.value(QStringLiteral("wsUrl")).toString();
    m.l2ChainId = quint64(l2.value(QStringLiteral("chainId")).toDouble());
    auto rollup = parse_address(o.value(QStringLiteral("rollup")).toString().toStdString());
    if (!rollup) return make_error("devnet.json: the rollup address is missing or invalid");
    m.rollup = *rollup;
    m.deployBlock = quint64(o.value(QStringLiteral("deployBlock")).toDouble());
    m.challengePeriod = quint64(o.value(QStringLiteral("challengePeriod")).toDouble());
    // Absent from the manifest of a devnet made before the Channels contract (start() deploys it).
    for (auto [key, out] :
         {std::pair{"channels", &m.channels}, std::pair{"hub", &m.hub}, std::pair{"watchtower", &m.watchtower}}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) continue;
        auto a = parse_address(v.toString().toStdString());
        if (!a) return make_error(std::string("devnet.json: the ") + key + " address is invalid");
        *out = *a;
    }
    m.channelsDeployBlock = quint64(o.value(QStringLiteral("channelsDeployBlock")).toDouble());
    m.watchtowerRpcUrl = o.value(QStringLiteral("watchtowerRpcUrl")).toString();
    m.disputePeriod = quint64(o.value(QStringLiteral("disputePeriod")).toDouble(60));
    for (const auto& v : o.value(QStringLiteral("devAccounts")).toArray()) {
        auto a = parse_address(v.toObject().value(QStringLiteral("address")).toString().toStdString());
        if (!a) return make_error("devnet.json: a dev account address is invalid");
        m.devAccounts.push_back({*a, v.toObject().value(QStringLiteral("privateKey")).toString()});
    }
    if (m.l1RpcUrl.isEmpty()) return make_error("devnet.json: l1.rpcUrl is missing");
    return m;
}

QString Devnet::proposerKey() { return QLatin1String(kAnvilKeys[kProposerAccount]); }
QString Devnet::verifierKey() { return QLatin1String(kAnvilKeys[kVerifierAccount]); }
QString Devnet::hubKey() { return QLatin1String(kAnvilKeys[kHubAccount]); }
QString Devnet::watchtowerKey() { return QLatin1String(kAnvilKeys[kWatchtowerAccount]); }

Devnet::Devnet(QObject* parent) : QObject(parent) {}
Devnet::~Devnet() { stop(); }

QString Devnet::manifestPath() const { return QDir(m_dataDir).filePath(QStringLiteral("devnet.json")); }

Status Devnet::launchWatchtower(const DevnetOptions& options, quint16 port, const Address& channels) {
    const QDir dir(options.dataDir);
    m_watchtower.setProgram(QCoreApplication::applicationFilePath());
    m_watchtower.setArguments({QStringLiteral("--watchtower"), QStringLiteral("--devnet-manifest"), manifestPath(),
                               QStringLiteral("--l2-port"), QString::number(port), QStringLiteral("--data-dir"),
                               // One store per contract: a devnet that deployed a new Channels
                               // contract (a pre-Channels devnet resumed) must not find the
                               // store of another contract.
                               dir.filePath(QStringLiteral("watchtower-") + QString::fromStdString(channels.hex()))});
    m_watchtower.setStandardOutputFile(dir.filePath(QStringLiteral("watchtower.log")), QIODevice::Append);
    m_watchtower.setStandardErrorFile(dir.filePath(QStringLiteral("watchtower.log")), QIODevice::Append);
    endWithParent(m_watchtower);  // a killed devnet node takes its watchtower with it
    m_watchtower.start();
    if (!m_watchtower.waitForStarted(10000))
        return make_error("the devnet's watchtower did not start: " + m_watchtower.errorString().toStdString());
    RpcClient rpc(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    rpc.setTimeout(std::chrono::seconds(2));
    for (int i = 0; i < 300; ++i) {
        // Any JSON-RPC answer (an error about the missing parameters included) means it serves.
        auto r = blockingCall(rpc, QStringLiteral("sluice_watchtowerStatus"));
        if (r || r.error().kind == RpcError::Kind::RpcErrorObject) return {};
        if (m_watchtower.state() == QProcess::NotRunning)
            return make_error("the devnet's watchtower exited at start-up; see " +
                              dir.filePath(QStringLiteral("watchtower.log")).toStdString());
        QThread::msleep(100);
    }
    return make_error("the devnet's watchtower did not answer on port " + std::to_string(port));
}

void Devnet::stop() {
    if (m_watchtower.state() != QProcess::NotRunning) {
        m_watchtower.terminate();
        if (!m_watchtower.waitForFinished(5000)) {
            m_watchtower.kill();
            m_watchtower.waitForFinished(2000);
        }
    }
    // SIGTERM lets anvil write its state file one last time.
    if (m_adoptedAnvil > 0) {
        ::kill(pid_t(m_adoptedAnvil), SIGTERM);
        if (!processGone(m_adoptedAnvil, 5000)) ::kill(pid_t(m_adoptedAnvil), SIGKILL);
        m_adoptedAnvil = 0;
    }
    if (m_anvil.state() == QProcess::NotRunning) return;
    m_anvil.terminate();
    if (!m_anvil.waitForFinished(5000)) {
        m_anvil.kill();
        m_anvil.waitForFinished(2000);
    }
}

Status Devnet::launchAnvil(const DevnetOptions& options) {
    QString program = options.anvilPath.isEmpty() ? defaultAnvil() : options.anvilPath;
    if (program.isEmpty())
        return make_error("anvil (Foundry's local Ethereum node) was not found: not at " +
                          bundledAnvil().toStdString() +
                          " where the sluice-wallet package puts it, not on PATH, and SLUICE_ANVIL is not set. "
                          "Reinstall sluice-wallet, or point SLUICE_ANVIL at an anvil (in a source tree: run "
                          "scripts/setup.sh)");
    if (!QFileInfo(program).isExecutable())
        return make_error("anvil was not found at " + program.toStdString() +
                          " (reinstall sluice-wallet, put Foundry's anvil on PATH, or point SLUICE_ANVIL at it)");
    QDir dir(options.dataDir);
    m_anvil.setProgram(program);
    // Today's mainnet rules (Osaka: EIP-7825's per-transaction gas cap, EIP-7623's calldata
    // floor). Loopback only and no CORS: a web page must not reach the anvil_* methods that
    // rewrite the L1 the verifier trusts; ANVIL_IP_ADDR would otherwise override --host.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ANVIL_IP_ADDR"));
    m_anvil.setProcessEnvironment(env);
    m_anvil.setArguments({QStringLiteral("--hardfork"), QStringLiteral("osaka"), QStringLiteral("--host"),
                          QStringLiteral("127.0.0.1"), QStringLiteral("--no-cors"), QStringLiteral("--port"),
                          QString::number(options.l1Port), QStringLiteral("--state"),
                          dir.filePath(QStringLiteral("anvil-state.json")), QStringLiteral("--state-interval"),
                          QStringLiteral("1"), QStringLiteral("--block-time"),
                          QString::number(options.blockTimeSeconds)});
    const QString logPath = dir.filePath(QStringLiteral("anvil.log"));
    const qint64 logStart = QFileInfo(logPath).size();  // 0 when it does not exist yet
    m_anvil.setStandardOutputFile(logPath, QIODevice::Append);
    m_anvil.setStandardErrorFile(logPath, QIODevice::Append);
    // A node that dies without stopping anvil (kill -9, a crash) takes it along: the kernel sends it
    // SIGTERM, on which anvil writes its state file and exits, so no orphan holds the port; the
    // next start reloads that state. With --keep-l1 it keeps running and the next start reuses it.
    if (!options.keepL1) endWithParent(m_anvil);
    m_anvil.start();
    if (!m_anvil.waitForStarted(10000))
        return make_error("anvil did not start: " + m_anvil.errorString().toStdString());
    // So that a node started after this one was killed can find, reuse and finally stop this anvil.
    QSaveFile pidFile(dir.filePath(QStringLiteral("anvil.pid")));
    if (!pidFile.open(QIODevice::WriteOnly) || pidFile.write(QByteArray::number(m_anvil.processId())) < 0 ||
        !pidFile.commit()) {
        stop();
        return make_error("cannot write " + dir.filePath(QStringLiteral("anvil.pid")).toStdString());
    }
    // Ready when this anvil says it listens on the port, then answers there. An answer alone is
    // not enough: another program that took the port between the check in start() and this
    // launch would answer while ours exits with "Address already in use", and the devnet would
    // deploy onto a chain that is not its own.
    const QByteArray listening = "Listening on 127.0.0.1:" + QByteArray::number(options.l1Port);
    auto saysListening = [&] {
        QFile log(logPath);
        return log.open(QIODevice::ReadOnly) && log.seek(logStart) && log.readAll().contains(listening);
    };
    RpcClient rpc(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(options.l1Port)));
    rpc.setTimeout(std::chrono::seconds(2));
    for (int i = 0; i < 200; ++i) {
        if (m_anvil.state() == QProcess::NotRunning)
            return make_error("anvil exited at start-up (is port " + std::to_string(options.l1Port) + " taken?); see " +
                              logPath.toStdString());
        if (saysListening() && blockingCall(rpc, QStringLiteral("eth_chainId"))) return {};
        m_anvil.waitForFinished(100);  // a pause that also notices the exit
    }
    stop();
    return make_error("anvil did not answer on port " + std::to_string(options.l1Port));
}

Result<DevnetManifest> Devnet::deploy(const DevnetOptions& options) {
    DevnetManifest m;
    m.setPorts(options.l1Port, options.l2Port);
    m.challengePeriod = options.challengePeriod;
    RpcClient rpc(QUrl(m.l1RpcUrl));
    RollupConstructorArgs args;
    args.challengePeriod = options.challengePeriod;
    args.escapeDelay = options.escapeDelay;
    args.feeRecipient = devAddress(kProposerAccount);
    auto code = from_hex(contracts::rollup_creation_bytecode());
    if (!code) return make_error("the embedded Rollup bytecode is not hex");
    auto data = rollupabi::encodeDeployment(*code, args);
    if (!data) return data.error();
    auto deployed = sendFromDev(rpc, kProposerAccount, {}, *data, 0);
    if (!deployed) return make_error("deploying Rollup failed: " + deployed.message());
    auto parts = deployed->split(QLatin1Char('|'));
    auto rollup = parse_address(parts.value(0).toStdString());
    if (!rollup) return make_error("the deployment receipt has no contract address");
    m.rollup = *rollup;
    m.deployBlock = EthClient::parseQuantity64(parts.value(1)).value_or(0);
    auto bonded = sendFromDev(rpc, kProposerAccount, parts.value(0), rollupabi::encodeBond(), args.requiredBond);
    if (!bonded) return make_error("bonding the proposer failed: " + bonded.message());
    if (auto st = deployChannels(options, m); !st) return st.error();
    return m;
}

Status Devnet::deployChannels(const DevnetOptions& options, DevnetManifest& m) {
    auto code = from_hex(contracts::channels_creation_bytecode());
    if (!code) return make_error("the embedded Channels bytecode is not hex");
    RpcClient rpc(QUrl(m.l1RpcUrl));
    auto deployed =
        sendFromDev(rpc, kProposerAccount, {}, channelsabi::deploymentData(*code, options.disputePeriod), 0);
    if (!deployed) return make_error("deploying Channels failed: " + deployed.message());
    auto parts = deployed->split(QLatin1Char('|'));
    auto channels = parse_address(parts.value(0).toStdString());
    if (!channels) return make_error("the Channels deployment receipt has no contract address");
    m.channels = *channels;
    m.channelsDeployBlock = EthClient::parseQuantity64(parts.value(1)).value_or(0);
    m.disputePeriod = options.disputePeriod;
    return {};
}

Result<DevnetManifest> Devnet::start(const DevnetOptions& options) {
    m_dataDir = options.dataDir;
    if (!QDir().mkpath(options.dataDir))
        return make_error("cannot create the data directory " + options.dataDir.toStdString());

    std::optional<DevnetManifest> previous;
    QFile file(manifestPath());
    if (file.open(QIODevice::ReadOnly)) {
        auto parsed = DevnetManifest::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (!parsed) return parsed.error();
        previous = *parsed;
    }

    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(options.l1Port);
    RpcClient rpc{QUrl(url)};
    rpc.setTimeout(std::chrono::seconds(2));
    auto codeThere = [&](const Address& contract) {
        auto c =
            blockingCall(rpc, QStringLiteral("eth_getCode"), QJsonArray{q(contract.hex()), QStringLiteral("latest")});
        return c && c.value().toString().size() > 2;
    };

    auto running = blockingCall(rpc, QStringLiteral("eth_chainId"));
    // The anvil of a node killed a moment ago is still writing its state file on its way out (it
    // ends with its parent): wait for it rather than reuse a process about to exit.
    if (const qint64 dying = running && !options.keepL1 ? orphanedAnvil(QDir(options.dataDir), options.l1Port) : 0;
        dying && processGone(dying, 10000))
        running = blockingCall(rpc, QStringLiteral("eth_chainId"));
    if (running) {
        // Something already listens: only an anvil of ours left behind by a killed node is reused,
        // and then this node stops it as if it had launched it (a second anvil on the same state
        // file would overwrite the first one's).
        auto id = EthClient::parseQuantity64(running.value());
        const qint64 orphan = orphanedAnvil(QDir(options.dataDir), options.l1Port);
        if (!previous || !orphan || !id || *id != previous->l1ChainId || !codeThere(previous->rollup))
            return make_error("port " + std::to_string(options.l1Port) +
                              " is in use by another node that is not this devnet's L1; stop it or pass --l1-port");
        m_adoptedAnvil = orphan;
        m_resumed = true;
    } else {
        if (auto s = launchAnvil(options); !s) return s.error();
        m_resumed = previous && codeThere(previous->rollup);
    }
    Result<DevnetManifest> manifest = m_resumed ? Result<DevnetManifest>(*previous) : deploy(options);
    // A devnet made before the Channels contract existed gets it now, so its data dir keeps working.
    if (manifest && m_resumed && (manifest->channels.is_zero() || !codeThere(manifest->channels))) {
        manifest->setPorts(options.l1Port, options.l2Port);
        if (auto st = deployChannels(options, *manifest); !st) manifest = st.error();
    }
    if (!manifest) {
        stop();
        return manifest.error();
    }
    assignAccounts(*manifest);
    // The ports are this run's (a resume may be given others): the node and the app that reads
    // the manifest must find the L1 and L2 where they listen now.
    manifest->setPorts(options.l1Port, options.l2Port);
    quint16 watchtowerPort = options.watchtowerPort;
    if (options.watchtower && watchtowerPort == 0) {
        QTcpServer probe;  // a free port, handed to the watchtower at once
        if (!probe.listen(QHostAddress::LocalHost, 0)) return make_error("no free port for the devnet's watchtower");
        watchtowerPort = probe.serverPort();
    }
    manifest->watchtowerRpcUrl =
        options.watchtower ? QStringLiteral("http://127.0.0.1:%1").arg(watchtowerPort) : QString();
    QSaveFile out(manifestPath());
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(manifest->toJson()).toJson()) < 0 || !out.commit()) {
        stop();
        return make_error("cannot write " + manifestPath().toStdString());
    }
    if (options.watchtower)
        if (auto st = launchWatchtower(options, watchtowerPort, manifest->channels); !st) {
            stop();
            return st.error();
        }
    return manifest;
}

}  // namespace sluice::node
