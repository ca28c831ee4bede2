// SPDX-License-Identifier: MIT
#include "receivecontroller.h"

#include "stores/storeinput.h"

#include <QPainter>
#include <QUrl>

#include <qrencode.h>

#include "accountsmodel.h"
#include "appcontext.h"

QImage makeQrImage(const QString& text, int scale, QString* error) {
    const QByteArray utf8 = text.toUtf8();
    QRcode* code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) {
        if (error) *error = QObject::tr("The text is too long for a QR code.");
        return {};
    }
    scale = std::max(1, scale);
    const int quiet = 4;
    const int modules = code->width + 2 * quiet;
    QImage image(modules * scale, modules * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                painter.drawRect((x + quiet) * scale, (y + quiet) * scale, scale, scale);
    painter.end();
    QRcode_free(code);
    return image;
}

QrImageProvider::QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QString text = QUrl::fromPercentEncoding(id.toUtf8());
    QImage probe = makeQrImage(text, 1);
    if (probe.isNull()) return probe;
    int scale = 8;
    if (requestedSize.width() > 0) scale = std::max(1, requestedSize.width() / probe.width());
    QImage image = scale == 1 ? probe : makeQrImage(text, scale);
    if (size) *size = image.size();
    return image;
}

ReceiveController::ReceiveController(QObject* parent) : QObject(parent) {
    connect(this, &ReceiveController::accountChanged, this, &ReceiveController::paymentUriChanged);
}

void ReceiveController::setWallet(sluice::WalletStore* wallet) {
    if (!replaceStore(m_wallet, wallet, this)) return;
    if (wallet) connect(wallet, &sluice::WalletStore::accountsChanged, this, &ReceiveController::accountChanged);
    emit storesChanged();
    emit accountChanged();
}

void ReceiveController::setL2(ChainStore* l2) {
    if (!replaceStore(m_l2, l2, this)) return;
    // The store changes with every head; only its chain id is shown here (and the QR code, drawn
    // from the address alone, is not redrawn).
    if (l2)
        connect(l2, &ChainStore::changed, this, [this] {
            if (m_l2->chainId() == m_l2ChainId) return;
            m_l2ChainId = m_l2->chainId();
            emit paymentUriChanged();
        });
    m_l2ChainId = l2 ? l2->chainId() : QString();
    emit storesChanged();
    emit paymentUriChanged();
}

void ReceiveController::setAccount(const QString& key) {
    if (key == m_account) return;
    m_account = key;
    emit accountChanged();
}

QString ReceiveController::address() const {
    auto account = AccountsModel::accountOf(m_wallet, m_account);
    return account ? account->address : QString();
}

QString ReceiveController::name() const {
    auto account = AccountsModel::accountOf(m_wallet, m_account);
    return account ? account->name : QString();
}

QString ReceiveController::paymentUri() const {
    const QString a = address();
    if (a.isEmpty()) return {};
    const QString chain = m_l2 ? m_l2->chainId() : QString();
    // EIP-681: ethereum:<address>[@<chain id>]
    return chain.isEmpty() ? QStringLiteral("ethereum:") + a : QStringLiteral("ethereum:%1@%2").arg(a, chain);
}

QString ReceiveController::qrSource() const {
    const QString a = address();
    if (a.isEmpty()) return {};
    // The plain address: every wallet's scanner reads it; the URI form is offered as text.
    return QStringLiteral("image://%1/%2")
        .arg(QLatin1String(QrImageProvider::kName), QString::fromLatin1(QUrl::toPercentEncoding(a)));
}

void ReceiveController::copyAddress() {
    const QString a = address();
    if (a.isEmpty()) return;
    AppContext::copyToClipboard(a);
    emit copied(a);
}
