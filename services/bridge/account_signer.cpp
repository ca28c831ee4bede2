// SPDX-License-Identifier: MIT
#include "services/bridge/account_signer.hpp"

#include <QPointer>

#include "core/eth/address.hpp"
#include "core/eth/transaction.hpp"
#include "core/eth/units.hpp"
#include "services/wallet/walletstore.h"

namespace sluice {

AccountSigner AccountSigner::fromKey(const PrivateKey& key) {
    auto held = std::make_shared<const PrivateKey>(key);
    AccountSigner signer;
    signer.address = public_key_of(*held).address();
    signer.sign = [held](const Hash& digest) -> Result<RecoverableSignature> { return sign_hash(digest, *held); };
    return signer;
}

AccountSigner AccountSigner::fromWallet(WalletStore* store, int accountIndex, const Address& address) {
    AccountSigner signer;
    signer.address = address;
    QPointer<WalletStore> guard(store);
    signer.sign = [guard, accountIndex](const Hash& digest) -> Result<RecoverableSignature> {
        if (!guard) return make_error("the wallet is no longer open");
        return guard->signHash(accountIndex, digest);
    };
    return signer;
}

SignedSender::SignedSender(EthClient* eth, QObject* parent) : QObject(parent), m_eth(eth) {}

namespace {

QString ether(const U256& wei) { return QString::fromStdString(format_amount(wei, Unit::ether)) + QStringLiteral(" ETH"); }

struct SendJob {
    AccountSigner signer;
    SendRequest request;
    Transaction tx;
    TransactionSender::Callbacks callbacks;
    QPointer<QObject> context;
    EthClient* eth = nullptr;
    std::chrono::milliseconds receiptTimeout{0};

    void failRpc(const RpcError& e) {
        SendFailure f;
        f.kind = SendFailure::Kind::Rpc;
        f.message = e.message;
        f.rpc = e;
        fail(std::move(f));
    }
    void fail(SendFailure f) {
        if (context && callbacks.failed) callbacks.failed(std::move(f));
    }
};

void finishSend(const std::shared_ptr<SendJob>& job);

void checkFundsAndSign(const std::shared_ptr<SendJob>& job) {
    job->eth->balance(job->signer.address, job->context, [job](RpcResult<U256> balance) {
        if (!balance.ok()) return job->failRpc(balance.error());
        const Transaction& tx = job->tx;
        auto gasCost = checked_mul(U256(tx.gas_limit), tx.max_fee_per_gas);
        auto total = gasCost ? checked_add(*gasCost, tx.value) : std::nullopt;
        if (!total || balance.value() < *total) {
            SendFailure f;
            f.kind = SendFailure::Kind::InsufficientFunds;
            f.message = QStringLiteral("insufficient funds: %1 has %2, but this transaction can cost up to %3 "
                                       "(%4 + gas limit %5 × max fee %6 wei)")
                            .arg(QString::fromStdString(to_checksum_address(job->signer.address)), ether(balance.value()),
                                 total ? ether(*total) : QStringLiteral("more than 2^256 wei"), ether(tx.value))
                            .arg(tx.gas_limit)
                            .arg(QString::fromStdString(u256_to_dec(tx.max_fee_per_gas)));
            return job->fail(std::move(f));
        }
        finishSend(job);
    });
}

void finishSend(const std::shared_ptr<SendJob>& job) {
    if (auto valid = validate_intrinsic(job->tx); !valid) {
        SendFailure f;
        f.kind = SendFailure::Kind::Signing;
        f.message = QString::fromStdString(valid.message());
        return job->fail(std::move(f));
    }
    auto signature = job->signer.sign(signing_hash(job->tx));
    if (!signature) {
        SendFailure f;
        f.kind = SendFailure::Kind::Signing;
        f.message = QStringLiteral("could not sign: ") + QString::fromStdString(signature.message());
        return job->fail(std::move(f));
    }
    SignedTransaction signedTx{job->tx, *signature};
    // A signer that signed for another key would make the node attribute the transaction to a
    // stranger's account; refuse before sending.
    auto sender = recover_sender(signedTx);
    if (!sender || *sender != job->signer.address) {
        SendFailure f;
        f.kind = SendFailure::Kind::Signing;
        f.message = QStringLiteral("the signature does not belong to %1").arg(QString::fromStdString(to_checksum_address(job->signer.address)));
        return job->fail(std::move(f));
    }
    if (job->callbacks.prepared) {
        PreparedTransaction p;
        p.chainId = static_cast<quint64>(job->tx.chain_id);
        p.nonce = job->tx.nonce;
        p.gasLimit = job->tx.gas_limit;
        p.maxFeePerGas = job->tx.max_fee_per_gas;
        p.maxPriorityFeePerGas = job->tx.max_priority_fee_per_gas;
        p.from = job->signer.address;
        p.to = *job->tx.to;
        p.value = job->tx.value;
        job->callbacks.prepared(p);
    }
    job->eth->sendRawTransaction(encode_signed(signedTx), job->context, [job](RpcResult<Hash> hash) {
        if (!hash.ok()) return job->failRpc(hash.error());
        if (job->callbacks.submitted) job->callbacks.submitted(hash.value());
        job->eth->waitForReceipt(hash.value(), job->receiptTimeout, job->context, [job, h = hash.value()](RpcResult<TransactionReceipt> r) {
            if (!r.ok()) {
                SendFailure f;
                f.kind = r.error().kind == RpcError::Kind::Timeout ? SendFailure::Kind::ReceiptTimeout : SendFailure::Kind::Rpc;
                f.message = QStringLiteral("submitted %1, but: %2").arg(QString::fromStdString(h.hex()), r.error().message);
                f.rpc = r.error();
                return job->fail(std::move(f));
            }
            if (job->context && job->callbacks.confirmed) job->callbacks.confirmed(r.value());
        });
    });
}

}  // namespace

void SignedSender::send(const AccountSigner& signer, const SendRequest& request, QObject* context,
                        TransactionSender::Callbacks callbacks) {
    auto job = std::make_shared<SendJob>();
    job->signer = signer;
    job->request = request;
    job->callbacks = std::move(callbacks);
    job->context = context;
    job->eth = m_eth;
    job->receiptTimeout = m_receiptTimeout;
    job->tx.type = TxType::eip1559;
    job->tx.to = request.to;
    job->tx.value = request.value;
    job->tx.data = request.data;

    m_eth->chainId(context, [job](RpcResult<quint64> chain) {
        if (!chain.ok()) return job->failRpc(chain.error());
        job->tx.chain_id = chain.value();
        job->eth->transactionCount(job->signer.address, QStringLiteral("pending"), job->context, [job](RpcResult<quint64> nonce) {
            if (!nonce.ok()) return job->failRpc(nonce.error());
            job->tx.nonce = nonce.value();
            auto withFees = [job](const FeeSuggestion& fees) {
                job->tx.max_fee_per_gas = fees.maxFeePerGas;
                job->tx.max_priority_fee_per_gas = fees.maxPriorityFeePerGas;
                if (job->request.gasLimit) {
                    job->tx.gas_limit = *job->request.gasLimit;
                    return checkFundsAndSign(job);
                }
                CallRequest call;
                call.from = job->signer.address;
                call.to = job->request.to;
                call.value = job->request.value;
                call.data = job->request.data;
                job->eth->estimateGas(call, job->context, [job](RpcResult<quint64> gas) {
                    if (!gas.ok()) return job->failRpc(gas.error());
                    // 20 % headroom: the estimate is for the current state, which may move.
                    job->tx.gas_limit = gas.value() <= 21000 ? gas.value() : gas.value() + gas.value() / 5;
                    checkFundsAndSign(job);
                });
            };
            if (job->request.fees) return withFees(*job->request.fees);
            job->eth->suggestFees(job->context, [job, withFees](RpcResult<FeeSuggestion> fees) {
                if (!fees.ok()) return job->failRpc(fees.error());
                withFees(fees.value());
            });
        });
    });
}

}  // namespace sluice
