// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RollupFixture} from "./utils/RollupFixture.sol";
import {Rollup} from "../src/Rollup.sol";
import {Record} from "../src/lib/RecordCodec.sol";
import {Replay} from "../src/lib/Replay.sol";
import {Stf, Verdict} from "../src/lib/Stf.sol";

contract FraudTest is RollupFixture {
    /// Batch 0: deposits create accounts 1 (user 0) and 2 (user 1).
    function _fund() internal {
        l1Deposit(addrOfKey(0), 5 ether);
        l1Deposit(addrOfKey(1), 3 ether);
        addValid(depositRec(0, true, 0));
        addValid(depositRec(1, true, 0));
        submit();
    }

    function test_honestBatchCannotBeProvenFraudulent() public {
        _fund();
        addValid(transferRec(0, 1, 2, 1.5 ether, true));
        addValid(transferRec(1, 2, 1, 0.25 ether, false));
        (uint256 b,) = submit();
        Rollup.FraudProof memory fp = fraudProof(b, 0);
        vm.expectRevert(Rollup.NoFraud.selector);
        rollup.proveFraud(fp);
    }
}
