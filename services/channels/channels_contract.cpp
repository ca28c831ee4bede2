// SPDX-License-Identifier: MIT
#include "services/channels/channels_contract.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

#include "contracts/artifacts.hpp"
#include "core/crypto/keccak.hpp"
#include "core/eth/abi.hpp"
#include "core/eth/address.hpp"

namespace sluice {
namespace {

using channels::ChannelId;
using Kind = ChannelEvent::Kind;

// The contract's struct types as they appear in signatures (Channels.sol §3 of the spec).
constexpr const char* kStateTuple = "(bytes32,uint64,uint256,uint256,uint256,uint256,bytes32,uint256)";
constexpr const char* kCooperativeCloseTuple = "(bytes32,uint256,uint256,uint256,uint256)";
constexpr const char* kLockTuple = "(bool,uint64,uint256,bytes32)";

QString q(const std::string& s) { return QString::fromStdString(s); }
Bytes wordBytes(const Hash& h) { return Bytes(h.begin(), h.end()); }
Hash asHash(const AbiValue& v) { return *Hash::from_view(std::get<Bytes>(v.value)); }
const U256& asUint(const AbiValue& v) { return std::get<U256>(v.value); }
std::uint64_t asUint64(const AbiValue& v) { return static_cast<std::uint64_t>(asUint(v)); }  // uint64 by type

// selector(signature) ‖ the arguments. Every struct the contract takes is static, and the ABI lays
// a static tuple out exactly as its fields written out one after the other; so the signature keeps
// the tuples (they make the selector) and the arguments are encoded with the parentheses dropped
// (core/eth's encoder has no tuple type). Values fit their types by construction.
Bytes encodeCall(const std::string& signature, const std::vector<AbiValue>& values) {
    const auto open = signature.find('(');
    std::string flat = signature.substr(open + 1, signature.size() - open - 2);
    std::erase_if(flat, [](char c) { return c == '(' || c == ')'; });
    auto body = abi_encode(*parse_abi_types(flat), values);
    if (!body) qFatal("encoding %s: %s", signature.c_str(), body.message().c_str());
    Bytes out;
    append(out, function_selector(signature));
    append(out, *body);
    return out;
}

std::vector<AbiValue> stateValues(const channels::State& s) {
    return {wordBytes(s.channel_id), U256(s.nonce),  s.deposit_a, s.deposit_b, s.balance_a, s.balance_b,
            wordBytes(s.locks_root), s.locked_amount};
}

Bytes stateCall(const char* function, const channels::State& s, ByteView sigA, ByteView sigB) {
    auto values = stateValues(s);
    values.insert(values.end(), {Bytes(sigA.begin(), sigA.end()), Bytes(sigB.begin(), sigB.end())});
    return encodeCall(std::string(function) + "(" + kStateTuple + ",bytes,bytes)", values);
}

Bytes lockCall(const char* function, const ChannelId& id, const channels::Lock& lock, const U256& index,
               const std::vector<Hash>& proof) {
    std::vector<AbiValue> siblings;
    for (const auto& h : proof) siblings.emplace_back(wordBytes(h));
    return encodeCall(std::string(function) + "(bytes32," + kLockTuple + ",uint256,bytes32[])",
                      {wordBytes(id), lock.from_b, U256(lock.expiry), lock.amount, wordBytes(lock.secret_hash), index,
                       std::move(siblings)});
}

// ---- events ----

// An event of §8 a client acts on: its Solidity signature (for topic0), how many of its parameters
// are indexed (each one topic after topic0, in order), and the types of the others (the data).
struct EventShape {
    Kind kind;
    const char* signature;
    std::size_t indexed;
    const char* dataTypes;
};

constexpr EventShape kEvents[] = {
    {Kind::Opened, "ChannelOpened(bytes32,address,address,uint256,uint256,uint256)", 3, "uint256,uint256,uint256"},
    {Kind::Deposited, "Deposited(bytes32,address,uint256,uint256)", 2, "uint256,uint256"},
    {Kind::ClosedCooperatively, "ClosedCooperatively(bytes32,uint256,uint256)", 1, "uint256,uint256"},
    {Kind::CloseStarted, "CloseStarted(bytes32,address,uint64,uint256,uint256,uint256,bytes32,uint64)", 2,
     "uint64,uint256,uint256,uint256,bytes32,uint64"},
    {Kind::Disputed, "Disputed(bytes32,address,uint64,uint256,uint256,uint256,bytes32)", 2,
     "uint64,uint256,uint256,uint256,bytes32"},
    {Kind::Settled, "Settled(bytes32,uint256,uint256,uint256)", 1, "uint256,uint256,uint256"},
    {Kind::SecretRegistered, "SecretRegistered(bytes32,bytes32)", 1, "bytes32"},
    {Kind::Unlocked, "Unlocked(bytes32,uint256,address,uint256,bytes32)", 3, "uint256,bytes32"},
    {Kind::LockExpired, "LockExpired(bytes32,uint256,address,uint256,bytes32)", 3, "uint256,bytes32"},
};

Hash topicOf(const EventShape& shape) { return keccak256(as_bytes(shape.signature)); }

std::optional<Hash> hashField(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString()) return std::nullopt;
    return Hash::from_hex(v.toString().toStdString());
}

// An indexed address: a topic whose first 12 bytes are zero.
std::optional<Address> topicAddress(const Hash& topic) {
    if (!std::all_of(topic.begin(), topic.begin() + 12, [](std::uint8_t b) { return b == 0; })) return std::nullopt;
    return Address::from_view(ByteView(topic).subspan(12));
}

// ---- custom errors ----

// One error of the contract's ABI: its name, its parameters' names and ABI types, and whether a
// parameter is the Status enum (shown by name).
struct ErrorShape {
    std::string name;
    std::vector<std::string> paramNames;
    std::vector<AbiType> types;
    std::vector<bool> isStatus;
};

void addError(std::map<FixedBytes<4>, ErrorShape>& errors, ErrorShape shape) {
    std::string types;
    for (const auto& t : shape.types) types += (types.empty() ? "" : ",") + t.canonical();
    errors.emplace(function_selector(shape.name + "(" + types + ")"), std::move(shape));
}

// Every error of the embedded Channels ABI by selector, read from the ABI itself so that the list
// cannot drift from the contract; plus Solidity's own Error(string) and Panic(uint256).
const std::map<FixedBytes<4>, ErrorShape>& knownErrors() {
    static const auto errors = [] {
        std::map<FixedBytes<4>, ErrorShape> out;
        const std::string_view abi = contracts::channels_abi();
        const QJsonArray entries =
            QJsonDocument::fromJson(QByteArray(abi.data(), static_cast<qsizetype>(abi.size()))).array();
        for (const auto& entry : entries) {
            const QJsonObject e = entry.toObject();
            if (e.value(QStringLiteral("type")).toString() != QLatin1String("error")) continue;
            ErrorShape shape;
            shape.name = e.value(QStringLiteral("name")).toString().toStdString();
            for (const auto& input : e.value(QStringLiteral("inputs")).toArray()) {
                const QJsonObject i = input.toObject();
                shape.paramNames.push_back(i.value(QStringLiteral("name")).toString().toStdString());
                shape.types.push_back(*parse_abi_type(i.value(QStringLiteral("type")).toString().toStdString()));
                shape.isStatus.push_back(i.value(QStringLiteral("internalType")).toString() ==
                                         QLatin1String("enum Channels.Status"));
            }
            addError(out, std::move(shape));
        }
        addError(out, {"Error", {""}, {*parse_abi_type("string")}, {false}});
        addError(out, {"Panic", {"code"}, {*parse_abi_type("uint256")}, {false}});
        return out;
    }();
    return errors;
}

QString statusName(const U256& v) {
    static const char* const kNames[] = {"None", "Open", "Closing", "Settled"};
    return v < U256(4) ? QLatin1String(kNames[static_cast<int>(v)]) : q(u256_to_dec(v));
}

QString formatValue(const AbiValue& value, const AbiType& type, bool isStatus) {
    if (isStatus) return statusName(asUint(value));
    switch (type.kind) {
    case AbiType::Kind::address: return q(to_checksum_address(std::get<Address>(value.value)));
    case AbiType::Kind::bool_: return std::get<bool>(value.value) ? QStringLiteral("true") : QStringLiteral("false");
    case AbiType::Kind::string: return QLatin1Char('"') + q(std::get<std::string>(value.value)) + QLatin1Char('"');
    case AbiType::Kind::fixed_bytes:
    case AbiType::Kind::bytes: return q(to_hex(std::get<Bytes>(value.value)));
    default: return q(u256_to_dec(asUint(value)));
    }
}

std::optional<Bytes> revertData(const QJsonValue& errorData) {
    // Nodes put the revert data in the error's `data` as hex, or (some) in an object under "data".
    const QJsonValue v = errorData.isObject() ? errorData.toObject().value(QStringLiteral("data")) : errorData;
    if (!v.isString()) return std::nullopt;
    return from_hex(v.toString().toStdString());
}

// ---- views ----

std::optional<Bytes> hexData(const QJsonValue& value) {
    if (!value.isString() || !value.toString().startsWith(QLatin1String("0x"))) return std::nullopt;
    return from_hex(value.toString().toStdString());
}

bool sameAddress(const QJsonValue& value, const Address& address) {
    auto a = Address::from_hex(value.toString().toStdString());
    return a && *a == address;
}

}  // namespace

namespace channelsabi {

Bytes openCalldata(const Address& a, const Address& b, const U256& depositA, const U256& depositB) {
    return encodeCall("open(address,address,uint256,uint256)", {a, b, depositA, depositB});
}

Bytes depositCalldata(const ChannelId& id) { return encodeCall("deposit(bytes32)", {wordBytes(id)}); }

Bytes cooperativeCloseCalldata(const channels::CooperativeClose& c, ByteView sigA, ByteView sigB) {
    return encodeCall(std::string("cooperativeClose(") + kCooperativeCloseTuple + ",bytes,bytes)",
                      {wordBytes(c.channel_id), c.deposit_a, c.deposit_b, c.balance_a, c.balance_b,
                       Bytes(sigA.begin(), sigA.end()), Bytes(sigB.begin(), sigB.end())});
}

Bytes closeCalldata(const channels::State& s, ByteView sigA, ByteView sigB) {
    return stateCall("close", s, sigA, sigB);
}

Bytes closeInitialCalldata(const ChannelId& id) { return encodeCall("closeInitial(bytes32)", {wordBytes(id)}); }

Bytes disputeCalldata(const channels::State& s, ByteView sigA, ByteView sigB) {
    return stateCall("dispute", s, sigA, sigB);
}

Bytes settleCalldata(const ChannelId& id) { return encodeCall("settle(bytes32)", {wordBytes(id)}); }

Bytes registerSecretCalldata(const Hash& secret) { return encodeCall("registerSecret(bytes32)", {wordBytes(secret)}); }

Bytes unlockCalldata(const ChannelId& id, const channels::Lock& lock, const U256& index,
                     const std::vector<Hash>& proof) {
    return lockCall("unlock", id, lock, index, proof);
}

Bytes claimExpiredCalldata(const ChannelId& id, const channels::Lock& lock, const U256& index,
                           const std::vector<Hash>& proof) {
    return lockCall("claimExpired", id, lock, index, proof);
}

Bytes withdrawCalldata(const Address& to) { return encodeCall("withdraw(address)", {to}); }

Bytes deploymentData(ByteView creationCode, std::uint64_t disputePeriod) {
    Bytes out(creationCode.begin(), creationCode.end());
    append(out, u256_to_be32(U256(disputePeriod)));
    return out;
}

const Hash& channelOpenedTopic() {
    static const Hash topic = topicOf(kEvents[0]);
    return topic;
}

Result<std::optional<ChannelEvent>> decodeLog(const QJsonObject& log) {
    std::vector<Hash> topics;
    for (const auto& t : log.value(QStringLiteral("topics")).toArray()) {
        auto h = Hash::from_hex(t.toString().toStdString());
        if (!h) return make_error("a log topic is not 32 bytes of hex");
        topics.push_back(*h);
    }
    if (topics.empty()) return std::optional<ChannelEvent>{};
    const auto shape = std::find_if(std::begin(kEvents), std::end(kEvents),
                                    [&](const EventShape& e) { return topicOf(e) == topics[0]; });
    if (shape == std::end(kEvents)) return std::optional<ChannelEvent>{};

    const std::string name = std::string(shape->signature).substr(0, std::string(shape->signature).find('('));
    auto malformed = [&](const std::string& why) { return make_error("a " + name + " log " + why); };
    auto block = EthClient::parseQuantity64(log.value(QStringLiteral("blockNumber")));
    auto logIndex = EthClient::parseQuantity64(log.value(QStringLiteral("logIndex")));
    auto txHash = hashField(log, "transactionHash");
    if (!block || !logIndex || !txHash) return malformed("lacks its block number, log index or transaction hash");
    if (topics.size() != 1 + shape->indexed)
        return malformed("has " + std::to_string(topics.size()) + " topics, not " + std::to_string(1 + shape->indexed));
    auto data = hexData(log.value(QStringLiteral("data")));
    if (!data) return malformed("has no hex data");
    auto values = abi_decode(*parse_abi_types(shape->dataTypes), *data);
    if (!values) return malformed("has data that does not decode: " + values.message());
    // Static types only: the data must be exactly their words (abi_decode accepts trailing bytes).
    if (data->size() != values->size() * 32)
        return malformed("has " + std::to_string(data->size()) + " data bytes, not " +
                         std::to_string(values->size() * 32));
    const auto& d = *values;

    ChannelEvent e;
    e.kind = shape->kind;
    e.blockNumber = *block;
    e.logIndex = *logIndex;
    e.transactionHash = *txHash;
    if (e.kind != Kind::SecretRegistered) e.channelId = topics[1];
    // The indexed addresses: topic 2 for most, topic 3 for Unlocked / LockExpired (after the index).
    auto address = [&](std::size_t topic) -> Result<Address> {
        auto a = topicAddress(topics[topic]);
        if (!a) return malformed("has an address topic with non-zero padding");
        return *a;
    };
    switch (e.kind) {
    case Kind::Opened: {
        auto a = address(2);
        if (!a) return a.error();
        auto b = address(3);
        if (!b) return b.error();
        e.a = *a;
        e.b = *b;
        e.index = asUint(d[0]);
        e.depositA = asUint(d[1]);
        e.depositB = asUint(d[2]);
        break;
    }
    case Kind::Deposited: {
        auto p = address(2);
        if (!p) return p.error();
        e.participant = *p;
        e.amount = asUint(d[0]);
        e.total = asUint(d[1]);
        break;
    }
    case Kind::ClosedCooperatively:
        e.payA = asUint(d[0]);
        e.payB = asUint(d[1]);
        break;
    case Kind::CloseStarted:
    case Kind::Disputed: {
        auto p = address(2);
        if (!p) return p.error();
        e.participant = *p;
        e.nonce = asUint64(d[0]);
        e.payA = asUint(d[1]);
        e.payB = asUint(d[2]);
        e.locked = asUint(d[3]);
        e.locksRoot = asHash(d[4]);
        if (e.kind == Kind::CloseStarted) e.disputeEndsAt = asUint64(d[5]);
        break;
    }
    case Kind::Settled:
        e.payA = asUint(d[0]);
        e.payB = asUint(d[1]);
        e.locked = asUint(d[2]);
        break;
    case Kind::SecretRegistered:
        e.secretHash = topics[1];
        e.secret = asHash(d[0]);
        break;
    case Kind::Unlocked:
    case Kind::LockExpired: {
        auto p = address(3);
        if (!p) return p.error();
        e.index = *u256_from_be(topics[2]);
        e.participant = *p;
        e.amount = asUint(d[0]);
        e.secretHash = asHash(d[1]);
        break;
    }
    }
    return std::optional<ChannelEvent>(e);
}

}  // namespace channelsabi

QString channelsRevertReason(const QJsonValue& errorData) {
    auto data = revertData(errorData);
    if (!data) return QStringLiteral("the node gave no revert data");
    if (data->empty()) return QStringLiteral("reverted without a reason");
    const auto selector = FixedBytes<4>::from_view(ByteView(*data).first(std::min<std::size_t>(4, data->size())));
    const auto& errors = knownErrors();
    const auto known = selector ? errors.find(*selector) : errors.end();
    if (known == errors.end()) return QStringLiteral("unknown error %1").arg(q(to_hex(*data)));
    const ErrorShape& shape = known->second;
    auto values = abi_decode(shape.types, ByteView(*data).subspan(4));
    if (!values)
        return QStringLiteral("%1 with arguments that do not decode (%2)").arg(q(shape.name), q(to_hex(*data)));
    QStringList args;
    for (std::size_t i = 0; i < values->size(); ++i) {
        const QString value = formatValue((*values)[i], shape.types[i], shape.isStatus[i]);
        args << (shape.paramNames[i].empty() ? value : q(shape.paramNames[i]) + QLatin1Char(' ') + value);
    }
    return QStringLiteral("%1(%2)").arg(q(shape.name), args.join(QStringLiteral(", ")));
}

ChannelsContract::ChannelsContract(EthClient* l1, const Address& contract, QObject* parent)
    : QObject(parent), m_l1(l1), m_contract(contract) {}

void ChannelsContract::call(const Bytes& data, QObject* context, Done<Bytes> done) {
    m_l1->call(CallRequest{std::nullopt, m_contract, 0, data}, context, std::move(done));
}

namespace {

// A view's return data decoded strictly as `types` (exactly their words: every view here returns
// static types only); `what` names the view in the error.
template <typename T, typename Convert>
void viewCall(ChannelsContract* contract, const Bytes& data, const char* types, const char* what, QObject* context,
              ChannelsContract::Done<T> done, Convert convert) {
    RpcClient* rpc = contract->l1()->rpc();
    contract->call(data, context, [=, done = std::move(done)](RpcResult<Bytes> reply) {
        if (!reply.ok()) return done(reply.error());
        const auto parsed = *parse_abi_types(types);
        auto values = abi_decode(parsed, reply.value());
        if (!values || reply.value().size() != parsed.size() * 32)
            return done(rpc->malformed(QStringLiteral("eth_call %1").arg(QLatin1String(what)),
                                       QStringLiteral("the return data is not (%1)").arg(QLatin1String(types))));
        done(convert(*values));
    });
}

}  // namespace

void ChannelsContract::disputePeriod(QObject* context, Done<std::uint64_t> done) {
    // uint256 on chain; the constructor keeps it below 2^32.
    viewCall<std::uint64_t>(this, encodeCall("disputePeriod()", {}), "uint64", "disputePeriod()", context,
                            std::move(done), [](const auto& v) { return asUint64(v[0]); });
}

void ChannelsContract::channelCount(QObject* context, Done<U256> done) {
    viewCall<U256>(this, encodeCall("channelCount()", {}), "uint256", "channelCount()", context, std::move(done),
                   [](const auto& v) { return asUint(v[0]); });
}

void ChannelsContract::secretRegisteredAt(const Hash& secretHash, QObject* context, Done<std::uint64_t> done) {
    // A block timestamp: uint256 in storage, always below 2^64.
    viewCall<std::uint64_t>(this, encodeCall("secretRegisteredAt(bytes32)", {wordBytes(secretHash)}), "uint64",
                            "secretRegisteredAt(bytes32)", context, std::move(done),
                            [](const auto& v) { return asUint64(v[0]); });
}

void ChannelsContract::withdrawable(const Address& account, QObject* context, Done<U256> done) {
    viewCall<U256>(this, encodeCall("withdrawable(address)", {account}), "uint256", "withdrawable(address)", context,
                   std::move(done), [](const auto& v) { return asUint(v[0]); });
}

void ChannelsContract::channel(const ChannelId& id, QObject* context, Done<OnChainChannel> done) {
    // ChannelInfo (§5.6); its Status is a uint8 with values 0..3 (an enum's ABI type).
    viewCall<OnChainChannel>(
        this, encodeCall("channel(bytes32)", {wordBytes(id)}),
        "uint8,address,address,uint256,uint256,uint64,uint64,uint256,uint256,uint256,bytes32", "channel(bytes32)",
        context,
        [done = std::move(done), rpc = m_l1->rpc()](RpcResult<OnChainChannel> r) {
            if (r.ok() && static_cast<int>(r.value().status) > static_cast<int>(channels::ChannelStatus::Settled))
                return done(rpc->malformed(QStringLiteral("eth_call channel(bytes32)"),
                                           QStringLiteral("the status is not one of None, Open, Closing, Settled")));
            done(std::move(r));
        },
        [](const auto& v) {
            OnChainChannel c;
            c.status = static_cast<channels::ChannelStatus>(static_cast<int>(asUint(v[0])));
            c.a = std::get<Address>(v[1].value);
            c.b = std::get<Address>(v[2].value);
            c.depositA = asUint(v[3]);
            c.depositB = asUint(v[4]);
            c.nonce = asUint64(v[5]);
            c.disputeEndsAt = asUint64(v[6]);
            c.payA = asUint(v[7]);
            c.payB = asUint(v[8]);
            c.locked = asUint(v[9]);
            c.locksRoot = asHash(v[10]);
            return c;
        });
}

void ChannelsContract::latestBlockTime(QObject* context, Done<std::uint64_t> done) {
    m_l1->latestBlockTime(context, [done = std::move(done)](RpcResult<quint64> t) {
        if (!t) return done(t.error());
        done(std::uint64_t(t.value()));
    });
}

void ChannelsContract::events(std::uint64_t fromBlock, std::uint64_t toBlock, QObject* context,
                              Done<std::vector<ChannelEvent>> done) {
    const QJsonObject filter{{QStringLiteral("address"), q(m_contract.hex())},
                             {QStringLiteral("fromBlock"), EthClient::toQuantity(U256(fromBlock))},
                             {QStringLiteral("toBlock"), EthClient::toQuantity(U256(toBlock))}};
    RpcClient* rpc = m_l1->rpc();
    rpc->call(QStringLiteral("eth_getLogs"), QJsonArray{filter}, context,
              [rpc, contract = m_contract, done = std::move(done)](RpcReply reply) {
                  if (!reply.ok()) return done(reply.error());
                  if (!reply.value().isArray())
                      return done(rpc->malformed(QStringLiteral("eth_getLogs"), QStringLiteral("expected an array")));
                  std::vector<ChannelEvent> out;
                  for (const auto& entry : reply.value().toArray()) {
                      const QJsonObject log = entry.toObject();
                      if (!sameAddress(log.value(QStringLiteral("address")), contract))
                          return done(rpc->malformed(QStringLiteral("eth_getLogs"),
                                                     QStringLiteral("a log of another address than the filter's")));
                      auto event = channelsabi::decodeLog(log);
                      if (!event) return done(rpc->malformed(QStringLiteral("eth_getLogs"), q(event.message())));
                      if (*event) out.push_back(**event);
                  }
                  std::stable_sort(out.begin(), out.end(), [](const ChannelEvent& x, const ChannelEvent& y) {
                      return std::pair(x.blockNumber, x.logIndex) < std::pair(y.blockNumber, y.logIndex);
                  });
                  done(std::move(out));
              });
}

void ChannelsContract::openedChannelId(const Hash& openTxHash, QObject* context, Done<ChannelId> done) {
    RpcClient* rpc = m_l1->rpc();
    const QString method = QStringLiteral("eth_getTransactionReceipt");
    rpc->call(method, QJsonArray{q(openTxHash.hex())}, context,
              [rpc, method, tx = q(openTxHash.hex()), contract = m_contract, done = std::move(done)](RpcReply reply) {
                  if (!reply.ok()) return done(reply.error());
                  // Not the node's fault, but no id either: the error says what happened to the transaction.
                  auto refuse = [&](const QString& why) {
                      RpcError e;
                      e.kind = RpcError::Kind::MalformedReply;
                      e.message = QStringLiteral("no channel was opened by %1: %2").arg(tx, why);
                      done(e);
                  };
                  if (!reply.value().isObject()) return refuse(QStringLiteral("it is not mined (yet)"));
                  const QJsonObject receipt = reply.value().toObject();
                  if (receipt.value(QStringLiteral("status")).toString() != QLatin1String("0x1"))
                      return refuse(QStringLiteral("it reverted"));
                  for (const auto& entry : receipt.value(QStringLiteral("logs")).toArray()) {
                      const QJsonObject log = entry.toObject();
                      if (!sameAddress(log.value(QStringLiteral("address")), contract)) continue;
                      auto event = channelsabi::decodeLog(log);
                      if (!event) return done(rpc->malformed(method, q(event.message())));
                      if (*event && (*event)->kind == Kind::Opened) return done((*event)->channelId);
                  }
                  refuse(QStringLiteral("its receipt has no ChannelOpened event of the Channels contract at %1")
                             .arg(q(to_checksum_address(contract))));
              });
}

}  // namespace sluice
