// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A large, described choice on the welcome page.
AbstractButton {
    id: root

    property string title
    property string description
    property string glyph
    property bool emphasised: false

    Layout.fillWidth: true
    implicitHeight: root.implicitContentHeight
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus
    Accessible.name: title
    Accessible.description: description
    // Qt 6.4's buttons ignore the accessibility "press" action (screen readers, switch access).
    Accessible.onPressAction: if (enabled) clicked()

    background: Rectangle {
        radius: 10
        color: root.emphasised ? (root.hovered ? Theme.emphasisHover : Theme.emphasisBg)
                               : (root.hovered ? Theme.surfaceAlt : Theme.surface)
        border.color: root.activeFocus || root.emphasised ? Theme.primary : Theme.divider
        border.width: root.activeFocus ? 2 : 1
    }

    contentItem: Content {}

    // A component of its own: its row has an id (for the height), and an id inside contentItem
    // stops Qt from deferring contentItem. No implicit width, as before: layouts size the button.
    component Content: Item {
        implicitHeight: row.implicitHeight + 2 * Theme.spacing
        RowLayout {
            id: row
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            Rectangle {
                Layout.preferredWidth: 44
                Layout.preferredHeight: 44
                radius: 22
                color: root.emphasised ? Theme.primary : Theme.neutralBg
                Label {
                    anchors.centerIn: parent
                    text: root.glyph
                    font.pixelSize: 20
                    color: root.emphasised ? Theme.textOnPrimary : Theme.primary
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: root.title
                    font.pixelSize: 16
                    font.weight: Font.DemiBold
                    color: Theme.textPrimary
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: root.description
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall + 1
                    wrapMode: Text.Wrap
                }
            }
            Label {
                text: "\u203A"
                font.pixelSize: 28
                color: Theme.textSecondary
            }
        }
    }
}
