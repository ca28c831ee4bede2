// SPDX-License-Identifier: MIT
#include "services/rpc/rpc_client.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

namespace sluice {

QString rpcErrorKindName(RpcError::Kind kind) {
    switch (kind) {
    case RpcError::Kind::NodeUnreachable: return QStringLiteral("NodeUnreachable");
    case RpcError::Kind::Timeout: return QStringLiteral("Timeout");
    case RpcError::Kind::HttpError: return QStringLiteral("HttpError");
    case RpcError::Kind::MalformedReply: return QStringLiteral("MalformedReply");
    case RpcError::Kind::RpcErrorObject: return QStringLiteral("RpcErrorObject");
    }
    return QStringLiteral("Unknown");
}

namespace {

RpcError makeError(RpcError::Kind kind, QString message, int code = 0, QJsonValue data = {}) {
    RpcError e;
    e.kind = kind;
    e.message = std::move(message);
    e.code = code;
    e.data = std::move(data);
    return e;
}

// Network failures in the words people use for them.
QString describeNetworkError(QNetworkReply::NetworkError error, const QString& fallback) {
    switch (error) {
    case QNetworkReply::ConnectionRefusedError: return QStringLiteral("connection refused");
    case QNetworkReply::RemoteHostClosedError: return QStringLiteral("the connection was closed before a reply");
    case QNetworkReply::HostNotFoundError: return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError: return QStringLiteral("connection timed out");
    case QNetworkReply::SslHandshakeFailedError: return QStringLiteral("TLS handshake failed");
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError: return QStringLiteral("the network is down");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError: return QStringLiteral("the proxy cannot be reached");
    case QNetworkReply::ProtocolUnknownError: return QStringLiteral("unsupported URL scheme");
    default: return fallback;
    }
}

// A JSON-RPC error object -> RpcError, or nullopt when `error` is not one.
std::optional<RpcError> errorObject(const QString& method, const QJsonValue& error) {
    if (!error.isObject()) return std::nullopt;
    const QJsonObject o = error.toObject();
    if (!o.value(QStringLiteral("code")).isDouble()) return std::nullopt;
    const int code = o.value(QStringLiteral("code")).toInt();
    QString text = o.value(QStringLiteral("message")).toString().trimmed();
    if (text.isEmpty()) text = QStringLiteral("no message");
    return makeError(RpcError::Kind::RpcErrorObject,
                     QStringLiteral("the node refused %1: %2 (JSON-RPC error %3)").arg(method, text).arg(code), code,
                     o.value(QStringLiteral("data")));
}

}  // namespace

RpcClient::RpcClient(QUrl endpoint, QObject* parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_network(new QNetworkAccessManager(this)) {
    // Each request gets its own deadline (see call()); Qt's automatic redirects are fine for
    // POST only with 307/308, which is what QNetworkRequest's default policy follows.
}

RpcClient::~RpcClient() = default;

RpcError RpcClient::malformed(const QString& method, const QString& what) const {
    return makeError(RpcError::Kind::MalformedReply,
                     QStringLiteral("the node at %1 sent a reply to %2 that is not valid JSON-RPC (%3)")
                         .arg(m_endpoint.toDisplayString(), method, what));
}

void RpcClient::call(const QString& method, const QJsonArray& params, QObject* context, Callback done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    // Delivery always goes through the context's event loop: never re-entrant, right thread.
    auto deliver = [guard, hasContext, done = std::move(done)](RpcReply reply) mutable {
        if (hasContext && !guard) return;
        QObject* target = hasContext ? guard.data() : nullptr;
        if (!target) {
            done(std::move(reply));
            return;
        }
        QMetaObject::invokeMethod(
            target,
            [guard, done = std::move(done), reply = std::move(reply)]() mutable {
                if (guard) done(std::move(reply));
            },
            Qt::QueuedConnection);
    };

    const QString url = m_endpoint.toDisplayString();
    if (!m_endpoint.isValid() ||
        (m_endpoint.scheme() != QLatin1String("http") && m_endpoint.scheme() != QLatin1String("https"))) {
        auto error =
            makeError(RpcError::Kind::NodeUnreachable,
                      QStringLiteral("cannot reach the node at %1 (the RPC URL must start with http:// or https://)")
                          .arg(url.isEmpty() ? QStringLiteral("<empty URL>") : url));
        QMetaObject::invokeMethod(
            this, [deliver, error]() mutable { deliver(error); }, Qt::QueuedConnection);
        return;
    }

    const qint64 id = m_nextId++;
    QJsonObject body{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("method"), method},
                     {QStringLiteral("params"), params}};
    QNetworkRequest request(m_endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));

    auto timedOut = std::make_shared<bool>(false);
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_timeout);

    const auto timeoutMs = m_timeout.count();
    connect(
        reply, &QNetworkReply::finished, this, [this, reply, timedOut, timeoutMs, id, method, url, deliver]() mutable {
            reply->deleteLater();
            if (*timedOut) {
                deliver(
                    makeError(RpcError::Kind::Timeout, QStringLiteral("the node at %1 did not answer %2 within %3 s")
                                                           .arg(url, method)
                                                           .arg(double(timeoutMs) / 1000.0)));
                return;
            }
            const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
            const QByteArray payload = reply->readAll();
            if (status == 0) {
                deliver(makeError(RpcError::Kind::NodeUnreachable,
                                  QStringLiteral("cannot reach the node at %1 (%2)")
                                      .arg(url, describeNetworkError(reply->error(), reply->errorString()))));
                return;
            }

            QJsonParseError parseError{};
            const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
            const bool isJsonObject = parseError.error == QJsonParseError::NoError && doc.isObject();
            if (status < 200 || status >= 300) {
                // Some nodes send their JSON-RPC error with a 4xx/5xx status; keep its words.
                if (isJsonObject) {
                    if (auto e = errorObject(method, doc.object().value(QStringLiteral("error")))) {
                        deliver(*e);
                        return;
                    }
                }
                QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
                deliver(makeError(RpcError::Kind::HttpError,
                                  QStringLiteral("the node at %1 answered %2 with HTTP %3%4")
                                      .arg(url, method)
                                      .arg(status)
                                      .arg(reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason)),
                                  status));
                return;
            }
            if (parseError.error != QJsonParseError::NoError) {
                deliver(malformed(method, QStringLiteral("not JSON: %1").arg(parseError.errorString())));
                return;
            }
            if (!doc.isObject()) {
                deliver(malformed(method, QStringLiteral("expected a JSON object")));
                return;
            }
            const QJsonObject o = doc.object();
            if (o.value(QStringLiteral("jsonrpc")).toString() != QLatin1String("2.0")) {
                deliver(malformed(method, QStringLiteral("\"jsonrpc\" is not \"2.0\"")));
                return;
            }
            const QJsonValue replyId = o.value(QStringLiteral("id"));
            if (!replyId.isDouble() || replyId.toInteger(-1) != id) {
                deliver(malformed(method, QStringLiteral("the reply's id does not match the request's")));
                return;
            }
            const bool hasResult = o.contains(QStringLiteral("result"));
            const bool hasError = o.contains(QStringLiteral("error"));
            if (hasResult == hasError) {
                deliver(malformed(method, QStringLiteral("it must have exactly one of \"result\" and \"error\"")));
                return;
            }
            if (hasError) {
                if (auto e = errorObject(method, o.value(QStringLiteral("error")))) {
                    deliver(*e);
                } else {
                    deliver(malformed(method, QStringLiteral("the error object has no numeric code")));
                }
                return;
            }
            deliver(RpcReply(o.value(QStringLiteral("result"))));
        });
}

}  // namespace sluice
