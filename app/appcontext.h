// SPDX-License-Identifier: MIT
#pragma once
// AppContext: the one object that owns the wallet store, the settings and the app's connection to
// each layer (ChainStore), and the things only C++ can do for QML (clipboard, switching the
// language live).
// Configured from the command line (or a test's setup) before the first QML engine uses it.

#include <QtQml/qqml.h>
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

#include "accounts/accountsmodel.h"
#include "activity/activitymodel.h"
#include "stores/bridgestore.h"
#include "stores/chainstore.h"
#include "stores/verificationstore.h"
#include "stores/walletchannels.h"

class QQmlEngine;
class QJSEngine;
class QLocale;
class QTranslator;

#include "services/wallet/appsettings.h"
#include "services/wallet/walletstore.h"

// The wallet store and the settings as QML sees them: the inputs controllers require.
struct WalletStoreForeign {
    Q_GADGET
    QML_FOREIGN(sluice::WalletStore)
    QML_NAMED_ELEMENT(WalletStore)
    QML_UNCREATABLE("Owned by AppContext")
};
struct AppSettingsForeign {
    Q_GADGET
    QML_FOREIGN(sluice::AppSettings)
    QML_NAMED_ELEMENT(AppSettings)
    QML_UNCREATABLE("Owned by AppContext")
};

struct AppOptions {
    QString dataDir;          // empty: the platform default
    QString l1RpcUrl;         // empty: the saved setting; otherwise used for this run only
    QString language;         // empty: the saved setting; otherwise used for this run only
    QString initialPage;      // screenshot mode: the page to show first
    bool fastKdf = false;     // cheap scrypt: tests and the dev fixture, never real wallets
    bool devFixture = false;  // create a wallet from the well-known test mnemonic if none exists
    bool autoUnlock = false;  // dev fixture only: unlock it with the fixture password
    QString theme;            // empty: the saved setting; otherwise "light"/"dark"/"system" for this run
};

class AppContext : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    Q_PROPERTY(bool walletExists READ walletExists NOTIFY stateChanged)
    Q_PROPERTY(bool unlocked READ unlocked NOTIFY stateChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY stateChanged)
    Q_PROPERTY(QString initialPage READ initialPage CONSTANT)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    // The stores: handed to the controllers and models that use them (required properties).
    Q_PROPERTY(sluice::WalletStore* wallet READ store CONSTANT)
    Q_PROPERTY(sluice::AppSettings* settings READ settings CONSTANT)
    Q_PROPERTY(ChainStore* l1 READ l1 CONSTANT)
    Q_PROPERTY(ChainStore* l2 READ l2 CONSTANT)
    Q_PROPERTY(VerificationStore* verification READ verification CONSTANT)
    Q_PROPERTY(WalletChannels* channels READ channels CONSTANT)
    // The bridge of the session's network (WalletSession attaches it): deposits and withdrawals.
    Q_PROPERTY(BridgeStore* bridge READ bridge CONSTANT)
    // The activity history of the session's network (WalletSession opens and closes it).
    Q_PROPERTY(ActivityJournal* activity READ activity CONSTANT)
    // The wallet's accounts with their L1 balances: the accounts page and every picker.
    Q_PROPERTY(AccountsModel* accounts READ accounts CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    // "light", "dark" or "system": the --theme override, else the saved setting. Theme.qml binds to it.
    Q_PROPERTY(QString theme READ theme NOTIFY themeChanged)
    // The wallet is the dev fixture (public test keys, WalletStore::isDevFixture): the pages say
    // so, and WalletSession keeps it off every network but the local devnet.
    Q_PROPERTY(bool devFixtureWallet READ devFixtureWallet NOTIFY devFixtureWalletChanged)

public:
    // The dev fixture wallet is made from WalletStore::kDevMnemonic (public) with this password.
    static constexpr const char* kDevPassword = "sluice-dev-fixture";

    // Must run before instance() is first called (main(), or a QuickTest's setup).
    static void configure(const AppOptions& options);
    static AppContext* instance();
    // The instance if there is one (never creates it): for destructors running at shutdown.
    static AppContext* existing();
    // QML's singleton factory: hands out the C++-owned instance.
    static AppContext* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    // Destroys the instance (tests, and before QCoreApplication goes away).
    static void shutdown();

    ~AppContext() override;

    sluice::WalletStore* store() const { return m_store.get(); }
    sluice::AppSettings* settings() const { return m_settings.get(); }
    // L1 follows --l1-rpc or the custom network's L1 until the session connects to its network
    // (WalletSession retargets it); L2 is the session's L2 while it is connected.
    ChainStore* l1() const { return m_l1; }
    ChainStore* l2() const { return m_l2; }
    // What this wallet's own verifier found on the session's network.
    VerificationStore* verification() const { return m_verification; }
    WalletChannels* channels() const { return m_channels; }
    BridgeStore* bridge() const { return m_bridge; }
    AccountsModel* accounts() const { return m_accounts; }
    ActivityJournal* activity() const { return m_activity; }
    const AppOptions& options() const { return m_options; }

    bool ready() const { return m_ready; }

    // Loads the app's catalogue for `locale` into `translator`: the locale's own, else English.
    static bool loadCatalogue(QTranslator* translator, const QLocale& locale);
    bool walletExists() const;
    bool unlocked() const;
    QString loadError() const;
    QString initialPage() const { return m_options.initialPage; }
    QString language() const { return m_language; }
    // The L1 the app reads before a session connects: --l1-rpc for this run, else the custom
    // network's L1; empty on the local network, whose L1 is only known once the stack is up.
    QString l1RpcUrl() const;
    QString version() const;
    QString theme() const;
    bool devFixtureWallet() const;

    // Work the screenshot mode waits for (balances in flight, the channels loading); counted, not timed.
    void beginWork();
    void endWork();
    bool idle() const;

    Q_INVOKABLE static void copyToClipboard(const QString& text);
    // An exact ether amount as the pages show it in `language` (amounttext.h): grouped, at most 6
    // decimals, cut digits marked. QML passes AppContext.language, so its bindings re-run when the
    // language changes. The exact value stays for tooltips and copying.
    Q_INVOKABLE static QString displayAmount(const QString& exactEther, const QString& language);
    // A hash or address shortened in the middle (amounttext.h: shortHash).
    Q_INVOKABLE static QString shortHash(const QString& value);
    Q_INVOKABLE void lock();
    // "en", "de" or "system"; installs the translation and re-evaluates every qsTr binding.
    // persist = false for the --lang override.
    Q_INVOKABLE bool setLanguage(const QString& language, bool persist = true);

signals:
    void stateChanged();
    void languageChanged();
    void idleChanged();
    void themeChanged();
    void devFixtureWalletChanged();

private:
    explicit AppContext(const AppOptions& options, QObject* parent = nullptr);
    void onStoreBusyChanged();
    void advanceDevFixture();
    void applyTranslator(const QString& language);
    void trackAccounts();

    AppOptions m_options;
    std::unique_ptr<sluice::WalletStore> m_store;
    std::unique_ptr<sluice::AppSettings> m_settings;
    ChainStore* m_l1 = nullptr;
    ChainStore* m_l2 = nullptr;
    VerificationStore* m_verification = nullptr;
    WalletChannels* m_channels = nullptr;
    BridgeStore* m_bridge = nullptr;
    AccountsModel* m_accounts = nullptr;
    ActivityJournal* m_activity = nullptr;
    QTranslator* m_translator = nullptr;
    QTranslator* m_qtTranslator = nullptr;
    QString m_language;
    bool m_ready = false;
    int m_work = 0;
    enum class FixtureStep { Off, Creating, AddingAccounts, Unlocking, Done };
    FixtureStep m_fixture = FixtureStep::Off;
};
