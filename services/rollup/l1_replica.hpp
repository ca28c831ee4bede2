// SPDX-License-Identifier: MIT
#pragma once
// The L2 state rebuilt from L1 data alone: every batch that is not reverted is applied with the
// core STF (core/rollup), each judged honest or fraudulent on its own; for each batch the replica
// keeps its header, verdict, withdrawals with their Merkle proofs and its absolute final time.
// The one implementation behind the node's verifier and the wallet's. Plain C++ (no signals):
// feed it RollupReader's events and reorgs in order.

#include <QString>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/account_tree.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "core/rollup/params.hpp"
#include "services/rollup/rollup_abi.hpp"
#include "services/rollup/rollup_reader.hpp"

namespace sluice {

struct ReplicaWithdrawal {
    quint64 withdrawalIndex = 0;  // position in the batch's withdrawal tree
    Address recipient;
    U256 amount = 0;
    Hash l2TxHash;
    std::vector<Hash> proof;  // of the leaf in header.withdrawalRoot
    bool finalized = false;   // WithdrawalFinalized seen
};

struct ReplicaBatch {
    // Unverified: this verifier could not re-execute it (PROTOCOL.md §5.1); it is never shown as
    // in its window or final, since nobody may be watching it.
    enum class Status { InWindow, Final, Reverted, Unverified };
    enum class Judgement {
        Honest,      // re-executed: every chunk valid and at its claimed root
        Fraudulent,  // re-executed: `verdict` in `chunkIndex` (a proof is in `fraudProof`)
        Unverifiable,  // its pre-state is not an honest state (it follows a fraudulent batch) or its calldata could not be read
    };

    quint64 index = 0;
    rollup::BatchHeader header;
    L1Position at;
    quint64 finalAt = 0;    // header.submittedAt + challengePeriod (unix seconds, L1 time)
    bool reverted = false;  // BatchesReverted covered it
    Judgement judgement = Judgement::Unverifiable;
    rollup::Verdict verdict = rollup::Verdict::None;
    quint64 chunkIndex = 0;
    quint64 recordIndex = 0;                       // within the chunk
    QString note;                                  // why Unverifiable, for display
    std::optional<rollup::FraudProof> fraudProof;  // ready for proveFraud while in the window
    std::vector<ReplicaWithdrawal> withdrawals;
    std::vector<Hash>
        l2TxHashes;  // per signed record, in batch order (deposits have none; a skipped forced record: zero)
    std::optional<FraudProvenEvent> fraudProven;  // the proof that reverted it, if any

    Status status(quint64 l1Now) const {
        if (reverted) return Status::Reverted;
        if (judgement == Judgement::Unverifiable) return Status::Unverified;
        return l1Now >= finalAt ? Status::Final : Status::InWindow;
    }
    // Unverifiable for a reason of its own (unreadable calldata, a header it does not give), not
    // merely because it follows a bad batch: the alarm case of PROTOCOL.md §5.1.
    bool unreadable = false;
};

QString batchStatusName(ReplicaBatch::Status status);  // "in-window", "final", "reverted", "unverified"

class L1Replica {
public:
    explicit L1Replica(const RollupParameters& parameters);

    const RollupParameters& parameters() const { return m_parameters; }

    // Events in L1 order, as RollupReader::eventsRead delivers them.
    void apply(const std::vector<RollupEvent>& events);
    void apply(const RollupEvent& event);
    // RollupReader::reorged: forget everything from blocks after forkBlock and rebuild.
    void rollbackTo(quint64 forkBlock);
    // A batch this process built and is posting (the proposer), by its records' bytes, with each
    // record's sender as recovered when the sequencer admitted it (see apply_records). When a
    // batch with exactly these records arrives, checking it recovers no signature again; the
    // judgement is still this replica's own re-execution. The last few are kept.
    void expectBatch(Bytes records, std::vector<rollup::RecoveredSender> senders);

    // The current batches on L1 (index == position; reverted ones are not here).
    const std::vector<ReplicaBatch>& batches() const { return m_batches; }
    // Batches removed by fraud proofs, oldest first (indices are reused by later batches).
    const std::vector<ReplicaBatch>& revertedBatches() const { return m_reverted; }
    const std::vector<DepositQueuedEvent>& deposits() const { return m_deposits; }
    quint64 depositsProcessed() const;  // depositEnd of the last current batch
    const std::vector<FraudProvenEvent>& fraudProofs() const { return m_fraud; }
    const std::vector<BondEvent>& bondEvents() const { return m_bonds; }
    // The escape hatch (PROTOCOL.md §5.4): account indices paid by exit(), queue entries refunded.
    bool exited(quint64 accountIndex) const { return m_exited.count(accountIndex) != 0; }
    bool refunded(quint64 depositIndex) const { return m_refunded.count(depositIndex) != 0; }

    // The state after the last honest current batch (genesis before any): what L2 is, per L1.
    const rollup::AccountTree& state() const { return m_state; }
    Hash stateRoot() const { return m_state.state_root(); }
    // Index of the first current batch that is not Honest, if any.
    std::optional<quint64> firstBadBatch() const;
    // Current batches this replica could not read or check (PROTOCOL.md §5.1): an alarm.
    std::vector<quint64> unreadableBatches() const;
    // The state before current batch `index` if that is an honest state (for proof building).
    std::optional<rollup::AccountTree> stateBefore(quint64 index) const;

    quint64 lastBlock() const { return m_lastBlock; }

private:
    void applyOne(const RollupEvent& event);
    void onBatch(const BatchSubmittedEvent& event);
    void onReverted(const BatchesRevertedEvent& event);
    void attachFraudProof(const FraudProvenEvent& event);
    void rebuild();

    RollupParameters m_parameters;
    std::vector<RollupEvent> m_log;  // every event applied, for rebuilding after a reorg
    std::vector<ReplicaBatch> m_batches;
    std::vector<ReplicaBatch> m_reverted;
    std::vector<DepositQueuedEvent> m_deposits;
    std::vector<FraudProvenEvent> m_fraud;
    std::vector<BondEvent> m_bonds;
    std::set<quint64> m_exited;
    std::set<quint64> m_refunded;
    rollup::AccountTree m_state;
    // Honest pre-state of each current batch that is still inside its window (copies are cheap).
    std::map<quint64, rollup::AccountTree> m_preStates;
    std::deque<std::pair<Bytes, std::vector<rollup::RecoveredSender>>> m_expected;  // expectBatch
    quint64 m_lastBlock = 0;
};

}  // namespace sluice
