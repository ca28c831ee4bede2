// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Asks for three words of the new phrase (positions chosen in C++) to prove it was written down.
FormPage {
    id: root

    required property OnboardingController controller

    signal confirmed()

    function submit() {
        const words = [];
        for (let i = 0; i < fields.count; ++i)
            words.push(fields.itemAt(i).text);
        if (root.controller.confirmWords(words))
            root.confirmed();
    }

    heading: qsTr("Confirm your recovery phrase")
    subheading: qsTr("Enter the words at the positions below, from what you wrote down.")
    canGoBack: true

    Repeater {
        id: fields
        model: root.controller.confirmPositions
        delegate: TextField {
            required property int index
            required property int modelData

            objectName: "confirmField" + index
            Layout.fillWidth: true
            //: Placeholder of a field asking for one word of the recovery phrase, e.g. "Word #7"
            placeholderText: qsTr("Word #%1").arg(modelData)
            Accessible.name: placeholderText
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhSensitiveData
            font.family: Theme.monoFamily
            selectByMouse: true
            onTextEdited: root.controller.clearError()
            onAccepted: root.submit()
        }
    }
    ErrorLabel {
        objectName: "confirmError"
        text: root.controller.error
    }
    PrimaryButton {
        objectName: "confirmButton"
        Layout.alignment: Qt.AlignRight
        text: qsTr("Confirm")
        onClicked: root.submit()
    }
}
