// SPDX-License-Identifier: MIT
#pragma once
// What every verb of sluice-cli shares: argument parsing with --help, reading secrets (password
// files, the no-echo prompt), and turning core's Result errors into a message on stderr and a
// non-zero exit code. No verb throws; nothing prints a stack trace.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>

#include "core/common/result.hpp"
#include "core/common/secure.hpp"
#include "core/crypto/secp256k1.hpp"

namespace sluice::cli {

enum Exit : int { Ok = 0, Failure = 1, Usage = 2 };

// "sluice-cli: <message>" on stderr; returns `code` so verbs can `return fail(...)`.
int fail(const QString& message, int code = Failure);
int fail(const std::string& message, int code = Failure);
void printOut(const QString& line);  // one line on stdout
void printErr(const QString& line);  // one line on stderr, no prefix (progress, hints)

// argv with the first `words` words after the program folded into args[0]:
// {"sluice-cli", "key", "derive", "--index", "1"}, 2 -> {"sluice-cli key derive", "--index", "1"}.
QStringList foldVerb(const QStringList& argv, int words);

// Parses `args` (args[0] is the program and verb, e.g. "sluice-cli key derive"). Returns
// nullopt when the caller should exit with *exitCode: after --help (0) or a usage error (2).
std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& args, const QString& description,
                                  int minPositional, int maxPositional);

// The password: the first line of --password-file (trailing \n / \r\n stripped), or, without
// the option and with a terminal on stdin, a no-echo prompt (asked twice when `confirm`).
// Never from argv.
Result<SecureBytes> readPassword(const QString& passwordFile, bool confirm);

// A private key from --private-key HEX (0x optional), with the reason if it is not one.
Result<PrivateKey> parsePrivateKeyArgument(const QString& text);

// A Result's message prefixed with what was being done: "--to: checksum mismatch ...".
QString withContext(const QString& what, const std::string& message);

}  // namespace sluice::cli
