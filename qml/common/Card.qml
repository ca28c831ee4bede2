// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls

// A white rounded surface holding one group of content.
Pane {
    id: root

    padding: Theme.spacingLarge
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.divider
    }
}
