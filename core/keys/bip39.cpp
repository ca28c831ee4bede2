// SPDX-License-Identifier: MIT
#include "core/keys/bip39.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <climits>

namespace sluice {

namespace {

constexpr std::array<std::string_view, 2048> kEnglish = {
#include "bip39_english.inc"
};

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Views into the caller's text, so no copy of the secret words is made.
std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

bool valid_word_count(std::size_t n) { return n >= 12 && n <= 24 && n % 3 == 0; }

Status word_count_error(std::size_t n) {
    return make_error("a recovery phrase has 12, 15, 18, 21 or 24 words, this one has " + std::to_string(n));
}

}  // namespace

std::string_view bip39_english_word(std::size_t index) {
    return index < kEnglish.size() ? kEnglish[index] : std::string_view{};
}

int bip39_english_index(std::string_view word) {
    // The list is sorted (embed_wordlist.cmake checks it), which BIP-39 guarantees for English.
    const auto it = std::lower_bound(kEnglish.begin(), kEnglish.end(), word);
    if (it == kEnglish.end() || *it != word) return -1;
    return static_cast<int>(it - kEnglish.begin());
}

std::vector<std::string_view> bip39_english_completions(std::string_view prefix, std::size_t limit) {
    std::vector<std::string_view> out;
    for (auto it = std::lower_bound(kEnglish.begin(), kEnglish.end(), prefix);
         it != kEnglish.end() && out.size() < limit && it->starts_with(prefix); ++it)
        out.push_back(*it);
    return out;
}

Result<SecureBytes> mnemonic_from_entropy(ByteView entropy) {
    const std::size_t n = entropy.size();
    if (n < 16 || n > 32 || n % 4 != 0)
        return make_error("mnemonic entropy must be 16, 20, 24, 28 or 32 bytes, not " + std::to_string(n));
    std::array<std::uint8_t, SHA256_DIGEST_LENGTH> digest{};
    SHA256(entropy.data(), n, digest.data());
    // entropy || checksum bits; the checksum (n/4 bits, at most 8) fits in one extra byte.
    SecureBytes bits(n + 1);
    std::copy(entropy.begin(), entropy.end(), bits.data());
    bits[n] = digest[0];
    secure_wipe(digest.data(), digest.size());

    const std::size_t word_count = (n * 8 + n / 4) / 11;
    SecureBytes out;
    out.reserve(word_count * 9);  // longest English word is 8 letters, plus a space
    for (std::size_t w = 0; w < word_count; ++w) {
        std::size_t index = 0;
        for (std::size_t b = w * 11; b < w * 11 + 11; ++b) index = (index << 1) | ((bits[b / 8] >> (7 - b % 8)) & 1u);
        if (w > 0) out.append(as_bytes(" "));
        out.append(as_bytes(kEnglish[index]));
    }
    return out;
}

Result<SecureBytes> generate_mnemonic(int words) {
    if (!valid_word_count(words < 0 ? 0 : static_cast<std::size_t>(words)))
        return make_error("a new recovery phrase can have 12, 15, 18, 21 or 24 words, not " + std::to_string(words));
    SecureBytes entropy(static_cast<std::size_t>(words) * 4 / 3);
    if (auto status = random_bytes(entropy.data(), entropy.size()); !status) return status.error();
    return mnemonic_from_entropy(entropy.view());
}

Result<SecureBytes> mnemonic_to_entropy(std::string_view mnemonic) {
    const auto words = split_words(mnemonic);
    if (!valid_word_count(words.size())) return word_count_error(words.size()).error();
    const std::size_t total_bits = words.size() * 11;
    const std::size_t entropy_bytes = total_bits * 32 / 33 / 8;
    SecureBytes bits(entropy_bytes + 1);
    for (std::size_t w = 0; w < words.size(); ++w) {
        const int index = bip39_english_index(words[w]);
        if (index < 0) {
            // Shown to the user so they can find the typo; cut long junk (e.g. a pasted paragraph).
            std::string shown(words[w].substr(0, 24));
            if (words[w].size() > 24) shown += "...";
            return make_error("unknown word '" + shown + "' (word " + std::to_string(w + 1) + ")");
        }
        for (std::size_t b = 0; b < 11; ++b) {
            const std::size_t bit = w * 11 + b;
            if ((static_cast<unsigned>(index) >> (10 - b)) & 1u)
                bits[bit / 8] = static_cast<std::uint8_t>(bits[bit / 8] | (0x80u >> (bit % 8)));
        }
    }
    std::array<std::uint8_t, SHA256_DIGEST_LENGTH> digest{};
    SHA256(bits.data(), entropy_bytes, digest.data());
    const std::size_t checksum_bits = entropy_bytes / 4;
    const auto mask = static_cast<std::uint8_t>(0xffu << (8 - checksum_bits));
    const bool match = (digest[0] & mask) == (bits[entropy_bytes] & mask);
    secure_wipe(digest.data(), digest.size());
    if (!match)
        return make_error(
            "the recovery phrase's checksum does not match: a word is wrong or the words are out of order",
            ErrorCode::MnemonicChecksum);
    return SecureBytes(ByteView(bits.data(), entropy_bytes));
}

Status validate_mnemonic(std::string_view mnemonic) {
    auto entropy = mnemonic_to_entropy(mnemonic);
    if (!entropy) return entropy.error();
    return {};
}

SecureBytes normalize_mnemonic_spaces(std::string_view mnemonic) {
    SecureBytes out;
    out.reserve(mnemonic.size());
    bool first = true;
    for (const auto word : split_words(mnemonic)) {
        if (!first) out.append(as_bytes(" "));
        out.append(as_bytes(word));
        first = false;
    }
    return out;
}

SecureBytes mnemonic_to_seed(std::string_view mnemonic, std::string_view passphrase) {
    const SecureBytes password = normalize_mnemonic_spaces(mnemonic);
    SecureBytes salt;
    salt.reserve(8 + passphrase.size());
    salt.append(as_bytes("mnemonic"));
    salt.append(as_bytes(passphrase));
    SecureBytes seed(64);
    if (password.size() > INT_MAX || salt.size() > INT_MAX) return SecureBytes();
    // Only fails on allocation failure or absurd lengths; an empty seed then signals it.
    if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(password.data()), static_cast<int>(password.size()),
                          salt.data(), static_cast<int>(salt.size()), 2048, EVP_sha512(), static_cast<int>(seed.size()),
                          seed.data()) != 1)
        return SecureBytes();
    return seed;
}

}  // namespace sluice
