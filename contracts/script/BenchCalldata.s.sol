// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "../test/utils/Test.sol";
import {L2Model} from "../test/utils/L2Model.sol";
import {RecordEncoder} from "../test/utils/RecordEncoder.sol";
import {BatchProof} from "../test/utils/BatchProof.sol";
import {Rollup} from "../src/Rollup.sol";
import {Record, RecordCodec} from "../src/lib/RecordCodec.sol";
import {Merkle} from "../src/lib/Merkle.sol";
import {Stf, Verdict} from "../src/lib/Stf.sol";
import {RECORDS_PER_CHUNK} from "../src/lib/Params.sol";

/// Writes the calldata bench/gas-report sends to anvil as real transactions (this script only
/// simulates; it never broadcasts). Deterministic, so the second pass (with the on-chain header of
/// the fraud-proof target) rebuilds the very same batches.
///
/// Batches, in order:
///   small  - 1 signed EIP-1559 transfer;
///   large  - 1,000 signed EIP-1559 transfers (1.5 ether, priority fee 0, max fee 2 gwei, gas
///            21000, nonces < 256): the typical record of PROTOCOL.md §4.1 (83 bytes, 82 at nonce 0). Neither is executed on
///            submission, so their chunk roots are placeholders;
///   setup  - one withdrawal, claiming the state of a model with 64 funded accounts whose
///            account-tree siblings are all non-empty at every level (levels 6-31 hold made-up
///            subtrees): the pre-state of the worst case;
///   target - one full chunk (K transfers between distinct accounts) claiming a wrong root, so a
///            fraud proof replays every record, with 2 full depth-32 proofs per record plus the fee
///            account's;
///   withdrawals - 1,000 signed EIP-1559 withdrawals (kind 2) of 0.001 ether, record i by account
///            1 + i to its own L1 address (key 0xA11CE + 1 + i), nonce 0: a withdrawal tree of
///            depth 10. Like setup it follows setup's state root (the gas report submits it once
///            the fraud proof has reverted target); not executed on submission, so its chunk roots
///            are placeholders. For withdrawal WITHDRAWAL_INDEX (500) it writes what
///            finalizeWithdrawal needs: withdrawal-1000.txt ("index recipient amount") and
///            withdrawal-1000-proof.hex (its 10 siblings, leaf level first, concatenated).
contract BenchCalldata is Test {
    uint256 internal constant CHAIN_ID = 31338;
    uint256 internal constant BASE_FEE = 1 gwei;
    uint256 internal constant ACCOUNTS = 64;
    uint256 internal constant WITHDRAWALS = 1000;
    uint256 internal constant WITHDRAWAL_INDEX = 500;
    uint256 internal constant WITHDRAWAL_AMOUNT = 0.001 ether;
    string internal constant DIR = "cache/bench/";

    address internal proposer;

    function key(uint256 i) internal pure returns (uint256) {
        return 0xA11CE + i;
    }

    function run() external {
        // Anvil's first default account unless told otherwise (the fee recipient must not be 0).
        uint256 anvil0 = uint160(0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266);
        proposer = address(uint160(vm.envOr("BENCH_PROPOSER", anvil0)));
        // Devnet parameters (PROTOCOL.md §1); only the genesis state root is used here.
        Rollup r = new Rollup(CHAIN_ID, 60, 1 ether, BASE_FEE, 30, proposer, 0.001 ether, 600);
        bytes32 prev = r.stateRoot();

        uint256[] memory nonces = new uint256[](ACCOUNTS);
        prev = _writeBatch("small", prev, 1, _transfers(1, nonces));
        prev = _writeBatch("large", prev, 1000, _transfers(1000, nonces));

        L2Model model = new L2Model(proposer, CHAIN_ID, BASE_FEE);
        for (uint256 i = 1; i < ACCOUNTS; ++i) {
            model.forceAccount(i, vm.addr(key(i)), 1000 ether, 0);
        }
        for (uint256 l = 6; l < 32; ++l) {
            model.setNode(l, 1, keccak256(abi.encode("made-up subtree", l)));
        }
        // setup: one withdrawal of 1 ether by account 1 to its own L1 address
        Record memory w = _signed(model, 2, 1, 0, 1 ether);
        w.addr = vm.addr(key(1));
        _sign(model, w, 1);
        require(model.add(w) == Verdict.None, "setup withdrawal invalid");
        (bytes memory recs, bytes32[] memory roots) = model.endBatch();
        _write("setup", abi.encodeCall(Rollup.submitBatch, (prev, recs, roots)));
        vm.writeFile(string.concat(DIR, "withdrawal.txt"), vm.toString(w.addr));
        prev = roots[0];
        _writeWithdrawals(prev);

        // target: K valid transfers, claimed post-state root wrong
        for (uint256 i = 0; i < RECORDS_PER_CHUNK; ++i) {
            uint256 from = 1 + (2 * i) % (ACCOUNTS - 1);
            Record memory t = _signed(model, 0, from, model.nonceOf(from), 1.5 ether);
            t.to = 1 + (2 * i + 1) % (ACCOUNTS - 1);
            t.bit4 = false; // explicit gas limit: a few more bytes to carry and hash
            t.gasLimit = 50000;
            _sign(model, t, from);
            require(model.add(t) == Verdict.None, "target transfer invalid");
        }
        (recs, roots) = model.endBatch();
        model.tamperChunkRoot(0, keccak256("wrong"));
        roots[0] = keccak256("wrong");
        _write("target", abi.encodeCall(Rollup.submitBatch, (prev, recs, roots)));

        bytes memory headerAbi = bytes(vm.envOr("BENCH_TARGET_HEADER", string("")));
        if (headerAbi.length != 0) {
            Rollup.BatchHeader memory h = abi.decode(vm.parseBytes(string(headerAbi)), (Rollup.BatchHeader));
            L2Model.Chunk memory c = model.chunk(0);
            Rollup.FraudProof memory fp;
            fp.batchIndex = vm.envOr("BENCH_TARGET_INDEX", uint256(3));
            fp.header = h;
            fp.chunkIndex = 0;
            fp.preRoot = c.preRoot;
            fp.postRoot = c.postRoot;
            fp.records = c.records;
            fp.chunkProof = new bytes32[](0);
            fp.treeRoot = c.treeRoot;
            fp.count = c.count;
            fp.witness = c.witness;
            _write("fraud", abi.encodeCall(Rollup.proveFraud, (fp)));
        }
    }

    function _signed(L2Model, uint256 kind, uint256 from, uint256 nonce, uint256 value)
        internal
        pure
        returns (Record memory t)
    {
        t.kind = kind;
        t.eip1559 = true;
        t.from = from;
        t.nonce = nonce;
        t.value = value;
        t.fee1 = 0;
        t.fee2 = 2 gwei;
        t.bit4 = true;
        t.gasLimit = 21000;
    }

    function _sign(L2Model model, Record memory t, uint256 k) internal view {
        _signTo(t, k, model.signedTo(t));
    }

    /// Signs record `t` with account `k`'s key; `to` is the address the signature covers (the
    /// recipient, or the withdrawal address).
    function _signTo(Record memory t, uint256 k, address to) internal pure {
        (uint8 v, bytes32 rr, bytes32 ss) = vm.sign(key(k), Stf.signingHash(t, to, CHAIN_ID));
        t.parity = v - 27;
        t.r = rr;
        t.s = ss;
    }

    /// `n` signed typical transfers between accounts 1..63 (addresses from their keys).
    function _transfers(uint256 n, uint256[] memory nonces) internal pure returns (bytes memory recs) {
        recs = new bytes(n * 83);
        uint256 len = 0;
        for (uint256 i = 0; i < n; ++i) {
            uint256 from = 1 + i % (ACCOUNTS - 1);
            uint256 to = 1 + (i + 1) % (ACCOUNTS - 1);
            Record memory t;
            t.kind = 0;
            t.eip1559 = true;
            t.from = from;
            t.to = to;
            t.nonce = nonces[from]++;
            t.value = 1.5 ether;
            t.fee2 = 2 gwei;
            t.bit4 = true;
            t.gasLimit = 21000;
            len = _appendSigned(recs, len, t, from, vm.addr(key(to)));
        }
        assembly {
            mstore(recs, len)
        }
    }

    /// The withdrawals batch (see above) and the finalizeWithdrawal arguments of its withdrawal
    /// WITHDRAWAL_INDEX. The tree is §4.3's, as Rollup.submitBatch builds it (Merkle.rootInPlace);
    /// the proof is checked against that root here.
    function _writeWithdrawals(bytes32 prev) internal {
        bytes memory recs = new bytes(WITHDRAWALS * 98);
        uint256 len = 0;
        bytes32[] memory leaves = new bytes32[](WITHDRAWALS);
        for (uint256 i = 0; i < WITHDRAWALS; ++i) {
            Record memory w;
            w.kind = RecordCodec.KIND_WITHDRAWAL;
            w.eip1559 = true;
            w.from = 1 + i;
            w.addr = vm.addr(key(1 + i));
            w.value = WITHDRAWAL_AMOUNT;
            w.fee2 = 2 gwei;
            w.bit4 = true;
            w.gasLimit = 21000;
            len = _appendSigned(recs, len, w, 1 + i, Stf.WITHDRAWAL_ADDRESS);
            leaves[i] = RecordCodec.withdrawalLeaf(w.addr, w.value);
        }
        assembly {
            mstore(recs, len)
        }
        _writeBatch("withdrawals", prev, WITHDRAWALS, recs);

        bytes32[] memory proof = BatchProof.siblings(leaves, WITHDRAWAL_INDEX);
        bytes32 node = leaves[WITHDRAWAL_INDEX];
        for (uint256 l = 0; l < proof.length; ++l) {
            node = (WITHDRAWAL_INDEX >> l) & 1 == 1 ? Merkle.hashPair(proof[l], node) : Merkle.hashPair(node, proof[l]);
        }
        address recipient = vm.addr(key(1 + WITHDRAWAL_INDEX));
        require(node == Merkle.rootInPlace(leaves), "withdrawal proof does not give the batch's root");
        vm.writeFile(
            string.concat(DIR, "withdrawal-1000.txt"),
            string.concat(
                vm.toString(WITHDRAWAL_INDEX), " ", vm.toString(recipient), " ", vm.toString(WITHDRAWAL_AMOUNT)
            )
        );
        vm.writeFile(string.concat(DIR, "withdrawal-1000-proof.hex"), vm.toString(abi.encodePacked(proof)));
    }

    /// Signs record `t` (see _signTo) and encodes it into `recs` at `len`; returns the new length.
    function _appendSigned(bytes memory recs, uint256 len, Record memory t, uint256 signer, address to)
        internal
        pure
        returns (uint256)
    {
        _signTo(t, signer, to);
        bytes memory enc = RecordEncoder.encode(t);
        for (uint256 j = 0; j < enc.length; ++j) {
            recs[len + j] = enc[j];
        }
        return len + enc.length;
    }

    function _writeBatch(string memory name, bytes32 prev, uint256 n, bytes memory recs)
        internal
        returns (bytes32 last)
    {
        bytes32[] memory roots = new bytes32[]((n + RECORDS_PER_CHUNK - 1) / RECORDS_PER_CHUNK);
        for (uint256 i = 0; i < roots.length; ++i) {
            roots[i] = keccak256(abi.encode(name, i));
        }
        _write(name, abi.encodeCall(Rollup.submitBatch, (prev, recs, roots)));
        return roots[roots.length - 1];
    }

    function _write(string memory name, bytes memory data) internal {
        vm.writeFile(string.concat(DIR, name, ".hex"), vm.toString(data));
    }
}
