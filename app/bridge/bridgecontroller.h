// SPDX-License-Identifier: MIT
#pragma once
// BridgeController: the bridge page. Two forms (deposit L1 -> L2, withdraw L2 -> L1) validated in
// C++, submitted through BridgeService with the wallet's signer, and the tracker (TransfersModel)
// with finalize(key). The challenge period shown comes from the contract via WalletSession.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <optional>

#include "bridge/transfersmodel.h"
#include "common/transactionreview.h"
#include "core/common/uint256.hpp"
#include "services/wallet/walletstore.h"
#include "stores/bridgestore.h"
#include "stores/chainstore.h"

class WalletSession;

class BridgeController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("walletsession.h")
    // Required inputs: the bridge (its deposits and withdrawals, and the service that makes them),
    // the session (parameters, clock and signers), the wallet's accounts and each layer's store
    // (the source layer's balance).
    Q_PROPERTY(BridgeStore* bridge READ bridge WRITE setBridge NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(WalletSession* session READ session WRITE setSession NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l1 READ l1 WRITE setL1 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l2 READ l2 WRITE setL2 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(TransfersModel* transfers READ transfers CONSTANT)
    // The same rows in the order the tracker shows them: what needs the user first (sortKey).
    Q_PROPERTY(QAbstractItemModel* tracker READ tracker CONSTANT)
    // "Finalize all ready" is going through the ready withdrawals one review at a time.
    Q_PROPERTY(bool finalizingAll READ finalizingAll NOTIFY stateChanged)
    // Every deposit, withdrawal and finalize stops here for the user's approval before it is signed.
    Q_PROPERTY(TransactionReview* review READ review CONSTANT)
    // Inputs
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY inputChanged)  // BIP-44 index key
    Q_PROPERTY(Direction direction READ direction WRITE setDirection NOTIFY inputChanged)
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY inputChanged)
    Q_PROPERTY(QString recipient READ recipient WRITE setRecipient NOTIFY inputChanged)  // deposits: "" = same account
    // Withdrawals: queue the signed withdrawal on L1 (forced inclusion, PROTOCOL §4.5) instead of
    // sending it to the sequencer, for when the sequencer ignores this account. Costs L1 gas.
    Q_PROPERTY(bool throughL1 READ throughL1 WRITE setThroughL1 NOTIFY inputChanged)
    // Outputs
    Q_PROPERTY(QString amountError READ amountError NOTIFY validationChanged)
    Q_PROPERTY(QString recipientError READ recipientError NOTIFY validationChanged)
    Q_PROPERTY(QString available READ available NOTIFY balanceChanged)  // on the source layer, "" until known
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY validationChanged)
    Q_PROPERTY(bool submitting READ submitting NOTIFY stateChanged)
    Q_PROPERTY(QString lastTxHash READ lastTxHash NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString challengePeriod READ challengePeriod NOTIFY networkChanged)  // "1m 0s"
    Q_PROPERTY(QString inclusionDelay READ inclusionDelay NOTIFY networkChanged)    // the deposit delay, "30s"
    Q_PROPERTY(bool ready READ ready NOTIFY networkChanged)

public:
    enum class Direction { Deposit, Withdraw };
    Q_ENUM(Direction)

    explicit BridgeController(QObject* parent = nullptr);
    ~BridgeController() override;

    BridgeStore* bridge() const { return m_bridge; }
    void setBridge(BridgeStore* bridge);
    WalletSession* session() const { return m_session; }
    void setSession(WalletSession* session);
    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    ChainStore* l1() const { return m_l1; }
    void setL1(ChainStore* l1);
    ChainStore* l2() const { return m_l2; }
    void setL2(ChainStore* l2);

    TransfersModel* transfers() const { return m_model; }
    QAbstractItemModel* tracker() const { return m_tracker; }
    bool finalizingAll() const { return !m_finalizeQueue.isEmpty(); }
    TransactionReview* review() const { return m_review; }
    QString account() const { return m_account; }
    void setAccount(const QString& key);
    Direction direction() const { return m_direction; }
    void setDirection(Direction direction);
    QString amount() const { return m_amount; }
    void setAmount(const QString& text);
    QString recipient() const { return m_recipient; }
    void setRecipient(const QString& text);
    bool throughL1() const { return m_throughL1; }
    void setThroughL1(bool on);

    QString amountError() const { return m_amountError; }
    QString recipientError() const { return m_recipientError; }
    QString available() const;
    bool canSubmit() const;
    bool submitting() const { return m_submitting; }
    QString lastTxHash() const { return m_lastTxHash; }
    QString error() const { return m_error; }
    QString challengePeriod() const;
    QString inclusionDelay() const;
    bool ready() const;

    Q_INVOKABLE void submit();  // deposit or withdraw, by direction
    Q_INVOKABLE void finalize(const QString& key);
    // Finalizes every withdrawal that is ready, one after the other, each reviewed on its own;
    // declining one (or a failure) stops the rest. The CLI's `finalize --all-ready`.
    Q_INVOKABLE void finalizeAllReady();
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void clearError();

    // Tests: the source layer's balance as if fetched.
    void setKnownBalance(const std::optional<sluice::U256>& balance);

signals:
    void storesChanged();
    void inputChanged();
    void validationChanged();
    void balanceChanged();
    void stateChanged();
    void networkChanged();
    void submitted(const QString& txHash);
    void finalized(const QString& key, const QString& l1TxHash);

private:
    void attach();
    void detach();
    void validate();
    // The chosen account's balance on the source layer, as its ChainStore last read it.
    void readBalance();
    // setL1/setL2: follow a layer store's balances.
    void setChain(ChainStore*& slot, ChainStore* chain);
    ChainStore* sourceChain() const { return m_direction == Direction::Deposit ? m_l1 : m_l2; }
    void setError(const QString& error);
    // The review hook handed to BridgeService: shows each transaction in m_review.
    sluice::TransactionSender::ReviewHook reviewHook(const TransactionReview::Details& details);
    // A failure after the user cancelled at review is no error to show.
    bool takeDeclined();
    // The next of finalizeAllReady()'s withdrawals, if any are left.
    void finalizeNextQueued();
    void updateAccountNames();
    // The review's line for a withdrawal to `to`: where it arrives and the earliest final time.
    QString withdrawalOutcome(const sluice::Address& to) const;

    // The bridge's service while connected, else null.
    sluice::BridgeService* service() const { return m_bridge ? m_bridge->service() : nullptr; }

    // The stores (AppContext's and the session singleton), which outlive the controller.
    BridgeStore* m_bridge = nullptr;
    WalletSession* m_session = nullptr;
    sluice::WalletStore* m_wallet = nullptr;
    ChainStore* m_l1 = nullptr;
    ChainStore* m_l2 = nullptr;
    TransfersModel* m_model;
    QSortFilterProxyModel* m_tracker;
    QStringList m_finalizeQueue;
    TransactionReview* m_review;
    bool m_declined = false;
    QString m_account;
    Direction m_direction = Direction::Deposit;
    QString m_amount;
    QString m_recipient;
    bool m_throughL1 = false;
    QString m_amountError;
    QString m_recipientError;
    std::optional<sluice::U256> m_balance;
    bool m_submitting = false;
    QString m_lastTxHash;
    QString m_error;
};
