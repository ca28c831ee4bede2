// SPDX-License-Identifier: MIT
#pragma once
// WalletStore: the encrypted wallet file and the unlocked account keys.
//
// Every operation is asynchronous: scrypt (about 1 s and 256 MiB at the default cost), key
// derivation and disk I/O run on one private worker thread, in the order they were requested, and
// their results come back queued on the thread that owns the store. Callers never block; they
// watch the signals (failed() carries a message meant for the user).
//
// Secrets: the decrypted BIP-39 seed or private key lives only in SecureBytes while unlocked and
// is wiped by lock() and by the destructor. Keys never leave the store: signHash() signs for an
// account. Secret QString arguments are taken by value; pass them with std::move so the store
// holds the only reference and can overwrite them with zeros as soon as they are converted (a
// string still shared with the caller cannot be wiped without corrupting the caller's copy, so
// the caller must then clear its own).
//
// The file format is documented in walletstore.cpp.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/secure.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/account_signer.hpp"

class QThreadPool;

namespace sluice {

struct WalletOutcome;

// One account as the locked app may show it (no secret in here).
struct WalletAccount {
    Q_GADGET
    Q_PROPERTY(int index MEMBER index)
    Q_PROPERTY(QString address MEMBER address)
    Q_PROPERTY(QString name MEMBER name)
public:
    int index = 0;    // BIP-44 address index (always 0 for a private-key wallet)
    QString address;  // EIP-55 checksummed, 0x-prefixed
    QString name;     // "Account 1", ...
    friend bool operator==(const WalletAccount&, const WalletAccount&) = default;
};

// The scrypt cost of the wallet file's encryption. The default is geth's "standard" cost
// (n = 2^18, r = 8, p = 1); tests and the GUI's test hook pass something cheaper.
struct WalletKdf {
    quint64 n = 262144;
    quint32 r = 8;
    quint32 p = 1;
    static WalletKdf standard() { return {}; }
    // n = 2^12: milliseconds instead of a second. Never for real wallets.
    static WalletKdf fastForTests() { return {4096, 8, 1}; }
};

class WalletStore : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool exists READ exists NOTIFY existsChanged)
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(Kind kind READ kind NOTIFY existsChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY existsChanged)

public:
    enum class Kind { None, Mnemonic, PrivateKey };
    Q_ENUM(Kind)

    static constexpr int kMinPasswordLength = 8;

    // The mnemonic anvil and Hardhat fund by default, published with them: the app's --dev-fixture
    // wallet is made from it. Its keys are public, so whatever they hold anyone can take.
    static constexpr const char* kDevMnemonic = "test test test test test test test test test test test junk";
    // Account 0 of kDevMnemonic without a passphrase (m/44'/60'/0'/0/0): anvil's first dev account.
    static constexpr const char* kDevFixtureAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    // dataDir empty = defaultDataDir(). The constructor starts reading <dataDir>/wallet.json on
    // the worker (busy() is true until it is read; existsChanged()/accountsChanged() follow).
    explicit WalletStore(const QString& dataDir = {}, QObject* parent = nullptr);
    WalletStore(const QString& dataDir, WalletKdf kdf, QObject* parent = nullptr);
    ~WalletStore() override;  // waits for the worker, then wipes every secret

    // QStandardPaths::AppDataLocation, from QCoreApplication's organization and application names
    // (e.g. ~/.local/share/Sluice/sluice): set them before constructing a store without a dataDir.
    static QString defaultDataDir();
    QString dataDir() const { return m_dataDir; }
    QString walletFilePath() const;
    WalletKdf kdf() const { return m_kdf; }

    // The one password rule (>= kMinPasswordLength characters). Empty when acceptable,
    // otherwise the message to show.
    static QString passwordProblem(const QString& password);
    // Empty for a valid BIP-39 English mnemonic (after NFKD, lower-casing and whitespace
    // clean-up), otherwise the exact reason (word count, unknown word, checksum).
    static QString mnemonicProblem(const QString& mnemonic);
    // The same for a phrase already normalized (secrettext.h normalizedSecret) and held securely.
    static QString mnemonicProblem(const SecureBytes& normalized);
    // A fresh mnemonic of 12..24 words, lower-case words and single spaces (empty on the
    // practically impossible CSPRNG failure). Never a QString: it would stay in freed memory.
    static SecureBytes generateMnemonic(int words = 12);

    bool exists() const { return m_exists; }           // a readable wallet file was found (or created)
    QString loadError() const { return m_loadError; }  // why an existing file is unusable
    bool isUnlocked() const { return m_unlocked; }
    bool isBusy() const { return m_pending > 0; }
    Kind kind() const { return m_kind; }
    QList<WalletAccount> accounts() const { return m_accounts; }
    // The account with BIP-44 index `accountIndex`, if the wallet has it.
    std::optional<WalletAccount> account(int accountIndex) const;
    // Whether this is the dev fixture: a wallet whose first account is kDevFixtureAddress (made
    // by --dev-fixture, the test mnemonic restored by hand, or anvil's first key imported). Known
    // from the addresses alone, so also while locked. Such a wallet is only for the local devnet
    // (isLocalDevnet in services/bridge/network_config.hpp).
    bool isDevFixture() const;

    // Create/import refuse (failed()) when a wallet file already exists or could not be read:
    // an existing file is never overwritten. On success the new wallet is unlocked.
    Q_INVOKABLE void createFromMnemonic(QString mnemonic, QString passphrase, QString password);
    Q_INVOKABLE void importPrivateKey(QString privateKeyHex, QString password);
    Q_INVOKABLE void importKeystore(QByteArray fileContents, QString keystorePassword, QString newPassword);

    Q_INVOKABLE void unlock(QString password);
    Q_INVOKABLE void lock();  // synchronous: wipes the secrets at once
    // The next BIP-44 index, persisted. Mnemonic wallets only, unlocked only. name empty =
    // "Account <index + 1>".
    Q_INVOKABLE void addAccount(const QString& name = {});
    // Re-reads the wallet file (e.g. after another process changed it).
    Q_INVOKABLE void reload();

    // Signs a 32-byte digest with the account's key, without handing the key out. Fails when
    // locked or for an unknown index. Cheap (one ECDSA signature): callable on any thread that
    // does not race with lock()/unlock, normally the owner's.
    Result<RecoverableSignature> signHash(int accountIndex, const Hash& digest) const;
    // A signer for a transaction sender that signs through signHash, so the key stays here;
    // nullopt when locked or for an unknown index. It fails cleanly if the store is locked or
    // gone by the time it signs.
    std::optional<sluice::AccountSigner> signer(int accountIndex);

signals:
    void existsChanged();
    void unlockedChanged();
    void unlocked();
    void locked();
    void failed(const QString& message);
    void accountsChanged();
    void busyChanged();
    // A create/import/addAccount finished and the file is written.
    void saved();

private:
    template <typename Work>
    void runOnWorker(Work work);
    void applyOutcome(const std::shared_ptr<WalletOutcome>& outcome);
    void setPending(int delta);
    bool refuseIfNotCreatable();

    QString m_dataDir;
    WalletKdf m_kdf;
    QThreadPool* m_pool = nullptr;
    int m_pending = 0;

    bool m_exists = false;
    QString m_loadError;
    Kind m_kind = Kind::None;
    QJsonObject m_document;  // the file as last read/written (ciphertext only)
    QList<WalletAccount> m_accounts;

    bool m_unlocked = false;
    quint64 m_generation = 0;          // bumped by lock(): results of requests made before it are dropped
    SecureBytes m_seed;                // BIP-39 seed (mnemonic wallets)
    std::map<int, PrivateKey> m_keys;  // per account index, derived at unlock
};

}  // namespace sluice

Q_DECLARE_METATYPE(sluice::WalletAccount)
