// SPDX-License-Identifier: MIT
#pragma once
// The L1 binding of contracts/src/Channels.sol (docs/CHANNELS.md §5–§9): calldata for every
// write, the deployment data, the events a wallet, the hub and the watchtower act on, the custom
// errors as English, and the views through eth_call. Shared by the wallet, the hub and the
// watchtower; signing and sending are theirs (services/rpc/transaction_sender.hpp).
// Calling convention as in services/rpc: (..., QObject* context, done), done runs once.

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/channels/state.hpp"
#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "services/rpc/eth_client.hpp"

namespace sluice {

// Channels.channel(id) (docs/CHANNELS.md §5.6).
struct OnChainChannel {
    channels::ChannelStatus status = channels::ChannelStatus::None;
    Address a, b;
    U256 depositA, depositB;
    std::uint64_t nonce = 0;  // the closing state's nonce while Closing
    std::uint64_t disputeEndsAt = 0;
    U256 payA, payB, locked;
    Hash locksRoot;
};

// One decoded Channels event (the ones a wallet, the hub or a watchtower acts on; §8).
struct ChannelEvent {
    enum class Kind {
        Opened,
        Deposited,
        ClosedCooperatively,
        CloseStarted,
        Disputed,
        Settled,
        SecretRegistered,
        Unlocked,
        LockExpired
    };
    Kind kind = Kind::Opened;
    channels::ChannelId channelId;  // zero for SecretRegistered
    std::uint64_t blockNumber = 0;
    Hash transactionHash;
    std::uint64_t logIndex = 0;
    // Filled per kind, as the event carries them:
    //   Opened: a, b, index, depositA, depositB
    //   Deposited: participant, amount, total (the participant's total deposit after it)
    //   ClosedCooperatively, Settled: payA, payB (Settled also locked)
    //   CloseStarted: participant (the closer), nonce, payA, payB, locked, locksRoot, disputeEndsAt
    //   Disputed: participant (the sender), nonce, payA, payB, locked, locksRoot
    //   SecretRegistered: secretHash, secret
    //   Unlocked / LockExpired: index, participant (the receiver / the sender), amount, secretHash
    Address a, b, participant;
    U256 amount, total, payA, payB, locked, index;
    std::uint64_t nonce = 0, disputeEndsAt = 0;
    Hash secretHash, secret;
    U256 depositA, depositB;  // Opened
    Hash locksRoot;           // CloseStarted, Disputed
};

namespace channelsabi {

Bytes openCalldata(const Address& a, const Address& b, const U256& depositA, const U256& depositB);
Bytes depositCalldata(const channels::ChannelId& id);
Bytes cooperativeCloseCalldata(const channels::CooperativeClose& c, ByteView sigA, ByteView sigB);
Bytes closeCalldata(const channels::State& s, ByteView sigA, ByteView sigB);
Bytes closeInitialCalldata(const channels::ChannelId& id);
Bytes disputeCalldata(const channels::State& s, ByteView sigA, ByteView sigB);
Bytes settleCalldata(const channels::ChannelId& id);
Bytes registerSecretCalldata(const Hash& secret);
Bytes unlockCalldata(const channels::ChannelId& id, const channels::Lock& lock, const U256& index,
                     const std::vector<Hash>& proof);
Bytes claimExpiredCalldata(const channels::ChannelId& id, const channels::Lock& lock, const U256& index,
                           const std::vector<Hash>& proof);
Bytes withdrawCalldata(const Address& to);
// Creation code ‖ abi.encode(disputePeriod): the `data` of the deploying transaction.
Bytes deploymentData(ByteView creationCode, std::uint64_t disputePeriod);

// One eth_getLogs entry -> event; nullopt for a log that is not one of the kinds above
// (PaymentDeferred, Withdrawn, another contract's event); an error for a malformed log of a known
// kind (wrong number of topics or data words, a value out of its type's range, a pending log
// without its block number).
Result<std::optional<ChannelEvent>> decodeLog(const QJsonObject& log);

// topic0 of ChannelOpened (openedChannelId looks for it in a receipt).
const Hash& channelOpenedTopic();

}  // namespace channelsabi

// The contract's custom error in an eth_call / eth_estimateGas error's `data` (RpcError::data: the
// revert data as 0x-hex, or an object holding it under "data") as one English sentence naming the
// error and its arguments, e.g. "StaleNonce(given 3, current 5)" or "WrongStatus(channelId 0x…,
// status Closing)"; Error(string) and Panic(uint256) too; an unknown selector as hex.
QString channelsRevertReason(const QJsonValue& errorData);

class ChannelsContract : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(RpcResult<T>)>;

    ChannelsContract(EthClient* l1, const Address& contract, QObject* parent = nullptr);
    EthClient* l1() const { return m_l1; }
    const Address& address() const { return m_contract; }

    void disputePeriod(QObject* context, Done<std::uint64_t> done);
    void channelCount(QObject* context, Done<U256> done);
    void channel(const channels::ChannelId& id, QObject* context, Done<OnChainChannel> done);
    void secretRegisteredAt(const Hash& secretHash, QObject* context, Done<std::uint64_t> done);  // 0: never
    void withdrawable(const Address& account, QObject* context, Done<U256> done);
    // The timestamp of the latest L1 block: "now" as the contract judges dispute periods and lock
    // expiries (block.timestamp, not the local clock).
    void latestBlockTime(QObject* context, Done<std::uint64_t> done);
    // eth_getLogs over [fromBlock, toBlock] for this contract, decoded, in chain order (block, then
    // log index). A malformed log of a known kind, or a log of another address, fails the whole call.
    void events(std::uint64_t fromBlock, std::uint64_t toBlock, QObject* context, Done<std::vector<ChannelEvent>> done);
    // The channel id of the ChannelOpened event this contract emitted in the transaction's receipt
    // (after `open`). An error when the transaction is not mined yet, reverted, or opened nothing here.
    void openedChannelId(const Hash& openTxHash, QObject* context, Done<channels::ChannelId> done);

    // eth_call of raw calldata against the contract, "latest". A revert is an RpcErrorObject
    // whose data channelsRevertReason reads.
    void call(const Bytes& data, QObject* context, Done<Bytes> done);

private:
    EthClient* m_l1;
    Address m_contract;
};

}  // namespace sluice
