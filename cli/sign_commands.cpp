// SPDX-License-Identifier: MIT
// sluice-cli sign-typed-data

#include <QFile>

#include <nlohmann/json.hpp>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/eth/eip712.hpp"

namespace sluice::cli {

int runSignTypedData(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    const QCommandLineOption keyOption(
        QStringLiteral("private-key"),
        QStringLiteral(
            "The signing key, 64 hex digits. Other local users can read it in ps: prefer --private-key-file."),
        QStringLiteral("HEX"));
    const QCommandLineOption keyFileOption =
        secretFileOption(QStringLiteral("private-key"), QStringLiteral("the signing key"));
    parser.addOptions({keyOption, keyFileOption});
    parser.addPositionalArgument(QStringLiteral("FILE.json"),
                                 QStringLiteral("eth_signTypedData_v4 JSON: {types, primaryType, domain, message}."));
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("Signs EIP-712 typed data; prints the 65-byte r||s||v signature. Without "
                                          "--private-key-file, the key is asked for on a terminal."),
                           1, 1))
        return *exit;
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray text = file.readAll();
    nlohmann::json document = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (document.is_discarded()) return fail(QStringLiteral("%1 is not valid JSON").arg(path));
    auto key = readPrivateKeyOption(parser, keyOption, keyFileOption);
    if (!key) return fail(key.message(), Usage);
    auto signature = eip712_sign(document, *key);
    if (!signature) return fail(withContext(path, signature.message()));
    printOut(QString::fromStdString(signature->to_rsv().hex()));
    return Ok;
}

}  // namespace sluice::cli
