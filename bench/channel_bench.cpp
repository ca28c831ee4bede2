// SPDX-License-Identifier: MIT
// Payment-channel latency and throughput against a real hub (bench/channel-bench runs it).
//
// Each run starts `sluiced --devnet` on free loopback ports in a fresh data directory (anvil at
// 1 block/s with the Rollup and Channels deployed, the L2 node, the hub on the L2 port and the
// devnet's watchtower, a child process of its own), then drives two ChannelWallets (the engine
// sluice-cli and the app use, services/channels) in this process, over loopback HTTP to the hub,
// the watchtower and anvil. Every side writes durably: the wallets' channels.sqlite files here
// and the hub's hub.sqlite are ChannelStores (WAL, synchronous=FULL, as shipped), and the
// watchtower's watchtower.sqlite too. Wallet A (dev account 0) opens a channel with the hub and
// pays it; wallet B (dev account 1) opens one with the hub funding its side, and is paid by A
// through the hub. It measures
//  - direct payments: ChannelWallet::pay, one at a time as the protocol requires (a proposal
//    outstanding per channel at most), from the call until its `done`: p50/p99/max and the
//    payments per second of the sequence (--payments N, after --warmup W unmeasured ones);
//  - mediated payments: B creates an invoice and runs awaitInvoicePaid, A runs payInvoice (same
//    process, same event loop), from payInvoice's call until both have reported (--mediated M);
//  - the CPU time each process spent per direct payment (directCpuMsPerPayment: this process,
//    i.e. the wallets with their HTTP threads; sluiced, i.e. the hub with the L2 node; the
//    watchtower; anvil), their idle background rate, measured for a second first, taken out;
//  - with --breakdown K, where a payment's time goes: K payments made by the public calls that
//    ChannelWallet::pay makes, in its order, each timed (sync; ChannelParty::propose, which signs
//    and stores; the hub's sluice_channelPropose; ChannelParty::complete, which checks and stores;
//    the watchtower's sluice_watchtowerWatch), each next to a whole pay so that both see the same
//    load, plus the two network calls inside sync alone (the eth_call of channel(id), a
//    sluice_channelPoll) and one durable write of a scratch store in the wallet's folder.
// At the end of each run it checks, and fails (exit 1) otherwise, that for both channels the
// wallet's latest state and the hub's (sluice_channelLatest) are the same state with the same two
// signatures, that no lock or proposal is pending, that the split is exactly the expected one
// (deposits minus every payment made, fee included) and, with the watchtower, that it holds the
// latest nonce. With --mediated-back M, B then pays A M times through the hub, so that A's channel
// carries payments both ways; with --close both then close cooperatively and each wallet's L1
// balance must rise by exactly its side minus the gas of its close (from the receipt): the test
// `channels_thousand` (1,000 payments each way) runs it so.
//
//   channel_bench --sluiced PATH [--anvil PATH] [--payments N] [--mediated M] [--mediated-back M]
//                 [--close] [--warmup W] [--runs R] [--breakdown K] [--no-watchtower] [--data-dir DIR]
//                 [--keep]
// Prints one JSON object per run, on one line each; with --runs R > 1 then one more line with
// {"runs": R, <figure>: {"min": …, "max": …}, …} over the runs.
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/common/secure.hpp"
#include "core/eth/address.hpp"
#include "services/channels/channel_store.hpp"
#include "services/channels/channel_wallet.hpp"
#include "services/rpc/await_result.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

using namespace sluice;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t kMilliEther = 1'000'000'000'000'000ULL;  // 0.001 ETH in wei

struct Options {
    QString sluiced;
    QString anvil;
    QString dataRoot;
    int payments = 1000;
    int mediated = 100;
    int mediatedBack = 0;  // B paying A through the hub afterwards: payments into A's channel
    bool close = false;    // both close cooperatively; their L1 balances are checked to the wei
    int warmup = 10;
    int runs = 1;
    int breakdown = 0;
    bool watchtower = true;
    bool keep = false;
};

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }

template <typename T>
T check(Result<T> r, const std::string& what) {
    if (!r) fail(what + ": " + r.message());
    if constexpr (!std::is_void_v<T>) return std::move(*r);
}

template <typename T>
T check(RpcResult<T> r, const std::string& what) {
    if (!r) fail(what + ": " + r.error().message.toStdString());
    return std::move(r).value();
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Nearest rank.
double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto rank = std::size_t(std::ceil(p * double(v.size())));
    return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

double round3(double x) { return std::round(x * 1000) / 1000; }

// The 1-minute load average: how busy the machine was (the figures are latencies on shared cores).
double loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    return f.readAll().split(' ').value(0).toDouble();
}

QJsonObject stats(const std::vector<double>& v, const QString& prefix) {
    double sum = 0;
    for (double x : v) sum += x;
    return {{prefix + QStringLiteral("P50Ms"), round3(percentile(v, 0.50))},
            {prefix + QStringLiteral("P99Ms"), round3(percentile(v, 0.99))},
            {prefix + QStringLiteral("MaxMs"), round3(v.empty() ? 0 : *std::max_element(v.begin(), v.end()))},
            {prefix + QStringLiteral("MeanMs"), round3(v.empty() ? 0 : sum / double(v.size()))}};
}

void merge(QJsonObject& into, const QJsonObject& from) {
    for (auto it = from.begin(); it != from.end(); ++it) into.insert(it.key(), it.value());
}

// CPU time (user + system) a process has used so far, in ms; 0 if it is gone.
double cpuMs(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const QByteArray all = f.readAll();
    const QList<QByteArray> fields = all.mid(all.lastIndexOf(')') + 2).split(' ');
    // After the command: field 3 is the state; utime and stime are fields 14 and 15.
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

// The processes of a run by role: this one (the wallets), sluiced (the hub, with the L2 node), and
// the anvil and watchtower it started.
std::map<QString, qint64> childrenOf(qint64 pid) {
    std::map<QString, qint64> out;
    for (const QString& task :
         QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(QStringLiteral("/proc/%1/task/%2/children").arg(pid).arg(task));
        if (!f.open(QIODevice::ReadOnly)) continue;
        for (const QByteArray& c : f.readAll().split(' ')) {
            const qint64 child = c.trimmed().toLongLong();
            if (child <= 0) continue;
            QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(child));
            if (!cmd.open(QIODevice::ReadOnly)) continue;
            const QByteArray line = cmd.readAll();
            if (line.contains("--watchtower"))
                out[QStringLiteral("watchtower")] = child;
            else if (line.contains("anvil"))
                out[QStringLiteral("anvil")] = child;
        }
    }
    return out;
}

quint16 freePort() {
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0)) fail("no free port");
    return s.serverPort();
}

QJsonValue rpcCall(RpcClient& rpc, const QString& method, const QJsonArray& params) {
    auto r = awaitResult<RpcReply>([&](auto done) { rpc.call(method, params, nullptr, done); });
    if (!r) fail(method.toStdString() + ": " + r.error().message.toStdString());
    return r.value();
}

void pause(int msec) {
    QEventLoop loop;
    QTimer::singleShot(msec, &loop, &QEventLoop::quit);
    loop.exec();
}

// `sluiced --devnet` in its own data folder; stopped (with the anvil and watchtower it started)
// when this goes out of scope.
class Devnet {
public:
    Devnet(const Options& o, const QString& dir) : m_dir(dir) {
        QDir().mkpath(dir);
        m_l1Port = freePort();
        do m_l2Port = freePort();
        while (m_l2Port == m_l1Port);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!o.anvil.isEmpty()) env.insert(QStringLiteral("SLUICE_ANVIL"), o.anvil);
        m_node.setProcessEnvironment(env);
        m_node.setProgram(o.sluiced);
        QStringList args{QStringLiteral("--devnet"),  QStringLiteral("--data-dir"), devnetDir(),
                         QStringLiteral("--l1-port"), QString::number(m_l1Port),    QStringLiteral("--l2-port"),
                         QString::number(m_l2Port)};
        if (!o.watchtower) args << QStringLiteral("--no-watchtower");
        m_node.setArguments(args);
        m_node.setStandardOutputFile(logPath());
        m_node.setProcessChannelMode(QProcess::MergedChannels);
        m_node.start();
    }

    // Throws (the destructor then stops what started) unless the devnet comes up.
    void waitReady(const Options& o) {
        if (!m_node.waitForStarted(10000)) fail("sluiced did not start: " + m_node.errorString().toStdString());
        // Ready when the manifest is written and the hub answers (readiness, not timing).
        RpcClient l2(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_l2Port)));
        l2.setTimeout(std::chrono::seconds(2));
        for (int i = 0; i < 1200; ++i) {
            if (m_node.state() == QProcess::NotRunning) fail("sluiced exited at start-up:\n" + logTail());
            if (QFile::exists(QDir(devnetDir()).filePath(QStringLiteral("devnet.json")))) {
                auto r = awaitResult<RpcReply>(
                    [&](auto done) { l2.call(QStringLiteral("sluice_channelHubInfo"), QJsonArray{}, nullptr, done); });
                if (r) break;
            }
            pause(100);
        }
        QFile f(QDir(devnetDir()).filePath(QStringLiteral("devnet.json")));
        if (!f.open(QIODevice::ReadOnly)) fail("the devnet did not come up:\n" + logTail());
        m_manifest = QJsonDocument::fromJson(f.readAll()).object();
        if (o.watchtower && manifest().value(QStringLiteral("watchtowerRpcUrl")).toString().isEmpty())
            fail("the devnet runs no watchtower");
    }

    ~Devnet() { stop(); }

    void stop() {
        if (m_node.state() == QProcess::NotRunning) return;
        // SIGTERM: sluiced stops its anvil and its watchtower, then exits.
        m_node.terminate();
        if (!m_node.waitForFinished(20000)) {
            m_node.kill();
            m_node.waitForFinished(5000);
        }
        // Should anvil have outlived it (it must not), it is ended here by the pid sluiced wrote.
        QFile pidFile(QDir(devnetDir()).filePath(QStringLiteral("anvil.pid")));
        if (pidFile.open(QIODevice::ReadOnly)) {
            const qint64 pid = pidFile.readAll().trimmed().toLongLong();
            if (pid > 0 && ::kill(pid_t(pid), 0) == 0) {
                std::fprintf(stderr, "channel_bench: anvil %lld outlived sluiced; stopping it\n",
                             static_cast<long long>(pid));
                ::kill(pid_t(pid), SIGTERM);
            }
        }
    }

    const QJsonObject& manifest() const { return m_manifest; }
    QString devnetDir() const { return QDir(m_dir).filePath(QStringLiteral("devnet")); }
    QString logPath() const { return QDir(m_dir).filePath(QStringLiteral("sluiced.log")); }
    QUrl l1() const {
        return QUrl(m_manifest.value(QStringLiteral("l1")).toObject().value(QStringLiteral("rpcUrl")).toString());
    }
    QUrl hub() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_l2Port)); }
    QUrl watchtower() const { return QUrl(m_manifest.value(QStringLiteral("watchtowerRpcUrl")).toString()); }
    quint64 chainId() const {
        return quint64(m_manifest.value(QStringLiteral("l1")).toObject().value(QStringLiteral("chainId")).toInteger());
    }
    qint64 nodePid() const { return m_node.processId(); }

    std::string logTail() const {
        QFile f(logPath());
        if (!f.open(QIODevice::ReadOnly)) return "(no log)";
        const QByteArray all = f.readAll();
        return all.right(2000).toStdString();
    }

private:
    QString m_dir;
    quint16 m_l1Port = 0;
    quint16 m_l2Port = 0;
    QProcess m_node;
    QJsonObject m_manifest;
};

// One wallet as sluice-cli builds it (cli/channel_commands.cpp): its own store, its own L1 client
// and transaction sender, the engine connected to the hub and (if there is one) the watchtower.
struct Wallet {
    std::unique_ptr<ChannelStore> store;
    std::unique_ptr<RpcClient> l1Rpc;
    std::unique_ptr<EthClient> l1;
    std::unique_ptr<TransactionSender> sender;
    std::unique_ptr<ChannelWallet> engine;
    channels::ChannelId id;

    Wallet(const Devnet& net, const QString& dir, const QString& key, bool withWatchtower) {
        store = check(ChannelStore::open(QDir(dir).filePath(QStringLiteral("channels.sqlite"))), "channel store");
        l1Rpc = std::make_unique<RpcClient>(net.l1());
        l1 = std::make_unique<EthClient>(l1Rpc.get());
        sender = std::make_unique<TransactionSender>(l1.get(), net.chainId());
        auto pk = check(PrivateKey::from_hex(key.toStdString()), "dev account key");
        const auto channelsAddress =
            check(parse_address(net.manifest().value(QStringLiteral("channels")).toString().toStdString()), "manifest");
        engine = std::make_unique<ChannelWallet>(*store, AccountSigner::from_key(pk), l1.get(), sender.get(),
                                                 channelsAddress, net.hub());
        if (withWatchtower) engine->setWatchtower(net.watchtower());
        check(awaitResult<Result<HubInfo>>([&](auto done) { engine->connectHub(done); }), "connecting to the hub");
    }

    StoredChannel channel() { return *check(store->channel(id), "reading the store"); }
};

// The wallet's latest state and the hub's, and what the watchtower holds, against the expected
// split; throws with what differs.
void checkChannel(const char* who, Wallet& w, RpcClient& hub, RpcClient* watchtower, const U256& mine,
                  const U256& theirs) {
    const StoredChannel c = w.channel();
    const std::string tag = std::string(who) + "'s channel " + c.channel.id.hex() + ": ";
    if (c.outstanding) fail(tag + "a proposal of the wallet is still outstanding");
    if (!c.sigA || !c.sigB) fail(tag + "the wallet's latest state lacks a signature");
    const QJsonValue theirsJson =
        rpcCall(hub, QStringLiteral("sluice_channelLatest"),
                QJsonArray{QJsonObject{{QStringLiteral("channelId"), QString::fromStdString(c.channel.id.hex())}}});
    auto hubLatest = check(channelmsg::cosignedFromJson(theirsJson), "the hub's latest state");
    if (hubLatest.state != c.latest)
        fail(tag + "the hub's latest state (nonce " + std::to_string(hubLatest.state.nonce) +
             ") is not the wallet's (nonce " + std::to_string(c.latest.nonce) + ")");
    if (hubLatest.sigA != *c.sigA || hubLatest.sigB != *c.sigB) fail(tag + "the hub holds other signatures");
    if (c.latest.locked_amount != 0 || !c.latestLocks.empty()) fail(tag + "a lock is still pending");
    if (c.latest.balance(c.me) != mine || c.latest.balance(channels::other(c.me)) != theirs)
        fail(tag + "the split is " + u256_to_dec(c.latest.balance(c.me)) + " / " +
             u256_to_dec(c.latest.balance(channels::other(c.me))) + " wei, expected " + u256_to_dec(mine) + " / " +
             u256_to_dec(theirs));
    if (watchtower) {
        const QJsonObject st =
            rpcCall(*watchtower, QStringLiteral("sluice_watchtowerStatus"),
                    QJsonArray{QJsonObject{{QStringLiteral("channelId"), QString::fromStdString(c.channel.id.hex())}}})
                .toObject();
        const auto nonce = EthClient::parseQuantity64(st.value(QStringLiteral("nonce")));
        if (!nonce || *nonce != c.latest.nonce)
            fail(tag + "the watchtower holds nonce " +
                 QJsonDocument(QJsonArray{st.value(QStringLiteral("nonce"))})
                     .toJson(QJsonDocument::Compact)
                     .toStdString() +
                 ", not " + std::to_string(c.latest.nonce));
    }
}

template <typename T, typename Start>
Result<T> timed(double& elapsedMs, Start&& start) {
    const auto t0 = Clock::now();
    auto r = awaitResult<Result<T>>(std::forward<Start>(start));
    elapsedMs = ms(Clock::now() - t0);
    return r;
}

QJsonObject runOnce(const Options& o) {
    QTemporaryDir tmp(QDir(o.dataRoot).filePath(QStringLiteral("channel-bench.XXXXXX")));
    if (!tmp.isValid()) fail("cannot make a data folder under " + o.dataRoot.toStdString());
    tmp.setAutoRemove(!o.keep);
    if (o.keep) std::fprintf(stderr, "channel_bench: data in %s\n", qPrintable(tmp.path()));
    const double loadAtStart = loadAverage();
    // A port taken by someone else between choosing and binding it: another try on other ports.
    std::unique_ptr<Devnet> started;
    for (int attempt = 1; !started; ++attempt) {
        auto d = std::make_unique<Devnet>(o, QDir(tmp.path()).filePath(QStringLiteral("attempt%1").arg(attempt)));
        try {
            d->waitReady(o);
            started = std::move(d);
        } catch (const std::exception& e) {
            if (attempt == 3) throw;
            std::fprintf(stderr, "channel_bench: the devnet did not start (attempt %d), trying again: %s\n", attempt,
                         e.what());
        }
    }
    Devnet& net = *started;
    const QJsonArray accounts = net.manifest().value(QStringLiteral("devAccounts")).toArray();
    if (accounts.size() < 2) fail("the manifest has fewer than two dev accounts");
    const auto key = [&](int i) { return accounts.at(i).toObject().value(QStringLiteral("privateKey")).toString(); };
    QDir(tmp.path()).mkpath(QStringLiteral("a"));
    QDir(tmp.path()).mkpath(QStringLiteral("b"));
    Wallet a(net, QDir(tmp.path()).filePath(QStringLiteral("a")), key(0), o.watchtower);
    Wallet b(net, QDir(tmp.path()).filePath(QStringLiteral("b")), key(1), o.watchtower);
    const U256 fee = a.engine->hubInfo()->fee;

    // A: 5 ETH of its own. B: 1 ETH of its own, and the hub funds 0.5 ETH on its side (inbound
    // liquidity for the mediated payments; the hub matches at most the wallet's own deposit),
    // counted in a state both sign.
    const U256 p = kMilliEther;  // every payment: 0.001 ETH
    const U256 depositA = U256(5000) * kMilliEther, depositB = U256(1000) * kMilliEther,
               hubFundsB = U256(500) * kMilliEther;
    if (U256(o.warmup + o.payments + 2 * o.breakdown) * p + U256(o.mediated) * (p + fee) > depositA ||
        U256(o.mediated) * p > hubFundsB || U256(o.mediatedBack) * (p + fee) > depositB + U256(o.mediated) * p ||
        U256(o.mediatedBack) * p > U256(o.warmup + o.payments + 2 * o.breakdown) * p + U256(o.mediated) * (p + fee))
        fail("too many payments for the channels' deposits");
    a.id = check(awaitResult<Result<channels::ChannelId>>([&](auto done) { a.engine->open(depositA, 0, done); }),
                 "A opening its channel");
    b.id =
        check(awaitResult<Result<channels::ChannelId>>([&](auto done) { b.engine->open(depositB, hubFundsB, done); }),
              "B opening its channel with the hub's funding");

    for (int i = 0; i < o.warmup; ++i)
        check(awaitResult<Status>([&](auto done) { a.engine->pay(a.id, p, done); }), "a warm-up payment");

    // CPU time per process: how much of a payment is work, and whose (the rest is waiting). The
    // node's background work (L2 blocks every 250 ms, reading L1) is measured idle first, over
    // a second, and taken out.
    std::map<QString, qint64> procs = childrenOf(net.nodePid());
    procs[QStringLiteral("wallets")] = QCoreApplication::applicationPid();
    procs[QStringLiteral("sluiced")] = net.nodePid();
    const auto cpuNow = [&] {
        std::map<QString, double> m;
        for (const auto& [role, pid] : procs) m[role] = cpuMs(pid);
        return m;
    };
    const auto idle0 = cpuNow();
    const auto idleStart = Clock::now();
    pause(1000);
    const auto idle1 = cpuNow();
    const double idleMs = ms(Clock::now() - idleStart);

    // Direct payments, one after the other.
    std::vector<double> direct;
    direct.reserve(std::size_t(o.payments));
    const auto cpu0 = cpuNow();
    const auto t0 = Clock::now();
    for (int i = 0; i < o.payments; ++i) {
        double t = 0;
        check(timed<void>(t, [&](auto done) { a.engine->pay(a.id, p, done); }), "payment " + std::to_string(i + 1));
        direct.push_back(t);
    }
    const double directSeconds = ms(Clock::now() - t0) / 1000;
    const auto cpu1 = cpuNow();
    QJsonObject cpuPerPayment;
    for (const auto& [role, pid] : procs) {
        const double background = (idle1.at(role) - idle0.at(role)) / idleMs * directSeconds * 1000;
        cpuPerPayment.insert(role, round3(std::max(0.0, cpu1.at(role) - cpu0.at(role) - background) / o.payments));
    }

    // Where the time of one payment goes: K more payments made by the steps ChannelWallet::pay
    // takes, in its order, each timed (the same public calls: sync, ChannelParty::propose, the
    // hub's sluice_channelPropose, ChannelParty::complete, the watchtower's sluice_watchtowerWatch),
    // and the two network calls inside sync alone, and one durable write of a scratch store.
    QJsonObject breakdown;
    if (o.breakdown > 0) {
        RpcClient hubRpc(net.hub());
        std::unique_ptr<RpcClient> towerRpc;
        if (o.watchtower) towerRpc = std::make_unique<RpcClient>(net.watchtower());
        auto scratch =
            check(ChannelStore::open(QDir(tmp.path()).filePath(QStringLiteral("a/scratch.sqlite"))), "scratch store");
        std::vector<double> pay, total, sync, propose, hubPropose, complete, watch, l1Read, poll, write;
        const QString idHex = QString::fromStdString(a.id.hex());
        const QJsonArray pollParams{
            QJsonObject{{QStringLiteral("channelId"), idHex}, {QStringLiteral("timeoutMs"), 0}}};
        for (int i = 0; i < o.breakdown; ++i) {
            // A whole ChannelWallet::pay next to each step-by-step one, so both see the same load.
            double t = 0;
            check(timed<void>(t, [&](auto done) { a.engine->pay(a.id, p, done); }), "a payment");
            pay.push_back(t);
            const auto t0 = Clock::now();
            check(timed<StoredChannel>(t, [&](auto done) { a.engine->sync(a.id, 0, done); }), "sync");
            sync.push_back(t);
            auto t1 = Clock::now();
            auto proposal =
                check(a.engine->party().propose(a.id, channels::Pay{channels::Participant::A, p}), "proposing");
            propose.push_back(ms(Clock::now() - t1));
            t1 = Clock::now();
            const QJsonObject answer =
                rpcCall(hubRpc, QStringLiteral("sluice_channelPropose"),
                        QJsonArray{QJsonObject{{QStringLiteral("channelId"), idHex},
                                               {QStringLiteral("proposal"), channelmsg::toJson(proposal)}}})
                    .toObject();
            hubPropose.push_back(ms(Clock::now() - t1));
            auto sig =
                check(channelmsg::signatureFromJson(answer.value(QStringLiteral("signature"))), "the hub's signature");
            t1 = Clock::now();
            check(a.engine->party().complete(a.id, proposal.state.nonce, sig), "completing");
            complete.push_back(ms(Clock::now() - t1));
            if (towerRpc) {
                QJsonObject params = channelmsg::toJson(*a.channel().cosigned());
                params.insert(QStringLiteral("channelsContract"),
                              net.manifest().value(QStringLiteral("channels")).toString());
                t1 = Clock::now();
                rpcCall(*towerRpc, QStringLiteral("sluice_watchtowerWatch"), QJsonArray{params});
                watch.push_back(ms(Clock::now() - t1));
            }
            total.push_back(ms(Clock::now() - t0));

            t1 = Clock::now();
            auto c = awaitResult<RpcResult<OnChainChannel>>(
                [&](auto done) { a.engine->contract()->channel(a.id, nullptr, done); });
            if (!c) fail("channel(id): " + c.error().message.toStdString());
            l1Read.push_back(ms(Clock::now() - t1));
            t1 = Clock::now();
            rpcCall(hubRpc, QStringLiteral("sluice_channelPoll"), pollParams);
            poll.push_back(ms(Clock::now() - t1));
            Hash secret;
            check(random_bytes(secret.bytes.data(), secret.bytes.size()), "random");
            t1 = Clock::now();
            check(scratch->putSecret(secret), "a durable write");
            write.push_back(ms(Clock::now() - t1));
        }
        breakdown.insert(QStringLiteral("samples"), o.breakdown);
        merge(breakdown, stats(pay, QStringLiteral("pay")));
        merge(breakdown, stats(total, QStringLiteral("payByStepsTotal")));
        merge(breakdown, stats(sync, QStringLiteral("walletSync")));
        merge(breakdown, stats(propose, QStringLiteral("walletPropose")));
        merge(breakdown, stats(hubPropose, QStringLiteral("hubProposeRpc")));
        merge(breakdown, stats(complete, QStringLiteral("walletComplete")));
        if (towerRpc) merge(breakdown, stats(watch, QStringLiteral("watchtowerWatchRpc")));
        merge(breakdown, stats(l1Read, QStringLiteral("l1ChannelRead")));
        merge(breakdown, stats(poll, QStringLiteral("hubPollRpc")));
        merge(breakdown, stats(write, QStringLiteral("durableWrite")));
    }

    // Mediated payments: B invoices, A pays through the hub, B waits for it in the same loop.
    std::vector<double> mediated, payerDone;
    for (int i = 0; i < o.mediated; ++i) {
        auto invoice = check(b.engine->createInvoice(p), "an invoice");
        std::optional<Status> received;
        QEventLoop waitB;
        const auto start = Clock::now();
        b.engine->awaitInvoicePaid(invoice, std::chrono::seconds(60), [&](Status st) {
            received = std::move(st);
            waitB.quit();
        });
        check(awaitResult<Status>([&](auto done) { a.engine->payInvoice(invoice, std::chrono::seconds(60), done); }),
              "paying invoice " + std::to_string(i + 1));
        payerDone.push_back(ms(Clock::now() - start));
        if (!received) waitB.exec();
        mediated.push_back(ms(Clock::now() - start));
        check(*received, "B waiting for invoice " + std::to_string(i + 1));
    }

    // The other way: B pays A through the hub, so A's channel carries payments in both directions.
    for (int i = 0; i < o.mediatedBack; ++i) {
        auto invoice = check(a.engine->createInvoice(p), "an invoice of A");
        std::optional<Status> received;
        QEventLoop waitA;
        a.engine->awaitInvoicePaid(invoice, std::chrono::seconds(60), [&](Status st) {
            received = std::move(st);
            waitA.quit();
        });
        check(awaitResult<Status>([&](auto done) { b.engine->payInvoice(invoice, std::chrono::seconds(60), done); }),
              "B paying A's invoice " + std::to_string(i + 1));
        if (!received) waitA.exec();
        check(*received, "A waiting for invoice " + std::to_string(i + 1));
    }

    // The test: both sides agree on the latest state, and it is exactly the expected split.
    RpcClient hubRpc(net.hub());
    std::unique_ptr<RpcClient> towerRpc;
    if (o.watchtower) towerRpc = std::make_unique<RpcClient>(net.watchtower());
    const U256 paidByA = U256(o.warmup + o.payments + 2 * o.breakdown) * p + U256(o.mediated) * (p + fee);
    const U256 back = U256(o.mediatedBack) * p, paidByB = U256(o.mediatedBack) * (p + fee);
    const U256 finalA = depositA - paidByA + back, finalB = depositB + U256(o.mediated) * p - paidByB;
    checkChannel("A", a, hubRpc, towerRpc.get(), finalA, paidByA - back);
    checkChannel("B", b, hubRpc, towerRpc.get(), finalB, hubFundsB - U256(o.mediated) * p + paidByB);
    if (o.close) {
        // Cooperative close: each wallet's L1 balance rises by exactly its side, minus the gas of
        // the close it sent (from the receipt).
        for (auto [w, expected, who] : {std::tuple{&a, finalA, "A"}, std::tuple{&b, finalB, "B"}}) {
            const Address me = w->channel().myAddress();
            const auto balance = [&] {
                return check(awaitResult<RpcResult<U256>>([&](auto done) { w->l1->balance(me, w->l1.get(), done); }),
                             "an L1 balance");
            };
            const U256 before = balance();
            const Hash tx =
                check(awaitResult<Result<Hash>>([&](auto done) { w->engine->cooperativeClose(w->id, done); }),
                      std::string(who) + " closing");
            const auto receipt = check(awaitResult<RpcResult<std::optional<TransactionReceipt>>>(
                                           [&](auto done) { w->l1->transactionReceipt(tx, w->l1.get(), done); }),
                                       "the close's receipt");
            if (!receipt) fail(std::string(who) + "'s close has no receipt");
            const U256 gas = receipt->gasUsed * receipt->effectiveGasPrice;
            const U256 after = balance();
            if (after + gas != before + expected)
                fail(std::string(who) + "'s L1 balance after the close is " + u256_to_dec(after) + " wei, expected " +
                     u256_to_dec(before + expected - gas));
        }
    }

    QJsonObject out{{QStringLiteral("payments"), o.payments},
                    {QStringLiteral("warmup"), o.warmup},
                    {QStringLiteral("paymentsPerSec"), std::round(double(o.payments) / directSeconds * 10) / 10}};
    merge(out, stats(direct, QStringLiteral("direct")));
    out.insert(QStringLiteral("directCpuMsPerPayment"), cpuPerPayment);
    out.insert(QStringLiteral("mediated"), o.mediated);
    out.insert(QStringLiteral("mediatedBack"), o.mediatedBack);
    out.insert(QStringLiteral("closedAndL1Checked"), o.close);
    merge(out, stats(mediated, QStringLiteral("mediated")));
    merge(out, stats(payerDone, QStringLiteral("mediatedPayer")));
    if (!breakdown.isEmpty()) out.insert(QStringLiteral("breakdown"), breakdown);
    out.insert(QStringLiteral("loadAvg1mStart"), loadAtStart);
    out.insert(QStringLiteral("loadAvg1mEnd"), loadAverage());
    out.insert(QStringLiteral("watchtower"), o.watchtower);
    out.insert(QStringLiteral("balancesAgree"), true);
    const StoredChannel ca = a.channel();
    out.insert(QStringLiteral("finalNonceA"), double(ca.latest.nonce));
    net.stop();
    return out;
}

// {"min", "max"} of every number over the runs (the objects have the same shape).
QJsonValue fold(const std::vector<QJsonValue>& values) {
    if (values.front().isObject()) {
        QJsonObject out;
        const QJsonObject first = values.front().toObject();
        for (auto it = first.begin(); it != first.end(); ++it) {
            std::vector<QJsonValue> field;
            for (const QJsonValue& v : values) field.push_back(v.toObject().value(it.key()));
            out.insert(it.key(), fold(field));
        }
        return out;
    }
    if (!values.front().isDouble()) return values.front();
    double lo = values.front().toDouble(), hi = lo;
    for (const QJsonValue& v : values) {
        lo = std::min(lo, v.toDouble());
        hi = std::max(hi, v.toDouble());
    }
    return QJsonObject{{QStringLiteral("min"), lo}, {QStringLiteral("max"), hi}};
}

int usage() {
    std::fputs(
        "usage: channel_bench --sluiced PATH [--anvil PATH] [--payments N] [--mediated M] [--mediated-back M]\n"
        "                     [--close] [--warmup W] [--runs R] [--breakdown K] [--no-watchtower]\n"
        "                     [--data-dir DIR] [--keep]\n",
        stderr);
    return 64;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Options o;
    o.anvil = qEnvironmentVariable("SLUICE_ANVIL");
    o.dataRoot = QDir::tempPath();
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto next = [&]() -> QString { return i + 1 < args.size() ? args[++i] : QString(); };
        const auto number = [&](int& into, int min) {
            bool ok = false;
            into = next().toInt(&ok);
            return ok && into >= min;
        };
        bool ok = true;
        if (a == QLatin1String("--sluiced"))
            o.sluiced = next();
        else if (a == QLatin1String("--anvil"))
            o.anvil = next();
        else if (a == QLatin1String("--data-dir"))
            o.dataRoot = next();
        else if (a == QLatin1String("--payments"))
            ok = number(o.payments, 1);
        else if (a == QLatin1String("--mediated"))
            ok = number(o.mediated, 0);
        else if (a == QLatin1String("--mediated-back"))
            ok = number(o.mediatedBack, 0);
        else if (a == QLatin1String("--close"))
            o.close = true;
        else if (a == QLatin1String("--warmup"))
            ok = number(o.warmup, 0);
        else if (a == QLatin1String("--runs"))
            ok = number(o.runs, 1);
        else if (a == QLatin1String("--breakdown"))
            ok = number(o.breakdown, 0);
        else if (a == QLatin1String("--no-watchtower"))
            o.watchtower = false;
        else if (a == QLatin1String("--keep"))
            o.keep = true;
        else
            ok = false;
        if (!ok) return usage();
    }
    if (o.sluiced.isEmpty()) return usage();
    // The wallets' and the node's logs are not the benchmark's output.
    qSetMessagePattern(QStringLiteral("channel_bench: %{message}"));
    std::vector<QJsonValue> results;
    try {
        for (int run = 0; run < o.runs; ++run) {
            results.push_back(runOnce(o));
            std::printf("%s\n", QJsonDocument(results.back().toObject()).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "channel_bench: FAILED: %s\n", e.what());
        return 1;
    }
    if (o.runs > 1) {
        QJsonObject summary{{QStringLiteral("runs"), o.runs}};
        merge(summary, fold(results).toObject());
        std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    }
    return 0;
}
