// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One batch: number, transactions, shortened state root with copy, age, how much of the
// challenge window has passed, its L1 status and this wallet's own verdict.
ItemDelegate {
    id: root

    required property int index
    required property string key
    required property int txCount
    required property string stateRoot
    required property string age
    required property string finalAt
    required property real windowProgress
    required property string status
    required property string statusText
    required property string verification
    required property bool verified
    required property bool fraud
    signal openRequested(string key)

    objectName: "batch_" + index
    width: ListView.view ? ListView.view.width : implicitWidth
    height: 56
    padding: 0
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("Batch %1, %2 transactions, %3").arg(d.number).arg(root.txCount).arg(root.statusText)
    onClicked: root.openRequested(root.key)

    QtObject {
        id: d
        // The key is "<index>:<header hash>".
        readonly property string number: root.key.split(":")[0]
        readonly property string tone: root.fraud || root.status === "reverted" ? "error"
                                     : root.status === "challenged" ? "warning"
                                     : root.status === "final" ? "success" : "info"
    }

    background: Rectangle {
        color: root.fraud ? Theme.errorBg : root.hovered || root.ListView.isCurrentItem && root.ListView.view.activeFocus ? Theme.surfaceAlt : "transparent"
        border.width: root.visualFocus || (root.ListView.isCurrentItem && root.ListView.view.activeFocus) ? 2 : 0
        border.color: Theme.focus
        Rectangle {
            anchors.bottom: parent.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            height: 1
            color: Theme.divider
        }
    }

    contentItem: RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing
        Label {
            objectName: "batchNumber"
            Layout.preferredWidth: 60
            text: "#" + d.number
            font.weight: Font.DemiBold
            color: root.status === "reverted" ? Theme.error : Theme.textPrimary
            font.strikeout: root.status === "reverted"
        }
        Label {
            Layout.preferredWidth: 50
            text: root.txCount
            color: Theme.textPrimary
        }
        HashLabel {
            Layout.fillWidth: true
            Layout.minimumWidth: 160
            value: root.stateRoot
            copyName: qsTr("Copy state root")
        }
        Label {
            Layout.preferredWidth: 100
            text: root.age
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
        ColumnLayout {
            Layout.preferredWidth: 150
            spacing: 2
            ProgressBar {
                objectName: "windowProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: root.windowProgress
                Accessible.name: qsTr("Challenge window %1 % elapsed").arg(Math.round(root.windowProgress * 100))
            }
            Label {
                text: root.status === "reverted" ? qsTr("reverted")
                    : root.windowProgress >= 1 ? qsTr("window passed")
                    : qsTr("%1 % elapsed").arg(Math.floor(root.windowProgress * 100))
                color: Theme.textSecondary
                font.pixelSize: 11
            }
        }
        RowLayout {
            Layout.preferredWidth: 170
            spacing: 4
            StatusChip {
                objectName: "batchStatus"
                text: root.statusText
                tone: d.tone
            }
            Label {
                objectName: "verifiedMark"
                text: root.fraud ? "\u26A0" : root.verified ? "\u2714" : root.verification === "pending" ? "\u25F7" : "?"
                color: root.fraud ? Theme.error : root.verified ? Theme.success : Theme.textSecondary
                font.pixelSize: 15
                ToolTip.visible: markArea.containsMouse
                ToolTip.text: root.fraud ? qsTr("This wallet found fraud in this batch")
                            : root.verified ? qsTr("Verified by this wallet")
                            : root.verification === "pending" ? qsTr("Not yet re-executed by this wallet")
                            : qsTr("Cannot be verified: it follows a bad batch")
                Accessible.name: ToolTip.text
                MouseArea {
                    id: markArea
                    anchors.fill: parent
                    hoverEnabled: true
                    acceptedButtons: Qt.NoButton
                }
            }
        }
    }
}
