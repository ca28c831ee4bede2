// SPDX-License-Identifier: MIT
#include "node/l1/l1side.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <span>

#include "core/eth/address.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "node/devnet/devnet.h"
#include "node/l1/blockingrpc.h"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/sequencer.h"
#include "node/storage/storedvalues.h"
#include "services/rpc/await_result.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/heads_subscription.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

namespace sluice::node {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString hexq(ByteView b) { return q(to_hex(b)); }
QString quantity(const U256& v) { return q(u256_to_quantity(v)); }

// Set by prepare(): where the contract's history starts (the devnet manifest knows it).
quint64 g_deployBlock = 0;
const char* const kDevnetKeyEnv = "SLUICE_DEVNET_PROPOSER_KEY";

// A key handed over in an environment variable, taken out of the environment by prepare() before
// any child process (the devnet's anvil) could inherit it.
std::optional<PrivateKey> g_keyFromEnvironment;
// The hub's key (--hub-key env:VAR, or the devnet's hub account), set by prepare() the same way.
std::optional<PrivateKey> g_hubKey;
// The watchtower's key (--watchtower-key env:VAR, or the devnet's watchtower account), the same way.
std::optional<PrivateKey> g_watchtowerKey;

Result<PrivateKey> takeKeyFromEnvironment(const QString& variable) {
    const QByteArray name = variable.toUtf8();
    QByteArray v = qgetenv(name.constData());
    // Wiped where it lies (the block /proc/<pid>/environ shows), then removed from the environment.
    if (char* raw = std::getenv(name.constData())) secure_wipe(raw, std::strlen(raw));
    qunsetenv(name.constData());
    if (v.isEmpty()) return make_error("the key variable " + variable.toStdString() + " is not set");
    auto key = PrivateKey::from_hex(v.trimmed().toStdString());
    secure_wipe(v.data(), static_cast<std::size_t>(v.size()));
    if (!key) return make_error("the key in " + variable.toStdString() + " is not a 32-byte hex private key");
    return key;
}

Result<PrivateKey> loadKey(const QString& source) {
    if (source.startsWith(QLatin1String("env:"))) {
        if (!g_keyFromEnvironment) return make_error("the key variable " + source.mid(4).toStdString() + " is not set");
        return *g_keyFromEnvironment;
    }
    QString path = source.startsWith(QLatin1String("file:")) ? source.mid(5) : source;
    // Like ssh with a private key: a key file other local users can read is not used.
    const auto others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (QFileInfo::exists(path) && (QFile::permissions(path) & others))
        return make_error("the key file " + path.toStdString() +
                          " can be read or changed by other users; restrict it "
                          "(chmod 600 " +
                          path.toStdString() + ")");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return make_error("cannot read the key file " + path.toStdString());
    QByteArray v = f.readAll();
    auto key = PrivateKey::from_hex(v.trimmed().toStdString());
    secure_wipe(v.data(), static_cast<std::size_t>(v.size()));
    if (!key) return make_error("the key file " + path.toStdString() + " does not hold a 32-byte hex private key");
    return key;
}

QJsonObject headerJson(const rollup::BatchHeader& h) {
    return QJsonObject{{QStringLiteral("prevStateRoot"), hexq(h.prev_state_root)},
                       {QStringLiteral("stateRoot"), hexq(h.state_root)},
                       {QStringLiteral("txRoot"), hexq(h.tx_root)},
                       {QStringLiteral("withdrawalRoot"), hexq(h.withdrawal_root)},
                       {QStringLiteral("recordCount"), double(h.record_count)},
                       {QStringLiteral("depositStart"), double(h.deposit_start)},
                       {QStringLiteral("depositEnd"), double(h.deposit_end)},
                       {QStringLiteral("submittedAt"), double(h.submitted_at)},
                       {QStringLiteral("proposer"), q(to_checksum_address(h.proposer))}};
}

// A stored value a sluice_ method could not read: an internal error with what is damaged, never zeros.
RpcFailure unreadable(const Error& error) {
    qWarning().noquote() << "sluiced:" << q(error.message);
    return RpcFailure{rpc_error::internalError, q(error.message)};
}

std::optional<Address> addressParam(const QJsonValue& params) {
    auto a = parse_address(params.toArray().at(0).toString().toStdString());
    if (!a) return std::nullopt;
    return *a;
}

}  // namespace

Status L1Side::prepare(NodeConfig& config) {
    if (config.proposerKeySource.startsWith(QLatin1String("env:"))) {
        auto key = takeKeyFromEnvironment(config.proposerKeySource.mid(4));
        if (!key) return key.error();
        g_keyFromEnvironment = std::move(*key);
    }
    if (config.hubKeySource.startsWith(QLatin1String("env:"))) {
        auto key = takeKeyFromEnvironment(config.hubKeySource.mid(4));
        if (!key) return key.error();
        g_hubKey = std::move(*key);
    }
    if (config.watchtowerKeySource.startsWith(QLatin1String("env:"))) {
        auto key = takeKeyFromEnvironment(config.watchtowerKeySource.mid(4));
        if (!key) return key.error();
        g_watchtowerKey = std::move(*key);
    }
    if (config.watchtower && !config.devnetManifestPath.isEmpty()) {
        // A watchtower for a devnet: its L1, its Channels contract (events from its deploy block)
        // and, unless told otherwise, the devnet's watchtower account.
        QFile file(config.devnetManifestPath);
        if (!file.open(QIODevice::ReadOnly))
            return make_error("cannot read the devnet manifest " + config.devnetManifestPath.toStdString());
        auto manifest = DevnetManifest::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (!manifest) return manifest.error();
        if (manifest->channels.is_zero())
            return make_error(
                config.devnetManifestPath.toStdString() +
                " names no Channels contract: start that devnet once with this sluiced, which deploys it");
        config.l1RpcUrl = manifest->l1RpcUrl;
        config.channelsAddress = q(manifest->channels.hex());
        config.channelsFromBlock = manifest->channelsDeployBlock;
        if (config.watchtowerKeySource.isEmpty())
            g_watchtowerKey = *PrivateKey::from_hex(Devnet::watchtowerKey().toStdString());
    }
    if (config.devnet) {
        auto* devnet = new Devnet(QCoreApplication::instance());  // stops anvil when the app goes
        DevnetOptions options;
        options.dataDir = config.dataDir;
        options.challengePeriod = config.challengePeriod.value_or(60);
        options.escapeDelay = config.escapeDelay.value_or(std::max<quint64>(600, 2 * options.challengePeriod));
        if (options.escapeDelay <= options.challengePeriod)
            return make_error("--escape-delay must be longer than the challenge period");
        options.disputePeriod = config.disputePeriod.value_or(60);
        options.l1Port = config.l1Port;
        options.keepL1 = config.keepL1;
        options.l2Port = config.rpcPort;
        options.watchtower = !config.verifier && !config.noWatchtower;
        options.watchtowerPort = config.devnetWatchtowerPort;
        auto manifest = devnet->start(options);
        if (!manifest) return manifest.error();
        qInfo().noquote() << (devnet->resumed() ? "devnet: resumed" : "devnet: deployed") << "Rollup at"
                          << q(to_checksum_address(manifest->rollup)) << "and Channels at"
                          << q(to_checksum_address(manifest->channels)) << "on" << manifest->l1RpcUrl << "- manifest"
                          << devnet->manifestPath();
        config.l1RpcUrl = manifest->l1RpcUrl;
        config.rollupAddress = q(manifest->rollup.hex());
        g_deployBlock = manifest->deployBlock;
        // The devnet runs the payment-channel hub on its sequencer node with the hub account.
        config.channelsAddress = q(manifest->channels.hex());
        config.channelsFromBlock = manifest->channelsDeployBlock;
        if (!config.verifier && !config.noHub) config.hub = true;
        if (config.hubKeySource.isEmpty()) g_hubKey = *PrivateKey::from_hex(Devnet::hubKey().toStdString());
        if (config.proposerKeySource.isEmpty()) {
            // anvil's public dev key, handed over in-process only.
            g_keyFromEnvironment =
                *PrivateKey::from_hex((config.verifier ? Devnet::verifierKey() : Devnet::proposerKey()).toStdString());
            config.proposerKeySource = QStringLiteral("env:") + QLatin1String(kDevnetKeyEnv);
        }
    }
    if (config.l1RpcUrl.isEmpty() || config.rollupAddress.isEmpty()) return {};  // no L1: sequencer-only dev mode
    auto rollup = parse_address(config.rollupAddress.toStdString());
    if (!rollup) return make_error("--rollup: not an address: " + config.rollupAddress.toStdString());
    RpcClient rpc{QUrl(config.l1RpcUrl)};
    rpc.setTimeout(std::chrono::seconds(10));
    EthClient eth(&rpc);
    RollupReader reader(&eth, *rollup, 0);
    const auto params =
        awaitResult<RpcResult<RollupParameters>>([&](auto done) { reader.readParameters(&reader, done); });
    if (!params) return make_error(params.error().message.toStdString());
    config.l2ChainId = params.value().l2ChainId;
    config.l2BaseFee = params.value().l2BaseFee;
    config.feeRecipient = params.value().feeRecipient;
    return {};
}

Result<PrivateKey> L1Side::watchtowerKey(const NodeConfig& config) {
    if (g_watchtowerKey) return *g_watchtowerKey;
    if (config.watchtowerKeySource.isEmpty())
        return make_error("the watchtower needs an L1 key (--watchtower-key env:VAR or file:PATH)");
    return loadKey(config.watchtowerKeySource);
}

Result<PrivateKey> L1Side::hubKey(const NodeConfig& config) {
    if (g_hubKey) return *g_hubKey;
    if (config.hubKeySource.isEmpty()) return make_error("the hub needs an L1 key (--hub-key env:VAR or file:PATH)");
    return loadKey(config.hubKeySource);
}

L1Side::L1Side(const NodeConfig& config, Sequencer* sequencer, RpcServer* rpc, QObject* parent)
    : QObject(parent), m_config(config), m_sequencer(sequencer), m_rpcServer(rpc) {
    if (auto f = parseFault(config.faultSpec); f) m_fault = *f;
}

L1Side::~L1Side() { stop(); }

void L1Side::publish(const QString& stream, const QJsonObject& payload) {
    if (m_rpcServer) m_rpcServer->publish(stream, payload);
}

Status L1Side::start() {
    auto fault = parseFault(m_config.faultSpec);
    if (!fault) return fault.error();
    m_fault = *fault;
    if (m_config.rpcOnly) return startReadOnly();
    if (m_config.l1RpcUrl.isEmpty() || m_config.rollupAddress.isEmpty()) {
        registerMethods();
        return {};
    }
    auto rollup = parse_address(m_config.rollupAddress.toStdString());
    if (!rollup) return make_error("--rollup: not an address");
    if (!m_config.proposerKeySource.isEmpty()) {
        auto key = loadKey(m_config.proposerKeySource);
        if (!key) return key.error();
        m_key = std::move(*key);
        m_signer = AccountSigner::from_key(*m_key);
        m_address = m_signer->address;
    } else if (proposerRole() || m_config.verifier) {
        return make_error(
            "the proposer/verifier needs an L1 key (--proposer-key env:VAR or file:PATH, or --key-file F)");
    }

    // Its own connection to the node's database (the sequencer has its own on its writer thread).
    auto db = NodeDatabase::open(m_config.databaseLocation(), QStringLiteral("sluiced-l1"));
    if (!db) return db.error();
    m_db = std::move(*db);
    const QByteArray rollupHex = QByteArray::fromStdString(rollup->hex());
    auto storedRollup = m_db->meta(QStringLiteral("l1.rollup"));
    if (!storedRollup) return storedRollup.error();
    if (const auto& stored = *storedRollup; stored && *stored != rollupHex) {
        if (!parse_address(stored->toStdString()))
            return make_error(
                stored::damaged("meta l1.rollup",
                                "holds " + stored::quote(QVariant(QString::fromLatin1(*stored))) + ", not an address") +
                "; it names the Rollup this data directory follows: restore it from a backup");
        return make_error("the data directory " + m_config.dataDir.toStdString() + " belongs to the Rollup at " +
                          stored->toStdString() + ", not " + rollupHex.toStdString() + "; use another --data-dir");
    }
    if (auto st = m_db->setMeta(QStringLiteral("l1.rollup"), rollupHex); !st) return st;
    // The L1 view only mirrors L1: a damaged value in it is rewritten by the first complete read of
    // L1 (onSynced), not refused. Until then the sluice_ methods that meet it answer an error naming it.
    if (auto st = m_db->checkL1View(); !st)
        qWarning().noquote() << "sluiced:" << q(st.message())
                             << "- the L1 view is rewritten from L1 by the first complete read; until then the sluice_ "
                                "methods that read it answer an error";
    auto storedNumber = [this](const char* key) -> quint64 {
        auto n = m_db->metaNumber(QLatin1String(key));
        if (n) return n->value_or(0);
        qWarning().noquote() << "sluiced:" << q(n.message()) << "- read again from L1";
        return 0;  // (L1 is read again from the start: nothing is skipped)
    };
    m_persistedThrough = storedNumber("l1.persistedBlock");
    m_savedHead = storedNumber("l1.head");

    m_l1 = std::make_unique<RpcClient>(QUrl(m_config.l1RpcUrl));
    m_eth = new EthClient(m_l1.get(), this);
    QUrl ws(m_config.l1RpcUrl);
    ws.setScheme(ws.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_heads = new HeadsSubscription(ws, m_l1.get(), this);
    m_heads->setPollInterval(std::chrono::milliseconds(500));
    m_reader = new RollupReader(m_eth, *rollup, g_deployBlock, this);
    connect(m_reader, &RollupReader::eventsRead, this, &L1Side::onEvents);
    connect(m_reader, &RollupReader::reorged, this, &L1Side::onReorg);
    connect(m_reader, &RollupReader::synced, this, &L1Side::onSynced);
    connect(m_reader, &RollupReader::failed, this, [](const QString& m) { qWarning().noquote() << m; });
    connect(m_heads, &HeadsSubscription::newHead, m_reader, &RollupReader::sync);
    registerStreams();
    registerMethods();

    m_reader->readParameters(this, [this](RpcResult<RollupParameters> r) {
        if (!r) return emit fatalError(r.error().message);
        const auto& p = r.value();
        m_confirmations = m_config.depositConfirmations.value_or(p.l1ChainId == 31337 ? 0 : 12);
        qInfo().noquote() << "L1: deposits are credited after" << m_confirmations << "confirmation(s)";
        QJsonObject params{{QStringLiteral("l1ChainId"), double(p.l1ChainId)},
                           {QStringLiteral("l2ChainId"), quantity(p.l2ChainId)},
                           {QStringLiteral("challengePeriod"), double(p.challengePeriod)},
                           {QStringLiteral("requiredBond"), quantity(p.requiredBond)},
                           {QStringLiteral("l2BaseFee"), quantity(p.l2BaseFee)},
                           {QStringLiteral("depositDelay"), double(p.depositDelay)},
                           {QStringLiteral("minDeposit"), quantity(p.minDeposit)},
                           {QStringLiteral("escapeDelay"), double(p.escapeDelay)}};
        if (auto st = m_db->setMeta(QStringLiteral("l1.params"), QJsonDocument(params).toJson(QJsonDocument::Compact));
            !st)
            return emit fatalError(QString::fromStdString(st.message()));
        m_replica = std::make_unique<L1Replica>(p);
        // Every L1 transaction of this node is signed for the chain read now (never re-read at send).
        m_sender = new TransactionSender(m_eth, p.l1ChainId, this);
        m_sender->setReceiptTimeout(std::chrono::seconds(60));
        m_heads->start();
        m_reader->sync();
        if (proposerRole()) {
            connect(&m_proposeTimer, &QTimer::timeout, this, &L1Side::proposeTick);
            m_proposeTimer.start(std::max(200, m_config.batchIntervalMs));
        }
    });
    return {};
}

void L1Side::stop() {
    m_proposeTimer.stop();
    if (m_heads) m_heads->stop();
    if (m_builder.joinable()) m_builder.join();
}

void L1Side::halt(const QString& message) {
    if (m_halted) return;
    m_halted = true;
    stop();
    emit fatalError(message);
}

quint64 L1Side::headNumber() const {
    if (m_reader && m_reader->headNumber()) return m_reader->headNumber();
    if (m_config.rpcOnly && m_db)
        if (auto stored = m_db->metaNumber(QStringLiteral("l1.head")); stored) return stored->value_or(0);
    return m_savedHead;
}

Status L1Side::startReadOnly() {
    auto db = NodeDatabase::open(m_config.databaseLocation(), QStringLiteral("sluiced-l1"));
    if (!db) return db.error();
    m_db = std::move(*db);
    auto rollup = m_db->meta(QStringLiteral("l1.rollup"));
    if (!rollup) return rollup.error();
    if (*rollup && parse_address((*rollup)->toStdString())) m_config.rollupAddress = QString::fromLatin1(**rollup);
    registerMethods();
    if (!m_rpcServer) return {};
    registerStreams();
    publishStoredChanges();
    return m_db->listen([this](const QString& changes) {
        const QStringList kinds = changes.split(QLatin1Char(','));
        if (kinds.contains(QLatin1String("l1")) || kinds.contains(QLatin1String("fraud"))) publishStoredChanges();
    });
}

void L1Side::publishStoredChanges() {
    auto now = headTimestamp();
    auto batches = m_db->l1Batches(0, UINT64_MAX, true);
    auto proofs = m_db->l1FraudProofs();
    if (!now || !batches || !proofs) {
        qWarning().noquote() << "sluiced: reading the stored L1 view failed:"
                             << q((!now       ? now.error()
                                   : !batches ? batches.error()
                                              : proofs.error())
                                      .message);
        return;
    }
    for (const auto& row : *batches) {
        QJsonObject json = rowJson(row, *now);
        auto& announced = m_announcedBatches[row.l1TxHash];
        if (announced == json) continue;
        announced = json;
        if (m_storedViewRead) publish(QStringLiteral("sluice_batches"), json);
    }
    for (const auto& p : *proofs) {
        if (!m_announcedProofs.insert(p.l1TxHash).second || !m_storedViewRead) continue;
        publish(QStringLiteral("sluice_fraud"),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("proven")},
                            {QStringLiteral("batchIndex"), double(p.batchIndex)},
                            {QStringLiteral("chunkIndex"), double(p.chunkIndex)},
                            {QStringLiteral("verdict"), p.verdict},
                            {QStringLiteral("challenger"), q(to_checksum_address(p.challenger))},
                            {QStringLiteral("l1TxHash"), hexq(p.l1TxHash)}});
    }
    m_storedViewRead = true;
}

Result<quint64> L1Side::headTimestamp() const {
    if (m_reader && m_reader->headTimestamp()) return m_reader->headTimestamp();
    if (!m_db) return quint64(0);
    auto stored = m_db->metaNumber(QStringLiteral("l1.headTimestamp"));
    if (!stored) return stored.error();
    return quint64(stored->value_or(0));
}

Status L1Side::persistBatch(const ReplicaBatch& b) {
    L1BatchRow row;
    row.index = b.index;
    row.prevStateRoot = b.header.prev_state_root;
    row.stateRoot = b.header.state_root;
    row.txRoot = b.header.tx_root;
    row.withdrawalRoot = b.header.withdrawal_root;
    row.recordCount = b.header.record_count;
    row.depositStart = b.header.deposit_start;
    row.depositEnd = b.header.deposit_end;
    row.submittedAt = b.header.submitted_at;
    row.proposer = b.header.proposer;
    row.l1TxHash = b.at.txHash;
    row.l1Block = b.at.blockNumber;
    row.finalAt = b.finalAt;
    row.reverted = b.reverted;
    row.judgement = b.judgement == ReplicaBatch::Judgement::Honest       ? L1Judgement::honest
                    : b.judgement == ReplicaBatch::Judgement::Fraudulent ? L1Judgement::fraudulent
                                                                         : L1Judgement::unverifiable;
    row.verdict = b.judgement == ReplicaBatch::Judgement::Fraudulent
                      ? QLatin1String(rollup::verdict_name(b.verdict).data())
                      : QString();
    row.l2TxHashes = b.l2TxHashes;
    if (auto st = m_db->upsertL1Batch(row); !st) return st;
    for (const auto& w : b.withdrawals) {
        L1WithdrawalRow wr{b.at.txHash, b.index,    w.withdrawalIndex, w.recipient,
                           w.amount,    w.l2TxHash, w.proof,           w.finalized};
        if (auto st = m_db->upsertL1Withdrawal(wr); !st) return st;
    }
    return {};
}

Status L1Side::persistEvent(const RollupEvent& e, std::size_t revertedBefore) {
    if (const auto* d = std::get_if<DepositQueuedEvent>(&e)) {
        return m_db->upsertL1Deposit(
            L1DepositRow{d->index, d->to, d->amount, d->timestamp, d->at.txHash, d->at.blockNumber, {}});
    } else if (std::get_if<BatchSubmittedEvent>(&e)) {
        return persistBatch(m_replica->batches().back());
    } else if (const auto* f = std::get_if<FraudProvenEvent>(&e)) {
        L1FraudProofRow row{f->at.txHash,
                            f->batchIndex,
                            f->chunkIndex,
                            f->recordIndex,
                            QLatin1String(rollup::verdict_name(f->verdict).data()),
                            f->challenger,
                            f->at.blockNumber};
        if (auto st = m_db->upsertL1FraudProof(row); !st) return st;
        if (f->batchIndex < m_replica->batches().size()) return persistBatch(m_replica->batches()[f->batchIndex]);
    } else if (std::get_if<BatchesRevertedEvent>(&e)) {
        const auto& reverted = m_replica->revertedBatches();
        for (std::size_t i = revertedBefore; i < reverted.size(); ++i)
            if (auto st = persistBatch(reverted[i]); !st) return st;
    } else if (const auto* w = std::get_if<WithdrawalFinalizedEvent>(&e)) {
        if (w->batchIndex < m_replica->batches().size()) return persistBatch(m_replica->batches()[w->batchIndex]);
    }
    return {};
}

Status L1Side::persistAll() {
    if (auto st = m_db->clearL1(); !st) return st;
    for (const auto& d : m_replica->deposits())
        if (auto st = m_db->upsertL1Deposit(
                L1DepositRow{d.index, d.to, d.amount, d.timestamp, d.at.txHash, d.at.blockNumber, {}});
            !st)
            return st;
    for (const auto& b : m_replica->revertedBatches())
        if (auto st = persistBatch(b); !st) return st;
    for (const auto& b : m_replica->batches())
        if (auto st = persistBatch(b); !st) return st;
    for (const auto& f : m_replica->fraudProofs()) {
        L1FraudProofRow row{f.at.txHash,
                            f.batchIndex,
                            f.chunkIndex,
                            f.recordIndex,
                            QLatin1String(rollup::verdict_name(f.verdict).data()),
                            f.challenger,
                            f.at.blockNumber};
        if (auto st = m_db->upsertL1FraudProof(row); !st) return st;
    }
    return {};
}

void L1Side::onEvents(const std::vector<RollupEvent>& events) {
    if (!m_replica || m_halted) return;
    // One transaction per range: the l1_* tables and their cursor move together.
    Status dbStatus = m_db->begin();
    quint64 lastBlock = m_persistedThrough;
    for (const auto& e : events) {
        const std::size_t revertedBefore = m_replica->revertedBatches().size();
        m_replica->apply(e);
        const quint64 block = eventPosition(e).blockNumber;
        // Events up to m_persistedThrough are in the tables already (a restart reads L1 again).
        if (dbStatus && block > m_persistedThrough) {
            dbStatus = persistEvent(e, revertedBefore);
            lastBlock = std::max(lastBlock, block);
        }
        if (const auto* d = std::get_if<DepositQueuedEvent>(&e)) {
            if (proposerRole() && d->index < m_sequencer->nextDepositIndex()) {
                // Already credited (a restart, or the chain re-organised under us): L1 must still agree.
                auto stored = m_db->deposit(d->index);
                if (!stored) {
                    if (dbStatus) (void)m_db->rollback();
                    return halt(QStringLiteral("cannot check deposit %1 against L1: %2")
                                    .arg(d->index)
                                    .arg(q(stored.message())));
                }
                const auto& credited = *stored;
                if (credited &&
                    (credited->to != d->to || credited->amount != d->amount || credited->forced != d->forced)) {
                    if (dbStatus) (void)m_db->rollback();
                    return halt(QStringLiteral("L1 reorg: deposit %1, credited on L2 in block %2, is now a different "
                                               "deposit on L1 (to %3, %4 wei); L2 would diverge from L1, so the node "
                                               "stops. Restore L1 or start a new L2 chain.")
                                    .arg(d->index)
                                    .arg(credited->creditedBlock ? QString::number(*credited->creditedBlock)
                                                                 : QStringLiteral("?"))
                                    .arg(q(to_checksum_address(d->to)), q(u256_to_dec(d->amount))));
                }
            }
        } else if (const auto* b = std::get_if<BatchSubmittedEvent>(&e)) {
            const auto& rb = m_replica->batches().back();
            // Another proposer's batch the sequencer may have to continue from (adoptForeignBatches);
            // not one from before its posted state (a restart reads every batch again).
            if (proposerRole() && b->batch && b->header.proposer != m_address) {
                const auto tip = m_sequencer->postedTip();
                if (tip && b->header.deposit_start >= tip->queueEntries) m_foreignBatches[b->at.txHash] = *b->batch;
            }
            if (m_inflight && m_inflight->txHash == b->at.txHash && proposerRole()) {
                auto s = m_sequencer->markBatchPosted(b->index, m_inflight->recordCount, b->header, b->at.txHash,
                                                      b->at.blockNumber, m_inflight->built);
                if (!s) qWarning().noquote() << "marking batch" << b->index << "posted failed:" << q(s.message());
                if (m_inflight->cheated) m_cheatedBatch = b->index;
                emit batchPosted(b->index, m_inflight->cheated);
                m_inflight.reset();
            }
            publish(QStringLiteral("sluice_batches"), batchJson(rb));
            for (const auto& w : rb.withdrawals)
                publish(QStringLiteral("sluice_withdrawals"),
                        QJsonObject{{QStringLiteral("recipient"), q(to_checksum_address(w.recipient))},
                                    {QStringLiteral("amount"), quantity(w.amount)},
                                    {QStringLiteral("batchIndex"), double(rb.index)},
                                    {QStringLiteral("withdrawalIndex"), double(w.withdrawalIndex)},
                                    {QStringLiteral("status"), QStringLiteral("posted")}});
        } else if (const auto* r = std::get_if<BatchesRevertedEvent>(&e)) {
            const auto& reverted = m_replica->revertedBatches();
            for (std::size_t i = revertedBefore; i < reverted.size(); ++i)
                publish(QStringLiteral("sluice_batches"), batchJson(reverted[i]));
            if (proposerRole()) {
                auto s = m_sequencer->onBatchReverted(r->firstIndex);
                if (!s)
                    qWarning().noquote() << "reverting batches from" << r->firstIndex << "failed:" << q(s.message());
            }
            if (m_cheatedBatch && *m_cheatedBatch >= r->firstIndex) m_cheatedBatch.reset();
        } else if (const auto* f = std::get_if<FraudProvenEvent>(&e)) {
            qInfo().noquote() << "L1: fraud proven in batch" << f->batchIndex << "chunk" << f->chunkIndex << "verdict"
                              << QLatin1String(rollup::verdict_name(f->verdict).data()) << "by"
                              << q(to_checksum_address(f->challenger));
            publish(QStringLiteral("sluice_fraud"),
                    QJsonObject{{QStringLiteral("event"), QStringLiteral("proven")},
                                {QStringLiteral("batchIndex"), double(f->batchIndex)},
                                {QStringLiteral("chunkIndex"), double(f->chunkIndex)},
                                {QStringLiteral("verdict"), QLatin1String(rollup::verdict_name(f->verdict).data())},
                                {QStringLiteral("challenger"), q(to_checksum_address(f->challenger))},
                                {QStringLiteral("l1TxHash"), hexq(f->at.txHash)}});
        }
    }
    if (dbStatus) dbStatus = m_db->setMeta(QStringLiteral("l1.persistedBlock"), QByteArray::number(lastBlock));
    if (dbStatus)
        dbStatus =
            m_db->setMeta(QStringLiteral("l1.stateRoot"), QByteArray::fromStdString(m_replica->stateRoot().hex()));
    if (dbStatus) dbStatus = m_db->commit();
    if (!dbStatus) {
        (void)m_db->rollback();
        return halt(QStringLiteral("writing what L1 holds to the database failed: %1").arg(q(dbStatus.message())));
    }
    m_persistedThrough = lastBlock;
    creditConfirmedDeposits();
}

void L1Side::onReorg(quint64 forkBlock) {
    if (!m_replica || m_halted) return;
    qWarning().noquote() << "L1 reorg: blocks after" << forkBlock << "were replaced; re-reading from there";
    m_replica->rollbackTo(forkBlock);
    // Deposits after the fork that were never credited are simply forgotten; credited ones are
    // checked against the new chain once it has been read (onSynced).
    m_creditCursor = std::min<quint64>(m_creditCursor, m_replica->deposits().size());
    Status st = m_db->begin();
    if (st) st = persistAll();
    if (st) st = m_db->setMeta(QStringLiteral("l1.persistedBlock"), QByteArray::number(forkBlock));
    if (st) st = m_db->commit();
    if (!st) {
        (void)m_db->rollback();
        return halt(QStringLiteral("writing the L1 reorg to the database failed: %1").arg(q(st.message())));
    }
    m_persistedThrough = forkBlock;
}

bool L1Side::checkCreditedDeposits() {
    if (!proposerRole()) return true;
    const quint64 credited = m_sequencer->nextDepositIndex();
    const quint64 onL1 = m_replica->deposits().size();
    if (credited <= onL1) return true;
    auto stored = m_db->deposit(onL1);
    const std::optional<StoredDeposit> lost = stored ? *stored : std::nullopt;
    halt(QStringLiteral("L1 reorg: deposit %1 (to %2, %3 wei, L1 tx %4), credited on L2 in block %5, is no longer on "
                        "L1, which now holds %6 deposit(s); L2 would diverge from L1, so the node stops. Restore L1 or "
                        "start a new L2 chain.%7")
             .arg(onL1)
             .arg(lost ? q(to_checksum_address(lost->to)) : QStringLiteral("?"),
                  lost ? q(u256_to_dec(lost->amount)) : QStringLiteral("?"),
                  lost ? hexq(lost->l1TxHash) : QStringLiteral("?"),
                  lost && lost->creditedBlock ? QString::number(*lost->creditedBlock) : QStringLiteral("?"))
             .arg(onL1)
             .arg(stored ? QString() : QStringLiteral(" (Its row: %1)").arg(q(stored.message()))));
    return false;
}

Status L1Side::creditQueueEntry(const DepositQueuedEvent& d) {
    return d.forced ? m_sequencer->creditForcedTransaction(d.index, *d.forced, d.timestamp, d.at.txHash)
                    : m_sequencer->creditDeposit(d.index, d.to, d.amount, d.timestamp, d.at.txHash);
}

void L1Side::creditConfirmedDeposits() {
    if (!proposerRole() || m_halted) return;
    const auto& deposits = m_replica->deposits();
    const quint64 head = headNumber();
    m_creditCursor =
        std::max<quint64>(m_creditCursor, std::min<quint64>(m_sequencer->nextDepositIndex(), deposits.size()));
    for (; m_creditCursor < deposits.size(); ++m_creditCursor) {
        const auto& d = deposits[m_creditCursor];
        if (m_confirmations > 0 && d.at.blockNumber + m_confirmations > head) break;
        auto s = creditQueueEntry(d);
        if (!s) {
            qWarning().noquote() << "crediting deposit" << d.index << "failed:" << q(s.message());
            break;
        }
        emit depositCredited(d.index);
    }
}

void L1Side::onSynced() {
    if (!m_replica || m_halted) return;
    if (!checkCreditedDeposits()) return;
    if (!m_rewritten) {
        // First full read since start: make the tables exactly what L1 says now, in case L1
        // re-organised while the node was down (until now they answered as of the last run).
        Status st = m_db->begin();
        if (st) st = persistAll();
        if (st) st = m_db->setMeta(QStringLiteral("l1.persistedBlock"), QByteArray::number(m_reader->headNumber()));
        if (st) st = m_db->commit();
        if (!st) {
            (void)m_db->rollback();
            return halt(QStringLiteral("writing what L1 holds to the database failed: %1").arg(q(st.message())));
        }
        m_persistedThrough = std::max(m_persistedThrough, m_reader->headNumber());
        m_rewritten = true;
    }
    creditConfirmedDeposits();
    if (m_reader->headNumber() != m_savedHead) {
        m_savedHead = m_reader->headNumber();
        Status st = m_db->setMeta(QStringLiteral("l1.head"), QByteArray::number(m_savedHead));
        if (st) st = m_db->setMeta(QStringLiteral("l1.headTimestamp"), QByteArray::number(m_reader->headTimestamp()));
        if (!st) qWarning().noquote() << "saving the L1 head failed:" << q(st.message());
    }
    // Final batches of the sequencer's chain (ours, and other proposers' it adopted): tell it once.
    auto inOurChain = [this](const ReplicaBatch& b) -> Result<bool> {
        if (b.header.proposer == m_address) return true;
        auto stored = m_db->batch(b.index);
        if (!stored) return stored.error();
        const auto& row = *stored;
        return row && row->status != BatchStatus::reverted && row->l1TxHash == b.at.txHash;
    };
    for (const auto& b : m_replica->batches()) {
        if (b.status(m_reader->headTimestamp()) != ReplicaBatch::Status::Final || b.index < m_lastChecked ||
            !proposerRole())
            continue;
        auto ours = inOurChain(b);
        if (!ours)
            return halt(QStringLiteral("cannot tell whether final batch %1 is in this node's chain: %2")
                            .arg(b.index)
                            .arg(q(ours.message())));
        if (*ours) {
            (void)m_sequencer->markBatchFinal(b.index);
            m_lastChecked = b.index + 1;
        }
    }
    if (m_config.verifier) verify();
    updateAlarms();
}

void L1Side::updateAlarms() {
    QStringList alarms;
    for (quint64 index : m_replica->unreadableBatches()) {
        const auto& b = m_replica->batches()[index];
        alarms << QStringLiteral(
                      "batch %1 (L1 tx %2) cannot be verified: %3. Nobody may be able to prove fraud in it; "
                      "it and every later batch are shown as unverified, never as final.")
                      .arg(index)
                      .arg(hexq(b.at.txHash), b.note);
    }
    if (!m_proposerStall.isEmpty()) alarms << m_proposerStall;
    for (const auto& a : alarms)
        if (!m_alarms.contains(a)) qCritical().noquote() << "ALARM:" << a;
    m_alarms = alarms;
}

void L1Side::verify() {
    for (const auto& b : m_replica->batches()) {
        if (b.judgement != ReplicaBatch::Judgement::Fraudulent || !b.fraudProof) continue;
        if (b.status(m_reader->headTimestamp()) != ReplicaBatch::Status::InWindow) continue;
        auto key = std::pair(b.index, rollup::batch_header_hash(b.header));
        if (m_proofsSent.count(key)) continue;
        m_proofsSent.insert(key);
        auto calldata = rollup::encode_prove_fraud_call(*b.fraudProof);
        if (!calldata) {
            qWarning().noquote() << "building proveFraud for batch" << b.index << "failed:" << q(calldata.message());
            continue;
        }
        qInfo().noquote() << "verifier: batch" << b.index
                          << "is fraudulent:" << QLatin1String(rollup::verdict_name(b.verdict).data()) << "in chunk"
                          << b.chunkIndex << "record" << b.recordIndex << "- sending proveFraud";
        publish(QStringLiteral("sluice_fraud"),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("found")},
                            {QStringLiteral("batchIndex"), double(b.index)},
                            {QStringLiteral("verdict"), QLatin1String(rollup::verdict_name(b.verdict).data())}});
        // No fixed gas limit: the node estimates it (a proof's cost depends on its witness, not on
        // how many batches follow, PROTOCOL.md §5.2). A proof that fails to send, is dropped or
        // reverts is tried again on the next L1 head while the batch is still in its window; one
        // that became unnecessary (someone else proved it first) is simply not found again.
        SendRequest req;
        req.to = m_reader->rollup();
        req.data = *calldata;
        quint64 index = b.index;
        auto report = [this, index](const QString& what, const QString& detail) {
            publish(QStringLiteral("sluice_fraud"), QJsonObject{{QStringLiteral("event"), what},
                                                                {QStringLiteral("batchIndex"), double(index)},
                                                                {QStringLiteral("detail"), detail}});
        };
        TransactionSender::Callbacks cb;
        cb.submitted = [this, index, report](Hash h) {
            emit fraudProofSent(index, q(h.hex()));
            report(QStringLiteral("sent"), q(h.hex()));
        };
        cb.confirmed = [this, index, key, report](TransactionReceipt r) {
            qInfo().noquote() << "verifier: proveFraud for batch" << index << (r.success ? "succeeded" : "reverted")
                              << "in L1 block" << r.blockNumber << "using" << q(u256_to_dec(r.gasUsed)) << "gas";
            report(r.success ? QStringLiteral("confirmed") : QStringLiteral("reverted"),
                   QStringLiteral("L1 block %1, %2 gas").arg(r.blockNumber).arg(q(u256_to_dec(r.gasUsed))));
            if (!r.success) {
                m_proofsSent.erase(key);  // try again on the next head, if still needed
                m_reader->sync();
            }
        };
        cb.failed = [this, key, index, report](SendFailure f) {
            qWarning().noquote() << "verifier: proveFraud for batch" << index
                                 << "failed, retrying on the next L1 head:" << f.message;
            report(QStringLiteral("retrying"), f.message);
            m_proofsSent.erase(key);
        };
        m_sender->send(*m_signer, req, this, std::move(cb));
    }
}

U256 L1Side::ourBond() const {
    U256 bond = 0;
    for (const auto& e : m_replica->bondEvents()) {
        if (e.proposer != m_address) continue;
        if (e.kind == BondEvent::Kind::Bonded) bond = e.total;
        if (e.kind == BondEvent::Kind::Slashed || e.kind == BondEvent::Kind::Withdrawn) bond = 0;
    }
    return bond;
}

void L1Side::ensureBond(std::function<void()> then) {
    const U256 required = m_replica->parameters().requiredBond;
    const U256 have = ourBond();
    if (have >= required) return then();
    m_bonding = true;
    SendRequest req;
    req.to = m_reader->rollup();
    req.data = rollupabi::encodeBond();
    req.value = required - have;
    TransactionSender::Callbacks cb;
    cb.confirmed = [this](TransactionReceipt) {
        qInfo().noquote() << "proposer: bond topped up";
        m_bonding = false;
        m_reader->sync();
    };
    cb.failed = [this](SendFailure f) {
        qWarning().noquote() << "proposer: bonding failed:" << f.message;
        m_bonding = false;
    };
    m_sender->send(*m_signer, req, this, std::move(cb));
}

// After a crash (kill -9) between sending submitBatch and seeing it on L1, the sequencer does not
// know that its next records are in a batch on L1; without this the proposer would wait for L1 to
// "catch up" forever. A current batch of ours that starts where the sequencer's posted state ends
// is adopted when re-executing the sequencer's next records gives exactly its header; anything
// else (a batch we cheated in, someone else's) is left to the verifier.
void L1Side::adoptPostedBatch(const PendingBatch& pending) {
    for (const auto& b : m_replica->batches()) {
        if (b.header.prev_state_root != pending.preStateRoot || b.header.deposit_start != pending.depositStart ||
            b.header.proposer != m_address || b.header.record_count > pending.records.size())
            continue;
        rollup::AccountTree tree = *pending.preState;
        std::span<const rollup::Record> records(pending.records.data(), std::size_t(b.header.record_count));
        auto rebuilt = rollup::build_batch(tree, records, m_replica->parameters().stfParams());
        if (!rebuilt || rebuilt->state_root() != b.header.state_root || rebuilt->tx_root != b.header.tx_root ||
            rebuilt->withdrawal_root != b.header.withdrawal_root)
            continue;
        auto built = std::make_shared<const BuiltBatch>(
            BuiltBatch{pending.firstRecordSeq,
                       {records.begin(), records.end()},
                       {pending.txHashes.begin(), pending.txHashes.begin() + std::ptrdiff_t(records.size())},
                       std::make_shared<rollup::AccountTree>(std::move(tree))});
        auto st = m_sequencer->markBatchPosted(b.index, b.header.record_count, b.header, b.at.txHash, b.at.blockNumber,
                                               std::move(built));
        if (!st) {
            qWarning().noquote() << "proposer: adopting batch" << b.index << "failed:" << q(st.message());
            return;
        }
        qInfo().noquote() << "proposer: batch" << b.index << "(" << b.header.record_count
                          << "records) was posted before a restart; the sequencer now knows it";
        emit batchPosted(b.index, false);
        return;
    }
}

// Another bonded proposer's batch may land on L1 right after our posted state (it won the race, or
// we were down). If the replica re-executed it and found it honest, the sequencer continues from
// it: what it sequenced on top of our posted state is dropped and its transactions sequenced again
// on the new state (Sequencer::adoptForeignBatch). A foreign batch this node could not verify is
// never built upon: the proposer stalls with an alarm until it is reverted. A fraudulent one waits
// for its fraud proof (firstBadBatch), without an alarm.
void L1Side::adoptForeignBatches() {
    const QString stallBefore = m_proposerStall;
    m_proposerStall.clear();
    const auto& batches = m_replica->batches();
    for (;;) {
        const auto tip = m_sequencer->postedTip();
        if (!tip) break;
        // Our posted state is on L1 as the pre-state of the batch that follows it there, if any.
        const ReplicaBatch* next = nullptr;
        for (const auto& b : batches) {
            if (b.header.prev_state_root == tip->stateRoot && b.header.deposit_start == tip->queueEntries) {
                next = &b;
                break;
            }
        }
        if (!next) {
            const bool onL1 =
                tip->stateRoot == m_replica->parameters().genesisStateRoot ||
                std::any_of(batches.begin(), batches.end(), [&](const ReplicaBatch& b) {
                    return b.header.state_root == tip->stateRoot && b.header.deposit_end == tip->queueEntries;
                });
            if (!onL1 && m_rewritten)  // (before the first full read of L1 the replica is incomplete)
                m_proposerStall = QStringLiteral(
                                      "this node's posted state (root %1, %2 queue entries) is not on L1; "
                                      "the proposer posts nothing until it is.")
                                      .arg(hexq(tip->stateRoot))
                                      .arg(tip->queueEntries);
            break;
        }
        if (next->header.proposer == m_address) break;  // ours: adoptPostedBatch (a batch sent before a crash)
        const QString who = q(to_checksum_address(next->header.proposer));
        if (next->judgement == ReplicaBatch::Judgement::Fraudulent) break;  // its fraud proof will remove it
        if (next->judgement != ReplicaBatch::Judgement::Honest) {
            m_proposerStall = QStringLiteral(
                                  "batch %1 was posted by another proposer (%2) on top of this node's posted "
                                  "state and cannot be verified (%3); the proposer does not build on it "
                                  "and posts nothing until it is reverted.")
                                  .arg(next->index)
                                  .arg(who, next->note);
            break;
        }
        // Like a deposit, an adopted batch waits for the L1 confirmations (a reorg could remove it).
        if (m_confirmations > 0 && next->at.blockNumber + m_confirmations > headNumber()) break;
        auto cached = m_foreignBatches.find(next->at.txHash);
        if (cached == m_foreignBatches.end()) {
            m_proposerStall = QStringLiteral(
                                  "batch %1 of another proposer (%2) is valid, but this node did not keep its "
                                  "records; restart the node to read it again from L1.")
                                  .arg(next->index)
                                  .arg(who);
            break;
        }
        // Its queue entries with their L1 transactions, before the confirmations would have let them in.
        const auto& deposits = m_replica->deposits();
        for (quint64 i = m_sequencer->nextDepositIndex(); i < next->header.deposit_end && i < deposits.size(); ++i) {
            const auto& d = deposits[i];
            if (auto s = creditQueueEntry(d); !s)
                qWarning().noquote() << "crediting deposit" << d.index << "failed:" << q(s.message());
        }
        auto st = m_sequencer->adoptForeignBatch(next->index, next->header, cached->second, next->at.txHash,
                                                 next->at.blockNumber);
        if (!st) {
            m_proposerStall = QStringLiteral(
                                  "batch %1 of another proposer (%2) follows this node's posted state and is "
                                  "valid, but the sequencer cannot continue from it: %3")
                                  .arg(next->index)
                                  .arg(who, q(st.message()));
            break;
        }
        qWarning().noquote() << "proposer: the sequencer continues from batch" << next->index << "of" << who;
        m_foreignBatches.erase(cached);
    }
    // Forget the records of batches that are gone from L1 or that the sequencer's posted state is past.
    const auto now = m_sequencer->postedTip();
    quint64 firstAhead = 0;  // the index after the batch that ends at our posted state, if it is on L1
    for (const auto& b : batches)
        if (now && b.header.state_root == now->stateRoot && b.header.deposit_end == now->queueEntries)
            firstAhead = b.index + 1;
    for (auto it = m_foreignBatches.begin(); it != m_foreignBatches.end();) {
        const bool ahead = std::any_of(batches.begin(), batches.end(), [&](const ReplicaBatch& b) {
            return b.at.txHash == it->first && b.index >= firstAhead;
        });
        it = ahead ? std::next(it) : m_foreignBatches.erase(it);
    }
    if (m_proposerStall != stallBefore) updateAlarms();
}

// What the builder thread gets and gives back.
struct L1Side::BuildJob {
    PendingBatch pending;
    rollup::Params params;
    rollup::AccountTree tree;  // the pending pre-state, then the honest post-state
    std::optional<Result<rollup::Batch>> batch;
};

void L1Side::proposeTick() {
    if (!m_replica || !m_key || m_proposing || m_building || m_bonding || m_inflight || m_cheatedBatch ||
        m_reader->busy())
        return;
    adoptForeignBatches();
    if (m_replica->firstBadBatch()) return;  // wait for the fraud proof to clear L1
    // The bond as L1 reports it (bond events are read up to the last sync).
    if (ourBond() < m_replica->parameters().requiredBond) return ensureBond([] {});

    PendingBatch pending = m_sequencer->pendingRecordsForBatch(static_cast<std::size_t>(m_config.batchMaxRecords));
    if (pending.records.empty() || !pending.preState) return;
    if (pending.preStateRoot != l1StateRoot()) {
        adoptPostedBatch(pending);  // a batch we sent before a crash may be on L1 already
        return;
    }
    if (pending.depositStart != m_replica->depositsProcessed()) return;  // L1 not caught up

    // build_batch executes the records and hashes the tree once per chunk, 15-20 ms for 1,024
    // records: on a thread of its own, so that the main thread goes on serving RPC meanwhile.
    auto job = std::make_shared<BuildJob>();
    job->pending = std::move(pending);
    job->params = m_replica->parameters().stfParams();
    m_building = true;
    if (m_builder.joinable()) m_builder.join();  // the last one, whose result was delivered
    m_builder = std::thread([this, job] {
        job->tree = *job->pending.preState;
        job->batch = rollup::build_batch(job->tree, job->pending.records, job->params, 2, job->pending.senders);
        // (Dropped with the L1Side if it goes first: stop() waits for this thread before that.)
        QMetaObject::invokeMethod(
            this,
            [this, job] {
                m_building = false;
                sendBuiltBatch(*job);
            },
            Qt::QueuedConnection);
    });
}

Hash L1Side::l1StateRoot() const {
    return m_replica->batches().empty() ? m_replica->parameters().genesisStateRoot
                                        : m_replica->batches().back().header.state_root;
}

void L1Side::sendBuiltBatch(BuildJob& job) {
    // While it was built the node may have stopped, or L1 or the sequencer moved on from the
    // state it was built on: then it is stale and the next tick builds another.
    PendingBatch& pending = job.pending;
    const auto tip = m_sequencer->postedTip();
    if (m_halted || !m_proposeTimer.isActive() || m_proposing || m_bonding || m_inflight || m_cheatedBatch ||
        m_replica->firstBadBatch() || !tip || tip->stateRoot != pending.preStateRoot ||
        tip->queueEntries != pending.depositStart || l1StateRoot() != pending.preStateRoot ||
        pending.depositStart != m_replica->depositsProcessed())
        return;
    const auto& params = job.params;
    auto& honest = *job.batch;
    if (!honest) {
        qWarning().noquote() << "proposer: cannot build a batch:" << q(honest.message());
        return;
    }
    rollup::AccountTree& tree = job.tree;
    const quint64 index = m_replica->batches().size();
    rollup::Batch batch = std::move(*honest);
    const std::size_t recordCount = pending.records.size();
    auto built = std::make_shared<const BuiltBatch>(BuiltBatch{pending.firstRecordSeq, std::move(pending.records),
                                                               std::move(pending.txHashes),
                                                               std::make_shared<rollup::AccountTree>(std::move(tree))});
    bool cheated = false;
    if (m_fault && (!m_fault->batchIndex || *m_fault->batchIndex <= index)) {
        auto bad = injectFault(m_fault->kind, batch, *pending.preState, params, *m_key);
        if (bad) {
            qWarning().noquote() << "FAULT INJECTION: batch" << index << "is posted with" << faultName(m_fault->kind);
            batch = std::move(*bad);
            cheated = true;
            m_fault.reset();  // once
        } else {
            qInfo().noquote() << "fault injection postponed:" << q(bad.message());
        }
    }

    if (!cheated) m_replica->expectBatch(batch.records, std::move(pending.senders));
    SubmitBatchCall call{batch.prev_state_root, batch.records, batch.chunk_roots};
    SendRequest req;
    req.to = m_reader->rollup();
    req.data = rollupabi::encodeSubmitBatch(call);
    m_proposing = true;
    TransactionSender::Callbacks cb;
    cb.submitted = [this, index, recordCount, cheated, built](Hash h) {
        qInfo().noquote() << "proposer: batch" << index << "(" << recordCount << "records) sent in L1 tx" << q(h.hex());
        m_inflight = InFlight{index, recordCount, h, cheated, built};
    };
    cb.confirmed = [this, index](TransactionReceipt r) {
        m_proposing = false;
        if (!r.success) {
            qWarning().noquote() << "proposer: submitBatch for batch" << index << "reverted";
            m_inflight.reset();
        }
        m_reader->sync();
    };
    cb.failed = [this](SendFailure f) {
        qWarning().noquote() << "proposer: submitBatch failed:" << f.message;
        m_proposing = false;
        m_inflight.reset();
    };
    m_sender->send(*m_signer, req, this, std::move(cb));
}

QJsonObject L1Side::batchJson(const ReplicaBatch& b) const {
    quint64 now = m_reader ? m_reader->headTimestamp() : 0;
    QString status = batchStatusName(b.status(now));
    if (!b.reverted && b.judgement == ReplicaBatch::Judgement::Fraudulent) status = QStringLiteral("challenged");
    QJsonArray txs;
    for (const auto& h : b.l2TxHashes) txs.append(hexq(h));
    return QJsonObject{{QStringLiteral("index"), double(b.index)},
                       {QStringLiteral("header"), headerJson(b.header)},
                       {QStringLiteral("l1TxHash"), hexq(b.at.txHash)},
                       {QStringLiteral("l1Block"), double(b.at.blockNumber)},
                       {QStringLiteral("finalAt"), double(b.finalAt)},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("recordCount"), double(b.header.record_count)},
                       {QStringLiteral("transactions"), txs}};
}

QJsonObject L1Side::rowJson(const L1BatchRow& b, quint64 l1Now) const {
    QString status = b.reverted                                 ? QStringLiteral("reverted")
                     : b.judgement == L1Judgement::fraudulent   ? QStringLiteral("challenged")
                     : b.judgement == L1Judgement::unverifiable ? QStringLiteral("unverified")
                     : l1Now >= b.finalAt                       ? QStringLiteral("final")
                                                                : QStringLiteral("in-window");
    QJsonArray txs;
    for (const auto& h : b.l2TxHashes) txs.append(hexq(h));
    rollup::BatchHeader h;
    h.prev_state_root = b.prevStateRoot;
    h.state_root = b.stateRoot;
    h.tx_root = b.txRoot;
    h.withdrawal_root = b.withdrawalRoot;
    h.record_count = b.recordCount;
    h.deposit_start = b.depositStart;
    h.deposit_end = b.depositEnd;
    h.submitted_at = b.submittedAt;
    h.proposer = b.proposer;
    return QJsonObject{{QStringLiteral("index"), double(b.index)},
                       {QStringLiteral("header"), headerJson(h)},
                       {QStringLiteral("l1TxHash"), hexq(b.l1TxHash)},
                       {QStringLiteral("l1Block"), double(b.l1Block)},
                       {QStringLiteral("finalAt"), double(b.finalAt)},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("recordCount"), double(b.recordCount)},
                       {QStringLiteral("transactions"), txs}};
}

void L1Side::registerStreams() {
    if (!m_rpcServer) return;
    for (const char* s : {"sluice_batches", "sluice_withdrawals", "sluice_fraud"})
        m_rpcServer->registerStream(QLatin1String(s));
}

// The sluice_ methods answer from the l1_* tables (what the watcher wrote), never from memory
// alone: after a restart they give the same answers before L1 has been read again. A stored value
// they cannot read is an internal error naming it (unreadable()), never a zero in the answer.
void L1Side::registerMethods() {
    if (!m_rpcServer) return;
    auto& s = *m_rpcServer;
    s.registerSyncMethod(QStringLiteral("sluice_status"), [this](const QJsonValue&) -> RpcOutcome {
        QJsonObject o{
            {QStringLiteral("l2Head"), m_sequencer ? QJsonValue(double(m_sequencer->blockNumber())) : QJsonValue()}};
        if (!m_db) return QJsonValue(o);
        auto storedParams = m_db->meta(QStringLiteral("l1.params"));
        if (!storedParams) return unreadable(storedParams.error());
        QJsonObject params;
        if (*storedParams) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(**storedParams, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return unreadable(
                    make_error(stored::damaged("meta l1.params", "holds " + std::to_string((*storedParams)->size()) +
                                                                     " bytes that are not a JSON object")));
            params = doc.object();
        }
        for (auto it = params.begin(); it != params.end(); ++it) o.insert(it.key(), it.value());
        auto now = headTimestamp();
        if (!now) return unreadable(now.error());
        auto latest = m_db->l1LatestBatch();
        if (!latest) return unreadable(latest.error());
        auto finalized = m_db->l1FinalizedBatch(*now);
        if (!finalized) return unreadable(finalized.error());
        auto fraudulent = m_db->l1FraudulentBatches();
        if (!fraudulent) return unreadable(fraudulent.error());
        auto queued = m_db->l1DepositCount();
        if (!queued) return unreadable(queued.error());
        auto storedRoot = m_db->meta(QStringLiteral("l1.stateRoot"));
        if (!storedRoot) return unreadable(storedRoot.error());
        QString stateRoot;  // the L2 state root after the last honest batch, as 0x-hex text
        if (*storedRoot) {
            stateRoot = QString::fromLatin1(**storedRoot);
            if (!Hash::from_hex((*storedRoot)->toStdString()))
                return unreadable(make_error(stored::damaged(
                    "meta l1.stateRoot", "holds " + stored::quote(QVariant(stateRoot)) + ", not a 32-byte hash")));
        }
        QJsonArray fraud;
        for (auto index : *fraudulent) fraud.append(double(index));
        const auto rollup = parse_address(m_config.rollupAddress.toStdString());
        o.insert(QStringLiteral("rollup"), rollup ? QJsonValue(q(to_checksum_address(*rollup))) : QJsonValue());
        o.insert(QStringLiteral("l1Head"), double(headNumber()));
        o.insert(QStringLiteral("latestBatch"), *latest ? QJsonValue(double((*latest)->index)) : QJsonValue());
        o.insert(QStringLiteral("finalizedBatch"), *finalized ? QJsonValue(double(**finalized)) : QJsonValue());
        o.insert(QStringLiteral("proposer"), m_key && proposerRole() ? q(to_checksum_address(m_address)) : QString());
        o.insert(QStringLiteral("depositsQueued"), double(*queued));
        o.insert(QStringLiteral("depositsProcessed"), double(*latest ? (*latest)->depositEnd : 0));
        o.insert(QStringLiteral("depositConfirmations"), double(m_confirmations));
        o.insert(QStringLiteral("alarms"), QJsonArray::fromStringList(m_alarms));
        o.insert(QStringLiteral("verifier"),
                 QJsonObject{{QStringLiteral("lastCheckedBatch"),
                              *latest ? QJsonValue(double((*latest)->index)) : QJsonValue()},
                             {QStringLiteral("fraudFound"), fraud},
                             {QStringLiteral("stateRoot"), stateRoot}});
        return QJsonValue(o);
    });
    s.registerSyncMethod(QStringLiteral("sluice_getBatches"), [this](const QJsonValue& params) -> RpcOutcome {
        const QJsonArray a = params.toArray();
        // Batch indices are SQLite integers (signed 64-bit); a page is at most 1,000 batches.
        const auto fromParam = integerParam(a.at(0), 0, INT64_MAX, QStringLiteral("fromIndex"), 0);
        if (auto* f = std::get_if<RpcFailure>(&fromParam)) return *f;
        const auto countParam = integerParam(a.at(1), 0, 1000, QStringLiteral("count"), 100);
        if (auto* f = std::get_if<RpcFailure>(&countParam)) return *f;
        const quint64 from = std::get<std::uint64_t>(fromParam);
        const quint64 count = std::get<std::uint64_t>(countParam);
        QJsonArray out;
        if (!m_db) return QJsonValue(out);
        auto now = headTimestamp();
        if (!now) return unreadable(now.error());
        auto rows = m_db->l1Batches(from, count);
        if (!rows) return unreadable(rows.error());
        for (const auto& b : *rows) out.append(rowJson(b, *now));
        return QJsonValue(out);
    });
    s.registerSyncMethod(QStringLiteral("sluice_getWithdrawals"), [this](const QJsonValue& params) -> RpcOutcome {
        auto who = addressParam(params);
        if (!who) return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [address]")};
        QJsonArray out;
        if (!m_db) return QJsonValue(out);
        auto now = headTimestamp();
        if (!now) return unreadable(now.error());
        auto withdrawals = m_db->l1WithdrawalsOf(*who);
        if (!withdrawals) return unreadable(withdrawals.error());
        for (const auto& w : *withdrawals) {
            auto storedBatch = m_db->l1BatchByTx(w.batchL1TxHash);
            if (!storedBatch) return unreadable(storedBatch.error());
            const auto& b = *storedBatch;
            if (!b) continue;
            QString status = b->reverted          ? QStringLiteral("reverted")
                             : w.finalized        ? QStringLiteral("finalized")
                             : *now >= b->finalAt ? QStringLiteral("ready")
                                                  : QStringLiteral("in-window");
            QJsonArray proof;
            for (const auto& h : w.proof) proof.append(hexq(h));
            QJsonObject batch = rowJson(*b, *now);
            out.append(QJsonObject{
                {QStringLiteral("id"),
                 b->reverted ? QJsonValue() : QJsonValue(QStringLiteral("%1:%2").arg(b->index).arg(w.withdrawalIndex))},
                {QStringLiteral("l2TxHash"), hexq(w.l2TxHash)},
                {QStringLiteral("recipient"), q(to_checksum_address(w.recipient))},
                {QStringLiteral("amount"), quantity(w.amount)},
                {QStringLiteral("status"), status},
                {QStringLiteral("batchIndex"), double(b->index)},
                {QStringLiteral("withdrawalIndex"), double(w.withdrawalIndex)},
                {QStringLiteral("finalAt"), double(b->finalAt)},
                {QStringLiteral("header"), batch.value(QStringLiteral("header"))},
                {QStringLiteral("proof"), proof}});
        }
        return QJsonValue(out);
    });
    s.registerSyncMethod(QStringLiteral("sluice_getDeposits"), [this](const QJsonValue& params) -> RpcOutcome {
        auto who = addressParam(params);
        if (!who) return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [address]")};
        QJsonArray out;
        if (!m_db) return QJsonValue(out);
        auto deposits = m_db->l1DepositsTo(*who);
        if (!deposits) return unreadable(deposits.error());
        for (const auto& d : *deposits) {
            out.append(QJsonObject{
                {QStringLiteral("queueIndex"), double(d.queueIndex)},
                {QStringLiteral("to"), q(to_checksum_address(d.to))},
                {QStringLiteral("amount"), quantity(d.amount)},
                {QStringLiteral("l1TxHash"), hexq(d.l1TxHash)},
                {QStringLiteral("l1Block"), double(d.l1Block)},
                {QStringLiteral("status"), d.creditedBlock ? QStringLiteral("credited") : QStringLiteral("queued")},
                {QStringLiteral("l2Block"), d.creditedBlock ? QJsonValue(double(*d.creditedBlock)) : QJsonValue()}});
        }
        return QJsonValue(out);
    });
}

}  // namespace sluice::node
