// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Totals on L1, on L2 and in transit, per account, and what this wallet has verified itself.
PageScaffold {
    id: root

    signal navigate(string key)

    title: qsTr("Overview")
    subtitle: qsTr("Your funds on Ethereum and on the Sluice rollup, checked by this wallet")
    busy: overview.loading

    OverviewController {
        id: overview
        wallet: AppContext.wallet
        l1: AppContext.l1
        l2: AppContext.l2
        bridge: AppContext.bridge
        channels: AppContext.channels
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        StatTile {
            objectName: "totalL1"
            caption: qsTr("On Ethereum (L1)")
            amount: overview.totalL1
            unit: overview.unit
            accentColor: Theme.primary
        }
        StatTile {
            objectName: "totalL2"
            caption: qsTr("On Sluice (L2)")
            amount: overview.totalL2
            unit: overview.unit
            accentColor: Theme.accent
        }
        StatTile {
            objectName: "totalInTransit"
            //: Funds between the layers: deposits not yet credited, withdrawals not yet paid out
            caption: qsTr("In transit")
            amount: overview.totalInTransit
            unit: overview.unit
            accentColor: Theme.warningFg
        }
        StatTile {
            objectName: "totalInChannels"
            visible: overview.totalInChannels.length > 0
            //: Funds held in payment channels with the hub (your side)
            caption: qsTr("In channels")
            amount: overview.totalInChannels
            unit: overview.unit
            accentColor: Theme.info
        }
    }

    EscapeController {
        id: escapeHatch
        session: WalletSession
        wallet: AppContext.wallet
        verification: AppContext.verification
    }
    EscapeBanner { controller: escapeHatch }

    VerificationCard {
        Layout.fillWidth: true
        onShowBatches: root.navigate("batches")
    }

    ErrorLabel {
        text: overview.error
    }

    SectionCard {
        heading: qsTr("Accounts")
        RowLayout {
            Layout.fillWidth: true
            Layout.bottomMargin: 4
            spacing: Theme.spacing
            Label { Layout.fillWidth: true; text: qsTr("Account"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold }
            Label { Layout.preferredWidth: 140; horizontalAlignment: Text.AlignRight; text: qsTr("L1"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold }
            Label { Layout.preferredWidth: 140; horizontalAlignment: Text.AlignRight; text: qsTr("L2"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold }
            Label { Layout.preferredWidth: 140; horizontalAlignment: Text.AlignRight; text: qsTr("In transit"); color: Theme.textSecondary; font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold }
            Item { visible: WalletSession.devFunding.available; Layout.preferredWidth: 124 }  // over the rows' fund buttons
        }
        Repeater {
            model: overview.accounts
            delegate: OverviewAccountRow { unit: overview.unit }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingSmall
            spacing: Theme.spacingSmall
            Item { Layout.fillWidth: true }
            Button {
                objectName: "openBridgeButton"
                text: qsTr("Deposit or withdraw\u2026")
                flat: true
                Accessible.name: text
                onClicked: root.navigate("bridge")
            }
            PrimaryButton {
                objectName: "openSendButton"
                text: qsTr("Send")
                onClicked: root.navigate("send")
            }
        }
    }
}
