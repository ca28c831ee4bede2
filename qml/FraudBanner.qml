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
                    Layout.fillWidth: true
                    text: qsTr("This wallet re-executed the batch from L1 data and got a different result than the proposer claimed. Until it is proven, withdrawals in this and later batches must not be trusted.")
                    color: Theme.textPrimary
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "fraudMessage"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: root.model.fraudMessage
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
