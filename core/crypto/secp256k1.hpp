// SPDX-License-Identifier: MIT
#pragma once
// secp256k1 through libsecp256k1, used the way its own examples use it: one randomised context,
// every return value checked, secret keys held in SecureBytes. Signatures are RFC 6979
// deterministic with low s (what Ethereum requires since Homestead).

#include <cstdint>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/secure.hpp"

namespace sluice {

// 32 secret bytes, valid as a secp256k1 scalar (0 < k < n). Wiped when destroyed.
class PrivateKey {
public:
    static Result<PrivateKey> from_bytes(ByteView bytes);
    static Result<PrivateKey> from_hex(std::string_view text);  // 0x optional, 64 hex digits
    static Result<PrivateKey> generate();

    ByteView bytes() const { return m_secret.view(); }
    // The 0x-prefixed hex; a secret: only for explicit export, never for logs.
    SecureBytes to_hex() const;

private:
    explicit PrivateKey(SecureBytes secret) : m_secret(std::move(secret)) {}
    SecureBytes m_secret;
};

// An uncompressed public key: the 64 bytes X || Y, without the 0x04 prefix.
struct PublicKey {
    FixedBytes<64> xy;

    static Result<PublicKey> parse(ByteView serialized);  // 33 (compressed) or 65 (0x04...) bytes
    FixedBytes<33> compressed() const;
    Address address() const;  // keccak256(X || Y)[12..32]
    friend bool operator==(const PublicKey&, const PublicKey&) = default;
};

struct RecoverableSignature {
    Hash r;
    Hash s;
    std::uint8_t recovery_id = 0;  // 0 or 1: the parity of R.y (2, 3 never occur in practice)

    // r || s || (27 + recovery_id), as eth_sign and EIP-712 signatures are written.
    FixedBytes<65> to_rsv() const;
    static Result<RecoverableSignature> from_rsv(ByteView rsv);  // v is 27/28 or 0/1
};

PublicKey public_key_of(const PrivateKey& key);
RecoverableSignature sign_hash(const Hash& digest, const PrivateKey& key);
// Rejects s > n/2 (EIP-2) and r, s outside [1, n-1].
Result<PublicKey> recover_public_key(const Hash& digest, const RecoverableSignature& signature);
bool verify_signature(const Hash& digest, const Hash& r, const Hash& s, const PublicKey& key);

// BIP-32 child derivation steps: key + tweak (mod n) and point + tweak·G.
Result<PrivateKey> private_key_tweak_add(const PrivateKey& key, const Hash& tweak);
Result<PublicKey> public_key_tweak_add(const PublicKey& key, const Hash& tweak);

}  // namespace sluice
