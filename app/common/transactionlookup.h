// SPDX-License-Identifier: MIT
#pragma once
// TransactionLookup: what a history entry's detail view shows beyond the journal: the block that
// holds a transaction and the fee it paid (gas used x effective gas price), read from its layer's
// node through that layer's store.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include "stores/chainstore.h"

class TransactionLookup : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Required inputs: the layer stores whose clients are asked.
    Q_PROPERTY(ChainStore* l1 MEMBER m_l1 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l2 MEMBER m_l2 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(QString block READ block NOTIFY changed)  // decimal, "" until known
    Q_PROPERTY(QString fee READ fee NOTIFY changed)      // exact ether, "" until known
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    explicit TransactionLookup(QObject* parent = nullptr);

    bool loading() const { return m_loading; }
    QString block() const { return m_block; }
    QString fee() const { return m_fee; }
    QString error() const { return m_error; }

    // Reads the receipt of `txHash` on L1 (onL1) or L2; a later call supersedes this one.
    Q_INVOKABLE void lookup(bool onL1, const QString& txHash);

signals:
    void storesChanged();
    void changed();

private:
    ChainStore* m_l1 = nullptr;  // AppContext's stores, which outlive this
    ChainStore* m_l2 = nullptr;
    bool m_loading = false;
    QString m_block;
    QString m_fee;
    QString m_error;
    int m_generation = 0;
};
