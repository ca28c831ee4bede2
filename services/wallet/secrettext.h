// SPDX-License-Identifier: MIT
#pragma once
// Secrets that pass through QString (a typed recovery phrase, a password from a QML field): the
// one place that turns them into SecureBytes and wipes every copy this code owns. A QString shared
// with someone else (QML's copy of a field's text, a literal) cannot be wiped from here: only our
// reference is dropped, so callers hand over copies they own wherever they can.

#include <QString>

#include "core/common/secure.hpp"

namespace sluice {

// Overwrites the string's characters when this is the sole reference, then empties it.
void wipeString(QString& text);
// The UTF-8 bytes of `text` as SecureBytes; `text` and the intermediate UTF-8 buffer are wiped.
SecureBytes takeUtf8(QString& text);
// NFKD, and for mnemonics lower-case words separated by single spaces; `text` and every
// intermediate copy are wiped.
QString normalizedSecret(QString& text, bool mnemonic);
// A QString of the bytes (UTF-8), for the few places that must show or pass one on; the caller
// wipes it (wipeString) when done.
QString secretToQString(const SecureBytes& bytes);

}  // namespace sluice
