// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The password that encrypts the wallet on this computer; the rule and the checks live in C++.
FormPage {
    id: root

    required property OnboardingController controller

    function submit() {
        if (!root.controller.busy)
            root.controller.finish(password.text, repeat.text);
    }

    heading: qsTr("Choose a password")
    subheading: qsTr("Sluice encrypts your keys with this password. You will need it every time you open the wallet.")
    canGoBack: !root.controller.busy

    Label {
        objectName: "passwordRule"
        Layout.fillWidth: true
        text: root.controller.passwordRule
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall + 1
        wrapMode: Text.Wrap
    }
    PasswordField {
        id: password
        objectName: "passwordField"
        enabled: !root.controller.busy
        placeholderText: qsTr("Password")
        onTextEdited: root.controller.clearError()
        onAccepted: repeat.forceActiveFocus()
    }
    PasswordField {
        id: repeat
        objectName: "repeatField"
        enabled: !root.controller.busy
        placeholderText: qsTr("Repeat the password")
        onTextEdited: root.controller.clearError()
        onAccepted: root.submit()
    }
    ErrorLabel {
        objectName: "passwordError"
        text: root.controller.error
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        BusyIndicator {
            objectName: "busyIndicator"
            Layout.preferredWidth: 36
            Layout.preferredHeight: 36
            running: root.controller.busy
            visible: running
        }
        Label {
            Layout.fillWidth: true
            visible: root.controller.busy
            text: qsTr("Encrypting your wallet\u2026 this takes a moment.")
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        Item { Layout.fillWidth: !root.controller.busy }
        PrimaryButton {
            objectName: "createWalletButton"
            text: qsTr("Create wallet")
            enabled: !root.controller.busy
            onClicked: root.submit()
        }
    }
}
