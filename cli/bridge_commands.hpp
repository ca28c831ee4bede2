// SPDX-License-Identifier: MIT
#pragma once
// sluice-cli's bridge and L2 verbs over services/bridge. Each takes its arguments with
// args[0] = "sluice-cli" and args[1] = the verb, and returns the process exit code.

#include <QStringList>

namespace sluice::cli {

int runDeposit(const QStringList& args);   // deposit --amount A [--to ADDR]
int runTransfer(const QStringList& args);  // transfer --to ADDR --amount A (L2)
int runWithdraw(const QStringList& args);  // withdraw --amount A
int runForce(const QStringList& args,
             bool withdrawal);                // force-transfer --to ADDR --amount A | force-withdraw --amount A
int runWithdrawals(const QStringList& args);  // withdrawals [--json]
int runFinalize(const QStringList& args);     // finalize ID | --all-ready
int runBatches(const QStringList& args);      // batches [--json]
int runL2Balance(const QStringList& args);    // balance --l2 ADDRESS
int runExit(const QStringList& args);         // exit [--status] [--address A]
// channel open|list|pay|invoice|close|settle (cli/channel_commands.cpp)
int runChannel(const QStringList& args);

}  // namespace sluice::cli
