// SPDX-License-Identifier: MIT
#include "core/channels/typed_data.hpp"

#include <array>
#include <cstring>
#include <string>

#include "core/crypto/keccak.hpp"
#include "core/eth/address.hpp"

namespace sluice::channels {
namespace {

using nlohmann::json;

// n/2 for secp256k1, the largest s the contract accepts (HALF_N).
const Hash& half_n() {
    static const Hash h = *Hash::from_hex("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
    return h;
}

// Appends 32-byte words to a fixed buffer.
template <std::size_t Words>
class Words32 {
public:
    Words32& put(const Hash& word) {
        std::memcpy(m_buf.data() + 32 * m_n++, word.data(), 32);
        return *this;
    }
    Words32& put(const U256& value) { return put(u256_to_be32(value)); }
    Words32& put(const Address& address) {
        Hash word;
        std::memcpy(word.data() + 12, address.data(), 20);
        return put(word);
    }
    Hash hash() const { return keccak256(ByteView(m_buf.data(), 32 * m_n)); }

private:
    std::array<std::uint8_t, 32 * Words> m_buf{};
    std::size_t m_n = 0;
};

json domain_json(const Domain& domain) {
    return {{"name", std::string(kDomainName)},
            {"version", std::string(kDomainVersion)},
            {"chainId", u256_to_dec(domain.chain_id)},
            {"verifyingContract", to_checksum_address(domain.verifying_contract)}};
}

json domain_type_json() {
    return json::array({{{"name", "name"}, {"type", "string"}},
                        {{"name", "version"}, {"type", "string"}},
                        {{"name", "chainId"}, {"type", "uint256"}},
                        {{"name", "verifyingContract"}, {"type", "address"}}});
}

}  // namespace

const Hash& domain_type_hash() {
    static const Hash h = keccak256(as_bytes(kDomainType));
    return h;
}

const Hash& state_type_hash() {
    static const Hash h = keccak256(as_bytes(kStateType));
    return h;
}

const Hash& cooperative_close_type_hash() {
    static const Hash h = keccak256(as_bytes(kCooperativeCloseType));
    return h;
}

Hash domain_separator(const Domain& domain) {
    static const Hash name = keccak256(as_bytes(kDomainName));
    static const Hash version = keccak256(as_bytes(kDomainVersion));
    return Words32<5>()
        .put(domain_type_hash())
        .put(name)
        .put(version)
        .put(domain.chain_id)
        .put(domain.verifying_contract)
        .hash();
}

Hash struct_hash(const State& s) {
    return Words32<9>()
        .put(state_type_hash())
        .put(s.channel_id)
        .put(U256(s.nonce))
        .put(s.deposit_a)
        .put(s.deposit_b)
        .put(s.balance_a)
        .put(s.balance_b)
        .put(s.locks_root)
        .put(s.locked_amount)
        .hash();
}

Hash struct_hash(const CooperativeClose& c) {
    return Words32<6>()
        .put(cooperative_close_type_hash())
        .put(c.channel_id)
        .put(c.deposit_a)
        .put(c.deposit_b)
        .put(c.balance_a)
        .put(c.balance_b)
        .hash();
}

Hash typed_data_digest(const Hash& domain_separator, const Hash& struct_hash) {
    std::array<std::uint8_t, 66> buf{0x19, 0x01};
    std::memcpy(buf.data() + 2, domain_separator.data(), 32);
    std::memcpy(buf.data() + 34, struct_hash.data(), 32);
    return keccak256(buf);
}

Hash state_digest(const Domain& domain, const State& state) {
    return typed_data_digest(domain_separator(domain), struct_hash(state));
}

Hash cooperative_close_digest(const Domain& domain, const CooperativeClose& close) {
    return typed_data_digest(domain_separator(domain), struct_hash(close));
}

json state_typed_data(const Domain& domain, const State& s) {
    json fields = json::array();
    static const std::pair<const char*, const char*> state_fields[] = {
        {"channelId", "bytes32"}, {"nonce", "uint64"},     {"depositA", "uint256"},  {"depositB", "uint256"},
        {"balanceA", "uint256"},  {"balanceB", "uint256"}, {"locksRoot", "bytes32"}, {"lockedAmount", "uint256"}};
    for (const auto& [name, type] : state_fields) fields.push_back({{"name", name}, {"type", type}});
    return {{"types", {{"EIP712Domain", domain_type_json()}, {"State", fields}}},
            {"primaryType", "State"},
            {"domain", domain_json(domain)},
            {"message",
             {{"channelId", s.channel_id.hex()},
              {"nonce", s.nonce},
              {"depositA", u256_to_dec(s.deposit_a)},
              {"depositB", u256_to_dec(s.deposit_b)},
              {"balanceA", u256_to_dec(s.balance_a)},
              {"balanceB", u256_to_dec(s.balance_b)},
              {"locksRoot", s.locks_root.hex()},
              {"lockedAmount", u256_to_dec(s.locked_amount)}}}};
}

json cooperative_close_typed_data(const Domain& domain, const CooperativeClose& c) {
    json fields = json::array();
    static const std::pair<const char*, const char*> close_fields[] = {{"channelId", "bytes32"},
                                                                       {"depositA", "uint256"},
                                                                       {"depositB", "uint256"},
                                                                       {"balanceA", "uint256"},
                                                                       {"balanceB", "uint256"}};
    for (const auto& [name, type] : close_fields) fields.push_back({{"name", name}, {"type", type}});
    return {{"types", {{"EIP712Domain", domain_type_json()}, {"CooperativeClose", fields}}},
            {"primaryType", "CooperativeClose"},
            {"domain", domain_json(domain)},
            {"message",
             {{"channelId", c.channel_id.hex()},
              {"depositA", u256_to_dec(c.deposit_a)},
              {"depositB", u256_to_dec(c.deposit_b)},
              {"balanceA", u256_to_dec(c.balance_a)},
              {"balanceB", u256_to_dec(c.balance_b)}}}};
}

std::string_view describe(SignatureError error) {
    switch (error) {
    case SignatureError::None: return "ok";
    case SignatureError::WrongLength: return "a signature is 65 bytes";
    case SignatureError::BadV: return "signature v is not 27 or 28";
    case SignatureError::HighS: return "signature s is above n/2";
    case SignatureError::NoSigner: return "the signature recovers no address";
    case SignatureError::WrongSigner: return "the signature is not the expected signer's";
    case SignatureError::ZeroSigner: return "the zero address never signs";
    }
    return "unknown signature error";
}

namespace {

// The checks of the contract's _signer before ecrecover.
SignatureError check_form(ByteView signature) {
    if (signature.size() != 65) return SignatureError::WrongLength;
    const std::uint8_t v = signature[64];
    if (v != 27 && v != 28) return SignatureError::BadV;
    if (*Hash::from_view(signature.subspan(32, 32)) > half_n()) return SignatureError::HighS;
    return SignatureError::None;
}

}  // namespace

std::optional<Address> recover_signer(const Hash& digest, ByteView signature) {
    if (check_form(signature) != SignatureError::None) return std::nullopt;
    auto sig = RecoverableSignature::from_rsv(signature);
    if (!sig) return std::nullopt;
    auto key = recover_public_key(digest, *sig);
    if (!key) return std::nullopt;
    return key->address();
}

SignatureError verify_signature(const Hash& digest, ByteView signature, const Address& expected) {
    if (expected.is_zero()) return SignatureError::ZeroSigner;
    if (const SignatureError e = check_form(signature); e != SignatureError::None) return e;
    const auto signer = recover_signer(digest, signature);
    if (!signer) return SignatureError::NoSigner;
    return *signer == expected ? SignatureError::None : SignatureError::WrongSigner;
}

Signature sign_digest(const Hash& digest, const PrivateKey& key) { return sign_hash(digest, key).to_rsv(); }

Result<Signature> sign_digest(const Hash& digest, const AccountSigner& signer) {
    if (!signer.sign) return make_error("no signer");
    auto sig = signer.sign(digest);
    if (!sig) return sig.error();
    const Signature rsv = sig->to_rsv();
    if (const SignatureError e = verify_signature(digest, rsv, signer.address); e != SignatureError::None)
        return make_error("the signer's signature does not verify: " + std::string(describe(e)));
    return rsv;
}

Result<Signature> sign_state(const Domain& domain, const State& state, const AccountSigner& signer) {
    return sign_digest(state_digest(domain, state), signer);
}

Result<Signature> sign_cooperative_close(const Domain& domain, const CooperativeClose& close,
                                         const AccountSigner& signer) {
    return sign_digest(cooperative_close_digest(domain, close), signer);
}

SignatureError verify_state_signature(const Domain& domain, const State& state, ByteView signature,
                                      const Address& signer) {
    return verify_signature(state_digest(domain, state), signature, signer);
}

SignatureError verify_cooperative_close_signature(const Domain& domain, const CooperativeClose& close,
                                                  ByteView signature, const Address& signer) {
    return verify_signature(cooperative_close_digest(domain, close), signature, signer);
}

CosignatureCheck verify_cosigned(const Channel& channel, const State& state, ByteView sig_a, ByteView sig_b) {
    CosignatureCheck out;
    if (state.channel_id != channel.id) {
        out.wrong_channel = true;
        return out;
    }
    const Hash digest = state_digest(channel.domain, state);
    if (out.error = verify_signature(digest, sig_a, channel.a); out.error != SignatureError::None) return out;
    out.failed = Participant::B;
    out.error = verify_signature(digest, sig_b, channel.b);
    return out;
}

}  // namespace sluice::channels
