// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sluice

// Import one account from a Web3 Secret Storage keystore file or a raw private key.
FormPage {
    id: root

    required property OnboardingController controller

    signal accepted()

    function submit() {
        const ok = tabs.currentIndex === 0
                ? root.controller.useKeystore(d.keystoreUrl, keystorePassword.text)
                : root.controller.usePrivateKey(privateKey.text);
        if (ok)
            root.accepted();
    }

    heading: qsTr("Import an account")
    subheading: qsTr("Bring in an account from a keystore file (geth, cast, MyEtherWallet) or from its private key.")
    canGoBack: true

    QtObject {
        id: d
        property url keystoreUrl
    }

    TabBar {
        id: tabs
        objectName: "importTabs"
        Layout.fillWidth: true
        onCurrentIndexChanged: root.controller.clearError()
        TabButton { text: qsTr("Keystore file") }
        TabButton { text: qsTr("Private key") }
    }
    StackLayout {
        Layout.fillWidth: true
        currentIndex: tabs.currentIndex

        ColumnLayout {
            spacing: Theme.spacing
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall
                TextField {
                    objectName: "keystorePathField"
                    Layout.fillWidth: true
                    readOnly: true
                    text: String(d.keystoreUrl).length > 0 ? decodeURIComponent(String(d.keystoreUrl).replace(/^file:\/\//, "")) : ""
                    placeholderText: qsTr("No file chosen")
                    Accessible.name: qsTr("Keystore file")
                }
                Button {
                    text: qsTr("Choose file\u2026")
                    onClicked: fileDialog.open()
                }
            }
            PasswordField {
                id: keystorePassword
                objectName: "keystorePasswordField"
                placeholderText: qsTr("Password of the keystore file")
                onTextEdited: root.controller.clearError()
                onAccepted: root.submit()
            }
        }
        ColumnLayout {
            spacing: Theme.spacing
            PasswordField {
                id: privateKey
                objectName: "privateKeyField"
                font.family: Theme.monoFamily
                placeholderText: qsTr("Private key: 64 hex digits, with or without 0x")
                onTextEdited: root.controller.clearError()
                onAccepted: root.submit()
            }
        }
    }
    ErrorLabel {
        objectName: "importError"
        text: root.controller.error
    }
    PrimaryButton {
        objectName: "importContinueButton"
        Layout.alignment: Qt.AlignRight
        text: qsTr("Continue")
        onClicked: root.submit()
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a keystore file")
        nameFilters: [qsTr("Keystore files (*.json UTC--*)"), qsTr("All files (*)")]
        onAccepted: {
            d.keystoreUrl = selectedFile;
            root.controller.clearError();
        }
    }
}
