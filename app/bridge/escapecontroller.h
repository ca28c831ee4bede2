// SPDX-License-Identifier: MIT
#pragma once
// The escape hatch in the app (docs/PROTOCOL.md §5.4). Follows the Rollup's own view of it on
// every L1 head: normal, a countdown (a deposit waits and no batch has come since; the exit opens
// at an absolute L1 time unless a batch comes first), or frozen. Once frozen it offers one action:
// take every wallet account's whole L2 balance and its unbatched deposits out on L1, with proofs
// built from this wallet's own replay of L1 (WalletVerifier); the L2 node is not needed.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include <deque>
#include <optional>

#include "common/transactionreview.h"
#include "core/common/uint256.hpp"
#include "core/eth/account_signer.hpp"
#include "services/bridge/escape_hatch.hpp"
#include "services/bridge/rollup_contract.hpp"
#include "services/wallet/walletstore.h"
#include "stores/verificationstore.h"

class WalletSession;

class EscapeController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("walletsession.h")
    // Required inputs: the session (the Rollup contract, the verifier's replica, the L1 and the
    // signers), the wallet's accounts and what the verifier found (an exit is planned from it).
    Q_PROPERTY(WalletSession* session READ session WRITE setSession NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(VerificationStore* verification READ verification WRITE setVerification NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(State state READ state NOTIFY changed)
    // Unix seconds (L1 time) as QML numbers: exact far beyond any timestamp, and what Date takes.
    Q_PROPERTY(double lastBatchAt READ lastBatchAt NOTIFY changed)
    Q_PROPERTY(double availableAt READ availableAt NOTIFY changed)   // 0 unless Countdown/Frozen
    Q_PROPERTY(QString escapeDelay READ escapeDelay NOTIFY changed)  // "10m 0s", from the chain
    Q_PROPERTY(QString exitable READ exitable NOTIFY changed)        // ETH the wallet can take out, "" unknown
    Q_PROPERTY(QString planProblem READ planProblem NOTIFY changed)  // why no exit can be proven, if so
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString paid READ paid NOTIFY changed)           // ETH paid by the last exit, "" before
    Q_PROPERTY(TransactionReview* review READ review CONSTANT)  // each exit and refund is reviewed before it is signed

public:
    enum class State { Unknown, Normal, Countdown, Frozen };
    Q_ENUM(State)

    explicit EscapeController(QObject* parent = nullptr);

    WalletSession* session() const { return m_session; }
    void setSession(WalletSession* session);
    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    VerificationStore* verification() const { return m_verification; }
    void setVerification(VerificationStore* verification);

    State state() const { return m_state; }
    double lastBatchAt() const { return double(m_status.lastBatchAt); }
    double availableAt() const { return double(m_status.availableAt); }
    QString escapeDelay() const;
    QString exitable() const;
    QString planProblem() const { return m_planProblem; }
    bool busy() const { return !m_queue.empty() || m_sending; }
    QString error() const { return m_error; }
    QString paid() const;
    TransactionReview* review() const { return m_review; }

    Q_INVOKABLE void refresh();
    // Sends every exit and refund of every wallet account, each signed (and its gas paid) by the
    // account it pays, after the user approved it in review(); declining one stops the rest.
    // Only while frozen.
    Q_INVOKABLE void exitAll();

signals:
    void storesChanged();
    void changed();
    void exited(QString amount);  // ETH paid in total, once all calls are through

private:
    void planAll();
    void sendNext();

    // The stores (AppContext's and the session singleton), which outlive the controller.
    WalletSession* m_session = nullptr;
    sluice::WalletStore* m_wallet = nullptr;
    VerificationStore* m_verification = nullptr;
    State m_state = State::Unknown;
    sluice::EscapeStatus m_status;
    std::optional<sluice::U256> m_exitable;
    QString m_planProblem;
    QString m_error;
    std::optional<sluice::U256> m_paid;
    bool m_refreshing = false;
    bool m_sending = false;
    struct Pending {
        sluice::AccountSigner signer;
        sluice::EscapeCall call;
        QString action;  // translated, for the review
    };
    std::deque<Pending> m_queue;
    TransactionReview* m_review;
};
