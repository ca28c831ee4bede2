// SPDX-License-Identifier: MIT
// WebSocket frames from a client, through the node's real port: QWebSocketServer parses them
// (Qt's code), the node acts on the messages (RpcServer: limits, dispatch, subscriptions). For
// each input a raw QTcpSocket connects to the in-process node of fuzz/node_fixture (127.0.0.1,
// a free port), upgrades with a fixed handshake, writes the input as frame data and ends its
// side of the stream; the event loop runs until the server has closed the connection.
// Invariants:
//   - the handshake is answered 101; the server closes the connection once the client's side
//     ended (within 10 s), and then holds no connection and no subscription of it;
//   - what the server sends is well-framed (server frames are never masked), and every text
//     message in it is a valid JSON-RPC 2.0 answer or eth_subscription notification;
//   - every 16th input (and the first), a fresh connection still gets eth_chainId answered.

#include <QByteArray>
#include <QHostAddress>
#include <QTcpSocket>

#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "fuzz/fuzz_check.hpp"
#include "fuzz/node_fixture.hpp"
#include "node/rpc/rpcserver.h"

using namespace sluice;

namespace {

constexpr int kBoundMs = 10000;

const QByteArray kHandshake =
    "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

// Connects and upgrades; returns what followed the 101 head (frames already sent).
bool upgrade(QTcpSocket& socket, QByteArray& rest) {
    socket.connectToHost(QHostAddress::LocalHost, fuzz::fuzzRpcServer().port());
    if (!fuzz::spinUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, kBoundMs)) return false;
    socket.write(kHandshake);
    QByteArray in;
    if (!fuzz::spinUntil(
            [&] {
                in += socket.readAll();
                return in.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
            },
            kBoundMs))
        return false;
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0 || !in.startsWith("HTTP/1.1 101")) return false;
    rest = in.mid(end + 4);
    return true;
}

// A masked client text frame.
QByteArray textFrame(const QByteArray& payload) {
    QByteArray f;
    f += char(0x81);
    f += char(0x80 | payload.size());  // short payloads only
    const char mask[4] = {0x37, 0x5a, 0x0f, 0x61};
    f.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i) f += char(payload[i] ^ mask[i % 4]);
    return f;
}

struct ServerFrames {
    QByteArrayList texts;    // complete text messages
    bool wellFramed = true;  // no mask bit, sane lengths
};

// Splits what the server sent into frames (RFC 6455 §5.2); a cut-off last frame is allowed
// (the server may close mid-write only if we stopped reading, which we do not).
ServerFrames serverFrames(const QByteArray& in) {
    ServerFrames out;
    QByteArray message;
    bool inText = false;
    qsizetype at = 0;
    while (at + 2 <= in.size()) {
        const auto b0 = std::uint8_t(in[at]), b1 = std::uint8_t(in[at + 1]);
        if (b1 & 0x80) out.wellFramed = false;  // a server never masks
        std::uint64_t length = b1 & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (at + 4 > in.size()) break;
            length = (std::uint64_t(std::uint8_t(in[at + 2])) << 8) | std::uint8_t(in[at + 3]);
            header = 4;
        } else if (length == 127) {
            if (at + 10 > in.size()) break;
            length = 0;
            for (int i = 0; i < 8; ++i) length = (length << 8) | std::uint8_t(in[at + 2 + i]);
            header = 10;
        }
        if (length > (1u << 26)) {
            out.wellFramed = false;
            break;
        }
        if (at + header + qsizetype(length) > in.size()) break;
        const QByteArray payload = in.mid(at + header, qsizetype(length));
        at += header + qsizetype(length);
        const int opcode = b0 & 0x0f;
        const bool fin = b0 & 0x80;
        if (opcode == 0x1) {
            message = payload;
            inText = !fin;
            if (fin) out.texts.append(message);
        } else if (opcode == 0x0 && inText) {
            message += payload;
            if (fin) {
                out.texts.append(message);
                inText = false;
            }
        }
    }
    return out;
}

// A well-formed request on a fresh connection is answered.
void checkServed() {
    QTcpSocket socket;
    QByteArray in;
    FUZZ_CHECK(upgrade(socket, in));
    socket.write(textFrame(R"({"jsonrpc":"2.0","id":7,"method":"eth_chainId"})"));
    FUZZ_CHECK(fuzz::spinUntil(
        [&] {
            in += socket.readAll();
            return !serverFrames(in).texts.isEmpty() || socket.state() != QAbstractSocket::ConnectedState;
        },
        kBoundMs));
    const ServerFrames frames = serverFrames(in);
    FUZZ_CHECK(frames.wellFramed && frames.texts.size() == 1);
    FUZZ_CHECK(frames.texts[0] == QByteArray(R"({"id":7,"jsonrpc":"2.0","result":")") + fuzz::kChainIdQuantity + "\"}");
    socket.abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::fuzzNode();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static unsigned long inputs = 0;
    node::RpcServer& server = fuzz::fuzzRpcServer();
    if (inputs++ % 16 == 0) checkServed();
    // What an earlier input left (a closing connection) is gone before this one starts.
    FUZZ_CHECK(fuzz::spinUntil([&] { return server.connectionCount() == 0; }, kBoundMs));

    QTcpSocket socket;
    QByteArray in;
    FUZZ_CHECK(upgrade(socket, in));
    socket.write(reinterpret_cast<const char*>(data), qint64(size));
    FUZZ_CHECK(fuzz::spinUntil(
        [&] { return socket.bytesToWrite() == 0 || socket.state() != QAbstractSocket::ConnectedState; }, kBoundMs));
    if (socket.state() == QAbstractSocket::ConnectedState) ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
    // The server reads to the end of the stream, answers what it understood and closes.
    FUZZ_CHECK(fuzz::spinUntil(
        [&] {
            in += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        kBoundMs));
    in += socket.readAll();
    FUZZ_CHECK(
        fuzz::spinUntil([&] { return server.connectionCount() == 0 && server.subscriptionCount() == 0; }, kBoundMs));

    const ServerFrames frames = serverFrames(in);
    if (fuzz::showAnswers())
        std::fprintf(stderr, "  -> %lld bytes back: %s\n", qlonglong(in.size()), frames.texts.join(" ").constData());
    FUZZ_CHECK(frames.wellFramed);
    for (const QByteArray& text : frames.texts) FUZZ_CHECK(fuzz::validJsonRpcReply(text, true));
    return 0;
}
