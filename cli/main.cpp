// SPDX-License-Identifier: MIT
// sluice-cli: dispatches to the verb groups in commands.hpp.

#include <QCoreApplication>

#include <cstdio>

#include "cli/bridge_commands.hpp"
#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/common/secure.hpp"

namespace {

const char* kUsage =
    "Usage: sluice-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  key new-mnemonic [--words 12|24]           a new BIP-39 recovery phrase\n"
    "  key derive --mnemonic-file F [--index N]   the address at m/44'/60'/0'/0/N\n"
    "  keystore new --private-key-file F --password-file F --out FILE [--kdf scrypt|pbkdf2]\n"
    "  keystore decrypt FILE --password-file F    prints the 0x private key\n"
    "  sign-typed-data --private-key-file F FILE.json  EIP-712 signature (65 bytes, 0x hex)\n"
    "  balance --rpc-url URL ADDRESS [--wei]      exact balance in ether (or wei)\n"
    "  send --rpc-url URL (--private-key-file F | --keystore FILE --password-file F)\n"
    "       --to ADDRESS --value AMOUNT           EIP-1559 transfer, waits for the receipt\n"
    "\n"
    "Bridge and L2 (--network local | --l1-rpc URL --l2-rpc URL --rollup ADDR; keys from\n"
    "--private-key-file F, --keystore F --password-file P, or --wallet [--account N] --password-file P):\n"
    "  deposit --amount A [--to ADDR]             L1 -> L2 through Rollup.deposit\n"
    "  transfer --to ADDR --amount A              an L2 transfer\n"
    "  withdraw --amount A                        L2 -> L1 (finalize after the challenge window)\n"
    "  force-transfer --to ADDR --amount A        an L2 transfer queued on L1 (when the sequencer ignores you)\n"
    "  force-withdraw --amount A                  an L2 withdrawal queued on L1, the same way\n"
    "  withdrawals [--json]                       status, batch and deadline of each withdrawal\n"
    "  finalize ID | --all-ready                  pay out withdrawals whose window has passed\n"
    "  batches [--json]                           batches on L1, re-verified by this wallet\n"
    "  balance --l2 ADDRESS                       exact L2 balance\n"
    "  exit [--status] [--address A]              escape hatch: whole L2 balance and unbatched deposits\n"
    "                                             out of a frozen Rollup (operator silent; no L2 node needed)\n"
    "\n"
    "Payment channels with the hub (same network and key options; states in the app's data directory,\n"
    "or --state-dir DIR):\n"
    "  channel open --amount A [--hub-amount B]   open a channel (the hub may fund its side)\n"
    "  channel list [--json]                      id, state, balances, locked, nonce, dispute end\n"
    "  channel pay ID --amount A                  pay the hub through the channel\n"
    "  channel invoice --amount A                 print an invoice and wait until it is paid\n"
    "  channel pay --invoice INVOICE              pay an invoice, mediated by the hub\n"
    "  channel close ID [--force]                 close with the hub, or alone (then wait and settle)\n"
    "  channel settle ID                          pay out a closed channel after its dispute period\n"
    "  channel backup --out FILE                  the channel states, encrypted with a password\n"
    "  channel restore FILE                       back from a backup, then up to the hub's newest state\n"
    "\n"
    "Every command takes --help. Passwords come from --password-file (first line) or, on a\n"
    "terminal, from a prompt; never from the command line. Keys and recovery phrases come from\n"
    "--private-key-file, --mnemonic-file and --passphrase-file F (first line; F may be - for stdin;\n"
    "refused if other users can read it: chmod 600) or, on a terminal, from a no-echo prompt.\n"
    "--private-key HEX, --mnemonic WORDS and --passphrase P still work for throw-away devnet keys,\n"
    "with a warning: every local user can read them in ps.\n";

}  // namespace

int main(int argc, char** argv) {
    sluice::harden_process();  // no core dumps of a process that holds keys
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
    if (verb == QLatin1String("balance") && args.contains(QLatin1String("--l2"))) return runL2Balance(args);
    if (verb == QLatin1String("balance")) return runBalance(args);
    if (verb == QLatin1String("deposit")) return runDeposit(args);
    if (verb == QLatin1String("transfer")) return runTransfer(args);
    if (verb == QLatin1String("withdraw")) return runWithdraw(args);
    if (verb == QLatin1String("force-transfer")) return runForce(args, false);
    if (verb == QLatin1String("force-withdraw")) return runForce(args, true);
    if (verb == QLatin1String("withdrawals")) return runWithdrawals(args);
    if (verb == QLatin1String("finalize")) return runFinalize(args);
    if (verb == QLatin1String("batches")) return runBatches(args);
    if (verb == QLatin1String("exit")) return runExit(args);
    if (verb == QLatin1String("channel")) return runChannel(args);
    if (verb == QLatin1String("send")) return runSend(args);
    return fail(QStringLiteral("unknown command '%1' (see sluice-cli --help)").arg(verb), Usage);
}
