// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Which network the wallet uses: the bundled local stack (state, start/stop/reset, its log) or
// custom endpoints that C++ checks (chain ids, contract code, parameters) before switching.
SectionCard {
    id: root

    required property SettingsController settings
    readonly property LocalStack stack: WalletSession.localStack
    readonly property bool local: root.settings.networkMode === "local"

    objectName: "networkCard"
    heading: qsTr("Network")
    explanation: qsTr("Sluice can run its own private Ethereum chain and rollup node on this computer, or connect to nodes you name.")

    RowLayout {
        spacing: Theme.spacing
        RadioButton {
            objectName: "localModeRadio"
            text: qsTr("Local network (bundled)")
            checked: root.local
            onClicked: root.settings.useLocalStack()
        }
        RadioButton {
            id: customRadio
            objectName: "customModeRadio"
            text: qsTr("Custom endpoints")
            checked: !root.local
        }
    }

    // The local stack.
    ColumnLayout {
        Layout.fillWidth: true
        visible: root.local && !customRadio.checked
        spacing: Theme.spacingSmall
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            StatusChip {
                objectName: "stackState"
                text: !root.stack ? "" : root.stack.state === LocalStack.Running ? qsTr("running")
                    : root.stack.state === LocalStack.Starting ? qsTr("starting")
                    : root.stack.state === LocalStack.Stopping ? qsTr("stopping")
                    : root.stack.state === LocalStack.Failed ? qsTr("failed") : qsTr("stopped")
                tone: !root.stack ? Tone.Neutral : root.stack.state === LocalStack.Running ? Tone.Success
                    : root.stack.state === LocalStack.Failed ? Tone.Error
                    : root.stack.state === LocalStack.Stopped ? Tone.Neutral : Tone.Info
            }
            Label {
                Layout.fillWidth: true
                text: !root.stack ? "" : root.stack.state === LocalStack.Failed ? root.stack.problem
                    : root.stack.state === LocalStack.Starting ? root.stack.progress
                    : WalletSession.l1RpcUrl.length > 0 ? "L1 " + WalletSession.l1RpcUrl + "   L2 " + WalletSession.l2RpcUrl : ""
                color: root.stack && root.stack.state === LocalStack.Failed ? Theme.error : Theme.textSecondary
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
            Button {
                objectName: "stackStartStopButton"
                text: root.stack && (root.stack.state === LocalStack.Running || root.stack.state === LocalStack.Starting) ? qsTr("Stop") : qsTr("Start")
                enabled: root.stack !== null && root.stack.state !== LocalStack.Stopping
                onClicked: root.stack.state === LocalStack.Running || root.stack.state === LocalStack.Starting
                           ? WalletSession.stopLocalStack() : WalletSession.startLocalStack()
            }
            Button {
                objectName: "stackResetButton"
                //: Wipe the local chain and start from scratch
                text: qsTr("Reset\u2026")
                enabled: root.stack !== null
                onClicked: resetDialog.open()
            }
            Button {
                objectName: "stackLogButton"
                text: logView.visible ? qsTr("Hide log") : qsTr("Show log")
                flat: true
                onClicked: logView.visible = !logView.visible
            }
        }
        Label {
            Layout.fillWidth: true
            visible: WalletSession.challengePeriod.length > 0
            //: %1 period like "1m 0s", %2 an amount like "1 ETH", %3 chain id, %4 chain id
            text: qsTr("Challenge period %1 \u00B7 proposer bond %2 \u00B7 L1 chain %3 \u00B7 L2 chain %4 (read from the chain)")
                  .arg(WalletSession.challengePeriod).arg(WalletSession.requiredBond).arg(WalletSession.l1ChainId).arg(WalletSession.l2ChainId)
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Rectangle {
            id: logView
            objectName: "stackLog"
            Layout.fillWidth: true
            Layout.preferredHeight: 180
            visible: false
            radius: 6
            color: Theme.consoleBg
            ListView {
                id: logList
                anchors.fill: parent
                anchors.margins: Theme.spacingSmall
                clip: true
                model: root.stack ? root.stack.log : null
                onCountChanged: positionViewAtEnd()
                ScrollBar.vertical: ScrollBar {}
                delegate: Text {
                    required property var model
                    width: ListView.view.width
                    text: model.text
                    color: model.error ? Theme.consoleError : Theme.consoleText
                    font.family: Theme.monoFamily
                    font.pixelSize: 11
                    elide: Text.ElideRight
                }
            }
        }
    }

    // Custom endpoints.
    ColumnLayout {
        Layout.fillWidth: true
        visible: customRadio.checked
        spacing: Theme.spacingSmall
        LabeledField {
            id: l1Field
            objectName: "customL1"
            label: qsTr("L1 RPC URL")
            monospace: true
            placeholderText: "http://127.0.0.1:8545"
            text: root.settings.l1RpcUrl
        }
        LabeledField {
            id: l2Field
            objectName: "customL2"
            label: qsTr("L2 RPC URL")
            monospace: true
            placeholderText: "http://127.0.0.1:8645"
            text: root.settings.customL2RpcUrl
        }
        LabeledField {
            id: rollupField
            objectName: "customRollup"
            label: qsTr("Rollup contract address")
            monospace: true
            placeholderText: "0x\u2026"
            text: root.settings.customRollup
        }
        // Plain http/ws is only accepted for this computer (127.0.0.1, localhost); any other host
        // needs https/wss unless this is on (the rule: checkEndpointTransport in C++).
        CheckBox {
            id: insecureCheck
            objectName: "allowInsecureCheck"
            text: qsTr("Allow unencrypted connections to this endpoint")
            checked: root.settings.customAllowInsecure
        }
        Notice {
            objectName: "insecureNotice"
            visible: insecureCheck.checked
            title: qsTr("Unencrypted connection")
            text: qsTr("Over http:// or ws:// anyone on the network between this computer and the endpoints can see which addresses you use and change what the node tells the wallet: balances, fees, batches. Use it only on a network you trust, such as your own LAN.")
        }
        ErrorLabel {
            objectName: "networkError"
            text: root.settings.networkError
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            BusyIndicator {
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: root.settings.checkingNetwork
                visible: running
            }
            PrimaryButton {
                objectName: "checkNetworkButton"
                //: Check the endpoints, then use them
                text: qsTr("Check and use")
                enabled: !root.settings.checkingNetwork
                onClicked: root.settings.applyCustomNetwork(l1Field.text, l2Field.text, rollupField.text, insecureCheck.checked)
            }
        }
    }

    Dialog {
        id: resetDialog
        objectName: "resetDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(480, parent ? parent.width - 2 * Theme.spacingLarge : 480)
        modal: true
        title: qsTr("Reset the local network?")
        standardButtons: Dialog.Cancel | Dialog.Reset
        onReset: {
            WalletSession.resetLocalStack();
            close();
        }
        Label {
            width: parent.width
            text: qsTr("This stops the local chain and rollup node and deletes their data: every local balance, batch and bridge transfer is gone. Your wallet and keys are not touched.")
            wrapMode: Text.Wrap
            color: Theme.textPrimary
        }
    }
}
