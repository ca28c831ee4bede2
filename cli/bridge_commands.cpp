// SPDX-License-Identifier: MIT
// sluice-cli deposit | transfer | withdraw | withdrawals | finalize | batches | balance --l2:
// the services the GUI's bridge page uses (services/bridge), driven by a local event loop, on the
// session of cli/session.hpp.

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

#include "cli/bridge_commands.hpp"
#include "cli/cli_support.hpp"
#include "cli/session.hpp"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "core/keys/keystore.hpp"
#include "core/rollup/params.hpp"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/deployment.hpp"
#include "services/bridge/escape_hatch.hpp"
#include "services/bridge/l2_client.hpp"
#include "services/bridge/network_config.hpp"
#include "services/bridge/rollup_contract.hpp"
#include "services/bridge/wallet_verifier.hpp"
#include "services/rollup/rollup_reader.hpp"
#include "services/rpc/await_result.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"

namespace sluice::cli {

namespace {

// Refreshes the bridge history for `accounts` from the node and L1.
bool refresh(Session& s, const QList<Address>& accounts) {
    for (const Address& a : accounts) s.bridge->track(a);
    bool problem = false;
    QEventLoop loop;
    auto c1 = QObject::connect(s.bridge.get(), &BridgeService::problem, &loop, [&] { problem = true; });
    auto c2 = QObject::connect(s.bridge.get(), &BridgeService::refreshed, &loop, &QEventLoop::quit);
    s.bridge->refresh();
    loop.exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    return !problem;
}

// Reads and re-executes everything on L1 with `verifier`; the error message, or empty.
QString replayL1(WalletVerifier& verifier) {
    QString failure;
    QEventLoop loop;
    QObject::connect(&verifier, &WalletVerifier::finished, &loop, &QEventLoop::quit);
    QObject::connect(&verifier, &WalletVerifier::failed, &loop, [&](const QString& m) {
        failure = m;
        loop.quit();
    });
    verifier.verifyAll();
    loop.exec();
    return failure;
}

QJsonObject withdrawalJson(const WithdrawalRecord& r, quint64 now) {
    QJsonObject o{{QStringLiteral("id"), r.id().isEmpty() ? QJsonValue() : QJsonValue(r.id())},
                  {QStringLiteral("l2TxHash"), r.key()},
                  {QStringLiteral("recipient"), checksum(r.account)},
                  {QStringLiteral("amountWei"), QString::fromStdString(u256_to_dec(r.amount))},
                  {QStringLiteral("amount"), ether(r.amount)},
                  {QStringLiteral("status"), withdrawalStatusName(r.status)},
                  {QStringLiteral("wasReverted"), r.wasReverted}};
    o.insert(QStringLiteral("batch"), r.batchIndex ? QJsonValue(qint64(*r.batchIndex)) : QJsonValue());
    o.insert(QStringLiteral("finalAt"), r.finalAt ? QJsonValue(qint64(r.finalAt)) : QJsonValue());
    o.insert(QStringLiteral("deadline"), r.finalAt ? QJsonValue(formatDeadline(r.finalAt, now)) : QJsonValue());
    if (r.finalizeTxHash) o.insert(QStringLiteral("finalizeTxHash"), QString::fromStdString(r.finalizeTxHash->hex()));
    return o;
}

}  // namespace

int runDeposit(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption amount = amountOptionDef();
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("L2 recipient (default: the sender's own address)."),
                                QStringLiteral("ADDRESS"));
    o.addNetwork(parser);
    o.addKeys(parser);
    parser.addOptions({amount, to});
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("Deposits ETH from L1 into the rollup (Rollup.deposit) and prints the L1 "
                                          "transaction hash once mined; the L2 credit follows within a few blocks."),
                           0, 0))
        return *exit;
    int exitCode = Ok;
    auto value = amountOption(parser, amount, exitCode);
    if (!value) return exitCode;
    std::optional<Address> recipient;
    if (parser.isSet(to)) {
        auto parsed = parse_address(parser.value(to).trimmed().toStdString());
        if (!parsed) return fail(withContext(QStringLiteral("--to"), parsed.message()), Usage);
        recipient = *parsed;
    }
    Session s;
    if (auto exit = openSession(s, parser, o, true)) return *exit;
    if (auto exit = openSigner(s, parser, o, true)) return *exit;
    const Address target = recipient.value_or(s.signer->address);
    printErr(QStringLiteral("depositing %1 ETH from %2 (L1) to %3 (L2)")
                 .arg(ether(*value), checksum(s.signer->address), checksum(target)));
    QObject context;
    return reportResult(awaitResult<Result<Hash>>(
        [&](auto done) { s.bridge->deposit(*s.signer, target, *value, &context, done, review(parser, o)); }));
}

int runTransfer(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption amount = amountOptionDef();
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("L2 recipient."), QStringLiteral("ADDRESS"));
    o.addNetwork(parser);
    o.addKeys(parser);
    parser.addOptions({amount, to});
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("Sends ETH on L2 (an EIP-1559 transfer with the L2 chain id) and prints the "
                                          "L2 transaction hash once sequenced."),
                           0, 0))
        return *exit;
    int exitCode = Ok;
    auto value = amountOption(parser, amount, exitCode);
    if (!value) return exitCode;
    if (!parser.isSet(to)) return fail(QStringLiteral("--to is required (see --help)"), Usage);
    auto recipient = parse_address(parser.value(to).trimmed().toStdString());
    if (!recipient) return fail(withContext(QStringLiteral("--to"), recipient.message()), Usage);
    if (*recipient == rollup::withdrawal_address())
        return fail(QStringLiteral("--to is the withdrawal address: use `sluice-cli withdraw` to withdraw"), Usage);
    Session s;
    if (auto exit = openSession(s, parser, o, false)) return *exit;
    if (auto exit = openSigner(s, parser, o, true)) return *exit;
    std::unique_ptr<TransactionSender> sender(newL2Sender(s.l2->eth(), s.params, nullptr));
    sender->setReceiptTimeout(s.timeout);
    SendRequest request;
    request.to = *recipient;
    request.value = *value;
    request.gasLimit = rollup::kTransferGas;
    return reportResult(awaitResult<Result<Hash>>([&](auto done) {
        TransactionSender::Callbacks callbacks;
        callbacks.confirmed = [done](TransactionReceipt r) {
            if (!r.success) return done(make_error("transfer " + r.transactionHash.hex() + " failed on L2"));
            done(r.transactionHash);
        };
        callbacks.failed = [done](SendFailure f) { done(make_error(f.message.toStdString())); };
        callbacks.review = review(parser, o);
        sender->send(*s.signer, request, sender.get(), callbacks);
    }));
}

int runWithdraw(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption amount = amountOptionDef();
    o.addNetwork(parser);
    o.addKeys(parser);
    parser.addOption(amount);
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("Withdraws ETH from L2 to the same address on L1: prints the L2 transaction "
                                          "hash once sequenced. It can be finalized on L1 after its batch's challenge "
                                          "window (see `withdrawals`, `finalize`)."),
                           0, 0))
        return *exit;
    int exitCode = Ok;
    auto value = amountOption(parser, amount, exitCode);
    if (!value) return exitCode;
    Session s;
    if (auto exit = openSession(s, parser, o, true)) return *exit;
    if (auto exit = openSigner(s, parser, o, true)) return *exit;
    QObject context;
    const int result = reportResult(awaitResult<Result<Hash>>(
        [&](auto done) { s.bridge->withdraw(*s.signer, *value, &context, done, review(parser, o)); }));
    if (result == Ok)
        printErr(QStringLiteral("withdrawal initiated; the challenge period is %1 s once its batch is on L1")
                     .arg(s.params.challengePeriod));
    return result;
}

int runForce(const QStringList& argv, bool withdrawal) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption amount = amountOptionDef();
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("L2 recipient."), QStringLiteral("ADDRESS"));
    const QCommandLineOption wait(
        QStringLiteral("wait"),
        QStringLiteral("Wait until an L2 block applies it (at most --timeout seconds; a skipped "
                       "transaction never gets a receipt)."));
    o.addNetwork(parser);
    o.addKeys(parser);
    parser.addOption(amount);
    if (!withdrawal) parser.addOption(to);
    parser.addOption(wait);
    const QString what =
        withdrawal ? QStringLiteral("a withdrawal to the same address on L1") : QStringLiteral("an L2 transfer");
    if (auto exit = parseArguments(
            parser, args,
            QStringLiteral(
                "Forced inclusion (PROTOCOL §4.5): signs %1 like the plain verb, but queues it on L1 with "
                "Rollup.forceTransaction instead of sending it to the sequencer, which must then apply it "
                "within the deposit delay or see its batches refused (or skip it, if it is invalid by then). "
                "Costs L1 gas; prints the L2 transaction hash, whose receipt appears once a block applies it.")
                .arg(what),
            0, 0))
        return *exit;
    int exitCode = Ok;
    auto value = amountOption(parser, amount, exitCode);
    if (!value) return exitCode;
    Address recipient = rollup::withdrawal_address();
    if (!withdrawal) {
        if (!parser.isSet(to)) return fail(QStringLiteral("--to is required (see --help)"), Usage);
        auto parsed = parse_address(parser.value(to).trimmed().toStdString());
        if (!parsed) return fail(withContext(QStringLiteral("--to"), parsed.message()), Usage);
        if (*parsed == rollup::withdrawal_address())
            return fail(QStringLiteral("--to is the withdrawal address: use `sluice-cli force-withdraw`"), Usage);
        recipient = *parsed;
    }
    Session s;
    if (auto exit = openSession(s, parser, o, true)) return *exit;
    if (auto exit = openSigner(s, parser, o, true)) return *exit;
    printErr(QStringLiteral("queuing %1 of %2 ETH from %3 on L1 (forced inclusion; the sequencer has %4 s to apply it)")
                 .arg(what, ether(*value), checksum(s.signer->address))
                 .arg(s.params.depositDelay));
    QObject context;
    auto queued = awaitResult<Result<BridgeService::ForcedSubmission>>([&](auto done) {
        s.bridge->forceTransaction(*s.signer, recipient, *value, &context, done, review(parser, o));
    });
    if (!queued) return fail(queued.message());
    printErr(QStringLiteral("queued on L1 in transaction %1").arg(QString::fromStdString(queued->l1TxHash.hex())));
    printOut(QString::fromStdString(queued->l2TxHash.hex()));
    if (!parser.isSet(wait)) return Ok;
    auto receipt = awaitResult<RpcResult<TransactionReceipt>>([&](auto done) {
        s.l2->eth()->waitForReceipt(queued->l2TxHash, std::chrono::duration_cast<std::chrono::milliseconds>(s.timeout),
                                    &context, done);
    });
    if (!receipt.ok())
        return fail(
            QStringLiteral("no L2 block applied it yet (%1); if it was invalid when its turn came, the sequencer "
                           "skipped it: check the nonce and balance, see `sluice-cli batches`")
                .arg(receipt.error().message));
    printErr(QStringLiteral("applied in L2 block %1").arg(receipt.value().blockNumber));
    return Ok;
}

int runWithdrawals(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    const QCommandLineOption address(QStringLiteral("address"),
                                     QStringLiteral("Whose withdrawals (instead of a key option)."),
                                     QStringLiteral("ADDRESS"));
    o.addNetwork(parser);
    o.addKeys(parser);
    parser.addOptions({json, address});
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Lists the withdrawals of an address with status, batch and absolute "
                                                  "deadline, each checked against L1."),
                                   0, 0))
        return *exit;
    Session s;
    if (auto exit = openSession(s, parser, o, true)) return *exit;
    QList<Address> accounts;
    if (parser.isSet(address)) {
        auto parsed = parse_address(parser.value(address).trimmed().toStdString());
        if (!parsed) return fail(withContext(QStringLiteral("--address"), parsed.message()), Usage);
        accounts << *parsed;
    } else {
        if (auto exit = openSigner(s, parser, o, false)) return *exit;
        if (s.signer) accounts << s.signer->address;
    }
    if (accounts.isEmpty() && s.bridge->trackedAccounts().isEmpty())
        return fail(QStringLiteral("whose withdrawals? give --address, a key option or --wallet"), Usage);
    if (!refresh(s, accounts)) printErr(QStringLiteral("warning: showing the last known state"));
    const quint64 now = s.bridge->now();
    QList<WithdrawalRecord> shown;
    for (const WithdrawalRecord& r : s.bridge->withdrawals())
        if (accounts.isEmpty() || accounts.contains(r.account)) shown << r;
    if (parser.isSet(json)) {
        QJsonArray out;
        for (const WithdrawalRecord& r : shown) out.append(withdrawalJson(r, now));
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
        return Ok;
    }
    if (shown.isEmpty()) {
        printOut(QStringLiteral("no withdrawals"));
        return Ok;
    }
    for (const WithdrawalRecord& r : shown) {
        QString line =
            QStringLiteral("%1  %2 ETH  %3")
                .arg(r.id().isEmpty() ? QStringLiteral("-") : r.id(), ether(r.amount), withdrawalStatusName(r.status));
        if (r.finalAt && r.status != WithdrawalStatus::Finalized)
            line += QStringLiteral("  ") + formatDeadline(r.finalAt, now);
        line += QStringLiteral("  l2 tx ") + r.key();
        printOut(line);
    }
    return Ok;
}

int runFinalize(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption allReady(QStringLiteral("all-ready"),
                                      QStringLiteral("Finalize every withdrawal that is ready."));
    const QCommandLineOption address(QStringLiteral("address"),
                                     QStringLiteral("Whose withdrawals (default: the signer's)."),
                                     QStringLiteral("ADDRESS"));
    o.addNetwork(parser);
    o.addKeys(parser);
    parser.addOptions({allReady, address});
    parser.addPositionalArgument(QStringLiteral("ID"),
                                 QStringLiteral("batch:index (or the L2 transaction hash) of the withdrawal."));
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("Pays out withdrawals on L1 once their challenge window has passed "
                                          "(finalizeWithdrawal with the Merkle proof, checked against L1 first)."),
                           0, 1))
        return *exit;
    if (parser.isSet(allReady) == !parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("give a withdrawal ID or --all-ready (see --help)"), Usage);
    Session s;
    if (auto exit = openSession(s, parser, o, true)) return *exit;
    if (auto exit = openSigner(s, parser, o, true)) return *exit;
    QList<Address> accounts{s.signer->address};
    if (parser.isSet(address)) {
        auto parsed = parse_address(parser.value(address).trimmed().toStdString());
        if (!parsed) return fail(withContext(QStringLiteral("--address"), parsed.message()), Usage);
        accounts = {*parsed};
    }
    if (!refresh(s, accounts))
        return fail(QStringLiteral("cannot check the withdrawals against the nodes (see the warning above)"));
    // Each ready withdrawal by its L2 transaction hash, which names exactly one; an ID given on the
    // command line is looked up among these accounts' withdrawals only.
    QStringList keys;
    if (parser.isSet(allReady)) {
        for (const WithdrawalRecord& r : s.bridge->withdrawals())
            if (r.status == WithdrawalStatus::ReadyToFinalize && accounts.contains(r.account)) keys << r.key();
        if (keys.isEmpty()) {
            printErr(QStringLiteral("nothing is ready to finalize"));
            return Ok;
        }
    } else {
        keys << parser.positionalArguments().first();
    }
    int result = Ok;
    for (const QString& key : keys) {
        QObject context;
        auto r = awaitResult<Result<Hash>>(
            [&](auto done) { s.bridge->finalize(*s.signer, key, accounts, &context, done, review(parser, o)); });
        if (!r) {
            result = fail(r.message());
            continue;
        }
        printOut(QString::fromStdString(r->hex()));
    }
    return result;
}

int runBatches(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    const QCommandLineOption noVerify(QStringLiteral("no-verify"),
                                      QStringLiteral("Do not re-execute the batches from L1 data."));
    o.addNetwork(parser);
    parser.addOptions({json, noVerify});
    if (auto exit = parseArguments(
            parser, args,
            QStringLiteral("Lists the batches on L1 with state root, status and deadline, and whether this "
                           "wallet re-executed them from L1 data and got the same roots."),
            0, 0))
        return *exit;
    Session s;
    if (auto exit = openSession(s, parser, o, false)) return *exit;
    // The authority is L1: the batches and their headers come from the Rollup contract's events.
    WalletVerifier verifier(s.l1.get(), s.network.rollup, s.network.deployBlock, s.params);
    if (const QString failure = replayL1(verifier); !failure.isEmpty())
        return fail(QStringLiteral("reading the batches from L1: ") + failure);
    // The contract's clock: the latest L1 block's timestamp.
    const quint64 now = verifier.l1Time() ? verifier.l1Time() : quint64(QDateTime::currentSecsSinceEpoch());
    QJsonArray out;
    for (const ReplicaBatch& b : verifier.replica().batches()) {
        const QString status = batchStatusName(b.status(now));
        const auto v = verifier.result(b.index);
        const QString verified = parser.isSet(noVerify)
                                     ? QStringLiteral("not checked")
                                     : verificationName(v ? v->outcome : BatchVerification::Outcome::Unverifiable);
        if (parser.isSet(json)) {
            out.append(QJsonObject{{QStringLiteral("index"), qint64(b.index)},
                                   {QStringLiteral("stateRoot"), QString::fromStdString(b.header.state_root.hex())},
                                   {QStringLiteral("recordCount"), qint64(b.header.record_count)},
                                   {QStringLiteral("status"), status},
                                   {QStringLiteral("finalAt"), qint64(b.finalAt)},
                                   {QStringLiteral("deadline"), formatDeadline(b.finalAt, now)},
                                   {QStringLiteral("l1TxHash"), QString::fromStdString(b.at.txHash.hex())},
                                   {QStringLiteral("verifiedByWallet"), verified},
                                   {QStringLiteral("note"), v ? v->message : QString()}});
        } else {
            printOut(QStringLiteral("%1  %2  %3 records  %4  %5  %6")
                         .arg(b.index)
                         .arg(QString::fromStdString(b.header.state_root.hex()))
                         .arg(b.header.record_count)
                         .arg(status, formatDeadline(b.finalAt, now), verified));
        }
    }
    if (parser.isSet(json))
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
    else if (verifier.replica().batches().empty())
        printOut(QStringLiteral("no batches on L1 yet"));
    return Ok;
}

int runL2Balance(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption l2(QStringLiteral("l2"),
                                QStringLiteral("The balance on L2 (required; for L1 use --rpc-url)."));
    const QCommandLineOption wei(QStringLiteral("wei"), QStringLiteral("Print wei instead of ether."));
    o.addNetwork(parser);
    parser.addOptions({l2, wei});
    parser.addPositionalArgument(QStringLiteral("ADDRESS"), QStringLiteral("0x address."));
    if (auto exit = parseArguments(parser, args, QStringLiteral("Prints an account's L2 balance exactly."), 1, 1))
        return *exit;
    auto address = parse_address(parser.positionalArguments().first().trimmed().toStdString());
    if (!address) return fail(withContext(QStringLiteral("ADDRESS"), address.message()), Usage);
    auto network = networkFrom(parser, o);
    if (!network) return fail(network.message(), Usage);
    L2Client client(network->l2Rpc);
    auto balance = awaitResult<RpcResult<U256>>([&](auto done) { client.eth()->balance(*address, &client, done); });
    if (!balance.ok()) return fail(QStringLiteral("the L2 node is not answering: %1").arg(balance.error().message));
    printOut(parser.isSet(wei) ? QString::fromStdString(u256_to_dec(balance.value())) : ether(balance.value()));
    return Ok;
}

int runExit(const QStringList& argv) {
    const QStringList args = foldVerb(argv, 1);
    QCommandLineParser parser;
    Options o;
    const QCommandLineOption statusOnly(
        QStringLiteral("status"),
        QStringLiteral("Only print whether the Rollup is frozen and when it would be (JSON)."));
    const QCommandLineOption address(
        QStringLiteral("address"),
        QStringLiteral("Whose balance and deposits to take out (default: the signer's); the "
                       "money always goes to that address."),
        QStringLiteral("ADDRESS"));
    o.addNetwork(parser);
    o.addKeys(parser);
    parser.addOptions({statusOnly, address});
    if (auto exit =
            parseArguments(parser, args,
                           QStringLiteral("The escape hatch: once the operator has been silent for the Rollup's "
                                          "escapeDelay, takes an account's whole L2 balance out of the last state "
                                          "root on L1 (with a Merkle proof this wallet builds from its own replay "
                                          "of L1) and refunds its deposits no batch took. Needs no L2 node."),
                           0, 0))
        return *exit;
    Session s;
    if (auto exit = openSession(s, parser, o, false, false)) return *exit;
    QObject context;
    auto status = awaitResult<RpcResult<EscapeStatus>>([&](auto done) { s.rollup->escapeStatus(&context, done); });
    if (!status.ok()) return fail(QStringLiteral("reading the Rollup's escape hatch: %1").arg(status.error().message));
    auto now = awaitResult<RpcResult<quint64>>([&](auto done) { s.rollup->latestBlockTime(&context, done); });
    if (!now.ok()) return fail(QStringLiteral("the L1 node is not answering: %1").arg(now.error().message));
    const EscapeStatus& st = status.value();
    if (parser.isSet(statusOnly)) {
        QJsonObject out{
            {QStringLiteral("frozen"), st.frozen},
            {QStringLiteral("escapeAvailableAt"), st.availableAt ? QJsonValue(qint64(st.availableAt)) : QJsonValue()},
            {QStringLiteral("lastBatchAt"), qint64(st.lastBatchAt)},
            {QStringLiteral("escapeDelay"), qint64(s.params.escapeDelay)},
            {QStringLiteral("l1Time"), qint64(now.value())}};
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
        return Ok;
    }
    if (!st.frozen) {
        if (!st.availableAt)
            return fail(
                QStringLiteral("the Rollup is not frozen, and no deposit is waiting for a batch, so the operator is "
                               "not silent by the contract's rule; queue a deposit of at least %1 ETH to start the "
                               "%2 s clock (or withdraw through L2 while it works)")
                    .arg(ether(s.params.minDeposit))
                    .arg(s.params.escapeDelay));
        return fail(QStringLiteral("the Rollup is not frozen: unless a batch comes first, the exit opens %1")
                        .arg(formatL1Time(st.availableAt, now.value())));
    }
    if (auto exit = openSigner(s, parser, o, true)) return *exit;
    Address owner = s.signer->address;
    if (parser.isSet(address)) {
        auto parsed = parse_address(parser.value(address).trimmed().toStdString());
        if (!parsed) return fail(withContext(QStringLiteral("--address"), parsed.message()), Usage);
        owner = *parsed;
    }
    // The proof comes from this wallet's own re-execution of every batch on L1.
    WalletVerifier verifier(s.l1.get(), s.network.rollup, s.network.deployBlock, s.params);
    if (const QString failure = replayL1(verifier); !failure.isEmpty())
        return fail(QStringLiteral("replaying L1: ") + failure);
    auto plan = planExit(verifier.replica(), st.stateRoot, owner);
    if (!plan) return fail(QString::fromStdString(plan.message()));
    if (plan->exits.empty() && plan->refunds.empty()) {
        printErr(QStringLiteral("%1 has nothing left in the Rollup").arg(checksum(owner)));
        return Ok;
    }
    TransactionSender sender(s.l1.get(), s.params.l1ChainId);
    sender.setReceiptTimeout(s.timeout);
    int result = Ok;
    for (const EscapeCall& call : escapeCalls(*plan)) {
        const QString what = call.what + QStringLiteral(": ") + ether(call.amount) + QStringLiteral(" ETH");
        SendRequest req;
        req.to = s.network.rollup;
        req.data = call.data;
        auto receipt = awaitResult<Result<TransactionReceipt>>([&](auto done) {
            TransactionSender::Callbacks cb;
            cb.confirmed = [done](TransactionReceipt r) { done(r); };
            cb.failed = [done](SendFailure f) { done(make_error(f.message.toStdString())); };
            cb.review = review(parser, o);
            sender.send(*s.signer, req, &context, std::move(cb));
        });
        if (!receipt) {
            result = fail(QStringLiteral("%1 failed: %2").arg(what, QString::fromStdString(receipt.message())));
            continue;
        }
        if (!receipt->success) {
            result = fail(QStringLiteral("%1 reverted on L1 (tx %2)")
                              .arg(what, QString::fromStdString(receipt->transactionHash.hex())));
            continue;
        }
        printErr(what + QStringLiteral(" paid to ") + checksum(owner));
        printOut(QString::fromStdString(receipt->transactionHash.hex()));
    }
    return result;
}

}  // namespace sluice::cli
