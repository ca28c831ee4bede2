// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// The Foundry cheatcodes the tests use (forge-std is not vendored: no network here).
interface Vm {
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    struct Gas {
        uint64 gasLimit;
        uint64 gasTotalUsed;
        uint64 gasMemoryUsed;
        int64 gasRefunded;
        uint64 gasRemaining;
    }

    struct SignedDelegation {
        uint8 v;
        bytes32 r;
        bytes32 s;
        uint64 nonce;
        address implementation;
    }

    function warp(uint256 timestamp) external;
    function deal(address who, uint256 balance) external;
    function prank(address sender) external;
    function prank(address sender, address origin) external;
    function startPrank(address sender) external;
    function startPrank(address sender, address origin) external;
    function etch(address target, bytes calldata code) external;
    function snapshotState() external returns (uint256 snapshotId);
    function revertToState(uint256 snapshotId) external returns (bool success);
    function cool(address target) external;
    /// Gas of the last call the test made (the callee frame alone: no intrinsic or calldata cost).
    function lastCallGas() external view returns (Gas memory gas);
    /// EIP-7702: signs a delegation of the key's account to `implementation` and attaches it to
    /// the next call (the account then carries the designator 0xef0100 ‖ implementation as code).
    function signAndAttachDelegation(address implementation, uint256 privateKey)
        external
        returns (SignedDelegation memory);
    function stopPrank() external;
    function expectRevert() external;
    function expectRevert(bytes4 selector) external;
    function expectRevert(bytes calldata revertData) external;
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function addr(uint256 privateKey) external pure returns (address);
    function assume(bool condition) external pure;
    function recordLogs() external;
    function getRecordedLogs() external returns (Log[] memory);
    function envOr(string calldata name, uint256 defaultValue) external view returns (uint256);
    function envOr(string calldata name, string calldata defaultValue) external view returns (string memory);
    function writeFile(string calldata path, string calldata data) external;
    function toString(bytes calldata value) external pure returns (string memory);
    function parseBytes(string calldata value) external pure returns (bytes memory);
    function readFile(string calldata path) external view returns (string memory);
    function toString(uint256 value) external pure returns (string memory);
    function toString(bytes32 value) external pure returns (string memory);
    function toString(address value) external pure returns (string memory);
}

/// Minimal test base: cheatcodes and assertions that revert with a readable message.
abstract contract Test {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    bool public IS_TEST = true;

    /// Printed by forge with -vv (figures the tests measure).
    event log_named_uint(string key, uint256 val);

    error AssertionFailed(string what, bytes32 got, bytes32 want);

    function assertTrue(bool ok, string memory what) internal pure {
        if (!ok) revert AssertionFailed(what, bytes32(0), bytes32(uint256(1)));
    }

    function assertEq(uint256 got, uint256 want, string memory what) internal pure {
        if (got != want) revert AssertionFailed(what, bytes32(got), bytes32(want));
    }

    function assertEq(bytes32 got, bytes32 want, string memory what) internal pure {
        if (got != want) revert AssertionFailed(what, got, want);
    }

    function assertEq(address got, address want, string memory what) internal pure {
        if (got != want) revert AssertionFailed(what, bytes32(uint256(uint160(got))), bytes32(uint256(uint160(want))));
    }

    function assertEq(bytes memory got, bytes memory want, string memory what) internal pure {
        if (keccak256(got) != keccak256(want)) revert AssertionFailed(what, keccak256(got), keccak256(want));
    }
}
