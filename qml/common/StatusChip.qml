// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Sluice

// A small rounded label for a state ("verified", "in challenge window", "fraud", ...).
// tone: a Tone (Tone.Success, Tone.Warning, Tone.Error, Tone.Info or Tone.Neutral).
Rectangle {
    id: root

    property string text
    property int tone: Tone.Neutral

    implicitWidth: label.implicitWidth + 20
    implicitHeight: 24
    radius: 12
    color: Theme.toneBackground(root.tone)
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Label {
        id: label
        anchors.centerIn: parent
        // Elided when a layout gives the chip less than its text needs (never past its edge).
        width: Math.min(implicitWidth, Math.max(0, root.width - 20))
        elide: Text.ElideRight
        text: root.text
        color: Theme.toneForeground(root.tone)
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
    // An elided status is still readable in full: on hover, as a tooltip.
    HoverHandler {
        id: hover
        enabled: label.truncated
    }
    ToolTip.visible: hover.hovered && label.truncated
    ToolTip.text: root.text
    ToolTip.delay: 400
}
