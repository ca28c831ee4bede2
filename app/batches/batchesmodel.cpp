// SPDX-License-Identifier: MIT
#include "batches/batchesmodel.h"

#include "stores/storeinput.h"

#include <QDateTime>
#include <QLocale>
#include <QVariantList>

#include "bridge/transfersmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
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

BatchesModel::BatchesModel(QObject* parent) : QAbstractListModel(parent) {}

BatchesModel::~BatchesModel() = default;

void BatchesModel::setWallet(sluice::WalletStore* wallet) {
    if (wallet == m_wallet) return;
    m_wallet = wallet;
    emit storesChanged();
}

void BatchesModel::setVerification(VerificationStore* verification) {
    if (!replaceStore(m_verification, verification, this)) return;
    emit storesChanged();
    if (verification) connect(verification, &VerificationStore::batchVerified, this, &BatchesModel::applyVerification);
}

void BatchesModel::setSession(WalletSession* session) {
    if (!replaceStore(m_session, session, this)) return;
    emit storesChanged();
    if (!session) return;
    connect(session, &WalletSession::batchNotified, this, &BatchesModel::upsertBatch);
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
    auto* session = m_session;
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
            {ToneRole, "tone"},
            {StatusTextRole, "statusText"},
            {VerificationRole, "verification"},
            {VerdictTextRole, "verdictText"},
            {WindowTextRole, "windowText"},
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

BatchesModel::Status BatchesModel::statusOf(const Row& row) const {
    const L2Batch& b = row.batch;
    if (b.status == QLatin1String("reverted")) return Status::Reverted;
    // What this wallet could not re-execute is never shown as in its window or final (§5.1).
    if (row.verification && row.verification->outcome == BatchVerification::Outcome::Unverifiable)
        return Status::Unverified;
    if (b.status == QLatin1String("challenged")) return Status::Challenged;
    if (b.status == QLatin1String("final")) return Status::Final;
    // The node's "in-window" turns final on the clock, without waiting for its next notice.
    if (b.status == QLatin1String("in-window"))
        return b.finalAt && quint64(m_now) >= b.finalAt ? Status::Final : Status::InWindow;
    return Status::Unknown;
}

BatchesModel::Verification BatchesModel::verificationOf(const Row& row) {
    if (!row.verification) return Verification::Pending;
    switch (row.verification->outcome) {
    case BatchVerification::Outcome::Fraud: return Verification::Fraud;
    case BatchVerification::Outcome::Unverifiable: return Verification::Unverifiable;
    default: return row.verification->verified() ? Verification::Verified : Verification::Pending;
    }
}

QString BatchesModel::statusText(const Row& row) const {
    const Status status = statusOf(row);
    // The verdict line under the chip says who found it.
    if (verificationOf(row) == Verification::Fraud && status != Status::Reverted) return tr("Fraud");
    switch (status) {
    case Status::InWindow: return tr("In challenge window");
    case Status::Final: return tr("Final");
    case Status::Challenged: return tr("Challenged");
    case Status::Reverted: return tr("Fraud proven, reverted");
    case Status::Unverified: return tr("Not verifiable by this wallet");
    case Status::Unknown: break;
    }
    return row.batch.status;  // a word of a newer node: shown as it came
}

QString BatchesModel::verdictText(const Row& row) {
    switch (verificationOf(row)) {
    case Verification::Verified: return tr("verified by this wallet");
    case Verification::Fraud: return tr("fraud found by this wallet");
    case Verification::Unverifiable: return tr("cannot be verified: it follows a bad batch");
    case Verification::Pending: break;
    }
    return tr("not yet re-executed by this wallet");
}

QString BatchesModel::windowText(const Row& row) const {
    const L2Batch& b = row.batch;
    if (statusOf(row) == Status::Reverted) return tr("reverted");
    const quint64 finalAt = b.finalAt ? b.finalAt : b.header.submitted_at + m_challengePeriod;
    const QString at = QDateTime::fromSecsSinceEpoch(qint64(finalAt)).toString(QStringLiteral("hh:mm"));
    //: %1 a local time like 10:31: the batch became final then
    if (quint64(m_now) >= finalAt) return tr("final since %1").arg(at);
    //: %1 a local time like 10:31, %2 the time left like "4m 10s"
    return tr("final %1 \u00B7 %2 left").arg(at, TransfersModel::countdown(qint64(finalAt) - m_now));
}

Tone::Value BatchesModel::toneOf(const Row& row) const {
    const Status status = statusOf(row);
    if (verificationOf(row) == Verification::Fraud || status == Status::Reverted) return Tone::Error;
    if (status == Status::Challenged || status == Status::Unverified) return Tone::Warning;
    return status == Status::Final ? Tone::Success : Tone::Info;
}

QVariant BatchesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows.at(index.row());
    const L2Batch& b = row.batch;
    switch (role) {
    case KeyRole: return row.key();
    case IndexRole: return int(b.index);
    case TxCountRole: return int(b.recordCount ? b.recordCount : b.header.record_count);
    case StateRootRole: return hex(b.header.state_root);
    case AgeRole: return ago(m_now - qint64(b.header.submitted_at));
    case PostedAtRole: return localTime(b.header.submitted_at);
    case FinalAtRole: return localTime(b.finalAt);
    case WindowProgressRole: return windowProgress(row);
    case StatusRole: return int(statusOf(row));
    case StatusTextRole: return statusText(row);
    case ToneRole: return int(toneOf(row));
    case VerificationRole: return int(verificationOf(row));
    case VerdictTextRole: return verdictText(row);
    case WindowTextRole: return windowText(row);
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
    if (m_session && m_session->verifier())
        if (auto v = m_session->verifier()->result(batch.index)) applyVerification(*v);
}

void BatchesModel::applyVerification(const BatchVerification& result) {
    const int at = rowOfIndex(result.index);
    if (at >= 0) {
        m_rows[at].verification = result;
        emit dataChanged(
            index(at), index(at),
            {VerificationRole, VerdictTextRole, VerifiedRole, FraudRole, StatusRole, StatusTextRole, ToneRole});
    }
    if (result.outcome == BatchVerification::Outcome::Fraud) {
        if (!m_fraud || *m_fraud != result.index) {
            m_fraud = result.index;
            m_fraudMessage = result.message;
            m_proofCost.clear();
            emit fraudChanged();
            emit fraudDetectedSignal(result.index, result.message);
            estimateFraudProof();
        }
    } else if (m_fraud && *m_fraud == result.index) {
        m_fraud.reset();
        m_fraudMessage.clear();
        emit fraudChanged();
    }
}

void BatchesModel::setNow(qint64 unixSeconds) {
    m_now = unixSeconds;
    if (m_fraud) emit fraudChanged();  // the time left to prove it
    if (m_rows.isEmpty()) return;
    emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                     {AgeRole, WindowProgressRole, WindowTextRole, StatusRole, StatusTextRole, ToneRole});
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
                {QStringLiteral("status"), int(statusOf(row))},
                {QStringLiteral("statusText"), statusText(row)},
                {QStringLiteral("tone"), int(toneOf(row))},
                {QStringLiteral("verification"), int(verificationOf(row))},
                {QStringLiteral("message"), row.verification ? row.verification->message : QString()},
                {QStringLiteral("transactions"), txs}};
    }
    return {};
}

void BatchesModel::setProverAccount(const QString& key) {
    if (key == m_prover) return;
    m_prover = key;
    emit provingChanged();
    estimateFraudProof();
}

const BatchesModel::Row* BatchesModel::fraudRow() const {
    if (!m_fraud) return nullptr;
    const int at = rowOfIndex(*m_fraud);
    return at >= 0 ? &m_rows.at(at) : nullptr;
}

QString BatchesModel::fraudReason() const {
    if (!m_fraud) return {};
    return tr(
        "Its proposer claims a balance state that its own transactions do not produce: this wallet replayed "
        "them from the data on L1 and got a different result. If nobody proves it in time, the wrong state "
        "becomes final and withdrawals based on it could be paid out.");
}

QString BatchesModel::fraudDeadline() const {
    const Row* row = fraudRow();
    return row && row->batch.finalAt ? localTime(row->batch.finalAt) : QString();
}

QString BatchesModel::fraudTimeLeft() const {
    const Row* row = fraudRow();
    if (!row || !row->batch.finalAt) return {};
    return quint64(m_now) >= row->batch.finalAt ? QString()
                                                : TransfersModel::countdown(qint64(row->batch.finalAt) - m_now);
}

QString BatchesModel::proofPayer() const {
    if (!m_fraud || !m_wallet || m_wallet->accounts().isEmpty()) return {};
    const auto accounts = m_wallet->accounts();
    const int index = m_prover.isEmpty() ? accounts.constFirst().index : m_prover.toInt();
    for (const WalletAccount& account : accounts)
        if (account.index == index) return QStringLiteral("%1 (%2)").arg(account.name, shortHash(account.address));
    return {};
}

void BatchesModel::estimateFraudProof() {
    if (!m_fraud || !m_session || !m_session->l1()) return;
    const auto call = proofCall(int(*m_fraud));
    const ProofCall* proof = std::get_if<ProofCall>(&call);
    const auto account = proof && m_wallet ? m_wallet->account(proof->accountIndex) : std::nullopt;
    if (!account) return;
    CallRequest request;
    request.from = parse_address(account->address.toStdString()).value();
    request.to = m_session->rollup()->address();
    request.data = proof->calldata;
    EthClient* l1 = m_session->l1();
    const quint64 batch = *m_fraud;
    l1->estimateGas(request, this, [this, l1, batch](RpcResult<quint64> gas) {
        if (!gas || !m_fraud || *m_fraud != batch) return;
        l1->suggestFees(this, [this, gas = gas.value(), batch](RpcResult<FeeSuggestion> fees) {
            if (!fees || !m_fraud || *m_fraud != batch) return;
            const U256 price = fees.value().eip1559 ? fees.value().maxFeePerGas : fees.value().gasPrice;
            //: %1 a gas amount, %2 an amount of ETH
            m_proofCost = tr("%1 gas, at most %2 ETH")
                              .arg(QLocale().toString(gas))
                              .arg(displayAmount(QString::fromStdString(format_amount(U256(gas) * price)), QLocale()));
            emit provingChanged();
        });
    });
}

std::variant<BatchesModel::ProofCall, QString> BatchesModel::proofCall(int batchIndex) const {
    auto* session = m_session;
    if (!session || !session->verifier() || !session->rollup()) return tr("Not connected to the network.");
    const auto& batches = session->verifier()->replica().batches();
    if (batchIndex < 0 || std::size_t(batchIndex) >= batches.size() || !batches[std::size_t(batchIndex)].fraudProof)
        return tr("This wallet has no fraud proof for batch %1.").arg(batchIndex);
    auto calldata = rollup::encode_prove_fraud_call(*batches[std::size_t(batchIndex)].fraudProof);
    if (!calldata) return QString::fromStdString(calldata.message());
    const auto accounts = m_wallet ? m_wallet->accounts() : QList<sluice::WalletAccount>();
    if (accounts.isEmpty()) return tr("The wallet has no account to pay for the proof.");
    return ProofCall{calldata.value(), m_prover.isEmpty() ? accounts.constFirst().index : m_prover.toInt()};
}

void BatchesModel::submitFraudProof(int batchIndex) {
    auto fail = [this](const QString& message) {
        m_proving = false;
        m_proofError = message;
        emit provingChanged();
    };
    const auto call = proofCall(batchIndex);
    if (const QString* problem = std::get_if<QString>(&call)) return fail(*problem);
    auto* session = m_session;
    const Bytes calldata = std::get<ProofCall>(call).calldata;
    const int accountIndex = std::get<ProofCall>(call).accountIndex;
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
    request.data = calldata;
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
