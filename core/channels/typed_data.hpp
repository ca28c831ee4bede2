// SPDX-License-Identifier: MIT
#pragma once
// EIP-712 of docs/CHANNELS.md §3.2: the domain, the State and CooperativeClose struct hashes and
// digests, byte for byte those of Channels.stateDigest / cooperativeCloseDigest; and the 65-byte
// r ‖ s ‖ v signatures over them with the contract's acceptance rule (v ∈ {27, 28}, low s, a
// recovered address that is the expected, non-zero signer).
//
// The hashes are computed directly from the fields (no JSON on the payment path); the
// eth_signTypedData_v4 documents (*_typed_data) are for external signers and for checking
// against core/eth's general EIP-712 encoder and cast.

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/channels/state.hpp"
#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/account_signer.hpp"

namespace sluice::channels {

inline constexpr std::string_view kDomainName = "Sluice Channels";
inline constexpr std::string_view kDomainVersion = "1";
inline constexpr std::string_view kDomainType =
    "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
inline constexpr std::string_view kStateType =
    "State(bytes32 channelId,uint64 nonce,uint256 depositA,uint256 depositB,uint256 balanceA,uint256 balanceB,"
    "bytes32 locksRoot,uint256 lockedAmount)";
inline constexpr std::string_view kCooperativeCloseType =
    "CooperativeClose(bytes32 channelId,uint256 depositA,uint256 depositB,uint256 balanceA,uint256 balanceB)";

// keccak of the type strings above (STATE_TYPEHASH, COOPERATIVE_CLOSE_TYPEHASH).
const Hash& domain_type_hash();
const Hash& state_type_hash();
const Hash& cooperative_close_type_hash();

// keccak(abi.encode(DOMAIN_TYPEHASH, keccak(name), keccak(version), chainId, contract)).
Hash domain_separator(const Domain& domain);
// hashStruct: keccak(typeHash ‖ each field as one 32-byte word).
Hash struct_hash(const State& state);
Hash struct_hash(const CooperativeClose& close);
// keccak(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash): what both participants sign.
Hash typed_data_digest(const Hash& domain_separator, const Hash& struct_hash);
Hash state_digest(const Domain& domain, const State& state);
Hash cooperative_close_digest(const Domain& domain, const CooperativeClose& close);

// The eth_signTypedData_v4 documents of §11 (amounts as decimal strings).
nlohmann::json state_typed_data(const Domain& domain, const State& state);
nlohmann::json cooperative_close_typed_data(const Domain& domain, const CooperativeClose& close);

// r ‖ s ‖ v with v ∈ {27, 28}, as eth_signTypedData_v4 returns it and the contract takes it.
using Signature = FixedBytes<65>;

// Why a signature is refused (the contract refuses all of these with BadSignature(signer)).
enum class SignatureError : std::uint8_t {
    None = 0,
    WrongLength = 1,  // not 65 bytes (64-byte EIP-2098 signatures included)
    BadV = 2,         // v is not 27 or 28
    HighS = 3,        // s > n/2 (EIP-2)
    NoSigner = 4,     // recovers no address (ecrecover gives address(0))
    WrongSigner = 5,  // recovers another address
    ZeroSigner = 6,   // the expected signer is the zero address, which never signs
};
std::string_view describe(SignatureError error);

// The contract's _signer: the address the signature recovers to over `digest`, or nullopt where
// the contract gets address(0) (wrong length, v, high s, or no key).
std::optional<Address> recover_signer(const Hash& digest, ByteView signature);
SignatureError verify_signature(const Hash& digest, ByteView signature, const Address& expected);

// RFC 6979, low s, v 27/28. Through an AccountSigner the signature is checked against its address
// before it is returned, so a signer that answers with a high s or another key's signature fails.
Signature sign_digest(const Hash& digest, const PrivateKey& key);
Result<Signature> sign_digest(const Hash& digest, const AccountSigner& signer);
Result<Signature> sign_state(const Domain& domain, const State& state, const AccountSigner& signer);
Result<Signature> sign_cooperative_close(const Domain& domain, const CooperativeClose& close,
                                         const AccountSigner& signer);

// `signer`'s signature over the state (or close) in the channel's domain.
SignatureError verify_state_signature(const Domain& domain, const State& state, ByteView signature,
                                      const Address& signer);
SignatureError verify_cooperative_close_signature(const Domain& domain, const CooperativeClose& close,
                                                  ByteView signature, const Address& signer);

// Both participants' signatures on a state of `channel` (what close and dispute need, and what a
// watchtower or a restoring wallet checks, §13.5, §13.7). A state of another channel is refused
// first (wrong_channel); then the first signature that fails, A's first, names whose (`failed`).
struct CosignatureCheck {
    bool wrong_channel = false;
    SignatureError error = SignatureError::None;
    Participant failed = Participant::A;
    bool ok() const { return !wrong_channel && error == SignatureError::None; }
};
CosignatureCheck verify_cosigned(const Channel& channel, const State& state, ByteView sig_a, ByteView sig_b);

}  // namespace sluice::channels
