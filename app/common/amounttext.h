// SPDX-License-Identifier: MIT
#pragma once
// How amounts (and hashes) read on screen. Models hand QML exact decimal strings of ether ("29990.9917182863
// 98849481"); pages show them with a sensible precision, grouped and with the decimal mark of the
// UI language, and keep the exact value for the tooltip, copying and screen readers.

#include <QLocale>
#include <QString>

#include "core/common/uint256.hpp"

// At most `maxDecimals` decimals, cut toward zero (a balance is never shown larger than it is)
// and marked with "…" when digits were cut, so nothing is dropped silently; the integer part
// grouped in threes. "29990.991718286398849481" -> "29,990.991718…" (English),
// "29.990,991718…" (German); "1.5" -> "1.5" / "1,5"; "" stays "" (not known yet).
QString displayAmount(const QString& exactEther, const QLocale& locale, int maxDecimals = 6);

// An amount in wei as the exact decimal string of ether the models and the activity history keep:
// "0.05", "29990.991718286398849481" (no unit, no grouping).
QString exactEther(const sluice::U256& wei);

// An amount in wei as displayAmount shows it in the UI language, with its unit: "1.75 ETH".
QString displayEther(const sluice::U256& wei);

// A hash or address shortened in the middle, its start and end visible ("0xf39Fd6e5…fFb92266"),
// the way every page shows one; values of 18 characters or fewer stay whole.
QString shortHash(const QString& value);
