// SPDX-License-Identifier: MIT
#pragma once
// SettingsController: the settings page. The URL rule lives in AppSettings; this only turns
// the user's edits into calls and keeps the message to show.

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class SettingsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString l1RpcUrl READ l1RpcUrl NOTIFY l1RpcUrlChanged)
    Q_PROPERTY(QString rpcError READ rpcError NOTIFY rpcErrorChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages NOTIFY languageChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)

public:
    explicit SettingsController(QObject* parent = nullptr);

    QString l1RpcUrl() const;
    QString rpcError() const { return m_rpcError; }
    QString language() const;
    // [{ value: "en", text: "English" }, ...]; the names are in their own language.
    QVariantList languages() const;
    QString dataDir() const;

    // Validated in C++; on success saved and the connection rebuilt.
    Q_INVOKABLE bool applyL1RpcUrl(const QString& url);
    Q_INVOKABLE void setLanguage(const QString& language);
    Q_INVOKABLE void clearRpcError();

signals:
    void l1RpcUrlChanged();
    void rpcErrorChanged();
    void languageChanged();
    void saved();

private:
    void setRpcError(const QString& error);
    QString m_rpcError;
};
