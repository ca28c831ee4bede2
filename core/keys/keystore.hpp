// SPDX-License-Identifier: MIT
#pragma once
// Web3 Secret Storage v3 keystores (geth, cast, MetaMask import): scrypt or PBKDF2-HMAC-SHA256
// derives 32 bytes from the password; AES-128-CTR with the first 16 encrypts the secret; the MAC
// is keccak256(derived[16..32] || ciphertext).
//
// encrypt_secret/decrypt_secret work on the `crypto` object for a secret of any length (the
// wallet store uses them for mnemonics); encrypt_keystore/decrypt_keystore wrap them into the
// standard file for one private key.
//
// Scrypt with n = 2^18 takes about 0.5-1 s and 256 MiB: never call these on the GUI thread.

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/secure.hpp"
#include "core/crypto/secp256k1.hpp"

namespace sluice {

struct KdfParams {
    enum class Kind { scrypt, pbkdf2 };
    Kind kind = Kind::scrypt;
    // scrypt (geth's "standard" parameters by default)
    std::uint64_t n = 262144;  // 2^18, a power of two > 1
    std::uint32_t r = 8;
    std::uint32_t p = 1;
    // pbkdf2 (prf hmac-sha256)
    std::uint32_t c = 262144;
    std::uint32_t dklen = 32;  // >= 32

    static KdfParams scrypt(std::uint64_t n = 262144, std::uint32_t r = 8, std::uint32_t p = 1) {
        KdfParams k;
        k.kind = Kind::scrypt;
        k.n = n;
        k.r = r;
        k.p = p;
        return k;
    }
    static KdfParams pbkdf2(std::uint32_t c = 262144) {
        KdfParams k;
        k.kind = Kind::pbkdf2;
        k.c = c;
        return k;
    }
    // geth's "light" scrypt (n = 2^12, p = 6): for tests and throw-away keys only.
    static KdfParams scrypt_light() { return scrypt(4096, 8, 6); }
};

// The KDF step alone: `kdf.dklen` bytes from the password and salt (for tests of the spec's
// intermediate values and for benchmarks). Fails with "unsupported scrypt parameters ..." for
// parameters OpenSSL refuses.
Result<SecureBytes> derive_keystore_key(std::string_view password, ByteView salt, const KdfParams& kdf);

// The `crypto` object: {cipher, cipherparams{iv}, ciphertext, kdf, kdfparams{..., salt}, mac}.
// Fresh random salt (32 bytes) and iv (16 bytes) on every call.
Result<nlohmann::json> encrypt_secret(ByteView secret, std::string_view password, const KdfParams& kdf);
// Errors: malformed object ("the keystore is malformed: ..."), unsupported kdf/cipher/prf,
// "unsupported scrypt parameters ..." (parameters OpenSSL refuses, e.g. n=2^18 with r=1), and
// "wrong password (the keystore's MAC does not match)".
Result<SecureBytes> decrypt_secret(const nlohmann::json& crypto, std::string_view password);

// A complete v3 keystore: {"address": lower-case hex without 0x, "crypto": {...},
// "id": random UUID v4, "version": 3}, serialised as compact JSON.
Result<std::string> encrypt_keystore(const PrivateKey& key, std::string_view password, const KdfParams& kdf);
// Also accepts the "Crypto" spelling some older tools write. If the file has an address, it must
// match the decrypted key.
Result<PrivateKey> decrypt_keystore(std::string_view json, std::string_view password);

// The address a keystore file claims (without decrypting), e.g. to list files; fails if absent.
Result<Address> keystore_address(std::string_view json);

}  // namespace sluice
