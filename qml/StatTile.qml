// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One figure on the overview: a caption, a big exact amount and a note below.
Card {
    id: root

    property string caption
    property string value
    property string note
    property color accentColor: Theme.primary

    Layout.fillWidth: true
    Accessible.role: Accessible.StaticText
    Accessible.name: root.caption + ": " + root.value

    ColumnLayout {
        width: parent.width
        spacing: 4
        RowLayout {
            spacing: Theme.spacingSmall
            Rectangle {
                Layout.preferredWidth: 10
                Layout.preferredHeight: 10
                radius: 5
                color: root.accentColor
            }
            Label {
                text: root.caption
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 0.6
            }
        }
        Label {
            objectName: "statValue"
            Layout.fillWidth: true
            text: root.value.length > 0 ? root.value : "\u2014"
            color: Theme.textPrimary
            font.pixelSize: 24
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.note
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
}
