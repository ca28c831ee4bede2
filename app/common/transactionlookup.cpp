// SPDX-License-Identifier: MIT
#include "common/transactionlookup.h"

#include "core/common/bytes.hpp"
#include "core/eth/units.hpp"
#include "services/rpc/eth_client.hpp"

using namespace sluice;

TransactionLookup::TransactionLookup(QObject* parent) : QObject(parent) {}

void TransactionLookup::lookup(bool onL1, const QString& txHash) {
    const int generation = ++m_generation;
    m_block.clear();
    m_fee.clear();
    m_error.clear();
    ChainStore* chain = onL1 ? m_l1 : m_l2;
    EthClient* eth = chain ? chain->eth() : nullptr;
    const auto hash = Hash::from_hex(txHash.toStdString());
    m_loading = eth && hash;
    if (!eth)
        m_error = tr("Not connected to this layer's node.");
    else if (!hash)
        m_error = tr("Not a transaction hash.");
    emit changed();
    if (!m_loading) return;
    eth->transactionReceipt(hash.value(), this,
                            [this, generation](RpcResult<std::optional<TransactionReceipt>> receipt) {
                                if (generation != m_generation) return;
                                m_loading = false;
                                if (!receipt)
                                    m_error = receipt.errorMessage();
                                else if (!receipt.value())
                                    m_error = tr("Not mined yet.");
                                else {
                                    m_block = QString::number(receipt.value()->blockNumber);
                                    m_fee = QString::fromStdString(
                                        format_amount(receipt.value()->gasUsed * receipt.value()->effectiveGasPrice));
                                }
                                emit changed();
                            });
}
