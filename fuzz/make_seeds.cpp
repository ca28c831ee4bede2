// SPDX-License-Identifier: MIT
// Writes the generated seeds of fuzz/corpus (the ones not taken from tests/vectors): ABI data,
// cheap keystores, records and batches ("core"); HTTP requests, JSON-RPC calls and WebSocket
// frames ("node"). Run from the repository root after a fuzz build:
//   build/fuzz/fuzz/fuzz_make_seeds fuzz/corpus
// Deterministic except the keystores (random salt and iv on every encryption): name the groups
// to write only those, e.g. `fuzz_make_seeds fuzz/corpus node` for http, jsonrpc and websocket.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

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
    std::ofstream(dir / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
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

void core_seeds() {
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
             {AbiValue(std::vector<AbiValue>{AbiValue(std::vector<AbiValue>{U256(1)}),
                                             AbiValue(std::vector<AbiValue>{U256(2), U256(3)})})});
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
    for (std::size_t i = 0; i < records.size(); ++i)
        write("records", "record-" + std::to_string(i), encode_record(records[i]));
    write("records", "all", encode_records(records));
    // Batches: byte 0 of fuzz/batch.cpp's input (0 = the right number of chunk roots), then records.
    Bytes batch{0};
    append(batch, encode_records(std::vector<Record>(records.begin(), records.begin() + 6)));
    write("batch", "six-records", batch);
    Bytes with_forced{0};
    append(with_forced, encode_records(records));
    write("batch", "forced", with_forced);
    std::vector<Record> many;
    for (std::uint64_t i = 0; i < 20; ++i)
        many.push_back(i % 5 == 4 ? deposit(to, false) : signed_record(i % 2, RecordKind::transfer, 1, to, i));
    Bytes two_chunks{0};
    append(two_chunks, encode_records(many));
    write("batch", "two-chunks", two_chunks);
}

// --- the node's targets: http, jsonrpc, websocket ------------------------------------------------

void text(const std::string& target, const std::string& name, const std::string& content) {
    write(target, name, as_bytes(content));
}

std::string post(const std::string& body,
                 const std::string& headers = "Host: localhost:8546\r\nContent-Type: application/json\r\n") {
    return "POST / HTTP/1.1\r\n" + headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string call(const std::string& method, const std::string& params, const std::string& id = "1") {
    return R"({"jsonrpc":"2.0","id":)" + id + R"(,"method":")" + method + R"(","params":)" + params + "}";
}

// A client frame (RFC 6455 §5.2) in the shortest length form, masked unless said otherwise; the
// key is 0 unless given, so that the payload stays plain JSON for the fuzzer's dictionary.
std::string frame(int opcode, const std::string& payload, bool fin = true, bool masked = true, int rsv = 0,
                  std::uint32_t key = 0) {
    std::string f;
    f += char((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    const std::size_t n = payload.size();
    const char mask_bit = masked ? char(0x80) : char(0);
    if (n < 126) {
        f += char(mask_bit | char(n));
    } else if (n < 65536) {
        f += char(mask_bit | 126);
        f += char(n >> 8);
        f += char(n & 0xff);
    } else {
        f += char(mask_bit | 127);
        for (int shift = 56; shift >= 0; shift -= 8) f += char((std::uint64_t(n) >> shift) & 0xff);
    }
    const char mask[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
    if (masked) f.append(mask, 4);
    for (std::size_t i = 0; i < n; ++i) f += masked ? char(payload[i] ^ mask[i % 4]) : payload[i];
    return f;
}

void node_seeds() {
    // A transfer of 1 wei from the fixture's funded account (fuzz/node_fixture.hpp), nonce 0,
    // chain 31338: the node accepts it the first time and refuses it as known afterwards.
    Transaction tx;
    tx.type = TxType::eip1559;
    tx.chain_id = 31338;
    tx.nonce = 0;
    tx.max_fee_per_gas = 2'000'000'000;
    tx.gas_limit = 21000;
    tx.to = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    tx.value = 1;
    const auto signed_tx = sign_transaction(
        tx, *PrivateKey::from_hex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    const std::string raw = to_hex(encode_signed(signed_tx));
    const std::string hash = to_hex(transaction_hash(signed_tx));

    const std::string address = "\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\"";
    const std::vector<std::pair<std::string, std::string>> calls = {
        {"chainId", call("eth_chainId", "[]")},
        {"chainId-no-params", R"({"jsonrpc":"2.0","id":"a","method":"eth_chainId"})"},
        {"getBalance", call("eth_getBalance", "[" + address + ",\"latest\"]")},
        {"getBalance-pending", call("eth_getBalance", "[" + address + ",\"pending\"]")},
        {"getBalance-old-block", call("eth_getBalance", "[" + address + ",\"0x0\"]")},
        {"getBalance-eip1898", call("eth_getBalance", "[" + address + R"(,{"blockNumber":"0x1"}])")},
        {"getBalance-bad-address", call("eth_getBalance", R"(["0x1234","latest"])")},
        {"getTransactionCount", call("eth_getTransactionCount", "[" + address + ",\"pending\"]")},
        {"blockNumber", call("eth_blockNumber", "[]")},
        {"getBlockByNumber-full", call("eth_getBlockByNumber", R"(["latest",true])")},
        {"getBlockByNumber-1", call("eth_getBlockByNumber", R"(["0x1",false])")},
        {"getBlockByNumber-huge", call("eth_getBlockByNumber", R"(["0xffffffffffffffffff",false])")},
        {"getBlockByHash",
         call("eth_getBlockByHash", R"(["0x0000000000000000000000000000000000000000000000000000000000000000",true])")},
        {"getTransactionByHash", call("eth_getTransactionByHash", "[\"" + hash + "\"]")},
        {"getTransactionReceipt", call("eth_getTransactionReceipt", "[\"" + hash + "\"]")},
        {"sendRawTransaction", call("eth_sendRawTransaction", "[\"" + raw + "\"]")},
        {"sendRawTransaction-garbage", call("eth_sendRawTransaction", R"(["0x02f8"])")},
        {"feeHistory", call("eth_feeHistory", R"(["0x4","latest",[25,50,75]])")},
        {"feeHistory-bad", call("eth_feeHistory", R"([1e300,"pending",[50,10]])")},
        {"feeHistory-max", call("eth_feeHistory", R"([1024,"latest",[0,100]])")},
        {"estimateGas",
         call("eth_estimateGas", R"([{"to":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","value":"0x1"}])")},
        {"estimateGas-data", call("eth_estimateGas", R"([{"data":"0x00"}])")},
        {"call", call("eth_call", R"([{"to":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8"},"latest"])")},
        {"gasPrice", call("eth_gasPrice", "[]")},
        {"maxPriorityFeePerGas", call("eth_maxPriorityFeePerGas", "[]")},
        {"net_version", call("net_version", "[]")},
        {"web3_clientVersion", call("web3_clientVersion", "[]")},
        {"eth_subscribe-over-http", call("eth_subscribe", R"(["newHeads"])")},
        {"sluice_status", call("sluice_status", "[]")},
        {"sluice_getBatches", call("sluice_getBatches", "[0,10]")},
        {"sluice_getBatches-bad-numbers", call("sluice_getBatches", "[-1e300,1e300]")},
        {"sluice_getBatches-fraction", call("sluice_getBatches", "[0.5,\"0xffffffffffffffffff\"]")},
        {"sluice_getBatches-negative", call("sluice_getBatches", "[\"-0x1\",-1]")},
        {"sluice_getWithdrawals", call("sluice_getWithdrawals", "[" + address + "]")},
        {"sluice_getDeposits-object", call("sluice_getDeposits", "[{}]")},
        {"unknown-method", call("eth_mining", "[]")},
        {"params-string", call("eth_chainId", "\"x\"")},
        {"params-object", call("eth_getBalance", R"({"address":"0x00"})")},
        {"id-object", call("eth_chainId", "[]", "{}")},
        {"id-null", call("eth_chainId", "[]", "null")},
        {"id-big", call("eth_chainId", "[]", "1e308")},
        {"version-1", R"({"jsonrpc":"1.0","id":1,"method":"eth_chainId"})"},
        {"method-number", R"({"jsonrpc":"2.0","id":1,"method":5})"},
        {"notification", R"({"jsonrpc":"2.0","method":"eth_chainId","params":[]})"},
        {"batch", "[" + call("eth_chainId", "[]", "1") + "," + call("eth_blockNumber", "[]", "2") + "," +
                      call("eth_getBalance", "[" + address + ",\"latest\"]", "\"three\"") + "]"},
        {"batch-with-notifications",
         "[" + call("eth_chainId", "[]", "1") + R"(,{"jsonrpc":"2.0","method":"eth_chainId"},5,[],{}])"},
        {"batch-only-notifications",
         R"([{"jsonrpc":"2.0","method":"eth_chainId"},{"jsonrpc":"2.0","method":"eth_blockNumber"}])"},
        {"batch-empty", "[]"},
        {"batch-nested", "[[" + call("eth_chainId", "[]") + "]]"},
        {"parse-error", R"({"jsonrpc":"2.0","id":1,"method":"eth_chainId")"},
        {"scalar", "42"},
    };
    for (const auto& [name, body] : calls) text("jsonrpc", name, body);
    std::string big_batch = "[";
    for (int i = 0; i < 101; ++i) big_batch += (i ? "," : "") + call("eth_chainId", "[]", std::to_string(i));
    text("jsonrpc", "batch-too-long", big_batch + "]");

    // HTTP: what one client sends on one connection.
    const std::string chain_id = call("eth_chainId", "[]");
    const std::string json = "Host: localhost:8546\r\nContent-Type: application/json\r\n";
    text("http", "post", post(chain_id));
    text("http", "pipelined",
         post(chain_id) + post(call("eth_blockNumber", "[]", "2")) + post(chain_id, json + "Connection: close\r\n") +
             post(chain_id));
    text("http", "post-charset",
         post(chain_id, "Host: [::1]:8546\r\nContent-Type: Application/JSON; charset=utf-8\r\n"));
    text("http", "post-http10",
         "POST / HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(chain_id.size()) +
             "\r\n\r\n" + chain_id);
    text("http", "post-empty-body", post(""));
    text("http", "post-allowed-origin", post(chain_id, json + "Origin: https://app.example\r\n"));
    text("http", "post-foreign-origin", post(chain_id, json + "Origin: https://evil.example\r\n"));
    text("http", "post-foreign-host",
         post(chain_id, "Host: attacker.example:8546\r\nContent-Type: application/json\r\n"));
    text("http", "post-bound-host", post(chain_id, "Host: 10.1.2.3\r\nContent-Type: application/json\r\n"));
    text("http", "post-two-hosts",
         post(chain_id, "Host: localhost\r\nHost: attacker.example\r\nContent-Type: application/json\r\n"));
    text("http", "post-text-plain", post(chain_id, "Host: localhost\r\nContent-Type: text/plain\r\n"));
    text("http", "post-no-type", post(chain_id, "Host: localhost\r\n"));
    text("http", "post-chunked",
         "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
         "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    text("http", "post-no-length", "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\r\n{}");
    text("http", "post-too-long",
         "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
         "Content-Length: 99999999999\r\n\r\n{}");
    text("http", "post-two-lengths",
         "POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
         "Content-Length: 3\r\n\r\n{}");
    text("http", "post-same-lengths",
         "POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
         "Content-Length: 2\r\n\r\n{}");
    text("http", "post-negative-length",
         "POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n");
    text("http", "post-bare-cr",
         "POST / HTTP/1.1\r\nHost: localhost\rX-Evil: 1\r\nContent-Type: application/json\r\n"
         "Content-Length: 2\r\n\r\n{}");
    text("http", "post-partial-body",
         "POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\"");
    text("http", "get", "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    text("http", "bad-request-line", "POST /  HTTP/1.1\r\nHost: localhost\r\n\r\n");
    text("http", "http2-preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    text("http", "header-no-colon", "POST / HTTP/1.1\r\nHost localhost\r\n\r\n");
    text("http", "header-too-large", "POST / HTTP/1.1\r\nX-Filler: " + std::string(600, 'a') + "\r\n\r\n");
    text("http", "preflight",
         "OPTIONS / HTTP/1.1\r\nHost: localhost:8546\r\nOrigin: https://app.example\r\n"
         "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n" +
             post(chain_id, json + "Origin: https://app.example\r\n"));
    text("http", "preflight-foreign", "OPTIONS / HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n\r\n");
    text("http", "preflight-with-body",
         "OPTIONS / HTTP/1.1\r\nHost: localhost\r\nOrigin: https://app.example\r\n"
         "Content-Length: 2\r\n\r\n{}");
    const std::string upgrade =
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:8546\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    text("http", "upgrade", upgrade + frame(1, chain_id));
    text("http", "upgrade-after-post", post(chain_id) + upgrade);
    text("http", "upgrade-foreign-origin",
         "GET / HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n"
         "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    text("http", "upgrade-h2c", "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n");

    // WebSocket: frame bytes after the handshake fuzz/websocket.cpp makes.
    const std::string subscribe = call("eth_subscribe", R"(["newHeads"])", "1");
    text("websocket", "text-chainId", frame(1, chain_id));
    text("websocket", "binary-chainId", frame(2, chain_id));
    text("websocket", "text-chainId-masked", frame(1, chain_id, true, true, 0, 0x12345678));
    text("websocket", "fragmented-masked",
         frame(1, chain_id.substr(0, 30), false, true, 0, 0x0badf00d) +
             frame(0, chain_id.substr(30), true, true, 0, 0xfeedbeef));
    text("websocket", "batch", frame(1, "[" + chain_id + "," + call("eth_blockNumber", "[]", "2") + "]"));
    text("websocket", "two-messages", frame(1, chain_id) + frame(1, call("eth_gasPrice", "[]", "2")));
    text("websocket", "fragmented",
         frame(1, chain_id.substr(0, 10), false) + frame(0, chain_id.substr(10, 10), false) +
             frame(0, chain_id.substr(20), true));
    text("websocket", "ping-between-fragments",
         frame(1, chain_id.substr(0, 10), false) + frame(9, "ping") + frame(0, chain_id.substr(10), true));
    text("websocket", "ping", frame(9, "are you there"));
    text("websocket", "pong", frame(10, ""));
    text("websocket", "close", frame(8, std::string("\x03\xe8", 2) + "bye"));
    text("websocket", "close-empty", frame(8, ""));
    text("websocket", "close-then-text", frame(8, std::string("\x03\xe8", 2)) + frame(1, chain_id));
    text("websocket", "subscribe", frame(1, subscribe) + frame(1, call("eth_unsubscribe", R"(["0x1"])", "2")));
    text("websocket", "subscribe-filter", frame(1, call("eth_subscribe", R"(["newHeads",{"address":"0x00"}])", "1")));
    text("websocket", "subscribe-unknown", frame(1, call("eth_subscribe", R"(["sluice_batches"])", "1")));
    text("websocket", "subscribe-many", [&] {
        std::string all;
        for (int i = 0; i < 20; ++i) all += frame(1, call("eth_subscribe", R"(["newHeads"])", std::to_string(i)));
        return all;
    }());
    text("websocket", "unmasked", frame(1, chain_id, true, false));
    text("websocket", "rsv-bits", frame(1, chain_id, true, true, 4));
    text("websocket", "reserved-opcode", frame(3, chain_id));
    text("websocket", "control-fragmented", frame(9, "x", false));
    text("websocket", "continuation-alone", frame(0, chain_id));
    text("websocket", "long-16bit",
         frame(1, call(
                      "eth_feeHistory", "[4,\"latest\",[" + [] {
                          std::string p;
                          for (int i = 0; i < 60; ++i) p += (i ? ",50" : "50");
                          return p;
                      }() + "]]")));
    text("websocket", "length-64bit-huge", std::string("\x81\xff\x7f\xff\xff\xff\xff\xff\xff\xff\x12\x34\x56\x78", 14));
    text("websocket", "invalid-utf8", frame(1, "\xff\xfe{}"));
    text("websocket", "parse-error", frame(1, "{\"jsonrpc\""));
    text("websocket", "partial-frame", frame(1, chain_id).substr(0, 12));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <corpus root> [core|node]...\n", argv[0]);
        return 2;
    }
    g_root = argv[1];
    const std::vector<std::string> groups(argv + 2, argv + argc);
    auto wanted = [&](const char* group) {
        return groups.empty() || std::find(groups.begin(), groups.end(), group) != groups.end();
    };
    if (wanted("core")) core_seeds();  // keystores differ on every run (random salt and iv)
    if (wanted("node")) node_seeds();
    return 0;
}
