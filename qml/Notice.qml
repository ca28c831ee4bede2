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
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: 8
    color: Theme.warningBg
    border.color: Theme.warningBorder

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        Label {
            Layout.alignment: Qt.AlignTop
            text: "\u26A0"
            font.pixelSize: 22
            color: Theme.warningFg
        }
        ColumnLayout {
            id: column
            Layout.fillWidth: true
            spacing: 4
            Label {
                id: titleLabel
                Layout.fillWidth: true
                visible: text.length > 0
                font.weight: Font.DemiBold
                color: Theme.warningFg
                wrapMode: Text.Wrap
            }
            Label {
                id: bodyLabel
                Layout.fillWidth: true
                color: Theme.warningFg
                wrapMode: Text.Wrap
            }
        }
    }
}
