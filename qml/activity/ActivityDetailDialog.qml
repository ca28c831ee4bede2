// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Everything about one history entry: its transaction (hash, layer, block, fee), the account and
// the other party, the exact amount, and the matching transaction on the other layer; every hash
// and address with a copy button. Block and fee are read from the layer's node when it opens.
Dialog {
    id: root

    property var info: ({})

    // `entry`: an ActivityDelegate (its model roles).
    function show(entry) {
        root.info = {
            kindText: entry.kindText, onL1: entry.network === ActivityModel.L1, txHash: entry.txHash,
            inChannel: entry.network === ActivityModel.PaymentChannel,
            time: entry.time, account: entry.account, counterparty: entry.counterparty,
            amount: entry.amount, move: entry.move, incoming: entry.incoming, statusText: entry.statusText,
            relatedTxHash: entry.relatedTxHash, relatedBlock: entry.relatedBlock
        };
        // A channel's entry names the channel (and the state's nonce), not a transaction.
        if (!root.info.inChannel)
            lookup.lookup(root.info.onL1, root.info.txHash);
        root.open();
    }

    objectName: "activityDetail"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(720, parent ? parent.width - 2 * Theme.spacingLarge : 720)
    modal: true
    title: root.info.kindText !== undefined ? root.info.kindText : ""
    standardButtons: Dialog.Close

    TransactionLookup {
        id: lookup
        l1: AppContext.l1
        l2: AppContext.l2
    }

    ColumnLayout {
        width: parent.width
        spacing: 6
        Repeater {
            model: [
                { caption: qsTr("Status"), value: root.info.statusText, hash: false, name: "detailStatus" },
                { caption: qsTr("Time"), value: root.info.time, hash: false, name: "detailTime" },
                //: The amount moved; %1 an exact amount
                { caption: qsTr("Amount"), value: root.info.amount !== undefined ? qsTr("%1 ETH").arg(root.info.amount) : "",
                  hash: false, name: "detailAmount" },
                { caption: root.info.inChannel ? qsTr("Channel (and state)") : root.info.onL1 ? qsTr("L1 transaction") : qsTr("L2 transaction"),
                  value: root.info.txHash, hash: true, name: "detailTxHash" },
                { caption: qsTr("Block"), value: root.info.inChannel ? "" : lookup.loading ? qsTr("reading\u2026") : lookup.block.length > 0 ? "#" + lookup.block : lookup.error,
                  hash: false, name: "detailBlock" },
                //: The network fee this transaction paid
                { caption: qsTr("Fee paid"), value: !root.info.inChannel && lookup.fee.length > 0 ? qsTr("%1 ETH").arg(lookup.fee) : "",
                  hash: false, name: "detailFee" },
                { caption: qsTr("Account"), value: root.info.account, hash: true, name: "detailAccount" },
                { caption: root.info.incoming ? qsTr("From") : root.info.move ? qsTr("Credited to") : qsTr("To"),
                  value: root.info.counterparty, hash: true, name: "detailCounterparty" },
                //: The matching transaction on the other layer (a withdrawal's payout on L1)
                { caption: qsTr("Paid out on L1 by"), value: root.info.relatedTxHash, hash: true, name: "detailRelatedTx" },
                //: %1 a block number on L2
                { caption: qsTr("Credited on L2"), value: root.info.relatedBlock > 0 ? qsTr("in block #%1").arg(root.info.relatedBlock) : "",
                  hash: false, name: "detailRelatedBlock" }
            ]
            delegate: RowLayout {
                id: row
                required property var modelData
                readonly property string value: row.modelData.value !== undefined ? String(row.modelData.value) : ""
                Layout.fillWidth: true
                visible: row.value.length > 0
                spacing: Theme.spacing
                Label {
                    Layout.preferredWidth: 150
                    text: row.modelData.caption
                    color: Theme.textSecondary
                }
                HashLabel {
                    objectName: row.modelData.name
                    visible: row.modelData.hash
                    Layout.fillWidth: true
                    value: row.value
                    full: true
                    pixelSize: 12
                    copyName: qsTr("Copy %1").arg(row.modelData.caption)
                }
                Label {
                    objectName: row.modelData.hash ? "" : row.modelData.name
                    visible: !row.modelData.hash
                    Layout.fillWidth: true
                    text: row.value
                    color: Theme.textPrimary
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
