// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RollupFixture} from "./utils/RollupFixture.sol";
import {Vm} from "./utils/Test.sol";
import {Rollup} from "../src/Rollup.sol";
import {Record} from "../src/lib/RecordCodec.sol";
import {RecordEncoder} from "./utils/RecordEncoder.sol";
import {RECORDS_PER_CHUNK, MAX_RECORDS_PER_BATCH, MAX_DEPOSITS_PER_BATCH} from "../src/lib/Params.sol";

/// The gas bounds of docs/PROTOCOL.md §1: the largest legal batch against EIP-7825's cap of 2^24
/// gas per transaction, with EIP-7623's calldata floor (Prague on).
contract LimitsTest is RollupFixture {
    uint256 internal constant TX_GAS_CAP = 1 << 24;
    // Deposit amounts with an 11-byte mantissa (≈ 1.2e26 wei, the whole ETH supply).
    uint256 internal constant BIG = 123456789012345678901234567;

    struct Cost {
        uint256 execution; // the Rollup's frame
        uint256 zeros;
        uint256 nonZeros;
        uint256 standard; // 21000 + 4 / 16 per zero / non-zero byte + execution (Cancun)
        uint256 floor; // 21000 + 10 * tokens, tokens = zeros + 4 * nonZeros (EIP-7623)
    }

    /// Account 1 (key 0) and MAX_DEPOSITS_PER_BATCH queued deposits of BIG-sized amounts; returns
    /// their records.
    function _prepare() internal returns (bytes memory) {
        _account1();
        for (uint256 i = 0; i < MAX_DEPOSITS_PER_BATCH; ++i) {
            l1Deposit(addrOfKey(0), BIG + 10 * i);
        }
        return depositRecords(1, MAX_DEPOSITS_PER_BATCH, 1);
    }

    function _account1() internal {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        submit();
    }

    /// Account 1 (key 0) and MAX_DEPOSITS_PER_BATCH queued forced transactions; returns their
    /// records. Each is a forced kind 0 record, the longest body (`to[4]` and `toAddress[20]`),
    /// with the fields of `_fatWithdrawal`: applied, as long as a valid transaction makes them; or,
    /// with `longest`, the longest encodings in every field, which the user who queues an entry is
    /// free to choose (such a transaction is invalid, but its entry must still be taken: skipped).
    function _prepareForced(bool longest) internal returns (bytes memory recs) {
        _account1();
        recs = new bytes(MAX_DEPOSITS_PER_BATCH * 270);
        uint256 len;
        for (uint256 i = 0; i < MAX_DEPOSITS_PER_BATCH; ++i) {
            Record memory f = _fatFields(i, longest);
            Rollup.ForcedTransaction memory t;
            (t.eip1559, t.yParity, t.to, t.nonce, t.value) = (true, uint8(f.parity), addrOfKey(1), f.nonce, f.value);
            (t.maxPriorityFeePerGas, t.maxFeePerGas, t.gasLimit, t.r, t.s) = (f.fee1, f.fee2, f.gasLimit, f.r, f.s);
            uint256 qi = l1Force(t);
            Record memory r = longest ? skippedRec(qi) : forcedRec(qi, 1, 1);
            r.kind = 0; // a skip too: kind 0 is 4 bytes longer than the kind 1 skippedRec writes
            len = appendBytes(recs, len, RecordEncoder.encode(r));
        }
        assembly {
            mstore(recs, len)
        }
    }

    /// A withdrawal record whose every field is as long as in a valid transaction it can be: nonce
    /// 2^64 - 2 (8 bytes), value and priority fee bounded by the ETH supply (11 and 10 bytes),
    /// maxFeePerGas and gasLimit unbounded by the rules (32 bytes each: 2^256 - 1 is valid).
    /// Or, with `longest`, the longest encoding the decoder accepts in every field (257 bytes).
    function _fatWithdrawal(uint256 i, bool longest) internal pure returns (bytes memory) {
        Record memory r = _fatFields(i, longest);
        r.kind = 2;
        r.from = 1;
        r.addr = addrOfKey(0);
        return RecordEncoder.encode(r);
    }

    /// The signed fields of `_fatWithdrawal`.
    function _fatFields(uint256 i, bool longest) internal pure returns (Record memory r) {
        r.eip1559 = true;
        r.parity = i & 1;
        r.bit4 = false;
        r.nonce = longest ? type(uint256).max : type(uint64).max - 1;
        r.value = longest ? type(uint256).max : BIG;
        r.fee1 = longest ? type(uint256).max : 5_123_456_789_012_345_678_901;
        r.fee2 = type(uint256).max;
        r.gasLimit = type(uint256).max;
        r.r = keccak256(abi.encode("r", i));
        r.s = keccak256(abi.encode("s", i));
    }

    /// MAX_DEPOSITS_PER_BATCH queue records and MAX_RECORDS_PER_BATCH - MAX_DEPOSITS_PER_BATCH fat
    /// withdrawals (the dearest records to submit: decoded one by one, each a withdrawal leaf).
    function _largestBatch(bytes memory queueRecords, bool longest) internal pure returns (bytes memory recs) {
        recs = new bytes(queueRecords.length + (MAX_RECORDS_PER_BATCH - MAX_DEPOSITS_PER_BATCH) * 260);
        uint256 len = appendBytes(recs, 0, queueRecords);
        for (uint256 i = MAX_DEPOSITS_PER_BATCH; i < MAX_RECORDS_PER_BATCH; ++i) {
            len = appendBytes(recs, len, _fatWithdrawal(i, longest));
        }
        assembly {
            mstore(recs, len)
        }
    }

    function _submitCost(bytes memory recs, bytes32[] memory roots)
        internal
        returns (Cost memory c, Rollup.BatchHeader memory h)
    {
        bytes32 prev = rollup.stateRoot();
        vm.cool(address(rollup)); // cold storage, as in a transaction of its own
        vm.recordLogs();
        vm.prank(proposer, proposer);
        rollup.submitBatch(prev, recs, roots);
        c = _cost(abi.encodeCall(Rollup.submitBatch, (prev, recs, roots)));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        h = abi.decode(logs[logs.length - 1].data, (Rollup.BatchHeader));
    }

    /// The transaction gas of the test's last call, whose calldata was `data`.
    function _cost(bytes memory data) internal view returns (Cost memory c) {
        c.execution = vm.lastCallGas().gasTotalUsed;
        for (uint256 i = 0; i < data.length; ++i) {
            if (data[i] == 0) ++c.zeros;
            else ++c.nonZeros;
        }
        c.standard = 21000 + 4 * c.zeros + 16 * c.nonZeros + c.execution;
        c.floor = 21000 + 10 * (c.zeros + 4 * c.nonZeros);
    }

    function _log(string memory what, Cost memory c, uint256 recordBytes) internal {
        emit log_named_uint(string.concat(what, ": records bytes"), recordBytes);
        emit log_named_uint(string.concat(what, ": execution gas"), c.execution);
        emit log_named_uint(string.concat(what, ": Cancun gas (no floor)"), c.standard);
        emit log_named_uint(string.concat(what, ": EIP-7623 floor"), c.floor);
        emit log_named_uint(string.concat(what, ": Prague/Osaka gas"), c.standard > c.floor ? c.standard : c.floor);
    }

    /// The largest batch of valid-sized records the Rollup accepts fits one transaction on every
    /// fork from Cancun on, the calldata floor included.
    function test_largestLegalBatchFitsTheTransactionGasCap() public {
        bytes memory recs = _largestBatch(_prepare(), false);
        bytes32[] memory roots = placeholderRoots(MAX_RECORDS_PER_BATCH, "max");
        (Cost memory c, Rollup.BatchHeader memory h) = _submitCost(recs, roots);
        assertEq(h.recordCount, MAX_RECORDS_PER_BATCH, "MAX_RECORDS_PER_BATCH records");
        assertEq(h.depositEnd - h.depositStart, MAX_DEPOSITS_PER_BATCH, "MAX_DEPOSITS_PER_BATCH deposits");
        _log("largest valid batch", c, recs.length);
        assertTrue(c.standard < TX_GAS_CAP, "Cancun: below 2^24");
        assertTrue(c.floor < TX_GAS_CAP, "Prague/Osaka: the calldata floor below 2^24");
    }

    /// For the record: the longest encodings the decoder accepts in every field (values no valid
    /// transaction has) make a batch that is legal but does not fit a transaction from Prague on.
    /// It harms no one but its sender (it cannot be mined); an honest proposer never builds it.
    function test_longestEncodingsBatchGas() public {
        bytes memory recs = _largestBatch(_prepare(), true);
        (Cost memory c,) = _submitCost(recs, placeholderRoots(MAX_RECORDS_PER_BATCH, "max"));
        _log("longest encodings", c, recs.length);
        assertTrue(c.standard < TX_GAS_CAP, "Cancun: below 2^24");
    }

    /// The same with MAX_DEPOSITS_PER_BATCH forced records (applied, as long as valid
    /// transactions make them) as the queue records.
    function test_largestLegalBatchWithForcedRecordsFitsTheTransactionGasCap() public {
        bytes memory recs = _largestBatch(_prepareForced(false), false);
        bytes32[] memory roots = placeholderRoots(MAX_RECORDS_PER_BATCH, "max");
        (Cost memory c, Rollup.BatchHeader memory h) = _submitCost(recs, roots);
        assertEq(h.recordCount, MAX_RECORDS_PER_BATCH, "MAX_RECORDS_PER_BATCH records");
        assertEq(h.depositEnd - h.depositStart, MAX_DEPOSITS_PER_BATCH, "MAX_DEPOSITS_PER_BATCH forced records");
        _log("largest valid batch, forced records", c, recs.length);
        assertTrue(c.standard < TX_GAS_CAP, "Cancun: below 2^24");
        assertTrue(c.floor < TX_GAS_CAP, "Prague/Osaka: the calldata floor below 2^24");
    }

    /// Forced entries whose every field has the longest encoding (a user queues what it likes;
    /// the proposer must take it, skipped), with valid-sized withdrawals: what a proposer that
    /// fills a batch needs to send when the queue is flooded with such entries.
    function test_largestBatchWithLongestForcedEntriesFitsTheTransactionGasCap() public {
        bytes memory recs = _largestBatch(_prepareForced(true), false);
        bytes32[] memory roots = placeholderRoots(MAX_RECORDS_PER_BATCH, "max");
        (Cost memory c, Rollup.BatchHeader memory h) = _submitCost(recs, roots);
        assertEq(h.depositEnd - h.depositStart, MAX_DEPOSITS_PER_BATCH, "MAX_DEPOSITS_PER_BATCH forced records");
        _log("largest batch, longest forced entries skipped", c, recs.length);
        assertTrue(c.standard < TX_GAS_CAP, "Cancun: below 2^24");
        assertTrue(c.floor < TX_GAS_CAP, "Prague/Osaka: the calldata floor below 2^24");
    }

    /// Gas of queueing a forced transaction against a deposit (neither the queue's first entry), and
    /// of a batch that takes one of each, alone and emptying the queue: a deposit to an existing
    /// account, a typical EIP-1559 transfer to an existing account (forced: 28 bytes more).
    function test_forcedTransactionGas() public {
        _account1();
        vm.cool(address(rollup));
        uint256 d = l1Deposit(addrOfKey(0), 1 ether);
        _logL1("deposit", _cost(abi.encodeCall(Rollup.deposit, (addrOfKey(0)))));
        addValid(depositRec(d, false, 1));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        (Cost memory c,) = _submitCost(recs, roots);
        _log("batch of one deposit", c, recs.length);

        Rollup.ForcedTransaction memory t = forcedTx(0, proposer, 1.5 ether, 0, true);
        vm.cool(address(rollup));
        uint256 f = l1Force(t);
        _logL1("forceTransaction", _cost(abi.encodeCall(Rollup.forceTransaction, (t))));
        addValid(forcedRec(f, 1, 0));
        (recs, roots) = model.endBatch();
        (c,) = _submitCost(recs, roots);
        _log("batch of one forced transfer", c, recs.length);
    }

    function _logL1(string memory what, Cost memory c) internal {
        emit log_named_uint(string.concat(what, ": execution gas"), c.execution);
        emit log_named_uint(string.concat(what, ": Cancun gas (no floor)"), c.standard);
        emit log_named_uint(string.concat(what, ": Prague/Osaka gas"), c.standard > c.floor ? c.standard : c.floor);
    }

    function test_tooManyRecordsRefused() public {
        bytes memory rec = RecordEncoder.encode(transferRec(0, 0, 0, 0, true)); // any well-formed one
        uint256 n = MAX_RECORDS_PER_BATCH + 1;
        bytes memory recs = new bytes(n * rec.length);
        uint256 len;
        for (uint256 i = 0; i < n; ++i) {
            len = appendBytes(recs, len, rec);
        }
        bytes32[] memory roots = placeholderRoots(n, "too many");
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.TooManyRecords.selector, n, MAX_RECORDS_PER_BATCH));
        rollup.submitBatch(prev, recs, roots);
        // One fewer is fine.
        assembly {
            mstore(recs, sub(len, mload(rec)))
        }
        submitRaw(prev, recs, placeholderRoots(n - 1, "max"));
        assertEq(rollup.batchCount(), 1, "accepted");
    }
}
