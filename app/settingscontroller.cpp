// SPDX-License-Identifier: MIT
#include "settingscontroller.h"

#include <QVariantMap>

#include "appcontext.h"
#include "services/bridge/network_config.hpp"
#include "services/wallet/appsettings.h"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

#include <memory>

SettingsController::SettingsController(QObject* parent) : QObject(parent) {
    auto* context = AppContext::instance();
    connect(context->settings(), &sluice::AppSettings::l1RpcUrlChanged, this, &SettingsController::l1RpcUrlChanged);
    connect(context, &AppContext::languageChanged, this, &SettingsController::languageChanged);
    connect(context->settings(), &sluice::AppSettings::networkChanged, this, &SettingsController::networkChanged);
    connect(context->settings(), &sluice::AppSettings::themeChanged, this, &SettingsController::themeChanged);
    connect(context->settings(), &sluice::AppSettings::autoLockMinutesChanged, this,
            &SettingsController::autoLockChanged);
}

QString SettingsController::l1RpcUrl() const { return AppContext::instance()->settings()->l1RpcUrl(); }

QString SettingsController::language() const { return AppContext::instance()->language(); }

QVariantList SettingsController::languages() const {
    // Each language's name in itself, so a user can find their own in any UI language.
    return {
        QVariantMap{{QStringLiteral("value"), QStringLiteral("system")},
                    {QStringLiteral("text"), tr("System default", "language")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("en")},
                    {QStringLiteral("text"), QStringLiteral("English")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("de")},
                    {QStringLiteral("text"), QStringLiteral("Deutsch")}},
    };
}

QString SettingsController::dataDir() const { return AppContext::instance()->store()->dataDir(); }

void SettingsController::setLanguage(const QString& language) { AppContext::instance()->setLanguage(language, true); }

// ---------------------------------------------------------------------------------------------
// Network, theme and auto-lock

QString SettingsController::networkMode() const {
    const QString mode = AppContext::instance()->settings()->networkMode();
    return mode.isEmpty() ? QStringLiteral("local") : mode;
}

QString SettingsController::customL2RpcUrl() const { return AppContext::instance()->settings()->l2RpcUrl(); }

QString SettingsController::customRollup() const { return AppContext::instance()->settings()->rollupAddress(); }

bool SettingsController::customAllowInsecure() const {
    return AppContext::instance()->settings()->allowInsecureEndpoints();
}

void SettingsController::applyCustomNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup,
                                            bool allowInsecure) {
    for (const QString& url : {l1Rpc, l2Rpc}) {
        QString problem = sluice::AppSettings::rpcUrlProblem(url);
        // The rule is checkEndpointTransport's (WalletSession applies it too); asked here first so
        // the refusal reads in the user's language.
        if (problem.isEmpty() && !allowInsecure && sluice::isUnencryptedRemote(QUrl(url.trimmed())))
            problem =
                tr("%1 is not encrypted and not on this computer, so anyone on the way can read and change what "
                   "the wallet is told: use https:// or wss://, or allow unencrypted connections to this endpoint.")
                    .arg(url.trimmed());
        if (!problem.isEmpty()) {
            m_networkError = problem;
            emit networkChanged();
            return;
        }
    }
    m_checking = true;
    m_networkError.clear();
    emit networkChanged();
    auto* session = WalletSession::instance();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(session, &WalletSession::networkCheckFinished, this,
                          [this, connection](bool ok, const QString& message) {
                              disconnect(*connection);
                              m_checking = false;
                              m_networkError = ok ? QString() : message;
                              emit networkChanged();
                              if (ok) emit saved();
                          });
    session->useCustomNetwork(l1Rpc, l2Rpc, rollup, allowInsecure);
}

void SettingsController::useLocalStack() {
    m_networkError.clear();
    WalletSession::instance()->useLocalNetwork();
    emit networkChanged();
    emit saved();
}

QString SettingsController::theme() const { return AppContext::instance()->settings()->theme(); }

QVariantList SettingsController::themes() const {
    return {
        QVariantMap{{QStringLiteral("value"), QStringLiteral("system")},
                    {QStringLiteral("text"), tr("System default", "theme")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("light")}, {QStringLiteral("text"), tr("Light")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("dark")}, {QStringLiteral("text"), tr("Dark")}},
    };
}

void SettingsController::setTheme(const QString& theme) {
    if (AppContext::instance()->settings()->setTheme(theme)) emit themeChanged();
}

int SettingsController::autoLockMinutes() const { return AppContext::instance()->settings()->autoLockMinutes(); }

QVariantList SettingsController::autoLockChoices() const {
    QVariantList out;
    for (int minutes : {1, 5, 15, 30, 60})
        out.append(
            QVariantMap{{QStringLiteral("value"), minutes}, {QStringLiteral("text"), tr("%n minute(s)", "", minutes)}});
    out.append(QVariantMap{{QStringLiteral("value"), 0}, {QStringLiteral("text"), tr("Never")}});
    return out;
}

void SettingsController::setAutoLockMinutes(int minutes) {
    if (AppContext::instance()->settings()->setAutoLockMinutes(minutes)) emit autoLockChanged();
}
