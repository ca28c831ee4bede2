// SPDX-License-Identifier: MIT
// sluice-cli channel open | list | pay | invoice | close | settle | backup | restore: the wallet's payment channels
// with the network's hub (docs/CHANNELS.md), through services/channels/channel_wallet, on the
// same network and key options as the bridge verbs (cli/session.hpp). The channel states live in
// the store the app uses (<wallet dir>/channels-<chain>.sqlite: channelStorePath), or under --state-dir.

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "cli/bridge_commands.hpp"
#include "cli/session.hpp"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "services/channels/channel_backup.hpp"
#include "services/channels/channel_store.hpp"
#include "services/channels/channel_wallet.hpp"
#include "services/rpc/await_result.hpp"

namespace sluice::cli {

namespace {

using channels::ChannelId;
using channels::ChannelStatus;

struct ChannelOptions : Options {
    QCommandLineOption stateDir{
        QStringLiteral("state-dir"),
        QStringLiteral("Where the channel states are kept (default: the app's data directory)."),
        QStringLiteral("DIR")};
    QCommandLineOption channelsContract{
        QStringLiteral("channels"), QStringLiteral("The Channels contract (with --l1-rpc; the devnet names its own)."),
        QStringLiteral("ADDRESS")};
    QCommandLineOption hub{QStringLiteral("hub"), QStringLiteral("The hub's JSON-RPC URL (the devnet's: its L2 node)."),
                           QStringLiteral("URL")};
    QCommandLineOption watchtower{QStringLiteral("watchtower"),
                                  QStringLiteral("The watchtower's JSON-RPC URL (the devnet's, if it runs one)."),
                                  QStringLiteral("URL")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Machine-readable output.")};
    QCommandLineOption amount = amountOptionDef();
    QCommandLineOption hubAmount{QStringLiteral("hub-amount"),
                                 QStringLiteral("What the hub puts on its side (inbound liquidity), like --amount."),
                                 QStringLiteral("AMOUNT")};
    QCommandLineOption invoice{QStringLiteral("invoice"), QStringLiteral("Pay this invoice (mediated by the hub)."),
                               QStringLiteral("INVOICE")};
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Where to write the backup."), QStringLiteral("FILE")};
    QCommandLineOption backupPasswordFile{
        QStringLiteral("backup-password-file"),
        QStringLiteral("The backup's password: first line of FILE (without it, prompt on a terminal)."),
        QStringLiteral("FILE")};
    QCommandLineOption fault{QStringLiteral("fault"),
                             QStringLiteral("Testing: die (as kill -9) at proposal-stored or signature-received."),
                             QStringLiteral("POINT")};
    QCommandLineOption force{QStringLiteral("force"),
                             QStringLiteral("Close without the hub: the newest state both signed, then the dispute "
                                            "period, then `channel settle`.")};

    void addChannel(QCommandLineParser& p) const {
        addNetwork(p);
        addKeys(p);
        p.addOptions({stateDir, channelsContract, hub, watchtower, fault});
    }
};

struct ChannelSession {
    Session base;
    std::unique_ptr<ChannelStore> store;
    std::unique_ptr<TransactionSender> sender;
    std::unique_ptr<ChannelWallet> wallet;
};

template <typename T, typename Call>
Result<T> wait(Call&& call) {
    return awaitResult<Result<T>>(std::forward<Call>(call));
}

QString stateName(const StoredChannel& c) {
    switch (c.onChain.status) {
    case ChannelStatus::Open: return QStringLiteral("open");
    case ChannelStatus::Closing: return QStringLiteral("closing");
    case ChannelStatus::Settled:
    case ChannelStatus::None: return QStringLiteral("settled");
    }
    return QStringLiteral("unknown");
}

QString isoTime(std::uint64_t seconds) {
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC).toString(Qt::ISODate);
}

// Opens the network (no L2 needed: channels live on L1 and the hub), the channel store, and
// with a key the wallet engine connected to the hub.
std::optional<int> openChannels(ChannelSession& s, const QCommandLineParser& p, const ChannelOptions& o) {
    if (auto code = openSession(s.base, p, o, false, false)) return code;
    if (auto code = identifyChain(s.base)) return code;
    if (auto code = openSigner(s.base, p, o, true)) return code;
    NetworkConfig& net = s.base.network;
    if (p.isSet(o.channelsContract)) {
        auto a = parse_address(p.value(o.channelsContract).toStdString());
        if (!a) return fail(withContext(QStringLiteral("--channels"), a.message()), Usage);
        net.channels = *a;
    }
    if (p.isSet(o.hub)) net.hubRpc = QUrl(p.value(o.hub));
    if (p.isSet(o.watchtower)) net.watchtowerRpc = QUrl(p.value(o.watchtower));
    if (!net.channels || net.hubRpc.isEmpty())
        return fail(QStringLiteral("this network has no payment channels configured (give --channels and --hub)"),
                    Usage);
    for (auto [url, what] :
         {std::pair{net.hubRpc, QStringLiteral("--hub")}, std::pair{net.watchtowerRpc, QStringLiteral("--watchtower")}})
        if (!url.isEmpty())
            if (auto ok = checkEndpoint(url, what, p.isSet(o.insecureEndpoints)); !ok) return fail(ok.message(), Usage);
    const QString dir = p.isSet(o.stateDir) ? p.value(o.stateDir) : s.base.walletDir;
    auto store = wait<std::unique_ptr<ChannelStore>>([&](auto done) {
        openChannelStore(channelStorePath(dir, s.base.deployment.key()), s.base.l1.get(), s.base.params.l1ChainId,
                         *net.channels, s.base.l1.get(), done);
    });
    if (!store) return fail(store.message());
    s.store = std::move(*store);
    s.sender = std::make_unique<TransactionSender>(s.base.l1.get(), s.base.params.l1ChainId);
    s.sender->setReceiptTimeout(s.base.timeout);
    s.wallet = std::make_unique<ChannelWallet>(*s.store, *s.base.signer, s.base.l1.get(), s.sender.get(), *net.channels,
                                               net.hubRpc);
    s.wallet->setReview(review(p, o));
    if (p.isSet(o.fault)) {
        const QString point = p.value(o.fault);
        if (point == QLatin1String("proposal-stored"))
            s.wallet->setCrashPoint(ChannelWallet::CrashPoint::ProposalStored);
        else if (point == QLatin1String("signature-received"))
            s.wallet->setCrashPoint(ChannelWallet::CrashPoint::SignatureReceived);
        else
            return fail(QStringLiteral("--fault: proposal-stored or signature-received"), Usage);
    }
    s.wallet->setWatchtower(net.watchtowerRpc);
    auto hub = wait<HubInfo>([&](auto done) { s.wallet->connectHub(done); });
    if (!hub) return fail(hub.message());
    return std::nullopt;
}

std::optional<ChannelId> channelArgument(const QCommandLineParser& p, int& exitCode) {
    auto id = channels::ChannelId::from_hex(p.positionalArguments().value(0).toStdString());
    if (!id) {
        exitCode = fail(QStringLiteral("give the channel id (0x and 64 hex digits; see channel list)"), Usage);
        return std::nullopt;
    }
    return *id;
}

QJsonObject channelJson(const StoredChannel& c) {
    const auto wei = [](const U256& v) { return QString::fromStdString(u256_to_dec(v)); };
    QJsonObject o{
        {QStringLiteral("id"), QString::fromStdString(c.channel.id.hex())},
        {QStringLiteral("counterparty"), checksum(c.theirAddress())},
        {QStringLiteral("state"), stateName(c)},
        {QStringLiteral("myBalanceWei"), wei(c.latest.balance(c.me))},
        {QStringLiteral("myBalance"), ether(c.latest.balance(c.me))},
        {QStringLiteral("theirBalanceWei"), wei(c.latest.balance(channels::other(c.me)))},
        {QStringLiteral("theirBalance"), ether(c.latest.balance(channels::other(c.me)))},
        {QStringLiteral("lockedWei"), wei(c.latest.locked_amount)},
        {QStringLiteral("nonce"), double(c.latest.nonce)},
        {QStringLiteral("disputeEndsAt"),
         c.onChain.status == ChannelStatus::Closing ? QJsonValue(isoTime(c.onChain.disputeEndsAt)) : QJsonValue()}};
    return o;
}

int runOpen(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addOptions({o.amount, o.hubAmount});
    if (auto code = parseArguments(p, args, QStringLiteral("Open a payment channel with the hub."), 0, 0)) return *code;
    int code = 0;
    const auto amount = amountOption(p, o.amount, code);
    if (!amount) return code;
    U256 hubAmount = 0;
    if (p.isSet(o.hubAmount)) {
        auto h = parse_amount(p.value(o.hubAmount).toStdString(), Unit::ether);
        if (!h) return fail(withContext(QStringLiteral("--hub-amount"), h.message()), Usage);
        hubAmount = *h;
    }
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto id = wait<ChannelId>([&](auto done) { s.wallet->open(*amount, hubAmount, done); });
    if (!id) return fail(id.message());
    printOut(QString::fromStdString(id->hex()));
    return Ok;
}

int runList(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addOption(o.json);
    if (auto code = parseArguments(p, args,
                                   QStringLiteral("This account's channels, brought up to date with L1 and the hub "
                                                  "(a stale close is disputed on the way)."),
                                   0, 0))
        return *code;
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto all = s.store->channels();
    if (!all) return fail(all.message());
    QJsonArray out;
    for (const StoredChannel& c : *all) {
        if (c.myAddress() != s.base.signer->address) continue;
        StoredChannel shown = c;
        if (c.onChain.status != ChannelStatus::None) {  // open, closing, or settled with locks to resolve
            auto fresh = wait<StoredChannel>([&](auto done) { s.wallet->sync(c.channel.id, 0, done); });
            if (!fresh)
                printErr(QStringLiteral("warning: channel %1: %2")
                             .arg(QString::fromStdString(c.channel.id.hex()), QString::fromStdString(fresh.message())));
            else
                shown = *fresh;
        }
        out.append(channelJson(shown));
    }
    if (p.isSet(o.json)) {
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
        return Ok;
    }
    if (out.isEmpty()) printOut(QStringLiteral("no channels"));
    for (const QJsonValue& v : out) {
        const QJsonObject c = v.toObject();
        QString line = QStringLiteral("%1  %2  %3  mine %4 ETH  theirs %5 ETH  locked %6 wei  nonce %7")
                           .arg(c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("state")).toString(),
                                c.value(QStringLiteral("counterparty")).toString(),
                                c.value(QStringLiteral("myBalance")).toString(),
                                c.value(QStringLiteral("theirBalance")).toString(),
                                c.value(QStringLiteral("lockedWei")).toString())
                           .arg(qint64(c.value(QStringLiteral("nonce")).toDouble()));
        if (c.value(QStringLiteral("disputeEndsAt")).isString())
            line += QStringLiteral("  dispute ends %1").arg(c.value(QStringLiteral("disputeEndsAt")).toString());
        printOut(line);
    }
    return Ok;
}

int runPay(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addOptions({o.amount, o.invoice});
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The channel (not with --invoice)."));
    if (auto code = parseArguments(
            p, args, QStringLiteral("Pay the hub through a channel, or pay an invoice through the hub."), 0, 1))
        return *code;
    if (p.isSet(o.invoice)) {
        if (!p.positionalArguments().isEmpty() || p.isSet(o.amount))
            return fail(QStringLiteral("--invoice names the amount and the payee: give no channel id or --amount"),
                        Usage);
        auto invoice = Invoice::parse(p.value(o.invoice));
        if (!invoice) return fail(withContext(QStringLiteral("--invoice"), invoice.message()), Usage);
        ChannelSession s;
        if (auto c = openChannels(s, p, o)) return *c;
        auto paid = wait<void>([&](auto done) { s.wallet->payInvoice(*invoice, s.base.timeout, done); });
        if (!paid) return fail(paid.message());
        printOut(QStringLiteral("paid %1 ETH to %2").arg(ether(invoice->amount), checksum(invoice->payee)));
        return Ok;
    }
    int code = 0;
    const auto id = channelArgument(p, code);
    if (!id) return code;
    const auto amount = amountOption(p, o.amount, code);
    if (!amount) return code;
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto paid = wait<void>([&](auto done) { s.wallet->pay(*id, *amount, done); });
    if (!paid) return fail(paid.message());
    auto c = s.store->channel(*id);
    printOut(QStringLiteral("paid %1 ETH; balance in the channel %2 ETH")
                 .arg(ether(*amount), ether((*c)->latest.balance((*c)->me))));
    return Ok;
}

int runInvoice(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addOption(o.amount);
    if (auto code = parseArguments(p, args,
                                   QStringLiteral("Make an invoice, print it, and wait (up to --timeout) until it is "
                                                  "paid through the hub."),
                                   0, 0))
        return *code;
    int code = 0;
    const auto amount = amountOption(p, o.amount, code);
    if (!amount) return code;
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto invoice = s.wallet->createInvoice(*amount);
    if (!invoice) return fail(invoice.message());
    printOut(invoice->text());
    std::fflush(stdout);
    auto paid = wait<void>([&](auto done) { s.wallet->awaitInvoicePaid(*invoice, s.base.timeout, done); });
    if (!paid) return fail(paid.message());
    printOut(QStringLiteral("received %1 ETH").arg(ether(*amount)));
    return Ok;
}

int runClose(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addOption(o.force);
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The channel."));
    if (auto code = parseArguments(p, args,
                                   QStringLiteral("Close a channel: with the hub at once, or --force alone (then wait "
                                                  "for the dispute period and `channel settle`)."),
                                   1, 1))
        return *code;
    int code = 0;
    const auto id = channelArgument(p, code);
    if (!id) return code;
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto tx = wait<Hash>(
        [&](auto done) { p.isSet(o.force) ? s.wallet->forceClose(*id, done) : s.wallet->cooperativeClose(*id, done); });
    if (!tx) return fail(tx.message());
    auto c = s.store->channel(*id);
    if (p.isSet(o.force) && c && *c)
        printErr(QStringLiteral("closing; the dispute period ends at %1, then: sluice-cli channel settle %2")
                     .arg(isoTime((*c)->onChain.disputeEndsAt), QString::fromStdString(id->hex())));
    return reportResult(*tx);
}

int runSettle(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The channel."));
    if (auto code =
            parseArguments(p, args, QStringLiteral("Pay out a closed channel once its dispute period is over."), 1, 1))
        return *code;
    int code = 0;
    const auto id = channelArgument(p, code);
    if (!id) return code;
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto tx = wait<Hash>([&](auto done) { s.wallet->settle(*id, done); });
    return reportResult(tx);
}

int runBackup(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addOptions({o.out, o.backupPasswordFile});
    if (auto code = parseArguments(p, args,
                                   QStringLiteral("Write this account's channel states, encrypted with a password, to "
                                                  "--out FILE (restore them with `channel restore`)."),
                                   0, 0))
        return *code;
    if (!p.isSet(o.out)) return fail(QStringLiteral("--out FILE is required"), Usage);
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto password = readPassword(p.value(o.backupPasswordFile), true);
    if (!password) return fail(password.message());
    auto text = exportChannelBackup(*s.store, s.base.signer->address, password->as_string());
    if (!text) return fail(text.message());
    QSaveFile file(p.value(o.out));
    if (!file.open(QIODevice::WriteOnly) || file.write(text->data(), qint64(text->size())) != qint64(text->size()) ||
        !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(p.value(o.out), file.errorString()));
    printOut(QStringLiteral("backed up to %1").arg(p.value(o.out)));
    return Ok;
}

int runRestore(const QStringList& args) {
    QCommandLineParser p;
    ChannelOptions o;
    o.addChannel(p);
    p.addOption(o.backupPasswordFile);
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A backup written by `channel backup`."));
    if (auto code = parseArguments(p, args,
                                   QStringLiteral("Restore channel states from a backup, then bring each up to the "
                                                  "newest state the hub holds (docs/CHANNELS.md §13.7)."),
                                   1, 1))
        return *code;
    QFile file(p.positionalArguments().at(0));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const QByteArray text = file.readAll();
    ChannelSession s;
    if (auto c = openChannels(s, p, o)) return *c;
    auto password = readPassword(p.value(o.backupPasswordFile), false);
    if (!password) return fail(password.message());
    auto added =
        importChannelBackup(*s.store, s.base.signer->address,
                            std::string_view(text.constData(), std::size_t(text.size())), password->as_string());
    if (!added) return fail(withContext(file.fileName(), added.message()));
    for (const ChannelId& id : *added) {
        auto resumed = wait<StoredChannel>([&](auto done) { s.wallet->resumeAfterRestore(id, done); });
        if (!resumed)
            return fail(QStringLiteral("channel %1 was restored but not brought up to date (run `channel list` "
                                       "before paying): %2")
                            .arg(QString::fromStdString(id.hex()), QString::fromStdString(resumed.message())));
        printOut(
            QStringLiteral("restored %1 at nonce %2").arg(QString::fromStdString(id.hex())).arg(resumed->latest.nonce));
    }
    if (added->empty()) printOut(QStringLiteral("nothing to restore: every channel of the backup is already here"));
    return Ok;
}

}  // namespace

int runChannel(const QStringList& argv) {
    const QString sub = argv.value(2);
    const QStringList args = foldVerb(argv, 2);
    if (sub == QLatin1String("open")) return runOpen(args);
    if (sub == QLatin1String("list")) return runList(args);
    if (sub == QLatin1String("pay")) return runPay(args);
    if (sub == QLatin1String("invoice")) return runInvoice(args);
    if (sub == QLatin1String("close")) return runClose(args);
    if (sub == QLatin1String("settle")) return runSettle(args);
    if (sub == QLatin1String("backup")) return runBackup(args);
    if (sub == QLatin1String("restore")) return runRestore(args);
    return fail(QStringLiteral("channel: say open, list, pay, invoice, close, settle, backup or restore (see "
                               "sluice-cli --help)"),
                Usage);
}

}  // namespace sluice::cli
