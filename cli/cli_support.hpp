// SPDX-License-Identifier: MIT
#pragma once
// What every verb of sluice-cli shares: argument parsing with --help, reading secrets (password
// and secret files, stdin, the no-echo prompt), and turning core's Result errors into a message on stderr and a
// non-zero exit code. No verb throws; nothing prints a stack trace.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <string>

#include "core/common/result.hpp"
#include "core/common/secure.hpp"
#include "core/crypto/secp256k1.hpp"
#include "services/rpc/transaction_sender.hpp"

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

// Secrets given as options: --private-key, --mnemonic, --passphrase. Each has
//  - a file form, --NAME-file F: the first line of F (trailing \n / \r\n stripped), F "-" for
//    stdin (a no-echo prompt when stdin is a terminal; only one secret per run from stdin). A
//    file that other local users can read or change is refused (chmod 600), as sluiced does;
//  - the inline form, --NAME VALUE, for throw-away devnet keys: it works, but every local user
//    can read it in ps, and a warning on stderr says so;
//  - neither: a required secret is asked for with a no-echo prompt when stdin is a terminal,
//    else it is an error naming the file form; an optional one is empty.
// Both forms at once is an error. The secret is only ever held in SecureBytes/PrivateKey.

// The --NAME-file option of the inline option --NAME: secretFileOption("mnemonic", "the recovery phrase").
QCommandLineOption secretFileOption(const QString& inlineName, const QString& what);

// Whether either form was given.
bool secretGiven(const QCommandLineParser& parser, const QCommandLineOption& inlineForm,
                 const QCommandLineOption& fileForm);

// The secret's bytes as given (UTF-8 for text). `prompt` ("Recovery phrase: ") is shown on a
// terminal; `required` says whether to ask for it when neither form was given.
Result<SecureBytes> readSecretOption(const QCommandLineParser& parser, const QCommandLineOption& inlineForm,
                                     const QCommandLineOption& fileForm, const char* prompt, bool required);

// A private key (64 hex digits, 0x optional, surrounding white space ignored) from --private-key,
// --private-key-file or, on a terminal, the prompt "Private key: ". Errors name the option.
Result<PrivateKey> readPrivateKeyOption(const QCommandLineParser& parser, const QCommandLineOption& inlineForm,
                                        const QCommandLineOption& fileForm);

// Endpoints the user names (--rpc-url, --l1-rpc, --l2-rpc) follow the transport rule of
// services/bridge/network_config.hpp: plain http/ws only to this computer, https/wss elsewhere,
// unless --insecure-endpoints, which then warns on stderr about each endpoint it lets through.
QCommandLineOption insecureEndpointsOption();
// The rule for `url` given as `what`: an error when refused; the warning when only the flag lets it through.
Status checkEndpoint(const QUrl& url, const QString& what, bool allowInsecure);

// The review before every transaction a verb signs (issue 10, item 2): chain id, from, to, value,
// gas limit and maximum price, expected and maximum fee, maximum total, on stderr, with a warning
// when the fee can be a large share of the value. On a terminal the user answers "y" to sign
// unless --yes was given; without a terminal (scripts) the review is printed and signing goes on.
QCommandLineOption assumeYesOption();
TransactionSender::ReviewHook terminalReview(bool assumeYes);

// A Result's message prefixed with what was being done: "--to: checksum mismatch ...".
QString withContext(const QString& what, const std::string& message);

}  // namespace sluice::cli
