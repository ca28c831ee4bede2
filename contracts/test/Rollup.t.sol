// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RollupFixture} from "./utils/RollupFixture.sol";
import {Vm} from "./utils/Test.sol";
import {Rollup} from "../src/Rollup.sol";
import {Record} from "../src/lib/RecordCodec.sol";
import {Stf, Verdict} from "../src/lib/Stf.sol";
import {RECORDS_PER_CHUNK} from "../src/lib/Params.sol";

contract RollupTest is RollupFixture {
    receive() external payable {}

    // ---- parameters ----
    function test_parameters() public view {
        assertEq(rollup.l2ChainId(), CHAIN_ID, "chain id");
        assertEq(rollup.challengePeriod(), PERIOD, "period");
        assertEq(rollup.requiredBond(), BOND, "bond");
        assertEq(rollup.l2BaseFee(), BASE_FEE, "base fee");
        assertEq(rollup.depositDelay(), DELAY, "delay");
        assertEq(rollup.feeRecipient(), proposer, "fee recipient");
        assertEq(rollup.CHUNK_SIZE(), 16, "K");
        assertEq(rollup.WITHDRAWAL_ADDRESS(), address(0x5111CE), "withdrawal address");
        assertEq(rollup.stateRoot(), model.stateRoot(), "genesis = the model's");
    }

    // ---- deposits ----
    function test_depositQueueHashChain() public {
        vm.recordLogs();
        l1Deposit(address(0xA), 1 ether);
        vm.warp(block.timestamp + 5);
        l1Deposit(address(0xB), 7);
        bytes32 q0 = keccak256(abi.encodePacked(bytes32(0), address(0xA), uint256(1 ether), uint64(T0)));
        bytes32 q1 = keccak256(abi.encodePacked(q0, address(0xB), uint256(7), uint64(T0 + 5)));
        assertEq(rollup.depositHash(0), q0, "q[0]");
        assertEq(rollup.depositHash(1), q1, "q[1]");
        assertEq(rollup.depositHash(2), bytes32(0), "no q[2]");
        assertEq(rollup.depositCount(), 2, "count");
        assertEq(address(rollup).balance, 1 ether + 7 + BOND, "ETH held");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 2, "two events");
        assertEq(logs[1].topics[0], Rollup.DepositQueued.selector, "DepositQueued");
        assertEq(uint256(logs[1].topics[1]), 1, "index");
        assertEq(logs[1].topics[2], bytes32(uint256(uint160(address(0xB)))), "to");
        (uint256 amount, uint64 ts) = abi.decode(logs[1].data, (uint256, uint64));
        assertEq(amount, 7, "amount");
        assertEq(ts, T0 + 5, "timestamp");
    }

    function test_zeroDepositRefused() public {
        vm.expectRevert(Rollup.ZeroDeposit.selector);
        rollup.deposit(address(1));
    }

    // ---- bonds ----
    function test_bondingRules() public {
        address p = address(0x7777);
        vm.deal(p, 5 ether);
        vm.prank(p);
        rollup.bond{value: 0.5 ether}();
        // Under the required bond: not a proposer yet.
        bytes32 prev = rollup.stateRoot();
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch();
        vm.prank(p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotBonded.selector, p, 0.5 ether, BOND));
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
        vm.prank(p);
        rollup.bond{value: 0.5 ether}();
        vm.prank(p);
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
        uint256 lastBatch = block.timestamp;

        vm.warp(block.timestamp + 10);
        vm.prank(p);
        rollup.requestUnbond();
        vm.prank(p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.UnbondPending.selector, p));
        rollup.bond{value: 1}();
        // No batches while unbonding.
        prev = rollup.stateRoot();
        vm.prank(p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.UnbondPending.selector, p));
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
        // Locked until CHALLENGE_PERIOD after both the request and the last batch.
        vm.warp(lastBatch + PERIOD);
        vm.prank(p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.BondLocked.selector, lastBatch + 10 + PERIOD));
        rollup.withdrawBond();
        vm.warp(lastBatch + 10 + PERIOD);
        uint256 before = p.balance;
        vm.prank(p);
        rollup.withdrawBond();
        assertEq(p.balance - before, 1 ether, "bond paid back");
        vm.prank(p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.NoUnbondRequested.selector, p));
        rollup.withdrawBond();
    }

    function test_bondLockedByALaterBatch() public {
        vm.prank(proposer);
        rollup.requestUnbond();
        vm.warp(block.timestamp + PERIOD);
        // The request is old enough but a batch from before the request is still recent: fine.
        vm.prank(proposer);
        rollup.withdrawBond();
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotBonded.selector, proposer, 0, BOND));
        rollup.requestUnbond();
    }

    function _oneDepositBatch() internal returns (bytes memory, bytes32[] memory) {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(queue.length - 1, true, 0));
        return model.endBatch();
    }

    // ---- submission ----
    function test_submissionHeader() public {
        l1Deposit(addrOfKey(0), 10 ether);
        l1Deposit(addrOfKey(1), 10 ether);
        addValid(depositRec(0, true, 0));
        addValid(depositRec(1, true, 0));
        for (uint256 i = 0; i < RECORDS_PER_CHUNK; ++i) {
            addValid(transferRec(0, 1, 2, 1 gwei, i % 2 == 0));
        }
        addValid(withdrawalRec(0, 1, addrOfKey(0), 1 ether, true));
        addValid(withdrawalRec(1, 2, addrOfKey(1), 2 ether, false));
        addValid(withdrawalRec(1, 2, addrOfKey(1), 3 ether, true));
        (uint256 b, Rollup.BatchHeader memory h) = submit();
        assertEq(b, 0, "index");
        assertEq(rollup.batchCount(), 1, "count");
        assertEq(h.prevStateRoot, model.chunk(0).preRoot, "prev");
        assertEq(h.stateRoot, model.stateRoot(), "post");
        assertEq(rollup.stateRoot(), model.stateRoot(), "current root");
        assertEq(h.recordCount, RECORDS_PER_CHUNK + 5, "records");
        assertEq(h.depositStart, 0, "depositStart");
        assertEq(h.depositEnd, 2, "depositEnd");
        assertEq(rollup.depositsProcessed(), 2, "processed");
        assertEq(h.submittedAt, block.timestamp, "submittedAt");
        assertEq(h.proposer, proposer, "proposer");
        bytes32[] memory leaves = new bytes32[](2);
        leaves[0] = chunkLeaf(model.chunk(0));
        leaves[1] = chunkLeaf(model.chunk(1));
        assertEq(h.txRoot, keccak256(abi.encodePacked(leaves[0], leaves[1])), "txRoot");
        bytes32 w0 = keccak256(abi.encodePacked(addrOfKey(0), uint256(1 ether)));
        bytes32 w1 = keccak256(abi.encodePacked(addrOfKey(1), uint256(2 ether)));
        bytes32 w2 = keccak256(abi.encodePacked(addrOfKey(1), uint256(3 ether)));
        assertEq(
            h.withdrawalRoot,
            keccak256(abi.encodePacked(keccak256(abi.encodePacked(w0, w1)), keccak256(abi.encodePacked(w2, bytes32(0))))),
            "withdrawalRoot"
        );
        (,, uint64 lastBatchAt) = rollup.proposers(proposer);
        assertEq(lastBatchAt, block.timestamp, "lastBatchAt");
    }

    function test_noWithdrawalsGiveZeroRoot() public {
        (, Rollup.BatchHeader memory h) = (_oneDepositBatchSubmitted());
        assertEq(h.withdrawalRoot, bytes32(0), "empty withdrawal root");
        assertEq(h.txRoot, chunkLeaf(model.chunk(0)), "one chunk: its leaf is the root");
    }

    function _oneDepositBatchSubmitted() internal returns (uint256, Rollup.BatchHeader memory) {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(queue.length - 1, true, 0));
        return submit();
    }

    function test_submissionChecks() public {
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch();
        bytes32 prev = rollup.stateRoot();
        Rollup.NextDeposit memory none;
        vm.startPrank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongPrevStateRoot.selector, prev, bytes32(uint256(1))));
        rollup.submitBatch(bytes32(uint256(1)), recs, roots, none);
        vm.expectRevert(Rollup.EmptyBatch.selector);
        rollup.submitBatch(prev, "", new bytes32[](0), none);
        vm.expectRevert(abi.encodeWithSelector(Rollup.MalformedRecord.selector, 0));
        rollup.submitBatch(prev, hex"ff", roots, none);
        vm.stopPrank();
    }

    function test_malformedRecordIndex() public {
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.MalformedRecord.selector, 1));
        rollup.submitBatch(prev, bytes.concat(recs, hex"20"), roots, Rollup.NextDeposit(address(0), 0, 0));
    }

    function test_unbondedProposerRefused() public {
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch();
        bytes32 prev = rollup.stateRoot();
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotBonded.selector, address(this), 0, BOND));
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
    }

    function test_wrongChunkRootsLength() public {
        l1Deposit(addrOfKey(0), 10 ether);
        addValid(depositRec(0, true, 0));
        for (uint256 i = 0; i < RECORDS_PER_CHUNK; ++i) addValid(transferRec(0, 1, 1, 1, true));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        assertEq(roots.length, 2, "17 records: 2 chunks");
        bytes32 prev = rollup.stateRoot();
        bytes32[] memory fewer = new bytes32[](1);
        fewer[0] = roots[0];
        bytes32[] memory more = new bytes32[](3);
        vm.startPrank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongChunkCount.selector, 1));
        rollup.submitBatch(prev, recs, fewer, Rollup.NextDeposit(address(0), 0, 0));
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongChunkCount.selector, 3));
        rollup.submitBatch(prev, recs, more, Rollup.NextDeposit(address(0), 0, 0));
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
        vm.stopPrank();
    }

    function test_depositMismatch() public {
        l1Deposit(addrOfKey(0), 1 ether);
        Record memory r = depositRec(0, true, 0);
        r.value = 2 ether; // not what was deposited
        addValid(r);
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositMismatch.selector, 1));
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
    }

    function test_depositsOutOfOrder() public {
        l1Deposit(addrOfKey(0), 1 ether);
        l1Deposit(addrOfKey(1), 2 ether);
        addValid(depositRec(1, true, 0));
        addValid(depositRec(0, true, 0));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositMismatch.selector, 2));
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
    }

    function test_depositsBeyondQueue() public {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        addValid(depositRec(0, true, 0));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositsBeyondQueue.selector, 2, 1));
        rollup.submitBatch(prev, recs, roots, Rollup.NextDeposit(address(0), 0, 0));
    }

    function test_overdueDepositMustBeIncluded() public {
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch(); // takes deposit 0
        vm.warp(block.timestamp + 1);
        l1Deposit(addrOfKey(1), 3 ether); // deposit 1, left out
        Rollup.NextDeposit memory next = nextDeposit(1);
        bytes32 prev = rollup.stateRoot();
        vm.warp(block.timestamp + DELAY);
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.OverdueDeposit.selector, 1, next.timestamp));
        rollup.submitBatch(prev, recs, roots, next);
        // A wrong description of the next entry is refused too.
        vm.warp(block.timestamp - 1);
        next.amount += 1;
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongNextDeposit.selector, 1));
        rollup.submitBatch(prev, recs, roots, next);
        // Still young: it may wait for the next batch.
        next.amount -= 1;
        vm.prank(proposer);
        rollup.submitBatch(prev, recs, roots, next);
        assertEq(rollup.depositsProcessed(), 1, "one taken");
    }

    // ---- withdrawals ----
    function _withdrawalBatch() internal returns (uint256 b, Rollup.BatchHeader memory h) {
        l1Deposit(addrOfKey(0), 10 ether);
        addValid(depositRec(0, true, 0));
        addValid(withdrawalRec(0, 1, addrOfKey(0), 1 ether, true));
        addValid(withdrawalRec(0, 1, addrOfKey(0), 2 ether, false));
        addValid(withdrawalRec(0, 1, addrOfKey(0), 3 ether, true));
        (b, h) = submit();
    }

    function _wleaves() internal view returns (bytes32[] memory l) {
        l = new bytes32[](3);
        for (uint256 i = 0; i < 3; ++i) {
            l[i] = keccak256(abi.encodePacked(addrOfKey(0), uint256((i + 1) * 1 ether)));
        }
    }

    function test_finalizeWithdrawal() public {
        (uint256 b, Rollup.BatchHeader memory h) = _withdrawalBatch();
        bytes32[] memory proof = batchProof(_wleaves(), 1);
        address to = addrOfKey(0);
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotFinal.selector, b, h.submittedAt + PERIOD));
        rollup.finalizeWithdrawal(h, b, 1, to, 2 ether, proof);
        vm.warp(h.submittedAt + PERIOD - 1);
        assertTrue(!rollup.isFinal(h), "not final yet");
        vm.warp(h.submittedAt + PERIOD);
        assertTrue(rollup.isFinal(h), "final");
        vm.expectRevert(Rollup.BadWithdrawalProof.selector);
        rollup.finalizeWithdrawal(h, b, 1, to, 3 ether, proof); // wrong amount
        vm.expectRevert(Rollup.BadWithdrawalProof.selector);
        rollup.finalizeWithdrawal(h, b, 0, to, 2 ether, proof); // wrong index
        Rollup.BatchHeader memory fake = abi.decode(abi.encode(h), (Rollup.BatchHeader));
        fake.withdrawalRoot = keccak256("x");
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongBatchHeader.selector, b));
        rollup.finalizeWithdrawal(fake, b, 1, to, 2 ether, proof);

        vm.recordLogs();
        rollup.finalizeWithdrawal(h, b, 1, to, 2 ether, proof);
        assertEq(to.balance, 2 ether, "paid");
        assertTrue(rollup.isWithdrawalFinalized(b, 1), "marked");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs[0].topics[0], Rollup.WithdrawalFinalized.selector, "event");
        vm.expectRevert(abi.encodeWithSelector(Rollup.AlreadyFinalized.selector, b, 1));
        rollup.finalizeWithdrawal(h, b, 1, to, 2 ether, proof);
        // The others are independent.
        rollup.finalizeWithdrawal(h, b, 2, to, 3 ether, batchProof(_wleaves(), 2));
        rollup.finalizeWithdrawal(h, b, 0, to, 1 ether, batchProof(_wleaves(), 0));
        assertEq(to.balance, 6 ether, "all paid");
    }

    function test_noFinalizeAfterRevert() public {
        // Batch 0 (honest, with withdrawals) stays; batch 1 claims a made-up root and is reverted.
        (uint256 b, Rollup.BatchHeader memory h) = _withdrawalBatch();
        model.beginBatch();
        l1Deposit(addrOfKey(1), 5 ether);
        addValid(depositRec(1, true, 0));
        addValid(withdrawalRec(1, 2, addrOfKey(1), 1 ether, true));
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("made up"));
        (uint256 b2, Rollup.BatchHeader memory h2) = submit();
        expectFraud(fraudProof(b2, 0), Verdict.WrongStateRoot, 2);
        vm.warp(h2.submittedAt + PERIOD);
        bytes32[] memory proof = new bytes32[](0);
        vm.expectRevert(abi.encodeWithSelector(Rollup.UnknownBatch.selector, b2, 1));
        rollup.finalizeWithdrawal(h2, b2, 0, addrOfKey(1), 1 ether, proof);
        // The earlier final batch still pays.
        rollup.finalizeWithdrawal(h, b, 0, addrOfKey(0), 1 ether, batchProof(_wleaves(), 0));
    }
}
