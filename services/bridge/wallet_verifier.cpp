// SPDX-License-Identifier: MIT
#include "services/bridge/wallet_verifier.hpp"

namespace sluice {

namespace {

BatchVerification toVerification(const ReplicaBatch& b) {
    BatchVerification v;
    v.index = b.index;
    v.headerHash = rollup::batch_header_hash(b.header);
    switch (b.judgement) {
    case ReplicaBatch::Judgement::Honest:
        v.outcome = BatchVerification::Outcome::Verified;
        v.message = QStringLiteral("re-executed from L1 data: every chunk root matches");
        break;
    case ReplicaBatch::Judgement::Fraudulent:
        v.outcome = BatchVerification::Outcome::Fraud;
        v.message = QStringLiteral("fraud: %1 in chunk %2, record %3")
                        .arg(QString::fromLatin1(rollup::verdict_name(b.verdict).data(),
                                                 qsizetype(rollup::verdict_name(b.verdict).size())))
                        .arg(b.chunkIndex)
                        .arg(b.recordIndex);
        break;
    case ReplicaBatch::Judgement::Unverifiable:
        v.outcome = BatchVerification::Outcome::Unverifiable;
        v.message = b.note;
        break;
    }
    return v;
}

}  // namespace

QString verificationName(BatchVerification::Outcome outcome) {
    switch (outcome) {
    case BatchVerification::Outcome::Verified: return QStringLiteral("verified");
    case BatchVerification::Outcome::Fraud: return QStringLiteral("fraud");
    case BatchVerification::Outcome::Unverifiable: return QStringLiteral("unverifiable");
    }
    return {};
}

WalletVerifier::WalletVerifier(EthClient* eth, const Address& rollup, quint64 deployBlock,
                               const RollupParameters& parameters, QObject* parent)
    : QObject(parent), m_reader(new RollupReader(eth, rollup, deployBlock, this)), m_replica(parameters) {
    qRegisterMetaType<BatchVerification>();
    connect(m_reader, &RollupReader::eventsRead, this, [this](const std::vector<RollupEvent>& events) {
        const std::size_t before = m_replica.batches().size();
        m_replica.apply(events);
        // Batches appended by these events (after a revert the indices restart lower).
        const auto& batches = m_replica.batches();
        for (std::size_t i = 0; i < batches.size(); ++i) {
            const bool isNew = i >= before;
            bool inEvents = false;
            for (const RollupEvent& e : events)
                if (const auto* b = std::get_if<BatchSubmittedEvent>(&e);
                    b && b->index == batches[i].index && b->header == batches[i].header)
                    inEvents = true;
            if (isNew || inEvents) emit batchChecked(toVerification(batches[i]));
        }
    });
    connect(m_reader, &RollupReader::reorged, this, [this](quint64 forkBlock) {
        m_replica.rollbackTo(forkBlock);
        emit reorged(forkBlock);
    });
    connect(m_reader, &RollupReader::synced, this, [this] {
        emit busyChanged();
        emit finished();
    });
    connect(m_reader, &RollupReader::failed, this, [this](const QString& message) {
        emit busyChanged();
        emit failed(message);
    });
}

void WalletVerifier::verifyAll() {
    m_reader->sync();
    emit busyChanged();
}

std::optional<BatchVerification> WalletVerifier::result(quint64 index) const {
    for (const ReplicaBatch& b : m_replica.batches())
        if (b.index == index) return toVerification(b);
    return std::nullopt;
}

QList<BatchVerification> WalletVerifier::results() const {
    QList<BatchVerification> out;
    for (const ReplicaBatch& b : m_replica.batches()) out << toVerification(b);
    return out;
}

}  // namespace sluice
