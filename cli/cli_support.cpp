// SPDX-License-Identifier: MIT
#include "cli/cli_support.hpp"

#include "core/eth/address.hpp"
#include "core/eth/fee_caps.hpp"
#include "core/eth/units.hpp"
#include "services/bridge/network_config.hpp"

#include <QCoreApplication>
#include <QFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

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

// Longer than any key, recovery phrase or sane password; the buffer is reserved once, so a
// secret is never reallocated (and an unwiped copy left behind) while it is read.
constexpr std::size_t kMaxSecretLine = 4096;

// The first line of `fd`, read a byte at a time straight into locked memory: nothing past the
// newline is consumed (a second prompt reads the next line) and no stdio or Qt buffer keeps a
// copy. The trailing \n or \r\n is dropped; nothing at all (end of file) is an empty secret,
// for the caller to judge. `what` names the source in errors ("--mnemonic-file words.txt").
Result<SecureBytes> readSecretLine(int fd, const std::string& what) {
    SecureBytes line;
    line.reserve(kMaxSecretLine);
    while (true) {
        std::uint8_t c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return make_error("cannot read " + what + ": " + std::strerror(errno));
        if (n == 0 || c == '\n') break;
        if (line.size() == kMaxSecretLine)
            return make_error(what + ": the first line is longer than " + std::to_string(kMaxSecretLine) + " bytes");
        line.append(ByteView(&c, 1));
    }
    std::size_t length = line.size();
    if (length > 0 && line[length - 1] == '\r') --length;
    if (length == line.size()) return line;
    return SecureBytes(ByteView(line.data(), length));
}

// A line from stdin; with a terminal there, `prompt` on stderr and the typing not echoed.
Result<SecureBytes> readStdinLine(const char* prompt, const std::string& what) {
    termios old{};
    const bool terminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &old) == 0;
    if (terminal) {
        std::fprintf(stderr, "%s", prompt);
        std::fflush(stderr);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    auto line = readSecretLine(STDIN_FILENO, what);
    if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    return line;
}

class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

// The first line of the file `path`. With `privateOnly`, like ssh with a key file (and sluiced
// with its key files), a file that other local users can read or change is refused; the mode is
// checked on the opened file, not on the name.
Result<SecureBytes> readSecretFile(const QString& path, const std::string& option, bool privateOnly) {
    const QByteArray name = QFile::encodeName(path);
    const std::string shown = path.toStdString();
    const Descriptor fd(::open(name.constData(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return make_error("cannot open " + option + " " + shown + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return make_error("cannot read " + option + " " + shown + ": " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return make_error(option + " " + shown + " is a directory");
    if (privateOnly && (st.st_mode & (S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH))) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", unsigned(st.st_mode & 07777));
        return make_error(option + " " + shown + " can be read or changed by other local users (mode " + mode +
                          "); a secret file must be private to you: chmod 600 " + shown);
    }
    return readSecretLine(fd.get(), option + " " + shown);
}

bool g_stdinTaken = false;  // a secret was read from "-": stdin holds no second one

}  // namespace

Result<SecureBytes> readPassword(const QString& passwordFile, bool confirm) {
    if (!passwordFile.isEmpty()) return readSecretFile(passwordFile, "the password file", false);
    if (!isatty(STDIN_FILENO))
        return make_error("no password: pass --password-file FILE (passwords are never taken from the command line)");
    auto first = readStdinLine("Password: ", "the password");
    if (!first) return first;
    if (confirm) {
        auto second = readStdinLine("Repeat password: ", "the password");
        if (!second) return second;
        if (first->as_string() != second->as_string()) return make_error("the passwords do not match");
    }
    return first;
}

QCommandLineOption secretFileOption(const QString& inlineName, const QString& what) {
    return QCommandLineOption(inlineName + QStringLiteral("-file"),
                              QStringLiteral("Read %1 from the first line of FILE (- for stdin). FILE must not be "
                                             "readable by other users (chmod 600).")
                                  .arg(what),
                              QStringLiteral("FILE"));
}

bool secretGiven(const QCommandLineParser& parser, const QCommandLineOption& inlineForm,
                 const QCommandLineOption& fileForm) {
    return parser.isSet(inlineForm) || parser.isSet(fileForm);
}

Result<SecureBytes> readSecretOption(const QCommandLineParser& parser, const QCommandLineOption& inlineForm,
                                     const QCommandLineOption& fileForm, const char* prompt, bool required) {
    const std::string inlineName = "--" + inlineForm.names().constFirst().toStdString();
    const std::string fileName = "--" + fileForm.names().constFirst().toStdString();
    if (parser.isSet(inlineForm) && parser.isSet(fileForm))
        return make_error("give either " + inlineName + " or " + fileName + ", not both");
    if (parser.isSet(inlineForm)) {
        printErr(QStringLiteral("warning: %1 on the command line is visible to other local users (ps); use %2")
                     .arg(QString::fromStdString(inlineName), QString::fromStdString(fileName)));
        // The text is in argv (and the parser) anyway; this copy at least does not outlive its use.
        QByteArray text = parser.value(inlineForm).toUtf8();
        SecureBytes secret(ByteView(reinterpret_cast<const std::uint8_t*>(text.constData()), std::size_t(text.size())));
        secure_wipe(text.data(), std::size_t(text.size()));
        return secret;
    }
    if (parser.isSet(fileForm)) {
        const QString path = parser.value(fileForm);
        if (path != QLatin1String("-")) return readSecretFile(path, fileName, true);
        if (g_stdinTaken) return make_error("only one secret can be read from stdin (" + fileName + " -)");
        g_stdinTaken = true;
        return readStdinLine(prompt, fileName + " - (stdin)");
    }
    if (!required) return SecureBytes();
    if (!isatty(STDIN_FILENO)) return make_error(fileName + " FILE is required (FILE may be - for stdin; see --help)");
    return readStdinLine(prompt, "the terminal");
}

Result<PrivateKey> readPrivateKeyOption(const QCommandLineParser& parser, const QCommandLineOption& inlineForm,
                                        const QCommandLineOption& fileForm) {
    auto text = readSecretOption(parser, inlineForm, fileForm, "Private key: ", true);
    if (!text) return text.error();
    const std::string source = parser.isSet(inlineForm) ? "--" + inlineForm.names().constFirst().toStdString()
                               : parser.isSet(fileForm) ? "--" + fileForm.names().constFirst().toStdString() + " " +
                                                              parser.value(fileForm).toStdString()
                                                        : std::string("the private key");
    std::string_view hex = text->as_string();
    while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.front()))) hex.remove_prefix(1);
    while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.back()))) hex.remove_suffix(1);
    if (hex.empty()) return make_error(source + " is empty");
    auto key = PrivateKey::from_hex(hex);
    if (!key) return make_error(source + ": " + key.message());
    return key;
}

QCommandLineOption insecureEndpointsOption() {
    return {QStringLiteral("insecure-endpoints"),
            QStringLiteral("Allow plain http:// (ws://) to endpoints that are not on this computer. Anyone on the "
                           "network path can then read and change the traffic; a warning says so.")};
}

Status checkEndpoint(const QUrl& url, const QString& what, bool allowInsecure) {
    if (auto ok = checkEndpointTransport(url, allowInsecure, what); !ok) return ok;
    if (isUnencryptedRemote(url))
        printErr(
            QStringLiteral("warning: --insecure-endpoints: %1 %2 is not encrypted; anyone on the network path can see "
                           "which addresses you use and change what the node answers (balances, fees, chain id)")
                .arg(what, url.toDisplayString()));
    return {};
}

QCommandLineOption assumeYesOption() {
    return QCommandLineOption(QStringLiteral("yes"),
                              QStringLiteral("Sign without asking after printing the review (on a terminal the review "
                                             "otherwise asks first)."));
}

TransactionSender::ReviewHook terminalReview(bool assumeYes) {
    return [assumeYes](const PreparedTransaction& t, std::function<void(bool)> decide) {
        auto eth = [](const U256& wei) { return QString::fromStdString(format_amount(wei)) + QStringLiteral(" ETH"); };
        printErr(QStringLiteral("review: chain %1, from %2 to %3, value %4")
                     .arg(t.chainId)
                     .arg(QString::fromStdString(to_checksum_address(t.from)),
                          QString::fromStdString(to_checksum_address(t.to)), eth(t.value)));
        printErr(QStringLiteral("        gas limit %1 at most %2 gwei: fee about %3, at most %4; total at most %5")
                     .arg(t.gasLimit)
                     .arg(QString::fromStdString(format_amount(t.maxFeePerGas, Unit::gwei)), eth(t.expectedFee()),
                          eth(t.maxFee()), eth(t.maxTotal())));
        if (t.value != 0 && fee_is_large_share(t.maxFee(), t.value))
            printErr(QStringLiteral("warning: the fee can be %1 % or more of the value").arg(fee_warning_percent));
        if (assumeYes || !isatty(STDIN_FILENO)) return decide(true);
        std::fputs("Sign and send? [y/N] ", stderr);
        std::fflush(stderr);
        char answer[16] = {};
        const bool read = std::fgets(answer, sizeof answer, stdin) != nullptr;
        decide(read && (answer[0] == 'y' || answer[0] == 'Y'));
    };
}

QString withContext(const QString& what, const std::string& message) {
    return what + QStringLiteral(": ") + QString::fromStdString(message);
}

}  // namespace sluice::cli
