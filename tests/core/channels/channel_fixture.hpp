// SPDX-License-Identifier: MIT
#pragma once
// The accounts and the deployment of docs/CHANNELS.md §11 (anvil's chain, its first contract and
// its accounts 1 and 2), shared by the channel tests.

#include <ostream>

#include "core/channels/state.hpp"
#include "core/channels/typed_data.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/account_signer.hpp"
#include "core/eth/address.hpp"

namespace sluice::channels {

// gtest prints codes by their description.
inline void PrintTo(ChannelError e, std::ostream* os) { *os << static_cast<int>(e) << " (" << describe(e) << ")"; }
inline void PrintTo(SignatureError e, std::ostream* os) { *os << static_cast<int>(e) << " (" << describe(e) << ")"; }

}  // namespace sluice::channels

namespace sluice::channels::test {

inline const U256 kEther = U256(1'000'000'000'000'000'000ull);

inline PrivateKey key_a() {
    return *PrivateKey::from_hex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
}
inline PrivateKey key_b() {
    return *PrivateKey::from_hex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
}
// anvil's account 3: a third party.
inline PrivateKey key_c() {
    return *PrivateKey::from_hex("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
}

inline Address address_of(const PrivateKey& key) { return public_key_of(key).address(); }

inline Domain vector_domain() { return Domain{31337, *parse_address("0x5FbDB2315678afecb367f032d93F642f64180aa3")}; }

inline Channel vector_channel() {
    Channel c;
    c.domain = vector_domain();
    c.a = address_of(key_a());
    c.b = address_of(key_b());
    c.id = channel_id(c.domain, c.a, c.b, 0);
    return c;
}

inline Hash hash_of(const char* hex) { return *Hash::from_hex(hex); }

}  // namespace sluice::channels::test
