// SPDX-License-Identifier: MIT
#pragma once
// Child processes that must not outlive their parent (the app's local node): if the parent dies
// without stopping them (SIGKILL, a crash), the kernel sends them SIGTERM, so they shut down cleanly
// instead of holding their ports and data directory as orphans. (sluiced's devnet anvil is left
// alone on purpose: like a real L1 it survives a node crash, and the restarted node reuses it.)

class QProcess;

namespace sluice {

// Call before process.start(). Linux only (PR_SET_PDEATHSIG).
void endWithParent(QProcess& process);

}  // namespace sluice
