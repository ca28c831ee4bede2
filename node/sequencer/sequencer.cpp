// SPDX-License-Identifier: MIT
#include "node/sequencer/sequencer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDebug>
#include <QMetaObject>
#include <QScopeGuard>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <span>
#include <unordered_set>

#include "core/crypto/keccak.hpp"
#include "core/eth/address.hpp"
#include "core/rollup/stf.hpp"
#include "node/sequencer/dbwriter.h"
#include "node/storage/storedvalues.h"

namespace sluice::node {

using rollup::Record;
using rollup::RecordKind;
using rollup::Verdict;

std::size_t HashHasher::operator()(const Hash& h) const noexcept {
    std::size_t out;
    std::memcpy(&out, h.data(), sizeof out);  // a keccak output: any 8 bytes are uniform
    return out;
}

void FeeRuns::push_back(const U256& fee) {
    if (!m_runs.empty() && m_runs.back().first == fee)
        ++m_runs.back().second;
    else
        m_runs.emplace_back(fee, 1);
}

void FeeRuns::push_front(const std::vector<U256>& fees) {
    for (auto it = fees.rbegin(); it != fees.rend(); ++it) {
        if (!m_runs.empty() && m_runs.front().first == *it)
            ++m_runs.front().second;
        else
            m_runs.emplace_front(*it, 1);
    }
}

U256 FeeRuns::pop_front() {
    if (m_runs.empty()) return 0;
    const U256 fee = m_runs.front().first;
    if (--m_runs.front().second == 0) m_runs.pop_front();
    return fee;
}

U256 FeeRuns::total() const {
    U256 sum = 0;
    for (const auto& [fee, count] : m_runs) sum += fee * count;
    return sum;
}

struct Sequencer::MempoolEntry {
    Hash hash;
    SignedTransaction signedTx;
    Address sender;
    U256 cost;  // value + fee
    U256 fee;
    bool dropped = false;
};

struct Sequencer::CachedTx {
    std::shared_ptr<MempoolEntry> entry;
    TxStatus status = TxStatus::pending;
    std::optional<std::uint64_t> block;
    std::optional<std::uint32_t> position;
    std::optional<std::uint64_t> batchIndex;
};

struct Sequencer::CachedBlock {
    BlockInfo info;
};

namespace {

std::string u256Text(const U256& v) { return u256_to_dec(v); }

// The batches row of a batch posted on L1 (ours or adopted), in its window, whose records start at
// `firstRecordSeq` in the record stream.
StoredBatch storedBatch(std::uint64_t index, const rollup::BatchHeader& header, const Hash& l1TxHash,
                        std::uint64_t l1Block, std::uint64_t firstRecordSeq) {
    StoredBatch b;
    b.index = index;
    b.prevStateRoot = header.prev_state_root;
    b.stateRoot = header.state_root;
    b.txRoot = header.tx_root;
    b.withdrawalRoot = header.withdrawal_root;
    b.recordCount = header.record_count;
    b.depositStart = header.deposit_start;
    b.depositEnd = header.deposit_end;
    b.submittedAt = header.submitted_at;
    b.proposer = header.proposer;
    b.l1TxHash = l1TxHash;
    b.l1Block = l1Block;
    b.status = BatchStatus::inWindow;
    b.firstRecordSeq = firstRecordSeq;
    return b;
}

Hash blockHashOf(const BlockInfo& b) {
    Bytes pre;
    pre.reserve(8 + 32 + 8 + 32 + 8 + 4 + 32);
    auto put64 = [&pre](std::uint64_t v) {
        for (int i = 7; i >= 0; --i) pre.push_back(std::uint8_t(v >> (8 * i)));
    };
    put64(b.number);
    append(pre, b.parentHash);
    put64(b.timestamp);
    append(pre, b.stateRoot);
    put64(b.recordStart);
    for (int i = 3; i >= 0; --i) pre.push_back(std::uint8_t(b.recordCount >> (8 * i)));
    Bytes txs;
    txs.reserve(b.transactions.size() * 32);
    for (const auto& h : b.transactions) append(txs, h);
    append(pre, keccak256(txs));
    return keccak256(pre);
}

BlockInfo toInfo(const StoredBlock& s) {
    BlockInfo b;
    b.number = s.number;
    b.hash = s.hash;
    b.parentHash = s.parentHash;
    b.timestamp = s.timestamp;
    b.stateRoot = s.stateRoot;
    b.recordStart = s.recordStart;
    b.recordCount = s.recordCount;
    b.transactions = s.transactions;
    return b;
}

StoredBlock toStored(const BlockInfo& b) {
    StoredBlock s;
    s.number = b.number;
    s.hash = b.hash;
    s.parentHash = b.parentHash;
    s.timestamp = b.timestamp;
    s.stateRoot = b.stateRoot;
    s.recordStart = b.recordStart;
    s.recordCount = b.recordCount;
    s.transactions = b.transactions;
    return s;
}

std::uint64_t nowSeconds() { return std::uint64_t(QDateTime::currentSecsSinceEpoch()); }

// Where a stored record or transaction is, in a damage message (storedvalues.h's form).
std::string recordBytes(std::uint64_t seq) { return "l2_records.bytes (row seq=" + std::to_string(seq) + ")"; }

// A stored record, decoded; one that does not decode (we encoded it: the file was damaged since) is
// named as a damaged value.
Result<Record> decodeStoredRecord(const StoredRecord& r) {
    std::size_t offset = 0;
    auto rec = rollup::decode_record(r.bytes, offset);
    if (!rec) return make_error(stored::damaged(recordBytes(r.seq), "does not decode as a record: " + rec.message()));
    return rec;
}
std::string transactionRaw(const Hash& hash) { return "l2_transactions.raw (row hash=x'" + to_hex_bare(hash) + "')"; }

}  // namespace

struct Sequencer::Submission {
    Bytes raw;
    SubmitCallback done;
    std::optional<Result<std::shared_ptr<MempoolEntry>>> checked;  // written by the worker before `ready`
    std::atomic<bool> ready{false};
};

Sequencer::Sequencer(SequencerConfig config, QObject* parent) : QObject(parent), m_config(std::move(config)) {
    m_blockTimer.setInterval(std::max(1, m_config.blockTimeMs));
    connect(&m_blockTimer, &QTimer::timeout, this, &Sequencer::produceBlock);
    m_prechecks = std::make_unique<WorkQueue<std::shared_ptr<Submission>>>(
        unsigned(std::max(1, QThread::idealThreadCount())), "sluiced-recover",
        [this, params = m_config.params](std::shared_ptr<Submission>& sub) {
            sub->checked = precheck(sub->raw, params);
            sub->ready.store(true);
            // One drain posted at a time; a drain clears the flag before it looks at `ready`, so
            // nothing set ready here is left waiting. (The workers are stopped before the
            // Sequencer goes.)
            if (!m_drainPosted.exchange(true))
                QMetaObject::invokeMethod(
                    this, [this] { drainSubmissions(); }, Qt::QueuedConnection);
        });
}

Sequencer::~Sequencer() {
    stop();
    m_prechecks.reset();
}

Status Sequencer::start() {
    if (m_started) return make_error("the sequencer is already running");
    auto reader = NodeDatabase::open(m_config.database);
    if (!reader) return reader.error();
    m_reader = std::move(reader).value();
    // Every stored value of the chain is read once before anything is built on it (issue 10, item 14).
    if (auto st = m_reader->checkSequencerTables(); !st)
        return make_error(st.message() + " (in " + m_config.database.toStdString() +
                          "); sluiced does not run on a damaged database: restore it from a backup or start from an "
                          "empty data directory");
    if (m_config.follower) {
        if (auto st = readChainParameters(); !st) return st;
        auto latest = m_reader->latestBlockNumber();
        if (!latest) return latest.error();
        if (!*latest)
            return make_error("the database " + m_reader->path().toStdString() +
                              " holds no chain yet: start the sequencer on it first");
        if (auto st = replayChain(**latest); !st) return st;
        if (auto st = m_reader->listen([this](const QString& changes) {
                if (changes.split(QLatin1Char(',')).contains(QLatin1String("blocks"))) followChain();
            });
            !st)
            return st;
        m_started = true;
        followChain();  // what was committed between the replay and the LISTEN
        return {};
    }
    m_writer = std::make_unique<DbWriter>(m_config.database, this);
    if (auto st = m_writer->open(); !st) return st;
    if (auto st = replay(); !st) return st;
    m_started = true;
    m_blockTimer.start();
    return {};
}

Status Sequencer::readChainParameters() {
    auto fee = m_reader->meta(QStringLiteral("genesis.feeRecipient"));
    if (!fee) return fee.error();
    auto chain = m_reader->meta(QStringLiteral("genesis.chainId"));
    if (!chain) return chain.error();
    auto baseFee = m_reader->meta(QStringLiteral("genesis.baseFee"));
    if (!baseFee) return baseFee.error();
    if (!*fee || !*chain || !*baseFee)
        return make_error("the database " + m_reader->path().toStdString() +
                          " holds no chain parameters yet: start the sequencer on it first");
    auto recipient = stored::address(QVariant(**fee), "meta genesis.feeRecipient");
    if (!recipient) return recipient.error();
    auto chainId = u256_from_dec((*chain)->toStdString());
    auto base = u256_from_dec((*baseFee)->toStdString());
    if (!chainId || !base) return make_error(stored::damaged("meta genesis.chainId/baseFee", "not a number"));
    m_config.feeRecipient = *recipient;
    m_config.params.chain_id = *chainId;
    m_config.params.base_fee = *base;
    return {};
}

void Sequencer::followChain() {
    if (!m_started || m_failed) return;
    auto latest = m_reader->latestBlockNumber();
    if (!latest) return failOnDamage(latest.error());
    const std::uint64_t head = latest->value_or(0);
    for (std::uint64_t n = m_durableHead + 1; n <= head; ++n) {
        auto stored = m_reader->block(n);
        if (!stored) return failOnDamage(stored.error());
        if (!*stored) break;
        const StoredBlock& b = **stored;
        bool extends = b.parentHash == m_blocks.back()->info.hash && b.recordStart == m_durableRecords;
        if (extends) {
            // (A read that straddles a rewrite of the chain fails here too: replayed anew below.)
            auto tree = replayRecords(m_durableRecords, b.recordStart + b.recordCount, std::move(m_tree));
            extends = tree && tree->state_root() == b.stateRoot;
            if (extends) m_tree = std::move(tree).value();
        }
        if (!extends) break;  // rewritten under us: replayed anew below
        m_producedHead = n;
        m_nextRecordSeq = b.recordStart + b.recordCount;
        appendDurableBlock(std::make_shared<CachedBlock>(CachedBlock{toInfo(b)}));
    }
    if (m_durableHead == head) return;
    // The sequencer rewrote its chain (adoptForeignBatch) or it shrank: start again from what is stored.
    resetChainState();
    ++m_chainEpoch;
    if (auto st = replayChain(head); !st) return failOnDamage(st.error());
    emit newBlock(head);
}

void Sequencer::stop() {
    m_blockTimer.stop();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);  // prechecks not handed out yet
    m_prechecks->waitIdle();
    // Submissions already prechecked are admitted (and committed below) or refused, not lost.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_writer) {
        flushWrites();
        // Deliver the completions of the last commit before the writer goes away.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
        m_writer->stop();
    }
    m_started = false;
}

void Sequencer::fail(const QString& message) {
    if (m_failed) return;
    m_failed = true;
    m_blockTimer.stop();
    qCritical("sluiced: %s", qPrintable(message));
    emit fatalError(message);
}

void Sequencer::failOnDamage(const Error& error) const {
    const_cast<Sequencer*>(this)->fail(QString::fromStdString(error.message));
}

Error Sequencer::halt(const Error& error) {
    fail(QString::fromStdString(error.message));
    return error;
}

void Sequencer::enqueueWrite(std::function<Status(NodeDatabase&)> write, std::function<void(Status)> done) {
    m_writer->enqueue(std::move(write), std::move(done));
}

// --- start: genesis or replay -----------------------------------------------------------------

Result<rollup::AccountTree> Sequencer::replayRecords(std::uint64_t fromSeq, std::uint64_t toSeq,
                                                     rollup::AccountTree tree, FeeRuns* fees) {
    constexpr std::uint64_t kStep = 20000;
    for (std::uint64_t seq = fromSeq; seq < toSeq;) {
        auto stored = m_reader->records(seq, std::min(kStep, toSeq - seq));
        if (!stored) return stored.error();
        if (stored->empty()) return make_error("the node database lacks record " + std::to_string(seq));
        std::vector<Record> records;
        records.reserve(stored->size());
        for (const auto& r : *stored) {
            auto rec = decodeStoredRecord(r);
            if (!rec) return rec.error();
            if (fees)
                fees->push_back(rec->pays_fee() ? rollup::record_fee(*rec, m_config.params).value_or(0) : U256(0));
            records.push_back(std::move(rec).value());
        }
        // The core STF re-checks every signature: a database that does not replay is refused.
        auto result = rollup::apply_records(tree, records, m_config.params, 2);
        if (!result.ok())
            return make_error("stored record " + std::to_string(seq + result.record_index) + " does not replay (" +
                              std::string(rollup::verdict_name(result.verdict)) + ")");
        seq += stored->size();
    }
    return tree;
}

Status Sequencer::replay() {
    auto& db = *m_reader;
    const QString feeKey = QStringLiteral("genesis.feeRecipient");
    const QString chainKey = QStringLiteral("genesis.chainId");
    const QByteArray fee = QByteArray(reinterpret_cast<const char*>(m_config.feeRecipient.data()), 20);
    const QByteArray chain = QByteArray::fromStdString(u256_to_dec(m_config.params.chain_id));
    // The base fee is recorded for read frontends (readChainParameters), which are not told it.
    const QString baseFeeKey = QStringLiteral("genesis.baseFee");
    const QByteArray baseFee = QByteArray::fromStdString(u256_to_dec(m_config.params.base_fee));
    auto storedLatest = db.latestBlockNumber();
    if (!storedLatest) return storedLatest.error();
    const auto latest = *storedLatest;
    if (!latest) {
        m_tree = rollup::AccountTree::genesis(m_config.feeRecipient);
        BlockInfo genesis;
        genesis.number = 0;
        genesis.timestamp = nowSeconds();
        genesis.stateRoot = m_tree.state_root();
        genesis.hash = blockHashOf(genesis);
        if (auto st = db.begin(); !st) return st;
        Status st = db.setMeta(feeKey, fee);
        if (st) st = db.setMeta(chainKey, chain);
        if (st) st = db.setMeta(baseFeeKey, baseFee);
        if (st) st = db.insertBlock(toStored(genesis));
        if (st) st = db.commit();
        if (!st) {
            (void)db.rollback();
            return st;
        }
        auto cached = std::make_shared<CachedBlock>(CachedBlock{genesis});
        m_blocks.push_back(cached);
        m_blocksByHash[genesis.hash] = cached;
        m_producedHash = genesis.hash;
        m_producedTimestamp = genesis.timestamp;
        m_postedTree = std::make_shared<rollup::AccountTree>(m_tree);
        m_postedRoot = m_tree.state_root();
        return {};
    }
    auto storedFee = db.meta(feeKey);
    if (!storedFee) return storedFee.error();
    auto storedChain = db.meta(chainKey);
    if (!storedChain) return storedChain.error();
    if (*storedFee)
        if (auto a = stored::address(QVariant(**storedFee), "meta genesis.feeRecipient"); !a) return a.error();
    if (*storedChain && !u256_from_dec((*storedChain)->toStdString()))
        return make_error(stored::damaged(
            "meta genesis.chainId",
            "holds " + stored::quote(QVariant(QString::fromLatin1(**storedChain))) + ", not a chain id"));
    if (*storedFee != fee || *storedChain != chain)
        return make_error("the node database " + db.path().toStdString() +
                          " belongs to another chain (different fee recipient or chain id); use another --data-dir");
    if (auto st = db.setMeta(baseFeeKey, baseFee); !st) return st;
    if (auto st = replayChain(*latest); !st) return st;
    if (auto st = requeueQueueEntries(); !st) return st;
    return requeueMempool();
}

Status Sequencer::replayChain(std::uint64_t latest) {
    auto& db = *m_reader;
    // Posted batches: the live ones, in index order, are a prefix of the record stream.
    auto batches = db.batches(0, UINT64_MAX);
    if (!batches) return batches.error();
    for (const auto& b : *batches) {
        if (b.status == BatchStatus::reverted || !b.firstRecordSeq) continue;
        m_postedRecords = *b.firstRecordSeq + b.recordCount;
        m_postedDeposits = b.depositEnd;
        m_postedRoot = b.stateRoot;
    }
    const auto recordCount = db.recordCount();
    if (!recordCount) return recordCount.error();
    const std::uint64_t records = *recordCount;
    auto genesisTree = rollup::AccountTree::genesis(m_config.feeRecipient);
    if (m_postedRecords == 0) m_postedRoot = genesisTree.state_root();
    auto posted = replayRecords(0, m_postedRecords, std::move(genesisTree));
    if (!posted) return posted.error();
    m_postedTree = std::make_shared<rollup::AccountTree>(*posted);
    auto soft = replayRecords(m_postedRecords, records, std::move(posted).value(), &m_unpostedRecordFees);
    if (!soft) return soft.error();
    m_tree = std::move(soft).value();
    m_unpostedFees = m_unpostedRecordFees.total();
    m_nextRecordSeq = m_durableRecords = records;

    auto storedHead = db.block(latest);
    if (!storedHead) return storedHead.error();
    if (!*storedHead) return make_error("the node database lacks its latest block");
    const StoredBlock& head = **storedHead;
    if (head.stateRoot != m_tree.state_root())
        return make_error("the node database is inconsistent: replaying its records gives state root " +
                          m_tree.state_root().hex() + ", block " + std::to_string(latest) + " says " +
                          head.stateRoot.hex());
    m_producedHead = m_durableHead = latest;
    m_producedHash = head.hash;
    m_producedTimestamp = head.timestamp;
    const std::uint64_t firstCached = latest > 64 ? latest - 64 : 0;
    for (std::uint64_t n = firstCached; n <= latest; ++n) {
        auto b = db.block(n);
        if (!b) return b.error();
        if (*b) {
            auto cached = std::make_shared<CachedBlock>(CachedBlock{toInfo(**b)});
            m_blocks.push_back(cached);
            m_blocksByHash[cached->info.hash] = cached;
        }
    }
    return {};
}

// Queue entries: the credited ones are a prefix of the queue; the rest wait for the next block.
Status Sequencer::requeueQueueEntries() {
    auto entries = m_reader->deposits(0, UINT64_MAX);  // (a forced entry that does not decode is an error)
    if (!entries) return entries.error();
    for (const auto& d : *entries) {
        if (d.creditedBlock) {
            m_nextDepositIndex = std::max(m_nextDepositIndex, d.queueIndex + 1);
        } else {
            m_depositQueue[d.queueIndex] = d;
        }
    }
    return {};
}

// Acknowledged but not yet sequenced: back into the mempool, in arrival order. Not checked here:
// one that turned invalid is dropped when a block reaches it. One whose stored bytes do not decode
// (they decoded when it was acknowledged) is damage, not a transaction to lose quietly.
Status Sequencer::requeueMempool() {
    auto pending = m_reader->pendingTransactions();
    if (!pending) return pending.error();
    for (const auto& stored : *pending) {
        auto decoded = decode_signed_transaction(stored.raw);
        if (!decoded)
            return make_error(stored::damaged(transactionRaw(stored.hash),
                                              "does not decode as a signed transaction: " + decoded.message()));
        auto entry = std::make_shared<MempoolEntry>();
        entry->hash = stored.hash;
        entry->signedTx = std::move(decoded).value();
        entry->sender = stored.sender;
        Record probe;
        probe.eip1559 = entry->signedTx.tx.type == TxType::eip1559;
        probe.gas_price = entry->signedTx.tx.gas_price;
        probe.max_fee_per_gas = entry->signedTx.tx.max_fee_per_gas;
        probe.max_priority_fee_per_gas = entry->signedTx.tx.max_priority_fee_per_gas;
        entry->fee = rollup::record_fee(probe, m_config.params).value_or(0);
        entry->cost = entry->fee + entry->signedTx.tx.value;
        m_mempool.push_back(entry);
        m_pendingNonce[entry->sender] = entry->signedTx.tx.nonce + 1;
        m_pendingSpend[entry->sender] += entry->cost;
        auto cached = std::make_shared<CachedTx>();
        cached->entry = entry;
        m_txs[entry->hash] = cached;
    }
    return {};
}

void Sequencer::resetChainState() {
    m_tree = rollup::AccountTree();
    m_postedTree.reset();
    m_postedRoot = Hash{};
    m_postedRecords = 0;
    m_postedDeposits = 0;
    m_unpostedFees = 0;
    m_unpostedRecordFees = FeeRuns();
    m_mempool.clear();
    m_pendingNonce.clear();
    m_pendingSpend.clear();
    m_depositQueue.clear();
    m_nextDepositIndex = 0;
    m_producedHead = m_durableHead = 0;
    m_producedHash = Hash{};
    m_producedTimestamp = 0;
    m_nextRecordSeq = m_durableRecords = 0;
    m_blocks.clear();
    m_txs.clear();
    m_blocksByHash.clear();
    m_cachedTxCount = 0;
    m_blocksInFlight = 0;
    m_blockWanted = false;
}

// --- submission ------------------------------------------------------------------------------

std::optional<std::uint32_t> Sequencer::indexOf(const Address& address) const { return m_tree.index_of(address); }

Result<std::shared_ptr<Sequencer::MempoolEntry>> Sequencer::precheck(ByteView raw, const rollup::Params& params) {
    if (raw.size() > 4096) return make_error("transaction too large (" + std::to_string(raw.size()) + " bytes)");
    auto decoded = decode_signed_transaction(raw);
    if (!decoded) return make_error("invalid transaction: " + decoded.message());
    const Transaction& tx = decoded->tx;
    if (tx.type == TxType::access_list)
        return make_error("EIP-2930 transactions are not supported on this L2; use EIP-1559 or legacy");
    if (tx.chain_id == 0) return make_error("transactions without replay protection (pre-EIP-155) are not accepted");
    if (tx.chain_id != params.chain_id)
        return make_error("wrong chain id " + u256Text(tx.chain_id) + ": this L2 is chain " +
                          u256Text(params.chain_id));
    if (!tx.to) return make_error("contract creation is not supported: this L2 carries plain transfers only");
    if (!tx.data.empty())
        return make_error("transactions with data are not supported: this L2 carries plain transfers only");
    if (!tx.access_list.empty()) return make_error("access lists are not supported on this L2");
    // The fee fields as the record will carry them, checked by the STF's own rule.
    Record probe;
    probe.gas_limit = U256(tx.gas_limit);
    probe.eip1559 = tx.type != TxType::legacy;
    probe.gas_price = tx.gas_price;
    probe.max_fee_per_gas = tx.max_fee_per_gas;
    probe.max_priority_fee_per_gas = tx.max_priority_fee_per_gas;
    const U256& offered = probe.eip1559 ? tx.max_fee_per_gas : tx.gas_price;
    switch (rollup::fee_problem(probe, params)) {
    case rollup::FeeProblem::None: break;
    case rollup::FeeProblem::GasLimitBelowTransferGas:
        return make_error("intrinsic gas too low: gas limit " + std::to_string(tx.gas_limit) + " is below 21000");
    case rollup::FeeProblem::PriorityFeeAboveMaxFee:
        return make_error("max priority fee per gas higher than max fee per gas");
    case rollup::FeeProblem::BelowBaseFee:
        return make_error(std::string("fee too low: ") + (probe.eip1559 ? "max fee per gas " : "gas price ") +
                          u256Text(offered) + " wei is below the L2 base fee " + u256Text(params.base_fee) + " wei");
    }
    auto fee = rollup::record_fee(probe, params);
    auto cost = fee ? checked_add(*fee, tx.value) : std::nullopt;
    if (!cost) return make_error("insufficient funds: value plus fee exceeds 2^256");

    const Hash hash = keccak256(raw);
    auto sender = recover_sender(*decoded);
    if (!sender) return make_error("invalid signature: " + sender.message());

    auto entry = std::make_shared<MempoolEntry>();
    entry->hash = hash;
    entry->signedTx = std::move(decoded).value();
    entry->sender = *sender;
    entry->cost = *cost;
    entry->fee = *fee;
    return entry;
}

Status Sequencer::checkState(const MempoolEntry& entry) {
    if (m_failed) return make_error("the node is shutting down after a storage failure");
    // (a dropped transaction may be sent again: it is a new arrival once it is valid)
    if (auto known = m_txs.find(entry.hash); known != m_txs.end() && known->second->status != TxStatus::dropped)
        return make_error("already known");
    const Address& sender = entry.sender;
    if (m_config.censoredSender && sender == *m_config.censoredSender)
        return make_error(
            "refused: this sequencer censors " + to_checksum_address(sender) +
            " (fault injection --fault censor@...); send it through L1 (force-transfer / force-withdraw)");
    const auto index = indexOf(sender);
    if (!index) return make_error("insufficient funds: " + sender.hex() + " has no L2 account yet (deposit first)");

    const std::uint64_t txNonce = entry.signedTx.tx.nonce;
    const std::uint64_t next = nonce(sender, true);
    if (txNonce < next) return make_error("nonce too low: next nonce is " + std::to_string(next));
    if (txNonce > next) return make_error("nonce too high: next nonce is " + std::to_string(next));

    U256 available = m_tree.account(*index).balance;
    auto spent = m_pendingSpend.find(sender);
    if (spent != m_pendingSpend.end()) available = available > spent->second ? available - spent->second : U256(0);
    if (*index == 0) available = available > m_unpostedFees ? available - m_unpostedFees : U256(0);
    if (entry.cost > available)
        return make_error("insufficient funds: available " + u256Text(available) + " wei, the transaction needs " +
                          u256Text(entry.cost) + " wei (value + 21000 × gas price)");
    if (m_mempool.size() >= std::size_t(m_config.maxMempool)) return make_error("mempool full, try again later");
    return {};
}

void Sequencer::submitRawTransactionAsync(ByteView raw, SubmitCallback done) {
    if (m_config.follower) {
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done)] {
                done(make_error("this node is a read frontend (--rpc-only): send transactions to the sequencer"));
            },
            Qt::QueuedConnection);
        return;
    }
    auto sub = std::make_shared<Submission>();
    sub->raw.assign(raw.begin(), raw.end());
    sub->done = std::move(done);
    m_submissions.push_back(sub);
    m_unchecked.push_back(std::move(sub));
    // What arrives in one event-loop turn (a burst of pipelined requests) goes to the workers at
    // once, not one item and one look for a sleeping worker per transaction.
    if (!m_precheckPosted) {
        m_precheckPosted = true;
        QMetaObject::invokeMethod(
            this, [this] { startPrechecks(); }, Qt::QueuedConnection);
    }
}

void Sequencer::startPrechecks() {
    m_precheckPosted = false;
    m_prechecks->push(std::move(m_unchecked));
    m_unchecked.clear();
}

// Takes the prechecked submissions at the head of the arrival queue, in order.
void Sequencer::drainSubmissions() {
    m_drainPosted.store(false);
    bool admitted = false;
    while (!m_submissions.empty() && m_submissions.front()->ready.load()) {
        auto sub = std::move(m_submissions.front());
        m_submissions.pop_front();
        auto& checked = *sub->checked;
        Status st = checked ? checkState(**checked) : Status(checked.error());
        if (!st) {
            sub->done(st.error());  // runs from a queued call: never inside submitRawTransactionAsync
            continue;
        }
        admit(*checked, std::move(sub->raw), std::move(sub->done));
        admitted = true;
    }
    if (admitted && m_mempool.size() >= std::size_t(m_config.blockTriggerTxs)) scheduleBlock();
    // Arrivals wait for a block to ride with only while the writer is busy (they would wait for
    // its commit anyway) and a block is due within kArrivalWaitMs.
    const bool blockDue =
        m_blockScheduled || (m_blockTimer.isActive() && m_blockTimer.remainingTime() <= kArrivalWaitMs);
    if (!blockDue || m_writer->idle()) writeArrivals();
}

void Sequencer::admit(const std::shared_ptr<MempoolEntry>& entry, Bytes raw, SubmitCallback done) {
    m_pendingNonce[entry->sender] = entry->signedTx.tx.nonce + 1;
    m_pendingSpend[entry->sender] += entry->cost;
    m_mempool.push_back(entry);
    auto cached = std::make_shared<CachedTx>();
    cached->entry = entry;
    m_txs[entry->hash] = cached;

    StoredTransaction stored;
    stored.hash = entry->hash;
    stored.raw = std::move(raw);
    stored.sender = entry->sender;
    stored.nonce = entry->signedTx.tx.nonce;
    stored.status = TxStatus::pending;
    // (a transaction dropped before, whose row is on disk, that is valid again is stored anew)
    m_unwritten.rows.push_back(std::move(stored));
    m_unwritten.answers.emplace_back(entry->hash, std::move(done));
}

Sequencer::Arrivals Sequencer::takeArrivals() {
    Arrivals taken;
    std::swap(taken, m_unwritten);
    for (auto& row : taken.rows)
        if (auto it = m_txs.find(row.hash); it != m_txs.end() && it->second->status == TxStatus::dropped)
            row.status = TxStatus::dropped;  // (its drop's status update ran before the row existed)
    return taken;
}

void Sequencer::writeArrivals() {
    if (m_unwritten.rows.empty() || !m_writer) return;
    auto [rows, answers] = takeArrivals();
    enqueueWrite(
        [rows = std::move(rows)](NodeDatabase& db) { return db.insertArrivedTransactions(rows); },
        [this, answers = std::move(answers)](Status st) {
            if (!st) fail(QStringLiteral("cannot store a transaction: %1").arg(QString::fromStdString(st.message())));
            answerArrivals(answers, st);
        });
}

// Nothing is acknowledged before the commit that holds it has returned.
void Sequencer::answerArrivals(const std::vector<std::pair<Hash, SubmitCallback>>& answers, const Status& stored) {
    for (const auto& [hash, done] : answers) {
        if (stored)
            done(hash);
        else
            done(make_error("the node could not store the transaction: " + stored.message()));
    }
}

void Sequencer::flushWrites() {
    if (!m_writer) return;
    writeArrivals();
    m_writer->flush();
}

Result<Hash> Sequencer::submitRawTransaction(ByteView raw) {
    auto result = std::make_shared<std::optional<Result<Hash>>>();
    submitRawTransactionAsync(raw, [result](Result<Hash> r) { *result = std::move(r); });
    while (!*result) {
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);  // hands the precheck to the workers
        m_prechecks->waitIdle();
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);  // the precheck's drain
        flushWrites();
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);  // the commit's answers
    }
    return std::move(**result);
}

// --- deposits --------------------------------------------------------------------------------

Status Sequencer::creditDeposit(std::uint64_t queueIndex, const Address& to, const U256& amount,
                                std::uint64_t l1Timestamp, const Hash& l1TxHash) {
    if (amount == 0) return make_error("a deposit of 0 wei cannot be credited");
    StoredDeposit d;
    d.queueIndex = queueIndex;
    d.to = to;
    d.amount = amount;
    d.l1Timestamp = l1Timestamp;
    d.l1TxHash = l1TxHash;
    return enqueueQueueEntry(std::move(d));
}

Status Sequencer::creditForcedTransaction(std::uint64_t queueIndex, const rollup::ForcedTransaction& tx,
                                          std::uint64_t l1Timestamp, const Hash& l1TxHash) {
    StoredDeposit d;
    d.queueIndex = queueIndex;
    d.l1Timestamp = l1Timestamp;
    d.l1TxHash = l1TxHash;
    d.forced = tx;
    return enqueueQueueEntry(std::move(d));
}

Status Sequencer::enqueueQueueEntry(StoredDeposit d) {
    const std::uint64_t queueIndex = d.queueIndex;
    if (queueIndex < m_nextDepositIndex || m_depositQueue.count(queueIndex)) return {};  // exactly once
    m_depositQueue[queueIndex] = d;
    enqueueWrite([d](NodeDatabase& db) { return db.upsertDeposit(d); },
                 [this](Status st) {
                     if (!st)
                         fail(QStringLiteral("cannot store a deposit: %1").arg(QString::fromStdString(st.message())));
                 });
    scheduleBlock();
    return {};
}

Result<Sequencer::ForcedOutcome> Sequencer::sequenceForced(
    const rollup::ForcedTransaction& tx, std::uint64_t l1Timestamp, rollup::Executor& executor,
    const std::function<std::optional<std::uint32_t>(const Address&)>& lookup) {
    const rollup::Params& params = m_config.params;
    ForcedOutcome out;
    auto signedTx = rollup::transaction_from_forced(tx, params);
    if (!signedTx) {
        out.whySkipped = signedTx.message();
    } else if (auto sender = recover_sender(*signedTx); !sender) {
        out.whySkipped = "the signature recovers no sender: " + sender.message();
    } else if (const auto from = lookup(*sender); !from) {
        out.whySkipped = "the sender " + to_checksum_address(*sender) + " has no L2 account";
    } else {
        const bool withdrawal = tx.to == rollup::withdrawal_address();
        auto rec = rollup::applied_forced_record(tx, l1Timestamp, *from, *sender,
                                                 withdrawal ? std::nullopt : lookup(tx.to), params);
        const Verdict v = rec ? executor.apply(*rec) : Verdict::None;
        if (!rec) {
            out.whySkipped = rec.message();
        } else if (v != Verdict::None) {
            out.whySkipped = std::string(rollup::verdict_name(v));
        } else {
            auto entry = std::make_shared<MempoolEntry>();
            entry->hash = transaction_hash(*signedTx);
            entry->signedTx = std::move(signedTx).value();
            entry->sender = *sender;
            entry->fee = rollup::record_fee(*rec, params).value_or(0);
            entry->cost = rec->value + entry->fee;
            out.record = std::move(rec).value();
            out.transaction = std::move(entry);
            return out;
        }
    }
    out.record = rollup::skipped_record(tx, l1Timestamp);
    if (const Verdict v = executor.apply(out.record); v != Verdict::None)
        return make_error("it can be neither applied (" + out.whySkipped + ") nor skipped (" +
                          std::string(rollup::verdict_name(v)) + "); the Rollup will refuse our batches");
    return out;
}

void Sequencer::forgetPending(const MempoolEntry& e) {
    auto spent = m_pendingSpend.find(e.sender);
    if (spent != m_pendingSpend.end()) {
        spent->second = spent->second > e.cost ? spent->second - e.cost : U256(0);
        if (spent->second == 0) m_pendingSpend.erase(spent);
    }
    auto pn = m_pendingNonce.find(e.sender);
    if (pn != m_pendingNonce.end() && pn->second <= e.signedTx.tx.nonce + 1) m_pendingNonce.erase(pn);
}

// --- blocks ----------------------------------------------------------------------------------

void Sequencer::scheduleBlock() {
    if (m_blockScheduled || m_blocksInFlight >= kMaxBlocksInFlight || !m_started) return;
    m_blockScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_blockScheduled = false;
            produceBlock();
        },
        Qt::QueuedConnection);
}

void Sequencer::dropSender(const Address& sender, const Hash& firstBad, const char* why) {
    qWarning("sluiced: dropping transaction %s from %s: %s", firstBad.hex().c_str(), sender.hex().c_str(), why);
    std::vector<Hash> dropped{firstBad};  // (it has left the mempool already)
    for (auto& e : m_mempool) {
        if (e->sender == sender && !e->dropped) {
            e->dropped = true;
            dropped.push_back(e->hash);
        }
    }
    m_pendingNonce.erase(sender);
    m_pendingSpend.erase(sender);
    for (const auto& h : dropped) {
        if (auto it = m_txs.find(h); it != m_txs.end()) it->second->status = TxStatus::dropped;
    }
    enqueueWrite(
        [dropped](NodeDatabase& db) {
            for (const auto& h : dropped)
                if (auto st = db.setTransactionStatus(h, TxStatus::dropped); !st) return st;
            return Status{};
        },
        {});
}

void Sequencer::dropStale(const std::shared_ptr<MempoolEntry>& entry, const char* why) {
    qWarning("sluiced: dropping transaction %s from %s: %s", entry->hash.hex().c_str(), entry->sender.hex().c_str(),
             why);
    entry->dropped = true;
    forgetPending(*entry);
    if (auto it = m_txs.find(entry->hash); it != m_txs.end() && it->second->entry == entry)
        it->second->status = TxStatus::dropped;
    enqueueWrite([hash = entry->hash](NodeDatabase& db) { return db.setTransactionStatus(hash, TxStatus::dropped); },
                 {});
}

void Sequencer::produceBlock() {
    // Arrivals this call does not take into a block's write are written on their own.
    const auto writeLeftArrivals = qScopeGuard([this] { writeArrivals(); });
    if (m_blocksInFlight >= kMaxBlocksInFlight) {
        m_blockWanted = true;  // produced as soon as one in flight is durable, not a tick later
        return;
    }
    if (!m_started || m_failed) return;
    const bool depositReady = !m_depositQueue.empty() && m_depositQueue.begin()->first == m_nextDepositIndex;
    if (m_mempool.empty() && !depositReady) return;

    auto block = std::make_shared<CachedBlock>();
    BlockInfo& info = block->info;
    info.number = m_producedHead + 1;
    info.parentHash = m_producedHash;
    info.timestamp = std::max(nowSeconds(), m_producedTimestamp);
    info.recordStart = m_nextRecordSeq;

    std::vector<StoredRecord> records;
    std::vector<StoredDeposit> credited;
    std::vector<StoredWithdrawal> withdrawals;
    std::vector<std::shared_ptr<MempoolEntry>> included;
    std::vector<std::shared_ptr<MempoolEntry>> forced;  // applied forced transactions (not from the mempool)
    std::vector<U256> recordFees;
    std::unordered_map<Address, std::uint32_t, rollup::AddressHasher> created;
    auto lookup = [&](const Address& a) -> std::optional<std::uint32_t> {
        if (auto it = created.find(a); it != created.end()) return it->second;
        return m_tree.index_of(a);
    };

    const std::size_t maxRecords = std::size_t(std::max(1, m_config.maxBlockRecords));
    rollup::Executor executor(m_tree, m_config.params);

    while (records.size() < maxRecords && !m_depositQueue.empty() &&
           m_depositQueue.begin()->first == m_nextDepositIndex) {
        StoredDeposit d = m_depositQueue.begin()->second;
        m_depositQueue.erase(m_depositQueue.begin());
        StoredRecord sr;
        sr.seq = m_nextRecordSeq + records.size();
        sr.block = info.number;
        sr.depositIndex = d.queueIndex;
        Record rec;
        U256 fee = 0;
        if (d.forced) {
            auto outcome = sequenceForced(*d.forced, d.l1Timestamp, executor, lookup);
            if (!outcome) {
                fail(QStringLiteral("forced transaction %1: %2")
                         .arg(d.queueIndex)
                         .arg(QString::fromStdString(outcome.message())));
                return;
            }
            rec = outcome->record;
            if (const auto& tx = outcome->transaction) {
                sr.txHash = tx->hash;
                sr.sender = tx->sender;
                sr.to = *tx->signedTx.tx.to;
                if (rec.kind == RecordKind::withdrawal) {
                    StoredWithdrawal w;
                    w.l2TxHash = tx->hash;
                    w.recipient = tx->sender;
                    w.amount = rec.value;
                    withdrawals.push_back(w);
                }
                info.transactions.push_back(tx->hash);
                forced.push_back(tx);
                fee = tx->fee;
            } else {
                qInfo("sluiced: forced transaction %llu skipped: %s", static_cast<unsigned long long>(d.queueIndex),
                      outcome->whySkipped.c_str());
            }
        } else {
            rec.kind = RecordKind::deposit;
            rec.address = d.to;
            rec.value = d.amount;
            rec.timestamp = d.l1Timestamp;
            const auto to = lookup(d.to);
            rec.new_account = !to;
            rec.to = to.value_or(0);
            const Verdict v = executor.apply(rec);
            if (v != Verdict::None) {
                // Only a balance overflow can refuse a deposit; the protocol has no way to skip it.
                fail(QStringLiteral("deposit %1 cannot be credited (%2)")
                         .arg(d.queueIndex)
                         .arg(QString::fromUtf8(rollup::verdict_name(v).data())));
                return;
            }
        }
        // An account the entry created (a deposit to a new address, an applied new-account transfer).
        if (rec.kind == RecordKind::deposit ? rec.new_account
                                            : (rec.kind == RecordKind::new_account_transfer && !rec.skipped))
            created[rec.address] = executor.count() - 1;
        ++m_nextDepositIndex;
        d.creditedBlock = info.number;
        credited.push_back(d);
        sr.bytes = rollup::encode_record(rec);
        records.push_back(std::move(sr));
        recordFees.push_back(fee);
    }

    while (records.size() < maxRecords && !m_mempool.empty()) {
        auto entry = m_mempool.front();
        m_mempool.pop_front();
        if (entry->dropped) continue;
        // (a sender whose account a queue entry of this block creates: a transaction re-queued
        // after a restart or an adopted foreign batch may wait for its deposit)
        const auto from = lookup(entry->sender);
        const Address to = *entry->signedTx.tx.to;
        Result<Record> rec = from ? rollup::record_from_transaction(
                                        entry->signedTx, *from, entry->sender,
                                        to == rollup::withdrawal_address() ? std::nullopt : lookup(to), m_config.params)
                                  : Result<Record>(make_error("the sender has no account"));
        Verdict v = Verdict::UnknownAccount;
        if (rec) {
            rollup::RecoveredSender recovered;
            recovered.present = true;
            recovered.to = to;
            recovered.sender = entry->sender;
            v = executor.apply(*rec, &recovered);
        }
        if (v != Verdict::None) {
            entry->dropped = true;
            // A nonce below the account's was used by another transaction (one a foreign batch or a
            // forced entry included): only this one goes, the sender's later ones may still be valid.
            if (v == Verdict::BadNonce && *from < m_tree.count() &&
                entry->signedTx.tx.nonce < m_tree.account(*from).nonce)
                dropStale(entry, "BadNonce: its nonce was used by another transaction");
            else
                dropSender(entry->sender, entry->hash, rec ? rollup::verdict_name(v).data() : rec.message().c_str());
            continue;
        }
        if (rec->kind == RecordKind::new_account_transfer) created[to] = executor.count() - 1;
        StoredRecord sr;
        sr.seq = m_nextRecordSeq + records.size();
        sr.block = info.number;
        sr.bytes = rollup::encode_record(*rec);
        sr.txHash = entry->hash;
        sr.sender = entry->sender;
        sr.to = to;
        if (rec->kind == RecordKind::withdrawal) {
            StoredWithdrawal w;
            w.l2TxHash = entry->hash;
            w.recipient = entry->sender;
            w.amount = rec->value;
            withdrawals.push_back(w);
        }
        records.push_back(std::move(sr));
        recordFees.push_back(entry->fee);
        info.transactions.push_back(entry->hash);
        included.push_back(entry);
    }
    if (records.empty()) return;
    if (const Verdict v = executor.end_chunk(); v != Verdict::None) {
        fail(QStringLiteral("block %1: the fee account overflows").arg(info.number));
        return;
    }

    info.recordCount = std::uint32_t(records.size());
    info.stateRoot = m_tree.state_root();
    info.hash = blockHashOf(info);
    m_producedHead = info.number;
    m_producedHash = info.hash;
    m_producedTimestamp = info.timestamp;
    m_nextRecordSeq += records.size();
    for (const auto& f : recordFees) {
        m_unpostedFees += f;
        m_unpostedRecordFees.push_back(f);
    }

    for (const auto& e : included) forgetPending(*e);

    // Applied forced transactions become L2 transactions like any other. The same transaction may
    // also wait in the mempool (sent to us as well): it leaves the mempool without dropping the
    // sender's later ones.
    std::vector<StoredTransaction> forcedRows;
    for (const auto& e : forced) {
        if (auto it = m_txs.find(e->hash); it != m_txs.end()) {
            it->second->entry->dropped = true;
            forgetPending(*it->second->entry);
            it->second->entry = e;
        } else {
            auto cached = std::make_shared<CachedTx>();
            cached->entry = e;
            m_txs[e->hash] = cached;
        }
        StoredTransaction row;
        row.hash = e->hash;
        row.raw = encode_signed(e->signedTx);
        row.sender = e->sender;
        row.nonce = e->signedTx.tx.nonce;
        row.status = TxStatus::pending;  // sequenced with the block below
        forcedRows.push_back(std::move(row));
    }

    // The arrivals not yet written go with this block; those it includes are written in their place.
    auto arrivals = takeArrivals();
    std::vector<bool> placedAlready(records.size(), false);
    if (!arrivals.rows.empty()) {
        std::unordered_map<Hash, std::size_t, HashHasher> unwritten;
        for (std::size_t i = 0; i < arrivals.rows.size(); ++i) unwritten.emplace(arrivals.rows[i].hash, i);
        for (const TransactionPlace& place : transactionPlaces(records)) {
            const StoredRecord& r = records[place.record];
            if (auto it = unwritten.find(*r.txHash); it != unwritten.end()) {
                StoredTransaction& row = arrivals.rows[it->second];
                row.status = TxStatus::sequenced;
                row.block = info.number;
                row.position = place.position;
                row.recordSeq = r.seq;
                placedAlready[place.record] = true;
            }
        }
    }

    ++m_blocksInFlight;
    auto stored = std::make_shared<StoredBlock>(toStored(info));
    auto payload = std::make_shared<std::vector<StoredRecord>>(std::move(records));
    enqueueWrite(
        [stored, payload, credited = std::move(credited), withdrawals = std::move(withdrawals),
         forcedRows = std::move(forcedRows), arrivalRows = std::move(arrivals.rows),
         placedAlready = std::move(placedAlready)](NodeDatabase& db) {
            if (!arrivalRows.empty())
                if (auto st = db.insertArrivedTransactions(arrivalRows); !st) return st;
            for (const auto& t : forcedRows)
                if (auto st = db.insertTransaction(t, /*keepExisting=*/true); !st) return st;
            if (auto st = db.insertBlock(*stored); !st) return st;
            if (auto st = db.insertBlockRecords(stored->number, *payload, placedAlready); !st) return st;
            for (const auto& d : credited)
                if (auto st = db.upsertDeposit(d); !st) return st;
            for (const auto& w : withdrawals)
                if (auto st = db.upsertWithdrawal(w); !st) return st;
            return Status{};
        },
        [this, block, epoch = m_chainEpoch, answers = std::move(arrivals.answers)](Status st) {
            if (!st)
                fail(QStringLiteral("cannot store block %1: %2")
                         .arg(block->info.number)
                         .arg(QString::fromStdString(st.message())));
            answerArrivals(answers, st);  // (whatever chain is built meanwhile: they are stored)
            if (!st) return;
            if (epoch != m_chainEpoch) return;  // the chain was rebuilt from the database since
            onBlockDurable(block);
        });
}

void Sequencer::onBlockDurable(const std::shared_ptr<CachedBlock>& block) {
    --m_blocksInFlight;
    appendDurableBlock(block);
    if (m_blockWanted || m_mempool.size() >= std::size_t(m_config.blockTriggerTxs)) scheduleBlock();
    m_blockWanted = false;
}

void Sequencer::appendDurableBlock(const std::shared_ptr<CachedBlock>& block) {
    const BlockInfo& info = block->info;
    m_durableHead = info.number;
    m_durableRecords = info.recordStart + info.recordCount;
    m_blocks.push_back(block);
    m_blocksByHash[info.hash] = block;
    std::uint32_t position = 0;
    for (const auto& h : info.transactions) {
        if (auto it = m_txs.find(h); it != m_txs.end()) {
            it->second->status = TxStatus::sequenced;
            it->second->block = info.number;
            it->second->position = position;
        }
        ++position;
    }
    m_cachedTxCount += info.transactions.size();
    evictOldBlocks();
    for (const auto& h : info.transactions)
        emit transactionSequenced(QByteArray(reinterpret_cast<const char*>(h.data()), 32), info.number);
    emit newBlock(info.number);
}

void Sequencer::evictOldBlocks() {
    while (m_blocks.size() > 64 && m_cachedTxCount > m_config.cachedTransactions) {
        auto oldest = m_blocks.front();
        m_blocks.pop_front();
        m_blocksByHash.erase(oldest->info.hash);
        for (const auto& h : oldest->info.transactions) m_txs.erase(h);
        m_cachedTxCount -= std::min(m_cachedTxCount, oldest->info.transactions.size());
    }
    // Beyond the transaction cap keep a bounded tail of (small) headers too.
    while (m_blocks.size() > 4096) {
        auto oldest = m_blocks.front();
        m_blocks.pop_front();
        m_blocksByHash.erase(oldest->info.hash);
        for (const auto& h : oldest->info.transactions) m_txs.erase(h);
        m_cachedTxCount -= std::min(m_cachedTxCount, oldest->info.transactions.size());
    }
}

// --- proposer interface ----------------------------------------------------------------------

PendingBatch Sequencer::pendingRecordsForBatch(std::size_t maxRecords) const {
    PendingBatch out;
    out.preStateRoot = m_postedRoot;
    out.preState = m_postedTree;
    out.firstRecordSeq = m_postedRecords;
    out.depositStart = m_postedDeposits;
    const std::uint64_t available = m_durableRecords > m_postedRecords ? m_durableRecords - m_postedRecords : 0;
    const std::uint64_t limit = std::min<std::uint64_t>({available, maxRecords, rollup::kMaxRecordsPerBatch});
    std::size_t deposits = 0;
    auto stored = m_reader->records(m_postedRecords, limit);
    if (!stored) {
        failOnDamage(stored.error());
        return out;
    }
    for (const auto& r : *stored) {
        auto rec = decodeStoredRecord(r);
        if (!rec) {
            failOnDamage(rec.error());
            out.records.clear();
            out.txHashes.clear();
            out.senders.clear();
            return out;
        }
        // The contract takes at most MAX_DEPOSITS_PER_BATCH queue entries per batch (§4.4).
        if (rec->is_queue_entry() && ++deposits > rollup::kMaxDepositsPerBatch) break;
        out.records.push_back(std::move(rec).value());
        out.txHashes.push_back(r.txHash);
        rollup::RecoveredSender sender;
        sender.present = r.txHash.has_value();
        sender.to = r.to;
        sender.sender = r.sender;
        out.senders.push_back(sender);
    }
    return out;
}

Status Sequencer::markBatchPosted(std::uint64_t batchIndex, std::uint64_t recordCount,
                                  const rollup::BatchHeader& header, const Hash& l1TxHash, std::uint64_t l1Block,
                                  std::shared_ptr<const BuiltBatch> built) {
    if (recordCount == 0) return make_error("a batch holds at least one record");
    if (m_postedRecords + recordCount > m_durableRecords)
        return make_error("batch " + std::to_string(batchIndex) + " claims " + std::to_string(recordCount) +
                          " records, only " + std::to_string(m_durableRecords - m_postedRecords) + " are waiting");
    std::span<const Record> records;
    std::span<const std::optional<Hash>> txHashes;
    std::vector<Record> readRecords;  // (when nothing usable was built: read back)
    std::vector<std::optional<Hash>> readHashes;
    if (built && built->firstRecordSeq == m_postedRecords && built->records.size() >= recordCount &&
        built->txHashes.size() == built->records.size()) {
        records = std::span(built->records).first(recordCount);
        txHashes = std::span(built->txHashes).first(recordCount);
    } else {
        auto stored = m_reader->records(m_postedRecords, recordCount);
        if (!stored) return halt(stored.error());
        for (const auto& r : *stored) {
            auto rec = decodeStoredRecord(r);
            if (!rec) return halt(rec.error());
            readRecords.push_back(std::move(rec).value());
            readHashes.push_back(r.txHash);
        }
        records = readRecords;
        txHashes = readHashes;
    }
    std::shared_ptr<rollup::AccountTree> next;
    if (built && built->postState && header.prev_state_root == m_postedRoot &&
        built->postState->state_root() == header.state_root) {
        next = built->postState;
    } else {
        next = std::make_shared<rollup::AccountTree>(*m_postedTree);
        auto result = rollup::apply_records(*next, records, m_config.params, 2);
        if (!result.ok())
            return make_error("the sequenced records of batch " + std::to_string(batchIndex) + " do not apply (" +
                              std::string(rollup::verdict_name(result.verdict)) + ")");
        if (next->state_root() != header.state_root)
            qWarning("sluiced: batch %llu was posted with state root %s; the honest root is %s",
                     static_cast<unsigned long long>(batchIndex), header.state_root.hex().c_str(),
                     next->state_root().hex().c_str());
    }

    StoredBatch b = storedBatch(batchIndex, header, l1TxHash, l1Block, m_postedRecords);

    std::vector<StoredWithdrawal> withdrawals;
    std::uint64_t withdrawalIndex = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].kind != RecordKind::withdrawal || !txHashes[i]) continue;
        StoredWithdrawal w;
        w.l2TxHash = *txHashes[i];
        w.recipient = records[i].address;
        w.amount = records[i].value;
        w.batchIndex = batchIndex;
        w.withdrawalIndex = withdrawalIndex++;
        w.status = WithdrawalStatus::posted;
        withdrawals.push_back(w);
    }
    const std::uint64_t first = m_postedRecords;
    enqueueWrite(
        [b, first, recordCount, withdrawals](NodeDatabase& db) {
            if (auto st = db.upsertBatch(b); !st) return st;
            if (auto st = db.setRecordsBatch(first, recordCount, b.index); !st) return st;
            for (const auto& w : withdrawals)
                if (auto st = db.upsertWithdrawal(w); !st) return st;
            return Status{};
        },
        [this](Status st) {
            if (!st) fail(QStringLiteral("cannot store a batch: %1").arg(QString::fromStdString(st.message())));
        });

    for (const auto& txHash : txHashes) {
        if (!txHash) continue;
        if (auto it = m_txs.find(*txHash); it != m_txs.end()) {
            it->second->status = TxStatus::posted;
            it->second->batchIndex = batchIndex;
        }
    }
    for (std::uint64_t i = 0; i < recordCount && !m_unpostedRecordFees.empty(); ++i) {
        const U256 f = m_unpostedRecordFees.pop_front();
        m_unpostedFees = m_unpostedFees > f ? m_unpostedFees - f : U256(0);
    }
    m_postedTree = std::move(next);
    m_postedRoot = header.state_root;
    m_postedRecords += recordCount;
    m_postedDeposits = header.deposit_end;
    return {};
}

Status Sequencer::markBatchFinal(std::uint64_t batchIndex) {
    enqueueWrite(
        [batchIndex](NodeDatabase& db) {
            if (auto st = db.setBatchStatus(batchIndex, BatchStatus::final); !st) return st;
            if (auto st = db.setBatchTransactionsFinal(batchIndex); !st) return st;
            return Status{};
        },
        [this](Status st) {
            if (!st) fail(QStringLiteral("cannot store a batch status: %1").arg(QString::fromStdString(st.message())));
        });
    for (auto& [hash, tx] : m_txs)
        if (tx->batchIndex == batchIndex) tx->status = TxStatus::final;
    return {};
}

Status Sequencer::onBatchReverted(std::uint64_t fromBatchIndex) {
    flushWrites();  // the batch rows we read below must include every posted batch
    auto storedFirst = m_reader->batch(fromBatchIndex);
    if (!storedFirst) return halt(storedFirst.error());
    const auto& first = *storedFirst;
    if (!first || !first->firstRecordSeq)
        return make_error("batch " + std::to_string(fromBatchIndex) + " is not one of ours");
    const std::uint64_t seq = *first->firstRecordSeq;
    auto tree = replayRecords(0, seq, rollup::AccountTree::genesis(m_config.feeRecipient));
    if (!tree) return halt(tree.error());
    // The fees of the records that are unposted again become unspendable by the fee account again.
    U256 fees = 0;
    std::vector<U256> perRecord;
    auto unposted = m_reader->records(seq, m_postedRecords - seq);
    if (!unposted) return halt(unposted.error());
    for (const auto& r : *unposted) {
        auto rec = decodeStoredRecord(r);
        if (!rec) return halt(rec.error());
        U256 f = 0;
        if (rec->pays_fee()) f = rollup::record_fee(*rec, m_config.params).value_or(0);
        fees += f;
        perRecord.push_back(f);
    }
    m_unpostedRecordFees.push_front(perRecord);
    m_unpostedFees += fees;
    m_postedTree = std::make_shared<rollup::AccountTree>(std::move(tree).value());
    m_postedRoot = first->prevStateRoot;
    m_postedRecords = seq;
    m_postedDeposits = first->depositStart;

    auto storedBatches = m_reader->batches(fromBatchIndex, UINT64_MAX);
    if (!storedBatches) return halt(storedBatches.error());
    const auto batches = *storedBatches;
    std::vector<StoredWithdrawal> withdrawals;
    for (const auto& b : batches) {
        auto inBatch = m_reader->withdrawalsInBatch(b.index);
        if (!inBatch) return halt(inBatch.error());
        for (auto w : *inBatch) {
            w.status = WithdrawalStatus::initiated;
            w.batchIndex.reset();
            w.withdrawalIndex.reset();
            withdrawals.push_back(w);
        }
    }
    enqueueWrite(
        [fromBatchIndex, batches, withdrawals](NodeDatabase& db) {
            for (const auto& b : batches)
                if (auto st = db.setBatchStatus(b.index, BatchStatus::reverted); !st) return st;
            if (auto st = db.clearRecordsBatchFrom(fromBatchIndex); !st) return st;
            for (const auto& w : withdrawals)
                if (auto st = db.upsertWithdrawal(w); !st) return st;
            return Status{};
        },
        [this](Status st) {
            if (!st) fail(QStringLiteral("cannot store a batch revert: %1").arg(QString::fromStdString(st.message())));
        });
    for (auto& [hash, tx] : m_txs) {
        if (tx->batchIndex && *tx->batchIndex >= fromBatchIndex) {
            tx->batchIndex.reset();
            tx->status = TxStatus::sequenced;
        }
    }
    return {};
}

Status Sequencer::adoptForeignBatch(std::uint64_t batchIndex, const rollup::BatchHeader& header,
                                    const rollup::Batch& batch, const Hash& l1TxHash, std::uint64_t l1Block) {
    const std::string name = "batch " + std::to_string(batchIndex);
    if (!m_started || !m_reader || !m_postedTree) return make_error("the sequencer is not running");
    if (m_failed) return make_error("the node is stopping after a storage failure");
    if (header.prev_state_root != m_postedRoot)
        return make_error(name + " starts from state root " + header.prev_state_root.hex() + ", our posted state is " +
                          m_postedRoot.hex());
    if (header.deposit_start != m_postedDeposits)
        return make_error(name + " takes queue entries from " + std::to_string(header.deposit_start) +
                          ", our posted batches took " + std::to_string(m_postedDeposits));
    const std::uint64_t n = batch.decoded.size();
    if (n == 0 || n != header.record_count || batch.prev_state_root != header.prev_state_root ||
        header.deposit_end != header.deposit_start + batch.deposit_count)
        return make_error(name + ": its records do not match its header");

    // Re-executed from our posted (honest) state: only an honest batch that gives exactly its header is adopted.
    const rollup::Params& params = m_config.params;
    rollup::AccountTree post = *m_postedTree;
    auto rebuilt = rollup::build_batch(post, batch.decoded, params, 2);
    if (!rebuilt) return make_error(name + " does not apply to our posted state: " + rebuilt.message());
    if (rebuilt->chunk_roots != batch.chunk_roots || rebuilt->state_root() != header.state_root ||
        rebuilt->tx_root != header.tx_root || rebuilt->withdrawal_root != header.withdrawal_root)
        return make_error(name + " is not honest: re-executing it gives other roots than its header");

    // Everything queued for disk (blocks in flight too) is committed before the database is cut;
    // their answers, still on their way to this thread, belong to the old chain (m_chainEpoch);
    // the arrivals not yet written go first, or the replay below would not re-queue them.
    flushWrites();
    auto& db = *m_reader;

    // The batch's queue entries: as our L1 view stored them (they must agree), else from the batch.
    std::vector<StoredDeposit> entries;
    for (const Record& rec : batch.decoded) {
        if (!rec.is_queue_entry()) continue;
        StoredDeposit d;
        d.queueIndex = header.deposit_start + entries.size();
        d.l1Timestamp = rec.timestamp;
        if (rec.kind == RecordKind::deposit) {
            d.to = rec.address;
            d.amount = rec.value;
        } else {
            d.forced = rollup::forced_transaction_of(rec, params);
        }
        auto stored = db.deposit(d.queueIndex);
        if (!stored) return halt(stored.error());
        if (const auto& known = *stored) {
            if (known->to != d.to || known->amount != d.amount || known->forced != d.forced ||
                known->l1Timestamp != d.l1Timestamp)
                return make_error(name + " holds queue entry " + std::to_string(d.queueIndex) +
                                  " other than the one this node knows");
            d.l1TxHash = known->l1TxHash;
        }
        entries.push_back(std::move(d));
    }

    // What goes: our records after the posted ones, and the blocks that hold only them.
    const std::uint64_t postedRecords = m_postedRecords;
    auto storedDropped = db.records(postedRecords, UINT64_MAX);
    if (!storedDropped) return halt(storedDropped.error());
    const auto droppedRecords = std::move(storedDropped).value();
    std::optional<StoredBlock> cut;  // the block that straddles the posted boundary, cut to its posted prefix
    if (!droppedRecords.empty()) {
        auto storedStraddling = db.block(droppedRecords.front().block);
        if (!storedStraddling) return halt(storedStraddling.error());
        const auto& straddling = *storedStraddling;
        if (!straddling)
            return make_error("the node database lacks block " + std::to_string(droppedRecords.front().block));
        if (straddling->recordStart < postedRecords) {
            cut = *straddling;
            cut->recordCount = std::uint32_t(postedRecords - straddling->recordStart);
            cut->transactions.clear();
            auto prefix = db.records(straddling->recordStart, cut->recordCount);
            if (!prefix) return halt(prefix.error());
            for (const auto& r : *prefix)
                if (r.txHash) cut->transactions.push_back(*r.txHash);
            cut->stateRoot = m_postedTree->state_root();  // the state after the prefix: our posted state
            cut->hash = blockHashOf(toInfo(*cut));
        }
    }

    // The new block's records, transactions and withdrawals (recipient addresses from the state
    // after the batch: an account the batch creates keeps its index and address).
    std::vector<StoredRecord> records;
    std::vector<StoredTransaction> txRows;
    std::vector<StoredWithdrawal> withdrawals;
    std::vector<Hash> txHashes;
    std::uint64_t queueIndex = header.deposit_start;
    for (std::uint64_t i = 0; i < n; ++i) {
        const Record& rec = batch.decoded[i];
        StoredRecord sr;
        sr.seq = postedRecords + i;
        sr.bytes = rollup::encode_record(rec);
        sr.batchIndex = batchIndex;
        if (rec.is_queue_entry()) sr.depositIndex = queueIndex++;
        if (rec.pays_fee()) {  // signed and not skipped: an L2 transaction
            Address to;
            if (rec.kind == RecordKind::transfer)
                to = rec.forced ? rec.address : post.account(rec.to).address;
            else if (rec.kind == RecordKind::new_account_transfer)
                to = rec.address;
            else
                to = rollup::withdrawal_address();
            auto tx = rollup::transaction_from_record(rec, to, params);
            auto sender = rollup::recover_record_sender(rec, to, params);
            if (!tx || !sender) return make_error(name + ": record " + std::to_string(i) + " has no L2 transaction");
            StoredTransaction row;
            row.raw = encode_signed(*tx);
            row.hash = keccak256(row.raw);
            row.sender = *sender;
            row.nonce = tx->tx.nonce;
            row.status = TxStatus::pending;  // sequenced and posted with the block below
            sr.txHash = row.hash;
            sr.sender = row.sender;
            sr.to = to;
            if (rec.kind == RecordKind::withdrawal) {
                StoredWithdrawal w;
                w.l2TxHash = row.hash;
                w.recipient = rec.address;
                w.amount = rec.value;
                w.batchIndex = batchIndex;
                w.withdrawalIndex = withdrawals.size();
                w.status = WithdrawalStatus::posted;
                withdrawals.push_back(w);
            }
            txHashes.push_back(row.hash);
            txRows.push_back(std::move(row));
        }
        records.push_back(std::move(sr));
    }

    StoredBatch b = storedBatch(batchIndex, header, l1TxHash, l1Block, postedRecords);

    // One database transaction: the cut, the new block, its batch.
    BlockInfo info;
    std::optional<Error> unreadable;  // a stored value the write below could not read: the node stops
    auto write = [&]() -> Status {
        if (cut)
            if (auto st = db.updateBlock(*cut); !st) return st;
        if (auto st = db.dropRecordsFrom(postedRecords); !st) return st;
        if (auto st = db.clearDepositsCreditedFrom(header.deposit_end); !st) return st;
        const auto parentNumber = db.latestBlockNumber();
        if (!parentNumber) return *(unreadable = parentNumber.error());
        auto storedParent =
            *parentNumber ? db.block(**parentNumber) : Result<std::optional<StoredBlock>>(std::optional<StoredBlock>());
        if (!storedParent) return *(unreadable = storedParent.error());
        const auto& parent = *storedParent;
        if (!parent) return make_error("the node database lacks its latest block");
        info.number = parent->number + 1;
        info.parentHash = parent->hash;
        info.timestamp = std::max(parent->timestamp, header.submitted_at);
        info.stateRoot = header.state_root;
        info.recordStart = postedRecords;
        info.recordCount = std::uint32_t(n);
        info.transactions = txHashes;
        info.hash = blockHashOf(info);
        for (const auto& t : txRows)
            if (auto st = db.insertTransaction(t, /*keepExisting=*/true); !st) return st;
        if (auto st = db.insertBlock(toStored(info)); !st) return st;
        if (auto st = db.insertBlockRecords(info.number, records); !st) return st;
        for (auto d : entries) {
            if (auto st = db.upsertDeposit(d); !st) return st;
            if (auto st = db.setDepositCredited(d.queueIndex, info.number); !st) return st;
        }
        if (auto st = db.upsertBatch(b); !st) return st;
        if (auto st = db.setRecordsBatch(postedRecords, n, batchIndex); !st) return st;
        for (const auto& w : withdrawals)
            if (auto st = db.upsertWithdrawal(w); !st) return st;
        return {};
    };
    if (auto st = db.begin(); !st) return st;
    Status st = write();
    if (st) st = db.commit();
    if (!st) {
        (void)db.rollback();
        if (unreadable) return halt(*unreadable);
        return make_error("adopting " + name + " failed (nothing changed): " + st.message());
    }

    const std::unordered_set<Hash, HashHasher> foreignTxs(txHashes.begin(), txHashes.end());
    std::size_t droppedTxs = 0, inForeign = 0, requeuedEntries = 0;
    for (const auto& r : droppedRecords) {
        if (r.txHash) {
            ++droppedTxs;
            if (foreignTxs.count(*r.txHash)) ++inForeign;
        }
        if (r.depositIndex && *r.depositIndex >= header.deposit_end) ++requeuedEntries;
    }
    qWarning(
        "sluiced: ADOPTED %s of another proposer (%s, %llu records, queue entries [%llu, %llu)) on top of our "
        "posted state: dropped our %zu unposted record(s) and %llu block(s)%s; %zu of their transactions are "
        "in that batch, %zu go back to the mempool to be sequenced again; %zu queue entr%s to be credited again",
        name.c_str(), header.proposer.hex().c_str(), static_cast<unsigned long long>(n),
        static_cast<unsigned long long>(header.deposit_start), static_cast<unsigned long long>(header.deposit_end),
        droppedRecords.size(), static_cast<unsigned long long>(m_producedHead - (info.number - 1)),
        cut ? (", cut block " + std::to_string(cut->number) + " to its posted prefix").c_str() : "", inForeign,
        droppedTxs - inForeign, requeuedEntries, requeuedEntries == 1 ? "y is" : "ies are");

    // The in-memory chain, exactly as a restart builds it from the database.
    ++m_chainEpoch;
    resetChainState();
    if (auto replayed = replay(); !replayed) {
        fail(QStringLiteral("after adopting %1 the database does not replay: %2")
                 .arg(QString::fromStdString(name), QString::fromStdString(replayed.message())));
        return replayed;
    }
    for (const auto& h : info.transactions)
        emit transactionSequenced(QByteArray(reinterpret_cast<const char*>(h.data()), 32), info.number);
    emit newBlock(info.number);
    scheduleBlock();
    return {};
}

// --- queries ---------------------------------------------------------------------------------

U256 Sequencer::balance(const Address& address, bool pending) const {
    const auto index = m_tree.index_of(address);
    if (!index) return 0;
    U256 b = m_tree.account(*index).balance;
    if (pending) {
        if (auto it = m_pendingSpend.find(address); it != m_pendingSpend.end())
            b = b > it->second ? b - it->second : U256(0);
    }
    return b;
}

std::uint64_t Sequencer::nonce(const Address& address, bool pending) const {
    if (pending) {
        if (auto it = m_pendingNonce.find(address); it != m_pendingNonce.end()) return it->second;
    }
    const auto index = m_tree.index_of(address);
    return index ? m_tree.account(*index).nonce : 0;
}

Hash Sequencer::stateRoot() const {
    if (!m_blocks.empty()) return m_blocks.back()->info.stateRoot;
    return m_tree.state_root();
}

Result<std::optional<BlockInfo>> Sequencer::findBlock(std::uint64_t number) const {
    if (number > m_durableHead) return std::optional<BlockInfo>();
    if (!m_blocks.empty() && number >= m_blocks.front()->info.number) {
        const auto& b = m_blocks[number - m_blocks.front()->info.number];
        if (b->info.number == number) return std::optional<BlockInfo>(b->info);
    }
    auto stored = m_reader->block(number);
    if (!stored) return stored.error();
    if (!*stored) return std::optional<BlockInfo>();
    return std::optional<BlockInfo>(toInfo(**stored));
}

Result<std::optional<BlockInfo>> Sequencer::findBlockByHash(const Hash& hash) const {
    if (auto it = m_blocksByHash.find(hash); it != m_blocksByHash.end())
        return std::optional<BlockInfo>(it->second->info);
    auto stored = m_reader->blockByHash(hash);
    if (!stored) return stored.error();
    if (!*stored || (*stored)->number > m_durableHead) return std::optional<BlockInfo>();
    return std::optional<BlockInfo>(toInfo(**stored));
}

std::optional<BlockInfo> Sequencer::block(std::uint64_t number) const {
    auto found = findBlock(number);
    if (!found) {
        failOnDamage(found.error());
        return std::nullopt;
    }
    return std::move(found).value();
}

std::optional<BlockInfo> Sequencer::blockByHash(const Hash& hash) const {
    auto found = findBlockByHash(hash);
    if (!found) {
        failOnDamage(found.error());
        return std::nullopt;
    }
    return std::move(found).value();
}

std::optional<TransactionInfo> Sequencer::transaction(const Hash& hash) const {
    auto found = findTransaction(hash);
    if (!found) {
        failOnDamage(found.error());
        return std::nullopt;
    }
    return std::move(found).value();
}

Result<std::optional<TransactionInfo>> Sequencer::findTransaction(const Hash& hash) const {
    using Found = std::optional<TransactionInfo>;
    TransactionInfo out;
    out.hash = hash;
    if (auto it = m_txs.find(hash); it != m_txs.end()) {
        const CachedTx& c = *it->second;
        out.signedTx = c.entry->signedTx;
        out.from = c.entry->sender;
        out.status = c.status;
        out.batchIndex = c.batchIndex;
        if (c.block && *c.block <= m_durableHead) {
            out.block = c.block;
            out.position = c.position;
            auto b = findBlock(*c.block);
            if (!b) return b.error();
            if (*b) out.blockHash = (*b)->hash;
        } else if (c.status != TxStatus::dropped) {
            out.status = TxStatus::pending;
        }
        return Found(std::move(out));
    }
    auto found = m_reader->transaction(hash);  // (raw bytes that do not hash to the row's hash are an error)
    if (!found) return found.error();
    if (!*found) return Found();
    const StoredTransaction& stored = **found;
    auto decoded = decode_signed_transaction(stored.raw);
    if (!decoded)
        return make_error(
            stored::damaged(transactionRaw(hash), "does not decode as a signed transaction: " + decoded.message()));
    out.signedTx = std::move(decoded).value();
    out.from = stored.sender;
    out.status = stored.status;
    out.batchIndex = stored.batchIndex;
    if (stored.block && *stored.block <= m_durableHead) {
        out.block = stored.block;
        out.position = stored.position;
        auto b = findBlock(*stored.block);
        if (!b) return b.error();
        if (*b) out.blockHash = (*b)->hash;
    }
    return Found(std::move(out));
}

}  // namespace sluice::node
