// SPDX-License-Identifier: MIT
#include "services/wallet/walletstore.h"

#include "services/wallet/secrettext.h"

// The wallet file, <dataDir>/wallet.json, mode 0600, written atomically (QSaveFile):
//
//   {
//     "version":   1,
//     "kind":      "mnemonic" | "privateKey",
//     "crypto":    { Web3 Secret Storage v3 `crypto` object (core/keys/keystore.hpp
//                    encrypt_secret), scrypt n=2^18 r=8 p=1 by default },
//     "accounts":  [ { "index": 0, "address": "0x<EIP-55>", "name": "Account 1" }, ... ],
//     "createdAt": "2024-01-01T00:00:00Z"
//   }
//
// The encrypted payload is
//   - mnemonic:   the UTF-8 NFKD mnemonic (lower-case words, single spaces), one 0x00 byte, then
//                 the UTF-8 NFKD BIP-39 passphrase (possibly empty). The passphrase is part of the
//                 secret: without it the seed, and so every address, would differ.
//   - privateKey: the 32 raw key bytes.
// Accounts are stored in clear so the locked app can list them; unlock re-derives each address
// from the decrypted secret and refuses a file whose addresses do not match. A private-key wallet
// has exactly one account, index 0. Any other version, kind or shape is refused with a message and
// the file is left untouched: nothing ever overwrites an existing wallet file.

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRunnable>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "core/eth/address.hpp"
#include "core/keys/bip32.hpp"
#include "core/keys/bip39.hpp"
#include "core/keys/keystore.hpp"

namespace sluice {

namespace {

constexpr int kFormatVersion = 1;
const QString kFileName = QStringLiteral("wallet.json");

// Messages of the free functions below, filed under WalletStore's context so that lupdate and
// translators see them together with the rest of the wallet's texts.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(sluice::WalletStore)
};

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

QString checksumAddress(const PrivateKey& key) { return fromStd(to_checksum_address(public_key_of(key).address())); }

QString defaultAccountName(int index) { return Text::tr("Account %1").arg(index + 1); }

struct ParsedFile {
    WalletStore::Kind kind = WalletStore::Kind::None;
    QList<WalletAccount> accounts;
    QJsonObject document;
};

// Validates everything except the ciphertext; the message says what is wrong with which file.
Result<ParsedFile> parseDocument(const QByteArray& bytes, const QString& path) {
    auto bad = [&](const QString& why) {
        return make_error(Text::tr("The wallet file %1 cannot be used: %2. It was left unchanged; move it "
                                   "aside to create or restore a wallet.")
                              .arg(QDir::toNativeSeparators(path), why)
                              .toStdString());
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return bad(Text::tr("it is not valid JSON (it may be damaged)"));
    ParsedFile out;
    out.document = doc.object();
    const QJsonObject& root = out.document;
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble()) return bad(Text::tr("it has no format version"));
    if (version.toInt() != kFormatVersion)
        return bad(Text::tr("it has format version %1, which this version of Sluice does not know (it may have "
                            "been written by a newer version)")
                       .arg(version.toVariant().toString()));
    const QString kind = root.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("mnemonic"))
        out.kind = WalletStore::Kind::Mnemonic;
    else if (kind == QLatin1String("privateKey"))
        out.kind = WalletStore::Kind::PrivateKey;
    else
        return bad(Text::tr("unknown wallet kind \"%1\"").arg(kind));
    if (!root.value(QStringLiteral("crypto")).isObject()) return bad(Text::tr("the encrypted secret is missing"));
    const QJsonValue accounts = root.value(QStringLiteral("accounts"));
    if (!accounts.isArray() || accounts.toArray().isEmpty()) return bad(Text::tr("it lists no accounts"));
    for (const QJsonValue& entry : accounts.toArray()) {
        const QJsonObject object = entry.toObject();
        const QJsonValue index = object.value(QStringLiteral("index"));
        const double indexValue = index.toDouble(-1);
        if (!index.isDouble() || indexValue < 0 || indexValue >= double(kBip32Hardened) ||
            indexValue != double(qint64(indexValue)))
            return bad(Text::tr("an account has no valid index"));
        WalletAccount account;
        account.index = int(indexValue);
        auto address = parse_address(object.value(QStringLiteral("address")).toString().toStdString());
        if (!address) return bad(Text::tr("account %1 has no valid address").arg(account.index));
        account.address = fromStd(to_checksum_address(*address));
        account.name = object.value(QStringLiteral("name")).toString();
        if (account.name.isEmpty()) account.name = defaultAccountName(account.index);
        for (const WalletAccount& seen : out.accounts)
            if (seen.index == account.index) return bad(Text::tr("account %1 is listed twice").arg(account.index));
        out.accounts.append(account);
    }
    if (out.kind == WalletStore::Kind::PrivateKey && (out.accounts.size() != 1 || out.accounts[0].index != 0))
        return bad(Text::tr("a private-key wallet must have exactly one account, index 0"));
    return out;
}

QJsonArray accountsToJson(const QList<WalletAccount>& accounts) {
    QJsonArray array;
    for (const WalletAccount& account : accounts)
        array.append(QJsonObject{{QStringLiteral("index"), account.index},
                                 {QStringLiteral("address"), account.address},
                                 {QStringLiteral("name"), account.name}});
    return array;
}

Status writeDocument(const QString& dataDir, const QJsonObject& document) {
    QDir dir(dataDir);
    if (!dir.exists()) {
        if (!QDir().mkpath(dataDir))
            return make_error(
                Text::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dataDir)).toStdString());
        QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    const QString path = dir.filePath(kFileName);
    QSaveFile file(path);
    auto failure = [&](const QString& what) {
        return make_error(
            Text::tr("Cannot write the wallet file %1: %2.").arg(QDir::toNativeSeparators(path), what).toStdString());
    };
    if (!file.open(QIODevice::WriteOnly)) return failure(file.errorString());
    // On the temporary file, before any content is in it, so the wallet is never world-readable.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) return failure(file.errorString());
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size()) return failure(file.errorString());
    if (!file.commit()) return failure(file.errorString());
    return {};
}

QString cryptoError(const Error& error, bool keystoreFile) {
    if (error.code == ErrorCode::WrongPassword)
        return keystoreFile ? Text::tr("Wrong password for this keystore file.") : Text::tr("Wrong password.");
    return fromStd(error.message);
}

}  // namespace

// What a worker hands back to the owner's thread. Secrets in it are wiped when the last
// reference goes away.
struct WalletOutcome {
    enum class Op { Load, Create, Unlock, AddAccount };
    Op op = Op::Load;
    QString error;  // empty on success

    // Load / Create / Unlock / AddAccount: the file as it now is.
    bool fileRead = false;
    bool exists = false;
    QString loadError;
    WalletStore::Kind kind = WalletStore::Kind::None;
    QJsonObject document;
    QList<WalletAccount> accounts;

    // Create / Unlock / AddAccount: secrets for the unlocked state.
    quint64 generation = 0;
    SecureBytes seed;
    std::map<int, PrivateKey> keys;
};

WalletStore::WalletStore(const QString& dataDir, QObject* parent)
    : WalletStore(dataDir, WalletKdf::standard(), parent) {}

WalletStore::WalletStore(const QString& dataDir, WalletKdf kdf, QObject* parent)
    : QObject(parent),
      m_dataDir(dataDir.isEmpty() ? defaultDataDir() : dataDir),
      m_kdf(kdf),
      m_pool(new QThreadPool(this)) {
    // One worker: operations run in the order they were asked for and never race on the file.
    m_pool->setMaxThreadCount(1);
    m_pool->setExpiryTimeout(-1);
    reload();
}

WalletStore::~WalletStore() {
    m_pool->waitForDone();
    m_keys.clear();
    m_seed.wipe();
}

QString WalletStore::defaultDataDir() { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation); }

QString WalletStore::walletFilePath() const { return QDir(m_dataDir).filePath(kFileName); }

QString WalletStore::passwordProblem(const QString& password) {
    if (password.size() < kMinPasswordLength)
        return tr("The password must have at least %1 characters.").arg(kMinPasswordLength);
    return {};
}

QString WalletStore::mnemonicProblem(const QString& mnemonic) {
    QString copy = mnemonic;  // shared with the caller's: wipeString will only drop our reference
    QString normal = normalizedSecret(copy, true);
    SecureBytes utf8 = takeUtf8(normal);
    const Status status = validate_mnemonic(utf8.as_string());
    return status ? QString() : fromStd(status.message());
}

QString WalletStore::mnemonicProblem(const SecureBytes& normalized) {
    const Status status = validate_mnemonic(normalized.as_string());
    return status ? QString() : fromStd(status.message());
}

SecureBytes WalletStore::generateMnemonic(int words) {
    auto mnemonic = generate_mnemonic(words);
    if (!mnemonic) return {};
    return std::move(mnemonic.value());
}

void WalletStore::setPending(int delta) {
    const bool wasBusy = isBusy();
    m_pending += delta;
    if (wasBusy != isBusy()) emit busyChanged();
}

template <typename Work>
void WalletStore::runOnWorker(Work work) {
    setPending(+1);
    // The work and its inputs are captured by value; the result is delivered queued to this
    // object's thread (and dropped if the store is gone by then: ~WalletStore waits for the
    // worker and Qt discards events posted to a deleted object).
    WalletStore* self = this;
    m_pool->start([self, work = std::move(work)]() mutable {
        std::shared_ptr<WalletOutcome> outcome = work();
        QMetaObject::invokeMethod(
            self, [self, outcome]() { self->applyOutcome(outcome); }, Qt::QueuedConnection);
    });
}

void WalletStore::applyOutcome(const std::shared_ptr<WalletOutcome>& outcome) {
    const bool wasExists = m_exists;
    const QString wasLoadError = m_loadError;
    const Kind wasKind = m_kind;
    const QList<WalletAccount> wasAccounts = m_accounts;
    bool becameUnlocked = false;

    if (outcome->fileRead) {
        m_exists = outcome->exists;
        m_loadError = outcome->loadError;
        m_kind = outcome->kind;
        m_document = outcome->document;
        m_accounts = outcome->accounts;
    }
    if (outcome->error.isEmpty()) {
        // A lock() after the request was made wins over an unlock that was still running.
        const bool current = outcome->generation == m_generation;
        switch (outcome->op) {
        case WalletOutcome::Op::Create:
        case WalletOutcome::Op::Unlock:
            if (current) {
                m_seed = std::move(outcome->seed);
                m_keys = std::move(outcome->keys);
                becameUnlocked = !m_unlocked;
                m_unlocked = true;
            }
            break;
        case WalletOutcome::Op::AddAccount:
            if (current && m_unlocked)
                for (auto& [index, key] : outcome->keys) m_keys.insert_or_assign(index, std::move(key));
            break;
        case WalletOutcome::Op::Load: break;
        }
    }
    outcome->seed.wipe();
    outcome->keys.clear();

    setPending(-1);
    if (wasExists != m_exists || wasLoadError != m_loadError || wasKind != m_kind) emit existsChanged();
    if (wasAccounts != m_accounts) emit accountsChanged();
    if (becameUnlocked) {
        emit unlockedChanged();
        emit unlocked();
    }
    if (!outcome->error.isEmpty()) {
        emit failed(outcome->error);
    } else if (outcome->op == WalletOutcome::Op::Load && !m_loadError.isEmpty()) {
        emit failed(m_loadError);
    } else if (outcome->op == WalletOutcome::Op::Create || outcome->op == WalletOutcome::Op::AddAccount) {
        emit saved();
    }
}

namespace {

// Reads and validates the file; fills the file part of the outcome.
void readFileInto(const QString& dataDir, WalletOutcome& outcome);

}  // namespace

void WalletStore::reload() {
    const QString dataDir = m_dataDir;
    runOnWorker([dataDir]() {
        auto outcome = std::make_shared<WalletOutcome>();
        outcome->op = WalletOutcome::Op::Load;
        readFileInto(dataDir, *outcome);
        return outcome;
    });
}

bool WalletStore::refuseIfNotCreatable() {
    // The worker checks again against the disk; this only answers the common case at once.
    if (!m_exists) return false;
    emit failed(tr("A wallet already exists in %1; it was not overwritten.").arg(QDir::toNativeSeparators(m_dataDir)));
    return true;
}

namespace {

struct NewWallet {
    WalletStore::Kind kind = WalletStore::Kind::None;
    SecureBytes payload;   // see the format comment at the top
    SecureBytes mnemonic;  // mnemonic wallets
    SecureBytes passphrase;
    std::optional<PrivateKey> key;  // private-key wallets
};

// Encrypts and writes a new wallet, never over an existing file. Runs on the worker.
void createOnWorker(const QString& dataDir, const WalletKdf& kdf, NewWallet& wallet, const SecureBytes& password,
                    WalletOutcome& outcome) {
    const QString path = QDir(dataDir).filePath(kFileName);
    if (QFileInfo::exists(path)) {
        outcome.error =
            Text::tr("A wallet already exists in %1; it was not overwritten.").arg(QDir::toNativeSeparators(dataDir));
        readFileInto(dataDir, outcome);
        return;
    }
    WalletAccount first;
    first.index = 0;
    first.name = defaultAccountName(0);
    if (wallet.kind == WalletStore::Kind::Mnemonic) {
        outcome.seed = mnemonic_to_seed(wallet.mnemonic.as_string(), wallet.passphrase.as_string());
        auto key = derive_ethereum_key(outcome.seed.view(), 0);
        if (!key) {
            outcome.error = fromStd(key.message());
            return;
        }
        first.address = checksumAddress(*key);
        outcome.keys.emplace(0, std::move(*key));
    } else {
        first.address = checksumAddress(*wallet.key);
        outcome.keys.emplace(0, *wallet.key);
    }
    auto crypto = encrypt_secret(wallet.payload.view(), password.as_string(), KdfParams::scrypt(kdf.n, kdf.r, kdf.p));
    if (!crypto) {
        outcome.error = fromStd(crypto.message());
        return;
    }
    QJsonObject document{
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("kind"),
         wallet.kind == WalletStore::Kind::Mnemonic ? QStringLiteral("mnemonic") : QStringLiteral("privateKey")},
        {QStringLiteral("crypto"), QJsonDocument::fromJson(QByteArray::fromStdString(crypto->dump())).object()},
        {QStringLiteral("accounts"), accountsToJson({first})},
        {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    // Last check right before writing: another process may have created one meanwhile.
    if (QFileInfo::exists(path)) {
        outcome.error =
            Text::tr("A wallet already exists in %1; it was not overwritten.").arg(QDir::toNativeSeparators(dataDir));
        readFileInto(dataDir, outcome);
        return;
    }
    if (Status written = writeDocument(dataDir, document); !written) {
        outcome.error = fromStd(written.message());
        return;
    }
    outcome.fileRead = true;
    outcome.exists = true;
    outcome.kind = wallet.kind;
    outcome.document = document;
    outcome.accounts = {first};
}

void readFileInto(const QString& dataDir, WalletOutcome& outcome) {
    outcome.fileRead = true;
    const QString path = QDir(dataDir).filePath(kFileName);
    QFile file(path);
    if (!file.exists()) {
        outcome.exists = false;
        return;
    }
    outcome.exists = true;
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.loadError =
            Text::tr("Cannot read the wallet file %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return;
    }
    auto parsed = parseDocument(file.readAll(), path);
    if (!parsed) {
        outcome.loadError = fromStd(parsed.message());
        return;
    }
    outcome.kind = parsed->kind;
    outcome.document = parsed->document;
    outcome.accounts = parsed->accounts;
}

// Splits the mnemonic payload "<mnemonic>\0<passphrase>".
bool splitMnemonicPayload(const SecureBytes& payload, SecureBytes& mnemonic, SecureBytes& passphrase) {
    const ByteView all = payload.view();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i] == 0) {
            mnemonic = SecureBytes(all.subspan(0, i));
            passphrase = SecureBytes(all.subspan(i + 1));
            return true;
        }
    }
    return false;
}

}  // namespace

void WalletStore::createFromMnemonic(QString mnemonic, QString passphrase, QString password) {
    QString normalMnemonic = normalizedSecret(mnemonic, true);
    QString normalPassphrase = normalizedSecret(passphrase, false);
    auto wallet = std::make_shared<NewWallet>();
    wallet->kind = Kind::Mnemonic;
    wallet->mnemonic = takeUtf8(normalMnemonic);
    wallet->passphrase = takeUtf8(normalPassphrase);
    const QString passwordIssue = passwordProblem(password);
    auto secretPassword = std::make_shared<SecureBytes>(takeUtf8(password));
    if (!passwordIssue.isEmpty()) {
        emit failed(passwordIssue);
        return;
    }
    if (const Status valid = validate_mnemonic(wallet->mnemonic.as_string()); !valid) {
        emit failed(tr("The recovery phrase is not valid: %1.").arg(fromStd(valid.message())));
        return;
    }
    const ByteView passphraseBytes = wallet->passphrase.view();
    if (std::find(passphraseBytes.begin(), passphraseBytes.end(), std::uint8_t(0)) != passphraseBytes.end()) {
        emit failed(tr("The passphrase must not contain a NUL character."));
        return;
    }
    if (refuseIfNotCreatable()) return;
    wallet->payload.reserve(wallet->mnemonic.size() + 1 + wallet->passphrase.size());
    wallet->payload.append(wallet->mnemonic.view());
    const std::uint8_t separator = 0;
    wallet->payload.append(ByteView(&separator, 1));
    wallet->payload.append(wallet->passphrase.view());

    const QString dataDir = m_dataDir;
    const WalletKdf kdf = m_kdf;
    const quint64 generation = m_generation;
    runOnWorker([dataDir, kdf, generation, wallet, secretPassword]() {
        auto outcome = std::make_shared<WalletOutcome>();
        outcome->op = WalletOutcome::Op::Create;
        outcome->generation = generation;
        createOnWorker(dataDir, kdf, *wallet, *secretPassword, *outcome);
        wallet->payload.wipe();
        secretPassword->wipe();
        return outcome;
    });
}

void WalletStore::importPrivateKey(QString privateKeyHex, QString password) {
    SecureBytes hex = takeUtf8(privateKeyHex);
    const QString passwordIssue = passwordProblem(password);
    auto secretPassword = std::make_shared<SecureBytes>(takeUtf8(password));
    // Trim by view: copying into a std::string would leave an unwiped copy of the key.
    std::string_view text = hex.as_string();
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    auto key = PrivateKey::from_hex(text);
    if (!key) {
        emit failed(tr("This is not a valid private key (64 hexadecimal digits, optionally starting with 0x)."));
        return;
    }
    if (!passwordIssue.isEmpty()) {
        emit failed(passwordIssue);
        return;
    }
    if (refuseIfNotCreatable()) return;
    auto wallet = std::make_shared<NewWallet>();
    wallet->kind = Kind::PrivateKey;
    wallet->payload = SecureBytes(key->bytes());
    wallet->key = std::move(*key);
    const QString dataDir = m_dataDir;
    const WalletKdf kdf = m_kdf;
    const quint64 generation = m_generation;
    runOnWorker([dataDir, kdf, generation, wallet, secretPassword]() {
        auto outcome = std::make_shared<WalletOutcome>();
        outcome->op = WalletOutcome::Op::Create;
        outcome->generation = generation;
        createOnWorker(dataDir, kdf, *wallet, *secretPassword, *outcome);
        wallet->payload.wipe();
        wallet->key.reset();
        secretPassword->wipe();
        return outcome;
    });
}

void WalletStore::importKeystore(QByteArray fileContents, QString keystorePassword, QString newPassword) {
    auto keystorePw = std::make_shared<SecureBytes>(takeUtf8(keystorePassword));
    const QString passwordIssue = passwordProblem(newPassword);
    auto secretPassword = std::make_shared<SecureBytes>(takeUtf8(newPassword));
    if (!passwordIssue.isEmpty()) {
        emit failed(passwordIssue);
        return;
    }
    if (refuseIfNotCreatable()) return;
    const QString dataDir = m_dataDir;
    const WalletKdf kdf = m_kdf;
    const quint64 generation = m_generation;
    runOnWorker([dataDir, kdf, generation, fileContents, keystorePw, secretPassword]() {
        auto outcome = std::make_shared<WalletOutcome>();
        outcome->op = WalletOutcome::Op::Create;
        outcome->generation = generation;
        if (QFileInfo::exists(QDir(dataDir).filePath(kFileName))) {
            // Checked before the (slow) keystore decryption as well as inside createOnWorker.
            outcome->error =
                tr("A wallet already exists in %1; it was not overwritten.").arg(QDir::toNativeSeparators(dataDir));
            readFileInto(dataDir, *outcome);
            return outcome;
        }
        auto key = decrypt_keystore(std::string_view(fileContents.constData(), std::size_t(fileContents.size())),
                                    keystorePw->as_string());
        keystorePw->wipe();
        if (!key) {
            outcome->error = cryptoError(key.error(), true);
            return outcome;
        }
        NewWallet wallet;
        wallet.kind = Kind::PrivateKey;
        wallet.payload = SecureBytes(key->bytes());
        wallet.key = std::move(*key);
        createOnWorker(dataDir, kdf, wallet, *secretPassword, *outcome);
        secretPassword->wipe();
        return outcome;
    });
}

void WalletStore::unlock(QString password) {
    auto secretPassword = std::make_shared<SecureBytes>(takeUtf8(password));
    const QString dataDir = m_dataDir;
    const quint64 generation = m_generation;
    runOnWorker([dataDir, generation, secretPassword]() {
        auto outcome = std::make_shared<WalletOutcome>();
        outcome->op = WalletOutcome::Op::Unlock;
        outcome->generation = generation;
        readFileInto(dataDir, *outcome);
        if (!outcome->exists) {
            outcome->error = tr("There is no wallet in %1 to unlock.").arg(QDir::toNativeSeparators(dataDir));
            return outcome;
        }
        if (!outcome->loadError.isEmpty()) {
            outcome->error = outcome->loadError;
            return outcome;
        }
        nlohmann::json crypto =
            nlohmann::json::parse(QJsonDocument(outcome->document.value(QStringLiteral("crypto")).toObject())
                                      .toJson(QJsonDocument::Compact)
                                      .toStdString(),
                                  nullptr, false);
        auto payload = decrypt_secret(crypto, secretPassword->as_string());
        secretPassword->wipe();
        if (!payload) {
            outcome->error = cryptoError(payload.error(), false);
            return outcome;
        }
        auto mismatch = [&](const WalletAccount& account, const QString& derived) {
            outcome->keys.clear();
            outcome->seed.wipe();
            outcome->error = tr("The wallet file is inconsistent: account %1 is stored as %2 but the key gives %3. "
                                "The file may have been tampered with; it was not unlocked.")
                                 .arg(account.index)
                                 .arg(account.address, derived);
        };
        if (outcome->kind == Kind::Mnemonic) {
            SecureBytes mnemonic;
            SecureBytes passphrase;
            if (!splitMnemonicPayload(*payload, mnemonic, passphrase)) {
                outcome->error = tr("The wallet file's decrypted secret is malformed.");
                return outcome;
            }
            outcome->seed = mnemonic_to_seed(mnemonic.as_string(), passphrase.as_string());
            for (const WalletAccount& account : outcome->accounts) {
                auto key = derive_ethereum_key(outcome->seed.view(), std::uint32_t(account.index));
                if (!key) {
                    outcome->error = fromStd(key.message());
                    outcome->keys.clear();
                    outcome->seed.wipe();
                    return outcome;
                }
                const QString derived = checksumAddress(*key);
                if (derived != account.address) {
                    mismatch(account, derived);
                    return outcome;
                }
                outcome->keys.emplace(account.index, std::move(*key));
            }
        } else {
            auto key = PrivateKey::from_bytes(payload->view());
            if (!key) {
                outcome->error = tr("The wallet file's decrypted secret is not a valid private key.");
                return outcome;
            }
            const QString derived = checksumAddress(*key);
            if (derived != outcome->accounts.front().address) {
                mismatch(outcome->accounts.front(), derived);
                return outcome;
            }
            outcome->keys.emplace(0, std::move(*key));
        }
        return outcome;
    });
}

void WalletStore::lock() {
    ++m_generation;
    m_keys.clear();  // PrivateKey wipes itself
    m_seed.wipe();
    if (m_unlocked) {
        m_unlocked = false;
        emit unlockedChanged();
        emit locked();
    }
}

void WalletStore::addAccount(const QString& name) {
    if (!m_unlocked) {
        emit failed(tr("Unlock the wallet to add an account."));
        return;
    }
    if (m_kind != Kind::Mnemonic) {
        emit failed(tr("Only a wallet created from a recovery phrase can derive more accounts."));
        return;
    }
    const QString dataDir = m_dataDir;
    const quint64 generation = m_generation;
    const QString chosenName = name.trimmed();
    auto seed = std::make_shared<SecureBytes>(m_seed);
    runOnWorker([dataDir, generation, chosenName, seed]() {
        auto outcome = std::make_shared<WalletOutcome>();
        outcome->op = WalletOutcome::Op::AddAccount;
        outcome->generation = generation;
        // The next index comes from the file as it is now, so several queued requests each add
        // their own account instead of all computing the same one from a stale list.
        WalletOutcome current;
        readFileInto(dataDir, current);
        if (!current.exists || !current.loadError.isEmpty() || current.kind != Kind::Mnemonic) {
            outcome->error = current.loadError.isEmpty()
                                 ? tr("The wallet file changed on disk; lock and unlock the wallet.")
                                 : current.loadError;
            readFileInto(dataDir, *outcome);  // show the file as it now is
            return outcome;
        }
        int next = 0;
        for (const WalletAccount& account : current.accounts) next = std::max(next, account.index + 1);
        // Appending to a file that belongs to a different seed would list addresses this wallet
        // cannot sign for.
        auto firstKey = derive_ethereum_key(seed->view(), std::uint32_t(current.accounts.front().index));
        auto key = derive_ethereum_key(seed->view(), std::uint32_t(next));
        seed->wipe();
        if (!firstKey || !key) {
            outcome->error = fromStd(!firstKey ? firstKey.message() : key.message());
            return outcome;
        }
        if (checksumAddress(*firstKey) != current.accounts.front().address) {
            outcome->error = tr("The wallet file changed on disk; lock and unlock the wallet.");
            return outcome;
        }
        WalletAccount added;
        added.index = next;
        added.name = chosenName.isEmpty() ? defaultAccountName(next) : chosenName;
        added.address = checksumAddress(*key);
        QList<WalletAccount> all = current.accounts;
        all.append(added);
        QJsonObject updated = current.document;
        updated.insert(QStringLiteral("accounts"), accountsToJson(all));
        if (Status written = writeDocument(dataDir, updated); !written) {
            outcome->error = fromStd(written.message());
            return outcome;
        }
        outcome->fileRead = true;
        outcome->exists = true;
        outcome->kind = Kind::Mnemonic;
        outcome->document = updated;
        outcome->accounts = all;
        outcome->keys.emplace(added.index, std::move(*key));
        return outcome;
    });
}

Result<RecoverableSignature> WalletStore::signHash(int accountIndex, const Hash& digest) const {
    if (!m_unlocked) return make_error(tr("The wallet is locked; unlock it to sign.").toStdString());
    const auto found = m_keys.find(accountIndex);
    if (found == m_keys.end())
        return make_error(tr("There is no account %1 in this wallet.").arg(accountIndex).toStdString());
    return sign_hash(digest, found->second);
}

std::optional<WalletAccount> WalletStore::account(int accountIndex) const {
    for (const WalletAccount& account : m_accounts)
        if (account.index == accountIndex) return account;
    return std::nullopt;
}

bool WalletStore::isDevFixture() const {
    const auto first = account(0);
    return first && first->address.compare(QLatin1String(kDevFixtureAddress), Qt::CaseInsensitive) == 0;
}

std::optional<AccountSigner> WalletStore::signer(int accountIndex) {
    if (!m_unlocked) return std::nullopt;
    const auto found = account(accountIndex);
    auto address = found ? parse_address(found->address.toStdString()) : Result<Address>(make_error("no such account"));
    if (!address) return std::nullopt;
    QPointer<WalletStore> store(this);
    return AccountSigner{address.value(), [store, accountIndex](const Hash& digest) -> Result<RecoverableSignature> {
                             if (!store) return make_error(tr("The wallet is no longer open.").toStdString());
                             return store->signHash(accountIndex, digest);
                         }};
}

}  // namespace sluice
