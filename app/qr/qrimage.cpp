// SPDX-License-Identifier: MIT
#include "qr/qrimage.h"

#include <QPainter>
#include <QUrl>

#include <qrencode.h>

#include <algorithm>

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

QString qrImageSource(const QString& text) {
    if (text.isEmpty()) return {};
    return QStringLiteral("image://%1/%2")
        .arg(QLatin1String(QrImageProvider::kName), QString::fromLatin1(QUrl::toPercentEncoding(text)));
}
