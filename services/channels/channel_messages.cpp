// SPDX-License-Identifier: MIT
#include "services/channels/channel_messages.hpp"

#include <limits>
#include <string>

#include "core/eth/address.hpp"

namespace sluice::channelmsg {
namespace {

using namespace sluice::channels;

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

QString quantity(const U256& v) { return QString::fromStdString(u256_to_quantity(v)); }
QString hex(ByteView bytes) { return QString::fromStdString(to_hex(bytes)); }

Error bad(const char* what, const char* must) { return make_error(std::string(what) + " must be " + must); }

Result<QJsonObject> object(const QJsonValue& value, const char* what) {
    if (!value.isObject()) return bad(what, "a JSON object");
    return value.toObject();
}

Result<U256> amount(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    const QString s = v.toString();
    if (!v.isString() || !s.startsWith(QLatin1String("0x")) || s.size() < 3) return bad(key, "a 0x quantity (hex wei)");
    auto parsed = u256_from_hex(s.toStdString());
    if (!parsed) return bad(key, "a 0x quantity below 2^256");
    return *parsed;
}

Result<std::uint64_t> uint64(const QJsonObject& o, const char* key) {
    auto v = amount(o, key);
    if (!v) return v.error();
    if (*v > U256(std::numeric_limits<std::uint64_t>::max())) return bad(key, "below 2^64");
    return v->convert_to<std::uint64_t>();
}

template <std::size_t N>
Result<FixedBytes<N>> fixed(const QJsonValue& v, const char* what) {
    auto parsed = FixedBytes<N>::from_hex(v.toString().toStdString());
    if (!v.isString() || !v.toString().startsWith(QLatin1String("0x")) || !parsed)
        return make_error(std::string(what) + " must be 0x and " + std::to_string(N) + " bytes of hex");
    return *parsed;
}

const char* participantName(Participant p) { return p == Participant::A ? "A" : "B"; }

Result<Participant> participant(const QJsonObject& o, const char* key) {
    const QString s = o.value(QLatin1String(key)).toString();
    if (s == QLatin1String("A")) return Participant::A;
    if (s == QLatin1String("B")) return Participant::B;
    return bad(key, "\"A\" or \"B\"");
}

}  // namespace

QJsonObject toJson(const State& s) {
    return {{QStringLiteral("channelId"), hex(s.channel_id)},
            {QStringLiteral("nonce"), quantity(s.nonce)},
            {QStringLiteral("depositA"), quantity(s.deposit_a)},
            {QStringLiteral("depositB"), quantity(s.deposit_b)},
            {QStringLiteral("balanceA"), quantity(s.balance_a)},
            {QStringLiteral("balanceB"), quantity(s.balance_b)},
            {QStringLiteral("locksRoot"), hex(s.locks_root)},
            {QStringLiteral("lockedAmount"), quantity(s.locked_amount)}};
}

Result<State> stateFromJson(const QJsonValue& value) {
    auto o = object(value, "state");
    if (!o) return o.error();
    State s;
    auto id = fixed<32>(o->value(QStringLiteral("channelId")), "channelId");
    auto nonce = uint64(*o, "nonce");
    auto da = amount(*o, "depositA");
    auto db = amount(*o, "depositB");
    auto ba = amount(*o, "balanceA");
    auto bb = amount(*o, "balanceB");
    auto root = fixed<32>(o->value(QStringLiteral("locksRoot")), "locksRoot");
    auto locked = amount(*o, "lockedAmount");
    for (const Error* e : {id ? nullptr : &id.error(), nonce ? nullptr : &nonce.error(), da ? nullptr : &da.error(),
                           db ? nullptr : &db.error(), ba ? nullptr : &ba.error(), bb ? nullptr : &bb.error(),
                           root ? nullptr : &root.error(), locked ? nullptr : &locked.error()})
        if (e) return make_error("state: " + e->message);
    s.channel_id = *id;
    s.nonce = *nonce;
    s.deposit_a = *da;
    s.deposit_b = *db;
    s.balance_a = *ba;
    s.balance_b = *bb;
    s.locks_root = *root;
    s.locked_amount = *locked;
    return s;
}

QJsonObject toJson(const Lock& l) {
    return {{QStringLiteral("fromB"), l.from_b},
            {QStringLiteral("expiry"), quantity(l.expiry)},
            {QStringLiteral("amount"), quantity(l.amount)},
            {QStringLiteral("secretHash"), hex(l.secret_hash)}};
}

Result<Lock> lockFromJson(const QJsonValue& value) {
    auto o = object(value, "lock");
    if (!o) return o.error();
    if (!o->value(QStringLiteral("fromB")).isBool()) return bad("lock.fromB", "true or false");
    auto expiry = uint64(*o, "expiry");
    if (!expiry) return make_error("lock: " + expiry.message());
    auto amt = amount(*o, "amount");
    if (!amt) return make_error("lock: " + amt.message());
    auto hash = fixed<32>(o->value(QStringLiteral("secretHash")), "lock.secretHash");
    if (!hash) return hash.error();
    return Lock{o->value(QStringLiteral("fromB")).toBool(), *expiry, *amt, *hash};
}

QJsonArray toJson(std::span<const Lock> locks) {
    QJsonArray out;
    for (const Lock& l : locks) out.append(toJson(l));
    return out;
}

Result<std::vector<Lock>> locksFromJson(const QJsonValue& value) {
    if (!value.isArray()) return bad("locks", "an array");
    std::vector<Lock> out;
    for (const QJsonValue& v : value.toArray()) {
        auto l = lockFromJson(v);
        if (!l) return l.error();
        out.push_back(*l);
    }
    return out;
}

QJsonObject toJson(const CooperativeClose& c) {
    return {{QStringLiteral("channelId"), hex(c.channel_id)},
            {QStringLiteral("depositA"), quantity(c.deposit_a)},
            {QStringLiteral("depositB"), quantity(c.deposit_b)},
            {QStringLiteral("balanceA"), quantity(c.balance_a)},
            {QStringLiteral("balanceB"), quantity(c.balance_b)}};
}

Result<CooperativeClose> closeFromJson(const QJsonValue& value) {
    auto o = object(value, "close");
    if (!o) return o.error();
    auto id = fixed<32>(o->value(QStringLiteral("channelId")), "close.channelId");
    if (!id) return id.error();
    CooperativeClose c;
    c.channel_id = *id;
    for (auto [key, field] : {std::pair{"depositA", &c.deposit_a}, std::pair{"depositB", &c.deposit_b},
                              std::pair{"balanceA", &c.balance_a}, std::pair{"balanceB", &c.balance_b}}) {
        auto v = amount(*o, key);
        if (!v) return make_error("close: " + v.message());
        *field = *v;
    }
    return c;
}

QJsonObject toJson(const Update& update) {
    return std::visit(
        Overloaded{
            [](const Pay& p) -> QJsonObject {
                return {{QStringLiteral("kind"), QStringLiteral("pay")},
                        {QStringLiteral("from"), QLatin1String(participantName(p.from))},
                        {QStringLiteral("amount"), quantity(p.amount)}};
            },
            [](const AddLock& a) -> QJsonObject {
                return {{QStringLiteral("kind"), QStringLiteral("lock")}, {QStringLiteral("lock"), toJson(a.lock)}};
            },
            [](const Unlock& u) -> QJsonObject {
                return {{QStringLiteral("kind"), QStringLiteral("unlock")},
                        {QStringLiteral("lock"), toJson(u.lock)},
                        {QStringLiteral("secret"), hex(u.secret)}};
            },
            [](const Expire& e) -> QJsonObject {
                return {{QStringLiteral("kind"), QStringLiteral("expire")}, {QStringLiteral("lock"), toJson(e.lock)}};
            },
            [](const Deposit& d) -> QJsonObject {
                return {{QStringLiteral("kind"), QStringLiteral("deposit")},
                        {QStringLiteral("by"), QLatin1String(participantName(d.by))},
                        {QStringLiteral("amount"), quantity(d.amount)}};
            }},
        update);
}

Result<Update> updateFromJson(const QJsonValue& value) {
    auto o = object(value, "update");
    if (!o) return o.error();
    const QString kind = o->value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("pay") || kind == QLatin1String("deposit")) {
        auto who = participant(*o, kind == QLatin1String("pay") ? "from" : "by");
        if (!who) return make_error("update: " + who.message());
        auto amt = amount(*o, "amount");
        if (!amt) return make_error("update: " + amt.message());
        if (kind == QLatin1String("pay")) return Update{Pay{*who, *amt}};
        return Update{Deposit{*who, *amt}};
    }
    if (kind == QLatin1String("lock") || kind == QLatin1String("unlock") || kind == QLatin1String("expire")) {
        auto lock = lockFromJson(o->value(QStringLiteral("lock")));
        if (!lock) return make_error("update: " + lock.message());
        if (kind == QLatin1String("lock")) return Update{AddLock{*lock}};
        if (kind == QLatin1String("expire")) return Update{Expire{*lock}};
        auto secret = fixed<32>(o->value(QStringLiteral("secret")), "update.secret");
        if (!secret) return secret.error();
        return Update{Unlock{*lock, *secret}};
    }
    return bad("update.kind", "pay, lock, unlock, expire or deposit");
}

QString toJson(const Signature& signature) { return hex(signature); }

Result<Signature> signatureFromJson(const QJsonValue& value) { return fixed<65>(value, "signature"); }

Result<Hash> hashFromJson(const QJsonValue& value, const char* what) { return fixed<32>(value, what); }

QJsonObject toJson(const Proposal& p) {
    return {{QStringLiteral("update"), toJson(p.update)},
            {QStringLiteral("state"), toJson(p.state)},
            {QStringLiteral("signature"), toJson(p.signature)}};
}

Result<Proposal> proposalFromJson(const QJsonValue& value) {
    auto o = object(value, "proposal");
    if (!o) return o.error();
    auto update = updateFromJson(o->value(QStringLiteral("update")));
    if (!update) return update.error();
    auto state = stateFromJson(o->value(QStringLiteral("state")));
    if (!state) return state.error();
    auto sig = signatureFromJson(o->value(QStringLiteral("signature")));
    if (!sig) return sig.error();
    return Proposal{*update, *state, *sig};
}

QJsonObject toJson(const CosignedState& c) {
    return {{QStringLiteral("state"), toJson(c.state)},
            {QStringLiteral("sigA"), toJson(c.sigA)},
            {QStringLiteral("sigB"), toJson(c.sigB)}};
}

Result<CosignedState> cosignedFromJson(const QJsonValue& value) {
    auto o = object(value, "signed state");
    if (!o) return o.error();
    auto state = stateFromJson(o->value(QStringLiteral("state")));
    if (!state) return state.error();
    auto a = fixed<65>(o->value(QStringLiteral("sigA")), "sigA");
    if (!a) return a.error();
    auto b = fixed<65>(o->value(QStringLiteral("sigB")), "sigB");
    if (!b) return b.error();
    return CosignedState{*state, *a, *b};
}

}  // namespace sluice::channelmsg
