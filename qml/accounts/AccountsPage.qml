// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// The unlocked wallet's accounts with their L1 balances.
Page {
    id: root

    background: Rectangle { color: Theme.background }

    readonly property AccountsModel accounts: AppContext.accounts

    Connections {
        target: root.accounts
        function onCopied() { copiedTip.show(qsTr("Address copied to the clipboard"), 2000) }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacingLarge + 4
        anchors.bottomMargin: Theme.spacingLarge
        anchors.leftMargin: Math.max(Theme.spacingLarge, (root.width - Theme.pageWidth) / 2)
        anchors.rightMargin: Math.max(Theme.spacingLarge, (root.width - Theme.pageWidth) / 2)
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    text: qsTr("Accounts")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.textPrimary
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Balances on Ethereum (L1), updated with every new block")
                    color: Theme.textSecondary
                    elide: Text.ElideRight
                }
            }
            StatusChip {
                objectName: "devFixtureLabel"
                visible: AppContext.devFixtureWallet
                tone: Tone.Warning
                //: Shown while the wallet is the one made from the public test mnemonic ("test test ... junk")
                text: qsTr("DEV FIXTURE — public test keys")
            }
            BusyIndicator {
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: root.accounts.loading || root.accounts.adding
                visible: running
            }
            PrimaryButton {
                objectName: "addAccountButton"
                visible: root.accounts.canAddAccount
                enabled: !root.accounts.adding
                text: qsTr("+  Add account")
                onClicked: root.accounts.addAccount()
            }
        }
        ErrorLabel {
            text: root.accounts.error
        }
        Card {
            Layout.fillWidth: true
            // As tall as the rows, scrolling once they no longer fit.
            Layout.preferredHeight: list.contentHeight + topPadding + bottomPadding
            Layout.minimumHeight: 120
            padding: 0
            topPadding: Theme.spacingSmall
            bottomPadding: Theme.spacingSmall

            ListView {
                id: list
                anchors.fill: parent
                clip: true
                model: root.accounts
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                delegate: AccountDelegate {
                    onCopyRequested: key => root.accounts.copyAddress(key)
                }
                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: qsTr("No accounts yet.")
                    color: Theme.textSecondary
                }
            }
        }
        Item { Layout.fillHeight: true }
    }

    ToolTip {
        id: copiedTip
        x: (root.width - width) / 2
        y: root.height - height - Theme.spacingLarge
    }
}
