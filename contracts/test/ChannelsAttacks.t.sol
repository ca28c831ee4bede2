// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ChannelFixture, LockTree} from "./utils/ChannelFixture.sol";
import {Channels} from "../src/Channels.sol";

/// The storage cheatcode the shared Vm interface does not declare.
interface VmStorage {
    function load(address target, bytes32 slot) external view returns (bytes32);
}

/// Etched over a participant's address: on every payment it receives it reenters the Channels
/// contract with the calls it was armed with (each must fail), counting calls and successes in its
/// own storage. The counter's first write alone (20,000 gas) plus the attempts exceed PAYOUT_GAS,
/// so a pushed payout to it fails and is credited; `withdraw` then gives it all the gas it wants.
contract ReentrantRecipient {
    Channels internal immutable channels;
    bytes[] internal attempts;
    uint256 public received;
    uint256 public successes;

    constructor(Channels c) {
        channels = c;
    }

    function arm(bytes[] calldata calls) external {
        delete attempts;
        for (uint256 i = 0; i < calls.length; ++i) {
            attempts.push(calls[i]);
        }
    }

    receive() external payable {
        received += 1;
        for (uint256 i = 0; i < attempts.length; ++i) {
            (bool ok,) = address(channels).call(attempts[i]);
            if (ok) successes += 1;
        }
    }
}

/// A recipient that needs about 44,500 gas to accept ether (two fresh storage writes): less than
/// PAYOUT_GAS, more than the 2,300 stipend.
contract HungryRecipient {
    uint256 internal x;
    uint256 internal y;

    receive() external payable {
        x = 1;
        y = 1;
    }
}

/// Attacks on the Channels contract (docs/CHANNELS.md), each performed and shown failing, or shown
/// harmless to everyone but the parties that signed what it needs; and a fuzzed property over
/// arbitrary operation sequences by both participants and a third party, checked against a model
/// of every channel's own books.
contract ChannelsAttacksTest is ChannelFixture {
    address internal constant MALLORY = address(0x3A11);
    uint256 internal constant N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141;
    bytes32 internal constant S1 = keccak256("attack secret 1");
    bytes32 internal constant S2 = keccak256("attack secret 2");
    bytes32 internal constant S3 = keccak256("attack secret 3");

    function setUp() public override {
        super.setUp();
        vm.deal(MALLORY, 1_000 ether);
    }

    // ---- signatures ----

    /// A closer (or anyone) holding only its own signature on a state gets nowhere: every path
    /// that takes a State or a CooperativeClose needs A's signature as sigA and B's as sigB.
    function test_attack_selfSignedStateIsRefusedEverywhere() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.State memory s = state(id, 1, 1 ether, 2 ether, 3 ether, 0);
        bytes32 d = channels.stateDigest(s);
        bytes memory byA = sig(KEY_A, d);
        bytes memory byB = sig(KEY_B, d);
        vm.startPrank(a);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, b));
        channels.close(s, byA, byA);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, a));
        channels.close(s, byB, byB);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, a));
        channels.close(s, byB, byA); // swapped
        vm.stopPrank();
        Channels.CooperativeClose memory c = Channels.CooperativeClose(id, 1 ether, 2 ether, 3 ether, 0);
        bytes32 dc = channels.cooperativeCloseDigest(c);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, b));
        channels.cooperativeClose(c, sig(KEY_A, dc), sig(KEY_A, dc));
        // The same in a dispute, sent by A or by a third party.
        vm.prank(b);
        channels.closeInitial(id);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, b));
        channels.dispute(s, byA, byA);
        vm.prank(MALLORY);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, b));
        channels.dispute(s, byA, sig(0xBAD, d));
        assertEq(channels.channel(id).payA, 1 ether, "still the opening state");
    }

    /// A CooperativeClose signature is no State signature: it cannot start or win a dispute.
    function test_attack_cooperativeCloseSignaturesAreNoState() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.CooperativeClose memory c = Channels.CooperativeClose(id, 1 ether, 2 ether, 3 ether, 0);
        (bytes memory ca, bytes memory cb) = signCoop(c);
        // The state with the same numbers (nonce 1, no locks).
        Channels.State memory s = state(id, 1, 1 ether, 2 ether, 3 ether, 0);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, a));
        channels.close(s, ca, cb);
        vm.prank(b);
        channels.closeInitial(id);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, a));
        channels.dispute(s, ca, cb);
    }

    /// A cooperative close signed for another Channels contract or another chain is refused.
    function test_attack_cooperativeCloseReplayedAcrossContractsAndChains() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.CooperativeClose memory c = Channels.CooperativeClose(id, 1 ether, 2 ether, 3 ether, 0);
        Channels other = new Channels(PERIOD);
        bytes32 otherDigest = other.cooperativeCloseDigest(c);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, a));
        channels.cooperativeClose(c, sig(KEY_A, otherDigest), sig(KEY_B, otherDigest));
        vmExtra.chainId(1);
        bytes32 mainnetDigest = channels.cooperativeCloseDigest(c);
        vmExtra.chainId(31337);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, a));
        channels.cooperativeClose(c, sig(KEY_A, mainnetDigest), sig(KEY_B, mainnetDigest));
    }

    /// The high-s twin of B's signature, and a signature that recovers nothing, are refused on
    /// the dispute and cooperative close paths too (test_signatureRules covers A's on close).
    function test_attack_malleatedSignaturesOnEveryPath() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.State memory s = state(id, 1, 1 ether, 2 ether, 0, 3 ether);
        bytes32 d = channels.stateDigest(s);
        bytes memory sa = sig(KEY_A, d);
        vm.prank(a);
        channels.closeInitial(id);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, b));
        channels.dispute(s, sa, _highS(KEY_B, d));
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, b));
        channels.dispute(s, sa, abi.encodePacked(bytes32(uint256(1)), bytes32(uint256(1)), uint8(27)));
        Channels.CooperativeClose memory c = Channels.CooperativeClose(id, 1 ether, 2 ether, 0, 3 ether);
        bytes32 dc = channels.cooperativeCloseDigest(c);
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, a));
        channels.cooperativeClose(c, _highS(KEY_A, dc), sig(KEY_B, dc));
        vm.expectRevert(abi.encodeWithSelector(Channels.BadSignature.selector, b));
        channels.cooperativeClose(c, sig(KEY_A, dc), _highS(KEY_B, dc));
    }

    function _coop(Channels.CooperativeClose memory c) internal {
        (bytes memory sa, bytes memory sb) = signCoop(c);
        channels.cooperativeClose(c, sa, sb);
    }

    function _highS(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, bytes32(N - uint256(s)), v == 27 ? uint8(28) : uint8(27));
    }

    /// A nonce word above 2^64 − 1 or a direction byte other than 0 / 1 cannot alias a signed
    /// value: the ABI decoder refuses them before anything is hashed.
    function test_attack_dirtyCalldataIsRefused() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.State memory s = state(id, 1, 1 ether, 2 ether, 0, 3 ether);
        (bytes memory sa, bytes memory sb) = signState(s);
        bytes memory data = abi.encodeCall(Channels.close, (s, sa, sb));
        assembly ("memory-safe") {
            let w := add(data, 68) // 32 (length) + 4 (selector) + 32 (channelId): the nonce word
            mstore(w, add(shl(64, 1), 1)) // 2^64 + 1: nonce 1 with a dirty bit
        }
        vm.prank(a);
        (bool ok,) = address(channels).call(data);
        assertTrue(!ok, "dirty nonce refused");
        Channels.Lock memory l = lock(false, uint64(T0 + 1), 1, S1);
        data = abi.encodeCall(Channels.lockLeaf, (l));
        assembly ("memory-safe") {
            mstore(add(data, 36), 2) // fromB = 2
        }
        (ok,) = address(channels).staticcall(data);
        assertTrue(!ok, "dirty bool refused");
    }

    // ---- stale states ----

    /// A pays B, then closes on the opening state (nonce 0) as if nothing had happened: B's
    /// watchtower presents the payment and settle pays it.
    function test_attack_closeInitialAfterPaying() public {
        bytes32 id = openChannel(2 ether, 0);
        Channels.State memory paid = state(id, 1, 2 ether, 0, 0.5 ether, 1.5 ether);
        vm.prank(a);
        channels.closeInitial(id);
        assertEq(channels.channel(id).payA, 2 ether, "A claims everything");
        vm.warp(T0 + PERIOD - 1);
        disputeWith(address(0x7A7C), paid);
        vm.warp(T0 + PERIOD);
        uint256 b0 = b.balance;
        channels.settle(id);
        assertEq(b.balance - b0, 1.5 ether, "B is paid");
    }

    /// Two different states of one nonce (which no honest participant signs): the first presented
    /// stands; the other cannot replace it.
    function test_attack_equalNonceCannotReplace() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        closeWith(a, state(id, 4, 1 ether, 2 ether, 3 ether, 0));
        Channels.State memory twin = state(id, 4, 1 ether, 2 ether, 0, 3 ether);
        (bytes memory sa, bytes memory sb) = signState(twin);
        vm.expectRevert(abi.encodeWithSelector(Channels.StaleNonce.selector, 4, 4));
        channels.dispute(twin, sa, sb);
        assertEq(channels.channel(id).payA, 3 ether, "unchanged");
    }

    /// Once settled (locks pending) or deleted, no entry point reopens the books: no second
    /// close, dispute, settle, top-up or cooperative close (which would pay the deposits a second
    /// time out of other channels' ether), and no new channel gets the id.
    function test_attack_noSecondLifeAfterSettle() public {
        bytes32 rich = openChannel(50 ether, 50 ether); // another channel's ether in the contract
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.Lock[] memory locks = new Channels.Lock[](1);
        locks[0] = lock(false, uint64(T0 + 10 * PERIOD), 0.5 ether, S1);
        Channels.State memory s = lockedState(id, 3, 1 ether, 2 ether, 0.5 ether, 2 ether, locks);
        closeWith(a, s);
        settleAfterPeriod(id);
        _everyEntryRefused(id, Channels.Status.Settled, s);
        channels.registerSecret(S1);
        channels.unlock(id, locks[0], 0, new bytes32[](0));
        _everyEntryRefused(id, Channels.Status.None, s);
        vm.expectRevert(abi.encodeWithSelector(Channels.WrongStatus.selector, id, Channels.Status.None));
        channels.unlock(id, locks[0], 0, new bytes32[](0));
        for (uint256 i = 0; i < 3; ++i) {
            assertTrue(openChannel(1, 1) != id, "a new id");
        }
        assertEq(address(channels).balance, 100 ether + 6, "the other channels' ether is intact");
        assertEq(channels.channel(rich).depositA, 50 ether, "untouched");
    }

    function _everyEntryRefused(bytes32 id, Channels.Status st, Channels.State memory s) internal {
        bytes memory wrong = abi.encodeWithSelector(Channels.WrongStatus.selector, id, st);
        (bytes memory sa, bytes memory sb) = signState(s);
        Channels.State memory newer = state(id, s.nonce + 1, 1 ether, 2 ether, 3 ether, 0);
        (bytes memory na, bytes memory nb) = signState(newer);
        Channels.CooperativeClose memory c = Channels.CooperativeClose(id, 1 ether, 2 ether, 3 ether, 0);
        (bytes memory ca, bytes memory cb) = signCoop(c);
        vm.startPrank(a);
        vm.expectRevert(wrong);
        channels.close(newer, na, nb);
        vm.expectRevert(wrong);
        channels.closeInitial(id);
        vm.expectRevert(wrong);
        channels.dispute(newer, na, nb);
        vm.expectRevert(wrong);
        channels.dispute(s, sa, sb);
        vm.expectRevert(wrong);
        channels.settle(id);
        vm.expectRevert(wrong);
        channels.deposit{value: 1 ether}(id);
        vm.expectRevert(wrong);
        channels.cooperativeClose(c, ca, cb);
        vm.stopPrank();
    }

    /// What a deleted channel leaves in storage (docs/CHANNELS.md §5): a cooperative close and
    /// the last resolved lock clear all five slots; a settle without locks clears the two
    /// participant slots and leaves the close slot (phase, nonce, disputeEndsAt, payA). That slot
    /// is inert: the status reads None (no participant), every entry point refuses the id, and no
    /// channel ever gets the id again.
    function test_deletedChannelStorage() public {
        // Settle without locks.
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.State memory s = state(id, 7, 1 ether, 2 ether, 0.5 ether, 2.5 ether);
        closeWith(a, s);
        settleAfterPeriod(id);
        assertEq(_slot(id, 0) | _slot(id, 1) | _slot(id, 3) | _slot(id, 4), bytes32(0), "cleared");
        bytes32 close = _slot(id, 2);
        assertEq(uint8(uint256(close)), uint8(1), "phase Closing stays");
        assertEq(uint64(uint256(close) >> 8), 7, "nonce stays");
        assertEq(uint96(uint256(close) >> 136), 0.5 ether, "payA stays");
        Channels.ChannelInfo memory info = channels.channel(id);
        assertTrue(info.status == Channels.Status.None, "None");
        assertEq(info.nonce + info.payA + info.disputeEndsAt, 0, "the view shows none of it");
        _everyEntryRefused(id, Channels.Status.None, s);
        // A cooperative close of a closing channel with locks, and the last unlock: all clear.
        bytes32 id2 = openChannel(1 ether, 2 ether);
        Channels.Lock[] memory locks = new Channels.Lock[](1);
        locks[0] = lock(false, uint64(block.timestamp + 10 * PERIOD), 0.5 ether, S1);
        closeWith(a, lockedState(id2, 1, 1 ether, 2 ether, 0.5 ether, 2 ether, locks));
        _coop(Channels.CooperativeClose(id2, 1 ether, 2 ether, 1 ether, 2 ether));
        bytes32 id3 = openChannel(1 ether, 2 ether);
        closeWith(a, lockedState(id3, 1, 1 ether, 2 ether, 0.5 ether, 2 ether, locks));
        settleAfterPeriod(id3);
        channels.registerSecret(S1);
        channels.unlock(id3, locks[0], 0, new bytes32[](0));
        for (uint256 k = 0; k < 5; ++k) {
            assertEq(_slot(id2, k) | _slot(id3, k), bytes32(0), "all five slots cleared");
        }
    }

    /// Slot k of channel `id`'s storage struct (`_channels` is the contract's slot 1).
    function _slot(bytes32 id, uint256 k) internal view returns (bytes32) {
        bytes32 base = keccak256(abi.encode(id, uint256(1)));
        return VmStorage(address(vm)).load(address(channels), bytes32(uint256(base) + k));
    }

    /// A third party can neither close, top up nor open for others; what it can send (dispute,
    /// settle, cooperative close, unlock, claimExpired) never pays it.
    function test_attack_thirdPartyGainsNothing() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.State memory s = state(id, 1, 1 ether, 2 ether, 1 ether, 2 ether);
        (bytes memory sa, bytes memory sb) = signState(s);
        vm.startPrank(MALLORY);
        vm.expectRevert(abi.encodeWithSelector(Channels.NotParticipant.selector, MALLORY));
        channels.close(s, sa, sb);
        vm.expectRevert(abi.encodeWithSelector(Channels.NotParticipant.selector, MALLORY));
        channels.closeInitial(id);
        vm.expectRevert(abi.encodeWithSelector(Channels.NotParticipant.selector, MALLORY));
        channels.deposit{value: 1 ether}(id);
        vm.expectRevert(abi.encodeWithSelector(Channels.NotParticipant.selector, MALLORY));
        channels.open{value: 1 ether}(a, b, 1 ether, 0);
        vm.expectRevert(Channels.NothingToWithdraw.selector);
        channels.withdraw(MALLORY);
        vm.stopPrank();
        uint256 m0 = MALLORY.balance;
        closeWith(b, s);
        vm.warp(T0 + PERIOD);
        vm.prank(MALLORY);
        channels.settle(id);
        assertEq(MALLORY.balance, m0, "nothing for the sender");
        assertEq(channels.withdrawable(MALLORY), 0, "no credit either");
    }

    // ---- locks ----

    /// The zero padding of a tree is no lock, a proof one level too long or too short proves
    /// nothing, and an inner node cannot pass as a leaf (73-byte leaves, 64-byte nodes).
    function test_attack_forgedLockProofs() public {
        channels.registerSecret(S1);
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.Lock[] memory locks = new Channels.Lock[](3); // 3 leaves: position 3 is padding
        locks[0] = lock(false, uint64(T0 + 10 * PERIOD), 0.1 ether, S1);
        locks[1] = lock(false, uint64(T0 + 10 * PERIOD), 0.2 ether, S2);
        locks[2] = lock(true, uint64(T0 + 10 * PERIOD), 0.3 ether, S3);
        closeWith(a, lockedState(id, 1, 1 ether, 2 ether, 0.7 ether, 1.7 ether, locks));
        settleAfterPeriod(id);
        (uint256 index, bytes32[] memory proof) = LockTree.proof(locks, 0);
        // Claim position 3 (padding) with a real lock and the padding's own path.
        (bytes32[] memory leaves,) = LockTree.sorted(locks);
        uint256 padIndex = 3;
        bytes32[] memory padProof = new bytes32[](2);
        padProof[0] = leaves[2]; // the sibling of position 3 is position 2
        padProof[1] = keccak256(abi.encodePacked(leaves[0], leaves[1]));
        bytes32 padNode = keccak256(abi.encodePacked(padProof[0], bytes32(0)));
        assertEq(keccak256(abi.encodePacked(padProof[1], padNode)), LockTree.root(locks), "the padding's path");
        vm.expectRevert(Channels.BadLockProof.selector);
        channels.unlock(id, locks[0], padIndex, padProof);
        // One level too many / too few.
        bytes32[] memory longer = new bytes32[](3);
        (longer[0], longer[1], longer[2]) = (proof[0], proof[1], bytes32(0));
        vm.expectRevert(Channels.BadLockProof.selector);
        channels.unlock(id, locks[0], index, longer);
        bytes32[] memory shorter = new bytes32[](1);
        shorter[0] = proof[1];
        vm.expectRevert(Channels.BadLockProof.selector);
        channels.unlock(id, locks[0], index >> 1, shorter);
        // The root itself as a "proof" of length 0.
        vm.expectRevert(Channels.BadLockProof.selector);
        channels.unlock(id, locks[0], 0, new bytes32[](0));
        // The honest proof works.
        channels.unlock(id, locks[0], index, proof);
    }

    /// A lock is resolved once, by exactly one of the two paths.
    function test_attack_lockResolvedTwiceOrBothWays() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.Lock[] memory locks = new Channels.Lock[](2);
        locks[0] = lock(false, uint64(T0 + PERIOD + 100), 0.25 ether, S1); // registered in time
        locks[1] = lock(true, uint64(T0 + PERIOD + 100), 0.5 ether, S2); // never registered
        closeWith(a, lockedState(id, 1, 1 ether, 2 ether, 0.75 ether, 1.5 ether, locks));
        channels.registerSecret(S1);
        settleAfterPeriod(id);
        (uint256 i0, bytes32[] memory p0) = LockTree.proof(locks, 0);
        (uint256 i1, bytes32[] memory p1) = LockTree.proof(locks, 1);
        channels.unlock(id, locks[0], i0, p0);
        vm.warp(T0 + PERIOD + 100); // both expired now
        vm.expectRevert(abi.encodeWithSelector(Channels.LockAlreadyResolved.selector, i0));
        channels.claimExpired(id, locks[0], i0, p0);
        vm.expectRevert(abi.encodeWithSelector(Channels.LockAlreadyResolved.selector, i0));
        channels.unlock(id, locks[0], i0, p0);
        // The unregistered one: its secret registered now is too late, so only back to B.
        channels.registerSecret(S2);
        vm.expectRevert(
            abi.encodeWithSelector(
                Channels.SecretRegisteredTooLate.selector, locks[1].secretHash, T0 + PERIOD + 100, locks[1].expiry
            )
        );
        channels.unlock(id, locks[1], i1, p1);
        uint256 b0 = b.balance;
        channels.claimExpired(id, locks[1], i1, p1);
        assertEq(b.balance - b0, 0.5 ether, "back to its sender");
        assertTrue(channels.channel(id).status == Channels.Status.None, "all resolved");
        assertEq(address(channels).balance, 0, "nothing paid twice, nothing left");
    }

    /// The expiry boundary (§6.1): registered at expiry − 1 is in time, at expiry is too late;
    /// a lock is returnable from expiry on, not one second earlier.
    function test_attack_expiryBoundary() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        uint64 e = uint64(T0 + 2 * PERIOD);
        Channels.Lock[] memory locks = new Channels.Lock[](2);
        locks[0] = lock(false, e, 0.25 ether, S1);
        locks[1] = lock(false, e, 0.5 ether, S2);
        closeWith(a, lockedState(id, 1, 1 ether, 2 ether, 0.25 ether, 2 ether, locks));
        settleAfterPeriod(id);
        (uint256 i0, bytes32[] memory p0) = LockTree.proof(locks, 0);
        (uint256 i1, bytes32[] memory p1) = LockTree.proof(locks, 1);
        vm.warp(e - 1);
        channels.registerSecret(S1);
        vm.expectRevert(abi.encodeWithSelector(Channels.LockNotExpired.selector, e));
        channels.claimExpired(id, locks[1], i1, p1);
        vm.warp(e);
        channels.registerSecret(S2);
        vm.expectRevert(abi.encodeWithSelector(Channels.LockClaimable.selector, locks[0].secretHash, e - 1));
        channels.claimExpired(id, locks[0], i0, p0);
        vm.expectRevert(
            abi.encodeWithSelector(Channels.SecretRegisteredTooLate.selector, locks[1].secretHash, uint256(e), e)
        );
        channels.unlock(id, locks[1], i1, p1);
        uint256 a0 = a.balance;
        uint256 b0 = b.balance;
        channels.unlock(id, locks[0], i0, p0);
        channels.claimExpired(id, locks[1], i1, p1);
        assertEq(b.balance - b0, 0.25 ether, "registered at expiry - 1: B's");
        assertEq(a.balance - a0, 0.5 ether, "registered at expiry: back to A");
    }

    /// Parties that signed a locked amount above the sum of its leaves leave the difference in
    /// the contract (§6.2); it is paid to no one, and no other channel is touched.
    function test_attack_lockedAmountAboveItsLeaves() public {
        bytes32 other = openChannel(5 ether, 5 ether);
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.Lock[] memory locks = new Channels.Lock[](1);
        locks[0] = lock(false, uint64(T0 + 1), 0.25 ether, S1);
        Channels.State memory s = state(id, 1, 1 ether, 2 ether, 0.5 ether, 2 ether);
        s.locksRoot = LockTree.root(locks);
        s.lockedAmount = 0.5 ether; // the leaf: 0.25
        closeWith(a, s);
        settleAfterPeriod(id);
        channels.claimExpired(id, locks[0], 0, new bytes32[](0));
        Channels.ChannelInfo memory info = channels.channel(id);
        assertTrue(info.status == Channels.Status.Settled, "stays settled");
        assertEq(info.locked, 0.25 ether, "the difference stays");
        assertEq(address(channels).balance, 10 ether + 0.25 ether, "held: the other channel and the rest");
        // The other channel pays exactly its own deposits.
        _coop(Channels.CooperativeClose(other, 5 ether, 5 ether, 4 ether, 6 ether));
        assertEq(address(channels).balance, 0.25 ether, "only the stuck remainder");
    }

    /// Leaves worth far more than the locked amount cannot pay out of another channel's ether:
    /// each channel pays at most its own `locked`.
    function test_attack_overclaimingLeavesCannotDrainOtherChannels() public {
        bytes32 victim = openChannel(100 ether, 100 ether);
        bytes32 id = openChannel(1 ether, 0);
        Channels.Lock[] memory locks = new Channels.Lock[](4);
        for (uint256 i = 0; i < 4; ++i) {
            locks[i] = lock(true, uint64(T0 + 1), 60 ether, keccak256(abi.encode("overclaim", i)));
        }
        Channels.State memory s = state(id, 1, 1 ether, 0, 0, 0);
        s.locksRoot = LockTree.root(locks);
        s.lockedAmount = 1 ether; // leaves: 240 ether
        closeWith(b, s);
        settleAfterPeriod(id);
        for (uint256 i = 0; i < 4; ++i) {
            (uint256 index, bytes32[] memory proof) = LockTree.proof(locks, i);
            vm.expectRevert(abi.encodeWithSelector(Channels.LockExceedsLocked.selector, 60 ether, 1 ether));
            channels.claimExpired(id, locks[i], index, proof);
        }
        assertEq(address(channels).balance, 201 ether, "nothing left the contract");
        assertEq(channels.channel(victim).depositB, 100 ether, "the victim's channel is intact");
    }

    /// A lock may be funded by the other side's deposit (the contract checks totals, not who owns
    /// what; an honest acceptor refuses it, §13.2). It pays its receiver no more than the state's
    /// locked amount, out of this channel alone.
    function test_attack_lockLargerThanItsSendersBalance() public {
        bytes32 id = openChannel(0, 2 ether); // A has nothing
        Channels.Lock[] memory locks = new Channels.Lock[](1);
        locks[0] = lock(false, uint64(T0 + 10 * PERIOD), 2 ether, S1); // "A -> B", 2 ether
        closeWith(b, lockedState(id, 1, 0, 2 ether, 0, 0, locks));
        settleAfterPeriod(id);
        channels.registerSecret(S1);
        uint256 b0 = b.balance;
        channels.unlock(id, locks[0], 0, new bytes32[](0));
        assertEq(b.balance - b0, 2 ether, "B's own deposit back, through the lock");
        assertEq(address(channels).balance, 0, "nothing more");
    }

    // ---- payouts ----

    /// A recipient reenters with every entry point, during its pushed payouts and again, with all
    /// the gas it wants, during its withdrawal: nothing succeeds and it is paid exactly once.
    function test_attack_reentrantRecipientIsPaidOnce() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        Channels.Lock[] memory locks = new Channels.Lock[](2);
        locks[0] = lock(true, uint64(T0 + 10 * PERIOD), 0.5 ether, S1); // B -> A
        locks[1] = lock(false, uint64(T0 + 10 * PERIOD), 0.25 ether, S2); // A -> B
        Channels.State memory s = lockedState(id, 2, 1 ether, 2 ether, 0.75 ether, 1.5 ether, locks);
        closeWith(b, s);
        vm.etch(a, address(new ReentrantRecipient(channels)).code);
        (uint256 i0, bytes32[] memory p0) = LockTree.proof(locks, 0);
        (uint256 i1, bytes32[] memory p1) = LockTree.proof(locks, 1);
        (bytes memory sa, bytes memory sb) = signState(state(id, 3, 1 ether, 2 ether, 3 ether, 0));
        Channels.CooperativeClose memory c = Channels.CooperativeClose(id, 1 ether, 2 ether, 3 ether, 0);
        (bytes memory ca, bytes memory cb) = signCoop(c);
        bytes[] memory calls = new bytes[](8);
        calls[0] = abi.encodeCall(Channels.settle, (id));
        calls[1] = abi.encodeCall(Channels.unlock, (id, locks[0], i0, p0));
        calls[2] = abi.encodeCall(Channels.claimExpired, (id, locks[0], i0, p0));
        calls[3] = abi.encodeCall(Channels.claimExpired, (id, locks[1], i1, p1));
        calls[4] = abi.encodeCall(Channels.cooperativeClose, (c, ca, cb));
        calls[5] = abi.encodeCall(Channels.dispute, (state(id, 3, 1 ether, 2 ether, 3 ether, 0), sa, sb));
        calls[6] = abi.encodeCall(Channels.withdraw, (a));
        calls[7] = abi.encodeCall(Channels.closeInitial, (id));
        ReentrantRecipient(payable(a)).arm(calls);
        channels.registerSecret(S1);
        vm.warp(T0 + PERIOD);
        uint256 b0 = b.balance;
        channels.settle(id); // A's payout: 0.75
        channels.unlock(id, locks[0], i0, p0); // A's lock: 0.5
        assertEq(channels.withdrawable(a), 1.25 ether, "both pushed payouts failed (over PAYOUT_GAS): credited");
        vm.prank(a);
        channels.withdraw(a); // all the gas: every reentrant attempt runs, and fails
        ReentrantRecipient r = ReentrantRecipient(payable(a));
        assertEq(r.received(), 1, "one payment arrived");
        assertEq(r.successes(), 0, "no reentrant call succeeded");
        assertEq(a.balance, 1_000 ether - 3 ether + 1.25 ether, "A: paid exactly what it is owed");
        assertEq(b.balance - b0, 1.5 ether, "B paid once");
        assertEq(address(channels).balance, 0.25 ether, "B's pending lock only");
    }

    /// A sender cannot starve a payout into a credit by limiting the transaction's gas: a
    /// recipient that needs less than PAYOUT_GAS either gets its payment or the whole call runs
    /// out of gas (the 63/64 rule leaves too little for the credit). Swept over gas limits.
    function test_attack_thirdPartyCannotStarveAPayout() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        closeWith(a, state(id, 1, 1 ether, 2 ether, 1 ether, 2 ether));
        vm.etch(a, address(new HungryRecipient()).code);
        vm.etch(b, address(new HungryRecipient()).code);
        vm.warp(T0 + PERIOD);
        uint256 succeeded;
        uint256 least;
        for (uint256 g = 40_000; g < 200_000; g += 701) {
            uint256 snap = vm.snapshotState();
            vm.prank(MALLORY);
            (bool ok,) = address(channels).call{gas: g}(abi.encodeCall(Channels.settle, (id)));
            if (ok) {
                if (least == 0) least = g;
                ++succeeded;
                assertEq(channels.withdrawable(a) + channels.withdrawable(b), 0, "never credited");
                assertEq(address(channels).balance, 0, "both paid");
            }
            vm.revertToState(snap);
        }
        emit log_named_uint("least gas that settles", least);
        assertTrue(succeeded > 100, "settles once there is gas for both payouts");
    }

    /// Ether forced into the contract without a call (selfdestruct, a block reward) is in no
    /// channel's books: nothing pays it out, and every channel still pays exactly its own.
    function test_attack_forcedEtherIsInert() public {
        bytes32 id = openChannel(1 ether, 2 ether);
        vm.deal(address(channels), address(channels).balance + 7 ether);
        closeWith(a, state(id, 1, 1 ether, 2 ether, 0.5 ether, 2.5 ether));
        uint256 a0 = a.balance;
        uint256 b0 = b.balance;
        settleAfterPeriod(id);
        assertEq(a.balance - a0 + b.balance - b0, 3 ether, "the channel's deposits");
        assertEq(address(channels).balance, 7 ether, "the forced ether stays");
    }
}

/// docs/CHANNELS.md §10, fuzzed over arbitrary sequences: both participants and a third party send
/// every operation (open, top-up, close, closeInitial, dispute with any state signed so far, stale
/// or not, cooperative close, settle, register, unlock and claimExpired of closing-state locks or of
/// locks from other states, withdraw, forged signatures) in random order and at random times, over
/// up to three channels at a time. States are signed as honest clients would, except that some
/// carry a locked amount that their leaves do not add up to. A model predicts the outcome of every
/// call (success or refusal; what each participant is paid) and, after every step, each channel's
/// own books are checked: what the channel took in minus what it paid (pushed or credited) is what
/// the contract says it holds for it (deposits while open or closing, `locked` once settled,
/// nothing once deleted), never negative, and the contract's ether is the sum of those plus the
/// credits. So no channel ever pays out of another's ether, and the third party never gains.
contract ChannelsSequenceTest is ChannelFixture {
    address internal constant T = address(0x3A11); // a third party
    address internal constant ELSEWHERE = address(0xE15E); // where withdrawals may go
    uint256 internal constant STEPS = 40;

    struct Model {
        Channels.Status st;
        uint256 dA;
        uint256 dB;
        uint256 deposited; // ether this channel took in
        uint256 paid; // ether it paid out, pushed or credited
        uint64 maxNonce; // highest nonce signed so far
        uint256 closing; // 1 + index in signed[id] of the closing state; 0: the opening state
        uint64 nonce;
        uint64 endsAt;
        uint256 payA;
        uint256 payB;
        uint256 lockedLeft;
        bool mismatch; // the closing state's leaves do not add up to its locked amount
    }

    bytes32[] internal ids;
    bytes32[3] internal slots;
    mapping(bytes32 => Model) internal m;
    mapping(bytes32 => Channels.State[]) internal signed;
    mapping(bytes32 => mapping(uint256 => Channels.Lock[])) internal locksOf;
    mapping(bytes32 => mapping(uint256 => bool)) internal resolvedAt; // by tree index
    mapping(address => bool) internal refuses; // the participant's address refuses or burns ether
    uint256 internal everything;

    function testFuzz_arbitrarySequencesKeepEveryChannelsBooks(uint256 seed) public {
        vm.deal(T, 1_000 ether);
        vm.deal(ELSEWHERE, 0);
        if (seed % 3 == 0) _etch(a, REVERTING_CODE);
        if (seed % 5 == 0) _etch(b, GAS_BURNER_CODE);
        everything = _outsideEther() + address(channels).balance;
        for (uint256 step = 0; step < STEPS; ++step) {
            _step(uint256(keccak256(abi.encode(seed, step))));
            _checkBooks();
        }
        _driveToTheEnd();
    }

    function _etch(address who, bytes memory code) internal {
        vm.etch(who, code);
        refuses[who] = true;
    }

    /// One step on one of the three channel slots: an operation by a random sender, drawn with
    /// weights that suit the channel's status (every operation stays possible in every status,
    /// where it must be refused).
    function _step(uint256 r) internal {
        uint256 c = r % 3;
        address actor = [a, b, T][(r >> 2) % 3];
        uint256 op = (r >> 4) % 16;
        r >>= 8;
        bytes32 id = slots[c];
        if (id == bytes32(0) || m[id].st == Channels.Status.None) return _open(c, actor, r);
        Channels.Status st = m[id].st;
        if (st == Channels.Status.Open) {
            if (op == 0) _deposit(id, actor, r);
            else if (op <= 4) _sign(id, r);
            else if (op <= 6) _close(id, actor, r);
            else if (op == 7) r % 4 == 0 ? _closeInitial(id, actor) : _sign(id, r);
            else if (op == 8) r % 4 == 0 ? _cooperativeClose(id, actor, r) : _close(id, actor, r);
            else _anyStatus(id, actor, op, r);
        } else if (st == Channels.Status.Closing) {
            if (op <= 3) _dispute(id, actor, r);
            else if (op <= 5) _settle(id, actor);
            else if (op == 7) r % 4 == 0 ? _cooperativeClose(id, actor, r) : _signAndDispute(id, actor, r);
            else if (op <= 8) _register(id, r); // ops 6 and 8
            else _anyStatus(id, actor, op, r);
        } else {
            if (op <= 1) _register(id, r);
            else if (op <= 6) _resolveSome(id, actor, r, op <= 4);
            else if (op <= 7) _edgeOfExpiry(id, actor, r);
            else if (op == 8) r % 4 == 0 ? _cooperativeClose(id, actor, r) : _edgeOfExpiry(id, actor, r);
            else _anyStatus(id, actor, op, r);
        }
    }

    /// Operations drawn in every status (op 9 … 15).
    function _anyStatus(bytes32 id, address actor, uint256 op, uint256 r) internal {
        if (op == 9) {
            uint256 which = r % 6;
            if (which == 0) _deposit(id, actor, r);
            else if (which == 1) _close(id, actor, r);
            else if (which == 2) _closeInitial(id, actor);
            else if (which == 3) _dispute(id, actor, r);
            else if (which == 4) _settle(id, actor);
            else _resolveSome(id, actor, r, r % 2 == 0);
        } else if (op == 10) {
            _withdraw(actor, r % 2 == 0 ? actor : ELSEWHERE);
        } else if (op == 11) {
            _forged(id, actor, r);
        } else if (op == 12) {
            _register(id, r);
        } else if (op == 14 && m[id].st == Channels.Status.Closing && block.timestamp + 1 < m[id].endsAt) {
            vm.warp(m[id].endsAt - 1 + r % 2); // the last second of the period, or its end
        } else if (op == 14 && m[id].closing != 0 && locksOf[id][m[id].closing - 1].length != 0) {
            _edgeOfExpiry(id, actor, r);
        } else {
            vm.warp(block.timestamp + (op == 15 ? PERIOD + r % PERIOD : r % (PERIOD / 2)));
        }
    }

    /// The last second before a closing lock's expiry, or the expiry itself, and at once an
    /// unlock or claimExpired of that lock.
    function _edgeOfExpiry(bytes32 id, address actor, uint256 r) internal {
        if (m[id].closing == 0 || locksOf[id][m[id].closing - 1].length == 0) return;
        uint256 k = m[id].closing - 1;
        uint256 i = (r >> 1) % locksOf[id][k].length;
        uint256 e = locksOf[id][k][i].expiry;
        if (block.timestamp + 1 < e) vm.warp(e - 1 + r % 2);
        _resolve(id, actor, k, i, (r >> 9) % 2 == 0, true);
    }

    // ---- operations, each with its predicted outcome ----

    /// Sends `data` from `actor`; asserts success iff `predicted`; books the ether that moved
    /// against channel `id` (none for id 0).
    function _call(bytes32 id, address actor, uint256 value, bytes memory data, bool predicted, string memory what)
        internal
        returns (bool ok)
    {
        ok = _send(id, actor, value, data);
        assertTrue(ok == predicted, what);
    }

    function _send(bytes32 id, address actor, uint256 value, bytes memory data) internal returns (bool ok) {
        uint256 held = address(channels).balance;
        uint256 credits = _credits();
        vm.prank(actor);
        // A gas cap: a withdrawal to the gas burner would otherwise burn the whole test's gas.
        (ok,) = address(channels).call{value: value, gas: 2_000_000}(data);
        if (!ok) {
            assertEq(address(channels).balance, held, "a refused call moves nothing");
            return false;
        }
        uint256 out = held + value - address(channels).balance + _credits() - credits;
        if (id != bytes32(0)) {
            m[id].deposited += value;
            m[id].paid += out;
        } else {
            assertEq(value, 0, "no value");
        }
    }

    function _open(uint256 c, address actor, uint256 r) internal {
        uint256 dA = (r % 4) * 0.25 ether;
        uint256 dB = ((r >> 2) % 4) * 0.5 ether;
        bytes memory data = abi.encodeCall(Channels.open, (a, b, dA, dB));
        if (actor == T) {
            _call(bytes32(0), T, dA + dB, data, false, "a third party opens nothing");
            actor = (r >> 4) % 2 == 0 ? a : b;
        }
        bytes32 id = channels.channelId(a, b, channels.channelCount());
        ids.push(id);
        _call(id, actor, dA + dB, data, true, "open");
        slots[c] = id;
        Model storage mm = m[id];
        mm.st = Channels.Status.Open;
        (mm.dA, mm.dB) = (dA, dB);
    }

    function _deposit(bytes32 id, address actor, uint256 r) internal {
        uint256 value = 1 + r % 1 ether;
        bool p = m[id].st == Channels.Status.Open && actor != T;
        if (_call(id, actor, value, abi.encodeCall(Channels.deposit, (id)), p, "deposit")) {
            if (actor == a) m[id].dA += value;
            else m[id].dB += value;
        }
    }

    /// Both sign a new state, as honest clients would (counted deposits never shrink, locks carried
    /// over or added), except that one in eight has a locked amount its leaves do not add up to.
    function _sign(bytes32 id, uint256 r) internal {
        Model storage mm = m[id];
        uint256 k = signed[id].length;
        Channels.State memory s;
        s.channelId = id;
        s.nonce = mm.maxNonce + 1 + uint64(r % 4 == 0 ? (r >> 2) % 1000 : 0);
        mm.maxNonce = s.nonce;
        uint256 prevA = k == 0 ? 0 : signed[id][k - 1].depositA;
        uint256 prevB = k == 0 ? 0 : signed[id][k - 1].depositB;
        s.depositA = prevA + (r >> 12) % (mm.dA - prevA + 1);
        s.depositB = prevB + (r >> 76) % (mm.dB - prevB + 1);
        uint256 t = s.depositA + s.depositB;
        uint256 sum;
        if (k != 0) {
            Channels.Lock[] storage prev = locksOf[id][k - 1];
            for (uint256 i = 0; i < prev.length; ++i) {
                if ((r >> (140 + i)) % 2 == 0) {
                    locksOf[id][k].push(prev[i]);
                    sum += prev[i].amount;
                }
            }
        }
        for (uint256 i = 0; i < (r >> 150) % 3; ++i) {
            uint256 amount = 1 + (r >> (160 + 8 * i)) % (t / 8 + 1);
            if (sum + amount > t) break;
            locksOf[id][k].push(
                lock(
                    (r >> (180 + i)) % 2 == 1,
                    uint64(block.timestamp + (r >> (190 + 8 * i)) % (5 * PERIOD)),
                    amount,
                    keccak256(abi.encode(id, s.nonce, i))
                )
            );
            sum += amount;
        }
        s.lockedAmount = sum;
        if (sum != 0) {
            s.locksRoot = LockTree.root(_locks(id, k));
            if ((r >> 210) % 8 == 0) s.lockedAmount = 1 + (r >> 213) % t; // leaves that do not add up
        }
        s.balanceA = (r >> 100) % (t - s.lockedAmount + 1);
        s.balanceB = t - s.lockedAmount - s.balanceA;
        signed[id].push(s);
    }

    /// The participants sign one more state after the close (§13.1 says they do not; nothing stops
    /// two who agree) and someone presents it.
    function _signAndDispute(bytes32 id, address actor, uint256 r) internal {
        _sign(id, r);
        _dispute(id, actor, r & ~uint256(1)); // r even: a state newer than the closing one
    }

    function _close(bytes32 id, address actor, uint256 r) internal {
        uint256 n = signed[id].length;
        if (n == 0) return _closeInitial(id, actor);
        uint256 k = r % 4 == 0 ? n - 1 : (r >> 2) % n; // the newest state, or any (often older) one
        Channels.State memory s = signed[id][k];
        (bytes memory sa, bytes memory sb) = signState(s);
        bool p = m[id].st == Channels.Status.Open && actor != T;
        if (_call(id, actor, 0, abi.encodeCall(Channels.close, (s, sa, sb)), p, "close")) {
            m[id].st = Channels.Status.Closing;
            m[id].endsAt = uint64(block.timestamp + PERIOD);
            _adopt(id, k);
        }
    }

    function _closeInitial(bytes32 id, address actor) internal {
        Model storage mm = m[id];
        bool p = mm.st == Channels.Status.Open && actor != T;
        if (_call(id, actor, 0, abi.encodeCall(Channels.closeInitial, (id)), p, "closeInitial")) {
            mm.st = Channels.Status.Closing;
            mm.endsAt = uint64(block.timestamp + PERIOD);
            (mm.closing, mm.nonce, mm.lockedLeft, mm.mismatch) = (0, 0, 0, false);
            (mm.payA, mm.payB) = (mm.dA, mm.dB);
        }
    }

    function _dispute(bytes32 id, address actor, uint256 r) internal {
        uint256 n = signed[id].length;
        if (n == 0) return;
        uint256 k = (r >> 1) % n; // any state; half the time one newer than the closing state if any
        if (r % 2 == 0 && m[id].closing < n) k = m[id].closing + (r >> 1) % (n - m[id].closing);
        Channels.State memory s = signed[id][k];
        (bytes memory sa, bytes memory sb) = signState(s);
        Model storage mm = m[id];
        bool p = mm.st == Channels.Status.Closing && block.timestamp < mm.endsAt && s.nonce > mm.nonce;
        if (_call(id, actor, 0, abi.encodeCall(Channels.dispute, (s, sa, sb)), p, "dispute")) _adopt(id, k);
    }

    /// State k of the channel becomes the closing state.
    function _adopt(bytes32 id, uint256 k) internal {
        Model storage mm = m[id];
        Channels.State storage s = signed[id][k];
        mm.closing = k + 1;
        mm.nonce = s.nonce;
        mm.payA = s.balanceA + mm.dA - s.depositA;
        mm.payB = s.balanceB + mm.dB - s.depositB;
        mm.lockedLeft = s.lockedAmount;
        mm.mismatch = LockTree.total(_locks(id, k)) != s.lockedAmount;
    }

    function _cooperativeClose(bytes32 id, address actor, uint256 r) internal {
        Model storage mm = m[id];
        uint256 n = signed[id].length;
        Channels.CooperativeClose memory c = Channels.CooperativeClose(id, mm.dA, mm.dB, 0, 0);
        if (n != 0 && r % 2 == 0) (c.depositA, c.depositB) = (signed[id][r % n].depositA, signed[id][r % n].depositB);
        c.balanceA = (r >> 64) % (c.depositA + c.depositB + 1);
        c.balanceB = c.depositA + c.depositB - c.balanceA;
        (bytes memory sa, bytes memory sb) = signCoop(c);
        bool p = mm.st == Channels.Status.Open || mm.st == Channels.Status.Closing;
        (uint256 a0, uint256 b0) = (_worth(a), _worth(b));
        if (_call(id, actor, 0, abi.encodeCall(Channels.cooperativeClose, (c, sa, sb)), p, "cooperativeClose")) {
            assertEq(_worth(a) - a0, c.balanceA + mm.dA - c.depositA, "cooperative close pays A");
            assertEq(_worth(b) - b0, c.balanceB + mm.dB - c.depositB, "cooperative close pays B");
            mm.st = Channels.Status.None;
        }
    }

    function _settle(bytes32 id, address actor) internal {
        Model storage mm = m[id];
        bool p = mm.st == Channels.Status.Closing && block.timestamp >= mm.endsAt;
        (uint256 a0, uint256 b0) = (_worth(a), _worth(b));
        if (_call(id, actor, 0, abi.encodeCall(Channels.settle, (id)), p, "settle")) {
            // The newest state presented before the end, exactly.
            assertEq(_worth(a) - a0, mm.payA, "settle pays A the closing state's payout");
            assertEq(_worth(b) - b0, mm.payB, "settle pays B the closing state's payout");
            mm.st = mm.lockedLeft == 0 ? Channels.Status.None : Channels.Status.Settled;
        }
    }

    function _register(bytes32 id, uint256 r) internal {
        uint256 n = signed[id].length;
        if (n == 0) return;
        uint256 k = m[id].closing != 0 && r % 4 != 0 ? m[id].closing - 1 : r % n; // mostly the closing state's
        uint256 nl = locksOf[id][k].length;
        if (nl == 0) return;
        uint256 i = (r >> 8) % nl;
        // The secrets of _sign: keccak256(abi.encode(id, nonce, i)) for the lock's position when
        // it was made; find it by its hash.
        bytes32 h = locksOf[id][k][i].secretHash;
        bytes32 secret = _secretOf(id, h);
        bool p = channels.secretRegisteredAt(h) == 0;
        _call(bytes32(0), T, 0, abi.encodeCall(Channels.registerSecret, (secret)), p, "registerSecret");
    }

    function _secretOf(bytes32 id, bytes32 h) internal view returns (bytes32) {
        Channels.State[] storage ss = signed[id];
        for (uint256 k = 0; k < ss.length; ++k) {
            for (uint256 i = 0; i < 3; ++i) {
                bytes32 secret = keccak256(abi.encode(id, ss[k].nonce, i));
                if (keccak256(abi.encodePacked(secret)) == h) return secret;
            }
        }
        revert("unknown secret");
    }

    /// Unlock or claimExpired a lock of the closing state (predicted), or now and then one of
    /// another state with that state's proof (which only works where the trees agree).
    function _resolveSome(bytes32 id, address actor, uint256 r, bool toReceiver) internal {
        Model storage mm = m[id];
        uint256 n = signed[id].length;
        if (n == 0) return;
        uint256 k = mm.closing != 0 && r % 4 != 0 ? mm.closing - 1 : (r >> 2) % n;
        uint256 nl = locksOf[id][k].length;
        if (nl == 0) return;
        _resolve(id, actor, k, (r >> 10) % nl, toReceiver, k + 1 == mm.closing);
    }

    function _resolve(bytes32 id, address actor, uint256 k, uint256 i, bool toReceiver, bool predict) internal {
        (bytes memory data, uint256 index, bool p, Channels.Lock memory l) = _resolution(id, k, i, toReceiver);
        address payee = l.fromB == toReceiver ? a : b; // unlock: the receiver; claimExpired: the sender
        uint256 p0 = _worth(payee);
        bool ok = predict
            ? _call(id, actor, 0, data, p, toReceiver ? "unlock" : "claimExpired")
            : _send(id, actor, 0, data); // another state's lock: no prediction, but the books hold
        if (!ok) return;
        assertEq(_worth(payee) - p0, l.amount, "the lock's amount to its payee");
        _resolved(id, index, l.amount);
    }

    function _resolved(bytes32 id, uint256 index, uint256 amount) internal {
        Model storage mm = m[id];
        resolvedAt[id][index] = true;
        mm.lockedLeft -= amount;
        if (mm.lockedLeft == 0) mm.st = Channels.Status.None;
    }

    /// The call resolving lock i of state k (with that state's proof), and whether it should
    /// succeed were state k the settled one.
    function _resolution(bytes32 id, uint256 k, uint256 i, bool toReceiver)
        internal
        view
        returns (bytes memory data, uint256 index, bool p, Channels.Lock memory l)
    {
        Model storage mm = m[id];
        Channels.Lock[] memory locks = _locks(id, k);
        l = locks[i];
        bytes32[] memory proof;
        (index, proof) = LockTree.proof(locks, i);
        uint256 at = channels.secretRegisteredAt(l.secretHash);
        bool inTime = at != 0 && at < l.expiry;
        p = mm.st == Channels.Status.Settled && !resolvedAt[id][index] && l.amount <= mm.lockedLeft
            && (toReceiver ? inTime : block.timestamp >= l.expiry && !inTime);
        data = toReceiver
            ? abi.encodeCall(Channels.unlock, (id, l, index, proof))
            : abi.encodeCall(Channels.claimExpired, (id, l, index, proof));
    }

    function _withdraw(address actor, address to) internal {
        uint256 w = channels.withdrawable(actor);
        bool p = w != 0 && !(to == actor && refuses[actor]);
        uint256 t0 = to.balance;
        if (_call(bytes32(0), actor, 0, abi.encodeCall(Channels.withdraw, (to)), p, "withdraw")) {
            assertEq(to.balance - t0, w, "the whole credit");
        }
    }

    /// A close, dispute or cooperative close with one signature by the wrong key, or signed by
    /// both but counting a wei more than the channel's deposits: always refused.
    function _forged(bytes32 id, address actor, uint256 r) internal {
        Model storage mm = m[id];
        if ((r >> 8) % 4 == 0) return _overcounted(id, actor, r);
        Channels.State memory s = state(id, mm.maxNonce + 1, mm.dA, mm.dB, mm.dA + mm.dB, 0);
        bytes32 d = channels.stateDigest(s);
        bytes memory good = sig(r % 2 == 0 ? KEY_A : KEY_B, d);
        bytes memory bad = sig(0xBAD, d);
        (bytes memory sa, bytes memory sb) = r % 2 == 0 ? (good, bad) : (bad, good);
        uint256 kind = (r >> 1) % 3;
        bytes memory data;
        if (kind == 0) {
            data = abi.encodeCall(Channels.close, (s, sa, sb));
        } else if (kind == 1) {
            data = abi.encodeCall(Channels.dispute, (s, sa, sb));
        } else {
            Channels.CooperativeClose memory c = Channels.CooperativeClose(id, mm.dA, mm.dB, mm.dA + mm.dB, 0);
            d = channels.cooperativeCloseDigest(c);
            (sa, sb) = r % 2 == 0 ? (sig(KEY_A, d), sig(0xBAD, d)) : (sig(0xBAD, d), sig(KEY_B, d));
            data = abi.encodeCall(Channels.cooperativeClose, (c, sa, sb));
        }
        _call(id, actor, 0, data, false, "forged signature");
    }

    function _overcounted(bytes32 id, address actor, uint256 r) internal {
        Model storage mm = m[id];
        (uint256 dA, uint256 dB) = r % 2 == 0 ? (mm.dA + 1, mm.dB) : (mm.dA, mm.dB + 1);
        bytes memory data;
        if ((r >> 1) % 2 == 0) {
            Channels.State memory s = state(id, mm.maxNonce + 1, dA, dB, dA + dB, 0);
            (bytes memory sa, bytes memory sb) = signState(s);
            data = (r >> 2) % 2 == 0
                ? abi.encodeCall(Channels.close, (s, sa, sb))
                : abi.encodeCall(Channels.dispute, (s, sa, sb));
        } else {
            Channels.CooperativeClose memory c = Channels.CooperativeClose(id, dA, dB, 0, dA + dB);
            (bytes memory ca, bytes memory cb) = signCoop(c);
            data = abi.encodeCall(Channels.cooperativeClose, (c, ca, cb));
        }
        _call(id, actor, 0, data, false, "deposits that are not there");
    }

    // ---- books ----

    function _credits() internal view returns (uint256) {
        return channels.withdrawable(a) + channels.withdrawable(b) + channels.withdrawable(T);
    }

    /// What a participant has: its ether plus its credit in the contract.
    function _worth(address who) internal view returns (uint256) {
        return who.balance + channels.withdrawable(who);
    }

    function _outsideEther() internal view returns (uint256) {
        return a.balance + b.balance + T.balance + ELSEWHERE.balance;
    }

    function _locks(bytes32 id, uint256 k) internal view returns (Channels.Lock[] memory locks) {
        Channels.Lock[] storage st = locksOf[id][k];
        locks = new Channels.Lock[](st.length);
        for (uint256 i = 0; i < st.length; ++i) {
            locks[i] = st[i];
        }
    }

    /// Every channel's books against the contract's, and the contract's ether against them all.
    function _checkBooks() internal view returns (uint256 held) {
        for (uint256 j = 0; j < ids.length; ++j) {
            bytes32 id = ids[j];
            Model storage mm = m[id];
            Channels.ChannelInfo memory info = channels.channel(id);
            assertTrue(info.status == mm.st, "status as modelled");
            assertTrue(mm.paid <= mm.deposited, "a channel never pays more than it took in");
            uint256 left = mm.deposited - mm.paid;
            if (mm.st == Channels.Status.Open || mm.st == Channels.Status.Closing) {
                assertEq(info.depositA, mm.dA, "depositA");
                assertEq(info.depositB, mm.dB, "depositB");
                assertEq(left, mm.dA + mm.dB, "an open or closing channel holds its deposits");
            }
            if (mm.st == Channels.Status.Closing) {
                assertEq(info.nonce, mm.nonce, "closing nonce");
                assertEq(info.payA, mm.payA, "payA");
                assertEq(info.payB, mm.payB, "payB");
                assertEq(info.locked, mm.lockedLeft, "locked");
            }
            if (mm.st == Channels.Status.Settled) {
                assertEq(info.locked, mm.lockedLeft, "settled: locked");
                assertEq(left, mm.lockedLeft, "a settled channel holds its unresolved locks");
            }
            if (mm.st == Channels.Status.None) assertEq(left, 0, "a deleted channel paid everything");
            held += left;
        }
        assertEq(channels.withdrawable(T), 0, "no credit for the third party");
        assertEq(address(channels).balance, held + _credits(), "ether = what the channels hold + credits");
        assertEq(_outsideEther() + address(channels).balance, everything, "no wei created or lost");
        assertEq(T.balance, 1_000 ether, "the third party neither gains nor loses");
    }

    /// Closes, settles and resolves everything, then withdraws every credit: only what signed
    /// states with leaves that do not add up left behind stays.
    function _driveToTheEnd() internal {
        vm.warp(block.timestamp + 10 * PERIOD); // past every lock's expiry (< 5 periods) and dispute period
        for (uint256 j = 0; j < ids.length; ++j) {
            bytes32 id = ids[j];
            Model storage mm = m[id];
            if (mm.st == Channels.Status.Open) {
                _closeInitial(id, b);
                vm.warp(block.timestamp + PERIOD);
            }
            if (mm.st == Channels.Status.Closing) _settle(id, T);
            if (mm.st == Channels.Status.Settled) {
                uint256 k = mm.closing - 1;
                for (uint256 i = 0; i < locksOf[id][k].length && mm.st == Channels.Status.Settled; ++i) {
                    Channels.Lock storage l = locksOf[id][k][i];
                    uint256 at = channels.secretRegisteredAt(l.secretHash);
                    _resolve(id, T, k, i, at != 0 && at < l.expiry, true);
                }
            }
            _checkBooks();
        }
        _withdraw(a, ELSEWHERE);
        _withdraw(b, ELSEWHERE);
        uint256 stuck = _checkBooks();
        assertEq(address(channels).balance, stuck, "no credit left");
        for (uint256 j = 0; j < ids.length; ++j) {
            Model storage mm = m[ids[j]];
            if (!mm.mismatch) assertTrue(mm.st == Channels.Status.None, "a channel of valid states ends deleted");
        }
    }
}
