// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Send on L1 or L2, and receive with the address as text and QR code.
PageScaffold {
    id: root

    property bool startOnReceive: false

    //: Page title
    title: qsTr("Send & Receive")
    subtitle: qsTr("Pay an address on Ethereum (L1) or on the Sluice rollup (L2), or show yours")

    TabBar {
        id: tabs
        objectName: "sendReceiveTabs"
        Layout.fillWidth: true
        currentIndex: root.startOnReceive ? 1 : 0
        background: Rectangle { color: "transparent" }
        TabButton {
            objectName: "sendTab"
            text: qsTr("Send")
            Accessible.name: text
        }
        TabButton {
            objectName: "receiveTab"
            text: qsTr("Receive")
            Accessible.name: text
        }
    }

    StackLayout {
        Layout.fillWidth: true
        currentIndex: tabs.currentIndex
        SendForm {
            Layout.fillWidth: true
        }
        ReceivePanel {
            Layout.fillWidth: true
        }
    }
}
