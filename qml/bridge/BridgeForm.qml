// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The deposit and withdraw forms over BridgeController; messages come from C++.
Card {
    id: root

    required property BridgeController controller
    readonly property string account: picker.key
    readonly property bool depositing: root.controller.direction === BridgeController.Deposit

    Layout.fillWidth: true

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        TabBar {
            id: tabs
            objectName: "bridgeTabs"
            Layout.fillWidth: true
            currentIndex: root.depositing ? 0 : 1
            background: Rectangle { color: "transparent" }
            TabButton {
                objectName: "depositTab"
                //: Tab: move funds from Ethereum to the rollup
                text: qsTr("Deposit  L1 \u2192 L2")
                Accessible.name: qsTr("Deposit from L1 to L2")
                onClicked: root.controller.direction = BridgeController.Deposit
            }
            TabButton {
                objectName: "withdrawTab"
                //: Tab: move funds from the rollup back to Ethereum
                text: qsTr("Withdraw  L2 \u2192 L1")
                Accessible.name: qsTr("Withdraw from L2 to L1")
                onClicked: root.controller.direction = BridgeController.Withdraw
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            AccountPicker {
                id: picker
                objectName: "bridgeAccount"
                Layout.preferredWidth: 1
                label: qsTr("Account")
            }
            LabeledField {
                id: amountField
                objectName: "bridgeAmount"
                Layout.preferredWidth: 1
                label: qsTr("Amount (ETH)")
                placeholderText: "0.0"
                error: root.controller.amountError
                hint: root.controller.available.length > 0
                      ? (root.depositing ? qsTr("Available on L1: %1 ETH") : qsTr("Available on L2: %1 ETH"))
                            .arg(AppContext.displayAmount(root.controller.available, AppContext.language))
                      : ""
                //: %1 is the exact balance with every decimal
                hintDetail: root.controller.available.length > 0 ? qsTr("Exactly %1 ETH").arg(root.controller.available) : ""
                text: root.controller.amount
                field.inputMethodHints: Qt.ImhFormattedNumbersOnly
                onEdited: root.controller.amount = field.text
                onAccepted: if (root.controller.canSubmit) root.controller.submit()
            }
        }
        LabeledField {
            objectName: "bridgeRecipient"
            visible: root.depositing
            label: qsTr("Credit on L2 to (optional)")
            hint: qsTr("Leave empty to credit the same account on L2.")
            placeholderText: "0x\u2026"
            monospace: true
            error: root.controller.recipientError
            text: root.controller.recipient
            onEdited: root.controller.recipient = field.text
        }
        Notice {
            visible: !root.depositing
            //: %1 is the challenge period, e.g. "1m 0s"
            text: qsTr("A withdrawal is paid out on L1 only after its batch has passed the challenge period (%1). You then finalize it here; the countdown shows the exact time.")
                  .arg(root.controller.challengePeriod.length > 0 ? root.controller.challengePeriod : "\u2026")
        }
        CheckBox {
            objectName: "bridgeThroughL1"
            Layout.fillWidth: true
            visible: !root.depositing
            //: Forced inclusion: the withdrawal goes through Ethereum instead of the rollup's sequencer
            text: qsTr("Send through L1 (if the sequencer ignores this account)")
            checked: root.controller.throughL1
            onToggled: root.controller.throughL1 = checked
        }
        Notice {
            visible: !root.depositing && root.controller.throughL1
            //: %1 is the rollup's inclusion delay, e.g. "30s"
            text: qsTr("The signed withdrawal is queued on Ethereum (this costs L1 gas). The sequencer must include it within %1 or its batches are refused; if the operator stops entirely, the escape hatch opens.")
                  .arg(root.controller.inclusionDelay.length > 0 ? root.controller.inclusionDelay : "\u2026")
        }
        ErrorLabel {
            objectName: "bridgeError"
            text: root.controller.error
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            Label {
                objectName: "bridgeLastTx"
                Layout.fillWidth: true
                visible: root.controller.lastTxHash.length > 0
                //: %1 is a transaction hash
                text: qsTr("Submitted: %1").arg(root.controller.lastTxHash)
                color: Theme.success
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideMiddle
            }
            Item { Layout.fillWidth: true; visible: root.controller.lastTxHash.length === 0 }
            BusyIndicator {
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: root.controller.submitting
                visible: running
            }
            PrimaryButton {
                objectName: "bridgeSubmitButton"
                text: root.depositing ? qsTr("Deposit") : qsTr("Withdraw")
                enabled: root.controller.canSubmit && !root.controller.submitting && root.controller.ready
                onClicked: root.controller.submit()
            }
        }
    }
}
