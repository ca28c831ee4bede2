// SPDX-License-Identifier: MIT
#pragma once
// NotificationCenter: tells the user when something becomes actionable (a withdrawal is ready
// to finalize, the wallet's verifier found fraud). Through the system tray (QSystemTrayIcon)
// when one is available, and always in an in-app list that QML shows (a banner/badge).

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>

#include "common/tone.h"

class QQmlEngine;
class QJSEngine;
class QSystemTrayIcon;
class BridgeStore;
class VerificationStore;
class WalletChannels;

class NotificationCenter : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int unread READ unread NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading CONSTANT)
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        KindRole,  // "withdrawal-ready", "fraud", "channel"
        TitleRole,
        TextRole,
        TimeRole,  // "hh:mm"
        ReadRole,
        TargetRole,  // page to open: "bridge", "batches", "channels"
        ToneRole,    // Tone: Error for alarms, Warning for a channel, Success otherwise
    };
    Q_ENUM(Role)

    static NotificationCenter* instance();
    static NotificationCenter* create(QQmlEngine*, QJSEngine*);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int unread() const;
    bool loading() const { return false; }
    bool trayAvailable() const;

    // What becomes actionable: a withdrawal that is ready to finalize, a batch the wallet's
    // verifier found fraudulent or cannot read, and a payment channel that needs the user (closed
    // by the hub, a stale close disputed, a payout to settle).
    void follow(BridgeStore* bridge, VerificationStore* verification, WalletChannels* channels);

    // Newest first; same key twice is ignored (a state is announced once).
    void notify(const QString& key, const QString& kind, const QString& title, const QString& text,
                const QString& target);
    Q_INVOKABLE void markRead(const QString& key);
    Q_INVOKABLE void markAllRead();
    Q_INVOKABLE void dismiss(const QString& key);

signals:
    void countChanged();
    void posted(const QString& key, const QString& title, const QString& text);
    void openRequested(const QString& target);

private:
    explicit NotificationCenter(QObject* parent = nullptr);
    void ensureTray();
    void followChannels(WalletChannels* channels);
    struct Item {
        QString key, kind, title, text, target;
        QDateTime time;
        bool read = false;
    };
    QList<Item> m_items;
    QSystemTrayIcon* m_tray = nullptr;
};
