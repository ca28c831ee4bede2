// SPDX-License-Identifier: MIT
#include "channels/channelsmodel.h"

#include <QDateTime>
#include <QLocale>

#include "bridge/transfersmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"

using namespace sluice;
using channels::ChannelStatus;

ChannelsModel::ChannelsModel(QObject* parent) : QAbstractListModel(parent) {}

int ChannelsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QHash<int, QByteArray> ChannelsModel::roleNames() const {
    return {{IdRole, "channelId"},
            {ShortIdRole, "shortId"},
            {AccountRole, "account"},
            {AccountNameRole, "accountName"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {ToneRole, "tone"},
            {MineRole, "mine"},
            {TheirsRole, "theirs"},
            {LockedRole, "locked"},
            {NonceRole, "nonce"},
            {DisputeEndsRole, "disputeEnds"},
            {CountdownRole, "countdown"},
            {CanPayRole, "canPay"},
            {CanCloseRole, "canClose"},
            {CanSettleRole, "canSettle"},
            {WatchtowerRole, "watchtower"},
            {WatchtowerWarningRole, "watchtowerWarning"}};
}

ChannelsModel::Status ChannelsModel::statusOf(const StoredChannel& c) {
    switch (c.onChain.status) {
    case ChannelStatus::Open: return Status::Open;
    case ChannelStatus::Closing: return Status::Closing;
    case ChannelStatus::Settled:
    case ChannelStatus::None: return Status::Settled;
    }
    return Status::Settled;
}

bool ChannelsModel::canSettle(const StoredChannel& c) const {
    return c.onChain.status == ChannelStatus::Closing && m_now >= qint64(c.onChain.disputeEndsAt);
}

QVariant ChannelsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= int(m_rows.size())) return {};
    const StoredChannel& c = m_rows[size_t(index.row())];
    const Status status = statusOf(c);
    const bool closing = status == Status::Closing;
    switch (role) {
    case IdRole: return QString::fromStdString(c.channel.id.hex());
    case ShortIdRole: return shortHash(QString::fromStdString(c.channel.id.hex()));
    case AccountRole: return QString::fromStdString(to_checksum_address(c.myAddress()));
    case AccountNameRole:
        return m_accountNames.value(QString::fromStdString(to_checksum_address(c.myAddress())).toLower());
    case StatusRole: return int(status);
    case StatusTextRole:
        switch (status) {
        case Status::Open: return tr("Open");
        case Status::Closing: return canSettle(c) ? tr("Ready to settle") : tr("Closing, disputable");
        case Status::Settled: return tr("Settled");
        }
        return {};
    case ToneRole:
        if (closing) return canSettle(c) ? Tone::Success : Tone::Warning;
        return status == Status::Open ? Tone::Info : Tone::Neutral;
    case MineRole: return displayEther(c.latest.balance(c.me));
    case TheirsRole: return displayEther(c.latest.balance(channels::other(c.me)));
    case LockedRole: return c.latest.locked_amount == 0 ? QString() : displayEther(c.latest.locked_amount);
    case NonceRole: return QString::number(c.latest.nonce);
    case DisputeEndsRole:
        return closing ? QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(c.onChain.disputeEndsAt)),
                                            QLocale::ShortFormat)
                       : QString();
    case CountdownRole:
        return closing && !canSettle(c) ? TransfersModel::countdown(qint64(c.onChain.disputeEndsAt) - m_now)
                                        : QString();
    case CanPayRole: return status == Status::Open && c.latest.balance(c.me) > 0;
    case CanCloseRole: return status == Status::Open;
    case CanSettleRole: return canSettle(c);
    case WatchtowerRole: return watchtowerText(c, nullptr);
    case WatchtowerWarningRole: {
        bool warning = false;
        watchtowerText(c, &warning);
        return warning;
    }
    }
    return {};
}

QString ChannelsModel::watchtowerText(const StoredChannel& c, bool* warning) const {
    auto warn = [warning](QString text) {
        if (warning) *warning = true;
        return text;
    };
    // Without one, the list says so once; a settled channel needs no guard.
    if (!m_hasWatchtower || statusOf(c) == Status::Settled) return {};
    const auto seen = m_watchtower.find(c.channel.id);
    if (seen == m_watchtower.end()) return {};  // not asked yet
    if (!seen->second) return warn(tr("Watchtower unreachable: keep the wallet running until the channel is settled."));
    const WatchtowerView& view = *seen->second;
    //: %1 the number of the state (its nonce)
    if (view.disputeTx) return tr("The watchtower disputed the close with state #%1.").arg(view.nonce.value_or(0));
    if (c.latest.nonce == 0) return {};  // nothing signed yet: nothing older to be closed with
    if (!view.nonce) return warn(tr("The watchtower holds no state of this channel yet."));
    if (!view.watching) return warn(tr("The watchtower no longer watches this channel."));
    if (*view.nonce < c.latest.nonce)
        //: %1 and %2 the numbers of two states (their nonces)
        return warn(
            tr("The watchtower holds an older state (#%1; the newest is #%2).").arg(*view.nonce).arg(c.latest.nonce));
    if (statusOf(c) == Status::Closing)
        //: %1 a date and time
        return tr("Watched until %1: the watchtower disputes a close with an older state.")
            .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(c.onChain.disputeEndsAt)),
                                    QLocale::ShortFormat));
    //: %1 the number of the state (its nonce)
    return tr("Watched: the watchtower holds the newest state (#%1).").arg(*view.nonce);
}

void ChannelsModel::setWatchtower(bool present, const WatchtowerViews& views) {
    m_hasWatchtower = present;
    m_watchtower = views;
    if (!m_rows.empty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {WatchtowerRole, WatchtowerWarningRole});
}

void ChannelsModel::setChannels(const std::vector<StoredChannel>& channels) {
    // Newest first (a channel's id says nothing of its age; the store lists them as opened).
    std::vector<StoredChannel> rows(channels.rbegin(), channels.rend());
    const bool sameIds = rows.size() == m_rows.size() &&
                         std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                    [](const auto& a, const auto& b) { return a.channel.id == b.channel.id; });
    if (sameIds) {
        m_rows = std::move(rows);
        if (!m_rows.empty()) emit dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

void ChannelsModel::setNow(qint64 unixSeconds) {
    m_now = unixSeconds;
    for (int row = 0; row < int(m_rows.size()); ++row)
        if (m_rows[size_t(row)].onChain.status == ChannelStatus::Closing)
            emit dataChanged(index(row), index(row), {StatusTextRole, ToneRole, CountdownRole, CanSettleRole});
}

void ChannelsModel::setAccountNames(const QHash<QString, QString>& namesByLowerCaseAddress) {
    if (namesByLowerCaseAddress == m_accountNames) return;
    m_accountNames = namesByLowerCaseAddress;
    if (!m_rows.empty()) emit dataChanged(index(0), index(int(m_rows.size()) - 1), {AccountNameRole});
}

const StoredChannel* ChannelsModel::at(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

const StoredChannel* ChannelsModel::find(const QString& channelId) const {
    for (const StoredChannel& c : m_rows)
        if (QString::fromStdString(c.channel.id.hex()).compare(channelId, Qt::CaseInsensitive) == 0) return &c;
    return nullptr;
}
