// SPDX-License-Identifier: MIT
#include "stores/bridgestore.h"

#include "activity/activitymodel.h"
#include "bridge/transfersmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"

using namespace sluice;

BridgeStore::BridgeStore(ActivityJournal* journal, QObject* parent) : QObject(parent), m_journal(journal) {}

void BridgeStore::attach(BridgeService* service) {
    detach();
    m_service = service;
    if (!service) return;
    for (const Address& account : m_accounts) service->track(account);
    connect(service, &BridgeService::withdrawalStatusChanged, this,
            [this](const QString& key, WithdrawalStatus status) {
                auto record = m_service->withdrawal(key);
                if (!record) return;
                if (status == WithdrawalStatus::ReadyToFinalize) emit withdrawalReady(key, exactEther(record->amount));
                journalWithdrawal(*record);
            });
    connect(service, &BridgeService::withdrawalChanged, this, [this](const QString& key) {
        if (auto record = m_service->withdrawal(key)) journalWithdrawal(*record);
    });
    auto depositUpdated = [this](const QString& key) {
        for (const DepositRecord& d : m_service->deposits())
            if (d.key() == key) journalDeposit(d);
    };
    connect(service, &BridgeService::depositChanged, this, depositUpdated);
    connect(service, &BridgeService::depositStatusChanged, this, depositUpdated);
    // The chain's history opened (BridgeService::open): what it holds joins the journal, then the
    // statuses are read afresh.
    connect(service, &BridgeService::loadedChanged, this, [this] {
        for (const DepositRecord& d : m_service->deposits()) journalDeposit(d);
        for (const WithdrawalRecord& w : m_service->withdrawals()) journalWithdrawal(w);
        m_service->refresh();
    });
    emit attachedChanged();
}

void BridgeStore::detach() {
    if (!m_service) return;
    disconnect(m_service, nullptr, this, nullptr);
    m_service = nullptr;
    emit attachedChanged();
}

void BridgeStore::setAccounts(const QList<Address>& accounts) {
    m_accounts = accounts;
    if (!m_service) return;
    for (const Address& account : accounts) m_service->track(account);
    if (m_service->isLoaded()) m_service->refresh();
}

void BridgeStore::journalWithdrawal(const WithdrawalRecord& w) {
    ActivityModel::Entry e;
    e.layer = QStringLiteral("l2");
    e.kind = QStringLiteral("withdrawal");
    e.txHash = QString::fromStdString(w.l2TxHash.hex());
    e.timestamp = w.initiatedAt;
    e.account = QString::fromStdString(to_checksum_address(w.account));
    e.amount = exactEther(w.amount);
    e.incoming = false;
    // One transfer, one row: the status walks initiated -> ... -> finalized in place. The L1
    // payout is that row's last status, not a row of its own (which read as a second transfer).
    e.status = TransfersModel::code(TransfersModel::stageOf(w.status));
    if (w.finalizeTxHash) e.relatedTxHash = QString::fromStdString(w.finalizeTxHash->hex());
    m_journal->record(e);
}

void BridgeStore::journalDeposit(const DepositRecord& d) {
    ActivityModel::Entry e;
    e.layer = QStringLiteral("l1");
    e.kind = QStringLiteral("deposit");
    e.txHash = QString::fromStdString(d.l1TxHash.hex());
    e.timestamp = d.submittedAt;
    e.account = QString::fromStdString(to_checksum_address(d.account()));
    e.counterparty = QString::fromStdString(to_checksum_address(d.to));
    e.amount = exactEther(d.amount);
    e.status = TransfersModel::code(TransfersModel::stageOf(d.status));
    e.relatedBlock = d.l2Block.value_or(0);
    m_journal->record(e);
}
