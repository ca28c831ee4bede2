// SPDX-License-Identifier: MIT
#pragma once
// Reads a Rollup contract from any L1 JSON-RPC endpoint without trusting anyone but L1: its
// parameters, its events (eth_getLogs in bounded ranges, in L1 order) and, for every
// BatchSubmitted, the submitBatch calldata of its transaction decoded and checked against the
// event's header. Handles reorgs: the hashes of the blocks it read are remembered; when the chain
// no longer has them it finds the fork point, emits reorged(forkBlock) and reads again from there.
//
// Calling convention as in services/rpc: callbacks and signals on the reader's thread.

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/params.hpp"
#include "services/rollup/rollup_abi.hpp"
#include "services/rpc/eth_client.hpp"

namespace sluice {

// The constructor parameters (PROTOCOL §1) as the chain reports them. Never hard-coded.
struct RollupParameters {
    quint64 l1ChainId = 0;
    U256 l2ChainId = 0;
    quint64 challengePeriod = 0;  // seconds
    U256 requiredBond = 0;
    U256 l2BaseFee = 0;
    quint64 depositDelay = 0;  // seconds
    Address feeRecipient;
    U256 minDeposit = 0;      // wei
    quint64 escapeDelay = 0;  // seconds (PROTOCOL.md §5.4)
    Hash genesisStateRoot;    // genesisStateRoot(feeRecipient), from the contract

    rollup::Params stfParams() const { return rollup::Params{l2ChainId, l2BaseFee}; }
    // The chain id L2 transactions are signed for (0, which no endpoint reports, if the contract's
    // does not fit the 64 bits every Ethereum client uses: then nothing is signed).
    quint64 l2SigningChainId() const {
        return l2ChainId > U256(std::numeric_limits<quint64>::max()) ? 0 : static_cast<quint64>(l2ChainId);
    }
};

class RollupReader : public QObject {
    Q_OBJECT
public:
    // Reads events from `fromBlock` (the deployment block) on.
    RollupReader(EthClient* eth, const Address& rollup, quint64 fromBlock, QObject* parent = nullptr);

    const Address& rollup() const { return m_rollup; }
    EthClient* eth() const { return m_eth; }
    // Blocks per eth_getLogs call (default 1000).
    void setMaxRange(quint64 blocks) { m_maxRange = blocks ? blocks : 1; }
    // Stay this many blocks behind the head (default 0: read up to the head; reorgs are handled).
    void setConfirmations(quint64 blocks) { m_confirmations = blocks; }

    void readParameters(QObject* context, std::function<void(RpcResult<RollupParameters>)> done);

    // Reads everything new up to the current head. A call while a sync runs makes that sync go
    // round once more instead of starting a second one. Emits, in order: reorged() if the chain
    // changed under what was read, eventsRead() per range with events, then synced() — or failed().
    void sync();
    bool busy() const { return m_busy; }
    // The first block not read yet.
    quint64 nextBlock() const { return m_next; }
    // The last head seen by sync (number, unix timestamp): the L1 clock for challenge windows.
    quint64 headNumber() const { return m_headNumber; }
    quint64 headTimestamp() const { return m_headTimestamp; }

signals:
    // Events of blocks [fromBlock, toBlock], in L1 order (block, log index).
    void eventsRead(const std::vector<sluice::RollupEvent>& events);
    // Everything read from blocks after forkBlock is void; reading resumes at forkBlock + 1.
    void reorged(quint64 forkBlock);
    void synced(quint64 headNumber, quint64 headTimestamp);
    void failed(const QString& message);

private:
    struct Pass;
    void startPass();
    void finishPass(bool ok, const QString& error);
    void checkContinuity(std::shared_ptr<Pass> pass);
    void findFork(std::shared_ptr<Pass> pass, std::vector<quint64> candidates);
    void readRange(std::shared_ptr<Pass> pass);
    void fillBatches(std::shared_ptr<Pass> pass, std::vector<RollupEvent> events, std::size_t i, quint64 to,
                     Hash toHash);
    void remember(quint64 block, const Hash& hash);

    EthClient* m_eth;
    Address m_rollup;
    quint64 m_from;
    quint64 m_next;
    quint64 m_maxRange = 1000;
    quint64 m_confirmations = 0;
    quint64 m_headNumber = 0;
    quint64 m_headTimestamp = 0;
    bool m_busy = false;
    bool m_again = false;
    std::map<quint64, Hash> m_seen;  // block number -> hash, of blocks read (bounded)
};

}  // namespace sluice
