// SPDX-License-Identifier: MIT
#pragma once
// The HTTP/1.1 side of the node's JSON-RPC port without a socket: how the bytes a client sends
// are framed into requests, and which of them are refused before any JSON is read. RpcServer's
// connections use it on the unread bytes of their QTcpSocket; tests and fuzz/http.cpp use it on
// plain byte arrays, split however they like.
//
// The reader never buffers what it has not consumed: it looks at the connection's unread bytes
// (at most wanted() of them), and says how many of them it has taken. A connection whose request
// becomes a WebSocket upgrade therefore still holds the whole upgrade request, unread, for
// QWebSocketServer. Limits: a request head of at most maxHeaderBytes (plus its blank line), a
// Content-Length body of at most maxBodyBytes, no chunked bodies; a refusal ends the stream
// (what follows cannot be trusted to be framed).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

namespace sluice::node {

// Which Host and Origin headers the node serves (docs/RPC.md §4): loopback names, the address it
// is bound to, and what the operator allowed (--rpc-allowed-host, --rpc-cors; "*" allows any).
class HttpAccessRules {
public:
    HttpAccessRules();
    void setAllowed(const QStringList& hosts, const QStringList& origins);
    // The address listened on; empty for 0.0.0.0 or ::.
    void setBoundHost(const QString& address);
    bool hostAllowed(QByteArrayView hostHeader) const;
    bool originAllowed(QByteArrayView origin) const;

    // "name", "name:port", "[v6]" or "[v6]:port" as the bare lower-case name the rules hold.
    static QString hostName(const QString& host);
    static QString originName(const QString& origin);

private:
    QSet<QString> m_hosts;  // normalized host names (no port, no brackets)
    QString m_boundHost;
    QSet<QString> m_origins;
};

struct HttpLimits {
    int maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 1 << 20;
};

// An HTTP-level refusal: the status line, and the JSON-RPC error its body carries.
struct HttpRefusal {
    int status = 400;
    QByteArray reason;
    int rpcCode = 0;
    QString message;
};

struct HttpRequestHead {
    QByteArray method;
    QByteArray target;
    QByteArray version;
    qsizetype size = 0;         // bytes of the head with the blank line that ends it
    qint64 contentLength = -1;  // none
    bool keepAlive = true;
    bool chunked = false;    // any Transfer-Encoding
    bool upgrade = false;    // Connection: upgrade, no Upgrade other than websocket after it
    QByteArray host;         // the Host header when there is one
    QByteArray origin;       // the Origin header when there is one
    QByteArray contentType;  // lower-case
    int hosts = 0;
    int origins = 0;
};

class HttpRequestReader {
public:
    enum class Event {
        needMore,   // nothing complete yet; call again with more bytes
        refused,    // step.refusal; the stream ends here
        upgrade,    // a WebSocket upgrade request (nothing consumed); the stream ends here
        preflight,  // a CORS preflight from an allowed origin (head consumed, no body)
        headRead,   // a POST head was consumed; its body follows (call again)
        call,       // a POST is complete: step.body is its Content-Length bytes
    };
    struct Step {
        Event event = Event::needMore;
        qsizetype consumed = 0;  // bytes the caller drops from the front of its unread bytes
        HttpRefusal refusal;     // refused
        QByteArray body;         // call
    };

    HttpRequestReader(HttpLimits limits, const HttpAccessRules* access);

    // How many unread bytes next() wants to see: a head's limit plus its blank line, or what is
    // left of a body. It never consumes more than it was given nor more than this.
    qint64 wanted() const;
    // `unread`: the connection's first unread bytes (any number; more than wanted() are not
    // looked at). `mayUpgrade`: an upgrade request would be handed over now (nothing is owed on
    // the connection); when false an upgrade GET is refused like any other GET.
    Step next(const QByteArray& unread, bool mayUpgrade);

    // The head of the request being read (from headRead, preflight or upgrade on).
    const HttpRequestHead& head() const { return m_head; }
    bool inBody() const { return m_phase == Phase::body; }
    bool ended() const { return m_phase == Phase::ended; }

private:
    enum class Phase { head, body, ended };
    Step readHead(const QByteArray& unread, bool mayUpgrade);
    Step refuse(int status, const char* reason, int rpcCode, const QString& message);

    HttpLimits m_limits;
    const HttpAccessRules* m_access;
    Phase m_phase = Phase::head;
    HttpRequestHead m_head;
    QByteArray m_body;
};

}  // namespace sluice::node
