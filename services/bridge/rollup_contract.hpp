// SPDX-License-Identifier: MIT
#pragma once
// The views of the L1 Rollup contract a wallet checks the node's word against (docs/PROTOCOL.md
// §5), via eth_call. Calldata encoding and events live in services/rollup (rollup_abi.hpp,
// RollupReader); this is only the handful of point queries BridgeService needs.
// Calling convention as in services/rpc: (..., QObject* context, done), done runs once.

#include <QObject>

#include <functional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/batch.hpp"
#include "services/rpc/eth_client.hpp"

namespace sluice {

// The escape hatch as the contract sees it now (PROTOCOL.md §5.4).
struct EscapeStatus {
    bool frozen = false;
    quint64 availableAt = 0;  // when it freezes unless a batch comes first; 0: no deposit waits
    quint64 lastBatchAt = 0;  // the last accepted batch (or deployment)
    Hash stateRoot;           // the post-state root every exit is proven against
};

class RollupContract : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(RpcResult<T>)>;

    RollupContract(EthClient* l1, const Address& rollup, QObject* parent = nullptr);
    EthClient* l1() const { return m_l1; }
    const Address& address() const { return m_rollup; }

    void batchCount(QObject* context, Done<quint64> done);
    void batchHash(quint64 index, QObject* context, Done<Hash> done);  // zero: no such batch
    void isWithdrawalFinalized(quint64 batchIndex, quint64 withdrawalIndex, QObject* context, Done<bool> done);
    // The timestamp of the latest L1 block: "now" as the contract sees it (the challenge window
    // is judged against block.timestamp, not the local clock).
    void latestBlockTime(QObject* context, Done<quint64> done);
    void escapeStatus(QObject* context, Done<EscapeStatus> done);
    // finalizeWithdrawal(header, batchIndex, withdrawalIndex, recipient, amount, proof), encoded
    // with core/eth's ABI encoder (a static tuple is ABI-identical to its fields written out).
    // Checked against `cast calldata` in the tests.
    static Bytes finalizeWithdrawalCalldata(const rollup::BatchHeader& header, quint64 batchIndex,
                                            quint64 withdrawalIndex, const Address& recipient, const U256& amount,
                                            const std::vector<Hash>& proof);

    // eth_call of raw calldata against the contract, "latest".
    void call(const Bytes& data, QObject* context, Done<Bytes> done);

private:
    EthClient* m_l1;
    Address m_rollup;
};

}  // namespace sluice
