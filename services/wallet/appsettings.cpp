// SPDX-License-Identifier: MIT
#include "services/wallet/appsettings.h"

#include <QDir>
#include <QSettings>
#include <QUrl>

namespace sluice {

namespace {

const QString kL1RpcUrlKey = QStringLiteral("network/l1RpcUrl");
const QString kLanguageKey = QStringLiteral("ui/language");

}  // namespace

AppSettings::AppSettings(const QString& dataDir, QObject* parent) : QObject(parent) {
    if (dataDir.isEmpty())
        m_settings = std::make_unique<QSettings>();
    else
        m_settings = std::make_unique<QSettings>(QDir(dataDir).filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
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

}  // namespace sluice
