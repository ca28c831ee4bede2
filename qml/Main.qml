// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Sluice

// The window: onboarding until there is a wallet, the unlock screen while it is locked, and once
// open the side rail with the wallet's pages.
ApplicationWindow {
    id: root

    width: 1180
    height: 760
    minimumWidth: 860
    minimumHeight: 600
    visible: true
    title: qsTr("Sluice")

    Material.theme: Theme.dark ? Material.Dark : Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.primary
    Material.background: Theme.background
    Material.foreground: Theme.textPrimary

    // The page keys main.cpp's --page accepts for the unlocked wallet, in rail order.
    readonly property var pageKeys: ["overview", "send", "bridge", "channels", "batches", "activity", "accounts", "settings"]

    // The theme setting (or --theme) drives the Theme singleton; "system" follows the platform palette.
    Binding {
        target: Theme
        property: "dark"
        value: AppContext.theme === "dark" || (AppContext.theme === "system" && root.palette.window.hslLightness < 0.5)
    }

    QtObject {
        id: d
        readonly property string screen: !AppContext.ready ? "loading"
                                        : AppContext.unlocked ? "main"
                                        : AppContext.walletExists ? "unlock"
                                        : "onboarding"
        property int page: Math.max(0, root.pageKeys.indexOf(AppContext.initialPage === "receive" ? "send"
                                                            : AppContext.initialPage === "batch" ? "batches"
                                                            : AppContext.initialPage))
    }

    Connections {
        target: NotificationCenter
        function onOpenRequested(target) { root.showPage(target); }
    }

    // Other pages ask for navigation through this (e.g. the overview's "Open bridge").
    function showPage(key) {
        const index = root.pageKeys.indexOf(key);
        if (index >= 0)
            d.page = index;
    }

    header: AppHeader {
        navigationVisible: d.screen === "main"
    }
    footer: StatusBar {}

    Loader {
        anchors.fill: parent
        sourceComponent: d.screen === "main" ? mainScreen
                       : d.screen === "unlock" ? unlockScreen
                       : d.screen === "onboarding" ? onboardingScreen
                       : loadingScreen
    }

    Component {
        id: loadingScreen
        Rectangle {
            color: Theme.background
            BusyIndicator {
                anchors.centerIn: parent
                running: true
            }
        }
    }
    Component {
        id: onboardingScreen
        OnboardingFlow {}
    }
    Component {
        id: unlockScreen
        UnlockPage {}
    }
    // The main screen reads this file's ids (d, root) without `pragma ComponentBehavior: Bound`:
    // Qt 6.4.2's Loader does not load a bound component ("Cannot instantiate bound component outside
    // its creation context", no item). qmllint 6.4 calls those lookups unqualified although they
    // resolve at run time, so `unqualified` is disabled on exactly those lines.
    Component {
        id: mainScreen
        RowLayout {
            spacing: 0
            NavRail {
                id: rail
                Layout.fillHeight: true
                currentIndex: d.page // qmllint disable unqualified
                pages: [
                    { key: "overview", glyph: "\u25C9", text: qsTr("Overview") },
                    //: Navigation entry: the page to send and receive funds
                    { key: "send", glyph: "\u21C4", text: qsTr("Send & Receive") },
                    //: Navigation entry: deposits to L2 and withdrawals to L1
                    { key: "bridge", glyph: "\u21C5", text: qsTr("Bridge") },
                    //: Navigation entry: payment channels with the hub
                    { key: "channels", glyph: "\u21CC", text: qsTr("Channels") },
                    //: Navigation entry: the rollup's batches posted to L1
                    { key: "batches", glyph: "\u25A4", text: qsTr("Batches") },
                    { key: "activity", glyph: "\u2630", text: qsTr("Activity") },
                    { key: "accounts", glyph: "\u25CE", text: qsTr("Accounts") },
                    { key: "settings", glyph: "\u2699", text: qsTr("Settings") }
                ]
                onActivated: index => d.page = index
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0
                NotificationBar {
                    Layout.fillWidth: true
                    onOpenPage: target => root.showPage(target)
                }
                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    StackLayout {
                        objectName: "pageStack"
                        anchors.fill: parent
                        currentIndex: d.page // qmllint disable unqualified
                        // In rail order (pageKeys).
                        // qmllint disable unqualified
                        LazyPage {
                            shown: root.pageKeys[d.page] === "overview"
                            sourceComponent: Component { OverviewPage { onNavigate: key => root.showPage(key) } }
                        }
                        LazyPage {
                            shown: root.pageKeys[d.page] === "send"
                            sourceComponent: Component { SendReceivePage { startOnReceive: AppContext.initialPage === "receive" } }
                        }
                        LazyPage {
                            shown: root.pageKeys[d.page] === "bridge"
                            sourceComponent: Component { BridgePage {} }
                        }
                        LazyPage {
                            shown: root.pageKeys[d.page] === "channels"
                            sourceComponent: Component { ChannelsPage {} }
                        }
                        LazyPage {
                            shown: root.pageKeys[d.page] === "batches"
                            sourceComponent: Component { BatchesPage { showDetailFirst: AppContext.initialPage === "batch" } }
                        }
                        LazyPage {
                            shown: root.pageKeys[d.page] === "activity"
                            sourceComponent: Component { ActivityPage {} }
                        }
                        LazyPage {
                            shown: root.pageKeys[d.page] === "accounts"
                            sourceComponent: Component { AccountsPage {} }
                        }
                        LazyPage {
                            shown: root.pageKeys[d.page] === "settings"
                            sourceComponent: Component { SettingsPage {} }
                        }
                        // qmllint enable unqualified
                    }
                    // Until the network is there, every page but Settings and Accounts waits for it.
                    StartupView {
                        objectName: "startupView"
                        anchors.fill: parent
                        visible: !WalletSession.ready && d.page < root.pageKeys.indexOf("accounts") // qmllint disable unqualified
                        onOpenSettings: root.showPage("settings") // qmllint disable unqualified
                    }
                }
            }
        }
    }
}
