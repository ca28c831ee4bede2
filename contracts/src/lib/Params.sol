// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// K of docs/PROTOCOL.md §1: records per chunk. A protocol constant; bench/gas-report rebuilds with
// other values to compare.
uint256 constant RECORDS_PER_CHUNK = 16;

// MAX_RECORDS_PER_BATCH and MAX_DEPOSITS_PER_BATCH of §1: they keep the largest legal submitBatch
// below EIP-7825's 2^24 gas per transaction (test/Limits.t.sol measures it).
uint256 constant MAX_RECORDS_PER_BATCH = 2048;
uint256 constant MAX_DEPOSITS_PER_BATCH = 256;
