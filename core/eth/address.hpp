// SPDX-License-Identifier: MIT
#pragma once
// Addresses as people type and read them: EIP-55 mixed-case checksums. A mixed-case address is a
// promise that its case encodes a checksum, so a mismatch is almost certainly a typo and is refused.

#include <string>
#include <string_view>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"

namespace sluice {

// Requires "0x" (or "0X") and exactly 40 hex digits. All-lower and all-upper digits are accepted
// without a checksum; mixed case must match EIP-55 or the error says "checksum mismatch".
Result<Address> parse_address(std::string_view text);

// "0x" + 40 hex digits with EIP-55 capitalisation.
std::string to_checksum_address(const Address& address);

}  // namespace sluice
