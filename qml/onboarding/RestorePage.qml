// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Restore from a BIP-39 phrase; C++ checks the words, their number and the checksum.
FormPage {
    id: root

    required property OnboardingController controller

    signal accepted()

    function submit() {
        if (!root.controller.useMnemonic(phrase.text, usePassphrase.checked ? passphrase.text : ""))
            return;
        // C++ holds the phrase now (wiped on reset); the fields keep no copy, nor an undo history
        // of it: assigning the text resets a TextEdit's undo stack, clear() would be undoable.
        phrase.text = "";
        passphrase.text = "";
        root.accepted();
    }

    heading: qsTr("Restore a wallet")
    subheading: qsTr("Type your recovery phrase, with the words separated by spaces.")
    canGoBack: true

    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: 110
        TextArea {
            id: phrase
            objectName: "phraseField"
            wrapMode: TextEdit.Wrap
            font.family: Theme.monoFamily
            placeholderText: qsTr("12, 15, 18, 21 or 24 words")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhSensitiveData
            selectByMouse: true
            onTextChanged: root.controller.clearError()
            Accessible.name: qsTr("Recovery phrase")
        }
    }
    CheckBox {
        id: usePassphrase
        objectName: "passphraseCheck"
        Layout.fillWidth: true
        //: BIP-39 "25th word"; most wallets do not use one
        text: qsTr("This wallet uses a BIP-39 passphrase")
    }
    PasswordField {
        id: passphrase
        objectName: "passphraseField"
        visible: usePassphrase.checked
        placeholderText: qsTr("BIP-39 passphrase (not your Sluice password)")
    }
    ErrorLabel {
        objectName: "restoreError"
        text: root.controller.error
    }
    PrimaryButton {
        objectName: "restoreButton"
        Layout.alignment: Qt.AlignRight
        text: qsTr("Continue")
        enabled: phrase.text.trim().length > 0
        onClicked: root.submit()
    }
}
