// SPDX-License-Identifier: MIT
#include "services/rollup/l1_replica.hpp"

#include "core/eth/transaction.hpp"
#include "core/rollup/stf.hpp"

namespace sluice {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// The L2 transaction hash of every signed record, resolving recipient indices against the
// pre-state and the accounts the batch itself creates (in order, as the STF would).
std::vector<Hash> transactionHashes(const rollup::AccountTree& pre, const rollup::Batch& batch,
                                    const rollup::Params& params, std::vector<Hash>* withdrawalHashes) {
    std::vector<Hash> out;
    std::vector<Address> appended;
    auto addressOf = [&](std::uint32_t index) -> std::optional<Address> {
        if (index < pre.count()) return pre.account(index).address;
        std::size_t k = index - pre.count();
        if (k < appended.size()) return appended[k];
        return std::nullopt;
    };
    for (const auto& r : batch.decoded) {
        if (r.kind == rollup::RecordKind::deposit) {
            if (r.new_account) appended.push_back(r.address);
            continue;
        }
        if (r.skipped) {  // a forced transaction the batch skipped (§4.5): no L2 transaction
            out.push_back(Hash{});
            continue;
        }
        std::optional<Address> to;
        if (r.kind == rollup::RecordKind::transfer) to = r.forced ? r.address : addressOf(r.to);
        if (r.kind == rollup::RecordKind::new_account_transfer) {
            to = r.address;
            appended.push_back(r.address);
        }
        if (r.kind == rollup::RecordKind::withdrawal) to = rollup::withdrawal_address();
        Hash h;
        if (to) {
            if (auto tx = rollup::transaction_from_record(r, *to, params)) h = transaction_hash(*tx);
        }
        out.push_back(h);
        if (r.kind == rollup::RecordKind::withdrawal && withdrawalHashes) withdrawalHashes->push_back(h);
    }
    return out;
}

}  // namespace

QString batchStatusName(ReplicaBatch::Status status) {
    switch (status) {
    case ReplicaBatch::Status::InWindow: return QStringLiteral("in-window");
    case ReplicaBatch::Status::Final: return QStringLiteral("final");
    case ReplicaBatch::Status::Reverted: return QStringLiteral("reverted");
    case ReplicaBatch::Status::Unverified: return QStringLiteral("unverified");
    }
    return {};
}

L1Replica::L1Replica(const RollupParameters& parameters)
    : m_parameters(parameters), m_state(rollup::AccountTree::genesis(parameters.feeRecipient)) {}

void L1Replica::apply(const std::vector<RollupEvent>& events) {
    for (const auto& e : events) apply(e);
}

void L1Replica::apply(const RollupEvent& event) {
    m_log.push_back(event);
    applyOne(event);
}

void L1Replica::applyOne(const RollupEvent& event) {
    m_lastBlock = std::max(m_lastBlock, eventPosition(event).blockNumber);
    if (const auto* d = std::get_if<DepositQueuedEvent>(&event)) {
        m_deposits.push_back(*d);
    } else if (const auto* b = std::get_if<BatchSubmittedEvent>(&event)) {
        onBatch(*b);
    } else if (const auto* r = std::get_if<BatchesRevertedEvent>(&event)) {
        onReverted(*r);
    } else if (const auto* f = std::get_if<FraudProvenEvent>(&event)) {
        m_fraud.push_back(*f);
        attachFraudProof(*f);
    } else if (const auto* w = std::get_if<WithdrawalFinalizedEvent>(&event)) {
        if (w->batchIndex < m_batches.size()) {
            auto& ws = m_batches[w->batchIndex].withdrawals;
            if (w->withdrawalIndex < ws.size()) ws[w->withdrawalIndex].finalized = true;
        }
    } else if (const auto* bond = std::get_if<BondEvent>(&event)) {
        m_bonds.push_back(*bond);
    } else if (const auto* x = std::get_if<ExitedEvent>(&event)) {
        m_exited.insert(x->accountIndex);
    } else if (const auto* r = std::get_if<DepositRefundedEvent>(&event)) {
        m_refunded.insert(r->index);
    }
}

void L1Replica::expectBatch(Bytes records, std::vector<rollup::RecoveredSender> senders) {
    constexpr std::size_t kKept = 4;  // batches in flight at once are fewer
    if (m_expected.size() == kKept) m_expected.pop_front();
    m_expected.emplace_back(std::move(records), std::move(senders));
}

void L1Replica::onBatch(const BatchSubmittedEvent& e) {
    ReplicaBatch rb;
    rb.index = e.index;
    rb.header = e.header;
    rb.at = e.at;
    rb.finalAt = e.header.submitted_at + m_parameters.challengePeriod;

    // Pre-states of batches that are final by the time this one was submitted cannot be needed
    // again (a final batch is never reverted).
    for (auto it = m_preStates.begin(); it != m_preStates.end();) {
        if (it->first < m_batches.size() && m_batches[it->first].finalAt <= e.header.submitted_at)
            it = m_preStates.erase(it);
        else
            ++it;
    }

    auto firstBad = firstBadBatch();
    const auto params = m_parameters.stfParams();
    if (e.index != m_batches.size()) {
        rb.note = QStringLiteral("L1 reported batch %1 while %2 batches are known").arg(e.index).arg(m_batches.size());
    } else if (firstBad) {
        rb.note =
            QStringLiteral("follows batch %1, which is not honest; it goes if that one is reverted").arg(*firstBad);
    } else if (!e.batch) {
        rb.note = e.readError;
        rb.unreadable = true;
    } else if (e.header.prev_state_root != m_state.state_root()) {
        rb.note = QStringLiteral("its previous state root is not the replica's state");
        rb.unreadable = true;
    } else {
        const rollup::Batch& batch = *e.batch;
        std::vector<rollup::RecoveredSender> known;
        for (auto it = m_expected.begin(); it != m_expected.end(); ++it) {
            if (it->first != batch.records) continue;
            known = std::move(it->second);
            m_expected.erase(it);
            break;
        }
        rollup::AccountTree post = m_state;
        auto result = rollup::apply_records(post, batch.decoded, params, 2, known);
        std::vector<Hash> withdrawalHashes;
        rb.l2TxHashes = transactionHashes(m_state, batch, params, &withdrawalHashes);
        if (result.ok() && result.chunk_roots == batch.chunk_roots) {
            rb.judgement = ReplicaBatch::Judgement::Honest;
            m_preStates[e.index] = m_state;
            m_state = std::move(post);
        } else {
            auto proof = rollup::build_fraud_proof(batch, e.header, U256(e.index), m_state, params);
            if (!proof) {
                rb.note = QStringLiteral("building its fraud proof failed: %1").arg(q(proof.message()));
            } else if (!proof->has_value()) {
                rb.note = QStringLiteral("re-execution and the proof builder disagree about it");
            } else {
                rb.judgement = ReplicaBatch::Judgement::Fraudulent;
                rb.verdict = (*proof)->verdict;
                rb.chunkIndex = (*proof)->chunk_index;
                rb.recordIndex = (*proof)->record_index;
                rb.fraudProof = std::move(**proof);
                m_preStates[e.index] = m_state;
            }
        }
        for (std::size_t i = 0; i < batch.withdrawals.size(); ++i) {
            ReplicaWithdrawal w;
            w.withdrawalIndex = i;
            w.recipient = batch.withdrawals[i].recipient;
            w.amount = batch.withdrawals[i].amount;
            if (i < withdrawalHashes.size()) w.l2TxHash = withdrawalHashes[i];
            w.proof = batch.withdrawal_proof(i);
            rb.withdrawals.push_back(std::move(w));
        }
    }
    m_batches.push_back(std::move(rb));
}

void L1Replica::onReverted(const BatchesRevertedEvent& e) {
    // Every batch from firstIndex on goes, newest first so each restores its own pre-state.
    while (!m_batches.empty() && m_batches.back().index >= e.firstIndex) {
        ReplicaBatch rb = std::move(m_batches.back());
        m_batches.pop_back();
        rb.reverted = true;
        if (auto it = m_preStates.find(rb.index); it != m_preStates.end()) {
            // Only batches from an honest pre-state have one; restoring it undoes the batch if it
            // was applied and is a no-op otherwise.
            m_state = std::move(it->second);
            m_preStates.erase(it);
        }
        m_reverted.push_back(std::move(rb));
    }
    // FraudProven may come before BatchesReverted in the same transaction.
    for (const auto& f : m_fraud)
        if (f.at.txHash == e.at.txHash) attachFraudProof(f);
}

void L1Replica::attachFraudProof(const FraudProvenEvent& f) {
    for (auto it = m_reverted.rbegin(); it != m_reverted.rend(); ++it) {
        if (it->index == f.batchIndex) {
            if (!it->fraudProven) it->fraudProven = f;  // an older batch of that index keeps its own
            break;
        }
    }
}

void L1Replica::rollbackTo(quint64 forkBlock) {
    std::erase_if(m_log, [forkBlock](const RollupEvent& e) { return eventPosition(e).blockNumber > forkBlock; });
    rebuild();
}

void L1Replica::rebuild() {
    m_batches.clear();
    m_reverted.clear();
    m_deposits.clear();
    m_fraud.clear();
    m_bonds.clear();
    m_exited.clear();
    m_refunded.clear();
    m_preStates.clear();
    m_state = rollup::AccountTree::genesis(m_parameters.feeRecipient);
    m_lastBlock = 0;
    for (const auto& e : m_log) applyOne(e);
}

quint64 L1Replica::depositsProcessed() const { return m_batches.empty() ? 0 : m_batches.back().header.deposit_end; }

std::optional<quint64> L1Replica::firstBadBatch() const {
    for (const auto& b : m_batches)
        if (b.judgement != ReplicaBatch::Judgement::Honest) return b.index;
    return std::nullopt;
}

std::vector<quint64> L1Replica::unreadableBatches() const {
    std::vector<quint64> out;
    for (const auto& b : m_batches)
        if (b.unreadable) out.push_back(b.index);
    return out;
}

std::optional<rollup::AccountTree> L1Replica::stateBefore(quint64 index) const {
    auto it = m_preStates.find(index);
    if (it == m_preStates.end()) return std::nullopt;
    return it->second;
}

}  // namespace sluice
