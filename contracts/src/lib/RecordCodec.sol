// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// A decoded batch record (docs/PROTOCOL.md §4.1). One struct is allocated per call site and
/// reused for every record: allocating per record would make memory cost quadratic in a batch.
struct Record {
    uint256 kind; // 0 transfer, 1 new-account transfer, 2 withdrawal, 3 deposit
    bool eip1559; // flag bit 2
    uint256 parity; // flag bit 3
    bool bit4; // signed kinds: gas limit omitted (21000); deposits: the recipient is a new account
    uint256 from; // sender account index
    uint256 to; // recipient account index (kind 0; deposits with bit4 == 0)
    address addr; // toAddress (kind 1, forced kind 0), l1Recipient (kind 2), deposit address (kind 3)
    uint256 nonce;
    uint256 value; // value (signed kinds) or deposit amount
    uint256 fee1; // gasPrice (legacy) or maxPriorityFeePerGas (EIP-1559)
    uint256 fee2; // maxFeePerGas (EIP-1559), 0 for legacy
    uint256 gasLimit;
    bytes32 r;
    bytes32 s;
    uint256 timestamp; // the queue entry's time: deposits and forced records (0 otherwise)
    bool forced; // flag bit 5: a signed record taken from the L1 queue (§4.5)
    bool skipped; // flag bit 6 (only with bit 5): the forced transaction is skipped, no effect
}

library RecordCodec {
    uint256 internal constant KIND_TRANSFER = 0;
    uint256 internal constant KIND_NEW_ACCOUNT = 1;
    uint256 internal constant KIND_WITHDRAWAL = 2;
    uint256 internal constant KIND_DEPOSIT = 3;
    uint256 internal constant TRANSFER_GAS = 21000;

    /// Decodes the record at calldata offset `p` (absolute) into `rec`, reading nothing at or past
    /// `end`. Returns the offset after the record, or 0 if the record is malformed (§4.1: unknown
    /// kind, flag bits a kind may not have, non-canonical number, running past `end`).
    /// Straight-line assembly (no Yul functions, which legacy codegen compiles expensively)
    /// because this runs once per record of every submitted batch. Reads past `end` only ever
    /// push the final offset past `end` too, so one bound check at the end suffices.
    function decode(Record memory rec, uint256 p, uint256 end) internal pure returns (uint256 next) {
        assembly ("memory-safe") {
            let bad := iszero(lt(p, end))
            let flags := byte(0, calldataload(p))
            let kind := and(flags, 3)
            let forced := and(shr(5, flags), 1)
            // bit 7 is zero; bit 6 (skipped) only with bit 5 (forced)
            bad := or(bad, or(and(flags, 0x80), eq(and(flags, 0x60), 0x40)))
            mstore(rec, kind)
            mstore(add(rec, 0x20), and(shr(2, flags), 1))
            mstore(add(rec, 0x40), and(shr(3, flags), 1))
            mstore(add(rec, 0x60), and(shr(4, flags), 1))
            mstore(add(rec, 0xa0), 0)
            mstore(add(rec, 0xc0), 0)
            mstore(add(rec, 0x1c0), 0)
            mstore(add(rec, 0x1e0), forced)
            mstore(add(rec, 0x200), and(shr(6, flags), 1))
            p := add(p, 1)
            switch kind
            case 3 {
                // deposit: [to[4] if bit 4 is 0] address[20] amount timestamp[8]
                bad := or(bad, and(flags, 0x6c)) // type, parity, forced and skipped bits are 0
                mstore(add(rec, 0x80), 0)
                if iszero(and(flags, 0x10)) {
                    mstore(add(rec, 0xa0), shr(224, calldataload(p)))
                    p := add(p, 4)
                }
                mstore(add(rec, 0xc0), shr(96, calldataload(p)))
                p := add(p, 20)
                {
                    // amount: exponent e <= 77, uvar mantissa m (L <= 32, no leading zero byte);
                    // canonical (m not divisible by 10, zero is e = 0) and m * 10^e < 2^256
                    let w := calldataload(p)
                    let x := byte(0, w)
                    let l := byte(1, w)
                    let m := 0
                    if l {
                        let w2 := calldataload(add(p, 2))
                        m := shr(sub(256, shl(3, l)), w2)
                        bad := or(bad, iszero(byte(0, w2)))
                    }
                    p := add(add(p, 2), l)
                    bad := or(bad, or(gt(l, 32), gt(x, 77)))
                    switch m
                    case 0 { bad := or(bad, x) }
                    default {
                        bad := or(bad, iszero(mod(m, 10)))
                        if x {
                            let f := exp(10, x)
                            let v := mul(m, f)
                            bad := or(bad, iszero(eq(div(v, f), m)))
                            m := v
                        }
                    }
                    mstore(add(rec, 0x100), m)
                }
                mstore(add(rec, 0x1c0), shr(192, calldataload(p)))
                p := add(p, 8)
            }
            default {
                // from[4] (to[4] [toAddress[20] if forced] | address[20]) nonce value fees
                // [gasLimit] r[32] s[32] [timestamp[8] if forced]
                mstore(add(rec, 0x80), shr(224, calldataload(p)))
                p := add(p, 4)
                switch kind
                case 0 {
                    mstore(add(rec, 0xa0), shr(224, calldataload(p)))
                    p := add(p, 4)
                    if forced {
                        // the queue entry names the recipient by address, not by index
                        mstore(add(rec, 0xc0), shr(96, calldataload(p)))
                        p := add(p, 20)
                    }
                }
                default {
                    mstore(add(rec, 0xc0), shr(96, calldataload(p)))
                    p := add(p, 20)
                }
                {
                    // uvar: L <= 32, then L bytes without a leading zero byte
                    let l := byte(0, calldataload(p))
                    let v := 0
                    if l {
                        let w := calldataload(add(p, 1))
                        v := shr(sub(256, shl(3, l)), w)
                        bad := or(bad, iszero(byte(0, w)))
                    }
                    bad := or(bad, gt(l, 32))
                    p := add(add(p, 1), l)
                    mstore(add(rec, 0xe0), v)
                }
                {
                    // amount: exponent e <= 77, uvar mantissa m (L <= 32, no leading zero byte);
                    // canonical (m not divisible by 10, zero is e = 0) and m * 10^e < 2^256
                    let w := calldataload(p)
                    let x := byte(0, w)
                    let l := byte(1, w)
                    let m := 0
                    if l {
                        let w2 := calldataload(add(p, 2))
                        m := shr(sub(256, shl(3, l)), w2)
                        bad := or(bad, iszero(byte(0, w2)))
                    }
                    p := add(add(p, 2), l)
                    bad := or(bad, or(gt(l, 32), gt(x, 77)))
                    switch m
                    case 0 { bad := or(bad, x) }
                    default {
                        bad := or(bad, iszero(mod(m, 10)))
                        if x {
                            let f := exp(10, x)
                            let v := mul(m, f)
                            bad := or(bad, iszero(eq(div(v, f), m)))
                            m := v
                        }
                    }
                    mstore(add(rec, 0x100), m)
                }
                {
                    // amount: exponent e <= 77, uvar mantissa m (L <= 32, no leading zero byte);
                    // canonical (m not divisible by 10, zero is e = 0) and m * 10^e < 2^256
                    let w := calldataload(p)
                    let x := byte(0, w)
                    let l := byte(1, w)
                    let m := 0
                    if l {
                        let w2 := calldataload(add(p, 2))
                        m := shr(sub(256, shl(3, l)), w2)
                        bad := or(bad, iszero(byte(0, w2)))
                    }
                    p := add(add(p, 2), l)
                    bad := or(bad, or(gt(l, 32), gt(x, 77)))
                    switch m
                    case 0 { bad := or(bad, x) }
                    default {
                        bad := or(bad, iszero(mod(m, 10)))
                        if x {
                            let f := exp(10, x)
                            let v := mul(m, f)
                            bad := or(bad, iszero(eq(div(v, f), m)))
                            m := v
                        }
                    }
                    mstore(add(rec, 0x120), m)
                }
                switch and(flags, 4)
                case 0 { mstore(add(rec, 0x140), 0) }
                default {
                    {
                        // amount: exponent e <= 77, uvar mantissa m (L <= 32, no leading zero byte);
                        // canonical (m not divisible by 10, zero is e = 0) and m * 10^e < 2^256
                        let w := calldataload(p)
                        let x := byte(0, w)
                        let l := byte(1, w)
                        let m := 0
                        if l {
                            let w2 := calldataload(add(p, 2))
                            m := shr(sub(256, shl(3, l)), w2)
                            bad := or(bad, iszero(byte(0, w2)))
                        }
                        p := add(add(p, 2), l)
                        bad := or(bad, or(gt(l, 32), gt(x, 77)))
                        switch m
                        case 0 { bad := or(bad, x) }
                        default {
                            bad := or(bad, iszero(mod(m, 10)))
                            if x {
                                let f := exp(10, x)
                                let v := mul(m, f)
                                bad := or(bad, iszero(eq(div(v, f), m)))
                                m := v
                            }
                        }
                        mstore(add(rec, 0x140), m)
                    }

                }
                switch and(flags, 0x10)
                case 0 {
                    {
                        // uvar: L <= 32, then L bytes without a leading zero byte
                        let l := byte(0, calldataload(p))
                        let v := 0
                        if l {
                            let w := calldataload(add(p, 1))
                            v := shr(sub(256, shl(3, l)), w)
                            bad := or(bad, iszero(byte(0, w)))
                        }
                        bad := or(bad, gt(l, 32))
                        p := add(add(p, 1), l)
                        mstore(add(rec, 0x160), v)
                    }

                }
                default { mstore(add(rec, 0x160), 21000) }
                mstore(add(rec, 0x180), calldataload(p))
                mstore(add(rec, 0x1a0), calldataload(add(p, 32)))
                p := add(p, 64)
                if forced {
                    mstore(add(rec, 0x1c0), shr(192, calldataload(p)))
                    p := add(p, 8)
                }
            }
            bad := or(bad, gt(p, end))
            next := mul(p, iszero(bad))
        }
    }

    /// Skips well-formed transfer records (kinds 0 and 1) from calldata offset `p`, at most `k`
    /// of them and not past `end`, and returns the offset after the last one skipped and how many.
    /// It stops at the first record it cannot vouch for cheaply and leaves it to `decode`, the
    /// reference for §4.1: a withdrawal, deposit or forced record (whose fields the caller needs:
    /// every forced record is a queue entry), anything malformed, and some well-formed but unusual
    /// numbers. Stopping too early only costs gas; skipping a malformed record would be a bug.
    /// This is the per-record cost of every submitted batch, hence straight-line assembly with
    /// branchless checks on one word per field:
    /// - uvar: L <= 31 (so the bytes are in the loaded word) and the byte after the length is not
    ///   zero. For L > 0 that is the canonical-form rule; for L = 0 (the number zero) it is the
    ///   next field's first byte, and a zero there merely sends the record to `decode`.
    /// - amount: the header word `e << 8 | L` has e <= 31 and L <= 15 (one mask), so the mantissa
    ///   is in the loaded word and m * 10^e < 2^120 * 10^31 < 2^256; no leading zero byte;
    ///   canonical: m not divisible by 10. Zero (e = 0, L = 0) is taken fast only in the gasPrice
    ///   / maxPriorityFeePerGas field, where it is usual; elsewhere m = 0 counts as divisible by
    ///   10 and leaves the record to `decode`.
    function scanTransfers(uint256 p, uint256 end, uint256 k) internal pure returns (uint256 next, uint256 n) {
        assembly ("memory-safe") {
            for {} and(lt(n, k), lt(p, end)) {} {
                let start := p
                let flags := byte(0, calldataload(p))
                // kinds 0 and 1 only; not forced or skipped (bits 5, 6), bit 7 zero
                let slow := and(flags, 0xe2)
                // flag, from[4], to[4] (kind 0) or toAddress[20] (kind 1)
                p := add(p, add(9, shl(4, and(flags, 1))))
                {
                    // nonce: a uvar
                    let w := calldataload(p)
                    let l := byte(0, w)
                    slow := or(slow, or(gt(l, 31), iszero(byte(1, w))))
                    p := add(add(p, 1), l)
                }
                {
                    // value: an amount (exponent, uvar mantissa)
                    let w := calldataload(p)
                    let l := byte(1, w)
                    slow := or(slow, or(or(and(shr(240, w), 0xe0f0), iszero(byte(2, w))), iszero(mod(shr(sub(256, shl(3, l)), shl(16, w)), 10))))
                    p := add(add(p, 2), l)
                }
                {
                    // gasPrice or maxPriorityFeePerGas: an amount (exponent, uvar mantissa)
                    let w := calldataload(p)
                    switch shr(240, w)
                    case 0 { p := add(p, 2) } // zero (e = 0, L = 0): the usual priority fee
                    default {
                        let l := byte(1, w)
                        slow := or(slow, or(or(and(shr(240, w), 0xe0f0), iszero(byte(2, w))), iszero(mod(shr(sub(256, shl(3, l)), shl(16, w)), 10))))
                        p := add(add(p, 2), l)
                    }
                }
                if and(flags, 4) {
                    // maxFeePerGas: an amount (exponent, uvar mantissa)
                    let w := calldataload(p)
                    let l := byte(1, w)
                    slow := or(slow, or(or(and(shr(240, w), 0xe0f0), iszero(byte(2, w))), iszero(mod(shr(sub(256, shl(3, l)), shl(16, w)), 10))))
                    p := add(add(p, 2), l)
                }
                if iszero(and(flags, 0x10)) {
                    // gasLimit: a uvar
                    let w := calldataload(p)
                    let l := byte(0, w)
                    slow := or(slow, or(gt(l, 31), iszero(byte(1, w))))
                    p := add(add(p, 1), l)
                }
                p := add(p, 64) // r, s
                if or(slow, gt(p, end)) {
                    p := start
                    break
                }
                n := add(n, 1)
            }
            next := p
        }
    }

    /// The withdrawal leaf of §4.2: keccak(recipient[20] ‖ amount[32]).
    function withdrawalLeaf(address recipient, uint256 amount_) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            mstore(0x00, shl(96, recipient))
            mstore(0x14, amount_)
            h := keccak256(0x00, 0x34)
        }
    }

    /// The packed deposit queue word of §4.4: keccak(prev ‖ to[20] ‖ amount[32] ‖ timestamp[8])
    /// with its low 4 bytes replaced by uint32(timestamp), so `uint32(q[i])` is entry i's time.
    function depositChain(bytes32 prev, address to, uint256 amount_, uint256 ts)
        internal
        pure
        returns (bytes32 h)
    {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, prev)
            mstore(add(m, 0x20), shl(96, to))
            mstore(add(m, 0x34), amount_)
            mstore(add(m, 0x54), shl(192, ts))
            h := or(and(keccak256(m, 0x5c), not(0xffffffff)), and(ts, 0xffffffff))
        }
    }

    /// The packed forced-transaction queue word of §4.4: keccak(prev ‖ forcedHash[32] ‖
    /// timestamp[8]) with its low 4 bytes replaced by uint32(timestamp). Its 72-byte preimage can
    /// never be read as a deposit's 92 bytes, nor the other way round.
    function forcedChain(bytes32 prev, bytes32 forcedHash, uint256 ts) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, prev)
            mstore(add(m, 0x20), forcedHash)
            mstore(add(m, 0x40), shl(192, ts))
            h := or(and(keccak256(m, 0x48), not(0xffffffff)), and(ts, 0xffffffff))
        }
    }
}
