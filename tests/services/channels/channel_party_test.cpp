// SPDX-License-Identifier: MIT
// ChannelParty over two real ChannelStores (SQLite files in a temporary folder), one per
// participant, exchanging proposals as the JSON that crosses the wire: payments both ways, the
// refusals of docs/CHANNELS.md §13.1-§13.2 (replay, crossing proposals, a forged signature, a
// malformed message), locks with secrets, a top-up, the cooperative close, and a crash at each
// point of an update (the store reopened from disk), after which both sides agree.
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>
#include <thread>

#include "core/channels/lock_tree.hpp"
#include "core/eth/address.hpp"
#include "services/channels/channel_messages.hpp"
#include "services/channels/channel_party.hpp"
#include "services/channels/channel_store.hpp"

using namespace sluice;
using namespace sluice::channels;

namespace {

const U256 kEther = U256(1'000'000'000'000'000'000ull);
constexpr std::uint64_t kNow = 1'800'000'000;

PrivateKey keyA() {
    return *PrivateKey::from_hex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
}
PrivateKey keyB() {
    return *PrivateKey::from_hex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
}
PrivateKey keyC() {
    return *PrivateKey::from_hex("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
}

Channel testChannel() {
    Channel c;
    c.domain = Domain{31337, *parse_address("0x5FbDB2315678afecb367f032d93F642f64180aa3")};
    c.a = public_key_of(keyA()).address();
    c.b = public_key_of(keyB()).address();
    c.id = channel_id(c.domain, c.a, c.b, 0);
    return c;
}

// One participant: its store file and its party. reopen() is what a restart after kill -9 does.
struct Side {
    QString path;
    PrivateKey key;
    std::unique_ptr<ChannelStore> store;
    std::unique_ptr<ChannelParty> party;

    Side(QString p, PrivateKey k) : path(std::move(p)), key(std::move(k)) { reopen(); }
    void reopen() {
        party.reset();
        store.reset();
        auto s = ChannelStore::open(path);
        QVERIFY2(s.ok(), s.ok() ? "" : s.message().c_str());
        store = std::move(*s);
        party = std::make_unique<ChannelParty>(*store, AccountSigner::from_key(key));
    }
    StoredChannel get() {
        auto c = store->channel(testChannel().id);
        if (!c || !*c) qFatal("channel missing");
        return **c;
    }
};

// The proposal as it crosses the wire and is parsed on the other side.
channelmsg::Proposal overTheWire(const channelmsg::Proposal& p) {
    const QByteArray bytes = QJsonDocument(channelmsg::toJson(p)).toJson(QJsonDocument::Compact);
    auto parsed = channelmsg::proposalFromJson(QJsonDocument::fromJson(bytes).object());
    if (!parsed) qFatal("%s", parsed.message().c_str());
    return *parsed;
}

ChainView chainNow() {
    return ChainView{kNow, [](const Hash&) { return std::optional<std::uint64_t>(0); }};
}

}  // namespace

class ChannelPartyTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Side> a, b;

    void openChannel(const U256& da, const U256& db) {
        for (Side* s : {a.get(), b.get()}) {
            StoredChannel c;
            c.channel = testChannel();
            c.me = s == a.get() ? Participant::A : Participant::B;
            c.onChain = ChannelOnChain{ChannelStatus::Open, da, db, 0, 0};
            c.latest = opening_state(c.channel.id, da, db);
            auto added = s->store->addChannel(c);
            QVERIFY2(added.ok(), added.ok() ? "" : added.message().c_str());
        }
    }
    // A proposes, B accepts, A completes: the whole round trip. Returns B's refusal if any.
    std::optional<Refusal> update(Side& proposer, Side& acceptor, const Update& u) {
        auto p = proposer.party->propose(testChannel().id, u);
        if (!p) qFatal("propose: %s", p.message().c_str());
        auto answer = acceptor.party->accept(testChannel().id, overTheWire(*p), chainNow());
        if (auto* r = std::get_if<Refusal>(&answer)) {
            (void)proposer.party->refused(testChannel().id, p->state.nonce, r->highestSigned);
            return *r;
        }
        auto st = proposer.party->complete(testChannel().id, p->state.nonce, std::get<Signature>(answer));
        if (!st) qFatal("complete: %s", st.message().c_str());
        return std::nullopt;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        ++n;
        a = std::make_unique<Side>(m_dir.filePath(QStringLiteral("a%1.sqlite").arg(n)), keyA());
        b = std::make_unique<Side>(m_dir.filePath(QStringLiteral("b%1.sqlite").arg(n)), keyB());
        openChannel(5 * kEther, 0);
    }

    void paymentsBothWaysAgreeOnBothSides() {
        QVERIFY(!update(*a, *b, Pay{Participant::A, 2 * kEther}));
        QVERIFY(!update(*b, *a, Pay{Participant::B, kEther / 2}));
        for (Side* s : {a.get(), b.get()}) {
            const StoredChannel c = s->get();
            QCOMPARE(c.latest.nonce, 2u);
            QCOMPARE(c.latest.balance_a, 3 * kEther + kEther / 2);
            QCOMPARE(c.latest.balance_b, kEther + kEther / 2);
            QVERIFY(verify_cosigned(c.channel, c.latest, *c.sigA, *c.sigB).ok());
            QCOMPARE(c.highestSigned, 2u);
            QVERIFY(!c.outstanding);
        }
        // Both sides keep every state they signed with both signatures (§13.6): the proposer's
        // gets the counter-signature when it completes, the acceptor's has it from the start.
        for (Side* s : {a.get(), b.get()})
            for (std::uint64_t n : {1u, 2u}) {
                const auto signedState = s->store->signedState(testChannel().id, n).value();
                QVERIFY(signedState.has_value());
                const auto& [sigA, sigB] = s == a.get()
                                               ? std::pair{signedState->signature, *signedState->counterSignature}
                                               : std::pair{*signedState->counterSignature, signedState->signature};
                QVERIFY(verify_cosigned(testChannel(), signedState->state, sigA, sigB).ok());
            }
    }

    void overspendIsRefusedByTheProposerItself() {
        auto p = a->party->propose(testChannel().id, Pay{Participant::A, 6 * kEther});
        QVERIFY(!p.ok());
        QVERIFY2(p.message().find("balance") != std::string::npos, p.message().c_str());
        QVERIFY(!a->get().outstanding);  // nothing signed, nothing stored
    }

    void aReplayedProposalIsRefused() {
        auto p = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QVERIFY(p.ok());
        auto first = b->party->accept(testChannel().id, overTheWire(*p), chainNow());
        QVERIFY(std::holds_alternative<Signature>(first));
        auto again = b->party->accept(testChannel().id, overTheWire(*p), chainNow());
        QVERIFY(std::holds_alternative<Refusal>(again));
        QCOMPARE(std::get<Refusal>(again).error, ChannelError::NonceNotAboveLatest);
        QCOMPARE(b->get().latest.balance_b, kEther);  // paid once
    }

    void aForgedSignatureIsRefused() {
        auto p = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QVERIFY(p.ok());
        auto forged = *p;
        forged.signature = sign_state(testChannel().domain, p->state, AccountSigner::from_key(keyC())).value();
        auto answer = b->party->accept(testChannel().id, overTheWire(forged), chainNow());
        QCOMPARE(std::get<Refusal>(answer).error, ChannelError::BadProposerSignature);
        // And a payment that B claims A makes to B is A's to propose, not B's.
        auto wrongWay = b->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QVERIFY(!wrongWay.ok());
    }

    void aMalformedMessageIsRefusedBeforeAnyRule() {
        auto p = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QJsonObject o = channelmsg::toJson(*p);
        QJsonObject state = o.value(QStringLiteral("state")).toObject();
        state.insert(QStringLiteral("balanceA"), QStringLiteral("12"));  // not a 0x quantity
        o.insert(QStringLiteral("state"), state);
        auto parsed = channelmsg::proposalFromJson(o);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.message().find("balanceA") != std::string::npos, parsed.message().c_str());
        o.insert(QStringLiteral("signature"), QStringLiteral("0x1234"));
        QVERIFY(!channelmsg::proposalFromJson(o).ok());
        QJsonObject update{{QStringLiteral("kind"), QStringLiteral("steal")}};
        QVERIFY(!channelmsg::updateFromJson(update).ok());
    }

    void crossingProposalsAreBothRefusedThenRetriedAbove() {
        auto pa = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QVERIFY(!b->party->propose(testChannel().id, Pay{Participant::B, 0}).ok());  // zero: refused at once
        // A's payment lands first, so that B has something to pay with.
        auto aAnswer = b->party->accept(testChannel().id, overTheWire(*pa), chainNow());
        QVERIFY(a->party->complete(testChannel().id, pa->state.nonce, std::get<Signature>(aAnswer)).ok());
        // Now both propose nonce 2 at the same time.
        auto a2 = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        auto b2 = b->party->propose(testChannel().id, Pay{Participant::B, kEther / 2});
        QVERIFY(a2.ok() && b2.ok());
        QCOMPARE(a2->state.nonce, b2->state.nonce);
        auto toB = b->party->accept(testChannel().id, overTheWire(*a2), chainNow());
        auto toA = a->party->accept(testChannel().id, overTheWire(*b2), chainNow());
        QCOMPARE(std::get<Refusal>(toB).error, ChannelError::NonceNotAboveSigned);
        QCOMPARE(std::get<Refusal>(toA).error, ChannelError::NonceNotAboveSigned);
        QVERIFY(a->party->refused(testChannel().id, a2->state.nonce, std::get<Refusal>(toB).highestSigned).ok());
        QVERIFY(b->party->refused(testChannel().id, b2->state.nonce, std::get<Refusal>(toA).highestSigned).ok());
        // A retries above: nonce 3, accepted; nobody ever signed two states of nonce 2 that both hold.
        QVERIFY(!update(*a, *b, Pay{Participant::A, kEther}));
        QCOMPARE(a->get().latest.nonce, 3u);
        QCOMPARE(b->get().latest.balance_b, 2 * kEther);
    }

    // A proposal the acceptor refuses still carries a nonce the proposer signed: the acceptor's
    // next proposal goes above it instead of crossing it (which the proposer would refuse).
    void aRefusedProposalIsNotCrossedByTheNextOne() {
        QVERIFY(!update(*a, *b, Pay{Participant::A, kEther}));
        const Lock tooSoon{true, kNow + 5, kEther / 2, secret_hash_of(*Hash::from_hex("0x" + std::string(64, '9')))};
        auto p = b->party->propose(testChannel().id, AddLock{tooSoon});
        QVERIFY(p.ok());
        QCOMPARE(p->state.nonce, 2u);
        auto answer = a->party->accept(testChannel().id, overTheWire(*p), chainNow());
        QCOMPARE(std::get<Refusal>(answer).error, ChannelError::LockExpiryTooSoon);
        QVERIFY(b->party->refused(testChannel().id, 2, std::get<Refusal>(answer).highestSigned).ok());
        auto next = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QCOMPARE(next->state.nonce, 3u);
        QVERIFY(std::holds_alternative<Signature>(b->party->accept(testChannel().id, overTheWire(*next), chainNow())));
    }

    void lockThenUnlockWithTheSecret() {
        const Hash secret = *Hash::from_hex("0x" + std::string(64, '7'));
        const Lock lock{false, kNow + 100, kEther, secret_hash_of(secret)};
        QVERIFY(!update(*a, *b, AddLock{lock}));
        QCOMPARE(b->get().latest.locked_amount, kEther);
        QCOMPARE(b->get().latestLocks.size(), std::size_t(1));
        // A lock that expires too soon is refused by the receiver (§13.2 rule 5).
        const Lock tooSoon{false, kNow + 5, kEther, secret_hash_of(*Hash::from_hex("0x" + std::string(64, '8')))};
        QCOMPARE(update(*a, *b, AddLock{tooSoon})->error, ChannelError::LockExpiryTooSoon);
        // A wrong secret never makes an Unlock.
        QVERIFY(!a->party->propose(testChannel().id, Unlock{lock, *Hash::from_hex("0x" + std::string(64, '6'))}).ok());
        QVERIFY(!update(*a, *b, Unlock{lock, secret}));
        QCOMPARE(b->get().latest.balance_b, kEther);
        QCOMPARE(b->get().latest.locked_amount, U256(0));
        // The receiver keeps the secret it learnt.
        QCOMPARE(b->store->secret(lock.secret_hash).value(), std::optional<Hash>(secret));
    }

    void topUpCountsOnlyWhenOnChain() {
        QVERIFY(!b->party->propose(testChannel().id, Deposit{Participant::B, kEther}).ok());
        for (Side* s : {a.get(), b.get()})
            QVERIFY(
                s->store->setOnChain(testChannel().id, ChannelOnChain{ChannelStatus::Open, 5 * kEther, kEther, 0, 0})
                    .ok());
        QVERIFY(!update(*a, *b, Deposit{Participant::B, kEther}));
        QCOMPARE(a->get().latest.balance_b, kEther);
        QCOMPARE(a->get().latest.deposit_b, kEther);
    }

    void cooperativeCloseThenNoMoreStates() {
        QVERIFY(!update(*a, *b, Pay{Participant::A, kEther}));
        auto [close, sigA] = a->party->signCooperativeClose(testChannel().id).value();
        QCOMPARE(close.balance_a, 4 * kEther);
        auto sigB = b->party->acceptCooperativeClose(testChannel().id, close, sigA);
        QVERIFY(std::holds_alternative<Signature>(sigB));
        QCOMPARE(
            verify_cooperative_close_signature(testChannel().domain, close, std::get<Signature>(sigB), testChannel().b),
            SignatureError::None);
        QVERIFY(!a->party->propose(testChannel().id, Pay{Participant::A, kEther}).ok());
        auto p = b->party->propose(testChannel().id, Pay{Participant::B, kEther});
        QVERIFY(!p.ok());
    }

    void afterAClosingStartsNothingIsSigned() {
        for (Side* s : {a.get(), b.get()})
            QVERIFY(
                s->store->setOnChain(testChannel().id, ChannelOnChain{ChannelStatus::Closing, 5 * kEther, 0, 0, kNow})
                    .ok());
        QVERIFY(!a->party->propose(testChannel().id, Pay{Participant::A, kEther}).ok());
    }

    // kill -9 of the proposer after it stored its signature and before it sent it: after the
    // restart its proposal is dropped (the acceptor never saw it) and its nonce is never reused.
    void crashOfTheProposerBeforeSending() {
        auto p = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QVERIFY(p.ok());
        a->reopen();
        QVERIFY(a->get().outstanding.has_value());
        QVERIFY(a->party->reconcile(testChannel().id, b->get().cosigned(), b->get().latestLocks).ok());
        QVERIFY(!a->get().outstanding);
        QCOMPARE(a->get().highestSigned, 1u);
        QVERIFY(!update(*a, *b, Pay{Participant::A, kEther}));
        QCOMPARE(a->get().latest.nonce, 2u);  // nonce 1 was never signed twice
        QCOMPARE(b->get().latest.balance_b, kEther);
    }

    // kill -9 of the acceptor after it stored and before its signature reached the proposer:
    // the proposer learns the co-signed state from it on reconnecting; nothing is lost.
    void crashOfTheAcceptorBeforeAnswering() {
        auto p = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        auto answer = b->party->accept(testChannel().id, overTheWire(*p), chainNow());
        QVERIFY(std::holds_alternative<Signature>(answer));  // ... and lost on the way
        b->reopen();
        a->reopen();
        QCOMPARE(b->get().latest.nonce, 1u);
        QVERIFY(a->party->reconcile(testChannel().id, b->get().cosigned(), b->get().latestLocks).ok());
        QCOMPARE(a->get().latest, b->get().latest);
        QVERIFY(!a->get().outstanding);
        QVERIFY(!update(*a, *b, Pay{Participant::A, kEther}));
        QCOMPARE(b->get().latest.balance_b, 2 * kEther);
    }

    // A state from the counterparty that one of them did not sign is never adopted.
    void reconcileRefusesAnUnsignedState() {
        QVERIFY(!update(*a, *b, Pay{Participant::A, kEther}));
        auto forged = *b->get().cosigned();
        forged.state.nonce = 9;
        forged.state.balance_b = 5 * kEther;
        forged.state.balance_a = 0;
        forged.sigB = sign_state(testChannel().domain, forged.state, AccountSigner::from_key(keyB())).value();
        QVERIFY(!a->party->reconcile(testChannel().id, forged, {}).ok());
        QCOMPARE(a->get().latest.nonce, 1u);
    }

    void restoreJumpsTheNonce() {
        QVERIFY(a->party->afterRestore(testChannel().id).ok());
        auto p = a->party->propose(testChannel().id, Pay{Participant::A, kEther});
        QCOMPARE(p->state.nonce, (std::uint64_t(1) << 40) + 0);
    }

    // The app and sluice-cli may use one store at once. Two processes (here: two threads with
    // their own connections) proposing at the same moment must not both sign a state of the same
    // nonce: the second waits for the first's write lock, then sees its proposal outstanding.
    void twoConnectionsNeverSignOneNonceTwice() {
        const AccountSigner fast = AccountSigner::from_key(keyA());
        AccountSigner slow{fast.address, [fast](const Hash& digest) {
                               std::this_thread::sleep_for(std::chrono::milliseconds(300));
                               return fast.sign(digest);
                           }};
        std::optional<Result<channelmsg::Proposal>> first, second;
        std::thread other([&] {
            auto store = ChannelStore::open(a->path);
            if (!store) return;
            ChannelParty party(**store, slow);
            first = party.propose(testChannel().id, Pay{Participant::A, kEther});
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the other thread is signing now
        second = a->party->propose(testChannel().id, Pay{Participant::A, 2 * kEther});
        other.join();
        QVERIFY(first.has_value() && second.has_value());
        QCOMPARE(int(first->ok()) + int(second->ok()), 1);  // exactly one signed
        QVERIFY(first->ok());
        QVERIFY2(second->message().find("waiting") != std::string::npos, second->message().c_str());
        QCOMPARE(a->get().highestSigned, 1u);
    }

    void aForeignFileIsNotTakenOver() {
        const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a database at all, just text that is long enough to look like a header");
        }
        auto s = ChannelStore::open(path);
        QVERIFY(!s.ok());
    }
};

QTEST_GUILESS_MAIN(ChannelPartyTest)
#include "channel_party_test.moc"
