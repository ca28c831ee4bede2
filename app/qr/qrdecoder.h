// SPDX-License-Identifier: MIT
#pragma once
// QR codes read from a picture: the Channels page's "Pay an invoice from an image" (a screenshot of
// another wallet's invoice, or a QR this app drew with qrimage.h). Qt only; libqrencode encodes,
// it cannot read.

#include <QImage>
#include <QString>

struct QrDecodeResult {
    QString text;
    QString error;  // a translated sentence for the user; empty when `text` was read
    bool ok() const { return error.isEmpty(); }
};

// Finds one QR code (model 2, versions 1-40, any error-correction level) in `image` and returns its
// text (UTF-8; Latin-1 if the bytes are not UTF-8). The code may sit anywhere in a larger picture,
// at any size from about 1.5 pixels per module, anti-aliased, turned by a multiple of 90 degrees
// or slightly skewed, dark on light or light on dark, with at least one module of quiet zone.
// Photos at an angle (perspective) and mirrored codes are not read; neither are Micro QR codes.
QrDecodeResult decodeQrImage(const QImage& image);
