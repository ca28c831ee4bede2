// SPDX-License-Identifier: MIT
#include "bridge/transfersmodel.h"

#include <QDateTime>

#include <algorithm>

#include "core/eth/address.hpp"
#include "core/eth/units.hpp"

using namespace sluice;

namespace {
QString localTime(qint64 unixSeconds, const char* format) {
    return QDateTime::fromSecsSinceEpoch(unixSeconds).toString(QString::fromLatin1(format));
}
}  // namespace

TransfersModel::TransfersModel(QObject* parent) : QAbstractListModel(parent) {}

int TransfersModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QHash<int, QByteArray> TransfersModel::roleNames() const {
    return {{KeyRole, "key"},
            {KindRole, "kind"},
            {AccountRole, "account"},
            {AmountRole, "amount"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {ToneRole, "tone"},
            {StepRole, "step"},
            {StepsRole, "steps"},
            {BatchRole, "batch"},
            {FinalAtRole, "finalAt"},
            {FinalAtUtcRole, "finalAtUtc"},
            {CountdownRole, "countdown"},
            {CanFinalizeRole, "canFinalize"},
            {FinalizingRole, "finalizing"},
            {RevertedRole, "reverted"},
            {TimeRole, "time"},
            {L1TxHashRole, "l1TxHash"},
            {L2TxHashRole, "l2TxHash"},
            {ErrorRole, "error"},
            {AccountNameRole, "accountName"},
            {SortKeyRole, "sortKey"}};
}

int TransfersModel::withdrawalStep(WithdrawalStatus status) {
    switch (status) {
    case WithdrawalStatus::Initiated: return 0;
    case WithdrawalStatus::Posted:
    case WithdrawalStatus::BatchReverted: return 1;
    case WithdrawalStatus::InChallengeWindow:
    case WithdrawalStatus::ReIncluded: return 2;
    case WithdrawalStatus::ReadyToFinalize: return 3;
    case WithdrawalStatus::Finalized: return 4;
    }
    return 0;
}

int TransfersModel::depositStep(DepositStatus status) {
    switch (status) {
    case DepositStatus::Submitted:
    case DepositStatus::Failed: return 0;
    case DepositStatus::Queued: return 1;
    case DepositStatus::Credited: return 2;
    }
    return 0;
}

TransfersModel::Stage TransfersModel::stageOf(WithdrawalStatus status) {
    switch (status) {
    case WithdrawalStatus::Initiated: return Stage::Initiated;
    case WithdrawalStatus::Posted: return Stage::Posted;
    case WithdrawalStatus::InChallengeWindow: return Stage::InWindow;
    case WithdrawalStatus::ReadyToFinalize: return Stage::Ready;
    case WithdrawalStatus::Finalized: return Stage::Finalized;
    case WithdrawalStatus::BatchReverted: return Stage::BatchReverted;
    case WithdrawalStatus::ReIncluded: return Stage::ReIncluded;
    }
    return Stage::Initiated;
}

TransfersModel::Stage TransfersModel::stageOf(DepositStatus status) {
    switch (status) {
    case DepositStatus::Submitted: return Stage::Submitted;
    case DepositStatus::Queued: return Stage::Queued;
    case DepositStatus::Credited: return Stage::Credited;
    case DepositStatus::Failed: return Stage::Failed;
    }
    return Stage::Submitted;
}

QString TransfersModel::code(Stage stage) {
    switch (stage) {
    case Stage::Submitted: return QStringLiteral("submitted");
    case Stage::Queued: return QStringLiteral("queued");
    case Stage::Credited: return QStringLiteral("credited");
    case Stage::Failed: return QStringLiteral("failed");
    case Stage::Initiated: return QStringLiteral("initiated");
    case Stage::Posted: return QStringLiteral("posted");
    case Stage::InWindow: return QStringLiteral("in-window");
    case Stage::Ready: return QStringLiteral("ready");
    case Stage::Finalized: return QStringLiteral("finalized");
    case Stage::BatchReverted: return QStringLiteral("batch-reverted");
    case Stage::ReIncluded: return QStringLiteral("re-included");
    }
    return {};
}

Tone::Value TransfersModel::toneOf(Stage stage) {
    switch (stage) {
    case Stage::BatchReverted:
    case Stage::Failed: return Tone::Error;
    case Stage::Finalized:
    case Stage::Credited:
    case Stage::Ready: return Tone::Success;
    case Stage::InWindow:
    case Stage::ReIncluded: return Tone::Warning;
    default: return Tone::Info;
    }
}

// The clock may pass finalAt before the next refresh says so: a row shows what is true now.
TransfersModel::Stage TransfersModel::stageOfRow(const Row& row) const {
    if (!row.withdrawal) return stageOf(row.d.status);
    const bool windowed =
        row.w.status == WithdrawalStatus::InChallengeWindow || row.w.status == WithdrawalStatus::ReIncluded;
    return windowed && rowCanFinalize(row) ? Stage::Ready : stageOf(row.w.status);
}

QString TransfersModel::countdown(qint64 seconds) {
    if (seconds < 0) seconds = 0;
    const qint64 d = seconds / 86400, h = seconds % 86400 / 3600, m = seconds % 3600 / 60, s = seconds % 60;
    if (d > 0) return tr("%1d %2h %3m").arg(d).arg(h).arg(m);
    if (h > 0) return tr("%1h %2m %3s").arg(h).arg(m).arg(s);
    if (m > 0) return tr("%1m %2s").arg(m).arg(s);
    return tr("%1s").arg(s);
}

bool TransfersModel::rowCanFinalize(const Row& row) const {
    if (!row.withdrawal || row.finalizing) return false;
    const auto status = row.w.status;
    const bool windowed = status == WithdrawalStatus::InChallengeWindow || status == WithdrawalStatus::ReIncluded ||
                          status == WithdrawalStatus::ReadyToFinalize;
    // Exactly BridgeService::finalize's rule: a header L1 confirmed, a proof, and finalAt passed.
    return windowed && row.w.header && row.w.finalAt > 0 && quint64(m_now) >= row.w.finalAt && !row.w.finalizeTxHash;
}

bool TransfersModel::canFinalize(const QString& key) const {
    const int row = rowOf(key);
    return row >= 0 && rowCanFinalize(m_rows.at(row));
}

int TransfersModel::readyCount() const {
    int n = 0;
    for (const Row& row : m_rows) n += rowCanFinalize(row) ? 1 : 0;
    return n;
}

QVariant TransfersModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows.at(index.row());
    if (row.withdrawal) {
        const WithdrawalRecord& w = row.w;
        const bool windowed =
            w.status == WithdrawalStatus::InChallengeWindow || w.status == WithdrawalStatus::ReIncluded;
        switch (role) {
        case KeyRole: return w.key();
        case KindRole: return int(Kind::Withdrawal);
        case AccountRole: return QString::fromStdString(to_checksum_address(w.account));
        case AmountRole: return QString::fromStdString(format_amount(w.amount));
        case StatusRole: return int(stageOfRow(row));
        case ToneRole: return int(toneOf(stageOfRow(row)));
        case StatusTextRole:
            switch (w.status) {
            case WithdrawalStatus::Initiated: return tr("Initiated on L2");
            case WithdrawalStatus::Posted: return tr("Posted to L1");
            case WithdrawalStatus::InChallengeWindow:
                return rowCanFinalize(row) ? readySince(w) : tr("In challenge window");
            case WithdrawalStatus::ReadyToFinalize: return readySince(w);
            case WithdrawalStatus::Finalized: return tr("Finalized");
            case WithdrawalStatus::BatchReverted: return tr("Batch reverted; waiting to be re-included");
            case WithdrawalStatus::ReIncluded:
                return rowCanFinalize(row) ? readySince(w) : tr("Re-included; in challenge window");
            }
            return {};
        case StepRole: return windowed && rowCanFinalize(row) ? 3 : withdrawalStep(w.status);
        case StepsRole:
            return QStringList{tr("Initiated"), tr("Posted"), tr("Challenge window"), tr("Ready"), tr("Finalized")};
        case BatchRole: return w.batchIndex ? QString::number(*w.batchIndex) : QString();
        case FinalAtRole: return w.finalAt ? localTime(qint64(w.finalAt), "yyyy-MM-dd hh:mm:ss") : QString();
        case FinalAtUtcRole: return qint64(w.finalAt);
        case CountdownRole:
            if (!windowed || !w.finalAt || quint64(m_now) >= w.finalAt) return QString();
            return countdown(qint64(w.finalAt) - m_now);
        case CanFinalizeRole: return rowCanFinalize(row);
        case FinalizingRole: return row.finalizing;
        case RevertedRole: return w.wasReverted;
        case TimeRole: return localTime(w.initiatedAt, "yyyy-MM-dd hh:mm");
        case L1TxHashRole: return w.finalizeTxHash ? QString::fromStdString(w.finalizeTxHash->hex()) : QString();
        case L2TxHashRole: return QString::fromStdString(w.l2TxHash.hex());
        case ErrorRole: return row.error;
        case AccountNameRole: return accountName(w.account);
        case SortKeyRole: return sortKey(row);
        default: return {};
        }
    }
    const DepositRecord& d = row.d;
    switch (role) {
    case KeyRole: return d.key();
    case KindRole: return int(Kind::Deposit);
    case AccountRole: return QString::fromStdString(to_checksum_address(d.account()));
    case AmountRole: return QString::fromStdString(format_amount(d.amount));
    case StatusRole: return int(stageOfRow(row));
    case ToneRole: return int(toneOf(stageOfRow(row)));
    case StatusTextRole:
        switch (d.status) {
        case DepositStatus::Submitted: return tr("Submitted on L1");
        case DepositStatus::Queued: return tr("Queued in the rollup");
        case DepositStatus::Credited: return tr("Credited on L2");
        case DepositStatus::Failed: return tr("Failed on L1");
        }
        return {};
    case StepRole: return depositStep(d.status);
    case StepsRole: return QStringList{tr("Submitted"), tr("Queued"), tr("Credited")};
    case BatchRole:
    case FinalAtRole:
    case CountdownRole:
    case L2TxHashRole: return QString();
    case FinalAtUtcRole: return qint64(0);
    case CanFinalizeRole:
    case FinalizingRole:
    case RevertedRole: return false;
    case TimeRole: return localTime(d.submittedAt, "yyyy-MM-dd hh:mm");
    case L1TxHashRole: return QString::fromStdString(d.l1TxHash.hex());
    case ErrorRole: return row.error;
    case AccountNameRole: return accountName(d.account());
    case SortKeyRole: return sortKey(row);
    default: return {};
    }
}

QString TransfersModel::readySince(const WithdrawalRecord& w) const {
    //: %1 is the local date and time from which the withdrawal could be paid out
    return w.finalAt ? tr("Ready to finalize since %1").arg(localTime(qint64(w.finalAt), "yyyy-MM-dd hh:mm"))
                     : tr("Ready to finalize");
}

QString TransfersModel::accountName(const Address& account) const {
    return m_accountNames.value(QString::fromStdString(account.hex()).toLower());
}

qint64 TransfersModel::sortKey(const Row& row) const {
    int rank = 2;  // in flight
    switch (stageOfRow(row)) {
    case Stage::Ready: rank = 0; break;
    case Stage::BatchReverted:
    case Stage::Failed: rank = 1; break;
    case Stage::Finalized:
    case Stage::Credited: rank = 3; break;
    default: break;
    }
    const qint64 time = row.withdrawal ? row.w.initiatedAt : row.d.submittedAt;
    constexpr qint64 kSpan = 100'000'000'000;  // above any unix time in seconds
    return rank * kSpan + (kSpan - 1 - std::clamp<qint64>(time, 0, kSpan - 1));
}

void TransfersModel::setAccountNames(const QHash<QString, QString>& namesByLowerCaseAddress) {
    if (namesByLowerCaseAddress == m_accountNames) return;
    m_accountNames = namesByLowerCaseAddress;
    if (!m_rows.isEmpty()) emit dataChanged(index(0), index(int(m_rows.size()) - 1), {AccountNameRole});
}

int TransfersModel::rowOf(const QString& key) const { return m_index.value(key, -1); }

void TransfersModel::upsert(Row row) {
    const QString key = row.key();
    const int at = rowOf(key);
    if (at >= 0) {
        row.finalizing = m_rows[at].finalizing;
        row.error = m_rows[at].error;
        m_rows[at] = std::move(row);
        emit dataChanged(index(at), index(at));
    } else {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(std::move(row));
        m_index.clear();
        for (int i = 0; i < m_rows.size(); ++i) m_index.insert(m_rows.at(i).key(), i);
        endInsertRows();
    }
    emit countChanged();
}

void TransfersModel::upsertWithdrawal(const WithdrawalRecord& record) {
    Row row;
    row.withdrawal = true;
    row.w = record;
    upsert(std::move(row));
    setNow(m_now);
}

void TransfersModel::upsertDeposit(const DepositRecord& record) {
    Row row;
    row.withdrawal = false;
    row.d = record;
    upsert(std::move(row));
}

void TransfersModel::setAll(const QList<WithdrawalRecord>& withdrawals, const QList<DepositRecord>& deposits) {
    // Oldest first so that the newest ends on top after prepending; existing rows stay in place.
    struct Item {
        qint64 time;
        bool withdrawal;
        int i;
    };
    std::vector<Item> items;
    for (int i = 0; i < withdrawals.size(); ++i) items.push_back({withdrawals[i].initiatedAt, true, i});
    for (int i = 0; i < deposits.size(); ++i) items.push_back({deposits[i].submittedAt, false, i});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.time < b.time; });
    for (const Item& item : items) {
        if (item.withdrawal)
            upsertWithdrawal(withdrawals[item.i]);
        else
            upsertDeposit(deposits[item.i]);
    }
}

void TransfersModel::setNow(qint64 unixSeconds) {
    m_now = unixSeconds;
    bool anyReadyChange = false;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows.at(i);
        if (!row.withdrawal) continue;
        const auto s = row.w.status;
        if (s != WithdrawalStatus::InChallengeWindow && s != WithdrawalStatus::ReIncluded &&
            s != WithdrawalStatus::ReadyToFinalize)
            continue;
        emit dataChanged(index(i), index(i),
                         {StatusRole, StatusTextRole, ToneRole, StepRole, CountdownRole, CanFinalizeRole});
        if (rowCanFinalize(row) && !m_announcedReady.contains(row.key())) {
            m_announcedReady.insert(row.key());
            anyReadyChange = true;
            emit becameReady(row.key(), QString::fromStdString(format_amount(row.w.amount)));
        }
    }
    if (anyReadyChange) emit countChanged();
}

void TransfersModel::setFinalizing(const QString& key, bool finalizing, const QString& error) {
    const int at = rowOf(key);
    if (at < 0) return;
    m_rows[at].finalizing = finalizing;
    m_rows[at].error = error;
    emit dataChanged(index(at), index(at));
    emit countChanged();
}

void TransfersModel::setLoading(bool loading) {
    if (loading == m_loading) return;
    m_loading = loading;
    emit loadingChanged();
}
