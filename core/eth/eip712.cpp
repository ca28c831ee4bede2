// SPDX-License-Identifier: MIT
#include "core/eth/eip712.hpp"

#include <set>

#include "core/crypto/keccak.hpp"
#include "core/eth/abi.hpp"
#include "core/eth/address.hpp"

namespace sluice {
namespace {

using nlohmann::json;

// "Person[][2]" -> "Person".
std::string_view base_type(std::string_view type) {
    const std::size_t bracket = type.find('[');
    return bracket == std::string_view::npos ? type : type.substr(0, bracket);
}

Result<const json*> fields_of(const json& types, std::string_view name) {
    const std::string key(name);
    if (!types.is_object() || !types.contains(key)) return make_error("EIP-712 type '" + key + "' is not defined");
    const json& f = types.at(key);
    if (!f.is_array()) return make_error("EIP-712 type '" + key + "' must be a list of fields");
    for (const json& field : f)
        if (!field.is_object() || !field.contains("name") || !field.contains("type") || !field["name"].is_string() ||
            !field["type"].is_string())
            return make_error("EIP-712 type '" + key + "' has a field without a string name and type");
    return &f;
}

Status collect_dependencies(const json& types, const std::string& name, std::set<std::string>& found) {
    if (found.count(name)) return {};
    auto fields = fields_of(types, name);
    if (!fields) return fields.error();
    found.insert(name);
    for (const json& field : **fields) {
        const std::string dep(base_type(field["type"].get_ref<const std::string&>()));
        if (types.contains(dep))
            if (auto st = collect_dependencies(types, dep, found); !st) return st;
    }
    return {};
}

Result<U256> integer_of(const json& value, const AbiType& type) {
    std::string text;
    if (value.is_number_unsigned())
        text = std::to_string(value.get<std::uint64_t>());
    else if (value.is_number_integer())
        text = std::to_string(value.get<std::int64_t>());
    else if (value.is_string())
        text = value.get<std::string>();
    else
        return make_error("expected an integer for " + type.canonical());
    auto v = abi_value_from_text(type, text);
    if (!v) return v.error();
    return std::get<U256>(v->value);
}

Result<Hash> hash_struct_impl(const json& types, const std::string& name, const json& data, int depth);

// The 32-byte encoding of one member value (EIP-712 "encodeData" rules).
Result<Hash> encode_value(const json& types, const std::string& type, const json& value, int depth) {
    if (depth > 32) return make_error("EIP-712 data is nested too deeply");
    if (!type.empty() && type.back() == ']') {
        const std::size_t open = type.rfind('[');
        const std::string element = type.substr(0, open);
        const std::string length = type.substr(open + 1, type.size() - open - 2);
        if (!value.is_array()) return make_error("expected an array for " + type);
        if (!length.empty() && std::to_string(value.size()) != length)
            return make_error(type + " needs " + length + " elements, got " + std::to_string(value.size()));
        Keccak256 h;
        for (const json& item : value) {
            auto enc = encode_value(types, element, item, depth + 1);
            if (!enc) return enc;
            h.update(*enc);
        }
        return h.finish();
    }
    if (types.contains(type)) return hash_struct_impl(types, type, value, depth + 1);
    if (type == "string") {
        if (!value.is_string()) return make_error("expected a string");
        return keccak256(as_bytes(value.get_ref<const std::string&>()));
    }
    if (type == "bytes") {
        if (!value.is_string()) return make_error("expected 0x-hex bytes");
        auto b = from_hex(value.get_ref<const std::string&>());
        if (!b) return make_error("expected 0x-hex bytes, got '" + value.get<std::string>() + "'");
        return keccak256(*b);
    }
    if (type == "bool") {
        if (!value.is_boolean()) return make_error("expected true or false");
        return u256_to_be32(value.get<bool>() ? 1 : 0);
    }
    if (type == "address") {
        if (!value.is_string()) return make_error("expected an address string");
        auto a = parse_address(value.get_ref<const std::string&>());
        if (!a) return a.error();
        Hash out;
        std::copy(a->begin(), a->end(), out.bytes.begin() + 12);
        return out;
    }
    auto abi = parse_abi_type(type);
    if (!abi) return make_error("unknown EIP-712 type '" + type + "'");
    switch (abi->kind) {
    case AbiType::Kind::uint:
    case AbiType::Kind::int_: {
        auto v = integer_of(value, *abi);
        if (!v) return v.error();
        return u256_to_be32(*v);
    }
    case AbiType::Kind::fixed_bytes: {
        if (!value.is_string()) return make_error("expected 0x-hex for " + type);
        auto v = abi_value_from_text(*abi, value.get<std::string>());
        if (!v) return v.error();
        Hash out;
        const Bytes& b = std::get<Bytes>(v->value);
        std::copy(b.begin(), b.end(), out.bytes.begin());
        return out;
    }
    default: return make_error("unsupported EIP-712 type '" + type + "'");
    }
}

Result<Bytes> encode_data_impl(const json& types, const std::string& name, const json& data, int depth) {
    if (!data.is_object()) return make_error("EIP-712 value of type " + name + " must be an object");
    auto fields = fields_of(types, name);
    if (!fields) return fields.error();
    auto type_hash = eip712_type_hash(types, name);
    if (!type_hash) return type_hash.error();
    Bytes out(type_hash->begin(), type_hash->end());
    for (const json& field : **fields) {
        const std::string& fname = field["name"].get_ref<const std::string&>();
        if (!data.contains(fname)) return make_error("EIP-712 " + name + " is missing field '" + fname + "'");
        auto enc = encode_value(types, field["type"].get<std::string>(), data.at(fname), depth);
        if (!enc) return make_error(name + "." + fname + ": " + enc.message());
        append(out, *enc);
    }
    return out;
}

Result<Hash> hash_struct_impl(const json& types, const std::string& name, const json& data, int depth) {
    auto enc = encode_data_impl(types, name, data, depth);
    if (!enc) return enc.error();
    return keccak256(*enc);
}

// The types with EIP712Domain present: given, or inferred from the domain's keys.
Result<json> types_with_domain(const json& typed_data) {
    if (!typed_data.is_object() || !typed_data.contains("types") || !typed_data["types"].is_object())
        return make_error("EIP-712 document has no \"types\" object");
    if (!typed_data.contains("domain") || !typed_data["domain"].is_object())
        return make_error("EIP-712 document has no \"domain\" object");
    json types = typed_data["types"];
    if (!types.contains("EIP712Domain")) {
        static const std::pair<const char*, const char*> standard[] = {{"name", "string"},
                                                                       {"version", "string"},
                                                                       {"chainId", "uint256"},
                                                                       {"verifyingContract", "address"},
                                                                       {"salt", "bytes32"}};
        json fields = json::array();
        for (const auto& [n, t] : standard)
            if (typed_data["domain"].contains(n)) fields.push_back({{"name", n}, {"type", t}});
        types["EIP712Domain"] = fields;
    }
    return types;
}

}  // namespace

Result<std::string> eip712_encode_type(const nlohmann::json& types, std::string_view primary_type) {
    std::set<std::string> deps;
    if (auto st = collect_dependencies(types, std::string(primary_type), deps); !st) return st.error();
    deps.erase(std::string(primary_type));
    std::vector<std::string> order{std::string(primary_type)};
    order.insert(order.end(), deps.begin(), deps.end());  // std::set iterates sorted
    std::string out;
    for (const std::string& name : order) {
        out += name + "(";
        bool first = true;
        for (const json& field : types.at(name)) {
            if (!first) out += ",";
            first = false;
            out += field["type"].get<std::string>() + " " + field["name"].get<std::string>();
        }
        out += ")";
    }
    return out;
}

Result<Hash> eip712_type_hash(const nlohmann::json& types, std::string_view primary_type) {
    auto text = eip712_encode_type(types, primary_type);
    if (!text) return text.error();
    return keccak256(as_bytes(*text));
}

Result<Bytes> eip712_encode_data(const nlohmann::json& types, std::string_view primary_type,
                                 const nlohmann::json& data) {
    return encode_data_impl(types, std::string(primary_type), data, 0);
}

Result<Hash> eip712_hash_struct(const nlohmann::json& types, std::string_view primary_type,
                                const nlohmann::json& data) {
    return hash_struct_impl(types, std::string(primary_type), data, 0);
}

Result<Hash> eip712_domain_separator(const nlohmann::json& typed_data) {
    auto types = types_with_domain(typed_data);
    if (!types) return types.error();
    return eip712_hash_struct(*types, "EIP712Domain", typed_data["domain"]);
}

Result<Hash> eip712_signing_hash(const nlohmann::json& typed_data) {
    auto types = types_with_domain(typed_data);
    if (!types) return types.error();
    if (!typed_data.contains("primaryType") || !typed_data["primaryType"].is_string())
        return make_error("EIP-712 document has no \"primaryType\" string");
    auto domain = eip712_hash_struct(*types, "EIP712Domain", typed_data["domain"]);
    if (!domain) return domain.error();
    Bytes preimage{0x19, 0x01};
    append(preimage, *domain);
    const std::string primary = typed_data["primaryType"].get<std::string>();
    // Signing the domain itself has no message part (as eth_signTypedData_v4 does it).
    if (primary != "EIP712Domain") {
        if (!typed_data.contains("message")) return make_error("EIP-712 document has no \"message\"");
        auto message = eip712_hash_struct(*types, primary, typed_data["message"]);
        if (!message) return message.error();
        append(preimage, *message);
    }
    return keccak256(preimage);
}

Result<RecoverableSignature> eip712_sign(const nlohmann::json& typed_data, const PrivateKey& key) {
    auto digest = eip712_signing_hash(typed_data);
    if (!digest) return digest.error();
    return sign_hash(*digest, key);
}

}  // namespace sluice
