// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {RecordEncoder} from "./utils/RecordEncoder.sol";
import {Record, RecordCodec} from "../src/lib/RecordCodec.sol";
import {Merkle} from "../src/lib/Merkle.sol";
import {Stf} from "../src/lib/Stf.sol";
import {Rollup} from "../src/Rollup.sol";

/// Calls the libraries with calldata, as the contract does.
contract CodecHarness {
    function decode(bytes calldata data) external pure returns (Record memory rec, uint256 consumed) {
        uint256 p;
        assembly {
            p := data.offset
        }
        uint256 next = RecordCodec.decode(rec, p, p + data.length);
        consumed = next == 0 ? 0 : next - p;
    }

    /// scanTransfers over one record: bytes it skips, 0 if it leaves the record to `decode`.
    function scan(bytes calldata data) external pure returns (uint256 consumed) {
        uint256 p;
        assembly {
            p := data.offset
        }
        (uint256 next, uint256 n) = RecordCodec.scanTransfers(p, p + data.length, 1);
        consumed = n == 1 ? next - p : 0;
    }

    function accountRoot(bytes32 leaf, uint256 index, bytes calldata proof) external pure returns (bytes32 root, uint256 used) {
        uint256 p;
        assembly {
            p := proof.offset
        }
        uint256 next;
        (root, next) = Merkle.accountRoot(leaf, index, p, Merkle.zeros());
        used = next - p;
    }

    function processProof(bytes32 leaf, uint256 index, bytes32[] calldata proof) external pure returns (bytes32, bool) {
        return Merkle.processProof(leaf, index, proof);
    }
}

contract CodecTest is Test {
    CodecHarness internal h = new CodecHarness();
    address internal constant W = address(0x5111CE);

    function test_amountEncodingExamples() public pure {
        assertEq(RecordEncoder.amount(1.5 ether), hex"11010f", "1.5 ether is 11 01 0f (PROTOCOL.md 4.1)");
        assertEq(RecordEncoder.amount(0), hex"0000", "zero");
        assertEq(RecordEncoder.amount(2 gwei), hex"090102", "2 gwei");
        assertEq(RecordEncoder.amount(256), hex"00020100", "256");
        assertEq(RecordEncoder.uvar(300), hex"02012c", "uvar 300");
    }

    function test_typicalTransferIs83Bytes() public view {
        Record memory r;
        r.kind = 0;
        r.eip1559 = true;
        r.bit4 = true;
        r.from = 5;
        r.to = 9;
        r.nonce = 200;
        r.value = 1.5 ether;
        r.fee1 = 0;
        r.fee2 = 2 gwei;
        r.gasLimit = 21000;
        r.r = bytes32(uint256(1));
        r.s = bytes32(uint256(2));
        bytes memory enc = RecordEncoder.encode(r);
        assertEq(enc.length, 83, "83 bytes");
        (Record memory d, uint256 used) = h.decode(enc);
        assertEq(used, 83, "consumed");
        assertEq(h.scan(enc), 83, "fast path");
        assertEq(keccak256(abi.encode(d)), keccak256(abi.encode(r)), "round trip");
    }

    /// A fuzz case from CI: a zero gas limit whose next byte (r's first) is 0x00 is left to the
    /// decoder, and the round trip still holds.
    function test_roundTripZeroGasLimitBeforeZeroByte() public view {
        testFuzz_roundTrip(
            230209602273014141263329513087312306146864775904398681915471519732,
            5013452836014396481380004510558,
            93956465173502551731,
            2027310437069951751642007905362070832193122827598,
            0
        );
    }

    function testFuzz_roundTrip(uint256 seed, uint256 value, uint256 fee1, uint256 fee2, uint256 gasLimit) public view {
        Record memory r;
        r.kind = seed % 4;
        r.value = value >> (seed >> 8) % 256;
        if (r.kind == 3) {
            r.bit4 = (seed >> 16) % 2 == 0;
            r.to = r.bit4 ? 0 : uint32(seed >> 24);
            r.addr = address(uint160(seed >> 56));
            r.timestamp = uint64(seed >> 200);
        } else {
            r.eip1559 = (seed >> 16) % 2 == 0;
            r.parity = (seed >> 17) % 2;
            r.bit4 = (seed >> 18) % 2 == 0;
            r.forced = (seed >> 19) % 3 == 0;
            r.skipped = r.forced && (seed >> 21) % 2 == 0;
            r.from = uint32(seed >> 24);
            if (r.kind == 0) r.to = uint32(seed >> 56);
            if (r.kind != 0 || r.forced) r.addr = address(uint160(seed >> 88));
            if (r.forced) r.timestamp = uint64(seed >> 160);
            r.nonce = uint64(seed >> 216);
            r.fee1 = fee1 >> (seed >> 100) % 256;
            r.fee2 = r.eip1559 ? fee2 : 0;
            r.gasLimit = r.bit4 ? 21000 : gasLimit;
            r.r = keccak256(abi.encode(seed, 1));
            r.s = keccak256(abi.encode(seed, 2));
        }
        bytes memory enc = RecordEncoder.encode(r);
        (Record memory d, uint256 used) = h.decode(enc);
        assertEq(used, enc.length, "consumed exactly");
        uint256 fast = h.scan(enc);
        assertTrue(fast == 0 || fast == enc.length, "scan consumed exactly");
        bool nonZero = r.value != 0 && (!r.eip1559 || r.fee2 != 0);
        // A zero uvar followed by a zero byte is left to the decoder by design (the scanner cannot
        // tell it from a non-canonical one): a zero nonce before a value exponent of 0, or a zero
        // gas limit before a signature whose r starts with 0x00.
        bool zeroUvarThenZeroByte =
            (r.nonce == 0 && r.value % 10 != 0) || (!r.bit4 && r.gasLimit == 0 && r.r[0] == 0);
        if (r.kind <= 1 && !r.forced && nonZero && !zeroUvarThenZeroByte && r.value < 1e20 && r.fee1 < 1e20 && r.fee2 < 1e20 && r.gasLimit < 1e20) {
            assertEq(fast, enc.length, "small transfers take the fast path");
        }
        if (r.forced) assertEq(fast, 0, "forced records are left to the decoder (queue entries)");
        assertEq(keccak256(abi.encode(d)), keccak256(abi.encode(r)), "round trip");
        // One changed byte: the scanner and the decoder still agree on whether (and how long) it is.
        bytes memory mutated = bytes.concat(enc);
        mutated[seed % enc.length] = bytes1(uint8(seed >> 240));
        (, uint256 mu) = h.decode(mutated);
        uint256 fm = h.scan(mutated);
        assertTrue(fm == 0 || fm == mu, "scan vs decode on a mutated record");
        // Any strict prefix runs past the end.
        for (uint256 cut = 1; cut < enc.length; cut += 7) {
            bytes memory prefix = new bytes(enc.length - cut);
            for (uint256 i = 0; i < prefix.length; ++i) prefix[i] = enc[i];
            (, uint256 u) = h.decode(prefix);
            assertEq(u, 0, "truncated record is malformed");
            assertEq(h.scan(prefix), 0, "scan: truncated record is malformed");
        }
    }

    function _malformed(bytes memory rec, string memory what) internal view {
        (, uint256 used) = h.decode(rec);
        assertEq(used, 0, what);
        assertEq(h.scan(rec), 0, string.concat("scan: ", what));
    }

    /// The submission fast path never accepts a record the reference decoder refuses, and
    /// measures it the same.
    function testFuzz_scanAgreesWithDecode(uint256 seed, uint8 len) public view {
        bytes memory data = new bytes(uint256(len) % 140 + 1);
        for (uint256 i = 0; i < data.length; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            // Mostly small bytes so that lengths and exponents are plausible.
            data[i] = bytes1(uint8(r % 4 == 0 ? r >> 8 : (r >> 8) % 24));
        }
        data[0] = bytes1(uint8(seed)); // every flag byte: forced, skipped and bit 7 too
        (, uint256 used) = h.decode(data);
        uint256 fast = h.scan(data);
        assertTrue(fast == 0 || fast == used, "scan vs decode");
    }

    function test_malformedRecords() public view {
        bytes memory addr = abi.encodePacked(address(0xABCD));
        bytes memory ts = hex"0000000065000000";
        // deposit to a new account, 1 wei: valid
        (, uint256 used) = h.decode(bytes.concat(hex"13", addr, hex"000101", ts));
        assertEq(used, 1 + 20 + 3 + 8, "valid deposit");
        _malformed(bytes.concat(hex"33", addr, hex"000101", ts), "forced bit on a deposit");
        _malformed(bytes.concat(hex"53", addr, hex"000101", ts), "skipped bit on a deposit");
        _malformed(bytes.concat(hex"73", addr, hex"000101", ts), "forced and skipped bits on a deposit");
        _malformed(bytes.concat(hex"93", addr, hex"000101", ts), "reserved bit 7");
        _malformed(bytes.concat(hex"17", addr, hex"000101", ts), "type bit on a deposit");
        _malformed(bytes.concat(hex"1b", addr, hex"000101", ts), "parity bit on a deposit");
        _malformed(bytes.concat(hex"13", addr, hex"00020001", ts), "leading zero byte");
        _malformed(bytes.concat(hex"13", addr, hex"00010a", ts), "mantissa divisible by 10");
        _malformed(bytes.concat(hex"13", addr, hex"0100", ts), "zero with an exponent");
        _malformed(bytes.concat(hex"13", addr, hex"4e0101", ts), "exponent 78");
        _malformed(bytes.concat(hex"13", addr, hex"4d0102", ts), "2e77 does not fit 256 bits");
        _malformed(bytes.concat(hex"13", addr, hex"0021", new bytes(33), ts), "uvar longer than 32 bytes");
        _malformed(bytes.concat(hex"13", addr, hex"000101", hex"00000000650000"), "timestamp cut short");
        (, used) = h.decode(bytes.concat(hex"13", addr, hex"4d0101", ts));
        assertEq(used, 32, "1e77 fits");
        _malformed(hex"", "empty");
    }

    /// §4.1's forced records, byte by byte: kind 0 carries toAddress after `to`, every forced
    /// record ends with the queue entry's timestamp; flag bits 5 and 6.
    function test_forcedRecordLayout() public view {
        bytes memory rs = bytes.concat(bytes32(uint256(1)), bytes32(uint256(2)));
        bytes memory ts = hex"0000000065000001";
        // forced kind 0, EIP-1559, parity 1, gas limit omitted: flags 0x20 | 0x10 | 0x08 | 0x04
        bytes memory enc = bytes.concat(
            hex"3c", hex"00000001", hex"00000002", bytes20(address(0xBEEF)), hex"0107", hex"11010f", hex"0000",
            hex"090102", rs, ts
        );
        (Record memory d, uint256 used) = h.decode(enc);
        assertEq(used, enc.length, "forced kind 0: consumed");
        assertEq(h.scan(enc), 0, "left to the decoder");
        assertTrue(d.forced && !d.skipped && d.eip1559 && d.bit4, "flags");
        assertEq(d.kind, 0, "kind");
        assertEq(d.from, 1, "from");
        assertEq(d.to, 2, "to");
        assertEq(d.addr, address(0xBEEF), "toAddress");
        assertEq(d.nonce, 7, "nonce");
        assertEq(d.value, 1.5 ether, "value");
        assertEq(d.fee2, 2 gwei, "maxFeePerGas");
        assertEq(d.gasLimit, 21000, "gas limit");
        assertEq(d.timestamp, 0x65000001, "timestamp");
        Record memory r = d;
        assertEq(RecordEncoder.encode(r), enc, "the test encoder agrees");
        _malformed(bytes.concat(hex"3c", hex"00000001", hex"00000002", bytes20(address(0xBEEF)), hex"0107", hex"11010f",
            hex"0000", hex"090102", rs, hex"00000000650000"), "timestamp cut short");
        // skipped kind 2, legacy, gas limit written: flags 0x40 | 0x20 | 0x02; l1Recipient zeros
        enc = bytes.concat(hex"62", hex"00000000", bytes20(address(0)), hex"00", hex"0000", hex"090101", hex"025208", rs, ts);
        (d, used) = h.decode(enc);
        assertEq(used, enc.length, "skipped kind 2: consumed");
        assertTrue(d.forced && d.skipped && !d.eip1559 && !d.bit4, "flags");
        assertEq(d.fee1, 1 gwei, "gasPrice");
        assertEq(d.gasLimit, 21000, "written gas limit");
        assertEq(d.timestamp, 0x65000001, "timestamp");
        assertEq(Stf.recordedTo(d), W, "a withdrawal's to");
        // skipped without forced; bit 7 on a signed record
        enc[0] = 0x42;
        _malformed(enc, "skipped without forced");
        enc[0] = 0xe2;
        _malformed(enc, "bit 7");
        enc[0] = 0xa2;
        _malformed(enc, "bit 7 on a forced record");
        // An unforced record has no timestamp: the same bytes are one record too long.
        enc[0] = 0x02;
        (, used) = h.decode(enc);
        assertEq(used, enc.length - 8, "unforced: the timestamp is not part of it");
    }

    /// Signatures made by `cast mktx` (Foundry 1.7.1, key 0x..01, chain 31338): an independent
    /// implementation of the EIP-155 / EIP-1559 signing payloads.
    function test_signingPayloadsMatchCast() public pure {
        address signer = 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf;
        // cast mktx --legacy --nonce 7 --gas-price 3000000000 --gas-limit 21000 0x..5111CE --value 1.5ether
        Record memory r;
        r.kind = 2;
        r.nonce = 7;
        r.fee1 = 3 gwei;
        r.gasLimit = 21000;
        r.value = 1.5 ether;
        r.parity = 0; // v = 0xf4f7 = 2 * 31338 + 35
        r.r = 0x6f82be3e9b4d7b3c4617f8a9f99e2e69e48f2c879b29a5bb25b0eaa7e347e912;
        r.s = 0x195c59c3d304c5366755df7980fef6e2bbb6cddf595ab4931b8c5570728df7a1;
        assertEq(Stf.signer(r, W, 31338), signer, "legacy EIP-155");
        assertTrue(Stf.signer(r, W, 31337) != signer, "chain id is signed");
        // cast mktx --nonce 300 --gas-price 2gwei --priority-gas-price 0 --gas-limit 50000 0x1111.. --value 1234567
        r.kind = 1;
        r.eip1559 = true;
        r.nonce = 300;
        r.fee1 = 0;
        r.fee2 = 2 gwei;
        r.gasLimit = 50000;
        r.value = 1234567;
        r.parity = 1;
        r.r = 0xab824e4dd21d14316e8f07b3f9dd4762d98cf003b727ee73433bf2ba6d3af0d0;
        r.s = 0x5f5cf92331c50c752ef436f662470c3c4402edf9cddf9a40bbd5173a51a14249;
        assertEq(Stf.signer(r, 0x1111111111111111111111111111111111111111, 31338), signer, "EIP-1559");
    }

    /// Leaf, tree and state-root layouts written out with abi.encodePacked, independently of the
    /// libraries' assembly.
    function test_genesisStateRoot() public {
        address fee = address(0xFEE);
        bytes32 node = keccak256(abi.encodePacked(fee, uint256(0), uint64(0)));
        bytes32 z;
        for (uint256 l = 0; l < 32; ++l) {
            node = keccak256(abi.encodePacked(node, z));
            z = keccak256(abi.encodePacked(z, z));
        }
        bytes32 expected = keccak256(abi.encodePacked(node, uint32(1)));
        Rollup r = new Rollup(31338, 60, 1 ether, 1 gwei, 30, fee, 0.001 ether, 600);
        assertEq(r.stateRoot(), expected, "genesis");
        assertEq(Stf.leafHash(fee, 5, 7), keccak256(abi.encodePacked(fee, uint256(5), uint64(7))), "leaf");
        assertEq(RecordCodec.withdrawalLeaf(fee, 9), keccak256(abi.encodePacked(fee, uint256(9))), "withdrawal leaf");
        assertEq(
            RecordCodec.depositChain(bytes32(uint256(3)), fee, 9, 0x1122334455),
            (keccak256(abi.encodePacked(bytes32(uint256(3)), fee, uint256(9), uint64(0x1122334455)))
                    & ~bytes32(uint256(0xffffffff))) | bytes32(uint256(0x22334455)),
            "deposit queue word: the chain hash with uint32(timestamp) in its low 4 bytes"
        );
        assertEq(
            RecordCodec.forcedChain(bytes32(uint256(3)), keccak256("tx"), 0x1122334455),
            (keccak256(abi.encodePacked(bytes32(uint256(3)), keccak256("tx"), uint64(0x1122334455)))
                    & ~bytes32(uint256(0xffffffff))) | bytes32(uint256(0x22334455)),
            "forced queue word: the chain hash with uint32(timestamp) in its low 4 bytes"
        );
    }

    function test_compressedAccountProof() public view {
        // Leaf at index 5 (binary 101) with non-empty siblings at levels 0 and 2 only.
        bytes32 leaf = keccak256("leaf");
        bytes32 s0 = keccak256("s0");
        bytes32 s2 = keccak256("s2");
        bytes32 z;
        bytes32 node = leaf;
        for (uint256 l = 0; l < 32; ++l) {
            bytes32 sib = l == 0 ? s0 : l == 2 ? s2 : z;
            node = (5 >> l) & 1 == 1 ? keccak256(abi.encode(sib, node)) : keccak256(abi.encode(node, sib));
            z = keccak256(abi.encode(z, z));
        }
        (bytes32 root, uint256 used) = h.accountRoot(leaf, 5, bytes.concat(bytes4(uint32(5)), s0, s2));
        assertEq(root, node, "root");
        assertEq(used, 4 + 64, "bytes used");
    }

    function test_batchMerkleRoots() public view {
        for (uint256 m = 0; m <= 9; ++m) {
            bytes32[] memory leaves = new bytes32[](m);
            for (uint256 i = 0; i < m; ++i) leaves[i] = keccak256(abi.encode(i));
            bytes32 expected = _naiveRoot(leaves);
            bytes32[] memory copy = new bytes32[](m);
            for (uint256 i = 0; i < m; ++i) copy[i] = leaves[i];
            assertEq(Merkle.rootInPlace(copy), expected, "root");
            for (uint256 i = 0; i < m; ++i) {
                bytes32[] memory proof = _naiveProof(leaves, i);
                (bytes32 r, bool ok) = h.processProof(leaves[i], i, proof);
                assertTrue(ok && r == expected, "proof");
                (, ok) = h.processProof(leaves[i], i + (1 << proof.length), proof);
                assertTrue(!ok, "index beyond the proof depth");
            }
        }
    }

    function _naiveRoot(bytes32[] memory leaves) internal pure returns (bytes32) {
        if (leaves.length == 0) return bytes32(0);
        uint256 size = 1;
        while (size < leaves.length) size <<= 1;
        bytes32[] memory layer = new bytes32[](size);
        for (uint256 i = 0; i < leaves.length; ++i) layer[i] = leaves[i];
        while (size > 1) {
            for (uint256 i = 0; i < size / 2; ++i) {
                layer[i] = keccak256(abi.encodePacked(layer[2 * i], layer[2 * i + 1]));
            }
            size /= 2;
        }
        return layer[0];
    }

    function _naiveProof(bytes32[] memory leaves, uint256 idx) internal pure returns (bytes32[] memory proof) {
        uint256 size = 1;
        uint256 depth;
        while (size < leaves.length) {
            size <<= 1;
            ++depth;
        }
        bytes32[] memory layer = new bytes32[](size);
        for (uint256 i = 0; i < leaves.length; ++i) layer[i] = leaves[i];
        proof = new bytes32[](depth);
        for (uint256 l = 0; l < depth; ++l) {
            proof[l] = layer[idx ^ 1];
            for (uint256 i = 0; i < size / 2; ++i) {
                layer[i] = keccak256(abi.encodePacked(layer[2 * i], layer[2 * i + 1]));
            }
            size /= 2;
            idx >>= 1;
        }
    }
}
