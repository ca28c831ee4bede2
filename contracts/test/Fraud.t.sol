// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RollupFixture} from "./utils/RollupFixture.sol";
import {Vm} from "./utils/Test.sol";
import {Rollup} from "../src/Rollup.sol";
import {Record} from "../src/lib/RecordCodec.sol";
import {Replay} from "../src/lib/Replay.sol";
import {Stf, Verdict} from "../src/lib/Stf.sol";
import {RECORDS_PER_CHUNK} from "../src/lib/Params.sol";
import {RecordEncoder} from "./utils/RecordEncoder.sol";

contract FraudTest is RollupFixture {
    uint256 internal constant N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141;

    /// Batch 0: deposits create accounts 1 (key 0) and 2 (key 1).
    function _fund() internal returns (uint256 b) {
        l1Deposit(addrOfKey(0), 50 ether);
        l1Deposit(addrOfKey(1), 30 ether);
        addValid(depositRec(0, true, 0));
        addValid(depositRec(1, true, 0));
        (b,) = submit();
    }

    /// Fills the current batch with `n` valid transfers alternating between accounts 1 and 2.
    function _filler(uint256 n) internal {
        for (uint256 i = 0; i < n; ++i) {
            if (i % 2 == 0) addValid(transferRec(0, 1, 2, 0.01 ether, true));
            else addValid(transferRec(1, 2, 1, 0.01 ether, false));
        }
    }

    /// Funds accounts 1 and 2, then fills K + 3 valid records: the next record is position 3 of chunk 1.
    function _prep() internal {
        _fund();
        _filler(RECORDS_PER_CHUNK + 3);
    }

    /// Adds `bad` (built after `_prep`), one valid record after it, submits, and proves the verdict.
    function _proveBad(Record memory bad, Verdict verdict) internal {
        assertEq(uint256(add(bad)), uint256(verdict), "model verdict");
        addValid(transferRec(1, 2, 1, 0.01 ether, true));
        (uint256 b,) = submit();
        expectFraud(fraudProof(b, 1), verdict, 3);
    }

    function test_honestBatchCannotBeProvenFraudulent() public {
        _fund();
        addValid(transferRec(0, 1, 2, 1.5 ether, true));
        addValid(transferRec(1, 2, 1, 0.25 ether, false));
        addValid(transferRec(1, 2, 2, 0.25 ether, false)); // self-transfer
        addValid(newAccountRec(0, 1, address(0xBEEF), 1 ether, true));
        addValid(withdrawalRec(1, 2, addrOfKey(1), 2 ether, true));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        vm.expectRevert(Rollup.NoFraud.selector);
        rollup.proveFraud(fp);
    }

    function test_wrongStateRoot() public {
        _fund();
        _filler(RECORDS_PER_CHUNK + 5);
        model.endBatch();
        model.tamperChunkRoot(1, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        vm.expectRevert(Rollup.NoFraud.selector); // chunk 0 is honest
        rollup.proveFraud(fp);
        expectFraud(fraudProof(b, 1), Verdict.WrongStateRoot, 5);
    }

    function test_wrongStateRootInTheFirstBatchRevertsEveryLaterBatch() public {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        // Two more batches on top (the model moved on from the made-up root's real counterpart,
        // but the contract only chains claimed roots).
        model.beginBatch();
        l1Deposit(addrOfKey(1), 1 ether);
        addValid(depositRec(1, true, 0));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        rollup.submitBatch(prev, recs, roots);
        assertEq(rollup.batchCount(), 2, "two batches");
        expectFraud(fp, Verdict.WrongStateRoot, 1);
        assertEq(rollup.batchCount(), 0, "all reverted");
        assertEq(rollup.depositsProcessed(), 0, "both deposits queued again");
        assertEq(rollup.stateRoot(), rollup.genesisStateRoot(proposer), "back to genesis");
    }

    function test_unknownSender() public {
        _prep();
        _proveBad(transferRec(0, 7, 1, 1 ether, true), Verdict.UnknownAccount);
    }

    function test_unknownRecipient() public {
        _prep();
        _proveBad(transferRec(0, 1, 9, 1 ether, false), Verdict.UnknownAccount);
    }

    function test_depositToExistingAccountWithOtherAddress() public {
        _fund();
        l1Deposit(address(0xD00D), 1 ether);
        Verdict v = add(depositRec(2, false, 1)); // account 1 belongs to key 0, not 0xD00D
        assertEq(uint256(v), uint256(Verdict.UnknownAccount), "model verdict");
        (uint256 b,) = submit();
        expectFraud(fraudProof(b, 0), Verdict.UnknownAccount, 0);
    }

    function test_depositToUnknownIndex() public {
        _fund();
        l1Deposit(addrOfKey(0), 1 ether);
        assertEq(uint256(add(depositRec(2, false, 5))), uint256(Verdict.UnknownAccount), "model verdict");
        (uint256 b,) = submit();
        expectFraud(fraudProof(b, 0), Verdict.UnknownAccount, 0);
    }

    function test_badNonce() public {
        _prep();
        Record memory r = _signedBase(0, 1, 1 ether, true);
        r.to = 2;
        r.nonce += 1;
        sign(r, 0);
        _proveBad(r, Verdict.BadNonce);
    }

    function test_badSignatureWrongKey() public {
        _prep();
        _proveBad(transferRec(1, 1, 2, 1 ether, true), Verdict.BadSignature); // key 1 does not own account 1
    }

    function test_badSignatureWrongKeyNewAccount() public {
        _prep();
        _proveBad(newAccountRec(1, 1, address(0xBEEF), 1 ether, false), Verdict.BadSignature);
    }

    function test_badSignatureHighS() public {
        _prep();
        Record memory r = _signedBase(2, 1, 1 ether, false);
        r.addr = addrOfKey(0);
        sign(r, 0);
        // The same signature with s' = n - s (and the other parity) recovers the same key: EIP-2 forbids it.
        r.s = bytes32(N - uint256(r.s));
        r.parity ^= 1;
        assertEq(Stf.signer(r, Stf.WITHDRAWAL_ADDRESS, CHAIN_ID), address(0), "high s refused");
        _proveBad(r, Verdict.BadSignature);
    }

    function test_badFeeLegacyBelowBaseFee() public {
        _prep();
        Record memory r = _signedBase(0, 1, 1 ether, false);
        r.to = 2;
        r.fee1 = BASE_FEE - 1;
        sign(r, 0);
        _proveBad(r, Verdict.BadFee);
    }

    function test_badFeePriorityAboveMax() public {
        _prep();
        Record memory r = _signedBase(0, 1, 1 ether, true);
        r.to = 2;
        r.fee1 = 3 gwei;
        r.fee2 = 2 gwei;
        sign(r, 0);
        _proveBad(r, Verdict.BadFee);
    }

    function test_badFeeGasLimit() public {
        _prep();
        Record memory r = _signedBase(0, 1, 1 ether, true);
        r.to = 2;
        r.bit4 = false;
        r.gasLimit = 20999;
        sign(r, 0);
        _proveBad(r, Verdict.BadFee);
    }

    function test_overdraft() public {
        _prep();
        _proveBad(transferRec(0, 1, 2, 60 ether, true), Verdict.Overdraft);
    }

    function test_overdraftByTheFee() public {
        // value + fee exceeds the balance by one wei's worth of fee.
        _fund();
        uint256 bal = model.balanceOf(1);
        Record memory r = transferRec(0, 1, 2, bal - 21000 * 1 gwei + 1, false);
        assertEq(uint256(add(r)), uint256(Verdict.Overdraft), "model verdict");
        (uint256 b,) = submit();
        expectFraud(fraudProof(b, 0), Verdict.Overdraft, 0);
    }

    function test_badWithdrawalRecipient() public {
        _prep();
        _proveBad(withdrawalRec(0, 1, address(0xEE), 1 ether, true), Verdict.BadWithdrawal);
    }

    function test_badWithdrawalNewAccountAtWithdrawalAddress() public {
        _prep();
        _proveBad(newAccountRec(0, 1, Stf.WITHDRAWAL_ADDRESS, 1 ether, true), Verdict.BadWithdrawal);
    }

    /// Balances cannot overflow with real ETH; after an unchallenged fraudulent batch made one up,
    /// the next transfer that overflows a balance is itself provable.
    function test_overflow() public {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        model.forceAccount(2, addrOfKey(1), type(uint256).max - 0.1 ether, 0);
        submit();
        vm.warp(block.timestamp + PERIOD); // nobody challenged: final
        _proveBadNoFund(transferRec(0, 1, 2, 0.5 ether, true), Verdict.Overflow);
    }

    function _proveBadNoFund(Record memory bad, Verdict verdict) internal {
        assertEq(uint256(add(bad)), uint256(verdict), "model verdict");
        (uint256 b,) = submit();
        expectFraud(fraudProof(b, 0), verdict, 0);
    }

    function test_badWitnessReverts() public {
        _fund();
        addValid(transferRec(0, 1, 2, 1 ether, true));
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        bytes memory w = fp.witness;
        w[40] = bytes1(uint8(w[40]) ^ 1); // the sender's balance
        fp.witness = w;
        vm.expectRevert(Replay.BadWitness.selector);
        rollup.proveFraud(fp);
        // A lying recipient address (which would break the signature) is caught too.
        fp = fraudProof(b, 0);
        w = fp.witness;
        uint256 senderLen = 60 + 4 + 32 * _popcount(uint32(bytes4(_slice4(w, 60))));
        w[senderLen] = bytes1(uint8(w[senderLen]) ^ 1);
        fp.witness = w;
        vm.expectRevert(Replay.BadWitness.selector);
        rollup.proveFraud(fp);
        // Truncated.
        fp = fraudProof(b, 0);
        w = fp.witness;
        assembly {
            mstore(w, 100)
        }
        fp.witness = w;
        vm.expectRevert(Replay.BadWitness.selector);
        rollup.proveFraud(fp);
        // The honest witness proves it.
        expectFraud(fraudProof(b, 0), Verdict.WrongStateRoot, 1);
    }

    function test_fraudProofChecks() public {
        _fund();
        _filler(3);
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        fp.header.txRoot = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongBatchHeader.selector, b));
        rollup.proveFraud(fp);
        fp = fraudProof(b, 0);
        fp.batchIndex = 5;
        vm.expectRevert(abi.encodeWithSelector(Rollup.UnknownBatch.selector, 5, 2));
        rollup.proveFraud(fp);
        fp = fraudProof(b, 0);
        fp.postRoot = bytes32(uint256(1));
        vm.expectRevert(Rollup.BadChunkProof.selector);
        rollup.proveFraud(fp);
        fp = fraudProof(b, 0);
        fp.count += 1;
        vm.expectRevert(Rollup.BadPreState.selector);
        rollup.proveFraud(fp);
        fp = fraudProof(b, 0);
        vm.warp(fp.header.submittedAt + PERIOD);
        vm.expectRevert(abi.encodeWithSelector(Rollup.ChallengePeriodOver.selector, b, fp.header.submittedAt + PERIOD));
        rollup.proveFraud(fp);
    }

    function test_laterProposerKeepsItsBondAndIsRevertedToo() public {
        _fund();
        _filler(2);
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        address other = address(0x0123);
        vm.deal(other, 2 ether);
        vm.prank(other);
        rollup.bond{value: 2 ether}();
        l1Deposit(addrOfKey(1), 1 ether);
        // any well-formed records will do: the contract does not execute them on submission
        bytes memory rec = hex"13"; // deposit, new account
        rec = bytes.concat(rec, bytes20(addrOfKey(1)), hex"120101", bytes8(uint64(block.timestamp)));
        bytes32[] memory roots = new bytes32[](1);
        roots[0] = keccak256("whatever");
        bytes32 prev = rollup.stateRoot();
        vm.prank(other, other);
        rollup.submitBatch(prev, rec, roots);
        expectFraud(fp, Verdict.WrongStateRoot, 2);
        (uint256 otherBond,,) = rollup.proposers(other);
        assertEq(otherBond, 2 ether, "only batch b's proposer is slashed");
        assertEq(rollup.depositsProcessed(), 2, "deposits of the removed batches queued again");
    }

    /// Random honest batches (transfers, new accounts, withdrawals, deposits, both transaction
    /// types, explicit gas limits, several chunks): no chunk can be proven fraudulent.
    function testFuzz_honestBatchIsNeverFraud(uint256 seed) public {
        _fund();
        uint256 n = 1 + seed % (2 * RECORDS_PER_CHUNK + 5);
        uint256 accounts = 3; // 0 fee, 1 key 0, 2 key 1; new ones belong to no key
        for (uint256 i = 0; i < n; ++i) {
            uint256 rnd = uint256(keccak256(abi.encode(seed, i)));
            uint256 op = rnd % 6;
            uint256 k = (rnd >> 8) % 2;
            uint256 from = k + 1;
            uint256 value = ((rnd >> 16) % 1000) * 1e12 + (rnd >> 40) % 3;
            bool eip = (rnd >> 64) % 2 == 0;
            Record memory r;
            if (op <= 1) {
                r = _signedBase(0, from, value, eip);
                r.to = (rnd >> 72) % accounts;
            } else if (op == 2) {
                r = _signedBase(1, from, value, eip);
                r.addr = address(uint160(rnd >> 80));
                ++accounts;
            } else if (op == 3) {
                r = _signedBase(2, from, value, eip);
                r.addr = addrOfKey(k);
            } else {
                uint256 qi = l1Deposit(addrOfKey(k), value + MIN_DEPOSIT);
                bool fresh = op == 5;
                r = depositRec(qi, fresh, from);
                if (fresh) ++accounts;
                addValid(r);
                continue;
            }
            if ((rnd >> 96) % 3 == 0) {
                r.bit4 = false;
                r.gasLimit = 21000 + (rnd >> 100) % 100000;
            }
            if (!eip) r.fee1 = BASE_FEE + (rnd >> 120) % 1 gwei;
            else {
                r.fee2 = BASE_FEE + (rnd >> 120) % 3 gwei;
                r.fee1 = (rnd >> 160) % (r.fee2 + 1);
            }
            sign(r, k);
            addValid(r);
        }
        (uint256 b,) = submit();
        for (uint256 c = 0; c < model.chunkCount(); ++c) {
            Rollup.FraudProof memory fp = fraudProof(b, c);
            vm.expectRevert(Rollup.NoFraud.selector);
            rollup.proveFraud(fp);
        }
    }

    // ---- rule 7 for kind 0: no account at WITHDRAWAL_ADDRESS (§3) ----
    /// An account with address WITHDRAWAL_ADDRESS cannot be created any more (the Rollup refuses
    /// deposits to it, a new-account transfer to it is BadWithdrawal); here it exists after an
    /// unchallenged fraudulent batch. A user signs a withdrawal; the proposer books the very same
    /// signature as a kind-0 transfer to that account (the signed transaction is identical: `to`
    /// is WITHDRAWAL_ADDRESS). Rules 1-6 pass; rule 7 makes it BadWithdrawal.
    function test_badWithdrawalTransferToAccountAtWithdrawalAddress() public {
        vm.deal(address(this), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidDepositRecipient.selector, Stf.WITHDRAWAL_ADDRESS));
        rollup.deposit{value: 1 ether}(Stf.WITHDRAWAL_ADDRESS);

        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        model.forceAccount(2, Stf.WITHDRAWAL_ADDRESS, 0, 0); // the fabricated account
        submit();
        vm.warp(block.timestamp + PERIOD); // nobody challenged: final

        Record memory w = withdrawalRec(0, 1, addrOfKey(0), 0.5 ether, true); // what the user signed
        Record memory t = _signedBase(0, 1, 0.5 ether, true);
        t.to = 2;
        (t.parity, t.r, t.s) = (w.parity, w.r, w.s);
        assertEq(Stf.signer(t, model.addrOf(2), CHAIN_ID), addrOfKey(0), "the withdrawal's signature fits the transfer");
        _proveBadNoFund(t, Verdict.BadWithdrawal);
        assertEq(rollup.batchCount(), 1, "the booking batch is removed");
    }

    /// Rule 6 comes first: a transfer that would overflow that account's balance is Overflow.
    function test_overflowBeforeBadWithdrawalForKind0() public {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        model.forceAccount(2, Stf.WITHDRAWAL_ADDRESS, type(uint256).max - 0.1 ether, 0);
        submit();
        vm.warp(block.timestamp + PERIOD);
        _proveBadNoFund(transferRec(0, 1, 2, 0.5 ether, true), Verdict.Overflow);
    }

    // ---- §5.2: removing batches costs the same for any number of them ----
    /// One later (valid-looking) batch of `n` records encoded directly: the Rollup does not execute
    /// records on submission.
    function _laterBatches(uint256 count) internal {
        bytes memory rec = RecordEncoder.encode(transferRec(0, 1, 2, 1 gwei, true));
        for (uint256 i = 0; i < count; ++i) {
            submitRaw(rollup.stateRoot(), rec, placeholderRoots(1, string(abi.encode(i))));
        }
    }

    function _proofGas(Rollup.FraudProof memory fp) internal returns (uint256 used) {
        uint256 before = challenger.balance; // the payee warm in both runs
        vm.cool(address(rollup)); // cold storage in both runs, as in a transaction of its own
        vm.prank(challenger);
        rollup.proveFraud(fp);
        used = vm.lastCallGas().gasTotalUsed; // the Rollup's frame alone
        assertEq(challenger.balance - before, BOND / 2, "reward paid");
        assertEq(rollup.batchCount(), fp.batchIndex, "batches from b on removed");
    }

    function test_proveFraudGasIndependentOfLaterBatches() public {
        _fund();
        _filler(RECORDS_PER_CHUNK);
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        vm.deal(challenger, 1); // an existing account in both runs
        uint256 snap = vm.snapshotState();

        _laterBatches(1);
        assertEq(rollup.batchCount(), b + 2, "1 later batch");
        uint256 g1 = _proofGas(fp);
        vm.revertToState(snap);

        _laterBatches(300);
        assertEq(rollup.batchCount(), b + 301, "300 later batches");
        vm.recordLogs();
        uint256 g300 = _proofGas(fp);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 reverted;
        for (uint256 i = 0; i < logs.length; ++i) {
            if (logs[i].topics[0] == Rollup.BatchesReverted.selector) {
                ++reverted;
                assertEq(uint256(logs[i].topics[1]), b, "firstIndex");
                assertEq(abi.decode(logs[i].data, (uint256)), 301, "count");
            }
        }
        assertEq(reverted, 1, "one BatchesReverted for 301 batches");
        emit log_named_uint("proveFraud gas, 1 later batch", g1);
        emit log_named_uint("proveFraud gas, 300 later batches", g300);
        uint256 diff = g300 > g1 ? g300 - g1 : g1 - g300;
        assertTrue(diff < 100, "proof gas does not depend on the number of later batches");
    }

    // ---- §5.3: challenger economics ----
    /// A proposer that proves fraud against its own lying batch gets back half its bond and no
    /// more: cheating costs at least REQUIRED_BOND / 2.
    function test_selfChallengeRecoversExactlyHalfTheBond() public {
        _fund();
        _filler(2);
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        uint256 before = proposer.balance;
        uint256 held = address(rollup).balance;
        vm.prank(proposer);
        rollup.proveFraud(fp);
        assertEq(proposer.balance - before, BOND / 2, "half the bond back");
        assertEq(_bond(proposer), 0, "bond gone");
        assertEq(held - address(rollup).balance, BOND / 2, "the other half stays locked");
        assertEq(rollup.batchCount(), b, "the lie is removed anyway");
        (uint256 bondLeft, uint64 unbondAt,) = rollup.proposers(proposer);
        assertEq(bondLeft + unbondAt, 0, "nothing left to withdraw");
    }

    /// A copy of a proof sent by someone else first pays that sender and removes the batch; the
    /// original proof then fails (the batch is gone, or its index holds another batch).
    function test_copiedProofPaysItsSenderAndSecondProofFails() public {
        _fund();
        _filler(2);
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0); // the challenger's proof, seen in the mempool
        address copier = address(0xC0B1);
        vm.prank(copier);
        rollup.proveFraud(fp);
        assertEq(copier.balance, BOND / 2, "the copier is paid");
        assertEq(rollup.batchCount(), b, "batch removed");
        vm.prank(challenger);
        vm.expectRevert(abi.encodeWithSelector(Rollup.UnknownBatch.selector, b, b));
        rollup.proveFraud(fp);
        // A new batch at the same index: the old header does not match it.
        vm.prank(proposer);
        rollup.bond{value: BOND}();
        bytes memory rec = RecordEncoder.encode(transferRec(0, 1, 2, 1 gwei, true));
        submitRaw(rollup.stateRoot(), rec, placeholderRoots(1, "new"));
        vm.prank(challenger);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongBatchHeader.selector, b));
        rollup.proveFraud(fp);
        assertEq(challenger.balance, 0, "the original sender gets nothing");
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
