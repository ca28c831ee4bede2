// SPDX-License-Identifier: MIT
#include "sendreceive/sendcontroller.h"

#include "stores/storeinput.h"

#include "bridge/transfersmodel.h"
#include "common/transactionreview.h"

#include <QDateTime>

#include "accounts/accountsmodel.h"
#include "activity/activitymodel.h"
#include "appcontext.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

using namespace sluice;

SendController::SendController(QObject* parent) : QObject(parent), m_l1Review(new TransactionReview(this)) {}

SendController::~SendController() = default;

void SendController::setSession(WalletSession* session) {
    if (session == m_session) return;
    m_session = session;
    emit storesChanged();
    emit inputChanged();  // the chain id
}

void SendController::setBridge(BridgeStore* bridge) {
    if (bridge == m_bridge) return;
    m_bridge = bridge;
    emit storesChanged();
}

void SendController::setWallet(sluice::WalletStore* wallet) {
    if (wallet == m_wallet) return;
    m_wallet = wallet;
    emit storesChanged();
    readBalance();
    validate();
}

void SendController::setL1(ChainStore* l1) { setChain(m_l1, l1); }

void SendController::setL2(ChainStore* l2) { setChain(m_l2, l2); }

void SendController::setChain(ChainStore*& slot, ChainStore* chain) {
    if (!replaceStore(slot, chain, this)) return;
    // readBalance reads the chosen layer's store: the other layer's balances change nothing.
    if (chain) connect(chain, &ChainStore::balancesChanged, this, &SendController::readBalance);
    emit storesChanged();
    readBalance();
}

void SendController::setActivity(ActivityJournal* activity) {
    if (activity == m_activity) return;
    m_activity = activity;
    emit storesChanged();
}

QString SendController::chainId() const {
    auto* session = m_session;
    if (!session || !session->isReady()) return {};
    return QString::number(m_layer == Layer::L1 ? session->params().l1ChainId : session->params().l2SigningChainId());
}

EthClient* SendController::eth() const {
    auto* session = m_session;
    if (!session) return nullptr;
    return m_layer == Layer::L1 ? session->l1() : session->l2Eth();
}

void SendController::setAccount(const QString& key) {
    if (key == m_account) return;
    m_account = key;
    m_balance.reset();
    emit inputChanged();
    emit balanceChanged();
    readBalance();
    validate();
}

void SendController::setLayer(Layer layer) {
    if (layer == m_layer) return;
    m_layer = layer;
    m_balance.reset();
    m_fees.reset();
    emit inputChanged();
    emit balanceChanged();
    readBalance();
    validate();
}

void SendController::setThroughL1(bool on) {
    if (on == m_throughL1) return;
    m_throughL1 = on;
    emit inputChanged();
}

void SendController::setRecipient(const QString& text) {
    if (text == m_recipient) return;
    m_recipient = text;
    emit inputChanged();
    validate();
}

void SendController::setAmount(const QString& text) {
    if (text == m_amount) return;
    m_amount = text;
    m_maxAfterFees = false;
    emit inputChanged();
    validate();
}

QString SendController::addressProblem(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return tr("Enter the recipient's address.");
    if (!trimmed.startsWith(QLatin1String("0x")) && !trimmed.startsWith(QLatin1String("0X")))
        return tr("An address starts with 0x.");
    if (trimmed.size() != 42)
        return tr("An address has 40 hexadecimal digits after 0x (this has %1).").arg(trimmed.size() - 2);
    auto parsed = parse_address(trimmed.toStdString());
    if (!parsed) {
        if (parsed.error().code == ErrorCode::AddressChecksum)
            return tr("The address's capitalisation does not match its EIP-55 checksum: a character may be mistyped.");
        return tr("The address may only contain the digits 0-9 and letters a-f after 0x.");
    }
    return {};
}

QString SendController::amountProblem(const QString& text, const std::optional<U256>& balance, const U256& fee) {
    if (text.trimmed().isEmpty()) return tr("Enter an amount.");
    auto amount = parse_amount(text.toStdString(), Unit::ether);
    if (!amount) return tr("Not an amount: %1.").arg(QString::fromStdString(amount.message()));
    if (amount.value() == 0) return tr("The amount must be more than 0.");
    if (balance) {
        if (amount.value() > *balance) return tr("More than the balance of %1 ETH.").arg(exactEther(*balance));
        if (amount.value() + fee > *balance)
            return tr("Not enough for the amount plus the network fee of up to %1 ETH (balance %2 ETH).")
                .arg(exactEther(fee), exactEther(*balance));
    }
    return {};
}

PreparedTransaction SendController::quoted() const {
    PreparedTransaction quote;
    if (!m_fees) return quote;
    quote.gasLimit = m_gasLimit;
    quote.baseFeePerGas = m_fees->baseFeePerGas;
    quote.maxFeePerGas = m_fees->eip1559 ? m_fees->maxFeePerGas : m_fees->gasPrice;
    quote.maxPriorityFeePerGas = m_fees->eip1559 ? m_fees->maxPriorityFeePerGas : m_fees->gasPrice;
    if (auto amount = parse_amount(m_amount.toStdString(), Unit::ether)) quote.value = amount.value();
    return quote;
}

U256 SendController::maxFee() const { return quoted().maxFee(); }

QString SendController::expectedFee() const { return m_fees ? exactEther(quoted().expectedFee()) : QString(); }

QString SendController::feeWarning() const {
    return m_fees ? TransactionReview::feeWarning(quoted().maxFee(), quoted().value) : QString();
}

void SendController::validate() {
    const QString recipientError = m_recipient.isEmpty() ? QString() : addressProblem(m_recipient);
    const QString amountError = m_amount.isEmpty() ? QString() : amountProblem(m_amount, m_balance, maxFee());
    if (recipientError != m_recipientError || amountError != m_amountError) {
        m_recipientError = recipientError;
        m_amountError = amountError;
    }
    emit validationChanged();
}

QString SendController::balance() const { return m_balance ? exactEther(*m_balance) : QString(); }

bool SendController::canReview() const {
    return !m_account.isEmpty() && addressProblem(m_recipient).isEmpty() &&
           amountProblem(m_amount, m_balance, maxFee()).isEmpty() && m_state == State::Editing;
}

QString SendController::fee() const { return m_fees ? exactEther(maxFee()) : QString(); }

QString SendController::total() const {
    if (!m_fees || !parse_amount(m_amount.toStdString(), Unit::ether)) return {};
    return exactEther(quoted().maxTotal());
}

QString SendController::gasLimit() const { return m_fees ? QString::number(m_gasLimit) : QString(); }

QString SendController::maxFeePerGas() const {
    if (!m_fees) return {};
    return QString::fromStdString(
               format_amount(m_fees->eip1559 ? m_fees->maxFeePerGas : m_fees->gasPrice, Unit::gwei)) +
           QStringLiteral(" gwei");
}

void SendController::setKnownBalance(const std::optional<U256>& balance) {
    m_balance = balance;
    emit balanceChanged();
    validate();
}

void SendController::setFees(const FeeSuggestion& fees, quint64 gasLimit) {
    m_fees = fees;
    m_gasLimit = gasLimit;
    emit reviewChanged();
    validate();
}

void SendController::readBalance() {
    const auto account = AccountsModel::accountOf(m_wallet, m_account);
    if (!account || !chain()) return;
    const auto address = parse_address(account->address.toStdString());
    if (!address) return;
    const auto known = chain()->balance(address.value()).wei;
    if (known != m_balance) setKnownBalance(known);
}

void SendController::setState(State state, const QString& error) {
    m_state = state;
    m_error = error;
    emit stateChanged();
    emit validationChanged();
}

void SendController::setMax() {
    if (!m_balance || m_state != State::Editing) return;
    auto apply = [this] {
        const U256 fee = maxFee();
        m_amount = *m_balance > fee ? exactEther(*m_balance - fee) : QStringLiteral("0");
        m_maxAfterFees = true;
        emit inputChanged();
        validate();
    };
    if (m_fees) return apply();
    TransactionSender* sender = makeSender();
    if (!sender) return;
    sender->quoteFees(this, [this, apply](FeeQuoteResult quote) {
        auto* fees = std::get_if<FeeSuggestion>(&quote);
        if (!fees) return;
        setFees(*fees, 21000);
        apply();
    });
}

TransactionSender* SendController::makeSender() {
    auto* session = m_session;
    EthClient* client = eth();
    if (!session || !client) return nullptr;
    delete m_sender;
    const auto& params = session->params();
    m_sender = m_layer == Layer::L1 ? new TransactionSender(client, params.l1ChainId, this)
                                    : newL2Sender(client, params, this);
    return m_sender;
}

void SendController::review() {
    if (!canReview()) return;
    EthClient* client = eth();
    auto account = AccountsModel::accountOf(m_wallet, m_account);
    if (!client || !account) return setState(State::Failed, tr("Not connected to the network."));
    setState(State::Preparing);
    const int generation = ++m_generation;
    auto from = parse_address(account->address.toStdString()).value();
    auto to = parse_address(m_recipient.trimmed().toStdString()).value();
    const U256 value = parse_amount(m_amount.toStdString()).value();
    makeSender()->quoteFees(this, [this, generation, client, from, to, value](FeeQuoteResult quote) {
        if (generation != m_generation) return;
        if (auto* refused = std::get_if<SendFailure>(&quote)) return setState(State::Failed, refused->message);
        const FeeSuggestion fees = std::get<FeeSuggestion>(quote);
        CallRequest call;
        call.from = from;
        call.to = to;
        call.value = value;
        client->estimateGas(call, this, [this, generation, fees](RpcResult<quint64> gas) {
            if (generation != m_generation) return;
            if (!gas) return setState(State::Failed, gas.errorMessage());
            setFees(fees, gas.value());
            const QString problem = amountProblem(m_amount, m_balance, maxFee());
            if (!problem.isEmpty()) return setState(State::Editing, problem);
            setState(State::Review);
        });
    });
}

void SendController::confirm() {
    if (m_state != State::Review) return;
    auto* session = m_session;
    EthClient* client = eth();
    auto account = AccountsModel::accountOf(m_wallet, m_account);
    auto signer = account && session ? session->signer(account->index) : std::nullopt;
    if (!client || !signer) return setState(State::Failed, tr("Unlock the wallet and connect to send."));
    if (!m_sender) makeSender();
    SendRequest request;
    request.to = parse_address(m_recipient.trimmed().toStdString()).value();
    request.value = parse_amount(m_amount.toStdString()).value();
    request.gasLimit = m_gasLimit;
    request.fees = m_fees;
    setState(State::Sending);
    const int generation = ++m_generation;
    const QString layer = m_layer == Layer::L1 ? QStringLiteral("l1") : QStringLiteral("l2");
    ActivityModel::Entry entry;
    entry.layer = layer;
    entry.kind = QStringLiteral("send");
    entry.account = account->address;
    entry.counterparty = QString::fromStdString(to_checksum_address(request.to));
    entry.amount = exactEther(request.value);
    if (m_layer == Layer::L2 && m_throughL1) {
        // Forced inclusion: signed like an L2 send, queued by Rollup.forceTransaction on L1; the
        // sequencer must apply it within the deposit delay. Its L2 hash is known at once.
        // The L2 transfer was reviewed on this page (its fees are the protocol's, as quoted); the
        // L1 transaction that queues it costs L1 gas and is reviewed on its own.
        const quint64 l1ChainId = session->params().l1ChainId;
        //: %1 a time span like "30s"
        const TransactionReview::Details details{
            tr("Queue this payment on L1 (forced inclusion)"), request.value, request.to,
            tr("Once it has waited %1 in the queue, every batch must include it; a sequencer that ignores it "
               "can post no batch, and the rollup's escape clock starts.")
                .arg(TransfersModel::countdown(qint64(session->params().depositDelay)))};
        auto review = [this, l1ChainId, details](const PreparedTransaction& transaction,
                                                 std::function<void(bool)> decide) {
            if (transaction.chainId != l1ChainId) return decide(true);
            m_l1Review->open(transaction, details, l1ChainId, std::move(decide));
        };
        BridgeService* bridge = m_bridge ? m_bridge->service() : nullptr;
        if (!bridge) return setState(State::Failed, tr("Unlock the wallet and connect to send."));
        bridge->forceTransaction(
            *signer, request.to, request.value, this,
            [this, generation, entry](Result<BridgeService::ForcedSubmission> queued) mutable {
                if (generation != m_generation) return;
                if (!queued) return setState(State::Failed, QString::fromStdString(queued.message()));
                m_txHash = QString::fromStdString(queued->l2TxHash.hex());
                entry.txHash = m_txHash;
                entry.timestamp = QDateTime::currentSecsSinceEpoch();
                entry.status = QStringLiteral("pending");
                if (m_activity) m_activity->record(entry);
                setState(State::Sent);
                emit sent(m_txHash);
            },
            review);
        return;
    }
    TransactionSender::Callbacks callbacks;
    callbacks.submitted = [this, generation, entry](Hash hash) mutable {
        if (generation != m_generation) return;
        m_txHash = QString::fromStdString(hash.hex());
        entry.txHash = m_txHash;
        entry.timestamp = QDateTime::currentSecsSinceEpoch();
        entry.status = QStringLiteral("pending");
        if (m_activity) m_activity->record(entry);
        emit stateChanged();
    };
    callbacks.confirmed = [this, generation, entry](TransactionReceipt receipt) mutable {
        entry.txHash = QString::fromStdString(receipt.transactionHash.hex());
        entry.status = receipt.success ? QStringLiteral("confirmed") : QStringLiteral("failed");
        if (m_activity) m_activity->record(entry);
        if (generation != m_generation) return;
        if (!receipt.success) return setState(State::Failed, tr("The transaction was mined but failed."));
        setState(State::Sent);
        emit sent(m_txHash);
        if (chain()) chain()->refreshBalances();  // the store reads it again; balancesChanged follows
    };
    callbacks.failed = [this, generation](SendFailure failure) {
        if (generation != m_generation) return;
        setState(State::Failed, failure.message);
    };
    m_sender->send(*signer, request, this, callbacks);
}

void SendController::back() {
    if (m_state == State::Review || m_state == State::Failed || m_state == State::Preparing) {
        ++m_generation;
        setState(State::Editing);
    }
}

void SendController::reset() {
    ++m_generation;
    m_recipient.clear();
    m_amount.clear();
    m_txHash.clear();
    m_recipientError.clear();
    m_amountError.clear();
    emit inputChanged();
    setState(State::Editing);
}
