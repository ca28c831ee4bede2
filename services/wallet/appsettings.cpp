// SPDX-License-Identifier: MIT
#include "services/wallet/appsettings.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

namespace sluice {

namespace {

const QString kL1RpcUrlKey = QStringLiteral("network/l1RpcUrl");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kNetworkModeKey = QStringLiteral("network/mode");
const QString kL2RpcUrlKey = QStringLiteral("network/l2RpcUrl");
const QString kRollupKey = QStringLiteral("network/rollup");
const QString kAllowInsecureKey = QStringLiteral("network/allowInsecureEndpoints");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kAutoLockKey = QStringLiteral("security/autoLockMinutes");

}  // namespace

AppSettings::AppSettings(const QString& dataDir, QObject* parent) : QObject(parent) {
    if (dataDir.isEmpty())
        m_settings = std::make_unique<QSettings>();
    else
        m_settings =
            std::make_unique<QSettings>(QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
}

AppSettings::~AppSettings() = default;

QString AppSettings::settingsFilePath() const { return m_settings->fileName(); }

QString AppSettings::rpcUrlProblem(const QString& url) {
    const QString text = url.trimmed();
    if (text.isEmpty()) return tr("Enter the URL of an Ethereum JSON-RPC endpoint, e.g. %1.").arg(defaultL1RpcUrl());
    const QUrl parsed(text, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.isRelative())
        return tr("\"%1\" is not a valid URL; write it like %2.").arg(text, defaultL1RpcUrl());
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("ws") &&
        scheme != QLatin1String("wss"))
        return tr("The RPC URL must start with http://, https://, ws:// or wss:// (not %1://).").arg(scheme);
    if (parsed.host().isEmpty()) return tr("The RPC URL has no host name; write it like %1.").arg(defaultL1RpcUrl());
    return {};
}

QStringList AppSettings::supportedLanguages() {
    return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")};
}

QString AppSettings::l1RpcUrl() const {
    const QString stored = m_settings->value(kL1RpcUrlKey).toString();
    // A hand-edited, invalid value falls back to the default rather than breaking start-up.
    return stored.isEmpty() || !rpcUrlProblem(stored).isEmpty() ? defaultL1RpcUrl() : stored;
}

bool AppSettings::setL1RpcUrl(const QString& url) {
    const QString problem = rpcUrlProblem(url);
    if (!problem.isEmpty()) {
        emit error(problem);
        return false;
    }
    const QString value = url.trimmed();
    if (value == l1RpcUrl()) return true;
    m_settings->setValue(kL1RpcUrlKey, value);
    m_settings->sync();
    emit l1RpcUrlChanged();
    return true;
}

QString AppSettings::language() const {
    const QString stored = m_settings->value(kLanguageKey).toString();
    return supportedLanguages().contains(stored) ? stored : QStringLiteral("system");
}

bool AppSettings::setLanguage(const QString& language) {
    if (!supportedLanguages().contains(language)) {
        emit error(tr("Unsupported language \"%1\"; choose one of: %2.")
                       .arg(language, supportedLanguages().join(QStringLiteral(", "))));
        return false;
    }
    if (language == this->language()) return true;
    m_settings->setValue(kLanguageKey, language);
    m_settings->sync();
    emit languageChanged();
    return true;
}

QString AppSettings::networkMode() const {
    const QString stored = m_settings->value(kNetworkModeKey).toString();
    return stored == QLatin1String("local") || stored == QLatin1String("custom") ? stored : QString();
}

bool AppSettings::setLocalNetwork() {
    if (networkMode() == QLatin1String("local")) return true;
    m_settings->setValue(kNetworkModeKey, QStringLiteral("local"));
    m_settings->sync();
    emit networkChanged();
    return true;
}

bool AppSettings::setCustomNetwork(const QString& l1RpcUrl, const QString& l2RpcUrl, const QString& rollup,
                                   bool allowInsecure) {
    for (const QString& url : {l1RpcUrl, l2RpcUrl}) {
        const QString problem = rpcUrlProblem(url);
        if (!problem.isEmpty()) {
            emit error(problem);
            return false;
        }
    }
    const QString address = rollup.trimmed();
    static const QRegularExpression hexAddress(QStringLiteral("^0x[0-9a-fA-F]{40}$"));
    if (!hexAddress.match(address).hasMatch()) {
        emit error(tr("The rollup contract address must be 0x followed by 40 hexadecimal digits."));
        return false;
    }
    const bool l1Changed = l1RpcUrl.trimmed() != this->l1RpcUrl();
    m_settings->setValue(kL1RpcUrlKey, l1RpcUrl.trimmed());
    m_settings->setValue(kL2RpcUrlKey, l2RpcUrl.trimmed());
    m_settings->setValue(kRollupKey, address);
    m_settings->setValue(kAllowInsecureKey, allowInsecure);
    m_settings->setValue(kNetworkModeKey, QStringLiteral("custom"));
    m_settings->sync();
    if (l1Changed) emit l1RpcUrlChanged();
    emit networkChanged();
    return true;
}

QString AppSettings::l2RpcUrl() const { return m_settings->value(kL2RpcUrlKey).toString(); }

QString AppSettings::rollupAddress() const { return m_settings->value(kRollupKey).toString(); }

bool AppSettings::allowInsecureEndpoints() const { return m_settings->value(kAllowInsecureKey, false).toBool(); }

QStringList AppSettings::supportedThemes() {
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QString AppSettings::theme() const {
    const QString stored = m_settings->value(kThemeKey).toString();
    return supportedThemes().contains(stored) ? stored : QStringLiteral("system");
}

bool AppSettings::setTheme(const QString& theme) {
    if (!supportedThemes().contains(theme)) {
        emit error(tr("Unsupported theme \"%1\"; choose one of: %2.")
                       .arg(theme, supportedThemes().join(QStringLiteral(", "))));
        return false;
    }
    if (theme == this->theme()) return true;
    m_settings->setValue(kThemeKey, theme);
    m_settings->sync();
    emit themeChanged();
    return true;
}

int AppSettings::autoLockMinutes() const {
    bool ok = false;
    const int stored = m_settings->value(kAutoLockKey).toInt(&ok);
    return ok && stored >= 0 && stored <= 1440 ? stored : 5;
}

bool AppSettings::setAutoLockMinutes(int minutes) {
    if (minutes < 0 || minutes > 1440) {
        emit error(tr("Auto-lock must be between 1 and 1440 minutes, or 0 for never."));
        return false;
    }
    if (minutes == autoLockMinutes()) return true;
    m_settings->setValue(kAutoLockKey, minutes);
    m_settings->sync();
    emit autoLockMinutesChanged();
    return true;
}

}  // namespace sluice
