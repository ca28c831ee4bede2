// SPDX-License-Identifier: MIT
#pragma once
// Why a channel state, a cooperative close or an update is refused (docs/CHANNELS.md §3.1, §13.2).
// Callers switch on the code; describe() is a short English text for logs, never shown to a user
// (app/ turns codes into translated words). The numeric values are stable: they may be stored or
// sent between the wallet and the hub.

#include <cassert>
#include <cstdint>
#include <string_view>
#include <utility>
#include <variant>

namespace sluice::channels {

enum class ChannelError : std::uint8_t {
    None = 0,
    // §3.1 validity against the channel's deposits, as the contract checks it (close, dispute,
    // cooperativeClose), with the contract's names.
    DepositsExceeded = 1,   // a deposit the state counts is above the participant's deposit
    NotConserved = 2,       // balanceA + balanceB + lockedAmount ≠ depositA + depositB (or it overflows)
    InconsistentLocks = 3,  // locksRoot is zero but lockedAmount is not, or the other way round
    // §13.2 rule 1: the channel and the nonce.
    WrongChannel = 10,         // the state or close names another channel
    ChannelNotOpen = 11,       // the channel is not Open on chain (a close has started, or it is gone)
    CloseAgreed = 12,          // a cooperative close was signed: no further state is signed
    NonceNotAboveLatest = 13,  // nonce ≤ the latest co-signed state's nonce
    NonceNotAboveSigned = 14,  // nonce ≤ the acceptor's highestSigned (crossing proposals included)
    // rule 2: deposits.
    DepositDecreased = 20,  // a deposit is below the latest state's
    // rule 4: the locks.
    ZeroLockAmount = 30,        // a lock of 0 wei
    DuplicateLock = 31,         // the lock's leaf is already pending
    TooManyLocks = 32,          // more than MAX_LOCKS pending locks
    LockedAmountMismatch = 33,  // lockedAmount is not the sum of the pending locks
    LocksRootMismatch = 34,     // locksRoot is not the root of the pending locks
    // rule 5: the kind of update.
    WrongProposer = 40,              // the participant who must sign first is the acceptor
    ZeroAmount = 41,                 // a payment or deposit of 0 wei
    InsufficientBalance = 42,        // the paying participant's balance is below the amount
    Overflow = 43,                   // a balance or a sum passes 2^256 - 1
    LockExpiryTooSoon = 44,          // a new lock's expiry is before now + 2·REVEAL_TIMEOUT
    LockExpiryTooLate = 45,          // a new lock's expiry is after now + MAX_LOCK_DURATION
    LockNotFound = 46,               // the lock to remove is not pending in the latest state
    SecretMismatch = 47,             // keccak(secret) is not the lock's secretHash
    LockNotExpired = 48,             // an Expire before the lock's expiry
    SecretRegisteredInTime = 49,     // an Expire of a lock whose secret was registered before its expiry
    SecretRegistrationUnknown = 50,  // an Expire, but the acceptor does not know the registry's answer
    DepositMismatch = 51,            // the deposits are not what the update makes them
    BalanceMismatch = 52,            // the balances are not what the update makes them
    // The acceptor's own data, and the proposal's signature.
    CurrentLocksMismatch = 60,  // the locks given for the latest state do not give its root and amount
    BadProposerSignature = 61,  // the proposer's signature on the proposed state does not verify
    LocksPending = 62,          // a cooperative close while the latest state has locks
    CloseSplitMismatch = 63,    // a cooperative close whose split is not the latest state's
};

// "nonce is not above the latest state's", for logs.
std::string_view describe(ChannelError error);

// A value or the ChannelError that refused it (never ChannelError::None).
template <typename T>
class [[nodiscard]] ChannelResult {
public:
    ChannelResult(T value) : m_state(std::in_place_index<0>, std::move(value)) {}  // NOLINT(implicit)
    ChannelResult(ChannelError error) : m_state(std::in_place_index<1>, error) {   // NOLINT(implicit)
        assert(error != ChannelError::None);
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    // ChannelError::None when ok().
    ChannelError error() const { return ok() ? ChannelError::None : std::get<1>(m_state); }

    T& value() & {
        assert(ok());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, ChannelError> m_state;
};

}  // namespace sluice::channels
