// SPDX-License-Identifier: MIT
#include "common/transactionreview.h"

#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/fee_caps.hpp"
#include "core/eth/units.hpp"

using namespace sluice;

TransactionReview::TransactionReview(QObject* parent) : QObject(parent) {}

void TransactionReview::open(const PreparedTransaction& transaction, const Details& details, quint64 l1ChainId,
                             std::function<void(bool)> decide) {
    if (m_decide) finish(false);
    m_transaction = transaction;
    m_details = details;
    m_layer = transaction.chainId == l1ChainId ? Layer::L1 : Layer::L2;
    m_decide = std::move(decide);
    emit changed();
}

void TransactionReview::approve() { finish(true); }
void TransactionReview::decline() { finish(false); }

void TransactionReview::finish(bool approve) {
    if (!m_decide) return;
    auto decide = std::move(m_decide);
    m_decide = nullptr;
    emit changed();
    decide(approve);
}

QString TransactionReview::feeWarning(const U256& maxFee, const U256& amount) {
    if (!fee_is_large_share(maxFee, amount)) return {};
    return tr("The network fee can be up to %1 ETH, %2 % or more of the amount of %3 ETH.")
        .arg(exactEther(maxFee))
        .arg(fee_warning_percent)
        .arg(exactEther(amount));
}

QString TransactionReview::chainId() const { return QString::number(m_transaction.chainId); }
QString TransactionReview::amount() const { return exactEther(m_details.amount); }
QString TransactionReview::recipient() const {
    return QString::fromStdString(to_checksum_address(m_details.recipient));
}
QString TransactionReview::expectedFee() const { return exactEther(m_transaction.expectedFee()); }
QString TransactionReview::maxFee() const { return exactEther(m_transaction.maxFee()); }
QString TransactionReview::maxTotal() const { return exactEther(m_transaction.maxTotal()); }
QString TransactionReview::maxFeePerGas() const {
    return QString::fromStdString(format_amount(m_transaction.maxFeePerGas, Unit::gwei)) + QStringLiteral(" gwei");
}
QString TransactionReview::gasLimit() const { return QString::number(m_transaction.gasLimit); }
QString TransactionReview::warning() const { return feeWarning(m_transaction.maxFee(), m_details.amount); }
