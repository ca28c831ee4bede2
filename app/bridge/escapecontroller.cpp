// SPDX-License-Identifier: MIT
#include "bridge/escapecontroller.h"

#include "stores/storeinput.h"

#include "bridge/transfersmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "services/bridge/wallet_verifier.hpp"
#include "services/rpc/transaction_sender.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

using namespace sluice;

EscapeController::EscapeController(QObject* parent) : QObject(parent), m_review(new TransactionReview(this)) {}

void EscapeController::setSession(WalletSession* session) {
    if (!replaceStore(m_session, session, this)) return;
    emit storesChanged();
    if (!session) return;
    connect(session, &WalletSession::l1NewHead, this, &EscapeController::refresh);
    connect(session, &WalletSession::sessionStarted, this, &EscapeController::refresh);
    connect(session, &WalletSession::sessionEnded, this, [this] {
        m_state = State::Unknown;
        m_status = {};
        m_exitable.reset();
        m_queue.clear();
        emit changed();
    });
    refresh();
}

void EscapeController::setWallet(sluice::WalletStore* wallet) {
    if (wallet == m_wallet) return;
    m_wallet = wallet;
    emit storesChanged();
    planAll();
}

void EscapeController::setVerification(VerificationStore* verification) {
    if (!replaceStore(m_verification, verification, this)) return;
    emit storesChanged();
    // A new batch verified changes what the replica can prove.
    if (verification) connect(verification, &VerificationStore::changed, this, &EscapeController::planAll);
    planAll();
}

QString EscapeController::escapeDelay() const {
    auto* session = m_session;
    return session && session->isReady() ? TransfersModel::countdown(qint64(session->params().escapeDelay)) : QString();
}

QString EscapeController::exitable() const { return m_exitable ? exactEther(*m_exitable) : QString(); }
QString EscapeController::paid() const { return m_paid ? exactEther(*m_paid) : QString(); }

void EscapeController::refresh() {
    auto* session = m_session;
    if (!session || !session->rollup() || m_refreshing) return;
    m_refreshing = true;
    session->rollup()->escapeStatus(this, [this](RpcResult<EscapeStatus> r) {
        m_refreshing = false;
        if (!r) return;  // the status bar already says when L1 is unreachable
        m_status = r.value();
        m_state = m_status.frozen ? State::Frozen : m_status.availableAt ? State::Countdown : State::Normal;
        planAll();
    });
}

void EscapeController::planAll() {
    auto* session = m_session;
    m_exitable.reset();
    m_planProblem.clear();
    if (m_state == State::Frozen && session && session->verifier()) {
        U256 total = 0;
        for (const WalletAccount& account : (m_wallet ? m_wallet->accounts() : QList<WalletAccount>())) {
            auto owner = parse_address(account.address.toStdString());
            if (!owner) continue;
            auto plan = planExit(session->verifier()->replica(), m_status.stateRoot, *owner);
            if (!plan) {
                m_planProblem = QString::fromStdString(plan.message());
                break;
            }
            total += plan->total();
        }
        if (m_planProblem.isEmpty()) m_exitable = total;
    }
    emit changed();
}

void EscapeController::exitAll() {
    auto* session = m_session;
    if (!session || !session->verifier() || busy()) return;
    if (m_state != State::Frozen) {
        m_error = tr("The Rollup is not frozen: the exit is not open.");
        return emit changed();
    }
    m_error.clear();
    m_paid = U256(0);
    for (const WalletAccount& account : (m_wallet ? m_wallet->accounts() : QList<WalletAccount>())) {
        auto owner = parse_address(account.address.toStdString());
        auto signer = session->signer(account.index);
        if (!owner) continue;
        if (!signer) {
            m_queue.clear();
            m_error = tr("Unlock the wallet first.");
            return emit changed();
        }
        auto plan = planExit(session->verifier()->replica(), m_status.stateRoot, *owner);
        if (!plan) {
            m_queue.clear();
            m_error = QString::fromStdString(plan.message());
            return emit changed();
        }
        std::vector<EscapeCall> calls = escapeCalls(*plan);  // the exits first, then the refunds
        for (std::size_t i = 0; i < calls.size(); ++i) {
            const QString action =
                i < plan->exits.size()
                    ? tr("Exit of L2 account #%1 to L1").arg(plan->exits[i].accountIndex)
                    : tr("Refund of deposit %1 on L1").arg(plan->refunds[i - plan->exits.size()].index);
            m_queue.push_back({*signer, std::move(calls[i]), action});
        }
    }
    emit changed();
    sendNext();
}

void EscapeController::sendNext() {
    auto* session = m_session;
    if (m_queue.empty() || !session || !session->l1()) {
        m_sending = false;
        m_queue.clear();
        if (m_error.isEmpty() && m_paid && !m_paid->is_zero()) emit exited(exactEther(*m_paid));
        emit changed();
        return refresh();
    }
    m_sending = true;
    Pending next = std::move(m_queue.front());
    m_queue.pop_front();
    SendRequest request;
    request.to = session->rollup()->address();
    request.data = next.call.data;
    auto* sender = new TransactionSender(session->l1(), session->params().l1ChainId, this);
    TransactionSender::Callbacks callbacks;
    const U256 amount = next.call.amount;
    const QString what = next.call.what;
    callbacks.confirmed = [this, sender, amount, what](TransactionReceipt receipt) {
        sender->deleteLater();
        if (receipt.success)
            *m_paid += amount;
        else
            m_error = tr("%1 was reverted on L1 (transaction %2).")
                          .arg(what, QString::fromStdString(receipt.transactionHash.hex()));
        sendNext();
    };
    callbacks.failed = [this, sender, what](SendFailure failure) {
        sender->deleteLater();
        if (failure.kind == SendFailure::Kind::Declined) {
            m_queue.clear();  // the user stopped the exit; what was paid stays paid
        } else {
            m_error = tr("%1 failed: %2").arg(what, failure.message);
        }
        sendNext();
    };
    const TransactionReview::Details details{next.action, amount, next.signer.address, {}};
    const quint64 l1ChainId = session->params().l1ChainId;
    callbacks.review = [this, details, l1ChainId](const PreparedTransaction& transaction,
                                                  std::function<void(bool)> decide) {
        m_review->open(transaction, details, l1ChainId, std::move(decide));
    };
    sender->send(next.signer, request, this, std::move(callbacks));
}
