// SPDX-License-Identifier: MIT
#include "core/keys/bip39.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/keys/bip32.hpp"
#include "vectors.hpp"

namespace sluice {
namespace {

std::size_t count_words(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::string word;
    std::size_t n = 0;
    while (in >> word) ++n;
    return n;
}

TEST(Bip39, CompiledWordListIsTheOfficialEnglishList) {
    std::istringstream in(test::read_vector_text("bip39/english.txt"));
    std::string word;
    std::size_t i = 0;
    while (std::getline(in, word)) {
        ASSERT_LT(i, 2048u);
        EXPECT_EQ(bip39_english_word(i), word) << "line " << i + 1;
        EXPECT_EQ(bip39_english_index(word), static_cast<int>(i));
        ++i;
    }
    EXPECT_EQ(i, 2048u);
    EXPECT_EQ(bip39_english_word(2048), "");
    EXPECT_EQ(bip39_english_index("bitcoin"), -1);
    EXPECT_EQ(bip39_english_index("Abandon"), -1);
}

TEST(Bip39, AllEnglishTrezorVectors) {
    const auto doc = test::read_vector_json("bip39/vectors.json");
    const auto& english = doc.at("english");
    ASSERT_EQ(english.size(), 24u);
    for (const auto& v : english) {
        const std::string entropy_hex = v[0], mnemonic = v[1], seed_hex = v[2], xprv = v[3];
        SCOPED_TRACE(mnemonic);
        const auto entropy = from_hex(entropy_hex);
        ASSERT_TRUE(entropy.has_value());

        auto words = mnemonic_from_entropy(*entropy);
        ASSERT_TRUE(words.ok()) << words.message();
        EXPECT_EQ(words->as_string(), mnemonic);

        EXPECT_TRUE(validate_mnemonic(mnemonic).ok());
        auto back = mnemonic_to_entropy(mnemonic);
        ASSERT_TRUE(back.ok()) << back.message();
        EXPECT_EQ(to_hex_bare(back->view()), entropy_hex);

        const SecureBytes seed = mnemonic_to_seed(mnemonic, "TREZOR");
        EXPECT_EQ(to_hex_bare(seed.view()), seed_hex);

        auto master = master_key_from_seed(seed.view());
        ASSERT_TRUE(master.ok()) << master.message();
        EXPECT_EQ(to_xprv(*master).as_string(), xprv);
    }
}

TEST(Bip39, PassphraseChangesTheSeed) {
    const std::string m =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    EXPECT_NE(to_hex_bare(mnemonic_to_seed(m, "").view()), to_hex_bare(mnemonic_to_seed(m, "TREZOR").view()));
    // Known value for the empty passphrase (widely published; e.g. the Ian Coleman tool).
    EXPECT_EQ(
        to_hex_bare(mnemonic_to_seed(m, "").view()),
        "5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc19a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4");
}

TEST(Bip39, WhitespaceBetweenWordsIsNormalised) {
    const std::string clean = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    const std::string messy = "  legal  winner\tthank year\nwave sausage   worth useful legal winner thank yellow \r\n";
    EXPECT_TRUE(validate_mnemonic(messy).ok());
    EXPECT_EQ(normalize_mnemonic_spaces(messy).as_string(), clean);
    EXPECT_EQ(to_hex_bare(mnemonic_to_seed(messy, "TREZOR").view()),
              to_hex_bare(mnemonic_to_seed(clean, "TREZOR").view()));
}

TEST(Bip39, WrongWordCountIsReportedFirst) {
    const auto status = validate_mnemonic(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about abandon");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.message(), "a recovery phrase has 12, 15, 18, 21 or 24 words, this one has 13");
    EXPECT_FALSE(validate_mnemonic("").ok());
    EXPECT_NE(validate_mnemonic("   ").message().find("this one has 0"), std::string::npos);
}

TEST(Bip39, UnknownWordIsNamedWithItsPosition) {
    const auto status =
        validate_mnemonic("abandon abandon abandon abandon xyz abandon abandon abandon abandon abandon abandon about");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.message(), "unknown word 'xyz' (word 5)");
    // Case matters: callers lower-case input themselves.
    EXPECT_EQ(validate_mnemonic(
                  "Abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")
                  .message(),
              "unknown word 'Abandon' (word 1)");
}

TEST(Bip39, BadChecksumIsReported) {
    // Valid words, wrong last word: "abandon" x 12 fails the checksum ("about" would be right).
    const auto status = validate_mnemonic(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon");
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.message().find("checksum"), std::string::npos) << status.message();
    EXPECT_EQ(status.error().code, ErrorCode::MnemonicChecksum);
    // Swapping two words of a valid phrase is (here) caught too.
    EXPECT_FALSE(validate_mnemonic("winner legal thank year wave sausage worth useful legal winner thank yellow").ok());
    // Every one of the 24 vectors with its last word replaced by the next word in the list:
    // a checksum of k bits lets about 1 in 2^k such replacements through, so count, don't demand all.
    const auto doc = test::read_vector_json("bip39/vectors.json");
    int rejected = 0;
    for (const auto& v : doc.at("english")) {
        std::string m = v[1];
        const auto space = m.rfind(' ');
        const int last = bip39_english_index(m.substr(space + 1));
        m = m.substr(0, space + 1) + std::string(bip39_english_word(static_cast<std::size_t>((last + 1) % 2048)));
        if (!validate_mnemonic(m).ok()) ++rejected;
    }
    EXPECT_GE(rejected, 20);
}

TEST(Bip39, EntropySizesAreChecked) {
    for (std::size_t n : {0u, 8u, 15u, 17u, 33u, 64u}) {
        const Bytes entropy(n, 0x11);
        EXPECT_FALSE(mnemonic_from_entropy(entropy).ok()) << n;
    }
    for (std::size_t n : {16u, 20u, 24u, 28u, 32u}) {
        const Bytes entropy(n, 0x11);
        auto m = mnemonic_from_entropy(entropy);
        ASSERT_TRUE(m.ok());
        EXPECT_EQ(count_words(m->as_string()), n * 3 / 4);
        EXPECT_TRUE(validate_mnemonic(m->as_string()).ok());
    }
}

TEST(Bip39, GeneratedMnemonicsAreValidAndDistinct) {
    std::set<std::string> seen;
    for (int words : {12, 15, 18, 21, 24}) {
        auto m = generate_mnemonic(words);
        ASSERT_TRUE(m.ok()) << m.message();
        EXPECT_EQ(count_words(m->as_string()), static_cast<std::size_t>(words));
        EXPECT_TRUE(validate_mnemonic(m->as_string()).ok());
        EXPECT_TRUE(seen.insert(std::string(m->as_string())).second);
    }
    for (int words : {0, 11, 13, 25, -12}) EXPECT_FALSE(generate_mnemonic(words).ok()) << words;
}

TEST(Bip39, Completions) {
    const auto words = bip39_english_completions("aba", 8);
    ASSERT_EQ(words.size(), 1u);
    EXPECT_EQ(words[0], "abandon");
    EXPECT_EQ(bip39_english_completions("ab", 3).size(), 3u);
    EXPECT_TRUE(bip39_english_completions("zzz").empty());
}

}  // namespace
}  // namespace sluice
