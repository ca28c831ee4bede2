// SPDX-License-Identifier: MIT
// BridgeService, L2Client and NetworkConfig at the I/O seam: two fake JSON-RPC servers play the
// L1 (a tiny model of the Rollup contract's views and of a chain that mines every transaction)
// and the L2 node (sluice_ methods answering whatever the test sets, fixtures for the parsers).

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <set>

#include "core/eth/abi.hpp"
#include "core/eth/address.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/merkle.hpp"
#include "core/rollup/params.hpp"
#include "core/rollup/stf.hpp"
#include "fake_rpc_server.hpp"
#include "prerequisite.hpp"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/bridge/network_config.hpp"
#include "services/bridge/rollup_contract.hpp"
#include "services/rollup/rollup_abi.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"

using namespace sluice;
using sluice::test::FakeResponse;
using sluice::test::FakeRpcServer;

namespace {

const char* kKeyHex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const Address kRollup = *Address::from_hex("0x5fbdb2315678afecb367f032d93f642f64180aa3");

QByteArray fixture(const QString& name) {
    QFile f(QStringLiteral(SLUICE_BRIDGE_FIXTURES_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

QString q(const U256& v) { return QString::fromStdString(u256_to_quantity(v)); }
QString hx(ByteView b) { return QString::fromStdString(to_hex(b)); }

// An Ethereum node that mines every valid raw transaction at once, with a balance per address
// and an eth_call hook. Records what it was sent. Its block hashes are its own (`blockSalt`).
struct FakeChain {
    quint64 chainId = 1;
    U256 baseFee = 1000000000;
    quint64 timestamp = 0;
    std::uint8_t blockSalt = 0;
    std::set<QString> pending;  // transactions it knows but has not mined
    std::map<Address, U256> balances;
    std::map<Address, quint64> nonces;
    std::vector<SignedTransaction> sent;
    std::map<QString, QJsonObject> receipts;
    std::function<std::optional<QByteArray>(const Bytes&)> ethCall;        // data -> return hex
    std::function<std::optional<FakeResponse>(const QJsonObject&)> extra;  // other methods
    bool revertNext = false;

    FakeResponse handle(const QJsonObject& r) {
        const QString m = r.value(QStringLiteral("method")).toString();
        const QJsonArray p = r.value(QStringLiteral("params")).toArray();
        if (extra)
            if (auto out = extra(r)) return *out;
        if (m == QLatin1String("eth_chainId")) return FakeRpcServer::result(r, q(chainId));
        if (m == QLatin1String("eth_getBlockByNumber")) {
            const quint64 number = EthClient::parseQuantity64(p[0]).value_or(0x10);  // "latest": 0x10
            return FakeRpcServer::result(r, QJsonObject{{QStringLiteral("number"), q(number)},
                                                        {QStringLiteral("hash"), hx(blockHash(number))},
                                                        {QStringLiteral("timestamp"), q(timestamp)},
                                                        {QStringLiteral("baseFeePerGas"), q(baseFee)}});
        }
        if (m == QLatin1String("eth_maxPriorityFeePerGas")) return FakeRpcServer::result(r, QStringLiteral("0x0"));
        if (m == QLatin1String("eth_gasPrice")) return FakeRpcServer::result(r, q(baseFee));
        if (m == QLatin1String("eth_estimateGas")) return FakeRpcServer::result(r, QStringLiteral("0xc350"));
        if (m == QLatin1String("eth_blockNumber")) return FakeRpcServer::result(r, QStringLiteral("0x10"));
        if (m == QLatin1String("eth_getBalance"))
            return FakeRpcServer::result(r, q(balances[*Address::from_hex(p[0].toString().toStdString())]));
        if (m == QLatin1String("eth_getTransactionCount"))
            return FakeRpcServer::result(r, q(nonces[*Address::from_hex(p[0].toString().toStdString())]));
        if (m == QLatin1String("eth_call")) {
            auto data = from_hex(p[0].toObject().value(QStringLiteral("data")).toString().toStdString());
            if (ethCall && data)
                if (auto out = ethCall(*data)) return FakeRpcServer::result(r, QString::fromLatin1(*out));
            return FakeRpcServer::error(r, 3, QStringLiteral("execution reverted"));
        }
        if (m == QLatin1String("eth_sendRawTransaction")) {
            auto raw = from_hex(p[0].toString().toStdString());
            auto tx = raw ? decode_signed_transaction(*raw) : Result<SignedTransaction>(make_error("bad hex"));
            if (!tx) return FakeRpcServer::error(r, -32000, QString::fromStdString(tx.message()));
            auto from = recover_sender(*tx);
            nonces[*from] += 1;
            sent.push_back(*tx);
            const QString hash = hx(transaction_hash(*tx));
            receipts[hash] =
                QJsonObject{{QStringLiteral("transactionHash"), hash},
                            {QStringLiteral("blockHash"), hx(Hash{})},
                            {QStringLiteral("blockNumber"), QStringLiteral("0x11")},
                            {QStringLiteral("gasUsed"), QStringLiteral("0x5208")},
                            {QStringLiteral("status"), revertNext ? QStringLiteral("0x0") : QStringLiteral("0x1")}};
            revertNext = false;
            return FakeRpcServer::result(r, hash);
        }
        if (m == QLatin1String("eth_getTransactionReceipt")) {
            auto it = receipts.find(p[0].toString());
            return FakeRpcServer::result(r, it == receipts.end() ? QJsonValue() : QJsonValue(it->second));
        }
        if (m == QLatin1String("eth_getTransactionByHash")) {
            const QString hash = p[0].toString();
            if (!receipts.count(hash) && !pending.count(hash)) return FakeRpcServer::result(r, QJsonValue());
            return FakeRpcServer::result(r, QJsonObject{{QStringLiteral("hash"), hash}});
        }
        return FakeRpcServer::error(r, -32601, QStringLiteral("method not found: ") + m);
    }

    Hash blockHash(quint64 number) const {
        Hash h;
        h.bytes.fill(blockSalt);
        for (int i = 0; i < 8; ++i) h.bytes[31 - i] = std::uint8_t(number >> (8 * i));
        return h;
    }
    // A transaction this chain mined in block `number`.
    void mined(const Hash& tx, quint64 number, bool success = true) {
        receipts[hx(tx)] =
            QJsonObject{{QStringLiteral("transactionHash"), hx(tx)},
                        {QStringLiteral("blockHash"), hx(blockHash(number))},
                        {QStringLiteral("blockNumber"), q(number)},
                        {QStringLiteral("gasUsed"), QStringLiteral("0x5208")},
                        {QStringLiteral("status"), success ? QStringLiteral("0x1") : QStringLiteral("0x0")}};
    }
};

QByteArray word(const Hash& h) { return QByteArray::fromStdString(h.hex()); }
QByteArray uintWord(const U256& v) { return word(u256_to_be32(v)); }

rollup::BatchHeader makeHeader(quint64 submittedAt, const Hash& withdrawalRoot, std::uint8_t salt) {
    rollup::BatchHeader h;
    h.prev_state_root.bytes.fill(salt);
    h.state_root.bytes.fill(std::uint8_t(salt + 1));
    h.tx_root.bytes.fill(std::uint8_t(salt + 2));
    h.withdrawal_root = withdrawalRoot;
    h.record_count = 2;
    h.deposit_start = 0;
    h.deposit_end = 1;
    h.submitted_at = submittedAt;
    h.proposer = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    return h;
}

QJsonObject headerJson(const rollup::BatchHeader& h) {
    return {{QStringLiteral("prevStateRoot"), hx(h.prev_state_root)},
            {QStringLiteral("stateRoot"), hx(h.state_root)},
            {QStringLiteral("txRoot"), hx(h.tx_root)},
            {QStringLiteral("withdrawalRoot"), hx(h.withdrawal_root)},
            {QStringLiteral("recordCount"), qint64(h.record_count)},
            {QStringLiteral("depositStart"), qint64(h.deposit_start)},
            {QStringLiteral("depositEnd"), qint64(h.deposit_end)},
            {QStringLiteral("submittedAt"), qint64(h.submitted_at)},
            {QStringLiteral("proposer"), QString::fromStdString(to_checksum_address(h.proposer))}};
}

// The L1 Rollup views (batchHash, isWithdrawalFinalized) and the L2 node's withdrawal list, both
// driven by the test.
struct World {
    FakeChain l1;
    FakeChain l2;
    std::map<quint64, Hash> batchHashes;         // L1: batchHash(i)
    std::set<std::pair<quint64, quint64>> paid;  // L1: isWithdrawalFinalized
    QJsonArray nodeWithdrawals;
    QJsonArray nodeDeposits;
    bool nodeFiltersByRecipient = false;  // sluice_getWithdrawals answers each address with its own
    std::optional<Hash> creationTx;       // L1's ots_getContractCreator; none: the method is unknown
    bool l2Down = false;
    FakeRpcServer l1Server{[this](const QJsonObject& r) { return l1.handle(r); }};
    FakeRpcServer l2Server{[this](const QJsonObject& r) { return l2.handle(r); }};

    World() {
        l1.chainId = 31337;
        l2.chainId = 31338;
        l1.timestamp = quint64(QDateTime::currentSecsSinceEpoch());
        l1.ethCall = [this](const Bytes& data) -> std::optional<QByteArray> {
            auto sel = [&](const char* sig) {
                const auto s = function_selector(sig);
                return data.size() >= 4 && std::equal(s.begin(), s.end(), data.begin());
            };
            auto arg = [&](int i) {
                return static_cast<quint64>(*u256_from_be(ByteView(data).subspan(4 + 32 * i, 32)));
            };
            if (sel("batchHash(uint256)")) {
                auto it = batchHashes.find(arg(0));
                return word(it == batchHashes.end() ? Hash{} : it->second);
            }
            if (sel("isWithdrawalFinalized(uint256,uint256)"))
                return uintWord(U256(paid.count({arg(0), arg(1)}) ? 1 : 0));
            return std::nullopt;
        };
        l1.extra = [this](const QJsonObject& r) -> std::optional<FakeResponse> {
            if (r.value(QStringLiteral("method")).toString() != QLatin1String("ots_getContractCreator") || !creationTx)
                return std::nullopt;
            return FakeRpcServer::result(
                r,
                QJsonObject{{QStringLiteral("hash"), hx(*creationTx)},
                            {QStringLiteral("creator"), QStringLiteral("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")}});
        };
        l2.extra = [this](const QJsonObject& r) -> std::optional<FakeResponse> {
            if (l2Down) return FakeResponse{503, "down"};
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("sluice_getWithdrawals")) {
                if (!nodeFiltersByRecipient) return FakeRpcServer::result(r, nodeWithdrawals);
                const QString who = r.value(QStringLiteral("params")).toArray()[0].toString().toLower();
                QJsonArray mine;
                for (const QJsonValue& w : std::as_const(nodeWithdrawals))
                    if (w.toObject().value(QStringLiteral("recipient")).toString().toLower() == who) mine.append(w);
                return FakeRpcServer::result(r, mine);
            }
            if (m == QLatin1String("sluice_getDeposits")) return FakeRpcServer::result(r, nodeDeposits);
            return std::nullopt;
        };
    }
};

RollupParameters params60() {
    RollupParameters p;
    p.l1ChainId = 31337;
    p.l2ChainId = 31338;
    p.challengePeriod = 60;
    p.l2BaseFee = 1000000000;
    p.requiredBond = U256(1000000000000000000ull);
    p.depositDelay = 30;
    return p;
}

QJsonObject nodeWithdrawal(const Hash& txHash, const Address& who, const U256& amount,
                           const std::optional<std::pair<quint64, rollup::BatchHeader>>& batch,
                           const std::vector<Hash>& proof = {}) {
    QJsonObject o{{QStringLiteral("l2TxHash"), hx(txHash)},
                  {QStringLiteral("recipient"), QString::fromStdString(to_checksum_address(who))},
                  {QStringLiteral("amount"), q(amount)}};
    if (batch) {
        o.insert(QStringLiteral("id"), QStringLiteral("%1:0").arg(batch->first));
        o.insert(QStringLiteral("status"), QStringLiteral("in challenge window"));
        o.insert(QStringLiteral("batchIndex"), qint64(batch->first));
        o.insert(QStringLiteral("withdrawalIndex"), 0);
        o.insert(QStringLiteral("header"), headerJson(batch->second));
        QJsonArray p;
        for (const Hash& h : proof) p.append(hx(h));
        o.insert(QStringLiteral("proof"), p);
    } else {
        o.insert(QStringLiteral("id"), QJsonValue());
        o.insert(QStringLiteral("status"), QStringLiteral("initiated"));
        o.insert(QStringLiteral("header"), QJsonValue());
        o.insert(QStringLiteral("proof"), QJsonArray());
    }
    return o;
}

// Runs an operation whose callback reports a Result<Hash>; waits for it.
Result<Hash> await(const std::function<void(BridgeService::Done<Hash>)>& start) {
    std::optional<Result<Hash>> out;
    start([&](Result<Hash> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000)) return make_error("timed out");
    return std::move(*out);
}

}  // namespace

class BridgeServiceTest : public QObject {
    Q_OBJECT

private slots:
    void manifestParses() {
        auto config = parseDevnetManifest(fixture(QStringLiteral("devnet.json")), QStringLiteral("devnet.json"));
        QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
        QCOMPARE(config->l1Rpc, QUrl(QStringLiteral("http://127.0.0.1:8545")));
        QCOMPARE(config->l2Rpc, QUrl(QStringLiteral("http://127.0.0.1:8546")));
        QCOMPARE(config->l2Ws, QUrl(QStringLiteral("ws://127.0.0.1:8546")));
        QCOMPARE(config->rollup, kRollup);
        QCOMPARE(config->deployBlock, quint64(1));
        QCOMPARE(config->devAccountKeys,
                 QStringList{QStringLiteral("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")});
        // Keys that are not keys are left out; explicit endpoints have none.
        auto junk = parseDevnetManifest(
            "{\"l1\":{\"rpcUrl\":\"http://a\"},\"l2\":{\"rpcUrl\":\"http://b\"},"
            "\"rollup\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\","
            "\"devAccounts\":[{\"privateKey\":\"0x12\"}]}",
            QStringLiteral("m.json"));
        QVERIFY2(junk.ok(), junk.ok() ? "" : junk.message().c_str());
        QVERIFY(junk->devAccountKeys.isEmpty());
        QVERIFY(!junk->channels);  // a devnet from before payment channels has none
    }

    void manifestChannels() {
        const QByteArray base =
            "{\"l1\":{\"rpcUrl\":\"http://127.0.0.1:1\"},\"l2\":{\"rpcUrl\":\"http://127.0.0.1:2\"},"
            "\"rollup\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\","
            "\"channels\":\"0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0\",";
        auto withTower =
            parseDevnetManifest(base + "\"watchtowerRpcUrl\":\"http://127.0.0.1:3\"}", QStringLiteral("m"));
        QVERIFY2(withTower.ok(), withTower.ok() ? "" : withTower.message().c_str());
        QCOMPARE(withTower->channels, parse_address("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0").value());
        QCOMPARE(withTower->hubRpc, withTower->l2Rpc);  // the devnet's node is its hub
        QCOMPARE(withTower->watchtowerRpc, QUrl(QStringLiteral("http://127.0.0.1:3")));
        // sluiced --devnet --no-watchtower writes null: no watchtower, and the manifest still reads.
        auto noTower = parseDevnetManifest(base + "\"watchtowerRpcUrl\":null}", QStringLiteral("m"));
        QVERIFY2(noTower.ok(), noTower.ok() ? "" : noTower.message().c_str());
        QVERIFY(noTower->watchtowerRpc.isEmpty());
        QVERIFY(!parseDevnetManifest(base + "\"watchtowerRpcUrl\":\"ftp://x\"}", QStringLiteral("m")).ok());
    }

    void manifestErrorsNameTheField() {
        auto bad = parseDevnetManifest(
            "{\"l1\":{\"rpcUrl\":\"ftp://x\"},\"l2\":{\"rpcUrl\":\"http://a\"},\"rollup\":\"0x00\"}",
            QStringLiteral("m.json"));
        QVERIFY(!bad.ok());
        QVERIFY2(QString::fromStdString(bad.message()).contains(QStringLiteral("l1.rpcUrl")), bad.message().c_str());
        auto noRollup = parseDevnetManifest(
            "{\"l1\":{\"rpcUrl\":\"http://a\"},\"l2\":{\"rpcUrl\":\"http://b\"},\"rollup\":\"0x12\"}",
            QStringLiteral("m.json"));
        QVERIFY(!noRollup.ok());
        QVERIFY(QString::fromStdString(noRollup.message()).contains(QStringLiteral("rollup")));
        auto missing = loadDevnetManifest(QStringLiteral("/nonexistent/devnet.json"));
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.message()).contains(QStringLiteral("sluiced --devnet")));
        QVERIFY(!explicitNetwork(QStringLiteral("http://a"), QStringLiteral("b"),
                                 QStringLiteral("0x5fbdb2315678afecb367f032d93f642f64180aa3"))
                     .ok());
    }

    void explicitEndpointsFollowTheL2WebSocket() {
        auto plain = explicitNetwork(QStringLiteral("http://127.0.0.1:8545"), QStringLiteral("http://127.0.0.1:9546"),
                                     QStringLiteral("0x5fbdb2315678afecb367f032d93f642f64180aa3"));
        QVERIFY(plain.ok());
        QCOMPARE(plain.value().l2Ws, QUrl(QStringLiteral("ws://127.0.0.1:9546")));
        QVERIFY(plain.value().l1Ws.isEmpty());
        auto tls = explicitNetwork(QStringLiteral("https://l1.example"), QStringLiteral("https://l2.example/rpc"),
                                   QStringLiteral("0x5fbdb2315678afecb367f032d93f642f64180aa3"));
        QVERIFY(tls.ok());
        QCOMPARE(tls.value().l2Ws, QUrl(QStringLiteral("wss://l2.example/rpc")));
    }

    // Issue 10, item 13: plain http/ws only to this computer; anything else needs TLS unless the
    // user allows unencrypted connections, and the refusal says what to do.
    void endpointTransportRule() {
        auto url = [](const char* text) { return QUrl(QString::fromLatin1(text)); };
        for (const char* loopback : {"http://127.0.0.1:8545", "http://127.3.4.5:8545", "ws://localhost:8545",
                                     "http://LOCALHOST:1", "http://[::1]:8545"}) {
            QVERIFY2(!isUnencryptedRemote(url(loopback)), loopback);
            QVERIFY2(checkEndpointTransport(url(loopback), false).ok(), loopback);
        }
        for (const char* tls : {"https://l1.example", "wss://l2.example/rpc", "https://192.168.1.10:8545"})
            QVERIFY2(checkEndpointTransport(url(tls), false).ok(), tls);
        // The LAN, the internet, a name that merely looks local, a loopback address in a path.
        for (const char* remote : {"http://192.168.1.10:8545", "http://10.0.0.2:8545", "ws://node.example:8546",
                                   "http://localhost.example:8545", "http://[::2]:8545", "http://8.8.8.8/127.0.0.1"}) {
            QVERIFY2(isUnencryptedRemote(url(remote)), remote);
            auto refused = checkEndpointTransport(url(remote), false, QStringLiteral("--l1-rpc"));
            QVERIFY2(!refused.ok(), remote);
            const QString message = QString::fromStdString(refused.message());
            QVERIFY2(message.contains(QStringLiteral("use https:// or wss://, or allow unencrypted connections")),
                     qPrintable(message));
            QVERIFY2(message.startsWith(QStringLiteral("--l1-rpc ")), qPrintable(message));
            // The explicit switch lets it through.
            QVERIFY2(checkEndpointTransport(url(remote), true).ok(), remote);
        }
        // explicitNetwork applies the rule to both RPC URLs (and so to the L2 WebSocket beside them).
        const QString rollup = QStringLiteral("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        QVERIFY(
            explicitNetwork(QStringLiteral("http://127.0.0.1:8545"), QStringLiteral("http://localhost:8645"), rollup)
                .ok());
        auto lanL1 = explicitNetwork(QStringLiteral("http://192.168.1.10:8545"),
                                     QStringLiteral("http://127.0.0.1:8645"), rollup);
        QVERIFY(!lanL1.ok());
        QVERIFY2(QString::fromStdString(lanL1.message()).contains(QStringLiteral("--l1-rpc")), lanL1.message().c_str());
        auto lanL2 =
            explicitNetwork(QStringLiteral("https://l1.example"), QStringLiteral("http://192.168.1.10:8645"), rollup);
        QVERIFY(!lanL2.ok());
        QVERIFY2(QString::fromStdString(lanL2.message()).contains(QStringLiteral("--l2-rpc")), lanL2.message().c_str());
        auto allowed = explicitNetwork(QStringLiteral("http://192.168.1.10:8545"),
                                       QStringLiteral("http://192.168.1.10:8645"), rollup, true);
        QVERIFY(allowed.ok());
        QCOMPARE(allowed->l2Ws, QUrl(QStringLiteral("ws://192.168.1.10:8645")));
    }

    // Issue 10, item 12: the network the dev fixture wallet may use.
    void localDevnetIsChain31337OnThisComputer() {
        const QString rollup = QStringLiteral("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        auto local =
            explicitNetwork(QStringLiteral("http://127.0.0.1:8545"), QStringLiteral("http://127.0.0.1:8645"), rollup);
        QVERIFY(local.ok());
        QVERIFY(isLocalDevnet(*local, 31337));
        QVERIFY(!isLocalDevnet(*local, 1));  // a mainnet fork or any other chain on this computer
        QVERIFY(!isLocalDevnet(*local, 11155111));
        auto remote =
            explicitNetwork(QStringLiteral("https://l1.example"), QStringLiteral("http://127.0.0.1:8645"), rollup);
        QVERIFY(remote.ok());
        QVERIFY(!isLocalDevnet(*remote, 31337));  // chain 31337 somewhere else is somebody's
        auto remoteL2 =
            explicitNetwork(QStringLiteral("http://127.0.0.1:8545"), QStringLiteral("https://l2.example"), rollup);
        QVERIFY(!isLocalDevnet(*remoteL2, 31337));
        // A devnet manifest counts by the same rule: its URLs, not its being a manifest.
        auto manifest = parseDevnetManifest(fixture(QStringLiteral("devnet.json")), QStringLiteral("devnet.json"));
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : manifest.message().c_str());
        QVERIFY(isLocalDevnet(*manifest, 31337));
        NetworkConfig elsewhere = *manifest;
        elsewhere.l1Ws = QUrl(QStringLiteral("ws://192.168.1.10:8546"));
        QVERIFY(!isLocalDevnet(elsewhere, 31337));
        QVERIFY(!isLocalDevnet(NetworkConfig{}, 31337));
    }

    void parsesNodeObjects() {
        const QJsonArray ws = QJsonDocument::fromJson(fixture(QStringLiteral("withdrawals_posted.json"))).array();
        auto posted = L2Client::parseWithdrawal(ws[0]);
        QVERIFY(posted);
        QCOMPARE(posted->id, QStringLiteral("0:0"));
        QCOMPARE(posted->amount, U256(2000000000000000000ull));
        QCOMPARE(*posted->batchIndex, quint64(0));
        QCOMPARE(posted->header->submitted_at, quint64(1795000000));
        QCOMPARE(posted->header->deposit_end, quint64(1));
        QCOMPARE(posted->proof.size(), std::size_t(1));
        auto initiated = L2Client::parseWithdrawal(ws[1]);
        QVERIFY(initiated);
        QVERIFY(!initiated->batchIndex);
        QVERIFY(!initiated->header);
        QCOMPARE(initiated->amount, U256(1000000000000000001ull));  // decimal strings are exact

        const QJsonArray bs = QJsonDocument::fromJson(fixture(QStringLiteral("batches.json"))).array();
        auto batch = L2Client::parseBatch(bs[0]);
        QVERIFY(batch);
        QCOMPARE(batch->status, QStringLiteral("in-window"));
        QCOMPARE(batch->transactions.size(), 1);
        auto status = L2Client::parseStatus(QJsonDocument::fromJson(fixture(QStringLiteral("status.json"))).object());
        QVERIFY(status);
        QCOMPARE(status->l2ChainId, quint64(31338));
        QCOMPARE(*status->latestBatch, quint64(0));
        QVERIFY(!status->finalizedBatch);

        QJsonObject broken = ws[0].toObject();
        broken.insert(QStringLiteral("amount"), 1.5);  // a fractional number is never an amount
        QVERIFY(!L2Client::parseWithdrawal(broken));
        QVERIFY(!L2Client::parseNumber(QJsonValue(-1)));
        QVERIFY(!L2Client::parseNumber(QJsonValue(1e300)));
    }

    void l2ClientCallsAndErrors() {
        World world;
        world.nodeWithdrawals = QJsonDocument::fromJson(fixture(QStringLiteral("withdrawals_posted.json"))).array();
        L2Client l2(QUrl(world.l2Server.url()));
        std::optional<RpcResult<QList<L2Withdrawal>>> got;
        l2.withdrawals(*Address::from_hex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"), this,
                       [&](RpcResult<QList<L2Withdrawal>> r) { got.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 10000));
        QVERIFY(got->ok());
        QCOMPARE(got->value().size(), 2);
        // The address goes out checksummed, as documented.
        QCOMPARE(world.l2Server.requests().last().value(QStringLiteral("params")).toArray()[0].toString(),
                 QStringLiteral("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));

        world.nodeWithdrawals = QJsonArray{QJsonObject{{QStringLiteral("l2TxHash"), QStringLiteral("0x12")}}};
        got.reset();
        l2.withdrawals(Address{}, this, [&](RpcResult<QList<L2Withdrawal>> r) { got.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 10000));
        QVERIFY(!got->ok());
        QCOMPARE(got->error().kind, RpcError::Kind::MalformedReply);
        QVERIFY(got->error().message.contains(QStringLiteral("entry 0")));
    }

    void deadlineText() {
        QCOMPARE(formatDeadline(1795000000 + 133, 1795000000),
                 QStringLiteral("final at 2026-11-18 11:08:53 UTC (in 2m 13s)"));
        QCOMPARE(formatDeadline(1795000000, 1795000001), QStringLiteral("final at 2026-11-18 11:06:40 UTC (passed)"));
        QVERIFY(formatDeadline(1795000000 + 7 * 86400, 1795000000).endsWith(QStringLiteral("(in 7d 0h 0m 0s)")));
    }

    // initiated -> posted/in window -> batch reverted -> re-included -> ready -> finalized,
    // every step judged against L1, with one status signal per change.
    void withdrawalLifecycleWithRevert() {
        World world;
        QTemporaryDir dir;
        const Address me = public_key_of(*PrivateKey::from_hex(kKeyHex)).address();
        const Hash tx = *Hash::from_hex("0x" + std::string(64, 'a'));
        const U256 amount(5000000000000000ull);
        const Hash leaf = rollup::withdrawal_leaf({me, amount});

        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        auto service =
            std::make_unique<BridgeService>(&rollup, &l2, params60(), dir.filePath(QStringLiteral("bridge.json")));
        QVERIFY(QTest::qWaitFor([&] { return service->isLoaded(); }, 5000));
        service->track(me);
        QSignalSpy statuses(service.get(), &BridgeService::withdrawalStatusChanged);
        auto refresh = [&] {
            QSignalSpy done(service.get(), &BridgeService::refreshed);
            service->refresh();
            QVERIFY(done.wait(10000));
        };
        auto status = [&] { return service->withdrawal(hx(tx))->status; };

        world.nodeWithdrawals = {nodeWithdrawal(tx, me, amount, std::nullopt)};
        refresh();
        QCOMPARE(status(), WithdrawalStatus::Initiated);

        // The node says batch 0, but L1 has no such batch yet: only "posted".
        const quint64 now = quint64(QDateTime::currentSecsSinceEpoch());
        const auto h1 = makeHeader(now, leaf, 1);
        world.nodeWithdrawals = {nodeWithdrawal(tx, me, amount, std::pair{quint64(0), h1})};
        refresh();
        QCOMPARE(status(), WithdrawalStatus::Posted);
        world.batchHashes[0] = rollup::batch_header_hash(h1);
        refresh();
        QCOMPARE(status(), WithdrawalStatus::InChallengeWindow);
        QCOMPARE(service->withdrawal(QStringLiteral("0:0"))->finalAt, now + 60);

        // Fraud proven: L1 drops the batch while the node still reports it (it lags): L1 decides.
        world.batchHashes.erase(0);
        refresh();
        QCOMPARE(status(), WithdrawalStatus::BatchReverted);
        // The node catches up: it lists the withdrawal under the reverted batch (id null,
        // status "reverted"), as sluiced does.
        QJsonObject gone = nodeWithdrawal(tx, me, amount, std::pair{quint64(0), h1});
        gone.insert(QStringLiteral("id"), QJsonValue());
        gone.insert(QStringLiteral("status"), QStringLiteral("reverted"));
        world.nodeWithdrawals = {gone};
        refresh();
        QCOMPARE(status(), WithdrawalStatus::BatchReverted);
        QVERIFY(!service->withdrawal(hx(tx))->header);

        // Posted again in a new batch 0: the node lists both entries; no flapping back to
        // "batch reverted" on later refreshes.
        const auto h2 = makeHeader(now + 5, leaf, 9);
        world.nodeWithdrawals = {gone, nodeWithdrawal(tx, me, amount, std::pair{quint64(0), h2})};
        world.batchHashes[0] = rollup::batch_header_hash(h2);
        refresh();
        QCOMPARE(status(), WithdrawalStatus::ReIncluded);
        refresh();
        QCOMPARE(status(), WithdrawalStatus::ReIncluded);
        QCOMPARE(*service->withdrawal(QStringLiteral("0:0"))->header, h2);
        QVERIFY(service->withdrawal(hx(tx))->wasReverted);

        // Its window passes (L1 time moves on).
        world.l1.timestamp = now + 5 + 60;
        refresh();
        QCOMPARE(status(), WithdrawalStatus::ReadyToFinalize);
        world.paid.insert({0, 0});
        refresh();
        QCOMPARE(status(), WithdrawalStatus::Finalized);

        QList<WithdrawalStatus> seen;
        for (const auto& args : statuses) seen << args.at(1).value<WithdrawalStatus>();
        const QList<WithdrawalStatus> expected{WithdrawalStatus::Posted,          WithdrawalStatus::InChallengeWindow,
                                               WithdrawalStatus::BatchReverted,   WithdrawalStatus::ReIncluded,
                                               WithdrawalStatus::ReadyToFinalize, WithdrawalStatus::Finalized};
        QCOMPARE(seen, expected);
    }

    void persistsAcrossRestarts() {
        World world;
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("bridge.json"));
        const Address me = public_key_of(*PrivateKey::from_hex(kKeyHex)).address();
        const Hash tx = *Hash::from_hex("0x" + std::string(64, 'b'));
        const U256 amount(7);
        const quint64 now = quint64(QDateTime::currentSecsSinceEpoch());
        const auto h = makeHeader(now, rollup::withdrawal_leaf({me, amount}), 3);
        world.nodeWithdrawals = {nodeWithdrawal(tx, me, amount, std::pair{quint64(4), h})};
        world.batchHashes[4] = rollup::batch_header_hash(h);
        world.nodeDeposits = {
            QJsonObject{{QStringLiteral("queueIndex"), 2},
                        {QStringLiteral("to"), QString::fromStdString(to_checksum_address(me))},
                        {QStringLiteral("amount"), QStringLiteral("0x64")},
                        {QStringLiteral("l1TxHash"), hx(*Hash::from_hex("0x" + std::string(64, 'c')))},
                        {QStringLiteral("status"), QStringLiteral("credited")},
                        {QStringLiteral("l2Block"), 3}}};
        world.l1.mined(*Hash::from_hex("0x" + std::string(64, 'c')), 2);

        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        {
            BridgeService service(&rollup, &l2, params60(), store);
            QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
            service.track(me);
            QSignalSpy saved(&service, &BridgeService::saved);
            service.refresh();
            QVERIFY(saved.wait(10000));
            QCOMPARE(service.withdrawal(hx(tx))->status, WithdrawalStatus::InChallengeWindow);
        }
        // A new process: everything comes back from the file (checked against L1; the node is down).
        world.l2Down = true;
        BridgeService again(&rollup, &l2, params60(), store);
        QVERIFY(QTest::qWaitFor([&] { return again.isLoaded(); }, 5000));
        auto w = again.withdrawal(QStringLiteral("4:0"));
        QVERIFY(w);
        QCOMPARE(w->status, WithdrawalStatus::InChallengeWindow);
        QCOMPARE(w->amount, amount);
        QCOMPARE(w->finalAt, now + 60);
        QCOMPARE(*w->header, h);
        QCOMPARE(again.deposits().size(), 1);
        QCOMPARE(again.deposits().first().status, DepositStatus::Credited);
        QCOMPARE(again.deposits().first().amount, U256(100));
        // Learned from the node only: no sender is known, so it concerns its recipient.
        QCOMPARE(again.deposits().first().from, Address{});
        QCOMPARE(again.deposits().first().account(), me);
        QCOMPARE(again.trackedAccounts(), QList<Address>{me});
        // Node down: a problem is reported, the state stays.
        QSignalSpy problem(&again, &BridgeService::problem);
        QSignalSpy done(&again, &BridgeService::refreshed);
        again.refresh();
        QVERIFY(done.wait(10000));
        QCOMPARE(problem.size(), 1);
        QCOMPARE(again.withdrawal(QStringLiteral("4:0"))->status, WithdrawalStatus::InChallengeWindow);
    }

    void finalizeChecksBeforeSending() {
        World world;
        QTemporaryDir dir;
        const PrivateKey key = *PrivateKey::from_hex(kKeyHex);
        const Address me = public_key_of(key).address();
        world.l1.balances[me] = U256(1000000000000000000ull);
        const Hash tx = *Hash::from_hex("0x" + std::string(64, 'd'));
        const U256 amount(123456789);
        const quint64 now = quint64(QDateTime::currentSecsSinceEpoch());
        // Two withdrawals in the batch: ours is leaf 1, the proof is leaf 0.
        const Hash other = rollup::withdrawal_leaf({Address{}, U256(1)});
        const Hash mine = rollup::withdrawal_leaf({me, amount});
        const std::vector<Hash> leaves{other, mine};
        const auto h = makeHeader(now, rollup::merkle_root(leaves), 4);
        QJsonObject w = nodeWithdrawal(tx, me, amount, std::pair{quint64(2), h}, rollup::merkle_proof(leaves, 1));
        w.insert(QStringLiteral("withdrawalIndex"), 1);
        world.nodeWithdrawals = {w};
        world.batchHashes[2] = rollup::batch_header_hash(h);

        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        BridgeService service(&rollup, &l2, params60(), dir.filePath(QStringLiteral("b.json")));
        QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
        service.track(me);
        QSignalSpy done(&service, &BridgeService::refreshed);
        service.refresh();
        QVERIFY(done.wait(10000));
        const AccountSigner signer = AccountSigner::from_key(key);

        auto early = await([&](auto cb) { service.finalize(signer, QStringLiteral("2:1"), this, cb); });
        QVERIFY(!early.ok());
        QVERIFY2(QString::fromStdString(early.message()).contains(QStringLiteral("not final yet: final at")),
                 early.message().c_str());
        QVERIFY(QString::fromStdString(early.message()).contains(QStringLiteral("UTC (in ")));
        QVERIFY(world.l1.sent.empty());

        world.l1.timestamp = now + 61;
        // A batch L1 does not store (any more) is refused.
        world.batchHashes[2] = Hash{};
        auto reverted = await([&](auto cb) { service.finalize(signer, QStringLiteral("2:1"), this, cb); });
        QVERIFY(!reverted.ok());
        QVERIFY2(QString::fromStdString(reverted.message()).contains(QStringLiteral("batch reverted")),
                 reverted.message().c_str());
        world.batchHashes[2] = rollup::batch_header_hash(h);

        auto sent = await([&](auto cb) { service.finalize(signer, QStringLiteral("2:1"), this, cb); });
        QVERIFY2(sent.ok(), sent.ok() ? "" : sent.message().c_str());
        QCOMPARE(world.l1.sent.size(), std::size_t(1));
        const SignedTransaction& call = world.l1.sent.front();
        QCOMPARE(*call.tx.to, kRollup);
        QCOMPARE(call.tx.value, U256(0));
        QCOMPARE(call.tx.chain_id, U256(31337));
        const Bytes expected =
            RollupContract::finalizeWithdrawalCalldata(h, 2, 1, me, amount, rollup::merkle_proof(leaves, 1));
        QCOMPARE(call.tx.data, expected);
        QCOMPARE(service.withdrawal(QStringLiteral("2:1"))->status, WithdrawalStatus::Finalized);

        // Paid on L1 (what the transaction did): a second attempt sends nothing.
        world.paid.insert({2, 1});
        auto twice = await([&](auto cb) { service.finalize(signer, QStringLiteral("2:1"), this, cb); });
        QVERIFY(!twice.ok());
        QVERIFY(QString::fromStdString(twice.message()).contains(QStringLiteral("already finalized")));
        QCOMPARE(world.l1.sent.size(), std::size_t(1));
        // The record says "finalized", L1 says unpaid (a record from another chain at this
        // address): L1's word counts, never the record's.
        world.paid.clear();
        auto again = await([&](auto cb) { service.finalize(signer, QStringLiteral("2:1"), this, cb); });
        QVERIFY2(again.ok(), again.ok() ? "" : again.message().c_str());
        QCOMPARE(world.l1.sent.size(), std::size_t(2));
        auto unknown = await([&](auto cb) { service.finalize(signer, QStringLiteral("9:9"), this, cb); });
        QVERIFY(!unknown.ok());
    }

    // What keeps two chains' histories apart: the L1 block the Rollup was created in, not its
    // address (two fresh devnets: the same chain id, the same Rollup address, other blocks).
    void deploymentIsToldByL1() {
        World first, second;
        second.l1.blockSalt = 0x77;
        auto identify = [&](const QUrl& l1Url, quint64 deployBlock) {
            RpcClient rpc(l1Url);
            EthClient l1(&rpc);
            std::optional<RpcResult<Deployment>> out;
            identifyDeployment(&l1, kRollup, deployBlock, this,
                               [&](RpcResult<Deployment> d) { out.emplace(std::move(d)); });
            if (QTest::qWaitFor([&] { return out.has_value(); }, 10000)) return std::move(*out);
            RpcError timedOut;
            timedOut.kind = RpcError::Kind::Timeout;
            timedOut.message = QStringLiteral("no answer");
            return RpcResult<Deployment>(timedOut);
        };
        // From a manifest's deploy block.
        auto fromManifest = identify(QUrl(first.l1Server.url()), 1);
        QVERIFY2(fromManifest.ok(), fromManifest.ok() ? "" : qPrintable(fromManifest.error().message));
        QCOMPARE(fromManifest.value().l1ChainId, quint64(31337));
        QCOMPARE(fromManifest.value().rollup, kRollup);
        QCOMPARE(fromManifest.value().block, quint64(1));
        QCOMPARE(fromManifest.value().blockHash, first.l1.blockHash(1));
        QVERIFY(
            fromManifest.value().key().startsWith(QStringLiteral("5fbdb2315678afecb367f032d93f642f64180aa3-31337-")));
        // Explicit endpoints: the creation transaction L1 names leads to the same deployment.
        const Hash creation = *Hash::from_hex("0x" + std::string(64, '9'));
        first.creationTx = creation;
        first.l1.mined(creation, 1);
        auto fromL1 = identify(QUrl(first.l1Server.url()), 0);
        QVERIFY(fromL1.ok());
        QCOMPARE(fromL1.value(), fromManifest.value());
        // The other chain: another deployment, another file.
        auto other = identify(QUrl(second.l1Server.url()), 1);
        QVERIFY(other.ok());
        QVERIFY(other.value().key() != fromManifest.value().key());
        QVERIFY(BridgeService::storePathFor(QStringLiteral("/w"), other.value()) !=
                BridgeService::storePathFor(QStringLiteral("/w"), fromManifest.value()));
        // A node that cannot name the creation (no Otterscan API): its genesis block stands in.
        auto genesis = identify(QUrl(second.l1Server.url()), 0);
        QVERIFY(genesis.ok());
        QCOMPARE(genesis.value().block, quint64(0));
        QCOMPARE(genesis.value().blockHash, second.l1.blockHash(0));
        // An L1 that does not answer: no guess.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl nobody(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        QVERIFY(!identify(nobody, 1).ok());
    }

    // A history file is only a record: on loading, what L1 contradicts is left out and what L1
    // says counts. (Here the file of one chain meets another at the same address.)
    void historyIsCheckedAgainstL1OnLoading() {
        World world;
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("bridge.json"));
        const Address me = public_key_of(*PrivateKey::from_hex(kKeyHex)).address();
        const U256 amount(500);
        const quint64 past = quint64(QDateTime::currentSecsSinceEpoch()) - 600;  // every window has passed
        const Hash gone = *Hash::from_hex("0x" + std::string(64, '1'));
        const Hash kept = *Hash::from_hex("0x" + std::string(64, '2'));
        const Hash paid = *Hash::from_hex("0x" + std::string(64, '3'));
        const Hash unknownDeposit = *Hash::from_hex("0x" + std::string(64, '4'));
        const Hash pendingDeposit = *Hash::from_hex("0x" + std::string(64, '5'));
        const Hash leaf = rollup::withdrawal_leaf({me, amount});
        std::map<quint64, rollup::BatchHeader> headers{
            {1, makeHeader(past, leaf, 1)}, {2, makeHeader(past, leaf, 2)}, {3, makeHeader(past, leaf, 3)}};
        world.nodeWithdrawals = {nodeWithdrawal(gone, me, amount, std::pair{quint64(1), headers[1]}),
                                 nodeWithdrawal(kept, me, amount, std::pair{quint64(2), headers[2]}),
                                 nodeWithdrawal(paid, me, amount, std::pair{quint64(3), headers[3]})};
        for (const auto& [index, header] : headers) world.batchHashes[index] = rollup::batch_header_hash(header);
        world.paid = {{1, 0}, {2, 0}};
        auto deposit = [&](const Hash& tx, int queueIndex) {
            return QJsonObject{{QStringLiteral("queueIndex"), queueIndex},
                               {QStringLiteral("to"), QString::fromStdString(to_checksum_address(me))},
                               {QStringLiteral("amount"), q(amount)},
                               {QStringLiteral("l1TxHash"), hx(tx)},
                               {QStringLiteral("status"), QStringLiteral("credited")},
                               {QStringLiteral("l2Block"), 3}};
        };
        world.nodeDeposits = {deposit(unknownDeposit, 0), deposit(pendingDeposit, 1)};
        world.l1.mined(unknownDeposit, 2);
        world.l1.mined(pendingDeposit, 3);

        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        {
            BridgeService service(&rollup, &l2, params60(), store);
            QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
            service.track(me);
            QSignalSpy saved(&service, &BridgeService::saved);
            service.refresh();
            QVERIFY(saved.wait(10000));
            QCOMPARE(service.withdrawal(hx(gone))->status, WithdrawalStatus::Finalized);
            QCOMPARE(service.withdrawal(hx(kept))->status, WithdrawalStatus::Finalized);
            QCOMPARE(service.withdrawal(hx(paid))->status, WithdrawalStatus::ReadyToFinalize);
            QCOMPARE(service.deposits().size(), 2);
        }

        // L1 says otherwise: its batch 1 is another batch, the withdrawal of batch 2 is unpaid and
        // that of batch 3 paid, one deposit it never saw, the other waits to be mined.
        world.batchHashes[1] = rollup::batch_header_hash(makeHeader(past, leaf, 9));
        world.paid = {{3, 0}};
        world.l1.receipts.erase(hx(unknownDeposit));
        world.l1.receipts.erase(hx(pendingDeposit));
        world.l1.pending.insert(hx(pendingDeposit));
        world.l2Down = true;  // loading alone decides, the node is not asked
        BridgeService again(&rollup, &l2, params60(), QString());
        QSignalSpy saved(&again, &BridgeService::saved);
        again.open(store);
        QVERIFY(QTest::qWaitFor([&] { return again.isLoaded(); }, 5000));
        QVERIFY(!again.withdrawal(hx(gone)));
        QVERIFY(!again.withdrawal(QStringLiteral("1:0")));
        QCOMPARE(again.withdrawal(hx(kept))->status, WithdrawalStatus::ReadyToFinalize);
        QCOMPARE(again.withdrawal(hx(paid))->status, WithdrawalStatus::Finalized);
        QCOMPARE(again.deposits().size(), 1);
        QCOMPARE(again.deposits().first().l1TxHash, pendingDeposit);
        QCOMPARE(again.deposits().first().status, DepositStatus::Submitted);
        // ... and the file says so too.
        QVERIFY(saved.wait(10000));
        QFile file(store);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved1 = file.readAll();
        QVERIFY(!saved1.contains(hx(gone).toLatin1()));
        QVERIFY(!saved1.contains(hx(unknownDeposit).toLatin1()));
        QVERIFY(saved1.contains(hx(kept).toLatin1()));
    }

    // "batch:index" names one withdrawal among the accounts acted for; the L2 hash names one anywhere.
    void idLookupsConsiderOnlyTheAccountsActedFor() {
        World world;
        world.nodeFiltersByRecipient = true;
        QTemporaryDir dir;
        const PrivateKey key = *PrivateKey::from_hex(kKeyHex);
        const Address me = public_key_of(key).address();
        const Address other = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        world.l1.balances[me] = U256(1000000000000000000ull);
        const U256 amount(777);
        const quint64 past = quint64(QDateTime::currentSecsSinceEpoch()) - 600;
        const Hash mine = *Hash::from_hex("0x" + std::string(64, '6'));
        const Hash theirs = *Hash::from_hex("0x" + std::string(64, '7'));
        // Both say "1:0": ours is in the batch L1 stores, theirs is a node's word L1 never confirmed.
        const auto ours = makeHeader(past, rollup::withdrawal_leaf({me, amount}), 1);
        const auto unconfirmed = makeHeader(past, rollup::withdrawal_leaf({other, amount}), 2);
        world.nodeWithdrawals = {nodeWithdrawal(mine, me, amount, std::pair{quint64(1), ours}),
                                 nodeWithdrawal(theirs, other, amount, std::pair{quint64(1), unconfirmed})};
        world.batchHashes[1] = rollup::batch_header_hash(ours);

        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        BridgeService service(&rollup, &l2, params60(), dir.filePath(QStringLiteral("b.json")));
        QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
        service.track(me);
        service.track(other);
        QSignalSpy done(&service, &BridgeService::refreshed);
        service.refresh();
        QVERIFY(done.wait(10000));
        QCOMPARE(service.withdrawal(hx(mine))->status, WithdrawalStatus::ReadyToFinalize);
        QCOMPARE(service.withdrawal(hx(theirs))->status, WithdrawalStatus::Posted);

        QVERIFY(!service.withdrawal(QStringLiteral("1:0")));  // two of them
        QCOMPARE(service.withdrawal(QStringLiteral("1:0"), {me})->l2TxHash, mine);
        QCOMPARE(service.withdrawal(QStringLiteral("1:0"), {other})->l2TxHash, theirs);
        const AccountSigner signer = AccountSigner::from_key(key);
        auto ambiguous = await([&](auto cb) { service.finalize(signer, QStringLiteral("1:0"), this, cb); });
        QVERIFY(!ambiguous.ok());
        QVERIFY2(QString::fromStdString(ambiguous.message()).contains(hx(mine)), ambiguous.message().c_str());
        QVERIFY(world.l1.sent.empty());
        auto paid = await([&](auto cb) { service.finalize(signer, QStringLiteral("1:0"), {me}, this, cb); });
        QVERIFY2(paid.ok(), paid.ok() ? "" : paid.message().c_str());
        QCOMPARE(world.l1.sent.size(), std::size_t(1));
        QCOMPARE(world.l1.sent.front().tx.data, RollupContract::finalizeWithdrawalCalldata(ours, 1, 0, me, amount, {}));
    }

    void finalizeRefusesAProofThatDoesNotMatch() {
        World world;
        QTemporaryDir dir;
        const PrivateKey key = *PrivateKey::from_hex(kKeyHex);
        const Address me = public_key_of(key).address();
        const Hash tx = *Hash::from_hex("0x" + std::string(64, 'e'));
        const auto h = makeHeader(1000, rollup::withdrawal_leaf({me, U256(999)}), 5);  // root for another amount
        world.nodeWithdrawals = {nodeWithdrawal(tx, me, U256(1000), std::pair{quint64(0), h})};
        world.batchHashes[0] = rollup::batch_header_hash(h);
        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        BridgeService service(&rollup, &l2, params60(), dir.filePath(QStringLiteral("b.json")));
        QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
        service.track(me);
        QSignalSpy done(&service, &BridgeService::refreshed);
        service.refresh();
        QVERIFY(done.wait(10000));
        QCOMPARE(service.withdrawal(QStringLiteral("0:0"))->status, WithdrawalStatus::ReadyToFinalize);
        auto r =
            await([&](auto cb) { service.finalize(AccountSigner::from_key(key), QStringLiteral("0:0"), this, cb); });
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.message()).contains(QStringLiteral("does not match")), r.message().c_str());
        QVERIFY(world.l1.sent.empty());
    }

    void depositSendsRollupDepositAndTracksIt() {
        World world;
        QTemporaryDir dir;
        const PrivateKey key = *PrivateKey::from_hex(kKeyHex);
        const Address me = public_key_of(key).address();
        const Address to = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        world.l1.balances[me] = U256(10000000000000000000ull);
        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        BridgeService service(&rollup, &l2, params60(), dir.filePath(QStringLiteral("b.json")));
        QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
        QSignalSpy depositStatus(&service, &BridgeService::depositStatusChanged);

        const U256 amount(1500000000000000000ull);
        auto r = await([&](auto cb) { service.deposit(AccountSigner::from_key(key), to, amount, this, cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : r.message().c_str());
        QCOMPARE(world.l1.sent.size(), std::size_t(1));
        const Transaction& tx = world.l1.sent.front().tx;
        QCOMPARE(*tx.to, kRollup);
        QCOMPARE(tx.value, amount);
        QCOMPARE(tx.data, rollupabi::encodeDeposit(to));
        QCOMPARE(tx.data, *encode_call("deposit(address)", {to}));  // the ABI as core/eth spells it
        QCOMPARE(service.deposits().size(), 1);
        QCOMPARE(service.deposits().first().status, DepositStatus::Queued);

        world.nodeDeposits = {QJsonObject{{QStringLiteral("queueIndex"), 0},
                                          {QStringLiteral("to"), QString::fromStdString(to_checksum_address(to))},
                                          {QStringLiteral("amount"), q(amount)},
                                          {QStringLiteral("l1TxHash"), hx(*r)},
                                          {QStringLiteral("status"), QStringLiteral("credited")},
                                          {QStringLiteral("l2Block"), 7}}};
        QSignalSpy done(&service, &BridgeService::refreshed);
        service.refresh();
        QVERIFY(done.wait(10000));
        QCOMPARE(service.deposits().size(), 1);
        QCOMPARE(service.deposits().first().status, DepositStatus::Credited);
        QCOMPARE(*service.deposits().first().l2Block, quint64(7));
        QCOMPARE(depositStatus.size(), 2);  // queued, credited

        // Too little on L1: refused before signing, with the numbers.
        world.l1.balances[me] = U256(1000);
        auto poor = await([&](auto cb) { service.deposit(AccountSigner::from_key(key), to, amount, this, cb); });
        QVERIFY(!poor.ok());
        QVERIFY2(QString::fromStdString(poor.message()).startsWith("insufficient funds"), poor.message().c_str());
        QCOMPARE(world.l1.sent.size(), std::size_t(1));
    }

    // --wallet: the key stays in the WalletStore, the bridge only gets signatures from it.
    void withdrawSignsThroughTheWalletStore() {
        World world;
        QTemporaryDir dir;
        WalletStore store(dir.path(), WalletKdf::fastForTests());
        QVERIFY(QTest::qWaitFor([&] { return !store.isBusy(); }, 10000));
        store.importPrivateKey(QString::fromLatin1(kKeyHex), QStringLiteral("correct horse"));
        QVERIFY(QTest::qWaitFor([&] { return store.isUnlocked(); }, 20000));
        const Address me = *parse_address(store.accounts().first().address.toStdString());
        QCOMPARE(me, public_key_of(*PrivateKey::from_hex(kKeyHex)).address());
        world.l2.balances[me] = U256(1000000000000000000ull);

        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        BridgeService service(&rollup, &l2, params60(), dir.filePath(QStringLiteral("b.json")));
        QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
        QVERIFY(store.signer(0));
        const AccountSigner signer = *store.signer(0);
        QCOMPARE(signer.address, me);
        auto r = await([&](auto cb) { service.withdraw(signer, U256(1000), this, cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : r.message().c_str());
        QCOMPARE(*recover_sender(world.l2.sent.front()), me);

        store.lock();  // a locked wallet signs nothing
        auto locked = await([&](auto cb) { service.withdraw(signer, U256(1000), this, cb); });
        QVERIFY(!locked.ok());
        QVERIFY2(QString::fromStdString(locked.message()).contains(QStringLiteral("could not sign")),
                 locked.message().c_str());
        QCOMPARE(world.l2.sent.size(), std::size_t(1));
    }

    // The calldata the bridge sends, against the peer encoder (cast calldata), with 0, 1 and 3
    // proof siblings: the dynamic array's offset and length are where the contract reads them.
    void finalizeCalldataMatchesCast() {
        SLUICE_QT_PREREQUISITE(QFileInfo(QStringLiteral(SLUICE_CAST_PATH)).isExecutable(),
                               "cast not found (run scripts/setup.sh)");
        const auto h = makeHeader(1795316296, *Hash::from_hex("0x" + std::string(64, '7')), 0x31);
        const Address to = *Address::from_hex("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
        for (int n : {0, 1, 3}) {
            std::vector<Hash> proof;
            QStringList proofText;
            for (int i = 0; i < n; ++i) {
                Hash p;
                p.bytes.fill(std::uint8_t(0xa0 + i));
                proof.push_back(p);
                proofText << hx(p);
            }
            QProcess cast;
            cast.start(
                QStringLiteral(SLUICE_CAST_PATH),
                {QStringLiteral("calldata"),
                 QStringLiteral("finalizeWithdrawal((bytes32,bytes32,bytes32,bytes32,uint64,uint64,uint64,uint64,"
                                "address),uint256,uint256,address,uint256,bytes32[])"),
                 QStringLiteral("(%1,%2,%3,%4,%5,%6,%7,%8,%9)")
                     .arg(hx(h.prev_state_root), hx(h.state_root), hx(h.tx_root), hx(h.withdrawal_root))
                     .arg(h.record_count)
                     .arg(h.deposit_start)
                     .arg(h.deposit_end)
                     .arg(h.submitted_at)
                     .arg(QString::fromStdString(to_checksum_address(h.proposer))),
                 QStringLiteral("7"), QStringLiteral("2"), QString::fromStdString(to_checksum_address(to)),
                 QStringLiteral("500000000000000001"), QStringLiteral("[%1]").arg(proofText.join(QLatin1Char(',')))});
            QVERIFY(cast.waitForFinished(60000));
            QCOMPARE(cast.exitCode(), 0);
            const QString expected = QString::fromLatin1(cast.readAllStandardOutput()).trimmed();
            QCOMPARE(hx(RollupContract::finalizeWithdrawalCalldata(h, 7, 2, to, U256(500000000000000001ull), proof)),
                     expected);
        }
    }

    void withdrawSendsToTheWithdrawalAddress() {
        World world;
        QTemporaryDir dir;
        const PrivateKey key = *PrivateKey::from_hex(kKeyHex);
        const Address me = public_key_of(key).address();
        world.l2.balances[me] = U256(1000000000000000000ull);
        world.l2.nonces[me] = 4;
        RpcClient l1Rpc(QUrl(world.l1Server.url()));
        EthClient l1(&l1Rpc);
        RollupContract rollup(&l1, kRollup);
        L2Client l2(QUrl(world.l2Server.url()));
        BridgeService service(&rollup, &l2, params60(), dir.filePath(QStringLiteral("b.json")));
        QVERIFY(QTest::qWaitFor([&] { return service.isLoaded(); }, 5000));
        const U256 amount(250000000000000000ull);
        auto r = await([&](auto cb) { service.withdraw(AccountSigner::from_key(key), amount, this, cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : r.message().c_str());
        QCOMPARE(world.l2.sent.size(), std::size_t(1));
        const Transaction& tx = world.l2.sent.front().tx;
        QCOMPARE(*tx.to, rollup::withdrawal_address());
        QCOMPARE(tx.value, amount);
        QCOMPARE(tx.chain_id, U256(31338));
        QCOMPARE(tx.nonce, quint64(4));
        QCOMPARE(tx.gas_limit, rollup::kTransferGas);
        QVERIFY(tx.data.empty());
        auto w = service.withdrawal(hx(*r));
        QVERIFY(w);
        QCOMPARE(w->status, WithdrawalStatus::Initiated);
        QCOMPARE(w->account, me);
        QVERIFY(service.trackedAccounts().contains(me));

        // A signer that is not the account it claims is refused before anything is sent.
        AccountSigner liar = AccountSigner::from_key(key);
        liar.address = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        world.l2.balances[liar.address] = U256(1000000000000000000ull);
        auto refused = await([&](auto cb) { service.withdraw(liar, amount, this, cb); });
        QVERIFY(!refused.ok());
        QCOMPARE(world.l2.sent.size(), std::size_t(1));
        auto zero = await([&](auto cb) { service.withdraw(AccountSigner::from_key(key), U256(0), this, cb); });
        QVERIFY(!zero.ok());
    }
};

QTEST_GUILESS_MAIN(BridgeServiceTest)
#include "bridge_service_test.moc"
