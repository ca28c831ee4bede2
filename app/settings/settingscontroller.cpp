// SPDX-License-Identifier: MIT
#include "settings/settingscontroller.h"

#include "stores/storeinput.h"

#include <QVariantMap>

#include "appcontext.h"
#include "services/bridge/network_config.hpp"
#include "services/wallet/appsettings.h"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

#include <memory>

SettingsController::SettingsController(QObject* parent) : QObject(parent) {}

void SettingsController::setSettings(sluice::AppSettings* settings) {
    if (!replaceStore(m_settings, settings, this)) return;
    if (settings) {
        connect(settings, &sluice::AppSettings::l1RpcUrlChanged, this, &SettingsController::l1RpcUrlChanged);
        connect(settings, &sluice::AppSettings::networkChanged, this, &SettingsController::networkChanged);
        connect(settings, &sluice::AppSettings::themeChanged, this, &SettingsController::themeChanged);
        connect(settings, &sluice::AppSettings::autoLockMinutesChanged, this, &SettingsController::autoLockChanged);
    }
    emit storesChanged();
}

void SettingsController::setApp(AppContext* app) {
    if (!replaceStore(m_app, app, this)) return;
    if (app) connect(app, &AppContext::languageChanged, this, &SettingsController::languageChanged);
    emit storesChanged();
}

void SettingsController::setSession(WalletSession* session) {
    if (session == m_session) return;
    m_session = session;
    emit storesChanged();
}

QString SettingsController::l1RpcUrl() const { return m_settings ? m_settings->l1RpcUrl() : QString(); }

QString SettingsController::language() const { return m_app ? m_app->language() : QString(); }

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

QString SettingsController::dataDir() const { return m_app ? m_app->store()->dataDir() : QString(); }

void SettingsController::setLanguage(const QString& language) {
    if (m_app) m_app->setLanguage(language, true);
}

// ---------------------------------------------------------------------------------------------
// Network, theme and auto-lock

QString SettingsController::networkMode() const {
    const QString mode = m_settings ? m_settings->networkMode() : QString();
    return mode.isEmpty() ? QStringLiteral("local") : mode;
}

QString SettingsController::customL2RpcUrl() const { return m_settings ? m_settings->l2RpcUrl() : QString(); }

QString SettingsController::customRollup() const { return m_settings ? m_settings->rollupAddress() : QString(); }

bool SettingsController::customAllowInsecure() const { return m_settings && m_settings->allowInsecureEndpoints(); }

void SettingsController::applyCustomNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup,
                                            bool allowInsecure) {
    if (!m_session) return;
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
    auto* session = m_session;
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
    if (!m_session) return;
    m_networkError.clear();
    m_session->useLocalNetwork();
    emit networkChanged();
    emit saved();
}

QString SettingsController::theme() const { return m_settings ? m_settings->theme() : QString(); }

QVariantList SettingsController::themes() const {
    return {
        QVariantMap{{QStringLiteral("value"), QStringLiteral("system")},
                    {QStringLiteral("text"), tr("System default", "theme")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("light")}, {QStringLiteral("text"), tr("Light")}},
        QVariantMap{{QStringLiteral("value"), QStringLiteral("dark")}, {QStringLiteral("text"), tr("Dark")}},
    };
}

void SettingsController::setTheme(const QString& theme) {
    if (m_settings && m_settings->setTheme(theme)) emit themeChanged();
}

int SettingsController::autoLockMinutes() const { return m_settings ? m_settings->autoLockMinutes() : 0; }

QVariantList SettingsController::autoLockChoices() const {
    QVariantList out;
    for (int minutes : {1, 5, 15, 30, 60})
        out.append(
            QVariantMap{{QStringLiteral("value"), minutes}, {QStringLiteral("text"), tr("%n minute(s)", "", minutes)}});
    out.append(QVariantMap{{QStringLiteral("value"), 0}, {QStringLiteral("text"), tr("Never")}});
    return out;
}

void SettingsController::setAutoLockMinutes(int minutes) {
    if (m_settings && m_settings->setAutoLockMinutes(minutes)) emit autoLockChanged();
}
