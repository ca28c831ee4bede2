// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Everything about one batch: its commitments, its L1 transaction, its times, and this wallet's
// verdict with the message.
Dialog {
    id: root

    required property BatchesModel model
    property var info: ({})
    property bool shownOnce: false

    function show(key) {
        root.info = root.model.detail(key);
        root.shownOnce = true;
        root.open();
    }

    objectName: "batchDetail"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(720, parent ? parent.width - 2 * Theme.spacingLarge : 720)
    modal: true
    //: %1 is a batch number
    title: qsTr("Batch #%1").arg(root.info.index !== undefined ? root.info.index : "")
    standardButtons: Dialog.Close

    ColumnLayout {
        width: parent.width
        spacing: 6
        RowLayout {
            spacing: Theme.spacingSmall
            StatusChip {
                objectName: "detailStatus"
                text: root.info.statusText !== undefined ? root.info.statusText : ""
                tone: root.info.tone !== undefined ? root.info.tone : Tone.Neutral
            }
            StatusChip {
                objectName: "detailVerification"
                text: root.info.verification === BatchesModel.Verified ? qsTr("verified by this wallet")
                    : root.info.verification === BatchesModel.Fraud ? qsTr("fraud found by this wallet")
                    : root.info.verification === BatchesModel.Unverifiable ? qsTr("not verifiable")
                    : qsTr("not yet verified")
                tone: root.info.verification === BatchesModel.Verified ? Tone.Success
                    : root.info.verification === BatchesModel.Fraud ? Tone.Error : Tone.Neutral
            }
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.info.message !== undefined ? root.info.message : ""
            color: root.info.verification === BatchesModel.Fraud ? Theme.error : Theme.textSecondary
            wrapMode: Text.Wrap
        }
        Repeater {
            model: [
                { caption: qsTr("Transactions"), key: "txCount", hash: false },
                //: When the batch was posted to L1
                { caption: qsTr("Posted"), key: "postedAt", hash: false },
                //: When its challenge window ends
                { caption: qsTr("Final at"), key: "finalAt", hash: false },
                { caption: qsTr("L1 block"), key: "l1Block", hash: false },
                { caption: qsTr("State root"), key: "stateRoot", hash: true },
                { caption: qsTr("Previous root"), key: "previousRoot", hash: true },
                { caption: qsTr("Withdrawal root"), key: "withdrawalRoot", hash: true },
                { caption: qsTr("Transaction root"), key: "txRoot", hash: true },
                { caption: qsTr("L1 transaction"), key: "l1TxHash", hash: true }
            ]
            delegate: RowLayout {
                id: entry
                required property var modelData
                readonly property string value: root.info[entry.modelData.key] !== undefined ? String(root.info[entry.modelData.key]) : ""
                Layout.fillWidth: true
                visible: entry.value.length > 0
                spacing: Theme.spacing
                Label {
                    Layout.preferredWidth: 140
                    text: entry.modelData.caption
                    color: Theme.textSecondary
                }
                HashLabel {
                    visible: entry.modelData.hash
                    Layout.fillWidth: true
                    value: entry.value
                    full: true
                    pixelSize: 12
                    copyName: qsTr("Copy %1").arg(entry.modelData.caption)
                }
                Label {
                    visible: !entry.modelData.hash
                    Layout.fillWidth: true
                    text: entry.value
                    color: Theme.textPrimary
                }
            }
        }
    }
}
