// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Record, RecordCodec} from "./RecordCodec.sol";
import {Merkle} from "./Merkle.sol";
import {Stf, Verdict} from "./Stf.sol";

/// Re-executes one chunk against a witness (docs/PROTOCOL.md §6).
///
/// Witness: per record, the accounts it touches in the order the STF touches them (sender, then
/// recipient for kinds 0 and 1, the recipient for deposits), then the fee account (index 0) if the
/// chunk collected any fee. An account is `address[20] balance[32] nonce[8]` + compressed proof;
/// a new account (empty leaf) is its compressed proof alone. Each proof is checked against the
/// tree as it is at that moment. A skipped forced record has a 4-byte claim instead: 0xffffffff
/// (not contested), or the index of its signer's account followed by that account (§6).
/// Replay stops at the first invalid record, so the witness holds only the accounts consumed up
/// to there; bytes after what the replay consumes are ignored.
library Replay {
    error BadWitness();
    error MalformedRecord(uint256 recordIndex);

    struct Ctx {
        bytes32 root; // account tree root as the replay goes
        uint256 count;
        uint256 w; // witness cursor (absolute calldata offset)
        uint256 wEnd;
        uint256 feeSum;
        bool feeOverflow; // reported as Overflow at the fee credit, after the last record
        uint256 chainId;
        uint256 baseFee;
        bytes32[33] z;
    }

    /// An authenticated account taken from the witness.
    struct Acct {
        address addr;
        uint256 balance;
        uint256 nonce;
        uint256 proof; // calldata offset of its compressed proof
    }

    /// Replays `records` from the tree (`treeRoot`, `count`). Returns the first invalid record's
    /// verdict and index in the chunk, or (None, n) and the resulting state root if all are valid.
    /// Reverts BadWitness when the witness does not match the tree.
    function run(
        bytes calldata records,
        bytes calldata witness,
        bytes32 treeRoot,
        uint256 count,
        uint256 chainId,
        uint256 baseFee
    ) internal pure returns (Verdict verdict, uint256 recordIndex, bytes32 postStateRoot) {
        Ctx memory c;
        c.root = treeRoot;
        c.count = count;
        c.chainId = chainId;
        c.baseFee = baseFee;
        c.z = Merkle.zeros();
        uint256 wOff;
        uint256 rOff;
        assembly {
            wOff := witness.offset
            rOff := records.offset
        }
        c.w = wOff;
        c.wEnd = wOff + witness.length;
        uint256 end = rOff + records.length;
        Record memory rec;
        uint256 i = 0;
        for (uint256 p = rOff; p < end; ++i) {
            p = RecordCodec.decode(rec, p, end);
            if (p == 0) revert MalformedRecord(i);
            if (rec.kind == RecordCodec.KIND_DEPOSIT) verdict = _deposit(c, rec);
            else if (rec.skipped) verdict = _skipped(c, rec);
            else verdict = _signed(c, rec);
            if (verdict != Verdict.None) return (verdict, i, bytes32(0));
        }
        if (c.feeOverflow) return (Verdict.Overflow, i, bytes32(0));
        if (c.feeSum != 0) {
            Acct memory fa = _take(c, 0);
            (uint256 bal, bool ok) = Stf.credit(fa.balance, c.feeSum);
            if (!ok) return (Verdict.Overflow, i, bytes32(0));
            _update(c, fa, 0, Stf.leafHash(fa.addr, bal, fa.nonce));
        }
        return (Verdict.None, i, Stf.stateRoot(c.root, c.count));
    }

    function _signed(Ctx memory c, Record memory rec) private pure returns (Verdict) {
        if (rec.from >= c.count) return Verdict.UnknownAccount;
        // Rule 6's `to < count` is checked with rule 1: the signed transaction (rule 3) cannot be
        // rebuilt without the recipient's address.
        if (rec.kind == RecordCodec.KIND_TRANSFER && rec.to >= c.count) return Verdict.UnknownAccount;
        Acct memory sender = _take(c, rec.from);
        address signedTo;
        bool peeked; // signedTo is the recipient's address read from the witness, not yet proven
        if (rec.kind == RecordCodec.KIND_TRANSFER) {
            if (rec.to == rec.from) {
                signedTo = sender.addr;
            } else {
                // The recipient's entry comes next; its proof is against the tree after the
                // sender's update, which is only checked below.
                if (c.w + 20 > c.wEnd) revert BadWitness();
                uint256 w = c.w;
                assembly {
                    signedTo := shr(96, calldataload(w))
                }
                peeked = true;
            }
            if (rec.forced) {
                // §4.5: the queue entry names the recipient by address (rule 1, before rule 2);
                // the account `to` must have it. Checked on the recipient as it is now.
                if (peeked) _authenticatePeeked(c, rec, sender);
                peeked = false;
                if (signedTo != rec.addr) return Verdict.UnknownAccount;
            }
        } else {
            signedTo = Stf.recordedTo(rec); // toAddress (kind 1) or WITHDRAWAL_ADDRESS (kind 2)
        }
        (Verdict v, uint256 fee) =
            Stf.checkSigned(rec, sender.addr, sender.balance, sender.nonce, signedTo, c.chainId, c.baseFee);
        if (v != Verdict.None) {
            // A bad signature over an unauthenticated recipient address proves nothing: check the
            // recipient against the tree before the sender's update.
            if (v == Verdict.BadSignature && peeked) _authenticatePeeked(c, rec, sender);
            return v;
        }
        unchecked {
            // checkSigned ensured value + fee <= balance, nonce < 2^64 - 1.
            _update(c, sender, rec.from, Stf.leafHash(sender.addr, sender.balance - rec.value - fee, sender.nonce + 1));
        }
        bool ok;
        (c.feeSum, ok) = Stf.credit(c.feeSum, fee);
        if (!ok) c.feeOverflow = true;
        if (rec.kind == RecordCodec.KIND_TRANSFER) {
            Acct memory to = _take(c, rec.to);
            uint256 bal;
            (bal, ok) = Stf.credit(to.balance, rec.value);
            if (!ok) return Verdict.Overflow;
            // Rule 7 for kind 0, after rule 6, on the recipient witnessed as for a valid record.
            if (!Stf.creditableRecipient(to.addr)) return Verdict.BadWithdrawal;
            _update(c, to, rec.to, Stf.leafHash(to.addr, bal, to.nonce));
        } else if (rec.kind == RecordCodec.KIND_NEW_ACCOUNT) {
            if (!_create(c, rec.addr, rec.value)) return Verdict.Overflow;
        }
        return Verdict.None;
    }

    /// A skipped forced record (§4.5, §6) changes nothing. Its witness claim is 0xffffffff (not
    /// contested) or an account index followed by that account: then the skip is wrong (WrongSkip)
    /// if the transaction passes rules 2-5 for it, the signature recovering its address; if not,
    /// the claim was the challenger's mistake (BadWitness). No recipient-side rule can justify a
    /// skip, so none is checked.
    function _skipped(Ctx memory c, Record memory rec) private pure returns (Verdict) {
        uint256 w = c.w;
        if (w + 4 > c.wEnd) revert BadWitness();
        uint256 claim;
        assembly {
            claim := shr(224, calldataload(w))
        }
        c.w = w + 4;
        if (claim == type(uint32).max) return Verdict.None;
        if (claim >= c.count) revert BadWitness();
        Acct memory a = _take(c, claim);
        (Verdict v,) = Stf.checkSender(rec, a.addr, a.balance, a.nonce, Stf.recordedTo(rec), c.chainId, c.baseFee);
        if (v != Verdict.None) revert BadWitness();
        return Verdict.WrongSkip;
    }

    function _deposit(Ctx memory c, Record memory rec) private pure returns (Verdict) {
        if (rec.bit4) {
            return _create(c, rec.addr, rec.value) ? Verdict.None : Verdict.Overflow;
        }
        if (rec.to >= c.count) return Verdict.UnknownAccount;
        Acct memory to = _take(c, rec.to);
        if (to.addr != rec.addr) return Verdict.UnknownAccount;
        (uint256 bal, bool ok) = Stf.credit(to.balance, rec.value);
        if (!ok) return Verdict.Overflow;
        _update(c, to, rec.to, Stf.leafHash(to.addr, bal, to.nonce));
        return Verdict.None;
    }

    /// Appends an account at index `count`, witnessed by its proof alone (an empty leaf).
    /// False when the tree is full (2^32 accounts).
    function _create(Ctx memory c, address addr, uint256 balance) private pure returns (bool) {
        uint256 idx = c.count;
        if (idx >= 1 << Merkle.ACCOUNT_DEPTH) return false;
        uint256 p = c.w;
        (bytes32 root, uint256 next) = Merkle.accountRoot(bytes32(0), idx, p, c.z);
        if (next > c.wEnd || root != c.root) revert BadWitness();
        c.w = next;
        (c.root,) = Merkle.accountRoot(Stf.leafHash(addr, balance, 0), idx, p, c.z);
        c.count = idx + 1;
        return true;
    }

    /// Reads the next witnessed account, which must be the leaf at `idx` of the current tree.
    function _take(Ctx memory c, uint256 idx) private pure returns (Acct memory a) {
        uint256 w = c.w;
        if (w + 64 > c.wEnd) revert BadWitness();
        address addr;
        uint256 bal;
        uint256 nonce;
        assembly {
            addr := shr(96, calldataload(w))
            bal := calldataload(add(w, 20))
            nonce := shr(192, calldataload(add(w, 52)))
        }
        a.addr = addr;
        a.balance = bal;
        a.nonce = nonce;
        a.proof = w + 60;
        _expectRoot(c, Stf.leafHash(addr, bal, nonce), idx, a.proof);
    }

    /// Checks that `leaf` at `idx` under the proof at `p` gives the current root; moves the
    /// witness cursor past the proof.
    function _expectRoot(Ctx memory c, bytes32 leaf, uint256 idx, uint256 p) private pure {
        (bytes32 root, uint256 next) = Merkle.accountRoot(leaf, idx, p, c.z);
        if (next > c.wEnd || root != c.root) revert BadWitness();
        c.w = next;
    }

    /// Replaces the leaf of an account taken with `_take` (same siblings: nothing else changed since).
    function _update(Ctx memory c, Acct memory a, uint256 idx, bytes32 leaf) private pure {
        (c.root,) = Merkle.accountRoot(leaf, idx, a.proof, c.z);
    }

    /// The recipient entry at the witness cursor is proven against the tree after the sender's
    /// update. The two trees differ only on the sender's path, so above the level where the paths
    /// of `from` and `to` part, the recipient's sibling is the sender's subtree: recompute it from
    /// the sender's old leaf and check the recipient against the current (pre-update) root.
    function _authenticatePeeked(Ctx memory c, Record memory rec, Acct memory sender) private pure {
        uint256 w = c.w;
        if (w + 64 > c.wEnd) revert BadWitness();
        uint256 level = _highestBit(rec.from ^ rec.to);
        (bytes32 senderNode,) = Merkle.walk(
            Stf.leafHash(sender.addr, sender.balance, sender.nonce), rec.from, sender.proof, level, 256, 0, c.z
        );
        (bytes32 root, uint256 next) = Merkle.walk(_leafAt(w), rec.to, w + 60, 32, level, senderNode, c.z);
        if (next > c.wEnd || root != c.root) revert BadWitness();
    }

    /// Leaf of the witnessed account at calldata offset `w`.
    function _leafAt(uint256 w) private pure returns (bytes32) {
        address addr;
        uint256 bal;
        uint256 nonce;
        assembly {
            addr := shr(96, calldataload(w))
            bal := calldataload(add(w, 20))
            nonce := shr(192, calldataload(add(w, 52)))
        }
        return Stf.leafHash(addr, bal, nonce);
    }

    function _highestBit(uint256 x) private pure returns (uint256 r) {
        while (x > 1) {
            x >>= 1;
            ++r;
        }
    }
}
