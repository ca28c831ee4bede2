// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A main page: title, subtitle, optional actions on the right, and scrolling content below, all
// in a centred column no wider than Theme.pageWidth.
Page {
    id: root

    // `title` is Page's own.
    property string subtitle
    property bool busy: false
    default property alias content: body.data
    property alias actions: actionRow.data
    // Pages with their own list view turn the outer scrolling off.
    property bool scrollable: true
    // The width of the page's column. Bound, not laid out: a page may choose its layout from it
    // without waiting for (and changing children during) a layout pass.
    readonly property alias columnWidth: column.width

    background: Rectangle { color: Theme.background }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: root.scrollable ? column.implicitHeight + 2 * Theme.spacingLarge : height
        interactive: root.scrollable
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { policy: root.scrollable ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff }

        ColumnLayout {
            id: column
            x: Math.max(Theme.spacingLarge, (flick.width - width) / 2)
            y: Theme.spacingLarge
            width: Math.min(Theme.pageWidth, flick.width - 2 * Theme.spacingLarge)
            height: root.scrollable ? implicitHeight : flick.height - 2 * Theme.spacingLarge
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        objectName: "pageTitle"
                        Layout.fillWidth: true
                        text: root.title
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.textPrimary
                        elide: Text.ElideRight
                        Accessible.role: Accessible.Heading
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: root.subtitle
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                    }
                }
                BusyIndicator {
                    Layout.preferredWidth: 32
                    Layout.preferredHeight: 32
                    running: root.busy
                    visible: running
                }
                RowLayout {
                    id: actionRow
                    spacing: Theme.spacingSmall
                }
            }
            ColumnLayout {
                id: body
                Layout.fillWidth: true
                Layout.fillHeight: !root.scrollable
                spacing: Theme.spacing
            }
        }
    }
}
