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
    QString language() const;  // "system" by default
    Q_INVOKABLE bool setLanguage(const QString& language);

signals:
    void l1RpcUrlChanged();
    void languageChanged();
    void error(const QString& message);

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace sluice
