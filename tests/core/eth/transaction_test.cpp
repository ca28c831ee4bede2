// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "core/crypto/keccak.hpp"
#include "core/eth/address.hpp"
#include "core/eth/rlp.hpp"
#include "core/eth/transaction.hpp"
#include "vectors.hpp"

namespace sluice {
namespace {

PrivateKey key_from(const std::string& hex) { return *PrivateKey::from_hex(hex); }

TEST(Transaction, Eip155ExampleExactBytes) {
    const auto j = test::read_vector_json("eip155/example.json");
    const auto& t = j.at("transaction");
    Transaction tx;
    tx.type = TxType::legacy;
    tx.chain_id = j.at("chain_id").get<int>();
    tx.nonce = t.at("nonce").get<std::uint64_t>();
    tx.gas_price = *u256_from_dec(t.at("gas_price").get<std::string>());
    tx.gas_limit = t.at("gas_limit").get<std::uint64_t>();
    tx.to = *parse_address(t.at("to").get<std::string>());
    tx.value = *u256_from_dec(t.at("value").get<std::string>());
    tx.data = *from_hex(t.at("data").get<std::string>());

    EXPECT_EQ(to_hex(signing_payload(tx)), j.at("signing_data").get<std::string>());
    EXPECT_EQ(signing_hash(tx).hex(), j.at("signing_hash").get<std::string>());

    const PrivateKey key = key_from(j.at("private_key").get<std::string>());
    const SignedTransaction st = sign_transaction(tx, key);
    EXPECT_EQ(st.v(), j.at("v").get<int>());
    EXPECT_EQ(u256_to_dec(*u256_from_be(st.signature.r)), j.at("r").get<std::string>());
    EXPECT_EQ(u256_to_dec(*u256_from_be(st.signature.s)), j.at("s").get<std::string>());
    const Bytes raw = encode_signed(st);
    EXPECT_EQ(to_hex(raw), j.at("signed_tx").get<std::string>());

    auto decoded = decode_signed_transaction(raw);
    ASSERT_TRUE(decoded.ok()) << decoded.message();
    EXPECT_EQ(decoded->tx, tx);
    EXPECT_EQ(transaction_hash(*decoded), keccak256(raw));
    auto sender = recover_sender(*decoded);
    ASSERT_TRUE(sender.ok());
    EXPECT_EQ(*sender, public_key_of(key).address());
}

TEST(Transaction, EthereumJsEip1559AllTen) {
    const auto j = test::read_vector_json("eip155/ethereumjs/eip1559.json");
    ASSERT_EQ(j.size(), 10u);
    int index = 0;
    for (const auto& c : j) {
        // The file wraps each typed transaction once more as an RLP byte string (see the vectors
        // README): the EIP-2718 bytes are that string's payload.
        auto wrapper = rlp_decode(*from_hex(c.at("signedTransactionRLP").get<std::string>()));
        ASSERT_TRUE(wrapper.ok() && !wrapper->is_list);
        const Bytes expected = wrapper->bytes;
        ASSERT_EQ(expected.at(0), 0x02);

        Transaction tx;
        tx.type = TxType::eip1559;
        tx.chain_id = 4;
        tx.nonce = c.at("nonce").get<std::uint64_t>();
        tx.value = U256(c.at("value").get<std::uint64_t>());
        tx.gas_limit = c.at("gasLimit").get<std::uint64_t>();
        tx.max_priority_fee_per_gas = U256(c.at("maxPriorityFeePerGas").get<std::uint64_t>());
        tx.max_fee_per_gas = U256(c.at("maxFeePerGas").get<std::uint64_t>());
        tx.to = *parse_address(c.at("to").get<std::string>());
        const PrivateKey key = key_from(c.at("privateKey").get<std::string>());

        const SignedTransaction st = sign_transaction(tx, key);
        EXPECT_EQ(to_hex(encode_signed(st)), to_hex(expected)) << "entry " << index;

        auto decoded = decode_signed_transaction(expected);
        ASSERT_TRUE(decoded.ok()) << decoded.message();
        EXPECT_EQ(decoded->tx, tx);
        EXPECT_EQ(encode_signed(*decoded), expected);
        EXPECT_EQ(*recover_sender(*decoded), public_key_of(key).address());
        if (index == 0) {
            EXPECT_EQ(transaction_hash(*decoded).hex(),
                      "0x2e564c87eb4b40e7f469b2eec5aa5d18b0b46a24e8bf0919439cfb0e8fcae446");
        }
        ++index;
    }
}

TEST(Transaction, ContractCreationAndAccessListRoundTrip) {
    const PrivateKey key = key_from("0x4646464646464646464646464646464646464646464646464646464646464646");
    for (TxType type : {TxType::legacy, TxType::access_list, TxType::eip1559}) {
        Transaction tx;
        tx.type = type;
        tx.chain_id = 31337;
        tx.nonce = 7;
        if (type == TxType::eip1559) {
            tx.max_priority_fee_per_gas = 1;
            tx.max_fee_per_gas = 2;
        } else {
            tx.gas_price = 3;
        }
        tx.gas_limit = 100000;
        tx.to = std::nullopt;
        tx.data = {0x60, 0x00, 0x60, 0x00};
        if (type != TxType::legacy) tx.access_list = {AccessListEntry{Address{}, {Hash{}, u256_to_be32(1)}}};
        const SignedTransaction st = sign_transaction(tx, key);
        auto decoded = decode_signed_transaction(encode_signed(st));
        ASSERT_TRUE(decoded.ok()) << decoded.message();
        EXPECT_EQ(decoded->tx, tx);
        EXPECT_FALSE(decoded->tx.to.has_value());
        EXPECT_EQ(*recover_sender(*decoded), public_key_of(key).address());
        EXPECT_TRUE(validate_intrinsic(tx).ok());
    }
}

TEST(Transaction, DecodeRejectsClearly) {
    EXPECT_NE(decode_signed_transaction({}).message().find("empty"), std::string::npos);
    const Bytes type3{0x03, 0xc0};
    EXPECT_NE(decode_signed_transaction(type3).message().find("not supported"), std::string::npos);
    const Bytes string_tx{0x83, 0x01, 0x02, 0x03};
    EXPECT_FALSE(decode_signed_transaction(string_tx).ok());
}

TEST(Transaction, ValidateIntrinsic) {
    Transaction tx;
    tx.to = Address{};
    tx.gas_limit = 20999;
    EXPECT_NE(validate_intrinsic(tx).message().find("intrinsic"), std::string::npos);
    tx.gas_limit = 21000;
    EXPECT_TRUE(validate_intrinsic(tx).ok());
    tx.max_priority_fee_per_gas = 2;
    tx.max_fee_per_gas = 1;
    EXPECT_NE(validate_intrinsic(tx).message().find("priority"), std::string::npos);
    tx.to.reset();
    tx.max_priority_fee_per_gas = 1;
    tx.data.assign(49153, 0);
    tx.gas_limit = 10'000'000;
    EXPECT_NE(validate_intrinsic(tx).message().find("EIP-3860"), std::string::npos);
}

// ethereum/tests TransactionTests: for each case, the result of the newest fork in the file.
TEST(Transaction, EthereumTestsTransactionTests) {
    namespace fs = std::filesystem;
    const fs::path root = test::vector_path("eip155/ethereum-tests/TransactionTests");
    const char* forks[] = {"Prague", "Cancun", "Shanghai", "Paris", "London", "Berlin", "Istanbul"};
    int valid_checked = 0, invalid_checked = 0, intrinsic_checked = 0;
    std::vector<std::string> failures;
    for (const auto& dir : fs::directory_iterator(root)) {
        for (const auto& file : fs::directory_iterator(dir.path())) {
            const auto j = nlohmann::json::parse(
                test::read_vector_text(fs::relative(file.path(), test::vector_path("")).string()));
            for (const auto& [name, c] : j.items()) {
                const std::string label = dir.path().filename().string() + "/" + name;
                const nlohmann::json* result = nullptr;
                for (const char* f : forks)
                    if (c.at("result").contains(f)) {
                        result = &c.at("result").at(f);
                        break;
                    }
                ASSERT_NE(result, nullptr) << label;
                auto raw = from_hex(c.at("txbytes").get<std::string>());
                ASSERT_TRUE(raw.has_value()) << label;
                auto decoded = decode_signed_transaction(*raw);

                if (!result->contains("exception")) {
                    ++valid_checked;
                    if (!decoded) {
                        failures.push_back(label + ": valid but rejected: " + decoded.message());
                        continue;
                    }
                    EXPECT_EQ(encode_signed(*decoded), *raw) << label;
                    EXPECT_EQ(transaction_hash(*decoded).hex(),
                              "0x" + result->at("hash").get<std::string>().substr(
                                         result->at("hash").get<std::string>().rfind('x') + 1))
                        << label;
                    auto sender = recover_sender(*decoded);
                    if (!sender) {
                        failures.push_back(label + ": sender not recovered: " + sender.message());
                        continue;
                    }
                    EXPECT_EQ(*sender, *Address::from_hex(result->at("sender").get<std::string>())) << label;
                    EXPECT_TRUE(validate_intrinsic(decoded->tx).ok()) << label;
                    if (result->contains("intrinsicGas")) {
                        EXPECT_EQ(U256(intrinsic_gas(decoded->tx)),
                                  *u256_from_hex(result->at("intrinsicGas").get<std::string>()))
                            << label;
                        ++intrinsic_checked;
                    }
                    continue;
                }
                ++invalid_checked;
                // Rejected at one of the layers a node applies: encoding, signature recovery, the
                // chain id (these fixtures run on chain 1, so replay-protected transactions for any
                // other chain are invalid), or the intrinsic checks (gas, initcode size, fee caps).
                if (!decoded) continue;
                if (!recover_sender(*decoded)) continue;
                if (decoded->tx.chain_id != 0 && decoded->tx.chain_id != 1) continue;
                if (!validate_intrinsic(decoded->tx)) continue;
                failures.push_back(label + ": accepted, expected " + result->at("exception").get<std::string>());
            }
        }
    }
    for (const std::string& f : failures) ADD_FAILURE() << f;
    std::cout << "TransactionTests: " << valid_checked << " valid, " << invalid_checked << " invalid, "
              << intrinsic_checked << " intrinsic gas values checked\n";
    EXPECT_GE(valid_checked, 50);
    EXPECT_GE(invalid_checked, 140);
}

}  // namespace
}  // namespace sluice
