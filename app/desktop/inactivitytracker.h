// SPDX-License-Identifier: MIT
#pragma once
// InactivityTracker: auto-lock. An event filter on the application records the time of every
// keyboard, mouse, wheel or touch event; once the timeout has passed since the last one, idle()
// is emitted and the wallet is locked (AppContext::lock). Minutes come from AppSettings (0 = never).
//
// Time is wall-clock time including time suspended (CLOCK_BOOTTIME): a QTimer's monotonic clock
// stands still while the computer sleeps, so a wallet left unlocked before a night's suspend
// would otherwise stay unlocked for the rest of its timeout after waking. The check runs at least
// every few seconds, so it fires promptly after a resume (SystemLockWatcher locks before the
// suspend itself when logind is there).

#include <QObject>
#include <QTimer>

#include <functional>

class InactivityTracker : public QObject {
    Q_OBJECT
public:
    explicit InactivityTracker(QObject* parent = nullptr);
    ~InactivityTracker() override;

    // timeoutMs 0 disables.
    void setTimeout(int timeoutMs);
    int timeout() const { return m_timeoutMs; }
    bool isActive() const { return m_check.isActive(); }
    void poke();  // counts as activity

    // Milliseconds on the clock the timeout is measured with; tests replace it to jump over a suspend.
    using Clock = std::function<qint64()>;
    void setClock(Clock clock);
    static qint64 bootTimeMs();  // CLOCK_BOOTTIME

signals:
    void idle();  // the timeout passed without input

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void check();
    void scheduleCheck();

    QTimer m_check;
    Clock m_clock = &InactivityTracker::bootTimeMs;
    qint64 m_lastActivity = 0;
    int m_timeoutMs = 0;
};
