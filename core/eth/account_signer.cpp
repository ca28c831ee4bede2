// SPDX-License-Identifier: MIT
#include "core/eth/account_signer.hpp"

#include <memory>

namespace sluice {

AccountSigner AccountSigner::from_key(const PrivateKey& key) {
    auto held = std::make_shared<const PrivateKey>(key);
    AccountSigner signer;
    signer.address = public_key_of(*held).address();
    signer.sign = [held](const Hash& digest) -> Result<RecoverableSignature> { return sign_hash(digest, *held); };
    return signer;
}

}  // namespace sluice
