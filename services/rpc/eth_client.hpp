// SPDX-License-Identifier: MIT
#pragma once
// Typed Ethereum JSON-RPC calls on top of RpcClient. Quantities arrive as U256 or quint64,
// never as double; a result of the wrong shape is a MalformedReply error.
// Calling convention as in rpc_client.hpp: (..., QObject* context, done), done runs once.

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "services/rpc/rpc_client.hpp"

namespace sluice {

class HeadsSubscription;

// What to pay per gas. For EIP-1559 nodes maxFeePerGas = 2 * baseFee + maxPriorityFeePerGas
// (room for the base fee to double before the transaction stops being includable).
struct FeeSuggestion {
    bool eip1559 = true;        // false: the node has no base fee, use gasPrice (legacy)
    U256 baseFeePerGas;         // from the latest block (0 when !eip1559)
    U256 maxPriorityFeePerGas;  // eth_maxPriorityFeePerGas (or a fallback when missing)
    U256 maxFeePerGas;          // the cap actually signed
    U256 gasPrice;              // eth_gasPrice, filled when !eip1559 or as the fallback
};

// eth_call / eth_estimateGas request; unset fields are omitted from the JSON.
struct CallRequest {
    std::optional<Address> from;
    std::optional<Address> to;  // nullopt: contract creation
    U256 value;
    Bytes data;
};

struct TransactionReceipt {
    Hash transactionHash;
    Hash blockHash;
    quint64 blockNumber = 0;
    bool success = false;  // status == 0x1
    U256 gasUsed;
    U256 effectiveGasPrice;
    std::optional<Address> contractAddress;
};

class EthClient : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(RpcResult<T>)>;

    explicit EthClient(RpcClient* rpc, QObject* parent = nullptr);
    RpcClient* rpc() const { return m_rpc; }

    void chainId(QObject* context, Done<quint64> done);
    void blockNumber(QObject* context, Done<quint64> done);
    // The timestamp of the latest block: "now" as a contract judges its deadlines (block.timestamp,
    // not the local clock).
    void latestBlockTime(QObject* context, Done<quint64> done);
    // block: "latest", "pending", "safe", "finalized" or a 0x quantity.
    void balance(const Address& address, QObject* context, Done<U256> done,
                 const QString& block = QStringLiteral("latest"));
    void transactionCount(const Address& address, const QString& block, QObject* context, Done<quint64> done);
    void suggestFees(QObject* context, Done<FeeSuggestion> done);
    void estimateGas(const CallRequest& request, QObject* context, Done<quint64> done);
    // eth_call at "latest": the return data; a revert is an RpcErrorObject whose data holds the
    // revert data.
    void call(const CallRequest& request, QObject* context, Done<Bytes> done);
    void sendRawTransaction(const Bytes& signedTransaction, QObject* context, Done<Hash> done);
    // nullopt while the transaction is not yet mined.
    void transactionReceipt(const Hash& hash, QObject* context, Done<std::optional<TransactionReceipt>> done);
    // Looks for the receipt at once, then again on every new head (from `heads` if given, else
    // by polling eth_getTransactionReceipt every pollInterval) until it exists or `deadline`
    // has passed (then a Timeout error). Timer driven, never a busy loop.
    void waitForReceipt(const Hash& hash, std::chrono::milliseconds deadline, QObject* context,
                        Done<TransactionReceipt> done, HeadsSubscription* heads = nullptr,
                        std::chrono::milliseconds pollInterval = std::chrono::milliseconds(500));

    // Parsers shared with tests: JSON-RPC quantities and data, strict (0x prefix, hex only).
    static std::optional<U256> parseQuantity(const QJsonValue& value);
    static std::optional<quint64> parseQuantity64(const QJsonValue& value);
    static std::optional<TransactionReceipt> parseReceipt(const QJsonValue& value);
    static QString toQuantity(const U256& value);

private:
    RpcClient* m_rpc;
};

}  // namespace sluice
