// SPDX-License-Identifier: MIT
#pragma once
// AppSettings: the user's preferences, stored with QSettings (INI format).
//
// With a data dir (tests, --data-dir) the file is <dataDir>/settings.ini; otherwise it is the
// platform's default config location, named after QCoreApplication's organizationName and
// applicationName (set them before constructing; e.g. ~/.config/Sluice/sluice.conf). Setters validate:
// an invalid value is not stored, the setter returns false and error() says why.

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace sluice {

class AppSettings : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString l1RpcUrl READ l1RpcUrl WRITE setL1RpcUrl NOTIFY l1RpcUrlChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString settingsFilePath READ settingsFilePath CONSTANT)
    Q_PROPERTY(QString networkMode READ networkMode NOTIFY networkChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY autoLockMinutesChanged)

public:
    // dataDir empty = the default config location.
    explicit AppSettings(const QString& dataDir = {}, QObject* parent = nullptr);
    ~AppSettings() override;

    static QString defaultL1RpcUrl() { return QStringLiteral("http://127.0.0.1:8545"); }
    // Empty when `url` is an absolute http, https, ws or wss URL with a host; otherwise the
    // message to show.
    static QString rpcUrlProblem(const QString& url);
    // "en", "de" and "system" (follow the desktop's locale).
    static QStringList supportedLanguages();

    QString settingsFilePath() const;

    QString l1RpcUrl() const;
    Q_INVOKABLE bool setL1RpcUrl(const QString& url);  // trims surrounding whitespace
    QString language() const;                          // "system" by default
    Q_INVOKABLE bool setLanguage(const QString& language);

    // "" (never chosen: first run brings the local stack up), "local" or "custom".
    QString networkMode() const;
    // "local", or "custom" with the L2 RPC URL and the rollup address (the L1 is l1RpcUrl).
    // Checking that the endpoints answer is the caller's job (services/localstack checkNetwork).
    Q_INVOKABLE bool setLocalNetwork();
    // `allowInsecure`: the user allowed plain http/ws to endpoints that are not on this computer
    // (the transport rule is checkEndpointTransport, services/bridge/network_config.hpp).
    Q_INVOKABLE bool setCustomNetwork(const QString& l1RpcUrl, const QString& l2RpcUrl, const QString& rollup,
                                      bool allowInsecure = false);
    QString l2RpcUrl() const;
    QString rollupAddress() const;
    bool allowInsecureEndpoints() const;  // false unless saved with the custom endpoints
    // "system" (default), "light", "dark".
    QString theme() const;
    Q_INVOKABLE bool setTheme(const QString& theme);
    static QStringList supportedThemes();
    // 0 = never; 1..1440. Default 5.
    int autoLockMinutes() const;
    Q_INVOKABLE bool setAutoLockMinutes(int minutes);

signals:
    void l1RpcUrlChanged();
    void languageChanged();
    void networkChanged();
    void themeChanged();
    void autoLockMinutesChanged();
    void error(const QString& message);

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace sluice
