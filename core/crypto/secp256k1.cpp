// SPDX-License-Identifier: MIT
#include "core/crypto/secp256k1.hpp"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <array>
#include <cstring>
#include <stdexcept>

#include "core/crypto/keccak.hpp"

namespace sluice {

namespace {

// One context for the whole process, randomised once against side channels. libsecp256k1
// allows concurrent use of a context that is no longer being modified.
class Context {
public:
    Context() : m_ctx(secp256k1_context_create(SECP256K1_CONTEXT_NONE)) {
        if (m_ctx == nullptr) throw std::runtime_error("secp256k1_context_create failed");
        std::array<std::uint8_t, 32> seed{};
        if (!random_bytes(seed.data(), seed.size()) || secp256k1_context_randomize(m_ctx, seed.data()) != 1)
            throw std::runtime_error("secp256k1_context_randomize failed");
        secure_wipe(seed.data(), seed.size());
    }
    ~Context() { secp256k1_context_destroy(m_ctx); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    const secp256k1_context* get() const { return m_ctx; }

private:
    secp256k1_context* m_ctx;
};

const secp256k1_context* ctx() {
    static const Context context;
    return context.get();
}

PublicKey from_native(const secp256k1_pubkey& native) {
    std::array<std::uint8_t, 65> out{};
    std::size_t len = out.size();
    secp256k1_ec_pubkey_serialize(ctx(), out.data(), &len, &native, SECP256K1_EC_UNCOMPRESSED);
    PublicKey key;
    std::memcpy(key.xy.data(), out.data() + 1, 64);
    return key;
}

bool to_native(const PublicKey& key, secp256k1_pubkey& native) {
    std::array<std::uint8_t, 65> raw{};
    raw[0] = 0x04;
    std::memcpy(raw.data() + 1, key.xy.data(), 64);
    return secp256k1_ec_pubkey_parse(ctx(), &native, raw.data(), raw.size()) == 1;
}

}  // namespace

Result<PrivateKey> PrivateKey::from_bytes(ByteView bytes) {
    if (bytes.size() != 32) return make_error("a private key is 32 bytes");
    if (secp256k1_ec_seckey_verify(ctx(), bytes.data()) != 1)
        return make_error("not a valid secp256k1 private key (zero or not below the group order)");
    return PrivateKey(SecureBytes(bytes));
}

Result<PrivateKey> PrivateKey::from_hex(std::string_view text) {
    auto raw = sluice::from_hex(text);
    if (!raw) return make_error("a private key must be 64 hexadecimal digits");
    SecureBytes secret(*raw);
    secure_wipe(raw->data(), raw->size());
    if (secret.size() != 32) return make_error("a private key must be 64 hexadecimal digits");
    return from_bytes(secret.view());
}

Result<PrivateKey> PrivateKey::generate() {
    SecureBytes secret(32);
    do {
        if (auto status = random_bytes(secret.data(), secret.size()); !status) return status.error();
    } while (secp256k1_ec_seckey_verify(ctx(), secret.data()) != 1);
    return PrivateKey(std::move(secret));
}

SecureBytes PrivateKey::to_hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    SecureBytes out(2 + 64);
    out[0] = '0';
    out[1] = 'x';
    for (std::size_t i = 0; i < 32; ++i) {
        out[2 + 2 * i] = static_cast<std::uint8_t>(kDigits[m_secret[i] >> 4]);
        out[3 + 2 * i] = static_cast<std::uint8_t>(kDigits[m_secret[i] & 0x0f]);
    }
    return out;
}

Result<PublicKey> PublicKey::parse(ByteView serialized) {
    secp256k1_pubkey native;
    if (secp256k1_ec_pubkey_parse(ctx(), &native, serialized.data(), serialized.size()) != 1)
        return make_error("not a valid secp256k1 public key");
    return from_native(native);
}

FixedBytes<33> PublicKey::compressed() const {
    secp256k1_pubkey native;
    FixedBytes<33> out;
    if (!to_native(*this, native)) return out;  // only a default-constructed key fails here
    std::size_t len = out.size();
    secp256k1_ec_pubkey_serialize(ctx(), out.data(), &len, &native, SECP256K1_EC_COMPRESSED);
    return out;
}

Address PublicKey::address() const {
    const Hash digest = keccak256(xy);
    Address out;
    std::memcpy(out.data(), digest.data() + 12, 20);
    return out;
}

FixedBytes<65> RecoverableSignature::to_rsv() const {
    FixedBytes<65> out;
    std::memcpy(out.data(), r.data(), 32);
    std::memcpy(out.data() + 32, s.data(), 32);
    out[64] = static_cast<std::uint8_t>(27 + recovery_id);
    return out;
}

Result<RecoverableSignature> RecoverableSignature::from_rsv(ByteView rsv) {
    if (rsv.size() != 65) return make_error("a signature is 65 bytes (r, s, v)");
    RecoverableSignature sig;
    std::memcpy(sig.r.data(), rsv.data(), 32);
    std::memcpy(sig.s.data(), rsv.data() + 32, 32);
    const std::uint8_t v = rsv[64];
    if (v == 27 || v == 28)
        sig.recovery_id = static_cast<std::uint8_t>(v - 27);
    else if (v == 0 || v == 1)
        sig.recovery_id = v;
    else
        return make_error("signature v must be 27, 28, 0 or 1");
    return sig;
}

PublicKey public_key_of(const PrivateKey& key) {
    secp256k1_pubkey native;
    // Cannot fail: PrivateKey only holds verified scalars.
    [[maybe_unused]] const int ok = secp256k1_ec_pubkey_create(ctx(), &native, key.bytes().data());
    return from_native(native);
}

RecoverableSignature sign_hash(const Hash& digest, const PrivateKey& key) {
    secp256k1_ecdsa_recoverable_signature native;
    // The default nonce function is RFC 6979; the result is normalised to low s.
    [[maybe_unused]] const int ok =
        secp256k1_ecdsa_sign_recoverable(ctx(), &native, digest.data(), key.bytes().data(), nullptr, nullptr);
    std::array<std::uint8_t, 64> compact{};
    int recid = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx(), compact.data(), &recid, &native);
    RecoverableSignature sig;
    std::memcpy(sig.r.data(), compact.data(), 32);
    std::memcpy(sig.s.data(), compact.data() + 32, 32);
    sig.recovery_id = static_cast<std::uint8_t>(recid);
    return sig;
}

Result<PublicKey> recover_public_key(const Hash& digest, const RecoverableSignature& signature) {
    if (signature.recovery_id > 3) return make_error("invalid signature recovery id");
    std::array<std::uint8_t, 64> compact{};
    std::memcpy(compact.data(), signature.r.data(), 32);
    std::memcpy(compact.data() + 32, signature.s.data(), 32);
    secp256k1_ecdsa_recoverable_signature native;
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(ctx(), &native, compact.data(), signature.recovery_id) != 1)
        return make_error("invalid signature: r or s out of range");
    if (signature.r.is_zero() || signature.s.is_zero()) return make_error("invalid signature: r or s is zero");
    // EIP-2: s must be in the lower half of the order.
    secp256k1_ecdsa_signature plain;
    secp256k1_ecdsa_recoverable_signature_convert(ctx(), &plain, &native);
    if (secp256k1_ecdsa_signature_normalize(ctx(), nullptr, &plain) == 1)
        return make_error("invalid signature: s is in the upper half of the curve order");
    secp256k1_pubkey recovered;
    if (secp256k1_ecdsa_recover(ctx(), &recovered, &native, digest.data()) != 1)
        return make_error("invalid signature: no public key recovers from it");
    return from_native(recovered);
}

bool verify_signature(const Hash& digest, const Hash& r, const Hash& s, const PublicKey& key) {
    std::array<std::uint8_t, 64> compact{};
    std::memcpy(compact.data(), r.data(), 32);
    std::memcpy(compact.data() + 32, s.data(), 32);
    secp256k1_ecdsa_signature sig;
    secp256k1_pubkey native;
    if (secp256k1_ecdsa_signature_parse_compact(ctx(), &sig, compact.data()) != 1) return false;
    if (!to_native(key, native)) return false;
    return secp256k1_ecdsa_verify(ctx(), &sig, digest.data(), &native) == 1;
}

Result<PrivateKey> private_key_tweak_add(const PrivateKey& key, const Hash& tweak) {
    SecureBytes out(key.bytes());
    if (secp256k1_ec_seckey_tweak_add(ctx(), out.data(), tweak.data()) != 1)
        return make_error("key derivation produced an invalid key");
    return PrivateKey::from_bytes(out.view());
}

Result<PublicKey> public_key_tweak_add(const PublicKey& key, const Hash& tweak) {
    secp256k1_pubkey native;
    if (!to_native(key, native)) return make_error("not a valid secp256k1 public key");
    if (secp256k1_ec_pubkey_tweak_add(ctx(), &native, tweak.data()) != 1)
        return make_error("key derivation produced an invalid key");
    return from_native(native);
}

}  // namespace sluice
