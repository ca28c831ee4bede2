// SPDX-License-Identifier: MIT
#include "services/rollup/rollup_reader.hpp"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

#include "core/rollup/batch.hpp"

namespace sluice {
namespace {

constexpr std::size_t kRememberedBlocks = 512;

QString q(const std::string& s) { return QString::fromStdString(s); }
QString quantity(quint64 v) { return QStringLiteral("0x") + QString::number(v, 16); }

std::optional<Hash> hashField(const QJsonObject& o, const char* key) {
    auto raw = from_hex(o.value(QLatin1String(key)).toString().toStdString());
    if (!raw || raw->size() != 32) return std::nullopt;
    return Hash::from_view(*raw);
}

// eth_call of `data` at the latest block; the return data or an error message.
void ethCall(RpcClient* rpc, const Address& to, const Bytes& data, QObject* context,
             std::function<void(RpcResult<Bytes>)> done) {
    QJsonObject req{{QStringLiteral("to"), q(to.hex())}, {QStringLiteral("data"), q(to_hex(data))}};
    rpc->call(QStringLiteral("eth_call"), QJsonArray{req, QStringLiteral("latest")}, context,
              [rpc, done](RpcReply reply) {
                  if (!reply) return done(reply.error());
                  auto raw = from_hex(reply.value().toString().toStdString());
                  if (!raw) return done(rpc->malformed(QStringLiteral("eth_call"), QStringLiteral("hex data")));
                  done(std::move(*raw));
              });
}

}  // namespace

struct RollupReader::Pass {
    quint64 target = 0;
};

RollupReader::RollupReader(EthClient* eth, const Address& rollup, quint64 fromBlock, QObject* parent)
    : QObject(parent), m_eth(eth), m_rollup(rollup), m_from(fromBlock), m_next(fromBlock) {}

void RollupReader::readParameters(QObject* context, std::function<void(RpcResult<RollupParameters>)> done) {
    struct State {
        RollupParameters p;
        std::size_t step = 0;
    };
    auto state = std::make_shared<State>();
    static const char* const kViews[] = {"l2ChainId()",    "challengePeriod()", "requiredBond()", "l2BaseFee()",
                                         "depositDelay()", "feeRecipient()",    "minDeposit()",   "escapeDelay()"};
    auto rpc = m_eth->rpc();
    auto rollup = m_rollup;
    // The step holds itself weakly and each call under way holds it strongly (self), so it lives
    // exactly as long as a call is pending, whichever way the reading ends.
    auto next = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weakNext = next;
    auto fail = [done](const QString& what, const QString& why) {
        RpcError e;
        e.kind = RpcError::Kind::MalformedReply;
        e.message = QStringLiteral("Reading the Rollup contract's %1 failed: %2").arg(what, why);
        done(e);
    };
    *next = [=]() {
        if (state->step < std::size(kViews)) {
            const char* view = kViews[state->step];
            ethCall(rpc, rollup, rollupabi::encodeView(view), context, [=, self = weakNext.lock()](RpcResult<Bytes> r) {
                if (!r) return done(r.error());
                if (r.value().empty())
                    return fail(
                        QLatin1String(view),
                        QStringLiteral("no return data (is %1 a Rollup contract on this chain?)").arg(q(rollup.hex())));
                auto& p = state->p;
                switch (state->step) {
                case 5: {
                    auto a = rollupabi::decodeAddressWord(r.value());
                    if (!a) return fail(QLatin1String(view), q(a.message()));
                    p.feeRecipient = *a;
                    break;
                }
                default: {
                    auto v = rollupabi::decodeUintWord(r.value());
                    if (!v) return fail(QLatin1String(view), q(v.message()));
                    if (state->step == 0) p.l2ChainId = *v;
                    if (state->step == 1) p.challengePeriod = static_cast<quint64>(*v);
                    if (state->step == 2) p.requiredBond = *v;
                    if (state->step == 3) p.l2BaseFee = *v;
                    if (state->step == 4) p.depositDelay = static_cast<quint64>(*v);
                    if (state->step == 6) p.minDeposit = *v;
                    if (state->step == 7) p.escapeDelay = static_cast<quint64>(*v);
                }
                }
                ++state->step;
                (*self)();
            });
        } else if (state->step == std::size(kViews)) {
            const Bytes data = rollupabi::encodeView("genesisStateRoot(address)", {state->p.feeRecipient});
            ethCall(rpc, rollup, data, context, [=, self = weakNext.lock()](RpcResult<Bytes> r) {
                if (!r) return done(r.error());
                auto h = Hash::from_view(r.value());
                if (!h) return fail(QStringLiteral("genesisStateRoot"), QStringLiteral("not one word"));
                state->p.genesisStateRoot = *h;
                ++state->step;
                (*self)();
            });
        } else {
            rpc->call(QStringLiteral("eth_chainId"), {}, context, [=](RpcReply r) {
                if (!r) return done(r.error());
                auto id = EthClient::parseQuantity64(r.value());
                if (!id) return done(rpc->malformed(QStringLiteral("eth_chainId"), QStringLiteral("a quantity")));
                state->p.l1ChainId = *id;
                done(state->p);
            });
        }
    };
    (*next)();
}

void RollupReader::sync() {
    if (m_busy) {
        m_again = true;
        return;
    }
    startPass();
}

void RollupReader::startPass() {
    m_busy = true;
    m_again = false;
    auto pass = std::make_shared<Pass>();
    m_eth->rpc()->call(QStringLiteral("eth_getBlockByNumber"), QJsonArray{QStringLiteral("latest"), false}, this,
                       [this, pass](RpcReply r) {
                           if (!r) return finishPass(false, r.error().message);
                           auto o = r.value().toObject();
                           auto number = EthClient::parseQuantity64(o.value(QStringLiteral("number")));
                           auto ts = EthClient::parseQuantity64(o.value(QStringLiteral("timestamp")));
                           if (!number || !ts)
                               return finishPass(
                                   false, QStringLiteral("The L1 node's latest block has no number or timestamp."));
                           m_headNumber = *number;
                           m_headTimestamp = *ts;
                           pass->target = *number >= m_confirmations ? *number - m_confirmations : 0;
                           checkContinuity(pass);
                       });
}

void RollupReader::finishPass(bool ok, const QString& error) {
    m_busy = false;
    if (!ok) {
        emit failed(QStringLiteral("Reading the Rollup contract from L1 failed: %1").arg(error));
        return;
    }
    emit synced(m_headNumber, m_headTimestamp);
    if (m_again) startPass();
}

void RollupReader::checkContinuity(std::shared_ptr<Pass> pass) {
    if (m_seen.empty()) return readRange(pass);
    std::vector<quint64> candidates;
    for (auto it = m_seen.rbegin(); it != m_seen.rend(); ++it) candidates.push_back(it->first);
    findFork(pass, std::move(candidates));
}

// Walks the remembered blocks from the newest down until one is still on the chain; that is the
// fork point (or the deployment block minus one if none is).
void RollupReader::findFork(std::shared_ptr<Pass> pass, std::vector<quint64> candidates) {
    if (candidates.empty()) {
        quint64 fork = m_from ? m_from - 1 : 0;
        m_seen.clear();
        m_next = m_from;
        emit reorged(fork);
        return readRange(pass);
    }
    quint64 block = candidates.front();
    m_eth->rpc()->call(QStringLiteral("eth_getBlockByNumber"), QJsonArray{quantity(block), false}, this,
                       [this, pass, candidates, block](RpcReply r) mutable {
                           if (!r) return finishPass(false, r.error().message);
                           auto hash = r.value().isObject() ? hashField(r.value().toObject(), "hash") : std::nullopt;
                           bool first = candidates.size() == m_seen.size();
                           if (hash && *hash == m_seen[block]) {
                               if (!first) {
                                   // Blocks after `block` changed: drop what was read from them.
                                   m_seen.erase(m_seen.upper_bound(block), m_seen.end());
                                   m_next = block + 1;
                                   emit reorged(block);
                               }
                               return readRange(pass);
                           }
                           candidates.erase(candidates.begin());
                           findFork(pass, std::move(candidates));
                       });
}

void RollupReader::readRange(std::shared_ptr<Pass> pass) {
    if (m_next > pass->target) return finishPass(true, {});
    quint64 from = m_next;
    quint64 to = std::min(pass->target, from + m_maxRange - 1);
    auto rpc = m_eth->rpc();
    rpc->call(QStringLiteral("eth_getBlockByNumber"), QJsonArray{quantity(to), false}, this,
              [this, pass, from, to, rpc](RpcReply blockReply) {
                  if (!blockReply) return finishPass(false, blockReply.error().message);
                  auto toHash =
                      blockReply.value().isObject() ? hashField(blockReply.value().toObject(), "hash") : std::nullopt;
                  if (!toHash) {
                      // The head went backwards (a reorg to a shorter chain): check again next time.
                      return finishPass(true, {});
                  }
                  QJsonObject filter{{QStringLiteral("address"), q(m_rollup.hex())},
                                     {QStringLiteral("fromBlock"), quantity(from)},
                                     {QStringLiteral("toBlock"), quantity(to)}};
                  rpc->call(QStringLiteral("eth_getLogs"), QJsonArray{filter}, this,
                            [this, pass, to, toHash = *toHash](RpcReply r) {
                                if (!r) return finishPass(false, r.error().message);
                                if (!r.value().isArray())
                                    return finishPass(false, QStringLiteral("eth_getLogs did not return a list."));
                                std::vector<RollupEvent> events;
                                for (const auto& entry : r.value().toArray()) {
                                    if (entry.toObject().value(QStringLiteral("removed")).toBool()) continue;
                                    auto e = parseRollupLog(entry.toObject());
                                    if (!e) return finishPass(false, q(e.message()));
                                    const auto& at = eventPosition(*e);
                                    // A log of another fork than the block hash we hold: read again.
                                    if (at.blockNumber == to && at.blockHash != toHash) {
                                        return finishPass(true, {});
                                    }
                                    events.push_back(std::move(*e));
                                }
                                std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
                                    const auto& pa = eventPosition(a);
                                    const auto& pb = eventPosition(b);
                                    return std::pair(pa.blockNumber, pa.logIndex) <
                                           std::pair(pb.blockNumber, pb.logIndex);
                                });
                                fillBatches(pass, std::move(events), 0, to, toHash);
                            });
              });
}

// Reads each BatchSubmitted's transaction and rebuilds the batch from its calldata, checking it
// gives exactly the header the contract emitted.
void RollupReader::fillBatches(std::shared_ptr<Pass> pass, std::vector<RollupEvent> events, std::size_t i, quint64 to,
                               Hash toHash) {
    while (i < events.size() && !std::holds_alternative<BatchSubmittedEvent>(events[i])) ++i;
    if (i == events.size()) {
        for (const auto& e : events) remember(eventPosition(e).blockNumber, eventPosition(e).blockHash);
        remember(to, toHash);
        m_next = to + 1;
        if (!events.empty()) emit eventsRead(events);
        return readRange(pass);
    }
    auto& ev = std::get<BatchSubmittedEvent>(events[i]);
    auto rpc = m_eth->rpc();
    rpc->call(
        QStringLiteral("eth_getTransactionByHash"), QJsonArray{q(ev.at.txHash.hex())}, this,
        [this, pass, events = std::move(events), i, to, toHash](RpcReply r) mutable {
            if (!r) return finishPass(false, r.error().message);
            auto& ev = std::get<BatchSubmittedEvent>(events[i]);
            auto o = r.value().toObject();
            auto input = from_hex(o.value(QStringLiteral("input")).toString().toStdString());
            auto txTo = from_hex(o.value(QStringLiteral("to")).toString().toStdString());
            if (!input) {
                ev.readError =
                    QStringLiteral("the L1 node returned no input for transaction %1").arg(q(ev.at.txHash.hex()));
            } else if (!txTo || txTo->size() != 20 || *Address::from_view(*txTo) != m_rollup) {
                ev.readError =
                    QStringLiteral(
                        "batch %1 was submitted through another contract; its records are not in the transaction input")
                        .arg(ev.index);
            } else if (auto call = rollupabi::decodeSubmitBatch(*input); !call) {
                ev.readError = q(call.message());
            } else {
                auto batch = rollup::assemble_batch(call->prevStateRoot, call->records, call->chunkRoots);
                if (!batch) {
                    ev.readError = q(batch.message());
                } else if (batch->header(ev.header.deposit_start, ev.header.submitted_at, ev.header.proposer) !=
                           ev.header) {
                    ev.readError =
                        QStringLiteral("the calldata of batch %1 does not give the header the contract emitted")
                            .arg(ev.index);
                } else {
                    ev.batch = std::move(*batch);
                }
            }
            fillBatches(pass, std::move(events), i + 1, to, toHash);
        });
}

void RollupReader::remember(quint64 block, const Hash& hash) {
    m_seen[block] = hash;
    while (m_seen.size() > kRememberedBlocks) m_seen.erase(m_seen.begin());
}

}  // namespace sluice
