// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A settings card: heading and explanation on the left, the control(s) on the right.
Card {
    id: root

    property string heading
    property string explanation
    property string note
    default property alias control: controlRow.data

    Layout.fillWidth: true

    RowLayout {
        width: parent.width
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                text: root.heading
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.textPrimary
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: root.explanation
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.note
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideMiddle
            }
        }
        RowLayout {
            id: controlRow
            spacing: Theme.spacingSmall
        }
    }
}
