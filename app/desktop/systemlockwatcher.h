// SPDX-License-Identifier: MIT
#pragma once
// SystemLockWatcher: tells the wallet to lock when the computer is about to sleep or the user's
// screen is locked (issue 10, item 10). It listens on D-Bus to
//  - logind (system bus): Manager.PrepareForSleep(true) before suspend or hibernation, and
//    Session.Lock for this process's session (`loginctl lock-session`, most desktops' lock key);
//  - the desktop's screen saver (session bus): org.freedesktop.ScreenSaver.ActiveChanged(true)
//    (GNOME, KDE, Xfce).
// Without a bus (a container, CI) nothing is watched and the inactivity timer still applies; the
// reason is logged once.

#include <QDBusConnection>
#include <QObject>
#include <QString>

class SystemLockWatcher : public QObject {
    Q_OBJECT
public:
    enum class Reason { Suspend, SessionLock, ScreenSaver };
    Q_ENUM(Reason)

    // The buses to watch: QDBusConnection::systemBus() and sessionBus() in the app; tests pass a
    // private bus for both.
    SystemLockWatcher(const QDBusConnection& systemBus, const QDBusConnection& sessionBus, QObject* parent = nullptr);

    // How many of the three signals are subscribed (0 without buses).
    int subscriptions() const { return m_subscriptions; }

signals:
    void lockRequested(SystemLockWatcher::Reason reason);

private slots:
    void onPrepareForSleep(bool start);
    void onSessionLock(const QDBusMessage& message);
    void onScreenSaverActiveChanged(bool active);

private:
    QDBusConnection m_system;
    QString m_sessionPath;  // this process's logind session, once known; empty: any session's Lock counts
    int m_subscriptions = 0;
};
