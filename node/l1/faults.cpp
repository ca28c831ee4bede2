// SPDX-License-Identifier: MIT
// Fault injection for the proposer (--fault): the batch posted to L1 lies in one named way; the
// sequencer's soft state is never touched, so the honest records can be re-posted after the
// fraud proof.
#include "core/eth/address.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/stf.hpp"
#include "node/l1/l1side.h"

namespace sluice::node {
namespace {

// The roots a lying proposer claims: every valid record applied, invalid ones passed over.
std::vector<Hash> rootsSkippingInvalid(const rollup::AccountTree& preState, const std::vector<rollup::Record>& records,
                                       const rollup::Params& params) {
    rollup::AccountTree tree = preState;
    rollup::Executor exec(tree, params);
    std::vector<Hash> roots;
    for (std::size_t i = 0; i < records.size(); ++i) {
        (void)exec.apply(records[i]);
        if ((i + 1) % rollup::kChunkSize == 0 || i + 1 == records.size()) {
            (void)exec.end_chunk();
            roots.push_back(tree.state_root());
        }
    }
    return roots;
}

Result<rollup::Batch> reassemble(const rollup::Batch& honest, const std::vector<rollup::Record>& records,
                                 const rollup::AccountTree& preState, const rollup::Params& params) {
    return rollup::assemble_batch(honest.prev_state_root, rollup::encode_records(records),
                                  rootsSkippingInvalid(preState, records, params));
}

std::optional<std::size_t> firstSigned(const std::vector<rollup::Record>& records) {
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].is_signed() && !records[i].forced) return i;  // a forced one is bound to its L1 queue entry
    return std::nullopt;
}

}  // namespace

QString faultName(FaultSpec::Kind kind) {
    switch (kind) {
    case FaultSpec::Kind::WrongRoot: return QStringLiteral("wrong-root");
    case FaultSpec::Kind::InvalidSignature: return QStringLiteral("invalid-signature");
    case FaultSpec::Kind::Overdraft: return QStringLiteral("overdraft");
    case FaultSpec::Kind::DoubleSpend: return QStringLiteral("double-spend");
    }
    return {};
}

Result<std::optional<FaultSpec>> parseFault(const QString& spec) {
    if (spec.isEmpty()) return std::optional<FaultSpec>();
    FaultSpec f;
    QString kind = spec.section(QLatin1Char('@'), 0, 0);
    bool found = false;
    for (auto k : {FaultSpec::Kind::WrongRoot, FaultSpec::Kind::InvalidSignature, FaultSpec::Kind::Overdraft,
                   FaultSpec::Kind::DoubleSpend}) {
        if (kind == faultName(k)) {
            f.kind = k;
            found = true;
        }
    }
    if (!found)
        return make_error("--fault: unknown kind '" + kind.toStdString() +
                          "' (wrong-root, invalid-signature, overdraft or double-spend, optionally @batchIndex)");
    if (spec.contains(QLatin1Char('@'))) {
        bool ok = false;
        quint64 index = spec.section(QLatin1Char('@'), 1).toULongLong(&ok);
        if (!ok) return make_error("--fault: the batch index after '@' is not a number");
        f.batchIndex = index;
    }
    return std::optional<FaultSpec>(f);
}

Result<rollup::Batch> injectFault(FaultSpec::Kind kind, const rollup::Batch& honest,
                                  const rollup::AccountTree& preState, const rollup::Params& params,
                                  const PrivateKey& proposerKey) {
    std::vector<rollup::Record> records = honest.decoded;
    switch (kind) {
    case FaultSpec::Kind::WrongRoot: {
        auto roots = honest.chunk_roots;
        roots.back()[31] ^= 0x01;
        return rollup::assemble_batch(honest.prev_state_root, honest.records, std::move(roots));
    }
    case FaultSpec::Kind::InvalidSignature: {
        auto i = firstSigned(records);
        if (!i) return make_error("the batch has no signed record whose signature could be broken");
        records[*i].s[31] ^= 0x01;
        return reassemble(honest, records, preState, params);
    }
    case FaultSpec::Kind::DoubleSpend: {
        auto i = firstSigned(records);
        if (!i) return make_error("the batch has no signed transfer to replay");
        records.insert(records.begin() + static_cast<std::ptrdiff_t>(*i) + 1, records[*i]);
        return reassemble(honest, records, preState, params);
    }
    case FaultSpec::Kind::Overdraft: {
        if (preState.count() == 0) return make_error("no fee account");
        const auto& fee = preState.account(0);
        if (public_key_of(proposerKey).address() != fee.address)
            return make_error("the overdraft fault needs the proposer to own the fee account (account 0)");
        Transaction tx;
        tx.type = TxType::eip1559;
        tx.chain_id = params.chain_id;
        tx.nonce = fee.nonce;
        tx.max_priority_fee_per_gas = 0;
        tx.max_fee_per_gas = params.base_fee;
        tx.gas_limit = rollup::kTransferGas;
        tx.to = fee.address;
        tx.value = fee.balance + U256(1'000'000'000'000'000'000ULL);
        auto signed_tx = sign_transaction(tx, proposerKey);
        auto record = rollup::record_from_transaction(signed_tx, 0, fee.address, std::uint32_t(0), params);
        if (!record) return record.error();
        records.insert(records.begin(), *record);
        return reassemble(honest, records, preState, params);
    }
    }
    return make_error("unknown fault");
}

}  // namespace sluice::node
