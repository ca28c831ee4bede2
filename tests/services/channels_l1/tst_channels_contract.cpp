// SPDX-License-Identifier: MIT
// services/channels/channels_contract: every calldata builder against the peer encoder (cast
// calldata), and the whole binding against the real Channels contract on anvil: deployed from the
// embedded bytecode, opened, topped up, closed with a state both signed, disputed with a newer one
// carrying two locks, settled, both locks resolved, and a second channel closed cooperatively;
// every view and every event read back, revert reasons decoded from real reverts. And the wallet's
// store of channel states, which asks the contract whether an older file's channels are its chain's.

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "contracts/artifacts.hpp"
#include "core/channels/lock_tree.hpp"
#include "core/channels/typed_data.hpp"
#include "core/crypto/keccak.hpp"
#include "core/eth/address.hpp"
#include "prerequisite.hpp"
#include "services/channels/channel_wallet.hpp"
#include "services/channels/channels_contract.hpp"
#include "services/rpc/await_result.hpp"
#include "tests/node_l1/anvil_fixture.hpp"

using namespace sluice;
using namespace sluice::channels;
using sluice::test::kDevAddresses;
using sluice::test::kDevKeys;

namespace {

QString hx(ByteView b) { return QString::fromStdString(to_hex(b)); }
QString dec(const U256& v) { return QString::fromStdString(u256_to_dec(v)); }
QString checksum(const Address& a) { return QString::fromStdString(to_checksum_address(a)); }
Address dev(int i) { return *Address::from_hex(kDevAddresses[i]); }
U256 milliEther(std::uint64_t m) { return U256(m) * U256(1'000'000'000'000'000ULL); }

Hash filled(std::uint8_t byte) {
    Hash h;
    h.bytes.fill(byte);
    return h;
}

Bytes signature(std::uint8_t byte) { return Bytes(65, byte); }

QString stateText(const State& s) {
    return QStringLiteral("(%1,%2,%3,%4,%5,%6,%7,%8)")
        .arg(hx(s.channel_id))
        .arg(s.nonce)
        .arg(dec(s.deposit_a), dec(s.deposit_b), dec(s.balance_a), dec(s.balance_b), hx(s.locks_root),
             dec(s.locked_amount));
}

QString lockText(const Lock& l) {
    return QStringLiteral("(%1,%2,%3,%4)")
        .arg(l.from_b ? QStringLiteral("true") : QStringLiteral("false"))
        .arg(l.expiry)
        .arg(dec(l.amount), hx(l.secret_hash));
}

QString proofText(const std::vector<Hash>& proof) {
    QStringList items;
    for (const auto& h : proof) items << hx(h);
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString cast(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(SLUICE_CAST_PATH), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("cast %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

// The Channels contract deployed from the embedded bytecode; its address.
Address deployChannels(test::Anvil& anvil, std::uint64_t disputePeriod) {
    auto code = from_hex(contracts::channels_creation_bytecode());
    if (!code || code->size() < 100) qFatal("no Channels bytecode embedded");
    const auto receipt =
        anvil.send(QLatin1String(kDevAddresses[0]), {}, channelsabi::deploymentData(*code, disputePeriod));
    return *Address::from_hex(receipt.value(QStringLiteral("contractAddress")).toString().toStdString());
}

template <typename T, typename Start>
RpcResult<T> wait(Start start) {
    return awaitResult<RpcResult<T>>(std::move(start));
}

}  // namespace

class ChannelsContractTest : public QObject {
    Q_OBJECT

private slots:
    void calldataMatchesCast() {
        SLUICE_QT_PREREQUISITE(QFileInfo(QStringLiteral(SLUICE_CAST_PATH)).isExecutable(),
                               "cast not found (run scripts/setup.sh)");
        const Hash id = *Hash::from_hex("0x" + std::string(62, '0') + "2a");
        State s;
        s.channel_id = filled(0xc1);
        s.nonce = 0xfedcba9876543210ULL;
        s.deposit_a = milliEther(3000);
        s.deposit_b = U256(1);
        s.balance_a = milliEther(2200);
        s.balance_b = U256(0);
        s.locks_root = filled(0x77);
        s.locked_amount =
            *u256_from_dec("115792089237316195423570985008687907853269984665640564039457584007913129639935");
        CooperativeClose c{filled(0xc2), milliEther(5), U256(7), milliEther(4), U256(0)};
        const Bytes sigA = signature(0xa1);
        Bytes sigB = signature(0xb2);
        sigB.back() = 28;
        const Lock lock{true, 1'900'000'000, milliEther(100), filled(0x5e)};
        const QString stateSig = QStringLiteral("(bytes32,uint64,uint256,uint256,uint256,uint256,bytes32,uint256)");
        const QString lockSig = QStringLiteral("(bool,uint64,uint256,bytes32)");

        struct Case {
            QString signature;
            QStringList args;
            Bytes ours;
        };
        std::vector<Case> cases = {
            {QStringLiteral("open(address,address,uint256,uint256)"),
             {checksum(dev(0)), checksum(dev(1)), dec(milliEther(3000)), QStringLiteral("0")},
             channelsabi::openCalldata(dev(0), dev(1), milliEther(3000), U256(0))},
            {QStringLiteral("deposit(bytes32)"), {hx(id)}, channelsabi::depositCalldata(id)},
            {QStringLiteral("cooperativeClose((bytes32,uint256,uint256,uint256,uint256),bytes,bytes)"),
             {QStringLiteral("(%1,%2,%3,%4,%5)")
                  .arg(hx(c.channel_id), dec(c.deposit_a), dec(c.deposit_b), dec(c.balance_a), dec(c.balance_b)),
              hx(sigA), hx(sigB)},
             channelsabi::cooperativeCloseCalldata(c, sigA, sigB)},
            {QStringLiteral("close(%1,bytes,bytes)").arg(stateSig),
             {stateText(s), hx(sigA), hx(sigB)},
             channelsabi::closeCalldata(s, sigA, sigB)},
            // Signatures of another length go out as they are (the contract refuses them).
            {QStringLiteral("dispute(%1,bytes,bytes)").arg(stateSig),
             {stateText(s), hx(Bytes(64, 0x11)), QStringLiteral("0x")},
             channelsabi::disputeCalldata(s, Bytes(64, 0x11), Bytes{})},
            {QStringLiteral("closeInitial(bytes32)"), {hx(id)}, channelsabi::closeInitialCalldata(id)},
            {QStringLiteral("settle(bytes32)"), {hx(id)}, channelsabi::settleCalldata(id)},
            {QStringLiteral("registerSecret(bytes32)"),
             {hx(filled(0x99))},
             channelsabi::registerSecretCalldata(filled(0x99))},
            {QStringLiteral("withdraw(address)"), {checksum(dev(2))}, channelsabi::withdrawCalldata(dev(2))},
        };
        // The proof is a dynamic array after the static tuple: 0, 1 and 3 siblings.
        for (std::size_t n : {0, 1, 3}) {
            std::vector<Hash> proof;
            for (std::size_t i = 0; i < n; ++i) proof.push_back(filled(std::uint8_t(0xa0 + i)));
            cases.push_back({QStringLiteral("unlock(bytes32,%1,uint256,bytes32[])").arg(lockSig),
                             {hx(id), lockText(lock), QStringLiteral("5"), proofText(proof)},
                             channelsabi::unlockCalldata(id, lock, U256(5), proof)});
            cases.push_back(
                {QStringLiteral("claimExpired(bytes32,%1,uint256,bytes32[])").arg(lockSig),
                 {hx(id), lockText(Lock{false, 7, U256(1), filled(0x01)}), QStringLiteral("0"), proofText(proof)},
                 channelsabi::claimExpiredCalldata(id, Lock{false, 7, U256(1), filled(0x01)}, U256(0), proof)});
        }
        for (const auto& c : cases) {
            const QString expected = cast(QStringList{QStringLiteral("calldata"), c.signature} + c.args);
            QVERIFY2(hx(c.ours) == expected, qPrintable(c.signature + QStringLiteral(": ") + hx(c.ours)));
        }

        // The deployment: creation code ‖ abi.encode(uint256 disputePeriod).
        const Bytes code = {0x60, 0x80, 0x60, 0x40};
        const QString arg =
            cast({QStringLiteral("abi-encode"), QStringLiteral("constructor(uint256)"), QStringLiteral("86400")});
        QCOMPARE(hx(channelsabi::deploymentData(code, 86400)), QStringLiteral("0x60806040") + arg.mid(2));
    }

    // The contract's own errors, Solidity's Error(string) and Panic(uint256), unknown data.
    void revertReasonsAreNamed() {
        auto data = [](const std::string& signature, const std::vector<AbiValue>& values) {
            return QJsonValue(hx(*encode_call(signature, values)));
        };
        QCOMPARE(channelsRevertReason(data("StaleNonce(uint64,uint64)", {U256(3), U256(5)})),
                 QStringLiteral("StaleNonce(given 3, current 5)"));
        QCOMPARE(channelsRevertReason(data("WrongStatus(bytes32,uint8)", {Bytes(32, 0xab), U256(2)})),
                 QStringLiteral("WrongStatus(channelId %1, status Closing)").arg(hx(Bytes(32, 0xab))));
        QCOMPARE(channelsRevertReason(data("BadSignature(address)", {dev(1)})),
                 QStringLiteral("BadSignature(signer %1)").arg(checksum(dev(1))));
        QCOMPARE(channelsRevertReason(data("NotConserved()", {})), QStringLiteral("NotConserved()"));
        QCOMPARE(channelsRevertReason(data("DepositsExceeded(uint256,uint256)", {U256(1), U256(2)})),
                 QStringLiteral("DepositsExceeded(stateDepositA 1, stateDepositB 2)"));
        QCOMPARE(channelsRevertReason(data("Error(string)", {std::string("nope")})), QStringLiteral("Error(\"nope\")"));
        QCOMPARE(channelsRevertReason(data("Panic(uint256)", {U256(0x11)})), QStringLiteral("Panic(code 17)"));
        QCOMPARE(channelsRevertReason(QJsonValue(QStringLiteral("0x12345678aa"))),
                 QStringLiteral("unknown error 0x12345678aa"));
        QCOMPARE(channelsRevertReason(QJsonValue(QStringLiteral("0x"))), QStringLiteral("reverted without a reason"));
        QCOMPARE(channelsRevertReason(QJsonValue()), QStringLiteral("the node gave no revert data"));
        // Some nodes nest the data one level deeper.
        QCOMPARE(channelsRevertReason(QJsonObject{{QStringLiteral("data"), data("ZeroNonce()", {})}}),
                 QStringLiteral("ZeroNonce()"));
        // A known selector whose arguments do not decode (a status word of 300) is shown as such.
        Bytes outOfRange;
        append(outOfRange, function_selector("WrongStatus(bytes32,uint8)"));
        append(outOfRange, Bytes(32, 1));
        append(outOfRange, u256_to_be32(U256(300)));
        QVERIFY(channelsRevertReason(QJsonValue(hx(outOfRange)))
                    .startsWith(QStringLiteral("WrongStatus with arguments that do not decode")));
    }

    void onAnvil() {
        SLUICE_QT_PREREQUISITE(QFileInfo(QStringLiteral(SLUICE_ANVIL_PATH)).isExecutable(),
                               "anvil not found (run scripts/setup.sh)");
        test::Anvil anvil;
        QVERIFY(anvil.start());
        EthClient eth(anvil.rpc());

        // Deployed from the embedded bytecode with a 5-second dispute period.
        const Address address = deployChannels(anvil, 5);
        ChannelsContract contract(&eth, address);
        QCOMPARE(contract.address(), address);
        QCOMPARE(contract.l1(), &eth);
        QObject ctx;
        auto period = wait<std::uint64_t>([&](auto done) { contract.disputePeriod(&ctx, done); });
        QVERIFY(period.ok());
        QCOMPARE(period.value(), std::uint64_t(5));
        const Domain domain{U256(31337), address};

        // A opens with 3 ether for itself and 1 for B; B tops up 1.
        const Address A = dev(0), B = dev(1), third = dev(2);
        const QString a = QLatin1String(kDevAddresses[0]), b = QLatin1String(kDevAddresses[1]),
                      t = QLatin1String(kDevAddresses[2]), at = hx(address);
        const auto openReceipt =
            anvil.send(a, at, channelsabi::openCalldata(A, B, milliEther(3000), milliEther(1000)), milliEther(4000));
        const Hash openTx =
            *Hash::from_hex(openReceipt.value(QStringLiteral("transactionHash")).toString().toStdString());
        auto opened = wait<ChannelId>([&](auto done) { contract.openedChannelId(openTx, &ctx, done); });
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        const ChannelId id = opened.value();
        QCOMPARE(id, channel_id(domain, A, B, U256(0)));
        const Channel channel{domain, id, A, B};

        auto onChain = [&] {
            auto r = wait<OnChainChannel>([&](auto done) { contract.channel(id, &ctx, done); });
            if (!r) qFatal("channel(): %s", qPrintable(r.errorMessage()));
            return r.value();
        };
        OnChainChannel c = onChain();
        QCOMPARE(c.status, ChannelStatus::Open);
        QCOMPARE(c.a, A);
        QCOMPARE(c.b, B);
        QCOMPARE(c.depositA, milliEther(3000));
        QCOMPARE(c.depositB, milliEther(1000));
        QCOMPARE(c.nonce, std::uint64_t(0));
        QCOMPARE(c.disputeEndsAt, std::uint64_t(0));
        QCOMPARE(c.payA, U256(0));
        QCOMPARE(c.payB, U256(0));
        QCOMPARE(c.locked, U256(0));
        QCOMPARE(c.locksRoot, Hash{});
        auto count = wait<U256>([&](auto done) { contract.channelCount(&ctx, done); });
        QVERIFY(count.ok());
        QCOMPARE(count.value(), U256(1));

        // An id this contract never opened, and a transaction that opened nothing.
        auto none = wait<OnChainChannel>([&](auto done) { contract.channel(filled(0x42), &ctx, done); });
        QVERIFY(none.ok());
        QCOMPARE(none.value().status, ChannelStatus::None);
        const auto depositReceipt = anvil.send(b, at, channelsabi::depositCalldata(id), milliEther(1000));
        const Hash depositTx =
            *Hash::from_hex(depositReceipt.value(QStringLiteral("transactionHash")).toString().toStdString());
        auto notOpened = wait<ChannelId>([&](auto done) { contract.openedChannelId(depositTx, &ctx, done); });
        QVERIFY(!notOpened.ok());
        QVERIFY2(notOpened.errorMessage().contains(QStringLiteral("no ChannelOpened event")),
                 qPrintable(notOpened.errorMessage()));
        QCOMPARE(onChain().depositB, milliEther(2000));

        auto readEvents = [&](std::uint64_t from) {
            const std::uint64_t head = anvil.blockNumber();
            auto r = wait<std::vector<ChannelEvent>>([&](auto done) { contract.events(from, head, &ctx, done); });
            if (!r) qFatal("events(): %s", qPrintable(r.errorMessage()));
            return r.value();
        };
        auto events = readEvents(0);
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].kind, ChannelEvent::Kind::Opened);
        QCOMPARE(events[0].channelId, id);
        QCOMPARE(events[0].a, A);
        QCOMPARE(events[0].b, B);
        QCOMPARE(events[0].index, U256(0));
        QCOMPARE(events[0].depositA, milliEther(3000));
        QCOMPARE(events[0].depositB, milliEther(1000));
        QCOMPARE(events[0].transactionHash, openTx);
        QCOMPARE(events[0].blockNumber, *EthClient::parseQuantity64(openReceipt.value(QStringLiteral("blockNumber"))));
        QCOMPARE(events[1].kind, ChannelEvent::Kind::Deposited);
        QCOMPARE(events[1].channelId, id);
        QCOMPARE(events[1].participant, B);
        QCOMPARE(events[1].amount, milliEther(1000));
        QCOMPARE(events[1].total, milliEther(2000));
        QCOMPARE(events[1].transactionHash, depositTx);
        const std::uint64_t afterDeposit = anvil.blockNumber() + 1;

        // State 1 (signed before B's top-up) and state 3 (counting it, with two locks pending).
        const PrivateKey keyA = *PrivateKey::from_hex(kDevKeys[0]);
        const PrivateKey keyB = *PrivateKey::from_hex(kDevKeys[1]);
        auto signBoth = [&](const State& s) {
            const Hash digest = state_digest(domain, s);
            const Signature sa = sign_digest(digest, keyA), sb = sign_digest(digest, keyB);
            if (!verify_cosigned(channel, s, sa, sb).ok()) qFatal("the state's signatures do not verify");
            return std::pair{Bytes(sa.begin(), sa.end()), Bytes(sb.begin(), sb.end())};
        };
        State s1{id, 1, milliEther(3000), milliEther(1000), milliEther(2500), milliEther(1500), Hash{}, U256(0)};
        auto now = wait<std::uint64_t>([&](auto done) { contract.latestBlockTime(&ctx, done); });
        QVERIFY(now.ok());
        const Hash secret = filled(0x5c);
        const Lock toB{false, now.value() + 1000, milliEther(200), secret_hash_of(secret)};  // claimable: registered
        const Lock backToB{true, now.value() + 3, milliEther(100), filled(0xee)};  // B to A, expires unclaimed
        const std::vector<Lock> locks{toB, backToB};
        State s3{id,
                 3,
                 milliEther(3000),
                 milliEther(2000),
                 milliEther(2200),
                 milliEther(2500),
                 locks_root(locks),
                 milliEther(300)};
        const auto [s1a, s1b] = signBoth(s1);
        const auto [s3a, s3b] = signBoth(s3);

        // B closes with state 1.
        const auto closeReceipt = anvil.send(b, at, channelsabi::closeCalldata(s1, s1a, s1b));
        c = onChain();
        QCOMPARE(c.status, ChannelStatus::Closing);
        QCOMPARE(c.nonce, std::uint64_t(1));
        QCOMPARE(c.payA, milliEther(2500));
        QCOMPARE(c.payB, milliEther(2500));  // balanceB + B's top-up that state 1 does not count
        QCOMPARE(c.locked, U256(0));
        auto closeBlock = anvil.call(QStringLiteral("eth_getBlockByNumber"),
                                     {closeReceipt.value(QStringLiteral("blockNumber")), false});
        const std::uint64_t closedAt =
            *EthClient::parseQuantity64(closeBlock.toObject().value(QStringLiteral("timestamp")));
        QCOMPARE(c.disputeEndsAt, closedAt + 5);

        // Settling now, topping up, or disputing with a state that is not newer: named reverts.
        auto revertOf = [&](const Bytes& data) {
            auto r = wait<Bytes>([&](auto done) { contract.call(data, &ctx, done); });
            if (r.ok()) qFatal("the call did not revert");
            return channelsRevertReason(r.error().data);
        };
        QCOMPARE(revertOf(channelsabi::settleCalldata(id)),
                 QStringLiteral("DisputePeriodNotOver(endsAt %1)").arg(c.disputeEndsAt));
        QCOMPARE(revertOf(channelsabi::depositCalldata(id)),
                 QStringLiteral("WrongStatus(channelId %1, status Closing)").arg(hx(id)));

        // A disputes with state 3; a stale one then fails.
        anvil.send(a, at, channelsabi::disputeCalldata(s3, s3a, s3b));
        QCOMPARE(revertOf(channelsabi::disputeCalldata(s1, s1a, s1b)),
                 QStringLiteral("StaleNonce(given 1, current 3)"));
        c = onChain();
        QCOMPARE(c.status, ChannelStatus::Closing);
        QCOMPARE(c.nonce, std::uint64_t(3));
        QCOMPARE(c.payA, milliEther(2200));
        QCOMPARE(c.payB, milliEther(2500));
        QCOMPARE(c.locked, milliEther(300));
        QCOMPARE(c.locksRoot, s3.locks_root);
        QCOMPARE(c.disputeEndsAt, closedAt + 5);

        // B registers the secret of its lock; a third party settles after the period and resolves both locks.
        const auto registerReceipt = anvil.send(b, at, channelsabi::registerSecretCalldata(secret));
        auto registeredAt =
            wait<std::uint64_t>([&](auto done) { contract.secretRegisteredAt(toB.secret_hash, &ctx, done); });
        QVERIFY(registeredAt.ok());
        QVERIFY(registeredAt.value() >= closedAt);
        auto unregistered =
            wait<std::uint64_t>([&](auto done) { contract.secretRegisteredAt(backToB.secret_hash, &ctx, done); });
        QVERIFY(unregistered.ok());
        QCOMPARE(unregistered.value(), std::uint64_t(0));
        anvil.call(QStringLiteral("evm_increaseTime"), {10});
        anvil.call(QStringLiteral("evm_mine"));
        const U256 balanceA =
            *EthClient::parseQuantity(anvil.call(QStringLiteral("eth_getBalance"), {a, QStringLiteral("latest")}));
        const U256 balanceB =
            *EthClient::parseQuantity(anvil.call(QStringLiteral("eth_getBalance"), {b, QStringLiteral("latest")}));
        anvil.send(t, at, channelsabi::settleCalldata(id));
        c = onChain();
        QCOMPARE(c.status, ChannelStatus::Settled);
        QCOMPARE(c.locked, milliEther(300));
        const auto proofB = *lock_proof(locks, toB);
        const auto proofA = *lock_proof(locks, backToB);
        anvil.send(t, at, channelsabi::unlockCalldata(id, toB, U256(proofB.index), proofB.siblings));
        anvil.send(t, at, channelsabi::claimExpiredCalldata(id, backToB, U256(proofA.index), proofA.siblings));
        QCOMPARE(onChain().status, ChannelStatus::None);  // every wei paid: deleted
        const U256 paidA =
            *EthClient::parseQuantity(anvil.call(QStringLiteral("eth_getBalance"), {a, QStringLiteral("latest")})) -
            balanceA;
        const U256 paidB =
            *EthClient::parseQuantity(anvil.call(QStringLiteral("eth_getBalance"), {b, QStringLiteral("latest")})) -
            balanceB;
        QCOMPARE(paidA, milliEther(2200));
        QCOMPARE(paidB, milliEther(2500 + 200 + 100));  // its balance, the lock it received, the lock it sent back

        // A second channel, closed cooperatively.
        const auto open2 = anvil.send(b, at, channelsabi::openCalldata(A, B, 0, milliEther(500)), milliEther(500));
        const ChannelId id2 = channel_id(domain, A, B, U256(1));
        const CooperativeClose cc{id2, 0, milliEther(500), milliEther(100), milliEther(400)};
        const Hash ccDigest = cooperative_close_digest(domain, cc);
        const Signature ca = sign_digest(ccDigest, keyA), cb = sign_digest(ccDigest, keyB);
        anvil.send(t, at, channelsabi::cooperativeCloseCalldata(cc, ca, cb));
        auto credit = wait<U256>([&](auto done) { contract.withdrawable(A, &ctx, done); });
        QVERIFY(credit.ok());
        QCOMPARE(credit.value(), U256(0));
        QCOMPARE(revertOf(channelsabi::withdrawCalldata(third)), QStringLiteral("NothingToWithdraw()"));

        events = readEvents(afterDeposit);
        using K = ChannelEvent::Kind;
        const std::vector<K> kinds = {K::CloseStarted, K::Disputed,    K::SecretRegistered, K::Settled,
                                      K::Unlocked,     K::LockExpired, K::Opened,           K::ClosedCooperatively};
        QCOMPARE(events.size(), kinds.size());
        for (std::size_t i = 0; i < kinds.size(); ++i) QCOMPARE(events[i].kind, kinds[i]);
        const ChannelEvent& closeStarted = events[0];
        QCOMPARE(closeStarted.channelId, id);
        QCOMPARE(closeStarted.participant, B);
        QCOMPARE(closeStarted.nonce, std::uint64_t(1));
        QCOMPARE(closeStarted.payA, milliEther(2500));
        QCOMPARE(closeStarted.payB, milliEther(2500));
        QCOMPARE(closeStarted.locked, U256(0));
        QCOMPARE(closeStarted.locksRoot, Hash{});
        QCOMPARE(closeStarted.disputeEndsAt, closedAt + 5);
        QCOMPARE(closeStarted.transactionHash,
                 *Hash::from_hex(closeReceipt.value(QStringLiteral("transactionHash")).toString().toStdString()));
        const ChannelEvent& disputed = events[1];
        QCOMPARE(disputed.participant, A);
        QCOMPARE(disputed.nonce, std::uint64_t(3));
        QCOMPARE(disputed.payA, milliEther(2200));
        QCOMPARE(disputed.payB, milliEther(2500));
        QCOMPARE(disputed.locked, milliEther(300));
        QCOMPARE(disputed.locksRoot, s3.locks_root);
        QCOMPARE(events[2].channelId, Hash{});
        QCOMPARE(events[2].secretHash, toB.secret_hash);
        QCOMPARE(events[2].secret, secret);
        QCOMPARE(events[2].blockNumber,
                 *EthClient::parseQuantity64(registerReceipt.value(QStringLiteral("blockNumber"))));
        QCOMPARE(events[3].payA, milliEther(2200));
        QCOMPARE(events[3].payB, milliEther(2500));
        QCOMPARE(events[3].locked, milliEther(300));
        QCOMPARE(events[4].index, U256(proofB.index));
        QCOMPARE(events[4].participant, B);  // the receiver
        QCOMPARE(events[4].amount, milliEther(200));
        QCOMPARE(events[4].secretHash, toB.secret_hash);
        QCOMPARE(events[5].index, U256(proofA.index));
        QCOMPARE(events[5].participant, B);  // the sender
        QCOMPARE(events[5].amount, milliEther(100));
        QCOMPARE(events[6].channelId, id2);
        QCOMPARE(events[6].index, U256(1));
        QCOMPARE(events[6].transactionHash,
                 *Hash::from_hex(open2.value(QStringLiteral("transactionHash")).toString().toStdString()));
        QCOMPARE(events[7].channelId, id2);
        QCOMPARE(events[7].payA, milliEther(100));
        QCOMPARE(events[7].payB, milliEther(400));
        for (std::size_t i = 1; i < events.size(); ++i)
            QVERIFY(std::pair(events[i - 1].blockNumber, events[i - 1].logIndex) <
                    std::pair(events[i].blockNumber, events[i].logIndex));

        // decodeLog on the raw logs: a known event of the wrong shape is an error; other events are not ours.
        const QJsonArray raw = anvil
                                   .call(QStringLiteral("eth_getLogs"),
                                         {QJsonObject{{QStringLiteral("address"), at},
                                                      {QStringLiteral("fromBlock"), QStringLiteral("0x0")},
                                                      {QStringLiteral("toBlock"), QStringLiteral("latest")}}})
                                   .toArray();
        const QJsonObject openedLog = raw.at(0).toObject();
        QVERIFY(channelsabi::decodeLog(openedLog).ok());
        QJsonObject missingTopic = openedLog;
        QJsonArray topics = missingTopic.value(QStringLiteral("topics")).toArray();
        topics.removeLast();
        missingTopic[QStringLiteral("topics")] = topics;
        auto bad = channelsabi::decodeLog(missingTopic);
        QVERIFY(!bad.ok());
        QVERIFY2(QString::fromStdString(bad.message()).contains(QStringLiteral("ChannelOpened")),
                 bad.message().c_str());
        QJsonObject shortData = openedLog;
        shortData[QStringLiteral("data")] = shortData.value(QStringLiteral("data")).toString().chopped(64);
        QVERIFY(!channelsabi::decodeLog(shortData).ok());
        QJsonObject longData = openedLog;
        longData[QStringLiteral("data")] =
            longData.value(QStringLiteral("data")).toString() + QString(64, QLatin1Char('0'));
        QVERIFY(!channelsabi::decodeLog(longData).ok());
        QJsonObject dirtyAddress = openedLog;
        topics = dirtyAddress.value(QStringLiteral("topics")).toArray();
        topics[2] = QStringLiteral("0x01") + topics[2].toString().mid(4);
        dirtyAddress[QStringLiteral("topics")] = topics;
        QVERIFY(!channelsabi::decodeLog(dirtyAddress).ok());
        QJsonObject pending = openedLog;
        pending[QStringLiteral("blockNumber")] = QJsonValue::Null;
        QVERIFY(!channelsabi::decodeLog(pending).ok());
        QJsonObject other = openedLog;
        other[QStringLiteral("topics")] = QJsonArray{hx(keccak256(as_bytes("Withdrawn(address,address,uint256)")))};
        auto notOurs = channelsabi::decodeLog(other);
        QVERIFY(notOurs.ok());
        QVERIFY(!notOurs.value().has_value());
        QVERIFY(!channelsabi::decodeLog(QJsonObject{}).value().has_value());
    }

    // The wallet's channel states are one file per chain (openChannelStore). The single file of
    // earlier versions is copied in only when its channels of this contract are on this chain:
    // a fresh devnet repeats the contract's address, and an old chain's record of a channel id
    // must never stand in for a new channel with the same id.
    void storeOfEarlierVersionsIsTakenOverOnlyByItsChain() {
        SLUICE_QT_PREREQUISITE(QFileInfo(QStringLiteral(SLUICE_ANVIL_PATH)).isExecutable(),
                               "anvil not found (run scripts/setup.sh)");
        test::Anvil anvil;
        QVERIFY(anvil.start());
        EthClient eth(anvil.rpc());
        const Address contract = deployChannels(anvil, 5);
        const Domain domain{U256(31337), contract};
        const Address A = dev(0), B = dev(1);
        anvil.send(QLatin1String(kDevAddresses[0]), hx(contract), channelsabi::openCalldata(A, B, milliEther(1), 0),
                   milliEther(1));
        auto stored = [&](const U256& index) {
            StoredChannel c;
            c.channel = Channel{domain, channel_id(domain, A, B, index), A, B};
            c.onChain = ChannelOnChain{ChannelStatus::Open, milliEther(1), 0, 0, 0};
            c.latest = opening_state(c.channel.id, milliEther(1), 0);
            return c;
        };
        auto open = [&](const QString& dir, const QString& chain, EthClient* l1) {
            QObject context;
            return awaitResult<Result<std::unique_ptr<ChannelStore>>>([&](auto done) {
                openChannelStore(channelStorePath(dir, chain), l1, 31337, contract, &context, done);
            });
        };
        auto count = [](ChannelStore& store) { return store.channels().value().size(); };
        QTemporaryDir dir;

        // Its channel (index 0) is on this chain: the file is copied in, the old one stays. One of
        // another chain (chain id 1, the same contract address) does not count against it.
        {
            auto legacy = ChannelStore::open(dir.filePath(QStringLiteral("channels.sqlite")));
            QVERIFY((*legacy)->addChannel(stored(U256(0))).ok());
            StoredChannel elsewhere = stored(U256(3));
            elsewhere.channel.domain.chain_id = 1;
            elsewhere.channel.id = channel_id(elsewhere.channel.domain, A, B, U256(3));
            elsewhere.latest.channel_id = elsewhere.channel.id;
            QVERIFY((*legacy)->addChannel(elsewhere).ok());
        }
        auto here = open(dir.path(), QStringLiteral("this-chain"), &eth);
        QVERIFY2(here.ok(), here.ok() ? "" : here.message().c_str());
        QCOMPARE(count(**here), size_t(2));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("channels.sqlite"))));

        // One it holds (index 7) was never opened here: this chain starts empty, the old file stays.
        {
            auto legacy = ChannelStore::open(dir.filePath(QStringLiteral("channels.sqlite")));
            QVERIFY((*legacy)->addChannel(stored(U256(7))).ok());
        }
        auto fresh = open(dir.path(), QStringLiteral("a-fresh-devnet"), &eth);
        QVERIFY2(fresh.ok(), fresh.ok() ? "" : fresh.message().c_str());
        QCOMPARE(count(**fresh), size_t(0));
        QCOMPARE(count(**open(dir.path(), QStringLiteral("this-chain"), &eth)), size_t(2));  // its own file, as it was

        // L1 down: no guess either way.
        RpcClient nobody(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::freePort())));
        EthClient down1(&nobody);
        auto down = open(dir.path(), QStringLiteral("a-third-chain"), &down1);
        QVERIFY(!down.ok());
        QVERIFY2(QString::fromStdString(down.message()).contains(QStringLiteral("are this chain's")),
                 down.message().c_str());
        QVERIFY(!QFileInfo::exists(channelStorePath(dir.path(), QStringLiteral("a-third-chain"))));
    }
};

QTEST_GUILESS_MAIN(ChannelsContractTest)
#include "tst_channels_contract.moc"
