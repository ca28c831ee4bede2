// SPDX-License-Identifier: MIT
#pragma once
// VerificationStore: what this wallet's own verifier (WalletVerifier, re-executing every batch
// from L1 data) has found, for the pages: the summary ("all batches holding your funds verified
// by this wallet" or what is not), the first fraudulent batch, and the alarms for the
// notifications. The session attaches the verifier of the network it connects to and detaches it
// before the verifier goes; the store outlives sessions, so pages bind to it once.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include <map>
#include <optional>

#include "services/bridge/wallet_verifier.hpp"

class VerificationStore : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppContext")
    Q_PROPERTY(bool attached READ attached NOTIFY changed)  // a verifier runs (the wallet is connected)
    Q_PROPERTY(bool fundsVerified READ fundsVerified NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(int verifiedBatches READ verifiedBatches NOTIFY changed)
    Q_PROPERTY(bool fraudDetected READ fraudDetected NOTIFY changed)
    Q_PROPERTY(QString fraudBatch READ fraudBatch NOTIFY changed)  // "" when none

public:
    explicit VerificationStore(QObject* parent = nullptr);

    void attach(sluice::WalletVerifier* verifier);
    void detach();
    sluice::WalletVerifier* verifier() const { return m_verifier; }

    bool attached() const { return m_verifier != nullptr; }
    bool fundsVerified() const { return m_fundsVerified; }
    QString summary() const { return m_summary; }
    int verifiedBatches() const { return m_verifiedBatches; }
    bool fraudDetected() const { return m_fraudBatch.has_value(); }
    QString fraudBatch() const { return m_fraudBatch ? QString::number(*m_fraudBatch) : QString(); }

signals:
    void changed();
    void batchVerified(const sluice::BatchVerification& result);
    void fraudFound(quint64 batchIndex, const QString& message);
    void batchUnreadable(quint64 batchIndex, const QString& message);  // PROTOCOL.md §5.1: an alarm

private:
    void noteVerification(const sluice::BatchVerification& result);
    void updateSummary();

    sluice::WalletVerifier* m_verifier = nullptr;
    std::map<quint64, sluice::BatchVerification::Outcome> m_verdicts;
    bool m_fundsVerified = false;
    QString m_summary;
    int m_verifiedBatches = 0;
    std::optional<quint64> m_fraudBatch;
};
