// SPDX-License-Identifier: MIT
#include "core/channels/errors.hpp"

namespace sluice::channels {

std::string_view describe(ChannelError error) {
    switch (error) {
    case ChannelError::None: return "ok";
    case ChannelError::DepositsExceeded: return "the state counts more than a participant deposited";
    case ChannelError::NotConserved: return "balances and locked amount do not add up to the deposits";
    case ChannelError::InconsistentLocks: return "locks root and locked amount disagree on whether there are locks";
    case ChannelError::WrongChannel: return "the state is of another channel";
    case ChannelError::ChannelNotOpen: return "the channel is not open on chain";
    case ChannelError::CloseAgreed: return "a cooperative close was signed; no further state is signed";
    case ChannelError::NonceNotAboveLatest: return "nonce is not above the latest state's";
    case ChannelError::NonceNotAboveSigned: return "nonce is not above the highest nonce signed";
    case ChannelError::DepositDecreased: return "a deposit is below the latest state's";
    case ChannelError::ZeroLockAmount: return "a lock of zero wei";
    case ChannelError::DuplicateLock: return "the lock is already pending";
    case ChannelError::TooManyLocks: return "more pending locks than MAX_LOCKS";
    case ChannelError::LockedAmountMismatch: return "locked amount is not the sum of the locks";
    case ChannelError::LocksRootMismatch: return "locks root is not the root of the locks";
    case ChannelError::WrongProposer: return "this update must be proposed by the other participant";
    case ChannelError::ZeroAmount: return "an amount of zero wei";
    case ChannelError::InsufficientBalance: return "the paying participant's balance is too low";
    case ChannelError::Overflow: return "an amount overflows 256 bits";
    case ChannelError::LockExpiryTooSoon: return "lock expiry is earlier than now + 2 * REVEAL_TIMEOUT";
    case ChannelError::LockExpiryTooLate: return "lock expiry is later than now + MAX_LOCK_DURATION";
    case ChannelError::LockNotFound: return "the lock is not pending in the latest state";
    case ChannelError::SecretMismatch: return "the secret does not hash to the lock's secret hash";
    case ChannelError::LockNotExpired: return "the lock has not expired";
    case ChannelError::SecretRegisteredInTime: return "the lock's secret was registered before its expiry";
    case ChannelError::SecretRegistrationUnknown: return "the secret registry's answer for the lock is unknown";
    case ChannelError::DepositMismatch: return "deposits are not what the update makes them";
    case ChannelError::BalanceMismatch: return "balances are not what the update makes them";
    case ChannelError::CurrentLocksMismatch: return "the stored locks do not match the latest state";
    case ChannelError::BadProposerSignature: return "the proposer's signature does not verify";
    case ChannelError::LocksPending: return "locks are pending; resolve them before a cooperative close";
    case ChannelError::CloseSplitMismatch: return "the cooperative close's split is not the latest state's";
    }
    return "unknown channel error";
}

}  // namespace sluice::channels
