// SPDX-License-Identifier: MIT
// sluice-cli key new-mnemonic | key derive

#include <QJsonDocument>
#include <QJsonObject>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "core/eth/address.hpp"
#include "core/keys/bip32.hpp"
#include "core/keys/bip39.hpp"

namespace sluice::cli {

namespace {

int newMnemonic(const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption words(QStringLiteral("words"), QStringLiteral("Number of words: 12 or 24 (default 12)."),
                                   QStringLiteral("N"), QStringLiteral("12"));
    parser.addOption(words);
    if (auto exit =
            parseArguments(parser, args, QStringLiteral("Prints a new BIP-39 recovery phrase (English)."), 0, 0))
        return *exit;
    const QString count = parser.value(words);
    if (count != QLatin1String("12") && count != QLatin1String("24"))
        return fail(QStringLiteral("--words must be 12 or 24, not '%1'").arg(count), Usage);
    auto mnemonic = generate_mnemonic(count.toInt());
    if (!mnemonic) return fail(mnemonic.message());
    printOut(QString::fromUtf8(mnemonic->as_string().data(), qsizetype(mnemonic->size())));
    return Ok;
}

// Wipes a QString's characters (after detaching it, if shared: then its sharer is wiped in turn).
void wipe(QString& text) {
    if (!text.isEmpty()) secure_wipe(text.data(), std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

// BIP-39 wants NFKD; core does not normalise Unicode, Qt does. Words are matched lower-case.
// Every QString on the way is wiped.
SecureBytes nfkd(const SecureBytes& text, bool lowerCase) {
    if (text.empty()) return SecureBytes();
    QString decoded = QString::fromUtf8(reinterpret_cast<const char*>(text.data()), qsizetype(text.size()));
    QString normalized = decoded.normalized(QString::NormalizationForm_KD);
    wipe(decoded);
    if (lowerCase) {
        QString lower = normalized.toLower();
        wipe(normalized);
        normalized.swap(lower);
    }
    QByteArray utf8 = normalized.toUtf8();
    wipe(normalized);
    SecureBytes out(ByteView(reinterpret_cast<const std::uint8_t*>(utf8.constData()), std::size_t(utf8.size())));
    secure_wipe(utf8.data(), std::size_t(utf8.size()));
    return out;
}

int derive(const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption mnemonicOption(
        QStringLiteral("mnemonic"),
        QStringLiteral("The recovery phrase (quote it). Other local users can read it in ps: prefer --mnemonic-file."),
        QStringLiteral("WORDS"));
    const QCommandLineOption mnemonicFileOption =
        secretFileOption(QStringLiteral("mnemonic"), QStringLiteral("the recovery phrase"));
    const QCommandLineOption passphraseOption(
        QStringLiteral("passphrase"),
        QStringLiteral("The optional BIP-39 passphrase (\"25th word\"). Visible in ps: prefer --passphrase-file."),
        QStringLiteral("P"));
    const QCommandLineOption passphraseFileOption =
        secretFileOption(QStringLiteral("passphrase"), QStringLiteral("the optional BIP-39 passphrase"));
    const QCommandLineOption indexOption(QStringLiteral("index"),
                                         QStringLiteral("Account index N of m/44'/60'/0'/0/N (default 0)."),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral("Print {address, path, publicKey, privateKey} as JSON (contains the secret key)."));
    parser.addOptions(
        {mnemonicOption, mnemonicFileOption, passphraseOption, passphraseFileOption, indexOption, jsonOption});
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Prints the EIP-55 address of m/44'/60'/0'/0/N for a recovery phrase "
                                                  "(without --mnemonic-file, asked for on a terminal)."),
                                   0, 0))
        return *exit;
    bool indexOk = false;
    const uint index = parser.value(indexOption).toUInt(&indexOk);
    if (!indexOk || index >= kBip32Hardened)
        return fail(QStringLiteral("--index must be a whole number from 0 to 2147483647, not '%1'")
                        .arg(parser.value(indexOption)),
                    Usage);

    auto givenMnemonic = readSecretOption(parser, mnemonicOption, mnemonicFileOption, "Recovery phrase: ", true);
    if (!givenMnemonic) return fail(givenMnemonic.message(), Usage);
    const SecureBytes mnemonic = nfkd(*givenMnemonic, true);
    givenMnemonic->wipe();
    const SecureBytes words = normalize_mnemonic_spaces(mnemonic.as_string());
    if (words.empty()) return fail(QStringLiteral("the recovery phrase is empty"));
    if (Status valid = validate_mnemonic(words.as_string()); !valid) return fail(valid.message());
    auto givenPassphrase = readSecretOption(parser, passphraseOption, passphraseFileOption, "Passphrase: ", false);
    if (!givenPassphrase) return fail(givenPassphrase.message(), Usage);
    const SecureBytes passphrase = nfkd(*givenPassphrase, false);
    givenPassphrase->wipe();
    const SecureBytes seed = mnemonic_to_seed(words.as_string(), passphrase.as_string());
    auto key = derive_ethereum_key(seed.view(), index);
    if (!key) return fail(key.message());

    const PublicKey pub = public_key_of(*key);
    const QString address = QString::fromStdString(to_checksum_address(pub.address()));
    if (!parser.isSet(jsonOption)) {
        printOut(address);
        return Ok;
    }
    Bytes uncompressed{0x04};
    append(uncompressed, pub.xy);
    SecureBytes secretHex = key->to_hex();
    QJsonObject out{
        {QStringLiteral("address"), address},
        {QStringLiteral("path"), QString::fromStdString(bip44_ethereum_path(index))},
        {QStringLiteral("publicKey"), QString::fromStdString(to_hex(uncompressed))},
        {QStringLiteral("privateKey"), QString::fromLatin1(secretHex.as_string().data(), qsizetype(secretHex.size()))}};
    QByteArray text = QJsonDocument(out).toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
    secure_wipe(text.data(), std::size_t(text.size()));
    return Ok;
}

}  // namespace

int runKey(const QStringList& argv) {
    const QString sub = argv.value(2);
    if (sub == QLatin1String("new-mnemonic")) return newMnemonic(foldVerb(argv, 2));
    if (sub == QLatin1String("derive")) return derive(foldVerb(argv, 2));
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        std::fputs(
            "Usage: sluice-cli key new-mnemonic [--words 12|24]\n"
            "       sluice-cli key derive [--mnemonic-file F] [--passphrase-file F] [--index N] [--json]\n"
            "       (F may be - for stdin; without --mnemonic-file, asked for on a terminal. --mnemonic WORDS\n"
            "       and --passphrase P work too, but other local users can read them in ps.)\n",
            sub.isEmpty() ? stderr : stdout);
        return sub.isEmpty() ? Usage : Ok;
    }
    return fail(QStringLiteral("unknown command 'key %1' (see sluice-cli key --help)").arg(sub), Usage);
}

}  // namespace sluice::cli
