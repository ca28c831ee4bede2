// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls

// A toggle chip for list filters; checked = the filter in force. Focus is visible.
AbstractButton {
    id: root

    checkable: false
    focusPolicy: Qt.StrongFocus
    implicitWidth: root.implicitContentWidth + 28
    implicitHeight: 32
    Accessible.role: Accessible.CheckBox
    Accessible.name: root.text
    Accessible.checked: root.checked

    background: Rectangle {
        radius: 16
        color: root.checked ? Theme.selection : root.hovered ? Theme.surfaceAlt : Theme.surface
        border.width: root.visualFocus ? 2 : 1
        border.color: root.visualFocus ? Theme.focus : root.checked ? Theme.primary : Theme.divider
    }
    contentItem: Label {
        text: (root.checked ? "\u2713 " : "") + root.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        color: root.checked ? Theme.primary : Theme.textPrimary
        font.pixelSize: 13
        font.weight: root.checked ? Font.DemiBold : Font.Normal
    }
}
