// SPDX-License-Identifier: MIT
#include "core/common/secure.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <climits>

namespace sluice {

void secure_wipe(void* data, std::size_t size) { OPENSSL_cleanse(data, size); }

Status random_bytes(std::uint8_t* out, std::size_t size) {
    if (size > static_cast<std::size_t>(INT_MAX) || RAND_bytes(out, static_cast<int>(size)) != 1)
        return make_error("the system random number generator failed");
    return {};
}

}  // namespace sluice
