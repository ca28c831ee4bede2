// SPDX-License-Identifier: MIT
#include "onboarding/onboardingcontroller.h"

#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QThreadPool>

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/crypto/secp256k1.hpp"
#include "core/keys/bip39.hpp"
#include "services/wallet/secrettext.h"
#include "services/wallet/walletstore.h"

namespace {

// The bytes of a QString the caller keeps (a field's text, shared with QML): only the UTF-8
// buffer made here can be wiped.
sluice::SecureBytes toSecure(const QString& text) {
    QString copy = text;
    return sluice::takeUtf8(copy);
}

}  // namespace

// core decides whether the phrase is valid; this only says why in the user's language, in the
// same order core checks (word count, unknown word, checksum).
QString OnboardingController::explainMnemonicProblem(const QString& normalised, const QString& coreMessage) {
    const QStringList words = normalised.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int count = static_cast<int>(words.size());
    if (count < 12 || count > 24 || count % 3 != 0) {
        //: %1 is the number of words the user typed
        return tr("A recovery phrase has 12, 15, 18, 21 or 24 words, but this one has %1.").arg(count);
    }
    for (int i = 0; i < count; ++i) {
        const QByteArray word = words.at(i).toUtf8();
        if (sluice::bip39_english_index(std::string_view(word.constData(), word.size())) < 0) {
            //: %1 is the word as typed, %2 its position in the phrase
            return tr("\"%1\" (word %2) is not a word of the BIP-39 English word list. Check its spelling.")
                .arg(words.at(i))
                .arg(i + 1);
        }
    }
    if (coreMessage.contains(QLatin1String("checksum"))) {
        return tr("The recovery phrase's checksum does not match: a word is wrong or the words are out of order.");
    }
    return coreMessage;
}

OnboardingController::OnboardingController(QObject* parent) : QObject(parent) {}

OnboardingController::~OnboardingController() { reset(); }

QStringList OnboardingController::mnemonicWords() const {
    if (m_mode != Mode::Create) return {};
    // The page shows the words one by one; the joined phrase made here is wiped.
    QString phrase = sluice::secretToQString(m_mnemonic);
    const QStringList words = phrase.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    sluice::wipeString(phrase);
    return words;
}

QString OnboardingController::passwordRule() const {
    //: %1 is a number of characters
    return tr("Use at least %1 characters. A longer passphrase of several words is stronger than a short complicated one.")
        .arg(sluice::WalletStore::kMinPasswordLength);
}

void OnboardingController::startCreate() {
    reset();
    m_mnemonic = sluice::WalletStore::generateMnemonic(12);
    if (m_mnemonic.empty()) {
        setError(tr("Could not get random numbers from the operating system to make a recovery phrase."));
        return;
    }
    // Three distinct positions from the system CSPRNG, shown in ascending order.
    QList<int> positions;
    auto* random = QRandomGenerator::system();
    while (positions.size() < kConfirmCount) {
        const int position = static_cast<int>(random->bounded(12)) + 1;
        if (!positions.contains(position)) positions.append(position);
    }
    std::sort(positions.begin(), positions.end());
    m_confirmPositions = positions;
    setMode(Mode::Create);
    emit mnemonicChanged();
}

bool OnboardingController::confirmWords(const QStringList& words) {
    // Compared word by word against the secure copy: no second QString of the phrase is made.
    std::vector<std::string_view> expected;
    for (std::string_view rest = m_mnemonic.as_string(); !rest.empty();) {
        const std::size_t space = rest.find(' ');
        expected.push_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    if (m_mode != Mode::Create || expected.empty()) {
        setError(tr("There is no recovery phrase to confirm. Go back and create one."));
        return false;
    }
    for (int i = 0; i < m_confirmPositions.size(); ++i) {
        const int position = m_confirmPositions.at(i);
        const QString typed = i < words.size() ? words.at(i).trimmed().toLower() : QString();
        if (typed.isEmpty()) {
            setError(tr("Enter word #%1.").arg(position));
            return false;
        }
        if (std::size_t(position) > expected.size() || typed.toStdString() != expected.at(std::size_t(position) - 1)) {
            setError(tr("Word #%1 is not the word of your recovery phrase. Check what you wrote down.").arg(position));
            return false;
        }
    }
    clearError();
    return true;
}

bool OnboardingController::useMnemonic(const QString& phrase, const QString& passphrase) {
    // The field's text is QML's; every copy made from here on is wiped or held as SecureBytes.
    QString copy = phrase;
    QString normalised = sluice::normalizedSecret(copy, true);
    sluice::SecureBytes words = sluice::takeUtf8(normalised);
    if (words.empty()) {
        setError(tr("Enter your recovery phrase."));
        return false;
    }
    const QString problem = sluice::WalletStore::mnemonicProblem(words);
    if (!problem.isEmpty()) {
        QString shown = sluice::secretToQString(words);
        setError(explainMnemonicProblem(shown, problem));
        sluice::wipeString(shown);
        return false;
    }
    reset();
    m_mnemonic = std::move(words);
    QString passphraseCopy = passphrase;
    QString normalPassphrase = sluice::normalizedSecret(passphraseCopy, false);
    m_passphrase = sluice::takeUtf8(normalPassphrase);
    setMode(Mode::Restore);
    return true;
}

bool OnboardingController::useKeystore(const QUrl& file, const QString& keystorePassword) {
    if (file.isEmpty() || !file.isLocalFile()) {
        setError(tr("Choose a keystore file."));
        return false;
    }
    if (keystorePassword.isEmpty()) {
        setError(tr("Enter the password of the keystore file."));
        return false;
    }
    reset();
    m_keystorePath = file.toLocalFile();
    m_keystorePassword = toSecure(keystorePassword);
    setMode(Mode::ImportKeystore);
    return true;
}

bool OnboardingController::usePrivateKey(const QString& hex) {
    const QByteArray text = hex.trimmed().toLatin1();
    auto key = sluice::PrivateKey::from_hex(std::string_view(text.constData(), text.size()));
    sluice::secure_wipe(const_cast<char*>(text.constData()), text.size());
    if (!key) {
        setError(tr(
            "This is not a valid private key: it must be 64 hexadecimal digits (0x optional) and within the secp256k1 range."));
        return false;
    }
    reset();
    m_privateKey = key->to_hex();
    setMode(Mode::ImportPrivateKey);
    return true;
}

void OnboardingController::setWallet(sluice::WalletStore* wallet) {
    if (wallet == m_wallet) return;
    m_wallet = wallet;
    emit walletChanged();
}

bool OnboardingController::finish(const QString& password, const QString& repeat) {
    if (m_busy) return false;
    if (m_mode == Mode::None) {
        setError(tr("Start again from the welcome page."));
        return false;
    }
    const QString problem = sluice::WalletStore::passwordProblem(password);
    if (!problem.isEmpty()) {
        setError(problem);
        return false;
    }
    if (password != repeat) {
        setError(tr("The two passwords are not the same."));
        return false;
    }
    auto* store = m_wallet;
    if (!store) return false;
    clearError();
    watchStore();
    setBusy(true);
    switch (m_mode) {
    case Mode::Create:
    case Mode::Restore:
        store->createFromMnemonic(sluice::secretToQString(m_mnemonic), sluice::secretToQString(m_passphrase), password);
        break;
    case Mode::ImportPrivateKey: store->importPrivateKey(sluice::secretToQString(m_privateKey), password); break;
    case Mode::ImportKeystore: {
        // Reading the file is disk I/O: off the GUI thread, result delivered queued.
        QPointer<OnboardingController> self(this);
        const QString path = m_keystorePath;
        const QString newPassword = password;
        QThreadPool::globalInstance()->start([self, path, newPassword] {
            QFile file(path);
            QByteArray contents;
            QString readError;
            if (file.open(QIODevice::ReadOnly))
                contents = file.read(1 << 20);
            else
                readError = file.errorString();
            QMetaObject::invokeMethod(
                self.data(),
                [self, contents, readError, path, newPassword] {
                    if (!self) return;
                    if (!readError.isEmpty() || contents.isEmpty()) {
                        self->setBusy(false);
                        self->setError(
                            OnboardingController::tr("Could not read %1: %2")
                                .arg(QFileInfo(path).fileName(),
                                     readError.isEmpty() ? OnboardingController::tr("the file is empty") : readError));
                        return;
                    }
                    self->submitKeystore(contents, newPassword);
                },
                Qt::QueuedConnection);
        });
        break;
    }
    case Mode::None: break;
    }
    return true;
}

void OnboardingController::submitKeystore(const QByteArray& contents, const QString& password) {
    if (m_wallet) m_wallet->importKeystore(contents, sluice::secretToQString(m_keystorePassword), password);
}

void OnboardingController::watchStore() {
    for (const auto& connection : std::as_const(m_storeConnections)) disconnect(connection);
    m_storeConnections.clear();
    auto* store = m_wallet;
    m_storeConnections.append(connect(store, &sluice::WalletStore::saved, this, [this] {
        if (!m_busy) return;
        setBusy(false);
        reset();
        emit finished();
    }));
    m_storeConnections.append(connect(store, &sluice::WalletStore::failed, this, [this](const QString& message) {
        if (!m_busy) return;
        setBusy(false);
        setError(message);
    }));
}

void OnboardingController::clearError() { setError(QString()); }

void OnboardingController::reset() {
    clearError();
    m_mnemonic.wipe();
    m_passphrase.wipe();
    m_privateKey.wipe();
    m_keystorePassword.wipe();
    m_keystorePath.clear();
    const bool hadPositions = !m_confirmPositions.isEmpty();
    m_confirmPositions.clear();
    if (m_mode != Mode::None) {
        m_mode = Mode::None;
        emit modeChanged();
    }
    if (hadPositions) emit mnemonicChanged();
}

void OnboardingController::setError(const QString& message) {
    if (m_error == message) return;
    m_error = message;
    emit errorChanged();
}

void OnboardingController::setBusy(bool busy) {
    if (m_busy == busy) return;
    m_busy = busy;
    emit busyChanged();
}

void OnboardingController::setMode(Mode mode) {
    if (m_mode == mode) return;
    m_mode = mode;
    emit modeChanged();
}
