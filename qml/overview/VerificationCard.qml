// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Network and verification status: both heads, the latest batch, and whether every batch holding
// the user's funds was re-executed by this wallet from L1 data (or what is not).
Card {
    id: root

    signal showBatches()

    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Network and verification")

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingLarge
            Repeater {
                model: [
                    //: Latest block number of the Ethereum chain
                    { caption: qsTr("L1 block"), value: WalletSession.l1Head, name: "l1HeadValue" },
                    //: Latest block number of the rollup
                    { caption: qsTr("L2 block"), value: WalletSession.l2Head, name: "l2HeadValue" },
                    //: Index of the newest batch posted to L1
                    { caption: qsTr("Latest batch"), value: WalletSession.latestBatch, name: "latestBatchValue" },
                    //: Length of the window in which a batch can be challenged
                    { caption: qsTr("Challenge period"), value: WalletSession.challengePeriod, name: "challengeValue" }
                ]
                delegate: ColumnLayout {
                    id: stat
                    required property var modelData
                    spacing: 2
                    Label {
                        text: stat.modelData.caption
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        objectName: stat.modelData.name
                        text: stat.modelData.value.length > 0 ? (stat.modelData.name === "challengeValue" ? stat.modelData.value : "#" + stat.modelData.value) : "\u2014"
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                    }
                }
            }
            Item { Layout.fillWidth: true }
        }

        Rectangle {
            id: banner
            Layout.fillWidth: true
            implicitHeight: verifyRow.implicitHeight + 2 * Theme.spacing
            radius: 8
            readonly property int tone: AppContext.verification.fraudDetected ? Tone.Error
                                         : !WalletSession.ready ? Tone.Neutral
                                         : AppContext.verification.fundsVerified ? Tone.Success : Tone.Warning
            color: Theme.toneBackground(tone)
            RowLayout {
                id: verifyRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                Label {
                    text: AppContext.verification.fraudDetected ? "\u26A0" : AppContext.verification.fundsVerified ? "\u2714" : "\u25F7"
                    font.pixelSize: 22
                    color: Theme.toneForeground(banner.tone)
                }
                Label {
                    objectName: "verificationText"
                    Layout.fillWidth: true
                    text: WalletSession.ready ? AppContext.verification.summary
                        : WalletSession.problem.length > 0 ? WalletSession.problem : WalletSession.statusText
                    color: Theme.toneForeground(banner.tone)
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                }
                Button {
                    objectName: "showBatchesButton"
                    flat: true
                    text: qsTr("Batches")
                    Accessible.name: qsTr("Show batches")
                    onClicked: root.showBatches()
                }
            }
        }
    }
}
