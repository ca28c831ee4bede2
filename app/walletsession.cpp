// SPDX-License-Identifier: MIT
#include "walletsession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlEngine>

#include "activity/activitymodel.h"
#include "appcontext.h"
#include "bridge/transfersmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "core/rollup/params.hpp"
#include "desktop/inactivitytracker.h"
#include "desktop/systemlockwatcher.h"
#include "dev/devtools.h"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/bridge/rollup_contract.hpp"
#include "services/bridge/wallet_verifier.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/heads_subscription.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/appsettings.h"
#include "services/wallet/walletstore.h"

using namespace sluice;

namespace {
QPointer<WalletSession> g_session;
SessionOptions g_options;

// Kept per chain, like the bridge history (BridgeService::storePathFor).
QString activityJournalPath(const QString& dataDir, const Deployment& deployment) {
    return QDir(dataDir).filePath(QStringLiteral("activity-%1.json").arg(deployment.key()));
}
}  // namespace

void WalletSession::configure(const SessionOptions& options) { g_options = options; }

WalletSession* WalletSession::instance() {
    if (!g_session) g_session = new WalletSession(AppContext::instance());
    return g_session;
}

WalletSession* WalletSession::existing() { return g_session; }

WalletSession* WalletSession::create(QQmlEngine*, QJSEngine*) {
    auto* session = instance();
    QQmlEngine::setObjectOwnership(session, QQmlEngine::CppOwnership);
    return session;
}

WalletSession::WalletSession(AppContext* app) : QObject(app), m_app(app) {
    auto* context = app;
    const QString devnetDir = g_options.devnetDir.isEmpty()
                                  ? QDir(context->store()->dataDir()).filePath(QStringLiteral("devnet"))
                                  : g_options.devnetDir;
    m_localStack = new LocalStack(devnetDir, this);
    connect(m_localStack, &LocalStack::ready, this, [this](const NetworkConfig&) {
        if (!m_app->unlocked()) followChosenL1();
        evaluate();
    });
    connect(m_localStack, &LocalStack::stateChanged, this, [this] {
        if (networkMode() != QLatin1String("local")) return;
        if (m_localStack->state() == LocalStack::State::Failed)
            setState(State::Failed, m_localStack->problem());
        else if (m_localStack->state() != LocalStack::State::Running && m_services && m_onSupervisedStack) {
            teardown();
            setState(State::Idle);
        }
        emit stateChanged();
    });
    connect(m_localStack, &LocalStack::progressChanged, this, &WalletSession::stateChanged);

    // The services use the L1 store's client: if it is ever pointed elsewhere, they go (at once,
    // before the client does), and the session connects to its network again.
    connect(context->l1(), &ChainStore::aboutToDisconnect, this, [this] {
        if (!m_services) return;
        teardown();
        setState(State::Idle);
        QMetaObject::invokeMethod(this, &WalletSession::evaluate, Qt::QueuedConnection);
    });

    auto* store = context->store();
    connect(store, &WalletStore::unlockedChanged, this, &WalletSession::evaluate);
    connect(store, &WalletStore::accountsChanged, this, &WalletSession::trackAccounts);
    connect(context->settings(), &AppSettings::networkChanged, this, &WalletSession::reconnect);

    m_now = QDateTime::currentSecsSinceEpoch();
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        m_now = chainNow();
        emit nowChanged();
        m_app->channels()->setNow(m_now);
    });
    connect(context->channels(), &WalletChannels::happened, this, &WalletSession::journalChannel);
    m_clock.start();
    m_devFunding = new DevFunding(this);

    // Auto-lock after the configured minutes without input.
    m_inactivity = new InactivityTracker(this);
    auto applyAutoLock = [this] {
        const int minutes = m_app->settings()->autoLockMinutes();
        m_inactivity->setTimeout(m_app->unlocked() ? minutes * 60 * 1000 : 0);
    };
    connect(context->settings(), &AppSettings::autoLockMinutesChanged, this, applyAutoLock);
    connect(store, &WalletStore::unlockedChanged, this, applyAutoLock);
    connect(m_inactivity, &InactivityTracker::idle, this, [this] {
        if (m_app->unlocked()) m_app->lock();
    });
    applyAutoLock();
    // ... and at once when the computer goes to sleep or the screen is locked, whatever the timeout.
    auto* systemLock = new SystemLockWatcher(QDBusConnection::systemBus(), QDBusConnection::sessionBus(), this);
    connect(systemLock, &SystemLockWatcher::lockRequested, this, [this] {
        if (m_app->unlocked()) m_app->lock();
    });

    evaluate();
}

WalletSession::~WalletSession() {
    teardown();
    // The local stack's destructor stops the node (waits a few seconds at most).
}

QString WalletSession::networkMode() const {
    const QString mode = m_app->settings()->networkMode();
    return mode.isEmpty() ? QStringLiteral("local") : mode;
}

QString WalletSession::networkSource() const { return m_network ? m_network->source : QString(); }
QString WalletSession::l1RpcUrl() const { return m_network ? m_network->l1Rpc.toString() : QString(); }
QString WalletSession::l2RpcUrl() const { return m_network ? m_network->l2Rpc.toString() : QString(); }
QString WalletSession::rollupAddress() const {
    return m_network ? QString::fromStdString(to_checksum_address(m_network->rollup)) : QString();
}
QString WalletSession::l1ChainId() const { return m_haveParams ? QString::number(m_params.l1ChainId) : QString(); }
QString WalletSession::l2ChainId() const {
    return m_haveParams ? QString::fromStdString(u256_to_dec(m_params.l2ChainId)) : QString();
}
QString WalletSession::challengePeriodText() const {
    return m_haveParams ? TransfersModel::countdown(qint64(m_params.challengePeriod)) : QString();
}
qint64 WalletSession::challengePeriodSeconds() const { return m_haveParams ? qint64(m_params.challengePeriod) : 0; }
QString WalletSession::requiredBond() const {
    return m_haveParams ? exactEther(m_params.requiredBond) + QStringLiteral(" ETH") : QString();
}
QString WalletSession::l2BaseFee() const {
    return m_haveParams
               ? QString::fromStdString(format_amount(m_params.l2BaseFee, Unit::gwei)) + QStringLiteral(" gwei")
               : QString();
}

QString WalletSession::statusText() const {
    switch (m_state) {
    case State::Idle: return m_app->unlocked() ? tr("Not connected") : tr("Locked");
    case State::StartingLocal:
        return m_localStack->progress().isEmpty() ? tr("Starting the local network…") : m_localStack->progress();
    case State::Checking: return tr("Checking the network…");
    case State::Connecting: return tr("Connecting…");
    case State::Ready: return tr("Connected");
    case State::Failed: return m_problem;
    }
    return {};
}

EthClient* WalletSession::l1() const { return m_services ? m_app->l1()->eth() : nullptr; }
EthClient* WalletSession::l2Eth() const { return m_l2 ? m_l2->eth() : nullptr; }

// The heads of the session's network, as its layer stores know them ("" until known).
QString WalletSession::l1Head() const { return m_services ? m_app->l1()->blockNumber() : QString(); }
QString WalletSession::l2Head() const { return m_services ? m_app->l2()->blockNumber() : QString(); }

void WalletSession::followL1(const NetworkConfig& config) {
    ChainStore* l1 = m_app->l1();
    // Allowed as the session's own L1: custom endpoints passed explicitNetwork's transport rule, a
    // devnet manifest names the devnet's own endpoints.
    if (l1->rpcUrl() != config.l1Rpc.toString() || l1->state() == ChainStore::State::Disconnected)
        l1->connectTo(config.l1Rpc, config.l1Ws, true);
}

void WalletSession::followChosenL1() {
    auto* context = m_app;
    if (!context->options().l1RpcUrl.isEmpty()) return;  // --l1-rpc: this run's L1 until a session connects
    std::optional<NetworkConfig> config;
    if (networkMode() == QLatin1String("custom")) {
        auto* settings = context->settings();
        if (auto custom = explicitNetwork(settings->l1RpcUrl(), settings->l2RpcUrl(), settings->rollupAddress(),
                                          settings->allowInsecureEndpoints()))
            config = custom.value();
    } else if (!g_options.devnetDir.isEmpty()) {
        if (auto manifest = loadDevnetManifest(devnetManifestPath(g_options.devnetDir))) config = manifest.value();
    } else if (m_localStack->isRunning()) {
        config = m_localStack->network();
    }
    if (config) followL1(*config);
}

std::optional<AccountSigner> WalletSession::signer(int accountIndex) const {
    // The connect-time refusal (devFixtureProblem) keeps the dev fixture off other networks; this
    // makes sure its public keys never sign for one even if a path around it is ever added.
    if (m_app->store()->isDevFixture() &&
        !(m_services && m_haveParams && m_network && isLocalDevnet(*m_network, m_params.l1ChainId)))
        return std::nullopt;
    return m_app->store()->signer(accountIndex);
}

QString WalletSession::devFixtureProblem(const NetworkConfig& config, quint64 l1ChainId) const {
    if (!m_app->store()->isDevFixture() || isLocalDevnet(config, l1ChainId)) return {};
    //: %1 a chain id like 1, %2 a URL
    return tr("This wallet is the development fixture, made from the public test mnemonic: anyone can take what it "
              "holds. It only connects to the local devnet (L1 chain 31337 on this computer), not to L1 chain %1 at %2. "
              "Choose the local network in the settings, or use a wallet of your own.")
        .arg(l1ChainId)
        .arg(config.l1Rpc.toDisplayString());
}

qint64 WalletSession::chainNow() const {
    return m_bridge ? qint64(m_bridge->now()) : QDateTime::currentSecsSinceEpoch();
}

void WalletSession::setState(State state, const QString& problem) {
    if (state == m_state && problem == m_problem) return;
    m_state = state;
    m_problem = problem;
    emit stateChanged();
}

void WalletSession::evaluate() {
    auto* context = m_app;
    if (!context->unlocked()) {
        teardown();
        setState(State::Idle);
        followChosenL1();
        // The local stack keeps running while locked: it is the user's network, not a secret.
        if (networkMode() == QLatin1String("local") && g_options.autoStartLocalStack && g_options.devnetDir.isEmpty() &&
            m_localStack->state() == LocalStack::State::Stopped)
            m_localStack->start();
        return;
    }
    if (m_services || m_state == State::Checking) return;
    const quint64 generation = ++m_checkGeneration;
    auto check = [this, generation](const NetworkConfig& config, bool supervised = false) {
        setState(State::Checking);
        checkNetwork(config, this, [this, generation, supervised](Result<CheckedNetwork> checked) {
            if (generation != m_checkGeneration) return;
            if (!checked) {
                setState(State::Failed, QString::fromStdString(checked.message()));
                emit networkCheckFinished(false, QString::fromStdString(checked.message()));
                return;
            }
            if (const QString refused = devFixtureProblem(checked.value().config, checked.value().l1ChainId);
                !refused.isEmpty()) {
                setState(State::Failed, refused);
                emit networkCheckFinished(false, refused);
                return;
            }
            emit networkCheckFinished(true, {});
            startServices(checked.value().config, checked.value().params);
            m_onSupervisedStack = supervised;
        });
    };
    if (networkMode() == QLatin1String("custom")) {
        auto* settings = context->settings();
        auto config = explicitNetwork(settings->l1RpcUrl(), settings->l2RpcUrl(), settings->rollupAddress(),
                                      settings->allowInsecureEndpoints());
        if (!config) {
            setState(State::Failed, QString::fromStdString(config.message()));
            return;
        }
        check(config.value());
        return;
    }
    // Local: an existing devnet given on the command line, or the supervised one.
    if (!g_options.devnetDir.isEmpty()) {
        auto config = loadDevnetManifest(devnetManifestPath(g_options.devnetDir));
        if (!config) {
            setState(State::Failed, QString::fromStdString(config.message()));
            return;
        }
        check(config.value());
        return;
    }
    if (auto network = m_localStack->network(); network && m_localStack->isRunning()) {
        check(*network, true);
        return;
    }
    if (m_localStack->state() == LocalStack::State::Starting) {
        setState(State::StartingLocal);
        return;
    }
    // Only the app starts the bundled stack by itself; elsewhere (tests, screenshots) it is started
    // on request (startLocalStack), never behind the caller's back.
    if (!g_options.autoStartLocalStack) {
        setState(State::Idle);
        return;
    }
    setState(State::StartingLocal);
    m_localStack->start();
}

void WalletSession::useLocalNetwork() {
    m_app->settings()->setLocalNetwork();
    reconnect();
}

void WalletSession::reconnect() {
    // A check still under way is for the network chosen before: its result must not connect the
    // session (and show that chain's history) after the switch.
    ++m_checkGeneration;
    teardown();
    if (m_state == State::Checking) setState(State::Idle);
    emit networkChanged();
    evaluate();
}

void WalletSession::useCustomNetwork(const QString& l1Rpc, const QString& l2Rpc, const QString& rollup,
                                     bool allowInsecure) {
    auto config = explicitNetwork(l1Rpc.trimmed(), l2Rpc.trimmed(), rollup.trimmed(), allowInsecure);
    if (!config) {
        emit networkCheckFinished(false, QString::fromStdString(config.message()));
        return;
    }
    const quint64 generation = ++m_checkGeneration;
    checkNetwork(config.value(), this,
                 [this, generation, l1Rpc, l2Rpc, rollup, allowInsecure](Result<CheckedNetwork> checked) {
                     if (generation != m_checkGeneration) return;
                     if (!checked) {
                         emit networkCheckFinished(false, QString::fromStdString(checked.message()));
                         return;
                     }
                     // Refused before it is saved, so the settings card says why and the wallet stays where it is.
                     if (const QString refused = devFixtureProblem(checked.value().config, checked.value().l1ChainId);
                         !refused.isEmpty()) {
                         emit networkCheckFinished(false, refused);
                         return;
                     }
                     // Saving emits AppSettings::networkChanged, which tears down and re-evaluates.
                     if (!m_app->settings()->setCustomNetwork(l1Rpc.trimmed(), l2Rpc.trimmed(), rollup.trimmed(),
                                                              allowInsecure)) {
                         emit networkCheckFinished(false, tr("The endpoints could not be saved."));
                         return;
                     }
                     emit networkCheckFinished(true, {});
                 });
}

void WalletSession::startLocalStack() { m_localStack->start(); }
void WalletSession::stopLocalStack() {
    teardown();
    m_localStack->stop();
}
void WalletSession::resetLocalStack() {
    teardown();
    // The deleted chain's history and channel states go with it. (The new devnet's Rollup has the
    // same address but is another deployment, so it would never open these files anyway.) Which
    // files they are only the deleted chain's L1 can tell, so it is asked before the reset stops
    // it; one that does not answer leaves them behind, unused.
    auto old = loadDevnetManifest(m_localStack->manifestPath());
    if (!old) {
        m_localStack->reset();
        return;
    }
    auto* rpc = new RpcClient(old.value().l1Rpc, this);
    rpc->setTimeout(std::chrono::seconds(5));
    auto* l1 = new EthClient(rpc, rpc);
    identifyDeployment(l1, old.value().rollup, old.value().deployBlock, rpc,
                       [this, rpc](RpcResult<Deployment> deleted) {
                           if (deleted) {
                               const QString dataDir = m_app->store()->dataDir();
                               QFile::remove(BridgeService::storePathFor(dataDir, deleted.value()));
                               QFile::remove(activityJournalPath(dataDir, deleted.value()));
                               // Its channels went with its contract (closed by teardown above).
                               const QString channels = channelStorePath(dataDir, deleted.value().key());
                               for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                                   QFile::remove(channels + suffix);
                           }
                           rpc->deleteLater();
                           m_localStack->reset();
                       });
}

void WalletSession::refresh() {
    if (!m_services) {
        evaluate();
        return;
    }
    m_bridge->refresh();
    m_verifier->verifyAll();
}

void WalletSession::connectTo(const NetworkConfig& config, const RollupParameters& params) {
    teardown();
    startServices(config, params);
}

void WalletSession::teardown() {
    m_onSupervisedStack = false;
    m_deployment.reset();
    m_identifying = false;
    if (!m_services) return;
    emit sessionEnded();
    m_app->verification()->detach();
    m_app->bridge()->detach();
    m_app->channels()->detach();
    m_app->activity()->close();
    // The L2 store follows m_l2's client. (At shutdown the stores may be gone first.)
    if (ChainStore* l2 = AppContext::existing() ? AppContext::existing()->l2() : nullptr) l2->disconnect();
    delete m_services;  // the bridge waits for its pending writes
    m_services = nullptr;
    m_l2 = nullptr;
    m_rollup = nullptr;
    m_bridge = nullptr;
    m_verifier = nullptr;
    m_channelFeeds.clear();
    m_latestBatch.reset();
    emit headsChanged();
}

void WalletSession::startServices(const NetworkConfig& config, const RollupParameters& params) {
    // Every way of connecting (the checks above, connectTo) ends here: the last word on the fixture.
    if (const QString refused = devFixtureProblem(config, params.l1ChainId); !refused.isEmpty()) {
        setState(State::Failed, refused);
        return;
    }
    m_network = config;
    m_params = params;
    m_haveParams = true;
    // One connection per layer in the whole app: the status bar, the balances and the bridge all
    // go through the layer stores, which now follow this network.
    ChainStore* l1Store = m_app->l1();
    ChainStore* l2Store = m_app->l2();
    followL1(config);
    m_services = new QObject(this);
    EthClient* l1 = l1Store->eth();
    m_l2 = new L2Client(config.l2Rpc, config.l2Ws, m_services);
    l2Store->follow(m_l2->rpc(), config.l2Ws);
    m_rollup = new RollupContract(l1, config.rollup, m_services);
    m_bridge = new BridgeService(m_rollup, m_l2, params, QString(), m_services);  // opened by openHistory()
    m_verifier = new WalletVerifier(l1, config.rollup, config.deployBlock, params, m_services);
    m_app->bridge()->attach(m_bridge);
    trackAccounts();

    connect(l1Store, &ChainStore::changed, m_services, [this] { emit headsChanged(); });
    connect(l2Store, &ChainStore::changed, m_services, [this] { emit headsChanged(); });
    connect(l1Store, &ChainStore::newHead, m_services, [this](quint64 number) {
        emit l1NewHead(number);
        if (!m_deployment) openHistory();
        scanBlock(QStringLiteral("l1"), m_app->l1()->rpc(), number);
        m_bridge->refresh();
        m_verifier->verifyAll();
    });
    connect(l2Store, &ChainStore::newHead, m_services, [this](quint64 number) {
        emit l2NewHead(number);
        scanBlock(QStringLiteral("l2"), m_l2->rpc(), number);
    });
    m_app->verification()->attach(m_verifier);
    connect(m_l2, &L2Client::notification, this, &WalletSession::onL2Notification);
    m_l2->subscribe(QStringLiteral("sluice_batches"));
    m_l2->subscribe(QStringLiteral("sluice_fraud"));
    m_l2->subscribe(QStringLiteral("sluice_withdrawals"));
    openHistory();
    m_l2->status(m_services, [this](RpcResult<L2Status> status) {
        if (!status) return;
        m_latestBatch = status.value().latestBatch;
        emit headsChanged();
    });
    m_verifier->verifyAll();
    emit networkChanged();
    setState(State::Ready);
    emit sessionStarted();
    if (m_app->options().devFixture && !g_options.devnetDir.isEmpty()) {
        if (m_bridge->isLoaded())
            seedDevFixture(this, m_bridge);
        else
            connect(
                m_bridge, &BridgeService::loadedChanged, this, [this] { seedDevFixture(this, m_bridge); },
                Qt::SingleShotConnection);
    }
}

// The bridge history and the activity journal are this chain's: named by the deployment L1 tells,
// as fresh devnets share the Rollup's address. Until L1 has told, both live in memory only; an L1
// that does not answer is asked again on its next head.
void WalletSession::openHistory() {
    if (!m_services || m_deployment || m_identifying) return;
    m_identifying = true;
    identifyDeployment(l1(), m_network->rollup, m_network->deployBlock, m_services,
                       [this](RpcResult<Deployment> found) {
                           m_identifying = false;
                           if (!found) return;
                           m_deployment = found.value();
                           const QString dataDir = m_app->store()->dataDir();
                           // What was recorded meanwhile (a send made right after connecting) joins the chain's journal.
                           auto* journal = m_app->activity();
                           const QList<ActivityModel::Entry> early = journal->entries();
                           journal->open(activityJournalPath(dataDir, *m_deployment));
                           journal->recordAll(early);
                           m_bridge->open(BridgeService::storePathFor(dataDir, *m_deployment));
                           attachChannels();
                       });
}

// The channel states are this chain's too (channelStorePath), so they wait for openHistory.
void WalletSession::attachChannels() {
    m_app->channels()->attach(
        *m_network, l1(), m_params.l1ChainId, channelStorePath(m_app->store()->dataDir(), m_deployment->key()),
        walletAddresses(), [this](const Address& account) -> std::optional<AccountSigner> {
            for (const WalletAccount& a : m_app->store()->accounts())
                if (auto address = parse_address(a.address.toStdString()); address && address.value() == account)
                    return signer(a.index);
            return std::nullopt;
        });
}

QList<Address> WalletSession::walletAddresses() const {
    QList<Address> addresses;
    for (const WalletAccount& account : m_app->store()->accounts())
        if (auto address = parse_address(account.address.toStdString())) addresses.append(address.value());
    return addresses;
}

void WalletSession::trackAccounts() {
    if (!m_bridge) return;
    const QList<Address> addresses = walletAddresses();
    m_app->bridge()->setAccounts(addresses);
    m_app->channels()->setAccounts(addresses);
    // Where the hub is the L2 node (the local network), its news on the accounts' channels arrive
    // over the L2's WebSocket as they happen (WalletChannels::hubAnnounced); elsewhere the
    // channels are polled only.
    if (!m_network->channels || m_network->hubRpc != m_network->l2Rpc) return;
    for (const Address& address : addresses)
        if (m_channelFeeds.insert(address).second)
            m_l2->subscribe(QStringLiteral("sluice_channels"),
                            QJsonArray{QString::fromStdString(to_checksum_address(address))});
}

void WalletSession::onL2Notification(const QString& name, const QJsonValue& payload) {
    if (!m_services) return;
    if (name == QLatin1String("sluice_batches")) {
        if (auto batch = L2Client::parseBatch(payload)) {
            if (!m_latestBatch || batch->index > *m_latestBatch || batch->status == QLatin1String("reverted")) {
                m_latestBatch = batch->index;
                emit headsChanged();
            }
            emit batchNotified(*batch);
        }
        m_bridge->refresh();
        m_verifier->verifyAll();
    } else if (name == QLatin1String("sluice_withdrawals")) {
        m_bridge->refresh();
    } else if (name == QLatin1String("sluice_channels")) {
        m_app->channels()->hubAnnounced(payload.toObject());
    } else if (name == QLatin1String("sluice_fraud")) {
        // The node's verifier says so; ours re-checks from L1 before the wallet claims anything.
        m_verifier->verifyAll();
    }
}

// A channel's events join the same history as layer "channel": payments are off-chain (keyed by
// the channel and the nonce of the state that made them), opening and closing move the user's own
// money between L1 and the channel.
void WalletSession::journalChannel(const WalletChannels::Event& event) {
    using Kind = WalletChannels::Event::Kind;
    const QString id = QString::fromStdString(event.channel.channel.id.hex());
    const QString nonce = QString::number(event.channel.latest.nonce);
    ActivityModel::Entry e;
    e.layer = QStringLiteral("channel");
    e.timestamp = QDateTime::currentSecsSinceEpoch();
    e.account = QString::fromStdString(to_checksum_address(event.channel.myAddress()));
    e.counterparty = QString::fromStdString(to_checksum_address(event.channel.theirAddress()));
    e.amount = exactEther(event.amount);
    e.status = QStringLiteral("confirmed");
    switch (event.kind) {
    case Kind::Opened:
        e.kind = QStringLiteral("channel-open");
        e.txHash = id;
        break;
    case Kind::Paid:
    case Kind::Received:
        e.kind = QStringLiteral("channel-payment");
        e.txHash = id + QLatin1Char('#') + nonce;
        e.incoming = event.kind == Kind::Received;
        break;
    case Kind::Closing:
        e.kind = QStringLiteral("channel-close");
        e.txHash = id;
        break;
    case Kind::Disputed:
        e.kind = QStringLiteral("channel-dispute");
        e.txHash = id + QLatin1Char('#') + nonce;  // the newest state's, which the dispute put on chain
        break;
    case Kind::Settled:
        e.kind = QStringLiteral("channel-settle");
        e.txHash = id;
        e.incoming = true;
        break;
    case Kind::Settleable: return;  // a notification, not a change of the user's money
    }
    m_app->activity()->record(e);
}

// Plain transfers touching a wallet account, from the blocks seen while the session runs: the
// receives (and sends made elsewhere with the same keys) that no local action recorded.
void WalletSession::scanBlock(const QString& layer, RpcClient* rpc, quint64 number) {
    QHash<QString, QString> mine;  // lower-case address -> EIP-55
    for (const WalletAccount& account : m_app->store()->accounts())
        mine.insert(account.address.toLower(), account.address);
    if (mine.isEmpty()) return;
    // Bridge transactions are recorded by the bridge under their own kinds.
    const QString bridgeTarget =
        QString::fromStdString((layer == QLatin1String("l1") ? m_network->rollup : rollup::withdrawal_address()).hex());
    const QJsonArray params{EthClient::toQuantity(U256(number)), true};
    rpc->call(QStringLiteral("eth_getBlockByNumber"), params, m_services,
              [this, layer, mine, bridgeTarget](RpcReply reply) {
                  if (!reply) return;
                  const QJsonObject block = reply.value().toObject();
                  const qint64 time =
                      qint64(EthClient::parseQuantity64(block.value(QStringLiteral("timestamp"))).value_or(0));
                  QList<ActivityModel::Entry> entries;
                  for (const QJsonValue& value : block.value(QStringLiteral("transactions")).toArray()) {
                      const QJsonObject tx = value.toObject();
                      const QString from = tx.value(QStringLiteral("from")).toString().toLower();
                      const QString to = tx.value(QStringLiteral("to")).toString().toLower();
                      const auto amount = EthClient::parseQuantity(tx.value(QStringLiteral("value")));
                      if (!amount || *amount == 0 || to.isEmpty() || to == bridgeTarget) continue;
                      const bool fromMine = mine.contains(from), toMine = mine.contains(to);
                      if (!fromMine && !toMine) continue;
                      ActivityModel::Entry e;
                      e.layer = layer;
                      e.txHash = tx.value(QStringLiteral("hash")).toString();
                      e.timestamp = time;
                      e.amount = exactEther(*amount);
                      e.status = QStringLiteral("confirmed");
                      auto checksum = [&](const QString& lower) {
                          auto parsed = parse_address(lower.toStdString());
                          return parsed ? QString::fromStdString(to_checksum_address(parsed.value())) : lower;
                      };
                      if (toMine) {
                          e.kind = QStringLiteral("receive");
                          e.account = mine.value(to);
                          e.counterparty = checksum(from);
                          e.incoming = true;
                          entries.append(e);
                      }
                      if (fromMine && !toMine) {
                          // Deposits and withdrawals are recorded by the bridge under their own kind.
                          e.kind = QStringLiteral("send");
                          e.account = mine.value(from);
                          e.counterparty = checksum(to);
                          e.incoming = false;
                          entries.append(e);
                      }
                  }
                  if (!entries.isEmpty()) m_app->activity()->recordAll(entries);
              });
}
