// SPDX-License-Identifier: MIT
#include "core/eth/abi.hpp"

#include <charconv>

#include "core/crypto/keccak.hpp"
#include "core/eth/address.hpp"

namespace sluice {
namespace {

using Kind = AbiType::Kind;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::optional<int> parse_small(std::string_view digits) {
    if (digits.empty() || digits.size() > 4 || (digits.size() > 1 && digits[0] == '0')) return std::nullopt;
    int v = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
    return v;
}

// Splits "a,b,[c,d],e" at top-level commas.
Result<std::vector<std::string_view>> split_top_level(std::string_view text, char open, char close) {
    std::vector<std::string_view> parts;
    int depth = 0;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == open) ++depth;
        if (c == close && --depth < 0) return make_error("unbalanced '" + std::string(1, close) + "'");
        if (c == ',' && depth == 0) {
            parts.push_back(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    if (depth != 0) return make_error("unbalanced '" + std::string(1, open) + "'");
    if (quoted) return make_error("unterminated quote");
    if (!trim(text).empty()) parts.push_back(trim(text.substr(start)));
    for (auto p : parts)
        if (p.empty()) return make_error("empty element in a list");
    return parts;
}

// The largest static type (a fixed array of static elements) parse_abi_type accepts: 16 MiB
// encoded, far above any transaction or return data, and small enough that head sizes never
// overflow.
constexpr std::size_t kMaxStaticSize = std::size_t{1} << 24;

std::size_t head_size(const AbiType& t) {
    if (t.kind == Kind::array && t.length && !t.is_dynamic()) return *t.length * head_size(*t.element);
    return 32;
}

U256 max_of_bits(int bits) { return bits == 256 ? ~U256(0) : (U256(1) << bits) - 1; }

void put_word(Bytes& out, const U256& v) {
    const Hash w = u256_to_be32(v);
    out.insert(out.end(), w.begin(), w.end());
}

void put_padded(Bytes& out, ByteView data) {
    append(out, data);
    out.resize(out.size() + (32 - data.size() % 32) % 32, 0);
}

Result<Bytes> encode_one(const AbiType& t, const AbiValue& v);

Result<Bytes> encode_tuple(const std::vector<const AbiType*>& types, const std::vector<AbiValue>& values) {
    if (types.size() != values.size())
        return make_error("expected " + std::to_string(types.size()) + " values, got " + std::to_string(values.size()));
    std::size_t heads = 0;
    for (const AbiType* t : types) heads += head_size(*t);
    Bytes head, tail;
    for (std::size_t i = 0; i < types.size(); ++i) {
        auto enc = encode_one(*types[i], values[i]);
        if (!enc)
            return make_error("value " + std::to_string(i + 1) + " (" + types[i]->canonical() + "): " + enc.message());
        if (types[i]->is_dynamic()) {
            put_word(head, U256(heads + tail.size()));
            append(tail, *enc);
        } else {
            append(head, *enc);
        }
    }
    append(head, tail);
    return head;
}

const Bytes* bytes_like(const AbiValue& v, Bytes& scratch) {
    if (auto b = std::get_if<Bytes>(&v.value)) return b;
    if (auto s = std::get_if<std::string>(&v.value)) {
        scratch.assign(s->begin(), s->end());
        return &scratch;
    }
    return nullptr;
}

Result<Bytes> encode_one(const AbiType& t, const AbiValue& v) {
    Bytes out;
    Bytes scratch;
    switch (t.kind) {
    case Kind::uint: {
        auto n = std::get_if<U256>(&v.value);
        if (!n) return make_error("expected an unsigned integer");
        if (*n > max_of_bits(t.bits)) return make_error("value does not fit in uint" + std::to_string(t.bits));
        put_word(out, *n);
        return out;
    }
    case Kind::int_: {
        auto n = std::get_if<U256>(&v.value);
        if (!n) return make_error("expected an integer");
        if (t.bits < 256) {
            const U256 half = U256(1) << (t.bits - 1);
            if (*n >= half && *n < (U256(0) - half))
                return make_error("value does not fit in int" + std::to_string(t.bits));
        }
        put_word(out, *n);
        return out;
    }
    case Kind::address: {
        auto a = std::get_if<Address>(&v.value);
        if (!a) return make_error("expected an address");
        out.resize(12, 0);
        append(out, *a);
        return out;
    }
    case Kind::bool_: {
        auto b = std::get_if<bool>(&v.value);
        if (!b) return make_error("expected true or false");
        put_word(out, U256(*b ? 1 : 0));
        return out;
    }
    case Kind::fixed_bytes: {
        const Bytes* b = bytes_like(v, scratch);
        if (!b) return make_error("expected bytes");
        if (b->size() != static_cast<std::size_t>(t.size))
            return make_error("expected exactly " + std::to_string(t.size) + " bytes, got " +
                              std::to_string(b->size()));
        put_padded(out, *b);
        return out;
    }
    case Kind::bytes:
    case Kind::string: {
        const Bytes* b = bytes_like(v, scratch);
        if (!b) return make_error(t.kind == Kind::string ? "expected a string" : "expected bytes");
        put_word(out, U256(b->size()));
        put_padded(out, *b);
        return out;
    }
    case Kind::array: {
        auto elems = std::get_if<std::vector<AbiValue>>(&v.value);
        if (!elems) return make_error("expected an array");
        if (t.length && elems->size() != *t.length)
            return make_error("expected " + std::to_string(*t.length) + " elements, got " +
                              std::to_string(elems->size()));
        std::vector<const AbiType*> types(elems->size(), t.element.get());
        auto body = encode_tuple(types, *elems);
        if (!body) return body;
        if (!t.length) put_word(out, U256(elems->size()));
        append(out, *body);
        return out;
    }
    }
    return make_error("unsupported type");
}

// Decoding. `area` is the enclosing tuple's encoding (offsets are relative to its start), `at` the
// position of this value's head within it.
Result<AbiValue> decode_at(const AbiType& t, ByteView area, std::size_t at);

Result<Hash> word_at(ByteView area, std::size_t at) {
    if (at > area.size() || area.size() - at < 32) return make_error("data is too short");
    return *Hash::from_view(area.subspan(at, 32));
}

Result<std::size_t> size_at(ByteView area, std::size_t at, const char* what) {
    auto w = word_at(area, at);
    if (!w) return w.error();
    const U256 v = *u256_from_be(*w);
    if (v > area.size()) return make_error(std::string(what) + " points past the end of the data");
    return static_cast<std::size_t>(v);
}

Result<std::vector<AbiValue>> decode_tuple(const std::vector<const AbiType*>& types, ByteView area) {
    std::vector<AbiValue> out;
    out.reserve(types.size());
    std::size_t head = 0;
    for (const AbiType* t : types) {
        if (t->is_dynamic()) {
            auto offset = size_at(area, head, "offset");
            if (!offset) return offset.error();
            auto v = decode_at(*t, area.subspan(*offset), 0);
            if (!v) return v.error();
            out.push_back(std::move(*v));
        } else {
            auto v = decode_at(*t, area, head);
            if (!v) return v.error();
            out.push_back(std::move(*v));
        }
        head += head_size(*t);
    }
    return out;
}

Result<AbiValue> decode_at(const AbiType& t, ByteView area, std::size_t at) {
    if (t.kind == Kind::array) {
        std::size_t count = 0;
        ByteView body = area.subspan(std::min(at, area.size()));
        if (t.length) {
            count = *t.length;
        } else {
            auto n = size_at(area, at, "array length");
            if (!n) return n.error();
            count = *n;
            body = area.subspan(at + 32);
        }
        // Every element takes at least one 32-byte head, which bounds a hostile length.
        if (count > body.size() / head_size(*t.element)) return make_error("array length exceeds the data");
        std::vector<const AbiType*> types(count, t.element.get());
        auto elems = decode_tuple(types, body);
        if (!elems) return elems.error();
        return AbiValue(std::move(*elems));
    }
    if (t.kind == Kind::bytes || t.kind == Kind::string) {
        auto n = size_at(area, at, "length");
        if (!n) return n.error();
        const std::size_t padded = (*n + 31) / 32 * 32;
        if (area.size() - at - 32 < padded) return make_error("bytes/string data is too short");
        const ByteView data = area.subspan(at + 32, *n);
        for (std::size_t i = *n; i < padded; ++i)
            if (area[at + 32 + i] != 0) return make_error("non-zero padding after bytes/string");
        if (t.kind == Kind::string) return AbiValue(std::string(data.begin(), data.end()));
        return AbiValue(Bytes(data.begin(), data.end()));
    }
    auto w = word_at(area, at);
    if (!w) return w.error();
    const U256 v = *u256_from_be(*w);
    switch (t.kind) {
    case Kind::uint:
        if (v > max_of_bits(t.bits)) return make_error("value does not fit in uint" + std::to_string(t.bits));
        return AbiValue(v);
    case Kind::int_:
        if (t.bits < 256) {
            const U256 half = U256(1) << (t.bits - 1);
            if (v >= half && v < (U256(0) - half))
                return make_error("value does not fit in int" + std::to_string(t.bits));
        }
        return AbiValue(v);
    case Kind::address:
        if (v > max_of_bits(160)) return make_error("address has non-zero high bytes");
        return AbiValue(*Address::from_view(ByteView(*w).subspan(12)));
    case Kind::bool_:
        if (v > 1) return make_error("bool is neither 0 nor 1");
        return AbiValue(v == 1);
    case Kind::fixed_bytes:
        for (std::size_t i = static_cast<std::size_t>(t.size); i < 32; ++i)
            if ((*w)[i] != 0) return make_error("non-zero padding after bytes" + std::to_string(t.size));
        return AbiValue(Bytes(w->begin(), w->begin() + t.size));
    default: return make_error("unsupported type");
    }
}

Result<U256> parse_integer_text(std::string_view text) {
    std::optional<U256> v;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        v = u256_from_hex(text);
    else
        v = u256_from_dec(text);
    if (!v) return make_error("'" + std::string(text) + "' is not an integer that fits in 256 bits");
    return *v;
}

}  // namespace

bool AbiType::is_dynamic() const {
    if (kind == Kind::bytes || kind == Kind::string) return true;
    if (kind == Kind::array) return !length || element->is_dynamic();
    return false;
}

std::string AbiType::canonical() const {
    switch (kind) {
    case Kind::uint: return "uint" + std::to_string(bits);
    case Kind::int_: return "int" + std::to_string(bits);
    case Kind::address: return "address";
    case Kind::bool_: return "bool";
    case Kind::fixed_bytes: return "bytes" + std::to_string(size);
    case Kind::bytes: return "bytes";
    case Kind::string: return "string";
    case Kind::array: return element->canonical() + "[" + (length ? std::to_string(*length) : "") + "]";
    }
    return "?";
}

Result<AbiType> parse_abi_type(std::string_view text) {
    const std::string_view original = text;
    text = trim(text);
    AbiType t;
    if (!text.empty() && text.back() == ']') {
        const std::size_t open = text.rfind('[');
        if (open == std::string_view::npos) return make_error("unbalanced ']' in type '" + std::string(original) + "'");
        const std::string_view inside = text.substr(open + 1, text.size() - open - 2);
        auto element = parse_abi_type(text.substr(0, open));
        if (!element) return element.error();
        t.kind = Kind::array;
        t.element = std::make_shared<const AbiType>(std::move(*element));
        if (!inside.empty()) {
            auto k = parse_small(inside);
            if (!k || *k == 0) return make_error("bad array length in type '" + std::string(original) + "'");
            t.length = static_cast<std::size_t>(*k);
            // A static T[k] is encoded in place, k times T's size: nested lengths multiply
            // ("uint256[8192][8192][8192][8192][8192]" would wrap size_t to 0, and the decoder
            // divides by that size). No real calldata or return data comes near this bound.
            if (!t.is_dynamic() && head_size(*t.element) > kMaxStaticSize / *t.length)
                return make_error("type '" + std::string(original) + "' is too large (its static encoding exceeds " +
                                  std::to_string(kMaxStaticSize) + " bytes)");
        }
        return t;
    }
    auto sized = [&](std::string_view prefix, Kind kind) -> std::optional<Result<AbiType>> {
        if (text.substr(0, prefix.size()) != prefix) return std::nullopt;
        const std::string_view rest = text.substr(prefix.size());
        if (rest.empty() && kind != Kind::fixed_bytes) {
            t.kind = kind;
            t.bits = 256;
            return Result<AbiType>(t);
        }
        auto n = parse_small(rest);
        if (!n) return std::nullopt;
        if (kind == Kind::fixed_bytes) {
            if (*n < 1 || *n > 32)
                return Result<AbiType>(make_error("bytes<N> needs 1 <= N <= 32, got '" + std::string(text) + "'"));
            t.kind = kind;
            t.size = *n;
        } else {
            if (*n < 8 || *n > 256 || *n % 8 != 0)
                return Result<AbiType>(
                    make_error("integer width must be a multiple of 8 from 8 to 256, got '" + std::string(text) + "'"));
            t.kind = kind;
            t.bits = *n;
        }
        return Result<AbiType>(t);
    };
    if (text == "address") {
        t.kind = Kind::address;
        return t;
    }
    if (text == "bool") {
        t.kind = Kind::bool_;
        return t;
    }
    if (text == "string") {
        t.kind = Kind::string;
        return t;
    }
    if (text == "bytes") {
        t.kind = Kind::bytes;
        return t;
    }
    if (auto r = sized("uint", Kind::uint)) return *r;
    if (auto r = sized("int", Kind::int_)) return *r;
    if (text.substr(0, 5) == "bytes") {
        if (auto r = sized("bytes", Kind::fixed_bytes)) return *r;
    }
    if (!text.empty() && text.front() == '(')
        return make_error("tuple types are not supported: '" + std::string(original) + "'");
    return make_error("unknown ABI type '" + std::string(original) + "'");
}

Result<std::vector<AbiType>> parse_abi_types(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '(') {
        if (text.back() != ')') return make_error("unbalanced parentheses in '" + std::string(text) + "'");
        text = text.substr(1, text.size() - 2);
    }
    auto parts = split_top_level(text, '(', ')');
    if (!parts) return parts.error();
    std::vector<AbiType> out;
    for (std::string_view p : *parts) {
        auto t = parse_abi_type(p);
        if (!t) return t.error();
        out.push_back(std::move(*t));
    }
    return out;
}

AbiValue abi_int(std::int64_t v) {
    if (v >= 0) return AbiValue(U256(v));
    // Two's complement over 256 bits: 2^256 - |v|.
    return AbiValue(U256(0) - U256(static_cast<std::uint64_t>(-(v + 1)) + 1));
}

bool abi_is_negative(const U256& v) { return bit_test(v, 255); }

FixedBytes<4> function_selector(std::string_view signature) {
    const Hash h = keccak256(as_bytes(signature));
    FixedBytes<4> out;
    std::copy(h.begin(), h.begin() + 4, out.bytes.begin());
    return out;
}

Result<Bytes> abi_encode(const std::vector<AbiType>& types, const std::vector<AbiValue>& values) {
    std::vector<const AbiType*> ptrs;
    for (const AbiType& t : types) ptrs.push_back(&t);
    return encode_tuple(ptrs, values);
}

Result<Bytes> encode_call(std::string_view signature, const std::vector<AbiValue>& values) {
    const std::size_t open = signature.find('(');
    if (open == std::string_view::npos || open == 0 || signature.back() != ')')
        return make_error("function signature must look like name(type,...), got '" + std::string(signature) + "'");
    auto types = parse_abi_types(signature.substr(open));
    if (!types) return types.error();
    auto args = abi_encode(*types, values);
    if (!args) return args;
    const FixedBytes<4> selector = function_selector(signature);
    Bytes out(selector.begin(), selector.end());
    append(out, *args);
    return out;
}

Result<std::vector<AbiValue>> abi_decode(const std::vector<AbiType>& types, ByteView data) {
    std::vector<const AbiType*> ptrs;
    for (const AbiType& t : types) ptrs.push_back(&t);
    return decode_tuple(ptrs, data);
}

Result<AbiValue> abi_value_from_text(const AbiType& type, std::string_view text) {
    text = trim(text);
    switch (type.kind) {
    case Kind::uint: {
        auto v = parse_integer_text(text);
        if (!v) return v.error();
        if (*v > max_of_bits(type.bits))
            return make_error("'" + std::string(text) + "' does not fit in " + type.canonical());
        return AbiValue(*v);
    }
    case Kind::int_: {
        const bool negative = !text.empty() && text.front() == '-';
        auto v = parse_integer_text(negative ? text.substr(1) : text);
        if (!v) return v.error();
        const U256 half = U256(1) << (type.bits - 1);
        if (negative ? *v > half : *v >= half)
            return make_error("'" + std::string(text) + "' does not fit in " + type.canonical());
        return AbiValue(negative ? U256(0) - *v : *v);
    }
    case Kind::address: {
        auto a = parse_address(text);
        if (!a) return a.error();
        return AbiValue(*a);
    }
    case Kind::bool_:
        if (text == "true") return AbiValue(true);
        if (text == "false") return AbiValue(false);
        return make_error("expected true or false, got '" + std::string(text) + "'");
    case Kind::fixed_bytes:
    case Kind::bytes: {
        auto b = from_hex(text);
        if (!b || text.size() < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
            return make_error("expected 0x-prefixed hex bytes, got '" + std::string(text) + "'");
        if (type.kind == Kind::fixed_bytes && b->size() != static_cast<std::size_t>(type.size))
            return make_error(type.canonical() + " needs exactly " + std::to_string(type.size) + " bytes");
        return AbiValue(std::move(*b));
    }
    case Kind::string:
        if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
        return AbiValue(std::string(text));
    case Kind::array: {
        if (text.size() < 2 || text.front() != '[' || text.back() != ']')
            return make_error("expected an array like [a,b], got '" + std::string(text) + "'");
        auto parts = split_top_level(text.substr(1, text.size() - 2), '[', ']');
        if (!parts) return parts.error();
        if (type.length && parts->size() != *type.length)
            return make_error(type.canonical() + " needs " + std::to_string(*type.length) + " elements");
        std::vector<AbiValue> elems;
        for (std::string_view p : *parts) {
            auto e = abi_value_from_text(*type.element, p);
            if (!e) return e.error();
            elems.push_back(std::move(*e));
        }
        return AbiValue(std::move(elems));
    }
    }
    return make_error("unsupported type");
}

}  // namespace sluice
