// SPDX-License-Identifier: MIT
#include "core/keys/keystore.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <climits>
#include <cstring>
#include <memory>

#include "core/crypto/keccak.hpp"

namespace sluice {

namespace {

using json = nlohmann::json;

constexpr std::size_t kSaltSize = 32;
constexpr std::size_t kIvSize = 16;
// Above this, a keystore is more likely hostile (memory exhaustion) than real; geth's standard
// parameters need 256 MiB.
constexpr std::uint64_t kMaxScryptMemory = 2ull << 30;
// Work caps, so that a hostile keystore file cannot stall the wallet for minutes behind a
// password prompt: 4x the standard scrypt work (n = 2^18, r = 8, p = 1; about a second here) and
// about 38x the standard PBKDF2 count (262,144; a few seconds).
constexpr std::uint64_t kMaxScryptWork = (1ull << 18) * 8 * 4;  // n·r·p
constexpr std::uint64_t kMaxPbkdf2Iterations = 10'000'000;

Error malformed(const std::string& what) { return make_error("the keystore is malformed: " + what); }

Result<Bytes> hex_field(const json& object, const char* name) {
    if (!object.is_object() || !object.contains(name) || !object[name].is_string())
        return malformed(std::string("'") + name + "' is missing or not a string");
    auto bytes = from_hex(object[name].get_ref<const std::string&>());
    if (!bytes) return malformed(std::string("'") + name + "' is not hexadecimal");
    return std::move(*bytes);
}

Result<std::uint64_t> uint_field(const json& object, const char* name) {
    if (!object.contains(name)) return malformed(std::string("kdfparams.") + name + " is missing");
    const json& value = object[name];
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0))
        return malformed(std::string("kdfparams.") + name + " is not a non-negative integer");
    return value.get<std::uint64_t>();
}

Status check_scrypt(std::uint64_t n, std::uint64_t r, std::uint64_t p) {
    if (n < 2 || (n & (n - 1)) != 0)
        return make_error("unsupported scrypt parameters: n must be a power of two above 1");
    if (r == 0 || p == 0) return make_error("unsupported scrypt parameters: r and p must be at least 1");
    if (r * p >= (1ull << 30)) return make_error("unsupported scrypt parameters: r·p must be below 2^30");
    // RFC 7914 requires n < 2^(128·r/8); OpenSSL enforces it (the old wiki vector n=2^18, r=1 breaks it).
    if (16 * r < 64 && n >= (1ull << (16 * r)))
        return make_error("unsupported scrypt parameters (n=" + std::to_string(n) + ", r=" + std::to_string(r) +
                          "): n must be below 2^(16·r) as RFC 7914 requires; this keystore cannot be opened here");
    if (n > kMaxScryptMemory / (128 * r) || 128 * r * (n + p + 2) > kMaxScryptMemory)
        return make_error("unsupported scrypt parameters: they would need more than 2 GiB of memory");
    if (n * r > kMaxScryptWork / p)
        return make_error("unsupported scrypt parameters (n=" + std::to_string(n) + ", r=" + std::to_string(r) +
                          ", p=" + std::to_string(p) +
                          "): more than 4 times the standard work; refused so that opening "
                          "it cannot stall the wallet");
    return {};
}

Status check_pbkdf2(std::uint64_t c) {
    if (c == 0 || c > kMaxPbkdf2Iterations)
        return make_error("unsupported key derivation: pbkdf2 iteration count " + std::to_string(c) + " (1 to " +
                          std::to_string(kMaxPbkdf2Iterations) +
                          " are accepted, so that opening it cannot stall the wallet)");
    return {};
}

Result<SecureBytes> derive_key(std::string_view password, ByteView salt, const KdfParams& kdf) {
    if (kdf.dklen < 32) return make_error("unsupported key derivation: dklen must be at least 32");
    if (kdf.dklen > 1024) return make_error("unsupported key derivation: dklen above 1024");
    SecureBytes key(kdf.dklen);
    if (kdf.kind == KdfParams::Kind::scrypt) {
        if (auto status = check_scrypt(kdf.n, kdf.r, kdf.p); !status) return status.error();
        const std::uint64_t maxmem = 128 * std::uint64_t{kdf.r} * (kdf.n + kdf.p + 2) + (1u << 20);
        if (EVP_PBE_scrypt(password.data(), password.size(), salt.data(), salt.size(), kdf.n, kdf.r, kdf.p, maxmem,
                           key.data(), key.size()) != 1)
            return make_error("scrypt failed (unsupported scrypt parameters or out of memory)");
    } else {
        if (auto status = check_pbkdf2(kdf.c); !status) return status.error();
        if (password.size() > static_cast<std::size_t>(INT_MAX) || salt.size() > static_cast<std::size_t>(INT_MAX))
            return make_error("password or salt too long");
        if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                              static_cast<int>(salt.size()), static_cast<int>(kdf.c), EVP_sha256(),
                              static_cast<int>(key.size()), key.data()) != 1)
            return make_error("PBKDF2 failed (OpenSSL)");
    }
    return key;
}

// AES-128-CTR is its own inverse. OpenSSL increments the whole 128-bit counter block, as the
// spec (and the 'evilnonce' vector, iv = ff..ff) requires.
Result<SecureBytes> aes_128_ctr(ByteView key16, ByteView iv, ByteView input) {
    if (input.size() > static_cast<std::size_t>(INT_MAX)) return make_error("secret too long");
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    SecureBytes out(input.size());
    int len = 0;
    int final_len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ctr(), nullptr, key16.data(), iv.data()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data(), &len, input.data(), static_cast<int>(input.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + len, &final_len) != 1 ||
        static_cast<std::size_t>(len + final_len) != input.size())
        return make_error("AES-128-CTR failed (OpenSSL)");
    return out;
}

Hash compute_mac(const SecureBytes& derived, ByteView ciphertext) {
    Keccak256 hasher;
    hasher.update(ByteView(derived.data() + 16, 16));
    hasher.update(ciphertext);
    return hasher.finish();
}

Result<std::string> uuid_v4() {
    std::array<std::uint8_t, 16> b{};
    if (auto status = random_bytes(b.data(), b.size()); !status) return status.error();
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
    const std::string h = to_hex_bare(ByteView(b.data(), b.size()));
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

Result<KdfParams> parse_kdf(const json& crypto, Bytes& salt) {
    if (!crypto.contains("kdf") || !crypto["kdf"].is_string()) return malformed("'kdf' is missing");
    if (!crypto.contains("kdfparams") || !crypto["kdfparams"].is_object()) return malformed("'kdfparams' is missing");
    const std::string& name = crypto["kdf"].get_ref<const std::string&>();
    const json& params = crypto["kdfparams"];
    auto salt_bytes = hex_field(params, "salt");
    if (!salt_bytes) return salt_bytes.error();
    salt = std::move(*salt_bytes);
    auto dklen = uint_field(params, "dklen");
    if (!dklen) return dklen.error();
    KdfParams kdf;
    if (*dklen < 32 || *dklen > 1024) return make_error("unsupported key derivation: dklen " + std::to_string(*dklen));
    kdf.dklen = static_cast<std::uint32_t>(*dklen);
    if (name == "scrypt") {
        auto n = uint_field(params, "n");
        auto r = uint_field(params, "r");
        auto p = uint_field(params, "p");
        if (!n) return n.error();
        if (!r) return r.error();
        if (!p) return p.error();
        if (auto status = check_scrypt(*n, *r, *p); !status) return status.error();
        kdf.kind = KdfParams::Kind::scrypt;
        kdf.n = *n;
        kdf.r = static_cast<std::uint32_t>(*r);
        kdf.p = static_cast<std::uint32_t>(*p);
    } else if (name == "pbkdf2") {
        if (!params.contains("prf") || !params["prf"].is_string()) return malformed("kdfparams.prf is missing");
        if (params["prf"] != "hmac-sha256")
            return make_error("unsupported pbkdf2 function '" + params["prf"].get<std::string>() +
                              "' (only hmac-sha256)");
        auto c = uint_field(params, "c");
        if (!c) return c.error();
        if (auto status = check_pbkdf2(*c); !status) return status.error();
        kdf.kind = KdfParams::Kind::pbkdf2;
        kdf.c = static_cast<std::uint32_t>(*c);
    } else {
        return make_error("unsupported key derivation function '" + name + "' (only scrypt and pbkdf2)");
    }
    return kdf;
}

// Keystores are small; anything huge is not one and is not worth parsing.
constexpr std::size_t kMaxKeystoreSize = 1u << 20;

}  // namespace

Result<SecureBytes> derive_keystore_key(std::string_view password, ByteView salt, const KdfParams& kdf) {
    return derive_key(password, salt, kdf);
}

Result<json> encrypt_secret(ByteView secret, std::string_view password, const KdfParams& kdf) {
    Bytes salt(kSaltSize);
    Bytes iv(kIvSize);
    if (auto s = random_bytes(salt.data(), salt.size()); !s) return s.error();
    if (auto s = random_bytes(iv.data(), iv.size()); !s) return s.error();
    auto derived = derive_key(password, salt, kdf);
    if (!derived) return derived.error();
    auto ciphertext = aes_128_ctr(ByteView(derived->data(), 16), iv, secret);
    if (!ciphertext) return ciphertext.error();
    const Hash mac = compute_mac(*derived, ciphertext->view());

    json params = {{"dklen", kdf.dklen}, {"salt", to_hex_bare(salt)}};
    if (kdf.kind == KdfParams::Kind::scrypt) {
        params["n"] = kdf.n;
        params["r"] = kdf.r;
        params["p"] = kdf.p;
    } else {
        params["c"] = kdf.c;
        params["prf"] = "hmac-sha256";
    }
    return json{{"cipher", "aes-128-ctr"},
                {"cipherparams", {{"iv", to_hex_bare(iv)}}},
                {"ciphertext", to_hex_bare(ciphertext->view())},
                {"kdf", kdf.kind == KdfParams::Kind::scrypt ? "scrypt" : "pbkdf2"},
                {"kdfparams", std::move(params)},
                {"mac", to_hex_bare(mac)}};
}

Result<SecureBytes> decrypt_secret(const json& crypto, std::string_view password) {
    if (!crypto.is_object()) return malformed("'crypto' is not an object");
    if (!crypto.contains("cipher") || !crypto["cipher"].is_string()) return malformed("'cipher' is missing");
    if (crypto["cipher"] != "aes-128-ctr")
        return make_error("unsupported cipher '" + crypto["cipher"].get<std::string>() + "' (only aes-128-ctr)");
    if (!crypto.contains("cipherparams")) return malformed("'cipherparams' is missing");
    auto iv = hex_field(crypto["cipherparams"], "iv");
    if (!iv) return iv.error();
    if (iv->size() != kIvSize) return malformed("the iv is not 16 bytes");
    auto ciphertext = hex_field(crypto, "ciphertext");
    if (!ciphertext) return ciphertext.error();
    auto mac = hex_field(crypto, "mac");
    if (!mac) return mac.error();
    if (mac->size() != 32) return malformed("the mac is not 32 bytes");
    Bytes salt;
    auto kdf = parse_kdf(crypto, salt);
    if (!kdf) return kdf.error();

    auto derived = derive_key(password, salt, *kdf);
    if (!derived) return derived.error();
    const Hash expected = compute_mac(*derived, *ciphertext);
    if (CRYPTO_memcmp(expected.data(), mac->data(), 32) != 0)
        return make_error("wrong password (the keystore's MAC does not match)", ErrorCode::WrongPassword);
    return aes_128_ctr(ByteView(derived->data(), 16), *iv, *ciphertext);
}

Result<std::string> encrypt_keystore(const PrivateKey& key, std::string_view password, const KdfParams& kdf) {
    auto crypto = encrypt_secret(key.bytes(), password, kdf);
    if (!crypto) return crypto.error();
    auto id = uuid_v4();
    if (!id) return id.error();
    const json file = {{"address", to_hex_bare(public_key_of(key).address())},
                       {"crypto", std::move(*crypto)},
                       {"id", std::move(*id)},
                       {"version", 3}};
    return file.dump();
}

namespace {

Result<json> parse_keystore_json(std::string_view text) {
    if (text.size() > kMaxKeystoreSize) return make_error("this file is too large to be a keystore");
    json file = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (file.is_discarded()) return make_error("the keystore is not valid JSON");
    if (!file.is_object()) return malformed("it is not a JSON object");
    return file;
}

}  // namespace

Result<PrivateKey> decrypt_keystore(std::string_view text, std::string_view password) {
    auto file = parse_keystore_json(text);
    if (!file) return file.error();
    if (!file->contains("version") || !(*file)["version"].is_number_integer()) return malformed("'version' is missing");
    if ((*file)["version"] != 3)
        return make_error("unsupported keystore version " + (*file)["version"].dump() + " (only version 3)");
    const char* crypto_key = file->contains("crypto") ? "crypto" : "Crypto";
    if (!file->contains(crypto_key)) return malformed("'crypto' is missing");
    auto secret = decrypt_secret((*file)[crypto_key], password);
    if (!secret) return secret.error();
    auto key = PrivateKey::from_bytes(secret->view());
    if (!key) return make_error("the keystore decrypts, but not to a valid private key: " + key.message());
    if (file->contains("address") && (*file)["address"].is_string()) {
        const auto claimed = Address::from_hex((*file)["address"].get_ref<const std::string&>());
        if (!claimed) return malformed("'address' is not a 20-byte hex address");
        if (*claimed != public_key_of(*key).address())
            return make_error("the keystore's address does not match its key (the file is corrupt or was edited)");
    }
    return key;
}

Result<Address> keystore_address(std::string_view text) {
    auto file = parse_keystore_json(text);
    if (!file) return file.error();
    if (!file->contains("address") || !(*file)["address"].is_string())
        return make_error("the keystore does not say its address");
    const auto address = Address::from_hex((*file)["address"].get_ref<const std::string&>());
    if (!address) return malformed("'address' is not a 20-byte hex address");
    return *address;
}

}  // namespace sluice
