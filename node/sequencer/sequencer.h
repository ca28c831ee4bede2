// SPDX-License-Identifier: MIT
#pragma once
// The sequencer: the soft L2 state (a core/rollup AccountTree), the mempool and the L2 blocks.
// Every rule of docs/PROTOCOL.md §3 is the core STF's: blocks are executed with rollup::Executor;
// submission checks are the cheap pre-checks a mempool needs (chain id, signature, nonce, fee,
// balance against what the sender's pending transactions already spend).
//
// Threading: a Sequencer lives on one thread (its QObject thread) and is called there. The
// stateless half of a submission (decoding, the checks that need no state, keccak and sender
// recovery, ~50 µs) runs on a worker pool; the stateful half (known hash, nonce, balance, mempool
// insert) runs on this thread in arrival order, so a sender's pipelined nonces stay in order. Disk
// writes go to a writer thread that group-commits (one fsync for everything queued meanwhile);
// a submission is answered only after the commit that holds it. A block is visible (blockNumber,
// receipts, newBlock) only once it is durable.
//
// Soft blocks credit the block's fees to account 0 at the end of each block; batches credit them
// per chunk of K (the proposer re-executes with core build_batch). The balances agree at batch
// ends; so that account 0 can never spend a fee that a batch has not credited yet, the fees of
// records not yet in a posted batch are not spendable by the fee account.

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/account_tree.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/params.hpp"
#include "core/rollup/records.hpp"
#include "core/rollup/stf.hpp"
#include "node/sequencer/workqueue.h"
#include "node/storage/nodedatabase.h"

namespace sluice::node {

class DbWriter;

// The fees of a run of records, in record order, run-length encoded: transfers at one fee price
// (the usual case) cost one entry per run, not one per record, so the sequencer's memory stays
// flat while records wait for a batch.
class FeeRuns {
public:
    void push_back(const U256& fee);
    void push_front(const std::vector<U256>& fees);  // `fees` in record order
    U256 pop_front();                                // 0 when empty
    bool empty() const { return m_runs.empty(); }
    U256 total() const;

private:
    std::deque<std::pair<U256, std::uint64_t>> m_runs;  // fee, records
};

struct HashHasher {
    std::size_t operator()(const Hash& h) const noexcept;
};

struct SequencerConfig {
    QString database;  // NodeDatabase::open's location: <data dir>/node.sqlite or postgresql://…
    // A read frontend (sluiced --rpc-only): no writer, no mempool, no block production. It replays
    // the chain the sequencer stored in the shared (PostgreSQL) database, takes its parameters from
    // there, and follows each commit's change notification: new blocks are re-executed with the
    // core STF and announced (newBlock) like its own. Transactions are read from the database.
    bool follower = false;
    rollup::Params params;  // chain id, base fee
    Address feeRecipient;   // account 0 at genesis
    int blockTimeMs = 250;
    int blockTriggerTxs = 1000;
    int maxBlockRecords = 10000;
    int maxMempool = 200000;
    std::size_t cachedTransactions = 100000;  // recent transactions kept in memory (rest: SQLite)
    // Fault injection for tests (--fault censor@ADDRESS): transactions from this sender are refused
    // at submission, so only forced inclusion through L1 (PROTOCOL §4.5) gets them in.
    std::optional<Address> censoredSender;
};

struct BlockInfo {
    std::uint64_t number = 0;
    Hash hash;
    Hash parentHash;
    std::uint64_t timestamp = 0;
    Hash stateRoot;
    std::uint64_t recordStart = 0;
    std::uint32_t recordCount = 0;
    std::vector<Hash> transactions;
};

struct TransactionInfo {
    Hash hash;
    SignedTransaction signedTx;
    Address from;
    TxStatus status = TxStatus::pending;
    std::optional<std::uint64_t> block;  // sequenced (durable block) only
    std::optional<Hash> blockHash;
    std::optional<std::uint32_t> position;
    std::optional<std::uint64_t> batchIndex;
};

// What the proposer needs to build the next batch (core build_batch over `records` from
// `preState` gives the honest roots).
struct PendingBatch {
    Hash preStateRoot;  // the post-state root of the last posted batch (genesis: the genesis root)
    std::shared_ptr<const rollup::AccountTree> preState;  // the honest state behind it (a copy)
    std::uint64_t firstRecordSeq = 0;
    std::uint64_t depositStart = 0;             // deposits taken by posted batches
    std::vector<rollup::Record> records;        // sequenced, durable, not in a posted batch, in order
    std::vector<std::optional<Hash>> txHashes;  // per record: the L2 transaction (none for deposits)
    // Per record: its sender as recovered when the transaction was admitted (for build_batch,
    // which then recovers none again; deposits: not present).
    std::vector<rollup::RecoveredSender> senders;
};

// A batch as the proposer built it, handed back when it is posted so that the sequencer takes its
// records and post-state from it rather than reading 1,024 records back from the database and
// decoding them on the main thread.
struct BuiltBatch {
    std::uint64_t firstRecordSeq = 0;
    std::vector<rollup::Record> records;        // at least the posted ones, from firstRecordSeq on
    std::vector<std::optional<Hash>> txHashes;  // per record
    // What build_batch reached over `records` (the honest post-state; taken only when its root is
    // the posted header's).
    std::shared_ptr<rollup::AccountTree> postState;
};

class Sequencer : public QObject {
    Q_OBJECT
public:
    explicit Sequencer(SequencerConfig config, QObject* parent = nullptr);
    ~Sequencer() override;

    // Opens the database, creates genesis or replays the stored blocks, re-queues the mempool and
    // uncredited deposits, and starts block production. Call once. A database with a damaged value
    // in the chain's tables (NodeDatabase::checkSequencerTables) is refused with a message naming
    // the table, row and column.
    Status start();
    // Stops producing blocks and waits until everything queued for disk is committed.
    void stop();

    const SequencerConfig& config() const { return m_config; }

    // Validates and persists; `done` runs on this thread once the transaction is durable (ok: its
    // hash) or with the reason it was refused (a message for the sender, e.g.
    // "nonce too low: next nonce is 4"). Never runs re-entrantly inside the call.
    using SubmitCallback = std::function<void(Result<Hash>)>;
    void submitRawTransactionAsync(ByteView raw, SubmitCallback done);
    // The same, blocking until durable (tests, in-process callers).
    Result<Hash> submitRawTransaction(ByteView raw);

    // L1 side: deposit `queueIndex` becomes a deposit record in the next block, in queue order,
    // exactly once (a known index is ignored, also after a restart). Gaps wait for the missing index.
    Status creditDeposit(std::uint64_t queueIndex, const Address& to, const U256& amount, std::uint64_t l1Timestamp,
                         const Hash& l1TxHash = {});
    // L1 side: forced transaction `queueIndex` (PROTOCOL §4.5) is taken in the same queue order as
    // deposits: applied if it is valid against the state at its turn, skipped (no effect) if not.
    Status creditForcedTransaction(std::uint64_t queueIndex, const rollup::ForcedTransaction& tx,
                                   std::uint64_t l1Timestamp, const Hash& l1TxHash = {});
    std::uint64_t nextDepositIndex() const { return m_nextDepositIndex; }

    // Proposer interface. A stored record found damaged at run time stops the node (fatalError,
    // naming it) rather than post or build on it.
    PendingBatch pendingRecordsForBatch(std::size_t maxRecords) const;
    // Where the posted chain ends (what the next batch starts from), without reading any record;
    // nullopt before start().
    struct PostedTip {
        Hash stateRoot;                  // post-state root of the last posted batch (genesis: the genesis root)
        std::uint64_t queueEntries = 0;  // queue entries taken by posted batches
    };
    std::optional<PostedTip> postedTip() const {
        if (!m_postedTree) return std::nullopt;
        return PostedTip{m_postedRoot, m_postedDeposits};
    }
    // The first `recordCount` pending records are in batch `batchIndex` on L1 with `header`.
    // built: what the proposer built the batch from; its records are used when they start at the
    // first pending record, its post-state when its root is the header's (instead of executing
    // the records, and recovering their signatures, once more on this thread).
    Status markBatchPosted(std::uint64_t batchIndex, std::uint64_t recordCount, const rollup::BatchHeader& header,
                           const Hash& l1TxHash = {}, std::uint64_t l1Block = 0,
                           std::shared_ptr<const BuiltBatch> built = nullptr);
    Status markBatchFinal(std::uint64_t batchIndex);
    // Batches >= fromBatchIndex were removed by a fraud proof: their records are pending again
    // (to be re-batched honestly) and the posted state goes back to before them.
    Status onBatchReverted(std::uint64_t fromBatchIndex);
    // Another proposer's valid batch `batchIndex` is on L1 right after our posted state
    // (precondition: header.prev_state_root is our posted root and header.deposit_start our posted
    // queue position). The L2 chain continues from it: our unposted records and the blocks that
    // hold only them are dropped (a block straddling the posted boundary keeps its posted prefix),
    // one block with the batch's records is appended and marked posted in `batchIndex`, queue
    // entries after header.deposit_end are to be credited again, and the in-memory state is
    // rebuilt from the database as after a restart, so the signed transactions of the dropped
    // records are re-admitted in arrival order and sequenced again on top of the foreign state
    // (those it made invalid are dropped as usual). The batch is re-executed first: an error
    // (nothing changed) if it does not apply from our posted state or does not give `header`.
    Status adoptForeignBatch(std::uint64_t batchIndex, const rollup::BatchHeader& header, const rollup::Batch& batch,
                             const Hash& l1TxHash = {}, std::uint64_t l1Block = 0);

    // Queries (the durable chain; `pending` includes the mempool).
    std::uint64_t blockNumber() const { return m_durableHead; }
    U256 balance(const Address& address, bool pending = false) const;
    std::uint64_t nonce(const Address& address, bool pending = false) const;
    // Blocks and transactions older than the in-memory cache come from the database. A stored row
    // found damaged there (issue 10, item 14) is an error naming its table, row and column, never
    // a block or transaction with zero hashes: find*() return it, and these three give nullopt and
    // stop the node with it (fatalError), which does not run on a damaged database. (The eth_
    // methods in node/rpc/ethapi.cpp call these; find*() let them answer -32603 instead.)
    std::optional<BlockInfo> block(std::uint64_t number) const;
    std::optional<BlockInfo> blockByHash(const Hash& hash) const;
    std::optional<TransactionInfo> transaction(const Hash& hash) const;
    Result<std::optional<BlockInfo>> findBlock(std::uint64_t number) const;
    Result<std::optional<BlockInfo>> findBlockByHash(const Hash& hash) const;
    Result<std::optional<TransactionInfo>> findTransaction(const Hash& hash) const;
    Hash stateRoot() const;  // of the latest durable block
    std::size_t mempoolSize() const { return m_mempool.size(); }
    const rollup::AccountTree& state() const { return m_tree; }  // soft state after the last produced block

    // Produces a block now if anything is waiting (tests; normally the timer does it).
    void produceBlock();

signals:
    void newBlock(quint64 number);                                      // durable
    void transactionSequenced(QByteArray txHash, quint64 blockNumber);  // durable; 32 raw bytes
    void fatalError(QString message);                                   // the database failed: stop the node

private:
    struct MempoolEntry;
    struct CachedBlock;
    struct CachedTx;
    struct Submission;

    // The stateless checks and sender recovery: thread-safe, no member state but the params.
    static Result<std::shared_ptr<MempoolEntry>> precheck(ByteView raw, const rollup::Params& params);
    // The stateful checks, on this thread.
    Status checkState(const MempoolEntry& entry);
    Status enqueueQueueEntry(StoredDeposit entry);
    // A transaction left the mempool (sequenced): its sender's pending nonce and spend shrink.
    void forgetPending(const MempoolEntry& entry);
    // The record for forced transaction `tx` at its turn, applied to `executor` (an applied one also
    // gives its L2 transaction); an error if it can be neither applied nor skipped (§4.5).
    struct ForcedOutcome {
        rollup::Record record;
        std::shared_ptr<MempoolEntry> transaction;  // applied only
        std::string whySkipped;
    };
    Result<ForcedOutcome> sequenceForced(const rollup::ForcedTransaction& tx, std::uint64_t l1Timestamp,
                                         rollup::Executor& executor,
                                         const std::function<std::optional<std::uint32_t>(const Address&)>& lookup);
    void admit(const std::shared_ptr<MempoolEntry>& entry, Bytes raw, SubmitCallback done);
    void startPrechecks();
    void drainSubmissions();
    void enqueueWrite(std::function<Status(NodeDatabase&)> write, std::function<void(Status)> done);
    // The admitted transactions' rows not handed to the writer yet, and who waits for each.
    struct Arrivals {
        std::vector<StoredTransaction> rows;
        std::vector<std::pair<Hash, SubmitCallback>> answers;
    };
    Arrivals takeArrivals();  // (rows of transactions dropped meanwhile say so)
    void writeArrivals();     // as a write of their own
    static void answerArrivals(const std::vector<std::pair<Hash, SubmitCallback>>& answers, const Status& stored);
    void flushWrites();  // writeArrivals, then waits until everything queued is committed
    void fail(const QString& message);
    // fail() for a damaged or unreadable stored value; also from the const queries (the Sequencer
    // itself is never const). halt() also returns the error, for Status-returning callers.
    void failOnDamage(const Error& error) const;
    Error halt(const Error& error);
    void scheduleBlock();
    void onBlockDurable(const std::shared_ptr<CachedBlock>& block);
    // The durable head moves to `block`: cached, its cached transactions sequenced, announced
    // (onBlockDurable for our own blocks, followChain for a follower's).
    void appendDurableBlock(const std::shared_ptr<CachedBlock>& block);
    void dropSender(const Address& sender, const Hash& firstBad, const char* why);
    // Drops one transaction whose nonce another transaction already used; the sender's later
    // ones stay (they may still be valid).
    void dropStale(const std::shared_ptr<MempoolEntry>& entry, const char* why);
    void evictOldBlocks();
    std::optional<std::uint32_t> indexOf(const Address& address) const;
    // The in-memory chain from the database (genesis when it is empty): start() and, after the
    // database was rewritten under it, adoptForeignBatch() (after resetChainState()).
    Status replay();
    Status replayChain(std::uint64_t latestBlock);  // posted state, soft state, head, recent blocks
    // follower: the chain's parameters (chain id, base fee, account 0) from the database.
    Status readChainParameters();
    // follower: applies the blocks committed since the head; a rewritten chain (a foreign batch
    // adopted) is replayed anew.
    void followChain();
    Status requeueQueueEntries();  // queue entries not credited yet
    Status requeueMempool();       // acknowledged, not sequenced: arrival order
    void resetChainState();        // forgets everything replay() builds
    Result<rollup::AccountTree> replayRecords(std::uint64_t fromSeq, std::uint64_t toSeq, rollup::AccountTree tree,
                                              FeeRuns* fees = nullptr);
    std::shared_ptr<CachedBlock> loadBlock(const StoredBlock& stored) const;

    SequencerConfig m_config;
    std::unique_ptr<NodeDatabase> m_reader;  // this thread's read connection
    std::unique_ptr<DbWriter> m_writer;
    QTimer m_blockTimer;
    std::unique_ptr<WorkQueue<std::shared_ptr<Submission>>> m_prechecks;  // recover senders, check
    std::deque<std::shared_ptr<Submission>> m_submissions;                // arrival order, waiting for their precheck
    std::vector<std::shared_ptr<Submission>> m_unchecked;                 // not yet handed to the workers
    bool m_precheckPosted = false;
    // Admitted, not yet written. While the writer is busy (they would wait for its commit anyway)
    // and a block is due within kArrivalWaitMs, they ride in that block's write: one multi-row
    // insert, and the rows of the transactions the block includes are written already sequenced
    // instead of inserted and then updated. Otherwise they are written at once, on their own.
    Arrivals m_unwritten;
    static constexpr int kArrivalWaitMs = 20;
    std::atomic<bool> m_drainPosted{false};
    bool m_blockWanted = false;  // the timer fired while a block was in flight
    bool m_blockScheduled = false;
    // Blocks produced but not yet durable. More than one may be in flight: the next block is
    // produced on the next tick and joins the next group commit instead of waiting a commit
    // round trip (the writer commits in order; after a failed commit it commits nothing more).
    static constexpr int kMaxBlocksInFlight = 16;
    int m_blocksInFlight = 0;
    // Bumped when the chain is rebuilt from the database (adoptForeignBatch): a block write
    // queued before answers into a chain that no longer holds that block and is ignored.
    std::uint64_t m_chainEpoch = 0;
    bool m_failed = false;

    rollup::AccountTree m_tree;                         // soft state after the last produced block
    std::shared_ptr<rollup::AccountTree> m_postedTree;  // honest state after the last posted batch
    Hash m_postedRoot;                                  // as on L1
    std::uint64_t m_postedRecords = 0;                  // records in posted batches
    std::uint64_t m_postedDeposits = 0;
    U256 m_unpostedFees = 0;       // fees of sequenced records not yet posted
    FeeRuns m_unpostedRecordFees;  // per record from m_postedRecords on

    std::deque<std::shared_ptr<MempoolEntry>> m_mempool;
    std::unordered_map<Address, std::uint64_t, rollup::AddressHasher> m_pendingNonce;
    std::unordered_map<Address, U256, rollup::AddressHasher> m_pendingSpend;
    std::map<std::uint64_t, StoredDeposit> m_depositQueue;  // known, not yet credited
    std::uint64_t m_nextDepositIndex = 0;                   // the next queue index to credit

    std::uint64_t m_producedHead = 0;  // last produced block (maybe not durable yet)
    std::uint64_t m_durableHead = 0;
    Hash m_producedHash;
    std::uint64_t m_producedTimestamp = 0;
    std::uint64_t m_nextRecordSeq = 0;
    std::uint64_t m_durableRecords = 0;
    std::deque<std::shared_ptr<CachedBlock>> m_blocks;  // recent durable blocks, oldest first
    std::unordered_map<Hash, std::shared_ptr<CachedTx>, HashHasher> m_txs;
    std::unordered_map<Hash, std::shared_ptr<CachedBlock>, HashHasher> m_blocksByHash;
    std::size_t m_cachedTxCount = 0;
    bool m_started = false;
};

}  // namespace sluice::node
