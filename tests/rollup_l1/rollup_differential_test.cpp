// SPDX-License-Identifier: MIT
// Differential test (DESIGN §3, STYLE 4): the C++ state transition (core/rollup) and the contract's
// Solidity replay (contracts/src/lib/Replay.sol, the code Rollup.proveFraud runs) over the same
// random records, chunk by chunk, on a real anvil. For every chunk the C++ side gives the verdict,
// the record index and the post-state root (apply_records) and builds the fraud proof's witness
// (build_fraud_proof, witness mode); the harness replays the chunk with that witness through
// eth_call and must give the same verdict, index and root. The generator also states what it meant
// each chunk to be, so a test bug cannot make both sides agree on the wrong thing unnoticed.
// Forced transactions (§4.5) take part: applied ones among the valid records, right skips, and
// the invalid variants of an applied forced record, a forced kind 0 record pointed at an account
// without its toAddress, and wrong skips (WrongSkip, the witness carrying the signer's claim).
// Malformed encodings (§4.1: reserved bits, non-canonical numbers, truncation), made from valid
// chunks, are refused by both decoders at the same record (the contract: MalformedRecord(index)).

#include <QtTest>

#include <array>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "core/eth/abi.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "core/rollup/stf.hpp"
#include "l1_fixture.hpp"

using namespace sluice;
using namespace sluice::rollup;
using namespace sluice::test;

namespace {

const U256 kGwei = 1'000'000'000;
const U256 kEther = U256(1'000'000'000'000'000'000ull);
const U256 kMax = ~U256(0);
// secp256k1 group order n: (r, n - s, parity ^ 1) is the high-s twin of a valid signature.
const U256 kSecpN = *u256_from_hex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

constexpr std::size_t kChunks = 110;       // random chunks (most of K = 16 records)
constexpr std::size_t kMinRecords = 1000;  // the brief's floor, asserted
constexpr std::size_t kFillerAccounts = 70'000;

// The chunk's intended outcome, as the generator built it.
struct Intent {
    Verdict verdict = Verdict::None;
    std::size_t index = 0;
    std::string what;  // which invalid variant, for messages and the coverage table
};

class Generator {
public:
    Generator(std::uint64_t seed, const Params& params) : m_rng(seed), m_params(params) {
        for (int i = 0; i < 12; ++i) {
            Bytes secret(32);
            for (auto& b : secret) b = static_cast<std::uint8_t>(m_rng());
            secret[0] = 0x11;  // well below n, never zero
            m_keys.push_back(*PrivateKey::from_bytes(secret));
            m_addresses.push_back(public_key_of(m_keys.back()).address());
        }
        m_tree = AccountTree::genesis(m_addresses[0]);  // key 0 owns the fee account
        // Tens of thousands of accounts nobody here can spend from, so account proofs carry
        // siblings up to level 16 and the compressed-proof bitmaps more than their lowest bits.
        const std::size_t filler = kFillerAccounts + pick(1000);
        for (std::size_t i = 0; i < filler; ++i)
            m_tree.append(Account{freshAddress(), below(100 * kEther), m_rng() % 1000});
        // An account of WITHDRAWAL_ADDRESS, which no honest chain has (the contract refuses
        // deposits to it): the state a lying proposer needs to book a withdrawal as a transfer.
        m_sink = m_tree.append(Account{withdrawal_address(), 0, 0});
    }

    AccountTree& tree() { return m_tree; }
    const Params& params() const { return m_params; }

    // A chunk of `size` records against the committed tree. When `invalid` names a variant, the
    // record at `invalidAt` is that invalid one, and now and then another invalid record of any
    // variant follows it: the verdict is the first one's on both sides.
    std::vector<Record> chunk(std::size_t size, int invalid, std::size_t invalidAt, Intent& intent) {
        begin();
        std::vector<Record> out;
        for (std::size_t i = 0; i < size; ++i) {
            if (invalid >= 0 && i == invalidAt && intent.verdict == Verdict::None) {
                Record r = makeInvalid(invalid, intent);
                intent.index = i;
                out.push_back(r);
                continue;
            }
            if (invalid >= 0 && i > invalidAt && chance(25)) {
                Intent later;
                out.push_back(makeInvalid(static_cast<int>(pick(kInvalidVariants)), later));
                ++m_laterInvalid;
                continue;
            }
            out.push_back(makeValid());
        }
        return out;
    }
    std::size_t laterInvalid() const { return m_laterInvalid; }
    std::size_t explicitDefaultGas() const { return m_explicitDefaultGas; }

    // Deposits creating accounts for every signer key (and a whale nobody can spend from).
    std::vector<Record> bootstrap() {
        begin();
        std::vector<Record> out;
        for (std::size_t k = 1; k < 10; ++k)
            out.push_back(depositNew(m_addresses[k], U256(50) * kEther + below(kEther)));
        Address whale;
        whale[0] = 0xee;
        whale[19] = 0x01;
        m_whale = static_cast<std::uint32_t>(m_work.size());
        out.push_back(depositNew(whale, kMax - 5));
        return out;
    }

    // Two accounts holding 2^256 - 1 each, owned by keys 10 and 11 (kept out of the random pool).
    std::vector<Record> richAccounts() {
        begin();
        std::vector<Record> out;
        m_rich[0] = static_cast<std::uint32_t>(m_work.size());
        out.push_back(depositNew(m_addresses[10], kMax));
        m_rich[1] = static_cast<std::uint32_t>(m_work.size());
        out.push_back(depositNew(m_addresses[11], kMax));
        return out;
    }

    // Two valid transfers whose fees together pass 2^256: the chunk's fee sum overflows, which
    // README decision 3/4 reports as Overflow at index n (after the last record).
    std::vector<Record> feeOverflowChunk(Intent& intent) {
        begin();
        // 21000 × price just above 2^255.
        const U256 price = (U256(1) << 255) / U256(kTransferGas) + 1;
        std::vector<Record> out;
        for (int k = 0; k < 2; ++k) {
            const std::uint32_t from = m_rich[k];
            out.push_back(
                sign(10 + k, from, m_work[from].nonce, m_addresses[10 + k], 0, false, price, 0, 0, 21000, from));
        }
        intent.verdict = Verdict::Overflow;
        intent.index = out.size();
        intent.what = "chunk fee sum overflows";
        return out;
    }

private:
    void begin() {
        m_work.clear();
        m_keyed.clear();
        for (std::uint32_t i = 0; i < m_tree.count(); ++i) {
            m_work.push_back(m_tree.account(i));
            if (keyOf(m_work.back().address)) m_keyed.push_back(i);
        }
    }
    void created(const Address& address) {
        m_work.push_back(Account{address, 0, 0});
        if (keyOf(address)) m_keyed.push_back(static_cast<std::uint32_t>(m_work.size() - 1));
    }

    U256 below(const U256& bound) {
        if (bound == 0) return 0;
        U256 v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 64) | U256(m_rng());
        return v % bound;
    }
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(m_rng() % n); }
    bool chance(int percent) { return static_cast<int>(m_rng() % 100) < percent; }

    std::optional<std::size_t> keyOf(const Address& a) const {
        for (std::size_t k = 0; k < 10; ++k)
            if (m_addresses[k] == a) return k;
        return std::nullopt;
    }
    bool ordinary(std::uint32_t i) const { return i != m_whale && i != m_rich[0] && i != m_rich[1] && i != m_sink; }

    // A random sender with a key and enough for a fee, or nullopt.
    std::optional<std::uint32_t> sender() {
        std::vector<std::uint32_t> pool;
        for (std::uint32_t i : m_keyed)
            if (ordinary(i) && m_work[i].balance > U256(100'000) * kGwei) pool.push_back(i);
        if (pool.empty()) return std::nullopt;
        return pool[pick(pool.size())];
    }
    std::uint32_t recipient() {
        // Half the time one of the signers, so money keeps circulating among the senders.
        if (chance(50)) {
            const std::uint32_t i = m_keyed[pick(m_keyed.size())];
            if (ordinary(i)) return i;
        }
        for (;;) {
            auto i = static_cast<std::uint32_t>(pick(m_work.size()));
            if (ordinary(i)) return i;
        }
    }
    Address freshAddress() {
        Address a;
        for (auto& b : a.bytes) b = static_cast<std::uint8_t>(m_rng());
        return a;
    }

    struct Fees {
        bool eip1559;
        U256 gasPrice, priority, maxFee;
        std::uint64_t gasLimit;
    };
    Fees randomFees() {
        Fees f{chance(60), 0, 0, 0, 21000};
        if (f.eip1559) {
            f.maxFee = m_params.base_fee + below(2 * kGwei);
            f.priority = chance(30) ? U256(0) : below(f.maxFee + 1);  // both sides of min(max, base + tip)
        } else {
            f.gasPrice = m_params.base_fee + below(2 * kGwei);
        }
        if (chance(15)) f.gasLimit = 21000 + pick(30000);
        if (chance(3))
            f.gasLimit = std::numeric_limits<std::uint64_t>::max();  // the fee is for 21000 gas whatever the limit
        return f;
    }
    U256 price(const Fees& f) const {
        if (!f.eip1559) return f.gasPrice;
        const U256 tip = m_params.base_fee + f.priority;
        return tip < f.maxFee ? tip : f.maxFee;
    }

    // A signed record through the wallet's path: core/eth signs the transaction, the sequencer's
    // conversion makes the record. `toIndex` as in record_from_transaction.
    Record sign(std::size_t key, std::uint32_t from, std::uint64_t nonce, const Address& to, const U256& value,
                bool eip1559, const U256& gasPrice, const U256& priority, const U256& maxFee, std::uint64_t gasLimit,
                std::optional<std::uint32_t> toIndex) {
        const auto signedTx = signTx(m_keys[key], nonce, to, value, eip1559, gasPrice, priority, maxFee, gasLimit);
        auto r = record_from_transaction(signedTx, from, m_addresses[key], toIndex, m_params);
        if (!r) qFatal("record_from_transaction: %s", r.message().c_str());
        if (!r->gas_limit && chance(5)) {
            r->gas_limit = kTransferGas;  // 21000 written out, which the encoding may also leave implicit
            ++m_explicitDefaultGas;
        }
        return *r;
    }

    // The same transaction queued on L1 instead (§4.5): the wallet's tuple, then the proposer's
    // applied record for it (`toIndex` as above) or its skip.
    ForcedTransaction forcedTx(const PrivateKey& key, std::uint64_t nonce, const Address& to, const U256& value,
                               const Fees& f) {
        const auto signedTx = signTx(key, nonce, to, value, f.eip1559, f.gasPrice, f.priority, f.maxFee, f.gasLimit);
        auto tx = forced_from_transaction(signedTx, m_params);
        if (!tx) qFatal("forced_from_transaction: %s", tx.message().c_str());
        return *tx;
    }
    Record applied(std::size_t key, std::uint32_t from, std::uint64_t nonce, const Address& to, const U256& value,
                   const Fees& f, std::optional<std::uint32_t> toIndex) {
        auto r = applied_forced_record(forcedTx(m_keys[key], nonce, to, value, f), queueTime(), from, m_addresses[key],
                                       toIndex, m_params);
        if (!r) qFatal("applied_forced_record: %s", r.message().c_str());
        return *r;
    }
    Record skipped(const PrivateKey& key, std::uint64_t nonce, const Address& to, const U256& value, const Fees& f) {
        return skipped_record(forcedTx(key, nonce, to, value, f), queueTime());
    }
    std::uint64_t queueTime() { return 1'700'000'000 + pick(1'000'000); }

    SignedTransaction signTx(const PrivateKey& key, std::uint64_t nonce, const Address& to, const U256& value,
                             bool eip1559, const U256& gasPrice, const U256& priority, const U256& maxFee,
                             std::uint64_t gasLimit) {
        Transaction tx;
        tx.type = eip1559 ? TxType::eip1559 : TxType::legacy;
        tx.chain_id = m_params.chain_id;
        tx.nonce = nonce;
        tx.gas_price = eip1559 ? U256(0) : gasPrice;
        tx.max_priority_fee_per_gas = eip1559 ? priority : U256(0);
        tx.max_fee_per_gas = eip1559 ? maxFee : U256(0);
        tx.gas_limit = gasLimit;
        tx.to = to;
        tx.value = value;
        return sign_transaction(tx, key);
    }

    // The accounts of `address` in the working view, lowest first.
    std::vector<std::uint32_t> accountsOf(const Address& address) const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t i = 0; i < m_work.size(); ++i)
            if (m_work[i].address == address) out.push_back(i);
        return out;
    }

    // A skip that is right: the transaction fails rules 2-5 for every account of its signer.
    Record rightSkip() {
        const Fees f = randomFees();
        const Address to = chance(30) ? withdrawal_address() : m_work[recipient()].address;
        const std::size_t key = pick(10);
        std::uint64_t maxNonce = 0;
        U256 maxBalance = 0;
        for (std::uint32_t i : accountsOf(m_addresses[key])) {
            maxNonce = std::max(maxNonce, m_work[i].nonce);
            maxBalance = std::max(maxBalance, m_work[i].balance);
        }
        switch (pick(4)) {
        case 0:
            ++m_rightSkips["nonce ahead of every account of the signer"];
            return skipped(m_keys[key], maxNonce + 1 + pick(3), to, 1, f);
        case 1: {
            ++m_rightSkips["signer without an account"];
            Bytes secret(32, 0x22);
            secret[31] = static_cast<std::uint8_t>(m_rng());
            return skipped(*PrivateKey::from_bytes(secret), 0, to, 1, f);
        }
        case 2: {
            ++m_rightSkips["fee below the base fee"];
            Fees cheap = f;
            cheap.eip1559 = false;
            cheap.gasPrice = m_params.base_fee - 1;
            return skipped(m_keys[key], 0, to, 1, cheap);
        }
        default: {
            ++m_rightSkips["value beyond every balance of the signer"];
            const std::uint32_t any = accountsOf(m_addresses[key]).empty() ? 0 : accountsOf(m_addresses[key])[0];
            return skipped(m_keys[key], m_work[any].nonce, to, maxBalance, f);
        }
        }
    }

    Record depositNew(const Address& to, const U256& amount) {
        Record r;
        r.kind = RecordKind::deposit;
        r.new_account = true;
        r.address = to;
        r.value = amount;
        r.timestamp = 1'700'000'000 + pick(1'000'000);
        created(to);
        m_work.back().balance = amount;
        return r;
    }

    // A valid record, applied to the working view. Now and then a right skip, and one signed
    // record in ten is an applied forced transaction instead of a sequenced one.
    Record makeValid() {
        if (chance(4)) return rightSkip();
        const auto from = sender();
        const int roll = static_cast<int>(pick(100));
        const bool force = chance(10);
        if (!from || roll < 12) {
            if (roll < 4 || !from) {
                return depositNew(chance(50) ? freshAddress() : m_addresses[pick(10)], below(10 * kEther) + 1);
            }
            const std::uint32_t to = recipient();
            Record r;
            r.kind = RecordKind::deposit;
            r.to = to;
            r.address = m_work[to].address;
            r.value = chance(10) ? U256(0) : below(5 * kEther);
            r.timestamp = 1'700'000'000 + pick(1'000'000);
            m_work[to].balance += r.value;
            return r;
        }
        Account& s = m_work[*from];
        const std::size_t key = *keyOf(s.address);
        const Fees f = randomFees();
        const U256 fee = U256(kTransferGas) * price(f);
        const U256 room = s.balance - fee;
        const U256 value = chance(5) ? U256(0) : (chance(50) ? below(room / 8 + 1) : below(room + 1));
        Record r;
        if (roll < 62) {  // transfer to an existing account (self-transfers included)
            const std::uint32_t to = chance(8) ? *from : recipient();
            r = force ? applied(key, *from, s.nonce, m_work[to].address, value, f, to)
                      : sign(key, *from, s.nonce, m_work[to].address, value, f.eip1559, f.gasPrice, f.priority,
                             f.maxFee, f.gasLimit, to);
            s.balance -= value + fee;
            s.nonce += 1;
            m_work[to].balance += value;
        } else if (roll < 82) {  // a new account (sometimes a second one for a known address)
            const Address to = chance(70) ? freshAddress() : m_addresses[pick(10)];
            r = force ? applied(key, *from, s.nonce, to, value, f, std::nullopt)
                      : sign(key, *from, s.nonce, to, value, f.eip1559, f.gasPrice, f.priority, f.maxFee, f.gasLimit,
                             std::nullopt);
            s.balance -= value + fee;
            s.nonce += 1;
            created(to);
            m_work.back().balance = value;
        } else {  // withdrawal
            r = force ? applied(key, *from, s.nonce, withdrawal_address(), value, f, std::nullopt)
                      : sign(key, *from, s.nonce, withdrawal_address(), value, f.eip1559, f.gasPrice, f.priority,
                             f.maxFee, f.gasLimit, std::nullopt);
            s.balance -= value + fee;
            s.nonce += 1;
        }
        if (force) ++m_appliedForced;
        return r;
    }

public:
    static constexpr int kInvalidVariants = 29;
    const std::map<std::string, std::size_t>& rightSkips() const { return m_rightSkips; }
    std::size_t appliedForced() const { return m_appliedForced; }

private:
    // One invalid record of variant `v` (0 .. kInvalidVariants-1); changes nothing in the view.
    Record makeInvalid(int v, Intent& intent) {
        const auto fromOpt = sender();
        if (!fromOpt) qFatal("no sender for an invalid record");
        const std::uint32_t from = *fromOpt;
        const Account& s = m_work[from];
        const std::size_t key = *keyOf(s.address);
        const std::uint32_t to = recipient();
        const Address toAddr = m_work[to].address;
        const U256 gp = 2 * kGwei;
        const auto transfer = [&](std::uint64_t nonce, const U256& value) {
            return sign(key, from, nonce, toAddr, value, false, gp, 0, 0, 21000, to);
        };
        const auto set = [&](Verdict verdict, const char* what) {
            intent.verdict = verdict;
            intent.what = what;
        };
        Record r;
        switch (v) {
        case 0: set(Verdict::BadNonce, "nonce ahead (kind 0)"); return transfer(s.nonce + 1 + pick(3), 1);
        case 1:
            set(Verdict::BadNonce, "nonce behind: a replayed transaction (double spend)");
            if (s.nonce == 0) return transfer(1, 1);
            return transfer(s.nonce - 1, 1);
        case 2:
            set(Verdict::BadNonce, "nonce ahead (withdrawal)");
            return sign(key, from, s.nonce + 2, withdrawal_address(), 1, true, 0, 0, 2 * kGwei, 21000, std::nullopt);
        case 3: {
            set(Verdict::BadSignature, "signed by another key");
            const std::size_t other = (key + 1 + pick(8)) % 10;
            r = sign(other, from, s.nonce, toAddr, 1, true, 0, 1, 3 * kGwei, 21000, to);
            r.from = from;
            return r;
        }
        case 4:
            set(Verdict::BadSignature, "high s (the malleable twin of a valid signature)");
            r = transfer(s.nonce, 1);
            r.s = u256_to_be32(kSecpN - *u256_from_be(r.s));
            r.y_parity ^= 1;
            return r;
        case 5:
            set(Verdict::BadSignature, "value changed after signing (new account)");
            r = sign(key, from, s.nonce, freshAddress(), 5, true, 0, 0, 2 * kGwei, 21000, std::nullopt);
            r.value += 1;
            return r;
        case 6:
            set(Verdict::BadSignature, "r is zero");
            r = transfer(s.nonce, 1);
            r.r = Hash{};
            return r;
        case 7:
            set(Verdict::Overdraft, "value + fee one wei above the balance");
            return transfer(s.nonce, s.balance - U256(kTransferGas) * gp + 1);
        case 8:
            set(Verdict::Overdraft, "withdrawal of everything, fee on top");
            return sign(key, from, s.nonce, withdrawal_address(), s.balance, false, gp, 0, 0, 21000, std::nullopt);
        case 9:
            set(Verdict::BadFee, "legacy gas price below the L2 base fee");
            return sign(key, from, s.nonce, toAddr, 1, false, m_params.base_fee - 1, 0, 0, 21000, to);
        case 10:
            set(Verdict::BadFee, "EIP-1559 max fee below the L2 base fee");
            return sign(key, from, s.nonce, toAddr, 1, true, 0, 0, m_params.base_fee / 2, 21000, to);
        case 11:
            set(Verdict::BadFee, "priority fee above the max fee");
            return sign(key, from, s.nonce, toAddr, 1, true, 0, 3 * kGwei, 2 * kGwei, 21000, to);
        case 12:
            set(Verdict::BadFee, "gas limit 20999");
            return sign(key, from, s.nonce, toAddr, 1, false, gp, 0, 0, 20999, to);
        case 13:
            set(Verdict::UnknownAccount, "sender index beyond count");
            r = transfer(0, 1);
            r.from = static_cast<std::uint32_t>(m_work.size() + pick(5));
            return r;
        case 14:
            set(Verdict::UnknownAccount, "kind-0 recipient index beyond count (and a stale nonce)");
            r = sign(key, from, s.nonce + 1, freshAddress(), 1, false, gp, 0, 0, 21000,
                     static_cast<std::uint32_t>(m_work.size() + pick(5)));
            return r;
        case 15:
            set(Verdict::UnknownAccount, "deposit to an index whose address differs");
            r.kind = RecordKind::deposit;
            r.to = to;
            r.address = freshAddress();
            r.value = kEther;
            r.timestamp = 1'700'000'000;
            return r;
        case 16:
            set(Verdict::UnknownAccount, "deposit to an index beyond count");
            r.kind = RecordKind::deposit;
            r.to = static_cast<std::uint32_t>(m_work.size());
            r.address = freshAddress();
            r.value = kEther;
            r.timestamp = 1'700'000'000;
            return r;
        case 17:
            set(Verdict::BadWithdrawal, "withdrawal to another L1 recipient");
            r = sign(key, from, s.nonce, withdrawal_address(), 1, true, 0, 0, 2 * kGwei, 21000, std::nullopt);
            r.address = freshAddress();
            return r;
        case 18:
            set(Verdict::BadWithdrawal, "new-account transfer to WITHDRAWAL_ADDRESS");
            r = sign(key, from, s.nonce, withdrawal_address(), 1, false, gp, 0, 0, 21000, std::nullopt);
            r.kind = RecordKind::new_account_transfer;
            r.address = withdrawal_address();
            return r;
        case 21:
            set(Verdict::BadNonce, "applied forced transfer with a nonce ahead");
            return applied(key, from, s.nonce + 1, toAddr, 1, Fees{false, gp, 0, 0, 21000}, to);
        case 22:
            set(Verdict::Overdraft, "applied forced withdrawal beyond the balance");
            return applied(key, from, s.nonce, withdrawal_address(), s.balance, Fees{true, 0, 0, 2 * kGwei, 21000},
                           std::nullopt);
        case 23: {
            // Signed for one existing account, pointed at another (§4.5: rule 1).
            set(Verdict::UnknownAccount, "forced kind 0 at an account without its toAddress");
            std::uint32_t other = recipient();
            while (other == to || other == from || m_work[other].address == toAddr) other = recipient();
            r = applied(key, from, s.nonce, toAddr, 1, Fees{false, gp, 0, 0, 21000}, to);
            r.to = other;
            return r;
        }
        case 24:
            set(Verdict::UnknownAccount, "forced kind 0 at the sender's own account, signed for another");
            r = applied(key, from, s.nonce, toAddr == s.address ? freshAddress() : toAddr, 1,
                        Fees{true, 0, 0, 2 * kGwei, 21000}, from);
            return r;
        case 25:
            set(Verdict::WrongSkip, "valid forced transfer skipped");
            return skipped(m_keys[key], s.nonce, toAddr, s.balance / 2, Fees{true, 0, 1, 2 * kGwei, 30000});
        case 26:
            // A skip's from and kind 0's to are not read (§4.1): junk there changes nothing.
            set(Verdict::WrongSkip, "valid forced withdrawal skipped, written as kind 0 with junk indices");
            r = skipped(m_keys[key], s.nonce, withdrawal_address(), 1, Fees{false, gp, 0, 0, 21000});
            r.kind = RecordKind::transfer;
            r.address = withdrawal_address();
            r.from = static_cast<std::uint32_t>(m_rng());
            r.to = static_cast<std::uint32_t>(m_rng());
            return r;
        case 27: {
            // Valid only for a second account of the signer's address, not its lowest (§2).
            for (std::uint32_t j : m_keyed) {
                const auto mine = accountsOf(m_work[j].address);
                if (!ordinary(j) || mine.front() == j || m_work[mine.front()].nonce == m_work[j].nonce) continue;
                if (m_work[j].balance <= U256(kTransferGas) * gp) continue;
                set(Verdict::WrongSkip, "forced transfer skipped, valid only for a second account of the signer");
                return skipped(m_keys[*keyOf(m_work[j].address)], m_work[j].nonce, toAddr, 0,
                               Fees{false, gp, 0, 0, 21000});
            }
            set(Verdict::WrongSkip, "valid forced transfer skipped (no second account yet)");
            return skipped(m_keys[key], s.nonce, toAddr, 0, Fees{false, gp, 0, 0, 21000});
        }
        case 28:
            set(Verdict::BadNonce, "nonce 2^64 - 1");
            return transfer(std::numeric_limits<std::uint64_t>::max(), 1);
        case 19:
            // A user's signed withdrawal booked as a kind-0 transfer to that account (§3, rule 7).
            set(Verdict::BadWithdrawal, "transfer to an existing account of WITHDRAWAL_ADDRESS");
            r = sign(key, from, s.nonce, withdrawal_address(), 1, true, 0, 0, 2 * kGwei, 21000, std::nullopt);
            r.kind = RecordKind::transfer;
            r.to = m_sink;
            return r;
        default:
            if (chance(50)) {
                set(Verdict::Overflow, "transfer to an account at 2^256 - 6");
                return sign(key, from, s.nonce, m_work[m_whale].address, 6, true, 0, 0, 2 * kGwei, 21000, m_whale);
            }
            set(Verdict::Overflow, "deposit past 2^256");
            r.kind = RecordKind::deposit;
            r.to = m_whale;
            r.address = m_work[m_whale].address;
            r.value = 6;
            r.timestamp = 1'700'000'000;
            return r;
        }
    }

    std::mt19937_64 m_rng;
    std::size_t m_laterInvalid = 0;
    std::size_t m_explicitDefaultGas = 0;
    Params m_params;
    AccountTree m_tree;
    std::vector<PrivateKey> m_keys;
    std::vector<Address> m_addresses;
    std::vector<Account> m_work;         // the committed tree plus this chunk's valid records so far
    std::vector<std::uint32_t> m_keyed;  // indices in m_work owned by keys 0-9
    std::uint32_t m_whale = UINT32_MAX;
    std::uint32_t m_sink = UINT32_MAX;  // the account of WITHDRAWAL_ADDRESS
    std::array<std::uint32_t, 2> m_rich{UINT32_MAX, UINT32_MAX};
    std::map<std::string, std::size_t> m_rightSkips;  // generated right skips, by reason
    std::size_t m_appliedForced = 0;
};

// Malformed encodings (PROTOCOL.md §4.1) made from a valid chunk's bytes by changing one record.
enum class Malformation {
    Bit7,
    SkippedNotForced,
    DepositTxTypeBit,
    NonceLeadingZero,
    UvarTooLong,
    AmountExponent,
    AmountNotCanonical,
    CutShort,
    Count
};
const char* malformationName(Malformation m) {
    switch (m) {
    case Malformation::Bit7: return "flag bit 7 set";
    case Malformation::SkippedNotForced: return "skipped bit without the forced bit";
    case Malformation::DepositTxTypeBit: return "deposit with the transaction-type bit";
    case Malformation::NonceLeadingZero: return "nonce uvar with a leading zero byte";
    case Malformation::UvarTooLong: return "nonce uvar of 33 bytes";
    case Malformation::AmountExponent: return "amount exponent 78";
    case Malformation::AmountNotCanonical: return "amount not in canonical form (mantissa x 10, exponent - 1)";
    case Malformation::CutShort: return "last record cut short";
    case Malformation::Count: break;
    }
    return "?";
}

// `data` with record `index` (starting at `start`, ending at `end`) malformed as `m`, or nullopt
// when that record cannot carry it (e.g. a deposit-only malformation on a transfer).
std::optional<Bytes> malform(const Bytes& data, const Record& record, std::size_t start, std::size_t end,
                             Malformation m) {
    Bytes out = data;
    const bool plainSigned = record.is_signed() && !record.forced;
    // A plain signed record: flag, from[4], then to[4] (kind 0) or an address[20], then the nonce.
    const std::size_t nonceAt = start + 1 + 4 + (record.kind == RecordKind::transfer ? 4 : 20);
    auto splice = [&](std::size_t at, std::size_t removed, const Bytes& inserted) {
        out.erase(out.begin() + std::ptrdiff_t(at), out.begin() + std::ptrdiff_t(at + removed));
        out.insert(out.begin() + std::ptrdiff_t(at), inserted.begin(), inserted.end());
    };
    switch (m) {
    case Malformation::Bit7: out[start] |= 0x80; return out;
    case Malformation::SkippedNotForced:
        if (record.forced) return std::nullopt;
        out[start] |= 0x40;
        return out;
    case Malformation::DepositTxTypeBit:
        if (record.kind != RecordKind::deposit) return std::nullopt;
        out[start] |= 0x04;
        return out;
    case Malformation::NonceLeadingZero: {
        if (!plainSigned || out[nonceAt] >= 32) return std::nullopt;
        Bytes longer{std::uint8_t(out[nonceAt] + 1), 0x00};
        longer.insert(longer.end(), out.begin() + std::ptrdiff_t(nonceAt + 1),
                      out.begin() + std::ptrdiff_t(nonceAt + 1 + out[nonceAt]));
        splice(nonceAt, 1 + out[nonceAt], longer);
        return out;
    }
    case Malformation::UvarTooLong:
        if (!plainSigned) return std::nullopt;
        out[nonceAt] = 33;
        return out;
    case Malformation::AmountExponent:
    case Malformation::AmountNotCanonical: {
        if (!plainSigned) return std::nullopt;
        const std::size_t valueAt = nonceAt + 1 + out[nonceAt];
        if (m == Malformation::AmountExponent) {
            out[valueAt] = 78;
            return out;
        }
        const std::uint8_t exponent = out[valueAt];
        std::size_t at = valueAt + 1;
        auto mantissa = decode_uvar(out, at, "mantissa");
        if (exponent == 0 || !mantissa) return std::nullopt;
        Bytes respelled{std::uint8_t(exponent - 1)};
        encode_uvar(respelled, *mantissa * 10);
        splice(valueAt, at - valueAt, respelled);
        return out;
    }
    case Malformation::CutShort:
        if (end != data.size()) return std::nullopt;
        out.resize(end - 1);
        return out;
    case Malformation::Count: break;
    }
    return std::nullopt;
}

// The index of the first record that decode_record refuses, or nullopt when all decode.
std::optional<std::size_t> firstMalformed(ByteView data) {
    std::size_t offset = 0;
    for (std::size_t i = 0; offset < data.size(); ++i)
        if (!decode_record(data, offset)) return i;
    return std::nullopt;
}

struct SolidityVerdict {
    Verdict verdict = Verdict::None;
    U256 index = 0;
    Hash root;
};

}  // namespace

class RollupDifferentialTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cppAndSolidityAgree();
    void cleanupTestCase() { m_anvil.stop(); }

private:
    // One chunk through both sides; every disagreement fails the test with the chunk's story.
    void compareChunk(Generator& gen, const std::vector<Record>& records, const Intent& intent, bool commit);
    // A malformed copy of a valid chunk's bytes: the C++ decoder and the contract's replay (with
    // the valid chunk's witness) refuse it at the same record.
    void compareMalformed(Generator& gen, const std::vector<Record>& records, std::mt19937_64& plan);
    SolidityVerdict replayOnL1(const FraudProof& proof, const Params& params);
    CallOutcome replayCall(const FraudProof& proof, const Params& params);

    AnvilFixture m_anvil;
    Address m_harness;
    std::size_t m_chunks = 0;
    std::size_t m_records = 0;
    std::size_t m_validChunks = 0;
    std::size_t m_malformedChunks = 0;
    std::map<std::string, std::size_t> m_covered;
};

void RollupDifferentialTest::initTestCase() {
    QString error;
    QVERIFY2(m_anvil.start(&error), qPrintable(error));
    auto code = from_hex(contracts::replay_harness_creation_bytecode());
    QVERIFY(code.has_value());
    auto harness = m_anvil.deploy(*code, &error);
    QVERIFY2(harness.has_value(), qPrintable(error));
    m_harness = *harness;
}

CallOutcome RollupDifferentialTest::replayCall(const FraudProof& proof, const Params& params) {
    auto call = encode_call("replay(bytes,bytes,bytes32,uint256,uint256,uint256)",
                            {AbiValue(proof.records), AbiValue(proof.witness),
                             AbiValue(Bytes(proof.tree_root.begin(), proof.tree_root.end())),
                             AbiValue(U256(proof.count)), AbiValue(params.chain_id), AbiValue(params.base_fee)});
    if (!call) qFatal("encode replay call: %s", call.message().c_str());
    return m_anvil.ethCall(m_harness, *call);
}

SolidityVerdict RollupDifferentialTest::replayOnL1(const FraudProof& proof, const Params& params) {
    const CallOutcome out = replayCall(proof, params);
    SolidityVerdict v;
    if (out.reverted || out.data.size() != 96) {
        qWarning("replay reverted: %s (data %s)", qPrintable(out.message), to_hex(out.data).c_str());
        v.verdict = static_cast<Verdict>(0xff);
        return v;
    }
    v.verdict = static_cast<Verdict>(out.data[31]);
    v.index = *u256_from_be(ByteView(out.data).subspan(32, 32));
    v.root = *Hash::from_view(ByteView(out.data).subspan(64, 32));
    return v;
}

void RollupDifferentialTest::compareChunk(Generator& gen, const std::vector<Record>& records, const Intent& intent,
                                          bool commit) {
    const Params& params = gen.params();
    AccountTree& tree = gen.tree();
    const std::size_t n = records.size();
    const QByteArray where = QByteArray("chunk ") + QByteArray::number(qulonglong(m_chunks)) + " (" +
                             QByteArray::number(qulonglong(n)) + " records, " +
                             QByteArray(intent.what.empty() ? "all valid" : intent.what.c_str()) + ")";

    // C++: the plain STF (overlay mode) gives the verdict and the root.
    AccountTree after = tree;
    const StfResult cpp = apply_records(after, records, params, 1);

    // C++: the fraud-proof builder's witness for this chunk, as a one-chunk batch whose claimed
    // root is wrong (so a valid chunk is proven as WrongStateRoot and the witness covers it all).
    Hash bogus;
    bogus[0] = 0xba;
    auto batch = assemble_batch(tree.state_root(), encode_records(records), {bogus});
    QVERIFY2(batch.ok(), where + ": " + (batch ? "" : batch.message().c_str()));
    const BatchHeader header = batch->header(0, 0, Address{});
    auto built = build_fraud_proof(*batch, header, 0, tree, params);
    QVERIFY2(built.ok(), where + ": " + (built ? "" : built.message().c_str()));
    QVERIFY2(built->has_value(), where + ": no fraud proof for a batch with a wrong root");
    const FraudProof& proof = **built;
    QCOMPARE(proof.tree_root, tree.root());
    QCOMPARE(proof.count, tree.count());

    // Solidity: the contract's replay with that witness.
    const SolidityVerdict sol = replayOnL1(proof, params);
    QVERIFY2(sol.verdict != static_cast<Verdict>(0xff), where + ": the Solidity replay reverted");

    // The generator's intent, the C++ STF and the Solidity replay all agree.
    const QByteArray cppVerdict(verdict_name(cpp.verdict).data(), qsizetype(verdict_name(cpp.verdict).size()));
    const QByteArray solVerdict(verdict_name(sol.verdict).data(), qsizetype(verdict_name(sol.verdict).size()));
    QVERIFY2(cpp.verdict == intent.verdict, where + ": C++ says " + cppVerdict);
    QVERIFY2(sol.verdict == cpp.verdict, where + ": C++ says " + cppVerdict + ", Solidity " + solVerdict);
    if (cpp.ok()) {
        QCOMPARE(cpp.chunk_roots.size(), std::size_t(1));
        QCOMPARE(after.state_root(), cpp.chunk_roots[0]);
        QVERIFY2(sol.root == cpp.chunk_roots[0], where + ": post-state roots differ: C++ " +
                                                     QByteArray::fromStdString(cpp.chunk_roots[0].hex()) +
                                                     ", Solidity " + QByteArray::fromStdString(sol.root.hex()));
        QVERIFY2(sol.index == U256(n), where);
        QCOMPARE(proof.verdict, Verdict::WrongStateRoot);
        QCOMPARE(proof.record_index, n);
        ++m_validChunks;
    } else {
        // apply_records indexes the batch (here the chunk); a chunk-level Overflow (the fee credit)
        // is reported by the contract after the last record.
        QVERIFY2(sol.index == U256(proof.record_index),
                 where + ": record index C++ " + QByteArray::number(qulonglong(proof.record_index)) + ", Solidity " +
                     QByteArray::fromStdString(u256_to_dec(sol.index)));
        QCOMPARE(proof.verdict, cpp.verdict);
        QVERIFY2(proof.record_index == intent.index, where);
        if (intent.index < n) QCOMPARE(cpp.record_index, intent.index);
    }

    ++m_chunks;
    m_records += n;
    ++m_covered[intent.what.empty() ? std::string("valid chunk") : intent.what];
    if (commit && cpp.ok()) tree = std::move(after);
}

void RollupDifferentialTest::compareMalformed(Generator& gen, const std::vector<Record>& records,
                                              std::mt19937_64& plan) {
    const Bytes data = encode_records(records);
    std::vector<std::size_t> offsets;
    QVERIFY(decode_records(data, &offsets).ok());
    offsets.push_back(data.size());
    // The valid chunk's witness: the records before the malformed one replay with it.
    Hash bogus;
    bogus[0] = 0xba;
    auto batch = assemble_batch(gen.tree().state_root(), data, {bogus});
    QVERIFY(batch.ok());
    auto built = build_fraud_proof(*batch, batch->header(0, 0, Address{}), 0, gen.tree(), gen.params());
    QVERIFY(built.ok() && built->has_value());
    FraudProof proof = **built;

    // Round robin over the malformations, on a random record that can carry it.
    const auto m = static_cast<Malformation>(m_malformedChunks % std::size_t(Malformation::Count));
    std::optional<Bytes> bad;
    std::size_t index = 0;
    for (std::size_t tries = 0; tries < 4 * records.size() && !bad; ++tries) {
        index = plan() % records.size();
        bad = malform(data, records[index], offsets[index], offsets[index + 1], m);
    }
    if (!bad) return;  // no record of this chunk can carry it; the next chunk tries again
    const QByteArray where = QByteArray("malformed chunk ") + QByteArray::number(qulonglong(m_malformedChunks)) + " (" +
                             malformationName(m) + " at record " + QByteArray::number(qulonglong(index)) + ")";
    ++m_malformedChunks;
    ++m_covered[std::string("malformed: ") + malformationName(m)];

    QVERIFY2(!decode_records(*bad).ok(), where + ": C++ decoded it");
    const auto cppIndex = firstMalformed(*bad);
    QVERIFY2(cppIndex == index, where + ": C++ refuses another record");
    proof.records = *bad;
    const CallOutcome out = replayCall(proof, gen.params());
    QVERIFY2(out.reverted, where + ": the Solidity replay accepted it");
    const Bytes expected = *encode_call("MalformedRecord(uint256)", {AbiValue(U256(index))});
    QVERIFY2(out.data == expected, where + ": Solidity reverted with " + QByteArray::fromStdString(to_hex(out.data)));
}

void RollupDifferentialTest::cppAndSolidityAgree() {
    // A fresh seed every run, so that CI explores; printed, so that a failure can be replayed.
    std::random_device entropy;
    std::uint64_t seed = (std::uint64_t(entropy()) << 32) | entropy();
    if (qEnvironmentVariableIsSet("SLUICE_DIFF_SEED"))
        seed = qEnvironmentVariable("SLUICE_DIFF_SEED").toULongLong(nullptr, 0);
    qInfo("differential seed %llu (SLUICE_DIFF_SEED=%llu replays this run)", static_cast<unsigned long long>(seed),
          static_cast<unsigned long long>(seed));
    Params params;  // the devnet's chain id and base fee, as the harness is called with
    Generator gen(seed, params);
    std::mt19937_64 plan(seed ^ 0x9e3779b97f4a7c15ull);

    {
        Intent none;
        compareChunk(gen, gen.bootstrap(), none, true);
        if (QTest::currentTestFailed()) return;
    }
    for (std::size_t c = 0; c < kChunks; ++c) {
        // Mostly full chunks; a short one now and then (a batch's last chunk).
        const std::size_t size = plan() % 5 == 0 ? 1 + plan() % kChunkSize : kChunkSize;
        // Every invalid variant appears (round robin over ~half the chunks), the rest are valid.
        const int invalid = (c % 2 == 1) ? static_cast<int>((c / 2) % (Generator::kInvalidVariants)) : -1;
        Intent intent;
        const auto records = gen.chunk(size, invalid, plan() % size, intent);
        if (invalid < 0) {
            compareMalformed(gen, records, plan);
            if (QTest::currentTestFailed()) return;
        }
        compareChunk(gen, records, intent, true);
        if (QTest::currentTestFailed()) return;
    }
    {
        Intent none;
        compareChunk(gen, gen.richAccounts(), none, true);
        if (QTest::currentTestFailed()) return;
        Intent overflow;
        const auto records = gen.feeOverflowChunk(overflow);
        compareChunk(gen, records, overflow, false);
        if (QTest::currentTestFailed()) return;
    }

    for (const auto& [what, count] : m_covered) qInfo("  %4zu x %s", count, what.c_str());
    for (const auto& [why, count] : gen.rightSkips()) qInfo("  %4zu x right skip: %s", count, why.c_str());
    qInfo("  %4zu x applied forced transaction among valid records", gen.appliedForced());
    qInfo("  %4zu x a further invalid record after a chunk's first", gen.laterInvalid());
    qInfo("  %4zu x a signed record with its 21000 gas limit written out", gen.explicitDefaultGas());
    qInfo("compared %zu chunks (%zu valid), %zu records, final state: %u accounts", m_chunks, m_validChunks, m_records,
          gen.tree().count());
    // Not silently empty: the floor of the brief, every invalid variant, and valid chunks that moved the state.
    QVERIFY2(m_records >= kMinRecords, "fewer than 1,000 records were compared");
    QCOMPARE(m_chunks, kChunks + 3);
    QVERIFY(m_validChunks >= kChunks / 2);
    QVERIFY(m_covered.size() >= std::size_t(Generator::kInvalidVariants) + 2 + std::size_t(Malformation::Count));
    for (std::size_t m = 0; m < std::size_t(Malformation::Count); ++m)
        QVERIFY2(m_covered.count(std::string("malformed: ") + malformationName(Malformation(m))) == 1,
                 malformationName(Malformation(m)));
    // The forced-transaction cases took place: applied ones and every reason of a right skip in
    // valid chunks, and a wrong skip that only a signer's second account shows.
    QVERIFY(gen.appliedForced() >= 20);
    QVERIFY(gen.laterInvalid() >= 5);
    QVERIFY(gen.explicitDefaultGas() >= 5);
    QCOMPARE(gen.rightSkips().size(), std::size_t(4));
    QVERIFY(m_covered.count("forced transfer skipped, valid only for a second account of the signer") == 1);
    QVERIFY(gen.tree().count() > kFillerAccounts + 50);
}

QTEST_GUILESS_MAIN(RollupDifferentialTest)
#include "rollup_differential_test.moc"
