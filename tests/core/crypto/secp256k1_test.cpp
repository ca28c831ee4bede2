// SPDX-License-Identifier: MIT
#include "core/crypto/secp256k1.hpp"

#include <gtest/gtest.h>

#include "core/common/uint256.hpp"
#include "core/crypto/keccak.hpp"
#include "vectors.hpp"

namespace sluice {
namespace {

TEST(Secp256k1, Eip155ExampleSignatureIsRfc6979) {
    // EIP-155's example: private key 0x4646..46 signs the given signing hash deterministically.
    const auto doc = test::read_vector_json("eip155/example.json");
    auto key = PrivateKey::from_hex("4646464646464646464646464646464646464646464646464646464646464646");
    ASSERT_TRUE(key.ok()) << key.message();
    const auto digest = Hash::from_hex(doc["signing_hash"].get<std::string>());
    ASSERT_TRUE(digest.has_value());
    const auto sig = sign_hash(*digest, *key);
    EXPECT_EQ(sig.r.hex(), doc["computed_not_in_source"]["r_hex"].get<std::string>());
    EXPECT_EQ(sig.s.hex(), doc["computed_not_in_source"]["s_hex"].get<std::string>());
    EXPECT_EQ(37, 35 + 2 * 1 + sig.recovery_id);  // v = 37 for chain id 1
}

TEST(Secp256k1, SignRecoverVerifyRoundTrip) {
    for (int i = 0; i < 20; ++i) {
        auto key = PrivateKey::generate();
        ASSERT_TRUE(key.ok());
        const auto pub = public_key_of(*key);
        const Hash digest = keccak256(as_bytes("message " + std::to_string(i)));
        const auto sig = sign_hash(digest, *key);
        auto recovered = recover_public_key(digest, sig);
        ASSERT_TRUE(recovered.ok()) << recovered.message();
        EXPECT_EQ(*recovered, pub);
        EXPECT_TRUE(verify_signature(digest, sig.r, sig.s, pub));
        Hash other = digest;
        other[0] ^= 1;
        EXPECT_FALSE(verify_signature(other, sig.r, sig.s, pub));
        auto wrong = recover_public_key(other, sig);
        EXPECT_TRUE(!wrong.ok() || !(*wrong == pub));
    }
}

TEST(Secp256k1, KnownAddressOfPrivateKeyOne) {
    // Private key 1 is the generator point; its address is well known.
    auto key = PrivateKey::from_hex("0000000000000000000000000000000000000000000000000000000000000001");
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(public_key_of(*key).address().hex(), "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
}

TEST(Secp256k1, RejectsInvalidKeysAndHighS) {
    EXPECT_FALSE(PrivateKey::from_hex(std::string(64, '0')).ok());
    EXPECT_FALSE(PrivateKey::from_hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141").ok());  // n
    EXPECT_FALSE(PrivateKey::from_hex("0x12").ok());
    EXPECT_FALSE(PrivateKey::from_hex("zz").ok());

    auto key = PrivateKey::generate();
    ASSERT_TRUE(key.ok());
    const Hash digest = keccak256(as_bytes("high s"));
    auto sig = sign_hash(digest, *key);
    // s' = n - s is an equally valid ECDSA signature that EIP-2 forbids.
    const U256 n("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    sig.s = u256_to_be32(n - *u256_from_be(sig.s));
    sig.recovery_id ^= 1;
    auto recovered = recover_public_key(digest, sig);
    ASSERT_FALSE(recovered.ok());
    EXPECT_NE(recovered.message().find("upper half"), std::string::npos);
}

TEST(Secp256k1, RsvRoundTripAndSecretHex) {
    auto key = PrivateKey::from_hex("0x4646464646464646464646464646464646464646464646464646464646464646");
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(key->to_hex().as_string(), "0x4646464646464646464646464646464646464646464646464646464646464646");
    const auto sig = sign_hash(keccak256(as_bytes("x")), *key);
    auto parsed = RecoverableSignature::from_rsv(sig.to_rsv());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->r, sig.r);
    EXPECT_EQ(parsed->s, sig.s);
    EXPECT_EQ(parsed->recovery_id, sig.recovery_id);
    EXPECT_FALSE(RecoverableSignature::from_rsv(Bytes(64)).ok());
}

}  // namespace
}  // namespace sluice
