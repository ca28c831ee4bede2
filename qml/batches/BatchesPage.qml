// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sluice

// Every batch the proposer posted to L1, live, each re-executed by this wallet from L1 data; a
// banner when this wallet found fraud, with the action that proves it on L1.
PageScaffold {
    id: root

    // Screenshot mode: open the newest batch's detail once the list is there.
    property bool showDetailFirst: false

    title: qsTr("Batches")
    //: %1 is the challenge period, e.g. "1m 0s"
    subtitle: qsTr("State commitments posted to Ethereum. Each one can be challenged for %1; this wallet re-executes every batch itself.")
              .arg(WalletSession.challengePeriod.length > 0 ? WalletSession.challengePeriod : "\u2026")
    busy: batches.loading

    BatchesModel {
        id: batches
        session: WalletSession
        wallet: AppContext.wallet
        verification: AppContext.verification
        onCountChanged: if (root.showDetailFirst && count > 0 && !detail.shownOnce) d.openFirst()
    }

    QtObject {
        id: d
        function openFirst() {
            detail.show(batches.data(batches.index(0, 0), BatchesModel.KeyRole));
        }
    }

    FraudBanner {
        model: batches
    }

    Card {
        Layout.fillWidth: true
        padding: 0
        topPadding: Theme.spacingSmall
        bottomPadding: Theme.spacingSmall

        ColumnLayout {
            width: parent.width
            spacing: 0
            BatchHeaderRow {
                compact: list.compact
            }
            ListView {
                id: list
                objectName: "batchList"
                // The card has no side padding, so the list is as wide as the page's column.
                readonly property bool compact: root.columnWidth < BatchColumns.fullWidth
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(contentHeight, 9 * 56)
                clip: true
                model: batches
                interactive: contentHeight > height
                boundsBehavior: Flickable.StopAtBounds
                keyNavigationEnabled: true
                activeFocusOnTab: true
                reuseItems: true
                ScrollBar.vertical: ScrollBar {}
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Batches")
                delegate: BatchDelegate {
                    compact: list.compact
                    onOpenRequested: key => detail.show(key)
                }
                Keys.onReturnPressed: if (currentItem) detail.show((currentItem as BatchDelegate).key)
            }
            Label {
                objectName: "noBatches"
                visible: batches.count === 0
                Layout.fillWidth: true
                Layout.margins: Theme.spacingLarge
                horizontalAlignment: Text.AlignHCenter
                text: batches.loading ? qsTr("Loading batches\u2026") : qsTr("No batches posted yet. The node posts one after the first L2 transactions.")
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
        }
    }

    BatchDetailDialog {
        id: detail
        model: batches
    }
}
