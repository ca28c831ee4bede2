// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
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
        contentHeight: Math.max(height, card.height + 2 * Theme.spacingLarge)
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar {}

        Card {
            id: card
            width: Math.min(Theme.contentWidth, flick.width - 2 * Theme.spacingLarge)
            x: (flick.width - width) / 2
            y: Math.max(Theme.spacingLarge, (flick.height - height) / 2)
            padding: 28

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                Button {
                    objectName: "backButton"
                    visible: root.canGoBack
                    flat: true
                    Layout.leftMargin: -12
                    Layout.topMargin: -12
                    Layout.bottomMargin: -12
                    text: qsTr("Back")
                    icon.source: "qrc:/Sluice/icons/back.svg"
                    icon.width: 18
                    icon.height: 18
                    icon.color: Theme.primary
                    Material.foreground: Theme.primary
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
