// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RollupFixture} from "./utils/RollupFixture.sol";
import {Vm} from "./utils/Test.sol";
import {Rollup} from "../src/Rollup.sol";
import {Record} from "../src/lib/RecordCodec.sol";
import {RecordEncoder} from "./utils/RecordEncoder.sol";
import {BatchProof} from "./utils/BatchProof.sol";
import {Stf, Verdict} from "../src/lib/Stf.sol";
import {RECORDS_PER_CHUNK} from "../src/lib/Params.sol";
import {BatchProxy, ConstructorSubmitter} from "./utils/Attackers.sol";

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
        assertEq(rollup.minDeposit(), MIN_DEPOSIT, "min deposit");
        assertEq(rollup.escapeDelay(), ESCAPE, "escape delay");
        assertEq(rollup.MAX_RECORDS_PER_BATCH(), 2048, "max records");
        assertEq(rollup.MAX_DEPOSITS_PER_BATCH(), 256, "max deposits");
        assertEq(rollup.lastBatchAt(), T0, "lastBatchAt starts at deployment");
        assertEq(rollup.CHUNK_SIZE(), 16, "K");
        assertEq(rollup.WITHDRAWAL_ADDRESS(), address(0x5111CE), "withdrawal address");
        assertEq(rollup.stateRoot(), model.stateRoot(), "genesis = the model's");
    }

    // ---- deposits ----
    /// §4.4's packed word, written out independently of RecordCodec's assembly.
    function _packed(bytes32 prev, address to, uint256 amount, uint64 ts) internal pure returns (bytes32) {
        bytes32 h = keccak256(abi.encodePacked(prev, to, amount, ts));
        return (h & ~bytes32(uint256(0xffffffff))) | bytes32(uint256(uint32(ts)));
    }

    function test_depositQueueHashChain() public {
        vm.recordLogs();
        l1Deposit(address(0xA), 1 ether);
        vm.warp(block.timestamp + 5);
        l1Deposit(address(0xB), MIN_DEPOSIT + 7);
        bytes32 q0 = _packed(bytes32(0), address(0xA), 1 ether, uint64(T0));
        bytes32 q1 = _packed(q0, address(0xB), MIN_DEPOSIT + 7, uint64(T0 + 5));
        assertEq(rollup.depositHash(0), q0, "q[0]");
        assertEq(rollup.depositHash(1), q1, "q[1]");
        assertEq(uint32(uint256(q1)), T0 + 5, "low 4 bytes: the timestamp");
        assertEq(rollup.depositHash(2), bytes32(0), "no q[2]");
        assertEq(rollup.depositCount(), 2, "count");
        assertEq(address(rollup).balance, 1 ether + MIN_DEPOSIT + 7 + BOND, "ETH held");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 2, "two events");
        assertEq(logs[1].topics[0], Rollup.DepositQueued.selector, "DepositQueued");
        assertEq(uint256(logs[1].topics[1]), 1, "index");
        assertEq(logs[1].topics[2], bytes32(uint256(uint160(address(0xB)))), "to");
        (uint256 amount, uint64 ts) = abi.decode(logs[1].data, (uint256, uint64));
        assertEq(amount, MIN_DEPOSIT + 7, "amount");
        assertEq(ts, T0 + 5, "timestamp");
    }

    function test_depositRules() public {
        vm.deal(address(this), 10 ether);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositTooSmall.selector, 0, MIN_DEPOSIT));
        rollup.deposit(address(1));
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositTooSmall.selector, MIN_DEPOSIT - 1, MIN_DEPOSIT));
        rollup.deposit{value: MIN_DEPOSIT - 1}(address(1));
        // No L2 account may ever have these addresses (§3, §4.4).
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidDepositRecipient.selector, address(0)));
        rollup.deposit{value: 1 ether}(address(0));
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidDepositRecipient.selector, Stf.WITHDRAWAL_ADDRESS));
        rollup.deposit{value: 1 ether}(Stf.WITHDRAWAL_ADDRESS);
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidDepositRecipient.selector, address(rollup)));
        rollup.deposit{value: 1 ether}(address(rollup));
        assertEq(rollup.depositCount(), 0, "nothing queued");
        rollup.deposit{value: MIN_DEPOSIT}(address(1)); // exactly the minimum is fine
        assertEq(rollup.depositCount(), 1, "queued");
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
        vm.prank(p, p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotBonded.selector, p, 0.5 ether, BOND));
        rollup.submitBatch(prev, recs, roots);
        vm.prank(p);
        rollup.bond{value: 0.5 ether}();
        vm.prank(p, p);
        rollup.submitBatch(prev, recs, roots);
        uint256 lastBatch = block.timestamp;

        vm.warp(block.timestamp + 10);
        vm.prank(p);
        rollup.requestUnbond();
        vm.prank(p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.UnbondPending.selector, p));
        rollup.bond{value: 1}();
        // No batches while unbonding.
        prev = rollup.stateRoot();
        vm.prank(p, p);
        vm.expectRevert(abi.encodeWithSelector(Rollup.UnbondPending.selector, p));
        rollup.submitBatch(prev, recs, roots);
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
        vm.startPrank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongPrevStateRoot.selector, prev, bytes32(uint256(1))));
        rollup.submitBatch(bytes32(uint256(1)), recs, roots);
        vm.expectRevert(Rollup.EmptyBatch.selector);
        rollup.submitBatch(prev, "", new bytes32[](0));
        vm.expectRevert(abi.encodeWithSelector(Rollup.MalformedRecord.selector, 0));
        rollup.submitBatch(prev, hex"ff", roots);
        vm.stopPrank();
    }

    function test_malformedRecordIndex() public {
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.MalformedRecord.selector, 1));
        rollup.submitBatch(prev, bytes.concat(recs, hex"20"), roots);
    }

    function test_unbondedProposerRefused() public {
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch();
        bytes32 prev = rollup.stateRoot();
        address eoa = address(0xE0A);
        vm.prank(eoa, eoa);
        vm.expectRevert(abi.encodeWithSelector(Rollup.NotBonded.selector, eoa, 0, BOND));
        rollup.submitBatch(prev, recs, roots);
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
        vm.startPrank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongChunkCount.selector, 1));
        rollup.submitBatch(prev, recs, fewer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.WrongChunkCount.selector, 3));
        rollup.submitBatch(prev, recs, more);
        rollup.submitBatch(prev, recs, roots);
        vm.stopPrank();
    }

    function test_depositMismatch() public {
        l1Deposit(addrOfKey(0), 1 ether);
        Record memory r = depositRec(0, true, 0);
        r.value = 2 ether; // not what was deposited
        addValid(r);
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositMismatch.selector, 1));
        rollup.submitBatch(prev, recs, roots);
    }

    function test_depositsOutOfOrder() public {
        l1Deposit(addrOfKey(0), 1 ether);
        l1Deposit(addrOfKey(1), 2 ether);
        addValid(depositRec(1, true, 0));
        addValid(depositRec(0, true, 0));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositMismatch.selector, 2));
        rollup.submitBatch(prev, recs, roots);
    }

    function test_depositsBeyondQueue() public {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        addValid(depositRec(0, true, 0));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.DepositsBeyondQueue.selector, 2, 1));
        rollup.submitBatch(prev, recs, roots);
    }

    function test_overdueDepositMustBeIncluded() public {
        (bytes memory recs, bytes32[] memory roots) = _oneDepositBatch(); // takes deposit 0
        vm.warp(block.timestamp + 1);
        l1Deposit(addrOfKey(1), 3 ether); // deposit 1, left out
        uint256 arrived = block.timestamp;
        bytes32 prev = rollup.stateRoot();
        vm.warp(arrived + DELAY);
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.OverdueDeposit.selector, 1, arrived));
        rollup.submitBatch(prev, recs, roots);
        // Still young: it may wait for the next batch.
        vm.warp(arrived + DELAY - 1);
        vm.prank(proposer, proposer);
        rollup.submitBatch(prev, recs, roots);
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
        bytes32[] memory proof = BatchProof.siblings(_wleaves(), 1);
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
        rollup.finalizeWithdrawal(h, b, 2, to, 3 ether, BatchProof.siblings(_wleaves(), 2));
        rollup.finalizeWithdrawal(h, b, 0, to, 1 ether, BatchProof.siblings(_wleaves(), 0));
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
        rollup.finalizeWithdrawal(h, b, 0, addrOfKey(0), 1 ether, BatchProof.siblings(_wleaves(), 0));
    }

    // ---- constructor checks (§1) ----
    function test_constructorChecks() public {
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidL2ChainId.selector, 0));
        new Rollup(0, PERIOD, BOND, BASE_FEE, DELAY, proposer, MIN_DEPOSIT, ESCAPE);
        // The L1's own chain id: L1 signatures would be valid L2 transactions.
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidL2ChainId.selector, block.chainid));
        new Rollup(block.chainid, PERIOD, BOND, BASE_FEE, DELAY, proposer, MIN_DEPOSIT, ESCAPE);
        vm.expectRevert(Rollup.ZeroChallengePeriod.selector);
        new Rollup(CHAIN_ID, 0, BOND, BASE_FEE, DELAY, proposer, MIN_DEPOSIT, ESCAPE);
        vm.expectRevert(Rollup.ZeroRequiredBond.selector);
        new Rollup(CHAIN_ID, PERIOD, 0, BASE_FEE, DELAY, proposer, MIN_DEPOSIT, ESCAPE);
        vm.expectRevert(Rollup.ZeroDepositDelay.selector);
        new Rollup(CHAIN_ID, PERIOD, BOND, BASE_FEE, 0, proposer, MIN_DEPOSIT, ESCAPE);
        vm.expectRevert(Rollup.ZeroMinDeposit.selector);
        new Rollup(CHAIN_ID, PERIOD, BOND, BASE_FEE, DELAY, proposer, 0, ESCAPE);
        vm.expectRevert(abi.encodeWithSelector(Rollup.EscapeDelayTooShort.selector, PERIOD, PERIOD));
        new Rollup(CHAIN_ID, PERIOD, BOND, BASE_FEE, DELAY, proposer, MIN_DEPOSIT, PERIOD);
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidFeeRecipient.selector, address(0)));
        new Rollup(CHAIN_ID, PERIOD, BOND, BASE_FEE, DELAY, address(0), MIN_DEPOSIT, ESCAPE);
        vm.expectRevert(abi.encodeWithSelector(Rollup.InvalidFeeRecipient.selector, Stf.WITHDRAWAL_ADDRESS));
        new Rollup(CHAIN_ID, PERIOD, BOND, BASE_FEE, DELAY, Stf.WITHDRAWAL_ADDRESS, MIN_DEPOSIT, ESCAPE);
        // The tightest legal values deploy.
        vm.warp(T0 + 77);
        Rollup r = new Rollup(CHAIN_ID, 1, 1, 0, 1, proposer, 1, 2);
        assertEq(r.escapeDelay(), 2, "escape delay");
        assertEq(r.lastBatchAt(), T0 + 77, "lastBatchAt = deployment time");
        assertEq(r.escapeAvailableAt(), 0, "empty queue: no escape time");
    }

    // ---- §5.1: only top-level batches from EOAs ----
    /// A lying batch (a made-up post-state root) built by the model, its chunk root tampered so
    /// that the fraud proof of chunk 0 matches what is submitted.
    function _lyingBatch() internal returns (bytes memory recs, bytes32[] memory roots) {
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(queue.length - 1, true, 0));
        (recs, roots) = model.endBatch();
        model.tamperChunkRoot(0, keccak256("a lie"));
        roots[0] = keccak256("a lie");
    }

    function test_lyingBatchThroughProxyContractRefused() public {
        (bytes memory recs, bytes32[] memory roots) = _lyingBatch();
        bytes32 prev = rollup.stateRoot();
        BatchProxy proxy = new BatchProxy();
        vm.deal(address(this), BOND);
        proxy.bondFor{value: BOND}(rollup); // a bonded contract proposer
        address eoa = address(0xE0A);
        vm.prank(eoa, eoa);
        vm.expectRevert(abi.encodeWithSelector(Rollup.SubmitterNotEOA.selector, address(proxy)));
        proxy.submit(rollup, prev, recs, roots);

        // From a constructor the sender has no code yet; msg.sender != tx.origin still refuses it.
        vm.deal(eoa, BOND);
        vm.prank(eoa, eoa);
        ConstructorSubmitter cs = new ConstructorSubmitter{value: BOND}(rollup, prev, recs, roots);
        assertTrue(!cs.accepted(), "constructor submission refused");
        assertEq(cs.err(), abi.encodeWithSelector(Rollup.SubmitterNotEOA.selector, address(cs)), "SubmitterNotEOA");
        assertEq(rollup.batchCount(), 0, "no batch accepted");
    }

    function test_lyingBatchFromDelegatedEOARefused() public {
        (bytes memory recs, bytes32[] memory roots) = _lyingBatch();
        bytes32 prev = rollup.stateRoot();
        uint256 pk = 0x7702;
        address eoa = vm.addr(pk);
        vm.deal(eoa, BOND);
        vm.prank(eoa);
        rollup.bond{value: BOND}();
        BatchProxy impl = new BatchProxy();
        vm.signAndAttachDelegation(address(impl), pk);
        assertEq(eoa.code, abi.encodePacked(hex"ef0100", address(impl)), "EIP-7702 designator");

        // The delegated code sends the batch from inside a call: msg.sender == tx.origin == eoa,
        // but the account has code.
        vm.prank(eoa, eoa);
        vm.expectRevert(abi.encodeWithSelector(Rollup.SubmitterNotEOA.selector, eoa));
        BatchProxy(eoa).submit(rollup, prev, recs, roots);
        // A delegated account is refused even when it calls the Rollup directly.
        vm.prank(eoa, eoa);
        vm.expectRevert(abi.encodeWithSelector(Rollup.SubmitterNotEOA.selector, eoa));
        rollup.submitBatch(prev, recs, roots);
        // The designator etched by hand (what an EIP-7702 authorization leaves) is refused as well.
        vm.etch(eoa, abi.encodePacked(hex"ef0100", address(0x1234)));
        vm.prank(eoa, eoa);
        vm.expectRevert(abi.encodeWithSelector(Rollup.SubmitterNotEOA.selector, eoa));
        rollup.submitBatch(prev, recs, roots);
        assertEq(rollup.batchCount(), 0, "no batch accepted");

        // Without the delegation, the same EOA calling directly is accepted: its calldata is
        // readable, and the lie is then proven as usual.
        vm.etch(eoa, "");
        (uint256 b, Rollup.BatchHeader memory h) = submitFrom(eoa, prev, recs, roots);
        assertEq(h.proposer, eoa, "proposer");
        expectFraud(fraudProof(b, 0), Verdict.WrongStateRoot, 1);
    }

    // ---- §4.4: inclusion rule ----
    /// The proposer builds a batch that takes the whole queue; two deposits are mined just before
    /// it (same block). The batch does not name them and they are young: accepted.
    function test_depositLandingBeforeTheBatchDoesNotBreakIt() public {
        l1Deposit(addrOfKey(0), 1 ether); // entry 0
        vm.warp(block.timestamp + DELAY + 5); // entry 0 is overdue: the batch must take it
        addValid(depositRec(0, true, 0));
        (bytes memory recs, bytes32[] memory roots) = model.endBatch(); // the whole queue
        bytes32 prev = rollup.stateRoot();
        l1Deposit(addrOfKey(1), 2 ether); // entries 1 and 2, mined first
        l1Deposit(addrOfKey(1), 3 ether);
        submitRaw(prev, recs, roots);
        assertEq(rollup.depositsProcessed(), 1, "the batch's deposit taken");
        assertEq(rollup.depositCount(), 3, "the new deposits stay queued");
        // They may wait DEPOSIT_DELAY, not longer (records encoded directly: state not proven here).
        uint256 arrived = queue[1].timestamp;
        vm.warp(arrived + DELAY);
        prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.OverdueDeposit.selector, 2, arrived));
        rollup.submitBatch(prev, depositRecords(1, 1, 1), placeholderRoots(1, "x")); // leaves entry 2
        submitRaw(prev, depositRecords(1, 2, 1), placeholderRoots(2, "x"));
        assertEq(rollup.depositsProcessed(), 3, "both taken");
    }

    /// 600 overdue minimum deposits: a batch must take MAX_DEPOSITS_PER_BATCH of them (no fewer, no
    /// more), and such batches work the backlog off; a fraud proof puts a whole batch's deposits
    /// back, and they are worked off the same way.
    function test_depositBacklogWorkedOffAtMaxPerBatch() public {
        uint256 max = rollup.MAX_DEPOSITS_PER_BATCH();
        l1Deposit(addrOfKey(0), 1 ether);
        addValid(depositRec(0, true, 0));
        submit(); // batch 0: account 1 = key 0
        uint256 t1 = block.timestamp + 1;
        vm.warp(t1);
        for (uint256 i = 0; i < 600; ++i) {
            l1Deposit(addrOfKey(0), MIN_DEPOSIT); // entries 1 … 600
        }
        vm.warp(t1 + DELAY); // all overdue
        bytes32 prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.OverdueDeposit.selector, max, t1));
        rollup.submitBatch(prev, depositRecords(1, max - 1, 1), placeholderRoots(max - 1, "a"));
        bytes memory transfer = RecordEncoder.encode(transferRec(0, 1, 1, 1 gwei, true));
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.OverdueDeposit.selector, 1, t1));
        rollup.submitBatch(prev, transfer, placeholderRoots(1, "a"));
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.TooManyDeposits.selector, max + 1, max));
        rollup.submitBatch(prev, depositRecords(1, max + 1, 1), placeholderRoots(max + 1, "a"));

        // Batch 1: entries 1 … max (honest, through the model); batch 2: the next max, lying.
        for (uint256 i = 1; i <= max; ++i) {
            addValid(depositRec(i, false, 1));
        }
        submit();
        for (uint256 i = max + 1; i <= 2 * max; ++i) {
            addValid(depositRec(i, false, 1));
        }
        model.endBatch();
        model.tamperChunkRoot(0, keccak256("a lie"));
        (uint256 b2,) = submit();
        assertEq(rollup.depositsProcessed(), 1 + 2 * max, "two full batches taken");
        expectFraud(fraudProof(b2, 0), Verdict.WrongStateRoot, RECORDS_PER_CHUNK);
        assertEq(rollup.depositsProcessed(), 1 + max, "batch 2's deposits queued again");
        vm.prank(proposer);
        rollup.bond{value: BOND}(); // slashed: bond again

        // The re-queued entries are overdue: again exactly the maximum is needed, and enough.
        prev = rollup.stateRoot();
        vm.prank(proposer, proposer);
        vm.expectRevert(abi.encodeWithSelector(Rollup.OverdueDeposit.selector, 2 * max, t1));
        rollup.submitBatch(prev, depositRecords(1 + max, max - 1, 1), placeholderRoots(max - 1, "b"));
        submitRaw(prev, depositRecords(1 + max, max, 1), placeholderRoots(max, "b"));
        // The rest (600 - 2 max) in one batch that empties the queue.
        uint256 rest = 600 - 2 * max;
        submitRaw(rollup.stateRoot(), depositRecords(1 + 2 * max, rest, 1), placeholderRoots(rest, "c"));
        assertEq(rollup.depositsProcessed(), 601, "backlog worked off");
        assertEq(rollup.escapeAvailableAt(), 0, "queue empty");
    }
}
