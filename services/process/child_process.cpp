// SPDX-License-Identifier: MIT
#include "services/process/child_process.hpp"

#include <QProcess>

#include <sys/prctl.h>
#include <unistd.h>
#include <csignal>

namespace sluice {

void endWithParent(QProcess& process) {
    const pid_t parent = ::getpid();
    // Runs in the child between fork and exec: only async-signal-safe calls.
    process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        // The parent may have died before prctl took effect: then nobody will send the signal.
        if (::getppid() != parent) ::_exit(1);
    });
}

}  // namespace sluice
