// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The recovery phrase as a numbered grid, read column by column like on paper.
GridLayout {
    id: root

    property var words: []

    Layout.fillWidth: true
    columns: 3
    rowSpacing: Theme.spacingSmall
    columnSpacing: Theme.spacingSmall
    flow: GridLayout.TopToBottom
    rows: Math.ceil(words.length / columns)

    Repeater {
        model: root.words
        delegate: Rectangle {
            id: cell
            required property int index
            required property string modelData

            Layout.fillWidth: true
            Layout.preferredWidth: 1
            implicitHeight: 40
            radius: 8
            color: Theme.surfaceAlt
            border.color: Theme.divider
            Accessible.role: Accessible.StaticText
            //: Screen-reader text for one word of the recovery phrase: "3: apple"
            Accessible.name: qsTr("%1: %2").arg(cell.index + 1).arg(cell.modelData)

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 12
                anchors.rightMargin: 12
                spacing: 10
                Label {
                    Layout.preferredWidth: 22
                    text: cell.index + 1
                    horizontalAlignment: Text.AlignRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
                Label {
                    Layout.fillWidth: true
                    text: cell.modelData
                    font.family: Theme.monoFamily
                    font.pixelSize: 15
                    color: Theme.textPrimary
                }
            }
        }
    }
}
