// SPDX-License-Identifier: MIT
#include "node/rpc/forwarder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include "node/rpc/rpcserver.h"

namespace sluice::node {

namespace {

void forward(QNetworkAccessManager* network, const QUrl& sequencer, const QString& method, const QJsonValue& params,
             const RpcResponder& respond) {
    QNetworkRequest request(sequencer);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(30000);
    const QJsonObject call{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                           {QStringLiteral("id"), 1},
                           {QStringLiteral("method"), method},
                           {QStringLiteral("params"), params.isUndefined() ? QJsonValue(QJsonArray()) : params}};
    QNetworkReply* reply = network->post(request, QJsonDocument(call).toJson(QJsonDocument::Compact));
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, respond, sequencer] {
        reply->deleteLater();
        const QString where = sequencer.toString(QUrl::RemoveUserInfo);
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        const QJsonObject answer = doc.object();
        if (answer.contains(QStringLiteral("error"))) {
            const QJsonObject e = answer.value(QStringLiteral("error")).toObject();
            respond.error(e.value(QStringLiteral("code")).toInt(rpc_error::internalError),
                          e.value(QStringLiteral("message")).toString(), e.value(QStringLiteral("data")));
        } else if (answer.contains(QStringLiteral("result"))) {
            respond.result(answer.value(QStringLiteral("result")));
        } else if (reply->error() != QNetworkReply::NoError) {
            respond.error(rpc_error::internalError,
                          QStringLiteral("the sequencer at %1 is unreachable: %2").arg(where, reply->errorString()));
        } else {
            respond.error(rpc_error::internalError,
                          QStringLiteral("the sequencer at %1 gave no JSON-RPC answer").arg(where));
        }
    });
}

}  // namespace

void forwardToSequencer(RpcServer& server, const QUrl& sequencer) {
    auto* network = new QNetworkAccessManager(&server);
    server.registerMethod(QStringLiteral("eth_sendRawTransaction"),
                          [network, sequencer](const QJsonValue& params, RpcResponder respond) {
                              forward(network, sequencer, QStringLiteral("eth_sendRawTransaction"), params, respond);
                          });
    const RpcHandler local = server.handler(QStringLiteral("eth_getTransactionCount"));
    server.registerMethod(QStringLiteral("eth_getTransactionCount"),
                          [network, sequencer, local](const QJsonValue& params, RpcResponder respond) {
                              if (params.toArray().at(1).toString() == QLatin1String("pending"))
                                  forward(network, sequencer, QStringLiteral("eth_getTransactionCount"), params,
                                          respond);
                              else
                                  local(params, std::move(respond));
                          });
}

}  // namespace sluice::node
