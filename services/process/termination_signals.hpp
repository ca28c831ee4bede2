// SPDX-License-Identifier: MIT
#pragma once
// SIGINT, SIGTERM and SIGHUP (Ctrl+C, `kill`, the session ending) as a Qt signal on the thread that
// created the object, so that the process shuts down as it does when the user quits: the app stops
// its local node and wipes its secrets, sluiced flushes its database. A signal handler may only
// write(2), so it writes to a socket pair that a QSocketNotifier watches (the self-pipe pattern).

#include <QObject>

class QSocketNotifier;

namespace sluice {

class TerminationSignals : public QObject {
    Q_OBJECT
public:
    // Installs the handlers; one instance per process. Without them (installation failed) the
    // signals keep their default action, which ends the process at once.
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;  // the three signals are ignored from then on (see the .cpp)

    bool installed() const { return m_notifier != nullptr; }

signals:
    // Emitted once, for the first signal; a second one while shutting down is ignored.
    void received(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

}  // namespace sluice
