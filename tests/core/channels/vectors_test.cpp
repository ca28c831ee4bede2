// SPDX-License-Identifier: MIT
// The known answers of docs/CHANNELS.md §11 (tests/vectors/channels.json), the same hashes through
// core/eth's general EIP-712 encoder, and a freshly drawn random state against cast.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <random>

#include "../eth/peer.hpp"
#include "channel_fixture.hpp"
#include "core/channels/lock_tree.hpp"
#include "core/channels/typed_data.hpp"
#include "core/crypto/keccak.hpp"
#include "core/eth/eip712.hpp"
#include "prerequisite.hpp"
#include "vectors.hpp"

namespace sluice::channels {
namespace {

using nlohmann::json;
using namespace sluice::channels::test;

U256 dec(const json& j) { return *u256_from_dec(j.get<std::string>()); }
Hash hash(const json& j) { return *Hash::from_hex(j.get<std::string>()); }

class ChannelVectors : public ::testing::Test {
protected:
    void SetUp() override {
        v = sluice::test::read_vector_json("channels.json");
        domain = Domain{v["chain_id"].get<std::uint64_t>(), *parse_address(v["contract"].get<std::string>())};
        a = *parse_address(v["a"]["address"].get<std::string>());
        b = *parse_address(v["b"]["address"].get<std::string>());
        id = hash(v["channel_id"]);
        const json& m = v["state"]["typed_data"]["message"];
        state.channel_id = hash(m["channelId"]);
        state.nonce = m["nonce"].get<std::uint64_t>();
        state.deposit_a = dec(m["depositA"]);
        state.deposit_b = dec(m["depositB"]);
        state.balance_a = dec(m["balanceA"]);
        state.balance_b = dec(m["balanceB"]);
        state.locks_root = hash(m["locksRoot"]);
        state.locked_amount = dec(m["lockedAmount"]);
        const json& c = v["cooperative_close"]["message"];
        close = CooperativeClose{hash(c["channelId"]), dec(c["depositA"]), dec(c["depositB"]), dec(c["balanceA"]),
                                 dec(c["balanceB"])};
    }

    Lock tree_lock(const json& l) const {
        return Lock{l["fromB"].get<bool>(), l["expiry"].get<std::uint64_t>(), dec(l["amount"]),
                    secret_hash_of(hash(l["secret"]))};
    }

    json v;
    Domain domain;
    Address a, b;
    ChannelId id;
    State state;
    CooperativeClose close;
};

TEST_F(ChannelVectors, ChannelIdSecretAndLockLeaf) {
    EXPECT_EQ(a, address_of(key_a()));
    EXPECT_EQ(b, address_of(key_b()));
    EXPECT_EQ(channel_id(domain, a, b, v["channel_index"].get<std::uint64_t>()), id);
    EXPECT_NE(channel_id(domain, a, b, 1), id);
    EXPECT_NE(channel_id(domain, b, a, 0), id);  // the order of the participants matters

    const Hash secret = keccak256(as_bytes(v["secret_text"].get<std::string>()));
    EXPECT_EQ(secret, hash(v["secret"]));
    EXPECT_EQ(secret_hash_of(secret), hash(v["secret_hash"]));
    const Lock lock{v["lock"]["fromB"].get<bool>(), v["lock"]["expiry"].get<std::uint64_t>(), dec(v["lock"]["amount"]),
                    hash(v["secret_hash"])};
    EXPECT_EQ(lock_leaf(lock), hash(v["lock"]["leaf"]));
    // The 73-byte preimage: fromB, expiry (8 bytes, big-endian), amount, secretHash.
    const auto pre = lock_leaf_preimage(lock);
    EXPECT_EQ(pre.size(), 73u);
    EXPECT_EQ(to_hex(ByteView(pre.data(), 9)), "0x00000000006553f358");  // 1700000600 = 0x6553f358
    EXPECT_EQ(keccak256(pre), lock_leaf(lock));
}

TEST_F(ChannelVectors, TypeHashesAndDomainSeparator) {
    EXPECT_EQ(state_type_hash(), hash(v["state_typehash"]));
    EXPECT_EQ(cooperative_close_type_hash(), hash(v["cooperative_close_typehash"]));
    EXPECT_EQ(domain_type_hash(), hash(v["computed_not_in_source"]["domain_typehash"]));
    EXPECT_EQ(domain_separator(domain), hash(v["domain_separator"]));
    // core/eth's general encoder agrees on the type strings.
    EXPECT_EQ(*eip712_encode_type(v["state"]["typed_data"]["types"], "State"), std::string(kStateType));
    EXPECT_EQ(*eip712_domain_separator(v["state"]["typed_data"]), domain_separator(domain));
}

TEST_F(ChannelVectors, StateHashesAndSignatures) {
    EXPECT_EQ(state.channel_id, id);
    EXPECT_EQ(struct_hash(state), hash(v["state"]["struct_hash"]));
    const Hash digest = state_digest(domain, state);
    EXPECT_EQ(digest, hash(v["state"]["digest"]));
    // The §11 document and ours through core/eth's encoder.
    EXPECT_EQ(*eip712_signing_hash(v["state"]["typed_data"]), digest);
    EXPECT_EQ(*eip712_signing_hash(state_typed_data(domain, state)), digest);

    // RFC 6979: byte for byte, with a key and through an AccountSigner.
    EXPECT_EQ(sign_digest(digest, key_a()).hex(), v["state"]["signature_a"].get<std::string>());
    EXPECT_EQ(sign_digest(digest, key_b()).hex(), v["state"]["signature_b"].get<std::string>());
    auto sig_a = sign_state(domain, state, AccountSigner::from_key(key_a()));
    auto sig_b = sign_state(domain, state, AccountSigner::from_key(key_b()));
    ASSERT_TRUE(sig_a.ok()) << sig_a.message();
    ASSERT_TRUE(sig_b.ok()) << sig_b.message();
    EXPECT_EQ(sig_a->hex(), v["state"]["signature_a"].get<std::string>());
    EXPECT_EQ(sig_b->hex(), v["state"]["signature_b"].get<std::string>());

    const Bytes spec_a = *from_hex(v["state"]["signature_a"].get<std::string>());
    const Bytes spec_b = *from_hex(v["state"]["signature_b"].get<std::string>());
    EXPECT_EQ(recover_signer(digest, spec_a), a);
    EXPECT_EQ(recover_signer(digest, spec_b), b);
    EXPECT_EQ(verify_state_signature(domain, state, spec_a, a), SignatureError::None);
    EXPECT_EQ(verify_state_signature(domain, state, spec_b, b), SignatureError::None);
    EXPECT_EQ(verify_state_signature(domain, state, spec_a, b), SignatureError::WrongSigner);
    const Channel channel{domain, id, a, b};
    EXPECT_TRUE(verify_cosigned(channel, state, spec_a, spec_b).ok());

    // The state is valid for the channel of §11 (DA = 1 ether, DB = 2 ether): close pays 0.7 / 2.2.
    const auto paid = payouts(state, kEther, 2 * kEther);
    ASSERT_TRUE(paid.ok());
    EXPECT_EQ(paid->pay_a, 7 * kEther / 10);
    EXPECT_EQ(paid->pay_b, 22 * kEther / 10);
}

TEST_F(ChannelVectors, CooperativeCloseHashesAndSignatures) {
    EXPECT_EQ(struct_hash(close), hash(v["cooperative_close"]["struct_hash"]));
    const Hash digest = cooperative_close_digest(domain, close);
    EXPECT_EQ(digest, hash(v["cooperative_close"]["digest"]));
    EXPECT_EQ(*eip712_signing_hash(cooperative_close_typed_data(domain, close)), digest);
    EXPECT_EQ(sign_digest(digest, key_a()).hex(), v["cooperative_close"]["signature_a"].get<std::string>());
    EXPECT_EQ(sign_digest(digest, key_b()).hex(), v["cooperative_close"]["signature_b"].get<std::string>());
    auto sig_b = sign_cooperative_close(domain, close, AccountSigner::from_key(key_b()));
    ASSERT_TRUE(sig_b.ok());
    EXPECT_EQ(sig_b->hex(), v["cooperative_close"]["signature_b"].get<std::string>());
    const Bytes spec_a = *from_hex(v["cooperative_close"]["signature_a"].get<std::string>());
    EXPECT_EQ(verify_cooperative_close_signature(domain, close, spec_a, a), SignatureError::None);
    const auto paid = payouts(close, kEther, 2 * kEther);
    ASSERT_TRUE(paid.ok());
    EXPECT_EQ(paid->pay_a, 8 * kEther / 10);
}

TEST_F(ChannelVectors, ThreeLockTree) {
    std::vector<Lock> locks;
    for (const json& l : v["lock_tree"]["locks"]) {
        locks.push_back(tree_lock(l));
        EXPECT_EQ(lock_leaf(locks.back()), hash(l["leaf"])) << l["name"];
    }
    EXPECT_EQ(locks[1].secret_hash, hash(v["computed_not_in_source"]["l2_secret_hash"]));
    EXPECT_EQ(locks[2].secret_hash, hash(v["computed_not_in_source"]["l3_secret_hash"]));
    EXPECT_EQ(locks[0].secret_hash, hash(v["secret_hash"]));

    const Hash root = hash(v["lock_tree"]["root"]);
    EXPECT_EQ(locks_root(locks), root);
    // Tree order L2, L1, L3, and the inner nodes.
    const std::vector<Hash> leaves = sorted_leaves(locks);
    ASSERT_EQ(leaves.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const std::uint64_t index = v["lock_tree"]["locks"][i]["index"].get<std::uint64_t>();
        EXPECT_EQ(leaves[index], lock_leaf(locks[i]));
        const auto proof = lock_proof(locks, locks[i]);
        ASSERT_TRUE(proof.has_value());
        EXPECT_EQ(proof->index, index);
        EXPECT_EQ(proof->siblings.size(), 2u);
        EXPECT_TRUE(verify_lock_proof(locks[i], *proof, root));
    }
    const auto proof_l1 = *lock_proof(locks, locks[0]);
    EXPECT_EQ(proof_l1.siblings[0], lock_leaf(locks[1]));  // L2
    EXPECT_EQ(proof_l1.siblings[1], hash(v["lock_tree"]["node_l3_zero"]));
    const auto proof_l3 = *lock_proof(locks, locks[2]);
    EXPECT_EQ(proof_l3.siblings[0], Hash{});
    EXPECT_EQ(proof_l3.siblings[1], hash(v["lock_tree"]["node_l2_l1"]));
    EXPECT_EQ(locked_total(locks), U256(35 * kEther / 100 + 5));

    // The single-lock tree of the §11 state: the leaf is its own root.
    EXPECT_EQ(locks_root(std::vector<Lock>{locks[0]}), hash(v["lock"]["leaf"]));
    EXPECT_EQ(locks_root(std::vector<Lock>{}), Hash{});
}

// A random state, chain, contract and pair of participants, drawn afresh on every run (the seed
// is printed on failure): cast computes the channel id, the domain separator and struct hash
// (abi-encode + keccak) and signs the eth_signTypedData_v4 document; all must match ours.
TEST(ChannelPeer, RandomStateAgainstCast) {
    SLUICE_GTEST_PREREQUISITE(std::filesystem::exists(sluice::test::cast_path()),
                              "cast not found (run scripts/setup.sh)");
    const auto seed = std::random_device{}();
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(seed);
    auto word = [&] {
        Hash h;
        for (auto& x : h.bytes) x = static_cast<std::uint8_t>(rng());
        return h;
    };
    auto amount = [&] { return *u256_from_be(ByteView(word()).subspan(static_cast<std::size_t>(rng() % 32))); };
    auto address = [&] { return *Address::from_view(ByteView(word()).subspan(12)); };

    const Domain domain{rng() % 2 ? U256(rng()) : *u256_from_be(word()), address()};
    const Address a = address(), b = address();
    const U256 index = rng() % 1000;
    const ChannelId id = channel_id(domain, a, b, index);
    State s;
    s.channel_id = id;
    s.nonce = rng();
    s.deposit_a = amount();
    s.deposit_b = amount();
    s.balance_a = amount();
    s.balance_b = amount();
    s.locks_root = word();
    s.locked_amount = amount();

    auto cast = [](const std::vector<std::string>& args) {
        auto out = sluice::test::run_cast(args);
        EXPECT_TRUE(out.has_value()) << "cast " << args.at(0) << " failed";
        return out.value_or("");
    };
    const std::string chain = u256_to_dec(domain.chain_id);
    EXPECT_EQ(cast({"keccak", cast({"abi-encode", "f(uint256,address,address,address,uint256)", chain,
                                    domain.verifying_contract.hex(), a.hex(), b.hex(), u256_to_dec(index)})}),
              id.hex());
    EXPECT_EQ(cast({"keccak", cast({"abi-encode", "f(bytes32,bytes32,bytes32,uint256,address)",
                                    cast({"keccak", std::string(kDomainType)}), cast({"keccak", "Sluice Channels"}),
                                    cast({"keccak", "1"}), chain, domain.verifying_contract.hex()})}),
              domain_separator(domain).hex());
    EXPECT_EQ(
        cast({"keccak", cast({"abi-encode", "f(bytes32,bytes32,uint64,uint256,uint256,uint256,uint256,bytes32,uint256)",
                              cast({"keccak", std::string(kStateType)}), id.hex(), std::to_string(s.nonce),
                              u256_to_dec(s.deposit_a), u256_to_dec(s.deposit_b), u256_to_dec(s.balance_a),
                              u256_to_dec(s.balance_b), s.locks_root.hex(), u256_to_dec(s.locked_amount)})}),
        struct_hash(s).hex());

    const auto path = std::filesystem::temp_directory_path() /
                      ("sluice_channels_state_" + std::to_string(::getpid()) + "_" + std::to_string(seed) + ".json");
    {
        std::ofstream out(path);
        out << state_typed_data(domain, s).dump();
    }
    const PrivateKey key = *PrivateKey::generate();
    const SecureBytes key_text = key.to_hex();  // a throw-away key
    const std::string key_hex(key_text.as_string());
    const std::string theirs =
        cast({"wallet", "sign", "--data", "--from-file", path.string(), "--private-key", key_hex});
    std::filesystem::remove(path);
    const Signature ours = sign_digest(state_digest(domain, s), key);
    EXPECT_EQ(ours.hex(), theirs);
    EXPECT_EQ(verify_state_signature(domain, s, *from_hex(theirs), address_of(key)), SignatureError::None);
}

}  // namespace
}  // namespace sluice::channels
