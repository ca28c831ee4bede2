// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Chooses one of the wallet's accounts; `key` is the BIP-44 index key the controllers take.
ColumnLayout {
    id: root

    property string label: qsTr("Account")
    readonly property string key: box.currentValue !== undefined ? String(box.currentValue) : ""

    Layout.fillWidth: true
    spacing: 4

    Label {
        text: root.label
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
    ComboBox {
        id: box
        objectName: root.objectName.length > 0 ? root.objectName + "Box" : "accountBox"
        Layout.fillWidth: true
        model: AppContext.accounts  // the app's one accounts model, shared with every picker
        textRole: "name"
        valueRole: "key"
        Accessible.name: root.label
        displayText: currentIndex >= 0 && currentText.length > 0 ? currentText : qsTr("No account")
        onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
        Component.onCompleted: if (count > 0) currentIndex = 0
        delegate: ItemDelegate {
            id: entry
            required property int index
            required property string name
            required property string address
            objectName: "accountOption_" + entry.index
            width: ListView.view ? ListView.view.width : implicitWidth
            highlighted: box.highlightedIndex === entry.index
            contentItem: ColumnLayout {
                spacing: 0
                Label { text: entry.name; font.weight: Font.DemiBold; color: Theme.textPrimary }
                Label { text: entry.address; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall; color: Theme.textSecondary }
            }
        }
    }
}
