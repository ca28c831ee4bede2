// SPDX-License-Identifier: MIT
#pragma once
// Child processes that must not outlive their parent (the app's local node): if the parent dies
// without stopping them (SIGKILL, a crash), the kernel sends them SIGTERM, so they shut down cleanly
// instead of holding their ports and data directory as orphans. Used for the app's sluiced, and for
// the devnet node's anvil (which writes its state file on SIGTERM, so the next start resumes the
// chain) and watchtower.

class QProcess;

namespace sluice {

// Call before process.start(). Linux only (PR_SET_PDEATHSIG).
void endWithParent(QProcess& process);

}  // namespace sluice
