// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Shown instead of a page while the wallet's network is not there yet: on first run the bundled
// local stack starting (with the node's own progress), or why it failed and what to do.
Rectangle {
    id: root

    signal openSettings()

    readonly property bool failed: WalletSession.state === WalletSession.Failed
    readonly property bool idle: WalletSession.state === WalletSession.Idle

    color: Theme.background

    Card {
        anchors.centerIn: parent
        width: Math.min(Theme.contentWidth, root.width - 2 * Theme.spacingLarge)
        padding: 32

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: !root.failed && !root.idle
                running: visible
            }
            Label {
                objectName: "startupTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: root.failed ? qsTr("The network is not available")
                    : root.idle ? qsTr("Not connected to a network")
                    : WalletSession.state === WalletSession.StartingLocal ? qsTr("Starting your local network\u2026")
                    : qsTr("Connecting\u2026")
                font.pixelSize: Theme.fontHeading + 2
                font.weight: Font.DemiBold
                color: root.failed ? Theme.error : Theme.textPrimary
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: WalletSession.state === WalletSession.StartingLocal
                text: qsTr("Sluice runs a private Ethereum chain and rollup node on this computer, so you can try everything without real money. This takes a few seconds the first time.")
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "startupProgress"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: root.failed ? WalletSession.problem
                    : root.idle ? qsTr("Start the bundled local network, or connect to nodes you name in the network settings.")
                    : WalletSession.localStack && WalletSession.state === WalletSession.StartingLocal
                      && WalletSession.localStack.progress.length > 0 ? WalletSession.localStack.progress
                    : WalletSession.statusText
                color: root.failed ? Theme.error : Theme.textSecondary
                font.family: root.failed || root.idle ? Application.font.family : Theme.monoFamily
                font.pixelSize: Theme.fontSmall + 1
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                visible: root.failed || root.idle
                spacing: Theme.spacingSmall
                Button {
                    objectName: "startupSettingsButton"
                    text: qsTr("Network settings")
                    flat: true
                    onClicked: root.openSettings()
                }
                PrimaryButton {
                    objectName: "startupRetryButton"
                    text: root.idle ? qsTr("Start the local network") : qsTr("Try again")
                    onClicked: WalletSession.networkMode === "local" ? WalletSession.startLocalStack()
                                                                   : WalletSession.refresh()
                }
            }
        }
    }
}
