// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Sluice

// One history entry: kind and layer, the other party, the time, the signed amount and status.
// Kept light (fixed height, no nested views): the list must scroll through 10,000 entries.
ItemDelegate {
    id: root

    required property int index
    required property string key
    required property string time
    // The "layer" role would clash with Item.layer: read through the model object.
    required property var model
    readonly property string network: model.layer
    required property string kind
    required property string kindText
    required property string account
    required property string counterparty
    required property string amount
    required property bool incoming
    required property string status
    required property string txHash

    width: ListView.view ? ListView.view.width : implicitWidth
    height: 56
    padding: 0
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.ListItem
    Accessible.name: root.kindText + ", " + root.amount + " ETH, " + root.time + ", " + root.status
    // A click copies the transaction hash (no hover tooltip: it would cover the next row).
    onClicked: AppContext.copyToClipboard(root.txHash)

    background: Rectangle {
        color: root.hovered ? Theme.surfaceAlt : "transparent"
        border.width: root.ListView.isCurrentItem && root.ListView.view.activeFocus ? 2 : 0
        border.color: Theme.focus
        Rectangle {
            anchors.bottom: parent.bottom
            x: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            height: 1
            color: Theme.divider
        }
    }

    contentItem: Cells {}

    // The row's texts anchor to each other by id, and an id inside contentItem stops Qt from
    // deferring contentItem: they are a component of their own.
    component Cells: Item {
        Rectangle {
            id: icon
            x: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            width: 32
            height: 32
            radius: 16
            color: root.incoming ? Theme.successBg : Theme.neutralBg
            Text {
                anchors.centerIn: parent
                text: root.kind === "deposit" ? "\u2193" : root.kind === "withdrawal" ? "\u2191"
                    : root.incoming ? "\u2199" : "\u2197"
                color: root.incoming ? Theme.success : Theme.textSecondary
                font.pixelSize: 16
            }
        }
        Text {
            id: kindLabel
            anchors.left: icon.right
            anchors.leftMargin: Theme.spacing
            y: 9
            text: root.kindText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
        Rectangle {
            anchors.left: kindLabel.right
            anchors.leftMargin: Theme.spacingSmall
            anchors.verticalCenter: kindLabel.verticalCenter
            width: layerText.implicitWidth + 12
            height: 18
            radius: 9
            color: root.network === "l1" ? Theme.infoBg : Theme.successBg
            Text {
                id: layerText
                anchors.centerIn: parent
                text: root.network === "l1" ? "L1" : "L2"
                color: root.network === "l1" ? Theme.info : Theme.success
                font.pixelSize: 11
                font.weight: Font.DemiBold
            }
        }
        Text {
            anchors.left: kindLabel.left
            anchors.right: amountLabel.left
            anchors.rightMargin: Theme.spacing
            y: 31
            text: root.counterparty.length > 0 ? root.time + "  \u00B7  " + (root.incoming ? qsTr("from %1") : qsTr("to %1")).arg(root.counterparty)
                                             : root.time
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            font.family: Theme.monoFamily
            elide: Text.ElideRight
        }
        Text {
            id: amountLabel
            anchors.right: statusLabel.left
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: (root.incoming ? "+" : "\u2212") + AppContext.displayAmount(root.amount, AppContext.language) + " ETH"
            color: root.incoming ? Theme.success : Theme.textPrimary
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
        Text {
            id: statusLabel
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            width: 96
            horizontalAlignment: Text.AlignRight
            text: root.status === "pending" ? qsTr("pending")
                : root.status === "confirmed" ? qsTr("confirmed")
                : root.status === "failed" ? qsTr("failed")
                : root.status === "finalized" ? qsTr("finalized")
                : root.status === "credited" ? qsTr("credited")
                : root.status === "in-window" ? qsTr("in window")
                : root.status === "ready" ? qsTr("ready")
                : root.status === "batch-reverted" ? qsTr("batch reverted")
                //: Status of a deposit: sent to L1, not yet mined
                : root.status === "submitted" ? qsTr("submitted")
                //: Status of a deposit: in the rollup's L1 queue, not yet credited on L2
                : root.status === "queued" ? qsTr("queued")
                //: Status of a withdrawal: sent on L2, not yet in a batch
                : root.status === "initiated" ? qsTr("initiated")
                //: Status of a withdrawal: its batch is on L1
                : root.status === "posted" ? qsTr("posted")
                //: Status of a withdrawal: its batch was reverted and it was posted again
                : root.status === "re-included" ? qsTr("re-included")
                : root.status
            color: root.status === "failed" || root.status === "batch-reverted" ? Theme.error : Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
    }
}
