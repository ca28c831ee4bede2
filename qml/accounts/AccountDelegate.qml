// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One account row: avatar, name, EIP-55 address with a copy button, and the L1 balance.
ItemDelegate {
    id: root

    required property int index
    required property string key
    required property string name
    required property string address
    required property string balance
    required property bool balanceLoading
    required property string balanceError

    signal copyRequested(string key)

    // "Balance unavailable" with the node's error on hover. A component of its own because the
    // hover area needs an id, and an id inside contentItem stops Qt from deferring contentItem.
    component BalanceUnavailable: Label {
        //: Shown instead of a balance when the node could not be asked
        text: qsTr("Balance unavailable")
        color: Theme.textSecondary
        ToolTip.visible: errorArea.containsMouse
        ToolTip.text: root.balanceError
        MouseArea {
            id: errorArea
            anchors.fill: parent
            hoverEnabled: true
        }
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: 76
    hoverEnabled: true
    Accessible.name: root.name + ", " + root.address + ", " + root.balance

    background: Rectangle {
        color: root.hovered ? Theme.surfaceAlt : "transparent"
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.leftMargin: Theme.spacingLarge
            anchors.rightMargin: Theme.spacingLarge
            height: 1
            color: Theme.divider
            visible: root.ListView.view && root.index < root.ListView.view.count - 1
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacing
        anchors.leftMargin: Theme.spacingSmall

        Rectangle {
            Layout.preferredWidth: 40
            Layout.preferredHeight: 40
            Layout.leftMargin: Theme.spacingSmall
            radius: 20
            // A colour per account derived from its address, like a tiny identicon.
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
            spacing: 2
            Label {
                text: root.name
                font.pixelSize: 15
                font.weight: Font.DemiBold
                color: Theme.textPrimary
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 4
                Label {
                    objectName: "addressLabel"
                    text: root.address
                    font.family: Theme.monoFamily
                    font.pixelSize: 13
                    color: Theme.textSecondary
                }
                ToolButton {
                    Layout.preferredWidth: 32
                    Layout.preferredHeight: 32
                    padding: 0
                    icon.source: "qrc:/Sluice/icons/copy.svg"
                    icon.width: 16
                    icon.height: 16
                    icon.color: Theme.textSecondary
                    Accessible.name: qsTr("Copy address")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Copy address")
                    onClicked: root.copyRequested(root.key)
                }
                Item { Layout.fillWidth: true }
            }
        }
        ColumnLayout {
            Layout.rightMargin: Theme.spacingSmall
            spacing: 2
            Label {
                Layout.alignment: Qt.AlignRight
                visible: root.balance.length > 0
                text: root.balance
                font.pixelSize: 16
                font.weight: Font.DemiBold
                color: Theme.textPrimary
            }
            BalanceUnavailable {
                Layout.alignment: Qt.AlignRight
                visible: root.balance.length === 0 && root.balanceError.length > 0
            }
            Label {
                Layout.alignment: Qt.AlignRight
                visible: root.balance.length === 0 && root.balanceError.length === 0
                text: qsTr("Loading\u2026")
                color: Theme.textSecondary
            }
            Label {
                Layout.alignment: Qt.AlignRight
                //: Small caption under a balance: the network it is on
                text: qsTr("on L1")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }
        }
    }
}
