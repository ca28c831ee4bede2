// SPDX-License-Identifier: MIT
#pragma once
// ChannelsController: the Channels page. Opens a channel with the network's hub (my amount, the
// hub's side, a review of the L1 transaction), pays over a channel (an amount to the hub, or an
// invoice pasted as text), receives (an invoice with its QR code, then waits until it is paid),
// and closes: cooperatively, by force (the dispute period shown as an absolute time and a
// countdown), and settles exactly when the contract allows it. The channels themselves, kept up
// to date in the background, are the WalletChannels store's; the hub's terms come from the hub and
// the contract, never from here.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

#include "channels/channelsmodel.h"
#include "common/transactionreview.h"
#include "services/channels/channel_wallet.hpp"
#include "stores/walletchannels.h"
#include "walletsession.h"

namespace sluice {
class WalletStore;
}

class ChannelsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(WalletSession* session READ session WRITE setSession NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(WalletChannels* channels READ channels WRITE setChannels NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChannelsModel* model READ model CONSTANT)
    Q_PROPERTY(TransactionReview* review READ review CONSTANT)
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY inputChanged)  // BIP-44 index key
    // Open: my deposit and what the hub puts on its side.
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY inputChanged)
    Q_PROPERTY(QString hubAmount READ hubAmount WRITE setHubAmount NOTIFY inputChanged)
    Q_PROPERTY(QString amountError READ amountError NOTIFY inputChanged)
    Q_PROPERTY(QString hubAmountError READ hubAmountError NOTIFY inputChanged)
    Q_PROPERTY(bool canOpen READ canOpen NOTIFY inputChanged)
    // Pay: an amount to the hub over the chosen channel, or an invoice.
    Q_PROPERTY(QString payAmount READ payAmount WRITE setPayAmount NOTIFY inputChanged)
    Q_PROPERTY(QString payAmountError READ payAmountError NOTIFY inputChanged)
    Q_PROPERTY(QString invoice READ invoice WRITE setInvoice NOTIFY inputChanged)
    Q_PROPERTY(QString invoiceSummary READ invoiceSummary NOTIFY inputChanged)  // "0.05 ETH to 0x…" or the problem
    Q_PROPERTY(bool canPayInvoice READ canPayInvoice NOTIFY inputChanged)
    // Receive: the invoice made for receiveAmount, its QR code, and whether it was paid.
    Q_PROPERTY(QString receiveAmount READ receiveAmount WRITE setReceiveAmount NOTIFY inputChanged)
    Q_PROPERTY(QString receiveAmountError READ receiveAmountError NOTIFY inputChanged)
    Q_PROPERTY(QString createdInvoice READ createdInvoice NOTIFY stateChanged)
    Q_PROPERTY(QString createdInvoiceQr READ createdInvoiceQr NOTIFY stateChanged)  // image://sluiceqr/…
    Q_PROPERTY(QString receiveStatus READ receiveStatus NOTIFY stateChanged)
    // An invoice made here is waiting for its payment (up to kInvoiceWait). The page stays usable
    // for the other accounts; that account's payments and closes are refused until it is paid
    // (WalletChannels runs one operation per account).
    Q_PROPERTY(bool awaitingInvoice READ awaitingInvoice NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)                // what the last operation did
    Q_PROPERTY(QString disputePeriod READ disputePeriod NOTIFY networkChanged)  // "8s", from the hub, checked on chain
    // What the hub offers: how much it funds on its side and its fee per forwarded payment.
    Q_PROPERTY(QString hubTerms READ hubTerms NOTIFY networkChanged)
    Q_PROPERTY(QString watchtower READ watchtower NOTIFY networkChanged)  // "Watched by …" or why not
    Q_PROPERTY(bool ready READ ready NOTIFY networkChanged)

public:
    explicit ChannelsController(QObject* parent = nullptr);

    WalletSession* session() const { return m_session; }
    void setSession(WalletSession* session);
    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    WalletChannels* channels() const { return m_channels; }
    void setChannels(WalletChannels* channels);
    ChannelsModel* model() const { return m_model; }
    TransactionReview* review() const { return m_review; }

    QString account() const { return m_account; }
    void setAccount(const QString& key);
    QString amount() const { return m_amount; }
    void setAmount(const QString& text);
    QString hubAmount() const { return m_hubAmount; }
    void setHubAmount(const QString& text);
    QString amountError() const;
    QString hubAmountError() const;
    bool canOpen() const;
    QString payAmount() const { return m_payAmount; }
    void setPayAmount(const QString& text);
    QString payAmountError() const;
    QString invoice() const { return m_invoice; }
    void setInvoice(const QString& text);
    QString invoiceSummary() const;
    bool canPayInvoice() const;
    QString receiveAmount() const { return m_receiveAmount; }
    void setReceiveAmount(const QString& text);
    QString receiveAmountError() const;
    QString createdInvoice() const { return m_createdInvoice; }
    QString createdInvoiceQr() const;
    QString receiveStatus() const { return m_receiveStatus; }
    bool awaitingInvoice() const { return m_awaitingInvoice; }
    bool busy() const { return m_pending > 0; }
    QString error() const { return m_error; }
    QString message() const { return m_message; }
    QString disputePeriod() const;
    QString hubTerms() const;
    QString watchtower() const;
    bool ready() const { return m_channels && m_channels->attached(); }

    Q_INVOKABLE void open();
    Q_INVOKABLE void pay(const QString& channelId);
    Q_INVOKABLE void payInvoice();
    // Reads the invoice from a picture of its QR code (a screenshot, a saved image): the text found
    // goes into `invoice` and is checked like a pasted one; what went wrong reads in invoiceSummary.
    Q_INVOKABLE void readInvoiceImage(const QUrl& file);
    Q_INVOKABLE void createInvoice();
    Q_INVOKABLE void cooperativeClose(const QString& channelId);
    Q_INVOKABLE void forceClose(const QString& channelId);
    Q_INVOKABLE void settle(const QString& channelId);
    Q_INVOKABLE void clearMessages();

signals:
    void storesChanged();
    void inputChanged();
    void stateChanged();
    void networkChanged();
    void opened(const QString& channelId);
    void paid();
    void invoicePaid();
    void closed(const QString& channelId, const QString& txHash);

private:
    std::optional<sluice::Address> selectedAddress() const;
    std::optional<sluice::channels::ChannelId> channelId(const QString& text);
    sluice::TransactionSender::ReviewHook reviewHook(const TransactionReview::Details& details);
    void refreshModel();
    void started();
    // Ends an operation: its error, or `success` as the message.
    void finished(const sluice::Status& status, const QString& success);
    void updateAccountNames();

    QPointer<WalletSession> m_session;
    sluice::WalletStore* m_wallet = nullptr;
    WalletChannels* m_channels = nullptr;
    ChannelsModel* m_model;
    TransactionReview* m_review;
    QString m_account = QStringLiteral("0");
    QString m_amount;
    QString m_hubAmount;
    QString m_payAmount;
    QString m_invoice;
    QString m_invoiceImageError;  // from readInvoiceImage, until the invoice is edited
    QString m_receiveAmount;
    QString m_createdInvoice;
    QString m_receiveStatus;
    bool m_awaitingInvoice = false;
    QString m_error;
    QString m_message;
    int m_pending = 0;
};
