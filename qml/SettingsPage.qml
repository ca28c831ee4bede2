// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Network endpoint, language and locking.
Page {
    id: root

    background: Rectangle { color: Theme.background }

    SettingsController {
        id: settings
        onSaved: savedTip.show(qsTr("Saved. Connecting to the new endpoint\u2026"), 2500)
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacingLarge
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            y: Theme.spacingLarge + 4
            x: Math.max(Theme.spacingLarge, (root.width - width) / 2)
            width: Math.min(Theme.pageWidth, root.width - 2 * Theme.spacingLarge)
            spacing: Theme.spacing

            Label {
                text: qsTr("Settings")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.textPrimary
                Accessible.role: Accessible.Heading
            }

            Card {
                Layout.fillWidth: true
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingSmall
                    Label {
                        text: qsTr("Ethereum (L1) node")
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.textPrimary
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("The JSON-RPC endpoint Sluice reads balances and new blocks from: http(s) or ws(s). A local anvil listens on http://127.0.0.1:8545.")
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingSmall
                        spacing: Theme.spacingSmall
                        TextField {
                            id: rpcField
                            objectName: "rpcField"
                            Layout.fillWidth: true
                            text: settings.l1RpcUrl
                            font.family: Theme.monoFamily
                            selectByMouse: true
                            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                            placeholderText: "http://127.0.0.1:8545"
                            Accessible.name: qsTr("L1 RPC URL")
                            onTextEdited: settings.clearRpcError()
                            onAccepted: settings.applyL1RpcUrl(text)
                        }
                        PrimaryButton {
                            objectName: "applyRpcButton"
                            text: qsTr("Apply")
                            enabled: rpcField.text.trim() !== settings.l1RpcUrl
                            onClicked: settings.applyL1RpcUrl(rpcField.text)
                        }
                    }
                    ErrorLabel {
                        objectName: "rpcError"
                        text: settings.rpcError
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                RowLayout {
                    width: parent.width
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: qsTr("Language")
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.DemiBold
                            color: Theme.textPrimary
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Changes the language at once, no restart needed.")
                            color: Theme.textSecondary
                            wrapMode: Text.Wrap
                        }
                    }
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
            }

            Card {
                Layout.fillWidth: true
                RowLayout {
                    width: parent.width
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: qsTr("Security")
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.DemiBold
                            color: Theme.textPrimary
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Locking wipes the decrypted keys from memory. You will need your password to continue.")
                            color: Theme.textSecondary
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            //: %1 is a folder path
                            text: qsTr("Wallet folder: %1").arg(settings.dataDir)
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideMiddle
                        }
                    }
                    Button {
                        objectName: "lockButton"
                        text: qsTr("Lock now")
                        onClicked: AppContext.lock()
                    }
                }
            }
        }
    }

    ToolTip {
        id: savedTip
        x: (root.width - width) / 2
        y: root.height - height - Theme.spacingLarge
    }
}
