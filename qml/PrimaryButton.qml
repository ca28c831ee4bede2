// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The main action of a form.
Button {
    id: root

    highlighted: true
    Material.accent: Theme.primary
    Material.background: Theme.primary
    // Dark text on the light dark-theme primary, white on the deep light-theme one.
    Material.foreground: Theme.onPrimary
    font.weight: Font.DemiBold
    topPadding: 12
    bottomPadding: 12
    leftPadding: 24
    rightPadding: 24
}
