// SPDX-License-Identifier: MIT
#pragma once
// BridgeService: deposits (L1 -> L2) and withdrawals (L2 -> L1) of the wallet's accounts, tracked
// through the lifecycles of docs/PROTOCOL.md §7 with absolute deadlines (submittedAt + the
// challenge period read from the contract), persisted in the wallet's data directory so they
// survive restarts, and finalized with a Merkle proof that is checked against the batch header
// stored on L1 before any gas is spent.
//
// A history belongs to one deployment of the Rollup (deployment.hpp): fresh devnets reuse the
// Rollup's address, so each chain keeps its own file (storePathFor). What the file says is still
// only a record: on loading, every record is checked against L1 and one L1 contradicts (its batch
// header is not the one L1 stores although its window has passed, its deposit transaction is
// unknown to L1) is dropped, and whether a withdrawal is paid is always L1's word.
//
// Everything is asynchronous: RPC through services/rpc, the JSON file read and written on a
// private one-thread pool (in request order), results delivered on the service's thread.
// The node's word about a withdrawal is always checked against L1 (batchHash, isWithdrawalFinalized).

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <set>

#include <vector>
#include "core/rollup/records.hpp"

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/batch.hpp"
#include "services/bridge/deployment.hpp"
#include "services/bridge/network_config.hpp"
#include "services/rollup/rollup_reader.hpp"
#include "services/rpc/transaction_sender.hpp"

class QThreadPool;

namespace sluice {

class L2Client;
class RollupContract;
struct L2Withdrawal;
struct L2Deposit;

enum class WithdrawalStatus {
    Initiated,          // sequenced on L2, not yet in an L1 batch
    Posted,             // the node reports a batch, not (yet) confirmed by L1's batchHash
    InChallengeWindow,  // in a batch L1 stores, until finalAt
    ReadyToFinalize,    // the window has passed
    Finalized,          // paid out on L1
    BatchReverted,      // its batch was removed by a fraud proof; waiting to be posted again
    ReIncluded,         // posted again after a revert, in the new batch's challenge window
};

enum class DepositStatus {
    Submitted,  // the L1 transaction is sent, no receipt yet
    Queued,     // in the Rollup's deposit queue
    Credited,   // the L2 node applied it
    Failed,     // the L1 transaction reverted
};

QString withdrawalStatusName(WithdrawalStatus status);  // "initiated", "in challenge window", ...
QString depositStatusName(DepositStatus status);
// "final at 2026-11-22 10:31:05 UTC (in 2m 13s)" / "... (passed)".
QString formatDeadline(quint64 finalAt, quint64 now);  // "final at <UTC time> (in 1m 5s)"
QString formatL1Time(quint64 when, quint64 now);       // "at <UTC time> (in 1m 5s)" or "(passed)"

struct WithdrawalRecord {
    Hash l2TxHash;    // the key: stable across reverts and re-inclusion
    Address account;  // the L2 sender = the L1 recipient
    U256 amount = 0;
    WithdrawalStatus status = WithdrawalStatus::Initiated;
    qint64 initiatedAt = 0;  // unix seconds, local clock
    std::optional<quint64> batchIndex;
    std::optional<quint64> withdrawalIndex;
    std::optional<rollup::BatchHeader> header;
    std::vector<Hash> proof;
    quint64 finalAt = 0;  // header.submittedAt + challengePeriod (absolute, unix seconds)
    bool wasReverted = false;
    std::optional<Hash> finalizeTxHash;

    QString key() const;  // the L2 transaction hash, 0x hex
    QString id() const;   // "batch:index" once posted, else empty
};

struct DepositRecord {
    Hash l1TxHash;  // the key
    Address from;   // zero when only the node told of it (L1's event names no sender)
    Address to;
    U256 amount = 0;
    DepositStatus status = DepositStatus::Submitted;
    qint64 submittedAt = 0;
    std::optional<quint64> queueIndex;
    std::optional<quint64> l2Block;

    QString key() const;
    // The wallet account it concerns: the sender when this wallet sent it, else the recipient.
    Address account() const { return from == Address{} ? to : from; }
};

class BridgeService : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    template <typename T>
    using Done = std::function<void(Result<T>)>;
    // The last look before a transaction is signed (TransactionSender::Callbacks::review): called
    // once per transaction (twice for forceTransaction: the L2 transaction, then the L1 call that
    // queues it); empty: signed without one.
    using Review = TransactionSender::ReviewHook;

    // storePath: the JSON file of this deployment's records (storePathFor). Loading starts at once
    // (loaded()); with an empty path, once open() names the file.
    BridgeService(RollupContract* rollup, L2Client* l2, const RollupParameters& params, const QString& storePath,
                  QObject* parent = nullptr);
    ~BridgeService() override;  // waits for pending writes

    // <dataDir>/bridge-<Deployment::key()>.json: one file per chain, never shared by two.
    static QString storePathFor(const QString& dataDir, const Deployment& deployment);
    // Starts loading `storePath` when the service was made without one (the app learns its
    // deployment from L1 after the services exist). Records made before are kept and saved there.
    void open(const QString& storePath);

    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_refreshing; }
    const RollupParameters& params() const { return m_params; }
    // max(latest L1 block time, local clock) at the last refresh: what deadlines are compared to.
    quint64 now() const;

    // Accounts whose deposits and withdrawals refresh() follows (the wallet's accounts).
    void track(const Address& account);
    QList<Address> trackedAccounts() const { return QList<Address>(m_accounts.begin(), m_accounts.end()); }

    QList<WithdrawalRecord> withdrawals() const;  // newest first
    QList<DepositRecord> deposits() const;
    // keyOrId: the L2 transaction hash, or the "batch:index" id among the withdrawals of `accounts`
    // (every account's when empty) whose batch is not reverted. nullopt when it names none, or
    // more than one (then the L2 transaction hash tells them apart).
    std::optional<WithdrawalRecord> withdrawal(const QString& keyOrId, const QList<Address>& accounts = {}) const;

    // Rollup.deposit(to) with `amount` wei from the signer's L1 account; done gets the L1 hash
    // once mined (the record is Queued then; refresh() sees it credited).
    void deposit(const AccountSigner& signer, const Address& to, const U256& amount, QObject* context, Done<Hash> done,
                 Review review = {});
    // An L2 transfer of `amount` to WITHDRAWAL_ADDRESS; done gets the L2 hash once sequenced.
    void withdraw(const AccountSigner& signer, const U256& amount, QObject* context, Done<Hash> done,
                  Review review = {});
    // Forced inclusion (PROTOCOL §4.5): signs the L2 transfer of `amount` to `to` (a withdrawal when
    // `to` is WITHDRAWAL_ADDRESS) as `withdraw`/a transfer would (nonce, fees and balance from the L2
    // node), but queues it on L1 with Rollup.forceTransaction from the signer's L1 account instead of
    // sending it to the sequencer. done gets both hashes once the L1 transaction is mined.
    struct ForcedSubmission {
        Hash l1TxHash;
        Hash l2TxHash;  // the L2 transaction's usual hash: its receipt appears once a block applies it
        rollup::ForcedTransaction transaction;
    };
    void forceTransaction(const AccountSigner& signer, const Address& to, const U256& amount, QObject* context,
                          Done<ForcedSubmission> done, Review review = {});
    // Pays out a ready withdrawal on L1 (anyone may; the money goes to the recipient). keyOrId as
    // for withdrawal(keyOrId, accounts): an id is looked up among the accounts acted for only.
    // Refuses, with the absolute deadline, when the window has not passed; refuses a proof or
    // header that L1 does not confirm, and a withdrawal L1 has paid already. done gets the L1 hash.
    void finalize(const AccountSigner& signer, const QString& keyOrId, const QList<Address>& accounts, QObject* context,
                  Done<Hash> done, Review review = {});
    void finalize(const AccountSigner& signer, const QString& keyOrId, QObject* context, Done<Hash> done,
                  Review review = {});
    // Re-reads every tracked account's withdrawals and deposits from the node, checks them on L1,
    // updates statuses (signals per change), saves. Coalesces calls made while one runs.
    Q_INVOKABLE void refresh();

signals:
    void loadedChanged();
    void busyChanged();
    void withdrawalChanged(const QString& key);  // any field, including status
    void withdrawalStatusChanged(const QString& key, sluice::WithdrawalStatus status);
    void depositChanged(const QString& key);
    void depositStatusChanged(const QString& key, sluice::DepositStatus status);
    void refreshed();
    void problem(const QString& message);  // refresh failed (node down, ...), keeps state
    void saved();

private:
    struct RefreshJob;
    struct LoadJob;
    QList<WithdrawalRecord> withdrawalsNamed(const QString& keyOrId, const QList<Address>& accounts) const;
    void reconcileLoaded(const std::shared_ptr<LoadJob>& job);
    void sendFinalize(const AccountSigner& signer, const WithdrawalRecord& record, QObject* context, Done<Hash> done,
                      Review review);
    void finishLoad(const std::shared_ptr<LoadJob>& job);
    void applyNodeWithdrawals(const Address& account, const QList<L2Withdrawal>& list);
    void applyNodeWithdrawal(const Address& account, const L2Withdrawal& w, bool revertedBefore);
    void applyNodeDeposit(const L2Deposit& d);
    void checkOnL1(const std::shared_ptr<RefreshJob>& job);
    void finishRefresh(const std::shared_ptr<RefreshJob>& job);
    void setWithdrawalStatus(WithdrawalRecord& record, WithdrawalStatus status);
    void setDepositStatus(DepositRecord& record, DepositStatus status);
    void save();
    void load();

    RollupContract* m_rollup;
    L2Client* m_l2;
    RollupParameters m_params;
    QString m_storePath;
    TransactionSender* m_l1Sender;
    TransactionSender* m_l2Sender;
    QThreadPool* m_io;
    bool m_loaded = false;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    quint64 m_l1Time = 0;
    std::set<Address> m_accounts;
    QHash<QString, WithdrawalRecord> m_withdrawals;
    QHash<QString, DepositRecord> m_deposits;
};

}  // namespace sluice

Q_DECLARE_METATYPE(sluice::WithdrawalStatus)
Q_DECLARE_METATYPE(sluice::DepositStatus)
