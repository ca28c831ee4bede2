// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// A hash or address in monospace, shortened in the middle unless `full`, with a copy button.
RowLayout {
    id: root

    property string value
    property bool full: false
    property string copyName: qsTr("Copy")
    property int pixelSize: 13

    spacing: 2

    Label {
        objectName: "hashText"
        text: root.full ? root.value : AppContext.shortHash(root.value)
        font.family: Theme.monoFamily
        font.pixelSize: root.pixelSize
        color: Theme.textSecondary
        ToolTip.visible: !root.full && hoverArea.containsMouse
        ToolTip.text: root.value
        MouseArea {
            id: hoverArea
            anchors.fill: parent
            hoverEnabled: true
            acceptedButtons: Qt.NoButton
        }
    }
    ToolButton {
        objectName: "copyButton"
        visible: root.value.length > 0
        Layout.preferredWidth: 30
        Layout.preferredHeight: 30
        padding: 0
        icon.source: "qrc:/Sluice/icons/copy.svg"
        icon.width: 15
        icon.height: 15
        icon.color: Theme.textSecondary
        Accessible.name: root.copyName
        ToolTip.visible: hovered || visualFocus
        ToolTip.text: root.copyName
        onClicked: AppContext.copyToClipboard(root.value)
    }
}
