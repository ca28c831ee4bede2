// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A password input with a show/hide toggle.
TextField {
    id: root

    property bool revealed: false

    Layout.fillWidth: true
    echoMode: revealed ? TextInput.Normal : TextInput.Password
    Accessible.name: placeholderText
    Accessible.passwordEdit: !revealed
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
    rightPadding: toggle.width + 4
    selectByMouse: true

    ToolButton {
        id: toggle
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        width: 40
        height: 40
        icon.source: root.revealed ? "qrc:/Sluice/icons/eye-off.svg" : "qrc:/Sluice/icons/eye.svg"
        icon.width: 20
        icon.height: 20
        icon.color: Theme.textSecondary
        focusPolicy: Qt.NoFocus
        Accessible.name: root.revealed ? qsTr("Hide password") : qsTr("Show password")
        ToolTip.visible: hovered
        ToolTip.text: Accessible.name
        onClicked: root.revealed = !root.revealed
    }
}
