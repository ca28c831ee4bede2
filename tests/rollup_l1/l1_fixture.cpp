// SPDX-License-Identifier: MIT
#include "l1_fixture.hpp"

#include <QElapsedTimer>

#include "core/crypto/keccak.hpp"

namespace sluice::test {

namespace {

quint16 freePort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Runs the event loop until `done` or a generous guard against a hang (not a timed assertion).
template <typename F>
bool spinUntil(F done, int guardMs = 60000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > guardMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

}  // namespace

Bytes errorSelector(std::string_view signature) {
    const Hash h = keccak256(ByteView(reinterpret_cast<const std::uint8_t*>(signature.data()), signature.size()));
    return Bytes(h.begin(), h.begin() + 4);
}

bool AnvilFixture::start(QString* error) {
    m_port = freePort();
    const QString anvil = qEnvironmentVariable("SLUICE_ANVIL", QStringLiteral(SLUICE_ANVIL_PATH));
    m_process.setProgram(anvil);
    m_process.setArguments({QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--hardfork"),
                            QStringLiteral("osaka"), QStringLiteral("--silent")});
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        if (error) *error = QStringLiteral("cannot start %1: %2").arg(anvil, m_process.errorString());
        return false;
    }
    m_rpc = std::make_unique<RpcClient>(QUrl(url()));
    m_rpc->setTimeout(std::chrono::seconds(30));
    m_eth = std::make_unique<EthClient>(m_rpc.get());
    for (int i = 0; i < 200; ++i) {
        if (call(QStringLiteral("eth_chainId")).ok()) return true;
        if (m_process.state() == QProcess::NotRunning) break;
        QThread::msleep(50);
    }
    if (error) *error = QStringLiteral("anvil at %1 never answered eth_chainId").arg(url());
    return false;
}

void AnvilFixture::stop() {
    m_eth.reset();
    m_rpc.reset();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) m_process.kill();
        m_process.waitForFinished(2000);
    }
}

RpcReply AnvilFixture::call(const QString& method, const QJsonArray& params) {
    std::optional<RpcReply> out;
    QObject context;
    m_rpc->call(method, params, &context, [&out](RpcReply r) { out = std::move(r); });
    if (!spinUntil([&] { return out.has_value(); })) {
        RpcError e;
        e.kind = RpcError::Kind::Timeout;
        e.message = method + QStringLiteral(": no reply");
        return e;
    }
    return std::move(*out);
}

QJsonValue AnvilFixture::mustCall(const QString& method, const QJsonArray& params) {
    auto r = call(method, params);
    if (!r) qFatal("%s failed: %s", qPrintable(method), qPrintable(r.error().message));
    return r.value();
}

std::optional<QJsonObject> AnvilFixture::receiptJson(const QString& txHash) {
    // Automine: the receipt exists as soon as the send returned; a few tries cover a slow node.
    for (int i = 0; i < 200; ++i) {
        auto r = call(QStringLiteral("eth_getTransactionReceipt"), QJsonArray{txHash});
        if (r && r.value().isObject()) return r.value().toObject();
        QThread::msleep(25);
    }
    return std::nullopt;
}

std::optional<QJsonObject> AnvilFixture::sendUnlocked(const Address& from, const std::optional<Address>& to,
                                                      const Bytes& data, const U256& value, QString* error) {
    QJsonObject tx{
        {QStringLiteral("from"), hexString(from)},
        {QStringLiteral("data"), hexString(data)},
        {QStringLiteral("value"), QString::fromStdString(u256_to_quantity(value))},
        {QStringLiteral("gas"), QStringLiteral("0x1c9c380")}};  // 30M: no estimate, reverts show in the receipt
    if (to) tx.insert(QStringLiteral("to"), hexString(*to));
    auto sent = call(QStringLiteral("eth_sendTransaction"), QJsonArray{tx});
    if (!sent) {
        if (error) *error = sent.error().message;
        return std::nullopt;
    }
    auto receipt = receiptJson(sent.value().toString());
    if (!receipt) {
        if (error) *error = QStringLiteral("no receipt for ") + sent.value().toString();
        return std::nullopt;
    }
    if (receipt->value(QStringLiteral("status")).toString() != QStringLiteral("0x1")) {
        if (error) *error = QStringLiteral("transaction reverted: ") + sent.value().toString();
        return std::nullopt;
    }
    return receipt;
}

std::optional<QJsonObject> AnvilFixture::sendSigned(const PrivateKey& key, const Address& to, const Bytes& data,
                                                    const U256& value, quint64 gasLimit, QString* error) {
    TransactionSender sender(m_eth.get(), 31337);  // anvil's default chain id
    sender.setReceiptTimeout(std::chrono::seconds(60));
    SendRequest request;
    request.to = to;
    request.value = value;
    request.data = data;
    request.gasLimit = gasLimit;
    std::optional<TransactionReceipt> receipt;
    std::optional<SendFailure> failure;
    QObject context;
    TransactionSender::Callbacks callbacks;
    callbacks.confirmed = [&receipt](TransactionReceipt r) { receipt = std::move(r); };
    callbacks.failed = [&failure](SendFailure f) { failure = std::move(f); };
    sender.send(AccountSigner::from_key(key), request, &context, std::move(callbacks));
    if (!spinUntil([&] { return receipt.has_value() || failure.has_value(); }, 120000)) {
        if (error) *error = QStringLiteral("TransactionSender never finished");
        return std::nullopt;
    }
    if (failure) {
        if (error) *error = failure->message;
        return std::nullopt;
    }
    if (!receipt->success) {
        if (error) *error = QStringLiteral("transaction reverted: ") + hexString(receipt->transactionHash);
        return std::nullopt;
    }
    return receiptJson(hexString(receipt->transactionHash));
}

CallOutcome AnvilFixture::ethCall(const Address& to, const Bytes& data, const std::optional<Address>& from) {
    QJsonObject tx{{QStringLiteral("to"), hexString(to)},
                   {QStringLiteral("data"), hexString(data)},
                   {QStringLiteral("gas"), QStringLiteral("0x1c9c380")}};
    if (from) tx.insert(QStringLiteral("from"), hexString(*from));
    auto r = call(QStringLiteral("eth_call"), QJsonArray{tx, QStringLiteral("latest")});
    CallOutcome out;
    if (r) {
        out.data = from_hex(r.value().toString().toStdString()).value_or(Bytes{});
        return out;
    }
    out.reverted = true;
    out.message = r.error().message;
    if (r.error().data.isString()) out.data = from_hex(r.error().data.toString().toStdString()).value_or(Bytes{});
    return out;
}

U256 AnvilFixture::balance(const Address& address) {
    auto v = mustCall(QStringLiteral("eth_getBalance"), QJsonArray{hexString(address), QStringLiteral("latest")});
    return *EthClient::parseQuantity(v);
}

std::optional<Address> AnvilFixture::deploy(const Bytes& creationCode, QString* error) {
    auto receipt = sendUnlocked(devAddress(0), std::nullopt, creationCode, 0, error);
    if (!receipt) return std::nullopt;
    return Address::from_hex(receipt->value(QStringLiteral("contractAddress")).toString().toStdString());
}

QString AnvilFixture::snapshot() { return mustCall(QStringLiteral("evm_snapshot")).toString(); }

bool AnvilFixture::revertTo(const QString& id) {
    return mustCall(QStringLiteral("evm_revert"), QJsonArray{id}).toBool();
}

void AnvilFixture::increaseTime(quint64 seconds) {
    mustCall(QStringLiteral("evm_increaseTime"), QJsonArray{static_cast<qint64>(seconds)});
    mustCall(QStringLiteral("evm_mine"));
}

quint64 AnvilFixture::latestTimestamp() {
    auto block = mustCall(QStringLiteral("eth_getBlockByNumber"), QJsonArray{QStringLiteral("latest"), false});
    return *EthClient::parseQuantity64(block.toObject().value(QStringLiteral("timestamp")));
}

}  // namespace sluice::test
