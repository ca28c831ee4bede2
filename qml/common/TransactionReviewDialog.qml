// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The last look before a bridge transaction is signed: what it does, the amount as parsed, the
// expected and the maximum fee, the maximum total, the network and chain id, and a warning when
// the fee is a large share of the amount. Open exactly while the review waits for a decision.
Dialog {
    id: root

    required property TransactionReview review

    objectName: "transactionReviewDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(560, parent ? parent.width - 2 * Theme.spacingLarge : 560)
    modal: true
    closePolicy: Popup.CloseOnEscape
    visible: root.review.active
    title: qsTr("Review before signing")
    onRejected: root.review.decline()

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingSmall

        Label {
            objectName: "reviewAction"
            Layout.fillWidth: true
            text: root.review.action
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            color: Theme.textPrimary
        }
        Repeater {
            model: [
                { caption: qsTr("Network"), value: (root.review.layer === TransactionReview.L1 ? qsTr("Ethereum (L1)") : qsTr("Sluice (L2)"))
                         //: %1 is a chain id number
                         + "  " + qsTr("chain %1").arg(root.review.chainId), mono: false, name: "reviewNetwork" },
                { caption: qsTr("Amount"), value: root.review.amount + " ETH", mono: false, name: "reviewAmount" },
                { caption: qsTr("Recipient"), value: root.review.recipient, mono: true, name: "reviewRecipient" },
                //: The fee at the network's current base fee
                { caption: qsTr("Network fee (expected)"), value: root.review.expectedFee + " ETH", mono: false, name: "reviewExpectedFee" },
                //: The most the network fee can be; %1 is the gas limit, %2 the maximum price per gas such as "3 gwei"
                { caption: qsTr("Network fee (at most)"), value: root.review.maxFee + " ETH  (" + qsTr("%1 gas at %2").arg(root.review.gasLimit).arg(root.review.maxFeePerGas) + ")", mono: false, name: "reviewMaxFee" },
                //: What this transaction can take from the balance at most: value sent plus the maximum fee
                { caption: qsTr("Total (at most)"), value: root.review.maxTotal + " ETH", mono: false, name: "reviewMaxTotal" }
            ]
            delegate: RowLayout {
                id: entry
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    Layout.preferredWidth: 170
                    text: entry.modelData.caption
                    color: Theme.textSecondary
                    wrapMode: Text.WordWrap
                }
                Label {
                    objectName: entry.modelData.name
                    Layout.fillWidth: true
                    text: entry.modelData.value
                    font.family: entry.modelData.mono ? Theme.monoFamily : Application.font.family
                    font.pixelSize: entry.modelData.mono ? Theme.fontSmall : Theme.fontBody
                    font.weight: entry.modelData.name === "reviewMaxTotal" ? Font.DemiBold : Font.Normal
                    color: Theme.textPrimary
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
        Label {
            objectName: "reviewOutcome"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingSmall
            visible: text.length > 0
            text: root.review.outcome
            color: Theme.textPrimary
            wrapMode: Text.WordWrap
        }
        Notice {
            objectName: "reviewFeeWarning"
            visible: root.review.warning.length > 0
            title: qsTr("High fee")
            text: root.review.warning
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "reviewDeclineButton"
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
        PrimaryButton {
            objectName: "reviewApproveButton"
            //: Sign the transaction and send it
            text: qsTr("Sign and send")
            DialogButtonBox.buttonRole: Dialog.AcceptRole
            onClicked: root.review.approve()
        }
    }
}
