// SPDX-License-Identifier: MIT
#include "services/rpc/eth_client.hpp"

#include <QJsonObject>
#include <QTimer>

#include <QPointer>

#include <algorithm>
#include <limits>
#include <memory>

#include "services/rpc/heads_subscription.hpp"

namespace sluice {

namespace {

QString toData(ByteView bytes) { return QString::fromStdString(to_hex(bytes)); }

std::optional<Bytes> parseData(const QJsonValue& value) {
    if (!value.isString()) return std::nullopt;
    const QString s = value.toString();
    if (!s.startsWith(QLatin1String("0x"))) return std::nullopt;
    return from_hex(s.toStdString());
}

template <std::size_t N>
std::optional<FixedBytes<N>> parseFixed(const QJsonValue& value) {
    auto raw = parseData(value);
    if (!raw) return std::nullopt;
    return FixedBytes<N>::from_view(*raw);
}

}  // namespace

EthClient::EthClient(RpcClient* rpc, QObject* parent) : QObject(parent), m_rpc(rpc) {}

std::optional<U256> EthClient::parseQuantity(const QJsonValue& value) {
    if (!value.isString()) return std::nullopt;
    const QString s = value.toString();
    if (!s.startsWith(QLatin1String("0x")) || s.size() < 3) return std::nullopt;
    return u256_from_hex(s.toStdString());
}

std::optional<quint64> EthClient::parseQuantity64(const QJsonValue& value) {
    auto v = parseQuantity(value);
    if (!v || *v > U256(std::numeric_limits<quint64>::max())) return std::nullopt;
    return v->convert_to<quint64>();
}

QString EthClient::toQuantity(const U256& value) { return QString::fromStdString(u256_to_quantity(value)); }

std::optional<TransactionReceipt> EthClient::parseReceipt(const QJsonValue& value) {
    if (!value.isObject()) return std::nullopt;
    const QJsonObject o = value.toObject();
    TransactionReceipt r;
    auto hash = parseFixed<32>(o.value(QStringLiteral("transactionHash")));
    auto blockHash = parseFixed<32>(o.value(QStringLiteral("blockHash")));
    auto number = parseQuantity64(o.value(QStringLiteral("blockNumber")));
    auto status = parseQuantity64(o.value(QStringLiteral("status")));
    auto gasUsed = parseQuantity(o.value(QStringLiteral("gasUsed")));
    if (!hash || !blockHash || !number || !status || !gasUsed || *status > 1) return std::nullopt;
    r.transactionHash = *hash;
    r.blockHash = *blockHash;
    r.blockNumber = *number;
    r.success = *status == 1;
    r.gasUsed = *gasUsed;
    if (auto price = parseQuantity(o.value(QStringLiteral("effectiveGasPrice")))) r.effectiveGasPrice = *price;
    const QJsonValue contract = o.value(QStringLiteral("contractAddress"));
    if (contract.isString()) {
        auto address = parseFixed<20>(contract);
        if (!address) return std::nullopt;
        r.contractAddress = *address;
    }
    return r;
}

// The typed calls share one shape: run the method, convert the result or report its shape.
template <typename T, typename Convert>
static void typedCall(RpcClient* rpc, const QString& method, const QJsonArray& params, QObject* context,
                      std::function<void(RpcResult<T>)> done, const QString& expected, Convert convert) {
    rpc->call(method, params, context, [rpc, method, expected, done = std::move(done), convert](RpcReply reply) {
        if (!reply.ok()) {
            done(reply.error());
            return;
        }
        std::optional<T> value = convert(reply.value());
        if (!value) {
            done(rpc->malformed(method, QStringLiteral("expected %1").arg(expected)));
            return;
        }
        done(std::move(*value));
    });
}

void EthClient::chainId(QObject* context, Done<quint64> done) {
    typedCall<quint64>(m_rpc, QStringLiteral("eth_chainId"), {}, context, std::move(done), QStringLiteral("a quantity"),
                       &EthClient::parseQuantity64);
}

void EthClient::latestBlockTime(QObject* context, Done<quint64> done) {
    typedCall<quint64>(m_rpc, QStringLiteral("eth_getBlockByNumber"), QJsonArray{QStringLiteral("latest"), false},
                       context, std::move(done), QStringLiteral("a block with a timestamp"), [](const QJsonValue& v) {
                           return parseQuantity64(v.toObject().value(QStringLiteral("timestamp")));
                       });
}

void EthClient::blockNumber(QObject* context, Done<quint64> done) {
    typedCall<quint64>(m_rpc, QStringLiteral("eth_blockNumber"), {}, context, std::move(done),
                       QStringLiteral("a quantity"), &EthClient::parseQuantity64);
}

void EthClient::balance(const Address& address, QObject* context, Done<U256> done, const QString& block) {
    typedCall<U256>(m_rpc, QStringLiteral("eth_getBalance"), QJsonArray{toData(address), block}, context,
                    std::move(done), QStringLiteral("a quantity"), &EthClient::parseQuantity);
}

void EthClient::transactionCount(const Address& address, const QString& block, QObject* context, Done<quint64> done) {
    typedCall<quint64>(m_rpc, QStringLiteral("eth_getTransactionCount"), QJsonArray{toData(address), block}, context,
                       std::move(done), QStringLiteral("a quantity"), &EthClient::parseQuantity64);
}

static QJsonObject callJson(const CallRequest& request) {
    QJsonObject o;
    if (request.from) o.insert(QStringLiteral("from"), toData(*request.from));
    if (request.to) o.insert(QStringLiteral("to"), toData(*request.to));
    if (request.value != 0) o.insert(QStringLiteral("value"), EthClient::toQuantity(request.value));
    if (!request.data.empty()) o.insert(QStringLiteral("data"), toData(request.data));
    return o;
}

void EthClient::estimateGas(const CallRequest& request, QObject* context, Done<quint64> done) {
    typedCall<quint64>(m_rpc, QStringLiteral("eth_estimateGas"), QJsonArray{callJson(request)}, context,
                       std::move(done), QStringLiteral("a quantity"), &EthClient::parseQuantity64);
}

void EthClient::call(const CallRequest& request, QObject* context, Done<Bytes> done) {
    typedCall<Bytes>(m_rpc, QStringLiteral("eth_call"), QJsonArray{callJson(request), QStringLiteral("latest")},
                     context, std::move(done), QStringLiteral("0x data"),
                     [](const QJsonValue& v) -> std::optional<Bytes> {
                         if (!v.isString() || !v.toString().startsWith(QLatin1String("0x"))) return std::nullopt;
                         return from_hex(v.toString().toStdString());
                     });
}

void EthClient::sendRawTransaction(const Bytes& signedTransaction, QObject* context, Done<Hash> done) {
    typedCall<Hash>(m_rpc, QStringLiteral("eth_sendRawTransaction"), QJsonArray{toData(signedTransaction)}, context,
                    std::move(done), QStringLiteral("a 32-byte transaction hash"), &parseFixed<32>);
}

void EthClient::transactionReceipt(const Hash& hash, QObject* context, Done<std::optional<TransactionReceipt>> done) {
    typedCall<std::optional<TransactionReceipt>>(
        m_rpc, QStringLiteral("eth_getTransactionReceipt"), QJsonArray{toData(hash)}, context, std::move(done),
        QStringLiteral("a receipt object or null"),
        [](const QJsonValue& v) -> std::optional<std::optional<TransactionReceipt>> {
            if (v.isNull()) return std::optional<TransactionReceipt>{};
            auto r = parseReceipt(v);
            if (!r) return std::nullopt;
            return std::optional<TransactionReceipt>(*r);
        });
}

void EthClient::suggestFees(QObject* context, Done<FeeSuggestion> done) {
    // The latest block's base fee plus the node's tip; without a base fee (pre-London chains)
    // gasPrice; without eth_maxPriorityFeePerGas, tip = gasPrice - baseFee.
    auto finish = std::make_shared<Done<FeeSuggestion>>(std::move(done));
    RpcClient* rpc = m_rpc;
    auto gasPriceThen = [rpc, context, finish](std::function<void(U256)> use) {
        rpc->call(QStringLiteral("eth_gasPrice"), {}, context, [rpc, finish, use](RpcReply price) {
            if (!price.ok()) return (*finish)(price.error());
            auto p = parseQuantity(price.value());
            if (!p)
                return (*finish)(rpc->malformed(QStringLiteral("eth_gasPrice"), QStringLiteral("expected a quantity")));
            use(*p);
        });
    };
    rpc->call(QStringLiteral("eth_getBlockByNumber"), QJsonArray{QStringLiteral("latest"), false}, context,
              [rpc, context, finish, gasPriceThen](RpcReply block) {
                  if (!block.ok()) return (*finish)(block.error());
                  if (!block.value().isObject())
                      return (*finish)(rpc->malformed(QStringLiteral("eth_getBlockByNumber"),
                                                      QStringLiteral("expected a block object")));
                  const QJsonValue baseFeeJson = block.value().toObject().value(QStringLiteral("baseFeePerGas"));
                  if (baseFeeJson.isUndefined() || baseFeeJson.isNull()) {
                      gasPriceThen([finish](U256 gasPrice) {
                          FeeSuggestion f;
                          f.eip1559 = false;
                          f.gasPrice = gasPrice;
                          f.maxFeePerGas = gasPrice;
                          f.maxPriorityFeePerGas = gasPrice;
                          (*finish)(f);
                      });
                      return;
                  }
                  auto baseFee = parseQuantity(baseFeeJson);
                  if (!baseFee)
                      return (*finish)(rpc->malformed(QStringLiteral("eth_getBlockByNumber"),
                                                      QStringLiteral("baseFeePerGas is not a quantity")));
                  const U256 base = *baseFee;
                  auto complete = [finish, base](const U256& priority, const U256& gasPrice) {
                      FeeSuggestion f;
                      f.baseFeePerGas = base;
                      f.maxPriorityFeePerGas = priority;
                      f.gasPrice = gasPrice;
                      auto doubled = checked_mul(base, U256(2));
                      auto cap = doubled ? checked_add(*doubled, priority) : std::nullopt;
                      f.maxFeePerGas = cap ? *cap : std::numeric_limits<U256>::max();
                      (*finish)(f);
                  };
                  rpc->call(QStringLiteral("eth_maxPriorityFeePerGas"), {}, context,
                            [rpc, finish, base, complete, gasPriceThen](RpcReply tip) {
                                if (tip.ok()) {
                                    auto p = parseQuantity(tip.value());
                                    if (!p)
                                        return (*finish)(rpc->malformed(QStringLiteral("eth_maxPriorityFeePerGas"),
                                                                        QStringLiteral("expected a quantity")));
                                    return complete(*p, U256(0));
                                }
                                if (tip.error().kind != RpcError::Kind::RpcErrorObject) return (*finish)(tip.error());
                                gasPriceThen([base, complete](U256 gasPrice) {
                                    complete(gasPrice > base ? U256(gasPrice - base) : U256(0), gasPrice);
                                });
                            });
              });
}

void EthClient::waitForReceipt(const Hash& hash, std::chrono::milliseconds deadline, QObject* context,
                               Done<TransactionReceipt> done, HeadsSubscription* heads,
                               std::chrono::milliseconds pollInterval) {
    // One small QObject per wait owns the timers and connections and deletes itself when done.
    auto* waiter = new QObject(this);
    struct State {
        bool finished = false;
        bool inFlight = false;
        bool again = false;
    };
    auto state = std::make_shared<State>();
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto finish = [waiter, state, guard, hasContext, done = std::move(done)](RpcResult<TransactionReceipt> r) {
        if (state->finished) return;
        state->finished = true;
        waiter->deleteLater();
        if (hasContext && !guard) return;
        done(std::move(r));
    };
    auto check = std::make_shared<std::function<void()>>();
    QPointer<QObject> waiterGuard(waiter);
    *check = [this, hash, waiter, waiterGuard, state, finish, check]() {
        if (state->finished || !waiterGuard) return;
        if (state->inFlight) {
            state->again = true;  // a head arrived while asking: ask once more afterwards
            return;
        }
        state->inFlight = true;
        transactionReceipt(hash, waiter, [state, finish, check](RpcResult<std::optional<TransactionReceipt>> r) {
            state->inFlight = false;
            if (!r.ok()) {
                // A lost reply or a busy node should not end the wait; only the deadline does.
                if (r.error().kind == RpcError::Kind::RpcErrorObject ||
                    r.error().kind == RpcError::Kind::MalformedReply)
                    return finish(r.error());
            } else if (r.value()) {
                return finish(*r.value());
            }
            if (state->again) {
                state->again = false;
                (*check)();
            }
        });
    };

    auto* deadlineTimer = new QTimer(waiter);
    deadlineTimer->setSingleShot(true);
    const QString url = m_rpc->endpoint().toDisplayString();
    const QString hashText = QString::fromStdString(hash.hex());
    const auto seconds = double(deadline.count()) / 1000.0;
    connect(deadlineTimer, &QTimer::timeout, waiter, [finish, url, hashText, seconds] {
        RpcError e;
        e.kind = RpcError::Kind::Timeout;
        e.message =
            QStringLiteral("transaction %1 was sent but no receipt arrived from %2 within %3 s; it may still be mined")
                .arg(hashText, url)
                .arg(seconds);
        finish(e);
    });
    deadlineTimer->start(deadline);
    if (heads) {
        connect(heads, &HeadsSubscription::newHead, waiter, [check](quint64) { (*check)(); });
    }
    // Polling too, even with heads: a head may have come before we subscribed, and some
    // subscriptions drop silently.
    auto* poll = new QTimer(waiter);
    connect(poll, &QTimer::timeout, waiter, [check] { (*check)(); });
    poll->start(heads ? std::max(pollInterval, std::chrono::milliseconds(2000)) : pollInterval);
    QTimer::singleShot(0, waiter, [check] { (*check)(); });
    // The self-referencing std::function is released with the waiter.
    connect(waiter, &QObject::destroyed, [check] { *check = nullptr; });
}

}  // namespace sluice
