// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rollup} from "../../src/Rollup.sol";

/// A contract that forwards a batch to the Rollup (§5.1: its records would not be the calldata of
/// the transaction, so verifiers could not read them). Also the implementation an EIP-7702
/// delegated account points to in the tests.
contract BatchProxy {
    function bondFor(Rollup r) external payable {
        r.bond{value: msg.value}();
    }

    function submit(Rollup r, bytes32 prev, bytes calldata records, bytes32[] calldata roots) external {
        r.submitBatch(prev, records, roots);
    }
}

/// Bonds and submits from its constructor, while its code is still empty (code.length == 0):
/// only the msg.sender == tx.origin check stops it. Records what the Rollup answered.
contract ConstructorSubmitter {
    bool public accepted;
    bytes public err;

    constructor(Rollup r, bytes32 prev, bytes memory records, bytes32[] memory roots) payable {
        r.bond{value: msg.value}();
        try r.submitBatch(prev, records, roots) {
            accepted = true;
        } catch (bytes memory e) {
            err = e;
        }
    }
}
