// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick
import Sluice

// One place for the look: spacing, colours and type sizes used by every page, in a light and a
// dark palette. `dark` is bound in Main.qml to the theme setting; nothing else picks colours.
QtObject {
    id: root

    property bool dark: false

    readonly property int spacingSmall: 8
    readonly property int spacing: 16
    readonly property int spacingLarge: 24
    readonly property int spacingHuge: 40
    readonly property int radius: 12
    readonly property int contentWidth: 580
    readonly property int pageWidth: 980
    readonly property int railWidth: 244  // "Senden & Empfangen" whole at 15 px

    readonly property color primary: dark ? "#8C9EFF" : "#3949AB"
    readonly property color primaryDark: dark ? "#1A237E" : "#283593"
    readonly property color headerStart: dark ? "#161A2E" : "#283593"
    readonly property color headerEnd: dark ? "#232A4D" : "#3949AB"
    // Tokens for text on a filled colour are named textOn…: QML reads a property named on<Capital>
    // as a signal handler, and such a token silently came out black.
    readonly property color textOnPrimary: dark ? "#0E1220" : "#FFFFFF"
    readonly property color accent: dark ? "#4DB6AC" : "#00897B"
    readonly property color background: dark ? "#12151C" : "#F3F5F9"
    readonly property color surface: dark ? "#1B1F29" : "#FFFFFF"
    readonly property color surfaceAlt: dark ? "#232836" : "#F7F8FB"
    readonly property color selection: dark ? "#2B3350" : "#E8EAF6"
    readonly property color divider: dark ? "#2E3445" : "#E1E5EE"
    readonly property color textPrimary: dark ? "#E6E9F0" : "#1D2330"
    readonly property color textSecondary: dark ? "#9AA3B5" : "#5C6779"
    readonly property color error: dark ? "#EF9A9A" : "#C62828"
    readonly property color errorBg: dark ? "#3A1F22" : "#FDECEA"
    readonly property color errorBorder: dark ? "#7F3A3F" : "#F2B8B5"
    readonly property color warningFg: dark ? "#FFCC80" : "#7A4500"
    readonly property color warningBg: dark ? "#33291A" : "#FFF4E0"
    readonly property color warningBorder: dark ? "#6B5323" : "#F5C97A"
    readonly property color success: dark ? "#81C784" : "#2E7D32"
    readonly property color successBg: dark ? "#1C2E20" : "#E8F5E9"
    readonly property color info: dark ? "#90CAF9" : "#1565C0"
    readonly property color infoBg: dark ? "#1A2838" : "#E3F2FD"
    readonly property color neutralBg: dark ? "#2A2F3C" : "#ECEFF4"
    readonly property color focus: dark ? "#B3C0FF" : "#3949AB"
    // Text and icons on the filled backgrounds above.
    readonly property color textOnError: dark ? "#1A0C0C" : "#FFFFFF"
    readonly property color textOnHeader: "#FFFFFF"            // the header is deep indigo in both themes
    readonly property color textOnHeaderSecondary: "#C5CAE9"
    // Emphasised choice cards (onboarding), and the hover on them.
    readonly property color emphasisBg: selection
    readonly property color emphasisHover: dark ? "#343D5E" : "#DDE1F3"
    // The local stack's log: a console, dark in both themes.
    readonly property color consoleBg: dark ? "#0B0D12" : "#1E2230"
    readonly property color consoleText: "#C8D0E0"
    readonly property color consoleError: "#FF8A80"
    // A state dot that is neither good nor bad (connecting).
    readonly property color pending: dark ? "#FFCA28" : "#B57F00"
    // A QR code is dark modules on white whatever the theme: scanners expect it.
    readonly property color qrBackground: "#FFFFFF"
    // Account badges: one hue per address, light enough for dark text in the dark theme and dark
    // enough for white text in the light one, whatever the hue (tests/qml/tst_theme.qml).
    readonly property color textOnAvatar: dark ? "#0E1220" : "#FFFFFF"
    function avatarColor(address) {
        const hue = (parseInt(String(address).substring(2, 8), 16) % 360) / 360
        return Qt.hsla(isNaN(hue) ? 0 : hue, 0.45, dark ? 0.72 : 0.32, 1)
    }

    readonly property string monoFamily: "DejaVu Sans Mono"
    readonly property int fontTitle: 26
    readonly property int fontHeading: 18
    readonly property int fontBody: 14
    readonly property int fontSmall: 12

    // Colours of a status chip by its tone (Tone.Success, Tone.Warning, Tone.Error, Tone.Info, Tone.Neutral).
    function toneForeground(tone: int): color {
        switch (tone) {
        case Tone.Success: return success;
        case Tone.Warning: return warningFg;
        case Tone.Error: return error;
        case Tone.Info: return info;
        default: return textSecondary;
        }
    }
    function toneBackground(tone: int): color {
        switch (tone) {
        case Tone.Success: return successBg;
        case Tone.Warning: return warningBg;
        case Tone.Error: return errorBg;
        case Tone.Info: return infoBg;
        default: return neutralBg;
        }
    }
}
