// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Replay} from "../../src/lib/Replay.sol";
import {Verdict} from "../../src/lib/Stf.sol";

/// Test-only: the contract's chunk replay (docs/PROTOCOL.md §6) behind an external function, so
/// tests/rollup_l1 can eth_call the very library `Rollup.proveFraud` runs and compare it with the
/// C++ state transition chunk by chunk. Never deployed outside tests.
contract ReplayHarness {
    /// `Replay.run` as is: the first invalid record's verdict and index in the chunk, or
    /// (None, n, post-state root). Reverts (BadWitness, MalformedRecord) propagate.
    function replay(
        bytes calldata records,
        bytes calldata witness,
        bytes32 treeRoot,
        uint256 count,
        uint256 chainId,
        uint256 baseFee
    ) external pure returns (uint8 verdict, uint256 recordIndex, bytes32 postStateRoot) {
        Verdict v;
        (v, recordIndex, postStateRoot) = Replay.run(records, witness, treeRoot, count, chainId, baseFee);
        verdict = uint8(v);
    }
}
