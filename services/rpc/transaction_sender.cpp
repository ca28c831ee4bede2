// SPDX-License-Identifier: MIT
#include "services/rpc/transaction_sender.hpp"

#include <QPointer>

#include <algorithm>
#include <limits>
#include <memory>

#include "core/eth/address.hpp"
#include "core/eth/fee_caps.hpp"
#include "core/eth/transaction.hpp"
#include "core/eth/units.hpp"
#include "services/rpc/heads_subscription.hpp"

namespace sluice {

namespace {

QString ether(const U256& wei) {
    return QString::fromStdString(format_amount(wei, Unit::ether)) + QStringLiteral(" ETH");
}
QString gwei(const U256& wei) {
    return QString::fromStdString(format_amount(wei, Unit::gwei)) + QStringLiteral(" gwei");
}

struct Job {
    AccountSigner signer;
    SendRequest request;
    PreparedTransaction prepared;
    FeeSuggestion fees;
    U256 balance;
    QPointer<QObject> context;
    bool hasContext = false;
    TransactionSender::Callbacks callbacks;
    QObject* anchor = nullptr;  // owns the job's RPC callbacks; deleted when the job ends

    // Insufficient funds found before signing: balance < value + gasLimit * maxFeePerGas.
    bool failIfShort(quint64 gasLimit) {
        const PreparedTransaction& p = prepared;
        auto gasCost = checked_mul(U256(gasLimit), p.maxFeePerGas);
        auto total = gasCost ? checked_add(*gasCost, p.value) : std::nullopt;
        if (total && balance >= *total) return false;
        SendFailure f;
        f.kind = SendFailure::Kind::InsufficientFunds;
        f.message = QStringLiteral(
                        "insufficient funds: %1 has %2, but sending %3 can cost up to %4 "
                        "(value + gas limit %5 × max fee %6)")
                        .arg(QString::fromStdString(to_checksum_address(p.from)), ether(balance), ether(p.value),
                             total ? ether(*total) : QStringLiteral("more than 2^256 wei"))
                        .arg(gasLimit)
                        .arg(gwei(p.maxFeePerGas));
        fail(std::move(f));
        return true;
    }

    bool alive() const { return !hasContext || context; }
    void fail(SendFailure f) {
        if (alive() && callbacks.failed) callbacks.failed(std::move(f));
        end();
    }
    void failRpc(const RpcError& e) {
        SendFailure f;
        f.kind = SendFailure::Kind::Rpc;
        f.message = e.message;
        f.rpc = e;
        fail(std::move(f));
    }
    void end() {
        signer = {};  // a key-holding signer's last copy goes here (PrivateKey wipes itself)
        if (anchor) anchor->deleteLater();
        anchor = nullptr;
    }
};

}  // namespace

U256 PreparedTransaction::maxFee() const {
    return checked_mul(U256(gasLimit), maxFeePerGas).value_or(std::numeric_limits<U256>::max());
}

U256 PreparedTransaction::expectedFee() const {
    const U256 wanted = checked_add(baseFeePerGas, maxPriorityFeePerGas).value_or(std::numeric_limits<U256>::max());
    return checked_mul(U256(gasLimit), std::min(wanted, maxFeePerGas)).value_or(std::numeric_limits<U256>::max());
}

U256 PreparedTransaction::maxTotal() const {
    return checked_add(value, maxFee()).value_or(std::numeric_limits<U256>::max());
}

TransactionSender::TransactionSender(EthClient* eth, quint64 chainId, QObject* parent)
    : QObject(parent), m_eth(eth), m_chainId(chainId) {}

std::optional<SendFailure> TransactionSender::checkFees(const FeeSuggestion& fees) const {
    FeeQuote quote;
    quote.eip1559 = fees.eip1559;
    quote.baseFeePerGas = m_protocolBaseFee ? *m_protocolBaseFee : fees.baseFeePerGas;
    quote.maxPriorityFeePerGas = fees.maxPriorityFeePerGas;
    quote.maxFeePerGas = fees.eip1559 ? fees.maxFeePerGas : fees.gasPrice;
    Status within = check_fee_caps(quote);
    if (within) return std::nullopt;
    SendFailure f;
    f.kind = SendFailure::Kind::FeeAboveCaps;
    f.message = QStringLiteral("fees refused, nothing was signed: %1").arg(QString::fromStdString(within.message()));
    return f;
}

void TransactionSender::quoteFees(QObject* context, std::function<void(FeeQuoteResult)> done) {
    if (m_protocolBaseFee) {
        FeeSuggestion fixed;
        fixed.baseFeePerGas = *m_protocolBaseFee;
        fixed.maxFeePerGas = *m_protocolBaseFee;
        fixed.maxPriorityFeePerGas = 0;
        return done(fixed);
    }
    QPointer<TransactionSender> self(this);
    m_eth->suggestFees(context, [self, done = std::move(done)](RpcResult<FeeSuggestion> fees) {
        if (!self) return;
        if (!fees.ok()) {
            SendFailure f;
            f.kind = SendFailure::Kind::Rpc;
            f.message = fees.error().message;
            f.rpc = fees.error();
            return done(f);
        }
        if (auto refused = self->checkFees(fees.value())) return done(*refused);
        done(fees.value());
    });
}

void TransactionSender::send(const AccountSigner& signer, const SendRequest& request, QObject* context,
                             Callbacks callbacks) {
    auto job = std::make_shared<Job>();
    job->signer = signer;
    job->request = request;
    job->context = context;
    job->hasContext = context != nullptr;
    job->callbacks = std::move(callbacks);
    job->anchor = new QObject(this);
    job->prepared.from = signer.address;
    job->prepared.to = request.to;
    job->prepared.value = request.value;
    job->prepared.chainId = m_chainId;

    EthClient* eth = m_eth;
    QObject* anchor = job->anchor;
    HeadsSubscription* heads = m_heads;
    const auto receiptTimeout = m_receiptTimeout;

    // The steps run one after another; each is a named lambda so the order reads top-down.
    auto submit = [job, eth, anchor, heads, receiptTimeout](Bytes raw, Hash expectedHash) {
        eth->sendRawTransaction(
            raw, anchor, [job, eth, anchor, heads, receiptTimeout, expectedHash](RpcResult<Hash> sent) {
                if (!sent.ok()) return job->failRpc(sent.error());
                if (sent.value() != expectedHash) {
                    // The node hashed different bytes than we signed: report it, but follow its hash.
                    qWarning("node returned transaction hash %s, expected %s", sent.value().hex().c_str(),
                             expectedHash.hex().c_str());
                }
                const Hash hash = sent.value();
                if (job->alive() && job->callbacks.submitted) job->callbacks.submitted(hash);
                eth->waitForReceipt(
                    hash, receiptTimeout, anchor,
                    [job](RpcResult<TransactionReceipt> receipt) {
                        if (!receipt.ok()) {
                            SendFailure f;
                            f.kind = receipt.error().kind == RpcError::Kind::Timeout ? SendFailure::Kind::ReceiptTimeout
                                                                                     : SendFailure::Kind::Rpc;
                            f.message = receipt.error().message;
                            f.rpc = receipt.error();
                            return job->fail(std::move(f));
                        }
                        if (job->alive() && job->callbacks.confirmed) job->callbacks.confirmed(receipt.value());
                        job->end();
                    },
                    heads);
            });
    };

    auto signAndSubmit = [job, submit](const Transaction& tx) {
        const PreparedTransaction& p = job->prepared;
        // Signed here, on the caller's thread: one ECDSA signature takes tens of microseconds,
        // and the wallet's keys must not be touched from another thread while it may lock.
        auto signature = job->signer.sign(signing_hash(tx));
        if (!signature) {
            SendFailure f;
            f.kind = SendFailure::Kind::Signing;
            f.message = QStringLiteral("could not sign: %1").arg(QString::fromStdString(signature.message()));
            return job->fail(std::move(f));
        }
        const SignedTransaction signedTx{tx, signature.value()};
        // A signer that signed with another key would have the node charge a stranger's account.
        if (auto sender = recover_sender(signedTx); !sender || sender.value() != p.from) {
            SendFailure f;
            f.kind = SendFailure::Kind::Signing;
            f.message = QStringLiteral("the signature does not belong to %1")
                            .arg(QString::fromStdString(to_checksum_address(p.from)));
            return job->fail(std::move(f));
        }
        if (job->callbacks.signedOnly) {
            if (job->alive()) job->callbacks.signedOnly(signedTx);
            return job->end();
        }
        submit(encode_signed(signedTx), transaction_hash(signedTx));
    };

    auto reviewThenSign = [job, signAndSubmit] {
        const PreparedTransaction& p = job->prepared;
        Transaction tx;
        tx.type = TxType::eip1559;
        tx.chain_id = p.chainId;
        tx.nonce = p.nonce;
        tx.gas_limit = p.gasLimit;
        tx.max_fee_per_gas = p.maxFeePerGas;
        tx.max_priority_fee_per_gas = p.maxPriorityFeePerGas;
        tx.to = p.to;
        tx.value = p.value;
        tx.data = job->request.data;
        if (Status valid = validate_intrinsic(tx); !valid) {
            SendFailure f;
            f.kind = SendFailure::Kind::Signing;
            f.message = QStringLiteral("the transaction is not valid: %1").arg(QString::fromStdString(valid.message()));
            return job->fail(std::move(f));
        }
        if (job->alive() && job->callbacks.prepared) job->callbacks.prepared(p);
        if (!job->callbacks.review) return signAndSubmit(tx);
        if (!job->alive()) return job->end();
        auto decided = std::make_shared<bool>(false);
        job->callbacks.review(p, [job, decided, signAndSubmit, tx](bool approve) {
            if (*decided || !job->anchor) return;  // answered already, or the job has ended
            *decided = true;
            if (approve) return signAndSubmit(tx);
            SendFailure f;
            f.kind = SendFailure::Kind::Declined;
            f.message = QStringLiteral("declined at review; nothing was signed");
            job->fail(std::move(f));
        });
    };

    auto checkFunds = [job, reviewThenSign] {
        if (job->failIfShort(job->prepared.gasLimit)) return;
        reviewThenSign();
    };

    auto gasThenCheck = [job, eth, anchor, checkFunds] {
        if (job->request.gasLimit) {
            job->prepared.gasLimit = *job->request.gasLimit;
            return checkFunds();
        }
        // Checked before estimating too: a node estimates with the sender's balance and would
        // answer with its own, vaguer "insufficient funds" error. 21000 is the least any
        // transaction costs.
        if (job->failIfShort(21000)) return;
        CallRequest call;
        call.from = job->prepared.from;
        call.to = job->request.to;
        call.value = job->request.value;
        call.data = job->request.data;
        eth->estimateGas(call, anchor, [job, checkFunds](RpcResult<quint64> gas) {
            if (!gas.ok()) {
                // A node estimating with the sender's balance says "insufficient funds" here.
                return job->failRpc(gas.error());
            }
            // 20 % headroom for contract calls: the estimate is for the current state, which may
            // move before the transaction is mined. A plain transfer costs exactly its estimate.
            job->prepared.gasLimit = gas.value() <= 21000 ? gas.value() : gas.value() + gas.value() / 5;
            checkFunds();
        });
    };

    auto feesThenGas = [this, job, anchor, gasThenCheck] {
        auto useFees = [job, gasThenCheck](const FeeSuggestion& fees) {
            job->fees = fees;
            job->prepared.baseFeePerGas = fees.baseFeePerGas;
            job->prepared.maxFeePerGas = fees.maxFeePerGas;
            job->prepared.maxPriorityFeePerGas = fees.eip1559 ? fees.maxPriorityFeePerGas : fees.gasPrice;
            gasThenCheck();
        };
        if (job->request.fees) {
            // Fees the caller quoted earlier (a review page) are held to the same caps.
            FeeSuggestion fees = *job->request.fees;
            if (m_protocolBaseFee) fees.baseFeePerGas = *m_protocolBaseFee;
            if (auto refused = checkFees(fees)) return job->fail(std::move(*refused));
            return useFees(fees);
        }
        quoteFees(anchor, [job, useFees](FeeQuoteResult quote) {
            if (auto* failure = std::get_if<SendFailure>(&quote)) return job->fail(std::move(*failure));
            useFees(std::get<FeeSuggestion>(quote));
        });
    };

    eth->chainId(anchor, [job, eth, anchor, feesThenGas](RpcResult<quint64> chain) {
        if (!chain.ok()) return job->failRpc(chain.error());
        if (chain.value() != job->prepared.chainId) {
            SendFailure f;
            f.kind = SendFailure::Kind::WrongChain;
            f.message = QStringLiteral(
                            "the endpoint now reports chain %1, but this wallet is connected to chain %2; "
                            "nothing was signed")
                            .arg(chain.value())
                            .arg(job->prepared.chainId);
            return job->fail(std::move(f));
        }
        eth->transactionCount(job->prepared.from, QStringLiteral("pending"), anchor,
                              [job, eth, anchor, feesThenGas](RpcResult<quint64> nonce) {
                                  if (!nonce.ok()) return job->failRpc(nonce.error());
                                  job->prepared.nonce = nonce.value();
                                  eth->balance(
                                      job->prepared.from, anchor,
                                      [job, feesThenGas](RpcResult<U256> balance) {
                                          if (!balance.ok()) return job->failRpc(balance.error());
                                          job->balance = balance.value();
                                          feesThenGas();
                                      },
                                      QStringLiteral("pending"));
                              });
    });
}

}  // namespace sluice
