// SPDX-License-Identifier: MIT
#pragma once
// OnboardingController: the create / restore / import flow behind the onboarding pages.
// Inputs arrive through the Q_INVOKABLE methods, each of which validates in C++ and, when it
// refuses, sets `error` to the message to show. finish() hands the secret to the WalletStore,
// which encrypts it on its worker thread (busy is true meanwhile) and unlocks the new wallet.

#include <QtQml/qqmlregistration.h>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "core/common/secure.hpp"
#include "services/wallet/walletstore.h"

class OnboardingController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Required input: the wallet store the new wallet is saved to.
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY walletChanged REQUIRED)
    Q_PROPERTY(Mode mode READ mode NOTIFY modeChanged)
    Q_PROPERTY(QStringList mnemonicWords READ mnemonicWords NOTIFY mnemonicChanged)
    Q_PROPERTY(QList<int> confirmPositions READ confirmPositions NOTIFY mnemonicChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString passwordRule READ passwordRule CONSTANT)

public:
    enum class Mode { None, Create, Restore, ImportKeystore, ImportPrivateKey };
    Q_ENUM(Mode)

    static constexpr int kConfirmCount = 3;

    explicit OnboardingController(QObject* parent = nullptr);
    ~OnboardingController() override;

    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    Mode mode() const { return m_mode; }
    QStringList mnemonicWords() const;
    QList<int> confirmPositions() const { return m_confirmPositions; }  // 1-based, ascending
    QString error() const { return m_error; }
    bool busy() const { return m_busy; }
    QString passwordRule() const;

    // A fresh 12-word phrase and three random positions to confirm.
    Q_INVOKABLE void startCreate();
    // The words typed for confirmPositions, in that order.
    Q_INVOKABLE bool confirmWords(const QStringList& words);
    Q_INVOKABLE bool useMnemonic(const QString& phrase, const QString& passphrase);
    Q_INVOKABLE bool useKeystore(const QUrl& file, const QString& keystorePassword);
    Q_INVOKABLE bool usePrivateKey(const QString& hex);
    // Checks the password rule and the repetition, then creates the wallet asynchronously.
    Q_INVOKABLE bool finish(const QString& password, const QString& repeat);
    Q_INVOKABLE void clearError();
    // Forgets every secret held for the flow.
    Q_INVOKABLE void reset();

    // The reason a phrase core rejected, as a translated sentence.
    static QString explainMnemonicProblem(const QString& normalised, const QString& coreMessage);

signals:
    void walletChanged();
    void modeChanged();
    void mnemonicChanged();
    void errorChanged();
    void busyChanged();
    // The wallet file is written and the wallet unlocked.
    void finished();

private:
    void setError(const QString& message);
    void setBusy(bool busy);
    void setMode(Mode mode);
    void watchStore();
    void submitKeystore(const QByteArray& contents, const QString& password);

    Mode m_mode = Mode::None;
    sluice::SecureBytes m_mnemonic;    // normalised words, space separated
    sluice::SecureBytes m_passphrase;  // BIP-39 passphrase (restore only)
    sluice::SecureBytes m_privateKey;  // hex (import only)
    sluice::SecureBytes m_keystorePassword;
    QString m_keystorePath;
    QList<int> m_confirmPositions;
    QString m_error;
    bool m_busy = false;
    QList<QMetaObject::Connection> m_storeConnections;
    sluice::WalletStore* m_wallet = nullptr;  // AppContext's, outlives this
};
