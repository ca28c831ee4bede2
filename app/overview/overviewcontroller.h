// SPDX-License-Identifier: MIT
#pragma once
// OverviewController: the overview page. Per account and in total: funds on L1, on L2 and in
// transit (deposits not yet credited + withdrawals not yet finalized), as exact strings formatted
// in C++ (core/eth/units.hpp). The balances are the layer stores' (ChainStore), read on every new
// head of either layer; the controller never asks a node itself.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

#include "core/common/uint256.hpp"
#include "stores/bridgestore.h"
#include "stores/walletchannels.h"

class ChainStore;
namespace sluice {
class WalletStore;
}

// One row per wallet account.
class AccountBalancesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by OverviewController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,  // BIP-44 index as a string (as AccountsModel)
        NameRole,
        AddressRole,    // EIP-55
        L1BalanceRole,  // "1.5", exact ether; "" until known
        L2BalanceRole,
        InTransitRole,
        TotalRole,  // L1 + L2 + in transit
    };
    Q_ENUM(Role)
    explicit AccountBalancesModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool loading() const { return m_loading; }

    struct Row {
        QString key;
        QString name;
        QString address;
        std::optional<sluice::U256> l1;
        std::optional<sluice::U256> l2;
        sluice::U256 inTransit = 0;
    };
    // Replaces the rows when the account list changed, otherwise updates changed cells in place.
    void setRows(const QList<Row>& rows);
    void setL1(const QString& key, const sluice::U256& wei);
    void setL2(const QString& key, const sluice::U256& wei);
    void setInTransit(const QString& key, const sluice::U256& wei);
    void setLoading(bool loading);
    const QList<Row>& rows() const { return m_rows; }

signals:
    void countChanged();
    void loadingChanged();
    void totalsChanged();

private:
    int rowOf(const QString& key) const;
    QList<Row> m_rows;
    bool m_loading = false;
};

class OverviewController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Required inputs: the wallet's accounts, each layer's store (their balances), the bridge
    // (what is in transit) and the channels.
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l1 READ l1 WRITE setL1 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l2 READ l2 WRITE setL2 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(BridgeStore* bridge READ bridge WRITE setBridge NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(WalletChannels* channels READ channels WRITE setChannels NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(AccountBalancesModel* accounts READ accounts CONSTANT)
    Q_PROPERTY(QString totalL1 READ totalL1 NOTIFY totalsChanged)  // "3.25" (ether, exact)
    Q_PROPERTY(QString totalL2 READ totalL2 NOTIFY totalsChanged)
    Q_PROPERTY(QString totalInTransit READ totalInTransit NOTIFY totalsChanged)
    // My side of every channel not yet paid out; "" without a network that has channels.
    Q_PROPERTY(QString totalInChannels READ totalInChannels NOTIFY totalsChanged)
    Q_PROPERTY(QString total READ total NOTIFY totalsChanged)
    Q_PROPERTY(QString unit READ unit CONSTANT)  // "ETH"
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit OverviewController(QObject* parent = nullptr);
    ~OverviewController() override;

    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    ChainStore* l1() const { return m_l1; }
    void setL1(ChainStore* l1);
    ChainStore* l2() const { return m_l2; }
    void setL2(ChainStore* l2);
    BridgeStore* bridge() const { return m_bridge; }
    void setBridge(BridgeStore* bridge);
    WalletChannels* channels() const { return m_channels; }
    void setChannels(WalletChannels* channels);

    AccountBalancesModel* accounts() const { return m_model; }
    QString totalL1() const;
    QString totalL2() const;
    QString totalInTransit() const;
    QString totalInChannels() const;
    QString total() const;
    QString unit() const { return QStringLiteral("ETH"); }
    bool loading() const;
    QString error() const { return m_error; }

    Q_INVOKABLE void refresh();

signals:
    void storesChanged();
    void totalsChanged();
    void loadingChanged();
    void errorChanged();

private:
    void reloadAccounts();
    void recomputeInTransit();
    void readBalances();
    // setL1/setL2: follow a layer store's balances.
    void setChain(ChainStore*& slot, ChainStore* chain);
    void followBridge();
    AccountBalancesModel* m_model;
    // The stores (AppContext's), which outlive the controller.
    sluice::WalletStore* m_wallet = nullptr;
    ChainStore* m_l1 = nullptr;
    ChainStore* m_l2 = nullptr;
    BridgeStore* m_bridge = nullptr;
    WalletChannels* m_channels = nullptr;
    QString m_error;
};
