// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Column captions of the batches list; the widths come from BatchColumns, as BatchDelegate's do.
RowLayout {
    id: root

    // Leaves out the state root and age columns (see BatchColumns.fullWidth).
    property bool compact: false

    Layout.fillWidth: true
    Layout.leftMargin: Theme.spacing
    Layout.rightMargin: Theme.spacing
    Layout.bottomMargin: 4
    spacing: Theme.spacing

    component Caption: Label {
        // Fixed width unless it is the stretching state-root column; see BatchColumns.
        property int columnWidth: 0
        Layout.minimumWidth: columnWidth
        Layout.preferredWidth: columnWidth
        Layout.maximumWidth: columnWidth > 0 ? columnWidth : Infinity
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        elide: Text.ElideRight
    }
    Caption {
        objectName: "captionNumber"
        columnWidth: BatchColumns.number
        //: Column caption: batch number
        text: qsTr("Batch")
    }
    Caption {
        objectName: "captionTxs"
        columnWidth: BatchColumns.txs
        //: Column caption: number of transactions
        text: qsTr("Txs")
    }
    Caption {
        objectName: "captionStateRoot"
        visible: !root.compact
        Layout.fillWidth: true
        Layout.minimumWidth: BatchColumns.stateRootMin
        text: qsTr("State root")
    }
    Caption {
        objectName: "captionAge"
        visible: !root.compact
        columnWidth: BatchColumns.age
        //: Column caption: how long ago the batch was posted
        text: qsTr("Age")
    }
    Caption { objectName: "captionWindow"; columnWidth: BatchColumns.window; text: qsTr("Challenge window") }
    Caption {
        objectName: "captionStatus"
        columnWidth: BatchColumns.status
        // In the compact row the last column takes the room the state root leaves, as in BatchDelegate.
        Layout.fillWidth: root.compact
        Layout.maximumWidth: root.compact ? Infinity : BatchColumns.status
        text: qsTr("Status")
    }
}
