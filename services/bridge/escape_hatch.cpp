// SPDX-License-Identifier: MIT
#include "services/bridge/escape_hatch.hpp"

namespace sluice {

U256 ExitPlan::total() const {
    U256 sum = 0;
    for (const auto& e : exits) sum += e.balance;
    for (const auto& r : refunds) sum += r.amount;
    return sum;
}

std::vector<EscapeCall> escapeCalls(const ExitPlan& plan) {
    std::vector<EscapeCall> out;
    for (const auto& e : plan.exits)
        out.push_back(
            {QStringLiteral("exit of L2 account #%1").arg(e.accountIndex), e.balance, rollupabi::encodeExit(e)});
    for (const auto& d : plan.refunds)
        out.push_back({QStringLiteral("refund of deposit %1").arg(d.index), d.amount,
                       rollupabi::encodeRefundDeposit(d.index, d.to, d.amount, d.timestamp)});
    return out;
}

Result<ExitPlan> planExit(const L1Replica& replica, const Hash& l1StateRoot, const Address& owner) {
    if (auto bad = replica.firstBadBatch())
        return make_error("batch " + std::to_string(*bad) +
                          " on L1 was not verified as honest by this wallet, so it cannot prove a balance in the state "
                          "the Rollup froze with");
    const rollup::AccountTree& state = replica.state();
    if (state.state_root() != l1StateRoot)
        return make_error("this wallet's replay of L1 ends at state root " + state.state_root().hex() +
                          ", the Rollup holds " + l1StateRoot.hex() + "; read L1 again");
    ExitPlan plan;
    const Hash treeRoot = state.root();
    for (std::uint32_t i = 0; i < state.count(); ++i) {
        const rollup::Account& a = state.account(i);
        if (a.address != owner || a.balance.is_zero() || replica.exited(i)) continue;
        ExitCall call;
        call.accountIndex = i;
        call.account = a.address;
        call.balance = a.balance;
        call.nonce = a.nonce;
        call.treeRoot = treeRoot;
        call.count = state.count();
        const auto proof = state.proof(i);
        call.siblings.assign(proof.siblings.begin(), proof.siblings.end());
        plan.exits.push_back(std::move(call));
    }
    const auto& deposits = replica.deposits();
    for (quint64 i = replica.depositsProcessed(); i < deposits.size(); ++i)
        if (!deposits[i].forced && deposits[i].to == owner && !replica.refunded(i)) plan.refunds.push_back(deposits[i]);
    return plan;
}

}  // namespace sluice
