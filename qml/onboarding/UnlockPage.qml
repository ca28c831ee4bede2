// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Later starts: the wallet file exists and needs its password.
FormPage {
    id: root

    function submit() {
        controller.unlock(password.text);
    }

    heading: qsTr("Unlock your wallet")
    subheading: qsTr("Enter the password you chose for this wallet on this computer.")

    UnlockController {
        id: controller
        wallet: AppContext.wallet
        onUnlocked: password.clear()
    }

    Image {
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 80
        Layout.preferredHeight: 80
        source: "qrc:/Sluice/sluice.svg"
        sourceSize.width: 160
        sourceSize.height: 160
        Accessible.ignored: true
    }
    PasswordField {
        id: password
        objectName: "unlockPasswordField"
        focus: true
        enabled: !controller.busy
        placeholderText: qsTr("Password")
        onTextEdited: controller.clearError()
        onAccepted: root.submit()
    }
    ErrorLabel {
        objectName: "unlockError"
        text: controller.error
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        BusyIndicator {
            Layout.preferredWidth: 36
            Layout.preferredHeight: 36
            running: controller.busy
            visible: running
        }
        Label {
            Layout.fillWidth: true
            visible: controller.busy
            text: qsTr("Checking the password\u2026")
            color: Theme.textSecondary
        }
        Item { Layout.fillWidth: !controller.busy }
        PrimaryButton {
            objectName: "unlockButton"
            text: qsTr("Unlock")
            enabled: !controller.busy && password.text.length > 0
            onClicked: root.submit()
        }
    }
    Label {
        Layout.fillWidth: true
        visible: AppContext.loadError.length > 0
        text: AppContext.loadError
        color: Theme.error
        wrapMode: Text.Wrap
    }
}
