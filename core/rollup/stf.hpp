// SPDX-License-Identifier: MIT
#pragma once
// The state transition function (docs/PROTOCOL.md §3): records applied to the account tree with
// the validity rules in their verdict order, fees credited to account 0 after each chunk of K.
// This is the single C++ implementation of the rules; contracts/src/Rollup.sol mirrors it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/account_tree.hpp"
#include "core/rollup/params.hpp"
#include "core/rollup/records.hpp"

namespace sluice::rollup {

struct Withdrawal {
    Address recipient;
    U256 amount = 0;
    friend bool operator==(const Withdrawal&, const Withdrawal&) = default;
};

// keccak(recipient[20] ‖ amount[32])
Hash withdrawal_leaf(const Withdrawal& withdrawal);

// TRANSFER_GAS × price, price = gasPrice or min(maxFeePerGas, L2_BASE_FEE + maxPriorityFeePerGas);
// nullopt if it does not fit in 256 bits (the record is then an Overdraft, rule 5).
std::optional<U256> record_fee(const Record& record, const Params& params);

// Rule 4 of §3 (the fee fields), the one implementation: the STF turns any problem into BadFee,
// the sequencer's admission check into its own message.
enum class FeeProblem { None, GasLimitBelowTransferGas, PriorityFeeAboveMaxFee, BelowBaseFee };
FeeProblem fee_problem(const Record& record, const Params& params);

// A signed record's sender recovered ahead of the sequential pass. `to` is the recipient address
// the signature was checked over; the STF uses the result only if it needs the same address.
// Forced and skipped records name their recipient address themselves (§4.5).
struct RecoveredSender {
    bool present = false;  // false: deposit, or unforced kind 0 with a recipient index not yet in the tree
    Address to;
    std::optional<Address> sender;  // nullopt: the signature recovers no key
};

// Recovers every signed record's sender on `threads` threads (at least 1). The recipient
// addresses of accounts the batch itself creates are projected in order, as if every earlier
// record were valid (the STF stops at the first one that is not, so later guesses never matter).
std::vector<RecoveredSender> recover_senders(const AccountTree& pre_state, std::span<const Record> records,
                                             const Params& params, unsigned threads);

// Applies records one at a time. Outside witness mode the chunk's changes stay in a small overlay
// until end_chunk() writes them to the tree with their shared paths hashed once; an invalid record
// changes nothing. In witness mode (fraud proofs) every change is written to the tree at once so
// each witnessed proof is against the tree "as it is at that moment" (§6); the tree is then a
// scratch copy, since an invalid record may leave it half-updated. A skipped forced record writes
// its 4-byte claim there: 0xffffffff for a right skip, the signer's index and account entry for a
// wrong one.
class Executor {
public:
    Executor(AccountTree& tree, const Params& params, Bytes* witness = nullptr);

    // Verdict::None if valid (and applied; a right skip changes nothing). `recovered` may come
    // from recover_senders.
    Verdict apply(const Record& record, const RecoveredSender* recovered = nullptr);
    // Credits the chunk's fees to account 0 and writes the chunk to the tree; Overflow if the
    // chunk's fee sum or the fee account's balance would pass 2^256 - 1 (then nothing of the
    // chunk is written).
    Verdict end_chunk();

    std::uint32_t count() const { return m_count; }
    const U256& chunk_fees() const { return m_fees; }
    const std::vector<Withdrawal>& withdrawals() const { return m_withdrawals; }

private:
    Account read(std::uint32_t index) const;
    void write(std::uint32_t index, const Account& account);
    void witness_account(std::uint32_t index);
    void witness_new_account();
    // The sender the record's signature recovers over recipient `to`, from `recovered` when that
    // was recovered over the same address; nullopt when it recovers none (or only with high s).
    std::optional<Address> signer_of(const Record& record, const Address& to, const RecoveredSender* recovered) const;
    // Every index below count() owned by `address`, ascending (the tree's and the chunk's new ones).
    std::vector<std::uint32_t> accounts_of(const Address& address) const;
    Verdict apply_deposit(const Record& record);
    Verdict apply_skip(const Record& record, const RecoveredSender* recovered);

    AccountTree& m_tree;
    Params m_params;
    Bytes* m_witness;
    std::uint32_t m_count;
    U256 m_fees = 0;
    bool m_fee_overflow = false;  // the chunk's fee sum passed 2^256 - 1
    std::vector<std::pair<std::uint32_t, Account>> m_pending;
    std::vector<Withdrawal> m_withdrawals;
};

struct StfResult {
    Verdict verdict = Verdict::None;  // of the first invalid record
    std::size_t record_index = 0;     // its index in the batch (when verdict != None)
    std::vector<Hash> chunk_roots;    // state root after each complete, valid chunk
    std::vector<Withdrawal> withdrawals;
    bool ok() const { return verdict == Verdict::None; }
};

// Applies a batch's records chunk by chunk. With threads >= 2, threads - 1 workers recover
// senders ahead of the sequential pass (which recovers any record it reaches first itself);
// the result is the same for any thread count. `known`, if not empty, holds one entry per record
// recovered earlier (the sequencer's admission check): then nothing is recovered ahead, and a
// record without a usable entry is recovered when it is applied. On an invalid record it stops:
// the tree is left as it was after the last complete chunk before that record.
StfResult apply_records(AccountTree& tree, std::span<const Record> records, const Params& params, unsigned threads = 1,
                        std::span<const RecoveredSender> known = {});

}  // namespace sluice::rollup
