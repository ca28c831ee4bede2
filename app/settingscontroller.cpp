// SPDX-License-Identifier: MIT
#include "settingscontroller.h"

#include <QVariantMap>

#include "appcontext.h"
#include "services/wallet/walletstore.h"

SettingsController::SettingsController(QObject* parent) : QObject(parent) {
    auto* context = AppContext::instance();
    connect(context, &AppContext::l1RpcUrlChanged, this, &SettingsController::l1RpcUrlChanged);
    connect(context, &AppContext::languageChanged, this, &SettingsController::languageChanged);
}

QString SettingsController::l1RpcUrl() const { return AppContext::instance()->l1RpcUrl(); }

QString SettingsController::language() const { return AppContext::instance()->language(); }

QVariantList SettingsController::languages() const {
    // Each language's name in itself, so a user can find their own in any UI language.
    return {
        QVariantMap{{QStringLiteral("value"), QStringLiteral("system")},
                    {QStringLiteral("text"), tr("System default")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("en")},
                    {QStringLiteral("text"), QStringLiteral("English")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("de")},
                    {QStringLiteral("text"), QStringLiteral("Deutsch")}},
    };
}

QString SettingsController::dataDir() const {
    return AppContext::instance()->store()->dataDir();
}

bool SettingsController::applyL1RpcUrl(const QString& url) {
    const QString problem = AppContext::instance()->setL1RpcUrl(url);
    setRpcError(problem);
    if (problem.isEmpty()) emit saved();
    return problem.isEmpty();
}

void SettingsController::setLanguage(const QString& language) {
    AppContext::instance()->setLanguage(language, true);
}

void SettingsController::clearRpcError() { setRpcError(QString()); }

void SettingsController::setRpcError(const QString& error) {
    if (m_rpcError == error) return;
    m_rpcError = error;
    emit rpcErrorChanged();
}
