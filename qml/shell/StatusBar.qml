// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The wallet's connections at a glance, side by side: L1 (network name, latest block), L2 (latest
// block) and this wallet's verifier; a layer that is down says why.
ToolBar {
    id: root

    // On the bundled local stack, layers that do not answer before the stack was started (or
    // while it starts) are expected, not an error: the bar says what is happening instead.
    readonly property bool localNotUp: WalletSession.networkMode === "local"
                                       && AppContext.l1.state !== ChainStore.Online
                                       && (WalletSession.state === WalletSession.Idle
                                           || WalletSession.state === WalletSession.StartingLocal)
    readonly property string problem: AppContext.l1.state === ChainStore.Unreachable && !root.localNotUp
                                      ? AppContext.l1.problem
                                      : AppContext.l2.state === ChainStore.Unreachable ? AppContext.l2.problem : ""

    // One layer: a dot, "L1 · block #12", or what it is waiting for.
    component LayerStatus: RowLayout {
        id: segment
        required property ChainStore chain
        required property string name  // "L1", "L2": not translated
        readonly property bool waiting: root.localNotUp || segment.chain.state === ChainStore.Disconnected
        spacing: Theme.spacingSmall / 2

        Rectangle {
            objectName: segment.name + "Dot"
            Layout.preferredWidth: 10
            Layout.preferredHeight: 10
            radius: 5
            color: segment.chain.state === ChainStore.Online ? Theme.success
                 : segment.chain.state === ChainStore.Connecting || segment.waiting ? Theme.pending : Theme.error
        }
        Label {
            objectName: segment.name + "State"
            text: segment.chain.state === ChainStore.Online && segment.chain.blockNumber.length > 0
                  //: %1 is a layer (L1 or L2), %2 the number of its latest block
                  ? qsTr("%1 · block #%2").arg(segment.name).arg(segment.chain.blockNumber)
                  : segment.chain.state === ChainStore.Online ? qsTr("%1 connected").arg(segment.name)
                  : segment.waiting ? qsTr("%1 not connected yet").arg(segment.name)
                  : segment.chain.state === ChainStore.Connecting ? qsTr("Connecting to %1…").arg(segment.name)
                  //: %1 is a layer (L1 or L2) whose node does not answer
                  : qsTr("%1 unreachable").arg(segment.name)
            color: segment.chain.state === ChainStore.Unreachable && !segment.waiting ? Theme.error : Theme.textPrimary
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
        }
    }

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
        spacing: Theme.spacing

        Label {
            objectName: "networkName"
            text: AppContext.l1.networkName.length > 0 ? AppContext.l1.networkName
                : root.localNotUp ? (WalletSession.state === WalletSession.StartingLocal
                                     ? qsTr("Starting the local network…") : qsTr("Local network not started"))
                : AppContext.l1.rpcUrl
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
        LayerStatus {
            chain: AppContext.l1
            name: "L1"
        }
        LayerStatus {
            chain: AppContext.l2
            name: "L2"
        }
        RowLayout {
            spacing: Theme.spacingSmall / 2
            Rectangle {
                Layout.preferredWidth: 10
                Layout.preferredHeight: 10
                radius: 5
                color: !AppContext.verification.attached ? Theme.pending
                     : AppContext.verification.fraudDetected ? Theme.error
                     : AppContext.verification.fundsVerified ? Theme.success : Theme.pending
            }
            Label {
                objectName: "verifierState"
                text: !AppContext.verification.attached ? qsTr("Verifier waiting for the network")
                    : AppContext.verification.fraudDetected ? qsTr("Verifier: fraud in batch %1").arg(AppContext.verification.fraudBatch)
                    : AppContext.verification.fundsVerified ? qsTr("Verifier: %n batch(es) checked", "", AppContext.verification.verifiedBatches)
                    : qsTr("Verifier: not all batches checked")
                color: AppContext.verification.fraudDetected ? Theme.error : Theme.textPrimary
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
            }
        }
        Label {
            objectName: "connectionProblem"
            Layout.fillWidth: true
            text: root.problem
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
}
