// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// One figure on the overview: a caption, a big amount and a note below. `amount` is exact (ether);
// the tile shows it as AppContext.displayAmount does (grouped, at most 6 decimals, cut digits
// marked) and gives the exact value on hover and to screen readers.
Card {
    id: root

    property string caption
    property string amount  // exact ether, "" while unknown
    property string unit: "ETH"
    readonly property string value: root.amount.length > 0
                                    ? AppContext.displayAmount(root.amount, AppContext.language) + " " + root.unit : ""
    property string note
    property color accentColor: Theme.primary

    Layout.fillWidth: true
    Accessible.role: Accessible.StaticText
    Accessible.name: root.caption + ": " + (root.amount.length > 0 ? root.amount + " " + root.unit : "\u2014")

    ColumnLayout {
        width: parent.width
        spacing: 4
        RowLayout {
            spacing: Theme.spacingSmall
            Rectangle {
                Layout.preferredWidth: 10
                Layout.preferredHeight: 10
                radius: 5
                color: root.accentColor
            }
            Label {
                text: root.caption
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 0.6
            }
        }
        Label {
            objectName: "statValue"
            Layout.fillWidth: true
            text: root.value.length > 0 ? root.value : "\u2014"
            color: Theme.textPrimary
            font.pixelSize: 24
            font.weight: Font.DemiBold
            fontSizeMode: Text.HorizontalFit  // a long amount gets smaller, it is never cut
            minimumPixelSize: 14
            ToolTip.visible: valueHover.hovered && root.amount.length > 0
            ToolTip.text: root.amount + " " + root.unit
            HoverHandler { id: valueHover }
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.note
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
}
