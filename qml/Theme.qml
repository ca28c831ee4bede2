// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick

// One place for the look: spacing, colours and type sizes used by every page.
QtObject {
    readonly property int spacingSmall: 8
    readonly property int spacing: 16
    readonly property int spacingLarge: 24
    readonly property int spacingHuge: 40
    readonly property int radius: 12
    readonly property int contentWidth: 580
    readonly property int pageWidth: 880

    readonly property color primary: "#3949AB"
    readonly property color primaryDark: "#283593"
    readonly property color accent: "#00897B"
    readonly property color background: "#F3F5F9"
    readonly property color surface: "#FFFFFF"
    readonly property color surfaceAlt: "#F7F8FB"
    readonly property color divider: "#E1E5EE"
    readonly property color textPrimary: "#1D2330"
    readonly property color textSecondary: "#5C6779"
    readonly property color error: "#C62828"
    readonly property color errorBg: "#FDECEA"
    readonly property color warningFg: "#7A4500"
    readonly property color warningBg: "#FFF4E0"
    readonly property color warningBorder: "#F5C97A"
    readonly property color success: "#2E7D32"

    readonly property string monoFamily: "DejaVu Sans Mono"
    readonly property int fontTitle: 26
    readonly property int fontHeading: 18
    readonly property int fontBody: 14
    readonly property int fontSmall: 12
}
