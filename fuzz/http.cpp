// SPDX-License-Identifier: MIT
// The node's HTTP/1.1 request framing (node/rpc/httprequest: HttpRequestReader, HttpAccessRules),
// as RpcServer's connections use it on the unread bytes of their socket. The input is what one
// client sends on one connection; it is fed whole, byte by byte (short inputs), and in chunks of
// pseudo-random sizes drawn from the input itself.
// Invariants:
//   - the reader consumes no more than it was shown nor more than it wanted; it never waits on
//     more than a head's limit of unread bytes, and never keeps more than a body's Content-Length;
//   - a head is consumed exactly (its size, ending in the first blank line, within the limit);
//   - a call's body is exactly its Content-Length bytes, the ones that followed its head, and
//     Content-Length is within the limit; a refusal carries an HTTP error status and a message;
//   - after a refusal or an upgrade nothing more is read;
//   - the requests, refusals and final state are the same however the bytes were split.

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.hpp"
#include "node/rpc/httprequest.h"

using namespace sluice::node;

namespace {

// Small limits so that short inputs reach them.
constexpr HttpLimits kLimits{512, 1024};

const HttpAccessRules& rules() {
    static const HttpAccessRules r = [] {
        HttpAccessRules a;
        a.setAllowed({QStringLiteral("node.example"), QStringLiteral("[fe80::1]:8546")},
                     {QStringLiteral("https://app.example")});
        a.setBoundHost(QStringLiteral("10.1.2.3"));
        return a;
    }();
    return r;
}

// What happened on the connection, comparable between splittings.
std::string describe(const HttpRequestReader::Step& step, const HttpRequestReader& reader) {
    using Event = HttpRequestReader::Event;
    const HttpRequestHead& h = reader.head();
    switch (step.event) {
    case Event::needMore: return "more";
    case Event::refused:
        return "refused " + std::to_string(step.refusal.status) + " " + step.refusal.message.toStdString();
    case Event::upgrade: return "upgrade " + h.target.toStdString();
    case Event::preflight: return "preflight " + std::to_string(h.size) + (h.keepAlive ? " keep" : " close");
    case Event::headRead: return "head " + std::to_string(h.size) + " " + std::to_string(h.contentLength);
    case Event::call:
        return "call " + std::to_string(step.body.size()) + (h.keepAlive ? " keep " : " close ") +
               step.body.toStdString();
    }
    return "?";
}

// Feeds `data` in chunks ending at `cuts` (ascending, the last = data.size()). Returns the events.
std::vector<std::string> run(const QByteArray& data, const std::vector<qsizetype>& cuts, bool showAll) {
    using Event = HttpRequestReader::Event;
    HttpRequestReader reader(kLimits, &rules());
    std::vector<std::string> events;
    QByteArray unread;  // received, not consumed
    qsizetype consumedTotal = 0;
    qsizetype given = 0;
    qsizetype headStart = 0;  // where the head of the request being read starts in `data`
    bool anyRequest = false;  // an upgrade is handed over only before any other request
    bool ended = false;
    for (const qsizetype cut : cuts) {
        unread += data.mid(given, cut - given);
        given = cut;
        while (!ended) {
            const qint64 wanted = reader.wanted();
            FUZZ_CHECK(wanted >= 0);
            // The socket shows at most what is asked for (QTcpSocket::peek); a test may show more.
            const QByteArray shown = showAll ? unread : unread.left(qsizetype(wanted));
            const bool inBodyBefore = reader.inBody();
            const auto step = reader.next(shown, !anyRequest);
            FUZZ_CHECK(step.consumed >= 0 && step.consumed <= shown.size() && step.consumed <= wanted);
            const qsizetype at = consumedTotal;
            unread.remove(0, step.consumed);
            consumedTotal += step.consumed;
            FUZZ_CHECK(consumedTotal + unread.size() == given);
            const HttpRequestHead& h = reader.head();
            switch (step.event) {
            case Event::needMore:
                // Waiting for the rest of a head never holds more than the head's limit.
                if (!reader.inBody()) FUZZ_CHECK(unread.size() < kLimits.maxHeaderBytes + 4);
                FUZZ_CHECK(reader.inBody() || step.consumed == 0);
                break;
            case Event::refused:
                FUZZ_CHECK(step.consumed == 0 && !inBodyBefore);
                FUZZ_CHECK(step.refusal.status >= 400 && step.refusal.status < 600);
                FUZZ_CHECK(!step.refusal.reason.isEmpty() && !step.refusal.message.isEmpty());
                FUZZ_CHECK(step.refusal.rpcCode < 0);
                ended = true;
                break;
            case Event::upgrade:
                FUZZ_CHECK(step.consumed == 0 && !anyRequest && h.method == "GET" && h.upgrade);
                ended = true;
                break;
            case Event::preflight:
            case Event::headRead: {
                FUZZ_CHECK(step.consumed == h.size && h.size <= kLimits.maxHeaderBytes + 4);
                const QByteArray head = data.mid(at, h.size);
                FUZZ_CHECK(head.endsWith("\r\n\r\n") && head.indexOf("\r\n\r\n") == h.size - 4);
                FUZZ_CHECK(h.hosts <= 1 && h.origins <= 1);
                if (step.event == Event::preflight) {
                    FUZZ_CHECK(h.method == "OPTIONS" && h.origins == 1 && h.contentLength <= 0 && !h.chunked);
                    anyRequest = true;
                } else {
                    FUZZ_CHECK(h.method == "POST" && !h.chunked && h.contentLength >= 0 &&
                               h.contentLength <= kLimits.maxBodyBytes);
                    FUZZ_CHECK(reader.inBody());
                    headStart = at;
                }
                break;
            }
            case Event::call:
                FUZZ_CHECK(inBodyBefore && !reader.inBody());
                FUZZ_CHECK(step.body.size() == h.contentLength);
                FUZZ_CHECK(step.body == data.mid(headStart + h.size, h.contentLength));
                FUZZ_CHECK(at + step.consumed == headStart + h.size + h.contentLength);
                anyRequest = true;
                break;
            }
            if (reader.inBody()) FUZZ_CHECK(reader.wanted() >= 0 && reader.wanted() <= h.contentLength);
            if (step.event == Event::needMore) break;
            events.push_back(describe(step, reader));
        }
        if (ended) {
            // Nothing more is read after a refusal or an upgrade.
            const auto step = reader.next(unread + data.mid(given), !anyRequest);
            FUZZ_CHECK(step.event == Event::needMore && step.consumed == 0 && reader.ended() && reader.wanted() == 0);
            break;
        }
    }
    events.push_back((reader.ended()    ? "ended "
                      : reader.inBody() ? "in body "
                                        : "between ") +
                     std::to_string(consumedTotal));
    return events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const QByteArray data(reinterpret_cast<const char*>(bytes), qsizetype(size));
    const qsizetype n = data.size();
    const auto whole = run(data, {n}, false);
    FUZZ_CHECK(run(data, {n}, true) == whole);
    if (n <= 600) {
        std::vector<qsizetype> each;
        for (qsizetype i = 1; i <= n; ++i) each.push_back(i);
        FUZZ_CHECK(run(data, each, false) == whole);
    }
    // Chunks of 1 to 64 bytes, their sizes drawn from a generator seeded by the input.
    std::uint64_t state = 0x9e3779b97f4a7c15ULL ^ std::uint64_t(n);
    for (qsizetype i = 0; i < n; ++i) state = (state ^ std::uint8_t(data[i])) * 0x100000001b3ULL;
    std::vector<qsizetype> cuts;
    for (qsizetype at = 0; at < n;) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        at = std::min<qsizetype>(n, at + 1 + qsizetype((state >> 33) % 64));
        cuts.push_back(at);
    }
    if (cuts.empty()) cuts.push_back(0);
    FUZZ_CHECK(run(data, cuts, n % 2 == 0) == whole);
    return 0;
}
