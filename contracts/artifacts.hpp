// SPDX-License-Identifier: MIT
#pragma once
// The compiled contracts, built from contracts/src at build time (forge on solc-js) and embedded
// into the binaries: nothing generated is committed.

#include <string_view>

namespace sluice::contracts {

// 0x-prefixed creation bytecode of Rollup (constructor arguments are appended ABI-encoded).
std::string_view rollup_creation_bytecode();
// The Rollup ABI as JSON text.
std::string_view rollup_abi();

// 0x-prefixed creation bytecode of Channels (docs/CHANNELS.md; one constructor argument, the
// dispute period in seconds, appended ABI-encoded).
std::string_view channels_creation_bytecode();
// The Channels ABI as JSON text.
std::string_view channels_abi();

}  // namespace sluice::contracts
