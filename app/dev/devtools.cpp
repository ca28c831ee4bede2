// SPDX-License-Identifier: MIT
#include "dev/devtools.h"

#include <QDateTime>

#include <memory>

#include "activity/activitymodel.h"
#include "appcontext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "desktop/notificationcenter.h"
#include "services/bridge/bridge_service.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

using namespace sluice;

DevFunding::DevFunding(WalletSession* session) : QObject(session), m_session(session) {
    connect(session, &WalletSession::networkChanged, this, &DevFunding::availableChanged);
    connect(session, &WalletSession::sessionStarted, this, &DevFunding::availableChanged);
    connect(session, &WalletSession::sessionEnded, this, [this] {
        // Its client goes with the session: the outcome is unknown, not pending.
        if (m_sender) {
            delete m_sender;
            emit busyChanged();
        }
        emit availableChanged();
    });
    connect(this, &DevFunding::finished, this, [](bool ok, const QString& message) {
        NotificationCenter::instance()->notify(
            QStringLiteral("funding"), ok ? QStringLiteral("funded") : QStringLiteral("error"),
            ok ? tr("Test ETH arrived") : tr("Funding failed"), message, QStringLiteral("overview"));
    });
}

bool DevFunding::available() const {
    const auto network = m_session->network();
    return m_session->isReady() && network && !network->devAccountKeys.isEmpty();
}

void DevFunding::fund(int accountIndex) {
    if (!available() || busy()) return;
    const auto account = AppContext::instance()->store()->account(accountIndex);
    auto to = account ? parse_address(account->address.toStdString()) : Result<Address>(make_error("no such account"));
    // The last dev account: the first ones are the proposer's and the verifier's (and the tests').
    auto key = PrivateKey::from_hex(m_session->network()->devAccountKeys.constLast().toStdString());
    if (!to || !key) {
        emit finished(false, tr("This account cannot be funded."));
        return;
    }
    m_sender = new TransactionSender(m_session->l1(), m_session->params().l1ChainId, this);
    emit busyChanged();
    SendRequest request;
    request.to = to.value();
    request.value = parse_amount(amount().toStdString()).value();
    TransactionSender::Callbacks callbacks;
    const QString name = account->name;
    callbacks.confirmed = [this, name](TransactionReceipt receipt) {
        if (receipt.success)
            finish(true, tr("%1 ETH from the local network's dev account arrived in %2.").arg(amount(), name));
        else
            finish(false, tr("The dev account's transfer failed on L1."));
    };
    callbacks.failed = [this](SendFailure failure) { finish(false, failure.message); };
    m_sender->send(AccountSigner::from_key(key.value()), request, this, callbacks);
}

void DevFunding::finish(bool ok, const QString& message) {
    if (m_sender) m_sender->deleteLater();
    m_sender = nullptr;
    emit busyChanged();
    emit finished(ok, message);
}

void seedDevFixture(WalletSession* session, BridgeService* bridge) {
    if (!bridge || !bridge->deposits().isEmpty() || !bridge->withdrawals().isEmpty()) return;
    auto* context = AppContext::instance();
    const auto accounts = context->store()->accounts();
    if (accounts.size() < 2) return;
    auto first = session->signer(accounts.at(0).index);
    auto second = session->signer(accounts.at(1).index);
    if (!first || !second) return;
    // Everything below lives as long as the session's bridge (its services).
    const Address firstAddress = first->address;
    auto followedUp = std::make_shared<bool>(false);
    QObject::connect(bridge, &BridgeService::depositStatusChanged, bridge,
                     [session, bridge, followedUp, signer = *first, firstAddress, accounts](const QString& key,
                                                                                            DepositStatus status) {
                         if (status != DepositStatus::Credited || *followedUp) return;
                         for (const DepositRecord& d : bridge->deposits()) {
                             if (d.key() != key || d.to != firstAddress) continue;
                             *followedUp = true;
                             AppContext::instance()->beginWork();
                             // One after the other: both spend from account 0 on L2 and need consecutive nonces.
                             auto sendAfter = [session, bridge, signer, accounts] {
                                 if (accounts.size() < 3) return;
                                 auto to = parse_address(accounts.at(2).address.toStdString());
                                 auto* sender = newL2Sender(session->l2Eth(), session->params(), bridge);
                                 SendRequest request;
                                 request.to = to.value();
                                 request.value = parse_amount("0.1").value();
                                 ActivityModel::Entry entry;
                                 entry.layer = QStringLiteral("l2");
                                 entry.kind = QStringLiteral("send");
                                 entry.account = accounts.at(0).address;
                                 entry.counterparty = accounts.at(2).address;
                                 entry.amount = QStringLiteral("0.1");
                                 TransactionSender::Callbacks callbacks;
                                 callbacks.confirmed = [entry](TransactionReceipt receipt) mutable {
                                     entry.txHash = QString::fromStdString(receipt.transactionHash.hex());
                                     entry.timestamp = QDateTime::currentSecsSinceEpoch();
                                     entry.status =
                                         receipt.success ? QStringLiteral("confirmed") : QStringLiteral("failed");
                                     AppContext::instance()->activity()->record(entry);
                                     AppContext::instance()->endWork();
                                 };
                                 callbacks.failed = [](SendFailure) { AppContext::instance()->endWork(); };
                                 AppContext::instance()->beginWork();
                                 sender->send(signer, request, bridge, callbacks);
                             };
                             bridge->withdraw(signer, parse_amount("0.5").value(), bridge, [sendAfter](Result<Hash>) {
                                 sendAfter();
                                 AppContext::instance()->endWork();
                             });
                         }
                     });
    context->beginWork();
    bridge->deposit(*first, first->address, parse_amount("3").value(), bridge,
                    [](Result<Hash>) { AppContext::instance()->endWork(); });
    context->beginWork();
    bridge->deposit(*second, second->address, parse_amount("1").value(), bridge,
                    [](Result<Hash>) { AppContext::instance()->endWork(); });
}
