// SPDX-License-Identifier: MIT
#pragma once
// One small anvil fixture for the rollup cross-checks: a real anvil (pinned, --hardfork osaka) on
// a free port, blocking wrappers around the real client (RpcClient/EthClient and, for transactions
// signed by a key, TransactionSender), deployment, eth_call with revert data, snapshots and time.
// Blocking is fine here: a test has no GUI thread; each wait runs a local event loop.

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"
#include "core/crypto/secp256k1.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

namespace sluice::contracts {
// The test-only harness of contracts/test/harness/ReplayHarness.sol, compiled by forge at build
// time and embedded by tests/rollup_l1/CMakeLists.txt (the same way sluice_contracts embeds Rollup).
std::string_view replay_harness_creation_bytecode();
std::string_view replay_harness_abi();
}  // namespace sluice::contracts

namespace sluice::test {

// anvil's well-known dev accounts (mnemonic "test test ... junk"), funded with 10,000 ETH each.
inline constexpr const char* kDevAddresses[] = {
    "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"};
inline constexpr const char* kDevKeys[] = {"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                                           "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
                                           "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
                                           "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"};

inline Address devAddress(int i) { return *Address::from_hex(kDevAddresses[i]); }
inline PrivateKey devKey(int i) { return *PrivateKey::from_hex(kDevKeys[i]); }

inline QString hexString(ByteView bytes) { return QString::fromStdString(to_hex(bytes)); }

// The first four bytes of keccak(signature): how a custom error's revert data starts.
Bytes errorSelector(std::string_view signature);

// An eth_call's outcome: return data, or the revert (its data when the node gave it).
struct CallOutcome {
    bool reverted = false;
    Bytes data;       // return data, or revert data
    QString message;  // the node's message when reverted
};

class AnvilFixture {
public:
    AnvilFixture() = default;
    AnvilFixture(const AnvilFixture&) = delete;
    AnvilFixture& operator=(const AnvilFixture&) = delete;
    ~AnvilFixture() { stop(); }

    // Starts anvil on a free port and waits until it answers; false (with `error`) if it cannot.
    bool start(QString* error = nullptr);
    void stop();
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    RpcClient* rpc() { return m_rpc.get(); }
    EthClient* eth() { return m_eth.get(); }

    // A raw JSON-RPC call, waited for.
    RpcReply call(const QString& method, const QJsonArray& params = {});
    // The same, failing the whole test program when the node refuses (setup steps only).
    QJsonValue mustCall(const QString& method, const QJsonArray& params = {});

    // eth_sendTransaction from an unlocked dev account, automined; the receipt JSON (with logs).
    // nullopt (with `error`) if the node refused it or it reverted.
    std::optional<QJsonObject> sendUnlocked(const Address& from, const std::optional<Address>& to, const Bytes& data,
                                            const U256& value = 0, QString* error = nullptr);
    // A transaction signed by `key` and sent raw through TransactionSender (the wallet's real
    // path); the receipt JSON (with logs). nullopt (with `error`) on any failure, revert included.
    std::optional<QJsonObject> sendSigned(const PrivateKey& key, const Address& to, const Bytes& data,
                                          const U256& value, quint64 gasLimit, QString* error = nullptr);

    CallOutcome ethCall(const Address& to, const Bytes& data, const std::optional<Address>& from = std::nullopt);
    U256 balance(const Address& address);
    // Deploys creation code (constructor arguments appended) from dev account 0.
    std::optional<Address> deploy(const Bytes& creationCode, QString* error = nullptr);

    QString snapshot();
    bool revertTo(const QString& id);
    // Moves the chain's clock forward and mines a block with the new time.
    void increaseTime(quint64 seconds);
    quint64 latestTimestamp();

private:
    std::optional<QJsonObject> receiptJson(const QString& txHash);

    QProcess m_process;
    quint16 m_port = 0;
    std::unique_ptr<RpcClient> m_rpc;
    std::unique_ptr<EthClient> m_eth;
};

}  // namespace sluice::test
