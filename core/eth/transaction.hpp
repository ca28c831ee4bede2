// SPDX-License-Identifier: MIT
#pragma once
// Ethereum transactions: legacy (EIP-155 replay-protected, and pre-EIP-155 v = 27/28 for
// decoding), EIP-2930 type 1 (decoding and signing) and EIP-1559 type 2, in the EIP-2718 envelope.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/crypto/secp256k1.hpp"

namespace sluice {

enum class TxType : std::uint8_t { legacy = 0, access_list = 1, eip1559 = 2 };

struct AccessListEntry {
    Address address;
    std::vector<Hash> storage_keys;
    friend bool operator==(const AccessListEntry&, const AccessListEntry&) = default;
};

struct Transaction {
    TxType type = TxType::eip1559;
    // For legacy transactions 0 means "no replay protection" (pre-EIP-155, v = 27/28). Decoding
    // old transactions produces it; anything the wallet signs should carry its real chain id.
    U256 chain_id = 1;
    std::uint64_t nonce = 0;
    U256 gas_price = 0;                 // legacy and type 1
    U256 max_priority_fee_per_gas = 0;  // type 2
    U256 max_fee_per_gas = 0;           // type 2
    std::uint64_t gas_limit = 0;
    std::optional<Address> to;  // nullopt: contract creation
    U256 value = 0;
    Bytes data;
    std::vector<AccessListEntry> access_list;  // types 1 and 2; empty for what the wallet signs

    friend bool operator==(const Transaction&, const Transaction&) = default;
};

struct SignedTransaction {
    Transaction tx;
    RecoverableSignature signature;  // recovery_id is the y parity

    // The v actually encoded: y parity for typed transactions, 35 + 2*chain_id + parity for
    // EIP-155, 27 + parity for pre-EIP-155 legacy.
    U256 v() const;
};

// The RLP of the unsigned fields (with the type byte in front for typed transactions).
Bytes signing_payload(const Transaction& tx);
// keccak256(signing_payload(tx)): what the sender signs.
Hash signing_hash(const Transaction& tx);
SignedTransaction sign_transaction(const Transaction& tx, const PrivateKey& key);

// Raw transaction bytes as sent with eth_sendRawTransaction: plain RLP for legacy, the EIP-2718
// envelope (type byte || RLP) for typed transactions.
Bytes encode_signed(const SignedTransaction& signed_tx);
// Accepts exactly what encode_signed produces for any valid transaction: canonical RLP, nonce and
// gas limit below 2^64, fee and value fields at most 32 bytes, `to` empty or 20 bytes, r and s in
// [1, n-1], s <= n/2, legacy v in {27, 28} or >= 37, typed y parity 0 or 1.
Result<SignedTransaction> decode_signed_transaction(ByteView raw);
// keccak256(encode_signed(signed_tx)): the transaction hash.
Hash transaction_hash(const SignedTransaction& signed_tx);
Result<Address> recover_sender(const SignedTransaction& signed_tx);

// The gas the protocol charges before execution (Shanghai/Cancun rules: 21000, +32000 for
// creation, 4 per zero and 16 per non-zero data byte, 2 per initcode word, access list costs).
std::uint64_t intrinsic_gas(const Transaction& tx);
// Checks what a node would refuse without executing: gas limit below intrinsic gas, initcode over
// 49152 bytes (EIP-3860), max_priority_fee_per_gas above max_fee_per_gas, and fee * gas_limit
// overflowing 256 bits.
Status validate_intrinsic(const Transaction& tx);

}  // namespace sluice
