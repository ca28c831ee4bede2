// SPDX-License-Identifier: MIT
// EIP-712 typed data (core/eth/eip712) as a dapp sends it to eth_signTypedData_v4: any JSON.
// core/ reports errors as values, so an exception escaping here (nlohmann's type_error on a
// field of the wrong kind, say) is a bug, and libFuzzer reports it as a crash.

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/eth/eip712.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto document = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return 0;
    auto signing = sluice::eip712_signing_hash(document);
    (void)sluice::eip712_domain_separator(document);
    // The lower-level entry points, on the document's own types and primary type.
    if (document.is_object() && document.contains("types") && document.contains("primaryType") &&
        document["primaryType"].is_string()) {
        const auto& types = document["types"];
        const std::string& primary = document["primaryType"].get_ref<const std::string&>();
        auto type_text = sluice::eip712_encode_type(types, primary);
        if (document.contains("message")) {
            auto encoded = sluice::eip712_encode_data(types, primary, document["message"]);
            // encodeData is typeHash || 32 bytes per field.
            if (encoded) FUZZ_CHECK(encoded->size() % 32 == 0 && encoded->size() >= 32);
        }
        (void)type_text;
    }
    (void)signing;
    return 0;
}
