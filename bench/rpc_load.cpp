// SPDX-License-Identifier: MIT
// Load generator for sluiced (bench/rpc-load runs it): pre-signs EIP-1559 transfers from many
// funded accounts, sends them with eth_sendRawTransaction over several keep-alive HTTP/1.1
// connections (requests pipelined per connection, so every account's nonces arrive in order),
// follows new blocks to see when each transaction's receipt becomes available, and prints one
// JSON object: {txPerSec, p50/p99/p999ReceiptMs, unsent, rssStartMb, rssAtThirdMb, rssEndMb, ...}.
//
//   rpc_load --print-alloc N            the --genesis-alloc list for N accounts (node without L1)
//   rpc_load --read-ports P1[,P2...] [--pids PID,...] [--seconds S] [--accounts N] [--connections C]
//            [--depth D]             read load: eth_getBalance of the load accounts, closed loop,
//            the connections spread over the ports (read frontends); prints {readsPerSec, p50Ms,
//            p99Ms, errors, ..., cpuPct: [per PID]}
//   rpc_load --port P --node-pid PID [--fund-from KEY] [--seconds S] [--accounts N] [--connections C]
//            [--depth D] [--rate R]
// --fund-from KEY first sends 1 ETH on L2 from KEY's account to each load account and waits until
// all are mined (a node with L1 has no genesis allocation: KEY's funds came by deposit).
// --rate R offers R transactions/s (open loop, latency from each one's due time); without it each
// connection keeps --depth requests in flight (closed loop: the most the node can take).
// txPerSec counts only transactions seen in a block; those acknowledged without a receipt, refused,
// or never sent because the generator could not keep up by the stop are counted separately. The
// JSON also gives the generator's own CPU share and the node's (percent of one core over the run)
// and, on a node with L1, the batches it posted to L1 during the run.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/crypto/keccak.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/transaction.hpp"

using namespace sluice;
using Clock = std::chrono::steady_clock;

namespace {

PrivateKey keyOf(std::size_t i) {
    const std::string seed = "sluice rpc-load account " + std::to_string(i);
    return *PrivateKey::from_bytes(keccak256(as_bytes(seed)));
}

// CPU seconds (user + system) of this process / of process `pid`.
double selfCpuSeconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
double procCpuSeconds(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto paren = all.rfind(')');
    if (paren == std::string::npos) return 0;
    std::istringstream fields(all.substr(paren + 2));
    std::string f;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14) utime = std::stoull(f);
        if (i == 15) stime = std::stoull(f);
    }
    return double(utime + stime) / double(::sysconf(_SC_CLK_TCK));
}

double rssMb(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

int connectTo(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(std::uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

std::string httpRequest(const std::string& body) {
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Takes one complete HTTP response from the front of `buf`, if there is one.
bool takeResponse(std::string& buf, std::string& body) {
    const auto end = buf.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const auto at = buf.find("Content-Length: ");
    const std::size_t len = at != std::string::npos && at < end ? std::stoul(buf.substr(at + 16)) : 0;
    if (buf.size() < end + 4 + len) return false;
    body.assign(buf, end + 4, len);
    buf.erase(0, end + 4 + len);
    return true;
}

// Reads one HTTP response body from `fd`, buffering extra bytes in `buf`. False on EOF.
bool readResponse(int fd, std::string& buf, std::string& body) {
    for (;;) {
        if (takeResponse(buf, body)) return true;
        char tmp[65536];
        const ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
        if (n <= 0) return false;
        buf.append(tmp, std::size_t(n));
    }
}

bool sendAll(int fd, const std::string& data) {
    std::size_t off = 0;
    while (off < data.size()) {
        const ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
        if (n <= 0) return false;
        off += std::size_t(n);
    }
    return true;
}

// One JSON-RPC call on its own connection; the response body, or "" when the node did not answer.
std::string callOnce(int port, const std::string& method, const std::string& params) {
    const int fd = connectTo(port);
    std::string buf, body;
    if (fd < 0) return {};
    if (!sendAll(fd, httpRequest("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params +
                                 "}")) ||
        !readResponse(fd, buf, body))
        body.clear();
    ::close(fd);
    return body;
}

// The first hex quantity in a JSON-RPC answer (`"result":"0x…"`), or `fallback`.
std::uint64_t hexResult(const std::string& body, std::uint64_t fallback) {
    const auto at = body.find("\"result\":\"0x");
    return at == std::string::npos ? fallback : std::stoull(body.substr(at + 12), nullptr, 16);
}

// The index of the latest batch on L1 from sluice_status (a node with L1), or -1.
long long latestBatch(int port) {
    const std::string body = callOnce(port, "sluice_status", "[]");
    const auto at = body.find("\"latestBatch\":");
    if (at == std::string::npos || body.compare(at + 14, 4, "null") == 0) return -1;
    return std::stoll(body.substr(at + 14));
}

Transaction transferOf(std::uint64_t chainId, std::uint64_t nonce, const Address& to, const U256& value) {
    Transaction tx;
    tx.chain_id = chainId;
    tx.nonce = nonce;
    tx.max_fee_per_gas = 2'000'000'000;
    tx.gas_limit = 21000;
    tx.to = to;
    tx.value = value;
    return tx;
}

// Sends 1 ETH from `funder` to each of the first `accounts` load accounts (pipelined on one
// connection) and waits until the funder's nonce shows them all mined. False after 120 s.
bool fundAccounts(int port, std::uint64_t chainId, const PrivateKey& funder, int accounts) {
    const std::string from = public_key_of(funder).address().hex();
    const std::uint64_t first =
        hexResult(callOnce(port, "eth_getTransactionCount", "[\"" + from + "\",\"pending\"]"), 0);
    const int fd = connectTo(port);
    if (fd < 0) return false;
    std::string out;
    for (int k = 0; k < accounts; ++k) {
        const Transaction tx =
            transferOf(chainId, first + std::uint64_t(k), public_key_of(keyOf(std::size_t(k))).address(),
                       U256(1'000'000'000'000'000'000ULL));
        out += httpRequest("{\"jsonrpc\":\"2.0\",\"id\":" + std::to_string(k) +
                           ",\"method\":\"eth_sendRawTransaction\",\"params\":[\"" +
                           to_hex(encode_signed(sign_transaction(tx, funder))) + "\"]}");
    }
    std::string buf, body;
    bool ok = sendAll(fd, out);
    for (int k = 0; ok && k < accounts; ++k) {
        ok = readResponse(fd, buf, body);
        if (ok && body.find("\"result\"") == std::string::npos) {
            std::fprintf(stderr, "funding transfer %d refused: %s\n", k, body.c_str());
            ok = false;
        }
    }
    ::close(fd);
    const auto deadline = Clock::now() + std::chrono::seconds(120);
    while (ok && Clock::now() < deadline) {
        if (hexResult(callOnce(port, "eth_getTransactionCount", "[\"" + from + "\",\"latest\"]"), 0) >=
            first + std::uint64_t(accounts))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

struct Tx {
    std::string request;
    std::string hash;
    Clock::time_point sent{};
    Clock::time_point acked{};
    Clock::time_point receipt{};
    std::atomic<int> state{0};  // 0 unsent, 1 sent, 2 acked, 3 refused, 4 receipt
};

std::vector<int> intList(const std::string& text) {
    std::vector<int> out;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(std::atoi(item.c_str()));
    return out;
}

// Closed-loop reads: each connection keeps `depth` eth_getBalance calls in flight for `seconds`;
// latency from each call's send to its answer. An answer without a result is an error.
int runReads(const std::vector<int>& ports, const std::vector<int>& pids, int seconds, int connections, int depth,
             int accounts) {
    std::vector<std::string> requests;
    for (int k = 0; k < accounts; ++k)
        requests.push_back(httpRequest("{\"jsonrpc\":\"2.0\",\"id\":" + std::to_string(k) +
                                       ",\"method\":\"eth_getBalance\",\"params\":[\"" +
                                       public_key_of(keyOf(std::size_t(k))).address().hex() + "\",\"latest\"]}"));
    std::vector<double> cpuStart;
    for (int pid : pids) cpuStart.push_back(procCpuSeconds(pid));
    const auto start = Clock::now();
    const auto stopAt = start + std::chrono::seconds(seconds);
    std::mutex merge;
    std::vector<double> latencies;
    std::size_t errors = 0;
    std::vector<std::thread> readers;
    for (int c = 0; c < connections; ++c) {
        readers.emplace_back([&, c] {
            const int fd = connectTo(ports[std::size_t(c) % ports.size()]);
            if (fd < 0) return;
            std::deque<Clock::time_point> sent;
            std::vector<double> mine;
            std::size_t bad = 0, k = std::size_t(c);
            std::string buf, body, out;
            while (Clock::now() < stopAt || !sent.empty()) {
                out.clear();
                while (sent.size() < std::size_t(depth) && Clock::now() < stopAt) {
                    out += requests[k++ % requests.size()];
                    sent.push_back(Clock::now());
                }
                if (!out.empty() && !sendAll(fd, out)) break;
                if (!readResponse(fd, buf, body)) break;
                do {
                    mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent.front()).count());
                    sent.pop_front();
                    if (body.find("\"result\":\"0x") == std::string::npos) ++bad;
                } while (!sent.empty() && takeResponse(buf, body));
            }
            ::close(fd);
            std::lock_guard lock(merge);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
            errors += bad;
        });
    }
    for (auto& r : readers) r.join();
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.empty() ? -1.0
                                 : latencies[std::min(latencies.size() - 1, std::size_t(p * double(latencies.size())))];
    };
    std::string cpu;
    for (std::size_t i = 0; i < pids.size(); ++i)
        cpu += (i ? ", " : "") + std::to_string(int(100.0 * (procCpuSeconds(pids[i]) - cpuStart[i]) / secs));
    std::printf(
        "{\"readsPerSec\": %.0f, \"p50Ms\": %.2f, \"p99Ms\": %.2f, \"errors\": %zu, \"reads\": %zu, "
        "\"seconds\": %.1f, \"ports\": %zu, \"connections\": %d, \"pipelineDepth\": %d, \"cpuPct\": [%s]}\n",
        double(latencies.size()) / secs, pct(0.50), pct(0.99), errors, latencies.size(), secs, ports.size(),
        connections, depth, cpu.c_str());
    return errors == 0 && !latencies.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    int port = 0, pid = 0, seconds = 60, accounts = 1000, connections = 4, depth = 64;
    double rate = 0;  // --rate: offered transactions per second (open loop); 0: closed loop
    std::optional<PrivateKey> funder;
    std::vector<int> readPorts, pids;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::atof(argv[++i]) : 0.0; };
        if (a == "--print-alloc") {
            const int n = int(next());
            for (int k = 0; k < n; ++k)
                std::printf("%s%s=1000000000000000000000", k ? "," : "",
                            public_key_of(keyOf(std::size_t(k))).address().hex().c_str());
            std::printf("\n");
            return 0;
        }
        if (a == "--port")
            port = int(next());
        else if (a == "--node-pid")
            pid = int(next());
        else if (a == "--seconds")
            seconds = int(next());
        else if (a == "--accounts")
            accounts = int(next());
        else if (a == "--connections")
            connections = int(next());
        else if (a == "--depth")
            depth = int(next());
        else if (a == "--rate")
            rate = next();
        else if (a == "--read-ports" && i + 1 < argc)
            readPorts = intList(argv[++i]);
        else if (a == "--pids" && i + 1 < argc)
            pids = intList(argv[++i]);
        else if (a == "--fund-from" && i + 1 < argc) {
            if (const auto bytes = from_hex(argv[++i]))
                if (auto key = PrivateKey::from_bytes(*bytes)) funder = std::move(*key);
            if (!funder) {
                std::fprintf(stderr, "--fund-from: not a private key\n");
                return 64;
            }
        } else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 64;
        }
    }
    if (!readPorts.empty()) return runReads(readPorts, pids, seconds, connections, depth, accounts);
    if (!port) {
        std::fprintf(stderr, "usage: rpc_load --port P --node-pid PID [--seconds S]\n");
        return 64;
    }

    const std::uint64_t chainId = hexResult(callOnce(port, "eth_chainId", "[]"), 0);
    if (chainId == 0) {
        std::fprintf(stderr, "no node answers eth_chainId on port %d\n", port);
        return 1;
    }
    if (funder && !fundAccounts(port, chainId, *funder, accounts)) {
        std::fprintf(stderr, "funding the %d load accounts did not complete\n", accounts);
        return 1;
    }

    // Pre-sign round-robin over accounts: tx k is account k % N's nonce k / N. Closed loop: as
    // as many as 8,000/s could use (the run ends early if they run out, and says so).
    const bool paced = rate > 0;
    const std::size_t total = std::size_t((paced ? rate : 8000) * seconds);
    std::vector<Tx> txs(total);
    {
        std::vector<std::thread> signers;
        const unsigned threads = 2;
        for (unsigned t = 0; t < threads; ++t) {
            signers.emplace_back([&, t] {
                const Address to = *Address::from_hex("0x00000000000000000000000000000000000b0b00");
                std::vector<std::optional<PrivateKey>> keys(static_cast<std::size_t>(accounts));
                for (std::size_t k = t; k < total; k += threads) {
                    const std::size_t acct = k % std::size_t(accounts);
                    if (!keys[acct]) keys[acct] = keyOf(acct);
                    const Transaction tx = transferOf(chainId, k / std::size_t(accounts), to, U256(1000 + k));
                    const Bytes raw = encode_signed(sign_transaction(tx, *keys[acct]));
                    txs[k].hash = keccak256(raw).hex();
                    txs[k].request =
                        httpRequest("{\"jsonrpc\":\"2.0\",\"id\":" + std::to_string(k) +
                                    ",\"method\":\"eth_sendRawTransaction\",\"params\":[\"" + to_hex(raw) + "\"]}");
                }
            });
        }
        for (auto& s : signers) s.join();
    }
    std::unordered_map<std::string, std::size_t> byHash;
    byHash.reserve(total);
    for (std::size_t k = 0; k < total; ++k) byHash.emplace(txs[k].hash, k);

    // Blocks from before the run (genesis allocation, funding) are skipped: read the head before the
    // clock starts, or the run's first blocks could be taken for old ones.
    const std::uint64_t headBefore = hexResult(callOnce(port, "eth_blockNumber", "[]"), 0);
    const long long batchBefore = latestBatch(port);
    const double rssStart = pid ? rssMb(pid) : -1;
    const double selfCpuStart = selfCpuSeconds(), nodeCpuStart = pid ? procCpuSeconds(pid) : 0;
    const auto start = Clock::now();
    const auto startedAtMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    const auto stopAt = start + std::chrono::seconds(seconds);
    std::atomic<bool> sending{true};
    std::atomic<std::size_t> refused{0};
    std::string firstRefusal;
    std::mutex refusalMutex;

    // Connection c sends the transactions of accounts a with a % C == c, in order. With --rate R
    // (open loop) transaction k is due at start + k/R and its latency counts from then, so a node
    // that falls behind is charged for the wait (no coordinated omission); without it (closed
    // loop) each connection keeps `depth` requests in flight and latency counts from the send.
    auto dueOf = [&](std::size_t k) {
        return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(double(k) / rate));
    };
    std::vector<std::thread> senders;
    for (int c = 0; c < connections; ++c) {
        senders.emplace_back([&, c] {
            const int fd = connectTo(port);
            if (fd < 0) return;
            std::vector<std::size_t> mine;
            for (std::size_t k = 0; k < total; ++k)
                if (int((k % std::size_t(accounts)) % std::size_t(connections)) == c) mine.push_back(k);
            std::string buf, body, out;
            std::size_t next = 0, done = 0;
            bool broken = false;
            while (!broken && (done < next || (next < mine.size() && Clock::now() < stopAt))) {
                const auto now = Clock::now();
                out.clear();
                while (next < mine.size() && next - done < std::size_t(depth) && now < stopAt &&
                       (!paced || dueOf(mine[next]) <= now)) {
                    Tx& t = txs[mine[next++]];
                    t.sent = paced ? dueOf(mine[next - 1]) : now;
                    t.state = 1;
                    out += t.request;
                }
                if (!out.empty() && !sendAll(fd, out)) break;
                // Wait for answers, or until the next transaction is due.
                long waitNs = -1;
                if (paced && next < mine.size() && next - done < std::size_t(depth)) {
                    const auto due = dueOf(mine[next]);
                    waitNs =
                        due > now ? long(std::chrono::duration_cast<std::chrono::nanoseconds>(due - now).count()) : 0;
                }
                if (done == next) {
                    if (waitNs > 0) std::this_thread::sleep_for(std::chrono::nanoseconds(waitNs));
                    continue;
                }
                pollfd p{fd, POLLIN, 0};
                timespec ts{waitNs / 1'000'000'000, waitNs % 1'000'000'000};
                const int ready = ::ppoll(&p, 1, waitNs < 0 ? nullptr : &ts, nullptr);
                if (ready <= 0) continue;
                char tmp[65536];
                const ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
                if (n <= 0) break;
                buf.append(tmp, std::size_t(n));
                while (done < next && takeResponse(buf, body)) {
                    Tx& t = txs[mine[done++]];
                    t.acked = Clock::now();
                    // The block can be seen before this answer is read (both come from one commit):
                    // the follower's "receipt" state stays.
                    int sent = 1;
                    if (body.find("\"result\"") != std::string::npos) {
                        t.state.compare_exchange_strong(sent, 2);
                    } else {
                        t.state = 3;
                        if (refused++ == 0) {
                            std::lock_guard lock(refusalMutex);
                            firstRefusal = body;
                        }
                    }
                }
            }
            ::close(fd);
        });
    }

    // Receipts: a transaction's receipt is available once its block is (the node serves blocks
    // and receipts only when durable); blocks are followed by number, and one receipt per block
    // is fetched to check that.
    std::atomic<std::size_t> receipts{0}, receiptChecksFailed{0};
    double rssThird = -1;  // the node's RSS a third into the run: flat memory means rssEndMb ≈ this
    std::thread follower([&] {
        const int fd = connectTo(port);
        std::string buf, body;
        auto rpc = [&](const std::string& method, const std::string& params) {
            sendAll(fd, httpRequest("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params +
                                    "}"));
            readResponse(fd, buf, body);
            return body;
        };
        std::uint64_t seen = headBefore;
        const auto endFollow = stopAt + std::chrono::seconds(5);
        const auto third = start + (stopAt - start) / 3;
        while (Clock::now() < endFollow) {
            if (rssThird < 0 && pid && Clock::now() >= third) rssThird = rssMb(pid);
            const std::string r = rpc("eth_blockNumber", "[]");
            const auto at = r.find("\"0x");
            const std::uint64_t head = at != std::string::npos ? std::stoull(r.substr(at + 3), nullptr, 16) : seen;
            for (std::uint64_t n = seen + 1; n <= head; ++n) {
                char num[32];
                std::snprintf(num, sizeof num, "0x%llx", static_cast<unsigned long long>(n));
                const std::string block = rpc("eth_getBlockByNumber", std::string("[\"") + num + "\",false]");
                const auto now = Clock::now();
                const auto list = block.find("\"transactions\":[");
                if (list == std::string::npos) continue;
                std::size_t pos = list + 16;
                std::string sample;
                while ((pos = block.find("\"0x", pos)) != std::string::npos && block[pos - 1] != ']') {
                    const auto end = block.find('"', pos + 1);
                    const std::string h = block.substr(pos + 1, end - pos - 1);
                    pos = end + 1;
                    if (auto it = byHash.find(h); it != byHash.end()) {
                        txs[it->second].receipt = now;
                        txs[it->second].state = 4;
                        ++receipts;
                        if (sample.empty()) sample = h;
                    }
                    if (block[pos] == ']') break;
                }
                if (!sample.empty() &&
                    rpc("eth_getTransactionReceipt", "[\"" + sample + "\"]").find("\"status\":\"0x1\"") ==
                        std::string::npos)
                    ++receiptChecksFailed;
            }
            seen = head;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        ::close(fd);
    });

    for (auto& s : senders) s.join();
    const auto sendEnd = Clock::now();
    const double selfCpu = selfCpuSeconds() - selfCpuStart, nodeCpu = pid ? procCpuSeconds(pid) - nodeCpuStart : 0;
    follower.join();
    const double rssEnd = pid ? rssMb(pid) : -1;

    const long long batchAfter = latestBatch(port);

    std::size_t acked = 0, missing = 0, unsent = 0;
    std::vector<double> latencies, ackLatencies;
    // Per second of the run (by due time): the slowest receipt and the slowest acknowledgement, to
    // tell a tail spread over the run from one stall, and a slow block from a slow admission.
    std::vector<double> worstReceiptBySecond(std::size_t(seconds) + 1, 0.0), worstAckBySecond(worstReceiptBySecond);
    auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    for (auto& t : txs) {
        const int s = t.state;
        if (s == 2 || s == 4) ++acked;
        const std::size_t second =
            std::min(worstAckBySecond.size() - 1, std::size_t(std::max(0.0, ms(t.sent - start) / 1000.0)));
        if ((s == 2 || s == 4) && t.acked != Clock::time_point{}) {
            ackLatencies.push_back(ms(t.acked - t.sent));
            worstAckBySecond[second] = std::max(worstAckBySecond[second], ackLatencies.back());
        }
        if (s == 4) {
            latencies.push_back(ms(t.receipt - t.sent));
            worstReceiptBySecond[second] = std::max(worstReceiptBySecond[second], latencies.back());
        }
        if (s == 2) ++missing;
        if (s == 0) ++unsent;
    }
    // A few acknowledged transactions the follower never saw in a block: say what the node says.
    if (missing > 0) {
        const int fd = connectTo(port);
        std::string buf, body;
        int shown = 0;
        for (std::size_t k = 0; k < total && shown < 3 && fd >= 0; ++k) {
            if (txs[k].state != 2) continue;
            ++shown;
            sendAll(fd,
                    httpRequest("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getTransactionByHash\",\"params\":[\"" +
                                txs[k].hash + "\"]}"));
            if (readResponse(fd, buf, body))
                std::fprintf(stderr, "acknowledged, no receipt seen: tx %zu (account %zu nonce %zu): %s\n", k,
                             k % std::size_t(accounts), k / std::size_t(accounts), body.substr(0, 400).c_str());
        }
        if (fd >= 0) ::close(fd);
    }
    std::sort(latencies.begin(), latencies.end());
    std::sort(ackLatencies.begin(), ackLatencies.end());
    auto percentile = [](const std::vector<double>& sorted, double p) {
        return sorted.empty() ? -1.0 : sorted[std::min(sorted.size() - 1, std::size_t(p * double(sorted.size())))];
    };
    auto pct = [&](double p) { return percentile(latencies, p); };
    auto list = [](const std::vector<double>& values) {
        std::string out;
        for (double v : values) out += (out.empty() ? "" : ",") + std::to_string(std::lround(v));
        return "[" + out + "]";
    };
    const double secs = std::chrono::duration<double>(sendEnd - start).count();
    // In a paced run every pre-signed transaction is due before the stop, so the unsent ones are the
    // offered load the generator could not deliver (a closed-loop run pre-signs more than it needs).
    std::printf(
        "{\"txPerSec\": %.0f, \"p50ReceiptMs\": %.1f, \"p99ReceiptMs\": %.1f, \"p999ReceiptMs\": %.1f, "
        "\"maxReceiptMs\": %.1f, \"mined\": %zu, \"acknowledged\": %zu, \"refused\": %zu, \"withoutReceipt\": %zu, "
        "\"unsent\": %zu, \"receiptCheckFailures\": %zu, \"rssStartMb\": %.1f, \"rssAtThirdMb\": %.1f, \"rssEndMb\": %.1f, "
        "\"l1BatchesPosted\": %lld, \"seconds\": %.1f, \"connections\": %d, \"pipelineDepth\": %d, \"accounts\": %d, "
        "\"presigned\": %zu, \"offeredRate\": %.0f, \"loadCpuPct\": %.0f, \"nodeCpuPct\": %.0f, "
        "\"p50AckMs\": %.1f, \"p99AckMs\": %.1f, \"worstReceiptMsBySecond\": %s, \"worstAckMsBySecond\": %s, "
        "\"startedAtUnixMs\": %lld}\n",
        double(latencies.size()) / secs, pct(0.50), pct(0.99), pct(0.999), latencies.empty() ? -1.0 : latencies.back(),
        latencies.size(), acked, refused.load(), missing, paced ? unsent : 0, receiptChecksFailed.load(), rssStart,
        rssThird, rssEnd, batchAfter < 0 ? -1 : batchAfter - batchBefore, secs, connections, depth, accounts, total,
        rate, 100.0 * selfCpu / secs, 100.0 * nodeCpu / secs, percentile(ackLatencies, 0.50),
        percentile(ackLatencies, 0.99), list(worstReceiptBySecond).c_str(), list(worstAckBySecond).c_str(),
        static_cast<long long>(startedAtMs));
    if (!firstRefusal.empty()) std::fprintf(stderr, "first refusal: %s\n", firstRefusal.c_str());
    return 0;
}
