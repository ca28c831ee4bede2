// SPDX-License-Identifier: MIT
// sluice-cli: dispatches to the verb groups in commands.hpp.

#include <QCoreApplication>

#include <cstdio>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"

namespace {

const char* kUsage =
    "Usage: sluice-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  key new-mnemonic [--words 12|24]           a new BIP-39 recovery phrase\n"
    "  key derive --mnemonic WORDS [--index N]    the address at m/44'/60'/0'/0/N\n"
    "  keystore new --private-key HEX --password-file F --out FILE [--kdf scrypt|pbkdf2]\n"
    "  keystore decrypt FILE --password-file F    prints the 0x private key\n"
    "  sign-typed-data --private-key HEX FILE.json  EIP-712 signature (65 bytes, 0x hex)\n"
    "  balance --rpc-url URL ADDRESS [--wei]      exact balance in ether (or wei)\n"
    "  send --rpc-url URL (--private-key HEX | --keystore FILE --password-file F)\n"
    "       --to ADDRESS --value AMOUNT           EIP-1559 transfer, waits for the receipt\n"
    "\n"
    "Every command takes --help. Passwords come from --password-file (first line) or, on a\n"
    "terminal, from a prompt; never from the command line.\n";

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sluice-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    using namespace sluice::cli;

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h") ||
        args[1] == QLatin1String("help")) {
        std::fputs(kUsage, args.size() < 2 ? stderr : stdout);
        return args.size() < 2 ? Usage : Ok;
    }
    if (args[1] == QLatin1String("--version")) {
        printOut(QStringLiteral("sluice-cli ") + QCoreApplication::applicationVersion());
        return Ok;
    }
    const QString verb = args[1];
    if (verb == QLatin1String("key")) return runKey(args);
    if (verb == QLatin1String("keystore")) return runKeystore(args);
    if (verb == QLatin1String("sign-typed-data")) return runSignTypedData(args);
    if (verb == QLatin1String("balance")) return runBalance(args);
    if (verb == QLatin1String("send")) return runSend(args);
    return fail(QStringLiteral("unknown command '%1' (see sluice-cli --help)").arg(verb), Usage);
}
