// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls

// A small rounded label for a state ("verified", "in challenge window", "fraud", ...).
// tone: "success", "warning", "error", "info" or "neutral".
Rectangle {
    id: root

    property string text
    property string tone: "neutral"

    implicitWidth: label.implicitWidth + 20
    implicitHeight: 24
    radius: 12
    color: Theme.toneBackground(root.tone)
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Label {
        id: label
        anchors.centerIn: parent
        text: root.text
        color: Theme.toneForeground(root.tone)
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
}
