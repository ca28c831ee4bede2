// SPDX-License-Identifier: MIT
#include "services/channels/channel_party.hpp"

#include <algorithm>
#include <functional>
#include <optional>

#include "core/channels/lock_tree.hpp"
#include "core/channels/typed_data.hpp"

namespace sluice {

using namespace sluice::channels;

ChannelParty::ChannelParty(ChannelStore& store, AccountSigner signer, ClientParams params)
    : m_store(store), m_signer(std::move(signer)), m_params(params) {}

// The steps that sign run under the store's write lock (ChannelStore::exclusive): the nonce read,
// the signature and its record form one transaction, and the signature is returned only after
// it committed.
namespace {
template <typename T>
Result<T> underLock(ChannelStore& store, const std::function<Result<T>()>& step) {
    std::optional<Result<T>> result;
    auto st = store.exclusive([&]() -> Status {
        result = step();
        return {};
    });
    if (!st) return st.error();
    return std::move(*result);
}
std::variant<Signature, Refusal> underLock(ChannelStore& store,
                                           const std::function<std::variant<Signature, Refusal>()>& step) {
    std::optional<std::variant<Signature, Refusal>> result;
    auto st = store.exclusive([&]() -> Status {
        result = step();
        return {};
    });
    if (!st) return Refusal{ChannelError::None, 0, "not stored, so not signed: " + st.message()};
    return std::move(*result);
}
}  // namespace

Result<channelmsg::Proposal> ChannelParty::propose(const ChannelId& id, const Update& update) {
    return underLock<channelmsg::Proposal>(m_store, [&] { return proposeLocked(id, update); });
}

std::variant<Signature, Refusal> ChannelParty::accept(const ChannelId& id, const channelmsg::Proposal& proposal,
                                                      const ChainView& chain) {
    return underLock(m_store, [&] { return acceptLocked(id, proposal, chain); });
}

Result<std::pair<CooperativeClose, Signature>> ChannelParty::signCooperativeClose(const ChannelId& id) {
    return underLock<std::pair<CooperativeClose, Signature>>(m_store, [&] { return signCooperativeCloseLocked(id); });
}

std::variant<Signature, Refusal> ChannelParty::acceptCooperativeClose(const ChannelId& id,
                                                                      const CooperativeClose& close,
                                                                      const Signature& theirs) {
    return underLock(m_store, [&] { return acceptCooperativeCloseLocked(id, close, theirs); });
}

Result<StoredChannel> ChannelParty::load(const ChannelId& id) {
    auto c = m_store.channel(id);
    if (!c) return c.error();
    if (!*c) return make_error("unknown channel " + id.hex());
    if ((*c)->myAddress() != m_signer.address)
        return make_error("channel " + id.hex() + " belongs to another account than " + m_signer.address.hex());
    return std::move(**c);
}

AcceptContext ChannelParty::acceptContext(const StoredChannel& c, const ChainView& chain) const {
    AcceptContext context;
    context.channel = c.channel;
    context.acceptor = c.me;
    context.status = c.onChain.status;
    context.confirmed_deposit_a = c.onChain.depositA;
    context.confirmed_deposit_b = c.onChain.depositB;
    // My own outstanding proposal counts as signed: crossing proposals are both refused (§13.1).
    context.highest_signed = c.highestSigned;
    context.cooperative_close_signed = c.cooperativeCloseSigned;
    context.now = chain.now;
    context.params = m_params;
    context.secret_registered_at = chain.secretRegisteredAt;
    return context;
}

Refusal ChannelParty::refusal(ChannelError error, std::uint64_t highestSigned) const {
    return Refusal{error, highestSigned, std::string(describe(error))};
}

Result<channelmsg::Proposal> ChannelParty::proposeLocked(const ChannelId& id, const Update& update) {
    auto c = load(id);
    if (!c) return c.error();
    if (c->outstanding)
        return make_error("a proposal (nonce " + std::to_string(c->outstanding->state.nonce) +
                          ") is still waiting for the counterparty; one at a time");
    if (c->onChain.status != ChannelStatus::Open)
        return make_error("the channel is no longer open on chain: no state is signed after a close started");
    if (c->cooperativeCloseSigned) return make_error("a cooperative close was signed: no further state is signed");
    if (const auto proposer = required_proposer(update); proposer && *proposer != c->me)
        return make_error("this update must be proposed by the other participant (" +
                          std::string(describe(ChannelError::WrongProposer)) + ")");
    if (const auto* deposit = std::get_if<Deposit>(&update)) {
        // A state may count only deposits that are on chain (§13.2 rule 2).
        const U256& onChain = deposit->by == Participant::A ? c->onChain.depositA : c->onChain.depositB;
        if (c->latest.deposit(deposit->by) + deposit->amount > onChain)
            return make_error("the deposit is not on chain (yet): " +
                              std::string(describe(ChannelError::DepositsExceeded)));
    }
    const auto nonce = next_nonce(c->latest.nonce, c->highestSigned);
    if (!nonce) return make_error("the channel's nonces are used up; it can only be closed");
    auto next = apply_update(c->latest, c->latestLocks, update, *nonce, m_params.max_locks);
    if (!next) return make_error(std::string(describe(next.error())));
    auto signature = sign_state(c->channel.domain, next->state, m_signer);
    if (!signature) return signature.error();
    // Stored (fsync) before the signature leaves this object.
    if (auto st = m_store.recordProposal(id, SignedByMe{next->state, next->locks, update, *signature, std::nullopt});
        !st)
        return st.error();
    return channelmsg::Proposal{update, next->state, *signature};
}

Status ChannelParty::complete(const ChannelId& id, std::uint64_t nonce, const Signature& theirs) {
    auto c = load(id);
    if (!c) return c.error();
    if (!c->outstanding || c->outstanding->state.nonce != nonce)
        return make_error("no proposal of nonce " + std::to_string(nonce) + " is waiting in channel " + id.hex());
    if (const auto e = verify_state_signature(c->channel.domain, c->outstanding->state, theirs, c->theirAddress());
        e != SignatureError::None)
        return make_error("the counterparty's signature is not valid: " + std::string(describe(e)));
    return m_store.recordCountersigned(id, theirs);
}

Status ChannelParty::refused(const ChannelId& id, std::uint64_t nonce, std::uint64_t theirHighestSigned) {
    auto c = load(id);
    if (!c) return c.error();
    if (!c->outstanding || c->outstanding->state.nonce != nonce) return {};
    if (auto st = m_store.dropOutstanding(id); !st) return st;
    if (theirHighestSigned > c->highestSigned) return m_store.setHighestSigned(id, theirHighestSigned);
    return {};
}

std::variant<Signature, Refusal> ChannelParty::acceptLocked(const ChannelId& id, const channelmsg::Proposal& proposal,
                                                            const ChainView& chain) {
    auto c = load(id);
    if (!c) return Refusal{ChannelError::WrongChannel, 0, c.message()};
    const AcceptContext context = acceptContext(*c, chain);
    if (const auto e =
            check_proposal(context, c->latest, c->latestLocks, proposal.state, proposal.update, proposal.signature);
        e != ChannelError::None) {
        // The counterparty signed this nonce: my next proposal goes above it, or it would cross
        // that proposal and be refused in turn (§13.1).
        if (proposal.state.nonce > c->highestSigned && proposal.state.channel_id == id &&
            verify_state_signature(c->channel.domain, proposal.state, proposal.signature, c->theirAddress()) ==
                SignatureError::None)
            (void)m_store.setHighestSigned(id, proposal.state.nonce);
        return refusal(e, c->highestSigned);
    }
    // check_proposal has checked that the update makes exactly this state; its locks are these.
    auto next = apply_update(c->latest, c->latestLocks, proposal.update, proposal.state.nonce, m_params.max_locks);
    if (!next) return refusal(next.error(), c->highestSigned);
    auto mine = sign_state(c->channel.domain, proposal.state, m_signer);
    if (!mine) return Refusal{ChannelError::None, c->highestSigned, "signing failed: " + mine.message()};
    if (auto st = m_store.recordAccepted(
            id, SignedByMe{proposal.state, next->locks, proposal.update, *mine, proposal.signature});
        !st)
        return Refusal{ChannelError::None, c->highestSigned, "not stored, so not signed: " + st.message()};
    // A secret revealed in an Unlock is kept: the same lock may be forwarded (§13.3).
    if (const auto* unlock = std::get_if<Unlock>(&proposal.update)) (void)m_store.putSecret(unlock->secret);
    return *mine;
}

Result<std::pair<CooperativeClose, Signature>> ChannelParty::signCooperativeCloseLocked(const ChannelId& id) {
    auto c = load(id);
    if (!c) return c.error();
    if (c->outstanding) return make_error("a proposal is still waiting for the counterparty; close after it");
    const auto close = cooperative_close_of(c->latest);
    if (!close)
        return make_error("payments are still pending in the channel (" +
                          std::string(describe(ChannelError::LocksPending)) + ")");
    auto signature = sign_cooperative_close(c->channel.domain, *close, m_signer);
    if (!signature) return signature.error();
    if (auto st = m_store.recordCooperativeCloseSigned(id); !st) return st.error();
    return std::pair{*close, *signature};
}

std::variant<Signature, Refusal> ChannelParty::acceptCooperativeCloseLocked(const ChannelId& id,
                                                                            const CooperativeClose& close,
                                                                            const Signature& theirs) {
    auto c = load(id);
    if (!c) return Refusal{ChannelError::WrongChannel, 0, c.message()};
    const AcceptContext context = acceptContext(*c, ChainView{});
    if (c->outstanding) return Refusal{ChannelError::None, c->highestSigned, "a proposal of mine is still waiting"};
    if (const auto e = check_cooperative_close(context, c->latest, close); e != ChannelError::None)
        return refusal(e, c->highestSigned);
    if (const auto e = verify_cooperative_close_signature(c->channel.domain, close, theirs, c->theirAddress());
        e != SignatureError::None)
        return Refusal{ChannelError::BadProposerSignature, c->highestSigned,
                       "the counterparty's signature is not valid: " + std::string(describe(e))};
    auto mine = sign_cooperative_close(c->channel.domain, close, m_signer);
    if (!mine) return Refusal{ChannelError::None, c->highestSigned, "signing failed: " + mine.message()};
    if (auto st = m_store.recordCooperativeCloseSigned(id); !st)
        return Refusal{ChannelError::None, c->highestSigned, "not stored, so not signed: " + st.message()};
    return *mine;
}

Status ChannelParty::reconcile(const ChannelId& id, const std::optional<channelmsg::CosignedState>& theirs,
                               const std::vector<Lock>& theirLocks) {
    auto c = load(id);
    if (!c) return c.error();
    if (theirs && theirs->state.nonce > c->latest.nonce) {
        const CosignatureCheck check = verify_cosigned(c->channel, theirs->state, theirs->sigA, theirs->sigB);
        if (!check.ok())
            return make_error("the counterparty's newest state is not signed by both: " +
                              std::string(check.wrong_channel ? "it is of another channel" : describe(check.error)));
        const auto total = locked_total(theirLocks);
        if (!total || *total != theirs->state.locked_amount)
            return make_error("the counterparty's locks do not add up to the state's locked amount");
        if (auto st = m_store.adoptCosigned(id, *theirs, theirLocks); !st) return st;
        if (theirs->state.nonce > c->highestSigned)
            if (auto st = m_store.setHighestSigned(id, theirs->state.nonce); !st) return st;
        return {};
    }
    // Theirs is not newer: my outstanding proposal (if any) never got its counter-signature.
    if (c->outstanding) return m_store.dropOutstanding(id);
    return {};
}

Status ChannelParty::afterRestore(const ChannelId& id) {
    auto c = load(id);
    if (!c) return c.error();
    const auto jumped = restored_nonce(std::max(c->highestSigned, c->latest.nonce));
    if (!jumped) return make_error("the channel's nonces are used up; it can only be closed");
    return m_store.setHighestSigned(id, *jumped - 1);
}

}  // namespace sluice
