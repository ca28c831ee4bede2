// SPDX-License-Identifier: MIT
#include "core/keys/bip32.hpp"

#include <gtest/gtest.h>

#include "prerequisite.hpp"

#include <regex>

#include "core/keys/bip39.hpp"
#include "peer_tools.hpp"
#include "vectors.hpp"

namespace sluice {
namespace {

TEST(Bip32, AllSeventeenChainsOfTheOfficialVectors) {
    const auto doc = test::read_vector_json("bip32/vectors.json");
    std::size_t chains = 0;
    for (const auto& vector : doc.at("valid")) {
        const auto seed = from_hex(vector.at("seed_hex").get<std::string>());
        ASSERT_TRUE(seed.has_value());
        auto master = master_key_from_seed(*seed);
        ASSERT_TRUE(master.ok()) << master.message();
        const ExtendedKey master_pub = neuter(*master);
        for (const auto& chain : vector.at("chains")) {
            const std::string path = chain.at("chain"), xpub = chain.at("ext_pub"), xprv = chain.at("ext_prv");
            SCOPED_TRACE(vector.at("name").get<std::string>() + " " + path);
            ++chains;
            auto key = derive_path(*master, path);
            ASSERT_TRUE(key.ok()) << key.message();
            EXPECT_EQ(to_xprv(*key).as_string(), xprv);
            EXPECT_EQ(to_xpub(*key), xpub);

            // Both texts parse back to the same key.
            auto parsed_prv = parse_extended_key(xprv);
            ASSERT_TRUE(parsed_prv.ok()) << parsed_prv.message();
            EXPECT_TRUE(parsed_prv->is_private());
            EXPECT_EQ(to_xprv(*parsed_prv).as_string(), xprv);
            auto parsed_pub = parse_extended_key(xpub);
            ASSERT_TRUE(parsed_pub.ok()) << parsed_pub.message();
            EXPECT_FALSE(parsed_pub->is_private());
            EXPECT_EQ(to_xpub(*parsed_pub), xpub);
            EXPECT_EQ(parsed_pub->public_key, key->public_key);

            // Public derivation from the master xpub works exactly when no step is hardened.
            auto indices = parse_derivation_path(path);
            ASSERT_TRUE(indices.ok());
            const bool any_hardened =
                std::any_of(indices->begin(), indices->end(), [](std::uint32_t i) { return i >= kBip32Hardened; });
            auto from_pub = derive_path(master_pub, path);
            EXPECT_EQ(from_pub.ok(), !any_hardened);
            if (from_pub.ok()) {
                EXPECT_EQ(to_xpub(*from_pub), xpub);
            }
        }
    }
    EXPECT_EQ(chains, 17u);
}

TEST(Bip32, PublicDerivationMatchesPrivateForNormalChildren) {
    // CKDpub(N(k)) == N(CKDpriv(k)) for the last normal step of test vector 1's m/0H/1/2H/2.
    auto master = master_key_from_seed(*from_hex("000102030405060708090a0b0c0d0e0f"));
    ASSERT_TRUE(master.ok());
    auto parent = derive_path(*master, "m/0H/1/2H");
    ASSERT_TRUE(parent.ok());
    for (std::uint32_t i : {0u, 1u, 2u, 1000000000u}) {
        auto priv_child = derive_child(*parent, i);
        auto pub_child = derive_child(neuter(*parent), i);
        ASSERT_TRUE(priv_child.ok() && pub_child.ok());
        EXPECT_EQ(to_xpub(*priv_child), to_xpub(*pub_child));
    }
    auto hardened = derive_child(neuter(*parent), kBip32Hardened);
    ASSERT_FALSE(hardened.ok());
    EXPECT_NE(hardened.message().find("hardened"), std::string::npos);
}

TEST(Bip32, EveryInvalidKeyOfTestVector5IsRejectedForItsReason) {
    const auto doc = test::read_vector_json("bip32/vectors.json");
    // The BIP's reason -> a phrase our message must contain.
    const std::vector<std::pair<std::string, std::string>> reasons = {
        {"pubkey version / prvkey mismatch", "xpub version with a private key"},
        {"prvkey version / pubkey mismatch", "xprv version with a public key"},
        {"invalid pubkey prefix 04", "public key prefix 04"},
        {"invalid prvkey prefix 04", "private key prefix 04"},
        {"invalid pubkey prefix 01", "public key prefix 01"},
        {"invalid prvkey prefix 01", "private key prefix 01"},
        {"zero depth with non-zero parent fingerprint", "zero depth with non-zero parent fingerprint"},
        {"zero depth with non-zero index", "zero depth with non-zero index"},
        {"unknown extended key version", "unknown extended key version"},
        {"private key 0 not in 1..n-1", "not in 1..n-1"},
        {"private key n not in 1..n-1", "not in 1..n-1"},
        {"invalid pubkey 020000000000000000000000000000000000000000000000000000000000000007",
         "not a point on secp256k1"},
        {"invalid checksum", "invalid checksum"},
    };
    std::size_t count = 0;
    for (const auto& vector : doc.at("invalid")) {
        for (const auto& entry : vector.at("keys")) {
            const std::string key = entry.at("key"), reason = entry.at("reason");
            SCOPED_TRACE(reason + ": " + key);
            ++count;
            auto parsed = parse_extended_key(key);
            ASSERT_FALSE(parsed.ok());
            const auto expected =
                std::find_if(reasons.begin(), reasons.end(), [&](const auto& r) { return r.first == reason; });
            ASSERT_NE(expected, reasons.end()) << "reason not mapped";
            EXPECT_NE(parsed.message().find(expected->second), std::string::npos) << parsed.message();
        }
    }
    EXPECT_EQ(count, 16u);
}

TEST(Bip32, Base58) {
    EXPECT_EQ(base58_encode(Bytes{}), "");
    EXPECT_EQ(base58_encode(Bytes{0, 0, 1}), "112");
    EXPECT_EQ(base58_encode(as_bytes("hello world")), "StV1DL6CwTryKyV");
    auto decoded = base58_decode("StV1DL6CwTryKyV");
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(std::string(decoded->begin(), decoded->end()), "hello world");
    auto zeros = base58_decode("112");
    ASSERT_TRUE(zeros.ok());
    EXPECT_EQ(*zeros, (Bytes{0, 0, 1}));
    for (const char* bad : {"0OIl", "abc0", "ab c"}) EXPECT_FALSE(base58_decode(bad).ok()) << bad;
    const Bytes payload = {1, 2, 3, 4, 5};
    auto round = base58check_decode(base58check_encode(payload));
    ASSERT_TRUE(round.ok());
    EXPECT_EQ(*round, payload);
    EXPECT_FALSE(parse_extended_key("xpub").ok());
    EXPECT_FALSE(parse_extended_key("").ok());
    EXPECT_FALSE(parse_extended_key(std::string(5000, 'z')).ok());
    // A well-formed Base58Check payload of the wrong length is not a key either.
    auto short_payload = parse_extended_key(base58check_encode(Bytes(77, 1)));
    ASSERT_FALSE(short_payload.ok());
    EXPECT_NE(short_payload.message().find("77 bytes"), std::string::npos) << short_payload.message();
    // A public key has no xprv text.
    auto master = master_key_from_seed(Bytes(32, 7));
    ASSERT_TRUE(master.ok());
    EXPECT_TRUE(to_xprv(neuter(*master)).empty());
    EXPECT_FALSE(to_xprv(*master).empty());
}

TEST(Bip32, DerivationPaths) {
    auto a = parse_derivation_path("m/44'/60'/0'/0/3");
    auto b = parse_derivation_path("m/44h/60H/0'/0/3");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b);
    EXPECT_EQ(*a, (std::vector<std::uint32_t>{kBip32Hardened + 44, kBip32Hardened + 60, kBip32Hardened, 0, 3}));
    ASSERT_TRUE(parse_derivation_path("m").ok());
    EXPECT_TRUE(parse_derivation_path("m")->empty());
    EXPECT_TRUE(parse_derivation_path("m/2147483647'").ok());
    for (const char* bad : {"", "44'/60'", "m/", "m//1", "m/2147483648", "m/1x", "m/-1", "M/1", "m/1''", "m/ 1"}) {
        // "m/" is accepted as m with a trailing slash
        if (std::string_view(bad) == "m/") continue;
        auto parsed = parse_derivation_path(bad);
        EXPECT_FALSE(parsed.ok()) << bad;
    }
    EXPECT_EQ(bip44_ethereum_path(7), "m/44'/60'/0'/0/7");
}

TEST(Bip32, EthereumKeyOfTheWellKnownTestMnemonic) {
    // anvil's and Hardhat's default accounts come from this mnemonic at m/44'/60'/0'/0/i.
    const SecureBytes seed = mnemonic_to_seed("test test test test test test test test test test test junk", "");
    auto key0 = derive_ethereum_key(seed.view(), 0);
    ASSERT_TRUE(key0.ok()) << key0.message();
    EXPECT_EQ(public_key_of(*key0).address().hex(), "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    EXPECT_EQ(std::string(key0->to_hex().as_string()),
              "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    auto key1 = derive_ethereum_key(seed.view(), 1);
    ASSERT_TRUE(key1.ok());
    EXPECT_EQ(public_key_of(*key1).address().hex(), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    EXPECT_FALSE(derive_ethereum_key(seed.view(), kBip32Hardened).ok());
    EXPECT_FALSE(derive_ethereum_key(Bytes(8, 1), 0).ok());
}

TEST(Bip32, AddressesMatchCastForARandomMnemonic) {
    const auto cast = test::cast_path();
    SLUICE_GTEST_PREREQUISITE(cast, "cast not found (run scripts/setup.sh)");
    auto mnemonic = generate_mnemonic(12);
    ASSERT_TRUE(mnemonic.ok());
    const std::string words(mnemonic->as_string());
    const SecureBytes seed = mnemonic_to_seed(words, "");
    const std::regex address_re("0x[0-9a-fA-F]{40}");
    for (std::uint32_t index = 0; index < 5; ++index) {
        SCOPED_TRACE(index);
        auto key = derive_ethereum_key(seed.view(), index);
        ASSERT_TRUE(key.ok()) << key.message();
        const auto result = test::run_command(test::shell_quote(*cast) + " wallet address --mnemonic " +
                                              test::shell_quote(words) + " --mnemonic-index " + std::to_string(index));
        ASSERT_EQ(result.status, 0) << "cast failed";
        std::smatch match;
        ASSERT_TRUE(std::regex_search(result.output, match, address_re)) << result.output;
        std::string theirs = match.str();
        std::transform(theirs.begin(), theirs.end(), theirs.begin(), [](unsigned char c) { return std::tolower(c); });
        EXPECT_EQ(public_key_of(*key).address().hex(), theirs);
    }
}

}  // namespace
}  // namespace sluice
