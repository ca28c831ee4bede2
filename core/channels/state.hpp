// SPDX-License-Identifier: MIT
#pragma once
// The values of docs/CHANNELS.md §3 and §4.1: a channel's id, its states, the cooperative close
// and a hash-time lock, with the ABI types of contracts/src/Channels.sol field for field; and
// the §3.1 validity of a state against the channel's deposits, which the contract checks on
// close, dispute and cooperativeClose.

#include <cstdint>
#include <optional>

#include "core/channels/errors.hpp"
#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"

namespace sluice::channels {

using ChannelId = Hash;

// The two participants. The contract treats them alike; in Sluice A is usually the wallet.
enum class Participant : std::uint8_t { A = 0, B = 1 };
constexpr Participant other(Participant p) { return p == Participant::A ? Participant::B : Participant::A; }

// The EIP-712 domain's variable part (§3.2): the L1 chain and the Channels contract.
struct Domain {
    U256 chain_id = 0;
    Address verifying_contract;
    friend bool operator==(const Domain&, const Domain&) = default;
};

// §3.1: keccak(abi.encode(chainId, contract, a, b, index)) of the index-th channel opened on the
// contract (Channels.channelId(a, b, index)).
ChannelId channel_id(const Domain& domain, const Address& a, const Address& b, const U256& index);

// What both participants know of a channel from its opening: where it lives and who is in it.
struct Channel {
    Domain domain;
    ChannelId id;
    Address a;
    Address b;

    const Address& address(Participant p) const { return p == Participant::A ? a : b; }
    friend bool operator==(const Channel&, const Channel&) = default;
};

// Status as Channels.channel(id).status reports it (§5).
enum class ChannelStatus : std::uint8_t { None = 0, Open = 1, Closing = 2, Settled = 3 };

// Channels.State. Nonce 0 is the unsigned opening state (opening_state()).
struct State {
    ChannelId channel_id;
    std::uint64_t nonce = 0;
    U256 deposit_a = 0;
    U256 deposit_b = 0;
    U256 balance_a = 0;
    U256 balance_b = 0;
    Hash locks_root;  // zero when there are no locks (§4.2)
    U256 locked_amount = 0;

    const U256& deposit(Participant p) const { return p == Participant::A ? deposit_a : deposit_b; }
    U256& deposit(Participant p) { return p == Participant::A ? deposit_a : deposit_b; }
    const U256& balance(Participant p) const { return p == Participant::A ? balance_a : balance_b; }
    U256& balance(Participant p) { return p == Participant::A ? balance_a : balance_b; }
    friend bool operator==(const State&, const State&) = default;
};

// Nonce 0: balances = deposits, no locks.
State opening_state(const ChannelId& id, const U256& deposit_a, const U256& deposit_b);

// Channels.CooperativeClose: a final split without locks (§3.3).
struct CooperativeClose {
    ChannelId channel_id;
    U256 deposit_a = 0;
    U256 deposit_b = 0;
    U256 balance_a = 0;
    U256 balance_b = 0;
    friend bool operator==(const CooperativeClose&, const CooperativeClose&) = default;
};

// §13.2: the cooperative close of `latest` (its split); nullopt while it has pending locks.
std::optional<CooperativeClose> cooperative_close_of(const State& latest);

// Channels.Lock (§4.1): `amount` moves from its sender to the other participant if keccak(secret)
// = secretHash is registered on chain before `expiry` (an L1 timestamp).
struct Lock {
    bool from_b = false;  // false: A sends to B; true: B sends to A
    std::uint64_t expiry = 0;
    U256 amount = 0;
    Hash secret_hash;

    Participant sender() const { return from_b ? Participant::B : Participant::A; }
    Participant receiver() const { return from_b ? Participant::A : Participant::B; }
    friend bool operator==(const Lock&, const Lock&) = default;
};

// keccak(secret): a secret is exactly 32 bytes, as registerSecret takes it.
Hash secret_hash_of(const Hash& secret);

// §3.1 validity against the channel's total deposits DA and DB, in the contract's order:
// DepositsExceeded, NotConserved, InconsistentLocks (and Overflow if a payout passes 2^256 - 1,
// which MAX_TOTAL_DEPOSIT rules out on chain). None if close/dispute would accept it.
ChannelError check_against_deposits(const State& state, const U256& total_deposit_a, const U256& total_deposit_b);
// The same for a cooperative close (lockedAmount = 0): DepositsExceeded, NotConserved.
ChannelError check_against_deposits(const CooperativeClose& close, const U256& total_deposit_a,
                                    const U256& total_deposit_b);

// §3.1 Outcome: what settle (or a cooperative close) pays each participant; the state's locked
// amount stays for the locks.
struct Payouts {
    U256 pay_a = 0;
    U256 pay_b = 0;
    friend bool operator==(const Payouts&, const Payouts&) = default;
};
ChannelResult<Payouts> payouts(const State& state, const U256& total_deposit_a, const U256& total_deposit_b);
ChannelResult<Payouts> payouts(const CooperativeClose& close, const U256& total_deposit_a, const U256& total_deposit_b);

}  // namespace sluice::channels
