// SPDX-License-Identifier: MIT
#include "bridge/bridgecontroller.h"

#include "stores/storeinput.h"

#include <QDateTime>

#include "accounts/accountsmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "core/rollup/params.hpp"
#include "sendreceive/sendcontroller.h"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

#include <utility>

using namespace sluice;

BridgeController::BridgeController(QObject* parent)
    : QObject(parent),
      m_model(new TransfersModel(this)),
      m_tracker(new QSortFilterProxyModel(this)),
      m_review(new TransactionReview(this)) {
    m_tracker->setSourceModel(m_model);
    m_tracker->setSortRole(TransfersModel::SortKeyRole);
    m_tracker->setDynamicSortFilter(true);
    m_tracker->sort(0, Qt::AscendingOrder);
}

BridgeController::~BridgeController() = default;

void BridgeController::setSession(WalletSession* session) {
    if (!replaceStore(m_session, session, this)) return;
    emit storesChanged();
    if (!session) return detach();
    connect(session, &WalletSession::nowChanged, this, [this, session] { m_model->setNow(session->now()); });
    m_model->setNow(session->now());
}

void BridgeController::setBridge(BridgeStore* bridge) {
    if (!replaceStore(m_bridge, bridge, this)) return;
    emit storesChanged();
    if (!bridge) return detach();
    connect(bridge, &BridgeStore::attachedChanged, this, [this] { service() ? attach() : detach(); });
    if (service()) attach();
}

void BridgeController::setWallet(sluice::WalletStore* wallet) {
    if (!replaceStore(m_wallet, wallet, this)) return;
    if (wallet) connect(wallet, &sluice::WalletStore::accountsChanged, this, &BridgeController::updateAccountNames);
    updateAccountNames();
    emit storesChanged();
    readBalance();
    validate();
}

void BridgeController::setL1(ChainStore* l1) { setChain(m_l1, l1); }

void BridgeController::setL2(ChainStore* l2) { setChain(m_l2, l2); }

void BridgeController::setChain(ChainStore*& slot, ChainStore* chain) {
    if (!replaceStore(slot, chain, this)) return;
    // readBalance reads the source layer's store: the other layer's balances change nothing.
    if (chain) connect(chain, &ChainStore::balancesChanged, this, &BridgeController::readBalance);
    emit storesChanged();
    readBalance();
}

void BridgeController::updateAccountNames() { m_model->setAccountNames(AccountsModel::namesByAddress(m_wallet)); }

void BridgeController::attach() {
    auto* bridge = service();
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
    readBalance();
}

void BridgeController::detach() {
    m_balance.reset();
    emit balanceChanged();
    emit networkChanged();
}

bool BridgeController::ready() const { return m_session && service(); }

QString BridgeController::challengePeriod() const { return m_session ? m_session->challengePeriodText() : QString(); }

QString BridgeController::inclusionDelay() const {
    return ready() ? TransfersModel::countdown(qint64(m_session->params().depositDelay)) : QString();
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
    readBalance();
    validate();
}

void BridgeController::setDirection(Direction direction) {
    if (direction == m_direction) return;
    m_direction = direction;
    m_balance.reset();
    emit inputChanged();
    emit balanceChanged();
    readBalance();
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
    return ready() && !m_submitting && AccountsModel::accountOf(m_wallet, m_account) && !m_amount.isEmpty() &&
           SendController::amountProblem(m_amount, m_balance).isEmpty() &&
           (m_direction == Direction::Withdraw || m_recipient.trimmed().isEmpty() ||
            SendController::addressProblem(m_recipient).isEmpty());
}

void BridgeController::setKnownBalance(const std::optional<U256>& balance) {
    m_balance = balance;
    emit balanceChanged();
    validate();
}

void BridgeController::readBalance() {
    const auto account = AccountsModel::accountOf(m_wallet, m_account);
    if (!account || !sourceChain()) return;
    const auto address = parse_address(account->address.toStdString());
    if (!address) return;
    const auto known = sourceChain()->balance(address.value()).wei;
    if (known != m_balance) setKnownBalance(known);
}

void BridgeController::setError(const QString& error) {
    if (!error.isEmpty()) m_finalizeQueue.clear();  // "Finalize all ready" stops at the first problem
    m_error = error;
    emit stateChanged();
}

void BridgeController::clearError() { setError({}); }

TransactionSender::ReviewHook BridgeController::reviewHook(const TransactionReview::Details& details) {
    return [this, details](const PreparedTransaction& transaction, std::function<void(bool)> decide) {
        m_review->open(transaction, details, m_session ? m_session->params().l1ChainId : 0,
                       [this, decide = std::move(decide)](bool approved) {
                           if (!approved) m_declined = true;
                           decide(approved);
                       });
    };
}

bool BridgeController::takeDeclined() { return std::exchange(m_declined, false); }

QString BridgeController::withdrawalOutcome(const Address& to) const {
    const qint64 earliest = m_session->chainNow() + qint64(m_session->params().challengePeriod);
    //: %1 a shortened address, %2 the challenge period like "7d 0h 0m", %3 a local date and time
    return tr("Arrives on L1 at %1 once its batch is posted and has passed the %2 challenge period: at %3 at the "
              "earliest. You finalize it then, on this page.")
        .arg(shortHash(QString::fromStdString(to_checksum_address(to))), challengePeriod(),
             QDateTime::fromSecsSinceEpoch(earliest).toString(QStringLiteral("yyyy-MM-dd hh:mm")));
}

void BridgeController::submit() {
    if (!canSubmit()) return;
    auto* session = m_session;
    auto account = AccountsModel::accountOf(m_wallet, m_account);
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
        if (sourceChain()) sourceChain()->refreshBalances();  // balancesChanged follows
    };
    m_declined = false;
    if (m_direction == Direction::Deposit) {
        Address to = signer->address;
        if (!m_recipient.trimmed().isEmpty()) to = parse_address(m_recipient.trimmed().toStdString()).value();
        //: %1 a shortened address, %2 a time span like "30s"
        const QString outcome = tr("Arrives on L2 at %1 within about %2 of the deposit being mined on L1.")
                                    .arg(shortHash(QString::fromStdString(to_checksum_address(to))), inclusionDelay());
        service()->deposit(*signer, to, amount, this, done,
                           reviewHook({tr("Deposit from L1 to L2"), amount, to, outcome}));
    } else if (m_throughL1) {
        service()->forceTransaction(
            *signer, rollup::withdrawal_address(), amount, this,
            [done](Result<BridgeService::ForcedSubmission> queued) {
                if (!queued) return done(queued.error());
                done(queued->l2TxHash);
            },
            reviewHook({tr("Withdraw to L1, queued through L1 (forced inclusion)"), amount, signer->address,
                        withdrawalOutcome(signer->address)}));
    } else {
        service()->withdraw(
            *signer, amount, this, done,
            reviewHook({tr("Withdraw from L2 to L1"), amount, signer->address, withdrawalOutcome(signer->address)}));
    }
}

void BridgeController::finalize(const QString& key) {
    auto* session = m_session;
    if (!session || !service()) return setError(tr("Not connected to the network."));
    if (!m_model->canFinalize(key)) return setError(tr("This withdrawal cannot be finalized yet."));
    auto record = service()->withdrawal(key);
    if (!record) return;
    // The recipient's own account pays when it is in the wallet; otherwise the selected one.
    std::optional<AccountSigner> signer;
    for (const WalletAccount& account : m_wallet ? m_wallet->accounts() : QList<WalletAccount>())
        if (account.address.compare(QString::fromStdString(to_checksum_address(record->account)),
                                    Qt::CaseInsensitive) == 0)
            signer = session->signer(account.index);
    if (!signer) {
        auto selected = AccountsModel::accountOf(m_wallet, m_account);
        if (selected) signer = session->signer(selected->index);
    }
    if (!signer) return setError(tr("Unlock the wallet first."));
    m_model->setFinalizing(key, true);
    m_declined = false;
    //: %1 a shortened address
    const TransactionReview::Details details{
        tr("Finalize the withdrawal: pay it out on L1"), record->amount, record->account,
        tr("Pays the amount out to %1 on L1 in this transaction.")
            .arg(shortHash(QString::fromStdString(to_checksum_address(record->account))))};
    service()->finalize(
        *signer, key, this,
        [this, key](Result<Hash> hash) {
            const bool declined = !hash && takeDeclined();
            m_model->setFinalizing(key, false, hash || declined ? QString() : QString::fromStdString(hash.message()));
            if (hash)
                emit finalized(key, QString::fromStdString(hash.value().hex()));
            else if (!declined)
                setError(QString::fromStdString(hash.message()));
            refresh();
            if (!m_finalizeQueue.isEmpty() && m_finalizeQueue.constFirst() == key) {
                m_finalizeQueue.removeFirst();
                if (!hash) m_finalizeQueue.clear();  // declined or failed: the rest wait for the user
                emit stateChanged();
                finalizeNextQueued();
            }
        },
        reviewHook(details));
}

void BridgeController::finalizeAllReady() {
    if (!m_finalizeQueue.isEmpty()) return;
    for (int row = 0; row < m_tracker->rowCount(); ++row) {
        const QString key = m_tracker->index(row, 0).data(TransfersModel::KeyRole).toString();
        if (m_model->canFinalize(key)) m_finalizeQueue.append(key);
    }
    emit stateChanged();
    finalizeNextQueued();
}

void BridgeController::finalizeNextQueued() {
    while (!m_finalizeQueue.isEmpty() && !m_model->canFinalize(m_finalizeQueue.constFirst()))
        m_finalizeQueue.removeFirst();
    if (m_finalizeQueue.isEmpty()) {
        emit stateChanged();
        return;
    }
    finalize(m_finalizeQueue.constFirst());
}

void BridgeController::refresh() {
    if (ready()) service()->refresh();
}
