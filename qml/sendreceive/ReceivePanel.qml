// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The chosen account's address as a QR code and as text to copy.
Card {
    id: root

    ReceiveController {
        id: receive
        wallet: AppContext.wallet
        l2: AppContext.l2
        account: picker.key
        onCopied: copiedTip.show(qsTr("Address copied to the clipboard"), 2000)
    }

    RowLayout {
        width: parent.width
        spacing: Theme.spacingLarge

        Rectangle {
            Layout.preferredWidth: 232
            Layout.preferredHeight: 232
            Layout.alignment: Qt.AlignTop
            radius: 8
            color: Theme.qrBackground
            border.color: Theme.divider
            Image {
                objectName: "qrImage"
                anchors.fill: parent
                anchors.margins: 8
                source: receive.qrSource
                sourceSize.width: 216
                sourceSize.height: 216
                fillMode: Image.PreserveAspectFit
                smooth: false
                cache: false
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("QR code of the address %1").arg(receive.address)
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            AccountPicker {
                id: picker
                objectName: "receiveAccount"
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Your address is the same on Ethereum (L1) and on Sluice (L2). Only send ETH to it.")
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "receiveAddress"
                Layout.fillWidth: true
                text: receive.address
                font.family: Theme.monoFamily
                font.pixelSize: 15
                color: Theme.textPrimary
                wrapMode: Text.WrapAnywhere
            }
            Label {
                Layout.fillWidth: true
                visible: receive.paymentUri.length > 0
                text: receive.paymentUri
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
                wrapMode: Text.WrapAnywhere
            }
            PrimaryButton {
                objectName: "copyAddressButton"
                text: qsTr("Copy address")
                icon.source: "qrc:/Sluice/icons/copy.svg"
                icon.width: 16
                icon.height: 16
                enabled: receive.address.length > 0
                onClicked: receive.copyAddress()
            }
        }
    }

    ToolTip {
        id: copiedTip
        x: (root.width - width) / 2
        y: root.height - height
    }
}
