// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The steps of a lifecycle (docs/PROTOCOL.md §7) as dots joined by lines: steps before `current`
// done, `current` active, the rest to come. `failed` marks the current step as an error
// (a reverted batch), which is shown, not hidden.
RowLayout {
    id: root

    property var steps: []          // labels, in order
    property int current: 0
    property bool failed: false
    property bool complete: false   // the last step is reached and nothing is left to do
    // Narrow places (the tracker beside the bridge form): only the current step is named; the
    // others are dots, and the accessible name still says where the transfer is.
    property bool compact: false

    spacing: 0
    Accessible.role: Accessible.ProgressBar
    Accessible.name: root.steps.length > 0 ? root.steps[Math.min(root.current, root.steps.length - 1)] : ""

    Repeater {
        model: root.steps
        delegate: RowLayout {
            id: step
            required property int index
            required property string modelData
            readonly property bool done: index < root.current || (root.complete && index === root.current)
            readonly property bool active: index === root.current && !root.complete

            objectName: "step" + index
            Layout.fillWidth: index < root.steps.length - 1
            spacing: 6

            Rectangle {
                objectName: "stepDot"
                Layout.preferredWidth: 18
                Layout.preferredHeight: 18
                radius: 9
                color: step.active && root.failed ? Theme.error
                     : step.done ? Theme.success
                     : step.active ? Theme.primary : "transparent"
                border.width: step.done || step.active ? 0 : 2
                border.color: Theme.divider
                Label {
                    anchors.centerIn: parent
                    text: step.active && root.failed ? "!" : step.done ? "\u2713" : ""
                    color: Theme.surface
                    font.pixelSize: 11
                    font.weight: Font.Bold
                }
            }
            Label {
                visible: !root.compact || step.active || (root.complete && step.index === root.current)
                text: step.modelData
                color: step.active && root.failed ? Theme.error
                     : step.active ? Theme.textPrimary : Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                font.weight: step.active ? Font.DemiBold : Font.Normal
            }
            Rectangle {
                visible: step.index < root.steps.length - 1
                Layout.fillWidth: true
                Layout.minimumWidth: 8
                Layout.rightMargin: 6
                Layout.preferredHeight: 2
                color: step.index < root.current ? Theme.success : Theme.divider
            }
        }
    }
}
