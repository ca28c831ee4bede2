// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Merkle} from "../../src/lib/Merkle.sol";

/// PROTOCOL.md §4.3 proofs for tests and bench scripts: the siblings of leaf `idx`, from the leaf
/// up, in the tree over `leaves` padded with zero leaves to a power of two (the padding
/// Merkle.rootInPlace's zero subtrees stand for).
library BatchProof {
    function siblings(bytes32[] memory leaves, uint256 idx) internal pure returns (bytes32[] memory proof) {
        uint256 size = 1;
        uint256 depth;
        while (size < leaves.length) {
            size <<= 1;
            ++depth;
        }
        bytes32[] memory layer = new bytes32[](size);
        for (uint256 i = 0; i < leaves.length; ++i) {
            layer[i] = leaves[i];
        }
        proof = new bytes32[](depth);
        for (uint256 l = 0; l < depth; ++l) {
            proof[l] = layer[idx ^ 1];
            for (uint256 i = 0; i < size / 2; ++i) {
                layer[i] = Merkle.hashPair(layer[2 * i], layer[2 * i + 1]);
            }
            size /= 2;
            idx >>= 1;
        }
    }
}
