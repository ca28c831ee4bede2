// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Shows the new recovery phrase and asks the user to write it down.
FormPage {
    id: root

    required property OnboardingController controller

    signal proceed()

    heading: qsTr("Your recovery phrase")
    subheading: qsTr("These 12 words are the only backup of your wallet. Write them down on paper, in this order, and keep them somewhere safe.")
    canGoBack: true

    Notice {
        title: qsTr("Write this down now")
        text: qsTr("Anyone who sees these words can take your funds. Never type them into a website or share a photo of them. Sluice cannot recover them for you.")
    }
    WordGrid {
        objectName: "wordGrid"
        words: root.controller.mnemonicWords
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        CheckBox {
            id: written
            objectName: "writtenCheck"
            Layout.fillWidth: true
            Layout.leftMargin: -8
            text: qsTr("I have written down all 12 words in order")
        }
        PrimaryButton {
            objectName: "continueButton"
            text: qsTr("Continue")
            enabled: written.checked
            onClicked: root.proceed()
        }
    }
}
