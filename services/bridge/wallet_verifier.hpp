// SPDX-License-Identifier: MIT
#pragma once
// WalletVerifier: the wallet's own re-execution of the rollup from L1 data alone. It follows the
// Rollup contract with services/rollup's RollupReader (events and submitBatch calldata checked
// against each header, reorgs handled) and feeds an L1Replica, which re-executes every batch with
// the core STF. Per batch it reports "verified" (honest), "fraud" (with the verdict and chunk) or
// "unverifiable" (follows a bad batch / calldata unreadable). Nothing is taken from the L2 node.
//
// The replica's work runs on the verifier's thread inside eventsRead; a devnet batch takes
// milliseconds (bench_verifier: a 1,000-transfer batch), so it is cheap enough for a GUI tick,
// but a wallet catching up on a long history should own the verifier on a worker thread.

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

#include "services/rollup/l1_replica.hpp"
#include "services/rollup/rollup_reader.hpp"

namespace sluice {

struct BatchVerification {
    quint64 index = 0;
    Hash headerHash;
    enum class Outcome { Verified, Fraud, Unverifiable };
    Outcome outcome = Outcome::Unverifiable;
    QString message;
    bool verified() const { return outcome == Outcome::Verified; }
};

QString verificationName(BatchVerification::Outcome outcome);  // "verified", "fraud", "unverifiable"

class WalletVerifier : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    // Reads L1 through `eth` from `deployBlock` on.
    WalletVerifier(EthClient* eth, const Address& rollup, quint64 deployBlock, const RollupParameters& parameters,
                   QObject* parent = nullptr);

    bool isBusy() const { return m_reader->busy(); }
    // Reads and re-executes everything new on L1; finished() when done, failed() on an error.
    Q_INVOKABLE void verifyAll();

    const L1Replica& replica() const { return m_replica; }
    // The verdict on the current batch `index`, if L1 has it.
    std::optional<BatchVerification> result(quint64 index) const;
    QList<BatchVerification> results() const;
    quint64 l1Time() const { return m_reader->headTimestamp(); }

signals:
    void batchChecked(const sluice::BatchVerification& result);  // once per new batch read
    void reorged(quint64 forkBlock);
    void finished();
    void failed(const QString& message);
    void busyChanged();

private:
    RollupReader* m_reader;
    L1Replica m_replica;
};

}  // namespace sluice

Q_DECLARE_METATYPE(sluice::BatchVerification)
