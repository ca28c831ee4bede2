// SPDX-License-Identifier: MIT
#pragma once
// InactivityTracker: auto-lock. An event filter on the application restarts a single-shot timer
// on every keyboard, mouse, wheel or touch event; when it fires the wallet is locked
// (AppContext::lock). Minutes come from AppSettings (0 = never).

#include <QObject>
#include <QTimer>

class InactivityTracker : public QObject {
    Q_OBJECT
public:
    explicit InactivityTracker(QObject* parent = nullptr);
    ~InactivityTracker() override;

    // Installs the filter on QCoreApplication. timeoutMs 0 disables.
    void setTimeout(int timeoutMs);
    int timeout() const { return m_timeoutMs; }
    bool isActive() const { return m_timer.isActive(); }
    void poke();   // counts as activity

signals:
    void idle();   // the timeout passed without input

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    int m_timeoutMs = 0;
};
