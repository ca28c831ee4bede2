// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The L1 connection at a glance: endpoint, chain id and latest block, or why it is down.
ToolBar {
    id: root

    readonly property NetworkStatus network: AppContext.network
    // On the bundled local stack, an L1 that does not answer before the stack was started (or
    // while it starts) is expected, not an error: the bar says what is happening instead.
    readonly property bool localNotUp: WalletSession.networkMode === "local"
                                       && root.network.state !== NetworkStatus.Online
                                       && (WalletSession.state === WalletSession.Idle
                                           || WalletSession.state === WalletSession.StartingLocal)

    implicitHeight: 32
    background: Rectangle {
        color: Theme.surface
        Rectangle {
            width: parent.width
            height: 1
            color: Theme.divider
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacingSmall

        Rectangle {
            objectName: "networkDot"
            Layout.preferredWidth: 10
            Layout.preferredHeight: 10
            radius: 5
            color: root.network.state === NetworkStatus.Online ? Theme.success
                 : root.network.state === NetworkStatus.Connecting || root.localNotUp ? Theme.pending : Theme.error
        }
        Label {
            objectName: "networkState"
            text: root.network.state === NetworkStatus.Online ? qsTr("L1 connected")
                : root.localNotUp ? (WalletSession.state === WalletSession.StartingLocal ? qsTr("Starting the local network\u2026")
                                                                                         : qsTr("Local network not started"))
                : root.network.state === NetworkStatus.Connecting ? qsTr("Connecting to L1\u2026")
                //: The Ethereum node at the configured URL does not answer
                : qsTr("L1 node unreachable")
            color: root.network.state === NetworkStatus.Unreachable && !root.localNotUp ? Theme.error : Theme.textPrimary
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
        }
        Label {
            // Once the wallet's network is up, its endpoints; before that, the L1 setting.
            text: WalletSession.ready ? "L1 " + WalletSession.l1RpcUrl + "  \u00B7  L2 " + WalletSession.l2RpcUrl
                                      : root.network.rpcUrl
            color: Theme.textSecondary
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontSmall
        }
        Label {
            Layout.fillWidth: true
            visible: root.network.state === NetworkStatus.Unreachable && !root.localNotUp
            text: root.network.problem
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
        Item {
            Layout.fillWidth: true
            visible: root.network.state !== NetworkStatus.Unreachable || root.localNotUp
        }
        Label {
            objectName: "networkName"
            visible: root.network.networkName.length > 0
            text: root.network.networkName
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
        Label {
            visible: !WalletSession.ready && root.network.blockNumber.length > 0 && root.network.state === NetworkStatus.Online
            text: "\u00B7"
            color: Theme.textSecondary
        }
        Label {
            objectName: "blockNumber"
            visible: !WalletSession.ready && root.network.blockNumber.length > 0 && root.network.state === NetworkStatus.Online
            //: %1 is the number of the latest block
            text: qsTr("Block #%1").arg(root.network.blockNumber)
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
    }
}
