// SPDX-License-Identifier: MIT
// sluice-cli keystore new | keystore decrypt

#include <QFile>
#include <QSaveFile>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/eth/address.hpp"
#include "core/keys/keystore.hpp"

namespace sluice::cli {

namespace {

const QCommandLineOption& passwordFileOption() {
    static const QCommandLineOption option(
        QStringLiteral("password-file"),
        QStringLiteral("Read the password from the first line of FILE (without it, prompt on a terminal)."),
        QStringLiteral("FILE"));
    return option;
}

int newKeystore(const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption keyOption(
        QStringLiteral("private-key"),
        QStringLiteral(
            "The private key, 64 hex digits. Other local users can read it in ps: prefer --private-key-file."),
        QStringLiteral("HEX"));
    const QCommandLineOption keyFileOption =
        secretFileOption(QStringLiteral("private-key"), QStringLiteral("the private key"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("Where to write the keystore (must not exist)."), QStringLiteral("FILE"));
    const QCommandLineOption kdfOption(QStringLiteral("kdf"),
                                       QStringLiteral("scrypt (default, n=2^18) or pbkdf2 (c=262144, hmac-sha256)."),
                                       QStringLiteral("KDF"), QStringLiteral("scrypt"));
    parser.addOptions({keyOption, keyFileOption, passwordFileOption(), outOption, kdfOption});
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("Writes a Web3 Secret Storage v3 keystore (geth/cast compatible). Without "
                                          "--private-key-file, the key is asked for on a terminal."),
                           0, 0))
        return *exit;
    if (!parser.isSet(outOption)) return fail(QStringLiteral("--out is required (see --help)"), Usage);
    KdfParams kdf;
    const QString kdfName = parser.value(kdfOption);
    if (kdfName == QLatin1String("scrypt"))
        kdf = KdfParams::scrypt();
    else if (kdfName == QLatin1String("pbkdf2"))
        kdf = KdfParams::pbkdf2();
    else
        return fail(QStringLiteral("--kdf must be scrypt or pbkdf2, not '%1'").arg(kdfName), Usage);

    const QString outPath = parser.value(outOption);
    if (QFile::exists(outPath))
        return fail(QStringLiteral("%1 already exists; not overwriting a keystore").arg(outPath));
    auto key = readPrivateKeyOption(parser, keyOption, keyFileOption);
    if (!key) return fail(key.message(), Usage);
    auto password = readPassword(parser.value(passwordFileOption()), true);
    if (!password) return fail(password.message());
    if (password->empty()) return fail(QStringLiteral("the password is empty; a keystore needs a password"));

    auto json = encrypt_keystore(*key, password->as_string(), kdf);
    if (!json) return fail(json.message());
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(outPath, out.errorString()));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(json->data(), qint64(json->size()));
    if (!out.commit()) return fail(QStringLiteral("cannot write %1: %2").arg(outPath, out.errorString()));
    printOut(QString::fromStdString(to_checksum_address(public_key_of(*key).address())));
    return Ok;
}

int decrypt(const QStringList& args) {
    QCommandLineParser parser;
    parser.addOption(passwordFileOption());
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The keystore file."));
    if (auto exit =
            parseArguments(parser, args, QStringLiteral("Decrypts a v3 keystore and prints its 0x private key."), 1, 1))
        return *exit;
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray json = file.readAll();
    auto password = readPassword(parser.value(passwordFileOption()), false);
    if (!password) return fail(password.message());
    auto key = decrypt_keystore(std::string_view(json.constData(), std::size_t(json.size())), password->as_string());
    if (!key) return fail(withContext(path, key.message()));
    SecureBytes hex = key->to_hex();
    std::fwrite(hex.data(), 1, hex.size(), stdout);
    std::fputc('\n', stdout);
    return Ok;
}

}  // namespace

int runKeystore(const QStringList& argv) {
    const QString sub = argv.value(2);
    if (sub == QLatin1String("new")) return newKeystore(foldVerb(argv, 2));
    if (sub == QLatin1String("decrypt")) return decrypt(foldVerb(argv, 2));
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        std::fputs(
            "Usage: sluice-cli keystore new [--private-key-file F] [--password-file F] --out FILE [--kdf scrypt|pbkdf2]\n"
            "       sluice-cli keystore decrypt FILE [--password-file F]\n",
            sub.isEmpty() ? stderr : stdout);
        return sub.isEmpty() ? Usage : Ok;
    }
    return fail(QStringLiteral("unknown command 'keystore %1' (see sluice-cli keystore --help)").arg(sub), Usage);
}

}  // namespace sluice::cli
