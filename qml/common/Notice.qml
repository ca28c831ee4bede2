// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A highlighted warning the user should read before going on.
Rectangle {
    id: root

    property alias title: titleLabel.text
    property alias text: bodyLabel.text

    Layout.fillWidth: true
    // Positioners, not Layouts, inside: the wrapped text's height follows the width the parent
    // layout gives us, and a RowLayout here fed that height back into its own polish (a polish loop).
    implicitHeight: Math.max(icon.implicitHeight, texts.implicitHeight) + 2 * Theme.spacing
    radius: 8
    color: Theme.warningBg
    border.color: Theme.warningBorder

    Label {
        id: icon
        x: Theme.spacing
        y: Theme.spacing
        text: "\u26A0"
        font.pixelSize: 22
        color: Theme.warningFg
        Accessible.ignored: true
    }
    Column {
        id: texts
        x: icon.x + icon.implicitWidth + Theme.spacing
        y: Theme.spacing
        width: Math.max(0, root.width - x - Theme.spacing)
        spacing: 4
        Label {
            id: titleLabel
            objectName: "noticeTitle"
            width: texts.width
            visible: text.length > 0
            font.weight: Font.DemiBold
            color: Theme.warningFg
            wrapMode: Text.Wrap
        }
        Label {
            id: bodyLabel
            objectName: "noticeText"
            width: texts.width
            color: Theme.warningFg
            wrapMode: Text.Wrap
        }
    }
}
