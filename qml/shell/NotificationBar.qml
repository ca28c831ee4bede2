// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The newest unread notification (a withdrawal ready to finalize, fraud found) above the page,
// with a button to the page where it can be acted on.
Rectangle {
    id: root

    signal openPage(string target)

    objectName: "notificationBar"
    visible: NotificationCenter.unread > 0
    implicitHeight: visible ? 48 : 0
    color: Theme.infoBg

    Repeater {
        // The first row only: the model is newest first.
        model: NotificationCenter
        delegate: RowLayout {
            id: note
            required property int index
            required property string key
            required property string title
            required property string text
            required property bool read
            required property string target
            required property int tone
            visible: index === 0 && !read
            anchors.fill: parent
            anchors.leftMargin: Theme.spacingLarge
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                text: note.tone === Tone.Success ? "\u2714" : "\u26A0"
                color: Theme.toneForeground(note.tone)
                font.pixelSize: 18
            }
            Label {
                objectName: "notificationText"
                Layout.fillWidth: true
                text: note.title + " \u2014 " + note.text
                color: Theme.textPrimary
                elide: Text.ElideRight
            }
            Button {
                objectName: "notificationOpen"
                flat: true
                text: qsTr("Open")
                onClicked: {
                    NotificationCenter.markRead(note.key);
                    root.openPage(note.target);
                }
            }
            Button {
                objectName: "notificationDismiss"
                flat: true
                text: qsTr("Dismiss")
                onClicked: NotificationCenter.markRead(note.key)
            }
        }
    }
}
