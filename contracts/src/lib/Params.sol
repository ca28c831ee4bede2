// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// K of docs/PROTOCOL.md §1: records per chunk. A protocol constant; bench/gas-report rebuilds with
// other values to compare.
uint256 constant RECORDS_PER_CHUNK = 16;
