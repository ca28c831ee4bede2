// SPDX-License-Identifier: MIT
#pragma once
// BIP-39 mnemonics with the English word list (compiled into the library).
//
// Unicode: core/ has no Unicode library, so it does not normalise text. Callers pass mnemonics
// and passphrases as NFKD-normalised UTF-8 (the Qt layers use
// QString::normalized(QString::NormalizationForm_KD)). English words are plain ASCII, so only
// passphrases with non-ASCII characters depend on this. Runs of ASCII whitespace between words,
// and leading/trailing whitespace, are normalised here to single spaces.
//
// Mnemonics and seeds are secrets: they come back in SecureBytes (as_string() gives the text).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/secure.hpp"

namespace sluice {

// A new mnemonic of 12, 15, 18, 21 or 24 words from the system CSPRNG (random_bytes).
Result<SecureBytes> generate_mnemonic(int words);

// The mnemonic for 16, 20, 24, 28 or 32 bytes of entropy: space-separated lower-case words.
Result<SecureBytes> mnemonic_from_entropy(ByteView entropy);

// The entropy a valid mnemonic encodes (checksum verified).
Result<SecureBytes> mnemonic_to_entropy(std::string_view mnemonic);

// OK for a valid English mnemonic. Otherwise one of (in this order of checking):
//  "a recovery phrase has 12, 15, 18, 21 or 24 words, this one has 13"
//  "unknown word 'xyz' (word 5)"
//  "the recovery phrase's checksum does not match: a word is wrong or the words are out of order"
// Matching is exact on lower-case words: callers lower-case user input if they want to.
Status validate_mnemonic(std::string_view mnemonic);

// The mnemonic with whitespace normalised to single spaces between words (no validation).
SecureBytes normalize_mnemonic_spaces(std::string_view mnemonic);

// The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, password = mnemonic (whitespace
// normalised), salt = "mnemonic" + passphrase. Does not validate the mnemonic (BIP-39 defines
// the seed for any sentence); call validate_mnemonic first for user input. Returns an empty
// SecureBytes only if OpenSSL fails (out of memory, or inputs over 2 GiB).
SecureBytes mnemonic_to_seed(std::string_view mnemonic, std::string_view passphrase);

// The 2048 English words in order, and the index of a word (-1 if not in the list).
std::string_view bip39_english_word(std::size_t index);
int bip39_english_index(std::string_view word);

// Up to `limit` words of the list starting with `prefix` (for type-ahead in the restore page).
std::vector<std::string_view> bip39_english_completions(std::string_view prefix, std::size_t limit = 8);

}  // namespace sluice
