// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sluice

// One history across L1 and L2 with filter chips, and CSV export of what is shown.
PageScaffold {
    id: root

    property alias model: activity
    property alias list: list

    title: qsTr("Activity")
    subtitle: activity.count === activity.totalCount
              //: %1 is the number of entries
              ? qsTr("Everything on Ethereum (L1) and Sluice (L2): %1 entries").arg(activity.totalCount)
              //: %1 shown entries, %2 all entries
              : qsTr("%1 of %2 entries shown").arg(activity.count).arg(activity.totalCount)
    busy: activity.loading || activity.exporting
    scrollable: false

    actions: [
        Button {
            objectName: "exportCsvButton"
            text: qsTr("Export CSV\u2026")
            enabled: !activity.exporting && activity.count > 0
            onClicked: exportDialog.open()
        }
    ]

    ActivityModel {
        id: activity
        journal: AppContext.activity
        onExportFinished: (path, error) => exportTip.show(error.length > 0 ? error : qsTr("Saved %1").arg(path), 3500)
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingSmall
        Repeater {
            model: [
                { group: "layer", value: "", text: qsTr("All networks") },
                { group: "layer", value: "l1", text: qsTr("L1") },
                { group: "layer", value: "l2", text: qsTr("L2") }
            ]
            delegate: FilterChip {
                required property var modelData
                objectName: "filter_layer_" + (modelData.value.length > 0 ? modelData.value : "all")
                text: modelData.text
                checked: activity.layerFilter === modelData.value
                onClicked: activity.layerFilter = modelData.value
            }
        }
        Rectangle { width: 1; height: 32; color: Theme.divider }
        Repeater {
            model: [
                { value: "", text: qsTr("All kinds") },
                { value: "send", text: qsTr("Sent") },
                { value: "receive", text: qsTr("Received") },
                { value: "deposit", text: qsTr("Deposits") },
                { value: "withdrawal", text: qsTr("Withdrawals") },
                { value: "channel", text: qsTr("Channels") }
            ]
            delegate: FilterChip {
                required property var modelData
                objectName: "filter_kind_" + (modelData.value.length > 0 ? modelData.value : "all")
                text: modelData.text
                checked: activity.kindFilter === modelData.value
                onClicked: activity.kindFilter = modelData.value
            }
        }
    }

    Card {
        Layout.fillWidth: true
        Layout.fillHeight: true
        padding: 0
        topPadding: 4
        bottomPadding: 4

        ListView {
            id: list
            objectName: "activityList"
            anchors.fill: parent
            clip: true
            model: activity
            reuseItems: true
            boundsBehavior: Flickable.StopAtBounds
            keyNavigationEnabled: true
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Activity")
            ScrollBar.vertical: ScrollBar {}
            delegate: ActivityDelegate {
                id: row
                onClicked: detail.show(row)
                Keys.onReturnPressed: detail.show(row)
            }

            Label {
                objectName: "noActivity"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingLarge
                horizontalAlignment: Text.AlignHCenter
                visible: list.count === 0
                text: activity.totalCount === 0 ? qsTr("Nothing yet. Payments, deposits and withdrawals appear here as they happen.")
                                                : qsTr("Nothing matches these filters.")
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
        }
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Export activity as CSV")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: activity.exportCsv(selectedFile)
    }

    ToolTip {
        id: exportTip
        x: (root.width - width) / 2
        y: root.height - height - Theme.spacingLarge
    }

    ActivityDetailDialog {
        id: detail
    }
}
