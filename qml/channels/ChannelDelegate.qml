// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// One payment channel with the hub: my side, the hub's side and what is locked in pending
// payments, live; its state on chain; while a close can be disputed, the absolute end of the
// dispute period with a countdown; whether the watchtower holds the newest state; and the
// actions C++ says are possible now.
Rectangle {
    id: root

    required property int index
    required property string channelId
    required property string shortId
    required property string account
    required property string accountName
    required property int status        // ChannelsModel.Open / Closing / Settled
    required property string statusText
    required property int tone
    required property string mine
    required property string theirs
    required property string locked
    required property string nonce
    required property string disputeEnds
    required property string countdown
    required property bool canPay
    required property bool canClose
    required property bool canSettle
    required property string watchtower
    required property bool watchtowerWarning
    property bool busy: false

    signal payRequested(string channelId, string amount)
    signal closeRequested(string channelId)
    signal forceCloseRequested(string channelId)
    signal settleRequested(string channelId)

    objectName: "channel_" + index
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: 8
    color: Theme.surfaceAlt
    border.color: root.canSettle ? Theme.success : Theme.divider
    border.width: root.canSettle ? 2 : 1
    Accessible.role: Accessible.ListItem
    //: %1 my balance in the channel, %2 the channel's state
    Accessible.name: qsTr("Channel with the hub, yours %1, %2").arg(root.mine).arg(root.statusText)

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacingSmall

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    objectName: "channelTitle"
                    Layout.fillWidth: true
                    // Cut in the middle when narrow, so that the id's last digits stay readable.
                    elide: Text.ElideMiddle
                    //: %1 a shortened channel id
                    text: qsTr("Channel %1").arg(root.shortId)
                    font.weight: Font.DemiBold
                    color: Theme.textPrimary
                }
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideMiddle
                    text: root.accountName.length > 0 ? root.accountName : root.account
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
            }
            StatusChip {
                objectName: "channelStatus"
                text: root.statusText
                tone: root.tone
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: 3
            columnSpacing: Theme.spacing
            rowSpacing: 0
            Label { text: qsTr("Yours"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall }
            Label { text: qsTr("The hub's"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall }
            Label { text: qsTr("Locked in payments"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall }
            Label { objectName: "channelMine"; text: root.mine; color: Theme.textPrimary; font.weight: Font.DemiBold }
            Label { objectName: "channelTheirs"; text: root.theirs; color: Theme.textPrimary }
            Label { objectName: "channelLocked"; text: root.locked.length > 0 ? root.locked : "\u2014"; color: Theme.textPrimary }
        }

        Label {
            objectName: "channelDispute"
            Layout.fillWidth: true
            visible: root.disputeEnds.length > 0
            wrapMode: Text.Wrap
            color: root.canSettle ? Theme.success : Theme.warningFg
            text: root.canSettle
                  //: %1 a date and time
                  ? qsTr("The dispute period ended at %1: settle to pay out the channel.").arg(root.disputeEnds)
                  //: %1 a date and time, %2 a countdown like "4m 10s"
                  : qsTr("Closing: either side can dispute with a newer state until %1 (%2 left).").arg(root.disputeEnds).arg(root.countdown)
        }

        Label {
            objectName: "channelWatchtower"
            Layout.fillWidth: true
            visible: root.watchtower.length > 0
            wrapMode: Text.Wrap
            text: root.watchtower
            color: root.watchtowerWarning ? Theme.warningFg : Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }

        RowLayout {
            Layout.fillWidth: true
            visible: root.canPay
            spacing: Theme.spacingSmall
            LabeledField {
                id: payField
                objectName: "channelPayAmount"
                Layout.fillWidth: true
                label: qsTr("Pay the hub (ETH)")
                placeholderText: "0.0"
                field.inputMethodHints: Qt.ImhFormattedNumbersOnly
                onAccepted: payButton.clicked()
            }
            PrimaryButton {
                id: payButton
                objectName: "channelPayButton"
                Layout.alignment: Qt.AlignBottom
                text: qsTr("Pay")
                enabled: !root.busy && payField.text.length > 0
                onClicked: {
                    root.payRequested(root.channelId, payField.text);
                    payField.text = "";
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            Item { Layout.fillWidth: true }
            Button {
                objectName: "channelForceCloseButton"
                visible: root.canClose
                enabled: !root.busy
                flat: true
                text: qsTr("Close without the hub")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Puts the newest state both signed on chain; you settle after the dispute period.")
                onClicked: root.forceCloseRequested(root.channelId)
            }
            Button {
                objectName: "channelCloseButton"
                visible: root.canClose
                enabled: !root.busy
                text: qsTr("Close")
                onClicked: root.closeRequested(root.channelId)
            }
            PrimaryButton {
                objectName: "channelSettleButton"
                visible: root.status === ChannelsModel.Closing
                enabled: root.canSettle && !root.busy
                text: qsTr("Settle")
                onClicked: root.settleRequested(root.channelId)
            }
        }
    }
}
