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

#include "services/bridge/l2_client.hpp"
#include "services/bridge/wallet_verifier.hpp"

class BatchesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool fraudDetected READ fraudDetected NOTIFY fraudChanged)
    Q_PROPERTY(QString fraudBatch READ fraudBatch NOTIFY fraudChanged)  // "" when none
    Q_PROPERTY(QString fraudMessage READ fraudMessage NOTIFY fraudChanged)
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
        StatusRole,                  // "in-window", "final", "challenged", "reverted"
        StatusTextRole,
        VerificationRole,  // "verified", "fraud", "unverifiable", "pending"
        VerifiedRole,      // bool: verified by this wallet
        FraudRole,         // bool: this wallet found fraud in it
    };
    Q_ENUM(Role)

    explicit BatchesModel(QObject* parent = nullptr);
    ~BatchesModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }
    bool fraudDetected() const { return m_fraud.has_value(); }
    QString fraudBatch() const { return m_fraud ? QString::number(*m_fraud) : QString(); }
    QString fraudMessage() const { return m_fraudMessage; }
    bool proving() const { return m_proving; }
    QString proofError() const { return m_proofError; }
    QString proofTxHash() const { return m_proofTxHash; }
    QString proverAccount() const { return m_prover; }
    void setProverAccount(const QString& key);

    // {index, txCount, stateRoot, previousRoot, withdrawalRoot, txRoot, l1TxHash, l1Block,
    //  postedAt, finalAt, status, verification, message, transactions: [hash...]}; {} if unknown.
    Q_INVOKABLE QVariantMap detail(const QString& key) const;
    Q_INVOKABLE void submitFraudProof(int batchIndex);
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
    void fraudDetectedSignal(quint64 batchIndex, const QString& message);

private:
    struct Row {
        sluice::L2Batch batch;
        std::optional<sluice::BatchVerification> verification;
        QString key() const;
    };
    int rowOfIndex(quint64 index) const;
    void attach();
    void fetch();
    QVariant windowProgress(const Row& row) const;

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
    int m_generation = 0;
};
