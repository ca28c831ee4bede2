// SPDX-License-Identifier: MIT
#include "services/bridge/network_config.hpp"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "core/crypto/secp256k1.hpp"
#include "core/eth/address.hpp"

namespace sluice {

namespace {

Result<QUrl> httpUrl(const QString& text, const QString& what) {
    const QUrl url(text);
    if (text.isEmpty() || !url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return make_error(
            QStringLiteral("%1 must be an http:// or https:// URL, not '%2'").arg(what, text).toStdString());
    return url;
}

Result<QUrl> wsUrl(const QJsonValue& value, const QString& what) {
    if (value.isUndefined() || value.isNull()) return QUrl();
    const QUrl url(value.toString());
    if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
        return make_error(QStringLiteral("%1 must be a ws:// or wss:// URL").arg(what).toStdString());
    return url;
}

}  // namespace

QString defaultDevnetDataDir() { return QDir::homePath() + QStringLiteral("/.local/share/sluiced"); }

QString defaultWalletDataDir() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Sluice/Sluice");
}

QString devnetManifestPath(const QString& dataDir) {
    return QDir(dataDir.isEmpty() ? defaultDevnetDataDir() : dataDir).filePath(QStringLiteral("devnet.json"));
}

Result<NetworkConfig> parseDevnetManifest(const QByteArray& json, const QString& origin) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    auto bad = [&](const QString& what) {
        return make_error(QStringLiteral("%1: %2").arg(origin, what).toStdString());
    };
    if (!doc.isObject()) return bad(QStringLiteral("not a JSON object (%1)").arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    NetworkConfig config;
    config.source = QStringLiteral("devnet manifest %1").arg(origin);
    const QJsonObject l1 = o.value(QStringLiteral("l1")).toObject();
    const QJsonObject l2 = o.value(QStringLiteral("l2")).toObject();
    auto l1Rpc = httpUrl(l1.value(QStringLiteral("rpcUrl")).toString(), QStringLiteral("l1.rpcUrl"));
    if (!l1Rpc) return bad(QString::fromStdString(l1Rpc.message()));
    auto l2Rpc = httpUrl(l2.value(QStringLiteral("rpcUrl")).toString(), QStringLiteral("l2.rpcUrl"));
    if (!l2Rpc) return bad(QString::fromStdString(l2Rpc.message()));
    auto l1Ws = wsUrl(l1.value(QStringLiteral("wsUrl")), QStringLiteral("l1.wsUrl"));
    if (!l1Ws) return bad(QString::fromStdString(l1Ws.message()));
    auto l2Ws = wsUrl(l2.value(QStringLiteral("wsUrl")), QStringLiteral("l2.wsUrl"));
    if (!l2Ws) return bad(QString::fromStdString(l2Ws.message()));
    auto rollup = parse_address(o.value(QStringLiteral("rollup")).toString().toStdString());
    if (!rollup) return bad(QStringLiteral("rollup: ") + QString::fromStdString(rollup.message()));
    config.l1Rpc = *l1Rpc;
    config.l2Rpc = *l2Rpc;
    config.l1Ws = *l1Ws;
    config.l2Ws = *l2Ws;
    config.rollup = *rollup;
    const QJsonValue deploy = o.value(QStringLiteral("deployBlock"));
    if (deploy.isDouble() && deploy.toDouble() >= 0) config.deployBlock = static_cast<quint64>(deploy.toDouble());
    // A devnet made before payment channels existed has no Channels contract: no channels then.
    if (o.contains(QStringLiteral("channels"))) {
        auto channels = parse_address(o.value(QStringLiteral("channels")).toString().toStdString());
        if (!channels) return bad(QStringLiteral("channels: ") + QString::fromStdString(channels.message()));
        if (!channels->is_zero()) {
            config.channels = *channels;
            config.hubRpc = config.l2Rpc;  // the devnet's sequencer node is also its hub
        }
    }
    // null when the devnet runs no watchtower (sluiced --devnet --no-watchtower).
    if (o.value(QStringLiteral("watchtowerRpcUrl")).isString()) {
        auto tower =
            httpUrl(o.value(QStringLiteral("watchtowerRpcUrl")).toString(), QStringLiteral("watchtowerRpcUrl"));
        if (!tower) return bad(QString::fromStdString(tower.message()));
        config.watchtowerRpc = *tower;
    }
    for (const QJsonValue& account : o.value(QStringLiteral("devAccounts")).toArray()) {
        const QString key = account.toObject().value(QStringLiteral("privateKey")).toString();
        if (PrivateKey::from_hex(key.toStdString())) config.devAccountKeys << key;
    }
    return config;
}

Result<NetworkConfig> loadDevnetManifest(const QString& path) {
    QFile file(path);
    if (!file.exists())
        return make_error(QStringLiteral("no devnet manifest at %1: start the local stack with `sluiced --devnet` "
                                         "(or pass --data-dir, or --l1-rpc/--l2-rpc/--rollup)")
                              .arg(path)
                              .toStdString());
    if (!file.open(QIODevice::ReadOnly))
        return make_error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()).toStdString());
    return parseDevnetManifest(file.readAll(), path);
}

bool isLoopbackHost(const QString& host) {
    // The name by convention (RFC 6761); any other name could resolve anywhere.
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();  // 127.0.0.0/8, ::1
}

bool isUnencryptedRemote(const QUrl& url) {
    const QString scheme = url.scheme().toLower();
    const bool plain = scheme == QLatin1String("http") || scheme == QLatin1String("ws");
    return plain && !isLoopbackHost(url.host());
}

Status checkEndpointTransport(const QUrl& url, bool allowInsecure, const QString& what) {
    if (allowInsecure || !isUnencryptedRemote(url)) return {};
    return make_error(QStringLiteral("%1 %2 is not encrypted and not on this computer, so anyone on the way can read "
                                     "and change what the wallet is told: use https:// or wss://, or allow "
                                     "unencrypted connections (sluice-cli --insecure-endpoints, or the check box "
                                     "in the app's network settings)")
                          .arg(what, url.toDisplayString())
                          .toStdString());
}

Result<NetworkConfig> explicitNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup,
                                      bool allowInsecure) {
    auto l1 = httpUrl(l1Rpc, QStringLiteral("--l1-rpc"));
    if (!l1) return l1.error();
    auto l2 = httpUrl(l2Rpc, QStringLiteral("--l2-rpc"));
    if (!l2) return l2.error();
    // The L2 WebSocket below shares the L2 URL's host and encryption, so checking the two RPC
    // URLs covers every connection this network makes.
    if (auto ok = checkEndpointTransport(*l1, allowInsecure, QStringLiteral("--l1-rpc")); !ok) return ok.error();
    if (auto ok = checkEndpointTransport(*l2, allowInsecure, QStringLiteral("--l2-rpc")); !ok) return ok.error();
    auto address = parse_address(rollup.trimmed().toStdString());
    if (!address) return make_error("--rollup: " + address.message());
    NetworkConfig config;
    config.l1Rpc = *l1;
    config.l2Rpc = *l2;
    // sluiced serves its WebSocket on the JSON-RPC port (docs/RPC.md): the live batch, withdrawal
    // and fraud streams come from there. The L1 node may not, so its heads are polled instead.
    config.l2Ws = *l2;
    config.l2Ws.setScheme(l2->scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    config.rollup = *address;
    config.source = QStringLiteral("command line");
    return config;
}

bool isLocalDevnet(const NetworkConfig& network, quint64 l1ChainId) {
    auto local = [](const QUrl& url) { return url.isEmpty() || isLoopbackHost(url.host()); };
    return l1ChainId == kDevnetL1ChainId && !network.l1Rpc.isEmpty() && !network.l2Rpc.isEmpty() &&
           local(network.l1Rpc) && local(network.l2Rpc) && local(network.l1Ws) && local(network.l2Ws);
}

}  // namespace sluice
