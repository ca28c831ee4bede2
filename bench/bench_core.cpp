// SPDX-License-Identifier: MIT
// Core primitives: keccak throughput and secp256k1 recovery (the STF's per-transaction floor).
#include <benchmark/benchmark.h>

#include "core/crypto/keccak.hpp"
#include "core/crypto/secp256k1.hpp"

namespace {

void BM_Keccak256_1KiB(benchmark::State& state) {
    const sluice::Bytes data(1024, 0x5a);
    for (auto _ : state) benchmark::DoNotOptimize(sluice::keccak256(data));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 1024);
}
BENCHMARK(BM_Keccak256_1KiB);

void BM_Secp256k1_Recover(benchmark::State& state) {
    const auto key = sluice::PrivateKey::generate();
    const sluice::Hash digest = sluice::keccak256(sluice::as_bytes("bench"));
    const auto sig = sluice::sign_hash(digest, *key);
    for (auto _ : state) benchmark::DoNotOptimize(sluice::recover_public_key(digest, sig));
}
BENCHMARK(BM_Secp256k1_Recover);

}  // namespace
