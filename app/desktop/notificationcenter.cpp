// SPDX-License-Identifier: MIT
#include "desktop/notificationcenter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPointer>
#include <QQmlEngine>
#include <QSystemTrayIcon>

#include "common/amounttext.h"
#include "core/eth/units.hpp"
#include "stores/bridgestore.h"
#include "stores/verificationstore.h"
#include "stores/walletchannels.h"

namespace {
QPointer<NotificationCenter> g_center;
}

NotificationCenter* NotificationCenter::instance() {
    if (!g_center) g_center = new NotificationCenter(QCoreApplication::instance());
    return g_center;
}

NotificationCenter* NotificationCenter::create(QQmlEngine*, QJSEngine*) {
    auto* center = instance();
    QQmlEngine::setObjectOwnership(center, QQmlEngine::CppOwnership);
    return center;
}

NotificationCenter::NotificationCenter(QObject* parent) : QAbstractListModel(parent) {}

bool NotificationCenter::trayAvailable() const {
    // QSystemTrayIcon needs a QApplication (QtWidgets);
    // offscreen (tests, screenshots) has no tray.
    auto* app = QCoreApplication::instance();
    return app && app->inherits("QApplication") && QSystemTrayIcon::isSystemTrayAvailable();
}

void NotificationCenter::ensureTray() {
    if (m_tray || !trayAvailable()) return;
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/Sluice/sluice.svg")), this);
    m_tray->setToolTip(QStringLiteral("Sluice"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_items.isEmpty()) emit openRequested(m_items.constFirst().target);
    });
    m_tray->show();
}

int NotificationCenter::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_items.size()); }

QVariant NotificationCenter::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Item& item = m_items.at(index.row());
    switch (role) {
    case KeyRole: return item.key;
    case KindRole: return item.kind;
    case TitleRole: return item.title;
    case TextRole: return item.text;
    case TimeRole: return item.time.toString(QStringLiteral("hh:mm"));
    case ReadRole: return item.read;
    case TargetRole: return item.target;
    case ToneRole:
        // What the bar shows it as: alarms in red, a channel that needs attention as a warning.
        if (item.kind == QLatin1String("fraud") || item.kind == QLatin1String("error")) return int(Tone::Error);
        if (item.kind == QLatin1String("channel")) return int(Tone::Warning);
        return int(Tone::Success);
    default: return {};
    }
}

QHash<int, QByteArray> NotificationCenter::roleNames() const {
    return {{KeyRole, "key"},   {KindRole, "kind"}, {TitleRole, "title"},   {TextRole, "text"},
            {TimeRole, "time"}, {ReadRole, "read"}, {TargetRole, "target"}, {ToneRole, "tone"}};
}

int NotificationCenter::unread() const {
    int n = 0;
    for (const Item& item : m_items) n += item.read ? 0 : 1;
    return n;
}

void NotificationCenter::notify(const QString& key, const QString& kind, const QString& title, const QString& text,
                                const QString& target) {
    for (const Item& item : m_items)
        if (item.key == key) return;
    beginInsertRows({}, 0, 0);
    m_items.prepend(Item{key, kind, title, text, target, QDateTime::currentDateTime(), false});
    endInsertRows();
    emit countChanged();
    ensureTray();
    if (m_tray)
        m_tray->showMessage(title, text,
                            kind == QLatin1String("fraud") ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    emit posted(key, title, text);
}

void NotificationCenter::markRead(const QString& key) {
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].key != key || m_items[i].read) continue;
        m_items[i].read = true;
        emit dataChanged(index(i), index(i), {ReadRole});
        emit countChanged();
    }
}

void NotificationCenter::markAllRead() {
    for (const Item& item : std::as_const(m_items)) markRead(item.key);
}

void NotificationCenter::dismiss(const QString& key) {
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].key != key) continue;
        beginRemoveRows({}, i, i);
        m_items.removeAt(i);
        endRemoveRows();
        emit countChanged();
        return;
    }
}

void NotificationCenter::follow(BridgeStore* bridge, VerificationStore* verification, WalletChannels* channels) {
    followChannels(channels);
    connect(bridge, &BridgeStore::withdrawalReady, this, [this](const QString& key, const QString& amount) {
        notify(QStringLiteral("ready:") + key, QStringLiteral("withdrawal-ready"), tr("Withdrawal ready"),
               tr("Your withdrawal of %1 ETH can be finalized on L1 now.").arg(displayAmount(amount, QLocale())),
               QStringLiteral("bridge"));
    });
    connect(verification, &VerificationStore::batchUnreadable, this, [this](quint64 batch, const QString& message) {
        notify(
            QStringLiteral("unreadable:%1").arg(batch), QStringLiteral("fraud"),
            tr("Batch %1 cannot be verified").arg(batch),
            tr("This wallet cannot re-execute it (%1). Nobody may be able to prove fraud in it: do not trust it or any later batch.")
                .arg(message),
            QStringLiteral("batches"));
    });
    connect(verification, &VerificationStore::fraudFound, this, [this](quint64 batch, const QString&) {
        // The verifier's technical message is on the Batches page; the notification says what to do.
        notify(QStringLiteral("fraud:%1").arg(batch), QStringLiteral("fraud"),
               tr("Fraud detected in batch %1").arg(batch),
               tr("This wallet's verifier found that the batch claims a wrong state. Open Batches to prove it before "
                  "its challenge window ends."),
               QStringLiteral("batches"));
    });
}

// A channel needs the user when someone else closes it, when a stale close was answered, and when
// its payout can be collected.
void NotificationCenter::followChannels(WalletChannels* channels) {
    using Kind = WalletChannels::Event::Kind;
    connect(channels, &WalletChannels::happened, this, [this](const WalletChannels::Event& event) {
        const QString id = QString::fromStdString(event.channel.channel.id.hex());
        const QString mine = displayAmount(QString::fromStdString(sluice::format_amount(event.amount)), QLocale());
        switch (event.kind) {
        case Kind::Closing:
            if (event.byMe) return;
            notify(
                QStringLiteral("channel-closing:") + id, QStringLiteral("channel"), tr("The hub closed a channel"),
                tr("The wallet checks the state it closed with and disputes an old one. Your side: %1 ETH.").arg(mine),
                QStringLiteral("channels"));
            return;
        case Kind::Disputed:
            notify(QStringLiteral("channel-disputed:") + id, QStringLiteral("channel"),
                   tr("A stale close was disputed"),
                   tr("A channel was closed with an old state; the newest one, with your %1 ETH, is on chain now.")
                       .arg(mine),
                   QStringLiteral("channels"));
            return;
        case Kind::Settleable:
            notify(QStringLiteral("channel-settleable:") + id, QStringLiteral("channel"),
                   tr("A channel can be settled"),
                   tr("Its dispute period has ended: settle it to receive your %1 ETH on L1.").arg(mine),
                   QStringLiteral("channels"));
            return;
        default: return;
        }
    });
}
