// SPDX-License-Identifier: MIT
#pragma once
// TransactionReview: the last look before a bridge transaction is signed (issue 10, item 2). The
// sender fills in the transaction (nonce, gas, fees within the caps of core/eth/fee_caps.hpp,
// funds checked) and stops; this object shows it exactly as it will be signed — what it does, the
// amount as parsed, the expected and the maximum fee, the maximum total, the network and chain id,
// and a warning when the fee is a large share of the amount — until the user signs or cancels.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include <functional>

#include "core/common/uint256.hpp"
#include "services/rpc/transaction_sender.hpp"

class TransactionReview : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the controller whose transaction it shows")
    Q_PROPERTY(bool active READ active NOTIFY changed)           // waiting for the user's decision
    Q_PROPERTY(QString action READ action NOTIFY changed)        // "Deposit to L2", translated
    Q_PROPERTY(Layer layer READ layer NOTIFY changed)            // where the transaction is signed for
    Q_PROPERTY(QString chainId READ chainId NOTIFY changed)      // exactly what is signed
    Q_PROPERTY(QString amount READ amount NOTIFY changed)        // exact ether, as parsed
    Q_PROPERTY(QString recipient READ recipient NOTIFY changed)  // checksummed; who receives the amount
    Q_PROPERTY(QString expectedFee READ expectedFee NOTIFY changed)
    Q_PROPERTY(QString maxFee READ maxFee NOTIFY changed)
    Q_PROPERTY(QString maxTotal READ maxTotal NOTIFY changed)          // value sent + max fee
    Q_PROPERTY(QString maxFeePerGas READ maxFeePerGas NOTIFY changed)  // "3 gwei"
    Q_PROPERTY(QString gasLimit READ gasLimit NOTIFY changed)
    Q_PROPERTY(QString warning READ warning NOTIFY changed)  // "" unless the fee is a large share
    // What happens after signing, where and when ("Arrives on L2 at … within about 30s"); "" if nothing to add.
    Q_PROPERTY(QString outcome READ outcome NOTIFY changed)

public:
    enum class Layer { L1, L2 };
    Q_ENUM(Layer)

    // What the controller knows that the transaction alone does not say.
    struct Details {
        QString action;
        sluice::U256 amount;  // moved by the operation (a finalize call sends 0 but pays this out)
        sluice::Address recipient;
        QString outcome;  // what arrives where, and when
    };

    explicit TransactionReview(QObject* parent = nullptr);

    // Shows `transaction` (layer from its chain id against the session's L1 id) until approve()
    // or decline(); a review still open is declined first.
    void open(const sluice::PreparedTransaction& transaction, const Details& details, quint64 l1ChainId,
              std::function<void(bool)> decide);
    Q_INVOKABLE void approve();
    Q_INVOKABLE void decline();

    // The warning shown when `maxFee` is at least sluice::fee_warning_percent of `amount`; "" otherwise.
    static QString feeWarning(const sluice::U256& maxFee, const sluice::U256& amount);

    bool active() const { return bool(m_decide); }
    QString action() const { return m_details.action; }
    Layer layer() const { return m_layer; }
    QString chainId() const;
    QString amount() const;
    QString recipient() const;
    QString expectedFee() const;
    QString maxFee() const;
    QString maxTotal() const;
    QString maxFeePerGas() const;
    QString gasLimit() const;
    QString warning() const;
    QString outcome() const { return m_details.outcome; }

signals:
    void changed();

private:
    void finish(bool approve);

    sluice::PreparedTransaction m_transaction;
    Details m_details;
    Layer m_layer = Layer::L1;
    std::function<void(bool)> m_decide;
};
