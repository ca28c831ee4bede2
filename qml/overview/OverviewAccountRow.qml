// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// One account on the overview: name and address, then its L1, L2 and in-transit amounts.
Rectangle {
    id: root

    required property int index
    required property string key
    required property string name
    required property string address
    required property string l1Balance
    required property string l2Balance
    required property string inTransit
    property string unit: "ETH"

    Layout.fillWidth: true
    implicitHeight: row.implicitHeight + Theme.spacing
    color: "transparent"
    Accessible.role: Accessible.Row
    Accessible.name: qsTr("%1: %2 %5 on L1, %3 %5 on L2, %4 %5 in transit")
                         .arg(root.name).arg(d.show(root.l1Balance)).arg(d.show(root.l2Balance))
                         .arg(d.show(root.inTransit)).arg(root.unit)

    QtObject {
        id: d
        function show(value) { return value.length > 0 ? value : "\u2026"; }
    }

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.divider
    }
    RowLayout {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacing
        Rectangle {
            Layout.preferredWidth: 32
            Layout.preferredHeight: 32
            radius: 16
            color: Theme.avatarColor(root.address)
            Label {
                anchors.centerIn: parent
                text: root.index + 1
                color: Theme.textOnAvatar
                font.weight: Font.DemiBold
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            // Its natural width when there is room, never more than what is left (clipped): the
            // amount columns must stay under their captions.
            Layout.minimumWidth: 0
            clip: true
            spacing: 0
            Label {
                text: root.name
                font.weight: Font.DemiBold
                color: Theme.textPrimary
            }
            HashLabel {
                value: root.address
                pixelSize: Theme.fontSmall
                copyName: qsTr("Copy address")
            }
        }
        // Takes what the name column leaves (it stops at its natural width), so the amount
        // columns always end where their captions do.
        Item { Layout.fillWidth: true }
        Repeater {
            model: [root.l1Balance, root.l2Balance, root.inTransit]
            // Shown grouped with at most 6 decimals (cut digits marked "…"), the exact amount on hover.
            delegate: Label {
                id: cell
                required property string modelData
                Layout.preferredWidth: 140
                horizontalAlignment: Text.AlignRight
                text: cell.modelData.length > 0
                      ? AppContext.displayAmount(cell.modelData, AppContext.language) + " " + root.unit : "\u2026"
                color: cell.modelData === "0" ? Theme.textSecondary : Theme.textPrimary
                font.weight: Font.DemiBold
                fontSizeMode: Text.HorizontalFit  // smaller rather than cut
                minimumPixelSize: 10
                ToolTip.visible: cellHover.hovered && cell.modelData.length > 0
                ToolTip.text: cell.modelData + " " + root.unit
                HoverHandler { id: cellHover }
            }
        }
        // Local devnet only: one click pays this account test ETH on L1 from a dev account. In a
        // fixed-width cell: the accounts header (OverviewPage) keeps a column exactly this wide.
        Item {
            visible: WalletSession.devFunding.available
            Layout.preferredWidth: 124
            Layout.preferredHeight: fundButton.implicitHeight
            Button {
                id: fundButton
                objectName: "fundButton_" + root.index
                anchors.right: parent.right
                width: Math.min(implicitWidth, parent.width)
                enabled: !WalletSession.devFunding.busy
                flat: true
                text: qsTr("+%1 test ETH").arg(WalletSession.devFunding.amount)
                Accessible.name: qsTr("Fund %1 with %2 test ETH from the local network").arg(root.name).arg(WalletSession.devFunding.amount)
                onClicked: WalletSession.devFunding.fund(parseInt(root.key))
            }
        }
    }
}
