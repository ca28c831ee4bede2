// SPDX-License-Identifier: MIT
#include "services/bridge/bridge_service.hpp"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>
#include <QSaveFile>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <memory>

#include "core/eth/abi.hpp"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "core/rollup/merkle.hpp"
#include "core/rollup/params.hpp"
#include "core/rollup/stf.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/bridge/rollup_contract.hpp"
#include "services/rollup/rollup_abi.hpp"

namespace sluice {

namespace {

QString hex(ByteView bytes) { return QString::fromStdString(to_hex(bytes)); }
QString dec(const U256& v) { return QString::fromStdString(u256_to_dec(v)); }

// The file format (version 1): {"version":1,"rollup":"0x..","withdrawals":[...],"deposits":[...]}
// with amounts as decimal strings and headers in the node's JSON form (docs/RPC.md).
QJsonObject headerToJson(const rollup::BatchHeader& h) {
    return {{QStringLiteral("prevStateRoot"), hex(h.prev_state_root)},
            {QStringLiteral("stateRoot"), hex(h.state_root)},
            {QStringLiteral("txRoot"), hex(h.tx_root)},
            {QStringLiteral("withdrawalRoot"), hex(h.withdrawal_root)},
            {QStringLiteral("recordCount"), QString::number(h.record_count)},
            {QStringLiteral("depositStart"), QString::number(h.deposit_start)},
            {QStringLiteral("depositEnd"), QString::number(h.deposit_end)},
            {QStringLiteral("submittedAt"), QString::number(h.submitted_at)},
            {QStringLiteral("proposer"), QString::fromStdString(to_checksum_address(h.proposer))}};
}

QJsonObject withdrawalToJson(const WithdrawalRecord& r) {
    QJsonObject o{{QStringLiteral("l2TxHash"), r.key()},
                  {QStringLiteral("account"), QString::fromStdString(to_checksum_address(r.account))},
                  {QStringLiteral("amount"), dec(r.amount)},
                  {QStringLiteral("status"), withdrawalStatusName(r.status)},
                  {QStringLiteral("initiatedAt"), r.initiatedAt},
                  {QStringLiteral("finalAt"), QString::number(r.finalAt)},
                  {QStringLiteral("wasReverted"), r.wasReverted}};
    if (r.batchIndex) o.insert(QStringLiteral("batchIndex"), QString::number(*r.batchIndex));
    if (r.withdrawalIndex) o.insert(QStringLiteral("withdrawalIndex"), QString::number(*r.withdrawalIndex));
    if (r.header) o.insert(QStringLiteral("header"), headerToJson(*r.header));
    QJsonArray proof;
    for (const Hash& h : r.proof) proof.append(hex(h));
    o.insert(QStringLiteral("proof"), proof);
    if (r.finalizeTxHash) o.insert(QStringLiteral("finalizeTxHash"), hex(*r.finalizeTxHash));
    return o;
}

QJsonObject depositToJson(const DepositRecord& r) {
    QJsonObject o{{QStringLiteral("l1TxHash"), r.key()},
                  {QStringLiteral("from"), QString::fromStdString(to_checksum_address(r.from))},
                  {QStringLiteral("to"), QString::fromStdString(to_checksum_address(r.to))},
                  {QStringLiteral("amount"), dec(r.amount)},
                  {QStringLiteral("status"), depositStatusName(r.status)},
                  {QStringLiteral("submittedAt"), r.submittedAt}};
    if (r.queueIndex) o.insert(QStringLiteral("queueIndex"), QString::number(*r.queueIndex));
    if (r.l2Block) o.insert(QStringLiteral("l2Block"), QString::number(*r.l2Block));
    return o;
}

std::optional<WithdrawalStatus> withdrawalStatusFromName(const QString& name) {
    for (int s = 0; s <= int(WithdrawalStatus::ReIncluded); ++s)
        if (withdrawalStatusName(WithdrawalStatus(s)) == name) return WithdrawalStatus(s);
    return std::nullopt;
}

std::optional<DepositStatus> depositStatusFromName(const QString& name) {
    for (int s = 0; s <= int(DepositStatus::Failed); ++s)
        if (depositStatusName(DepositStatus(s)) == name) return DepositStatus(s);
    return std::nullopt;
}

std::optional<quint64> optU64(const QJsonValue& v) {
    if (v.isUndefined() || v.isNull()) return std::nullopt;
    auto n = L2Client::parseNumber(v);
    if (!n || *n > U256(std::numeric_limits<quint64>::max())) return std::nullopt;
    return static_cast<quint64>(*n);
}

std::optional<WithdrawalRecord> withdrawalFromJson(const QJsonObject& o) {
    WithdrawalRecord r;
    auto tx = Hash::from_hex(o.value(QStringLiteral("l2TxHash")).toString().toStdString());
    auto account = parse_address(o.value(QStringLiteral("account")).toString().toStdString());
    auto amount = u256_from_dec(o.value(QStringLiteral("amount")).toString().toStdString());
    auto status = withdrawalStatusFromName(o.value(QStringLiteral("status")).toString());
    if (!tx || !account || !amount || !status) return std::nullopt;
    r.l2TxHash = *tx;
    r.account = *account;
    r.amount = *amount;
    r.status = *status;
    r.initiatedAt = o.value(QStringLiteral("initiatedAt")).toInteger();
    r.finalAt = optU64(o.value(QStringLiteral("finalAt"))).value_or(0);
    r.wasReverted = o.value(QStringLiteral("wasReverted")).toBool();
    r.batchIndex = optU64(o.value(QStringLiteral("batchIndex")));
    r.withdrawalIndex = optU64(o.value(QStringLiteral("withdrawalIndex")));
    if (o.value(QStringLiteral("header")).isObject())
        r.header = L2Client::parseHeader(o.value(QStringLiteral("header")));
    for (const QJsonValue& p : o.value(QStringLiteral("proof")).toArray())
        if (auto h = Hash::from_hex(p.toString().toStdString())) r.proof.push_back(*h);
    if (auto h = Hash::from_hex(o.value(QStringLiteral("finalizeTxHash")).toString().toStdString()))
        r.finalizeTxHash = *h;
    return r;
}

std::optional<DepositRecord> depositFromJson(const QJsonObject& o) {
    DepositRecord r;
    auto tx = Hash::from_hex(o.value(QStringLiteral("l1TxHash")).toString().toStdString());
    auto from = parse_address(o.value(QStringLiteral("from")).toString().toStdString());
    auto to = parse_address(o.value(QStringLiteral("to")).toString().toStdString());
    auto amount = u256_from_dec(o.value(QStringLiteral("amount")).toString().toStdString());
    auto status = depositStatusFromName(o.value(QStringLiteral("status")).toString());
    if (!tx || !from || !to || !amount || !status) return std::nullopt;
    r.l1TxHash = *tx;
    r.from = *from;
    r.to = *to;
    r.amount = *amount;
    r.status = *status;
    r.submittedAt = o.value(QStringLiteral("submittedAt")).toInteger();
    r.queueIndex = optU64(o.value(QStringLiteral("queueIndex")));
    r.l2Block = optU64(o.value(QStringLiteral("l2Block")));
    return r;
}

Error rpcToError(const RpcError& e) { return make_error(e.message.toStdString()); }

// L1's word on a withdrawal that names a batch: `stored` whether L1's batchHash(batchIndex) is the
// hash of the record's header, `paid` isWithdrawalFinalized (asked only when stored). nullopt: L1
// contradicts the record. A fraud proof reverts a batch only inside its challenge window, so a
// withdrawal that was ready or paid and whose header L1 does not store came from another chain at
// this address (or from blocks L1 has reorganised away).
std::optional<WithdrawalStatus> l1Verdict(const WithdrawalRecord& r, bool stored, bool paid, quint64 now) {
    if (stored) {
        if (paid) return WithdrawalStatus::Finalized;
        if (now >= r.finalAt) return WithdrawalStatus::ReadyToFinalize;
        return r.wasReverted ? WithdrawalStatus::ReIncluded : WithdrawalStatus::InChallengeWindow;
    }
    switch (r.status) {
    case WithdrawalStatus::InChallengeWindow:
    case WithdrawalStatus::ReIncluded: return WithdrawalStatus::BatchReverted;  // a fraud proof removed its batch
    case WithdrawalStatus::ReadyToFinalize:
    case WithdrawalStatus::Finalized: return std::nullopt;
    default: return r.status;  // never confirmed: the node is ahead of this view of L1
    }
}

// The Rollup's custom errors a finalizeWithdrawal can revert with, in words a user can act on.
QString explainFinalizeFailure(const SendFailure& failure, const WithdrawalRecord& record) {
    if (!failure.rpc || !failure.rpc->data.isString()) return failure.message;
    auto data = from_hex(failure.rpc->data.toString().toStdString());
    if (!data || data->size() < 4) return failure.message;
    auto is = [&](const char* signature) {
        const auto selector = function_selector(signature);
        return std::equal(selector.begin(), selector.end(), data->begin());
    };
    const QString id = record.id();
    if (is("NotFinal(uint256,uint256)") && data->size() >= 68) {
        const auto finalAt = u256_from_be(ByteView(*data).subspan(36, 32));
        const quint64 at =
            finalAt && *finalAt <= U256(std::numeric_limits<quint64>::max()) ? quint64(*finalAt) : record.finalAt;
        return QStringLiteral("withdrawal %1 is not final yet on L1: %2")
            .arg(id, formatDeadline(at, quint64(QDateTime::currentSecsSinceEpoch())));
    }
    if (is("AlreadyFinalized(uint256,uint256)")) return QStringLiteral("withdrawal %1 is already finalized").arg(id);
    if (is("WrongBatchHeader(uint256)") || is("UnknownBatch(uint256,uint256)"))
        return QStringLiteral("batch %1 on L1 is not the batch of withdrawal %2 any more (batch reverted)")
            .arg(record.batchIndex.value_or(0))
            .arg(id);
    if (is("BadWithdrawalProof()")) return QStringLiteral("L1 refused the Merkle proof of withdrawal %1").arg(id);
    return failure.message;
}

}  // namespace

QString withdrawalStatusName(WithdrawalStatus status) {
    switch (status) {
    case WithdrawalStatus::Initiated: return QStringLiteral("initiated");
    case WithdrawalStatus::Posted: return QStringLiteral("posted");
    case WithdrawalStatus::InChallengeWindow: return QStringLiteral("in challenge window");
    case WithdrawalStatus::ReadyToFinalize: return QStringLiteral("ready to finalize");
    case WithdrawalStatus::Finalized: return QStringLiteral("finalized");
    case WithdrawalStatus::BatchReverted: return QStringLiteral("batch reverted");
    case WithdrawalStatus::ReIncluded: return QStringLiteral("re-included");
    }
    return QStringLiteral("unknown");
}

QString depositStatusName(DepositStatus status) {
    switch (status) {
    case DepositStatus::Submitted: return QStringLiteral("submitted");
    case DepositStatus::Queued: return QStringLiteral("queued");
    case DepositStatus::Credited: return QStringLiteral("credited");
    case DepositStatus::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

QString formatDeadline(quint64 finalAt, quint64 now) { return QStringLiteral("final ") + formatL1Time(finalAt, now); }

QString formatL1Time(quint64 when, quint64 now) {
    const quint64 finalAt = when;
    const QString at =
        QDateTime::fromSecsSinceEpoch(qint64(finalAt), Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (finalAt <= now) return QStringLiteral("at %1 UTC (passed)").arg(at);
    quint64 left = finalAt - now;
    const quint64 days = left / 86400, hours = left % 86400 / 3600, minutes = left % 3600 / 60, seconds = left % 60;
    QString in;
    if (days) in += QStringLiteral("%1d ").arg(days);
    if (days || hours) in += QStringLiteral("%1h ").arg(hours);
    if (days || hours || minutes) in += QStringLiteral("%1m ").arg(minutes);
    in += QStringLiteral("%1s").arg(seconds);
    return QStringLiteral("at %1 UTC (in %2)").arg(at, in);
}

QString WithdrawalRecord::key() const { return hex(l2TxHash); }
QString WithdrawalRecord::id() const {
    if (!batchIndex || !withdrawalIndex) return {};
    return QStringLiteral("%1:%2").arg(*batchIndex).arg(*withdrawalIndex);
}
QString DepositRecord::key() const { return hex(l1TxHash); }

BridgeService::BridgeService(RollupContract* rollup, L2Client* l2, const RollupParameters& params,
                             const QString& storePath, QObject* parent)
    : QObject(parent),
      m_rollup(rollup),
      m_l2(l2),
      m_params(params),
      m_storePath(storePath),
      m_l1Sender(new TransactionSender(rollup->l1(), params.l1ChainId, this)),
      m_l2Sender(newL2Sender(l2->eth(), params, this)),
      m_io(new QThreadPool(this)) {
    qRegisterMetaType<WithdrawalStatus>();
    qRegisterMetaType<DepositStatus>();
    m_io->setMaxThreadCount(1);  // one worker: writes land in the order they were made
    if (!m_storePath.isEmpty()) load();
}

BridgeService::~BridgeService() { m_io->waitForDone(); }

QString BridgeService::storePathFor(const QString& dataDir, const Deployment& deployment) {
    return QDir(dataDir).filePath(QStringLiteral("bridge-%1.json").arg(deployment.key()));
}

void BridgeService::open(const QString& storePath) {
    if (!m_storePath.isEmpty() || storePath.isEmpty()) return;
    m_storePath = storePath;
    load();
}

quint64 BridgeService::now() const {
    // The contract judges the window by block.timestamp, which can trail the local clock by a
    // block interval (or more on a chain that mines on demand): L1's time decides when known.
    return m_l1Time ? m_l1Time : quint64(QDateTime::currentSecsSinceEpoch());
}

void BridgeService::track(const Address& account) { m_accounts.insert(account); }

QList<WithdrawalRecord> BridgeService::withdrawals() const {
    QList<WithdrawalRecord> out = m_withdrawals.values();
    std::sort(out.begin(), out.end(), [](const WithdrawalRecord& a, const WithdrawalRecord& b) {
        return a.initiatedAt != b.initiatedAt ? a.initiatedAt > b.initiatedAt : a.key() < b.key();
    });
    return out;
}

QList<DepositRecord> BridgeService::deposits() const {
    QList<DepositRecord> out = m_deposits.values();
    std::sort(out.begin(), out.end(), [](const DepositRecord& a, const DepositRecord& b) {
        return a.submittedAt != b.submittedAt ? a.submittedAt > b.submittedAt : a.key() < b.key();
    });
    return out;
}

QList<WithdrawalRecord> BridgeService::withdrawalsNamed(const QString& keyOrId, const QList<Address>& accounts) const {
    const QString wanted = keyOrId.trimmed().toLower();
    if (auto it = m_withdrawals.constFind(wanted); it != m_withdrawals.constEnd()) return {*it};
    // An id is only unique per batch L1 stores: a reverted batch's index is reused, and another
    // account's withdrawal is no business of the accounts acted for.
    QList<WithdrawalRecord> out;
    for (const WithdrawalRecord& r : m_withdrawals)
        if (r.id() == wanted && r.status != WithdrawalStatus::BatchReverted &&
            (accounts.isEmpty() || accounts.contains(r.account)))
            out << r;
    return out;
}

std::optional<WithdrawalRecord> BridgeService::withdrawal(const QString& keyOrId,
                                                          const QList<Address>& accounts) const {
    const QList<WithdrawalRecord> named = withdrawalsNamed(keyOrId, accounts);
    if (named.size() != 1) return std::nullopt;
    return named.first();
}

void BridgeService::setWithdrawalStatus(WithdrawalRecord& record, WithdrawalStatus status) {
    if (record.status == status) return;
    record.status = status;
    emit withdrawalStatusChanged(record.key(), status);
}

void BridgeService::setDepositStatus(DepositRecord& record, DepositStatus status) {
    if (record.status == status) return;
    record.status = status;
    emit depositStatusChanged(record.key(), status);
}

// ---- persistence ----

struct BridgeService::LoadJob {
    QList<WithdrawalRecord> withdrawals;
    QList<DepositRecord> deposits;
    QSet<QString> contradicted;  // keys of the records L1 contradicts: left out
    bool corrected = false;      // L1 changed a status: the file is rewritten
    int pending = 0;
    QStringList errors;
};

void BridgeService::load() {
    QPointer<BridgeService> self(this);
    const QString path = m_storePath;
    m_io->start([self, path] {
        QByteArray contents;
        QString error;
        QFile file(path);
        if (file.exists()) {
            if (file.open(QIODevice::ReadOnly))
                contents = file.readAll();
            else
                error = file.errorString();
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, contents, error, path] {
                if (!self) return;
                if (!error.isEmpty()) emit self->problem(tr("Cannot read the bridge history %1: %2").arg(path, error));
                const QJsonObject doc = QJsonDocument::fromJson(contents).object();
                auto job = std::make_shared<LoadJob>();
                for (const QJsonValue& v : doc.value(QStringLiteral("withdrawals")).toArray())
                    if (auto r = withdrawalFromJson(v.toObject())) job->withdrawals << *r;
                for (const QJsonValue& v : doc.value(QStringLiteral("deposits")).toArray())
                    if (auto r = depositFromJson(v.toObject())) job->deposits << *r;
                if (!contents.isEmpty() && doc.isEmpty())
                    emit self->problem(
                        tr("The bridge history %1 is not valid JSON; it will be rebuilt from the node.").arg(path));
                self->reconcileLoaded(job);
            },
            Qt::QueuedConnection);
    });
}

// The file's records as L1 sees them, before anyone else does: a withdrawal's batch and payout, a
// deposit's transaction. A record L1 cannot be asked about now (it does not answer) stays as it was.
void BridgeService::reconcileLoaded(const std::shared_ptr<LoadJob>& job) {
    job->pending = 1;  // released at the end, so an empty history finishes too
    auto oneDone = [this, job] {
        if (--job->pending == 0) finishLoad(job);
    };
    for (qsizetype i = 0; i < job->withdrawals.size(); ++i) {
        const WithdrawalRecord& r = job->withdrawals.at(i);
        if (!r.header || !r.batchIndex || !r.withdrawalIndex) continue;  // the node's next word decides
        ++job->pending;
        m_rollup->batchHash(*r.batchIndex, this, [this, job, i, oneDone](RpcResult<Hash> onChain) {
            WithdrawalRecord& r = job->withdrawals[i];
            if (!onChain.ok()) {
                job->errors << onChain.error().message;
                return oneDone();
            }
            if (onChain.value() != rollup::batch_header_hash(*r.header)) {
                // A batch L1 does not store: contradicted outright, or refresh() takes it from here.
                if (!l1Verdict(r, false, false, now())) job->contradicted.insert(r.key());
                return oneDone();
            }
            m_rollup->isWithdrawalFinalized(*r.batchIndex, *r.withdrawalIndex, this,
                                            [this, job, i, oneDone](RpcResult<bool> paid) {
                                                WithdrawalRecord& r = job->withdrawals[i];
                                                if (!paid.ok()) {
                                                    job->errors << paid.error().message;
                                                } else if (const auto status = l1Verdict(r, true, paid.value(), now());
                                                           status && *status != r.status) {
                                                    r.status = *status;
                                                    job->corrected = true;
                                                }
                                                oneDone();
                                            });
        });
    }
    for (qsizetype i = 0; i < job->deposits.size(); ++i) {
        ++job->pending;
        m_rollup->l1()->transactionReceipt(
            job->deposits.at(i).l1TxHash, this,
            [this, job, i, oneDone](RpcResult<std::optional<TransactionReceipt>> receipt) {
                DepositRecord& r = job->deposits[i];
                if (!receipt.ok()) {
                    job->errors << receipt.error().message;
                    return oneDone();
                }
                if (receipt.value()) {
                    const DepositStatus status =
                        !receipt.value()->success ? DepositStatus::Failed
                        : r.status == DepositStatus::Submitted || r.status == DepositStatus::Failed
                            ? DepositStatus::Queued
                            : r.status;  // queued or credited: the node's word follows
                    job->corrected |= status != r.status;
                    r.status = status;
                    return oneDone();
                }
                // No receipt: waiting to be mined on this L1, or a transaction this L1 never saw.
                const QJsonArray params{hex(r.l1TxHash)};
                m_rollup->l1()->rpc()->call(QStringLiteral("eth_getTransactionByHash"), params, this,
                                            [job, i, oneDone](RpcReply tx) {
                                                DepositRecord& r = job->deposits[i];
                                                if (!tx.ok()) {
                                                    job->errors << tx.error().message;
                                                } else if (tx.value().isNull()) {
                                                    job->contradicted.insert(r.key());
                                                } else if (r.status != DepositStatus::Submitted) {
                                                    r.status = DepositStatus::Submitted;
                                                    job->corrected = true;
                                                }
                                                oneDone();
                                            });
            });
    }
    oneDone();
}

void BridgeService::finishLoad(const std::shared_ptr<LoadJob>& job) {
    if (!job->errors.isEmpty())
        emit problem(tr("Could not check the bridge history against L1 (%1); it is shown as last saved.")
                         .arg(job->errors.first()));
    // Records made while loading are newer than the file's; they are saved with the rest.
    const bool rewrite =
        job->corrected || !job->contradicted.isEmpty() || !m_withdrawals.isEmpty() || !m_deposits.isEmpty();
    for (const WithdrawalRecord& r : std::as_const(job->withdrawals))
        if (!job->contradicted.contains(r.key()) && !m_withdrawals.contains(r.key())) m_withdrawals.insert(r.key(), r);
    for (const DepositRecord& r : std::as_const(job->deposits))
        if (!job->contradicted.contains(r.key()) && !m_deposits.contains(r.key())) m_deposits.insert(r.key(), r);
    for (const WithdrawalRecord& r : std::as_const(m_withdrawals)) m_accounts.insert(r.account);
    for (const DepositRecord& r : std::as_const(m_deposits)) m_accounts.insert(r.to);
    m_loaded = true;
    emit loadedChanged();
    if (rewrite) save();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

void BridgeService::save() {
    if (!m_loaded) return;  // finishLoad saves what was made meanwhile together with the file's records
    QJsonArray withdrawals, deposits;
    for (const WithdrawalRecord& r : this->withdrawals()) withdrawals.append(withdrawalToJson(r));
    for (const DepositRecord& r : this->deposits()) deposits.append(depositToJson(r));
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                       {QStringLiteral("rollup"), hex(m_rollup->address())},
                                                       {QStringLiteral("withdrawals"), withdrawals},
                                                       {QStringLiteral("deposits"), deposits}})
                                 .toJson(QJsonDocument::Indented);
    QPointer<BridgeService> self(this);
    const QString path = m_storePath;
    m_io->start([self, path, bytes] {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        QString error;
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            error = file.errorString();
        QMetaObject::invokeMethod(
            self.data(),
            [self, error, path] {
                if (!self) return;
                if (!error.isEmpty())
                    emit self->problem(tr("Cannot write the bridge history %1: %2").arg(path, error));
                else
                    emit self->saved();
            },
            Qt::QueuedConnection);
    });
}

// ---- operations ----

void BridgeService::deposit(const AccountSigner& signer, const Address& to, const U256& amount, QObject* context,
                            Done<Hash> done, Review review) {
    if (amount.is_zero())
        return QMetaObject::invokeMethod(
                   context, [done] { done(make_error("the amount must be above zero")); }, Qt::QueuedConnection),
               void();
    SendRequest request;
    request.to = m_rollup->address();
    request.value = amount;
    request.data = rollupabi::encodeDeposit(to);
    QPointer<BridgeService> self(this);
    const Address from = signer.address;
    TransactionSender::Callbacks callbacks;
    callbacks.submitted = [self, from, to, amount](Hash hash) {
        if (!self) return;
        DepositRecord r;
        r.l1TxHash = hash;
        r.from = from;
        r.to = to;
        r.amount = amount;
        r.submittedAt = QDateTime::currentSecsSinceEpoch();
        self->m_accounts.insert(to);
        self->m_deposits.insert(r.key(), r);
        emit self->depositChanged(r.key());
        self->save();
    };
    callbacks.confirmed = [self, done](TransactionReceipt receipt) {
        if (!self) return;
        const QString key = hex(receipt.transactionHash);
        auto it = self->m_deposits.find(key);
        if (it != self->m_deposits.end()) {
            self->setDepositStatus(*it, receipt.success ? DepositStatus::Queued : DepositStatus::Failed);
            emit self->depositChanged(key);
            self->save();
        }
        if (!receipt.success)
            return done(make_error("the deposit transaction " + key.toStdString() + " reverted on L1"));
        done(receipt.transactionHash);
    };
    callbacks.failed = [done](SendFailure failure) { done(make_error(failure.message.toStdString())); };
    callbacks.review = std::move(review);
    m_l1Sender->send(signer, request, context, callbacks);
}

void BridgeService::withdraw(const AccountSigner& signer, const U256& amount, QObject* context, Done<Hash> done,
                             Review review) {
    if (amount.is_zero())
        return QMetaObject::invokeMethod(
                   context, [done] { done(make_error("the amount must be above zero")); }, Qt::QueuedConnection),
               void();
    SendRequest request;
    request.to = rollup::withdrawal_address();
    request.value = amount;
    request.gasLimit = rollup::kTransferGas;
    QPointer<BridgeService> self(this);
    const Address account = signer.address;
    TransactionSender::Callbacks callbacks;
    callbacks.submitted = [self, account, amount](Hash hash) {
        if (!self) return;
        WithdrawalRecord r;
        r.l2TxHash = hash;
        r.account = account;
        r.amount = amount;
        r.initiatedAt = QDateTime::currentSecsSinceEpoch();
        self->m_accounts.insert(account);
        self->m_withdrawals.insert(r.key(), r);
        emit self->withdrawalChanged(r.key());
        emit self->withdrawalStatusChanged(r.key(), r.status);
        self->save();
    };
    callbacks.confirmed = [done](TransactionReceipt receipt) {
        if (!receipt.success)
            return done(make_error("the withdrawal transaction " + receipt.transactionHash.hex() + " failed on L2"));
        done(receipt.transactionHash);
    };
    callbacks.failed = [done](SendFailure failure) { done(make_error(failure.message.toStdString())); };
    callbacks.review = std::move(review);
    m_l2Sender->send(signer, request, context, callbacks);
}

void BridgeService::forceTransaction(const AccountSigner& signer, const Address& to, const U256& amount,
                                     QObject* context, Done<ForcedSubmission> done, Review review) {
    if (amount.is_zero())
        return QMetaObject::invokeMethod(
                   context, [done] { done(make_error("the amount must be above zero")); }, Qt::QueuedConnection),
               void();
    SendRequest l2Request;
    l2Request.to = to;
    l2Request.value = amount;
    l2Request.gasLimit = rollup::kTransferGas;
    QPointer<BridgeService> self(this);
    QPointer<QObject> guard(context);
    TransactionSender::Callbacks signing;
    signing.failed = [done](SendFailure f) { done(make_error(f.message.toStdString())); };
    signing.review = review;
    signing.signedOnly = [self, guard, signer, done, review](SignedTransaction signedTx) {
        if (!self || !guard) return;
        auto forced = rollup::forced_from_transaction(signedTx, self->m_params.stfParams());
        if (!forced) return done(make_error("cannot force this transaction: " + forced.message()));
        SendRequest l1Request;
        l1Request.to = self->m_rollup->address();
        l1Request.data = rollupabi::encodeForceTransaction(*forced);
        const Hash l2Hash = transaction_hash(signedTx);
        TransactionSender::Callbacks queueing;
        queueing.failed = [done](SendFailure f) { done(make_error(f.message.toStdString())); };
        queueing.review = review;
        queueing.confirmed = [done, l2Hash, tx = *forced](TransactionReceipt receipt) {
            if (!receipt.success)
                return done(
                    make_error("the forceTransaction call " + receipt.transactionHash.hex() + " reverted on L1"));
            done(ForcedSubmission{receipt.transactionHash, l2Hash, tx});
        };
        self->m_l1Sender->send(signer, l1Request, guard, queueing);
    };
    m_l2Sender->send(signer, l2Request, context, signing);
}

void BridgeService::finalize(const AccountSigner& signer, const QString& keyOrId, QObject* context, Done<Hash> done,
                             Review review) {
    finalize(signer, keyOrId, {}, context, std::move(done), std::move(review));
}

void BridgeService::finalize(const AccountSigner& signer, const QString& keyOrId, const QList<Address>& accounts,
                             QObject* context, Done<Hash> done, Review review) {
    auto fail = [context, done](std::string message) {
        QMetaObject::invokeMethod(
            context, [done, message] { done(make_error(message)); }, Qt::QueuedConnection);
    };
    const QList<WithdrawalRecord> found = withdrawalsNamed(keyOrId, accounts);
    if (found.isEmpty()) return fail("no withdrawal '" + keyOrId.toStdString() + "' (see `sluice-cli withdrawals`)");
    if (found.size() > 1) {
        QStringList keys;
        for (const WithdrawalRecord& r : found) keys << r.key();
        return fail("'" + keyOrId.toStdString() + "' names " + std::to_string(found.size()) +
                    " withdrawals; give the L2 transaction hash of the one to finalize: " +
                    keys.join(QStringLiteral(", ")).toStdString());
    }
    // Whether it was paid is L1's word, not the record's (asked below).
    const WithdrawalRecord record = found.first();
    if (!record.batchIndex || !record.withdrawalIndex || !record.header)
        return fail("withdrawal " + record.key().toStdString() + " is " +
                    withdrawalStatusName(record.status).toStdString() +
                    ": it is not in a batch on L1 yet, nothing to finalize");
    // The proof must lead to the header's withdrawal root; the header must be the one L1 stores.
    const Hash leaf = rollup::withdrawal_leaf({record.account, record.amount});
    if (rollup::merkle_root_from_proof(leaf, *record.withdrawalIndex, record.proof) != record.header->withdrawal_root)
        return fail("the node's Merkle proof for withdrawal " + record.id().toStdString() +
                    " does not match the batch's withdrawal root; refusing to send it");
    QPointer<BridgeService> self(this);
    m_rollup->batchHash(
        *record.batchIndex, context, [self, record, signer, context, done, review](RpcResult<Hash> onChain) {
            if (!self) return;
            if (!onChain.ok()) return done(rpcToError(onChain.error()));
            if (onChain.value() != rollup::batch_header_hash(*record.header))
                return done(make_error(
                    "batch " + std::to_string(*record.batchIndex) +
                    " on L1 is not the batch of this withdrawal any more (batch reverted); wait until it is re-included"));
            self->m_rollup->isWithdrawalFinalized(
                *record.batchIndex, *record.withdrawalIndex, context,
                [self, record, signer, context, done, review](RpcResult<bool> paid) {
                    if (!self) return;
                    if (!paid.ok()) return done(rpcToError(paid.error()));
                    if (!paid.value()) return self->sendFinalize(signer, record, context, done, review);
                    if (auto it = self->m_withdrawals.find(record.key());
                        it != self->m_withdrawals.end() && it->status != WithdrawalStatus::Finalized) {
                        self->setWithdrawalStatus(*it, WithdrawalStatus::Finalized);
                        self->save();
                    }
                    done(make_error("withdrawal " + record.id().toStdString() + " is already finalized"));
                });
        });
}

// The last step of finalize(): L1's clock against the deadline, then the transaction.
void BridgeService::sendFinalize(const AccountSigner& signer, const WithdrawalRecord& record, QObject* context,
                                 Done<Hash> done, Review review) {
    QPointer<BridgeService> self(this);
    m_rollup->latestBlockTime(context, [self, record, signer, context, done, review](RpcResult<quint64> time) {
        if (!self) return;
        if (!time.ok()) return done(rpcToError(time.error()));
        self->m_l1Time = time.value();
        const quint64 now = self->now();
        if (now < record.finalAt)
            return done(make_error("withdrawal " + record.id().toStdString() +
                                   " is not final yet: " + formatDeadline(record.finalAt, now).toStdString()));
        const Bytes data = RollupContract::finalizeWithdrawalCalldata(
            *record.header, *record.batchIndex, *record.withdrawalIndex, record.account, record.amount, record.proof);
        SendRequest request;
        request.to = self->m_rollup->address();
        request.data = data;
        TransactionSender::Callbacks callbacks;
        callbacks.confirmed = [self, key = record.key(), done](TransactionReceipt receipt) {
            if (!receipt.success)
                return done(make_error("finalizeWithdrawal " + receipt.transactionHash.hex() + " reverted on L1"));
            if (self) {
                auto it = self->m_withdrawals.find(key);
                if (it != self->m_withdrawals.end()) {
                    it->finalizeTxHash = receipt.transactionHash;
                    self->setWithdrawalStatus(*it, WithdrawalStatus::Finalized);
                    emit self->withdrawalChanged(key);
                    self->save();
                }
            }
            done(receipt.transactionHash);
        };
        callbacks.failed = [done, record](SendFailure failure) {
            done(make_error(explainFinalizeFailure(failure, record).toStdString()));
        };
        callbacks.review = review;
        self->m_l1Sender->send(signer, request, context, callbacks);
    });
}

// ---- refresh ----

struct BridgeService::RefreshJob {
    int pending = 0;
    QStringList errors;
};

void BridgeService::refresh() {
    if (!m_loaded || m_refreshing) {  // finishLoad / finishRefresh run it then
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    emit busyChanged();
    auto job = std::make_shared<RefreshJob>();
    job->pending = 1 + 2 * int(m_accounts.size());
    auto oneDone = [this, job] {
        if (--job->pending == 0) checkOnL1(job);
    };
    m_rollup->latestBlockTime(this, [this, job, oneDone](RpcResult<quint64> time) {
        if (time.ok())
            m_l1Time = time.value();
        else
            job->errors << time.error().message;
        oneDone();
    });
    for (const Address& account : m_accounts) {
        m_l2->withdrawals(account, this, [this, job, account, oneDone](RpcResult<QList<L2Withdrawal>> list) {
            if (!list.ok())
                job->errors << list.error().message;
            else
                applyNodeWithdrawals(account, list.value());
            oneDone();
        });
        m_l2->deposits(account, this, [this, job, oneDone](RpcResult<QList<L2Deposit>> list) {
            if (!list.ok())
                job->errors << list.error().message;
            else
                for (const L2Deposit& d : list.value()) applyNodeDeposit(d);
            oneDone();
        });
    }
}

// The node lists a withdrawal once per batch it was in: reverted batches (status "reverted")
// and the current one. What counts is the current entry; a reverted one only says it was reverted.
void BridgeService::applyNodeWithdrawals(const Address& account, const QList<L2Withdrawal>& list) {
    QHash<QString, const L2Withdrawal*> current;
    QHash<QString, const L2Withdrawal*> reverted;
    for (const L2Withdrawal& w : list) {
        const QString key = hex(w.l2TxHash);
        if (w.status == QLatin1String("reverted") || (w.id.isEmpty() && w.header))
            reverted.insert(key, &w);
        else
            current.insert(key, &w);
    }
    for (auto it = reverted.begin(); it != reverted.end(); ++it) {
        if (current.contains(it.key())) {
            if (auto r = m_withdrawals.find(it.key()); r != m_withdrawals.end()) r->wasReverted = true;
            continue;
        }
        L2Withdrawal w = *it.value();
        w.batchIndex.reset();
        w.withdrawalIndex.reset();
        w.header.reset();
        w.proof.clear();
        applyNodeWithdrawal(account, w, true);
    }
    for (auto it = current.begin(); it != current.end(); ++it) {
        applyNodeWithdrawal(account, *it.value(), reverted.contains(it.key()));
    }
}

void BridgeService::applyNodeWithdrawal(const Address& account, const L2Withdrawal& w, bool revertedBefore) {
    const QString key = hex(w.l2TxHash);
    auto it = m_withdrawals.find(key);
    if (it == m_withdrawals.end()) {
        // Made outside this wallet (another app, cast): tracked all the same.
        WithdrawalRecord r;
        r.l2TxHash = w.l2TxHash;
        r.account = account;
        r.amount = w.amount;
        r.initiatedAt = QDateTime::currentSecsSinceEpoch();
        it = m_withdrawals.insert(key, r);
        emit withdrawalChanged(key);
    }
    WithdrawalRecord& r = *it;
    if (r.status == WithdrawalStatus::Finalized) return;
    if (revertedBefore) r.wasReverted = true;
    if (w.batchIndex && w.withdrawalIndex && w.header) {
        const bool changed = !r.header || *r.header != *w.header || r.batchIndex != w.batchIndex;
        if (changed && r.header) r.wasReverted = true;  // a different batch than before: it was re-posted
        r.batchIndex = w.batchIndex;
        r.withdrawalIndex = w.withdrawalIndex;
        r.header = w.header;
        r.proof = w.proof;
        r.finalAt = w.header->submitted_at + m_params.challengePeriod;
        if (changed) emit withdrawalChanged(key);
        // The L1 check in checkOnL1 decides the status; until then it is only "posted".
        if (r.status == WithdrawalStatus::Initiated) setWithdrawalStatus(r, WithdrawalStatus::Posted);
    } else if (r.header || (revertedBefore && r.status != WithdrawalStatus::BatchReverted)) {
        // It had a batch, the node now has none for it: the batch was reverted.
        r.header.reset();
        r.batchIndex.reset();
        r.withdrawalIndex.reset();
        r.proof.clear();
        r.finalAt = 0;
        r.wasReverted = true;
        setWithdrawalStatus(r, WithdrawalStatus::BatchReverted);
        emit withdrawalChanged(key);
    }
}

void BridgeService::applyNodeDeposit(const L2Deposit& d) {
    const QString key = hex(d.l1TxHash);
    auto it = m_deposits.find(key);
    if (it == m_deposits.end()) {
        DepositRecord r;
        r.l1TxHash = d.l1TxHash;
        r.to = d.to;
        r.amount = d.amount;
        r.status = DepositStatus::Queued;
        r.submittedAt = QDateTime::currentSecsSinceEpoch();
        it = m_deposits.insert(key, r);
        emit depositChanged(key);
    }
    DepositRecord& r = *it;
    if (r.queueIndex != d.queueIndex || r.l2Block != d.l2Block) {
        r.queueIndex = d.queueIndex;
        r.l2Block = d.l2Block;
        emit depositChanged(key);
    }
    setDepositStatus(r, d.status == QLatin1String("credited") ? DepositStatus::Credited : DepositStatus::Queued);
}

void BridgeService::checkOnL1(const std::shared_ptr<RefreshJob>& job) {
    QStringList keys;
    for (const WithdrawalRecord& r : std::as_const(m_withdrawals))
        if (r.header && r.status != WithdrawalStatus::Finalized) keys << r.key();
    if (keys.isEmpty()) return finishRefresh(job);
    job->pending = int(keys.size());
    for (const QString& key : keys) {
        const WithdrawalRecord r = m_withdrawals.value(key);
        m_rollup->batchHash(*r.batchIndex, this, [this, job, key](RpcResult<Hash> onChain) {
            auto it = m_withdrawals.find(key);
            if (!onChain.ok() || it == m_withdrawals.end() || !it->header) {
                if (!onChain.ok()) job->errors << onChain.error().message;
                if (--job->pending == 0) finishRefresh(job);
                return;
            }
            if (onChain.value() != rollup::batch_header_hash(*it->header)) {
                // L1 no longer stores (or does not yet store) this header. Seen confirmed before,
                // its batch is gone (a fraud proof; for a ready one, blocks L1 reorganised away);
                // otherwise the node is ahead of our L1 view.
                const WithdrawalStatus status =
                    l1Verdict(*it, false, false, now()).value_or(WithdrawalStatus::BatchReverted);
                if (status == WithdrawalStatus::BatchReverted && it->status != status) {
                    it->wasReverted = true;
                    setWithdrawalStatus(*it, status);
                    emit withdrawalChanged(key);
                }
                if (--job->pending == 0) finishRefresh(job);
                return;
            }
            m_rollup->isWithdrawalFinalized(
                *it->batchIndex, *it->withdrawalIndex, this, [this, job, key](RpcResult<bool> paid) {
                    auto it = m_withdrawals.find(key);
                    if (!paid.ok())
                        job->errors << paid.error().message;
                    else if (it != m_withdrawals.end())
                        setWithdrawalStatus(*it, *l1Verdict(*it, true, paid.value(), now()));
                    if (--job->pending == 0) finishRefresh(job);
                });
        });
    }
}

void BridgeService::finishRefresh(const std::shared_ptr<RefreshJob>& job) {
    save();
    m_refreshing = false;
    emit busyChanged();
    if (!job->errors.isEmpty()) emit problem(job->errors.first());
    emit refreshed();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

}  // namespace sluice
