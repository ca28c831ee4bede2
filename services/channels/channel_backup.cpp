// SPDX-License-Identifier: MIT
#include "services/channels/channel_backup.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <optional>
#include <set>

#include "core/common/secure.hpp"
#include "core/eth/address.hpp"

namespace sluice {

using namespace sluice::channels;

namespace {

constexpr const char* kKind = "sluice-channel-backup";
constexpr int kVersion = 1;

QString q(const std::string& s) { return QString::fromStdString(s); }
QString quantity(const U256& v) { return q(u256_to_quantity(v)); }
std::optional<U256> parseQuantity(const QJsonValue& v) {
    const QString s = v.toString();
    if (!s.startsWith(QLatin1String("0x"))) return std::nullopt;
    return u256_from_hex(s.toStdString());
}
std::optional<std::uint64_t> parseQuantity64(const QJsonValue& v) {
    auto n = parseQuantity(v);
    if (!n || *n > U256(std::numeric_limits<std::uint64_t>::max())) return std::nullopt;
    return n->convert_to<std::uint64_t>();
}

QJsonObject signedJson(const SignedByMe& s) {
    QJsonObject o{{QStringLiteral("state"), channelmsg::toJson(s.state)},
                  {QStringLiteral("locks"), channelmsg::toJson(std::span<const Lock>(s.locks))},
                  {QStringLiteral("update"), channelmsg::toJson(s.update)},
                  {QStringLiteral("signature"), channelmsg::toJson(s.signature)}};
    if (s.counterSignature) o.insert(QStringLiteral("counterSignature"), channelmsg::toJson(*s.counterSignature));
    return o;
}

Result<SignedByMe> signedFromJson(const QJsonObject& o) {
    auto state = channelmsg::stateFromJson(o.value(QStringLiteral("state")));
    auto locks = channelmsg::locksFromJson(o.value(QStringLiteral("locks")));
    auto update = channelmsg::updateFromJson(o.value(QStringLiteral("update")));
    auto sig = channelmsg::signatureFromJson(o.value(QStringLiteral("signature")));
    if (!state || !locks || !update || !sig) return make_error("a signed state in the backup is damaged");
    SignedByMe s{*state, *locks, *update, *sig, std::nullopt};
    if (o.contains(QStringLiteral("counterSignature"))) {
        auto counter = channelmsg::signatureFromJson(o.value(QStringLiteral("counterSignature")));
        if (!counter) return make_error("a counter-signature in the backup is damaged");
        s.counterSignature = *counter;
    }
    return s;
}

Result<QJsonObject> channelJson(ChannelStore& store, const StoredChannel& c, std::set<Hash>& lockHashes) {
    QJsonArray signedStates;
    for (std::uint64_t n = 1; n <= c.highestSigned; ++n) {
        auto s = store.signedState(c.channel.id, n);
        if (!s) return s.error();
        if (!*s) continue;  // a nonce skipped (a refused proposal's retry went above it)
        for (const Lock& l : (*s)->locks) lockHashes.insert(l.secret_hash);
        signedStates.append(signedJson(**s));
    }
    QJsonObject o{{QStringLiteral("chainId"), quantity(c.channel.domain.chain_id)},
                  {QStringLiteral("contract"), q(to_checksum_address(c.channel.domain.verifying_contract))},
                  {QStringLiteral("id"), q(c.channel.id.hex())},
                  {QStringLiteral("a"), q(to_checksum_address(c.channel.a))},
                  {QStringLiteral("b"), q(to_checksum_address(c.channel.b))},
                  {QStringLiteral("me"), c.me == Participant::A ? QStringLiteral("A") : QStringLiteral("B")},
                  {QStringLiteral("counterpartyUrl"), c.counterpartyUrl},
                  {QStringLiteral("status"), int(c.onChain.status)},
                  {QStringLiteral("depositA"), quantity(c.onChain.depositA)},
                  {QStringLiteral("depositB"), quantity(c.onChain.depositB)},
                  {QStringLiteral("latest"), channelmsg::toJson(c.latest)},
                  {QStringLiteral("latestLocks"), channelmsg::toJson(std::span<const Lock>(c.latestLocks))},
                  {QStringLiteral("highestSigned"), quantity(c.highestSigned)},
                  {QStringLiteral("cooperativeCloseSigned"), c.cooperativeCloseSigned},
                  {QStringLiteral("signed"), signedStates}};
    if (c.sigA) o.insert(QStringLiteral("sigA"), channelmsg::toJson(*c.sigA));
    if (c.sigB) o.insert(QStringLiteral("sigB"), channelmsg::toJson(*c.sigB));
    return o;
}

Result<StoredChannel> channelFromJson(const QJsonObject& o) {
    StoredChannel c;
    auto chain = parseQuantity(o.value(QStringLiteral("chainId")));
    auto contract = parse_address(o.value(QStringLiteral("contract")).toString().toStdString());
    auto id = channelmsg::hashFromJson(o.value(QStringLiteral("id")), "id");
    auto a = parse_address(o.value(QStringLiteral("a")).toString().toStdString());
    auto b = parse_address(o.value(QStringLiteral("b")).toString().toStdString());
    const QString me = o.value(QStringLiteral("me")).toString();
    const int status = o.value(QStringLiteral("status")).toInt(-1);
    auto da = parseQuantity(o.value(QStringLiteral("depositA")));
    auto db = parseQuantity(o.value(QStringLiteral("depositB")));
    auto latest = channelmsg::stateFromJson(o.value(QStringLiteral("latest")));
    auto locks = channelmsg::locksFromJson(o.value(QStringLiteral("latestLocks")));
    auto highest = parseQuantity64(o.value(QStringLiteral("highestSigned")));
    if (!chain || !contract || !id || !a || !b || (me != QLatin1String("A") && me != QLatin1String("B")) ||
        status < 0 || status > 3 || !da || !db || !latest || !locks || !highest)
        return make_error("a channel in the backup is damaged");
    // (The id binds the channel's index too, which the backup does not carry: the signatures
    // below are what tie its states to this channel and these participants.)
    c.channel = Channel{Domain{*chain, *contract}, *id, *a, *b};
    c.me = me == QLatin1String("A") ? Participant::A : Participant::B;
    c.counterpartyUrl = o.value(QStringLiteral("counterpartyUrl")).toString();
    c.onChain = ChannelOnChain{ChannelStatus(status), *da, *db, 0, 0};
    c.latest = *latest;
    c.latestLocks = *locks;
    for (auto [key, out] : {std::pair{"sigA", &c.sigA}, std::pair{"sigB", &c.sigB}})
        if (o.contains(QLatin1String(key))) {
            auto sig = channelmsg::signatureFromJson(o.value(QLatin1String(key)));
            if (!sig) return make_error("a signature in the backup is damaged");
            *out = *sig;
        }
    c.highestSigned = *highest;
    c.cooperativeCloseSigned = o.value(QStringLiteral("cooperativeCloseSigned")).toBool();
    // A state is only adopted with both signatures valid for this channel's participants.
    if (c.latest.nonce > 0 && (!c.sigA || !c.sigB || !verify_cosigned(c.channel, c.latest, *c.sigA, *c.sigB).ok()))
        return make_error("the backup's latest state of channel " + id->hex() + " is not signed by both participants");
    return c;
}

}  // namespace

Result<std::string> exportChannelBackup(ChannelStore& store, const Address& account, std::string_view password,
                                        const KdfParams& kdf) {
    auto all = store.channels();
    if (!all) return all.error();
    QJsonArray channelsJson;
    std::set<Hash> lockHashes;
    for (const StoredChannel& c : *all) {
        if (c.myAddress() != account) continue;
        auto o = channelJson(store, c, lockHashes);
        if (!o) return o.error();
        channelsJson.append(*o);
    }
    QJsonArray secrets;
    for (const Hash& h : lockHashes) {
        auto secret = store.secret(h);
        if (!secret) return secret.error();
        if (*secret) secrets.append(q((*secret)->hex()));
    }
    QByteArray plain =
        QJsonDocument(QJsonObject{{QStringLiteral("channels"), channelsJson}, {QStringLiteral("secrets"), secrets}})
            .toJson(QJsonDocument::Compact);
    auto crypto =
        encrypt_secret(ByteView(reinterpret_cast<const std::uint8_t*>(plain.constData()), plain.size()), password, kdf);
    secure_wipe(plain.data(), std::size_t(plain.size()));
    if (!crypto) return crypto.error();
    nlohmann::json out{{"kind", kKind},
                       {"version", kVersion},
                       {"account", to_checksum_address(account)},
                       {"channels", channelsJson.size()},
                       {"crypto", *crypto}};
    return out.dump(2);
}

Result<std::vector<ChannelId>> importChannelBackup(ChannelStore& store, const Address& account, std::string_view backup,
                                                   std::string_view password) {
    const auto doc = nlohmann::json::parse(backup, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("kind", "") != kKind)
        return make_error("not a Sluice channel backup");
    if (doc.value("version", 0) != kVersion)
        return make_error("a channel backup of version " + std::to_string(doc.value("version", 0)) +
                          ", which this Sluice does not read");
    auto owner = parse_address(doc.value("account", ""));
    if (!owner) return make_error("the backup's account is damaged");
    if (*owner != account)
        return make_error("the backup holds the channels of " + to_checksum_address(*owner) + ", not of " +
                          to_checksum_address(account));
    if (!doc.contains("crypto")) return make_error("the backup has no encrypted payload");
    auto plain = decrypt_secret(doc["crypto"], password);
    if (!plain) return plain.error();
    QByteArray bytes(reinterpret_cast<const char*>(plain->data()), qsizetype(plain->size()));
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    secure_wipe(bytes.data(), std::size_t(bytes.size()));
    std::vector<ChannelId> added;
    for (const QJsonValue& v : o.value(QStringLiteral("channels")).toArray()) {
        auto c = channelFromJson(v.toObject());
        if (!c) return c.error();
        if (c->myAddress() != account) return make_error("a channel in the backup is of another account");
        auto existing = store.channel(c->channel.id);
        if (!existing) return existing.error();
        if (*existing) continue;
        if (auto st = store.addChannel(*c); !st) return st.error();
        for (const QJsonValue& s : v.toObject().value(QStringLiteral("signed")).toArray()) {
            auto signedState = signedFromJson(s.toObject());
            if (!signedState) return signedState.error();
            if (auto st = store.restoreSignedState(c->channel.id, *signedState); !st) return st.error();
        }
        added.push_back(c->channel.id);
    }
    for (const QJsonValue& v : o.value(QStringLiteral("secrets")).toArray()) {
        auto secret = channelmsg::hashFromJson(v, "secret");
        if (!secret) return make_error("a secret in the backup is damaged");
        if (auto st = store.putSecret(*secret); !st) return st.error();
    }
    return added;
}

}  // namespace sluice
