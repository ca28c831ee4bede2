// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// Merkle helpers of docs/PROTOCOL.md: the batch trees of §4.3 (padded with zero leaves) and the
/// depth-32 account tree of §2 with the compressed proofs of §6.
library Merkle {
    uint256 internal constant ACCOUNT_DEPTH = 32;

    /// Z[0..32]: Z[0] = 0, Z[l+1] = keccak(Z[l] ‖ Z[l]). Computed once per call that needs them.
    function zeros() internal pure returns (bytes32[33] memory z) {
        for (uint256 l = 0; l < ACCOUNT_DEPTH; ++l) {
            z[l + 1] = hashPair(z[l], z[l]);
        }
    }

    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            mstore(0x00, a)
            mstore(0x20, b)
            h := keccak256(0x00, 0x40)
        }
    }

    /// Root of §4.3 over `leaves`, computed in place (the array is overwritten).
    /// No leaves give 0x00…00 (the empty withdrawal root); one leaf is its own root.
    function rootInPlace(bytes32[] memory leaves) internal pure returns (bytes32 root) {
        assembly ("memory-safe") {
            let n := mload(leaves)
            let base := add(leaves, 0x20)
            let z := 0 // root of an all-zero subtree at the current level
            for {} gt(n, 1) {} {
                let half := shr(1, n)
                for { let i := 0 } lt(i, half) { i := add(i, 1) } {
                    let src := add(base, shl(6, i))
                    mstore(0x00, mload(src))
                    mstore(0x20, mload(add(src, 0x20)))
                    mstore(add(base, shl(5, i)), keccak256(0x00, 0x40))
                }
                if and(n, 1) {
                    mstore(0x00, mload(add(base, shl(5, sub(n, 1)))))
                    mstore(0x20, z)
                    mstore(add(base, shl(5, half)), keccak256(0x00, 0x40))
                    half := add(half, 1)
                }
                mstore(0x00, z)
                mstore(0x20, z)
                z := keccak256(0x00, 0x40)
                n := half
            }
            if n { root := mload(base) }
        }
    }

    /// Root implied by a §4.3 proof (siblings from the leaf up). `ok` is false when `index` does
    /// not fit the proof's depth, so one leaf cannot be proven at two positions.
    function processProof(bytes32 leaf, uint256 index, bytes32[] calldata proof)
        internal
        pure
        returns (bytes32 node, bool ok)
    {
        uint256 len = proof.length;
        ok = len >= 256 || index >> len == 0;
        node = leaf;
        for (uint256 l = 0; l < len; ++l) {
            node = (index >> l) & 1 == 1 ? hashPair(proof[l], node) : hashPair(node, proof[l]);
        }
    }

    /// Root of the account tree with `leaf` at `index` under the compressed proof at calldata
    /// offset `p`, and the offset after the proof.
    /// The hot loop of every fraud proof (4 walks per transfer), hence its own lean assembly;
    /// `walk` is the general form.
    function accountRoot(bytes32 leaf, uint256 index, uint256 p, bytes32[33] memory z)
        internal
        pure
        returns (bytes32 node, uint256 next)
    {
        assembly ("memory-safe") {
            let bitmap := shr(224, calldataload(p))
            let q := add(p, 4)
            node := leaf
            for { let l := 0 } lt(l, 32) { l := add(l, 1) } {
                let sib := mload(add(z, shl(5, l)))
                if and(shr(l, bitmap), 1) {
                    sib := calldataload(q)
                    q := add(q, 32)
                }
                // left/right by the index bit, without a branch
                let right := and(shr(l, index), 1)
                mstore(shl(5, right), node)
                mstore(shl(5, iszero(right)), sib)
                node := keccak256(0x00, 0x40)
            }
            next := q
        }
    }

    /// Walks a compressed account proof (§6: bitmap[4], then the siblings whose bit is set, level 0
    /// up) that starts at calldata offset `p`. Hashes `levels` levels from `node` (32 gives the tree
    /// root, fewer the node on the path at that level). If `substLevel < 32`, the sibling at that
    /// level is replaced by `subst` (used to check an account against the tree before another
    /// account's update, see Replay). Returns the node and the offset after the whole proof; the
    /// caller checks it against the end of its data.
    function walk(
        bytes32 node,
        uint256 index,
        uint256 p,
        uint256 levels,
        uint256 substLevel,
        bytes32 subst,
        bytes32[33] memory z
    ) internal pure returns (bytes32 out, uint256 next) {
        assembly ("memory-safe") {
            let bitmap := shr(224, calldataload(p))
            let q := add(p, 4)
            for { let l := 0 } lt(l, 32) { l := add(l, 1) } {
                let sib := mload(add(z, shl(5, l)))
                if and(shr(l, bitmap), 1) {
                    sib := calldataload(q)
                    q := add(q, 32)
                }
                if eq(l, substLevel) { sib := subst }
                if lt(l, levels) {
                    switch and(shr(l, index), 1)
                    case 0 {
                        mstore(0x00, node)
                        mstore(0x20, sib)
                    }
                    default {
                        mstore(0x00, sib)
                        mstore(0x20, node)
                    }
                    node := keccak256(0x00, 0x40)
                }
            }
            out := node
            next := q
        }
    }
}
