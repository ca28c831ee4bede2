// SPDX-License-Identifier: MIT
#pragma once
// EIP-712 typed structured data hashing and signing, over the JSON of eth_signTypedData_v4:
// {"types": {...}, "primaryType": "...", "domain": {...}, "message": {...}}.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"

namespace sluice {

// "Mail(Person from,Person to,string contents)Person(string name,address wallet)": the primary
// type followed by every type it references, those sorted by name.
Result<std::string> eip712_encode_type(const nlohmann::json& types, std::string_view primary_type);
Result<Hash> eip712_type_hash(const nlohmann::json& types, std::string_view primary_type);
// typeHash || enc(field) for each field, 32 bytes each.
Result<Bytes> eip712_encode_data(const nlohmann::json& types, std::string_view primary_type,
                                 const nlohmann::json& data);
Result<Hash> eip712_hash_struct(const nlohmann::json& types, std::string_view primary_type, const nlohmann::json& data);
// hashStruct(EIP712Domain, domain). If "types" lacks EIP712Domain it is inferred from the domain's
// keys in the standard order (name, version, chainId, verifyingContract, salt).
Result<Hash> eip712_domain_separator(const nlohmann::json& typed_data);
// keccak256(0x19 0x01 || domainSeparator || hashStruct(primaryType, message)).
Result<Hash> eip712_signing_hash(const nlohmann::json& typed_data);
Result<RecoverableSignature> eip712_sign(const nlohmann::json& typed_data, const PrivateKey& key);

}  // namespace sluice
