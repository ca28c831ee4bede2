// SPDX-License-Identifier: MIT
// §13.2 update acceptance: every rule with a state it accepts and one it refuses (with the code),
// the proposer's side (apply_update), cooperative closes, the §3.1 validity the contract checks,
// and a random walk of updates in which every honest proposal is accepted and every one-field
// change of it is refused.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <random>

#include "channel_fixture.hpp"
#include "core/channels/lock_tree.hpp"
#include "core/channels/typed_data.hpp"
#include "core/channels/update.hpp"

namespace sluice::channels {
namespace {

using namespace sluice::channels::test;
constexpr auto A = Participant::A;
constexpr auto B = Participant::B;
constexpr std::uint64_t kNow = 1'700'000'000;

class Acceptance : public ::testing::Test {
protected:
    void SetUp() override {
        channel = vector_channel();
        secret_a = hash_of("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        secret_b = hash_of("0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        lock_a = Lock{false, kNow + 300, kEther, secret_hash_of(secret_a)};     // A -> B, 1 ether
        lock_b = Lock{true, kNow + 400, kEther / 2, secret_hash_of(secret_b)};  // B -> A, 0.5 ether
        // Opening 10 / 5; A pays B 2; A locks 1 to B; B locks 0.5 to A.
        const State open = opening_state(channel.id, 10 * kEther, 5 * kEther);
        const Transition t1 = *apply_update(open, {}, Pay{A, 2 * kEther}, 1);
        const Transition t2 = *apply_update(t1.state, t1.locks, AddLock{lock_a}, 2);
        const Transition t3 = *apply_update(t2.state, t2.locks, AddLock{lock_b}, 3);
        current = t3.state;
        locks = t3.locks;

        ctx.channel = channel;
        ctx.status = ChannelStatus::Open;
        ctx.confirmed_deposit_a = 10 * kEther;
        ctx.confirmed_deposit_b = 5 * kEther;
        ctx.highest_signed = 3;
        ctx.now = kNow;
        ctx.params = ClientParams::devnet();
        ctx.secret_registered_at = [this](const Hash& h) -> std::optional<std::uint64_t> {
            const auto it = registry.find(h);
            return it == registry.end() ? 0 : it->second;
        };
    }

    AcceptContext as(Participant acceptor) const {
        AcceptContext c = ctx;
        c.acceptor = acceptor;
        return c;
    }
    // The state the update makes at the next nonce, as an honest proposer builds it.
    State propose(const Update& update) const {
        auto t = apply_update(current, locks, update, current.nonce + 1);
        EXPECT_TRUE(t.ok()) << describe(t.error());
        return t.ok() ? t->state : current;
    }
    ChannelError check(Participant acceptor, const State& proposed, const Update& update) const {
        return check_update(as(acceptor), current, locks, proposed, update);
    }
    // `current` at the next nonce: a state that conserves but changes nothing.
    State unchanged() const {
        State s = current;
        s.nonce += 1;
        return s;
    }

    Channel channel;
    Hash secret_a, secret_b;
    Lock lock_a, lock_b;
    State current;
    std::vector<Lock> locks;
    AcceptContext ctx;
    std::map<Hash, std::uint64_t> registry;
};

TEST_F(Acceptance, TheFixtureIsWhatApplyUpdateMade) {
    EXPECT_EQ(current.nonce, 3u);
    EXPECT_EQ(current.balance_a, 7 * kEther);
    EXPECT_EQ(current.balance_b, 65 * kEther / 10);
    EXPECT_EQ(current.locked_amount, 3 * kEther / 2);
    EXPECT_EQ(current.locks_root, locks_root(std::vector<Lock>{lock_a, lock_b}));
    EXPECT_EQ(check_against_deposits(current, 10 * kEther, 5 * kEther), ChannelError::None);
    ASSERT_EQ(locks.size(), 2u);
    EXPECT_LT(lock_leaf(locks[0]), lock_leaf(locks[1]));  // tree order
}

// ---- the five kinds, accepted ----

TEST_F(Acceptance, PayIsAcceptedByThePayee) {
    const Update pay_ab = Pay{A, kEther};
    const State s = propose(pay_ab);
    EXPECT_EQ(s.balance_a, 6 * kEther);
    EXPECT_EQ(s.balance_b, 75 * kEther / 10);
    EXPECT_EQ(s.locks_root, current.locks_root);
    EXPECT_EQ(check(B, s, pay_ab), ChannelError::None);
    const Update pay_ba = Pay{B, 65 * kEther / 10};  // B's whole balance
    EXPECT_EQ(check(A, propose(pay_ba), pay_ba), ChannelError::None);
}

TEST_F(Acceptance, AddLockIsAcceptedByTheReceiverWithinTheExpiryWindow) {
    const std::uint64_t earliest = kNow + 2 * ctx.params.reveal_timeout;
    const std::uint64_t latest = kNow + ctx.params.max_lock_duration;
    for (const std::uint64_t expiry : {earliest, latest}) {
        const Update add = AddLock{Lock{false, expiry, 3 * kEther, secret_hash_of(secret_b)}};
        const State s = propose(add);
        EXPECT_EQ(s.balance_a, 4 * kEther);
        EXPECT_EQ(s.locked_amount, 9 * kEther / 2);
        EXPECT_EQ(check(B, s, add), ChannelError::None) << expiry;
    }
    const Update add_ba = AddLock{Lock{true, earliest, 1, secret_hash_of(secret_a)}};
    EXPECT_EQ(check(A, propose(add_ba), add_ba), ChannelError::None);
    // The lock is pending in the new state, with a proof against its root.
    const Transition t = *apply_update(current, locks, add_ba, 4);
    EXPECT_EQ(t.locks.size(), 3u);
    EXPECT_EQ(t.state.locks_root, locks_root(t.locks));
    EXPECT_TRUE(verify_lock_proof(std::get<AddLock>(add_ba).lock, *lock_proof(t.locks, std::get<AddLock>(add_ba).lock),
                                  t.state.locks_root));
}

TEST_F(Acceptance, UnlockIsProposedByTheSenderAndPaysTheReceiver) {
    const Update unlock = Unlock{lock_a, secret_a};
    const State s = propose(unlock);
    EXPECT_EQ(s.balance_b, 75 * kEther / 10);
    EXPECT_EQ(s.balance_a, current.balance_a);
    EXPECT_EQ(s.locked_amount, kEther / 2);
    EXPECT_EQ(s.locks_root, lock_leaf(lock_b));  // one lock left: its own root
    EXPECT_EQ(check(B, s, unlock), ChannelError::None);
    // Unlocking an expired lock is fine for the receiver, who gains.
    ctx.now = lock_a.expiry + 1000;
    EXPECT_EQ(check(B, s, unlock), ChannelError::None);
}

TEST_F(Acceptance, ExpireIsAcceptedOnceExpiredAndNotRegisteredInTime) {
    const Update expire = Expire{lock_b};  // B's lock back to B, accepted by A
    const State s = propose(expire);
    EXPECT_EQ(s.balance_b, 7 * kEther);
    EXPECT_EQ(s.locks_root, lock_leaf(lock_a));
    ctx.now = lock_b.expiry;
    EXPECT_EQ(check(A, s, expire), ChannelError::None);
    registry[lock_b.secret_hash] = lock_b.expiry;  // registered, but at the expiry: too late
    EXPECT_EQ(check(A, s, expire), ChannelError::None);
    // Both locks gone: the root is zero again.
    const Transition one = *apply_update(current, locks, Expire{lock_b}, 4);
    const Transition none = *apply_update(one.state, one.locks, Unlock{lock_a, secret_a}, 5);
    EXPECT_EQ(none.state.locks_root, Hash{});
    EXPECT_EQ(none.state.locked_amount, 0);
    EXPECT_TRUE(none.locks.empty());
}

TEST_F(Acceptance, DepositIsAcceptedFromEitherProposerOnceConfirmed) {
    const Update deposit = Deposit{A, 3 * kEther};
    const State s = propose(deposit);
    EXPECT_EQ(s.deposit_a, 13 * kEther);
    EXPECT_EQ(s.balance_a, 10 * kEther);
    ctx.confirmed_deposit_a = 13 * kEther;
    EXPECT_EQ(check(B, s, deposit), ChannelError::None);  // proposed by A
    EXPECT_EQ(check(A, s, deposit), ChannelError::None);  // proposed by B
}

// ---- rule 1: channel and nonce ----

TEST_F(Acceptance, WrongChannelNotOpenOrCloseAgreed) {
    const Update pay = Pay{A, kEther};
    State s = propose(pay);
    s.channel_id = channel_id(channel.domain, channel.a, channel.b, 1);
    EXPECT_EQ(check(B, s, pay), ChannelError::WrongChannel);
    s = propose(pay);
    for (const ChannelStatus st : {ChannelStatus::None, ChannelStatus::Closing, ChannelStatus::Settled}) {
        ctx.status = st;
        EXPECT_EQ(check(B, s, pay), ChannelError::ChannelNotOpen);
    }
    ctx.status = ChannelStatus::Open;
    ctx.cooperative_close_signed = true;
    EXPECT_EQ(check(B, s, pay), ChannelError::CloseAgreed);
}

TEST_F(Acceptance, NonceMustBeAboveLatestAndHighestSigned) {
    const Update pay = Pay{A, kEther};
    State s = propose(pay);
    s.nonce = current.nonce;
    EXPECT_EQ(check(B, s, pay), ChannelError::NonceNotAboveLatest);
    s.nonce = 0;
    EXPECT_EQ(check(B, s, pay), ChannelError::NonceNotAboveLatest);
    // Above latest but not above what B has signed (say B signed nonce 9 once).
    ctx.highest_signed = 9;
    s.nonce = 9;
    EXPECT_EQ(check(B, s, pay), ChannelError::NonceNotAboveSigned);
    s.nonce = 10;
    EXPECT_EQ(check(B, s, pay), ChannelError::None);
    // Any jump up is fine (a proposer restored from a backup adds 2^40).
    s.nonce = *restored_nonce(9);
    EXPECT_EQ(check(B, s, pay), ChannelError::None);
}

TEST_F(Acceptance, CrossingProposalsAreBothRefused) {
    // Both proposed nonce 4 and so have signed 4. Neither accepts the other's 4: if B signed A's 4,
    // A could countersign B's own 4 as well and close with whichever suits it (§13.1).
    ctx.highest_signed = 4;
    const Update a_pays = Pay{A, kEther};
    const Update b_pays = Pay{B, kEther};
    EXPECT_EQ(check(B, propose(a_pays), a_pays), ChannelError::NonceNotAboveSigned);
    EXPECT_EQ(check(A, propose(b_pays), b_pays), ChannelError::NonceNotAboveSigned);
    // A proposes again above the refusal's highestSigned; B accepts.
    State retry = propose(a_pays);
    retry.nonce = *next_nonce(current.nonce, 4);
    EXPECT_EQ(retry.nonce, 5u);
    EXPECT_EQ(check(B, retry, a_pays), ChannelError::None);
}

TEST(Nonces, NextAndRestored) {
    EXPECT_EQ(next_nonce(0, 0), 1u);
    EXPECT_EQ(next_nonce(7, 9), 10u);
    EXPECT_EQ(next_nonce(9, 7), 10u);
    EXPECT_FALSE(next_nonce(~std::uint64_t{0}, 0).has_value());
    EXPECT_EQ(restored_nonce(5), 5 + (std::uint64_t{1} << 40));
    EXPECT_FALSE(restored_nonce(~std::uint64_t{0} - 3).has_value());
}

// ---- rules 2 and 3: deposits and conservation ----

TEST_F(Acceptance, DepositsOnlyGrowAndOnlyByConfirmedMoney) {
    const Update pay = Pay{A, kEther};
    State s = propose(pay);
    s.deposit_a -= kEther;  // conserved, but a deposit went down
    s.balance_a -= kEther;
    EXPECT_EQ(check(B, s, pay), ChannelError::DepositDecreased);

    const Update deposit = Deposit{B, kEther};
    s = propose(deposit);
    EXPECT_EQ(check(A, s, deposit), ChannelError::DepositsExceeded);  // not confirmed yet
    ctx.confirmed_deposit_b = 6 * kEther - 1;
    EXPECT_EQ(check(A, s, deposit), ChannelError::DepositsExceeded);
    ctx.confirmed_deposit_b = 6 * kEther;
    EXPECT_EQ(check(A, s, deposit), ChannelError::None);
}

TEST_F(Acceptance, ConservationAndConsistentLocks) {
    const Update pay = Pay{A, kEther};
    State s = propose(pay);
    s.balance_b += 1;
    EXPECT_EQ(check(B, s, pay), ChannelError::NotConserved);
    s = propose(pay);
    s.balance_a = ~U256(0);  // the sum wraps past 2^256 to... anything: overflow is refused
    s.balance_b = current.deposit_a + current.deposit_b - current.locked_amount + 1;
    EXPECT_EQ(check(B, s, pay), ChannelError::NotConserved);
    // A root without a locked amount.
    s = propose(pay);
    s.balance_b += s.locked_amount;
    s.locked_amount = 0;
    EXPECT_EQ(check(B, s, pay), ChannelError::InconsistentLocks);
}

// ---- rule 4: the locks ----

TEST_F(Acceptance, NewLockWellFormed) {
    const Lock zero{false, kNow + 100, 0, secret_hash_of(secret_b)};
    EXPECT_EQ(check(B, unchanged(), AddLock{zero}), ChannelError::ZeroLockAmount);
    EXPECT_EQ(apply_update(current, locks, AddLock{zero}, 4).error(), ChannelError::ZeroLockAmount);

    // lock_a again: the same leaf is already pending.
    State dup = unchanged();
    dup.balance_a -= lock_a.amount;
    dup.locked_amount += lock_a.amount;
    ctx.now = lock_a.expiry - 100;
    EXPECT_EQ(check(B, dup, AddLock{lock_a}), ChannelError::DuplicateLock);
    EXPECT_EQ(apply_update(current, locks, AddLock{lock_a}, 4).error(), ChannelError::DuplicateLock);
    ctx.now = kNow;

    // The same secret hash with another expiry is another leaf: fine (§4.2 asks distinct leaves).
    Lock twin = lock_a;
    twin.expiry += 1;
    EXPECT_EQ(check(B, propose(AddLock{twin}), AddLock{twin}), ChannelError::None);

    // MAX_LOCKS.
    ctx.params.max_locks = 2;
    const Update third = AddLock{Lock{false, kNow + 100, 1, secret_hash_of(secret_b)}};
    State s = unchanged();
    s.balance_a -= 1;
    s.locked_amount += 1;
    EXPECT_EQ(check(B, s, third), ChannelError::TooManyLocks);
    EXPECT_EQ(apply_update(current, locks, third, 4, 2).error(), ChannelError::TooManyLocks);
    ctx.params.max_locks = 3;
    EXPECT_EQ(check(B, propose(third), third), ChannelError::None);
}

TEST_F(Acceptance, LockedAmountAndRootMustBeThoseOfTheLocks) {
    const Update add = AddLock{Lock{false, kNow + 100, kEther, secret_hash_of(secret_b)}};
    State s = propose(add);
    s.locked_amount -= 1;  // still conserved
    s.balance_b += 1;
    EXPECT_EQ(check(B, s, add), ChannelError::LockedAmountMismatch);

    s = propose(add);
    s.locks_root = current.locks_root;  // the lock is counted but not in the tree
    EXPECT_EQ(check(B, s, add), ChannelError::LocksRootMismatch);
    s.locks_root[5] ^= 0x40;
    EXPECT_EQ(check(B, s, add), ChannelError::LocksRootMismatch);

    // A payment that also drops a lock from the root.
    const Update pay = Pay{A, kEther};
    s = propose(pay);
    s.locks_root = lock_leaf(lock_a);
    EXPECT_EQ(check(B, s, pay), ChannelError::LocksRootMismatch);
}

TEST_F(Acceptance, TheAcceptorsLocksMustBeTheLatestStates) {
    const Update add = AddLock{Lock{false, kNow + 100, kEther, secret_hash_of(secret_b)}};
    const State s = propose(add);
    const std::vector<Lock> missing{lock_a};
    EXPECT_EQ(check_update(as(B), current, missing, s, add), ChannelError::CurrentLocksMismatch);
    const std::vector<Lock> doubled{lock_a, lock_b, lock_b};
    EXPECT_EQ(check_update(as(B), current, doubled, s, add), ChannelError::CurrentLocksMismatch);
    // Any order will do.
    const std::vector<Lock> reversed{locks[1], locks[0]};
    EXPECT_EQ(check_update(as(B), current, reversed, s, add), ChannelError::None);
}

// ---- rule 5: the kind of update ----

TEST_F(Acceptance, OnlyThePayerProposes) {
    // The acceptor would be the one paying, losing a lock, or reclaiming nothing.
    const Update pay = Pay{A, kEther};
    EXPECT_EQ(check(A, propose(pay), pay), ChannelError::WrongProposer);
    const Update add = AddLock{Lock{true, kNow + 100, kEther, secret_hash_of(secret_a)}};  // B's lock
    EXPECT_EQ(check(B, propose(add), add), ChannelError::WrongProposer);
    const Update unlock = Unlock{lock_a, secret_a};  // A's lock, unlocked by B for itself
    EXPECT_EQ(check(A, propose(unlock), unlock), ChannelError::WrongProposer);
    ctx.now = lock_a.expiry;
    const Update expire = Expire{lock_a};  // A's lock, expired by B on A's behalf
    EXPECT_EQ(check(A, propose(expire), expire), ChannelError::WrongProposer);
    EXPECT_EQ(required_proposer(pay), A);
    EXPECT_EQ(required_proposer(add), B);
    EXPECT_EQ(required_proposer(Deposit{B, 1}), std::nullopt);
}

TEST_F(Acceptance, PaymentsAndDepositsAreOfSomething) {
    EXPECT_EQ(check(B, unchanged(), Pay{A, 0}), ChannelError::ZeroAmount);
    EXPECT_EQ(check(B, unchanged(), Deposit{A, 0}), ChannelError::ZeroAmount);
    EXPECT_EQ(apply_update(current, locks, Pay{A, 0}, 4).error(), ChannelError::ZeroAmount);
    // More than A has (7 ether).
    EXPECT_EQ(check(B, unchanged(), Pay{A, 7 * kEther + 1}), ChannelError::InsufficientBalance);
    EXPECT_EQ(apply_update(current, locks, Pay{A, 7 * kEther + 1}, 4).error(), ChannelError::InsufficientBalance);
    const Update big_lock = AddLock{Lock{false, kNow + 100, 7 * kEther + 1, secret_hash_of(secret_b)}};
    EXPECT_EQ(check(B, unchanged(), big_lock), ChannelError::InsufficientBalance);
    // A deposit past 2^256.
    ctx.confirmed_deposit_a = ~U256(0);
    EXPECT_EQ(check(B, unchanged(), Deposit{A, ~U256(0) - 5 * kEther}), ChannelError::Overflow);
}

TEST_F(Acceptance, NewLockExpiryWindow) {
    const std::uint64_t earliest = kNow + 2 * ctx.params.reveal_timeout;
    const std::uint64_t latest = kNow + ctx.params.max_lock_duration;
    const Update early = AddLock{Lock{false, earliest - 1, kEther, secret_hash_of(secret_b)}};
    EXPECT_EQ(check(B, propose(early), early), ChannelError::LockExpiryTooSoon);
    const Update past = AddLock{Lock{false, kNow - 1, kEther, secret_hash_of(secret_b)}};
    EXPECT_EQ(check(B, propose(past), past), ChannelError::LockExpiryTooSoon);
    const Update late = AddLock{Lock{false, latest + 1, kEther, secret_hash_of(secret_b)}};
    EXPECT_EQ(check(B, propose(late), late), ChannelError::LockExpiryTooLate);
    // Public networks: R = 900 s, at most a day.
    ctx.params = ClientParams::public_network();
    EXPECT_EQ(check(B, propose(late), late), ChannelError::LockExpiryTooSoon);  // now + 601 < now + 1800
    const Update day = AddLock{Lock{false, kNow + 86'400, kEther, secret_hash_of(secret_b)}};
    EXPECT_EQ(check(B, propose(day), day), ChannelError::None);
    const Update day_and_a_second = AddLock{Lock{false, kNow + 86'401, kEther, secret_hash_of(secret_b)}};
    EXPECT_EQ(check(B, propose(day_and_a_second), day_and_a_second), ChannelError::LockExpiryTooLate);
    // The window's ends never overflow.
    ctx.now = ~std::uint64_t{0};
    const Update max = AddLock{Lock{false, ~std::uint64_t{0}, kEther, secret_hash_of(secret_b)}};
    EXPECT_EQ(check(B, propose(max), max), ChannelError::LockExpiryTooSoon);
}

TEST_F(Acceptance, UnlockNeedsAPendingLockAndItsSecret) {
    const Update wrong_secret = Unlock{lock_a, secret_b};
    State s = propose(Unlock{lock_a, secret_a});
    EXPECT_EQ(check(B, s, wrong_secret), ChannelError::SecretMismatch);
    EXPECT_EQ(apply_update(current, locks, wrong_secret, 4).error(), ChannelError::SecretMismatch);
    Lock unknown = lock_a;
    unknown.amount += 1;
    EXPECT_EQ(check(B, s, Unlock{unknown, secret_a}), ChannelError::LockNotFound);
    EXPECT_EQ(apply_update(current, locks, Unlock{unknown, secret_a}, 4).error(), ChannelError::LockNotFound);
    // Removing the lock but paying it to the sender.
    s.balance_b -= lock_a.amount;
    s.balance_a += lock_a.amount;
    EXPECT_EQ(check(B, s, Unlock{lock_a, secret_a}), ChannelError::BalanceMismatch);
}

TEST_F(Acceptance, ExpireNeedsAnExpiredUnclaimedLock) {
    const Update expire = Expire{lock_b};
    const State s = propose(expire);
    ctx.now = lock_b.expiry - 1;
    EXPECT_EQ(check(A, s, expire), ChannelError::LockNotExpired);
    ctx.now = lock_b.expiry;
    registry[lock_b.secret_hash] = lock_b.expiry - 1;  // A registered the secret in time
    EXPECT_EQ(check(A, s, expire), ChannelError::SecretRegisteredInTime);
    registry[lock_b.secret_hash] = 1;
    EXPECT_EQ(check(A, s, expire), ChannelError::SecretRegisteredInTime);
    registry.erase(lock_b.secret_hash);
    // The acceptor does not know what the registry says: no signature.
    ctx.secret_registered_at = [](const Hash&) -> std::optional<std::uint64_t> { return std::nullopt; };
    EXPECT_EQ(check(A, s, expire), ChannelError::SecretRegistrationUnknown);
    ctx.secret_registered_at = nullptr;
    EXPECT_EQ(check(A, s, expire), ChannelError::SecretRegistrationUnknown);
    ctx.secret_registered_at = [](const Hash&) -> std::optional<std::uint64_t> { return 0; };
    EXPECT_EQ(check(A, s, expire), ChannelError::None);
    Lock unknown = lock_b;
    unknown.expiry = kNow;
    EXPECT_EQ(check(A, s, Expire{unknown}), ChannelError::LockNotFound);
}

TEST_F(Acceptance, TheStateMustBeExactlyWhatTheUpdateMakes) {
    // The payer's balance goes down by x and the payee's up by x, nothing else.
    const Update pay = Pay{A, kEther};
    State s = propose(pay);
    s.balance_a -= kEther;  // "pays 1" but moves 2
    s.balance_b += kEther;
    EXPECT_EQ(check(B, s, pay), ChannelError::BalanceMismatch);
    s = current;
    s.nonce += 1;
    s.balance_a += kEther;  // "A pays" but the money moves to A
    s.balance_b -= kEther;
    EXPECT_EQ(check(B, s, pay), ChannelError::BalanceMismatch);
    // A payment that sneaks in a deposit.
    ctx.confirmed_deposit_b = 6 * kEther;
    s = propose(pay);
    s.deposit_b += kEther;
    s.balance_b += kEther;
    EXPECT_EQ(check(B, s, pay), ChannelError::DepositMismatch);
    // A deposit of 1 counted as 2.
    ctx.confirmed_deposit_a = 12 * kEther;
    const Update deposit = Deposit{A, kEther};
    s = propose(deposit);
    s.deposit_a += kEther;
    s.balance_a += kEther;
    EXPECT_EQ(check(B, s, deposit), ChannelError::DepositMismatch);
    // A deposit credited to the other participant.
    s = propose(deposit);
    s.balance_a -= kEther;
    s.balance_b += kEther;
    EXPECT_EQ(check(B, s, deposit), ChannelError::BalanceMismatch);
    // A lock whose amount is taken from the receiver.
    const Update add = AddLock{Lock{false, kNow + 100, kEther, secret_hash_of(secret_b)}};
    s = propose(add);
    s.balance_a += kEther;
    s.balance_b -= kEther;
    EXPECT_EQ(check(B, s, add), ChannelError::BalanceMismatch);
}

TEST_F(Acceptance, TheProposersSignatureIsChecked) {
    const Update pay = Pay{A, kEther};
    const State s = propose(pay);
    const Signature by_a = *sign_state(channel.domain, s, AccountSigner::from_key(key_a()));
    const Signature by_b = *sign_state(channel.domain, s, AccountSigner::from_key(key_b()));
    const Signature by_c = *sign_state(channel.domain, s, AccountSigner::from_key(key_c()));
    EXPECT_EQ(check_proposal(as(B), current, locks, s, pay, by_a), ChannelError::None);
    EXPECT_EQ(check_proposal(as(B), current, locks, s, pay, by_b), ChannelError::BadProposerSignature);
    EXPECT_EQ(check_proposal(as(B), current, locks, s, pay, by_c), ChannelError::BadProposerSignature);
    EXPECT_EQ(check_proposal(as(B), current, locks, s, pay, Bytes(65, 0)), ChannelError::BadProposerSignature);
    // A signature of the state for another contract.
    Domain elsewhere = channel.domain;
    elsewhere.verifying_contract[0] ^= 1;
    const Signature replayed = *sign_state(elsewhere, s, AccountSigner::from_key(key_a()));
    EXPECT_EQ(check_proposal(as(B), current, locks, s, pay, replayed), ChannelError::BadProposerSignature);
    // The rules come first.
    ctx.status = ChannelStatus::Closing;
    EXPECT_EQ(check_proposal(as(B), current, locks, s, pay, by_b), ChannelError::ChannelNotOpen);
}

// ---- cooperative close and §3.1 ----

TEST_F(Acceptance, CooperativeClose) {
    // Pending locks first.
    EXPECT_FALSE(cooperative_close_of(current).has_value());
    const CooperativeClose with_locks{channel.id, current.deposit_a, current.deposit_b, current.balance_a,
                                      current.balance_b + current.locked_amount};
    EXPECT_EQ(check_cooperative_close(as(B), current, with_locks), ChannelError::LocksPending);

    const Transition t1 = *apply_update(current, locks, Expire{lock_b}, 4);
    const Transition t2 = *apply_update(t1.state, t1.locks, Unlock{lock_a, secret_a}, 5);
    const State latest = t2.state;
    const CooperativeClose close = *cooperative_close_of(latest);
    EXPECT_EQ(close.balance_a, 7 * kEther);
    EXPECT_EQ(close.balance_b, 8 * kEther);
    EXPECT_EQ(check_cooperative_close(as(B), latest, close), ChannelError::None);
    ctx.status = ChannelStatus::Closing;  // agreed during a dispute: fine
    EXPECT_EQ(check_cooperative_close(as(A), latest, close), ChannelError::None);
    ctx.status = ChannelStatus::Settled;
    EXPECT_EQ(check_cooperative_close(as(A), latest, close), ChannelError::ChannelNotOpen);
    ctx.status = ChannelStatus::Open;

    CooperativeClose other = close;
    other.balance_a -= 1;
    other.balance_b += 1;
    EXPECT_EQ(check_cooperative_close(as(B), latest, other), ChannelError::CloseSplitMismatch);
    other = close;
    other.channel_id = channel_id(channel.domain, channel.a, channel.b, 1);
    EXPECT_EQ(check_cooperative_close(as(B), latest, other), ChannelError::WrongChannel);
    // The latest state counts more than is confirmed (a reorganised top-up).
    ctx.confirmed_deposit_a = 9 * kEther;
    EXPECT_EQ(check_cooperative_close(as(B), latest, close), ChannelError::DepositsExceeded);
}

TEST(ContractValidity, DepositsConservationAndLocksInTheContractsOrder) {
    State s;
    s.nonce = 1;
    s.deposit_a = 10;
    s.deposit_b = 5;
    s.balance_a = 7;
    s.balance_b = 6;
    s.locked_amount = 2;
    s.locks_root[0] = 1;
    EXPECT_EQ(check_against_deposits(s, 10, 5), ChannelError::None);
    // A top-up after signing: still valid, and it is paid back to its depositor.
    EXPECT_EQ(check_against_deposits(s, 12, 5), ChannelError::None);
    EXPECT_EQ(*payouts(s, 12, 5), (Payouts{9, 6}));
    EXPECT_EQ(check_against_deposits(s, 9, 5), ChannelError::DepositsExceeded);
    State t = s;
    t.balance_a += 1;
    EXPECT_EQ(check_against_deposits(t, 10, 5), ChannelError::NotConserved);
    EXPECT_EQ(check_against_deposits(t, 9, 5), ChannelError::DepositsExceeded);  // the contract's order
    t = s;
    t.locks_root = Hash{};
    EXPECT_EQ(check_against_deposits(t, 10, 5), ChannelError::InconsistentLocks);
    EXPECT_EQ(payouts(t, 10, 5).error(), ChannelError::InconsistentLocks);
    t = s;
    t.balance_b += t.locked_amount;
    t.locked_amount = 0;
    EXPECT_EQ(check_against_deposits(t, 10, 5), ChannelError::InconsistentLocks);
    t.locks_root = Hash{};
    EXPECT_EQ(check_against_deposits(t, 10, 5), ChannelError::None);

    const CooperativeClose c{Hash{}, 10, 5, 9, 6};
    EXPECT_EQ(check_against_deposits(c, 10, 5), ChannelError::None);
    EXPECT_EQ(check_against_deposits(CooperativeClose{Hash{}, 10, 5, 9, 5}, 10, 5), ChannelError::NotConserved);
    EXPECT_EQ(check_against_deposits(CooperativeClose{Hash{}, 11, 5, 9, 7}, 10, 5), ChannelError::DepositsExceeded);
}

TEST(ChannelErrors, EveryCodeHasADescription) {
    for (int code = 0; code < 256; ++code) {
        const std::string_view text = describe(static_cast<ChannelError>(code));
        EXPECT_FALSE(text.empty());
    }
    EXPECT_EQ(describe(ChannelError::NonceNotAboveLatest), "nonce is not above the latest state's");
    EXPECT_EQ(describe(static_cast<ChannelError>(200)), "unknown channel error");
}

// MAX_LOCKS at its real size: a state with 1,023 pending locks takes one more, not two more.
TEST(AcceptanceLimits, MaxLocksAtTheRealSize) {
    const Channel channel = vector_channel();
    const ClientParams params = ClientParams::public_network();
    std::vector<Lock> locks;
    for (std::uint64_t i = 0; i < params.max_locks - 1; ++i) {
        Hash h;
        for (int k = 0; k < 8; ++k) h[k] = static_cast<std::uint8_t>(i >> (8 * k));
        locks.push_back(Lock{i % 2 == 1, kNow + 3600, 1 + i, h});
    }
    State current = opening_state(channel.id, 10 * kEther, 10 * kEther);
    current.nonce = 1;
    current.locked_amount = *locked_total(locks);
    current.locks_root = locks_root(locks);
    U256 from_a = 0, from_b = 0;
    for (const Lock& l : locks) (l.from_b ? from_b : from_a) += l.amount;
    current.balance_a -= from_a;
    current.balance_b -= from_b;
    ASSERT_EQ(check_against_deposits(current, 10 * kEther, 10 * kEther), ChannelError::None);

    AcceptContext ctx;
    ctx.channel = channel;
    ctx.acceptor = B;
    ctx.status = ChannelStatus::Open;
    ctx.confirmed_deposit_a = ctx.confirmed_deposit_b = 10 * kEther;
    ctx.highest_signed = 1;
    ctx.now = kNow;
    ctx.params = params;
    const Update last = AddLock{Lock{false, kNow + 3600, kEther, Hash{}}};
    const auto full = apply_update(current, locks, last, 2, params.max_locks);
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(full->locks.size(), params.max_locks);
    EXPECT_EQ(check_update(ctx, current, locks, full->state, last), ChannelError::None);
    // A payment in a full channel keeps its locks.
    const Update pay = Pay{A, 1};
    const auto paid = apply_update(full->state, full->locks, pay, 3, params.max_locks);
    ASSERT_TRUE(paid.ok());
    ctx.highest_signed = 2;
    EXPECT_EQ(check_update(ctx, full->state, full->locks, paid->state, pay), ChannelError::None);
    // One more lock is one too many.
    Hash fresh;
    fresh[31] = 0xff;  // no other lock has this secret hash
    const Update over = AddLock{Lock{false, kNow + 3600, 1, fresh}};
    EXPECT_EQ(apply_update(full->state, full->locks, over, 3, params.max_locks).error(), ChannelError::TooManyLocks);
    State s = full->state;
    s.nonce = 3;
    s.balance_a -= 1;
    s.locked_amount += 1;
    EXPECT_EQ(check_update(ctx, full->state, full->locks, s, over), ChannelError::TooManyLocks);
}

// ---- a random walk ----

// Two honest participants exchange 400 random updates. Every proposal apply_update makes is
// accepted by the other side, and each of a dozen one-field changes of it is refused.
TEST(AcceptanceWalk, HonestProposalsPassAndEveryTamperingFails) {
    std::mt19937_64 rng(20260612);
    const Channel channel = vector_channel();
    std::uint64_t now = kNow;
    U256 confirmed_a = 5 * kEther, confirmed_b = 5 * kEther;
    State latest = opening_state(channel.id, confirmed_a, confirmed_b);
    std::vector<Lock> locks;
    std::map<Hash, Hash> secrets;  // secret hash -> secret
    std::map<Hash, std::uint64_t> registry;
    const ClientParams params = ClientParams::devnet();
    auto amount_up_to = [&](const U256& max) -> U256 {
        if (max == 0) return 0;
        return 1 + U256(rng()) % max;
    };
    int accepted = 0, refused = 0;
    for (int step = 0; step < 400; ++step) {
        now += rng() % 30;
        Update update;
        bool ok = false;
        for (int attempt = 0; attempt < 20 && !ok; ++attempt) {
            const Participant p = rng() % 2 ? A : B;
            switch (rng() % 5) {
            case 0:
                if (latest.balance(p) == 0) break;
                update = Pay{p, amount_up_to(latest.balance(p))};
                ok = true;
                break;
            case 1: {
                if (latest.balance(p) == 0 || locks.size() >= 12) break;
                Hash secret;
                for (auto& x : secret.bytes) x = static_cast<std::uint8_t>(rng());
                secrets[secret_hash_of(secret)] = secret;
                const std::uint64_t expiry = now + 2 * params.reveal_timeout +
                                             rng() % (params.max_lock_duration - 2 * params.reveal_timeout + 1);
                update = AddLock{Lock{p == B, expiry, amount_up_to(latest.balance(p)), secret_hash_of(secret)}};
                ok = true;
                break;
            }
            case 2:
                if (locks.empty()) break;
                {
                    const Lock& l = locks[rng() % locks.size()];
                    update = Unlock{l, secrets.at(l.secret_hash)};
                }
                ok = true;
                break;
            case 3:
                for (const Lock& l : locks)
                    if (now >= l.expiry) {
                        update = Expire{l};
                        ok = true;
                        break;
                    }
                break;
            case 4: {
                const U256 d = 1 + U256(rng() % 1'000'000);
                (p == A ? confirmed_a : confirmed_b) += d;
                update = Deposit{p, d};
                ok = true;
                break;
            }
            }
        }
        if (!ok) continue;
        const Participant proposer = required_proposer(update).value_or(rng() % 2 ? A : B);
        AcceptContext ctx;
        ctx.channel = channel;
        ctx.acceptor = other(proposer);
        ctx.status = ChannelStatus::Open;
        ctx.confirmed_deposit_a = confirmed_a;
        ctx.confirmed_deposit_b = confirmed_b;
        ctx.highest_signed = latest.nonce;
        ctx.now = now;
        ctx.params = params;
        ctx.secret_registered_at = [&registry](const Hash& h) -> std::optional<std::uint64_t> {
            const auto it = registry.find(h);
            return it == registry.end() ? 0 : it->second;
        };
        const auto next =
            apply_update(latest, locks, update, *next_nonce(latest.nonce, ctx.highest_signed), params.max_locks);
        ASSERT_TRUE(next.ok()) << "step " << step << ": " << describe(next.error());
        const State& s = next->state;
        ASSERT_EQ(check_update(ctx, latest, locks, s, update), ChannelError::None) << "step " << step;
        ASSERT_EQ(check_against_deposits(s, confirmed_a, confirmed_b), ChannelError::None);
        ASSERT_EQ(s.locks_root, locks_root(next->locks));
        ASSERT_EQ(check_locks(next->locks, params.max_locks), ChannelError::None);
        ++accepted;

        // One field off, each way it can be: refused whatever the code.
        const U256 one = 1;
        const std::vector<std::function<void(State&)>> tamperings = {
            [&](State& t) { t.balance_a += one; },
            [&](State& t) { t.balance_b += one; },
            [&](State& t) {
                t.balance_a += one;
                t.balance_b -= one;
            },
            [&](State& t) {
                t.balance_a -= one;
                t.balance_b += one;
            },
            [&](State& t) {
                t.locked_amount += one;
                t.balance_a -= one;
            },
            [&](State& t) {
                t.locked_amount += one;
                t.balance_b -= one;
            },
            [&](State& t) { t.locks_root[31] ^= 1; },
            [&](State& t) {
                t.deposit_a += one;
                t.balance_a += one;
            },
            [&](State& t) {
                t.deposit_b += one;
                t.balance_b += one;
            },
            [&](State& t) {
                t.deposit_a -= one;
                t.balance_a -= one;
            },
            [&](State& t) { t.nonce = latest.nonce; },
            [&](State& t) { t.channel_id[0] ^= 1; },
        };
        for (std::size_t k = 0; k < tamperings.size(); ++k) {
            State t = s;
            tamperings[k](t);
            if (t == s) continue;
            EXPECT_NE(check_update(ctx, latest, locks, t, update), ChannelError::None)
                << "step " << step << ", tampering " << k;
            ++refused;
        }
        latest = s;
        locks = next->locks;
    }
    RecordProperty("accepted", accepted);
    RecordProperty("refused", refused);
    EXPECT_GT(accepted, 300);
    EXPECT_GT(refused, 3000);
}

}  // namespace
}  // namespace sluice::channels
