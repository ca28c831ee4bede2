// SPDX-License-Identifier: MIT
// Signing and verifying states and cooperative closes: the round trip, and every signature the
// contract refuses (third party, another channel, chain or contract, another type, malformed).
#include <gtest/gtest.h>

#include "channel_fixture.hpp"
#include "core/channels/typed_data.hpp"

namespace sluice::channels {
namespace {

using namespace sluice::channels::test;

const U256 kCurveOrder = *u256_from_hex("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

class Signatures : public ::testing::Test {
protected:
    void SetUp() override {
        channel = vector_channel();
        state.channel_id = channel.id;
        state.nonce = 42;
        state.deposit_a = 3 * kEther;
        state.deposit_b = kEther;
        state.balance_a = 2 * kEther;
        state.balance_b = 2 * kEther;
    }

    Channel channel;
    State state;
};

TEST_F(Signatures, RoundTripThroughAnAccountSigner) {
    for (const PrivateKey& key : {key_a(), key_b(), *PrivateKey::generate()}) {
        const AccountSigner signer = AccountSigner::from_key(key);
        auto sig = sign_state(channel.domain, state, signer);
        ASSERT_TRUE(sig.ok()) << sig.message();
        EXPECT_TRUE((*sig)[64] == 27 || (*sig)[64] == 28);
        EXPECT_EQ(verify_state_signature(channel.domain, state, *sig, signer.address), SignatureError::None);
        EXPECT_EQ(recover_signer(state_digest(channel.domain, state), *sig), signer.address);
        // Low s, always (libsecp256k1 normalises).
        EXPECT_LE(*u256_from_be(ByteView(*sig).subspan(32, 32)), kCurveOrder / 2);
    }
    const Signature sig_a = *sign_state(channel.domain, state, AccountSigner::from_key(key_a()));
    const Signature sig_b = *sign_state(channel.domain, state, AccountSigner::from_key(key_b()));
    EXPECT_TRUE(verify_cosigned(channel, state, sig_a, sig_b).ok());
}

TEST_F(Signatures, ThirdPartyAndSwappedSignaturesAreRefused) {
    const Signature sig_a = sign_digest(state_digest(channel.domain, state), key_a());
    const Signature sig_b = sign_digest(state_digest(channel.domain, state), key_b());
    const Signature sig_c = sign_digest(state_digest(channel.domain, state), key_c());
    EXPECT_EQ(verify_state_signature(channel.domain, state, sig_c, channel.a), SignatureError::WrongSigner);
    EXPECT_EQ(verify_state_signature(channel.domain, state, sig_c, channel.b), SignatureError::WrongSigner);

    auto check = verify_cosigned(channel, state, sig_c, sig_b);
    EXPECT_FALSE(check.ok());
    EXPECT_EQ(check.error, SignatureError::WrongSigner);
    EXPECT_EQ(check.failed, Participant::A);
    check = verify_cosigned(channel, state, sig_a, sig_c);
    EXPECT_EQ(check.error, SignatureError::WrongSigner);
    EXPECT_EQ(check.failed, Participant::B);
    check = verify_cosigned(channel, state, sig_b, sig_a);  // swapped
    EXPECT_EQ(check.error, SignatureError::WrongSigner);
    EXPECT_EQ(check.failed, Participant::A);
    // The same state, named as another channel's: refused before the signatures.
    Channel other_channel = channel;
    other_channel.id = channel_id(channel.domain, channel.a, channel.b, 1);
    check = verify_cosigned(other_channel, state, sig_a, sig_b);
    EXPECT_TRUE(check.wrong_channel);
    EXPECT_FALSE(check.ok());
}

TEST_F(Signatures, NoReplayOnAnotherChannelChainContractOrType) {
    const Signature sig = sign_digest(state_digest(channel.domain, state), key_a());
    ASSERT_EQ(verify_state_signature(channel.domain, state, sig, channel.a), SignatureError::None);

    State other_channel = state;  // the next channel between the same pair
    other_channel.channel_id = channel_id(channel.domain, channel.a, channel.b, 1);
    EXPECT_EQ(verify_state_signature(channel.domain, other_channel, sig, channel.a), SignatureError::WrongSigner);

    Domain other_chain = channel.domain;
    other_chain.chain_id = 1;
    EXPECT_EQ(verify_state_signature(other_chain, state, sig, channel.a), SignatureError::WrongSigner);

    Domain other_contract = channel.domain;
    other_contract.verifying_contract[19] ^= 1;
    EXPECT_EQ(verify_state_signature(other_contract, state, sig, channel.a), SignatureError::WrongSigner);

    State other_nonce = state;
    other_nonce.nonce += 1;
    EXPECT_EQ(verify_state_signature(channel.domain, other_nonce, sig, channel.a), SignatureError::WrongSigner);

    // A lock-free State signature is no CooperativeClose signature of the same split, and back.
    const CooperativeClose close = *cooperative_close_of(state);
    EXPECT_EQ(verify_cooperative_close_signature(channel.domain, close, sig, channel.a), SignatureError::WrongSigner);
    const Signature close_sig = *sign_cooperative_close(channel.domain, close, AccountSigner::from_key(key_a()));
    EXPECT_EQ(verify_cooperative_close_signature(channel.domain, close, close_sig, channel.a), SignatureError::None);
    EXPECT_EQ(verify_state_signature(channel.domain, state, close_sig, channel.a), SignatureError::WrongSigner);
}

TEST_F(Signatures, MalformedSignaturesAreRefused) {
    const Hash digest = state_digest(channel.domain, state);
    const Signature good = sign_digest(digest, key_a());
    const Bytes raw(good.begin(), good.end());

    // EIP-2098 compact (64 bytes), trailing junk, nothing.
    EXPECT_EQ(verify_signature(digest, ByteView(raw).first(64), channel.a), SignatureError::WrongLength);
    Bytes longer = raw;
    longer.push_back(0);
    EXPECT_EQ(verify_signature(digest, longer, channel.a), SignatureError::WrongLength);
    EXPECT_EQ(verify_signature(digest, Bytes{}, channel.a), SignatureError::WrongLength);
    EXPECT_FALSE(recover_signer(digest, ByteView(raw).first(64)).has_value());

    // v must be 27 or 28 (not 0/1, not EIP-155 style).
    for (const std::uint8_t v : {0, 1, 26, 29, 37}) {
        Bytes bad = raw;
        bad[64] = v;
        EXPECT_EQ(verify_signature(digest, bad, channel.a), SignatureError::BadV) << int(v);
        EXPECT_FALSE(recover_signer(digest, bad).has_value());
    }

    // The high-s twin (n - s, the other v) recovers the same key under plain ecrecover rules;
    // the contract and this code refuse it (EIP-2).
    Bytes twin = raw;
    const U256 s = *u256_from_be(ByteView(raw).subspan(32, 32));
    const Hash high = u256_to_be32(kCurveOrder - s);
    std::copy(high.begin(), high.end(), twin.begin() + 32);
    twin[64] = raw[64] == 27 ? 28 : 27;
    EXPECT_EQ(verify_signature(digest, twin, channel.a), SignatureError::HighS);
    EXPECT_FALSE(recover_signer(digest, twin).has_value());

    // r = 0 and r = n recover nothing (ecrecover gives address(0)).
    Bytes zero_r = raw;
    std::fill(zero_r.begin(), zero_r.begin() + 32, 0);
    EXPECT_EQ(verify_signature(digest, zero_r, channel.a), SignatureError::NoSigner);
    Bytes n_r = raw;
    const Hash n = u256_to_be32(kCurveOrder);
    std::copy(n.begin(), n.end(), n_r.begin());
    EXPECT_EQ(verify_signature(digest, n_r, channel.a), SignatureError::NoSigner);

    // Nobody signs for the zero address, not even a signature that recovers nothing.
    EXPECT_EQ(verify_signature(digest, zero_r, Address{}), SignatureError::ZeroSigner);
    EXPECT_EQ(verify_signature(digest, good, Address{}), SignatureError::ZeroSigner);

    for (const SignatureError e :
         {SignatureError::None, SignatureError::WrongLength, SignatureError::BadV, SignatureError::HighS,
          SignatureError::NoSigner, SignatureError::WrongSigner, SignatureError::ZeroSigner})
        EXPECT_FALSE(describe(e).empty());
}

TEST_F(Signatures, AMisbehavingSignerIsCaught) {
    // A signer that answers with its key's high-s twin, or with another key's signature.
    AccountSigner high_s;
    high_s.address = channel.a;
    high_s.sign = [](const Hash& digest) -> Result<RecoverableSignature> {
        RecoverableSignature sig = sign_hash(digest, key_a());
        sig.s = u256_to_be32(kCurveOrder - *u256_from_be(sig.s));
        sig.recovery_id ^= 1;
        return sig;
    };
    auto sig = sign_state(channel.domain, state, high_s);
    ASSERT_FALSE(sig.ok());
    EXPECT_NE(sig.message().find("above n/2"), std::string::npos) << sig.message();

    AccountSigner impostor = AccountSigner::from_key(key_c());
    impostor.address = channel.a;
    EXPECT_FALSE(sign_state(channel.domain, state, impostor).ok());

    AccountSigner failing;
    failing.address = channel.a;
    failing.sign = [](const Hash&) -> Result<RecoverableSignature> { return make_error("device locked"); };
    auto refused = sign_state(channel.domain, state, failing);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.message(), "device locked");
    EXPECT_FALSE(sign_state(channel.domain, state, AccountSigner{}).ok());
}

}  // namespace
}  // namespace sluice::channels
