// SPDX-License-Identifier: MIT
#pragma once
// Development-only helpers for the bundled local devnet, kept out of the session: one-click test
// ETH from a dev account (DevFunding), and the dev fixture's bridge history for screenshots
// (seedDevFixture). Neither does anything on a network that names no dev accounts.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>

class WalletSession;
namespace sluice {
class BridgeService;
class TransactionSender;
}  // namespace sluice

class DevFunding : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by WalletSession")
    // The session runs on a network with dev accounts (the local devnet's manifest names them).
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString amount READ amount CONSTANT)  // "10" (ETH)

public:
    explicit DevFunding(WalletSession* session);

    bool available() const;
    bool busy() const { return m_sender != nullptr; }
    static QString amount() { return QStringLiteral("10"); }
    // Sends amount() ETH on L1 from the devnet's last dev account to wallet account
    // `accountIndex`; finished() reports the outcome.
    Q_INVOKABLE void fund(int accountIndex);

signals:
    void availableChanged();
    void busyChanged();
    void finished(bool ok, const QString& message);

private:
    void finish(bool ok, const QString& message);

    WalletSession* m_session;
    QPointer<sluice::TransactionSender> m_sender;
};

// --dev-fixture with --devnet-dir: the fixture accounts are anvil's funded ones on L1; this gives
// them L2 funds and a little bridge history (deposits, then a withdrawal and an L2 transfer once
// the deposit is credited) so screenshots show real data. Only on a devnet whose bridge history
// for this wallet is empty, so a second run shows what the first one made. Call once the
// `bridge` (the session's) has loaded its history.
void seedDevFixture(WalletSession* session, sluice::BridgeService* bridge);
