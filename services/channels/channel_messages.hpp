// SPDX-License-Identifier: MIT
#pragma once
// The JSON form of the channel values (docs/CHANNELS.md §3, §4, §13) that the wallet, the hub and
// the watchtower exchange over JSON-RPC (docs/RPC.md §5) and that the channel store keeps on disk:
// one form for both, so what was stored is exactly what was signed and sent.
//
// Amounts, nonces and expiries are 0x quantities (as in every Ethereum JSON-RPC answer), hashes
// and signatures 0x hex, addresses EIP-55. Every parser is strict and names what is wrong, so a
// malformed message from a counterparty is refused with a clear error before any rule looks at it.

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <span>
#include <vector>

#include "core/channels/state.hpp"
#include "core/channels/typed_data.hpp"
#include "core/channels/update.hpp"
#include "core/common/result.hpp"

namespace sluice::channelmsg {

QJsonObject toJson(const channels::State& state);
QJsonObject toJson(const channels::Lock& lock);
QJsonObject toJson(const channels::CooperativeClose& close);
QJsonObject toJson(const channels::Update& update);
QJsonArray toJson(std::span<const channels::Lock> locks);
QString toJson(const channels::Signature& signature);

Result<channels::State> stateFromJson(const QJsonValue& value);
Result<channels::Lock> lockFromJson(const QJsonValue& value);
Result<channels::CooperativeClose> closeFromJson(const QJsonValue& value);
Result<channels::Update> updateFromJson(const QJsonValue& value);
Result<std::vector<channels::Lock>> locksFromJson(const QJsonValue& value);
Result<channels::Signature> signatureFromJson(const QJsonValue& value);
Result<Hash> hashFromJson(const QJsonValue& value, const char* what);

// A proposed update (§13.1): the new state, the proposer's signature, and what it claims to do.
struct Proposal {
    channels::Update update;
    channels::State state;
    channels::Signature signature;
};
QJsonObject toJson(const Proposal& proposal);
Result<Proposal> proposalFromJson(const QJsonValue& value);

// A state both participants signed: what close, dispute and a watchtower need.
struct CosignedState {
    channels::State state;
    channels::Signature sigA;
    channels::Signature sigB;
};
QJsonObject toJson(const CosignedState& cosigned);
Result<CosignedState> cosignedFromJson(const QJsonValue& value);

}  // namespace sluice::channelmsg
