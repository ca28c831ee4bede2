// SPDX-License-Identifier: MIT
#include "core/keys/bip32.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace sluice {

namespace {

constexpr std::uint32_t kVersionXprv = 0x0488ADE4u;
constexpr std::uint32_t kVersionXpub = 0x0488B21Eu;
constexpr std::size_t kSerializedSize = 78;
constexpr char kBase58Alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

// HMAC-SHA512 into a wiped 64-byte buffer: IL (key material) and IR (chain code).
Result<SecureBytes> hmac_sha512(ByteView key, ByteView data) {
    SecureBytes out(64);
    unsigned int len = 0;
    if (HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), data.data(), data.size(), out.data(), &len) ==
            nullptr ||
        len != 64)
        return make_error("HMAC-SHA512 failed (OpenSSL)");
    return out;
}

void put_be32(std::uint8_t* out, std::uint32_t v) {
    out[0] = static_cast<std::uint8_t>(v >> 24);
    out[1] = static_cast<std::uint8_t>(v >> 16);
    out[2] = static_cast<std::uint8_t>(v >> 8);
    out[3] = static_cast<std::uint8_t>(v);
}

std::uint32_t get_be32(const std::uint8_t* in) {
    return (std::uint32_t{in[0]} << 24) | (std::uint32_t{in[1]} << 16) | (std::uint32_t{in[2]} << 8) | in[3];
}

std::array<std::uint8_t, 32> sha256d(ByteView data) {
    std::array<std::uint8_t, 32> once{};
    std::array<std::uint8_t, 32> twice{};
    SHA256(data.data(), data.size(), once.data());
    SHA256(once.data(), once.size(), twice.data());
    return twice;
}

// The 78-byte serialisation; holds the private key for xprv, so it is a SecureBytes.
SecureBytes serialize(const ExtendedKey& key, bool as_private) {
    SecureBytes out(kSerializedSize);
    put_be32(out.data(), as_private ? kVersionXprv : kVersionXpub);
    out[4] = key.depth;
    std::memcpy(out.data() + 5, key.parent_fingerprint.data(), 4);
    put_be32(out.data() + 9, key.child_number);
    std::memcpy(out.data() + 13, key.chain_code.data(), 32);
    if (as_private) {
        out[45] = 0;
        std::memcpy(out.data() + 46, key.private_key->bytes().data(), 32);
    } else {
        const auto compressed = key.public_key.compressed();
        std::memcpy(out.data() + 45, compressed.data(), 33);
    }
    return out;
}

}  // namespace

FixedBytes<4> ExtendedKey::fingerprint() const {
    const auto compressed = public_key.compressed();
    std::array<std::uint8_t, 32> sha{};
    SHA256(compressed.data(), compressed.size(), sha.data());
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> ripemd{};
    unsigned int len = 0;
    FixedBytes<4> out;
    // RIPEMD-160 is in OpenSSL 3's default provider again since 3.0.7.
    if (EVP_Digest(sha.data(), sha.size(), ripemd.data(), &len, EVP_ripemd160(), nullptr) == 1 && len == 20)
        std::memcpy(out.data(), ripemd.data(), 4);
    return out;
}

Result<ExtendedKey> master_key_from_seed(ByteView seed) {
    if (seed.size() < 16 || seed.size() > 64)
        return make_error("a BIP-32 seed is 16 to 64 bytes, not " + std::to_string(seed.size()));
    auto i = hmac_sha512(as_bytes("Bitcoin seed"), seed);
    if (!i) return i.error();
    auto key = PrivateKey::from_bytes(ByteView(i->data(), 32));
    if (!key) return make_error("this seed gives an invalid master key (probability 2^-127); use another seed");
    ExtendedKey out;
    std::memcpy(out.chain_code.data(), i->data() + 32, 32);
    out.public_key = public_key_of(*key);
    out.private_key = std::move(*key);
    return out;
}

Result<ExtendedKey> derive_child(const ExtendedKey& parent, std::uint32_t index) {
    const bool hardened = index >= kBip32Hardened;
    if (hardened && !parent.is_private())
        return make_error("a hardened child cannot be derived from a public (xpub) key");
    if (parent.depth == 255) return make_error("a BIP-32 path can be at most 255 levels deep");

    SecureBytes data(37);
    if (hardened) {
        data[0] = 0;
        std::memcpy(data.data() + 1, parent.private_key->bytes().data(), 32);
    } else {
        const auto compressed = parent.public_key.compressed();
        std::memcpy(data.data(), compressed.data(), 33);
    }
    put_be32(data.data() + 33, index);
    auto i = hmac_sha512(parent.chain_code, data.view());
    if (!i) return i.error();
    Hash tweak;
    std::memcpy(tweak.data(), i->data(), 32);

    ExtendedKey child;
    child.depth = static_cast<std::uint8_t>(parent.depth + 1);
    child.parent_fingerprint = parent.fingerprint();
    child.child_number = index;
    std::memcpy(child.chain_code.data(), i->data() + 32, 32);
    constexpr const char* kInvalidChild =
        "child key is invalid (probability 2^-127); BIP-32 says to skip to the next index";
    if (parent.is_private()) {
        auto key = private_key_tweak_add(*parent.private_key, tweak);
        secure_wipe(tweak.data(), tweak.size());
        if (!key) return make_error(kInvalidChild);
        child.public_key = public_key_of(*key);
        child.private_key = std::move(*key);
    } else {
        auto point = public_key_tweak_add(parent.public_key, tweak);
        if (!point) return make_error(kInvalidChild);
        child.public_key = *point;
    }
    return child;
}

ExtendedKey neuter(const ExtendedKey& key) {
    ExtendedKey out = key;
    out.private_key.reset();
    return out;
}

Result<std::vector<std::uint32_t>> parse_derivation_path(std::string_view path) {
    const std::string quoted = "'" + std::string(path.substr(0, 64)) + "'";
    if (path.empty() || path[0] != 'm')
        return make_error("derivation path " + quoted + " must start with m (e.g. m/44'/60'/0'/0/0)");
    std::vector<std::uint32_t> out;
    std::size_t pos = 1;
    while (pos < path.size()) {
        if (path[pos] != '/')
            return make_error("derivation path " + quoted + ": expected '/' at position " + std::to_string(pos + 1));
        ++pos;
        if (pos == path.size()) break;  // a trailing slash
        std::size_t end = pos;
        while (end < path.size() && path[end] >= '0' && path[end] <= '9') ++end;
        if (end == pos)
            return make_error("derivation path " + quoted + ": expected a number at position " +
                              std::to_string(pos + 1));
        std::uint32_t value = 0;
        const auto [ptr, ec] = std::from_chars(path.data() + pos, path.data() + end, value);
        if (ec != std::errc() || value >= kBip32Hardened)
            return make_error("derivation path " + quoted + ": index " + std::string(path.substr(pos, end - pos)) +
                              " is too large (at most 2147483647)");
        pos = end;
        if (pos < path.size() && (path[pos] == '\'' || path[pos] == 'h' || path[pos] == 'H')) {
            value |= kBip32Hardened;
            ++pos;
        }
        out.push_back(value);
    }
    if (out.size() > 255) return make_error("a BIP-32 path can be at most 255 levels deep");
    return out;
}

Result<ExtendedKey> derive_path(const ExtendedKey& root, std::string_view path) {
    auto indices = parse_derivation_path(path);
    if (!indices) return indices.error();
    ExtendedKey key = root;
    for (const std::uint32_t index : *indices) {
        auto child = derive_child(key, index);
        if (!child) return child.error();
        key = std::move(*child);
    }
    return key;
}

std::string base58_encode(ByteView data) {
    std::size_t zeros = 0;
    while (zeros < data.size() && data[zeros] == 0) ++zeros;
    // log(256)/log(58) < 1.38
    std::vector<std::uint8_t> digits(data.size() * 138 / 100 + 1, 0);
    std::size_t length = 0;
    for (std::size_t i = zeros; i < data.size(); ++i) {
        unsigned carry = data[i];
        std::size_t j = 0;
        for (auto it = digits.rbegin(); (carry != 0 || j < length) && it != digits.rend(); ++it, ++j) {
            carry += 256u * *it;
            *it = static_cast<std::uint8_t>(carry % 58);
            carry /= 58;
        }
        length = j;
    }
    auto it = digits.begin() + static_cast<std::ptrdiff_t>(digits.size() - length);
    while (it != digits.end() && *it == 0) ++it;
    std::string out(zeros, '1');
    for (; it != digits.end(); ++it) out.push_back(kBase58Alphabet[*it]);
    secure_wipe(digits.data(), digits.size());
    return out;
}

Result<Bytes> base58_decode(std::string_view text) {
    std::size_t zeros = 0;
    while (zeros < text.size() && text[zeros] == '1') ++zeros;
    // log(58)/log(256) < 0.733
    std::vector<std::uint8_t> bytes(text.size() * 733 / 1000 + 1, 0);
    std::size_t length = 0;
    for (std::size_t i = zeros; i < text.size(); ++i) {
        const char* found = std::strchr(kBase58Alphabet, text[i]);
        if (text[i] == '\0' || found == nullptr)
            return make_error("invalid Base58 character '" + std::string(1, text[i]) + "' at position " +
                              std::to_string(i + 1));
        unsigned carry = static_cast<unsigned>(found - kBase58Alphabet);
        std::size_t j = 0;
        for (auto it = bytes.rbegin(); (carry != 0 || j < length) && it != bytes.rend(); ++it, ++j) {
            carry += 58u * *it;
            *it = static_cast<std::uint8_t>(carry % 256);
            carry /= 256;
        }
        length = j;
    }
    auto it = bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() - length);
    while (it != bytes.end() && *it == 0) ++it;
    Bytes out(zeros, 0);
    out.insert(out.end(), it, bytes.end());
    secure_wipe(bytes.data(), bytes.size());
    return out;
}

std::string base58check_encode(ByteView payload) {
    Bytes data(payload.begin(), payload.end());
    const auto check = sha256d(payload);
    data.insert(data.end(), check.begin(), check.begin() + 4);
    std::string out = base58_encode(data);
    secure_wipe(data.data(), data.size());
    return out;
}

Result<Bytes> base58check_decode(std::string_view text) {
    auto raw = base58_decode(text);
    if (!raw) return raw.error();
    if (raw->size() < 4) return make_error("Base58Check text is too short to hold a checksum");
    const std::size_t n = raw->size() - 4;
    const auto check = sha256d(ByteView(raw->data(), n));
    if (!std::equal(check.begin(), check.begin() + 4, raw->begin() + static_cast<std::ptrdiff_t>(n))) {
        secure_wipe(raw->data(), raw->size());
        return make_error("invalid checksum: the text was mistyped or truncated");
    }
    raw->resize(n);
    return raw;
}

SecureBytes to_xprv(const ExtendedKey& key) {
    if (!key.is_private()) return SecureBytes();
    const SecureBytes raw = serialize(key, true);
    // base58check_encode's own buffers are wiped; the string result is moved into SecureBytes.
    std::string text = base58check_encode(raw.view());
    SecureBytes out(as_bytes(text));
    secure_wipe(text.data(), text.size());
    return out;
}

std::string to_xpub(const ExtendedKey& key) { return base58check_encode(serialize(key, false).view()); }

Result<ExtendedKey> parse_extended_key(std::string_view text) {
    // 78 bytes + checksum are 111 or 112 Base58 digits; bound the quadratic decoder for pasted junk.
    if (text.size() > 120) return make_error("not an extended key: the text is too long");
    auto decoded = base58check_decode(text);
    if (!decoded) return make_error("not an extended key: " + decoded.message());
    const SecureBytes raw(*decoded);
    secure_wipe(decoded->data(), decoded->size());
    if (raw.size() != kSerializedSize)
        return make_error("not an extended key: it holds " + std::to_string(raw.size()) + " bytes instead of 78");

    const std::uint32_t version = get_be32(raw.data());
    if (version != kVersionXprv && version != kVersionXpub)
        return make_error("unknown extended key version (only mainnet xprv and xpub are supported)");
    const bool is_private = version == kVersionXprv;

    ExtendedKey key;
    key.depth = raw[4];
    std::memcpy(key.parent_fingerprint.data(), raw.data() + 5, 4);
    key.child_number = get_be32(raw.data() + 9);
    std::memcpy(key.chain_code.data(), raw.data() + 13, 32);
    if (key.depth == 0 && !key.parent_fingerprint.is_zero())
        return make_error("invalid extended key: zero depth with non-zero parent fingerprint");
    if (key.depth == 0 && key.child_number != 0)
        return make_error("invalid extended key: zero depth with non-zero index");

    const std::uint8_t prefix = raw[45];
    if (is_private) {
        if (prefix == 0x02 || prefix == 0x03)
            return make_error("invalid extended key: an xprv version with a public key (version / key mismatch)");
        if (prefix != 0x00)
            return make_error("invalid extended key: private key prefix " + to_hex_bare(ByteView(&prefix, 1)) +
                              " (must be 00)");
        auto secret = PrivateKey::from_bytes(ByteView(raw.data() + 46, 32));
        if (!secret) return make_error("invalid extended key: private key not in 1..n-1");
        key.public_key = public_key_of(*secret);
        key.private_key = std::move(*secret);
    } else {
        if (prefix == 0x00)
            return make_error("invalid extended key: an xpub version with a private key (version / key mismatch)");
        if (prefix != 0x02 && prefix != 0x03)
            return make_error("invalid extended key: public key prefix " + to_hex_bare(ByteView(&prefix, 1)) +
                              " (must be 02 or 03)");
        auto point = PublicKey::parse(ByteView(raw.data() + 45, 33));
        if (!point) return make_error("invalid extended key: the public key is not a point on secp256k1");
        key.public_key = *point;
    }
    return key;
}

std::string bip44_ethereum_path(std::uint32_t index) { return "m/44'/60'/0'/0/" + std::to_string(index); }

Result<PrivateKey> derive_ethereum_key(ByteView seed, std::uint32_t index) {
    if (index >= kBip32Hardened) return make_error("account index must be below 2^31");
    auto master = master_key_from_seed(seed);
    if (!master) return master.error();
    auto key = derive_path(*master, bip44_ethereum_path(index));
    if (!key) return key.error();
    return *key->private_key;
}

}  // namespace sluice
