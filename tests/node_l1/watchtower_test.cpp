// SPDX-License-Identifier: MIT
// `sluiced --watchtower` (docs/CHANNELS.md §13.5) as a process against a real anvil with the
// Channels contract: two parties sign states 1 and 3 of a channel; the watchtower is given state
// 3 (refusing a forged signature, an unknown channel, another contract, and ignoring state 1 once
// it holds 3), keeps it across a restart, and when B closes with state 1 it disputes with state 3
// before the dispute period ends; settle then pays exactly state 3's split.

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "anvil_fixture.hpp"
#include "contracts/artifacts.hpp"
#include "core/channels/typed_data.hpp"
#include "core/eth/address.hpp"
#include "node/config.h"
#include "prerequisite.hpp"
#include "services/channels/channel_messages.hpp"
#include "services/channels/channels_contract.hpp"
#include "services/rpc/await_result.hpp"

using namespace sluice;
using namespace sluice::channels;
using sluice::test::kDevAddresses;
using sluice::test::kDevKeys;

namespace {

// anvil's dev account 8: the devnet's watchtower (node/devnet), the default key with --devnet-manifest.
const char* const kWatchtowerAddress = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";

U256 milliEther(std::uint64_t m) { return U256(m) * U256(1'000'000'000'000'000ULL); }
QString hx(ByteView b) { return QString::fromStdString(to_hex(b)); }

RpcReply rpcCall(RpcClient& rpc, const QString& method, const QJsonArray& params) {
    QObject context;
    return awaitResult<RpcReply>([&](auto done) { rpc.call(method, params, &context, done); });
}

}  // namespace

class WatchtowerTest : public QObject {
    Q_OBJECT

private slots:
    void commandLine() {
        using node::parseCommandLine;
        auto args = [](QStringList rest) { return QStringList{QStringLiteral("sluiced")} + rest; };
        auto ok = parseCommandLine(args({"--watchtower", "--devnet-manifest", "/tmp/d/devnet.json"}));
        QVERIFY2(ok.ok(), ok.ok() ? "" : ok.message().c_str());
        QVERIFY(ok->watchtower);
        QVERIFY(!ok->sequencer);
        QCOMPARE(ok->rpcPort, std::uint16_t(8547));
        QVERIFY(ok->dataDir.endsWith(QStringLiteral("/.local/share/sluiced-watchtower")));
        auto explicitL1 = parseCommandLine(args({"--watchtower", "--l1-rpc", "http://127.0.0.1:8545", "--channels",
                                                 kWatchtowerAddress, "--watchtower-key", "file:/k", "--l2-port", "9"}));
        QVERIFY2(explicitL1.ok(), explicitL1.ok() ? "" : explicitL1.message().c_str());
        QCOMPARE(explicitL1->rpcPort, std::uint16_t(9));
        // What it needs, and what it does not do.
        for (const QStringList& bad :
             {QStringList{"--watchtower"},
              QStringList{"--watchtower", "--l1-rpc", "http://127.0.0.1:8545", "--channels", kWatchtowerAddress},
              QStringList{"--watchtower", "--devnet"}, QStringList{"--watchtower", "--devnet-manifest", "m", "--hub"},
              QStringList{"--watchtower", "--devnet-manifest", "m", "--l1-rpc", "http://127.0.0.1:8545"},
              QStringList{"--watchtower-key", "0x1234"}, QStringList{"--devnet-manifest", "m"}}) {
            auto r = parseCommandLine(args(bad));
            QVERIFY2(!r.ok(), qPrintable(bad.join(QLatin1Char(' '))));
        }
    }

    void disputesAStaleClose() {
        SLUICE_QT_PREREQUISITE(QFileInfo(QStringLiteral(SLUICE_ANVIL_PATH)).isExecutable(),
                               "anvil not found (run scripts/setup.sh)");
        test::Anvil anvil;
        QVERIFY(anvil.start());
        EthClient eth(anvil.rpc());
        QObject ctx;

        // The contract, with a dispute period long enough for a loaded machine.
        constexpr std::uint64_t kPeriod = 30;
        const auto deployed =
            anvil.send(QLatin1String(kDevAddresses[0]), {},
                       channelsabi::deploymentData(*from_hex(contracts::channels_creation_bytecode()), kPeriod));
        const QString at = deployed.value(QStringLiteral("contractAddress")).toString();
        const Address contractAddress = *Address::from_hex(at.toStdString());
        ChannelsContract contract(&eth, contractAddress);
        const Domain domain{U256(31337), contractAddress};

        // A opens with 3 ether, B with 1.
        const Address A = *Address::from_hex(kDevAddresses[0]), B = *Address::from_hex(kDevAddresses[1]);
        const QString a = QLatin1String(kDevAddresses[0]), b = QLatin1String(kDevAddresses[1]);
        anvil.send(a, at, channelsabi::openCalldata(A, B, milliEther(3000), milliEther(1000)), milliEther(4000));
        const ChannelId id = channel_id(domain, A, B, U256(0));
        const PrivateKey keyA = *PrivateKey::from_hex(kDevKeys[0]), keyB = *PrivateKey::from_hex(kDevKeys[1]);
        auto cosign = [&](const State& s) {
            const Hash digest = state_digest(domain, s);
            return channelmsg::CosignedState{s, sign_digest(digest, keyA), sign_digest(digest, keyB)};
        };
        const auto s1 = cosign(
            State{id, 1, milliEther(3000), milliEther(1000), milliEther(2500), milliEther(1500), Hash{}, U256(0)});
        const auto s3 = cosign(
            State{id, 3, milliEther(3000), milliEther(1000), milliEther(1000), milliEther(3000), Hash{}, U256(0)});

        // A devnet manifest naming this L1 and contract: the watchtower takes both from it, and
        // the devnet's watchtower account as its key.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifest = dir.filePath(QStringLiteral("devnet.json"));
        {
            QFile f(manifest);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QJsonDocument(QJsonObject{{QStringLiteral("l1"), QJsonObject{{QStringLiteral("rpcUrl"), anvil.url()},
                                                                             {QStringLiteral("chainId"), 31337}}},
                                          {QStringLiteral("rollup"), QLatin1String(kDevAddresses[3])},
                                          {QStringLiteral("channels"), at},
                                          {QStringLiteral("channelsDeployBlock"), 1},
                                          {QStringLiteral("disputePeriod"), double(kPeriod)}})
                    .toJson());
        }
        const quint16 port = test::freePort();
        QProcess tower;
        tower.setProcessChannelMode(QProcess::MergedChannels);
        auto startTower = [&] {
            tower.start(QStringLiteral(SLUICED_PATH),
                        {QStringLiteral("--watchtower"), QStringLiteral("--devnet-manifest"), manifest,
                         QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("tower")),
                         QStringLiteral("--l2-port"), QString::number(port)});
            QByteArray log;
            const bool up = test::waitUntil([&] {
                log += tower.readAll();
                return log.contains("JSON-RPC on") || tower.state() == QProcess::NotRunning;
            });
            if (!up || !log.contains("JSON-RPC on")) qFatal("the watchtower did not start: %s", log.constData());
        };
        auto stopTower = [&] {
            tower.terminate();
            if (!tower.waitForFinished(10000)) tower.kill();
            tower.waitForFinished(2000);
        };
        startTower();
        RpcClient wt(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto watch = [&](const channelmsg::CosignedState& c, QJsonObject extra = {}) {
            QJsonObject o = channelmsg::toJson(c);
            for (auto it = extra.begin(); it != extra.end(); ++it) o.insert(it.key(), it.value());
            return rpcCall(wt, QStringLiteral("sluice_watchtowerWatch"), QJsonArray{o});
        };
        auto status = [&] {
            auto r = rpcCall(wt, QStringLiteral("sluice_watchtowerStatus"),
                             QJsonArray{QJsonObject{{QStringLiteral("channelId"), hx(id)}}});
            if (!r) qFatal("sluice_watchtowerStatus: %s", qPrintable(r.error().message));
            return r.value().toObject();
        };

        QCOMPARE(status().value(QStringLiteral("watching")).toBool(), false);
        auto accepted = watch(s3, {{QStringLiteral("channelsContract"), at}});
        QVERIFY2(accepted.ok(), qPrintable(accepted.errorMessage()));
        QCOMPARE(accepted.value().toObject().value(QStringLiteral("accepted")).toBool(), true);
        QCOMPARE(accepted.value().toObject().value(QStringLiteral("nonce")).toString(), QStringLiteral("0x3"));
        // It hands the state back whole (a wallet restoring an old backup adopts it, §13.7).
        auto held = channelmsg::cosignedFromJson(status().value(QStringLiteral("held")));
        QVERIFY2(held.ok(), held.ok() ? "" : held.message().c_str());
        QVERIFY(held->state == s3.state && held->sigA == s3.sigA && held->sigB == s3.sigB);

        // A forged signature (B's key in A's place), a channel the contract never opened, another contract.
        auto forged = s3;
        forged.sigA = sign_digest(state_digest(domain, s3.state), keyB);
        auto refused = watch(forged);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, -32010);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("signature of participant A")),
                 qPrintable(refused.errorMessage()));
        State unknown;
        unknown.channel_id.bytes.fill(0x42);
        unknown.nonce = 5;
        refused = watch(cosign(unknown));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("unknown channel")),
                 qPrintable(refused.errorMessage()));
        refused = watch(s3, {{QStringLiteral("channelsContract"), QLatin1String(kDevAddresses[3])}});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("watches the Channels contract")),
                 qPrintable(refused.errorMessage()));

        // A lower nonce after a higher one is ignored, and the answer says so.
        auto lower = watch(s1);
        QVERIFY(lower.ok());
        const QJsonObject ignored = lower.value().toObject();
        QCOMPARE(ignored.value(QStringLiteral("accepted")).toBool(), false);
        QCOMPARE(ignored.value(QStringLiteral("nonce")).toString(), QStringLiteral("0x3"));
        QVERIFY2(ignored.value(QStringLiteral("reason")).toString().contains(QStringLiteral("ignored")),
                 qPrintable(ignored.value(QStringLiteral("reason")).toString()));

        // It holds state 3 across a restart (its own SQLite file).
        stopTower();
        startTower();
        QJsonObject st = status();
        QCOMPARE(st.value(QStringLiteral("nonce")).toString(), QStringLiteral("0x3"));
        QCOMPARE(st.value(QStringLiteral("watching")).toBool(), true);
        QVERIFY(!st.contains(QStringLiteral("disputedAt")));

        // B closes with state 1; the watchtower answers with state 3 within the dispute period.
        const auto closeReceipt = anvil.send(b, at, channelsabi::closeCalldata(s1.state, s1.sigA, s1.sigB));
        const std::uint64_t closeBlock = *EthClient::parseQuantity64(closeReceipt.value(QStringLiteral("blockNumber")));
        QVERIFY2(test::waitUntil([&] { return status().contains(QStringLiteral("disputedAt")); }),
                 tower.readAll().constData());
        st = status();
        QVERIFY(st.value(QStringLiteral("lastSeenL1Block")).toDouble() >= double(closeBlock));
        auto onChain = awaitResult<RpcResult<OnChainChannel>>([&](auto done) { contract.channel(id, &ctx, done); });
        QVERIFY(onChain.ok());
        QCOMPARE(onChain.value().status, ChannelStatus::Closing);
        QCOMPARE(onChain.value().nonce, std::uint64_t(3));
        auto events = awaitResult<RpcResult<std::vector<ChannelEvent>>>(
            [&](auto done) { contract.events(closeBlock + 1, anvil.blockNumber(), &ctx, done); });
        QVERIFY(events.ok());
        QCOMPARE(events.value().size(), std::size_t(1));
        const ChannelEvent& disputed = events.value()[0];
        QCOMPARE(disputed.kind, ChannelEvent::Kind::Disputed);
        QCOMPARE(disputed.participant, *Address::from_hex(kWatchtowerAddress));
        QCOMPARE(disputed.nonce, std::uint64_t(3));
        QCOMPARE(double(disputed.blockNumber), st.value(QStringLiteral("disputedAt")).toDouble());
        QCOMPARE(hx(disputed.transactionHash), st.value(QStringLiteral("disputeTx")).toString());
        const auto disputeBlock = anvil.call(QStringLiteral("eth_getBlockByNumber"),
                                             {EthClient::toQuantity(U256(disputed.blockNumber)), false});
        QVERIFY(*EthClient::parseQuantity64(disputeBlock.toObject().value(QStringLiteral("timestamp"))) <
                onChain.value().disputeEndsAt);

        // After the period a third party settles: exactly state 3's split.
        anvil.call(QStringLiteral("evm_increaseTime"), {int(kPeriod) + 1});
        anvil.call(QStringLiteral("evm_mine"));
        auto balance = [&](const QString& who) {
            return *EthClient::parseQuantity(
                anvil.call(QStringLiteral("eth_getBalance"), {who, QStringLiteral("latest")}));
        };
        const U256 beforeA = balance(a), beforeB = balance(b);
        anvil.send(QLatin1String(kDevAddresses[2]), at, channelsabi::settleCalldata(id));
        QCOMPARE(balance(a) - beforeA, milliEther(1000));
        QCOMPARE(balance(b) - beforeB, milliEther(3000));
        // It sees the Settled event and stops watching.
        QVERIFY(test::waitUntil([&] { return !status().value(QStringLiteral("watching")).toBool(); }));
        stopTower();
    }
};

QTEST_GUILESS_MAIN(WatchtowerTest)
#include "watchtower_test.moc"
