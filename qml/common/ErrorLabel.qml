// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A message from C++ explaining what is wrong; hidden while there is none.
Rectangle {
    id: root

    property alias text: label.text

    Layout.fillWidth: true
    visible: label.text.length > 0
    implicitHeight: label.implicitHeight + 2 * Theme.spacingSmall + 4
    radius: 8
    color: Theme.errorBg

    Label {
        id: label
        objectName: "errorText"
        anchors.fill: parent
        anchors.margins: Theme.spacingSmall + 2
        anchors.leftMargin: Theme.spacing
        verticalAlignment: Text.AlignVCenter
        color: Theme.error
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
    }
}
