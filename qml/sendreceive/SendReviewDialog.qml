// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The last look before signing: recipient, network, amount, the expected and the maximum fee, the
// total, and a warning when the fee is a large share of the amount.
Dialog {
    id: root

    required property SendController controller
    property string recipient

    objectName: "sendReviewDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(520, parent ? parent.width - 2 * Theme.spacingLarge : 520)
    modal: true
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Review the payment")
    onRejected: root.controller.back()

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacingSmall
        Repeater {
            model: {
                const rows = [
                    { caption: qsTr("To"), value: root.recipient, mono: true, name: "reviewTo" },
                    { caption: qsTr("Network"), value: (root.controller.layer === SendController.L1 ? qsTr("Ethereum (L1)") : qsTr("Sluice (L2)"))
                             //: %1 is a chain id number
                             + "  " + qsTr("chain %1").arg(root.controller.chainId), mono: false, name: "reviewLayer" },
                    { caption: qsTr("Amount"), value: root.controller.amount + " " + root.controller.unit, mono: false, name: "reviewAmount" },
                    //: The fee at the network's current base fee
                    { caption: qsTr("Network fee (expected)"), value: root.controller.expectedFee + " " + root.controller.unit, mono: false, name: "reviewExpectedFee" },
                    //: The most the network fee can be; usually less is charged
                    { caption: qsTr("Network fee (at most)"), value: root.controller.fee + " " + root.controller.unit + "  (" + root.controller.maxFeePerGas + ")", mono: false, name: "reviewFee" },
                    { caption: qsTr("Total (at most)"), value: root.controller.total + " " + root.controller.unit, mono: false, name: "reviewTotal" }
                ];
                if (root.controller.layer === SendController.L2 && root.controller.throughL1) {
                    //: How the transfer reaches the rollup when the user forces it through Ethereum
                    rows.push({ caption: qsTr("Route"), value: qsTr("through L1 (forced inclusion), plus the L1 gas of queuing it"), mono: false, name: "reviewRoute" });
                }
                return rows;
            }
            delegate: RowLayout {
                id: entry
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    Layout.preferredWidth: 160
                    text: entry.modelData.caption
                    color: Theme.textSecondary
                }
                Label {
                    objectName: entry.modelData.name
                    Layout.fillWidth: true
                    text: entry.modelData.value
                    font.family: entry.modelData.mono ? Theme.monoFamily : Application.font.family
                    font.pixelSize: entry.modelData.mono ? Theme.fontSmall : Theme.fontBody
                    font.weight: entry.modelData.name === "reviewTotal" ? Font.DemiBold : Font.Normal
                    color: Theme.textPrimary
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
        Notice {
            objectName: "reviewFeeWarning"
            visible: root.controller.feeWarning.length > 0
            title: qsTr("High fee")
            text: root.controller.feeWarning
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "reviewCancelButton"
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
        PrimaryButton {
            objectName: "confirmSendButton"
            //: Sign the transaction and send it
            text: qsTr("Sign and send")
            DialogButtonBox.buttonRole: Dialog.AcceptRole
            onClicked: root.controller.confirm()
        }
    }
}
