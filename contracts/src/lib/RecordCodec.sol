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
    address addr; // toAddress (kind 1), l1Recipient (kind 2), deposit address (kind 3)
    uint256 nonce;
    uint256 value; // value (signed kinds) or deposit amount
    uint256 fee1; // gasPrice (legacy) or maxPriorityFeePerGas (EIP-1559)
    uint256 fee2; // maxFeePerGas (EIP-1559), 0 for legacy
    uint256 gasLimit;
    bytes32 r;
    bytes32 s;
    uint256 timestamp; // deposits only
}

library RecordCodec {
    uint256 internal constant KIND_TRANSFER = 0;
    uint256 internal constant KIND_NEW_ACCOUNT = 1;
    uint256 internal constant KIND_WITHDRAWAL = 2;
    uint256 internal constant KIND_DEPOSIT = 3;
    uint256 internal constant TRANSFER_GAS = 21000;

    /// Decodes the record at calldata offset `p` (absolute) into `rec`, reading nothing at or past
    /// `end`. Returns the offset after the record, or 0 if the record is malformed (§4.1: unknown
    /// kind, non-zero reserved bits, non-canonical number, running past `end`).
    /// Assembly because this runs once per record of every submitted batch.
    function decode(Record memory rec, uint256 p, uint256 end) internal pure returns (uint256 next) {
        assembly ("memory-safe") {
            let bad := 0

            // uvar: length byte L <= 32, then L big-endian bytes without a leading zero byte.
            function uvar(q, e) -> v, nq, err {
                let l := byte(0, calldataload(q))
                nq := add(add(q, 1), l)
                err := or(gt(l, 32), gt(nq, e))
                if l {
                    let w := calldataload(add(q, 1))
                    v := shr(sub(256, shl(3, l)), w)
                    err := or(err, iszero(byte(0, w)))
                }
            }
            // amount: exponent byte e <= 77, then a uvar mantissa m; value m * 10^e < 2^256,
            // canonical: e is the largest exponent (m not divisible by 10; zero is e = 0, m = 0).
            function amount(q, e) -> v, nq, err {
                let x := byte(0, calldataload(q))
                let m
                m, nq, err := uvar(add(q, 1), e)
                err := or(err, or(gt(add(q, 1), e), gt(x, 77)))
                switch m
                case 0 { err := or(err, iszero(iszero(x))) }
                default {
                    err := or(err, iszero(mod(m, 10)))
                    let f := exp(10, x)
                    v := mul(m, f)
                    err := or(err, iszero(eq(div(v, f), m)))
                }
            }

            if iszero(lt(p, end)) { bad := 1 }
            let flags := byte(0, calldataload(p))
            let kind := and(flags, 3)
            bad := or(bad, gt(flags, 0x1f))
            mstore(rec, kind)
            mstore(add(rec, 0x20), and(shr(2, flags), 1))
            mstore(add(rec, 0x40), and(shr(3, flags), 1))
            mstore(add(rec, 0x60), and(shr(4, flags), 1))
            mstore(add(rec, 0xa0), 0)
            mstore(add(rec, 0xc0), 0)
            p := add(p, 1)
            let v
            let err
            switch kind
            case 3 {
                // deposit: [to[4] if bit 4 is 0] address[20] amount timestamp[8]
                bad := or(bad, and(flags, 0x0c)) // type and parity bits are 0 for deposits
                mstore(add(rec, 0x80), 0)
                if iszero(and(flags, 0x10)) {
                    mstore(add(rec, 0xa0), shr(224, calldataload(p)))
                    p := add(p, 4)
                }
                mstore(add(rec, 0xc0), shr(96, calldataload(p)))
                p := add(p, 20)
                v, p, err := amount(p, end)
                bad := or(bad, err)
                mstore(add(rec, 0x100), v)
                mstore(add(rec, 0x1c0), shr(192, calldataload(p)))
                p := add(p, 8)
            }
            default {
                // from[4] (to[4] | address[20]) nonce value fees [gasLimit] r[32] s[32]
                mstore(add(rec, 0x80), shr(224, calldataload(add(p, 0))))
                p := add(p, 4)
                switch kind
                case 0 {
                    mstore(add(rec, 0xa0), shr(224, calldataload(p)))
                    p := add(p, 4)
                }
                default {
                    mstore(add(rec, 0xc0), shr(96, calldataload(p)))
                    p := add(p, 20)
                }
                v, p, err := uvar(p, end)
                bad := or(bad, err)
                mstore(add(rec, 0xe0), v)
                v, p, err := amount(p, end)
                bad := or(bad, err)
                mstore(add(rec, 0x100), v)
                v, p, err := amount(p, end)
                bad := or(bad, err)
                mstore(add(rec, 0x120), v)
                v := 0
                if and(flags, 4) {
                    v, p, err := amount(p, end)
                    bad := or(bad, err)
                }
                mstore(add(rec, 0x140), v)
                v := 21000
                if iszero(and(flags, 0x10)) {
                    v, p, err := uvar(p, end)
                    bad := or(bad, err)
                }
                mstore(add(rec, 0x160), v)
                mstore(add(rec, 0x180), calldataload(p))
                mstore(add(rec, 0x1a0), calldataload(add(p, 32)))
                p := add(p, 64)
            }
            // Offsets only grow by at most 20 + 2 * 33 bytes between checks, so one final
            // bound check also covers the fixed-width fields.
            bad := or(bad, gt(p, end))
            next := mul(p, iszero(bad))
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

    /// The deposit queue chain step of §4.4: keccak(prev ‖ to[20] ‖ amount[32] ‖ timestamp[8]).
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
            h := keccak256(m, 0x5c)
        }
    }
}
