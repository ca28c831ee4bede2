// SPDX-License-Identifier: MIT
#include "common/amounttext.h"

#include "core/eth/units.hpp"

QString displayAmount(const QString& exactEther, const QLocale& locale, int maxDecimals) {
    if (exactEther.isEmpty()) return {};
    const qsizetype dot = exactEther.indexOf(QLatin1Char('.'));
    const QString integer = dot < 0 ? exactEther : exactEther.left(dot);
    QString fraction = dot < 0 ? QString() : exactEther.mid(dot + 1);
    // The integer part can be longer than any machine integer (up to 59 digits): grouped by hand.
    QString grouped;
    for (qsizetype i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) grouped += locale.groupSeparator();
        grouped += integer.at(i);
    }
    bool cut = false;
    if (fraction.size() > maxDecimals) {
        for (qsizetype i = maxDecimals; i < fraction.size(); ++i)
            if (fraction.at(i) != QLatin1Char('0')) cut = true;
        fraction.truncate(maxDecimals);
    }
    while (fraction.endsWith(QLatin1Char('0'))) fraction.chop(1);
    QString text = grouped;
    if (!fraction.isEmpty()) text += locale.decimalPoint() + fraction;
    if (cut) text += QChar(0x2026);
    return text;
}

QString shortHash(const QString& value) {
    if (value.size() <= 18) return value;
    return value.left(10) + QChar(0x2026) + value.right(8);
}

QString exactEther(const sluice::U256& wei) { return QString::fromStdString(sluice::format_amount(wei)); }

QString displayEther(const sluice::U256& wei) {
    return displayAmount(exactEther(wei), QLocale()) + QStringLiteral(" ETH");
}
