// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sluice

// Payment channels with the network's hub: open one, pay and receive over it instantly, and close
// it (together with the hub, or alone with a dispute period). The hub's terms come from the hub
// and the contract; the list stays live as payments land.
PageScaffold {
    id: root

    title: qsTr("Channels")
    //: %1 the dispute period read from the contract through the hub, e.g. "1h 0m 0s"
    subtitle: channels.disputePeriod.length > 0
              ? qsTr("Payments over a channel are instant and cost no gas. Closing without the hub takes the %1 dispute period.").arg(channels.disputePeriod)
              : qsTr("Payments over a channel are instant and cost no gas.")
    busy: channels.busy

    ChannelsController {
        id: channels
        session: WalletSession
        wallet: AppContext.wallet
        channels: AppContext.channels
        account: picker.key
    }

    TransactionReviewDialog { review: channels.review }

    Notice {
        objectName: "channelsUnavailable"
        Layout.fillWidth: true
        visible: !channels.ready && AppContext.channels.unavailable.length > 0
        text: AppContext.channels.unavailable
    }

    GridLayout {
        id: columns
        Layout.fillWidth: true
        visible: channels.ready
        columns: root.width >= 900 ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: columns.columns === 1
            Layout.preferredWidth: columns.columns === 1 ? -1 : 400
            Layout.maximumWidth: columns.columns === 1 ? Infinity : 400
            spacing: Theme.spacing

            SectionCard {
                objectName: "openCard"
                Layout.fillWidth: true
                heading: qsTr("Open a channel")
                explanation: channels.hubTerms
                AccountPicker {
                    id: picker
                    objectName: "channelsAccount"
                    Layout.fillWidth: true
                    label: qsTr("Account")
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    LabeledField {
                        objectName: "channelAmount"
                        Layout.preferredWidth: 1
                        Layout.fillWidth: true
                        label: qsTr("Your deposit (ETH)")
                        placeholderText: "0.0"
                        error: channels.amountError
                        text: channels.amount
                        field.inputMethodHints: Qt.ImhFormattedNumbersOnly
                        onEdited: channels.amount = field.text
                    }
                    LabeledField {
                        objectName: "channelHubAmount"
                        Layout.preferredWidth: 1
                        Layout.fillWidth: true
                        label: qsTr("The hub's side (ETH)")
                        placeholderText: "0"
                        error: channels.hubAmountError
                        text: channels.hubAmount
                        field.inputMethodHints: Qt.ImhFormattedNumbersOnly
                        onEdited: channels.hubAmount = field.text
                    }
                }
                PrimaryButton {
                    objectName: "channelOpenButton"
                    Layout.alignment: Qt.AlignRight
                    text: qsTr("Review and open")
                    enabled: channels.canOpen
                    onClicked: channels.open()
                }
            }

            SectionCard {
                objectName: "payInvoiceCard"
                Layout.fillWidth: true
                heading: qsTr("Pay an invoice")
                explanation: qsTr("Paste an invoice (it starts with sluice1) or read it from a picture of its QR code; the hub forwards the payment to its payee.")
                LabeledField {
                    objectName: "invoiceToPay"
                    Layout.fillWidth: true
                    label: qsTr("Invoice")
                    placeholderText: "sluice1\u2026"
                    monospace: true
                    text: channels.invoice
                    hint: channels.canPayInvoice ? channels.invoiceSummary : ""
                    error: channels.canPayInvoice ? "" : channels.invoiceSummary
                    onEdited: channels.invoice = field.text
                    Button {
                        objectName: "readInvoiceImageButton"
                        //: Opens a file dialog to pick a picture (a screenshot, a photo) of an invoice's QR code
                        text: qsTr("From QR image\u2026")
                        flat: true
                        Accessible.name: qsTr("Read the invoice from a picture of its QR code")
                        onClicked: qrImageDialog.open()
                    }
                }
                PrimaryButton {
                    objectName: "payInvoiceButton"
                    Layout.alignment: Qt.AlignRight
                    text: qsTr("Pay invoice")
                    enabled: channels.canPayInvoice
                    onClicked: channels.payInvoice()
                }
            }

            SectionCard {
                objectName: "receiveCard"
                Layout.fillWidth: true
                heading: qsTr("Receive")
                explanation: qsTr("Make an invoice and give it to the payer, as text or as the QR code.")
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    LabeledField {
                        objectName: "receiveAmount"
                        Layout.fillWidth: true
                        label: qsTr("Amount (ETH)")
                        placeholderText: "0.0"
                        error: channels.receiveAmountError
                        text: channels.receiveAmount
                        field.inputMethodHints: Qt.ImhFormattedNumbersOnly
                        onEdited: channels.receiveAmount = field.text
                    }
                    PrimaryButton {
                        objectName: "createInvoiceButton"
                        Layout.alignment: Qt.AlignBottom
                        text: qsTr("Create invoice")
                        enabled: !channels.busy && !channels.awaitingInvoice && channels.receiveAmount.length > 0 && channels.receiveAmountError.length === 0
                        onClicked: channels.createInvoice()
                    }
                }
                Image {
                    objectName: "invoiceQr"
                    Layout.alignment: Qt.AlignHCenter
                    visible: channels.createdInvoiceQr.length > 0
                    source: channels.createdInvoiceQr
                    Layout.preferredWidth: 200
                    Layout.preferredHeight: 200
                    fillMode: Image.PreserveAspectFit
                    smooth: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("QR code of the invoice")
                }
                TextArea {
                    objectName: "createdInvoice"
                    Layout.fillWidth: true
                    visible: channels.createdInvoice.length > 0
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.WrapAnywhere
                    text: channels.createdInvoice
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontSmall
                    Accessible.name: qsTr("Invoice text")
                }
                Label {
                    objectName: "receiveStatus"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    wrapMode: Text.Wrap
                    text: channels.receiveStatus
                    color: Theme.textSecondary
                }
            }
        }

        SectionCard {
            objectName: "channelList"
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            heading: qsTr("Your channels")
            explanation: channels.watchtower

            ErrorLabel {
                objectName: "channelsError"
                text: channels.error
            }
            Label {
                objectName: "channelsMessage"
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.Wrap
                text: channels.message
                color: Theme.success
            }
            Label {
                objectName: "channelsProblem"
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.Wrap
                //: %1 an error message from the hub or L1
                text: AppContext.channels.problem.length > 0 ? qsTr("Could not bring the channels up to date: %1").arg(AppContext.channels.problem) : ""
                color: Theme.warningFg
            }
            Label {
                objectName: "noChannels"
                visible: channels.model.count === 0
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                Layout.bottomMargin: Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("No channels yet.")
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
            Repeater {
                model: channels.model
                delegate: ChannelDelegate {
                    Layout.fillWidth: true
                    busy: channels.busy
                    onPayRequested: (id, amount) => { channels.payAmount = amount; channels.pay(id); }
                    onCloseRequested: id => channels.cooperativeClose(id)
                    onForceCloseRequested: id => channels.forceClose(id)
                    onSettleRequested: id => channels.settle(id)
                }
            }
        }
    }

    FileDialog {
        id: qrImageDialog
        title: qsTr("Choose a picture of the invoice's QR code")
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.bmp *.gif)"), qsTr("All files (*)")]
        onAccepted: channels.readInvoiceImage(selectedFile)
    }
}
