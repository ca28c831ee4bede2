// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts

// First start: choose how to get a wallet.
FormPage {
    id: root

    signal createRequested()
    signal restoreRequested()
    signal importRequested()

    heading: qsTr("Welcome to Sluice")
    subheading: qsTr("A wallet and bridge for Ethereum layer 2. Your keys are encrypted and never leave this computer.")

    Image {
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 96
        Layout.preferredHeight: 96
        source: "qrc:/Sluice/sluice.svg"
        sourceSize.width: 192
        sourceSize.height: 192
        Accessible.ignored: true
    }
    ChoiceButton {
        objectName: "createButton"
        emphasised: true
        glyph: "+"
        title: qsTr("Create a new wallet")
        description: qsTr("Get a new 12-word recovery phrase and your first account.")
        onClicked: root.createRequested()
    }
    ChoiceButton {
        objectName: "restoreButton"
        glyph: "\u21BA"
        title: qsTr("Restore from a recovery phrase")
        description: qsTr("Use the 12 or 24 words of an existing wallet (BIP-39).")
        onClicked: root.restoreRequested()
    }
    ChoiceButton {
        objectName: "importButton"
        glyph: "\u2193"
        title: qsTr("Import a keystore file or private key")
        description: qsTr("Bring in a single account from geth, cast or another wallet.")
        onClicked: root.importRequested()
    }
}
