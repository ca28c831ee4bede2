// SPDX-License-Identifier: MIT
// Core primitives, one benchmark per thing the README's "core primitives" row names: Keccak-256,
// secp256k1 signing and recovery (the STF's per-transaction floor), RLP encoding and decoding of
// a signed EIP-1559 transfer, and opening a keystore at geth's standard scrypt parameters
// (n = 2^18, r = 8, p = 1: what every unlock of a scrypt keystore costs).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "core/crypto/keccak.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/transaction.hpp"
#include "core/keys/keystore.hpp"

namespace {

using namespace sluice;

PrivateKey benchKey() {
    Bytes secret(32, 0x42);
    return *PrivateKey::from_bytes(secret);
}

SignedTransaction benchTransfer() {
    Transaction tx;
    tx.type = TxType::eip1559;
    tx.chain_id = 1;
    tx.nonce = 7;
    tx.max_priority_fee_per_gas = U256(1'000'000'000);
    tx.max_fee_per_gas = U256(30'000'000'000ULL);
    tx.gas_limit = 21000;
    tx.to = *Address::from_hex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    tx.value = U256(1'000'000'000'000'000'000ULL);
    return sign_transaction(tx, benchKey());
}

void BM_Keccak256_1KiB(benchmark::State& state) {
    const Bytes data(1024, 0x5a);
    for (auto _ : state) benchmark::DoNotOptimize(keccak256(data));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 1024);
}
BENCHMARK(BM_Keccak256_1KiB);

void BM_Secp256k1_Sign(benchmark::State& state) {
    const PrivateKey key = benchKey();
    const Hash digest = keccak256(as_bytes("bench"));
    for (auto _ : state) benchmark::DoNotOptimize(sign_hash(digest, key));
}
BENCHMARK(BM_Secp256k1_Sign);

void BM_Secp256k1_Recover(benchmark::State& state) {
    const Hash digest = keccak256(as_bytes("bench"));
    const auto sig = sign_hash(digest, benchKey());
    for (auto _ : state) benchmark::DoNotOptimize(recover_public_key(digest, sig));
}
BENCHMARK(BM_Secp256k1_Recover);

void BM_Rlp_EncodeSignedTransfer(benchmark::State& state) {
    const SignedTransaction tx = benchTransfer();
    for (auto _ : state) benchmark::DoNotOptimize(encode_signed(tx));
}
BENCHMARK(BM_Rlp_EncodeSignedTransfer);

void BM_Rlp_DecodeSignedTransfer(benchmark::State& state) {
    const Bytes raw = encode_signed(benchTransfer());
    for (auto _ : state) {
        auto decoded = decode_signed_transaction(raw);
        if (!decoded) state.SkipWithError(decoded.message().c_str());
        benchmark::DoNotOptimize(decoded);
    }
}
BENCHMARK(BM_Rlp_DecodeSignedTransfer);

void BM_Keystore_DecryptStandardScrypt(benchmark::State& state) {
    const auto json = encrypt_keystore(benchKey(), "bench password", KdfParams::scrypt());
    if (!json) return state.SkipWithError(json.message().c_str());
    for (auto _ : state) {
        auto key = decrypt_keystore(*json, "bench password");
        if (!key) state.SkipWithError(key.message().c_str());
        benchmark::DoNotOptimize(key);
    }
}
BENCHMARK(BM_Keystore_DecryptStandardScrypt)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
