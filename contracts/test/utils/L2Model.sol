// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Record} from "../../src/lib/RecordCodec.sol";
import {Merkle} from "../../src/lib/Merkle.sol";
import {Stf, Verdict} from "../../src/lib/Stf.sol";
import {RecordEncoder} from "./RecordEncoder.sol";
import {RECORDS_PER_CHUNK} from "../../src/lib/Params.sol";

/// Test-only L2 state (accounts + the full depth-32 tree in storage) that builds batches and the
/// fraud-proof witnesses of their chunks. Leaves, state roots and every validity rule come from
/// the contract's own libraries (Stf, Merkle); only the bookkeeping is here.
contract L2Model {
    uint256 public constant K = RECORDS_PER_CHUNK;

    uint256 public immutable chainId;
    uint256 public immutable baseFee;

    uint256 public count;
    mapping(uint256 => address) public addrOf;
    mapping(uint256 => uint256) public balanceOf;
    mapping(uint256 => uint256) public nonceOf;
    mapping(uint256 => bytes32) private _nodes; // (level << 40 | position) => node, 0 = Z[level]
    bytes32[33] private _z;

    struct Chunk {
        bytes32 preRoot;
        bytes32 postRoot;
        bytes32 treeRoot; // behind preRoot
        uint32 count;
        bytes records;
        bytes witness;
    }

    Chunk[] private _chunks;
    bytes public batchRecords;
    uint256 private _inChunk;
    uint256 private _feeSum;
    bytes private _witness;
    bytes private _chunkRecords;

    constructor(address feeRecipient, uint256 chainId_, uint256 baseFee_) {
        chainId = chainId_;
        baseFee = baseFee_;
        _z = Merkle.zeros();
        _create(feeRecipient, 0);
    }

    // ---- tree ----
    function node(uint256 level, uint256 pos) public view returns (bytes32) {
        bytes32 v = _nodes[(level << 40) | pos];
        return v == bytes32(0) ? _z[level] : v;
    }

    function treeRoot() public view returns (bytes32) {
        return node(32, 0);
    }

    function stateRoot() public view returns (bytes32) {
        return Stf.stateRoot(treeRoot(), count);
    }

    /// Compressed proof of §6: bitmap[4] then the non-empty siblings from level 0 up.
    function proof(uint256 idx) public view returns (bytes memory sibs) {
        uint32 bitmap;
        for (uint256 l = 0; l < 32; ++l) {
            bytes32 s = node(l, (idx >> l) ^ 1);
            if (s != _z[l]) {
                bitmap |= uint32(1 << l);
                sibs = bytes.concat(sibs, s);
            }
        }
        return bytes.concat(bytes4(bitmap), sibs);
    }

    /// Sets the node at (level, pos) and rehashes the path above it.
    function setNode(uint256 level, uint256 pos, bytes32 value) public {
        _nodes[(level << 40) | pos] = value;
        for (uint256 l = level; l < 32; ++l) {
            bytes32 left = node(l, pos & ~uint256(1));
            bytes32 right = node(l, pos | 1);
            pos >>= 1;
            _nodes[((l + 1) << 40) | pos] = Merkle.hashPair(left, right);
        }
    }

    function _write(uint256 idx, address a, uint256 bal, uint256 n) private {
        addrOf[idx] = a;
        balanceOf[idx] = bal;
        nonceOf[idx] = n;
        setNode(0, idx, Stf.leafHash(a, bal, n));
    }

    function _create(address a, uint256 bal) private {
        _write(count, a, bal, 0);
        ++count;
    }

    /// Test-only direct state setting (e.g. a bench's pre-state or a fabricated fraudulent one).
    function forceAccount(uint256 idx, address a, uint256 bal, uint256 n) external {
        if (idx >= count) count = idx + 1;
        _write(idx, a, bal, n);
    }

    /// The witness entry of account `idx` (§6) in the current state: address, balance, nonce, proof.
    function accountEntry(uint256 idx) public view returns (bytes memory) {
        return bytes.concat(bytes20(addrOf[idx]), bytes32(balanceOf[idx]), bytes8(uint64(nonceOf[idx])), proof(idx));
    }

    function _witnessAccount(uint256 idx) private {
        _witness = bytes.concat(_witness, accountEntry(idx));
    }

    // ---- batches ----
    bool private _ended;

    /// Starts a new batch; the chunks of the ended one stay readable until then.
    function beginBatch() public {
        delete _chunks;
        batchRecords = "";
        _inChunk = 0;
        _ended = false;
    }

    /// Appends a record to the batch and applies it. For an invalid record the verdict is returned,
    /// its witness stops where the contract's replay stops, and the state is left as it was. A
    /// skipped forced record is invalid (WrongSkip) when its transaction was valid.
    function add(Record memory rec) public returns (Verdict v) {
        if (_ended) beginBatch();
        if (_inChunk == 0) {
            _chunks.push();
            Chunk storage c = _chunks[_chunks.length - 1];
            c.preRoot = stateRoot();
            c.treeRoot = treeRoot();
            c.count = uint32(count);
            _witness = "";
            _chunkRecords = "";
            _feeSum = 0;
        }
        bytes memory enc = RecordEncoder.encode(rec);
        _chunkRecords = bytes.concat(_chunkRecords, enc);
        batchRecords = bytes.concat(batchRecords, enc);
        if (rec.kind == 3) v = _deposit(rec);
        else if (rec.skipped) v = _skipped(rec);
        else v = _signed(rec);
        if (++_inChunk == K) _closeChunk();
    }

    function _signed(Record memory rec) private returns (Verdict) {
        if (rec.from >= count) return Verdict.UnknownAccount;
        if (rec.kind == 0 && rec.to >= count) return Verdict.UnknownAccount;
        _witnessAccount(rec.from);
        if (rec.forced && rec.kind == 0 && addrOf[rec.to] != rec.addr) {
            // §4.5: the account `to` must have the address the queue entry names.
            if (rec.to != rec.from) _witnessAccount(rec.to);
            return Verdict.UnknownAccount;
        }
        address to = signedTo(rec);
        (Verdict v, uint256 fee) = Stf.checkSigned(
            rec, addrOf[rec.from], balanceOf[rec.from], nonceOf[rec.from], to, chainId, baseFee
        );
        if (v != Verdict.None) {
            // The replay reads the recipient's address right after the sender (it is part of the
            // signed transaction), so its entry is there even when the record fails.
            if (rec.kind == 0 && rec.to != rec.from) _witnessAccount(rec.to);
            return v;
        }
        _write(rec.from, addrOf[rec.from], balanceOf[rec.from] - rec.value - fee, nonceOf[rec.from] + 1);
        _feeSum += fee;
        if (rec.kind == 0) {
            _witnessAccount(rec.to);
            (uint256 bal, bool ok) = Stf.credit(balanceOf[rec.to], rec.value);
            if (!ok) return Verdict.Overflow;
            if (!Stf.creditableRecipient(addrOf[rec.to])) return Verdict.BadWithdrawal;
            _write(rec.to, addrOf[rec.to], bal, nonceOf[rec.to]);
        } else if (rec.kind == 1) {
            _witness = bytes.concat(_witness, proof(count));
            _create(rec.addr, rec.value);
        }
        return Verdict.None;
    }

    /// A skip is wrong when the transaction passes rules 2-5 for an account of its signer: the
    /// witness then claims that account (§6). A right skip's claim is 0xffffffff (not contested).
    function _skipped(Record memory rec) private returns (Verdict) {
        address to = Stf.recordedTo(rec);
        address s = Stf.signer(rec, to, chainId);
        for (uint256 i = 0; s != address(0) && i < count; ++i) {
            if (addrOf[i] != s) continue;
            (Verdict v,) = Stf.checkSender(rec, s, balanceOf[i], nonceOf[i], to, chainId, baseFee);
            if (v == Verdict.None) {
                _witness = bytes.concat(_witness, claim(i));
                return Verdict.WrongSkip;
            }
        }
        _witness = bytes.concat(_witness, bytes4(type(uint32).max));
        return Verdict.None;
    }

    /// The witness claim of §6 that contests a skip with account `idx` (in the current state).
    function claim(uint256 idx) public view returns (bytes memory) {
        return bytes.concat(bytes4(uint32(idx)), accountEntry(idx));
    }

    function _deposit(Record memory rec) private returns (Verdict) {
        if (rec.bit4) {
            _witness = bytes.concat(_witness, proof(count));
            _create(rec.addr, rec.value);
            return Verdict.None;
        }
        if (rec.to >= count) return Verdict.UnknownAccount;
        _witnessAccount(rec.to);
        if (addrOf[rec.to] != rec.addr) return Verdict.UnknownAccount;
        (uint256 bal, bool ok) = Stf.credit(balanceOf[rec.to], rec.value);
        if (!ok) return Verdict.Overflow;
        _write(rec.to, rec.addr, bal, nonceOf[rec.to]);
        return Verdict.None;
    }

    function _closeChunk() private {
        if (_feeSum != 0) {
            _witnessAccount(0);
            _write(0, addrOf[0], balanceOf[0] + _feeSum, nonceOf[0]);
        }
        Chunk storage c = _chunks[_chunks.length - 1];
        c.postRoot = stateRoot();
        c.records = _chunkRecords;
        c.witness = _witness;
        _inChunk = 0;
    }

    /// Closes the last chunk; returns the batch's records and chunk roots.
    function endBatch() external returns (bytes memory records, bytes32[] memory roots) {
        if (_inChunk != 0) _closeChunk();
        _ended = true;
        roots = new bytes32[](_chunks.length);
        for (uint256 i = 0; i < roots.length; ++i) {
            roots[i] = _chunks[i].postRoot;
        }
        return (batchRecords, roots);
    }

    function chunkCount() external view returns (uint256) {
        return _chunks.length;
    }

    function chunk(uint256 i) external view returns (Chunk memory) {
        return _chunks[i];
    }

    /// Overrides a chunk's claimed post-state root (and the next chunk's pre-state root).
    function tamperChunkRoot(uint256 i, bytes32 root) external {
        _chunks[i].postRoot = root;
        if (i + 1 < _chunks.length) _chunks[i + 1].preRoot = root;
    }

    // ---- signing helpers ----
    /// The `to` of the transaction a signed record's signature covers, in the current state.
    function signedTo(Record memory rec) public view returns (address) {
        if (rec.kind == 0 && !rec.forced) return addrOf[rec.to];
        return Stf.recordedTo(rec);
    }
}
