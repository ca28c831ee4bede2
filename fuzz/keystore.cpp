// SPDX-License-Identifier: MIT
// Keystore files (core/keys/keystore): JSON from disk or an import dialog, opened with a password.
//
// The library caps KDF work at what a real wallet may need (scrypt n·r·p up to 4x geth's
// standard, PBKDF2 up to 10^7 rounds), which is still a second or more per input: far too slow
// to fuzz. This target skips inputs whose KDF parameters ask for more than a few milliseconds of
// work; the cap itself is tested in tests/core/keys. It reads the parameters the way
// decrypt_keystore does (same JSON parser, "crypto" before "Crypto"), so no expensive input can
// slip past the filter; anything it cannot read the library refuses before deriving a key.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/keys/keystore.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using nlohmann::json;

constexpr std::uint64_t kMaxFuzzScryptWork = 1u << 12;  // n·r·p: 128·n·r = 512 KiB at most
constexpr std::uint64_t kMaxFuzzPbkdf2Rounds = 1u << 12;

// A field the library would read as an unsigned integer, or nullopt if it would refuse it.
std::optional<std::uint64_t> uint_param(const json& params, const char* name) {
    if (!params.contains(name)) return std::nullopt;
    const json& value = params[name];
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0) return value.get<std::uint64_t>();
    return std::nullopt;
}

bool too_expensive(std::string_view text) {
    const json file = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (file.is_discarded() || !file.is_object()) return false;
    const char* crypto_key = file.contains("crypto") ? "crypto" : "Crypto";
    if (!file.contains(crypto_key) || !file[crypto_key].is_object()) return false;
    const json& crypto = file[crypto_key];
    if (!crypto.contains("kdfparams") || !crypto["kdfparams"].is_object()) return false;
    const json& params = crypto["kdfparams"];
    if (auto c = uint_param(params, "c"); c && *c > kMaxFuzzPbkdf2Rounds) return true;
    auto n = uint_param(params, "n");
    auto r = uint_param(params, "r");
    auto p = uint_param(params, "p");
    if (!n || !r || !p) return false;
    // Saturating n·r·p.
    std::uint64_t work = *n;
    for (std::uint64_t factor : {*r, *p}) {
        if (factor != 0 && work > UINT64_MAX / factor) return true;
        work *= factor;
    }
    return work > kMaxFuzzScryptWork;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)sluice::keystore_address(text);
    if (too_expensive(text)) return 0;
    // The seeds are encrypted with this password, so mutations that keep the MAC reach the key.
    auto key = sluice::decrypt_keystore(text, "fuzz");
    (void)key;
    return 0;
}
