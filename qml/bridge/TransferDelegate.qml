// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// One deposit or withdrawal in the tracker: amount and direction, its lifecycle as a stepper,
// the absolute final time with a live countdown, and Finalize enabled exactly when C++ says so.
// A reverted batch is stated plainly, never hidden.
Rectangle {
    id: root

    required property int index
    required property string key
    required property int kind          // TransfersModel.Deposit / Withdrawal
    required property string account
    required property string accountName    // "" when the address is not one of the wallet's
    required property string amount
    required property int status        // a TransfersModel stage
    required property string statusText
    required property int tone
    required property int step
    required property var steps
    required property string batch
    required property string finalAt
    required property string countdown
    required property bool canFinalize
    required property bool finalizing
    required property bool reverted
    required property string time
    required property string l1TxHash
    required property string l2TxHash
    required property string error

    signal finalizeRequested(string key)

    objectName: "transfer_" + index
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: 8
    readonly property bool isDeposit: root.kind === TransfersModel.Deposit
    readonly property bool failed: root.status === TransfersModel.BatchReverted || root.status === TransfersModel.Failed

    color: root.failed ? Theme.errorBg : Theme.surfaceAlt
    border.color: root.failed ? Theme.errorBorder
                : root.canFinalize ? Theme.success : Theme.divider
    border.width: root.canFinalize ? 2 : 1
    Accessible.role: Accessible.ListItem
    Accessible.name: (root.isDeposit ? qsTr("Deposit of %1 ETH") : qsTr("Withdrawal of %1 ETH")).arg(root.amount)
                     + ", " + root.statusText

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacingSmall

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: root.isDeposit ? "\u2193" : "\u2191"
                font.pixelSize: 22
                color: Theme.primary
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    objectName: "transferTitle"
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                    elide: Text.ElideRight
                    text: (root.isDeposit ? qsTr("Deposit of %1 ETH") : qsTr("Withdrawal of %1 ETH"))
                          .arg(AppContext.displayAmount(root.amount, AppContext.language))
                    font.weight: Font.DemiBold
                    color: Theme.textPrimary
                }
                Label {
                    id: accountLine
                    objectName: "transferAccount"
                    readonly property string who: root.accountName.length > 0
                                                  ? root.accountName + " (" + AppContext.shortHash(root.account) + ")"
                                                  : AppContext.shortHash(root.account)
                    //: %1 a date and time, %2 the account (its name and shortened address), %3 a batch number
                    text: root.batch.length > 0 ? qsTr("%1 \u00B7 %2 \u00B7 batch #%3").arg(root.time).arg(accountLine.who).arg(root.batch)
                                                : qsTr("%1 \u00B7 %2").arg(root.time).arg(accountLine.who)
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
            }
            StatusChip {
                objectName: "transferStatus"
                // Narrow: the stepper names the current step; the amount in the title comes first.
                visible: !stepper.compact
                text: root.statusText
                tone: root.tone
            }
        }

        StatusStepper {
            id: stepper
            objectName: "transferStepper"
            Layout.fillWidth: true
            steps: root.steps
            current: root.step
            // All five withdrawal steps named need about 600 px in German.
            compact: root.width < 640
            failed: root.failed
            complete: root.status === TransfersModel.Finalized || root.status === TransfersModel.Credited
        }

        Label {
            objectName: "revertedNote"
            Layout.fillWidth: true
            visible: root.reverted
            text: root.status === TransfersModel.BatchReverted
                  ? qsTr("Its batch was proven fraudulent and reverted on L1. The withdrawal is safe and waits to be posted again in a new batch.")
                  : qsTr("Its first batch was reverted by a fraud proof; it was posted again and the challenge period restarted.")
            color: root.status === TransfersModel.BatchReverted ? Theme.error : Theme.warningFg
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }

        RowLayout {
            Layout.fillWidth: true
            visible: !root.isDeposit
            spacing: Theme.spacing
            Label {
                objectName: "finalAt"
                Layout.fillWidth: true
                text: root.finalAt.length > 0
                      //: %1 is an absolute date and time
                      ? qsTr("Final at %1").arg(root.finalAt)
                      : qsTr("Final time known once the batch is on L1")
                color: Theme.textSecondary
                wrapMode: Text.Wrap  // never under the countdown beside it
                font.pixelSize: Theme.fontSmall
            }
            Label {
                objectName: "countdown"
                visible: root.countdown.length > 0
                //: %1 is a time span like "2m 13s"
                text: qsTr("%1 left").arg(root.countdown)
                color: Theme.warningFg
                font.family: Theme.monoFamily
                font.weight: Font.DemiBold
            }
            BusyIndicator {
                Layout.preferredWidth: 28
                Layout.preferredHeight: 28
                running: root.finalizing
                visible: running
            }
            PrimaryButton {
                objectName: "finalizeButton"
                visible: root.status !== TransfersModel.Finalized
                text: qsTr("Finalize")
                enabled: root.canFinalize && !root.finalizing
                Accessible.name: qsTr("Finalize the withdrawal of %1 ETH").arg(root.amount)
                onClicked: root.finalizeRequested(root.key)
            }
        }
        HashLabel {
            visible: root.status === TransfersModel.Finalized && root.l1TxHash.length > 0
            value: root.l1TxHash
            copyName: qsTr("Copy transaction hash")
        }
        ErrorLabel {
            objectName: "transferError"
            text: root.error
        }
    }
}
