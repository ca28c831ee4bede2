// SPDX-License-Identifier: MIT
#pragma once
// A real anvil for the node_l1 tests: started on a free port, driven with blocking JSON-RPC calls
// (a local event loop around RpcClient), and a deployed Rollup contract.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

#include <memory>

#include "contracts/artifacts.hpp"
#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "services/rollup/rollup_abi.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"

namespace sluice::test {

// anvil's first well-known dev accounts (mnemonic "test test ... junk").
inline const char* const kDevAddresses[] = {
    "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"};
inline const char* const kDevKeys[] = {"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                                       "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
                                       "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
                                       "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"};

inline quint16 freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

class Anvil {
public:
    // extraArgs e.g. {"--block-time", "1"}; without it every transaction is mined at once.
    bool start(QStringList extraArgs = {}) {
        m_port = freePort();
        QString anvil = qEnvironmentVariable("SLUICE_ANVIL", QStringLiteral(SLUICE_ANVIL_PATH));
        m_process.setProgram(anvil);
        m_process.setArguments(QStringList{QStringLiteral("--port"), QString::number(m_port),
                                           QStringLiteral("--hardfork"), QStringLiteral("osaka"),
                                           QStringLiteral("--silent")} +
                               extraArgs);
        m_process.start();
        if (!m_process.waitForStarted(10000)) return false;
        m_rpc = std::make_unique<RpcClient>(QUrl(url()));
        m_rpc->setTimeout(std::chrono::seconds(10));
        for (int i = 0; i < 200; ++i) {
            auto r = callReply(QStringLiteral("eth_chainId"), {});
            if (r.ok()) return true;
            QThread::msleep(50);
        }
        return false;
    }
    ~Anvil() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    RpcClient* rpc() { return m_rpc.get(); }

    RpcReply callReply(const QString& method, const QJsonArray& params) {
        QEventLoop loop;
        std::optional<RpcReply> out;
        QObject ctx;
        m_rpc->call(method, params, &ctx, [&](RpcReply r) {
            out = std::move(r);
            loop.quit();
        });
        if (!out) loop.exec();
        return *out;
    }
    QJsonValue call(const QString& method, const QJsonArray& params = {}) {
        auto r = callReply(method, params);
        if (!r) qFatal("%s failed: %s", qPrintable(method), qPrintable(r.error().message));
        return r.value();
    }
    quint64 blockNumber() { return *EthClient::parseQuantity64(call(QStringLiteral("eth_blockNumber"))); }

    // eth_sendTransaction from an unlocked dev account; returns the receipt (automine).
    QJsonObject send(const QString& from, const QString& to, const Bytes& data, const U256& value = 0,
                     bool expectSuccess = true) {
        QJsonObject tx{{QStringLiteral("from"), from},
                       {QStringLiteral("data"), QString::fromStdString(to_hex(data))},
                       {QStringLiteral("value"), QString::fromStdString(u256_to_quantity(value))},
                       {QStringLiteral("gas"), QStringLiteral("0x1c9c380")}};
        if (!to.isEmpty()) tx.insert(QStringLiteral("to"), to);
        auto hash = call(QStringLiteral("eth_sendTransaction"), QJsonArray{tx}).toString();
        QJsonValue receipt;
        for (int i = 0; i < 400 && !receipt.isObject(); ++i) {
            receipt = call(QStringLiteral("eth_getTransactionReceipt"), QJsonArray{hash});
            if (!receipt.isObject()) QThread::msleep(25);
        }
        auto o = receipt.toObject();
        if (expectSuccess && o.value(QStringLiteral("status")).toString() != QStringLiteral("0x1"))
            qFatal("transaction %s failed", qPrintable(hash));
        return o;
    }

    // Deploys Rollup with the devnet parameters (fee recipient = dev account 0) and bonds account 0.
    QString deployRollup(quint64 challengePeriod = 60) {
        RollupConstructorArgs args;
        args.challengePeriod = challengePeriod;
        args.escapeDelay = 10 * challengePeriod;  // must exceed the challenge period
        args.feeRecipient = *Address::from_hex(kDevAddresses[0]);
        auto code = from_hex(contracts::rollup_creation_bytecode());
        auto data = rollupabi::encodeDeployment(*code, args);
        auto receipt = send(QLatin1String(kDevAddresses[0]), {}, *data);
        QString rollup = receipt.value(QStringLiteral("contractAddress")).toString();
        send(QLatin1String(kDevAddresses[0]), rollup, rollupabi::encodeBond(), U256(1'000'000'000'000'000'000ULL));
        return rollup;
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
    std::unique_ptr<RpcClient> m_rpc;
};

// Runs the event loop until `done()` or about `ms` milliseconds passed (a guard against a hang,
// not a timed assertion).
template <typename F>
bool waitUntil(F done, int ms = 30000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

}  // namespace sluice::test
