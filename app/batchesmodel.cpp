// SPDX-License-Identifier: MIT
#include "batchesmodel.h"

#include <QDateTime>
#include <QVariantList>

#include "appcontext.h"
#include "core/eth/address.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "services/bridge/rollup_contract.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

using namespace sluice;

namespace {
QString hex(const Hash& h) { return QString::fromStdString(h.hex()); }
QString localTime(quint64 t) {
    return t ? QDateTime::fromSecsSinceEpoch(qint64(t)).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")) : QString();
}
}  // namespace

QString BatchesModel::Row::key() const {
    return QString::number(batch.index) + QLatin1Char(':') + hex(batch_header_hash(batch.header));
}

BatchesModel::BatchesModel(QObject* parent) : QAbstractListModel(parent) {
    if (AppContext::existing()) attach();
}

BatchesModel::~BatchesModel() = default;

void BatchesModel::attach() {
    auto* session = WalletSession::instance();
    connect(session, &WalletSession::batchNotified, this, &BatchesModel::upsertBatch);
    connect(AppContext::instance()->verification(), &VerificationStore::batchVerified, this,
            &BatchesModel::applyVerification);
    connect(session, &WalletSession::nowChanged, this, [this, session] { setNow(session->now()); });
    connect(session, &WalletSession::sessionStarted, this, &BatchesModel::fetch);
    connect(session, &WalletSession::sessionEnded, this, [this] {
        ++m_generation;
        beginResetModel();
        m_rows.clear();
        endResetModel();
        m_fraud.reset();
        emit fraudChanged();
        emit countChanged();
    });
    m_now = session->now();
    if (session->isReady()) fetch();
}

void BatchesModel::fetch() {
    auto* session = WalletSession::existing();
    if (!session || !session->l2()) return;
    m_challengePeriod = session->params().challengePeriod;
    if (session->verifier())
        for (const BatchVerification& v : session->verifier()->results()) applyVerification(v);
    m_loading = true;
    emit loadingChanged();
    const int generation = ++m_generation;
    // A page of the newest batches is enough for the page; older ones scroll in as they are notified.
    // 100 full batches (their transaction hashes included) stay well below the node's 16 MiB answer cap.
    constexpr quint64 kPage = 100;
    session->l2()->status(this, [this, generation, session](RpcResult<L2Status> status) {
        if (generation != m_generation) return;
        const quint64 latest = status.ok() && status.value().latestBatch ? *status.value().latestBatch : 0;
        const quint64 from = latest >= kPage ? latest - (kPage - 1) : 0;
        session->l2()->batches(from, kPage, this, [this, generation](RpcResult<QList<L2Batch>> batches) {
            if (generation != m_generation) return;
            m_loading = false;
            emit loadingChanged();
            if (!batches) return;
            for (const L2Batch& b : batches.value()) upsertBatch(b);
        });
    });
}

void BatchesModel::refresh() { fetch(); }

int BatchesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QHash<int, QByteArray> BatchesModel::roleNames() const {
    return {{KeyRole, "key"},
            {IndexRole, "index"},
            {TxCountRole, "txCount"},
            {StateRootRole, "stateRoot"},
            {AgeRole, "age"},
            {PostedAtRole, "postedAt"},
            {FinalAtRole, "finalAt"},
            {WindowProgressRole, "windowProgress"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {VerificationRole, "verification"},
            {VerifiedRole, "verified"},
            {FraudRole, "fraud"}};
}

QString BatchesModel::ago(qint64 seconds) {
    if (seconds < 0) seconds = 0;
    if (seconds < 60) return tr("%1s ago").arg(seconds);
    if (seconds < 3600) return tr("%1m %2s ago").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400) return tr("%1h %2m ago").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1d %2h ago").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QVariant BatchesModel::windowProgress(const Row& row) const {
    const quint64 start = row.batch.header.submitted_at;
    const quint64 end = row.batch.finalAt ? row.batch.finalAt : start + m_challengePeriod;
    if (end <= start) return 1.0;
    if (m_now <= qint64(start)) return 0.0;
    return std::min(1.0, double(quint64(m_now) - start) / double(end - start));
}

QVariant BatchesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows.at(index.row());
    const L2Batch& b = row.batch;
    QString status = b.status;
    // The node's "in-window" turns "final" on the clock, without waiting for its next notice.
    if (status == QLatin1String("in-window") && b.finalAt && quint64(m_now) >= b.finalAt)
        status = QStringLiteral("final");
    // What this wallet could not re-execute is never shown as in its window or final (§5.1).
    if (row.verification && row.verification->outcome == BatchVerification::Outcome::Unverifiable &&
        status != QLatin1String("reverted"))
        status = QStringLiteral("unverified");
    const QString verification =
        row.verification ? verificationName(row.verification->outcome) : QStringLiteral("pending");
    switch (role) {
    case KeyRole: return row.key();
    case IndexRole: return int(b.index);
    case TxCountRole: return int(b.recordCount ? b.recordCount : b.header.record_count);
    case StateRootRole: return hex(b.header.state_root);
    case AgeRole: return ago(m_now - qint64(b.header.submitted_at));
    case PostedAtRole: return localTime(b.header.submitted_at);
    case FinalAtRole: return localTime(b.finalAt);
    case WindowProgressRole: return windowProgress(row);
    case StatusRole: return status;
    case StatusTextRole:
        if (row.verification && row.verification->outcome == BatchVerification::Outcome::Fraud &&
            status != QLatin1String("reverted"))
            return tr("Fraud found by this wallet");
        if (status == QLatin1String("in-window"))
            return row.verification && row.verification->verified() ? tr("In challenge window, verified by this wallet")
                                                                    : tr("In challenge window");
        if (status == QLatin1String("final")) return tr("Final");
        if (status == QLatin1String("challenged")) return tr("Challenged");
        if (status == QLatin1String("reverted")) return tr("Fraud proven, reverted");
        if (status == QLatin1String("unverified")) return tr("Not verifiable by this wallet");
        return status;
    case VerificationRole: return verification;
    case VerifiedRole: return row.verification && row.verification->verified();
    case FraudRole: return row.verification && row.verification->outcome == BatchVerification::Outcome::Fraud;
    default: return {};
    }
}

int BatchesModel::rowOfIndex(quint64 index) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).batch.index == index) return i;
    return -1;
}

void BatchesModel::upsertBatch(const L2Batch& batch) {
    const int at = rowOfIndex(batch.index);
    if (at >= 0) {
        Row& row = m_rows[at];
        const bool sameHeader = row.batch.header == batch.header;
        if (sameHeader || batch.status != QLatin1String("reverted")) {
            if (!sameHeader) row.verification.reset();  // a re-posted batch: its verdict is new
            row.batch = batch;
            emit dataChanged(index(at), index(at));
            return;
        }
        row.batch = batch;
        emit dataChanged(index(at), index(at));
        return;
    }
    // Newest first: find the place by index.
    int pos = 0;
    while (pos < m_rows.size() && m_rows.at(pos).batch.index > batch.index) ++pos;
    beginInsertRows({}, pos, pos);
    m_rows.insert(pos, Row{batch, std::nullopt});
    endInsertRows();
    emit countChanged();
    if (auto* session = WalletSession::existing(); session && session->verifier())
        if (auto v = session->verifier()->result(batch.index)) applyVerification(*v);
}

void BatchesModel::applyVerification(const BatchVerification& result) {
    const int at = rowOfIndex(result.index);
    if (at >= 0) {
        m_rows[at].verification = result;
        emit dataChanged(index(at), index(at), {VerificationRole, VerifiedRole, FraudRole, StatusTextRole});
    }
    if (result.outcome == BatchVerification::Outcome::Fraud) {
        if (!m_fraud || *m_fraud != result.index) {
            m_fraud = result.index;
            m_fraudMessage = result.message;
            emit fraudChanged();
            emit fraudDetectedSignal(result.index, result.message);
        }
    } else if (m_fraud && *m_fraud == result.index) {
        m_fraud.reset();
        m_fraudMessage.clear();
        emit fraudChanged();
    }
}

void BatchesModel::setNow(qint64 unixSeconds) {
    m_now = unixSeconds;
    if (m_rows.isEmpty()) return;
    emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                     {AgeRole, WindowProgressRole, StatusRole, StatusTextRole});
}

QVariantMap BatchesModel::detail(const QString& key) const {
    for (const Row& row : m_rows) {
        if (row.key() != key) continue;
        const L2Batch& b = row.batch;
        QVariantList txs;
        for (const Hash& h : b.transactions) txs.append(hex(h));
        return {{QStringLiteral("index"), int(b.index)},
                {QStringLiteral("txCount"), int(b.recordCount)},
                {QStringLiteral("stateRoot"), hex(b.header.state_root)},
                {QStringLiteral("previousRoot"), hex(b.header.prev_state_root)},
                {QStringLiteral("withdrawalRoot"), hex(b.header.withdrawal_root)},
                {QStringLiteral("txRoot"), hex(b.header.tx_root)},
                {QStringLiteral("proposer"), QString::fromStdString(to_checksum_address(b.header.proposer))},
                {QStringLiteral("l1TxHash"), hex(b.l1TxHash)},
                {QStringLiteral("l1Block"), QString::number(b.l1Block)},
                {QStringLiteral("postedAt"), localTime(b.header.submitted_at)},
                {QStringLiteral("finalAt"), localTime(b.finalAt)},
                {QStringLiteral("status"), b.status},
                {QStringLiteral("verification"),
                 row.verification ? verificationName(row.verification->outcome) : QStringLiteral("pending")},
                {QStringLiteral("message"), row.verification ? row.verification->message : QString()},
                {QStringLiteral("transactions"), txs}};
    }
    return {};
}

void BatchesModel::setProverAccount(const QString& key) {
    if (key == m_prover) return;
    m_prover = key;
    emit provingChanged();
}

void BatchesModel::submitFraudProof(int batchIndex) {
    auto fail = [this](const QString& message) {
        m_proving = false;
        m_proofError = message;
        emit provingChanged();
    };
    auto* session = WalletSession::existing();
    if (!session || !session->verifier() || !session->rollup()) return fail(tr("Not connected to the network."));
    const auto& batches = session->verifier()->replica().batches();
    if (batchIndex < 0 || std::size_t(batchIndex) >= batches.size() || !batches[std::size_t(batchIndex)].fraudProof)
        return fail(tr("This wallet has no fraud proof for batch %1.").arg(batchIndex));
    auto calldata = rollup::encode_prove_fraud_call(*batches[std::size_t(batchIndex)].fraudProof);
    if (!calldata) return fail(QString::fromStdString(calldata.message()));
    const auto accounts = AppContext::instance()->store()->accounts();
    if (accounts.isEmpty()) return fail(tr("The wallet has no account to pay for the proof."));
    int accountIndex = accounts.constFirst().index;
    if (!m_prover.isEmpty()) accountIndex = m_prover.toInt();
    auto signer = session->signer(accountIndex);
    if (!signer) return fail(tr("Unlock the wallet to send the fraud proof."));
    m_proving = true;
    m_proofError.clear();
    m_proofTxHash.clear();
    emit provingChanged();
    auto* sender = new TransactionSender(session->l1(), session->params().l1ChainId, this);
    SendRequest request;
    request.to = session->rollup()->address();
    request.value = 0;
    request.data = calldata.value();
    TransactionSender::Callbacks callbacks;
    callbacks.submitted = [this](Hash hash) {
        m_proofTxHash = hex(hash);
        emit provingChanged();
    };
    callbacks.confirmed = [this, sender, session](TransactionReceipt receipt) {
        sender->deleteLater();
        m_proving = false;
        if (!receipt.success)
            m_proofError = tr("The fraud proof transaction reverted (someone may have proven it first).");
        emit provingChanged();
        session->refresh();
    };
    callbacks.failed = [this, sender](SendFailure failure) {
        sender->deleteLater();
        m_proving = false;
        m_proofError = failure.message;
        emit provingChanged();
    };
    sender->send(*signer, request, this, callbacks);
}
