// SPDX-License-Identifier: MIT
#pragma once
// Who signs a transaction: an address and a function that signs a 32-byte digest for it. The
// sender (services/rpc TransactionSender) never needs the key itself, so the same code sends for
// a raw key (sluice-cli --private-key, the node's proposer) and for a wallet whose keys never
// leave its store (WalletStore::signer).

#include <functional>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"

namespace sluice {

struct AccountSigner {
    Address address;
    std::function<Result<RecoverableSignature>(const Hash&)> sign;

    // The key is copied once and shared by the signer's copies; the last one wipes it.
    static AccountSigner from_key(const PrivateKey& key);
};

}  // namespace sluice
