// SPDX-License-Identifier: MIT
#pragma once
// The node's L1 side (created by NodeApp; see node/nodeapp.h): follows the Rollup contract with
// RollupReader + L1Replica (services/rollup) and runs
//  - the watcher: deposits -> Sequencer::creditDeposit, batch/fraud events -> the sequencer and
//    the sluice_batches / sluice_withdrawals / sluice_fraud streams;
//  - the proposer (sequencer role): batches pendingRecordsForBatch every batchIntervalMs with
//    core build_batch, keeps its bond, re-posts after a revert, adopts a batch it sent just before
//    a crash once it is on L1, and continues from valid batches of other bonded proposers
//    (Sequencer::adoptForeignBatch: what it sequenced on top is sequenced again); `--fault KIND[@BATCH]` makes it cheat once in that batch while the
//    sequencer's soft state stays honest;
//  - the verifier (--verifier): re-executes every batch from L1 alone and sends proveFraud; a
//    verifier-only node has no Sequencer (null) and no RpcServer unless --l2-port was given;
//  - the sluice_status / sluice_getBatches / sluice_getWithdrawals / sluice_getDeposits methods,
//    answered from the database's l1_* tables (node/storage), which the watcher writes as it reads
//    L1 (one SQLite transaction per range of events, with the L1 block it covers), so they answer
//    the same after a restart, before L1 is read again. A damaged stored value they meet is an
//    internal error (-32603) naming its table, row and column, never zeros; the first complete
//    read of L1 rewrites the l1_* tables (a damaged value found there at start is logged).
//
// Deposit policy (docs/node-l1.md): a deposit is credited once its L1 block has
// `depositConfirmations` blocks on top (default 0 on the devnet's chain 31337, 12 elsewhere). A
// reorg that removes or changes a deposit that L2 already credited cannot be followed without
// rewriting L2 history: the node then stops with a fatal error naming the deposit (and refuses
// to run on while L1 disagrees) instead of diverging from L1. A reorg that removes a deposit not
// credited yet just forgets it.
// `prepare` (before the node starts) launches the devnet for --devnet and reads the chain id,
// base fee and fee recipient from the contract.

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/account_signer.hpp"
#include "core/rollup/batch.hpp"
#include "node/config.h"
#include "node/storage/nodedatabase.h"
#include "services/rollup/l1_replica.hpp"
#include "services/rollup/rollup_reader.hpp"

namespace sluice {
class RpcClient;
class EthClient;
class HeadsSubscription;
class TransactionSender;
}  // namespace sluice

namespace sluice::node {

class Sequencer;
class RpcServer;
class NodeDatabase;
struct PendingBatch;
struct BuiltBatch;

// --fault wrong-root|invalid-signature|overdraft|double-spend[@batchIndex]
struct FaultSpec {
    enum class Kind { WrongRoot, InvalidSignature, Overdraft, DoubleSpend };
    Kind kind = Kind::WrongRoot;
    std::optional<quint64> batchIndex;  // nullopt: the next batch that can carry it
};
Result<std::optional<FaultSpec>> parseFault(const QString& spec);
QString faultName(FaultSpec::Kind kind);

// Makes an honestly built batch dishonest in the named way (plain function, tested alone).
// `preState` is the state before the batch; `proposerKey` signs the overdraft transfer from
// account 0 (the proposer is the fee recipient). Fails when the batch cannot carry that fault
// (e.g. invalid-signature without a signed record): the proposer then tries the next batch.
Result<rollup::Batch> injectFault(FaultSpec::Kind kind, const rollup::Batch& honest,
                                  const rollup::AccountTree& preState, const rollup::Params& params,
                                  const PrivateKey& proposerKey);

class L1Side : public QObject {
    Q_OBJECT
public:
    static Status prepare(NodeConfig& config);
    // The hub's L1 key as prepare() found it (--hub-key, or the devnet's hub account).
    static Result<PrivateKey> hubKey(const NodeConfig& config);
    // The watchtower's L1 key, likewise (--watchtower-key, or the devnet's watchtower account).
    static Result<PrivateKey> watchtowerKey(const NodeConfig& config);

    // `sequencer` is null for a verifier-only node, `rpc` when it serves no JSON-RPC.
    L1Side(const NodeConfig& config, Sequencer* sequencer, RpcServer* rpc, QObject* parent = nullptr);
    ~L1Side() override;

    Status start();
    void stop();

    const L1Replica* replica() const { return m_replica.get(); }

signals:
    void fatalError(QString message);
    // For logs and tests.
    void batchPosted(quint64 index, bool cheated);
    void fraudProofSent(quint64 batchIndex, QString l1TxHash);
    void depositCredited(quint64 queueIndex);

private:
    void onEvents(const std::vector<RollupEvent>& events);
    void onReorg(quint64 forkBlock);
    void onSynced();
    void creditConfirmedDeposits();
    // --rpc-only: no L1 connection; the sluice_ methods answer from the L1 view the sequencer's
    // node keeps in the shared database.
    Status startReadOnly();
    void registerStreams();  // sluice_batches, sluice_withdrawals, sluice_fraud
    // --rpc-only: the sluice_batches and sluice_fraud events for the stored rows that are new or
    // changed since the last call (the first call only takes note of what is there).
    void publishStoredChanges();
    // One L1 queue entry to the sequencer: a deposit, or a forced transaction (PROTOCOL §4.5).
    Status creditQueueEntry(const DepositQueuedEvent& entry);
    bool checkCreditedDeposits();  // false (and fatalError) when L1 lost or changed a credited deposit
    void halt(const QString& message);
    // The l1_* rows for what the replica now says (one event, or everything after a reorg).
    Status persistEvent(const RollupEvent& event, std::size_t revertedBefore);
    Status persistBatch(const ReplicaBatch& b);
    Status persistAll();
    Result<quint64> headTimestamp() const;  // (the stored one, before L1 was read, may be damaged)
    quint64 headNumber() const;
    QJsonObject rowJson(const L1BatchRow& row, quint64 l1Now) const;
    void proposeTick();
    struct BuildJob;
    void sendBuiltBatch(BuildJob& job);  // the proposer's second half, on the main thread
    Hash l1StateRoot() const;            // of the last batch L1 holds (genesis: the genesis root)
    void adoptPostedBatch(const PendingBatch& pending);
    // Valid batches of other proposers right after the sequencer's posted state: the sequencer
    // continues from them (Sequencer::adoptForeignBatch), in index order. Sets m_proposerStall
    // for what cannot be adopted.
    void adoptForeignBatches();
    void verify();
    // Conditions an operator must see (PROTOCOL.md §5.1, a stalled proposer): logged once when
    // they arise, listed by sluice_status while they last.
    void updateAlarms();
    void ensureBond(std::function<void()> then);
    void registerMethods();
    U256 ourBond() const;
    QJsonObject batchJson(const ReplicaBatch& b) const;
    void publish(const QString& stream, const QJsonObject& payload);
    // --verifier runs only the verifier: no batches, no deposits credited.
    bool proposerRole() const { return m_sequencer && m_config.sequencer && !m_config.verifier; }

    NodeConfig m_config;
    Sequencer* m_sequencer = nullptr;
    RpcServer* m_rpcServer = nullptr;
    std::unique_ptr<NodeDatabase> m_db;
    // --rpc-only: what the streams last said of each stored batch row (by L1 tx) and fraud proof.
    std::map<Hash, QJsonObject> m_announcedBatches;
    std::set<Hash> m_announcedProofs;
    bool m_storedViewRead = false;
    quint64 m_persistedThrough = 0;  // L1 block up to which the l1_* tables are written
    quint64 m_savedHead = 0;
    quint64 m_confirmations = 0;
    quint64 m_creditCursor = 0;  // deposits below it were handed to the sequencer
    bool m_halted = false;
    bool m_rewritten = false;  // the tables were rewritten from the first full read
    std::unique_ptr<RpcClient> m_l1;
    EthClient* m_eth = nullptr;
    HeadsSubscription* m_heads = nullptr;
    TransactionSender* m_sender = nullptr;
    RollupReader* m_reader = nullptr;
    std::unique_ptr<L1Replica> m_replica;
    std::optional<PrivateKey> m_key;        // the fault injector re-signs with it (testing)
    std::optional<AccountSigner> m_signer;  // what the sender signs with
    Address m_address;
    std::optional<FaultSpec> m_fault;
    QTimer m_proposeTimer;

    struct InFlight {
        quint64 index = 0;
        std::size_t recordCount = 0;
        Hash txHash;
        bool cheated = false;
        std::shared_ptr<const BuiltBatch> built;  // its records and honest post-state, for the sequencer
    };
    std::optional<InFlight> m_inflight;
    bool m_proposing = false;
    bool m_bonding = false;
    bool m_building = false;  // m_builder is building the next batch
    std::thread m_builder;
    std::optional<quint64> m_cheatedBatch;            // wait for it to be reverted before posting again
    std::set<std::pair<quint64, Hash>> m_proofsSent;  // (batch index, header hash)
    quint64 m_lastChecked = 0;
    QStringList m_alarms;
    QString m_proposerStall;  // why the proposer cannot post, if it cannot
    // The decoded batches of other proposers (by L1 tx hash) until the sequencer adopted them: the
    // replica keeps only their headers and judgements.
    std::map<Hash, rollup::Batch> m_foreignBatches;
};

}  // namespace sluice::node
