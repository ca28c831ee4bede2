// SPDX-License-Identifier: MIT
#pragma once
// SettingsController: the settings page. The URL rule lives in AppSettings; this only turns
// the user's edits into calls and keeps the message to show.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QVariantList>

#include "services/wallet/appsettings.h"

class AppContext;
class WalletSession;

class SettingsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("walletsession.h")
    Q_MOC_INCLUDE("appcontext.h")
    // Required inputs: the saved settings, the app (its language and data folder) and the session
    // (the network choice).
    Q_PROPERTY(sluice::AppSettings* settings READ settings WRITE setSettings NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(AppContext* app READ app WRITE setApp NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(WalletSession* session READ session WRITE setSession NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(QString l1RpcUrl READ l1RpcUrl NOTIFY l1RpcUrlChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages NOTIFY languageChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    // Network: "local" (the bundled stack, WalletSession.localStack) or "custom" endpoints.
    Q_PROPERTY(QString networkMode READ networkMode NOTIFY networkChanged)
    Q_PROPERTY(QString customL2RpcUrl READ customL2RpcUrl NOTIFY networkChanged)
    Q_PROPERTY(QString customRollup READ customRollup NOTIFY networkChanged)
    // The saved "allow unencrypted connections" choice of the custom endpoints.
    Q_PROPERTY(bool customAllowInsecure READ customAllowInsecure NOTIFY networkChanged)
    Q_PROPERTY(bool checkingNetwork READ checkingNetwork NOTIFY networkChanged)
    Q_PROPERTY(QString networkError READ networkError NOTIFY networkChanged)
    // Theme: "system", "light" or "dark"; persisted.
    Q_PROPERTY(QString theme READ theme NOTIFY themeChanged)
    Q_PROPERTY(QVariantList themes READ themes NOTIFY languageChanged)
    // Auto-lock after this many minutes without input; 0 = never. Persisted.
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes NOTIFY autoLockChanged)
    Q_PROPERTY(QVariantList autoLockChoices READ autoLockChoices NOTIFY languageChanged)

public:
    explicit SettingsController(QObject* parent = nullptr);

    sluice::AppSettings* settings() const { return m_settings; }
    void setSettings(sluice::AppSettings* settings);
    AppContext* app() const { return m_app; }
    void setApp(AppContext* app);
    WalletSession* session() const { return m_session; }
    void setSession(WalletSession* session);

    QString l1RpcUrl() const;
    QString language() const;
    // [{ value: "en", text: "English" }, ...]; the names are in their own language.
    QVariantList languages() const;
    QString dataDir() const;

    Q_INVOKABLE void setLanguage(const QString& language);

    QString networkMode() const;
    QString customL2RpcUrl() const;
    QString customRollup() const;
    bool customAllowInsecure() const;
    bool checkingNetwork() const { return m_checking; }
    QString networkError() const { return m_networkError; }
    // Checks the three endpoints (chain ids, contract code, parameters) before switching;
    // networkError says what is wrong, saved() on success. Plain http/ws to a host that is not
    // this computer is refused unless `allowInsecure` (the settings' check box).
    Q_INVOKABLE void applyCustomNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup,
                                        bool allowInsecure = false);
    Q_INVOKABLE void useLocalStack();

    QString theme() const;
    QVariantList themes() const;  // [{ value: "system", text: "System" }, ...]
    Q_INVOKABLE void setTheme(const QString& theme);
    int autoLockMinutes() const;
    QVariantList autoLockChoices() const;  // [{ value: 5, text: "5 minutes" }, { value: 0, text: "Never" }]
    Q_INVOKABLE void setAutoLockMinutes(int minutes);

signals:
    void storesChanged();
    void l1RpcUrlChanged();
    void languageChanged();
    void saved();
    void networkChanged();
    void themeChanged();
    void autoLockChanged();

private:
    sluice::AppSettings* m_settings = nullptr;  // these three outlive the controller
    AppContext* m_app = nullptr;
    WalletSession* m_session = nullptr;
    QString m_networkError;
    bool m_checking = false;
};
