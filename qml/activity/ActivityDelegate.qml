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
    readonly property int network: model.layer  // ActivityModel.L1 / L2
    required property int kind                  // ActivityModel.Kind
    required property string kindText
    required property string account
    required property string counterparty
    required property string amount
    required property bool incoming
    required property string statusText
    required property int tone
    required property string txHash
    required property bool move              // between the user's own layers: no loss
    required property string relatedTxHash
    required property int relatedBlock

    objectName: "activity_" + index
    width: ListView.view ? ListView.view.width : implicitWidth
    height: 56
    padding: 0
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.ListItem
    Accessible.name: root.kindText + ", " + root.amount + " ETH, " + root.time + ", " + root.statusText
    // A click opens the entry's detail view (ActivityPage), with copy buttons for every hash.

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
            color: root.incoming && !root.move ? Theme.successBg : Theme.neutralBg
            Text {
                anchors.centerIn: parent
                text: root.kind === ActivityModel.Channel && root.move ? "\u21CC"
                    : root.move ? "\u21C5" : root.kind === ActivityModel.Deposit ? "\u2193" : root.kind === ActivityModel.Withdrawal ? "\u2191"
                    : root.incoming ? "\u2199" : "\u2197"
                color: root.incoming && !root.move ? Theme.success : Theme.textSecondary
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
            color: root.network === ActivityModel.L1 ? Theme.infoBg : root.network === ActivityModel.L2 ? Theme.successBg : Theme.neutralBg
            Text {
                id: layerText
                anchors.centerIn: parent
                //: Badge of an activity entry that happened in a payment channel (not on L1 or L2)
                text: root.network === ActivityModel.L1 ? "L1" : root.network === ActivityModel.L2 ? "L2" : qsTr("Channel")
                color: root.network === ActivityModel.L1 ? Theme.info : root.network === ActivityModel.L2 ? Theme.success : Theme.textSecondary
                font.pixelSize: 11
                font.weight: Font.DemiBold
            }
        }
        Text {
            anchors.left: kindLabel.left
            anchors.right: amountLabel.left
            anchors.rightMargin: Theme.spacing
            y: 31
            text: root.counterparty.length > 0 ? root.time + "  \u00B7  " + (root.incoming ? qsTr("from %1") : qsTr("to %1")).arg(AppContext.shortHash(root.counterparty))
                                             : root.time
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            font.family: Theme.monoFamily
            elide: Text.ElideRight
        }
        Text {
            id: amountLabel
            objectName: "activityAmount"
            anchors.right: statusLabel.left
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            // A move between the user's own layers is neither a gain nor a loss: no sign.
            text: (root.move ? "" : root.incoming ? "+" : "\u2212") + AppContext.displayAmount(root.amount, AppContext.language) + " ETH"
            color: root.incoming && !root.move ? Theme.success : Theme.textPrimary
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
            text: root.statusText
            color: root.tone === Tone.Error ? Theme.error : Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
    }
}
