// SPDX-License-Identifier: MIT
#include "appcontext.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlEngine>
#include <QTranslator>

#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "services/wallet/appsettings.h"
#include "services/wallet/walletstore.h"

namespace {
AppOptions g_options;
AppContext* g_instance = nullptr;
}  // namespace

void AppContext::configure(const AppOptions& options) {
    Q_ASSERT(!g_instance);
    g_options = options;
}

AppContext* AppContext::instance() {
    if (!g_instance) g_instance = new AppContext(g_options, QCoreApplication::instance());
    return g_instance;
}

AppContext* AppContext::existing() { return g_instance; }

AppContext* AppContext::create(QQmlEngine* qmlEngine, QJSEngine*) {
    AppContext* context = instance();
    // C++ owns the instance; the engine must not delete it when it goes away.
    QQmlEngine::setObjectOwnership(context, QQmlEngine::CppOwnership);
    if (qmlEngine) {
        connect(context, &AppContext::languageChanged, qmlEngine, &QQmlEngine::retranslate);
    }
    return context;
}

void AppContext::shutdown() {
    delete g_instance;
    g_instance = nullptr;
}

AppContext::AppContext(const AppOptions& options, QObject* parent) : QObject(parent), m_options(options) {
    const auto kdf =
        (options.fastKdf || options.devFixture) ? sluice::WalletKdf::fastForTests() : sluice::WalletKdf::standard();
    m_store = std::make_unique<sluice::WalletStore>(options.dataDir, kdf);
    m_settings = std::make_unique<sluice::AppSettings>(options.dataDir);
    m_l1 = new ChainStore(ChainStore::Layer::L1, this);
    m_l2 = new ChainStore(ChainStore::Layer::L2, this);
    m_verification = new VerificationStore(this);
    m_channels = new WalletChannels(this);
    connect(m_channels, &WalletChannels::loadingChanged, this, &AppContext::idleChanged);
    m_accounts = new AccountsModel(m_store.get(), m_l1, this);
    m_activity = new ActivityJournal(this);
    m_bridge = new BridgeStore(m_activity, this);

    connect(m_store.get(), &sluice::WalletStore::existsChanged, this, &AppContext::stateChanged);
    connect(m_store.get(), &sluice::WalletStore::unlockedChanged, this, &AppContext::stateChanged);
    connect(m_store.get(), &sluice::WalletStore::busyChanged, this, &AppContext::onStoreBusyChanged);
    connect(m_store.get(), &sluice::WalletStore::existsChanged, this, &AppContext::devFixtureWalletChanged);
    connect(m_store.get(), &sluice::WalletStore::accountsChanged, this, &AppContext::devFixtureWalletChanged);
    connect(m_store.get(), &sluice::WalletStore::busyChanged, this, &AppContext::idleChanged);
    connect(m_store.get(), &sluice::WalletStore::accountsChanged, this, &AppContext::trackAccounts);
    for (ChainStore* chain : {m_l1, m_l2}) connect(chain, &ChainStore::balancesChanged, this, &AppContext::idleChanged);

    if (options.devFixture) m_fixture = FixtureStep::Creating;
    trackAccounts();

    // Plain http to another host only with the consent saved with the custom endpoints.
    if (const QString url = l1RpcUrl(); !url.isEmpty())
        m_l1->connectTo(QUrl(url), QUrl(), m_settings->allowInsecureEndpoints());

    m_translator = new QTranslator(this);
    m_qtTranslator = new QTranslator(this);
    const QString language = options.language.isEmpty() ? m_settings->language() : options.language;
    setLanguage(language, false);

    onStoreBusyChanged();
}

AppContext::~AppContext() {
    // What uses the layer stores (the session and its services) goes before them; the wallet
    // store's destructor then waits for its worker, which nothing else may still call into.
    const QObjectList children = this->children();
    for (QObject* child : children)
        if (child != m_l1 && child != m_l2 && child != m_verification && child != m_accounts && child != m_activity &&
            child != m_channels && child != m_bridge)
            delete child;
    delete m_channels;  // after the session that detaches it, before the layer store whose client it uses
    m_channels = nullptr;
    delete m_bridge;  // before the journal it records into
    m_bridge = nullptr;
    delete m_activity;
    delete m_l1;
    delete m_l2;
    delete m_accounts;
    delete m_verification;
    m_l1 = m_l2 = nullptr;
    m_verification = nullptr;
    m_accounts = nullptr;
    m_activity = nullptr;
}

void AppContext::trackAccounts() {
    QList<sluice::Address> accounts;
    for (const sluice::WalletAccount& account : m_store->accounts())
        if (auto address = sluice::parse_address(account.address.toStdString())) accounts.append(address.value());
    m_l1->setAccounts(accounts);
    m_l2->setAccounts(accounts);
}

bool AppContext::walletExists() const { return m_store->exists(); }
bool AppContext::unlocked() const { return m_store->isUnlocked(); }
bool AppContext::devFixtureWallet() const { return m_store->exists() && m_store->isDevFixture(); }
QString AppContext::loadError() const { return m_store->loadError(); }

QString AppContext::l1RpcUrl() const {
    if (!m_options.l1RpcUrl.isEmpty()) return m_options.l1RpcUrl;
    return m_settings->networkMode() == QLatin1String("custom") ? m_settings->l1RpcUrl() : QString();
}

QString AppContext::version() const { return QCoreApplication::applicationVersion(); }

void AppContext::beginWork() {
    ++m_work;
    if (m_work == 1) emit idleChanged();
}

void AppContext::endWork() {
    if (m_work == 0) return;
    --m_work;
    if (m_work == 0) emit idleChanged();
}

bool AppContext::idle() const {
    return m_ready && m_work == 0 && !m_store->isBusy() && !(m_channels && m_channels->loading()) &&
           (m_fixture == FixtureStep::Off || m_fixture == FixtureStep::Done) &&
           m_l1->state() != ChainStore::State::Connecting && !m_l1->balancesLoading() && !m_l2->balancesLoading();
}

void AppContext::onStoreBusyChanged() {
    if (m_store->isBusy()) return;
    if (!m_ready) {
        m_ready = true;
        emit stateChanged();
    }
    advanceDevFixture();
}

// Runs each time the store goes idle: create the fixture wallet, give it three accounts, then
// leave it locked or unlocked as the requested page needs.
void AppContext::advanceDevFixture() {
    const auto needed = 3;
    switch (m_fixture) {
    case FixtureStep::Off:
    case FixtureStep::Done: return;
    case FixtureStep::Creating:
        m_fixture = FixtureStep::AddingAccounts;
        if (!m_store->exists()) {
            m_store->createFromMnemonic(QString::fromLatin1(sluice::WalletStore::kDevMnemonic), QString(),
                                        QString::fromLatin1(kDevPassword));
            return;
        }
        if (!m_store->isUnlocked()) {
            m_store->unlock(QString::fromLatin1(kDevPassword));
            return;
        }
        [[fallthrough]];
    case FixtureStep::AddingAccounts:
        if (m_store->isUnlocked() && m_store->kind() == sluice::WalletStore::Kind::Mnemonic &&
            m_store->accounts().size() < needed) {
            m_store->addAccount();
            return;
        }
        m_fixture = FixtureStep::Unlocking;
        [[fallthrough]];
    case FixtureStep::Unlocking:
        m_fixture = FixtureStep::Done;
        if (!m_options.autoUnlock && m_store->isUnlocked()) m_store->lock();
        emit stateChanged();
        emit idleChanged();
        return;
    }
}

void AppContext::copyToClipboard(const QString& text) {
    if (auto* clipboard = QGuiApplication::clipboard()) clipboard->setText(text);
}

void AppContext::lock() { m_store->lock(); }

QString AppContext::shortHash(const QString& value) { return ::shortHash(value); }

QString AppContext::displayAmount(const QString& exactEther, const QString& language) {
    return ::displayAmount(exactEther, language == QLatin1String("system") ? QLocale::system() : QLocale(language));
}

QString AppContext::theme() const { return m_options.theme.isEmpty() ? m_settings->theme() : m_options.theme; }

bool AppContext::setLanguage(const QString& language, bool persist) {
    if (!sluice::AppSettings::supportedLanguages().contains(language)) return false;
    if (persist && !m_settings->setLanguage(language)) return false;
    applyTranslator(language);
    m_language = language;
    emit languageChanged();
    return true;
}

bool AppContext::loadCatalogue(QTranslator* translator, const QLocale& locale) {
    // English is the source language; its catalogue only holds the plural forms ("%n minute(s)"
    // reads "1 minute", "5 minutes"). Any other language without a catalogue (a system set to
    // French, or to no language at all: "C") reads English, plurals included.
    return translator->load(locale, QStringLiteral("sluice"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
           translator->load(QStringLiteral("sluice_en"), QStringLiteral(":/i18n"));
}

void AppContext::applyTranslator(const QString& language) {
    QCoreApplication::removeTranslator(m_translator);
    QCoreApplication::removeTranslator(m_qtTranslator);
    const QLocale locale = language == QLatin1String("system") ? QLocale::system() : QLocale(language);
    // Numbers formatted in C++ (notifications, gas counts) follow the UI language too.
    QLocale::setDefault(locale);
    if (loadCatalogue(m_translator, locale)) QCoreApplication::installTranslator(m_translator);
    if (locale.language() == QLocale::English) return;
    // Qt's own strings (file dialog, context menus).
    if (m_qtTranslator->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qtTranslator);
}
