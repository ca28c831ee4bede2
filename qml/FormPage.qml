// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A page with one centred card: a heading, an explanation and the form given as children.
Page {
    id: root

    property string heading
    property string subheading
    property bool canGoBack: false
    default property alias content: body.data

    signal backRequested()

    background: Rectangle { color: Theme.background }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, card.height + 2 * Theme.spacingHuge)
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar {}

        Card {
            id: card
            width: Math.min(Theme.contentWidth, flick.width - 2 * Theme.spacingLarge)
            x: (flick.width - width) / 2
            y: Math.max(Theme.spacingHuge, (flick.height - height) / 2)
            padding: 32

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall
                    ToolButton {
                        visible: root.canGoBack
                        text: "\u2190"
                        font.pixelSize: 20
                        Accessible.name: qsTr("Back")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Back")
                        onClicked: root.backRequested()
                    }
                    Label {
                        Layout.fillWidth: true
                        text: root.heading
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.textPrimary
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.Heading
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: root.subheading
                    color: Theme.textSecondary
                    wrapMode: Text.Wrap
                    lineHeight: 1.2
                }
                ColumnLayout {
                    id: body
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingSmall
                    spacing: Theme.spacing
                }
            }
        }
    }
}
