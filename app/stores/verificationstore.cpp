// SPDX-License-Identifier: MIT
#include "stores/verificationstore.h"

using namespace sluice;

VerificationStore::VerificationStore(QObject* parent) : QObject(parent) {}

void VerificationStore::attach(WalletVerifier* verifier) {
    detach();
    m_verifier = verifier;
    connect(verifier, &WalletVerifier::batchChecked, this, &VerificationStore::noteVerification);
    connect(verifier, &WalletVerifier::reorged, this, [this](quint64) {
        m_verdicts.clear();
        for (const BatchVerification& result : m_verifier->results()) m_verdicts[result.index] = result.outcome;
        updateSummary();
    });
    emit changed();
}

void VerificationStore::detach() {
    if (!m_verifier) return;
    QObject::disconnect(m_verifier, nullptr, this, nullptr);
    m_verifier = nullptr;
    m_verdicts.clear();
    m_fraudBatch.reset();
    m_verifiedBatches = 0;
    m_fundsVerified = false;
    m_summary.clear();
    emit changed();
}

void VerificationStore::noteVerification(const BatchVerification& result) {
    m_verdicts[result.index] = result.outcome;
    // A batch nobody may be able to check (PROTOCOL.md §5.1) is an alarm, not a footnote.
    if (m_verifier) {
        const auto& batches = m_verifier->replica().batches();
        if (result.index < batches.size() && batches[result.index].unreadable)
            emit batchUnreadable(result.index, result.message);
    }
    if (result.outcome == BatchVerification::Outcome::Fraud && (!m_fraudBatch || *m_fraudBatch != result.index)) {
        m_fraudBatch = result.index;
        emit fraudFound(result.index, result.message);
    }
    emit batchVerified(result);
    updateSummary();
}

void VerificationStore::updateSummary() {
    int verified = 0, fraud = 0, unverifiable = 0;
    std::optional<quint64> firstFraud;
    for (const auto& [index, outcome] : m_verdicts) {
        switch (outcome) {
        case BatchVerification::Outcome::Verified: ++verified; break;
        case BatchVerification::Outcome::Fraud:
            ++fraud;
            if (!firstFraud) firstFraud = index;
            break;
        case BatchVerification::Outcome::Unverifiable: ++unverifiable; break;
        }
    }
    if (!firstFraud) m_fraudBatch.reset();
    m_verifiedBatches = verified;
    m_fundsVerified = fraud == 0 && unverifiable == 0;
    if (m_verdicts.empty())
        m_summary = tr("No batches on L1 yet: nothing to verify.");
    else if (fraud > 0)
        m_summary =
            tr("Fraud found by this wallet in batch %1; %n batch(es) cannot be trusted.", "", fraud + unverifiable)
                .arg(*firstFraud);
    else if (unverifiable > 0)
        m_summary = tr("%n batch(es) could not be verified by this wallet.", "", unverifiable);
    else
        m_summary = tr("All %n batch(es) holding your funds verified by this wallet.", "", verified);
    emit changed();
}
