// SPDX-License-Identifier: MIT
#pragma once
// QR codes drawn for the screen: the receive page's address and the Channels page's invoices.
// libqrencode makes the code; QrImageProvider ("image://sluiceqr/<text>"), which main.cpp (and the
// QML tests) add to the engine, serves it to an Image. Reading one back: qrdecoder.h.

#include <QImage>
#include <QQuickImageProvider>
#include <QString>

// Encodes `text` as a QR code (error correction M), `scale` pixels per module, a 4-module quiet
// zone, black on white. A null image (and `error` set) if it cannot be encoded.
QImage makeQrImage(const QString& text, int scale = 8, QString* error = nullptr);

// The URL an Image binds to for `text`'s QR code ("" for no text).
QString qrImageSource(const QString& text);

class QrImageProvider : public QQuickImageProvider {
public:
    static constexpr const char* kName = "sluiceqr";
    QrImageProvider();
    // id: the percent-encoded text. requestedSize scales the image (whole pixels per module).
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};
