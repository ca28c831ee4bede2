// SPDX-License-Identifier: MIT
#include "core/eth/rlp.hpp"

namespace sluice {
namespace {

void append_length_prefix(Bytes& out, std::size_t length, std::uint8_t short_base, std::uint8_t long_base) {
    if (length < 56) {
        out.push_back(static_cast<std::uint8_t>(short_base + length));
        return;
    }
    Bytes be;
    for (std::size_t n = length; n != 0; n >>= 8) be.insert(be.begin(), static_cast<std::uint8_t>(n & 0xff));
    out.push_back(static_cast<std::uint8_t>(long_base + be.size()));
    append(out, be);
}

// Decodes the item at the start of `in`, reporting how many bytes it used. Nesting depth is bounded so
// that hostile input cannot exhaust the stack.
Result<RlpItem> decode_one(ByteView in, std::size_t& used, int depth) {
    if (depth > 64) return make_error("RLP nesting is deeper than 64 levels");
    if (in.empty()) return make_error("RLP input is truncated: expected an item");
    const std::uint8_t prefix = in[0];
    if (prefix < 0x80) {
        used = 1;
        return RlpItem::string(Bytes{prefix});
    }
    const bool is_list = prefix >= 0xc0;
    const std::uint8_t base = is_list ? 0xc0 : 0x80;
    std::size_t header = 1;
    std::size_t length = 0;
    if (prefix - base < 56) {
        length = static_cast<std::size_t>(prefix - base);
    } else {
        const std::size_t len_of_len = static_cast<std::size_t>(prefix - base - 55);
        if (in.size() < 1 + len_of_len) return make_error("RLP input is truncated inside a length");
        if (in[1] == 0) return make_error("RLP length has leading zero bytes (non-canonical)");
        if (len_of_len > sizeof(std::size_t)) return make_error("RLP length is too large");
        for (std::size_t i = 0; i < len_of_len; ++i) length = (length << 8) | in[1 + i];
        if (length < 56) return make_error("RLP uses a long length form for fewer than 56 bytes (non-canonical)");
        header = 1 + len_of_len;
    }
    if (length > in.size() - header) return make_error("RLP input is truncated: item longer than the data");
    const ByteView payload = in.subspan(header, length);
    used = header + length;
    if (!is_list) {
        if (length == 1 && payload[0] < 0x80)
            return make_error("RLP single byte below 0x80 encoded as a string (non-canonical)");
        return RlpItem::string(Bytes(payload.begin(), payload.end()));
    }
    RlpItem list = RlpItem::list({});
    std::size_t offset = 0;
    while (offset < payload.size()) {
        std::size_t n = 0;
        auto item = decode_one(payload.subspan(offset), n, depth + 1);
        if (!item) return item.error();
        list.items.push_back(std::move(*item));
        offset += n;
    }
    return list;
}

}  // namespace

Bytes rlp_encode_bytes(ByteView bytes) {
    Bytes out;
    if (bytes.size() == 1 && bytes[0] < 0x80) {
        out.push_back(bytes[0]);
        return out;
    }
    out.reserve(bytes.size() + 9);
    append_length_prefix(out, bytes.size(), 0x80, 0xb7);
    append(out, bytes);
    return out;
}

Bytes rlp_encode_uint(const U256& value) { return rlp_encode_bytes(u256_to_be_minimal(value)); }

Bytes rlp_encode_list_payload(ByteView payload) {
    Bytes out;
    out.reserve(payload.size() + 9);
    append_length_prefix(out, payload.size(), 0xc0, 0xf7);
    append(out, payload);
    return out;
}

Bytes rlp_encode_list(const std::vector<Bytes>& encoded_elements) {
    Bytes payload;
    for (const Bytes& e : encoded_elements) append(payload, e);
    return rlp_encode_list_payload(payload);
}

Bytes rlp_encode(const RlpItem& item) {
    if (!item.is_list) return rlp_encode_bytes(item.bytes);
    Bytes payload;
    for (const RlpItem& e : item.items) append(payload, rlp_encode(e));
    return rlp_encode_list_payload(payload);
}

Result<RlpItem> rlp_decode(ByteView encoded) {
    std::size_t used = 0;
    auto item = decode_one(encoded, used, 0);
    if (!item) return item;
    if (used != encoded.size())
        return make_error("RLP has " + std::to_string(encoded.size() - used) + " trailing bytes after the item");
    return item;
}

Result<U256> rlp_to_uint(const RlpItem& item, const char* what, std::size_t max_bytes) {
    if (item.is_list) return make_error(std::string(what) + " must be an integer, not a list");
    if (!item.bytes.empty() && item.bytes[0] == 0)
        return make_error(std::string(what) + " has leading zero bytes (non-canonical integer)");
    if (item.bytes.size() > max_bytes)
        return make_error(std::string(what) + " is too large: more than " + std::to_string(max_bytes) + " bytes");
    return *u256_from_be(item.bytes);
}

}  // namespace sluice
