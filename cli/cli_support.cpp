// SPDX-License-Identifier: MIT
#include "cli/cli_support.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <termios.h>
#include <unistd.h>

namespace sluice::cli {

int fail(const QString& message, int code) {
    std::fprintf(stderr, "sluice-cli: %s\n", message.toLocal8Bit().constData());
    return code;
}

int fail(const std::string& message, int code) { return fail(QString::fromStdString(message), code); }

void printOut(const QString& line) {
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stdout);
}

void printErr(const QString& line) { std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData()); }

QStringList foldVerb(const QStringList& argv, int words) {
    QStringList out;
    out << QStringLiteral("sluice-cli");
    for (int i = 1; i <= words && i < argv.size(); ++i) out[0] += QLatin1Char(' ') + argv[i];
    for (int i = words + 1; i < argv.size(); ++i) out << argv[i];
    return out;
}

std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& args, const QString& description,
                                  int minPositional, int maxPositional) {
    parser.setApplicationDescription(description);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    // QCommandLineParser treats args[0] as the program name; the verb words are folded into it.
    if (!parser.parse(args)) return fail(parser.errorText() + QStringLiteral(" (see --help)"), Usage);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // helpText() names the executable as it was started; show the verb too.
        text.replace(QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst(),
                     QStringLiteral("Usage: ") + args.first());
        std::fputs(text.toLocal8Bit().constData(), stdout);
        return Ok;
    }
    const int n = int(parser.positionalArguments().size());
    if (n < minPositional) return fail(QStringLiteral("missing argument (see %1 --help)").arg(args.first()), Usage);
    if (n > maxPositional)
        return fail(QStringLiteral("unexpected argument '%1' (see %2 --help)")
                        .arg(parser.positionalArguments().value(maxPositional), args.first()),
                    Usage);
    return std::nullopt;
}

namespace {

Result<SecureBytes> promptNoEcho(const char* prompt) {
    std::fprintf(stderr, "%s", prompt);
    std::fflush(stderr);
    termios old{};
    const bool haveTerm = tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTerm) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char buffer[1024];
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (haveTerm) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    if (!got) {
        secure_wipe(buffer, sizeof buffer);
        return make_error("no password entered");
    }
    std::size_t length = std::strlen(buffer);
    while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r')) --length;
    SecureBytes out(as_bytes(std::string_view(buffer, length)));
    secure_wipe(buffer, sizeof buffer);
    return out;
}

}  // namespace

Result<SecureBytes> readPassword(const QString& passwordFile, bool confirm) {
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return make_error("cannot read the password file " + passwordFile.toStdString() + ": " +
                              file.errorString().toStdString());
        QByteArray content = file.readAll();
        qsizetype end = content.indexOf('\n');
        if (end < 0) end = content.size();
        if (end > 0 && content[end - 1] == '\r') --end;
        SecureBytes password(ByteView(reinterpret_cast<const std::uint8_t*>(content.constData()), std::size_t(end)));
        secure_wipe(content.data(), std::size_t(content.size()));
        return password;
    }
    if (!isatty(STDIN_FILENO))
        return make_error("no password: pass --password-file FILE (passwords are never taken from the command line)");
    auto first = promptNoEcho("Password: ");
    if (!first) return first;
    if (confirm) {
        auto second = promptNoEcho("Repeat password: ");
        if (!second) return second;
        if (first->as_string() != second->as_string()) return make_error("the passwords do not match");
    }
    return first;
}

Result<PrivateKey> parsePrivateKeyArgument(const QString& text) {
    if (text.isEmpty()) return make_error("--private-key is empty");
    auto key = PrivateKey::from_hex(text.trimmed().toStdString());
    if (!key) return make_error("--private-key: " + key.message());
    return key;
}

QString withContext(const QString& what, const std::string& message) {
    return what + QStringLiteral(": ") + QString::fromStdString(message);
}

}  // namespace sluice::cli
