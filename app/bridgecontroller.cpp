// SPDX-License-Identifier: MIT
#include "bridgecontroller.h"

#include "appcontext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "core/rollup/params.hpp"
#include "sendcontroller.h"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

#include <utility>

using namespace sluice;

BridgeController::BridgeController(QObject* parent)
    : QObject(parent), m_model(new TransfersModel(this)), m_review(new TransactionReview(this)) {
    if (!AppContext::existing()) return;
    auto* session = WalletSession::instance();
    connect(session, &WalletSession::sessionStarted, this, &BridgeController::attach);
    connect(session, &WalletSession::sessionEnded, this, &BridgeController::detach);
    connect(session, &WalletSession::nowChanged, this, [this, session] { m_model->setNow(session->now()); });
    connect(session, &WalletSession::l1NewHead, this, [this] {
        if (m_direction == Direction::Deposit) fetchBalance();
    });
    connect(session, &WalletSession::l2NewHead, this, [this] {
        if (m_direction == Direction::Withdraw) fetchBalance();
    });
    m_model->setNow(session->now());
    if (session->bridge()) attach();
}

BridgeController::~BridgeController() = default;

void BridgeController::attach() {
    auto* bridge = WalletSession::instance()->bridge();
    if (!bridge) return;
    disconnect(bridge, nullptr, this, nullptr);
    auto reload = [this, bridge] {
        m_model->setAll(bridge->withdrawals(), bridge->deposits());
        m_model->setLoading(!bridge->isLoaded() || bridge->isBusy());
    };
    connect(bridge, &BridgeService::loadedChanged, this, reload);
    connect(bridge, &BridgeService::busyChanged, this,
            [this, bridge] { m_model->setLoading(!bridge->isLoaded() || bridge->isBusy()); });
    // A status change is signalled on its own (withdrawalStatusChanged), not as withdrawalChanged.
    auto withdrawalUpdated = [this, bridge](const QString& key) {
        if (auto record = bridge->withdrawal(key)) m_model->upsertWithdrawal(*record);
    };
    auto depositUpdated = [this, bridge](const QString& key) {
        for (const DepositRecord& d : bridge->deposits())
            if (d.key() == key) m_model->upsertDeposit(d);
    };
    connect(bridge, &BridgeService::withdrawalChanged, this, withdrawalUpdated);
    connect(bridge, &BridgeService::withdrawalStatusChanged, this, withdrawalUpdated);
    connect(bridge, &BridgeService::depositChanged, this, depositUpdated);
    connect(bridge, &BridgeService::depositStatusChanged, this, depositUpdated);
    reload();
    emit networkChanged();
    fetchBalance();
}

void BridgeController::detach() {
    ++m_generation;
    m_balance.reset();
    emit balanceChanged();
    emit networkChanged();
}

bool BridgeController::ready() const {
    auto* session = WalletSession::existing();
    return session && session->bridge();
}

QString BridgeController::challengePeriod() const {
    auto* session = WalletSession::existing();
    return session ? session->challengePeriodText() : QString();
}

QString BridgeController::inclusionDelay() const {
    auto* session = WalletSession::existing();
    return session && session->bridge() ? TransfersModel::countdown(qint64(session->params().depositDelay)) : QString();
}

void BridgeController::setThroughL1(bool on) {
    if (on == m_throughL1) return;
    m_throughL1 = on;
    emit inputChanged();
}

void BridgeController::setAccount(const QString& key) {
    if (key == m_account) return;
    m_account = key;
    m_balance.reset();
    emit inputChanged();
    emit balanceChanged();
    fetchBalance();
    validate();
}

void BridgeController::setDirection(Direction direction) {
    if (direction == m_direction) return;
    m_direction = direction;
    m_balance.reset();
    emit inputChanged();
    emit balanceChanged();
    fetchBalance();
    validate();
}

void BridgeController::setAmount(const QString& text) {
    if (text == m_amount) return;
    m_amount = text;
    emit inputChanged();
    validate();
}

void BridgeController::setRecipient(const QString& text) {
    if (text == m_recipient) return;
    m_recipient = text;
    emit inputChanged();
    validate();
}

void BridgeController::validate() {
    // The fee is checked again by the sender with the node's numbers before signing; here the
    // amount must leave something for gas.
    m_amountError = m_amount.isEmpty() ? QString() : SendController::amountProblem(m_amount, m_balance);
    m_recipientError = m_direction == Direction::Deposit && !m_recipient.trimmed().isEmpty()
                           ? SendController::addressProblem(m_recipient)
                           : QString();
    emit validationChanged();
}

QString BridgeController::available() const {
    return m_balance ? QString::fromStdString(format_amount(*m_balance)) : QString();
}

bool BridgeController::canSubmit() const {
    return ready() && !m_submitting && AppContext::walletAccount(m_account) && !m_amount.isEmpty() &&
           SendController::amountProblem(m_amount, m_balance).isEmpty() &&
           (m_direction == Direction::Withdraw || m_recipient.trimmed().isEmpty() ||
            SendController::addressProblem(m_recipient).isEmpty());
}

void BridgeController::setKnownBalance(const std::optional<U256>& balance) {
    m_balance = balance;
    emit balanceChanged();
    validate();
}

void BridgeController::fetchBalance() {
    auto* session = WalletSession::existing();
    auto account = AppContext::walletAccount(m_account);
    if (!session || !account) return;
    EthClient* eth = m_direction == Direction::Deposit ? session->l1() : session->l2Eth();
    auto address = parse_address(account->address.toStdString());
    if (!eth || !address) return;
    const int generation = ++m_generation;
    eth->balance(address.value(), this, [this, generation](RpcResult<U256> balance) {
        if (generation != m_generation || !balance) return;
        setKnownBalance(balance.value());
    });
}

void BridgeController::setError(const QString& error) {
    m_error = error;
    emit stateChanged();
}

void BridgeController::clearError() { setError({}); }

TransactionSender::ReviewHook BridgeController::reviewHook(const TransactionReview::Details& details) {
    return [this, details](const PreparedTransaction& transaction, std::function<void(bool)> decide) {
        auto* session = WalletSession::existing();
        m_review->open(transaction, details, session ? session->params().l1ChainId : 0,
                       [this, decide = std::move(decide)](bool approved) {
                           if (!approved) m_declined = true;
                           decide(approved);
                       });
    };
}

bool BridgeController::takeDeclined() { return std::exchange(m_declined, false); }

void BridgeController::submit() {
    if (!canSubmit()) return;
    auto* session = WalletSession::instance();
    auto account = AppContext::walletAccount(m_account);
    auto signer = session->signer(account->index);
    if (!signer) return setError(tr("Unlock the wallet first."));
    const U256 amount = parse_amount(m_amount.toStdString()).value();
    m_submitting = true;
    m_error.clear();
    emit stateChanged();
    emit validationChanged();
    // The form may show another transfer by the time this one is confirmed (the user switched to
    // the other direction and typed its amount): only the amount sent is cleared.
    auto done = [this, direction = m_direction, amountText = m_amount](Result<Hash> hash) {
        m_submitting = false;
        if (!hash) {
            if (!takeDeclined()) m_error = QString::fromStdString(hash.message());
        } else {
            m_lastTxHash = QString::fromStdString(hash.value().hex());
            if (m_direction == direction && m_amount == amountText) {
                m_amount.clear();
                emit inputChanged();
            }
            emit submitted(m_lastTxHash);
        }
        emit stateChanged();
        validate();
        fetchBalance();
    };
    m_declined = false;
    if (m_direction == Direction::Deposit) {
        Address to = signer->address;
        if (!m_recipient.trimmed().isEmpty()) to = parse_address(m_recipient.trimmed().toStdString()).value();
        session->bridge()->deposit(*signer, to, amount, this, done,
                                   reviewHook({tr("Deposit from L1 to L2"), amount, to}));
    } else if (m_throughL1) {
        session->bridge()->forceTransaction(
            *signer, rollup::withdrawal_address(), amount, this,
            [done](Result<BridgeService::ForcedSubmission> queued) {
                if (!queued) return done(queued.error());
                done(queued->l2TxHash);
            },
            reviewHook({tr("Withdraw to L1, queued through L1 (forced inclusion)"), amount, signer->address}));
    } else {
        session->bridge()->withdraw(*signer, amount, this, done,
                                    reviewHook({tr("Withdraw from L2 to L1"), amount, signer->address}));
    }
}

void BridgeController::finalize(const QString& key) {
    auto* session = WalletSession::existing();
    if (!session || !session->bridge()) return setError(tr("Not connected to the network."));
    if (!m_model->canFinalize(key)) return setError(tr("This withdrawal cannot be finalized yet."));
    auto record = session->bridge()->withdrawal(key);
    if (!record) return;
    // The recipient's own account pays when it is in the wallet; otherwise the selected one.
    std::optional<AccountSigner> signer;
    for (const WalletAccount& account : AppContext::instance()->store()->accounts())
        if (account.address.compare(QString::fromStdString(to_checksum_address(record->account)),
                                    Qt::CaseInsensitive) == 0)
            signer = session->signer(account.index);
    if (!signer) {
        auto selected = AppContext::walletAccount(m_account);
        if (selected) signer = session->signer(selected->index);
    }
    if (!signer) return setError(tr("Unlock the wallet first."));
    m_model->setFinalizing(key, true);
    m_declined = false;
    const TransactionReview::Details details{tr("Finalize the withdrawal: pay it out on L1"), record->amount,
                                             record->account};
    session->bridge()->finalize(
        *signer, key, this,
        [this, key](Result<Hash> hash) {
            const bool declined = !hash && takeDeclined();
            m_model->setFinalizing(key, false, hash || declined ? QString() : QString::fromStdString(hash.message()));
            if (hash)
                emit finalized(key, QString::fromStdString(hash.value().hex()));
            else if (!declined)
                setError(QString::fromStdString(hash.message()));
            if (auto* s = WalletSession::existing(); s && s->bridge()) s->bridge()->refresh();
        },
        reviewHook(details));
}

void BridgeController::refresh() {
    if (auto* session = WalletSession::existing(); session && session->bridge()) session->bridge()->refresh();
}
