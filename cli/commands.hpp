// SPDX-License-Identifier: MIT
#pragma once
// The verb groups of sluice-cli. Each takes its arguments with args[0] = "sluice-cli <verb...>"
// and returns the process exit code.

#include <QStringList>

namespace sluice::cli {

int runKey(const QStringList& args);            // key new-mnemonic | key derive
int runKeystore(const QStringList& args);       // keystore new | keystore decrypt
int runSignTypedData(const QStringList& args);  // sign-typed-data
int runBalance(const QStringList& args);        // balance
int runSend(const QStringList& args);           // send

}  // namespace sluice::cli
