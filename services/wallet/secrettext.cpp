// SPDX-License-Identifier: MIT
#include "services/wallet/secrettext.h"

#include <QByteArray>

namespace sluice {

void wipeString(QString& text) {
    // Writing into a buffer shared with the caller (or a read-only literal) would corrupt or crash it.
    if (!text.isEmpty() && text.isDetached()) secure_wipe(text.data(), std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

SecureBytes takeUtf8(QString& text) {
    QByteArray utf8 = text.toUtf8();
    SecureBytes out(ByteView(reinterpret_cast<const std::uint8_t*>(utf8.constData()), std::size_t(utf8.size())));
    if (!utf8.isEmpty()) secure_wipe(utf8.data(), std::size_t(utf8.size()));
    wipeString(text);
    return out;
}

QString normalizedSecret(QString& text, bool mnemonic) {
    QString nfkd = text.normalized(QString::NormalizationForm_KD);
    wipeString(text);
    if (!mnemonic) return nfkd;
    QString lower = nfkd.toLower();
    wipeString(nfkd);
    QString simple = lower.simplified();
    wipeString(lower);
    return simple;
}

QString secretToQString(const SecureBytes& bytes) {
    return QString::fromUtf8(bytes.as_string().data(), static_cast<qsizetype>(bytes.size()));
}

}  // namespace sluice
