// SPDX-License-Identifier: MIT
#pragma once
// One participant's side of the off-chain protocol (docs/CHANNELS.md §13.1, §13.2, §13.7) over
// its ChannelStore: the wallet and the hub both run one, each for its own key. It proposes
// updates, accepts the counterparty's, completes its own with their signature, and agrees a
// cooperative close. It decides with core/channels (apply_update, check_proposal) and nothing
// else, and it writes every state to the store before its signature is returned to the caller,
// so nothing it signed is ever forgotten and no nonce is signed twice, whatever crashes when.
//
// Transport-free and synchronous: the caller (the hub's RPC methods, the wallet's ChannelClient)
// moves proposals and signatures, and tells it what it knows of the chain.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "core/channels/errors.hpp"
#include "core/channels/update.hpp"
#include "core/eth/account_signer.hpp"
#include "services/channels/channel_messages.hpp"
#include "services/channels/channel_store.hpp"

namespace sluice {

// What the participant knows of L1 when it accepts: the newest block's time and, for an Expire,
// Channels.secretRegisteredAt (nullopt: unknown, and the Expire is refused).
struct ChainView {
    std::uint64_t now = 0;
    std::function<std::optional<std::uint64_t>(const Hash& secretHash)> secretRegisteredAt;
};

// Why a proposal was not signed: the rule (a code both sides share) and the refuser's
// highestSigned, so that the proposer can retry above it (§13.1).
struct Refusal {
    channels::ChannelError error = channels::ChannelError::None;
    std::uint64_t highestSigned = 0;
    std::string message;  // English, for logs and the CLI
};

class ChannelParty {
public:
    ChannelParty(ChannelStore& store, AccountSigner signer, channels::ClientParams params = {});

    const Address& address() const { return m_signer.address; }
    ChannelStore& store() { return m_store; }
    const channels::ClientParams& params() const { return m_params; }

    // --- proposer (§13.1) ---
    // The state `update` makes from the latest one, signed and durably stored as the outstanding
    // proposal. Refused while another proposal is outstanding (one at a time), after a close
    // started or was agreed, and when the update does not apply (the ChannelError's words).
    Result<channelmsg::Proposal> propose(const channels::ChannelId& id, const channels::Update& update);
    // The counterparty's signature on my outstanding proposal of `nonce`: checked, then latest.
    Status complete(const channels::ChannelId& id, std::uint64_t nonce, const channels::Signature& theirs);
    // The counterparty refused it: it is dropped, and the next proposal goes above both
    // participants' highest signed nonce.
    Status refused(const channels::ChannelId& id, std::uint64_t nonce, std::uint64_t theirHighestSigned);

    // --- acceptor (§13.2) ---
    // Checks the proposal against the latest state, stores it with both signatures, and returns
    // my signature; or why not (nothing is stored then).
    std::variant<channels::Signature, Refusal> accept(const channels::ChannelId& id,
                                                      const channelmsg::Proposal& proposal, const ChainView& chain);

    // --- cooperative close (§13.2) ---
    // The close of the latest state's split, with my signature; afterwards no state is signed.
    Result<std::pair<channels::CooperativeClose, channels::Signature>> signCooperativeClose(
        const channels::ChannelId& id);
    // The counterparty's close with its signature: checked (the latest split, no locks), then my
    // signature. Also marks the channel so nothing more is signed.
    std::variant<channels::Signature, Refusal> acceptCooperativeClose(const channels::ChannelId& id,
                                                                      const channels::CooperativeClose& close,
                                                                      const channels::Signature& theirs);

    // --- resuming (§13.7) ---
    // What the counterparty (or a watchtower) holds as its newest co-signed state, with that
    // state's locks: adopted when it is newer than mine and carries both valid signatures. My
    // outstanding proposal is then settled: completed when theirs is it, dropped otherwise.
    Status reconcile(const channels::ChannelId& id, const std::optional<channelmsg::CosignedState>& theirs,
                     const std::vector<channels::Lock>& theirLocks);
    // After restoring an old backup: no proposal may reuse a nonce that might have been signed
    // since, so highestSigned jumps by 2^40 above everything seen (§13.7 rule 2).
    Status afterRestore(const channels::ChannelId& id);

private:
    Result<StoredChannel> load(const channels::ChannelId& id);
    // The bodies of the signing steps, run under the store's write lock.
    Result<channelmsg::Proposal> proposeLocked(const channels::ChannelId& id, const channels::Update& update);
    std::variant<channels::Signature, Refusal> acceptLocked(const channels::ChannelId& id,
                                                            const channelmsg::Proposal& proposal,
                                                            const ChainView& chain);
    Result<std::pair<channels::CooperativeClose, channels::Signature>> signCooperativeCloseLocked(
        const channels::ChannelId& id);
    std::variant<channels::Signature, Refusal> acceptCooperativeCloseLocked(const channels::ChannelId& id,
                                                                            const channels::CooperativeClose& close,
                                                                            const channels::Signature& theirs);
    Refusal refusal(channels::ChannelError error, std::uint64_t highestSigned) const;
    // What the acceptor's checks know: the channel as stored, and the chain as the caller sees it.
    channels::AcceptContext acceptContext(const StoredChannel& channel, const ChainView& chain) const;

    ChannelStore& m_store;
    AccountSigner m_signer;
    channels::ClientParams m_params;
};

}  // namespace sluice
