// SPDX-License-Identifier: MIT
// JSON-RPC requests through the node's real method table: the input is the body of an HTTP POST,
// handed to RpcServer::dispatch of a sequencer-only node that NodeApp wired as sluiced does
// (fuzz/node_fixture: the eth_/net_/web3_ methods of node/rpc/ethapi and the sluice_ methods of
// the L1 side, on a real database). The event loop runs until the answer comes
// (eth_sendRawTransaction answers after the group commit).
// Invariants:
//   - exactly one answer, within 10 s, and no second one afterwards;
//   - an empty answer exactly when every call was a well-formed notification; otherwise valid
//     JSON-RPC 2.0 (fuzz/node_fixture.cpp validJsonRpcReply): one response for a single call, an
//     array with one response per call that is not a notification, in order, each with the
//     call's id (null when the id was not a string or a number);
//   - an unparsable or oversized payload, an empty or too long batch: one error with id null;
//   - the answer stays within RpcLimits::maxAnswerBytes.

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "fuzz/fuzz_check.hpp"
#include "fuzz/node_fixture.hpp"
#include "node/rpc/rpcserver.h"

using namespace sluice;

namespace {

const node::RpcLimits kLimits;  // what NodeApp gives its server

// A call the server must not answer (JSON-RPC 2.0 §4.1); anything malformed gets an error.
bool notification(const QJsonValue& call) {
    if (!call.isObject()) return false;
    const QJsonObject o = call.toObject();
    const QJsonValue params = o.value(QStringLiteral("params"));
    return !o.contains(QStringLiteral("id")) && o.value(QStringLiteral("jsonrpc")) == QStringLiteral("2.0") &&
           o.value(QStringLiteral("method")).isString() &&
           (params.isUndefined() || params.isArray() || params.isObject());
}

// The id an answer to `call` carries.
void checkId(const QJsonValue& call, const QJsonObject& response) {
    const QJsonValue answered = response.value(QStringLiteral("id"));
    const QJsonValue asked = call.toObject().value(QStringLiteral("id"));
    if (asked.isString() || asked.isNull()) {
        FUZZ_CHECK(answered == asked);
    } else if (asked.isDouble()) {
        FUZZ_CHECK(answered == asked || (!std::isfinite(asked.toDouble()) && answered.isNull()));
    } else {
        FUZZ_CHECK(answered.isNull());
    }
}

int errorCode(const QJsonObject& response) {
    return response.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::fuzzNode();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    node::RpcServer& server = fuzz::fuzzRpcServer();
    const QByteArray payload(reinterpret_cast<const char*>(data), qsizetype(size));

    int answers = 0;
    QByteArray reply;
    server.dispatch(payload, [&](QByteArray r) {
        ++answers;
        reply = std::move(r);
    });
    FUZZ_CHECK(fuzz::spinUntil([&] { return answers > 0; }, 10000));
    QCoreApplication::processEvents();  // a second answer would come now
    FUZZ_CHECK(answers == 1);
    if (fuzz::showAnswers()) std::fprintf(stderr, "  -> %s\n", reply.left(300).constData());
    FUZZ_CHECK(reply.size() <= kLimits.maxAnswerBytes + 2 + kLimits.maxBatchCalls);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    const bool parsed =
        parseError.error == QJsonParseError::NoError && !doc.isNull() && payload.size() <= kLimits.maxBodyBytes;
    const QJsonArray calls = doc.isArray() ? doc.array() : QJsonArray();
    // One error object with id null: what cannot be taken apart into calls.
    if (!parsed || (doc.isArray() && (calls.isEmpty() || calls.size() > kLimits.maxBatchCalls))) {
        FUZZ_CHECK(fuzz::validJsonRpcReply(reply));
        const QJsonDocument answer = QJsonDocument::fromJson(reply);
        FUZZ_CHECK(answer.isObject() && answer.object().value(QStringLiteral("id")).isNull());
        FUZZ_CHECK(answer.object().contains(QStringLiteral("error")));
        return 0;
    }
    if (doc.isObject()) {
        if (notification(doc.object())) {
            FUZZ_CHECK(reply.isEmpty());
            return 0;
        }
        FUZZ_CHECK(fuzz::validJsonRpcReply(reply));
        const QJsonDocument answer = QJsonDocument::fromJson(reply);
        FUZZ_CHECK(answer.isObject());
        checkId(doc.object(), answer.object());
        return 0;
    }
    // A batch: one answer per call that is not a notification, in call order.
    QJsonArray expected;
    for (const QJsonValue& call : calls)
        if (!notification(call)) expected.append(call);
    if (expected.isEmpty()) {
        FUZZ_CHECK(reply.isEmpty());
        return 0;
    }
    FUZZ_CHECK(fuzz::validJsonRpcReply(reply));
    const QJsonDocument answer = QJsonDocument::fromJson(reply);
    FUZZ_CHECK(answer.isArray());
    const QJsonArray responses = answer.array();
    bool exhausted = false;  // past the answer budget the calls left are refused, not run
    for (const QJsonValue& r : responses) exhausted = exhausted || errorCode(r.toObject()) == node::rpc_error::tooLarge;
    if (!exhausted) {
        FUZZ_CHECK(responses.size() == expected.size());
        for (qsizetype i = 0; i < responses.size(); ++i) checkId(expected[i], responses[i].toObject());
    } else {
        FUZZ_CHECK(responses.size() <= expected.size());
    }
    return 0;
}
