// SPDX-License-Identifier: MIT
// sluiced: the L2 node (docs/RPC.md).
#include <QCoreApplication>

#include <csignal>
#include <cstdio>

#include "core/common/secure.hpp"
#include "node/config.h"
#include "node/nodeapp.h"

int main(int argc, char** argv) {
    sluice::harden_process();  // no core dumps of a process that holds the proposer key
    // When the app that started this node dies, its log pipes close: writing to them must fail
    // (EPIPE), not kill the node before it has stopped anvil and flushed its database.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluiced"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 2 && args[1] == QLatin1String("--version")) {
        std::printf("sluiced %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }
    auto config = sluice::node::parseCommandLine(args);
    if (!config) {
        const bool help = args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
        std::fprintf(help ? stdout : stderr, "%s\n", config.message().c_str());
        return help ? 0 : 64;
    }
    sluice::node::NodeApp node(std::move(config).value());
    if (auto st = node.start(); !st) {
        std::fprintf(stderr, "sluiced: %s\n", st.message().c_str());
        return 1;
    }
    if (node.failedWhileStarting()) return 2;  // (the log says why)
    if (node.stopRequested()) return 0;        // stopped by ~NodeApp, anvil by the devnet's destructor
    const int rc = app.exec();
    node.stop();
    return rc;
}
