// SPDX-License-Identifier: MIT
#include "services/process/termination_signals.hpp"

#include <QSocketNotifier>

#include <sys/socket.h>
#include <unistd.h>
#include <csignal>

namespace sluice {

namespace {
int g_pipe[2] = {-1, -1};  // [0] written by the handler, [1] read by the notifier
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void onSignal(int signalNumber) {
    const char c = char(signalNumber);
    [[maybe_unused]] const auto n = ::write(g_pipe[0], &c, 1);
}
}  // namespace

TerminationSignals::TerminationSignals(QObject* parent) : QObject(parent) {
    if (g_pipe[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pipe) != 0) return;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int s : kSignals)
        if (::sigaction(s, &action, nullptr) != 0) return;
    m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        m_notifier->setEnabled(false);
        char c = 0;
        [[maybe_unused]] const auto n = ::read(g_pipe[1], &c, 1);
        emit received(int(c));
    });
}

// The object goes as the process ends, and the rest of its shutdown (the node stopping anvil, the
// app waiting for its node) must not be cut short by a repeated signal: a process whose parent is
// killed gets PR_SET_PDEATHSIG's signal again each time it is handed to another of the dying
// parent's threads, so a second SIGTERM a few milliseconds after the first is ordinary. From here
// on the three signals are ignored; SIGKILL still ends a shutdown that hangs.
TerminationSignals::~TerminationSignals() {
    struct sigaction action {};
    action.sa_handler = SIG_IGN;
    for (const int s : kSignals) ::sigaction(s, &action, nullptr);
}

}  // namespace sluice
