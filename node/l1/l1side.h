// SPDX-License-Identifier: MIT
#pragma once
// The node's L1 side (created by NodeApp; see node/nodeapp.h): follows the Rollup contract with
// RollupReader + L1Replica (services/rollup) and runs
//  - the watcher: deposits -> Sequencer::creditDeposit, batch/fraud events -> the sequencer and
//    the sluice_batches / sluice_withdrawals / sluice_fraud streams;
//  - the proposer (sequencer role): batches pendingRecordsForBatch every batchIntervalMs with
//    core build_batch, keeps its bond, re-posts after a revert; `--fault KIND[@BATCH]` makes it
//    cheat once in that batch while the sequencer's soft state stays honest;
//  - the verifier (--verifier): re-executes every batch from L1 alone and sends proveFraud;
//  - the sluice_status / sluice_getBatches / sluice_getWithdrawals / sluice_getDeposits methods.
// `prepare` (before the node starts) launches the devnet for --devnet and reads the chain id,
// base fee and fee recipient from the contract.

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <set>

#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/rollup/batch.hpp"
#include "node/config.h"
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
Result<rollup::Batch> injectFault(FaultSpec::Kind kind, const rollup::Batch& honest, const rollup::AccountTree& preState,
                                  const rollup::Params& params, const PrivateKey& proposerKey);

class L1Side : public QObject {
    Q_OBJECT
public:
    static Status prepare(NodeConfig& config);

    L1Side(const NodeConfig& config, Sequencer& sequencer, RpcServer& rpc, QObject* parent = nullptr);
    ~L1Side() override;

    Status start();
    void stop();

    const L1Replica* replica() const { return m_replica.get(); }

signals:
    void fatalError(QString message);
    // For logs and tests.
    void batchPosted(quint64 index, bool cheated);
    void fraudProofSent(quint64 batchIndex, QString l1TxHash);

private:
    void onEvents(const std::vector<RollupEvent>& events);
    void onSynced();
    void proposeTick();
    void verify();
    void ensureBond(std::function<void()> then);
    void registerMethods();
    U256 ourBond() const;
    QJsonObject batchJson(const ReplicaBatch& b) const;
    // --verifier runs only the verifier: no batches, no deposits credited.
    bool proposerRole() const { return m_config.sequencer && !m_config.verifier; }

    NodeConfig m_config;
    Sequencer& m_sequencer;
    RpcServer& m_rpcServer;
    std::unique_ptr<RpcClient> m_l1;
    EthClient* m_eth = nullptr;
    HeadsSubscription* m_heads = nullptr;
    TransactionSender* m_sender = nullptr;
    RollupReader* m_reader = nullptr;
    std::unique_ptr<L1Replica> m_replica;
    std::optional<PrivateKey> m_key;
    Address m_address;
    std::optional<FaultSpec> m_fault;
    QTimer m_proposeTimer;

    struct InFlight {
        quint64 index = 0;
        std::size_t recordCount = 0;
        Hash txHash;
        bool cheated = false;
    };
    std::optional<InFlight> m_inflight;
    bool m_proposing = false;
    bool m_bonding = false;
    std::optional<quint64> m_cheatedBatch;  // wait for it to be reverted before posting again
    std::set<std::pair<quint64, Hash>> m_proofsSent;  // (batch index, header hash)
    quint64 m_lastChecked = 0;
};

}  // namespace sluice::node
