// SPDX-License-Identifier: MIT
// Writes the generated seeds of fuzz/corpus (the ones not taken from tests/vectors): ABI data,
// cheap keystores, records and batches. Run from the repository root after a fuzz build:
//   build/fuzz/fuzz/fuzz_make_seeds fuzz/corpus
// Deterministic except the keystores (random salt and iv on every encryption).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/eth/abi.hpp"
#include "core/eth/transaction.hpp"
#include "core/keys/keystore.hpp"
#include "core/rollup/records.hpp"

using namespace sluice;
using namespace sluice::rollup;

namespace {

std::filesystem::path g_root;

void write(const std::string& target, const std::string& name, ByteView bytes) {
    const auto dir = g_root / target;
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                      static_cast<std::streamsize>(bytes.size()));
}

// An ABI seed: the selector byte of fuzz/abi.cpp's kTypeLists, then the encoding.
// (A single array value needs spelling out as AbiValue(std::vector<AbiValue>{...}): a braced
// vector alone would be taken as the whole value list.)
void abi_seed(const std::string& name, std::uint8_t list, const char* types, const std::vector<AbiValue>& values) {
    Bytes out{list};
    append(out, *abi_encode(*parse_abi_types(types), values));
    write("abi", name, out);
}

PrivateKey key(std::uint8_t i) {
    Bytes b(32, 0);
    b[31] = i;
    return *PrivateKey::from_bytes(b);
}

Record signed_record(bool eip1559, RecordKind kind, std::uint32_t from, const Address& to, std::uint64_t nonce) {
    Transaction tx;
    tx.type = eip1559 ? TxType::eip1559 : TxType::legacy;
    tx.chain_id = Params{}.chain_id;
    tx.nonce = nonce;
    tx.gas_price = eip1559 ? U256(0) : U256(2'000'000'000);
    tx.max_fee_per_gas = eip1559 ? U256(2'000'000'000) : U256(0);
    tx.max_priority_fee_per_gas = eip1559 ? U256(1) : U256(0);
    tx.gas_limit = 21000;
    tx.to = kind == RecordKind::withdrawal ? withdrawal_address() : to;
    tx.value = 12345;
    const PrivateKey k = key(static_cast<std::uint8_t>(from + 1));
    const auto st = sign_transaction(tx, k);
    std::optional<std::uint32_t> to_index;
    if (kind == RecordKind::transfer) to_index = 3;
    return *record_from_transaction(st, from, public_key_of(k).address(), to_index, Params{});
}

Record deposit(const Address& to, bool new_account) {
    Record r;
    r.kind = RecordKind::deposit;
    r.address = to;
    r.value = U256(1'000'000'000'000'000'000ull);
    r.timestamp = 1'700'000'000;
    r.new_account = new_account;
    r.to = new_account ? 0 : 2;
    return r;
}

// The applied forced form of a sequencer's record (kind 0 names its recipient's address too).
Record forced(Record r, const Address& to) {
    r.forced = true;
    r.timestamp = 1'700'000'050;
    if (r.kind == RecordKind::transfer) r.address = to;
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus root>\n", argv[0]);
        return 2;
    }
    g_root = argv[1];

    Address a;
    a[19] = 0xaa;
    abi_seed("uint256", 0, "uint256", {U256(42)});
    abi_seed("static-mix", 1, "bool,address,uint8,int8,bytes1,bytes32",
             {true, a, U256(255), abi_int(-1), Bytes{0x61}, Bytes(32, 7)});
    abi_seed("bytes", 3, "bytes", {Bytes{1, 2, 3}});
    abi_seed("string", 4, "string", {std::string("hello, world")});
    abi_seed("uint-array", 5, "uint256[]", {AbiValue(std::vector<AbiValue>{U256(1), U256(2), U256(3)})});
    abi_seed("dynamic-mix", 6, "bytes,string,uint256", {Bytes(40, 0xab), std::string("x"), U256(7)});
    abi_seed("string-array", 8, "string[]", {AbiValue(std::vector<AbiValue>{std::string("a"), std::string("bc")})});
    abi_seed("nested", 10, "uint256[][]",
             {AbiValue(std::vector<AbiValue>{AbiValue(std::vector<AbiValue>{U256(1)}), AbiValue(std::vector<AbiValue>{U256(2), U256(3)})})});
    const std::string text[] = {"uint256\n0x2a", "int8\n-5", "string[]\n[a,b]", "bytes4[2]\n[0x01020304,0x05060708]",
                                "address\n0x00000000000000000000000000000000000000aa"};
    for (std::size_t i = 0; i < std::size(text); ++i) {
        Bytes out{0xff};
        append(out, as_bytes(text[i]));
        write("abi", "text-" + std::to_string(i), out);
    }

    // Cheap KDFs (the fuzz target skips expensive ones), password "fuzz" as the target uses.
    write("keystore", "scrypt-light", as_bytes(*encrypt_keystore(key(1), "fuzz", KdfParams::scrypt(16, 1, 1))));
    write("keystore", "scrypt-r8", as_bytes(*encrypt_keystore(key(2), "fuzz", KdfParams::scrypt(256, 8, 1))));
    write("keystore", "pbkdf2", as_bytes(*encrypt_keystore(key(3), "fuzz", KdfParams::pbkdf2(2))));

    Address to;
    to[0] = 0x42;
    const std::vector<Record> records = {
        deposit(to, true),
        signed_record(true, RecordKind::transfer, 1, to, 0),
        signed_record(false, RecordKind::transfer, 1, to, 1),
        signed_record(true, RecordKind::new_account_transfer, 2, to, 0),
        signed_record(true, RecordKind::withdrawal, 2, to, 1),
        deposit(to, false),
        forced(signed_record(true, RecordKind::transfer, 3, to, 0), to),
        forced(signed_record(false, RecordKind::withdrawal, 3, to, 1), to),
        skipped_record(forced_transaction_of(signed_record(true, RecordKind::new_account_transfer, 1, to, 9), Params{}),
                       1'700'000'100),
    };
    for (std::size_t i = 0; i < records.size(); ++i) write("records", "record-" + std::to_string(i), encode_record(records[i]));
    write("records", "all", encode_records(records));
    // Batches: byte 0 of fuzz/batch.cpp's input (0 = the right number of chunk roots), then records.
    Bytes batch{0};
    append(batch, encode_records(std::vector<Record>(records.begin(), records.begin() + 6)));
    write("batch", "six-records", batch);
    Bytes with_forced{0};
    append(with_forced, encode_records(records));
    write("batch", "forced", with_forced);
    std::vector<Record> many;
    for (std::uint64_t i = 0; i < 20; ++i) many.push_back(i % 5 == 4 ? deposit(to, false) : signed_record(i % 2, RecordKind::transfer, 1, to, i));
    Bytes two_chunks{0};
    append(two_chunks, encode_records(many));
    write("batch", "two-chunks", two_chunks);
    return 0;
}
