// SPDX-License-Identifier: MIT
#pragma once
// What one participant (a wallet or the hub) must keep of its channels (docs/CHANNELS.md §13.6),
// in an SQLite file of its own: per channel the latest state both signed with both signatures,
// the highest nonce it ever signed, its outstanding proposal, what it last read from L1; every
// state it signed with that state's locks (so the leaves of any state it signed can be rebuilt
// if the counterparty closes with it); and the secrets of the locks it receives or forwards.
//
// Durability is the point: the file runs in WAL mode with synchronous=FULL, so every write below
// is one transaction that is on disk (fsync) when the call returns. ChannelParty signs nothing
// before the write that records the signature has returned (§13.1), which is what makes a crash
// at any point safe: after a restart the store says exactly what was signed.

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/channels/state.hpp"
#include "core/channels/typed_data.hpp"
#include "core/channels/update.hpp"
#include "core/common/result.hpp"
#include "services/channels/channel_messages.hpp"

namespace sluice {

// What a participant last read of its channel on L1.
struct ChannelOnChain {
    channels::ChannelStatus status = channels::ChannelStatus::Open;
    U256 depositA = 0;  // the participants' total deposits (DA, DB)
    U256 depositB = 0;
    std::uint64_t closingNonce = 0;  // while Closing: the nonce of the state that closes it
    std::uint64_t disputeEndsAt = 0;
    friend bool operator==(const ChannelOnChain&, const ChannelOnChain&) = default;
};

// A state this participant signed, with the locks it commits to, the update that made it, and
// the counterparty's signature once it has it.
struct SignedByMe {
    channels::State state;
    std::vector<channels::Lock> locks;
    channels::Update update;
    channels::Signature signature;
    std::optional<channels::Signature> counterSignature;
};

struct StoredChannel {
    channels::Channel channel;
    channels::Participant me = channels::Participant::A;
    QString counterpartyUrl;  // where the counterparty answers (the hub's JSON-RPC); empty on the hub
    ChannelOnChain onChain;
    // The newest state both signed (nonce 0: the opening state, unsigned) and its locks.
    channels::State latest;
    std::vector<channels::Lock> latestLocks;
    std::optional<channels::Signature> sigA;
    std::optional<channels::Signature> sigB;
    std::uint64_t highestSigned = 0;
    bool cooperativeCloseSigned = false;
    // My proposal that the counterparty has not counter-signed yet (nonce above latest's).
    std::optional<SignedByMe> outstanding;

    const Address& myAddress() const { return channel.address(me); }
    const Address& theirAddress() const { return channel.address(channels::other(me)); }
    std::optional<channelmsg::CosignedState> cosigned() const;  // nullopt for the opening state
};

class ChannelStore {
public:
    // Creates the file (and its folder) if needed. A file that is not a channel store, damaged,
    // or of a newer schema is refused with a message saying so.
    static Result<std::unique_ptr<ChannelStore>> open(const QString& path);
    ~ChannelStore();
    ChannelStore(const ChannelStore&) = delete;
    ChannelStore& operator=(const ChannelStore&) = delete;

    const QString& path() const { return m_path; }

    // Runs `body` as one transaction holding the file's write lock from its first read to its
    // commit (fsync). The app and sluice-cli may use the same file at once: a participant reads
    // its highest signed nonce, signs and records under this lock, so two processes can never
    // sign two states of one nonce. The store's own writes inside `body` join the transaction.
    Status exclusive(const std::function<Status()>& body);

    // A channel seen opened on chain (its opening state as latest). Adding one that is already
    // stored changes nothing and succeeds: opening is seen again after a restart.
    Status addChannel(const StoredChannel& channel);
    Result<std::optional<StoredChannel>> channel(const channels::ChannelId& id);
    Result<std::vector<StoredChannel>> channels();

    // --- the protocol's steps, each one durable transaction ---
    // I signed `mine` as my proposal: highestSigned = its nonce, it is outstanding.
    Status recordProposal(const channels::ChannelId& id, const SignedByMe& mine);
    // The counterparty's signature completes my outstanding proposal: it becomes latest.
    Status recordCountersigned(const channels::ChannelId& id, const channels::Signature& theirs);
    // My outstanding proposal was refused (or is known to be lost): it is dropped; highestSigned
    // stays, so its nonce is never signed again.
    Status dropOutstanding(const channels::ChannelId& id);
    // I accepted the counterparty's proposal (its signature in `accepted.counterSignature`) and
    // add mine: the state is latest with both signatures, and highestSigned = its nonce.
    Status recordAccepted(const channels::ChannelId& id, const SignedByMe& accepted);
    // A newer state both signed, learnt from the counterparty or a watchtower (§13.7 restore, or
    // the answer to a proposal that came back only after a crash). Its locks must give its root.
    Status adoptCosigned(const channels::ChannelId& id, const channelmsg::CosignedState& cosigned,
                         const std::vector<channels::Lock>& locks);
    Status recordCooperativeCloseSigned(const channels::ChannelId& id);
    Status setHighestSigned(const channels::ChannelId& id, std::uint64_t nonce);  // §13.7 after a restore
    Status setOnChain(const channels::ChannelId& id, const ChannelOnChain& onChain);
    // A signed state from a backup (channel_backup.hpp); one already stored is left as it is.
    Status restoreSignedState(const channels::ChannelId& id, const SignedByMe& state);

    // Every state I signed of a channel, by nonce (the lock leaves of any of them, §13.6).
    Result<std::optional<SignedByMe>> signedState(const channels::ChannelId& id, std::uint64_t nonce);

    Status putSecret(const Hash& secret);
    Result<std::optional<Hash>> secret(const Hash& secretHash);

private:
    ChannelStore() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    QString m_path;
};

}  // namespace sluice
