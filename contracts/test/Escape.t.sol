// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RollupFixture} from "./utils/RollupFixture.sol";
import {Vm} from "./utils/Test.sol";
import {Rollup} from "../src/Rollup.sol";
import {Merkle} from "../src/lib/Merkle.sol";
import {Stf, Verdict} from "../src/lib/Stf.sol";
import {RecordEncoder} from "./utils/RecordEncoder.sol";

/// The escape hatch of docs/PROTOCOL.md §5.4.
contract EscapeTest is RollupFixture {
    receive() external payable {}

    /// Batch 0: deposits create accounts 1 (key 0) and 2 (key 1); some transfers (fees for account
    /// 0) and a withdrawal by account 2 of 1 ether.
    function _honestState() internal returns (uint256 b, Rollup.BatchHeader memory h) {
        l1Deposit(addrOfKey(0), 50 ether);
        l1Deposit(addrOfKey(1), 30 ether);
        addValid(depositRec(0, true, 0));
        addValid(depositRec(1, true, 0));
        addValid(transferRec(0, 1, 2, 1.5 ether, true));
        addValid(transferRec(1, 2, 1, 0.25 ether, false));
        addValid(withdrawalRec(1, 2, addrOfKey(1), 1 ether, true));
        (b, h) = submit();
    }

    /// The uncompressed proof exit() takes: the 32 siblings of account `idx`, level 0 first.
    function _siblings(uint256 idx) internal view returns (bytes32[] memory s) {
        s = new bytes32[](32);
        for (uint256 l = 0; l < 32; ++l) {
            s[l] = model.node(l, (idx >> l) ^ 1);
        }
    }

    function _exit(uint256 idx) internal {
        _exitExpect(idx, "");
    }

    /// exit() of account `idx` with the model's proof, expecting the revert `err` if not empty.
    function _exitExpect(uint256 idx, bytes memory err) internal {
        Args memory a = Args(
            uint32(idx),
            model.addrOf(idx),
            model.balanceOf(idx),
            uint64(model.nonceOf(idx)),
            model.treeRoot(),
            uint32(model.count()),
            _siblings(idx)
        );
        if (err.length != 0) vm.expectRevert(err);
        rollup.exit(a.idx, a.account, a.balance, a.nonce, a.treeRoot, a.count, a.siblings);
    }

    struct Args {
        uint32 idx;
        address account;
        uint256 balance;
        uint64 nonce;
        bytes32 treeRoot;
        uint32 count;
        bytes32[] siblings;
    }

    function _freeze() internal {
        vm.warp(rollup.escapeAvailableAt());
        assertTrue(rollup.frozen(), "frozen");
    }

    function test_idleRollupWithEmptyQueueNeverFreezes() public {
        _honestState();
        vm.warp(block.timestamp + 10 * 365 days);
        assertEq(rollup.escapeAvailableAt(), 0, "empty queue: no escape time");
        assertTrue(!rollup.frozen(), "not frozen");
        _exitExpect(1, abi.encodeWithSelector(Rollup.NotFrozen.selector, 0));
        // Still live: deposits and batches are accepted.
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(2, false, 1));
        submit();
        assertEq(rollup.lastBatchAt(), block.timestamp, "lastBatchAt");
    }

    /// escapeAvailableAt = max(lastBatchAt, oldest waiting deposit) + ESCAPE_DELAY; frozen from
    /// exactly then on, for good; no batch, deposit or fraud proof after that.
    function test_frozenExactlyAtEscapeAvailableAt() public {
        _honestState(); // lastBatchAt = T0
        vm.warp(T0 + 100);
        l1Deposit(addrOfKey(2), 1 ether); // waits: the oldest queued entry
        assertEq(rollup.escapeAvailableAt(), T0 + 100 + ESCAPE, "deposit later than the last batch");
        // A batch that leaves the (young) deposit queued moves lastBatchAt past it.
        vm.warp(T0 + 110);
        addValid(transferRec(0, 1, 2, 1 gwei, true));
        submit();
        assertEq(rollup.escapeAvailableAt(), T0 + 110 + ESCAPE, "last batch later than the deposit");
        // (The deposit is overdue now; a batch must take it, but none comes.)
        uint256 at = T0 + 110 + ESCAPE;
        vm.warp(at - 1);
        assertTrue(!rollup.frozen(), "not yet");
        l1Deposit(addrOfKey(0), 1 ether); // still accepted; the head of the queue is unchanged
        assertEq(rollup.escapeAvailableAt(), at, "unchanged");
        vm.warp(at);
        assertTrue(rollup.frozen(), "frozen at escapeAvailableAt");

        vm.deal(address(this), 1 ether);
        vm.expectRevert(Rollup.Frozen.selector);
        rollup.deposit{value: 1 ether}(addrOfKey(0));
        bytes memory recs = depositRecords(2, 2, 1);
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(Rollup.Frozen.selector);
        rollup.submitBatch(prev, recs, placeholderRoots(2, "late"));
        vm.warp(at + 365 days);
        assertTrue(rollup.frozen(), "for good");
    }

    function test_fraudProofRefusedWhenFrozen() public {
        (uint256 b,) = _honestState();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        l1Deposit(addrOfKey(0), 1 ether);
        _freeze();
        vm.expectRevert(Rollup.Frozen.selector);
        rollup.proveFraud(fp);
    }

    /// Every account leaves with exactly its balance in the last (final) state root, once; with
    /// the unincluded deposit refunded and the withdrawal finalized, the Rollup keeps exactly the
    /// proposer's bond.
    function test_exitPaysTheFinalStateOnce() public {
        (uint256 b, Rollup.BatchHeader memory h) = _honestState();
        uint256 queued = l1Deposit(addrOfKey(2), 2 ether); // never included
        _exitExpect(1, abi.encodeWithSelector(Rollup.NotFrozen.selector, rollup.escapeAvailableAt()));
        _freeze();
        assertTrue(rollup.isFinal(h), "every batch is final when frozen");
        assertEq(model.stateRoot(), rollup.stateRoot(), "the model's state is the Rollup's");
        _wrongExitsRefused();

        // Right ones: anyone sends them, the account's address is paid.
        address a1 = model.addrOf(1);
        uint256 bal1 = model.balanceOf(1);
        uint256 held = address(rollup).balance;
        Args memory a =
            Args(1, a1, bal1, uint64(model.nonceOf(1)), model.treeRoot(), uint32(model.count()), _siblings(1));
        vm.recordLogs();
        vm.prank(address(0xF00)); // anyone
        rollup.exit(a.idx, a.account, a.balance, a.nonce, a.treeRoot, a.count, a.siblings);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs[0].topics[0], Rollup.Exited.selector, "Exited");
        assertEq(uint256(logs[0].topics[1]), 1, "index");
        assertEq(logs[0].topics[2], bytes32(uint256(uint160(a1))), "account");
        assertEq(abi.decode(logs[0].data, (uint256)), bal1, "balance");
        assertEq(a1.balance, bal1, "paid exactly the balance");
        assertTrue(rollup.isExited(1), "marked");
        assertTrue(!rollup.isExited(2), "only that one");
        _exitExpect(1, abi.encodeWithSelector(Rollup.AlreadyExited.selector, 1));
        _exit(2);
        assertEq(addrOfKey(1).balance, model.balanceOf(2), "account 2");
        uint256 proposerBefore = proposer.balance;
        _exit(0); // the fee account
        assertEq(proposer.balance - proposerBefore, model.balanceOf(0), "fees to the fee recipient");
        assertTrue(model.balanceOf(0) > 0, "fees were collected");
        assertEq(held - address(rollup).balance, bal1 + model.balanceOf(2) + model.balanceOf(0), "sum paid");

        // The withdrawal (debited in the state) and the unincluded deposit.
        rollup.finalizeWithdrawal(h, b, 0, addrOfKey(1), 1 ether, new bytes32[](0));
        Queued memory q = queue[queued];
        rollup.refundDeposit(queued, q.to, q.amount, q.timestamp);
        assertEq(address(rollup).balance, BOND, "solvent: exactly the bond is left");
    }

    function _wrongExitsRefused() internal {
        uint32 cnt = uint32(model.count());
        bytes32 tr = model.treeRoot();
        address a1 = model.addrOf(1);
        uint256 bal1 = model.balanceOf(1);
        uint64 n1 = uint64(model.nonceOf(1));
        bytes32[] memory s1 = _siblings(1);
        vm.expectRevert(Rollup.BadAccountProof.selector);
        rollup.exit(1, a1, bal1 + 1, n1, tr, cnt, s1); // more than it has
        vm.expectRevert(Rollup.BadAccountProof.selector);
        rollup.exit(1, a1, bal1, n1 + 1, tr, cnt, s1);
        vm.expectRevert(Rollup.BadAccountProof.selector);
        rollup.exit(2, a1, bal1, n1, tr, cnt, s1); // another index
        address other = addrOfKey(3);
        vm.expectRevert(Rollup.BadAccountProof.selector);
        rollup.exit(1, other, bal1, n1, tr, cnt, s1); // another address
        bytes32[] memory short = new bytes32[](31);
        for (uint256 l = 0; l < 31; ++l) {
            short[l] = s1[l];
        }
        vm.expectRevert(Rollup.BadAccountProof.selector);
        rollup.exit(1, a1, bal1, n1, tr, cnt, short);
        s1[31] = keccak256("x");
        vm.expectRevert(Rollup.BadAccountProof.selector);
        rollup.exit(1, a1, bal1, n1, tr, cnt, s1);
        s1 = _siblings(1);
        vm.expectRevert(Rollup.BadExitState.selector);
        rollup.exit(1, a1, bal1, n1, tr, cnt + 1, s1);
        vm.expectRevert(Rollup.BadExitState.selector);
        rollup.exit(1, a1, bal1, n1, keccak256("other tree"), cnt, s1);
        // An empty index (its leaf is 0x00…00) is beyond `count`.
        bytes32[] memory sEmpty = _siblings(cnt);
        vm.expectRevert(abi.encodeWithSelector(Rollup.AccountIndexOutOfRange.selector, cnt, cnt));
        rollup.exit(cnt, address(0), 0, 0, tr, cnt, sEmpty);
    }

    function test_refundDepositOfUnincludedEntryOnce() public {
        _honestState(); // takes entries 0 and 1
        vm.warp(block.timestamp + 1);
        uint256 i2 = l1Deposit(addrOfKey(2), 2 ether + 7);
        uint256 i3 = l1Deposit(address(0xD3), 3 ether);
        Queued memory q = queue[i2];
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotFrozen.selector, rollup.escapeAvailableAt()));
        rollup.refundDeposit(i2, q.to, q.amount, q.timestamp);
        _freeze();

        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositNotRefundable.selector, 0));
        rollup.refundDeposit(0, queue[0].to, queue[0].amount, queue[0].timestamp); // included: in the state
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositNotRefundable.selector, 4));
        rollup.refundDeposit(4, q.to, q.amount, q.timestamp); // no such entry
        vm.expectRevert(abi.encodeWithSelector(Rollup.BadDepositPreimage.selector, i2));
        rollup.refundDeposit(i2, q.to, q.amount + 1, q.timestamp);
        vm.expectRevert(abi.encodeWithSelector(Rollup.BadDepositPreimage.selector, i2));
        rollup.refundDeposit(i2, address(this), q.amount, q.timestamp);
        vm.expectRevert(abi.encodeWithSelector(Rollup.BadDepositPreimage.selector, i3));
        rollup.refundDeposit(i3, q.to, q.amount, q.timestamp); // entry 2's preimage at index 3

        vm.recordLogs();
        rollup.refundDeposit(i2, q.to, q.amount, q.timestamp);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs[0].topics[0], Rollup.DepositRefunded.selector, "DepositRefunded");
        assertEq(uint256(logs[0].topics[1]), i2, "index");
        assertEq(logs[0].topics[2], bytes32(uint256(uint160(q.to))), "to");
        assertEq(abi.decode(logs[0].data, (uint256)), q.amount, "amount");
        assertEq(q.to.balance, 2 ether + 7, "paid exactly");
        assertTrue(rollup.isDepositRefunded(i2), "marked");
        assertTrue(!rollup.isDepositRefunded(i3), "the other not");
        vm.expectRevert(abi.encodeWithSelector(Rollup.AlreadyRefunded.selector, i2));
        rollup.refundDeposit(i2, q.to, q.amount, q.timestamp);
        rollup.refundDeposit(i3, queue[i3].to, queue[i3].amount, queue[i3].timestamp);
        assertEq(address(0xD3).balance, 3 ether, "second refund");
    }

    /// Deposits put back by a fraud proof are refundable (the proof restarted the clock).
    function test_depositsRequeuedByFraudAreRefundable() public {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b,) = submit();
        vm.warp(block.timestamp + 10);
        expectFraud(fraudProof(b, 0), Verdict.WrongStateRoot, 1);
        assertEq(rollup.escapeAvailableAt(), T0 + 10 + ESCAPE, "the proof restarted lastBatchAt");
        _freeze();
        rollup.refundDeposit(0, queue[0].to, 1 ether, queue[0].timestamp);
        assertEq(addrOfKey(0).balance, 1 ether, "refunded");
    }

    function test_finalizeWithdrawalOfFinalBatchWhileFrozen() public {
        (uint256 b, Rollup.BatchHeader memory h) = _honestState();
        l1Deposit(addrOfKey(0), 1 ether);
        _freeze();
        rollup.finalizeWithdrawal(h, b, 0, addrOfKey(1), 1 ether, new bytes32[](0));
        assertEq(addrOfKey(1).balance, 1 ether, "paid");
        assertTrue(rollup.isWithdrawalFinalized(b, 0), "marked");
    }
}
