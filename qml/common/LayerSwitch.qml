// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// Two connected toggle buttons: Ethereum (L1) or Sluice (L2).
RowLayout {
    id: root

    property string current: "l2"    // "l1" or "l2"
    signal switched(string layer)

    spacing: 0

    ButtonGroup { id: group }
    Repeater {
        model: [
            { key: "l1", text: qsTr("Ethereum (L1)") },
            { key: "l2", text: qsTr("Sluice (L2)") }
        ]
        delegate: Button {
            id: button
            required property var modelData
            objectName: "layer_" + modelData.key
            checkable: true
            checked: root.current === modelData.key
            ButtonGroup.group: group
            text: modelData.text
            flat: !checked
            highlighted: checked
            Material.accent: Theme.primary
            Material.background: checked ? Theme.primary : "transparent"
            // Set here: a highlighted Material button ignores Material.foreground.
            contentItem: Text {
                text: button.text
                font: button.font
                color: button.checked ? Theme.textOnPrimary : Theme.textPrimary
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
            }
            Accessible.name: modelData.text
            Accessible.checked: checked
            onClicked: {
                root.current = modelData.key;
                root.switched(modelData.key);
            }
        }
    }
}
