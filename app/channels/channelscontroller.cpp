// SPDX-License-Identifier: MIT
#include "channels/channelscontroller.h"

#include <QFileInfo>
#include <QImage>
#include <QUrl>

#include "accounts/accountsmodel.h"
#include "bridge/transfersmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "qr/qrdecoder.h"
#include "qr/qrimage.h"
#include "sendreceive/sendcontroller.h"
#include "services/wallet/walletstore.h"
#include "stores/storeinput.h"

using namespace sluice;
using channels::ChannelId;

namespace {
// How long the page waits for its invoice to be paid before it says so.
constexpr std::chrono::seconds kInvoiceWait{600};

QString errorText(const Status& status) { return QString::fromStdString(status.message()); }
}  // namespace

ChannelsController::ChannelsController(QObject* parent)
    : QObject(parent), m_model(new ChannelsModel(this)), m_review(new TransactionReview(this)) {}

void ChannelsController::setSession(WalletSession* session) {
    if (m_session == session) return;
    if (m_session) disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session) {
        connect(session, &WalletSession::nowChanged, this, [this, session] { m_model->setNow(session->now()); });
        m_model->setNow(session->now());
    }
    emit storesChanged();
}

void ChannelsController::setWallet(WalletStore* wallet) {
    if (!replaceStore(m_wallet, wallet, this)) return;
    if (wallet) connect(wallet, &WalletStore::accountsChanged, this, &ChannelsController::updateAccountNames);
    updateAccountNames();
    emit storesChanged();
}

void ChannelsController::setChannels(WalletChannels* channels) {
    if (m_channels == channels) return;
    if (m_channels) m_channels->setDisputeReview({});
    replaceStore(m_channels, channels, this);
    if (channels) {
        // A dispute the wallet sends on its own is reviewed like the user's own transactions, with
        // what it is (not with the last operation's review).
        QPointer<ChannelsController> self(this);
        channels->setDisputeReview([self](const Address& account) -> WalletChannels::ReviewHook {
            return [self, account](const PreparedTransaction& transaction, std::function<void(bool)> decide) {
                if (!self) return decide(false);  // the page is gone: the next sync asks again
                self->reviewHook({tr("Dispute the hub's close"), 0, account,
                                  tr("Puts your newest state on chain: the close then pays out what you hold now, "
                                     "not the older split the hub closed with.")})(transaction, std::move(decide));
            };
        });
        connect(channels, &WalletChannels::changed, this, [this] {
            // Detached (a lock, another network): the operations under way end without an answer.
            if (!m_channels->attached() && (m_pending > 0 || m_awaitingInvoice)) {
                m_pending = 0;
                m_awaitingInvoice = false;
                m_receiveStatus.clear();
                emit stateChanged();
            }
            refreshModel();
            emit networkChanged();
            emit inputChanged();  // the hub's terms bound the amounts
        });
    }
    refreshModel();
    emit storesChanged();
    emit networkChanged();
}

void ChannelsController::updateAccountNames() { m_model->setAccountNames(AccountsModel::namesByAddress(m_wallet)); }

void ChannelsController::refreshModel() {
    m_model->setChannels(m_channels ? m_channels->channels() : std::vector<StoredChannel>{});
    m_model->setWatchtower(m_channels && m_channels->hasWatchtower(),
                           m_channels ? m_channels->watchtowerViews() : ChannelsModel::WatchtowerViews{});
}

void ChannelsController::setAccount(const QString& key) {
    if (key == m_account) return;
    m_account = key;
    emit inputChanged();
}

void ChannelsController::setAmount(const QString& text) {
    if (text == m_amount) return;
    m_amount = text;
    emit inputChanged();
}

void ChannelsController::setHubAmount(const QString& text) {
    if (text == m_hubAmount) return;
    m_hubAmount = text;
    emit inputChanged();
}

void ChannelsController::setPayAmount(const QString& text) {
    if (text == m_payAmount) return;
    m_payAmount = text;
    emit inputChanged();
}

void ChannelsController::setInvoice(const QString& text) {
    if (text == m_invoice && m_invoiceImageError.isEmpty()) return;
    m_invoice = text;
    m_invoiceImageError.clear();
    emit inputChanged();
}

void ChannelsController::readInvoiceImage(const QUrl& file) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QImage image(path);
    const QrDecodeResult qr =
        image.isNull()
            //: %1 a file name
            ? QrDecodeResult{{}, tr("%1 is not an image this wallet can open.").arg(QFileInfo(path).fileName())}
            : decodeQrImage(image);
    m_invoice = qr.ok() ? qr.text.trimmed() : QString();
    m_invoiceImageError = qr.error;
    emit inputChanged();
}

void ChannelsController::setReceiveAmount(const QString& text) {
    if (text == m_receiveAmount) return;
    m_receiveAmount = text;
    emit inputChanged();
}

QString ChannelsController::amountError() const {
    return m_amount.isEmpty() ? QString() : SendController::amountProblem(m_amount, std::nullopt);
}

QString ChannelsController::hubAmountError() const {
    if (m_hubAmount.trimmed().isEmpty()) return {};  // the hub's side is optional
    auto amount = parse_amount(m_hubAmount.toStdString(), Unit::ether);
    if (!amount) return tr("Not an amount: %1.").arg(QString::fromStdString(amount.message()));
    if (m_channels && m_channels->hubInfo() && amount.value() > m_channels->hubInfo()->maxFunding)
        return tr("The hub puts at most %1 on its side.").arg(m_channels->maxFunding());
    return {};
}

bool ChannelsController::canOpen() const {
    return ready() && !busy() && selectedAddress() && !m_amount.isEmpty() && amountError().isEmpty() &&
           hubAmountError().isEmpty();
}

QString ChannelsController::payAmountError() const {
    return m_payAmount.isEmpty() ? QString() : SendController::amountProblem(m_payAmount, std::nullopt);
}

QString ChannelsController::invoiceSummary() const {
    if (!m_invoiceImageError.isEmpty()) return m_invoiceImageError;
    if (m_invoice.trimmed().isEmpty()) return {};
    auto invoice = Invoice::parse(m_invoice.trimmed());
    if (!invoice) return tr("Not an invoice: %1").arg(QString::fromStdString(invoice.message()));
    //: %1 an amount like "0.05 ETH", %2 an address
    QString text =
        tr("%1 to %2").arg(displayEther(invoice->amount), QString::fromStdString(to_checksum_address(invoice->payee)));
    if (m_channels && m_channels->hubInfo() && m_channels->hubInfo()->fee > 0)
        //: %1 the hub's fee like "0.001 ETH"
        text += tr(", plus the hub's fee of %1").arg(m_channels->hubFee());
    return text;
}

bool ChannelsController::canPayInvoice() const {
    return ready() && !busy() && selectedAddress() && Invoice::parse(m_invoice.trimmed()).ok();
}

QString ChannelsController::receiveAmountError() const {
    return m_receiveAmount.isEmpty() ? QString() : SendController::amountProblem(m_receiveAmount, std::nullopt);
}

QString ChannelsController::createdInvoiceQr() const { return qrImageSource(m_createdInvoice); }

QString ChannelsController::disputePeriod() const {
    const qint64 seconds = m_channels ? m_channels->disputePeriodSeconds() : 0;
    return seconds > 0 ? TransfersModel::countdown(seconds) : QString();
}

QString ChannelsController::hubTerms() const {
    if (!m_channels || !m_channels->hubInfo()) return {};
    //: %1 an amount like "10 ETH"
    const QString funding =
        tr("The hub adds up to %1 on its side so that you can also receive.").arg(m_channels->maxFunding());
    if (m_channels->hubInfo()->fee == 0)
        return funding + QLatin1Char(' ') + tr("It forwards payments for you for free.");
    //: %1 the hub's fee like "0.001 ETH"
    return funding + QLatin1Char(' ') +
           tr("It keeps %1 of each payment it forwards for you.").arg(m_channels->hubFee());
}

QString ChannelsController::watchtower() const {
    if (!ready()) return {};
    const QString url = m_channels->watchtowerUrl();
    if (url.isEmpty()) return tr("No watchtower: keep the wallet running while a channel is closing.");
    //: %1 a URL
    return tr("Watched by the watchtower at %1, also while the wallet is closed.").arg(url);
}

std::optional<Address> ChannelsController::selectedAddress() const {
    const auto account = AccountsModel::accountOf(m_wallet, m_account);
    if (!account) return std::nullopt;
    auto address = parse_address(account->address.toStdString());
    return address ? std::optional<Address>(*address) : std::nullopt;
}

std::optional<ChannelId> ChannelsController::channelId(const QString& text) {
    auto id = ChannelId::from_hex(text.toStdString());
    if (!id) m_error = tr("Not a channel id: %1").arg(text);
    return id ? std::optional<ChannelId>(*id) : std::nullopt;
}

TransactionSender::ReviewHook ChannelsController::reviewHook(const TransactionReview::Details& details) {
    return [this, details](const PreparedTransaction& transaction, std::function<void(bool)> decide) {
        m_review->open(transaction, details, m_session ? m_session->params().l1ChainId : 0, std::move(decide));
    };
}

void ChannelsController::started() {
    ++m_pending;
    m_error.clear();
    m_message.clear();
    emit stateChanged();
    emit inputChanged();
}

void ChannelsController::finished(const Status& status, const QString& success) {
    --m_pending;
    if (status)
        m_message = success;
    else
        m_error = errorText(status);
    emit stateChanged();
    emit inputChanged();
}

void ChannelsController::clearMessages() {
    m_error.clear();
    m_message.clear();
    emit stateChanged();
}

void ChannelsController::open() {
    const auto me = selectedAddress();
    if (!canOpen() || !me) return;
    const U256 amount = parse_amount(m_amount.toStdString(), Unit::ether).value();
    const U256 hubAmount =
        m_hubAmount.trimmed().isEmpty() ? U256(0) : parse_amount(m_hubAmount.toStdString(), Unit::ether).value();
    const Address hub = m_channels->hubInfo() ? m_channels->hubInfo()->hub : Address{};
    //: %1 an amount, %2 the hub's amount
    const QString outcome = tr("A channel with the hub holding %1 of yours and %2 of the hub's; payments over it "
                               "are instant and cost no gas.")
                                .arg(displayEther(amount), displayEther(hubAmount));
    started();
    QPointer<ChannelsController> self(this);
    m_channels->open(*me, amount, hubAmount, reviewHook({tr("Open a payment channel"), amount, hub, outcome}),
                     [self](Result<ChannelId> id) {
                         if (!self) return;
                         self->finished(id ? Status{} : Status(id.error()), tr("Channel opened."));
                         if (id) {
                             self->m_amount.clear();
                             self->m_hubAmount.clear();
                             emit self->opened(QString::fromStdString(id->hex()));
                         }
                     });
}

void ChannelsController::pay(const QString& text) {
    const auto id = channelId(text);
    if (!id || !m_channels) return emit stateChanged();
    auto amount = parse_amount(m_payAmount.toStdString(), Unit::ether);
    if (!payAmountError().isEmpty() || !amount || amount.value() == 0) {
        m_error = m_payAmount.isEmpty() ? tr("Enter an amount to pay.") : payAmountError();
        return emit stateChanged();
    }
    started();
    QPointer<ChannelsController> self(this);
    //: %1 an amount
    const QString success = tr("Paid %1 to the hub.").arg(displayEther(amount.value()));
    m_channels->pay(*id, amount.value(), [self, success](Status st) {
        if (!self) return;
        self->finished(st, success);
        if (st) {
            self->m_payAmount.clear();
            emit self->paid();
        }
    });
}

void ChannelsController::payInvoice() {
    const auto me = selectedAddress();
    auto invoice = Invoice::parse(m_invoice.trimmed());
    if (!me || !invoice || !m_channels) return;
    started();
    QPointer<ChannelsController> self(this);
    const QString success = tr("Invoice paid: %1").arg(invoiceSummary());
    m_channels->payInvoice(*me, *invoice, [self, success](Status st) {
        if (!self) return;
        self->finished(st, success);
        if (st) {
            self->m_invoice.clear();
            emit self->paid();
        }
    });
}

void ChannelsController::createInvoice() {
    if (m_awaitingInvoice) return;  // one at a time (the button says so too)
    const auto me = selectedAddress();
    auto amount = parse_amount(m_receiveAmount.toStdString(), Unit::ether);
    if (!me || !m_channels || !receiveAmountError().isEmpty() || !amount) {
        m_error = m_receiveAmount.isEmpty() ? tr("Enter the amount to receive.") : receiveAmountError();
        return emit stateChanged();
    }
    auto invoice = m_channels->createInvoice(*me, amount.value());
    if (!invoice) {
        m_error = QString::fromStdString(invoice.message());
        return emit stateChanged();
    }
    m_createdInvoice = invoice->text();
    m_receiveStatus = tr("Waiting for the payment of %1…").arg(displayEther(amount.value()));
    m_awaitingInvoice = true;
    m_error.clear();
    emit stateChanged();
    emit inputChanged();
    QPointer<ChannelsController> self(this);
    m_channels->awaitInvoicePaid(*me, *invoice, kInvoiceWait, [self, amount = amount.value()](Status st) {
        if (!self) return;
        self->m_awaitingInvoice = false;
        self->m_receiveStatus = st ? tr("Paid: %1 received.").arg(displayEther(amount)) : errorText(st);
        emit self->stateChanged();
        emit self->inputChanged();
        if (st) emit self->invoicePaid();
    });
}

void ChannelsController::cooperativeClose(const QString& text) {
    const auto id = channelId(text);
    const StoredChannel* c = m_model->find(text);
    if (!id || !c) return emit stateChanged();
    const U256 mine = c->latest.balance(c->me);
    started();
    QPointer<ChannelsController> self(this);
    const QString key = text;
    m_channels->cooperativeClose(
        *id,
        reviewHook({tr("Close the channel with the hub"), mine, c->myAddress(),
                    tr("Both sides agree: your %1 is paid to your L1 account at once.").arg(displayEther(mine))}),
        [self, key](Result<Hash> tx) {
            if (!self) return;
            self->finished(tx ? Status{} : Status(tx.error()), tr("Channel closed; your side is paid on L1."));
            if (tx) emit self->closed(key, QString::fromStdString(tx->hex()));
        });
}

void ChannelsController::forceClose(const QString& text) {
    const auto id = channelId(text);
    const StoredChannel* c = m_model->find(text);
    if (!id || !c) return emit stateChanged();
    const U256 mine = c->latest.balance(c->me);
    started();
    QPointer<ChannelsController> self(this);
    const QString key = text;
    m_channels->forceClose(
        *id,
        reviewHook({tr("Close the channel without the hub"), mine, c->myAddress(),
                    //: %1 a duration like "1h 0m 0s"
                    tr("The newest state both signed goes on chain; after the dispute period of %1 you settle.")
                        .arg(disputePeriod())}),
        [self, key](Result<Hash> tx) {
            if (!self) return;
            self->finished(tx ? Status{} : Status(tx.error()), tr("Closing: settle when the dispute period ends."));
            if (tx) emit self->closed(key, QString::fromStdString(tx->hex()));
        });
}

void ChannelsController::settle(const QString& text) {
    const auto id = channelId(text);
    const StoredChannel* c = m_model->find(text);
    if (!id || !c) return emit stateChanged();
    if (!m_model->canSettle(*c)) {
        m_error = tr("The dispute period has not ended yet.");
        return emit stateChanged();
    }
    const U256 mine = c->latest.balance(c->me);
    started();
    QPointer<ChannelsController> self(this);
    const QString key = text;
    m_channels->settle(*id,
                       reviewHook({tr("Settle the channel"), mine, c->myAddress(),
                                   tr("Pays out the channel as its closing state splits it.")}),
                       [self, key](Result<Hash> tx) {
                           if (!self) return;
                           self->finished(tx ? Status{} : Status(tx.error()), tr("Settled; your side is paid on L1."));
                           if (tx) emit self->closed(key, QString::fromStdString(tx->hex()));
                       });
}
