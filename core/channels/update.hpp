// SPDX-License-Identifier: MIT
#pragma once
// The off-chain protocol's rules (docs/CHANNELS.md §13.1, §13.2): the five kinds of update, the
// state an update makes from the latest co-signed one (what the proposer signs), and the
// acceptor's check of a proposed state, with a ChannelError for every refusal. The wallet, the hub
// and the watchtower all use these; nothing else decides whether a state may be signed.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "core/channels/errors.hpp"
#include "core/channels/state.hpp"
#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"

namespace sluice::channels {

// The client parameters of §2 (not enforced by the contract; every Sluice client uses them).
struct ClientParams {
    std::uint64_t reveal_timeout = 10;      // R, seconds to get registerSecret mined
    std::uint64_t max_lock_duration = 600;  // the latest expiry a receiver accepts, seconds from now
    std::size_t max_locks = 1024;           // pending locks in one state

    static ClientParams devnet() { return {}; }
    static ClientParams public_network() { return {900, 86'400, 1024}; }
    // The devnet's values on anvil's chain 31337, the public ones everywhere else.
    static ClientParams for_chain(std::uint64_t l1_chain_id) {
        return l1_chain_id == 31337 ? devnet() : public_network();
    }
};

// §13.1: a proposal's nonce, max(latest.nonce, highestSigned) + 1; nullopt when the nonces are
// exhausted (the channel can then only be closed).
std::optional<std::uint64_t> next_nonce(std::uint64_t latest_nonce, std::uint64_t highest_signed);
// §13.7 rule 2: after restoring a backup, max(every nonce seen) + 2^40.
inline constexpr std::uint64_t kRestoreNonceGap = std::uint64_t{1} << 40;
std::optional<std::uint64_t> restored_nonce(std::uint64_t highest_seen);

// The kinds of update of §13.2 rule 5: what a proposal claims to do to the latest state.
struct Pay {  // `from` pays `amount` to the other participant
    Participant from = Participant::A;
    U256 amount = 0;
};
struct AddLock {  // a lock from its sender to the other participant
    Lock lock;
};
struct Unlock {  // the lock is paid to its receiver, who revealed `secret`
    Lock lock;
    Hash secret;
};
struct Expire {  // the expired lock goes back to its sender
    Lock lock;
};
struct Deposit {  // a top-up of `amount` by `by`, on chain, counted in the state
    Participant by = Participant::A;
    U256 amount = 0;
};
using Update = std::variant<Pay, AddLock, Unlock, Expire, Deposit>;

// Who must propose (sign first) an update: the payer, the lock's sender; nullopt for a Deposit,
// which either participant may propose.
std::optional<Participant> required_proposer(const Update& update);

// The state `update` makes from `current` (nonce `nonce`) and its locks, in tree order: what the
// proposer signs. Checks what needs no clock or chain: ZeroAmount, ZeroLockAmount,
// InsufficientBalance, Overflow, SecretMismatch (Unlock), CurrentLocksMismatch (the locks given
// are not `current`'s; checked for the kinds that change the locks), LockNotFound, DuplicateLock,
// TooManyLocks.
struct Transition {
    State state;
    std::vector<Lock> locks;
};
ChannelResult<Transition> apply_update(const State& current, std::span<const Lock> current_locks, const Update& update,
                                       std::uint64_t nonce, std::size_t max_locks = ClientParams{}.max_locks);

// What the acceptor knows when it checks a proposal.
struct AcceptContext {
    Channel channel;
    Participant acceptor = Participant::A;  // the proposer is the other participant
    ChannelStatus status = ChannelStatus::None;
    // Each participant's total deposit in blocks at least CONFIRMATIONS deep.
    U256 confirmed_deposit_a = 0;
    U256 confirmed_deposit_b = 0;
    // The highest nonce the acceptor ever signed (its own proposals included).
    std::uint64_t highest_signed = 0;
    // The acceptor has signed a cooperative close of this channel.
    bool cooperative_close_signed = false;
    std::uint64_t now = 0;  // the newest L1 block's timestamp
    ClientParams params;
    // For an Expire: Channels.secretRegisteredAt(secretHash) as the acceptor read it (0: never
    // registered); nullopt, or no function, when it does not know (the Expire is then refused).
    std::function<std::optional<std::uint64_t>(const Hash& secret_hash)> secret_registered_at;
};

// §13.2: may the acceptor sign `proposed` against its latest co-signed state `current` (whose
// locks are `current_locks`, in any order), if the proposer says it makes `update`? None if so.
// Checks, in this order:
//  1. WrongChannel, ChannelNotOpen, CloseAgreed, NonceNotAboveLatest, NonceNotAboveSigned (no
//     exception: crossing proposals are both refused, §13.1);
//  2. DepositDecreased, DepositsExceeded (above the confirmed deposits);
//  3. NotConserved (with overflow), InconsistentLocks;
//  5. WrongProposer; for a new lock LockExpiryTooSoon (expiry < now + 2·R) and LockExpiryTooLate
//     (expiry > now + MAX_LOCK_DURATION); for an Expire LockNotExpired, SecretRegistrationUnknown,
//     SecretRegisteredInTime;
//  then apply_update's refusals; then that `proposed` is exactly the state the update makes:
//  DepositMismatch, LockedAmountMismatch, LocksRootMismatch (rule 4: the root of the new lock set),
//  BalanceMismatch.
ChannelError check_update(const AcceptContext& context, const State& current, std::span<const Lock> current_locks,
                          const State& proposed, const Update& update);

// check_update, then the proposer's signature on `proposed` (BadProposerSignature): once the
// acceptor adds its own signature it must hold a state that both signed.
ChannelError check_proposal(const AcceptContext& context, const State& current, std::span<const Lock> current_locks,
                            const State& proposed, const Update& update, ByteView proposer_signature);

// §13.2, cooperative close: WrongChannel, ChannelNotOpen (neither Open nor Closing), LocksPending,
// CloseSplitMismatch (it must be the latest state's split), DepositsExceeded, NotConserved.
ChannelError check_cooperative_close(const AcceptContext& context, const State& latest, const CooperativeClose& close);

}  // namespace sluice::channels
