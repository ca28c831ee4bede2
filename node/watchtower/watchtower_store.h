// SPDX-License-Identifier: MIT
#pragma once
// The watchtower's durable state (docs/CHANNELS.md §13.6: the newest doubly-signed state per
// channel, no leaves, no secrets) in its own SQLite file, D/watchtower.sqlite. WAL journal and
// synchronous=FULL: once save() returns ok the state survives a crash or a power loss, so the
// watchtower answers "accepted" only for a state it will still hold after a restart.

#include <QString>

#include <map>
#include <memory>
#include <optional>

#include "core/channels/state.hpp"
#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "services/channels/channel_messages.hpp"

namespace sluice::node {

struct WatchedChannel {
    channelmsg::CosignedState held;     // the highest nonce handed to the watchtower
    bool watching = true;               // false once the channel is settled or gone, or too late to dispute
    std::optional<quint64> disputedAt;  // the L1 block of the watchtower's last dispute of it
    std::optional<Hash> disputeTx;
};

class WatchtowerStore {
public:
    static Result<std::unique_ptr<WatchtowerStore>> open(const QString& path);
    ~WatchtowerStore();

    // Every channel it holds a state of. A row that does not parse is an error naming it.
    Result<std::map<channels::ChannelId, WatchedChannel>> load();
    // Inserts or replaces the row of w.held.state.channel_id; durable when it returns ok.
    Status save(const WatchedChannel& w);

    Result<std::optional<QString>> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);

private:
    WatchtowerStore() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace sluice::node
