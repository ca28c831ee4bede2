// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Deposit to L2 and withdraw to L1, and the tracker of every transfer between the layers.
PageScaffold {
    id: root

    title: qsTr("Bridge")
    //: %1 is the challenge period read from the contract, e.g. "1m 0s" or "7d 0h"
    subtitle: bridge.challengePeriod.length > 0
              ? qsTr("Deposits arrive on L2 within a few blocks. Withdrawals can be paid out on L1 once their batch has passed the %1 challenge period.").arg(bridge.challengePeriod)
              : qsTr("Deposits arrive on L2 within a few blocks. Withdrawals can be paid out on L1 once their batch has passed the challenge period.")
    busy: bridge.transfers.loading

    BridgeController {
        id: bridge
        bridge: AppContext.bridge
        session: WalletSession
        wallet: AppContext.wallet
        l1: AppContext.l1
        l2: AppContext.l2
        account: form.account
        onFinalized: (key, hash) => finalizedTip.show(qsTr("Withdrawal paid out on L1"), 3000)
    }

    TransactionReviewDialog { review: bridge.review }

    EscapeController {
        id: escapeHatch
        session: WalletSession
        wallet: AppContext.wallet
        verification: AppContext.verification
    }
    EscapeBanner { controller: escapeHatch }

    // Side by side when there is room (the 1180-wide first window and up): the transfers in flight stay in view
    // next to the form instead of below the fold; one column on narrow windows.
    GridLayout {
        id: columns
        Layout.fillWidth: true
        columns: root.width >= 900 ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        BridgeForm {
            id: form
            controller: bridge
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: columns.columns === 1
            Layout.preferredWidth: columns.columns === 1 ? -1 : 400
            Layout.maximumWidth: columns.columns === 1 ? Infinity : 400
        }

        SectionCard {
            objectName: "tracker"
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            heading: qsTr("Transfers")
            explanation: bridge.transfers.readyCount === 1 ? qsTr("One withdrawal is ready to finalize.")
                       //: %1 is a number greater than one
                       : bridge.transfers.readyCount > 1 ? qsTr("%1 withdrawals are ready to finalize.").arg(bridge.transfers.readyCount)
                       : ""

            Label {
                objectName: "noTransfers"
                visible: bridge.transfers.count === 0
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                Layout.bottomMargin: Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("No deposits or withdrawals yet.")
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            PrimaryButton {
                objectName: "finalizeAllButton"
                visible: bridge.transfers.readyCount > 1
                Layout.alignment: Qt.AlignRight
                //: %1 is the number of withdrawals ready to be paid out on L1
                text: qsTr("Finalize all %1 ready").arg(bridge.transfers.readyCount)
                enabled: !bridge.finalizingAll
                onClicked: bridge.finalizeAllReady()
            }
            Repeater {
                // What needs the user first: ready withdrawals, then trouble, then in flight, then done.
                model: bridge.tracker
                delegate: TransferDelegate {
                    Layout.fillWidth: true
                    onFinalizeRequested: key => bridge.finalize(key)
                }
            }
        }
    }

    ToolTip {
        id: finalizedTip
        x: (root.width - width) / 2
        y: root.height - height - Theme.spacingLarge
    }
}
