// SPDX-License-Identifier: MIT
#include "fuzz/node_fixture.hpp"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

#include "node/config.h"
#include "node/nodeapp.h"
#include "node/rpc/rpcserver.h"

namespace sluice::fuzz {

namespace {

QCoreApplication* g_app = nullptr;
QTemporaryDir* g_dir = nullptr;
node::NodeApp* g_node = nullptr;

// The node's info lines and a refused transaction's warning on every input would drown
// libFuzzer's output; SLUICE_FUZZ_VERBOSE=1 keeps them.
void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg || qEnvironmentVariableIsSet("SLUICE_FUZZ_VERBOSE"))
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

void stopNode() {
    if (g_node) g_node->stop();  // joins the sequencer's writer thread before statics go
    delete g_node;
    g_node = nullptr;
    delete g_dir;
    g_dir = nullptr;
}

}  // namespace

node::NodeApp& fuzzNode() {
    if (g_node) return *g_node;
    static int argc = 1;
    static char name[] = "sluice-fuzz";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) g_app = new QCoreApplication(argc, argv);
    qInstallMessageHandler(quietMessages);
    g_dir = new QTemporaryDir;
    if (!g_dir->isValid()) {
        std::fprintf(stderr, "fuzz: no temporary directory\n");
        std::abort();
    }
    // What `sluiced` does with these arguments (node/main.cpp), port 0: a free one.
    auto config = node::parseCommandLine(
        {QStringLiteral("sluiced"), QStringLiteral("--data-dir"), g_dir->path(), QStringLiteral("--l2-port"),
         QStringLiteral("0"), QStringLiteral("--block-time"), QStringLiteral("50"), QStringLiteral("--fee-recipient"),
         QStringLiteral("0x00000000000000000000000000000000000000fe"), QStringLiteral("--genesis-alloc"),
         QStringLiteral("%1=100000000000000000000").arg(QLatin1String(kFundedAddress))});
    if (!config) {
        std::fprintf(stderr, "fuzz: %s\n", config.message().c_str());
        std::abort();
    }
    g_node = new node::NodeApp(std::move(config).value());
    if (auto st = g_node->start(); !st) {
        std::fprintf(stderr, "fuzz: the node did not start: %s\n", st.message().c_str());
        std::abort();
    }
    if (!g_node->rpcServer()) {
        std::fprintf(stderr, "fuzz: the node serves no JSON-RPC\n");
        std::abort();
    }
    std::atexit(stopNode);
    return *g_node;
}

node::RpcServer& fuzzRpcServer() { return *fuzzNode().rpcServer(); }

bool showAnswers() {
    static const bool show = qEnvironmentVariableIsSet("SLUICE_FUZZ_SHOW");
    return show;
}

bool spinUntil(const std::function<bool()>& done, int ms) {
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired()) return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

namespace {

bool validResponse(const QJsonValue& v, bool notifications) {
    if (!v.isObject()) return false;
    const QJsonObject o = v.toObject();
    if (o.value(QStringLiteral("jsonrpc")) != QStringLiteral("2.0")) return false;
    if (notifications && o.value(QStringLiteral("method")) == QStringLiteral("eth_subscription"))
        return !o.contains(QStringLiteral("id")) && o.value(QStringLiteral("params")).isObject();
    if (!o.contains(QStringLiteral("id"))) return false;
    const QJsonValue id = o.value(QStringLiteral("id"));
    if (!id.isString() && !id.isDouble() && !id.isNull()) return false;
    const bool result = o.contains(QStringLiteral("result"));
    const bool error = o.contains(QStringLiteral("error"));
    if (result == error || o.size() != 3) return false;
    if (error) {
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        const QJsonValue code = e.value(QStringLiteral("code"));
        if (!code.isDouble() || code.toDouble() != double(code.toInteger()) ||
            !e.value(QStringLiteral("message")).isString())
            return false;
    }
    return true;
}

}  // namespace

bool validJsonRpcReply(const QByteArray& reply, bool notifications) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(reply, &error);
    if (error.error != QJsonParseError::NoError) return false;
    if (doc.isObject()) return validResponse(doc.object(), notifications);
    const QJsonArray all = doc.array();
    if (all.isEmpty()) return false;
    for (const QJsonValue& v : all)
        if (!validResponse(v, false)) return false;
    return true;
}

}  // namespace sluice::fuzz

// LeakSanitizer at exit (libFuzzer's last check): OpenSSL's per-thread state (error queue,
// per-thread DRBGs) of the sequencer's precheck threads is reported as leaked although the
// node was stopped and those threads joined first; with the default fast unwinder the reports
// stop at CRYPTO_zalloc, so only the library can be named. These targets fuzz the node's RPC,
// not core/crypto (whose own targets and the asan preset keep leak checks on OpenSSL use).
extern "C" const char* __lsan_default_suppressions() { return "leak:libcrypto.so\n"; }
