// SPDX-License-Identifier: MIT
#include "core/channels/state.hpp"

#include <cstring>

#include "core/crypto/keccak.hpp"

namespace sluice::channels {
namespace {

void put_address(std::uint8_t* word, const Address& address) {
    std::memset(word, 0, 12);
    std::memcpy(word + 12, address.data(), 20);
}

// Contract _outcome: deposits within the channel's, balances + locked = deposits; A's payout.
ChannelResult<Payouts> outcome(const U256& da, const U256& db, const U256& sda, const U256& sdb, const U256& balance_a,
                               const U256& balance_b, const U256& locked) {
    if (sda > da || sdb > db) return ChannelError::DepositsExceeded;
    const auto total = checked_add(sda, sdb);
    const auto balances = checked_add(balance_a, balance_b);
    const auto held = balances ? checked_add(*balances, locked) : std::nullopt;
    if (!total || !held || *held != *total) return ChannelError::NotConserved;
    // balance + what the state does not count (da - sda ≤ da): fits, since the channel's total
    // deposits are what the contract holds.
    const auto pay_a = checked_add(balance_a, da - sda);
    const auto pay_b = checked_add(balance_b, db - sdb);
    if (!pay_a || !pay_b) return ChannelError::Overflow;
    return Payouts{*pay_a, *pay_b};
}

}  // namespace

ChannelId channel_id(const Domain& domain, const Address& a, const Address& b, const U256& index) {
    std::uint8_t buf[5 * 32];
    const Hash chain = u256_to_be32(domain.chain_id);
    std::memcpy(buf, chain.data(), 32);
    put_address(buf + 32, domain.verifying_contract);
    put_address(buf + 64, a);
    put_address(buf + 96, b);
    const Hash i = u256_to_be32(index);
    std::memcpy(buf + 128, i.data(), 32);
    return keccak256(ByteView(buf, sizeof buf));
}

State opening_state(const ChannelId& id, const U256& deposit_a, const U256& deposit_b) {
    State s;
    s.channel_id = id;
    s.deposit_a = deposit_a;
    s.deposit_b = deposit_b;
    s.balance_a = deposit_a;
    s.balance_b = deposit_b;
    return s;
}

std::optional<CooperativeClose> cooperative_close_of(const State& latest) {
    if (latest.locked_amount != 0 || !latest.locks_root.is_zero()) return std::nullopt;
    return CooperativeClose{latest.channel_id, latest.deposit_a, latest.deposit_b, latest.balance_a, latest.balance_b};
}

Hash secret_hash_of(const Hash& secret) { return keccak256(secret); }

ChannelError check_against_deposits(const State& state, const U256& total_deposit_a, const U256& total_deposit_b) {
    auto paid = outcome(total_deposit_a, total_deposit_b, state.deposit_a, state.deposit_b, state.balance_a,
                        state.balance_b, state.locked_amount);
    if (!paid && paid.error() != ChannelError::Overflow) return paid.error();
    if (state.locks_root.is_zero() != (state.locked_amount == 0)) return ChannelError::InconsistentLocks;
    return paid.error();
}

ChannelError check_against_deposits(const CooperativeClose& close, const U256& total_deposit_a,
                                    const U256& total_deposit_b) {
    return payouts(close, total_deposit_a, total_deposit_b).error();
}

ChannelResult<Payouts> payouts(const State& state, const U256& total_deposit_a, const U256& total_deposit_b) {
    if (const ChannelError e = check_against_deposits(state, total_deposit_a, total_deposit_b); e != ChannelError::None)
        return e;
    return outcome(total_deposit_a, total_deposit_b, state.deposit_a, state.deposit_b, state.balance_a, state.balance_b,
                   state.locked_amount);
}

ChannelResult<Payouts> payouts(const CooperativeClose& close, const U256& total_deposit_a,
                               const U256& total_deposit_b) {
    return outcome(total_deposit_a, total_deposit_b, close.deposit_a, close.deposit_b, close.balance_a, close.balance_b,
                   0);
}

}  // namespace sluice::channels
