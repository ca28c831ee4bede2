// SPDX-License-Identifier: MIT
#pragma once
// Sends an EIP-1559 transaction for one chain, fixed when the sender is made: the chain id is
// never taken from the endpoint at send time (a lying endpoint could answer another chain's id and
// have the wallet sign for that chain); the endpoint must still report the same id, or nothing is
// signed. Fills nonce ("pending"), fees and gas from the node,
// checks the fees against the caps every signed transaction must respect (core/eth/fee_caps.hpp)
// and the balance covers value + gas * maxFeePerGas, offers it for review, signs through an
// AccountSigner (a raw key, or the wallet whose keys never leave its store), checks the
// signature recovers to the signer's address, submits, reports the hash, then waits for the
// receipt. The one sender of sluice-cli, the GUI (send page, bridge, fraud proofs) and the node's
// L1 side.

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <variant>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "core/eth/account_signer.hpp"
#include "core/eth/transaction.hpp"
#include "services/rpc/eth_client.hpp"

namespace sluice {

struct SendRequest {
    Address to;
    U256 value;  // wei
    Bytes data;
    std::optional<quint64> gasLimit;    // nullopt: eth_estimateGas (+20 % for contract calls)
    std::optional<FeeSuggestion> fees;  // nullopt: EthClient::suggestFees
};

struct SendFailure {
    enum class Kind {
        Rpc,                // the node failed or refused (see rpc)
        InsufficientFunds,  // balance < value + gas * maxFeePerGas, found before signing
        Signing,            // the transaction is invalid, or the signer failed (e.g. wallet locked)
        WrongChain,         // the endpoint reports another chain id than the one this sender signs for
        ReceiptTimeout,     // submitted (hash known) but no receipt before the deadline
        FeeAboveCaps,       // the fees break a rule of core/eth/fee_caps.hpp; nothing was signed
        Declined,           // the review (Callbacks::review) said no; nothing was signed
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
    U256 baseFeePerGas;  // as quoted (or the protocol's, on L2): for the expected fee
    Address from;
    Address to;
    U256 value;

    // gasLimit * maxFeePerGas: the most the fee can be.
    U256 maxFee() const;
    // gasLimit * min(maxFeePerGas, baseFeePerGas + tip): the fee at the quoted base fee.
    U256 expectedFee() const;
    // value + maxFee(): the most the transaction can take from the balance.
    U256 maxTotal() const;
};

// Fees as the sender would sign them, or why it would not.
using FeeQuoteResult = std::variant<FeeSuggestion, SendFailure>;

class TransactionSender : public QObject {
    Q_OBJECT
public:
    // See Callbacks::review.
    using ReviewHook = std::function<void(const PreparedTransaction&, std::function<void(bool)> decide)>;
    struct Callbacks {
        std::function<void(PreparedTransaction)> prepared;  // optional
        std::function<void(Hash)> submitted;                // optional
        std::function<void(TransactionReceipt)> confirmed;  // the end on success
        // Optional: when set, the signed transaction ends here instead of being submitted (forced
        // inclusion sends an L2 transaction through L1); `confirmed` is not called then.
        std::function<void(SignedTransaction)> signedOnly;
        std::function<void(SendFailure)> failed;  // the end on failure
        // Optional: the last look before signing (the app's review dialogs, sluice-cli's prompt).
        // Called with the transaction exactly as it will be signed (fees within the caps, funds
        // checked); it is signed only after decide(true); decide(false) ends with Kind::Declined.
        // decide may be called later (a dialog is open meanwhile) and only its first call counts.
        ReviewHook review;
    };

    // `chainId`: the chain every transaction is signed for (L1: confirmed when the network was
    // chosen; L2: the Rollup contract's l2ChainId).
    TransactionSender(EthClient* eth, quint64 chainId, QObject* parent = nullptr);

    quint64 chainId() const { return m_chainId; }

    // L2: the Rollup contract fixes the price a transaction pays at L2_BASE_FEE (PROTOCOL.md
    // "Fee"; a tip buys nothing), so fees are never taken from the node: every transaction is
    // signed with maxFeePerGas = that base fee and no tip.
    void setProtocolBaseFee(const U256& baseFee) { m_protocolBaseFee = baseFee; }
    // The fees send() would use when the request names none: the protocol's on L2, else the
    // node's suggestion; either way checked against the caps (core/eth/fee_caps.hpp).
    void quoteFees(QObject* context, std::function<void(FeeQuoteResult)> done);
    // The caps check of one quote (the base fee replaced by the protocol's when it is fixed).
    std::optional<SendFailure> checkFees(const FeeSuggestion& fees) const;

    void setReceiptTimeout(std::chrono::milliseconds timeout) { m_receiptTimeout = timeout; }
    void setHeads(HeadsSubscription* heads) { m_heads = heads; }
    // Callbacks run on `context`'s thread; none run if it is destroyed first.
    void send(const AccountSigner& signer, const SendRequest& request, QObject* context, Callbacks callbacks);

private:
    EthClient* m_eth;
    quint64 m_chainId;
    HeadsSubscription* m_heads = nullptr;
    std::optional<U256> m_protocolBaseFee;
    std::chrono::milliseconds m_receiptTimeout{std::chrono::seconds(120)};
};

}  // namespace sluice
