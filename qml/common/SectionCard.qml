// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A card with a heading, an optional explanation and its content below.
Card {
    id: root

    property string heading
    property string explanation
    default property alias content: body.data

    Layout.fillWidth: true

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingSmall
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.heading
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
            color: Theme.textPrimary
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.explanation
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        ColumnLayout {
            id: body
            Layout.fillWidth: true
            Layout.topMargin: root.heading.length > 0 ? Theme.spacingSmall : 0
            spacing: Theme.spacingSmall
        }
    }
}
