// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The side rail of the unlocked wallet: one entry per page, keyboard navigable (Tab to reach it,
// Up/Down to move, Enter/Space to open), the current page highlighted.
Rectangle {
    id: root

    property int currentIndex: 0
    // [{ key: "overview", text: qsTr(...), glyph: "\u25C9" }, ...]
    property var pages: []

    signal activated(int index)

    implicitWidth: Theme.railWidth
    color: Theme.surface

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.divider
    }

    ListView {
        id: list
        objectName: "navList"
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        anchors.leftMargin: Theme.spacingSmall
        anchors.rightMargin: Theme.spacingSmall + 1
        spacing: 2
        model: root.pages
        currentIndex: root.currentIndex
        keyNavigationEnabled: true
        activeFocusOnTab: true
        boundsBehavior: Flickable.StopAtBounds
        highlightFollowsCurrentItem: false
        Accessible.role: Accessible.PageTabList
        Accessible.name: qsTr("Pages")
        onCurrentIndexChanged: if (currentIndex !== root.currentIndex) root.activated(currentIndex)

        delegate: ItemDelegate {
            id: entry
            required property int index
            required property var modelData
            readonly property bool selected: index === root.currentIndex

            objectName: "nav_" + modelData.key
            width: ListView.view.width
            height: 44
            focusPolicy: Qt.NoFocus
            Accessible.role: Accessible.PageTab
            Accessible.name: modelData.text
            Accessible.selected: selected
            onClicked: root.activated(index)

            background: Rectangle {
                radius: 8
                color: entry.selected ? Theme.selection : entry.hovered ? Theme.surfaceAlt : "transparent"
                border.width: list.activeFocus && entry.ListView.isCurrentItem ? 2 : 0
                border.color: Theme.focus
            }
            contentItem: RowLayout {
                spacing: Theme.spacing
                Label {
                    Layout.preferredWidth: 22
                    Layout.leftMargin: 4
                    horizontalAlignment: Text.AlignHCenter
                    text: entry.modelData.glyph
                    font.pixelSize: 17
                    color: entry.selected ? Theme.primary : Theme.textSecondary
                }
                Label {
                    Layout.fillWidth: true
                    text: entry.modelData.text
                    elide: Text.ElideRight
                    color: entry.selected ? Theme.primary : Theme.textPrimary
                    font.weight: entry.selected ? Font.DemiBold : Font.Normal
                }
            }
        }
        Keys.onReturnPressed: root.activated(currentIndex)
        Keys.onSpacePressed: root.activated(currentIndex)
    }
}
