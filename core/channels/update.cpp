// SPDX-License-Identifier: MIT
#include "core/channels/update.hpp"

#include <algorithm>
#include <limits>

#include "core/channels/lock_tree.hpp"
#include "core/channels/typed_data.hpp"

namespace sluice::channels {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

ChannelError credit(U256& balance, const U256& amount) {
    const auto sum = checked_add(balance, amount);
    if (!sum) return ChannelError::Overflow;
    balance = *sum;
    return ChannelError::None;
}

ChannelError debit(U256& balance, const U256& amount) {
    if (balance < amount) return ChannelError::InsufficientBalance;
    balance -= amount;
    return ChannelError::None;
}

// `current`'s locks in tree order, checked against its root and locked amount.
ChannelResult<std::vector<TreeLock>> current_tree(const State& current, std::span<const Lock> locks) {
    std::vector<TreeLock> tree = tree_order(locks);
    std::vector<Hash> leaves;
    leaves.reserve(tree.size());
    for (const TreeLock& t : tree) leaves.push_back(t.leaf);
    const auto total = locked_total(locks);
    if (std::adjacent_find(leaves.begin(), leaves.end()) != leaves.end() || !total || *total != current.locked_amount ||
        locks_root_of_sorted_leaves(leaves) != current.locks_root)
        return ChannelError::CurrentLocksMismatch;
    return tree;
}

// Sets the state's root and locked amount from locks in tree order.
void set_locks(State& state, const std::vector<TreeLock>& tree) {
    std::vector<Hash> leaves;
    leaves.reserve(tree.size());
    U256 total = 0;
    for (const TreeLock& t : tree) {
        leaves.push_back(t.leaf);
        total += t.lock.amount;  // ≤ the checked total of the current locks plus one lock
    }
    state.locks_root = locks_root_of_sorted_leaves(leaves);
    state.locked_amount = total;
}

std::vector<TreeLock>::iterator find_leaf(std::vector<TreeLock>& tree, const Hash& leaf) {
    const auto it =
        std::lower_bound(tree.begin(), tree.end(), leaf, [](const TreeLock& t, const Hash& l) { return t.leaf < l; });
    return it != tree.end() && it->leaf == leaf ? it : tree.end();
}

// apply_update's work. `locks_out`, if given, receives the new locks in tree order.
ChannelResult<State> transition(const State& current, std::span<const Lock> current_locks, const Update& update,
                                std::uint64_t nonce, std::size_t max_locks, std::vector<Lock>* locks_out) {
    State next = current;
    next.nonce = nonce;
    // Removes `lock` from the tree; LockNotFound if it is not there.
    auto remove_lock = [&](const Lock& lock) -> ChannelError {
        auto tree = current_tree(current, current_locks);
        if (!tree) return tree.error();
        const auto it = find_leaf(*tree, lock_leaf(lock));
        if (it == tree->end()) return ChannelError::LockNotFound;
        tree->erase(it);
        set_locks(next, *tree);
        if (locks_out)
            for (const TreeLock& t : *tree) locks_out->push_back(t.lock);
        return ChannelError::None;
    };
    const ChannelError error = std::visit(
        Overloaded{
            [&](const Pay& u) -> ChannelError {
                if (u.amount == 0) return ChannelError::ZeroAmount;
                if (auto e = debit(next.balance(u.from), u.amount); e != ChannelError::None) return e;
                return credit(next.balance(other(u.from)), u.amount);
            },
            [&](const Deposit& u) -> ChannelError {
                if (u.amount == 0) return ChannelError::ZeroAmount;
                if (auto e = credit(next.deposit(u.by), u.amount); e != ChannelError::None) return e;
                return credit(next.balance(u.by), u.amount);
            },
            [&](const AddLock& u) -> ChannelError {
                if (u.lock.amount == 0) return ChannelError::ZeroLockAmount;
                if (auto e = debit(next.balance(u.lock.sender()), u.lock.amount); e != ChannelError::None) return e;
                auto tree = current_tree(current, current_locks);
                if (!tree) return tree.error();
                const Hash leaf = lock_leaf(u.lock);
                if (find_leaf(*tree, leaf) != tree->end()) return ChannelError::DuplicateLock;
                if (tree->size() + 1 > max_locks) return ChannelError::TooManyLocks;
                if (!checked_add(current.locked_amount, u.lock.amount)) return ChannelError::Overflow;
                const auto at = std::lower_bound(tree->begin(), tree->end(), leaf,
                                                 [](const TreeLock& t, const Hash& l) { return t.leaf < l; });
                tree->insert(at, TreeLock{leaf, u.lock});
                set_locks(next, *tree);
                if (locks_out)
                    for (const TreeLock& t : *tree) locks_out->push_back(t.lock);
                return ChannelError::None;
            },
            [&](const Unlock& u) -> ChannelError {
                if (secret_hash_of(u.secret) != u.lock.secret_hash) return ChannelError::SecretMismatch;
                if (auto e = remove_lock(u.lock); e != ChannelError::None) return e;
                return credit(next.balance(u.lock.receiver()), u.lock.amount);
            },
            [&](const Expire& u) -> ChannelError {
                if (auto e = remove_lock(u.lock); e != ChannelError::None) return e;
                return credit(next.balance(u.lock.sender()), u.lock.amount);
            },
        },
        update);
    if (error != ChannelError::None) return error;
    if (locks_out && (std::holds_alternative<Pay>(update) || std::holds_alternative<Deposit>(update)))
        for (const TreeLock& t : tree_order(current_locks)) locks_out->push_back(t.lock);
    return next;
}

bool conserved(const State& s) {
    const auto total = checked_add(s.deposit_a, s.deposit_b);
    const auto balances = checked_add(s.balance_a, s.balance_b);
    const auto held = balances ? checked_add(*balances, s.locked_amount) : std::nullopt;
    return total && held && *total == *held;
}

}  // namespace

std::optional<std::uint64_t> next_nonce(std::uint64_t latest_nonce, std::uint64_t highest_signed) {
    const std::uint64_t top = std::max(latest_nonce, highest_signed);
    if (top == std::numeric_limits<std::uint64_t>::max()) return std::nullopt;
    return top + 1;
}

std::optional<std::uint64_t> restored_nonce(std::uint64_t highest_seen) {
    if (highest_seen > std::numeric_limits<std::uint64_t>::max() - kRestoreNonceGap) return std::nullopt;
    return highest_seen + kRestoreNonceGap;
}

std::optional<Participant> required_proposer(const Update& update) {
    return std::visit(Overloaded{
                          [](const Pay& u) -> std::optional<Participant> { return u.from; },
                          [](const AddLock& u) -> std::optional<Participant> { return u.lock.sender(); },
                          [](const Unlock& u) -> std::optional<Participant> { return u.lock.sender(); },
                          [](const Expire& u) -> std::optional<Participant> { return u.lock.sender(); },
                          [](const Deposit&) -> std::optional<Participant> { return std::nullopt; },
                      },
                      update);
}

ChannelResult<Transition> apply_update(const State& current, std::span<const Lock> current_locks, const Update& update,
                                       std::uint64_t nonce, std::size_t max_locks) {
    Transition out;
    auto next = transition(current, current_locks, update, nonce, max_locks, &out.locks);
    if (!next) return next.error();
    out.state = std::move(*next);
    return out;
}

ChannelError check_update(const AcceptContext& ctx, const State& current, std::span<const Lock> current_locks,
                          const State& proposed, const Update& update) {
    // 1. The channel and the nonce.
    if (proposed.channel_id != ctx.channel.id || current.channel_id != ctx.channel.id)
        return ChannelError::WrongChannel;
    if (ctx.status != ChannelStatus::Open) return ChannelError::ChannelNotOpen;
    if (ctx.cooperative_close_signed) return ChannelError::CloseAgreed;
    if (proposed.nonce <= current.nonce) return ChannelError::NonceNotAboveLatest;
    // Never a nonce the acceptor has signed, not even for crossing proposals (§13.1).
    if (proposed.nonce <= ctx.highest_signed) return ChannelError::NonceNotAboveSigned;
    // 2. Deposits only grow, and only by money confirmed on chain.
    if (proposed.deposit_a < current.deposit_a || proposed.deposit_b < current.deposit_b)
        return ChannelError::DepositDecreased;
    if (proposed.deposit_a > ctx.confirmed_deposit_a || proposed.deposit_b > ctx.confirmed_deposit_b)
        return ChannelError::DepositsExceeded;
    // 3. Conservation, and §3.1 rule 3.
    if (!conserved(proposed)) return ChannelError::NotConserved;
    if (proposed.locks_root.is_zero() != (proposed.locked_amount == 0)) return ChannelError::InconsistentLocks;
    // 5. Who proposes, and the checks that need the clock and the chain.
    if (const auto p = required_proposer(update); p && *p != other(ctx.acceptor)) return ChannelError::WrongProposer;
    if (const auto* u = std::get_if<AddLock>(&update)) {
        const U256 now = ctx.now;
        if (U256(u->lock.expiry) < now + 2 * U256(ctx.params.reveal_timeout)) return ChannelError::LockExpiryTooSoon;
        if (U256(u->lock.expiry) > now + U256(ctx.params.max_lock_duration)) return ChannelError::LockExpiryTooLate;
    }
    if (const auto* u = std::get_if<Expire>(&update)) {
        if (ctx.now < u->lock.expiry) return ChannelError::LockNotExpired;
        const auto at = ctx.secret_registered_at ? ctx.secret_registered_at(u->lock.secret_hash) : std::nullopt;
        if (!at) return ChannelError::SecretRegistrationUnknown;
        if (*at != 0 && *at < u->lock.expiry) return ChannelError::SecretRegisteredInTime;
    }
    // 4 and 5: the proposed state is exactly the one the update makes.
    auto expected = transition(current, current_locks, update, proposed.nonce, ctx.params.max_locks, nullptr);
    if (!expected) return expected.error();
    if (proposed.deposit_a != expected->deposit_a || proposed.deposit_b != expected->deposit_b)
        return ChannelError::DepositMismatch;
    if (proposed.locked_amount != expected->locked_amount) return ChannelError::LockedAmountMismatch;
    if (proposed.locks_root != expected->locks_root) return ChannelError::LocksRootMismatch;
    if (proposed.balance_a != expected->balance_a || proposed.balance_b != expected->balance_b)
        return ChannelError::BalanceMismatch;
    return ChannelError::None;
}

ChannelError check_proposal(const AcceptContext& ctx, const State& current, std::span<const Lock> current_locks,
                            const State& proposed, const Update& update, ByteView proposer_signature) {
    if (const ChannelError e = check_update(ctx, current, current_locks, proposed, update); e != ChannelError::None)
        return e;
    const Address& proposer = ctx.channel.address(other(ctx.acceptor));
    if (verify_state_signature(ctx.channel.domain, proposed, proposer_signature, proposer) != SignatureError::None)
        return ChannelError::BadProposerSignature;
    return ChannelError::None;
}

ChannelError check_cooperative_close(const AcceptContext& ctx, const State& latest, const CooperativeClose& close) {
    if (close.channel_id != ctx.channel.id || latest.channel_id != ctx.channel.id) return ChannelError::WrongChannel;
    if (ctx.status != ChannelStatus::Open && ctx.status != ChannelStatus::Closing) return ChannelError::ChannelNotOpen;
    const auto split = cooperative_close_of(latest);
    if (!split) return ChannelError::LocksPending;
    if (close != *split) return ChannelError::CloseSplitMismatch;
    return check_against_deposits(close, ctx.confirmed_deposit_a, ctx.confirmed_deposit_b);
}

}  // namespace sluice::channels
