// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A caption, a text field and, under it, the message C++ gave about its content (or a hint).
// `trailing` holds extra controls after the field (a "Max" button, a unit).
ColumnLayout {
    id: root

    property string label
    property string hint
    // Shown on hover over the hint (e.g. the exact amount behind a rounded one); "" for none.
    property string hintDetail
    property string error
    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property alias field: field
    property bool monospace: false
    default property alias trailing: trailingRow.data

    signal edited()
    signal accepted()

    Layout.fillWidth: true
    spacing: 4

    Label {
        text: root.label
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingSmall
        TextField {
            id: field
            objectName: root.objectName.length > 0 ? root.objectName + "Input" : "input"
            Layout.fillWidth: true
            selectByMouse: true
            font.family: root.monospace ? Theme.monoFamily : Application.font.family
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            Accessible.name: root.label
            Accessible.description: root.error.length > 0 ? root.error : root.hint
            onTextEdited: root.edited()
            onAccepted: root.accepted()
        }
        RowLayout {
            id: trailingRow
            spacing: Theme.spacingSmall
        }
    }
    Label {
        objectName: root.objectName.length > 0 ? root.objectName + "Message" : "message"
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.error.length > 0 ? root.error : root.hint
        color: root.error.length > 0 ? Theme.error : Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Accessible.role: root.error.length > 0 ? Accessible.AlertMessage : Accessible.StaticText
        Accessible.description: root.error.length > 0 ? "" : root.hintDetail
        HoverHandler {
            id: hintHover
            enabled: root.error.length === 0 && root.hintDetail.length > 0
        }
        ToolTip.visible: hintHover.hovered
        ToolTip.text: root.hintDetail
        ToolTip.delay: 400
    }
}
