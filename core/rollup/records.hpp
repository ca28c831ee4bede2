// SPDX-License-Identifier: MIT
#pragma once
// Records, the compact batch encoding of L2 transactions and deposits (docs/PROTOCOL.md §4.1),
// and the conversions between a record and the signed Ethereum transaction it stands for.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/params.hpp"

namespace sluice::rollup {

enum class RecordKind : std::uint8_t { transfer = 0, new_account_transfer = 1, withdrawal = 2, deposit = 3 };

struct Record {
    RecordKind kind = RecordKind::transfer;

    // Signed kinds (0, 1, 2).
    bool eip1559 = false;        // flag bit 2
    std::uint8_t y_parity = 0;   // flag bit 3
    std::uint32_t from = 0;
    U256 nonce = 0;              // a uvar on the wire: up to 32 bytes, compared with the 8-byte account nonce
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
    // kind 1: toAddress; kind 2: the L1 recipient; kind 3: the depositor's `to`.
    Address address;
    // The transferred/withdrawn value, or the deposit's amount.
    U256 value = 0;

    // Deposits (kind 3).
    bool new_account = false;    // flag bit 4
    std::uint64_t timestamp = 0;

    bool is_signed() const { return kind != RecordKind::deposit; }
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
// One record at `offset`, strictly: unknown kind, reserved bits, deposit with tx-type/parity bits,
// non-canonical uvar/amount and truncation are errors naming the byte offset. Advances `offset`.
Result<Record> decode_record(ByteView data, std::size_t& offset);
// A whole records blob (the batch calldata); each record's start offset goes to `offsets` if given.
Result<std::vector<Record>> decode_records(ByteView data, std::vector<std::size_t>* offsets = nullptr);
Bytes encode_records(const std::vector<Record>& records);

// The transaction the record's signature covers (§4.1), as signed bytes: the EIP-155 legacy RLP
// list or 0x02 ‖ RLP for EIP-1559. `to` is the recipient account's address (kind 0), toAddress
// (kind 1) or WITHDRAWAL_ADDRESS (kind 2). Works for every field width a record can carry.
Bytes record_signing_payload(const Record& record, const Address& to, const Params& params);
Hash record_signing_hash(const Record& record, const Address& to, const Params& params);
// The sender the signature recovers, or an error (high s, r/s out of range, no point).
Result<Address> recover_record_sender(const Record& record, const Address& to, const Params& params);

// The record of a signed L2 transaction (what the sequencer does). `to_index` is the recipient's
// account if it has one (kind 0); without it the record creates one (kind 1); a transaction to
// WITHDRAWAL_ADDRESS becomes a withdrawal to `sender` (kind 2). Refuses what L2 does not carry:
// another chain id, data, an access list, no `to`, pre-EIP-155 or EIP-2930 transactions.
Result<Record> record_from_transaction(const SignedTransaction& signed_tx, std::uint32_t from,
                                       const Address& sender, std::optional<std::uint32_t> to_index,
                                       const Params& params);
// The signed transaction a signed record stands for, `to` as in record_signing_payload. Refuses a
// record whose nonce or gas limit exceed 64 bits (core/eth's Transaction cannot hold them).
Result<SignedTransaction> transaction_from_record(const Record& record, const Address& to, const Params& params);

}  // namespace sluice::rollup
