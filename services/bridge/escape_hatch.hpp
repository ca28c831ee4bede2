// SPDX-License-Identifier: MIT
#pragma once
// The wallet's side of the escape hatch (docs/PROTOCOL.md §5.4): once the Rollup is frozen, every
// account owner takes its whole L2 balance out of the last state root with a Merkle proof of its
// account, and deposits no batch took are refunded. The proofs come from the wallet's own replay
// of L1 data (L1Replica); nothing is asked of the operator, who is presumably gone.

#include <QString>

#include <vector>

#include "core/common/result.hpp"
#include "services/rollup/l1_replica.hpp"
#include "services/rollup/rollup_abi.hpp"

namespace sluice {

struct ExitPlan {
    std::vector<ExitCall> exits;              // one per account index the owner holds a balance in
    std::vector<DepositQueuedEvent> refunds;  // queue entries to the owner no batch took
    U256 total() const;
};

// One L1 call of a plan: exit(...) or refundDeposit(...) on the Rollup, and what it pays.
struct EscapeCall {
    QString what;  // "exit of L2 account #3", "refund of deposit 7"
    U256 amount = 0;
    Bytes data;  // calldata for the Rollup
};
// Exits first, then refunds.
std::vector<EscapeCall> escapeCalls(const ExitPlan& plan);

// What `owner` can take out of the frozen Rollup whose current post-state root is `l1StateRoot`.
// Refuses (with the reason) when the replica cannot prove from that root: a batch it could not
// verify, or one it found fraudulent, stands between it and L1's state.
Result<ExitPlan> planExit(const L1Replica& replica, const Hash& l1StateRoot, const Address& owner);

}  // namespace sluice
