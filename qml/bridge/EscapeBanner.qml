// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Sluice

// The escape hatch (PROTOCOL.md §5.4), as the Rollup on L1 reports it. Countdown: a deposit waits
// and the operator has posted no batch since; the exit opens at an absolute L1 time unless a batch
// comes first. Frozen: the operator is gone; one click takes every wallet account's whole L2
// balance out on L1 with proofs from this wallet's own replay of L1. Hidden while all is normal.
Rectangle {
    id: root

    required property EscapeController controller
    readonly property bool frozen: controller.state === EscapeController.Frozen

    function when(seconds) {
        return new Date(seconds * 1000).toLocaleString(Qt.locale(), Locale.ShortFormat)
    }

    objectName: "escapeBanner"
    Layout.fillWidth: true
    visible: controller.state === EscapeController.Countdown || frozen
    implicitHeight: column.implicitHeight + 2 * Theme.spacingLarge
    radius: Theme.radius
    color: frozen ? Theme.errorBg : Theme.warningBg
    border.color: frozen ? Theme.error : Theme.warningBorder
    border.width: frozen ? 2 : 1
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text

    TransactionReviewDialog { review: root.controller.review }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingLarge
        spacing: Theme.spacingSmall
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: root.frozen ? "\u26A0" : "\u25F7"
                font.pixelSize: 30
                color: root.frozen ? Theme.error : Theme.warningFg
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    id: title
                    objectName: "escapeTitle"
                    Layout.fillWidth: true
                    //: %1 is a date and time
                    text: root.frozen ? qsTr("The operator has stopped: the rollup is frozen")
                                      : qsTr("Operator silent since %1").arg(root.when(root.controller.lastBatchAt))
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.Bold
                    color: root.frozen ? Theme.error : Theme.warningFg
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "escapeText"
                    Layout.fillWidth: true
                    //: %1 is a date and time, %2 a duration read from the contract such as "10m 0s"
                    text: root.frozen
                          ? (root.controller.planProblem.length > 0
                             ? root.controller.planProblem
                             //: %1 is an amount of ETH
                             : qsTr("No batch has been posted for the escape delay while a deposit waited. Every account can take its whole L2 balance out on L1 now: %1 ETH for this wallet, proven from this wallet's own replay of L1.").arg(root.controller.exitable))
                          : qsTr("A deposit is waiting and no batch has been posted since. Unless one comes, the exit opens at %1 (escape delay %2).").arg(root.when(root.controller.availableAt)).arg(root.controller.escapeDelay)
                    color: Theme.textPrimary
                    wrapMode: Text.Wrap
                }
            }
            BusyIndicator {
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: root.controller.busy
                visible: running
            }
            PrimaryButton {
                objectName: "exitButton"
                danger: true
                visible: root.frozen
                text: qsTr("Exit to L1")
                enabled: !root.controller.busy && root.controller.exitable.length > 0 && root.controller.exitable !== "0"
                onClicked: root.controller.exitAll()
            }
        }
        ErrorLabel {
            objectName: "exitError"
            text: root.controller.error
        }
        Label {
            objectName: "exitPaid"
            Layout.fillWidth: true
            visible: root.controller.paid.length > 0 && !root.controller.busy
            //: %1 is an amount of ETH
            text: qsTr("%1 ETH paid out on L1.").arg(root.controller.paid)
            color: Theme.textPrimary
            wrapMode: Text.Wrap
        }
    }
}
