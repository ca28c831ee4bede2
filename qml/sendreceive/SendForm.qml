// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The send form over SendController: every message comes from C++, the review dialog shows the
// fee read from the chosen layer's node, and the result shows the transaction hash.
Card {
    id: root

    property alias controller: send

    SendController {
        id: send
        session: WalletSession
        bridge: AppContext.bridge
        wallet: AppContext.wallet
        l1: AppContext.l1
        l2: AppContext.l2
        activity: AppContext.activity
        account: picker.key
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            AccountPicker {
                id: picker
                objectName: "sendAccount"
                label: qsTr("From")
            }
            ColumnLayout {
                spacing: 4
                Label {
                    //: Which chain the payment is made on
                    text: qsTr("Network")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                }
                LayerSwitch {
                    objectName: "sendLayer"
                    current: send.layer === SendController.L1 ? "l1" : "l2"
                    onSwitched: key => send.layer = key === "l1" ? SendController.L1 : SendController.L2
                }
            }
        }

        LabeledField {
            id: recipientField
            objectName: "recipient"
            //: Label of the recipient address field
            label: qsTr("To")
            placeholderText: "0x\u2026"
            monospace: true
            error: send.recipientError
            text: send.recipient
            onEdited: send.recipient = field.text
            field.enabled: send.state === SendController.Editing
        }

        LabeledField {
            id: amountField
            objectName: "amount"
            label: qsTr("Amount (%1)").arg(send.unit)
            placeholderText: "0.0"
            error: send.amountError
            //: %1 is an exact amount like 1.25, %2 the unit ETH
            hint: send.balance.length > 0
                  ? qsTr("Available: %1 %2").arg(AppContext.displayAmount(send.balance, AppContext.language)).arg(send.unit) : ""
            //: %1 is the exact balance with every decimal, %2 the unit ETH
            hintDetail: send.balance.length > 0 ? qsTr("Exactly %1 %2").arg(send.balance).arg(send.unit) : ""
            text: send.amount
            onEdited: send.amount = field.text
            field.enabled: send.state === SendController.Editing
            field.inputMethodHints: Qt.ImhFormattedNumbersOnly
            Button {
                objectName: "maxButton"
                //: Fill in the whole balance minus the fee
                text: qsTr("Max")
                flat: true
                enabled: send.state === SendController.Editing && send.balance.length > 0
                Accessible.name: qsTr("Send the maximum amount")
                onClicked: send.setMax()
            }
        }

        CheckBox {
            objectName: "sendThroughL1"
            Layout.fillWidth: true
            visible: send.layer === SendController.L2
            enabled: send.state === SendController.Editing
            //: Forced inclusion: the L2 transfer goes through Ethereum instead of the rollup's sequencer
            text: qsTr("Send through L1 (if the sequencer ignores this account; costs L1 gas)")
            checked: send.throughL1
            onToggled: send.throughL1 = checked
        }

        ErrorLabel {
            objectName: "sendError"
            text: send.state === SendController.Failed ? send.error : ""
        }

        Rectangle {
            objectName: "sentBanner"
            Layout.fillWidth: true
            visible: send.state === SendController.Sent || send.state === SendController.Sending
            implicitHeight: sentColumn.implicitHeight + 2 * Theme.spacing
            radius: 8
            color: Theme.successBg
            ColumnLayout {
                id: sentColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 4
                Label {
                    objectName: "sentText"
                    text: send.state === SendController.Sent ? qsTr("Sent. The transaction is included.")
                                                             : qsTr("Submitted, waiting for the receipt\u2026")
                    color: Theme.success
                    font.weight: Font.DemiBold
                }
                HashLabel {
                    objectName: "sentHash"
                    value: send.txHash
                    full: true
                    copyName: qsTr("Copy transaction hash")
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            BusyIndicator {
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: send.state === SendController.Preparing || send.state === SendController.Sending
                visible: running
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "newPaymentButton"
                visible: send.state === SendController.Sent || send.state === SendController.Failed
                text: send.state === SendController.Failed ? qsTr("Edit") : qsTr("New payment")
                flat: true
                onClicked: send.state === SendController.Failed ? send.back() : send.reset()
            }
            PrimaryButton {
                objectName: "reviewButton"
                text: qsTr("Review\u2026")
                enabled: send.canReview && send.state === SendController.Editing
                onClicked: send.review()
            }
        }
    }

    SendReviewDialog {
        id: reviewDialog
        controller: send
        recipient: send.recipient
        visible: send.state === SendController.Review
    }

    // Through L1: the L1 transaction that queues the reviewed payment.
    TransactionReviewDialog { review: send.l1Review }
}
