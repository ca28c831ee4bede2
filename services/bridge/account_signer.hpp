// SPDX-License-Identifier: MIT
#pragma once
// Who signs a bridge transaction. The bridge never needs the key itself, only a 32-byte-digest
// signer: from a private key (sluice-cli --private-key / --keystore) or from the WalletStore,
// whose keys never leave it (signHash). SignedSender then sends an EIP-1559 transaction the way
// TransactionSender does (chain id, pending nonce, fees and gas from the node, funds checked
// before signing), but through such a signer.

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/transaction_sender.hpp"

namespace sluice {

class WalletStore;

struct AccountSigner {
    Address address;
    std::function<Result<RecoverableSignature>(const Hash&)> sign;

    // The key is held (shared, wiped with the last copy) by the signer.
    static AccountSigner fromKey(const PrivateKey& key);
    // Signs through store->signHash(accountIndex); fails when the store is locked or gone.
    static AccountSigner fromWallet(WalletStore* store, int accountIndex, const Address& address);
};

class SignedSender : public QObject {
    Q_OBJECT
public:
    explicit SignedSender(EthClient* eth, QObject* parent = nullptr);
    void setReceiptTimeout(std::chrono::milliseconds timeout) { m_receiptTimeout = timeout; }
    EthClient* eth() const { return m_eth; }

    // request.fees and request.gasLimit as in TransactionSender. Callbacks run on `context`.
    void send(const AccountSigner& signer, const SendRequest& request, QObject* context,
              TransactionSender::Callbacks callbacks);

private:
    EthClient* m_eth;
    std::chrono::milliseconds m_receiptTimeout{std::chrono::seconds(120)};
};

}  // namespace sluice
