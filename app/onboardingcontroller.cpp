// SPDX-License-Identifier: MIT
#include "onboardingcontroller.h"

#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThreadPool>

#include <algorithm>

#include "appcontext.h"
#include "core/crypto/secp256k1.hpp"
#include "core/keys/bip39.hpp"
#include "services/wallet/walletstore.h"

namespace {

QString toQString(const sluice::SecureBytes& bytes) {
    return QString::fromUtf8(bytes.as_string().data(), static_cast<qsizetype>(bytes.size()));
}

sluice::SecureBytes toSecure(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    sluice::SecureBytes out(sluice::as_bytes(std::string_view(utf8.constData(), utf8.size())));
    sluice::secure_wipe(const_cast<char*>(utf8.constData()), utf8.size());
    return out;
}

// Lower case, NFKD, single spaces: how the store and BIP-39 expect a typed phrase.
QString normalisePhrase(const QString& phrase) {
    return phrase.normalized(QString::NormalizationForm_KD)
        .toLower()
        .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)
        .join(QLatin1Char(' '));
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
    return toQString(m_mnemonic).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString OnboardingController::passwordRule() const {
    //: %1 is a number of characters
    return tr("Use at least %1 characters. A longer passphrase of several words is stronger than a short complicated one.")
        .arg(sluice::WalletStore::kMinPasswordLength);
}

void OnboardingController::startCreate() {
    reset();
    m_mnemonic = toSecure(sluice::WalletStore::generateMnemonic(12));
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
    const QStringList expected = mnemonicWords();
    if (m_mode != Mode::Create || expected.isEmpty()) {
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
        if (typed != expected.at(position - 1)) {
            setError(tr("Word #%1 is not the word of your recovery phrase. Check what you wrote down.")
                         .arg(position));
            return false;
        }
    }
    clearError();
    return true;
}

bool OnboardingController::useMnemonic(const QString& phrase, const QString& passphrase) {
    const QString normalised = normalisePhrase(phrase);
    if (normalised.isEmpty()) {
        setError(tr("Enter your recovery phrase."));
        return false;
    }
    const QString problem = sluice::WalletStore::mnemonicProblem(normalised);
    if (!problem.isEmpty()) {
        setError(explainMnemonicProblem(normalised, problem));
        return false;
    }
    reset();
    m_mnemonic = toSecure(normalised);
    m_passphrase = toSecure(passphrase.normalized(QString::NormalizationForm_KD));
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
        setError(tr("This is not a valid private key: it must be 64 hexadecimal digits (0x optional) and within the secp256k1 range."));
        return false;
    }
    reset();
    m_privateKey = key->to_hex();
    setMode(Mode::ImportPrivateKey);
    return true;
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
    clearError();
    auto* store = AppContext::instance()->store();
    watchStore();
    setBusy(true);
    switch (m_mode) {
    case Mode::Create:
    case Mode::Restore:
        store->createFromMnemonic(toQString(m_mnemonic), toQString(m_passphrase), password);
        break;
    case Mode::ImportPrivateKey:
        store->importPrivateKey(toQString(m_privateKey), password);
        break;
    case Mode::ImportKeystore: {
        // Reading the file is disk I/O: off the GUI thread, result delivered queued.
        QPointer<OnboardingController> self(this);
        const QString path = m_keystorePath;
        const QString newPassword = password;
        QThreadPool::globalInstance()->start([self, path, newPassword] {
            QFile file(path);
            QByteArray contents;
            QString readError;
            if (file.open(QIODevice::ReadOnly)) contents = file.read(1 << 20);
            else readError = file.errorString();
            QMetaObject::invokeMethod(
                self.data(),
                [self, contents, readError, path, newPassword] {
                    if (!self) return;
                    if (!readError.isEmpty() || contents.isEmpty()) {
                        self->setBusy(false);
                        self->setError(OnboardingController::tr("Could not read %1: %2")
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
    case Mode::None:
        break;
    }
    return true;
}

void OnboardingController::submitKeystore(const QByteArray& contents, const QString& password) {
    AppContext::instance()->store()->importKeystore(contents, toQString(m_keystorePassword), password);
}

void OnboardingController::watchStore() {
    for (const auto& connection : std::as_const(m_storeConnections)) disconnect(connection);
    m_storeConnections.clear();
    auto* store = AppContext::instance()->store();
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
