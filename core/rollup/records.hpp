// SPDX-License-Identifier: MIT
#pragma once
// Records, the compact batch encoding of L2 transactions, deposits and forced transactions
// (docs/PROTOCOL.md §4.1), the conversions between a record and the signed Ethereum transaction
// it stands for, and the L1 queue's ForcedTransaction tuple (§4.5).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/eth/abi.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/params.hpp"

namespace sluice::rollup {

enum class RecordKind : std::uint8_t { transfer = 0, new_account_transfer = 1, withdrawal = 2, deposit = 3 };

struct Record {
    RecordKind kind = RecordKind::transfer;

    // Signed kinds (0, 1, 2).
    bool eip1559 = false;       // flag bit 2
    std::uint8_t y_parity = 0;  // flag bit 3
    std::uint32_t from = 0;
    U256 nonce = 0;                     // a uvar on the wire: up to 32 bytes, compared with the 8-byte account nonce
    U256 gas_price = 0;                 // legacy
    U256 max_priority_fee_per_gas = 0;  // EIP-1559
    U256 max_fee_per_gas = 0;           // EIP-1559
    // nullopt: exactly 21000 and not written (flag bit 4). A written 21000 is accepted and kept
    // written, so every decoded record re-encodes to its own bytes.
    std::optional<U256> gas_limit;
    Hash r;
    Hash s;

    // kind 0: the recipient's index; kind 3 without new_account: the recipient's index.
    std::uint32_t to = 0;
    // kind 1: toAddress; kind 2: the L1 recipient; kind 3: the depositor's `to`; a forced kind 0
    // record: toAddress (the queue entry names the recipient's address, §4.1).
    Address address;
    // The transferred/withdrawn value, or the deposit's amount.
    U256 value = 0;

    // Deposits (kind 3).
    bool new_account = false;  // flag bit 4

    // Forced transactions (signed kinds taken from the L1 queue, §4.5). A skipped record changes
    // nothing; its `from`, kind 0's `to` and kind 2's `address` are not read (zeros when honest).
    bool forced = false;   // flag bit 5
    bool skipped = false;  // flag bit 6, only with `forced`

    // The queue entry's timestamp: deposits and forced records.
    std::uint64_t timestamp = 0;

    bool is_signed() const { return kind != RecordKind::deposit; }
    // Takes an entry of the L1 queue (§4.4): a deposit or a forced record, applied or skipped.
    bool is_queue_entry() const { return kind == RecordKind::deposit || forced; }
    // Signed and not skipped: pays TRANSFER_GAS × price to account 0 (§3).
    bool pays_fee() const { return is_signed() && !skipped; }
    U256 effective_gas_limit() const { return gas_limit ? *gas_limit : U256(kTransferGas); }
    friend bool operator==(const Record&, const Record&) = default;
};

// `uvar` and `amount` of §4.1, exposed for tests and the gas report.
void encode_uvar(Bytes& out, const U256& value);
void encode_amount(Bytes& out, const U256& value);
Result<U256> decode_uvar(ByteView data, std::size_t& offset, const char* what);
Result<U256> decode_amount(ByteView data, std::size_t& offset, const char* what);

Bytes encode_record(const Record& record);
void encode_record(Bytes& out, const Record& record);
// One record at `offset`, strictly: unknown kind, bit 7, deposit with tx-type/parity/forced bits,
// skipped without forced, non-canonical uvar/amount and truncation are errors naming the byte
// offset. Advances `offset`.
Result<Record> decode_record(ByteView data, std::size_t& offset);
// A whole records blob (the batch calldata); each record's start offset goes to `offsets` if given.
Result<std::vector<Record>> decode_records(ByteView data, std::vector<std::size_t>* offsets = nullptr);
Bytes encode_records(const std::vector<Record>& records);

// The transaction the record's signature covers (§4.1), as signed bytes: the EIP-155 legacy RLP
// list or 0x02 ‖ RLP for EIP-1559. `to` is the recipient account's address (kind 0), toAddress
// (kind 1) or WITHDRAWAL_ADDRESS (kind 2). A forced kind 0 record names its toAddress itself:
// that is used and `to` ignored. Works for every field width a record can carry.
Bytes record_signing_payload(const Record& record, const Address& to, const Params& params);
Hash record_signing_hash(const Record& record, const Address& to, const Params& params);
// The sender the signature recovers, or an error (high s, r/s out of range, no point).
Result<Address> recover_record_sender(const Record& record, const Address& to, const Params& params);

// The record of a signed L2 transaction (what the sequencer does). `to_index` is the recipient's
// account if it has one (kind 0); without it the record creates one (kind 1); a transaction to
// WITHDRAWAL_ADDRESS becomes a withdrawal to `sender` (kind 2). Refuses what L2 does not carry:
// another chain id, data, an access list, no `to`, pre-EIP-155 or EIP-2930 transactions.
Result<Record> record_from_transaction(const SignedTransaction& signed_tx, std::uint32_t from, const Address& sender,
                                       std::optional<std::uint32_t> to_index, const Params& params);
// The signed transaction a signed record stands for, `to` as in record_signing_payload. Refuses a
// record whose nonce or gas limit exceed 64 bits (core/eth's Transaction cannot hold them).
Result<SignedTransaction> transaction_from_record(const Record& record, const Address& to, const Params& params);

// Rollup.ForcedTransaction (§4.5): a signed L2 transaction queued on L1 by forceTransaction.
struct ForcedTransaction {
    bool eip1559 = false;
    std::uint8_t y_parity = 0;
    Address to;
    U256 nonce = 0, value = 0, gas_price = 0, max_priority_fee_per_gas = 0, max_fee_per_gas = 0, gas_limit = 0;
    Hash r, s;
    friend bool operator==(const ForcedTransaction&, const ForcedTransaction&) = default;
};

// The contract's ForcedTransaction struct as ABI types, in field order: the one declaration of its
// layout (in signatures the tuple is "(" + this + ")"; a static tuple encodes as its fields inline).
inline constexpr std::string_view kForcedTransactionAbiTypes =
    "bool,uint8,address,uint256,uint256,uint256,uint256,uint256,uint256,bytes32,bytes32";
std::vector<AbiValue> forced_abi_values(const ForcedTransaction& tx);
// abi.encode(tx): eleven 32-byte words.
Bytes abi_encode_forced(const ForcedTransaction& tx);
// The inverse, strictly: exactly eleven words, the bool and uint8 words and the address padding as
// abi.encode writes them (an event's data or a stored copy; anything else is an error).
Result<ForcedTransaction> abi_decode_forced(ByteView words);
// forcedHash = keccak(abi.encode(tx)), what the queue word chains (§4.4).
Hash forced_hash(const ForcedTransaction& tx);
// What forceTransaction checks so every entry can be written as a record: yParity <= 1 and the
// fee fields the type does not use are zero.
bool forced_representable(const ForcedTransaction& tx);

// The tuple a forced record stands for (precondition: record.forced): `to` is toAddress (kinds 0
// and 1) or WITHDRAWAL_ADDRESS (kind 2), the fee fields of the other type zero, gas limit 21000
// when the record omits it. The tuple has no chain id, so `params` does not change it.
ForcedTransaction forced_transaction_of(const Record& record, const Params& params);
// The tuple a wallet queues for a signed L2 transaction; refuses what L2 does not carry, as
// record_from_transaction does.
Result<ForcedTransaction> forced_from_transaction(const SignedTransaction& signed_tx, const Params& params);
// The L2 transaction an entry stands for (its usual hash is the L2 transaction hash). Refuses a
// tuple forceTransaction refuses, and a nonce or gas limit beyond 64 bits, as
// transaction_from_record does.
Result<SignedTransaction> transaction_from_forced(const ForcedTransaction& tx, const Params& params);

// The record of a skipped entry (precondition: forced_representable(tx)): kind 2 if `to` is
// WITHDRAWAL_ADDRESS, else kind 1 carrying toAddress; from and l1Recipient zero (§4.1).
Record skipped_record(const ForcedTransaction& tx, std::uint64_t timestamp);
// The record of an applied entry, as record_from_transaction makes it for the same transaction
// (`sender` the signer, `from` its account, `to_index` the recipient's account if it has one),
// with the forced flag and the entry's timestamp; kind 0 also carries toAddress. Refuses a tuple
// forceTransaction refuses.
Result<Record> applied_forced_record(const ForcedTransaction& tx, std::uint64_t timestamp, std::uint32_t from,
                                     const Address& sender, std::optional<std::uint32_t> to_index,
                                     const Params& params);

}  // namespace sluice::rollup
