// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./Test.sol";
import {Channels} from "../../src/Channels.sol";
import {Merkle} from "../../src/lib/Merkle.sol";
import {BatchProof} from "./BatchProof.sol";

/// Cheatcodes the shared Vm interface does not declare.
interface VmExtra {
    function chainId(uint256 newChainId) external;
}

/// docs/CHANNELS.md §4.2 lock trees for the tests: leaves written out with abi.encodePacked
/// (independently of Channels.lockLeaf), sorted ascending, the §4.3 tree of PROTOCOL.md over them.
library LockTree {
    function leaf(Channels.Lock memory l) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(l.fromB, l.expiry, l.amount, l.secretHash));
    }

    /// The leaves in tree order (ascending) and, for each lock, its index in the tree.
    function sorted(Channels.Lock[] memory locks)
        internal
        pure
        returns (bytes32[] memory leaves, uint256[] memory indexOf)
    {
        uint256 n = locks.length;
        leaves = new bytes32[](n);
        uint256[] memory order = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            leaves[i] = leaf(locks[i]);
            order[i] = i;
        }
        for (uint256 i = 1; i < n; ++i) {
            for (uint256 j = i; j > 0 && leaves[j - 1] > leaves[j]; --j) {
                (leaves[j - 1], leaves[j]) = (leaves[j], leaves[j - 1]);
                (order[j - 1], order[j]) = (order[j], order[j - 1]);
            }
        }
        indexOf = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            indexOf[order[i]] = i;
        }
    }

    function root(Channels.Lock[] memory locks) internal pure returns (bytes32) {
        if (locks.length == 0) return bytes32(0);
        (bytes32[] memory leaves,) = sorted(locks);
        return Merkle.rootInPlace(leaves);
    }

    /// Tree index and proof of `locks[i]`.
    function proof(Channels.Lock[] memory locks, uint256 i) internal pure returns (uint256 index, bytes32[] memory p) {
        (bytes32[] memory leaves, uint256[] memory indexOf) = sorted(locks);
        index = indexOf[i];
        p = BatchProof.siblings(leaves, index);
    }

    function total(Channels.Lock[] memory locks) internal pure returns (uint256 sum) {
        for (uint256 i = 0; i < locks.length; ++i) {
            sum += locks[i].amount;
        }
    }
}

/// Receives its payouts by reentering the Channels contract: `settle`, `withdraw` and a dispute
/// with the state it was given (each must fail or be harmless). Etched over a participant's
/// address, so its settings are immutables.
contract Reenterer {
    Channels internal immutable channels;
    bytes32 internal immutable id;

    constructor(Channels c, bytes32 id_) {
        channels = c;
        id = id_;
    }

    receive() external payable {
        // Every path below must leave the books straight; the tests check the sums afterwards.
        try channels.settle(id) {} catch {}
        try channels.withdraw(address(this)) {} catch {}
        try channels.closeInitial(id) {} catch {}
    }
}

/// A deployed Channels contract, two participants with keys, and helpers that build and sign
/// states, cooperative closes and lock trees.
abstract contract ChannelFixture is Test {
    uint256 internal constant PERIOD = 3600;
    uint256 internal constant T0 = 1_700_000_000;
    uint256 internal constant KEY_A = 0xA11CE;
    uint256 internal constant KEY_B = 0xB0B;
    /// Runtime code that reverts on every call (PUSH1 0 PUSH1 0 REVERT).
    bytes internal constant REVERTING_CODE = hex"60006000fd";
    /// Runtime code that loops until its gas is gone (JUMPDEST PUSH1 0 JUMP).
    bytes internal constant GAS_BURNER_CODE = hex"5b600056";

    VmExtra internal constant vmExtra = VmExtra(address(uint160(uint256(keccak256("hevm cheat code")))));

    Channels internal channels;
    address internal a;
    address internal b;

    function setUp() public virtual {
        vm.warp(T0);
        channels = new Channels(PERIOD);
        a = vm.addr(KEY_A);
        b = vm.addr(KEY_B);
        vm.deal(a, 1_000 ether);
        vm.deal(b, 1_000 ether);
    }

    function openChannel(uint256 depositA, uint256 depositB) internal returns (bytes32 id) {
        vm.prank(a);
        id = channels.open{value: depositA + depositB}(a, b, depositA, depositB);
    }

    function sig(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    function state(bytes32 id, uint64 nonce, uint256 depositA, uint256 depositB, uint256 balanceA, uint256 balanceB)
        internal
        pure
        returns (Channels.State memory s)
    {
        s.channelId = id;
        s.nonce = nonce;
        s.depositA = depositA;
        s.depositB = depositB;
        s.balanceA = balanceA;
        s.balanceB = balanceB;
    }

    /// A state that also carries `locks` (root and locked amount from them).
    function lockedState(
        bytes32 id,
        uint64 nonce,
        uint256 depositA,
        uint256 depositB,
        uint256 balanceA,
        uint256 balanceB,
        Channels.Lock[] memory locks
    ) internal pure returns (Channels.State memory s) {
        s = state(id, nonce, depositA, depositB, balanceA, balanceB);
        s.locksRoot = LockTree.root(locks);
        s.lockedAmount = LockTree.total(locks);
    }

    function signState(Channels.State memory s) internal view returns (bytes memory sigA, bytes memory sigB) {
        bytes32 d = channels.stateDigest(s);
        return (sig(KEY_A, d), sig(KEY_B, d));
    }

    function signCoop(Channels.CooperativeClose memory c) internal view returns (bytes memory sigA, bytes memory sigB) {
        bytes32 d = channels.cooperativeCloseDigest(c);
        return (sig(KEY_A, d), sig(KEY_B, d));
    }

    function closeWith(address closer, Channels.State memory s) internal {
        (bytes memory sa, bytes memory sb) = signState(s);
        vm.prank(closer);
        channels.close(s, sa, sb);
    }

    function disputeWith(address by, Channels.State memory s) internal {
        (bytes memory sa, bytes memory sb) = signState(s);
        vm.prank(by);
        channels.dispute(s, sa, sb);
    }

    function lock(bool fromB, uint64 expiry, uint256 amount, bytes32 secret)
        internal
        pure
        returns (Channels.Lock memory l)
    {
        l.fromB = fromB;
        l.expiry = expiry;
        l.amount = amount;
        l.secretHash = keccak256(abi.encodePacked(secret));
    }

    function settleAfterPeriod(bytes32 id) internal {
        vm.warp(channels.channel(id).disputeEndsAt);
        channels.settle(id);
    }
}
