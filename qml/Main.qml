// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Sluice

// The window: onboarding until there is a wallet, the unlock screen while it is locked, and the
// account and settings pages once it is open.
ApplicationWindow {
    id: root

    width: 1100
    height: 720
    minimumWidth: 760
    minimumHeight: 560
    visible: true
    title: qsTr("Sluice")

    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.primary
    Material.background: Theme.background
    Material.foreground: Theme.textPrimary

    QtObject {
        id: d
        readonly property string screen: !AppContext.ready ? "loading"
                                        : AppContext.unlocked ? "main"
                                        : AppContext.walletExists ? "unlock"
                                        : "onboarding"
    }

    header: AppHeader {
        id: header
        navigationVisible: d.screen === "main"
        currentIndex: AppContext.initialPage === "settings" ? 1 : 0
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
    Component {
        id: mainScreen
        StackLayout {
            currentIndex: header.currentIndex
            AccountsPage {}
            SettingsPage {}
        }
    }
}
