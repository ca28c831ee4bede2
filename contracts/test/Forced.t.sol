// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RollupFixture} from "./utils/RollupFixture.sol";
import {Vm} from "./utils/Test.sol";
import {Rollup} from "../src/Rollup.sol";
import {Record, RecordCodec} from "../src/lib/RecordCodec.sol";
import {Replay} from "../src/lib/Replay.sol";
import {Stf, Verdict} from "../src/lib/Stf.sol";
import {RECORDS_PER_CHUNK, MAX_DEPOSITS_PER_BATCH} from "../src/lib/Params.sol";
import {RecordEncoder} from "./utils/RecordEncoder.sol";

/// Forced transactions (docs/PROTOCOL.md §4.5): a user queues a signed L2 transaction on L1; the
/// proposer must apply it or, if it is invalid then, skip it. Each test performs an attack on that
/// (censoring, skipping a valid one, applying an invalid one, passing one entry off as another,
/// lying in a fraud proof) and shows it failing.
contract ForcedTest is RollupFixture {
    uint256 internal constant N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141;
    address internal constant W = Stf.WITHDRAWAL_ADDRESS;
    string internal constant FORCED_TUPLE =
        "(bool,uint8,address,uint256,uint256,uint256,uint256,uint256,uint256,bytes32,bytes32)";

    /// Batch 0: deposits create accounts 1 (key 0, 50 ether), 2 (key 1, 30 ether) and 3 (key 2,
    /// 10 ether, the tests' filler sender); account 1 sends a transfer, so its nonce is 1.
    function _fund() internal returns (uint256 b) {
        l1Deposit(addrOfKey(0), 50 ether);
        l1Deposit(addrOfKey(1), 30 ether);
        l1Deposit(addrOfKey(2), 10 ether);
        addValid(depositRec(0, true, 0));
        addValid(depositRec(1, true, 0));
        addValid(depositRec(2, true, 0));
        addValid(transferRec(0, 1, 2, 1 ether, true));
        (b,) = submit();
    }

    /// A valid transfer by account 3 (key 2), for filling batches.
    function _filler(uint256 to) internal view returns (Record memory) {
        return transferRec(2, 3, to, 0.01 ether, true);
    }

    /// Submits `records` (encoded directly: the contract does not execute them on submission),
    /// one chunk of them, and expects the revert `err`.
    function _refused(bytes memory records, bytes memory err) internal {
        _refused(records, 1, err);
    }

    function _refused(bytes memory records, uint256 n, bytes memory err) internal {
        bytes32[] memory roots = placeholderRoots(n, "refused");
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(err);
        rollup.submitBatch(prev, records, roots);
    }

    /// No chunk of batch `b` (the model's last batch) can be proven fraudulent.
    function _noFraud(uint256 b) internal {
        for (uint256 c = 0; c < model.chunkCount(); ++c) {
            Rollup.FraudProof memory fp = fraudProof(b, c);
            vm.expectRevert(Rollup.NoFraud.selector);
            rollup.proveFraud(fp);
        }
    }

    function _expectBadWitness(Rollup.FraudProof memory fp) internal {
        vm.expectRevert(Replay.BadWitness.selector);
        rollup.proveFraud(fp);
    }

    // ---- forceTransaction (§4.5, §5) ----

    /// The entry, its event and its queue word, exactly as the C++ side decodes them.
    function test_forceTransactionQueuesAnEntry() public {
        _fund();
        vm.warp(T0 + 5);
        Rollup.ForcedTransaction memory t = forcedTx(0, addrOfKey(1), 1.5 ether, 1, true);
        uint256 i = rollup.depositCount();
        bytes32 prev = rollup.depositHash(i - 1);
        vm.recordLogs();
        vm.prank(address(0xF0CE)); // anyone may queue it: the signature says whose it is
        rollup.forceTransaction(t);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        assertEq(
            Rollup.forceTransaction.selector,
            bytes4(keccak256(bytes(string.concat("forceTransaction(", FORCED_TUPLE, ")")))),
            "forceTransaction selector"
        );
        assertEq(logs.length, 1, "one event");
        assertEq(
            logs[0].topics[0],
            keccak256(bytes(string.concat("TransactionForced(uint256,bytes32,", FORCED_TUPLE, ",uint64)"))),
            "TransactionForced signature"
        );
        bytes32 forcedHash = keccak256(abi.encode(t));
        assertEq(uint256(logs[0].topics[1]), i, "index");
        assertEq(logs[0].topics[2], forcedHash, "forcedHash");
        assertEq(logs[0].data.length, 12 * 32, "the tuple's 11 words inline, then the timestamp");
        assertEq(logs[0].data, abi.encode(t, uint64(T0 + 5)), "data");

        assertEq(rollup.depositCount(), i + 1, "one more queue entry");
        bytes32 word = (keccak256(abi.encodePacked(prev, forcedHash, uint64(T0 + 5))) & ~bytes32(uint256(0xffffffff)))
            | bytes32(uint256(uint32(T0 + 5)));
        assertEq(rollup.depositHash(i), word, "queue word: forced chain hash, low 4 bytes the time");
        assertEq(rollup.escapeAvailableAt(), T0 + 5 + ESCAPE, "a waiting entry");

        // Nothing is paid with it.
        vm.deal(address(this), 1);
        (bool ok,) = address(rollup).call{value: 1}(abi.encodeCall(Rollup.forceTransaction, (t)));
        assertTrue(!ok, "not payable");
    }

    /// (g) Only entries a record can carry are queued; nothing is queued while frozen.
    function test_forceTransactionRefusesUnrepresentableEntriesAndFrozen() public {
        _fund();
        bytes memory err = abi.encodeWithSelector(Rollup.UnrepresentableForcedTransaction.selector);
        Rollup.ForcedTransaction memory t = forcedTx(0, addrOfKey(1), 1 ether, 1, false);
        t.yParity = 2;
        vm.expectRevert(err);
        rollup.forceTransaction(t);
        t = forcedTx(0, addrOfKey(1), 1 ether, 1, false);
        t.maxFeePerGas = 1; // legacy with an EIP-1559 fee
        vm.expectRevert(err);
        rollup.forceTransaction(t);
        t = forcedTx(0, addrOfKey(1), 1 ether, 1, false);
        t.maxPriorityFeePerGas = 1;
        vm.expectRevert(err);
        rollup.forceTransaction(t);
        t = forcedTx(0, addrOfKey(1), 1 ether, 1, true);
        t.gasPrice = 1; // EIP-1559 with a legacy gas price
        vm.expectRevert(err);
        rollup.forceTransaction(t);
        assertEq(rollup.depositCount(), 3, "nothing queued");

        // An invalid but representable transaction is queued (its fate is decided on L2).
        t = forcedTx(5, addrOfKey(1), 1000 ether, 77, true);
        l1Force(t);
        vm.warp(rollup.escapeAvailableAt());
        assertTrue(rollup.frozen(), "frozen");
        vm.expectRevert(Rollup.Frozen.selector);
        rollup.forceTransaction(t);
    }

    // ---- (a) censorship ----

    /// A proposer that leaves a forced entry out has its batches refused once the entry is
    /// DEPOSIT_DELAY old; the batch that applies it is accepted, with the transaction's effects.
    function test_censoringAForcedTransactionMakesBatchesOverdue() public {
        _fund();
        uint64 at = uint64(block.timestamp);
        uint256 qi = l1Force(forcedTx(0, addrOfKey(1), 2 ether, 1, true));

        // Young: a batch may leave it queued.
        addValid(_filler(1));
        submit();
        assertEq(rollup.depositsProcessed(), qi, "still queued");

        vm.warp(at + DELAY);
        bytes memory transfer = RecordEncoder.encode(_filler(2));
        _refused(transfer, abi.encodeWithSelector(Rollup.OverdueDeposit.selector, qi, at));

        uint256 bal1 = model.balanceOf(1);
        uint256 bal2 = model.balanceOf(2);
        uint256 fees = model.balanceOf(0);
        addValid(_filler(2));
        addValid(forcedRec(qi, 1, 2));
        (uint256 b,) = submit();
        assertEq(rollup.depositsProcessed(), qi + 1, "taken");
        // EIP-1559, priority fee 0: the fee is TRANSFER_GAS * L2_BASE_FEE.
        uint256 fee = 21000 * BASE_FEE;
        assertEq(model.balanceOf(1), bal1 - 2 ether - fee, "sender debited value + fee");
        assertEq(model.nonceOf(1), 2, "sender nonce");
        assertEq(model.balanceOf(2), bal2 + 2 ether + 0.01 ether, "recipient credited");
        assertEq(model.balanceOf(0), fees + 2 * fee, "the forced transaction pays its fee");
        assertEq(rollup.stateRoot(), model.stateRoot(), "state root");
        assertEq(rollup.escapeAvailableAt(), 0, "queue empty");
        _noFraud(b);
    }

    /// Applied records of every kind and type, a skipped one and deposits, interleaved with
    /// ordinary transfers over two chunks: an honest batch, no chunk of which can be proven.
    function test_forcedRecordsOfEveryKindInAnHonestBatch() public {
        _fund();
        uint256 q0 = l1Force(forcedTx(0, addrOfKey(1), 1 ether, 1, true)); // kind 0
        Rollup.ForcedTransaction memory t = forcedTx(1, addrOfKey(1), 0.5 ether, 0, false);
        t.gasLimit = 50000;
        signForced(t, 1);
        uint256 q1 = l1Force(t); // kind 0 to itself, legacy, explicit gas limit
        uint256 q2 = l1Force(forcedTx(1, address(0xBEEF), 0.25 ether, 1, false)); // kind 1
        uint256 q3 = l1Deposit(addrOfKey(0), 1 ether);
        uint256 q4 = l1Force(forcedTx(0, W, 2 ether, 2, true)); // kind 2
        uint256 q5 = l1Force(forcedTx(0, W, 100 ether, 3, true)); // overdraft: skipped, no withdrawal
        uint256 q6 = l1Force(forcedTx(0, addrOfKey(1), 1 ether, 3, false)); // gas limit written out

        for (uint256 i = 0; i < RECORDS_PER_CHUNK - 3; ++i) {
            addValid(_filler(1 + i % 2));
        }
        addValid(forcedRec(q0, 1, 2));
        addValid(forcedRec(q1, 2, 2));
        addValid(forcedRec(q2, 2, NEW_ACCOUNT));
        addValid(_filler(2)); // chunk 1 starts here
        addValid(depositRec(q3, false, 1));
        addValid(forcedRec(q4, 1, 0));
        addValid(skippedRec(q5));
        Record memory r = forcedRec(q6, 1, 2);
        r.bit4 = false; // 21000 written out: the same tuple
        addValid(r);
        addValid(_filler(1));
        (uint256 b, Rollup.BatchHeader memory h) = submit();

        assertEq(h.depositEnd, q6 + 1, "every entry taken");
        assertEq(h.withdrawalRoot, RecordCodec.withdrawalLeaf(addrOfKey(0), 2 ether), "the forced withdrawal's leaf");
        assertEq(model.addrOf(4), address(0xBEEF), "new account");
        assertEq(model.balanceOf(4), 0.25 ether, "its balance");
        assertEq(model.nonceOf(1), 4, "account 1 sent three (the overdraft was skipped)");
        assertEq(model.nonceOf(2), 2, "account 2 sent two");
        _noFraud(b);
    }

    // ---- (b) skipping an invalid forced transaction ----

    /// Stale nonce, a signer without an account, a high s and an overdraft are skipped; the batch
    /// is honest, and a challenger contesting any of the skips only has its call reverted.
    function test_invalidForcedTransactionsSkippedAndContestingFails() public {
        _fund();
        uint256[] memory qs = new uint256[](4);
        qs[0] = l1Force(forcedTx(0, addrOfKey(1), 1 ether, 0, true)); // account 1 is at nonce 1
        qs[1] = l1Force(forcedTx(7, addrOfKey(1), 1 ether, 1, true)); // key 7 owns no account
        Rollup.ForcedTransaction memory t = forcedTx(0, addrOfKey(1), 1 ether, 1, true);
        (t.s, t.yParity) = (bytes32(N - uint256(t.s)), 1 - t.yParity); // same key, high s (EIP-2)
        qs[2] = l1Force(t);
        qs[3] = l1Force(forcedTx(0, addrOfKey(1), 50 ether, 1, false)); // more than the balance
        for (uint256 j = 0; j < qs.length; ++j) {
            addValid(skippedRec(qs[j]));
        }
        (uint256 b, Rollup.BatchHeader memory h) = submit();
        assertEq(h.depositEnd, qs[3] + 1, "skipped entries are taken");
        assertEq(h.withdrawalRoot, bytes32(0), "no effect");
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        assertEq(fp.witness, hex"ffffffffffffffffffffffffffffffff", "four uncontested claims");
        assertEq(fp.postRoot, fp.preRoot, "nothing changed");
        _noFraud(b);

        // Contest each skip with the signer's account (key 0's, index 1): every claim fails.
        for (uint256 j = 0; j < qs.length; ++j) {
            fp = fraudProof(b, 0);
            fp.witness = bytes.concat(_uncontested(j), model.claim(1));
            _expectBadWitness(fp);
        }
        // A claim of an index beyond the accounts, or of a made-up balance, fails too.
        fp.witness = bytes.concat(_uncontested(3), model.claim(model.count()));
        _expectBadWitness(fp);
        bytes memory c = model.claim(1);
        c[4 + 20] = 0x7f; // a balance that would cover the overdraft
        fp.witness = bytes.concat(_uncontested(3), c);
        _expectBadWitness(fp);
        assertEq(rollup.batchCount(), b + 1, "the batch stands");
    }

    function _uncontested(uint256 n) internal pure returns (bytes memory w) {
        for (uint256 i = 0; i < n; ++i) {
            w = bytes.concat(w, bytes4(type(uint32).max));
        }
    }

    // ---- (c) skipping a valid forced transaction ----

    /// A valid forced transaction skipped is WrongSkip: the bond is slashed, the batch removed,
    /// and the entry is queued again, where the inclusion rule applies to it.
    function test_wrongSkipIsProvenAndTheEntryIsQueuedAgain() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, addrOfKey(1), 2 ether, 1, false));
        uint64 at = uint64(block.timestamp);
        assertEq(uint256(add(skippedRec(qi))), uint256(Verdict.WrongSkip), "model verdict");
        (uint256 b, Rollup.BatchHeader memory h) = submit();
        assertEq(h.depositEnd, qi + 1, "the skip took the entry");

        // Claiming an account that is not the signer's is the challenger's mistake.
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        fp.witness = model.claim(2);
        _expectBadWitness(fp);
        expectFraud(fraudProof(b, 0), Verdict.WrongSkip, 0);
        assertEq(rollup.depositsProcessed(), qi, "the entry is queued again");

        vm.prank(proposer);
        rollup.bond{value: BOND}();
        vm.warp(at + DELAY);
        _refused(RecordEncoder.encode(_filler(2)), abi.encodeWithSelector(Rollup.OverdueDeposit.selector, qi, at));
        addValid(forcedRec(qi, 1, 2));
        (b,) = submit();
        assertEq(rollup.depositsProcessed(), qi + 1, "applied");
        _noFraud(b);
    }

    /// The same for a withdrawal after other records: the verdict names the skipped record.
    function test_wrongSkipOfAWithdrawalAfterOtherRecords() public {
        _fund();
        l1Deposit(addrOfKey(1), 1 ether);
        uint256 qi = l1Force(forcedTx(0, W, 2 ether, 1, true));
        addValid(_filler(1));
        addValid(depositRec(qi - 1, false, 2));
        assertEq(uint256(add(skippedRec(qi))), uint256(Verdict.WrongSkip), "model verdict");
        (uint256 b,) = submit();
        expectFraud(fraudProof(b, 0), Verdict.WrongSkip, 2);
        assertEq(rollup.depositsProcessed(), qi - 1, "both entries queued again");
    }

    // ---- (d) applying an invalid forced transaction ----

    /// Adds the applied forced record `r` after a filler record; proves `verdict` at it.
    function _proveApplied(Record memory r, Verdict verdict) internal {
        addValid(_filler(2));
        assertEq(uint256(add(r)), uint256(verdict), "model verdict");
        (uint256 b,) = submit();
        expectFraud(fraudProof(b, 0), verdict, 1);
    }

    function test_appliedForcedTransactionWithStaleNonce() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, addrOfKey(1), 1 ether, 0, true));
        _proveApplied(forcedRec(qi, 1, 2), Verdict.BadNonce);
    }

    function test_appliedForcedTransactionOfAnotherKey() public {
        _fund();
        uint256 qi = l1Force(forcedTx(1, addrOfKey(1), 1 ether, 1, true)); // key 1 does not own account 1
        _proveApplied(forcedRec(qi, 1, 2), Verdict.BadSignature);
    }

    function test_appliedForcedTransactionBelowTheBaseFee() public {
        _fund();
        Rollup.ForcedTransaction memory t = forcedTx(0, address(0xBEEF), 1 ether, 1, false);
        t.gasPrice = BASE_FEE - 1;
        signForced(t, 0);
        uint256 qi = l1Force(t);
        _proveApplied(forcedRec(qi, 1, NEW_ACCOUNT), Verdict.BadFee);
    }

    function test_appliedForcedWithdrawalOverdraft() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, W, 60 ether, 1, true));
        _proveApplied(forcedRec(qi, 1, 0), Verdict.Overdraft);
    }

    /// The L1 recipient is not part of the queue entry (the sender is), so a proposer can write
    /// another one and still match the queue; the fraud proof catches it (rule 7).
    function test_appliedForcedWithdrawalToAnotherL1Recipient() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, W, 1 ether, 1, true));
        Record memory r = forcedRec(qi, 1, 0);
        r.addr = proposer;
        _proveApplied(r, Verdict.BadWithdrawal);
    }

    // ---- (e) a forced transfer booked to an account of another address ----

    /// The entry names 0xBEEF; the proposer credits account 2 (key 1's) instead: UnknownAccount.
    function test_forcedTransferToAnAccountWithAnotherAddress() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, address(0xBEEF), 1 ether, 1, true));
        _proveApplied(forcedRec(qi, 1, 2), Verdict.UnknownAccount);
    }

    /// The same with the sender's own account as the recipient (no recipient entry is read).
    function test_forcedTransferBookedAsASelfTransfer() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, address(0xBEEF), 1 ether, 1, true));
        _proveApplied(forcedRec(qi, 1, 1), Verdict.UnknownAccount);
    }

    /// A challenger cannot make an honest forced transfer look misbooked: the recipient's
    /// address it shows is checked against the tree.
    function test_lyingAboutTheRecipientAddressIsABadWitness() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, addrOfKey(1), 1 ether, 1, true));
        Record memory r = forcedRec(qi, 1, 2);
        addValid(r);
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        bytes memory w = fp.witness;
        uint256 senderLen = 60 + 4 + 32 * _popcount(uint32(bytes4(_slice4(w, 60))));
        w[senderLen] = bytes1(uint8(w[senderLen]) ^ 1); // the recipient's address
        fp.witness = w;
        _expectBadWitness(fp);
        _noFraud(b);
    }

    // ---- (f) passing one queue entry off as another ----

    function test_queueRecordsMustMatchTheirEntries() public {
        _fund(); // entries 0-2
        uint256 d = l1Deposit(addrOfKey(1), 1 ether); // 3
        Rollup.ForcedTransaction memory t = forcedTx(0, addrOfKey(1), 1 ether, 1, true);
        uint256 f = l1Force(t); // 4
        bytes memory dep = RecordEncoder.encode(depositRec(d, false, 2));
        Record memory fr = forcedRec(f, 1, 2);
        bytes memory forced = RecordEncoder.encode(fr);
        bytes memory mismatch = abi.encodeWithSelector(Rollup.DepositMismatch.selector, f + 1);

        // The forced entry written as a deposit of its value to its recipient, at its time.
        Record memory asDeposit = depositRec(d, false, 2);
        asDeposit.value = t.value;
        asDeposit.timestamp = queue[f].timestamp;
        _refused(bytes.concat(dep, RecordEncoder.encode(asDeposit)), mismatch);
        // The deposit written as a forced transaction (one that sends its amount to its address).
        Record memory asForced = forcedRec(f, 1, 2);
        (asForced.value, asForced.timestamp) = (queue[d].amount, queue[d].timestamp);
        _refused(bytes.concat(RecordEncoder.encode(asForced), forced), mismatch);
        // Out of queue order.
        _refused(bytes.concat(forced, dep), mismatch);
        // The forced record with a field changed.
        for (uint256 k = 0; k < 8; ++k) {
            Record memory x = forcedRec(f, 1, 2);
            if (k == 0) x.value += 1;
            else if (k == 1) x.nonce += 1;
            else if (k == 2) x.fee2 += 1;
            else if (k == 3) x.addr = address(0xBEEF);
            else if (k == 4) x.parity ^= 1;
            else if (k == 5) (x.bit4, x.gasLimit) = (false, 21001);
            else if (k == 6) x.timestamp += 1;
            else x.r = bytes32(uint256(x.r) ^ 1);
            _refused(bytes.concat(dep, RecordEncoder.encode(x)), mismatch);
        }
        // Both as they are.
        addValid(depositRec(d, false, 2));
        addValid(fr);
        (uint256 b,) = submit();
        assertEq(rollup.depositsProcessed(), f + 1, "accepted");
        _noFraud(b);
    }

    /// Forced records, applied or skipped, count against MAX_DEPOSITS_PER_BATCH like deposits, and
    /// cannot take entries beyond the queue.
    function test_forcedRecordsCountAsQueueEntries() public {
        _fund(); // entries 0-2
        Rollup.ForcedTransaction memory t = forcedTx(0, addrOfKey(1), 1 ether, 9, true); // a future nonce
        uint256 max = MAX_DEPOSITS_PER_BATCH;
        for (uint256 i = 0; i <= max; ++i) {
            l1Force(t);
        }
        // Every entry was queued at the same time with the same tuple: one record fits all.
        bytes memory rec = RecordEncoder.encode(skippedRec(3));
        bytes memory recs = new bytes(rec.length * (max + 2));
        uint256 len;
        for (uint256 i = 0; i < max + 2; ++i) {
            len = appendBytes(recs, len, rec);
        }
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositsBeyondQueue.selector, 3 + max + 2, 3 + max + 1));
        rollup.submitBatch(prev, recs, placeholderRoots(max + 2, "beyond"));
        assembly {
            mstore(recs, sub(len, mload(rec)))
        }
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.TooManyDeposits.selector, max + 1, max));
        rollup.submitBatch(prev, recs, placeholderRoots(max + 1, "too many"));
        assembly {
            mstore(recs, sub(mload(recs), mload(rec)))
        }
        submitRaw(prev, recs, placeholderRoots(max, "max"));
        assertEq(rollup.depositsProcessed(), 3 + max, "MAX_DEPOSITS_PER_BATCH taken");
    }

    // ---- (h) the escape hatch ----

    /// A waiting forced entry starts the escape clock like a deposit; it carries no value, so no
    /// refund preimage matches it, while a deposit queued after it is refundable.
    function test_waitingForcedEntryStartsTheEscapeClock() public {
        _fund(); // lastBatchAt = T0
        vm.warp(T0 + 100);
        uint256 qi = l1Force(forcedTx(0, addrOfKey(1), 1 ether, 1, true));
        uint256 qd = l1Deposit(addrOfKey(3), 1 ether);
        assertEq(rollup.escapeAvailableAt(), T0 + 100 + ESCAPE, "the forced entry is the oldest waiting");
        vm.warp(T0 + 100 + ESCAPE - 1);
        assertTrue(!rollup.frozen(), "not yet");
        vm.warp(T0 + 100 + ESCAPE);
        assertTrue(rollup.frozen(), "frozen");

        Rollup.ForcedTransaction memory t = forcedTxs[qi];
        uint64 ts = queue[qi].timestamp;
        bytes memory bad = abi.encodeWithSelector(Rollup.BadDepositPreimage.selector, qi);
        vm.expectRevert(bad);
        rollup.refundDeposit(qi, t.to, t.value, ts);
        vm.expectRevert(bad);
        rollup.refundDeposit(qi, address(0), 0, ts);
        vm.expectRevert(bad);
        rollup.refundDeposit(qi, address(uint160(uint256(keccak256(abi.encode(t))))), 0, ts);
        rollup.refundDeposit(qd, addrOfKey(3), 1 ether, queue[qd].timestamp);
        assertEq(addrOfKey(3).balance, 1 ether, "the deposit after it is refunded");
    }

    // ---- (i) a forced withdrawal is paid ----

    function test_forcedWithdrawalIsPaidAfterTheWindow() public {
        _fund();
        uint256 qi = l1Force(forcedTx(0, W, 3 ether, 1, false));
        addValid(forcedRec(qi, 1, 0));
        (uint256 b, Rollup.BatchHeader memory h) = submit();
        address to = addrOfKey(0);
        assertEq(h.withdrawalRoot, RecordCodec.withdrawalLeaf(to, 3 ether), "its leaf");
        _noFraud(b);
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotFinal.selector, b, h.submittedAt + PERIOD));
        rollup.finalizeWithdrawal(h, b, 0, to, 3 ether, new bytes32[](0));
        vm.warp(h.submittedAt + PERIOD);
        rollup.finalizeWithdrawal(h, b, 0, to, 3 ether, new bytes32[](0));
        assertEq(to.balance, 3 ether, "paid to the sender's L1 address");
    }

    /// Honest batches with random forced entries (applied of every kind, and invalid ones skipped)
    /// among ordinary records: never provable.
    function testFuzz_honestBatchWithForcedEntriesIsNeverFraud(uint256 seed) public {
        _fund();
        uint256 n = 1 + seed % (2 * RECORDS_PER_CHUNK + 3);
        uint256 accounts = 4;
        for (uint256 i = 0; i < n; ++i) {
            uint256 rnd = uint256(keccak256(abi.encode(seed, i)));
            uint256 k = rnd % 2; // key 0 owns account 1, key 1 account 2
            uint256 from = k + 1;
            bool eip = (rnd >> 8) % 2 == 0;
            uint256 value = ((rnd >> 16) % 1000) * 1e12 + (rnd >> 40) % 3;
            uint256 op = (rnd >> 64) % 5;
            if (op == 0) {
                addValid(_filler(1 + (rnd >> 72) % 3));
                continue;
            }
            address to;
            uint256 toIdx;
            if (op == 1 || op == 4) {
                toIdx = (rnd >> 72) % accounts;
                to = model.addrOf(toIdx);
            } else if (op == 2) {
                toIdx = NEW_ACCOUNT;
                to = address(uint160(rnd >> 80));
                ++accounts;
            } else {
                to = W;
            }
            // op 4: invalid (a future nonce), skipped
            uint256 nonce = model.nonceOf(from) + (op == 4 ? 1 : 0);
            Rollup.ForcedTransaction memory t = forcedTx(k, to, value, nonce, eip);
            if ((rnd >> 160) % 3 == 0) {
                t.gasLimit = 21000 + (rnd >> 170) % 100000;
                signForced(t, k);
            }
            uint256 qi = l1Force(t);
            addValid(op == 4 ? skippedRec(qi) : forcedRec(qi, from, toIdx));
        }
        (uint256 b,) = submit();
        _noFraud(b);
    }

    function _slice4(bytes memory b, uint256 off) private pure returns (bytes4 out) {
        assembly {
            out := mload(add(add(b, 0x20), off))
        }
    }

    function _popcount(uint32 x) private pure returns (uint256 c) {
        for (; x != 0; x &= x - 1) ++c;
    }
}
