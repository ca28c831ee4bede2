// SPDX-License-Identifier: MIT
#pragma once
// Tone: how a status reads at a glance (a StatusChip's colours, Theme.toneForeground/Background).
// One vocabulary for the models, which decide a row's tone in C++, and the pages.

#include <QtQml/qqmlregistration.h>
#include <QObject>

namespace Tone {
Q_NAMESPACE
QML_ELEMENT
enum Value { Neutral, Info, Success, Warning, Error };
Q_ENUM_NS(Value)
}  // namespace Tone
