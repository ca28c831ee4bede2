// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Record, RecordCodec} from "./RecordCodec.sol";

/// Fraud verdicts of docs/PROTOCOL.md §3/§6 (ABI: uint8).
enum Verdict {
    None,
    WrongStateRoot,
    UnknownAccount,
    BadNonce,
    BadSignature,
    BadFee,
    Overdraft,
    Overflow,
    BadWithdrawal,
    WrongSkip // a skipped forced transaction passes rules 2-5 for an account of its signer (§4.5)
}

/// The rules of one record of the state transition (§3), on account values the caller has
/// already authenticated. Shared by the contract's fraud replay and the tests' reference L2 model
/// so that both run the very same rules.
library Stf {
    address internal constant WITHDRAWAL_ADDRESS = address(0x5111CE);
    uint256 internal constant TRANSFER_GAS = 21000;
    // secp256k1 group order / 2: EIP-2 rejects signatures with a larger s.
    uint256 internal constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    /// Account leaf: keccak(address[20] ‖ balance[32] ‖ nonce[8]).
    function leafHash(address a, uint256 bal, uint256 nonce) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, shl(96, a))
            mstore(add(m, 0x14), bal)
            mstore(add(m, 0x34), shl(192, nonce))
            h := keccak256(m, 0x3c)
        }
    }

    /// State root: keccak(treeRoot[32] ‖ count[4]).
    function stateRoot(bytes32 treeRoot, uint256 count) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            mstore(0x00, treeRoot)
            mstore(0x20, shl(224, count))
            h := keccak256(0x00, 0x24)
        }
    }

    /// The address the record's signature recovers to over the transaction rebuilt with
    /// recipient `to` and chain id `chainId`, or address(0) if it is invalid or has a high s.
    function signer(Record memory rec, address to, uint256 chainId) internal pure returns (address) {
        if (uint256(rec.s) > HALF_N) return address(0);
        bytes32 digest = signingHash(rec, to, chainId);
        return ecrecover(digest, uint8(27 + rec.parity), rec.r, rec.s);
    }

    /// The `to` address a signed record carries itself (§4.1): WITHDRAWAL_ADDRESS for a withdrawal,
    /// else its toAddress (kind 1, and forced kind 0: a queue entry names an address, not an
    /// account). An unforced kind 0 record names an account instead, whose address the caller reads.
    /// For a forced record it is the `to` of its ForcedTransaction tuple (§4.5).
    function recordedTo(Record memory rec) internal pure returns (address) {
        return rec.kind == RecordCodec.KIND_WITHDRAWAL ? WITHDRAWAL_ADDRESS : rec.addr;
    }

    /// keccak of the EIP-155 payload rlp([nonce, gasPrice, gasLimit, to, value, "", chainId, 0, 0])
    /// or of the EIP-1559 payload 0x02 ‖ rlp([chainId, nonce, maxPriorityFee, maxFee, gasLimit,
    /// to, value, "", []]).
    function signingHash(Record memory rec, address to, uint256 chainId) internal pure returns (bytes32 h) {
        bytes memory body;
        if (rec.eip1559) {
            body = bytes.concat(
                _rlpUint(chainId),
                _rlpUint(rec.nonce),
                _rlpUint(rec.fee1),
                _rlpUint(rec.fee2),
                _rlpUint(rec.gasLimit),
                bytes1(0x94),
                bytes20(to),
                _rlpUint(rec.value),
                hex"80c0"
            );
            return keccak256(bytes.concat(hex"02", _rlpListHeader(body.length), body));
        }
        body = bytes.concat(
            _rlpUint(rec.nonce),
            _rlpUint(rec.fee1),
            _rlpUint(rec.gasLimit),
            bytes1(0x94),
            bytes20(to),
            _rlpUint(rec.value),
            hex"80",
            _rlpUint(chainId),
            hex"8080"
        );
        return keccak256(bytes.concat(_rlpListHeader(body.length), body));
    }

    function _rlpUint(uint256 v) private pure returns (bytes memory out) {
        if (v == 0) return hex"80";
        if (v < 0x80) return abi.encodePacked(uint8(v));
        uint256 len = 0;
        for (uint256 t = v; t != 0; t >>= 8) ++len;
        out = new bytes(len + 1);
        assembly ("memory-safe") {
            mstore8(add(out, 0x20), add(0x80, len))
            mstore(add(out, 0x21), shl(sub(256, shl(3, len)), v))
        }
    }

    function _rlpListHeader(uint256 len) private pure returns (bytes memory) {
        if (len < 56) return abi.encodePacked(uint8(0xc0 + len));
        if (len < 256) return abi.encodePacked(uint8(0xf8), uint8(len));
        return abi.encodePacked(uint8(0xf9), uint16(len));
    }

    /// Rules 2-5 and 7 of §3 for a signed record (rule 7 for withdrawals and new-account transfers;
    /// kind 0's rule 7 comes after its rule 6: `creditableRecipient`). `signedTo` is the `to` of the
    /// rebuilt transaction. Returns the verdict (None when valid) and the fee the sender pays.
    function checkSigned(
        Record memory rec,
        address senderAddr,
        uint256 senderBalance,
        uint256 senderNonce,
        address signedTo,
        uint256 chainId,
        uint256 baseFee
    ) internal pure returns (Verdict v, uint256 fee) {
        (v, fee) = checkSender(rec, senderAddr, senderBalance, senderNonce, signedTo, chainId, baseFee);
        if (v != Verdict.None) return (v, 0);
        if (rec.kind == RecordCodec.KIND_WITHDRAWAL && rec.addr != senderAddr) return (Verdict.BadWithdrawal, 0);
        if (rec.kind == RecordCodec.KIND_NEW_ACCOUNT && rec.addr == WITHDRAWAL_ADDRESS) {
            return (Verdict.BadWithdrawal, 0);
        }
    }

    /// Rules 2-5 of §3, the ones the sender's account and the signature decide: for an applied
    /// record the first part of `checkSigned`; for a skipped forced record (§4.5) all of what makes
    /// the skip wrong for the account (senderAddr, senderBalance, senderNonce). Returns the verdict
    /// of the first broken rule (None when all hold) and the fee.
    function checkSender(
        Record memory rec,
        address senderAddr,
        uint256 senderBalance,
        uint256 senderNonce,
        address signedTo,
        uint256 chainId,
        uint256 baseFee
    ) internal pure returns (Verdict, uint256 fee) {
        // An 8-byte nonce cannot be incremented past 2^64 - 1 (EIP-2681).
        if (rec.nonce != senderNonce || senderNonce == type(uint64).max) return (Verdict.BadNonce, 0);
        address recovered = signer(rec, signedTo, chainId);
        if (recovered == address(0) || recovered != senderAddr) return (Verdict.BadSignature, 0);
        uint256 price;
        if (rec.gasLimit < TRANSFER_GAS) return (Verdict.BadFee, 0);
        if (rec.eip1559) {
            if (rec.fee1 > rec.fee2 || rec.fee2 < baseFee) return (Verdict.BadFee, 0);
            // min(maxFee, baseFee + priority) without overflowing the sum.
            price = rec.fee1 >= rec.fee2 - baseFee ? rec.fee2 : baseFee + rec.fee1;
        } else {
            if (rec.fee1 < baseFee) return (Verdict.BadFee, 0);
            price = rec.fee1;
        }
        unchecked {
            if (price > type(uint256).max / TRANSFER_GAS) return (Verdict.Overdraft, 0);
            fee = price * TRANSFER_GAS;
            if (rec.value > type(uint256).max - fee || rec.value + fee > senderBalance) {
                return (Verdict.Overdraft, 0);
            }
        }
        return (Verdict.None, fee);
    }

    /// Rule 7 for a transfer to an existing account (kind 0), checked after rule 6: its recipient
    /// account must not have the address WITHDRAWAL_ADDRESS (§3, "No account for WITHDRAWAL_ADDRESS").
    function creditableRecipient(address recipient) internal pure returns (bool) {
        return recipient != WITHDRAWAL_ADDRESS;
    }

    /// balance + amount, or ok = false on overflow (verdict Overflow).
    function credit(uint256 balance, uint256 amount) internal pure returns (uint256, bool ok) {
        unchecked {
            uint256 sum = balance + amount;
            return (sum, sum >= balance);
        }
    }
}
