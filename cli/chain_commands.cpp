// SPDX-License-Identifier: MIT
// sluice-cli balance | send: the same services/rpc classes the GUI uses, driven by a local
// event loop until the asynchronous work reports its end.

#include <QEventLoop>
#include <QFile>

#include <optional>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "core/keys/keystore.hpp"
#include "services/rpc/await_result.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

namespace sluice::cli {

namespace {

QCommandLineOption rpcUrlOption() {
    return QCommandLineOption(QStringLiteral("rpc-url"),
                              QStringLiteral("The node's JSON-RPC URL (http:// or https://)."), QStringLiteral("URL"));
}

std::optional<QUrl> rpcUrl(const QCommandLineParser& parser, const QCommandLineOption& option,
                           const QCommandLineOption& insecure, int& exitCode) {
    if (!parser.isSet(option)) {
        exitCode = fail(QStringLiteral("--rpc-url is required (see --help)"), Usage);
        return std::nullopt;
    }
    const QUrl url(parser.value(option));
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        exitCode = fail(
            QStringLiteral("--rpc-url must be an http:// or https:// URL, not '%1'").arg(parser.value(option)), Usage);
        return std::nullopt;
    }
    if (auto ok = checkEndpoint(url, QStringLiteral("--rpc-url"), parser.isSet(insecure)); !ok) {
        exitCode = fail(ok.message(), Usage);
        return std::nullopt;
    }
    return url;
}

}  // namespace

int runBalance(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    const QCommandLineOption urlOption = rpcUrlOption();
    const QCommandLineOption weiOption(QStringLiteral("wei"), QStringLiteral("Print wei instead of ether."));
    const QCommandLineOption insecureOption = insecureEndpointsOption();
    parser.addOptions({urlOption, weiOption, insecureOption});
    parser.addPositionalArgument(QStringLiteral("ADDRESS"),
                                 QStringLiteral("0x address (EIP-55 checksum checked if mixed case)."));
    if (auto exit =
            parseArguments(parser, args, QStringLiteral("Prints an account's balance exactly, in ether or wei."), 1, 1))
        return *exit;
    int exitCode = Ok;
    auto url = rpcUrl(parser, urlOption, insecureOption, exitCode);
    if (!url) return exitCode;
    auto address = parse_address(parser.positionalArguments().first().trimmed().toStdString());
    if (!address) return fail(withContext(QStringLiteral("ADDRESS"), address.message()), Usage);

    RpcClient rpc(*url);
    EthClient eth(&rpc);
    QObject context;
    const auto result = awaitResult<RpcResult<U256>>([&](auto done) { eth.balance(*address, &context, done); });
    if (!result.ok()) return fail(result.error().message);
    printOut(QString::fromStdString(parser.isSet(weiOption) ? u256_to_dec(result.value())
                                                            : format_amount(result.value(), Unit::ether)));
    return Ok;
}

int runSend(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    const QCommandLineOption urlOption = rpcUrlOption();
    const QCommandLineOption keyOption(
        QStringLiteral("private-key"),
        QStringLiteral(
            "The sender's key, 64 hex digits. Other local users can read it in ps: prefer --private-key-file."),
        QStringLiteral("HEX"));
    const QCommandLineOption keyFileOption =
        secretFileOption(QStringLiteral("private-key"), QStringLiteral("the sender's key"));
    const QCommandLineOption keystoreOption(QStringLiteral("keystore"),
                                            QStringLiteral("The sender's v3 keystore file."), QStringLiteral("FILE"));
    const QCommandLineOption passwordFileOption(
        QStringLiteral("password-file"),
        QStringLiteral("The keystore password: first line of FILE (without it, prompt on a terminal)."),
        QStringLiteral("FILE"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("Recipient 0x address."),
                                      QStringLiteral("ADDRESS"));
    const QCommandLineOption valueOption(QStringLiteral("value"),
                                         QStringLiteral("Amount, exact: \"1.5\" (ether), \"20 gwei\", \"1000 wei\"."),
                                         QStringLiteral("AMOUNT"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Seconds to wait for the receipt (default 120)."),
                                           QStringLiteral("S"), QStringLiteral("120"));
    const QCommandLineOption insecureOption = insecureEndpointsOption();
    const QCommandLineOption yesOption = assumeYesOption();
    parser.addOptions({urlOption, keyOption, keyFileOption, keystoreOption, passwordFileOption, toOption, valueOption,
                       timeoutOption, insecureOption, yesOption});
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("Sends ETH in an EIP-1559 transaction (nonce, fees and gas from the node), "
                                          "waits for the receipt and prints the transaction hash."),
                           0, 0))
        return *exit;
    int exitCode = Ok;
    auto url = rpcUrl(parser, urlOption, insecureOption, exitCode);
    if (!url) return exitCode;
    const bool keyGiven = secretGiven(parser, keyOption, keyFileOption);
    if (keyGiven == parser.isSet(keystoreOption))
        return fail(
            QStringLiteral("give exactly one of --private-key-file (or --private-key) and --keystore (see --help)"),
            Usage);
    if (!parser.isSet(toOption)) return fail(QStringLiteral("--to is required (see --help)"), Usage);
    if (!parser.isSet(valueOption)) return fail(QStringLiteral("--value is required (see --help)"), Usage);
    auto to = parse_address(parser.value(toOption).trimmed().toStdString());
    if (!to) return fail(withContext(QStringLiteral("--to"), to.message()), Usage);
    auto value = parse_amount(parser.value(valueOption).toStdString(), Unit::ether);
    if (!value) return fail(withContext(QStringLiteral("--value"), value.message()), Usage);
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(timeoutOption).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        return fail(QStringLiteral("--timeout must be a positive number of seconds"), Usage);

    std::optional<PrivateKey> key;
    if (keyGiven) {
        auto parsed = readPrivateKeyOption(parser, keyOption, keyFileOption);
        if (!parsed) return fail(parsed.message(), Usage);
        key.emplace(std::move(*parsed));
    } else {
        const QString path = parser.value(keystoreOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        const QByteArray json = file.readAll();
        auto password = readPassword(parser.value(passwordFileOption), false);
        if (!password) return fail(password.message());
        auto decrypted =
            decrypt_keystore(std::string_view(json.constData(), std::size_t(json.size())), password->as_string());
        if (!decrypted) return fail(withContext(path, decrypted.message()));
        key.emplace(std::move(*decrypted));
    }

    RpcClient rpc(*url);
    EthClient eth(&rpc);
    // The chain is confirmed once, here; the sender refuses to sign if the endpoint changes it later.
    QObject context;
    const auto chain = awaitResult<RpcResult<quint64>>([&](auto done) { eth.chainId(&context, done); });
    if (!chain.ok())
        return fail(QStringLiteral("the node at %1 is not answering: %2").arg(url->toString(), chain.error().message));
    printErr(QStringLiteral("sending on chain %1").arg(chain.value()));
    TransactionSender sender(&eth, chain.value());
    sender.setReceiptTimeout(std::chrono::seconds(timeoutSeconds));
    SendRequest request;
    request.to = *to;
    request.value = *value;

    QEventLoop loop;
    int result = Ok;
    TransactionSender::Callbacks callbacks;
    callbacks.submitted = [](Hash hash) {
        printErr(QStringLiteral("submitted %1, waiting for the receipt").arg(QString::fromStdString(hash.hex())));
    };
    callbacks.confirmed = [&](TransactionReceipt receipt) {
        if (!receipt.success) {
            result = fail(QStringLiteral("transaction %1 was mined in block %2 but reverted")
                              .arg(QString::fromStdString(receipt.transactionHash.hex()))
                              .arg(receipt.blockNumber));
        } else {
            printOut(QString::fromStdString(receipt.transactionHash.hex()));
        }
        loop.quit();
    };
    callbacks.failed = [&](SendFailure failure) {
        result = fail(failure.message);
        loop.quit();
    };
    callbacks.review = terminalReview(parser.isSet(yesOption));
    sender.send(AccountSigner::from_key(*key), request, &loop, callbacks);
    key.reset();
    loop.exec();
    return result;
}

}  // namespace sluice::cli
