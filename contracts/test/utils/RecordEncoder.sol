// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Record} from "../../src/lib/RecordCodec.sol";

/// Test-only encoder of docs/PROTOCOL.md §4.1 (the contract only decodes).
library RecordEncoder {
    function uvar(uint256 v) internal pure returns (bytes memory) {
        if (v == 0) return hex"00";
        uint256 len;
        for (uint256 t = v; t != 0; t >>= 8) ++len;
        bytes memory out = new bytes(len + 1);
        out[0] = bytes1(uint8(len));
        for (uint256 i = 0; i < len; ++i) {
            out[len - i] = bytes1(uint8(v >> (8 * i)));
        }
        return out;
    }

    function amount(uint256 v) internal pure returns (bytes memory) {
        uint256 e;
        while (v != 0 && v % 10 == 0) {
            v /= 10;
            ++e;
        }
        return bytes.concat(bytes1(uint8(e)), uvar(v));
    }

    function flags(Record memory r) internal pure returns (uint8) {
        return uint8(
            r.kind | (r.eip1559 ? 4 : 0) | (r.parity << 3) | (r.bit4 ? 16 : 0) | (r.forced ? 32 : 0)
                | (r.skipped ? 64 : 0)
        );
    }

    function encode(Record memory r) internal pure returns (bytes memory) {
        if (r.kind == 3) {
            return bytes.concat(
                bytes1(flags(r)),
                r.bit4 ? bytes("") : abi.encodePacked(uint32(r.to)),
                bytes20(r.addr),
                amount(r.value),
                bytes8(uint64(r.timestamp))
            );
        }
        // A forced kind 0 record also names the recipient's address; a forced record ends with its
        // queue entry's timestamp.
        bytes memory head = r.kind == 0
            ? abi.encodePacked(flags(r), uint32(r.from), uint32(r.to), r.forced ? abi.encodePacked(r.addr) : bytes(""))
            : abi.encodePacked(flags(r), uint32(r.from), r.addr);
        bytes memory fees = r.eip1559 ? bytes.concat(amount(r.fee1), amount(r.fee2)) : amount(r.fee1);
        return bytes.concat(
            head,
            uvar(r.nonce),
            amount(r.value),
            fees,
            r.bit4 ? bytes("") : uvar(r.gasLimit),
            r.r,
            r.s,
            r.forced ? abi.encodePacked(uint64(r.timestamp)) : bytes("")
        );
    }
}
