// SPDX-License-Identifier: MIT
#pragma once
// BatchesModel: the batches page. Every batch on L1 (from the node's sluice_getBatches, each
// checked by the wallet's own WalletVerifier against L1 data alone), newest first, with window
// progress 0..1 that ticks with WalletSession::now. When the wallet's verifier finds fraud,
// fraudDetected turns true and submitFraudProof(batchIndex) sends the proof the L1Replica built
// (core/rollup's builder) from a funded wallet account.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>
#include <variant>

#include "common/tone.h"
#include "services/bridge/l2_client.hpp"
#include "services/bridge/wallet_verifier.hpp"
#include "services/wallet/walletstore.h"
#include "stores/verificationstore.h"

class WalletSession;

class BatchesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("walletsession.h")
    // Required inputs: the session (the L2's batches, the parameters, the clock, the Rollup for a
    // fraud proof), the wallet's accounts (who pays for a proof) and the verifier's verdicts.
    Q_PROPERTY(WalletSession* session READ session WRITE setSession NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(VerificationStore* verification READ verification WRITE setVerification NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool fraudDetected READ fraudDetected NOTIFY fraudChanged)
    Q_PROPERTY(QString fraudBatch READ fraudBatch NOTIFY fraudChanged)      // "" when none
    Q_PROPERTY(QString fraudMessage READ fraudMessage NOTIFY fraudChanged)  // the verifier's technical detail
    // What is wrong, in words a user understands (translated).
    Q_PROPERTY(QString fraudReason READ fraudReason NOTIFY fraudChanged)
    // Until when the proof must land: the batch's final time (local) and the time left; after it the
    // batch is final and can no longer be reverted.
    Q_PROPERTY(QString fraudDeadline READ fraudDeadline NOTIFY fraudChanged)
    Q_PROPERTY(QString fraudTimeLeft READ fraudTimeLeft NOTIFY fraudChanged)
    // Who pays for the proof ("Account 1 (0xf39F…)") and what it costs at most ("245,000 gas, at
    // most 0.0012 ETH"; "" until the L1 node has estimated it).
    Q_PROPERTY(QString proofPayer READ proofPayer NOTIFY provingChanged)
    Q_PROPERTY(QString proofCost READ proofCost NOTIFY provingChanged)
    Q_PROPERTY(bool proving READ proving NOTIFY provingChanged)
    Q_PROPERTY(QString proofError READ proofError NOTIFY provingChanged)
    Q_PROPERTY(QString proofTxHash READ proofTxHash NOTIFY provingChanged)
    // The account that pays for a fraud proof (BIP-44 index key); "" = the first account.
    Q_PROPERTY(QString proverAccount READ proverAccount WRITE setProverAccount NOTIFY provingChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,  // "<index>:<header hash>": a re-posted index gets a new key
        IndexRole,                   // int
        TxCountRole,                 // int
        StateRootRole,               // 0x hex
        AgeRole,                     // "3m 12s ago"
        PostedAtRole,                // "yyyy-MM-dd hh:mm:ss" local
        FinalAtRole,                 // "yyyy-MM-dd hh:mm:ss" local
        WindowProgressRole,          // 0..1 of the challenge window elapsed
        StatusRole,                  // Status
        StatusTextRole,              // translated, never cut by the page
        ToneRole,                    // Tone of the status chip
        VerificationRole,            // Verification: this wallet's own verdict
        VerdictTextRole,             // the verdict in words: "verified by this wallet", "not yet re-executed", ...
        WindowTextRole,              // like the bridge: "final 10:31 · 4m 10s left", "final since 10:31", "reverted"
        VerifiedRole,                // bool: verified by this wallet
        FraudRole,                   // bool: this wallet found fraud in it
    };
    Q_ENUM(Role)

    // A batch's standing on L1 as the page shows it: the node's word, turned Final on the clock,
    // and Unverified when this wallet could not re-execute it (PROTOCOL §5.1).
    enum class Status { InWindow, Final, Challenged, Reverted, Unverified, Unknown };
    Q_ENUM(Status)
    enum class Verification { Pending, Verified, Fraud, Unverifiable };
    Q_ENUM(Verification)

    explicit BatchesModel(QObject* parent = nullptr);
    ~BatchesModel() override;

    WalletSession* session() const { return m_session; }
    void setSession(WalletSession* session);
    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    VerificationStore* verification() const { return m_verification; }
    void setVerification(VerificationStore* verification);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }
    bool fraudDetected() const { return m_fraud.has_value(); }
    QString fraudBatch() const { return m_fraud ? QString::number(*m_fraud) : QString(); }
    QString fraudMessage() const { return m_fraudMessage; }
    QString fraudReason() const;
    QString fraudDeadline() const;
    QString fraudTimeLeft() const;
    QString proofPayer() const;
    QString proofCost() const { return m_proofCost; }
    bool proving() const { return m_proving; }
    QString proofError() const { return m_proofError; }
    QString proofTxHash() const { return m_proofTxHash; }
    QString proverAccount() const { return m_prover; }
    void setProverAccount(const QString& key);

    // {index, txCount, stateRoot, previousRoot, withdrawalRoot, txRoot, l1TxHash, l1Block,
    //  postedAt, finalAt, status, verification, message, transactions: [hash...]}; {} if unknown.
    Q_INVOKABLE QVariantMap detail(const QString& key) const;
    Q_INVOKABLE void submitFraudProof(int batchIndex);
    // Asks the L1 node what the proof of the fraudulent batch would cost its payer (proofCost).
    Q_INVOKABLE void estimateFraudProof();
    Q_INVOKABLE void refresh();

    // Fed from WalletSession (and by tests).
    void upsertBatch(const sluice::L2Batch& batch);
    void applyVerification(const sluice::BatchVerification& result);
    void setNow(qint64 unixSeconds);
    void setChallengePeriod(quint64 seconds) { m_challengePeriod = seconds; }
    static QString ago(qint64 seconds);  // "45s ago", "3m 12s ago", "2h 5m ago", "3d 4h ago"

signals:
    void countChanged();
    void loadingChanged();
    void fraudChanged();
    void provingChanged();
    void storesChanged();
    void fraudDetectedSignal(quint64 batchIndex, const QString& message);

private:
    struct Row {
        sluice::L2Batch batch;
        std::optional<sluice::BatchVerification> verification;
        QString key() const;
    };
    int rowOfIndex(quint64 index) const;
    void fetch();
    QVariant windowProgress(const Row& row) const;
    Status statusOf(const Row& row) const;
    // The proveFraud call for `batchIndex` and the wallet account that pays it, or why there is none.
    struct ProofCall {
        sluice::Bytes calldata;
        int accountIndex = 0;
    };
    std::variant<ProofCall, QString> proofCall(int batchIndex) const;
    const Row* fraudRow() const;
    static Verification verificationOf(const Row& row);
    QString statusText(const Row& row) const;
    static QString verdictText(const Row& row);
    QString windowText(const Row& row) const;
    Tone::Value toneOf(const Row& row) const;

    // The stores (AppContext's and the session singleton), which outlive the model.
    WalletSession* m_session = nullptr;
    sluice::WalletStore* m_wallet = nullptr;
    VerificationStore* m_verification = nullptr;
    QList<Row> m_rows;  // newest (highest index) first
    bool m_loading = false;
    qint64 m_now = 0;
    quint64 m_challengePeriod = 0;
    std::optional<quint64> m_fraud;
    QString m_fraudMessage;
    bool m_proving = false;
    QString m_proofError;
    QString m_proofTxHash;
    QString m_prover;
    QString m_proofCost;
    int m_generation = 0;
};
