// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Controls.impl

// The main action of a form, or with `danger` an action that cannot be taken back (the escape
// hatch's exit, a fraud proof). Its text colour is set here, not left to the Material style,
// whose highlighted buttons picked near-black text on the light theme's indigo (about 2.8:1); the
// pairs are checked for contrast in tests/qml/tst_theme.qml.
Button {
    id: root

    property bool danger: false
    readonly property color fill: danger ? Theme.error : Theme.primary
    readonly property color textColor: danger ? Theme.textOnError : Theme.textOnPrimary

    highlighted: true
    Material.accent: fill
    Material.background: fill
    font.weight: Font.DemiBold
    topPadding: 12
    bottomPadding: 12
    leftPadding: 24
    rightPadding: 24

    icon.color: enabled ? textColor : Material.hintTextColor
    // Qt 6.4's buttons ignore the accessibility "press" action (screen readers, switch access).
    Accessible.onPressAction: if (enabled) clicked()
    contentItem: IconLabel {
        spacing: root.spacing
        mirrored: root.mirrored
        display: root.display
        icon: root.icon
        text: root.text
        font: root.font
        color: root.enabled ? root.textColor : root.Material.hintTextColor
    }
}
