// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// One batch: number, transactions, shortened state root with copy, age, how much of the
// challenge window has passed, its L1 status and this wallet's own verdict.
ItemDelegate {
    id: root

    required property int index
    required property string key
    required property int txCount
    required property string stateRoot
    required property string age
    required property string finalAt
    required property real windowProgress
    required property int status        // BatchesModel.Status
    required property string statusText
    required property int tone
    required property int verification  // BatchesModel.Verification
    required property string verdictText
    required property string windowText
    required property bool verified
    required property bool fraud
    // Leaves out the state root and age cells (see BatchColumns.fullWidth).
    property bool compact: false
    signal openRequested(string key)

    // The two cells that need ids are components of their own: an id inside contentItem stops Qt
    // from deferring contentItem.
    // The state root: the hash keeps its own size; the cell around it stretches like the caption
    // above it (a RowLayout of fixed children would otherwise cap the column at the hash's width).
    component StateRootCell: Item {
        implicitHeight: stateRootLabel.implicitHeight
        HashLabel {
            id: stateRootLabel
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, parent.width)
            value: root.stateRoot
            copyName: qsTr("Copy state root")
        }
    }
    // This wallet's verdict, with the reason on hover.
    component VerdictMark: Label {
        text: root.fraud ? "\u26A0" : root.verified ? "\u2714" : root.verification === BatchesModel.Pending ? "\u25F7" : "?"
        color: root.fraud ? Theme.error : root.verified ? Theme.success : Theme.textSecondary
        font.pixelSize: 15
        ToolTip.visible: markArea.containsMouse
        ToolTip.text: root.verdictText
        Accessible.name: ToolTip.text
        MouseArea {
            id: markArea
            anchors.fill: parent
            hoverEnabled: true
            acceptedButtons: Qt.NoButton
        }
    }

    objectName: "batch_" + index
    width: ListView.view ? ListView.view.width : implicitWidth
    height: 56
    padding: 0
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("Batch %1, %2 transactions, %3").arg(d.number).arg(root.txCount).arg(root.statusText)
    onClicked: root.openRequested(root.key)

    QtObject {
        id: d
        // The key is "<index>:<header hash>".
        readonly property string number: root.key.split(":")[0]
        readonly property bool reverted: root.status === BatchesModel.Reverted
    }

    background: Rectangle {
        color: root.fraud ? Theme.errorBg : root.hovered || root.ListView.isCurrentItem && root.ListView.view.activeFocus ? Theme.surfaceAlt : "transparent"
        border.width: root.visualFocus || (root.ListView.isCurrentItem && root.ListView.view.activeFocus) ? 2 : 0
        border.color: Theme.focus
        Rectangle {
            anchors.bottom: parent.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            height: 1
            color: Theme.divider
        }
    }

    // Through the control's padding, not anchors: the control sizes its contentItem itself and
    // overrode an anchored right margin, so the cells ran past the captions of BatchHeaderRow.
    contentItem: RowLayout {
        spacing: Theme.spacing
        Label {
            objectName: "batchNumber"
            Layout.minimumWidth: BatchColumns.number
            Layout.preferredWidth: BatchColumns.number
            Layout.maximumWidth: BatchColumns.number
            elide: Text.ElideRight
            text: "#" + d.number
            font.weight: Font.DemiBold
            color: d.reverted ? Theme.error : Theme.textPrimary
            font.strikeout: d.reverted
        }
        Label {
            objectName: "batchTxs"
            Layout.minimumWidth: BatchColumns.txs
            Layout.preferredWidth: BatchColumns.txs
            Layout.maximumWidth: BatchColumns.txs
            text: root.txCount
            color: Theme.textPrimary
        }
        StateRootCell {
            objectName: "batchStateRootCell"
            visible: !root.compact
            Layout.fillWidth: true
            Layout.minimumWidth: BatchColumns.stateRootMin
        }
        Label {
            objectName: "batchAge"
            visible: !root.compact
            Layout.minimumWidth: BatchColumns.age
            Layout.preferredWidth: BatchColumns.age
            Layout.maximumWidth: BatchColumns.age
            elide: Text.ElideRight
            text: root.age
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
        ColumnLayout {
            objectName: "batchWindow"
            Layout.minimumWidth: BatchColumns.window
            Layout.preferredWidth: BatchColumns.window
            Layout.maximumWidth: BatchColumns.window
            spacing: 2
            ProgressBar {
                objectName: "windowProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: root.windowProgress
                Accessible.name: qsTr("Challenge window %1 % elapsed").arg(Math.round(root.windowProgress * 100))
            }
            Label {
                objectName: "windowText"
                text: root.windowText
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: 11
            }
        }
        // The status, never cut, and under it this wallet's own verdict in words.
        ColumnLayout {
            objectName: "batchStatusCell"
            Layout.minimumWidth: BatchColumns.status
            Layout.preferredWidth: BatchColumns.status
            // In the compact row the last column takes the room the state root leaves.
            Layout.fillWidth: root.compact
            Layout.maximumWidth: root.compact ? Infinity : BatchColumns.status
            spacing: 2
            StatusChip {
                objectName: "batchStatus"
                Layout.maximumWidth: BatchColumns.status
                text: root.statusText
                tone: root.tone
            }
            RowLayout {
                spacing: 4
                Layout.fillWidth: true
                VerdictMark {
                    objectName: "verifiedMark"
                }
                Label {
                    objectName: "verdictText"
                    Layout.fillWidth: true
                    text: root.verdictText
                    wrapMode: Text.Wrap
                    color: root.fraud ? Theme.error : Theme.textSecondary
                    font.pixelSize: 11
                }
            }
        }
    }
}
