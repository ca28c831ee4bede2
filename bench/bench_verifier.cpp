// SPDX-License-Identifier: MIT
// The wallet re-verifying one batch (DESIGN §7: a 1,000-transfer batch in <= 150 ms): the batch
// as RollupReader delivers it (records decoded, commitments derived from the calldata) applied to
// the wallet's L1Replica holding the pre-state in memory. Timed: sender recovery, the STF, every
// chunk root, the comparison with the claimed roots, the L2 transaction hashes and the withdrawal
// proofs the replica keeps; not timed: RPC, and copying the replica before each run.
#include <benchmark/benchmark.h>

#include <random>

#include "core/crypto/secp256k1.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/batch.hpp"
#include "services/rollup/l1_replica.hpp"

namespace {
using namespace sluice;
using namespace sluice::rollup;

constexpr int kAccounts = 1'000;
constexpr int kTransfers = 1'000;

struct Fixture {
    RollupParameters parameters;
    std::optional<L1Replica> replica;  // after the deposit batch
    BatchSubmittedEvent transfers;

    Fixture() {
        parameters.l1ChainId = 31337;
        parameters.l2ChainId = 31338;
        parameters.challengePeriod = 60;
        parameters.l2BaseFee = 1'000'000'000;
        parameters.depositDelay = 30;
        parameters.feeRecipient = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        const Params params = parameters.stfParams();

        std::vector<PrivateKey> keys;
        std::vector<Record> deposits;
        for (int i = 0; i < kAccounts; ++i) {
            keys.push_back(*PrivateKey::generate());
            Record d;
            d.kind = RecordKind::deposit;
            d.new_account = true;
            d.address = public_key_of(keys.back()).address();
            d.value = U256(10'000'000'000'000'000'000ull);
            d.timestamp = 1'700'000'000;
            deposits.push_back(d);
        }
        AccountTree tree = AccountTree::genesis(parameters.feeRecipient);
        auto batch0 = build_batch(tree, deposits, params, 2);
        BatchSubmittedEvent e0;
        e0.index = 0;
        e0.header = batch0->header(0, 1'700'000'010, parameters.feeRecipient);
        e0.batch = std::move(*batch0);
        replica.emplace(parameters);
        replica->apply(RollupEvent(e0));

        std::mt19937_64 rng(7);
        std::vector<Record> records;
        std::vector<std::uint64_t> nonce(kAccounts, 0);
        for (int t = 0; t < kTransfers; ++t) {
            const auto from = static_cast<std::uint32_t>(1 + t % kAccounts);
            const auto to = static_cast<std::uint32_t>(1 + rng() % kAccounts);
            Transaction tx;
            tx.chain_id = params.chain_id;
            tx.nonce = nonce[from - 1]++;
            tx.max_priority_fee_per_gas = 0;
            tx.max_fee_per_gas = 2'000'000'000;
            tx.gas_limit = 21000;
            tx.to = tree.account(to).address;
            tx.value = U256(1'000'000'000'000'000ull + t);
            const auto st = sign_transaction(tx, keys[from - 1]);
            records.push_back(*record_from_transaction(st, from, tree.account(from).address, to, params));
        }
        auto batch1 = build_batch(tree, records, params, 2);
        transfers.index = 1;
        transfers.header = batch1->header(kAccounts, 1'700'000'020, parameters.feeRecipient);
        transfers.batch = std::move(*batch1);
    }
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

void BM_WalletVerifyBatch(benchmark::State& state) {
    const Fixture& f = fixture();
    for (auto _ : state) {
        state.PauseTiming();
        L1Replica replica = *f.replica;
        const RollupEvent event(f.transfers);
        state.ResumeTiming();
        replica.apply(event);
        if (replica.batches().size() != 2 || replica.batches()[1].judgement != ReplicaBatch::Judgement::Honest) {
            state.SkipWithError("the honest batch was not judged honest");
            return;
        }
        benchmark::DoNotOptimize(replica.stateRoot());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * kTransfers);
}
BENCHMARK(BM_WalletVerifyBatch)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

}  // namespace
