// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Sluice

// The bar at the top: icon, name, and once unlocked the lock button (pages are in the NavRail).
ToolBar {
    id: root

    property bool navigationVisible: false

    implicitHeight: 60
    background: Rectangle {
        gradient: Gradient {
            orientation: Gradient.Horizontal
            GradientStop { position: 0; color: Theme.headerStart }
            GradientStop { position: 1; color: Theme.headerEnd }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        Image {
            Layout.preferredWidth: 34
            Layout.preferredHeight: 34
            source: "qrc:/Sluice/sluice.svg"
            sourceSize.width: 68
            sourceSize.height: 68
            Accessible.ignored: true
        }
        Label {
            text: "Sluice"
            color: Theme.textOnHeader
            font.pixelSize: 21
            font.weight: Font.DemiBold
        }
        Label {
            Layout.alignment: Qt.AlignBaseline
            //: Tagline next to the app name in the header
            text: qsTr("Ethereum L2 wallet & bridge")
            color: Theme.textOnHeaderSecondary
            font.pixelSize: Theme.fontSmall + 1
            visible: root.width > 700
        }
        Item { Layout.fillWidth: true }
        // On every page: this wallet's keys are published with anvil and Hardhat (WalletStore::isDevFixture).
        StatusChip {
            objectName: "headerDevFixtureLabel"
            visible: AppContext.devFixtureWallet
            tone: Tone.Warning
            //: Shown while the wallet is the one made from the public test mnemonic ("test test ... junk")
            text: qsTr("DEV FIXTURE — public test keys")
        }
        ToolButton {
            objectName: "headerLockButton"
            visible: root.navigationVisible
            icon.source: "qrc:/Sluice/icons/lock.svg"
            icon.color: Theme.textOnHeader
            Layout.leftMargin: Theme.spacingSmall
            Accessible.name: qsTr("Lock the wallet")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Lock the wallet")
            onClicked: AppContext.lock()
        }
    }
}
