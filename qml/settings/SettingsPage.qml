// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Network (the bundled local stack or custom endpoints), language, theme and locking.
PageScaffold {
    id: root

    title: qsTr("Settings")

    SettingsController {
        id: settings
        settings: AppContext.settings
        app: AppContext
        session: WalletSession
        onSaved: savedTip.show(qsTr("Saved."), 2500)
    }

    NetworkSettingsCard {
        settings: settings
    }

    SettingRow {
        heading: qsTr("Language")
        explanation: qsTr("Changes the language at once, no restart needed.")
        ComboBox {
            id: languageBox
            objectName: "languageBox"
            Layout.preferredWidth: 220
            model: settings.languages
            textRole: "text"
            valueRole: "value"
            Accessible.name: qsTr("Language")
            Component.onCompleted: currentIndex = indexOfValue(settings.language)
            onActivated: settings.setLanguage(currentValue)
            Connections {
                target: settings
                function onLanguageChanged() {
                    languageBox.currentIndex = languageBox.indexOfValue(settings.language);
                }
            }
        }
    }

    SettingRow {
        //: Setting: light or dark colours
        heading: qsTr("Theme")
        explanation: qsTr("Light, dark, or as the desktop is set.")
        ComboBox {
            id: themeBox
            objectName: "themeBox"
            Layout.preferredWidth: 220
            model: settings.themes
            textRole: "text"
            valueRole: "value"
            Accessible.name: qsTr("Theme")
            Component.onCompleted: currentIndex = indexOfValue(settings.theme)
            onActivated: settings.setTheme(currentValue)
            Connections {
                target: settings
                function onThemeChanged() { themeBox.currentIndex = themeBox.indexOfValue(settings.theme); }
                function onLanguageChanged() { themeBox.currentIndex = themeBox.indexOfValue(settings.theme); }
            }
        }
    }

    SettingRow {
        heading: qsTr("Security")
        explanation: qsTr("Locking wipes the decrypted keys from memory. You will need your password to continue.")
        note: qsTr("Wallet folder: %1").arg(settings.dataDir)
        ColumnLayout {
            spacing: Theme.spacingSmall
            ComboBox {
                id: autoLockBox
                objectName: "autoLockBox"
                Layout.preferredWidth: 220
                model: settings.autoLockChoices
                textRole: "text"
                valueRole: "value"
                //: Label of the choice of minutes without input after which the wallet locks
                Accessible.name: qsTr("Lock automatically after")
                Component.onCompleted: currentIndex = indexOfValue(settings.autoLockMinutes)
                onActivated: settings.setAutoLockMinutes(currentValue)
                Connections {
                    target: settings
                    function onAutoLockChanged() { autoLockBox.currentIndex = autoLockBox.indexOfValue(settings.autoLockMinutes); }
                    function onLanguageChanged() { autoLockBox.currentIndex = autoLockBox.indexOfValue(settings.autoLockMinutes); }
                }
            }
            Button {
                objectName: "lockButton"
                Layout.alignment: Qt.AlignRight
                text: qsTr("Lock now")
                onClicked: AppContext.lock()
            }
        }
    }

    ToolTip {
        id: savedTip
        x: (root.width - width) / 2
        y: root.height - height - Theme.spacingLarge
    }
}
