// SPDX-License-Identifier: MIT
#pragma once
// BIP-32 hierarchical deterministic keys and the BIP-44 Ethereum path m/44'/60'/0'/0/i
// (the same addresses as MetaMask, Ledger Live's "BIP44 standard" and `cast --mnemonic-index`).
//
// An ExtendedKey holds the private key (xprv) or only the public key (xpub). Its chain code is
// treated as a secret too (with a child private key it reveals the parent), and is wiped.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/secure.hpp"
#include "core/crypto/secp256k1.hpp"

namespace sluice {

inline constexpr std::uint32_t kBip32Hardened = 0x80000000u;

struct ExtendedKey {
    std::uint8_t depth = 0;
    FixedBytes<4> parent_fingerprint;  // zero for the master key
    std::uint32_t child_number = 0;    // >= kBip32Hardened for hardened children
    Hash chain_code;
    std::optional<PrivateKey> private_key;  // absent for a public (neutered) key
    PublicKey public_key;                   // always set

    ExtendedKey() = default;
    ExtendedKey(const ExtendedKey&) = default;
    ExtendedKey(ExtendedKey&&) = default;
    ExtendedKey& operator=(const ExtendedKey&) = default;
    ExtendedKey& operator=(ExtendedKey&&) = default;
    ~ExtendedKey() { secure_wipe(chain_code.data(), chain_code.size()); }

    bool is_private() const { return private_key.has_value(); }
    // First 4 bytes of HASH160(compressed public key): the parent_fingerprint of its children.
    FixedBytes<4> fingerprint() const;
};

// The master key of a BIP-32 seed (16..64 bytes; BIP-39 seeds are 64).
Result<ExtendedKey> master_key_from_seed(ByteView seed);

// Child `index` (hardened when index >= kBip32Hardened). A public parent can derive only normal
// children. Fails (with a message saying so) in the ~2^-127 case of an invalid child.
Result<ExtendedKey> derive_child(const ExtendedKey& parent, std::uint32_t index);

// The same key without its private part (xprv -> xpub).
ExtendedKey neuter(const ExtendedKey& key);

// "m/44'/60'/0'/0/3": "m" first, then indices < 2^31, each optionally hardened by ', h or H.
// Also accepts "m" alone (no components) and a trailing "/".  Returns the child numbers.
Result<std::vector<std::uint32_t>> parse_derivation_path(std::string_view path);
Result<ExtendedKey> derive_path(const ExtendedKey& root, std::string_view path);

// Base58Check text ("xprv..." / "xpub...", mainnet version bytes 0488ADE4 / 0488B21E).
// The xprv text is a secret, so it comes back in SecureBytes.
SecureBytes to_xprv(const ExtendedKey& key);  // empty for a public key
std::string to_xpub(const ExtendedKey& key);
// Parses either form, rejecting everything BIP-32 test vector 5 lists, with the reason
// (bad checksum, unknown version, version/key mismatch, bad key prefix, key out of range,
// point not on the curve, zero depth with non-zero fingerprint or index).
Result<ExtendedKey> parse_extended_key(std::string_view text);

// Bitcoin's Base58 and Base58Check (4-byte double-SHA-256 checksum).
std::string base58_encode(ByteView data);
Result<Bytes> base58_decode(std::string_view text);
std::string base58check_encode(ByteView payload);
Result<Bytes> base58check_decode(std::string_view text);

// "m/44'/60'/0'/0/<index>".
std::string bip44_ethereum_path(std::uint32_t index);
// The private key at bip44_ethereum_path(index) of a BIP-39 seed.
Result<PrivateKey> derive_ethereum_key(ByteView seed, std::uint32_t index);

}  // namespace sluice
