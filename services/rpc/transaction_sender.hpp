// SPDX-License-Identifier: MIT
#pragma once
// Sends an EIP-1559 transaction for one chain, fixed when the sender is made: the chain id is
// never taken from the endpoint at send time (a lying endpoint could answer another chain's id and
// have the wallet sign for that chain); the endpoint must still report the same id, or nothing is
// signed. Fills nonce ("pending"), fees and gas from the node,
// checks the balance covers value + gas * maxFeePerGas before signing, signs through an
// AccountSigner (a raw key, or the wallet whose keys never leave its store), checks the
// signature recovers to the signer's address, submits, reports the hash, then waits for the
// receipt. The one sender of sluice-cli, the GUI (send page, bridge, fraud proofs) and the node's
// L1 side.

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "core/eth/account_signer.hpp"
#include "core/eth/transaction.hpp"
#include "services/rpc/eth_client.hpp"

namespace sluice {

struct SendRequest {
    Address to;
    U256 value;                          // wei
    Bytes data;
    std::optional<quint64> gasLimit;     // nullopt: eth_estimateGas (+20 % for contract calls)
    std::optional<FeeSuggestion> fees;   // nullopt: EthClient::suggestFees
};

struct SendFailure {
    enum class Kind {
        Rpc,                // the node failed or refused (see rpc)
        InsufficientFunds,  // balance < value + gas * maxFeePerGas, found before signing
        Signing,            // the transaction is invalid, or the signer failed (e.g. wallet locked)
        WrongChain,         // the endpoint reports another chain id than the one this sender signs for
        ReceiptTimeout,     // submitted (hash known) but no receipt before the deadline
    };
    Kind kind = Kind::Rpc;
    QString message;
    std::optional<RpcError> rpc;
};

// The filled-in transaction as it was signed, for display and logs (no secrets).
struct PreparedTransaction {
    quint64 chainId = 0;
    quint64 nonce = 0;
    quint64 gasLimit = 0;
    U256 maxFeePerGas;
    U256 maxPriorityFeePerGas;
    Address from;
    Address to;
    U256 value;
};

class TransactionSender : public QObject {
    Q_OBJECT
public:
    struct Callbacks {
        std::function<void(PreparedTransaction)> prepared;         // optional
        std::function<void(Hash)> submitted;                        // optional
        std::function<void(TransactionReceipt)> confirmed;          // the end on success
        // Optional: when set, the signed transaction ends here instead of being submitted (forced
        // inclusion sends an L2 transaction through L1); `confirmed` is not called then.
        std::function<void(SignedTransaction)> signedOnly;
        std::function<void(SendFailure)> failed;                    // the end on failure
    };

    // `chainId`: the chain every transaction is signed for (L1: confirmed when the network was
    // chosen; L2: the Rollup contract's l2ChainId).
    TransactionSender(EthClient* eth, quint64 chainId, QObject* parent = nullptr);

    quint64 chainId() const { return m_chainId; }

    void setReceiptTimeout(std::chrono::milliseconds timeout) { m_receiptTimeout = timeout; }
    void setHeads(HeadsSubscription* heads) { m_heads = heads; }
    // Callbacks run on `context`'s thread; none run if it is destroyed first.
    void send(const AccountSigner& signer, const SendRequest& request, QObject* context, Callbacks callbacks);

private:
    EthClient* m_eth;
    quint64 m_chainId;
    HeadsSubscription* m_heads = nullptr;
    std::chrono::milliseconds m_receiptTimeout{std::chrono::seconds(120)};
};

}  // namespace sluice
