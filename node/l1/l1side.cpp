// SPDX-License-Identifier: MIT
#include "node/l1/l1side.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include "core/eth/address.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "node/devnet/devnet.h"
#include "node/l1/blockingrpc.h"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/sequencer.h"
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

Result<PrivateKey> loadKey(const QString& source) {
    if (source.startsWith(QLatin1String("env:"))) {
        QByteArray v = qgetenv(source.mid(4).toUtf8().constData());
        if (v.isEmpty()) return make_error("the key variable " + source.mid(4).toStdString() + " is not set");
        auto key = PrivateKey::from_hex(v.trimmed().toStdString());
        secure_wipe(v.data(), static_cast<std::size_t>(v.size()));
        if (!key) return make_error("the key in " + source.mid(4).toStdString() + " is not a 32-byte hex private key");
        return key;
    }
    QString path = source.startsWith(QLatin1String("file:")) ? source.mid(5) : source;
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

std::optional<Address> addressParam(const QJsonValue& params) {
    auto a = parse_address(params.toArray().at(0).toString().toStdString());
    if (!a) return std::nullopt;
    return *a;
}

}  // namespace

Status L1Side::prepare(NodeConfig& config) {
    if (config.devnet) {
        auto* devnet = new Devnet(QCoreApplication::instance());  // stops anvil when the app goes
        DevnetOptions options;
        options.dataDir = config.dataDir;
        options.challengePeriod = config.challengePeriod.value_or(60);
        options.l1Port = config.l1Port;
        options.l2Port = config.rpcPort;
        auto manifest = devnet->start(options);
        if (!manifest) return manifest.error();
        qInfo().noquote() << (devnet->resumed() ? "devnet: resumed" : "devnet: deployed") << "Rollup at"
                          << q(to_checksum_address(manifest->rollup)) << "on" << manifest->l1RpcUrl
                          << "- manifest" << devnet->manifestPath();
        config.l1RpcUrl = manifest->l1RpcUrl;
        config.rollupAddress = q(manifest->rollup.hex());
        g_deployBlock = manifest->deployBlock;
        if (config.proposerKeySource.isEmpty()) {
            // anvil's public dev key 0, handed over in-process only.
            qputenv(kDevnetKeyEnv, (config.verifier ? Devnet::verifierKey() : Devnet::proposerKey()).toUtf8());
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
    std::optional<RpcResult<RollupParameters>> params;
    QEventLoop loop;
    reader.readParameters(&reader, [&](RpcResult<RollupParameters> r) {
        params = std::move(r);
        loop.quit();
    });
    if (!params) loop.exec();
    if (!*params) return make_error(params->error().message.toStdString());
    config.l2ChainId = params->value().l2ChainId;
    config.l2BaseFee = params->value().l2BaseFee;
    config.feeRecipient = params->value().feeRecipient;
    return {};
}

L1Side::L1Side(const NodeConfig& config, Sequencer& sequencer, RpcServer& rpc, QObject* parent)
    : QObject(parent), m_config(config), m_sequencer(sequencer), m_rpcServer(rpc) {
    if (auto f = parseFault(config.faultSpec); f) m_fault = *f;
}

L1Side::~L1Side() { stop(); }

Status L1Side::start() {
    auto fault = parseFault(m_config.faultSpec);
    if (!fault) return fault.error();
    m_fault = *fault;
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
        m_address = public_key_of(*m_key).address();
    } else if (proposerRole() || m_config.verifier) {
        return make_error("the proposer/verifier needs an L1 key (--proposer-key env:VAR or file:PATH)");
    }

    m_l1 = std::make_unique<RpcClient>(QUrl(m_config.l1RpcUrl));
    m_eth = new EthClient(m_l1.get(), this);
    QUrl ws(m_config.l1RpcUrl);
    ws.setScheme(ws.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_heads = new HeadsSubscription(ws, m_l1.get(), this);
    m_heads->setPollInterval(std::chrono::milliseconds(500));
    m_sender = new TransactionSender(m_eth, this);
    m_sender->setReceiptTimeout(std::chrono::seconds(60));
    m_reader = new RollupReader(m_eth, *rollup, g_deployBlock, this);
    connect(m_reader, &RollupReader::eventsRead, this, &L1Side::onEvents);
    connect(m_reader, &RollupReader::reorged, this, [this](quint64 fork) {
        if (m_replica) m_replica->rollbackTo(fork);
    });
    connect(m_reader, &RollupReader::synced, this, &L1Side::onSynced);
    connect(m_reader, &RollupReader::failed, this, [](const QString& m) { qWarning().noquote() << m; });
    connect(m_heads, &HeadsSubscription::newHead, m_reader, &RollupReader::sync);
    for (const char* s : {"sluice_batches", "sluice_withdrawals", "sluice_fraud"})
        m_rpcServer.registerStream(QLatin1String(s));
    registerMethods();

    m_reader->readParameters(this, [this](RpcResult<RollupParameters> r) {
        if (!r) return emit fatalError(r.error().message);
        m_replica = std::make_unique<L1Replica>(r.value());
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
}

void L1Side::onEvents(const std::vector<RollupEvent>& events) {
    if (!m_replica) return;
    for (const auto& e : events) {
        const std::size_t revertedBefore = m_replica->revertedBatches().size();
        m_replica->apply(e);
        if (const auto* d = std::get_if<DepositQueuedEvent>(&e)) {
            if (proposerRole()) {
                auto s = m_sequencer.creditDeposit(d->index, d->to, d->amount, d->timestamp, d->at.txHash);
                if (!s) qWarning().noquote() << "crediting deposit" << d->index << "failed:" << q(s.message());
            }
        } else if (const auto* b = std::get_if<BatchSubmittedEvent>(&e)) {
            const auto& rb = m_replica->batches().back();
            if (m_inflight && m_inflight->txHash == b->at.txHash && proposerRole()) {
                auto s = m_sequencer.markBatchPosted(b->index, m_inflight->recordCount, b->header, b->at.txHash,
                                                     b->at.blockNumber);
                if (!s) qWarning().noquote() << "marking batch" << b->index << "posted failed:" << q(s.message());
                if (m_inflight->cheated) m_cheatedBatch = b->index;
                emit batchPosted(b->index, m_inflight->cheated);
                m_inflight.reset();
            }
            m_rpcServer.publish(QStringLiteral("sluice_batches"), batchJson(rb));
            for (const auto& w : rb.withdrawals)
                m_rpcServer.publish(QStringLiteral("sluice_withdrawals"),
                                    QJsonObject{{QStringLiteral("recipient"), q(to_checksum_address(w.recipient))},
                                                {QStringLiteral("amount"), quantity(w.amount)},
                                                {QStringLiteral("batchIndex"), double(rb.index)},
                                                {QStringLiteral("withdrawalIndex"), double(w.withdrawalIndex)},
                                                {QStringLiteral("status"), QStringLiteral("posted")}});
        } else if (const auto* r = std::get_if<BatchRevertedEvent>(&e)) {
            if (m_replica->revertedBatches().size() > revertedBefore)
                m_rpcServer.publish(QStringLiteral("sluice_batches"), batchJson(m_replica->revertedBatches().back()));
            // Emitted newest first: the last one of the transaction is the proven batch.
            if (proposerRole()) {
                auto s = m_sequencer.onBatchReverted(r->index);
                if (!s) qWarning().noquote() << "reverting batch" << r->index << "failed:" << q(s.message());
            }
            if (m_cheatedBatch && *m_cheatedBatch >= r->index) m_cheatedBatch.reset();
        } else if (const auto* f = std::get_if<FraudProvenEvent>(&e)) {
            qInfo().noquote() << "L1: fraud proven in batch" << f->batchIndex << "chunk" << f->chunkIndex << "verdict"
                              << QLatin1String(rollup::verdict_name(f->verdict).data()) << "by"
                              << q(to_checksum_address(f->challenger));
            m_rpcServer.publish(QStringLiteral("sluice_fraud"),
                                QJsonObject{{QStringLiteral("event"), QStringLiteral("proven")},
                                            {QStringLiteral("batchIndex"), double(f->batchIndex)},
                                            {QStringLiteral("chunkIndex"), double(f->chunkIndex)},
                                            {QStringLiteral("verdict"), QLatin1String(rollup::verdict_name(f->verdict).data())},
                                            {QStringLiteral("challenger"), q(to_checksum_address(f->challenger))},
                                            {QStringLiteral("l1TxHash"), hexq(f->at.txHash)}});
        }
    }
}

void L1Side::onSynced() {
    if (!m_replica) return;
    // Final batches: tell the sequencer once.
    for (const auto& b : m_replica->batches()) {
        if (b.status(m_reader->headTimestamp()) == ReplicaBatch::Status::Final && b.index >= m_lastChecked &&
            proposerRole() && b.header.proposer == m_address) {
            (void)m_sequencer.markBatchFinal(b.index);
            m_lastChecked = b.index + 1;
        }
    }
    if (m_config.verifier) verify();
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
        qInfo().noquote() << "verifier: batch" << b.index << "is fraudulent:"
                          << QLatin1String(rollup::verdict_name(b.verdict).data()) << "in chunk" << b.chunkIndex
                          << "record" << b.recordIndex << "- sending proveFraud";
        m_rpcServer.publish(QStringLiteral("sluice_fraud"),
                            QJsonObject{{QStringLiteral("event"), QStringLiteral("found")},
                                        {QStringLiteral("batchIndex"), double(b.index)},
                                        {QStringLiteral("verdict"), QLatin1String(rollup::verdict_name(b.verdict).data())}});
        SendRequest req;
        req.to = m_reader->rollup();
        req.data = *calldata;
        req.gasLimit = 3'000'000;
        quint64 index = b.index;
        TransactionSender::Callbacks cb;
        cb.submitted = [this, index](Hash h) { emit fraudProofSent(index, q(h.hex())); };
        cb.confirmed = [index](TransactionReceipt r) {
            qInfo().noquote() << "verifier: proveFraud for batch" << index << (r.success ? "succeeded" : "reverted")
                              << "in L1 block" << r.blockNumber;
        };
        cb.failed = [this, key](SendFailure f) {
            qWarning().noquote() << "verifier: proveFraud failed:" << f.message;
            m_proofsSent.erase(key);  // try again on the next head
        };
        m_sender->send(*m_key, req, this, std::move(cb));
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
    m_sender->send(*m_key, req, this, std::move(cb));
}

void L1Side::proposeTick() {
    if (!m_replica || !m_key || m_proposing || m_bonding || m_inflight || m_cheatedBatch || m_reader->busy()) return;
    if (m_replica->firstBadBatch()) return;  // wait for the fraud proof to clear L1
    // The bond as L1 reports it (bond events are read up to the last sync).
    if (ourBond() < m_replica->parameters().requiredBond) return ensureBond([] {});

    PendingBatch pending = m_sequencer.pendingRecordsForBatch(static_cast<std::size_t>(m_config.batchMaxRecords));
    if (pending.records.empty() || !pending.preState) return;
    Hash l1Root = m_replica->batches().empty() ? m_replica->parameters().genesisStateRoot
                                               : m_replica->batches().back().header.state_root;
    if (pending.preStateRoot != l1Root || pending.depositStart != m_replica->depositsProcessed()) return;  // L1 not caught up

    const auto params = m_replica->parameters().stfParams();
    rollup::AccountTree tree = *pending.preState;
    auto honest = rollup::build_batch(tree, pending.records, params);
    if (!honest) {
        qWarning().noquote() << "proposer: cannot build a batch:" << q(honest.message());
        return;
    }
    const quint64 index = m_replica->batches().size();
    rollup::Batch batch = std::move(*honest);
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

    SubmitBatchCall call{batch.prev_state_root, batch.records, batch.chunk_roots, {}};
    const quint64 depositEnd = pending.depositStart + batch.deposit_count;
    if (depositEnd < m_replica->deposits().size()) {
        const auto& d = m_replica->deposits()[depositEnd];
        call.next = NextDeposit{d.to, d.amount, d.timestamp};
    }
    SendRequest req;
    req.to = m_reader->rollup();
    req.data = rollupabi::encodeSubmitBatch(call);
    m_proposing = true;
    const std::size_t recordCount = pending.records.size();
    TransactionSender::Callbacks cb;
    cb.submitted = [this, index, recordCount, cheated](Hash h) {
        m_inflight = InFlight{index, recordCount, h, cheated};
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
    m_sender->send(*m_key, req, this, std::move(cb));
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

void L1Side::registerMethods() {
    auto& s = m_rpcServer;
    s.registerSyncMethod(QStringLiteral("sluice_status"), [this](const QJsonValue&) -> RpcOutcome {
        QJsonObject o{{QStringLiteral("l2Head"), double(m_sequencer.blockNumber())}};
        if (!m_replica) return QJsonValue(o);
        const auto& p = m_replica->parameters();
        QJsonArray fraud;
        std::optional<quint64> finalized;
        for (const auto& b : m_replica->batches()) {
            if (b.judgement == ReplicaBatch::Judgement::Fraudulent) fraud.append(double(b.index));
            if (b.status(m_reader->headTimestamp()) == ReplicaBatch::Status::Final) finalized = b.index;
        }
        o.insert(QStringLiteral("l1ChainId"), double(p.l1ChainId));
        o.insert(QStringLiteral("l2ChainId"), quantity(p.l2ChainId));
        o.insert(QStringLiteral("rollup"), q(to_checksum_address(m_reader->rollup())));
        o.insert(QStringLiteral("l1Head"), double(m_reader->headNumber()));
        o.insert(QStringLiteral("latestBatch"),
                 m_replica->batches().empty() ? QJsonValue() : QJsonValue(double(m_replica->batches().size() - 1)));
        o.insert(QStringLiteral("finalizedBatch"), finalized ? QJsonValue(double(*finalized)) : QJsonValue());
        o.insert(QStringLiteral("challengePeriod"), double(p.challengePeriod));
        o.insert(QStringLiteral("requiredBond"), quantity(p.requiredBond));
        o.insert(QStringLiteral("l2BaseFee"), quantity(p.l2BaseFee));
        o.insert(QStringLiteral("proposer"), m_key ? q(to_checksum_address(m_address)) : QString());
        o.insert(QStringLiteral("depositsQueued"), double(m_replica->deposits().size()));
        o.insert(QStringLiteral("depositsProcessed"), double(m_replica->depositsProcessed()));
        o.insert(QStringLiteral("verifier"),
                 QJsonObject{{QStringLiteral("lastCheckedBatch"),
                              m_replica->batches().empty() ? QJsonValue() : QJsonValue(double(m_replica->batches().size() - 1))},
                             {QStringLiteral("fraudFound"), fraud}});
        return QJsonValue(o);
    });
    s.registerSyncMethod(QStringLiteral("sluice_getBatches"), [this](const QJsonValue& params) -> RpcOutcome {
        auto a = params.toArray();
        quint64 from = quint64(a.at(0).toDouble(0));
        quint64 count = quint64(a.at(1).toDouble(100));
        if (count > 1000) return RpcFailure{rpc_error::invalidParams, QStringLiteral("count must be at most 1000")};
        QJsonArray out;
        if (m_replica)
            for (quint64 i = from; i < m_replica->batches().size() && i < from + count; ++i)
                out.append(batchJson(m_replica->batches()[i]));
        return QJsonValue(out);
    });
    s.registerSyncMethod(QStringLiteral("sluice_getWithdrawals"), [this](const QJsonValue& params) -> RpcOutcome {
        auto who = addressParam(params);
        if (!who) return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [address]")};
        QJsonArray out;
        if (!m_replica) return QJsonValue(out);
        const quint64 now = m_reader->headTimestamp();
        auto add = [&](const ReplicaBatch& b) {
            for (const auto& w : b.withdrawals) {
                if (w.recipient != *who) continue;
                QString status = b.reverted ? QStringLiteral("reverted")
                                 : w.finalized ? QStringLiteral("finalized")
                                 : b.status(now) == ReplicaBatch::Status::Final ? QStringLiteral("ready")
                                                                                 : QStringLiteral("in-window");
                QJsonArray proof;
                for (const auto& h : w.proof) proof.append(hexq(h));
                out.append(QJsonObject{
                    {QStringLiteral("id"), b.reverted ? QJsonValue() : QJsonValue(QStringLiteral("%1:%2").arg(b.index).arg(w.withdrawalIndex))},
                    {QStringLiteral("l2TxHash"), hexq(w.l2TxHash)},
                    {QStringLiteral("recipient"), q(to_checksum_address(w.recipient))},
                    {QStringLiteral("amount"), quantity(w.amount)},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("batchIndex"), double(b.index)},
                    {QStringLiteral("withdrawalIndex"), double(w.withdrawalIndex)},
                    {QStringLiteral("finalAt"), double(b.finalAt)},
                    {QStringLiteral("header"), headerJson(b.header)},
                    {QStringLiteral("proof"), proof}});
            }
        };
        for (const auto& b : m_replica->revertedBatches()) add(b);
        for (const auto& b : m_replica->batches()) add(b);
        return QJsonValue(out);
    });
    s.registerSyncMethod(QStringLiteral("sluice_getDeposits"), [this](const QJsonValue& params) -> RpcOutcome {
        auto who = addressParam(params);
        if (!who) return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [address]")};
        QJsonArray out;
        if (!m_replica) return QJsonValue(out);
        for (const auto& d : m_replica->deposits()) {
            if (d.to != *who) continue;
            bool credited = d.index < m_sequencer.nextDepositIndex();
            out.append(QJsonObject{{QStringLiteral("queueIndex"), double(d.index)},
                                   {QStringLiteral("to"), q(to_checksum_address(d.to))},
                                   {QStringLiteral("amount"), quantity(d.amount)},
                                   {QStringLiteral("l1TxHash"), hexq(d.at.txHash)},
                                   {QStringLiteral("status"), credited ? QStringLiteral("credited") : QStringLiteral("queued")},
                                   {QStringLiteral("l2Block"), QJsonValue()}});
        }
        return QJsonValue(out);
    });
}

}  // namespace sluice::node
