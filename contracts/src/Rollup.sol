// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Record, RecordCodec} from "./lib/RecordCodec.sol";
import {Merkle} from "./lib/Merkle.sol";
import {Stf, Verdict} from "./lib/Stf.sol";
import {Replay} from "./lib/Replay.sol";
import {
    RECORDS_PER_CHUNK,
    MAX_RECORDS_PER_BATCH as MAX_RECORDS,
    MAX_DEPOSITS_PER_BATCH as MAX_DEPOSITS
} from "./lib/Params.sol";

/// L1 contract of the Sluice optimistic payments rollup: the L1 queue (deposits and forced
/// transactions), proposer bonds, batch commitments, one-round fraud proofs, withdrawals and the
/// escape hatch. docs/PROTOCOL.md is the specification; section numbers below refer to it.
contract Rollup {
    // ---- ABI types (§5) ----
    struct BatchHeader {
        bytes32 prevStateRoot;
        bytes32 stateRoot;
        bytes32 txRoot;
        bytes32 withdrawalRoot;
        uint64 recordCount;
        uint64 depositStart;
        uint64 depositEnd;
        uint64 submittedAt;
        address proposer;
    }

    struct FraudProof {
        uint256 batchIndex;
        BatchHeader header;
        uint256 chunkIndex;
        bytes32 preRoot;
        bytes32 postRoot;
        bytes records;
        bytes32[] chunkProof;
        bytes32 treeRoot;
        uint32 count;
        bytes witness;
    }

    /// §4.5: a signed L2 transfer or withdrawal queued on L1 (`forceTransaction`). The fee fields
    /// its type does not use are zero (legacy: maxPriorityFeePerGas, maxFeePerGas; EIP-1559:
    /// gasPrice). Its queue entry is chained with forcedHash = keccak(abi.encode(tx)).
    struct ForcedTransaction {
        bool eip1559;
        uint8 yParity;
        address to;
        uint256 nonce;
        uint256 value;
        uint256 gasPrice;
        uint256 maxPriorityFeePerGas;
        uint256 maxFeePerGas;
        uint256 gasLimit;
        bytes32 r;
        bytes32 s;
    }

    // ---- events ----
    event DepositQueued(uint256 indexed index, address indexed to, uint256 amount, uint64 timestamp);
    /// Queue entry `index` is the forced transaction `transaction` (§4.5); its data is the tuple's
    /// 11 words inline, then the timestamp.
    event TransactionForced(
        uint256 indexed index, bytes32 indexed forcedHash, ForcedTransaction transaction, uint64 timestamp
    );
    event Bonded(address indexed proposer, uint256 amount, uint256 total);
    event UnbondRequested(address indexed proposer, uint256 availableAt);
    event BondWithdrawn(address indexed proposer, uint256 amount);
    event BondSlashed(address indexed proposer, uint256 amount, address indexed challenger, uint256 reward);
    event BatchSubmitted(uint256 indexed index, BatchHeader header);
    event FraudProven(
        uint256 indexed batchIndex, uint256 chunkIndex, Verdict verdict, uint256 recordIndex, address indexed challenger
    );
    /// Batches firstIndex … firstIndex + count − 1 were removed by a fraud proof (§5.2).
    event BatchesReverted(uint256 indexed firstIndex, uint256 count);
    event WithdrawalFinalized(
        uint256 indexed batchIndex, uint256 withdrawalIndex, address indexed recipient, uint256 amount
    );
    event Exited(uint32 indexed accountIndex, address indexed account, uint256 balance);
    event DepositRefunded(uint256 indexed index, address indexed to, uint256 amount);

    // ---- errors ----
    // constructor (§1)
    error InvalidL2ChainId(uint256 l2ChainId);
    error ZeroChallengePeriod();
    error ZeroRequiredBond();
    error ZeroDepositDelay();
    error ZeroMinDeposit();
    error EscapeDelayTooShort(uint256 escapeDelay, uint256 challengePeriod);
    error InvalidFeeRecipient(address feeRecipient);
    // deposits, bonds, batches
    error DepositTooSmall(uint256 amount, uint256 minDeposit);
    error InvalidDepositRecipient(address to);
    /// §4.5: yParity > 1, or a fee field the transaction's type does not use is not zero: no record
    /// could carry it.
    error UnrepresentableForcedTransaction();
    error Frozen();
    error ZeroBond();
    error NotBonded(address proposer, uint256 bond, uint256 required);
    error UnbondPending(address proposer);
    error NoUnbondRequested(address proposer);
    error BondLocked(uint256 availableAt);
    /// §5.1: submitBatch only from an externally owned account calling the Rollup directly.
    error SubmitterNotEOA(address sender);
    error WrongPrevStateRoot(bytes32 expected, bytes32 given);
    error EmptyBatch();
    error TooManyRecords(uint256 recordCount, uint256 max);
    error TooManyDeposits(uint256 deposits, uint256 max);
    error MalformedRecord(uint256 recordIndex);
    /// chunkRoots.length must be ceil(recordCount / CHUNK_SIZE).
    error WrongChunkCount(uint256 rootsGiven);
    error DepositsBeyondQueue(uint256 depositEnd, uint256 queueLength);
    error DepositMismatch(uint256 depositEnd);
    error OverdueDeposit(uint256 index, uint256 timestamp);
    error UnknownBatch(uint256 index, uint256 batchCount);
    error WrongBatchHeader(uint256 index);
    error ChallengePeriodOver(uint256 index, uint256 finalAt);
    error BadChunkProof();
    error BadPreState();
    error NoFraud();
    error NotFinal(uint256 index, uint256 finalAt);
    error BadWithdrawalProof();
    error AlreadyFinalized(uint256 batchIndex, uint256 withdrawalIndex);
    error PaymentFailed(address to, uint256 amount);
    // escape hatch (§5.4)
    error NotFrozen(uint256 escapeAvailableAt);
    error BadExitState();
    error AccountIndexOutOfRange(uint32 accountIndex, uint32 count);
    error BadAccountProof();
    error AlreadyExited(uint32 accountIndex);
    error DepositNotRefundable(uint256 index);
    error BadDepositPreimage(uint256 index);
    error AlreadyRefunded(uint256 index);

    // ---- parameters (§1) ----
    uint256 public constant CHUNK_SIZE = RECORDS_PER_CHUNK;
    uint256 public constant TRANSFER_GAS = 21000;
    uint256 public constant MAX_RECORDS_PER_BATCH = MAX_RECORDS;
    uint256 public constant MAX_DEPOSITS_PER_BATCH = MAX_DEPOSITS;
    address public constant WITHDRAWAL_ADDRESS = Stf.WITHDRAWAL_ADDRESS;

    uint256 public immutable l2ChainId;
    uint256 public immutable challengePeriod;
    uint256 public immutable requiredBond;
    uint256 public immutable l2BaseFee;
    uint256 public immutable depositDelay;
    address public immutable feeRecipient;
    uint256 public immutable minDeposit;
    uint256 public immutable escapeDelay;

    // ---- state ----
    /// Post-state root of the last batch (genesis: the fee account alone).
    bytes32 public stateRoot;

    // One slot: deposits, submissions and fraud proofs all touch it.
    struct Counters {
        uint64 batchCount;
        uint64 depositCount;
        uint64 depositsProcessed;
        uint64 lastBatchAt; // §5.4: time of the last accepted batch, deployment or fraud proof
    }

    Counters private _counters;

    struct Proposer {
        uint128 bond;
        uint64 unbondRequestedAt; // 0: no pending request
        uint64 lastBatchAt;
    }

    mapping(address => Proposer) public proposers;
    mapping(uint256 => bytes32) private _batchHashes;
    mapping(uint256 => bytes32) private _depositHashes;
    /// batch index => word => bits of paid withdrawal indices.
    mapping(uint256 => mapping(uint256 => uint256)) private _paid;
    /// Escape hatch bitmaps: account index / queue index => exited / refunded.
    mapping(uint256 => uint256) private _exited;
    mapping(uint256 => uint256) private _refunded;

    constructor(
        uint256 l2ChainId_,
        uint256 challengePeriod_,
        uint256 requiredBond_,
        uint256 l2BaseFee_,
        uint256 depositDelay_,
        address feeRecipient_,
        uint256 minDeposit_,
        uint256 escapeDelay_
    ) {
        if (l2ChainId_ == 0 || l2ChainId_ == block.chainid) revert InvalidL2ChainId(l2ChainId_);
        if (challengePeriod_ == 0) revert ZeroChallengePeriod();
        if (requiredBond_ == 0) revert ZeroRequiredBond();
        if (depositDelay_ == 0) revert ZeroDepositDelay();
        if (minDeposit_ == 0) revert ZeroMinDeposit();
        if (escapeDelay_ <= challengePeriod_) revert EscapeDelayTooShort(escapeDelay_, challengePeriod_);
        if (feeRecipient_ == address(0) || feeRecipient_ == WITHDRAWAL_ADDRESS) {
            revert InvalidFeeRecipient(feeRecipient_);
        }
        l2ChainId = l2ChainId_;
        challengePeriod = challengePeriod_;
        requiredBond = requiredBond_;
        l2BaseFee = l2BaseFee_;
        depositDelay = depositDelay_;
        feeRecipient = feeRecipient_;
        minDeposit = minDeposit_;
        escapeDelay = escapeDelay_;
        stateRoot = genesisStateRoot(feeRecipient_);
        _counters.lastBatchAt = uint64(block.timestamp);
    }

    /// State root of §2's genesis: account 0 = (feeRecipient, 0, 0), count 1.
    function genesisStateRoot(address feeRecipient_) public pure returns (bytes32) {
        bytes32[33] memory z = Merkle.zeros();
        bytes32 node = Stf.leafHash(feeRecipient_, 0, 0);
        for (uint256 l = 0; l < Merkle.ACCOUNT_DEPTH; ++l) {
            node = Merkle.hashPair(node, z[l]);
        }
        return Stf.stateRoot(node, 1);
    }

    // ---- views ----
    function batchCount() external view returns (uint256) {
        return _counters.batchCount;
    }

    /// keccak(abi.encode(header)) of batch `i`, zero if there is no such batch.
    function batchHash(uint256 i) external view returns (bytes32) {
        return i < _counters.batchCount ? _batchHashes[i] : bytes32(0);
    }

    function depositCount() external view returns (uint256) {
        return _counters.depositCount;
    }

    function depositsProcessed() external view returns (uint256) {
        return _counters.depositsProcessed;
    }

    /// Queue word q[i] of §4.4 (chain hash, low 4 bytes the entry's timestamp), zero if there is
    /// no such entry (a deposit or a forced transaction).
    function depositHash(uint256 i) external view returns (bytes32) {
        return i < _counters.depositCount ? _depositHashes[i] : bytes32(0);
    }

    /// Whether the challenge window of a batch with this header has passed (a time check only:
    /// whether the header belongs to a current batch is `batchHash(i) == keccak(abi.encode(h))`).
    function isFinal(BatchHeader calldata header) external view returns (bool) {
        return block.timestamp >= header.submittedAt + challengePeriod;
    }

    function isWithdrawalFinalized(uint256 batchIndex, uint256 withdrawalIndex) external view returns (bool) {
        return _paid[batchIndex][withdrawalIndex >> 8] & (1 << (withdrawalIndex & 255)) != 0;
    }

    /// §5.4: time of the last accepted batch (deployment, or the last fraud proof if later).
    function lastBatchAt() external view returns (uint256) {
        return _counters.lastBatchAt;
    }

    /// §5.4: max(lastBatchAt, time of the oldest waiting entry) + ESCAPE_DELAY while entries
    /// (deposits or forced transactions) wait in the queue, 0 when it is empty.
    function escapeAvailableAt() external view returns (uint256) {
        return _escapeAvailableAt(_counters);
    }

    /// §5.4: whether the Rollup is frozen (for good): block.timestamp >= escapeAvailableAt() != 0.
    function frozen() external view returns (bool) {
        return _frozen(_counters);
    }

    function isExited(uint32 accountIndex) external view returns (bool) {
        return _exited[accountIndex >> 8] & (1 << (accountIndex & 255)) != 0;
    }

    function isDepositRefunded(uint256 index) external view returns (bool) {
        return _refunded[index >> 8] & (1 << (index & 255)) != 0;
    }

    function _escapeAvailableAt(Counters memory c) private view returns (uint256) {
        if (c.depositsProcessed >= c.depositCount) return 0;
        uint256 oldest = uint32(uint256(_depositHashes[c.depositsProcessed]));
        uint256 last = c.lastBatchAt;
        return (oldest > last ? oldest : last) + escapeDelay;
    }

    function _frozen(Counters memory c) private view returns (bool) {
        // escapeAvailableAt() is 0 or at least lastBatchAt + ESCAPE_DELAY: while that is ahead, the
        // Rollup is not frozen and the queue need not be read (the usual case, kept cheap).
        if (c.lastBatchAt + escapeDelay > block.timestamp) return false;
        uint256 at = _escapeAvailableAt(c);
        return at != 0 && block.timestamp >= at;
    }

    // ---- the L1 queue: deposits (§4.4) and forced transactions (§4.5) ----
    function deposit(address to) external payable {
        if (msg.value < minDeposit) revert DepositTooSmall(msg.value, minDeposit);
        if (to == address(0) || to == WITHDRAWAL_ADDRESS || to == address(this)) revert InvalidDepositRecipient(to);
        (uint256 i, bytes32 prev) = _queueTail();
        _depositHashes[i] = RecordCodec.depositChain(prev, to, msg.value, block.timestamp);
        _counters.depositCount = uint64(i + 1);
        emit DepositQueued(i, to, msg.value, uint64(block.timestamp));
    }

    /// Queues a signed L2 transaction the sequencer ignores; batches must take it in queue order,
    /// applied or skipped (§4.5). Only what keeps it representable as a record is checked here:
    /// its validity depends on the L2 state when its turn comes.
    function forceTransaction(ForcedTransaction calldata transaction) external {
        bool unusedFeeSet = transaction.eip1559
            ? transaction.gasPrice != 0
            : transaction.maxPriorityFeePerGas != 0 || transaction.maxFeePerGas != 0;
        if (transaction.yParity > 1 || unusedFeeSet) revert UnrepresentableForcedTransaction();
        (uint256 i, bytes32 prev) = _queueTail();
        bytes32 forcedHash = keccak256(abi.encode(transaction));
        _depositHashes[i] = RecordCodec.forcedChain(prev, forcedHash, block.timestamp);
        _counters.depositCount = uint64(i + 1);
        emit TransactionForced(i, forcedHash, transaction, uint64(block.timestamp));
    }

    /// Index and predecessor word q[i-1] of the next queue entry; refuses while frozen (§5.4).
    function _queueTail() private view returns (uint256 i, bytes32 prev) {
        Counters memory c = _counters;
        if (_frozen(c)) revert Frozen();
        i = c.depositCount;
        if (i != 0) prev = _depositHashes[i - 1];
    }

    // ---- bonds (§5) ----
    function bond() external payable {
        if (msg.value == 0) revert ZeroBond();
        Proposer storage p = proposers[msg.sender];
        if (p.unbondRequestedAt != 0) revert UnbondPending(msg.sender);
        uint256 total = p.bond + msg.value;
        p.bond = uint128(total);
        emit Bonded(msg.sender, msg.value, total);
    }

    function requestUnbond() external {
        Proposer storage p = proposers[msg.sender];
        if (p.bond == 0) revert NotBonded(msg.sender, 0, requiredBond);
        if (p.unbondRequestedAt != 0) revert UnbondPending(msg.sender);
        p.unbondRequestedAt = uint64(block.timestamp);
        emit UnbondRequested(msg.sender, _bondAvailableAt(p));
    }

    function withdrawBond() external {
        Proposer storage p = proposers[msg.sender];
        if (p.unbondRequestedAt == 0) revert NoUnbondRequested(msg.sender);
        uint256 availableAt = _bondAvailableAt(p);
        if (block.timestamp < availableAt) revert BondLocked(availableAt);
        uint256 amount = p.bond;
        delete proposers[msg.sender];
        emit BondWithdrawn(msg.sender, amount);
        _pay(msg.sender, amount);
    }

    function _bondAvailableAt(Proposer storage p) private view returns (uint256) {
        uint256 last = p.unbondRequestedAt > p.lastBatchAt ? p.unbondRequestedAt : p.lastBatchAt;
        return last + challengePeriod;
    }

    // ---- batches (§4, §5) ----
    function submitBatch(bytes32 prevStateRoot, bytes calldata records, bytes32[] calldata chunkRoots) external {
        // §5.1: the records must be the calldata of a transaction sent straight to the Rollup, where
        // verifiers read them. An EIP-7702 delegated account has code (its delegation designator).
        if (msg.sender != tx.origin || msg.sender.code.length != 0) revert SubmitterNotEOA(msg.sender);
        Proposer memory pr = proposers[msg.sender];
        if (pr.bond < requiredBond) revert NotBonded(msg.sender, pr.bond, requiredBond);
        if (pr.unbondRequestedAt != 0) revert UnbondPending(msg.sender);
        if (prevStateRoot != stateRoot) revert WrongPrevStateRoot(stateRoot, prevStateRoot);
        if (records.length == 0) revert EmptyBatch();
        Counters memory c = _counters;
        if (_frozen(c)) revert Frozen();

        bytes32[] memory chunkLeaves = new bytes32[](chunkRoots.length);
        // A withdrawal record is at least 94 bytes (1 + 4 + 20 + 1 + 2 + 2 + 64).
        bytes32[] memory wLeaves = new bytes32[](records.length / 94 + 1);
        Scan memory sc;
        sc.depositEnd = c.depositsProcessed;
        if (c.depositCount > c.depositsProcessed && c.depositsProcessed > 0) {
            sc.chain = _depositHashes[c.depositsProcessed - 1];
        }
        sc.preRoot = prevStateRoot;
        _scan(sc, records, chunkRoots, chunkLeaves, wLeaves);
        if (sc.recordCount > MAX_RECORDS) revert TooManyRecords(sc.recordCount, MAX_RECORDS);
        _checkDeposits(c, sc);

        BatchHeader memory h = BatchHeader({
            prevStateRoot: prevStateRoot,
            stateRoot: chunkRoots[chunkRoots.length - 1],
            txRoot: Merkle.rootInPlace(chunkLeaves),
            withdrawalRoot: Merkle.rootInPlace(wLeaves),
            recordCount: uint64(sc.recordCount),
            depositStart: c.depositsProcessed,
            depositEnd: uint64(sc.depositEnd),
            submittedAt: uint64(block.timestamp),
            proposer: msg.sender
        });
        uint256 index = c.batchCount;
        _batchHashes[index] = keccak256(abi.encode(h));
        stateRoot = h.stateRoot;
        _counters = Counters(uint64(index + 1), c.depositCount, uint64(sc.depositEnd), uint64(block.timestamp));
        proposers[msg.sender].lastBatchAt = uint64(block.timestamp);
        emit BatchSubmitted(index, h);
    }

    // Field order matters: _closeChunk addresses preRoot and chunks by offset.
    struct Scan {
        uint256 recordCount;
        uint256 depositEnd; // queue index after the last queue record (deposit or forced) seen
        bytes32 chain; // queue chain hash q[depositEnd - 1]
        bytes32 preRoot; // pre-state root of the current chunk
        uint256 withdrawals;
        uint256 chunks;
    }

    /// §4.4: the queue records (deposits and forced records, applied or skipped) are the queue
    /// entries from depositsProcessed on, at most MAX_DEPOSITS_PER_BATCH of them; a batch that takes
    /// fewer leaves no entry older than DEPOSIT_DELAY at the head of the queue (its time is the low
    /// 4 bytes of the stored word).
    function _checkDeposits(Counters memory c, Scan memory sc) private view {
        uint256 depositEnd = sc.depositEnd;
        if (depositEnd > c.depositCount) revert DepositsBeyondQueue(depositEnd, c.depositCount);
        uint256 taken = depositEnd - c.depositsProcessed;
        if (taken > MAX_DEPOSITS) revert TooManyDeposits(taken, MAX_DEPOSITS);
        if (taken != 0 && sc.chain != _depositHashes[depositEnd - 1]) revert DepositMismatch(depositEnd);
        if (taken < MAX_DEPOSITS && depositEnd < c.depositCount) {
            uint256 arrived = uint32(uint256(_depositHashes[depositEnd]));
            if (arrived + depositDelay <= block.timestamp) revert OverdueDeposit(depositEnd, arrived);
        }
    }

    /// Checks every record, fills the chunk leaves and the withdrawal leaves (shrinking `wLeaves`
    /// to the number found) and folds the queue records into the queue chain.
    function _scan(
        Scan memory sc,
        bytes calldata records,
        bytes32[] calldata chunkRoots,
        bytes32[] memory chunkLeaves,
        bytes32[] memory wLeaves
    ) private pure {
        uint256 p;
        uint256 rootsOffset;
        assembly {
            p := records.offset
            rootsOffset := chunkRoots.offset
        }
        uint256 end = p + records.length;
        uint256 chunkStart = p;
        uint256 inChunk;
        Record memory rec;
        while (p < end) {
            uint256 skipped;
            unchecked {
                (p, skipped) = RecordCodec.scanTransfers(p, end, CHUNK_SIZE - inChunk);
                inChunk += skipped;
            }
            if (inChunk < CHUNK_SIZE && p < end) {
                // A record the fast path leaves to the reference decoder: a withdrawal, a deposit,
                // a forced record, a large number, or a malformed record.
                uint256 q = RecordCodec.decode(rec, p, end);
                if (q == 0) revert MalformedRecord(sc.recordCount + inChunk);
                _special(sc, rec, wLeaves);
                p = q;
                ++inChunk;
            }
            if (inChunk == CHUNK_SIZE || p == end) {
                if (sc.chunks >= chunkRoots.length) revert WrongChunkCount(chunkRoots.length);
                _closeChunk(sc, rootsOffset, chunkLeaves, chunkStart, p);
                unchecked {
                    sc.recordCount += inChunk;
                }
                inChunk = 0;
                chunkStart = p;
            }
        }
        if (sc.chunks != chunkRoots.length) revert WrongChunkCount(chunkRoots.length);
        uint256 wn = sc.withdrawals;
        assembly {
            mstore(wLeaves, wn)
        }
    }

    /// Queue chain step and withdrawal leaf of a decoded record.
    function _special(Scan memory sc, Record memory rec, bytes32[] memory wLeaves) private pure {
        if (rec.kind == RecordCodec.KIND_DEPOSIT) {
            sc.chain = RecordCodec.depositChain(sc.chain, rec.addr, rec.value, rec.timestamp);
            ++sc.depositEnd;
            return;
        }
        if (rec.forced) {
            // Applied or skipped, a forced record takes the next queue entry (§4.5).
            sc.chain = RecordCodec.forcedChain(sc.chain, _forcedHash(rec), rec.timestamp);
            ++sc.depositEnd;
            if (rec.skipped) return; // no effect: no withdrawal either
        }
        if (rec.kind == RecordCodec.KIND_WITHDRAWAL) {
            wLeaves[sc.withdrawals++] = RecordCodec.withdrawalLeaf(rec.addr, rec.value);
        }
    }

    /// §4.5: the ForcedTransaction a forced record (applied or skipped) stands for: `to` as for its
    /// signature, the fee fields its type does not use zero, gasLimit 21000 when flag bit 4 omits
    /// it (`decode` fills that in).
    function _forcedTransaction(Record memory rec) private pure returns (ForcedTransaction memory t) {
        t.eip1559 = rec.eip1559;
        t.yParity = uint8(rec.parity);
        t.to = Stf.recordedTo(rec);
        t.nonce = rec.nonce;
        t.value = rec.value;
        if (rec.eip1559) {
            t.maxPriorityFeePerGas = rec.fee1;
            t.maxFeePerGas = rec.fee2;
        } else {
            t.gasPrice = rec.fee1;
        }
        t.gasLimit = rec.gasLimit;
        t.r = rec.r;
        t.s = rec.s;
    }

    /// forcedHash = keccak(abi.encode(tuple)) of a forced record's tuple. Runs for every forced
    /// record of a batch: the tuple and its encoding are released afterwards (nothing refers to
    /// them), or memory, whose cost is quadratic, would grow by 736 bytes per record.
    function _forcedHash(Record memory rec) private pure returns (bytes32 h) {
        uint256 freeMem;
        assembly {
            freeMem := mload(0x40)
        }
        h = keccak256(abi.encode(_forcedTransaction(rec)));
        assembly {
            mstore(0x40, freeMem)
        }
    }

    /// Chunk leaf keccak(preRoot ‖ postRoot ‖ keccak(calldata[start:end])) of chunk `sc.chunks`
    /// (whose root the caller checked exists); advances the chunk. Uses memory past the free
    /// pointer as scratch (nothing is allocated).
    function _closeChunk(Scan memory sc, uint256 rootsOffset, bytes32[] memory leaves, uint256 start, uint256 end)
        private
        pure
    {
        assembly ("memory-safe") {
            let chunk := mload(add(sc, 0xa0)) // sc.chunks
            let postRoot := calldataload(add(rootsOffset, shl(5, chunk)))
            let m := mload(0x40)
            let len := sub(end, start)
            calldatacopy(m, start, len)
            let recordsHash := keccak256(m, len)
            mstore(m, mload(add(sc, 0x60))) // sc.preRoot
            mstore(add(m, 0x20), postRoot)
            mstore(add(m, 0x40), recordsHash)
            mstore(add(add(leaves, 0x20), shl(5, chunk)), keccak256(m, 0x60))
            mstore(add(sc, 0x60), postRoot)
            mstore(add(sc, 0xa0), add(chunk, 1))
        }
    }

    // ---- fraud proofs (§6) ----
    function proveFraud(FraudProof calldata fp) external {
        Counters memory c = _counters;
        // Frozen: every batch is final (ESCAPE_DELAY > CHALLENGE_PERIOD), nothing is left to prove.
        if (_frozen(c)) revert Frozen();
        uint256 b = fp.batchIndex;
        _checkHeader(fp.header, b, c.batchCount);
        uint256 finalAt = fp.header.submittedAt + challengePeriod;
        if (block.timestamp >= finalAt) revert ChallengePeriodOver(b, finalAt);

        bytes32 leaf = keccak256(abi.encode(fp.preRoot, fp.postRoot, keccak256(fp.records)));
        (bytes32 root, bool ok) = Merkle.processProof(leaf, fp.chunkIndex, fp.chunkProof);
        if (!ok || root != fp.header.txRoot) revert BadChunkProof();
        if (Stf.stateRoot(fp.treeRoot, fp.count) != fp.preRoot) revert BadPreState();

        (Verdict verdict, uint256 recordIndex, bytes32 post) =
            Replay.run(fp.records, fp.witness, fp.treeRoot, fp.count, l2ChainId, l2BaseFee);
        if (verdict == Verdict.None) {
            if (post == fp.postRoot) revert NoFraud();
            verdict = Verdict.WrongStateRoot;
        }

        // §5.2: batches b… go in one write, whatever their number; lastBatchAt restarts (§5.4).
        stateRoot = fp.header.prevStateRoot;
        _counters = Counters(uint64(b), c.depositCount, fp.header.depositStart, uint64(block.timestamp));
        emit BatchesReverted(b, c.batchCount - b);

        address proposer = fp.header.proposer;
        uint256 slashed = proposers[proposer].bond;
        proposers[proposer].bond = 0;
        uint256 reward = slashed / 2; // the other half stays locked here (burned)
        emit FraudProven(b, fp.chunkIndex, verdict, recordIndex, msg.sender);
        emit BondSlashed(proposer, slashed, msg.sender, reward);
        if (reward != 0) _pay(msg.sender, reward);
    }

    // ---- withdrawals (§5) ----
    function finalizeWithdrawal(
        BatchHeader calldata header,
        uint256 batchIndex,
        uint256 withdrawalIndex,
        address recipient,
        uint256 amount,
        bytes32[] calldata proof
    ) external {
        _checkHeader(header, batchIndex, _counters.batchCount);
        uint256 finalAt = header.submittedAt + challengePeriod;
        if (block.timestamp < finalAt) revert NotFinal(batchIndex, finalAt);
        (bytes32 root, bool ok) =
            Merkle.processProof(RecordCodec.withdrawalLeaf(recipient, amount), withdrawalIndex, proof);
        if (!ok || root != header.withdrawalRoot) revert BadWithdrawalProof();
        uint256 bit = 1 << (withdrawalIndex & 255);
        mapping(uint256 => uint256) storage paid = _paid[batchIndex];
        uint256 word = paid[withdrawalIndex >> 8];
        if (word & bit != 0) revert AlreadyFinalized(batchIndex, withdrawalIndex);
        paid[withdrawalIndex >> 8] = word | bit;
        emit WithdrawalFinalized(batchIndex, withdrawalIndex, recipient, amount);
        _pay(recipient, amount);
    }

    // ---- escape hatch (§5.4) ----
    /// Pays an account of the final state `stateRoot` its balance, once, while frozen. `siblings`:
    /// the 32 siblings of its leaf in the account tree, level 0 first (uncompressed).
    function exit(
        uint32 accountIndex,
        address account,
        uint256 balance,
        uint64 nonce,
        bytes32 treeRoot,
        uint32 count,
        bytes32[] calldata siblings
    ) external {
        Counters memory c = _counters;
        if (!_frozen(c)) revert NotFrozen(_escapeAvailableAt(c));
        if (Stf.stateRoot(treeRoot, count) != stateRoot) revert BadExitState();
        if (accountIndex >= count) revert AccountIndexOutOfRange(accountIndex, count);
        if (siblings.length != Merkle.ACCOUNT_DEPTH) revert BadAccountProof();
        (bytes32 root,) = Merkle.processProof(Stf.leafHash(account, balance, nonce), accountIndex, siblings);
        if (root != treeRoot) revert BadAccountProof();
        uint256 bit = 1 << (accountIndex & 255);
        uint256 word = _exited[accountIndex >> 8];
        if (word & bit != 0) revert AlreadyExited(accountIndex);
        _exited[accountIndex >> 8] = word | bit;
        emit Exited(accountIndex, account, balance);
        _pay(account, balance);
    }

    /// Pays back a deposit no batch took (index >= depositsProcessed), once, while frozen. A forced
    /// transaction's entry carries no value: no deposit preimage gives its word (BadDepositPreimage).
    function refundDeposit(uint256 index, address to, uint256 amount, uint64 timestamp) external {
        Counters memory c = _counters;
        if (!_frozen(c)) revert NotFrozen(_escapeAvailableAt(c));
        if (index < c.depositsProcessed || index >= c.depositCount) revert DepositNotRefundable(index);
        bytes32 prev = index == 0 ? bytes32(0) : _depositHashes[index - 1];
        if (RecordCodec.depositChain(prev, to, amount, timestamp) != _depositHashes[index]) {
            revert BadDepositPreimage(index);
        }
        uint256 bit = 1 << (index & 255);
        uint256 word = _refunded[index >> 8];
        if (word & bit != 0) revert AlreadyRefunded(index);
        _refunded[index >> 8] = word | bit;
        emit DepositRefunded(index, to, amount);
        _pay(to, amount);
    }

    function _checkHeader(BatchHeader calldata header, uint256 index, uint256 count) private view {
        if (index >= count) revert UnknownBatch(index, count);
        if (keccak256(abi.encode(header)) != _batchHashes[index]) revert WrongBatchHeader(index);
    }

    function _pay(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert PaymentFailed(to, amount);
    }
}
