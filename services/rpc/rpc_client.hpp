// SPDX-License-Identifier: MIT
#pragma once
// Asynchronous JSON-RPC 2.0 over HTTP POST. Every failure (node down, timeout, HTTP status,
// junk instead of JSON-RPC, an error object) comes back as an RpcError value with a message a
// person can act on; nothing throws and no reply can crash the caller.
//
// One calling convention everywhere in services/rpc: call(..., QObject* context, done). `done`
// runs exactly once, on the context's thread, always after call() has returned (never
// re-entrantly), and not at all if the context was destroyed first.

#include <QJsonArray>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <cassert>
#include <chrono>
#include <functional>
#include <utility>
#include <variant>

class QNetworkAccessManager;

namespace sluice {

struct RpcError {
    enum class Kind {
        NodeUnreachable,  // connection refused, host not found, TLS failure, connection dropped
        Timeout,          // no complete reply within the client's timeout
        HttpError,        // the server answered with a non-2xx HTTP status and no JSON-RPC error
        MalformedReply,   // not JSON, not JSON-RPC 2.0, wrong id, or a result of the wrong shape
        RpcErrorObject,   // the node answered with a JSON-RPC error object
    };

    Kind kind = Kind::MalformedReply;
    QString message;  // complete sentence for a person, names the endpoint or the method
    int code = 0;     // the JSON-RPC error code (RpcErrorObject) or the HTTP status (HttpError)
    QJsonValue data;  // the error object's "data" (e.g. revert data), if any
};

QString rpcErrorKindName(RpcError::Kind kind);

// A value or an RpcError, for raw replies (RpcReply) and the typed calls of EthClient.
template <typename T>
class RpcResult {
public:
    RpcResult(T value) : m_state(std::in_place_index<0>, std::move(value)) {}         // NOLINT(implicit)
    RpcResult(RpcError error) : m_state(std::in_place_index<1>, std::move(error)) {}  // NOLINT(implicit)

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    const RpcError& error() const {
        assert(!ok());
        return std::get<1>(m_state);
    }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, RpcError> m_state;
};

using RpcReply = RpcResult<QJsonValue>;

class RpcClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(RpcReply)>;

    explicit RpcClient(QUrl endpoint, QObject* parent = nullptr);
    ~RpcClient() override;

    QUrl endpoint() const { return m_endpoint; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // POSTs {"jsonrpc":"2.0","id":n,"method":method,"params":params}; the reply's result or
    // error arrives in `done` (see the calling convention above).
    void call(const QString& method, const QJsonArray& params, QObject* context, Callback done);

    // Builds the error a caller reports when a result has the wrong shape, in the same words
    // as the client's own MalformedReply errors.
    RpcError malformed(const QString& method, const QString& what) const;

private:
    QUrl m_endpoint;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(30)};
    QNetworkAccessManager* m_network = nullptr;
    qint64 m_nextId = 1;
};

}  // namespace sluice
