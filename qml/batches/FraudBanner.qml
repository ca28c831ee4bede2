// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Sluice

// Prominent: this wallet's own verifier found a batch whose claimed state is wrong. Offers the
// one-round fraud proof (sent from a funded wallet account) and shows its outcome.
Rectangle {
    id: root

    required property BatchesModel model

    objectName: "fraudBanner"
    Layout.fillWidth: true
    visible: root.model.fraudDetected
    implicitHeight: column.implicitHeight + 2 * Theme.spacingLarge
    radius: Theme.radius
    color: Theme.errorBg
    border.color: Theme.error
    border.width: 2
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingLarge
        spacing: Theme.spacingSmall
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: "\u26A0"
                font.pixelSize: 30
                color: Theme.error
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    id: title
                    objectName: "fraudTitle"
                    Layout.fillWidth: true
                    //: %1 is a batch number
                    text: qsTr("Fraud found in batch #%1").arg(root.model.fraudBatch)
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.Bold
                    color: Theme.error
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "fraudReason"
                    Layout.fillWidth: true
                    text: root.model.fraudReason
                    color: Theme.textPrimary
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "fraudDeadline"
                    Layout.fillWidth: true
                    visible: root.model.fraudDeadline.length > 0
                    text: root.model.fraudTimeLeft.length > 0
                          //: %1 a local date and time, %2 the time left like "4m 10s"
                          ? qsTr("The proof must land on L1 before %1 (%2 left); after that the batch is final.").arg(root.model.fraudDeadline).arg(root.model.fraudTimeLeft)
                          : qsTr("Its challenge window ended at %1: it can no longer be proven.").arg(root.model.fraudDeadline)
                    color: Theme.error
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "proofPayer"
                    Layout.fillWidth: true
                    visible: root.model.proofPayer.length > 0
                    text: root.model.proofCost.length > 0
                          //: %1 an account name and shortened address, %2 the cost like "245,000 gas, at most 0.0012 ETH"
                          ? qsTr("Paid by %1 on L1: %2. Half of the proposer's bond goes to whoever proves it first.").arg(root.model.proofPayer).arg(root.model.proofCost)
                          : qsTr("Paid by %1 on L1.").arg(root.model.proofPayer)
                    color: Theme.textPrimary
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "fraudMessage"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    //: %1 the verifier's technical description, in English
                    text: root.model.fraudMessage.length > 0 ? qsTr("Technical detail: %1").arg(root.model.fraudMessage) : ""
                    color: Theme.textSecondary
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
            }
            BusyIndicator {
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: root.model.proving
                visible: running
            }
            PrimaryButton {
                objectName: "submitFraudProofButton"
                danger: true
                text: qsTr("Submit fraud proof")
                enabled: !root.model.proving && root.model.proofTxHash.length === 0
                onClicked: root.model.submitFraudProof(parseInt(root.model.fraudBatch))
            }
        }
        ErrorLabel {
            objectName: "proofError"
            text: root.model.proofError
        }
        Label {
            objectName: "proofSent"
            Layout.fillWidth: true
            visible: root.model.proofTxHash.length > 0
            //: %1 is an L1 transaction hash
            text: qsTr("Fraud proof sent: %1. The batch and every later one will be reverted and the proposer's bond slashed.").arg(root.model.proofTxHash)
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WrapAnywhere
        }
    }
}
