// SPDX-License-Identifier: MIT
#pragma once
// SendController: the send page, on L1 or L2. Inputs are properties the form writes (account,
// layer, recipient, amount text); validation happens in C++ as they change (EIP-55 checksum,
// exact amount parsing, decimals, balance including the fee). review() fetches fees and gas from
// the chosen layer's node and exposes the fee and total; confirm() signs through the wallet
// (keys never leave WalletStore) and sends with TransactionSender; the state follows the transaction
// to its receipt.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include <optional>

#include "common/transactionreview.h"
#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"
#include "stores/bridgestore.h"
#include "stores/chainstore.h"

class WalletSession;
class ActivityJournal;

class SendController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("walletsession.h")
    // Required inputs: the session (signers, the layers' clients and parameters), the bridge (an
    // L2 payment queued through L1), the wallet's accounts, each layer's store (the balances) and
    // the journal the sent transfer goes into.
    Q_PROPERTY(WalletSession* session READ session WRITE setSession NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(BridgeStore* bridge READ bridge WRITE setBridge NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l1 READ l1 WRITE setL1 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l2 READ l2 WRITE setL2 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ActivityJournal* activity READ activity WRITE setActivity NOTIFY storesChanged REQUIRED)
    // Inputs
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY inputChanged)  // BIP-44 index key
    Q_PROPERTY(Layer layer READ layer WRITE setLayer NOTIFY inputChanged)
    Q_PROPERTY(QString recipient READ recipient WRITE setRecipient NOTIFY inputChanged)
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY inputChanged)  // "0.5" ether
    // L2 only: queue the signed transfer on L1 (forced inclusion, PROTOCOL §4.5) instead of sending it
    // to the sequencer, for when the sequencer ignores this account. Costs L1 gas on top.
    Q_PROPERTY(bool throughL1 READ throughL1 WRITE setThroughL1 NOTIFY inputChanged)
    // Outputs
    Q_PROPERTY(QString recipientError READ recipientError NOTIFY validationChanged)
    Q_PROPERTY(QString amountError READ amountError NOTIFY validationChanged)
    Q_PROPERTY(QString balance READ balance NOTIFY balanceChanged)  // "" until known
    Q_PROPERTY(bool canReview READ canReview NOTIFY validationChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString fee READ fee NOTIFY reviewChanged)                  // max fee, exact ether
    Q_PROPERTY(QString total READ total NOTIFY reviewChanged)              // amount + max fee
    Q_PROPERTY(QString expectedFee READ expectedFee NOTIFY reviewChanged)  // at the quoted base fee
    Q_PROPERTY(QString feeWarning READ feeWarning NOTIFY reviewChanged)    // "" unless the fee is a large share
    Q_PROPERTY(QString gasLimit READ gasLimit NOTIFY reviewChanged)
    Q_PROPERTY(QString maxFeePerGas READ maxFeePerGas NOTIFY reviewChanged)  // "2 gwei"
    Q_PROPERTY(QString txHash READ txHash NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString unit READ unit CONSTANT)
    // Through L1: after the payment's own review, the L1 transaction that queues it is shown here.
    Q_PROPERTY(TransactionReview* l1Review READ l1Review CONSTANT)
    Q_PROPERTY(QString chainId READ chainId NOTIFY inputChanged)  // what is signed for: the pinned id of the layer

public:
    enum class Layer { L1, L2 };
    Q_ENUM(Layer)
    // Editing -> Preparing (fees) -> Review -> Sending (signed, submitted) -> Sent (receipt) | Failed
    enum class State { Editing, Preparing, Review, Sending, Sent, Failed };
    Q_ENUM(State)

    explicit SendController(QObject* parent = nullptr);
    ~SendController() override;

    WalletSession* session() const { return m_session; }
    void setSession(WalletSession* session);
    BridgeStore* bridge() const { return m_bridge; }
    void setBridge(BridgeStore* bridge);
    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    ChainStore* l1() const { return m_l1; }
    void setL1(ChainStore* l1);
    ChainStore* l2() const { return m_l2; }
    void setL2(ChainStore* l2);
    ActivityJournal* activity() const { return m_activity; }
    void setActivity(ActivityJournal* activity);

    QString account() const { return m_account; }
    void setAccount(const QString& key);
    Layer layer() const { return m_layer; }
    void setLayer(Layer layer);
    bool throughL1() const { return m_throughL1; }
    void setThroughL1(bool on);
    QString recipient() const { return m_recipient; }
    void setRecipient(const QString& text);
    QString amount() const { return m_amount; }
    void setAmount(const QString& text);

    QString recipientError() const { return m_recipientError; }
    QString amountError() const { return m_amountError; }
    QString balance() const;
    bool canReview() const;
    State state() const { return m_state; }
    TransactionReview* l1Review() const { return m_l1Review; }
    QString fee() const;
    QString expectedFee() const;
    QString feeWarning() const;
    QString total() const;
    QString gasLimit() const;
    QString maxFeePerGas() const;
    QString txHash() const { return m_txHash; }
    QString error() const { return m_error; }
    QString unit() const { return QStringLiteral("ETH"); }
    QString chainId() const;

    // The rules, static so tests and other forms share them. Empty when fine.
    // Recipient: 0x + 40 hex; mixed case must be a valid EIP-55 checksum.
    static QString addressProblem(const QString& text);
    // Amount: parse_amount in ether, > 0, and amount + fee <= balance when the balance is known.
    static QString amountProblem(const QString& text, const std::optional<sluice::U256>& balance,
                                 const sluice::U256& fee = 0);

    // Fills the amount with balance - max fee (fetches fees first if needed).
    Q_INVOKABLE void setMax();
    Q_INVOKABLE void review();
    Q_INVOKABLE void confirm();
    Q_INVOKABLE void back();   // Review/Failed -> Editing
    Q_INVOKABLE void reset();  // clears the form

    // Tests: the balance and fee as if fetched.
    void setKnownBalance(const std::optional<sluice::U256>& balance);
    void setFees(const sluice::FeeSuggestion& fees, quint64 gasLimit);

signals:
    void storesChanged();
    void inputChanged();
    void validationChanged();
    void balanceChanged();
    void stateChanged();
    void reviewChanged();
    void sent(const QString& txHash);

private:
    void validate();
    // The chosen account's balance on the chosen layer, as its ChainStore last read it.
    void readBalance();
    // setL1/setL2: follow a layer store's balances.
    void setChain(ChainStore*& slot, ChainStore* chain);
    ChainStore* chain() const { return m_layer == Layer::L1 ? m_l1 : m_l2; }
    void setState(State state, const QString& error = {});
    sluice::EthClient* eth() const;
    // The transaction as quoted for review (fees, gas limit, amount); empty fees until quoted.
    sluice::PreparedTransaction quoted() const;
    sluice::U256 maxFee() const;
    // A sender for the chosen layer (replacing the last one): fees are quoted and signed by it.
    sluice::TransactionSender* makeSender();

    // The stores (AppContext's and the session singleton), which outlive the controller.
    WalletSession* m_session = nullptr;
    BridgeStore* m_bridge = nullptr;
    sluice::WalletStore* m_wallet = nullptr;
    ChainStore* m_l1 = nullptr;
    ChainStore* m_l2 = nullptr;
    ActivityJournal* m_activity = nullptr;
    QString m_account;
    Layer m_layer = Layer::L2;
    bool m_throughL1 = false;
    QString m_recipient;
    QString m_amount;
    QString m_recipientError;
    QString m_amountError;
    std::optional<sluice::U256> m_balance;
    std::optional<sluice::FeeSuggestion> m_fees;
    quint64 m_gasLimit = 21000;
    TransactionReview* m_l1Review;
    bool m_maxAfterFees = false;
    State m_state = State::Editing;
    QString m_txHash;
    QString m_error;
    int m_generation = 0;
    sluice::TransactionSender* m_sender = nullptr;
};
