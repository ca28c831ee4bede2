// SPDX-License-Identifier: MIT
#include "core/rollup/stf.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "core/crypto/keccak.hpp"

namespace sluice::rollup {

Hash withdrawal_leaf(const Withdrawal& w) {
    std::array<std::uint8_t, 52> buf{};
    std::memcpy(buf.data(), w.recipient.data(), 20);
    const Hash amount = u256_to_be32(w.amount);
    std::memcpy(buf.data() + 20, amount.data(), 32);
    return keccak256(buf);
}

std::optional<U256> record_fee(const Record& r, const Params& params) {
    U256 price;
    if (r.eip1559) {
        // base + priority may wrap; if it does it is certainly above maxFeePerGas.
        auto tip_price = checked_add(params.base_fee, r.max_priority_fee_per_gas);
        price = (tip_price && *tip_price < r.max_fee_per_gas) ? *tip_price : r.max_fee_per_gas;
    } else {
        price = r.gas_price;
    }
    return checked_mul(U256(kTransferGas), price);
}

FeeProblem fee_problem(const Record& r, const Params& params) {
    if (r.effective_gas_limit() < U256(kTransferGas)) return FeeProblem::GasLimitBelowTransferGas;
    if (r.eip1559 && r.max_priority_fee_per_gas > r.max_fee_per_gas) return FeeProblem::PriorityFeeAboveMaxFee;
    if ((r.eip1559 ? r.max_fee_per_gas : r.gas_price) < params.base_fee) return FeeProblem::BelowBaseFee;
    return FeeProblem::None;
}

namespace {

// Rules 2-5 of §3, in order, for signed record `r` against `account`, the account that must have
// signed it: the one implementation for applied records (the sender account) and for the skip
// check of §4.5 (each account of the signer). `signer()` gives the address the signature recovers
// (nullopt: none); it is asked only once rule 2 holds, since recovery is the expensive part. On
// success `debit` is value + fee.
template <class Signer>
Verdict rules_2_to_5(const Record& r, const Account& account, Signer&& signer, const Params& params, U256& debit) {
    // Rule 2. An 8-byte nonce cannot pass 2^64 - 1 (EIP-2681).
    if (r.nonce != U256(account.nonce) || account.nonce == UINT64_MAX) return Verdict::BadNonce;
    // Rule 3. A signature recovering the zero address matches no account, not even one of that
    // address (§3; a kind-1 transfer can create one).
    const std::optional<Address> who = signer();
    if (!who || who->is_zero() || *who != account.address) return Verdict::BadSignature;
    // Rule 4.
    if (fee_problem(r, params) != FeeProblem::None) return Verdict::BadFee;
    // Rule 5, overflow of value + fee included.
    const auto fee = record_fee(r, params);
    const auto sum = fee ? checked_add(r.value, *fee) : std::nullopt;
    if (!sum || *sum > account.balance) return Verdict::Overdraft;
    debit = *sum;
    return Verdict::None;
}

// The recipient address each signed record's signature covers, projected in batch order.
std::vector<RecoveredSender> project_recipients(const AccountTree& pre, std::span<const Record> records) {
    std::vector<RecoveredSender> out(records.size());
    std::vector<Address> created;  // addresses of indices pre.count() + k, as the batch creates them
    const std::uint64_t base = pre.count();
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Record& r = records[i];
        switch (r.kind) {
        case RecordKind::transfer:
            if (r.forced) {  // names its recipient's address (§4.1)
                out[i].present = true;
                out[i].to = r.address;
            } else if (r.to < base) {
                out[i].present = true;
                out[i].to = pre.account(r.to).address;
            } else if (r.to - base < created.size()) {
                out[i].present = true;
                out[i].to = created[r.to - base];
            }
            break;
        case RecordKind::new_account_transfer:
            out[i].present = true;
            out[i].to = r.address;
            if (!r.skipped) created.push_back(r.address);  // a skip creates nothing
            break;
        case RecordKind::withdrawal:
            out[i].present = true;
            out[i].to = withdrawal_address();
            break;
        case RecordKind::deposit:
            if (r.new_account) created.push_back(r.address);
            break;
        }
    }
    return out;
}

// Recovery running ahead of the sequential STF on background threads: each record is claimed
// once (by a worker, or by the STF itself when it catches up), so nothing is recovered twice and
// the STF never waits for work nobody has started. While the record it needs is still being
// recovered by a worker, the STF thread recovers the next unclaimed one instead of waiting: the
// workers claim in order, one record ahead each, so a thread that only waited would leave the
// whole recovery to them (on 2 cores: one core recovering, the other mostly idle between chunks).
class RecoveryPipeline {
public:
    RecoveryPipeline(std::span<const Record> records, std::vector<RecoveredSender>& out, const Params& params,
                     unsigned workers)
        : m_records(records), m_out(out), m_params(params), m_state(records.size()) {
        for (unsigned t = 0; t < workers; ++t)
            m_threads.emplace_back([this] {
                while (recover_next()) {}
            });
    }
    ~RecoveryPipeline() {
        m_stop.store(true);
        for (auto& t : m_threads) t.join();
    }
    // Record i's result, once recovered (by whoever claimed it).
    const RecoveredSender& get(std::size_t i) {
        if (claim_and_recover(i)) return m_out[i];
        while (m_state[i].load(std::memory_order_acquire) != kDone)
            if (!recover_next()) std::this_thread::yield();
        return m_out[i];
    }

private:
    static constexpr std::uint8_t kFree = 0, kClaimed = 1, kDone = 2;
    // Recovers the next record nobody has claimed; false when none is left.
    bool recover_next() {
        for (;;) {
            const std::size_t i = m_next.fetch_add(1, std::memory_order_relaxed);
            if (i >= m_records.size() || m_stop.load(std::memory_order_relaxed)) return false;
            if (claim_and_recover(i)) return true;
        }
    }
    bool claim_and_recover(std::size_t i) {
        std::uint8_t expected = kFree;
        if (!m_state[i].compare_exchange_strong(expected, kClaimed, std::memory_order_acq_rel)) return false;
        if (m_out[i].present) {
            auto sender = recover_record_sender(m_records[i], m_out[i].to, m_params);
            if (sender) m_out[i].sender = *sender;
        }
        m_state[i].store(kDone, std::memory_order_release);
        return true;
    }

    std::span<const Record> m_records;
    std::vector<RecoveredSender>& m_out;
    Params m_params;
    std::vector<std::atomic<std::uint8_t>> m_state;
    std::atomic<std::size_t> m_next{0};
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

}  // namespace

std::vector<RecoveredSender> recover_senders(const AccountTree& pre, std::span<const Record> records,
                                             const Params& params, unsigned threads) {
    std::vector<RecoveredSender> out = project_recipients(pre, records);
    {
        RecoveryPipeline pipeline(records, out, params, threads > 1 ? threads - 1 : 0);
        for (std::size_t i = 0; i < records.size(); ++i) (void)pipeline.get(i);
    }
    return out;
}

Executor::Executor(AccountTree& tree, const Params& params, Bytes* witness)
    : m_tree(tree), m_params(params), m_witness(witness), m_count(tree.count()) {}

Account Executor::read(std::uint32_t index) const {
    for (auto it = m_pending.rbegin(); it != m_pending.rend(); ++it)
        if (it->first == index) return it->second;
    return m_tree.account(index);
}

void Executor::write(std::uint32_t index, const Account& account) {
    if (index == m_count) ++m_count;
    if (m_witness) {
        (void)m_tree.set_account(index, account);
        return;
    }
    for (auto& entry : m_pending) {
        if (entry.first == index) {
            entry.second = account;
            return;
        }
    }
    m_pending.emplace_back(index, account);
}

void Executor::witness_account(std::uint32_t index) {
    if (!m_witness) return;
    append(*m_witness, encode_account(m_tree.account(index)));
    append(*m_witness, compress_proof(m_tree.proof(index)));
}

void Executor::witness_new_account() {
    if (!m_witness) return;
    append(*m_witness, compress_proof(m_tree.proof(m_count)));
}

std::optional<Address> Executor::signer_of(const Record& r, const Address& to, const RecoveredSender* recovered) const {
    if (recovered && recovered->present && recovered->to == to) return recovered->sender;
    if (auto s = recover_record_sender(r, to, m_params)) return *s;
    return std::nullopt;
}

std::vector<std::uint32_t> Executor::accounts_of(const Address& address) const {
    // An index's address never changes, so the tree's map is right for every index it holds;
    // outside witness mode, accounts the chunk created so far are still in the overlay.
    std::vector<std::uint32_t> out = m_tree.indices_of(address);
    for (const auto& [index, account] : m_pending)
        if (index >= m_tree.count() && account.address == address) out.push_back(index);
    std::sort(out.begin(), out.end());
    return out;
}

Verdict Executor::apply_skip(const Record& r, const RecoveredSender* recovered) {
    // §4.5: a skip is wrong when the transaction passes rules 2-5 for some account of its signer.
    // Every account of the signer's address is tried, not just the lowest: an account created for
    // a known address by a valid new-account transfer belongs to the same key, and a transaction
    // valid only for it must not be skippable. The recipient-side rules (6, 7) never justify a skip.
    const Address to = r.kind == RecordKind::withdrawal ? withdrawal_address() : r.address;
    const std::optional<Address> signer = signer_of(r, to, recovered);
    std::optional<std::uint32_t> claim;
    if (signer && !signer->is_zero()) {
        for (std::uint32_t index : accounts_of(*signer)) {
            U256 debit;
            if (rules_2_to_5(
                    r, read(index), [&] { return signer; }, m_params, debit) == Verdict::None) {
                claim = index;
                break;
            }
        }
    }
    // §6: the witness entry of a skip is a 4-byte claim, 0xffffffff (no account index can be:
    // count < 2^32) when the skip is right, else the index of the account the transaction is
    // valid for, followed by that account's entry.
    if (m_witness) {
        const std::uint32_t word = claim ? *claim : UINT32_MAX;
        for (int i = 3; i >= 0; --i) m_witness->push_back(static_cast<std::uint8_t>(word >> (8 * i)));
    }
    if (!claim) return Verdict::None;
    witness_account(*claim);
    return Verdict::WrongSkip;
}

Verdict Executor::apply_deposit(const Record& r) {
    if (r.new_account) {
        if (m_count == UINT32_MAX) return Verdict::Overflow;
        witness_new_account();
        write(m_count, Account{r.address, r.value, 0});
        return Verdict::None;
    }
    if (r.to >= m_count) return Verdict::UnknownAccount;
    witness_account(r.to);
    Account recipient = read(r.to);
    if (recipient.address != r.address) return Verdict::UnknownAccount;
    auto balance = checked_add(recipient.balance, r.value);
    if (!balance) return Verdict::Overflow;
    recipient.balance = *balance;
    write(r.to, recipient);
    return Verdict::None;
}

Verdict Executor::apply(const Record& r, const RecoveredSender* recovered) {
    if (!r.is_signed()) return apply_deposit(r);
    if (r.skipped) return apply_skip(r, recovered);

    // Rule 1. Rule 3 needs a kind-0 recipient's address, which only an existing account has, so
    // rule 6's `to < count` is checked with it, before anything is witnessed (contracts/README.md,
    // decision 1: the contract does the same).
    if (r.from >= m_count) return Verdict::UnknownAccount;
    if (r.kind == RecordKind::transfer && r.to >= m_count) return Verdict::UnknownAccount;
    witness_account(r.from);
    const Account sender = read(r.from);

    Address to;
    switch (r.kind) {
    case RecordKind::transfer: to = read(r.to).address; break;
    case RecordKind::new_account_transfer: to = r.address; break;
    default: to = withdrawal_address(); break;
    }

    // A kind-0 record that fails from here on still shows its recipient (the contract reads its
    // address right after the sender's entry, §6), proven against the tree before the record.
    const auto rejected = [&](Verdict v) {
        if (r.kind == RecordKind::transfer) witness_account(r.to);
        return v;
    };
    // A forced kind 0 record names the recipient's address (the queue entry has no index): the
    // account `to` must have it (rule 1, §4.5), else the record credits someone the user did not
    // sign for. Checked once the recipient entry is read, before rule 2.
    if (r.forced && r.kind == RecordKind::transfer && to != r.address) return rejected(Verdict::UnknownAccount);

    // Rules 2-5.
    U256 debit;
    const Verdict v = rules_2_to_5(
        r, sender, [&] { return signer_of(r, to, recovered); }, m_params, debit);
    if (v != Verdict::None) return rejected(v);
    const U256 fee = debit - r.value;
    Account new_sender = sender;
    new_sender.balance -= debit;
    new_sender.nonce += 1;

    switch (r.kind) {
    case RecordKind::transfer: {
        Account recipient = r.to == r.from ? new_sender : read(r.to);
        auto balance = checked_add(recipient.balance, r.value);
        // The recipient is witnessed after the sender's update (a self-transfer sees it).
        if (m_witness) {
            write(r.from, new_sender);
            witness_account(r.to);
        }
        if (!balance) return Verdict::Overflow;
        // Rule 7: no account of WITHDRAWAL_ADDRESS may be credited (a withdrawal's signature
        // would also validate as this transfer).
        if (recipient.address == withdrawal_address()) return Verdict::BadWithdrawal;
        recipient.balance = *balance;
        write(r.from, new_sender);
        write(r.to, recipient);
        break;
    }
    case RecordKind::new_account_transfer:
        if (r.address == withdrawal_address()) return Verdict::BadWithdrawal;
        if (m_count == UINT32_MAX) return Verdict::Overflow;
        write(r.from, new_sender);
        witness_new_account();
        write(m_count, Account{r.address, r.value, 0});
        break;
    case RecordKind::withdrawal:
        if (r.address != sender.address) return Verdict::BadWithdrawal;
        write(r.from, new_sender);
        m_withdrawals.push_back(Withdrawal{r.address, r.value});
        break;
    case RecordKind::deposit: break;
    }
    // A fee sum past 2^256 (unreachable while all balances sum below it) is the chunk's Overflow,
    // reported by end_chunk after the last record, as the contract does (decisions 3 and 4).
    if (auto fees = checked_add(m_fees, fee))
        m_fees = *fees;
    else
        m_fee_overflow = true;
    return Verdict::None;
}

Verdict Executor::end_chunk() {
    if (m_fee_overflow) return Verdict::Overflow;
    if (m_fees != 0) {
        witness_account(0);
        Account fee_account = read(0);
        auto balance = checked_add(fee_account.balance, m_fees);
        if (!balance) return Verdict::Overflow;
        fee_account.balance = *balance;
        write(0, fee_account);
    }
    if (!m_witness) (void)m_tree.set_accounts(m_pending);
    m_pending.clear();
    m_fees = 0;
    return Verdict::None;
}

StfResult apply_records(AccountTree& tree, std::span<const Record> records, const Params& params, unsigned threads,
                        std::span<const RecoveredSender> known) {
    StfResult result;
    if (known.size() != records.size()) known = {};  // (not one per record: not used)
    std::vector<RecoveredSender> recovered;
    std::optional<RecoveryPipeline> pipeline;
    if (known.empty() && threads >= 2) {
        recovered = project_recipients(tree, records);
        pipeline.emplace(records, recovered, params, threads - 1);
    }
    Executor executor(tree, params);
    for (std::size_t start = 0; start < records.size(); start += kChunkSize) {
        const std::size_t end = std::min(records.size(), start + kChunkSize);
        for (std::size_t i = start; i < end; ++i) {
            const RecoveredSender* pre = !known.empty() ? &known[i] : pipeline ? &pipeline->get(i) : nullptr;
            const Verdict v = executor.apply(records[i], pre);
            if (v != Verdict::None) {
                result.verdict = v;
                result.record_index = i;
                return result;
            }
        }
        if (const Verdict v = executor.end_chunk(); v != Verdict::None) {
            result.verdict = v;
            result.record_index = end - 1;
            return result;
        }
        result.chunk_roots.push_back(tree.state_root());
    }
    result.withdrawals = executor.withdrawals();
    return result;
}

}  // namespace sluice::rollup
