// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Column captions of the batches list; widths match BatchDelegate.
RowLayout {
    id: root

    Layout.fillWidth: true
    Layout.leftMargin: Theme.spacing
    Layout.rightMargin: Theme.spacing
    Layout.bottomMargin: 4
    spacing: Theme.spacing

    component Caption: Label {
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
    //: Column caption: batch number
    Caption { Layout.preferredWidth: 60; text: qsTr("Batch") }
    //: Column caption: number of transactions
    Caption { Layout.preferredWidth: 50; text: qsTr("Txs") }
    Caption { Layout.fillWidth: true; Layout.minimumWidth: 160; text: qsTr("State root") }
    //: Column caption: how long ago the batch was posted
    Caption { Layout.preferredWidth: 100; text: qsTr("Age") }
    Caption { Layout.preferredWidth: 150; text: qsTr("Challenge window") }
    Caption { Layout.preferredWidth: 170; text: qsTr("Status") }
}
