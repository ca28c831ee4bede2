// SPDX-License-Identifier: MIT
#pragma once
// ChannelsModel: the wallet's payment channels as rows for the Channels page: my side, the hub's
// side and what is locked in pending payments; the state on chain; while a close is disputable,
// when the dispute period ends (absolute and as a countdown on the L1 clock); and which actions
// are possible now (settle exactly when the contract allows it); and whether the watchtower holds
// the newest state.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QHash>

#include <map>
#include <optional>
#include <vector>

#include "common/tone.h"
#include "services/channels/channel_store.hpp"
#include "services/channels/channel_wallet.hpp"

class ChannelsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ChannelsController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ShortIdRole,
        AccountRole,  // my address, checksummed
        AccountNameRole,
        StatusRole,  // Status
        StatusTextRole,
        ToneRole,
        MineRole,  // "1.75 ETH"
        TheirsRole,
        LockedRole,  // "" when nothing is locked
        NonceRole,
        DisputeEndsRole,  // "Dec 4, 2026 14:05" while closing, else ""
        CountdownRole,    // "4m 10s" until the dispute period ends, "" otherwise
        CanPayRole,
        CanCloseRole,  // cooperative or force close: the channel is open
        CanSettleRole,
        WatchtowerRole,         // what the watchtower holds, in words; "" when there is nothing to say
        WatchtowerWarningRole,  // true when it cannot protect the channel as it stands
    };
    Q_ENUM(Role)

    enum class Status { Open, Closing, Settled };
    Q_ENUM(Status)

    explicit ChannelsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setChannels(const std::vector<sluice::StoredChannel>& channels);
    void setNow(qint64 unixSeconds);  // the L1 clock: the contract judges the dispute period by it
    void setAccountNames(const QHash<QString, QString>& namesByLowerCaseAddress);
    // The network's watchtower (present: the network has one) and what it said of each channel.
    using WatchtowerViews = std::map<sluice::channels::ChannelId, std::optional<sluice::WatchtowerView>>;
    void setWatchtower(bool present, const WatchtowerViews& views);
    const sluice::StoredChannel* at(int row) const;
    const sluice::StoredChannel* find(const QString& channelId) const;
    bool canSettle(const sluice::StoredChannel& channel) const;

    static Status statusOf(const sluice::StoredChannel& channel);

signals:
    void countChanged();

private:
    QString watchtowerText(const sluice::StoredChannel& channel, bool* warning) const;

    std::vector<sluice::StoredChannel> m_rows;
    QHash<QString, QString> m_accountNames;
    bool m_hasWatchtower = false;
    WatchtowerViews m_watchtower;
    qint64 m_now = 0;
};
