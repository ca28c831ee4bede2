// SPDX-License-Identifier: MIT
#include "core/eth/units.hpp"

#include <algorithm>
#include <cctype>

namespace sluice {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

U256 pow10(int n) {
    U256 out = 1;
    for (int i = 0; i < n; ++i) out *= 10;
    return out;
}

}  // namespace

int unit_decimals(Unit unit) {
    switch (unit) {
    case Unit::wei: return 0;
    case Unit::gwei: return 9;
    case Unit::ether: return 18;
    }
    return 18;
}

std::string_view unit_name(Unit unit) {
    switch (unit) {
    case Unit::wei: return "wei";
    case Unit::gwei: return "gwei";
    case Unit::ether: return "ether";
    }
    return "ether";
}

Result<Unit> parse_unit(std::string_view text) {
    const std::string u = lower(trim(text));
    if (u == "wei") return Unit::wei;
    if (u == "gwei") return Unit::gwei;
    if (u == "ether" || u == "eth") return Unit::ether;
    return make_error("unknown unit '" + std::string(trim(text)) + "': use wei, gwei or ether");
}

Result<U256> parse_amount(std::string_view text, Unit default_unit) {
    text = trim(text);
    if (text.empty()) return make_error("amount is empty");
    if (text.front() == '-') return make_error("amount cannot be negative");
    if (text.front() == '+') return make_error("amount must not have a sign");

    // Split the number from the unit: the number is the longest prefix of digits and dots.
    std::size_t end = 0;
    while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
    const std::string_view number = text.substr(0, end);
    std::string_view rest = text.substr(end);

    if (number.empty()) return make_error("amount must start with a digit, got '" + std::string(text) + "'");
    if (!rest.empty() && (rest.front() == ',' || rest.front() == '_' || rest.front() == '\''))
        return make_error("amount must not contain digit separators such as ',' or '_'");
    if (!rest.empty() && (rest.front() == 'e' || rest.front() == 'E')) {
        // "1e18" is an exponent, but "1ether"/"1 ETH" is a unit: only digits after e make an exponent.
        const std::string_view after = rest.substr(1);
        if (!after.empty() && (is_digit(after.front()) || after.front() == '-' || after.front() == '+'))
            return make_error("amount must be written out in full: exponents such as 1e18 are not accepted");
    }

    Unit unit = default_unit;
    if (!rest.empty()) {
        if (rest.front() == ' ') {
            rest.remove_prefix(1);
            if (rest.empty() || is_space(rest.front()))
                return make_error("amount has more than one space before the unit");
        }
        auto parsed = parse_unit(rest);
        if (!parsed) return parsed.error();
        unit = *parsed;
    }

    const std::size_t dot = number.find('.');
    std::string_view whole = number;
    std::string_view frac;
    if (dot != std::string_view::npos) {
        whole = number.substr(0, dot);
        frac = number.substr(dot + 1);
        if (frac.find('.') != std::string_view::npos) return make_error("amount has more than one decimal point");
        if (whole.empty() && frac.empty()) return make_error("amount has no digits");
    }
    const int decimals = unit_decimals(unit);
    // Trailing zeros carry no value, so "1.50000000000000000000" is still exact.
    while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
    if (frac.size() > static_cast<std::size_t>(decimals)) {
        if (decimals == 0) return make_error("too many decimals: wei is the smallest unit and has no decimals");
        return make_error("too many decimals: " + std::string(unit_name(unit)) + " has " + std::to_string(decimals));
    }

    const std::string overflow = "amount is too large: the most is 2^256-1 wei";
    U256 whole_value = 0;
    if (!whole.empty()) {
        while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
        auto w = u256_from_dec(whole);
        if (!w) return make_error(overflow);
        whole_value = *w;
    }
    std::string frac_digits(frac);
    frac_digits.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
    U256 frac_value = 0;
    if (!frac_digits.empty()) frac_value = *u256_from_dec(frac_digits);  // at most 18 digits

    auto scaled = checked_mul(whole_value, pow10(decimals));
    if (!scaled) return make_error(overflow);
    auto total = checked_add(*scaled, frac_value);
    if (!total) return make_error(overflow);
    return *total;
}

std::string format_amount(const U256& wei, Unit unit) {
    const int decimals = unit_decimals(unit);
    if (decimals == 0) return u256_to_dec(wei);
    const U256 base = pow10(decimals);
    std::string whole = u256_to_dec(wei / base);
    std::string frac = u256_to_dec(wei % base);
    if (frac == "0") return whole;
    frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
    while (frac.back() == '0') frac.pop_back();
    return whole + "." + frac;
}

std::string format_amount_fixed(const U256& wei, int max_decimals) {
    max_decimals = std::clamp(max_decimals, 0, 18);
    const U256 drop = pow10(18 - max_decimals);
    return format_amount(wei - wei % drop, Unit::ether);
}

}  // namespace sluice
