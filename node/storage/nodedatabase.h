// SPDX-License-Identifier: MIT
#pragma once
// The node's database (Qt Sql): a SQLite file (QSQLITE, the embedded default) or a PostgreSQL
// database (QPSQL, `postgresql://…`), with one schema and one set of queries. Once commit() returns
// ok, what it wrote survives a crash or power loss: SQLite runs with a WAL journal and
// synchronous=FULL; PostgreSQL with synchronous_commit=on, and a server with fsync off is refused.
// Each NodeDatabase opens its own named connection and must be used only on the thread that opened
// it; several instances (a writer and readers on other threads or in other processes) may share
// one database: readers see committed data only.
//
// Change notifications (PostgreSQL only: LISTEN/NOTIFY): every commit that added or rewrote L2
// blocks, changed a batch or withdrawal, or changed the L1 view notifies the channel
// kChangeChannel once, with the kinds of change as payload ("blocks,batches"); listen() receives
// them. `sluiced --rpc-only` frontends follow the sequencer's database this way.
//
// Writes are not wrapped in transactions implicitly: callers group them between begin() and
// commit() (the sequencer group-commits many submissions per fsync) and answer nobody before
// commit() succeeded.
//
// Reads (issue 10, item 14): every reader returns a Result. A query that fails is an error, and so
// is a stored value that is not what the node writes there (a hash that is not 32 bytes, an amount
// that is not a 32-byte BLOB, a negative integer, text where a BLOB belongs; the rule is
// node/storage/storedvalues.h): the message names the table, the row and the column ("the node
// database is damaged: l2_blocks.hash (row number=5) holds a 1-byte BLOB, not a 32-byte hash").
// Nothing damaged is ever read as a zero hash, zero address or zero amount.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/records.hpp"

class QSqlQuery;

namespace sluice::node {

// 2: the l1_* tables (what the L1 watcher saw, node/l1) beside the sequencer's own tables.
// 3: deposits.forced (forced transactions, PROTOCOL §4.5); 4: l2_transactions indexed by record and batch.
inline constexpr int kSchemaVersion = 5;

// docs/PROTOCOL.md §7 for transactions; `dropped` is a transaction that turned invalid before it
// was sequenced (never acknowledged as sequenced).
enum class TxStatus : int { pending = 0, sequenced = 1, posted = 2, final = 3, reverted = 4, dropped = 5 };

struct StoredTransaction {
    Hash hash;
    Bytes raw;  // exactly as received by eth_sendRawTransaction
    Address sender;
    std::uint64_t nonce = 0;
    TxStatus status = TxStatus::pending;
    std::optional<std::uint64_t> block;      // L2 block number once sequenced
    std::optional<std::uint32_t> position;   // index among the block's transactions
    std::optional<std::uint64_t> recordSeq;  // position in the sequenced record stream
    std::optional<std::uint64_t> batchIndex;
};

struct StoredBlock {
    std::uint64_t number = 0;
    Hash hash;
    Hash parentHash;
    std::uint64_t timestamp = 0;  // unix seconds
    Hash stateRoot;
    std::uint64_t recordStart = 0;   // first record sequence number of the block
    std::uint32_t recordCount = 0;   // deposits + transactions
    std::vector<Hash> transactions;  // signed transactions only, in block order
};

// One entry of the sequenced record stream (deposit or signed transaction), in order: what the
// proposer cuts into batches and what a restart replays.
struct StoredRecord {
    std::uint64_t seq = 0;
    std::uint64_t block = 0;
    Bytes bytes;                                // core/rollup encode_record
    std::optional<Hash> txHash;                 // signed records
    std::optional<std::uint64_t> depositIndex;  // deposit records: L1 queue index
    Address sender;                             // signed records: the recovered sender
    Address to;                                 // signed records: the transaction's `to`
    std::optional<std::uint64_t> batchIndex;    // set while it is in a posted batch
};

// A block's transactions in block order: the record that carries each (an index into the block's
// records) and its position among the block's transactions (l2_transactions.position).
struct TransactionPlace {
    std::size_t record = 0;
    std::uint32_t position = 0;
};
std::vector<TransactionPlace> transactionPlaces(const std::vector<StoredRecord>& records);

// One entry of the L1 queue (PROTOCOL §4.4): a deposit, or a forced transaction (`forced` set; `to`
// and `amount` zero). "Credited" means taken into an L2 block, applied or skipped.
struct StoredDeposit {
    std::uint64_t queueIndex = 0;
    Address to;
    U256 amount = 0;
    std::uint64_t l1Timestamp = 0;
    Hash l1TxHash;
    std::optional<std::uint64_t> creditedBlock;
    std::optional<rollup::ForcedTransaction> forced;
};

enum class BatchStatus : int { inWindow = 0, final = 1, challenged = 2, reverted = 3 };
QString batchStatusName(BatchStatus status);  // "in-window", "final", "challenged", "reverted"

struct StoredBatch {
    std::uint64_t index = 0;
    // PROTOCOL.md §4.2 BatchHeader
    Hash prevStateRoot;
    Hash stateRoot;
    Hash txRoot;
    Hash withdrawalRoot;
    std::uint64_t recordCount = 0;
    std::uint64_t depositStart = 0;
    std::uint64_t depositEnd = 0;
    std::uint64_t submittedAt = 0;
    Address proposer;
    Hash l1TxHash;
    std::uint64_t l1Block = 0;
    BatchStatus status = BatchStatus::inWindow;
    std::optional<std::uint64_t> firstRecordSeq;  // our own records: where the batch starts
};

enum class WithdrawalStatus : int { initiated = 0, posted = 1, finalized = 2, reverted = 3 };

struct StoredWithdrawal {
    Hash l2TxHash;
    Address recipient;
    U256 amount = 0;
    std::optional<std::uint64_t> batchIndex;
    std::optional<std::uint64_t> withdrawalIndex;
    WithdrawalStatus status = WithdrawalStatus::initiated;
};

// What the L1 watcher saw (node/l1/l1side.cpp writes these as it reads L1; the sluice_ methods
// answer from them). Kept apart from the sequencer's batches/deposits/withdrawals tables, which
// describe only this node's own L2 chain: these describe every batch on L1, by anyone, and
// survive a restart so the methods answer before L1 is read again.
enum class L1Judgement : int { honest = 0, fraudulent = 1, unverifiable = 2 };

struct L1BatchRow {
    std::uint64_t index = 0;  // reused after a revert: l1TxHash identifies the row
    Hash prevStateRoot;
    Hash stateRoot;
    Hash txRoot;
    Hash withdrawalRoot;
    std::uint64_t recordCount = 0;
    std::uint64_t depositStart = 0;
    std::uint64_t depositEnd = 0;
    std::uint64_t submittedAt = 0;
    Address proposer;
    Hash l1TxHash;
    std::uint64_t l1Block = 0;
    std::uint64_t finalAt = 0;  // unix seconds (L1 time)
    bool reverted = false;
    L1Judgement judgement = L1Judgement::unverifiable;
    QString verdict;               // core verdict name when fraudulent
    std::vector<Hash> l2TxHashes;  // per signed record, in batch order
};

struct L1WithdrawalRow {
    Hash batchL1TxHash;  // the batch row it belongs to
    std::uint64_t batchIndex = 0;
    std::uint64_t withdrawalIndex = 0;
    Address recipient;
    U256 amount = 0;
    Hash l2TxHash;
    std::vector<Hash> proof;
    bool finalized = false;
};

struct L1DepositRow {
    std::uint64_t queueIndex = 0;
    Address to;
    U256 amount = 0;
    std::uint64_t l1Timestamp = 0;
    Hash l1TxHash;
    std::uint64_t l1Block = 0;
    std::optional<std::uint64_t> creditedBlock;  // read only: the L2 block (deposits.credited_block)
};

struct L1FraudProofRow {
    Hash l1TxHash;
    std::uint64_t batchIndex = 0;
    std::uint64_t chunkIndex = 0;
    std::uint64_t recordIndex = 0;
    QString verdict;
    Address challenger;
    std::uint64_t l1Block = 0;
};

inline constexpr const char* kChangeChannel = "sluice_changes";

class NodeDatabase {
public:
    enum class Backend { sqlite, postgresql };
    // "postgresql://[user[:password]@][host][:port]/dbname[?host=/socket/dir&port=…&sslmode=…]" (or
    // postgres://) names a PostgreSQL database; anything else is the path of a SQLite file.
    static bool isPostgresUrl(const QString& location);
    // The location without its password, for messages and logs.
    static QString displayLocation(const QString& location);

    // Opens (creating if needed) the database and migrates the schema. `connectionName` must be
    // unique per instance in the process; empty picks a fresh one.
    static Result<std::unique_ptr<NodeDatabase>> open(const QString& location, const QString& connectionName = {});
    ~NodeDatabase();
    NodeDatabase(const NodeDatabase&) = delete;
    NodeDatabase& operator=(const NodeDatabase&) = delete;

    Backend backend() const;
    QString path() const { return m_path; }  // displayLocation() of what was opened
    QString journalMode();                   // SQLite: "wal"
    int synchronousMode();                   // SQLite: 2 = FULL
    QString synchronousCommit();             // PostgreSQL: "on"

    // PostgreSQL: `handler` runs on this connection's thread with the payload of every change
    // notification (see above). Other backends: an error (nothing to listen to).
    Status listen(std::function<void(const QString& payload)> handler);
    Result<int> schemaVersion();  // 0 for a new file

    // Every stored value of the sequencer's tables (l2_*, deposits, batches, withdrawals) read
    // through its reader, and every stored transaction checked against its hash: the first damaged
    // value, if any. Sequencer::start refuses a database that fails it.
    Status checkSequencerTables();
    // The same for the L1 view (l1_* tables and the l1.* meta numbers).
    Status checkL1View();

    Status begin();
    Status commit();  // durable when ok
    Status rollback();

    // Key/value (e.g. "l1.cursor", "genesis.feeRecipient").
    Status setMeta(const QString& key, const QByteArray& value);
    Result<std::optional<QByteArray>> meta(const QString& key);
    // A meta value written as QByteArray::number (decimal digits); anything else is damage.
    Result<std::optional<std::uint64_t>> metaNumber(const QString& key);

    // Transactions.
    // keepExisting: a row with this hash stays as it is (a forced transaction also sent to the mempool).
    Status insertTransaction(const StoredTransaction& tx, bool keepExisting = false);
    Status setTransactionStatus(const Hash& hash, TxStatus status);
    // Transactions the mempool admitted (a few multi-row statements), pending or, when their block
    // is stored in the same commit, already sequenced. One that was dropped before (its row is on
    // disk) and is sent again once it is valid is stored anew; any other row with its hash is an
    // error.
    Status insertArrivedTransactions(const std::vector<StoredTransaction>& txs);
    // A stored transaction's raw bytes must hash to its hash (keccak256): else it is damaged.
    Result<std::optional<StoredTransaction>> transaction(const Hash& hash);
    Result<std::vector<StoredTransaction>> pendingTransactions();  // in insertion order
    Result<std::uint64_t> transactionCount();

    // Blocks and the record stream.
    Status insertBlock(const StoredBlock& block);
    Result<std::optional<StoredBlock>> block(std::uint64_t number);
    Result<std::optional<StoredBlock>> blockByHash(const Hash& hash);
    Result<std::optional<std::uint64_t>> latestBlockNumber();
    // The records of block `number` (stored with that block, whatever their `block` says), and
    // for each transaction among them its place: sequenced in that block, at its position among
    // the block's transactions, with its record. A few multi-row statements per block (on
    // PostgreSQL each statement is a round trip). placedAlready[k]: record k's transaction row was
    // written with its place in this commit (insertArrivedTransactions), so it is not updated again.
    Status insertBlockRecords(std::uint64_t number, const std::vector<StoredRecord>& records,
                              const std::vector<bool>& placedAlready = {});
    Result<std::vector<StoredRecord>> records(std::uint64_t fromSeq, std::uint64_t limit);
    Result<std::uint64_t> recordCount();
    // Sets batch_index on records [fromSeq, fromSeq+count) and status posted on their transactions.
    Status setRecordsBatch(std::uint64_t fromSeq, std::uint64_t count, std::uint64_t batchIndex);
    // Records of batches >= fromBatchIndex lose their batch; their transactions become sequenced.
    Status clearRecordsBatchFrom(std::uint64_t fromBatchIndex);
    // Transactions of batch `batchIndex` become final.
    Status setBatchTransactionsFinal(std::uint64_t batchIndex);
    // Cuts the record stream at `fromSeq` (a foreign batch replaces what follows, see
    // Sequencer::adoptForeignBatch): deletes the withdrawals of the records from `fromSeq` on, the
    // records, and every block but genesis that starts at or after `fromSeq`; their signed
    // transactions go back to pending (block, position, record_seq and batch cleared). A block
    // that straddles `fromSeq` is the caller's to rewrite (updateBlock).
    Status dropRecordsFrom(std::uint64_t fromSeq);
    Status updateBlock(const StoredBlock& block);  // the row of block.number, every column

    // Deposits.
    Status upsertDeposit(const StoredDeposit& deposit);  // keeps an existing creditedBlock
    Status setDepositCredited(std::uint64_t queueIndex, std::uint64_t block);
    // Queue entries from `queueIndex` on are not credited any more (to be credited again).
    Status clearDepositsCreditedFrom(std::uint64_t queueIndex);
    // A stored forced transaction that does not decode is damage like any other.
    Result<std::optional<StoredDeposit>> deposit(std::uint64_t queueIndex);
    Result<std::vector<StoredDeposit>> deposits(std::uint64_t fromIndex, std::uint64_t limit);
    Result<std::vector<StoredDeposit>> depositsTo(const Address& to);

    // Batches.
    Status upsertBatch(const StoredBatch& batch);
    Status setBatchStatus(std::uint64_t index, BatchStatus status);
    Result<std::optional<StoredBatch>> batch(std::uint64_t index);
    Result<std::vector<StoredBatch>> batches(std::uint64_t fromIndex, std::uint64_t limit);
    Result<std::vector<Hash>> batchTransactions(std::uint64_t batchIndex);

    // Withdrawals.
    Status upsertWithdrawal(const StoredWithdrawal& withdrawal);
    Result<std::vector<StoredWithdrawal>> withdrawalsOf(const Address& recipient);
    Result<std::vector<StoredWithdrawal>> withdrawalsInBatch(std::uint64_t batchIndex);

    // L1 view (l1_* tables).
    Status upsertL1Batch(const L1BatchRow& batch);  // also replaces its withdrawals' batch index
    Status upsertL1Withdrawal(const L1WithdrawalRow& withdrawal);
    Status upsertL1Deposit(const L1DepositRow& deposit);
    Status upsertL1FraudProof(const L1FraudProofRow& proof);
    Status clearL1();  // every l1_* row (a reorg rewrites them)
    // Current (not reverted) batches by index, or every row of that index range when includeReverted.
    Result<std::vector<L1BatchRow>> l1Batches(std::uint64_t fromIndex, std::uint64_t limit,
                                              bool includeReverted = false);
    Result<std::optional<L1BatchRow>> l1BatchByTx(const Hash& l1TxHash);
    Result<std::vector<L1WithdrawalRow>> l1WithdrawalsOf(const Address& recipient);
    Result<std::vector<L1DepositRow>> l1DepositsTo(const Address& to);  // with creditedBlock
    Result<std::optional<L1DepositRow>> l1Deposit(std::uint64_t queueIndex);
    Result<std::uint64_t> l1DepositCount();
    Result<std::vector<L1FraudProofRow>> l1FraudProofs();
    Result<std::optional<L1BatchRow>> l1LatestBatch();  // highest current index
    Result<std::optional<std::uint64_t>> l1FinalizedBatch(
        std::uint64_t l1Now);                                  // highest current index with finalAt <= l1Now
    Result<std::vector<std::uint64_t>> l1FraudulentBatches();  // current batches judged fraudulent

private:
    NodeDatabase() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    QString m_path;
};

}  // namespace sluice::node
