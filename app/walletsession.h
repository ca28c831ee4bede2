// SPDX-License-Identifier: MIT
#pragma once
// WalletSession: the live connection of the unlocked wallet to its network. Once the wallet is
// unlocked and the network is known (the bundled local stack, brought up by itself on first run,
// or custom endpoints that passed checkNetwork), it points the app's layer stores (ChainStore) at
// the network, creates the L2 client, the Rollup contract view, the BridgeService tracking every
// wallet account and the WalletVerifier, and tears them down on lock or network change.
//
// Outputs for QML: heads, the latest batch, the protocol numbers read from the contract (never
// hard-coded) and a 1 s clock (`now`) that countdowns bind to. What the wallet's own verifier
// finds is the VerificationStore's, to which the session attaches its verifier. Controllers and models in app/ reach the services through the C++ getters.

#include <QtQml/qqml.h>
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <set>

#include "services/bridge/deployment.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/bridge/network_config.hpp"
#include "services/bridge/wallet_verifier.hpp"
#include "services/localstack/local_stack.hpp"
#include "services/rollup/rollup_reader.hpp"
#include "stores/walletchannels.h"

class QQmlEngine;
class QJSEngine;

namespace sluice {
class RpcClient;
class EthClient;
class L2Client;
class RollupContract;
class BridgeService;
class WalletVerifier;
class TransactionSender;
struct AccountSigner;
struct WithdrawalRecord;
struct DepositRecord;
}  // namespace sluice

// LocalStack and its log model as QML sees them (properties, enums), created only in C++.
struct LocalStackForeign {
    Q_GADGET
    QML_FOREIGN(sluice::LocalStack)
    QML_NAMED_ELEMENT(LocalStack)
    QML_UNCREATABLE("Owned by WalletSession")
};
struct LogModelForeign {
    Q_GADGET
    QML_FOREIGN(sluice::LogModel)
    QML_NAMED_ELEMENT(LogModel)
    QML_UNCREATABLE("Owned by LocalStack")
};

class AppContext;
class InactivityTracker;
class DevFunding;

struct SessionOptions {
    // Start the bundled local stack when the network is "local" (the app; not screenshots/tests).
    bool autoStartLocalStack = false;
    // Use the devnet already running in this directory instead of supervising one (--devnet-dir).
    QString devnetDir;
};

class WalletSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool ready READ isReady NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY stateChanged)
    Q_PROPERTY(QString networkMode READ networkMode NOTIFY networkChanged)  // "local" or "custom"
    Q_PROPERTY(QString networkSource READ networkSource NOTIFY networkChanged)
    Q_PROPERTY(sluice::LocalStack* localStack READ localStack CONSTANT)
    Q_PROPERTY(QString l1RpcUrl READ l1RpcUrl NOTIFY networkChanged)
    Q_PROPERTY(QString l2RpcUrl READ l2RpcUrl NOTIFY networkChanged)
    Q_PROPERTY(QString rollupAddress READ rollupAddress NOTIFY networkChanged)
    Q_PROPERTY(QString l1ChainId READ l1ChainId NOTIFY networkChanged)  // decimal
    Q_PROPERTY(QString l2ChainId READ l2ChainId NOTIFY networkChanged)
    Q_PROPERTY(QString challengePeriod READ challengePeriodText NOTIFY networkChanged)  // "1m 0s"
    Q_PROPERTY(qint64 challengePeriodSeconds READ challengePeriodSeconds NOTIFY networkChanged)
    Q_PROPERTY(QString requiredBond READ requiredBond NOTIFY networkChanged)  // "1 ETH"
    Q_PROPERTY(QString l2BaseFee READ l2BaseFee NOTIFY networkChanged)        // "1 gwei"
    Q_PROPERTY(QString l1Head READ l1Head NOTIFY headsChanged)                // decimal, "" until known
    Q_PROPERTY(QString l2Head READ l2Head NOTIFY headsChanged)
    Q_PROPERTY(QString latestBatch READ latestBatch NOTIFY headsChanged)  // "" when none yet
    Q_PROPERTY(qint64 now READ now NOTIFY nowChanged)                     // unix seconds, ticks each second
    // The local devnet funds wallet accounts on L1 from one of its dev accounts (one click).
    Q_PROPERTY(DevFunding* devFunding READ devFunding CONSTANT)

public:
    enum class State { Idle, StartingLocal, Checking, Connecting, Ready, Failed };
    Q_ENUM(State)

    // Before the first instance() (main, tests).
    static void configure(const SessionOptions& options);
    static WalletSession* instance();  // created on first use, child of AppContext
    static WalletSession* existing();
    static WalletSession* create(QQmlEngine*, QJSEngine*);
    ~WalletSession() override;

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QString statusText() const;
    QString problem() const { return m_problem; }
    QString networkMode() const;
    QString networkSource() const;
    sluice::LocalStack* localStack() const { return m_localStack; }
    QString l1RpcUrl() const;
    QString l2RpcUrl() const;
    QString rollupAddress() const;
    QString l1ChainId() const;
    QString l2ChainId() const;
    QString challengePeriodText() const;
    qint64 challengePeriodSeconds() const;
    QString requiredBond() const;
    QString l2BaseFee() const;
    QString l1Head() const;
    QString l2Head() const;
    QString latestBatch() const { return m_latestBatch ? QString::number(*m_latestBatch) : QString(); }
    qint64 now() const { return m_now; }
    DevFunding* devFunding() const { return m_devFunding; }

    // The services while Ready (null otherwise). Owned by the session; gone after sessionEnded().
    sluice::EthClient* l1() const;
    sluice::EthClient* l2Eth() const;
    sluice::L2Client* l2() const { return m_l2; }
    sluice::RollupContract* rollup() const { return m_rollup; }
    sluice::WalletVerifier* verifier() const { return m_verifier; }
    const sluice::RollupParameters& params() const { return m_params; }
    std::optional<sluice::NetworkConfig> network() const { return m_network; }
    // A signer for wallet account `index` (the BIP-44 index); fails when locked, and for the dev
    // fixture wallet unless the session runs on the local devnet.
    std::optional<sluice::AccountSigner> signer(int accountIndex) const;
    // Why the wallet may not use `config` (L1 chain `l1ChainId`): the dev fixture wallet's keys
    // are public, so it is refused on every network but the local devnet (isLocalDevnet). Empty
    // when it may.
    QString devFixtureProblem(const sluice::NetworkConfig& config, quint64 l1ChainId) const;
    // Custom or local: where the chain's "now" is judged (bridge's L1 time, else local clock).
    qint64 chainNow() const;

    // Network selection. Each persists the choice in AppSettings.
    Q_INVOKABLE void useLocalNetwork();
    // Checks the endpoints first (checkNetwork); networkCheckFinished(ok, message) reports.
    // `allowInsecure`: the user allowed plain http/ws to hosts other than this computer
    // (checkEndpointTransport); saved with the endpoints.
    Q_INVOKABLE void useCustomNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup,
                                      bool allowInsecure = false);
    Q_INVOKABLE void startLocalStack();
    Q_INVOKABLE void stopLocalStack();
    Q_INVOKABLE void resetLocalStack();
    // Re-reads balances, bridge records and batches now (after an error, or a manual refresh).
    Q_INVOKABLE void refresh();

signals:
    void stateChanged();
    void networkChanged();
    void headsChanged();
    void l1NewHead(quint64 number);
    void l2NewHead(quint64 number);
    void nowChanged();
    void sessionStarted();  // services exist (Ready)
    void sessionEnded();    // services about to be deleted: drop pointers
    void networkCheckFinished(bool ok, const QString& message);
    // Raw feed for the models: a batch the node announced. (The verifier's verdicts: VerificationStore.)
    void batchNotified(const sluice::L2Batch& batch);

private:
    // Tests (tests/app) connect to an already-checked network without the local stack or
    // settings through this, and nothing else does.
    friend struct WalletSessionTestAccess;
    void connectTo(const sluice::NetworkConfig& config, const sluice::RollupParameters& params);

    // `app` owns the session and the stores it drives (the layers, verification, activity).
    explicit WalletSession(AppContext* app);
    void setState(State state, const QString& problem = {});
    void evaluate();   // (re)decide what to do from lock state and settings
    void reconnect();  // the chosen network changed: drop the old one's services, evaluate
    void teardown();
    void startServices(const sluice::NetworkConfig& config, const sluice::RollupParameters& params);
    void openHistory();
    void attachChannels();
    void trackAccounts();
    QList<sluice::Address> walletAddresses() const;
    void onL2Notification(const QString& name, const QJsonValue& payload);
    void journalChannel(const WalletChannels::Event& event);
    void scanBlock(const QString& layer, sluice::RpcClient* rpc, quint64 number);
    // Points the app's L1 store at `config`'s L1 (reconnecting only if it is elsewhere).
    void followL1(const sluice::NetworkConfig& config);
    // While locked: the L1 of the chosen network as far as it is known without asking it (the
    // local network's only once its stack is up), so the status bar shows the network chosen.
    void followChosenL1();

    AppContext* const m_app;
    State m_state = State::Idle;
    QString m_problem;
    sluice::LocalStack* m_localStack = nullptr;
    std::optional<sluice::NetworkConfig> m_network;
    std::optional<sluice::Deployment> m_deployment;  // the chain's identity, once L1 has told it (openHistory)
    bool m_identifying = false;
    bool m_onSupervisedStack = false;  // the services run on m_localStack (its stop ends them)
    sluice::RollupParameters m_params;
    bool m_haveParams = false;
    quint64 m_checkGeneration = 0;

    // Services (children of m_services, deleted together).
    QObject* m_services = nullptr;
    sluice::L2Client* m_l2 = nullptr;
    sluice::RollupContract* m_rollup = nullptr;
    sluice::BridgeService* m_bridge = nullptr;
    sluice::WalletVerifier* m_verifier = nullptr;
    std::set<sluice::Address> m_channelFeeds;  // accounts whose channel news m_l2 is subscribed to

    std::optional<quint64> m_latestBatch;
    InactivityTracker* m_inactivity = nullptr;
    DevFunding* m_devFunding = nullptr;
    QTimer m_clock;
    qint64 m_now = 0;
};
