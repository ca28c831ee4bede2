// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test, Vm} from "./Test.sol";
import {L2Model} from "./L2Model.sol";
import {Rollup} from "../../src/Rollup.sol";
import {Record} from "../../src/lib/RecordCodec.sol";
import {Stf, Verdict} from "../../src/lib/Stf.sol";
import {RecordEncoder} from "./RecordEncoder.sol";
import {BatchProof} from "./BatchProof.sol";
import {RECORDS_PER_CHUNK} from "../../src/lib/Params.sol";

/// A deployed Rollup with the devnet parameters, a bonded proposer and an L2 model to build
/// honest (or deliberately broken) batches and their fraud proofs.
abstract contract RollupFixture is Test {
    uint256 internal constant CHAIN_ID = 31338;
    uint256 internal constant PERIOD = 60;
    uint256 internal constant BOND = 1 ether;
    uint256 internal constant BASE_FEE = 1 gwei;
    uint256 internal constant DELAY = 30;
    uint256 internal constant MIN_DEPOSIT = 0.001 ether;
    uint256 internal constant ESCAPE = 600;
    uint256 internal constant T0 = 1_700_000_000;

    address internal proposer = address(0xB0B0);
    address internal challenger = address(0xC4A1);
    Rollup internal rollup;
    L2Model internal model;

    struct Queued {
        address to;
        uint256 amount;
        uint64 timestamp;
    }

    /// The L1 queue as the tests built it: deposits, and forced transactions (to and amount zero,
    /// the tuple in `forcedTxs`).
    Queued[] internal queue;
    mapping(uint256 => Rollup.ForcedTransaction) internal forcedTxs;
    Rollup.BatchHeader[] internal headers;
    /// forcedRec's `toIdx` for a recipient without an account (kind 1).
    uint256 internal constant NEW_ACCOUNT = type(uint256).max;

    function setUp() public virtual {
        vm.warp(T0);
        rollup = new Rollup(CHAIN_ID, PERIOD, BOND, BASE_FEE, DELAY, proposer, MIN_DEPOSIT, ESCAPE);
        model = new L2Model(proposer, CHAIN_ID, BASE_FEE);
        vm.deal(proposer, 10 ether);
        vm.prank(proposer);
        rollup.bond{value: BOND}();
    }

    function key(uint256 i) internal pure returns (uint256) {
        return 0xA11CE + i;
    }

    function addrOfKey(uint256 i) internal pure returns (address) {
        return vm.addr(key(i));
    }

    // ---- L1 deposits ----
    function l1Deposit(address to, uint256 amount) internal returns (uint256 index) {
        vm.deal(address(this), address(this).balance + amount);
        rollup.deposit{value: amount}(to);
        queue.push(Queued(to, amount, uint64(block.timestamp)));
        return queue.length - 1;
    }

    // ---- L1 forced transactions (§4.5) ----
    /// A forced transaction signed with key number `k`: the fees and gas limit of `_signedBase`.
    function forcedTx(uint256 k, address to, uint256 value, uint256 nonce, bool eip1559)
        internal
        pure
        returns (Rollup.ForcedTransaction memory t)
    {
        t.eip1559 = eip1559;
        t.to = to;
        t.nonce = nonce;
        t.value = value;
        if (eip1559) t.maxFeePerGas = 2 gwei;
        else t.gasPrice = 1 gwei;
        t.gasLimit = 21000;
        signForced(t, k);
    }

    /// Signs `t` with key number `k` (the L2 transaction it stands for, chain id CHAIN_ID).
    function signForced(Rollup.ForcedTransaction memory t, uint256 k) internal pure {
        bytes32 digest = Stf.signingHash(forcedFields(t), t.to, CHAIN_ID);
        (uint8 v, bytes32 rr, bytes32 ss) = vm.sign(key(k), digest);
        t.yParity = v - 27;
        t.r = rr;
        t.s = ss;
    }

    /// The signed fields of a forced transaction as a record's (kind, accounts and flags unset).
    function forcedFields(Rollup.ForcedTransaction memory t) internal pure returns (Record memory r) {
        r.eip1559 = t.eip1559;
        r.parity = t.yParity;
        r.nonce = t.nonce;
        r.value = t.value;
        r.fee1 = t.eip1559 ? t.maxPriorityFeePerGas : t.gasPrice;
        r.fee2 = t.eip1559 ? t.maxFeePerGas : 0;
        r.gasLimit = t.gasLimit;
        r.bit4 = t.gasLimit == 21000;
        r.r = t.r;
        r.s = t.s;
    }

    function l1Force(Rollup.ForcedTransaction memory t) internal returns (uint256 index) {
        rollup.forceTransaction(t);
        queue.push(Queued(address(0), 0, uint64(block.timestamp)));
        index = queue.length - 1;
        forcedTxs[index] = t;
    }

    /// The applied record of forced queue entry `qi` from account `from`: kind 2 when its `to` is
    /// WITHDRAWAL_ADDRESS (paid to the sender's address), else kind 0 to account `toIdx` or kind 1
    /// (toIdx == NEW_ACCOUNT).
    function forcedRec(uint256 qi, uint256 from, uint256 toIdx) internal view returns (Record memory r) {
        Rollup.ForcedTransaction memory t = forcedTxs[qi];
        r = forcedFields(t);
        r.forced = true;
        r.timestamp = queue[qi].timestamp;
        r.from = from;
        if (t.to == Stf.WITHDRAWAL_ADDRESS) {
            r.kind = 2;
            r.addr = model.addrOf(from);
        } else {
            r.kind = toIdx == NEW_ACCOUNT ? 1 : 0;
            r.to = toIdx == NEW_ACCOUNT ? 0 : toIdx;
            r.addr = t.to;
        }
    }

    /// The skipped record of forced queue entry `qi`: kind 2 when its `to` is WITHDRAWAL_ADDRESS,
    /// else kind 1 (a skip names no account); the fields a skip does not read are zero.
    function skippedRec(uint256 qi) internal view returns (Record memory r) {
        Rollup.ForcedTransaction memory t = forcedTxs[qi];
        r = forcedFields(t);
        r.forced = true;
        r.skipped = true;
        r.timestamp = queue[qi].timestamp;
        if (t.to == Stf.WITHDRAWAL_ADDRESS) {
            r.kind = 2;
        } else {
            r.kind = 1;
            r.addr = t.to;
        }
    }

    // ---- records ----
    function depositRec(uint256 qi, bool newAccount, uint256 toIdx) internal view returns (Record memory r) {
        r.kind = 3;
        r.bit4 = newAccount;
        r.to = newAccount ? 0 : toIdx;
        r.addr = queue[qi].to;
        r.value = queue[qi].amount;
        r.timestamp = queue[qi].timestamp;
    }

    function _signedBase(uint256 kind, uint256 from, uint256 value, bool eip1559) internal view returns (Record memory r) {
        r.kind = kind;
        r.eip1559 = eip1559;
        r.from = from;
        r.nonce = model.nonceOf(from);
        r.value = value;
        if (eip1559) {
            r.fee1 = 0;
            r.fee2 = 2 gwei;
        } else {
            r.fee1 = 1 gwei;
        }
        r.bit4 = true;
        r.gasLimit = 21000;
    }

    function transferRec(uint256 k, uint256 from, uint256 to, uint256 value, bool eip1559)
        internal
        view
        returns (Record memory r)
    {
        r = _signedBase(0, from, value, eip1559);
        r.to = to;
        sign(r, k);
    }

    function newAccountRec(uint256 k, uint256 from, address toAddr, uint256 value, bool eip1559)
        internal
        view
        returns (Record memory r)
    {
        r = _signedBase(1, from, value, eip1559);
        r.addr = toAddr;
        sign(r, k);
    }

    function withdrawalRec(uint256 k, uint256 from, address l1Recipient, uint256 value, bool eip1559)
        internal
        view
        returns (Record memory r)
    {
        r = _signedBase(2, from, value, eip1559);
        r.addr = l1Recipient;
        sign(r, k);
    }

    /// Signs with key number `k` over the transaction rebuilt against the model's state.
    function sign(Record memory r, uint256 k) internal view {
        bytes32 digest = Stf.signingHash(r, model.signedTo(r), CHAIN_ID);
        (uint8 v, bytes32 rr, bytes32 ss) = vm.sign(key(k), digest);
        r.parity = v - 27;
        r.r = rr;
        r.s = ss;
    }

    function add(Record memory r) internal returns (Verdict v) {
        v = model.add(r);
    }

    function addValid(Record memory r) internal {
        Verdict v = add(r);
        assertEq(uint256(v), 0, "model: record must be valid");
    }

    // ---- batches ----
    /// Submits the model's current batch from the proposer (an EOA sending the transaction:
    /// msg.sender == tx.origin, §5.1); returns its index and header (read from the event).
    function submit() internal returns (uint256 index, Rollup.BatchHeader memory h) {
        (bytes memory records, bytes32[] memory roots) = model.endBatch();
        (index, h) = submitRaw(rollup.stateRoot(), records, roots);
    }

    /// Submits the given calldata from the proposer as a direct EOA call; returns index and header.
    function submitRaw(bytes32 prev, bytes memory records, bytes32[] memory roots)
        internal
        returns (uint256 index, Rollup.BatchHeader memory h)
    {
        return submitFrom(proposer, prev, records, roots);
    }

    /// Submits the given calldata from EOA `who` (msg.sender == tx.origin); returns index and header.
    function submitFrom(address who, bytes32 prev, bytes memory records, bytes32[] memory roots)
        internal
        returns (uint256 index, Rollup.BatchHeader memory h)
    {
        vm.recordLogs();
        vm.prank(who, who);
        rollup.submitBatch(prev, records, roots);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i = 0; i < logs.length; ++i) {
            if (logs[i].topics[0] == Rollup.BatchSubmitted.selector) {
                index = uint256(logs[i].topics[1]);
                h = abi.decode(logs[i].data, (Rollup.BatchHeader));
            }
        }
        assertEq(rollup.batchHash(index), keccak256(abi.encode(h)), "header from event");
        while (headers.length <= index) headers.push();
        headers[index] = h;
    }

    /// Placeholder chunk roots for a batch of `n` records the test does not mean to prove.
    function placeholderRoots(uint256 n, string memory tag) internal pure returns (bytes32[] memory roots) {
        roots = new bytes32[]((n + RECORDS_PER_CHUNK - 1) / RECORDS_PER_CHUNK);
        for (uint256 i = 0; i < roots.length; ++i) {
            roots[i] = keccak256(abi.encode(tag, i));
        }
    }

    /// Deposit records of queue entries `first … first + n - 1`, all to the existing account `toIdx`
    /// (encoded directly, without the model: for batches whose state is not proven).
    function depositRecords(uint256 first, uint256 n, uint256 toIdx) internal view returns (bytes memory recs) {
        recs = new bytes(n * 80);
        uint256 len;
        for (uint256 i = 0; i < n; ++i) {
            len = appendBytes(recs, len, RecordEncoder.encode(depositRec(first + i, false, toIdx)));
        }
        assembly {
            mstore(recs, len)
        }
    }

    /// Copies `part` into `buf` at `len` (buf must have room); returns the new length.
    function appendBytes(bytes memory buf, uint256 len, bytes memory part) internal pure returns (uint256) {
        assembly {
            mcopy(add(add(buf, 0x20), len), add(part, 0x20), mload(part))
        }
        return len + part.length;
    }

    // ---- proofs ----
    function chunkLeaf(L2Model.Chunk memory c) internal pure returns (bytes32) {
        return keccak256(abi.encode(c.preRoot, c.postRoot, keccak256(c.records)));
    }

    /// The fraud proof of chunk `ci` of the model's last built batch, submitted as `batchIndex`.
    function fraudProof(uint256 batchIndex, uint256 ci) internal view returns (Rollup.FraudProof memory fp) {
        uint256 n = model.chunkCount();
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            leaves[i] = chunkLeaf(model.chunk(i));
        }
        L2Model.Chunk memory c = model.chunk(ci);
        fp.batchIndex = batchIndex;
        fp.header = headers[batchIndex];
        fp.chunkIndex = ci;
        fp.preRoot = c.preRoot;
        fp.postRoot = c.postRoot;
        fp.records = c.records;
        fp.chunkProof = BatchProof.siblings(leaves, ci);
        fp.treeRoot = c.treeRoot;
        fp.count = c.count;
        fp.witness = c.witness;
    }

    /// Proves fraud and checks the verdict, the revert of batches b.. and the slashing.
    function expectFraud(Rollup.FraudProof memory fp, Verdict verdict, uint256 recordIndex) internal {
        uint256 bondBefore = _bond(fp.header.proposer);
        uint256 challengerBefore = challenger.balance;
        uint256 countBefore = rollup.batchCount();
        vm.recordLogs();
        vm.prank(challenger);
        rollup.proveFraud(fp);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool seen;
        uint256 reverted;
        for (uint256 i = 0; i < logs.length; ++i) {
            if (logs[i].topics[0] == Rollup.BatchesReverted.selector) {
                ++reverted;
                assertEq(uint256(logs[i].topics[1]), fp.batchIndex, "BatchesReverted firstIndex");
                assertEq(abi.decode(logs[i].data, (uint256)), countBefore - fp.batchIndex, "BatchesReverted count");
            }
            if (logs[i].topics[0] == Rollup.FraudProven.selector) {
                (uint256 chunkIndex, Verdict v, uint256 ri) = abi.decode(logs[i].data, (uint256, Verdict, uint256));
                assertEq(uint256(v), uint256(verdict), "verdict");
                assertEq(ri, recordIndex, "record index");
                assertEq(chunkIndex, fp.chunkIndex, "chunk index");
                seen = true;
            }
        }
        assertTrue(seen, "FraudProven emitted");
        assertEq(reverted, 1, "one BatchesReverted event");
        assertEq(rollup.lastBatchAt(), block.timestamp, "a fraud proof restarts lastBatchAt");
        assertEq(rollup.batchCount(), fp.batchIndex, "batches from b on removed");
        assertEq(rollup.stateRoot(), fp.header.prevStateRoot, "state root rolled back");
        assertEq(rollup.depositsProcessed(), fp.header.depositStart, "deposits re-queued");
        assertEq(_bond(fp.header.proposer), 0, "bond slashed");
        assertEq(challenger.balance - challengerBefore, bondBefore / 2, "half to the challenger");
    }

    function _bond(address p) internal view returns (uint256 b) {
        (b,,) = rollup.proposers(p);
    }
}
