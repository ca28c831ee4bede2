// SPDX-License-Identifier: MIT
#pragma once
// The L2 node (sluiced) as the wallet sees it: the standard Ethereum calls through EthClient, plus
// the sluice_ namespace of docs/RPC.md §2 as typed results, and its WebSocket subscriptions.
// The node is a convenience, not an authority: whatever it says about batches and withdrawals is
// checked against L1 by BridgeService and WalletVerifier before money depends on it.

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/batch.hpp"
#include "services/rollup/rollup_reader.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

class QWebSocket;

namespace sluice {

struct L2Status {
    quint64 l1ChainId = 0;
    quint64 l2ChainId = 0;
    Address rollup;
    quint64 l1Head = 0;
    quint64 l2Head = 0;
    std::optional<quint64> latestBatch;  // none posted yet: nullopt
    std::optional<quint64> finalizedBatch;
    quint64 depositsQueued = 0;
    quint64 depositsProcessed = 0;
    std::optional<quint64> verifierLastCheckedBatch;
    QList<quint64> fraudFound;
};

struct L2Batch {
    quint64 index = 0;
    rollup::BatchHeader header;
    Hash l1TxHash;
    quint64 l1Block = 0;
    quint64 finalAt = 0;  // unix seconds
    QString status;       // in-window, final, challenged, reverted
    quint64 recordCount = 0;
    QList<Hash> transactions;  // L2 transaction hashes
};

struct L2Withdrawal {
    QString id;  // "batch:index", empty while not in a batch
    Hash l2TxHash;
    Address recipient;
    U256 amount = 0;
    QString status;  // the node's word (PROTOCOL.md §7)
    std::optional<quint64> batchIndex;
    std::optional<quint64> withdrawalIndex;
    quint64 finalAt = 0;
    std::optional<rollup::BatchHeader> header;
    std::vector<Hash> proof;
};

struct L2Deposit {
    quint64 queueIndex = 0;
    Address to;
    U256 amount = 0;
    Hash l1TxHash;
    QString status;  // queued, credited
    std::optional<quint64> l2Block;
};

class L2Client : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(RpcResult<T>)>;

    // webSocketUrl may be empty (no subscriptions; callers poll).
    explicit L2Client(const QUrl& rpcUrl, const QUrl& webSocketUrl = {}, QObject* parent = nullptr);
    ~L2Client() override;

    EthClient* eth() const { return m_eth; }
    RpcClient* rpc() const { return m_rpc; }

    void status(QObject* context, Done<L2Status> done);
    void batches(quint64 fromIndex, quint64 count, QObject* context, Done<QList<L2Batch>> done);
    void withdrawals(const Address& address, QObject* context, Done<QList<L2Withdrawal>> done);
    void deposits(const Address& address, QObject* context, Done<QList<L2Deposit>> done);

    // eth_subscribe over the WebSocket: "sluice_batches", "sluice_withdrawals" (params: an
    // address), "sluice_fraud", "newHeads". Reconnects and resubscribes every 2 s while down;
    // each notification arrives as notification(name, payload).
    void subscribe(const QString& name, const QJsonArray& params = {});

    // Parsers, public for tests. nullopt when a required field is missing or of the wrong shape.
    static std::optional<rollup::BatchHeader> parseHeader(const QJsonValue& value);
    static std::optional<L2Status> parseStatus(const QJsonValue& value);
    static std::optional<L2Batch> parseBatch(const QJsonValue& value);
    static std::optional<L2Withdrawal> parseWithdrawal(const QJsonValue& value);
    static std::optional<L2Deposit> parseDeposit(const QJsonValue& value);
    // A quantity as 0x-hex, a JSON number or a decimal string (nodes differ; all are exact here).
    static std::optional<U256> parseNumber(const QJsonValue& value);

signals:
    void notification(const QString& name, const QJsonValue& payload);
    void subscriptionProblem(const QString& message);

private:
    template <typename T>
    void callList(const QString& method, const QJsonArray& params, QObject* context,
                  std::optional<T> (*parse)(const QJsonValue&), Done<QList<T>> done);
    void connectSocket();
    void onSocketMessage(const QString& text);

    RpcClient* m_rpc;
    EthClient* m_eth;
    QUrl m_wsUrl;
    QWebSocket* m_socket = nullptr;
    struct Wanted {
        QString name;
        QJsonArray params;
    };
    QList<Wanted> m_wanted;
    QHash<qint64, QString> m_pendingSubscribe;  // request id -> name
    QHash<QString, QString> m_subscriptions;    // subscription id -> name
    qint64 m_nextId = 1;
};

// The one way to make a sender of L2 transactions (app, bridge, sluice-cli): signed for the Rollup
// contract's l2ChainId at its L2_BASE_FEE, never at fees the L2 node quotes.
TransactionSender* newL2Sender(EthClient* l2, const RollupParameters& params, QObject* parent);

}  // namespace sluice
