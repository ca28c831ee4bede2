// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtTest
import Sluice

// Layout rules that are easy to break and hard to see: the warning notice wraps its text without
// a polish loop, and the Batches page's captions sit exactly over their cells.
Item {
    id: stage

    width: 1000
    height: 700

TestCase {
    id: testCase

    name: "Layout"
    when: windowShown

    Component {
        id: noticeComponent
        ColumnLayout {
            width: 600
            spacing: 8
            Notice {
                title: "Write this down now"
                text: "Anyone who sees these words can take your funds. Never type them into a website or share a photo of them. Sluice cannot recover them for you."
            }
            Label { text: "below" }
        }
    }
    // As in BridgeForm: a card's column whose notice appears when the withdraw tab is chosen.
    Component {
        id: cardComponent
        ColumnLayout {
            property alias notice: cardNotice
            width: 700
            Card {
                Layout.fillWidth: true
                ColumnLayout {
                    width: parent.width
                    spacing: 16
                    Label { Layout.fillWidth: true; text: "Amount"; wrapMode: Text.Wrap }
                    Notice {
                        id: cardNotice
                        visible: false
                        text: "A withdrawal is paid out on L1 only after its batch has passed the challenge period (1m 0s). You then finalize it here; the countdown shows the exact time."
                    }
                    Button { text: "Withdraw" }
                }
            }
        }
    }
    // As in Main.qml: pages in a StackLayout, the one with the notice not shown at first.
    Component {
        id: stackComponent
        StackLayout {
            width: 800
            height: 500
            currentIndex: 0
            Label { text: "first page" }
            ColumnLayout {
                Notice {
                    title: "Write this down now"
                    text: "Anyone who sees these words can take your funds. Never type them into a website or share a photo of them."
                }
            }
        }
    }
    Component {
        id: batchesComponent
        ColumnLayout {
            id: batchColumn
            property bool compact: false
            width: 980
            spacing: 0
            BatchHeaderRow {
                compact: batchColumn.compact
            }
            BatchDelegate {
                compact: batchColumn.compact
                Layout.fillWidth: true
                index: 0
                key: "7:0xabc"
                txCount: 12
                stateRoot: "0x6f1c2b8e5d0a4b3c9e7f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"
                age: "3m 12s ago"
                finalAt: "2026-11-22 10:31:05"
                windowProgress: 0.4
                status: BatchesModel.InWindow
                statusText: "In der Anfechtungsfrist"
                tone: Tone.Info
                verification: BatchesModel.Verified
                verdictText: "von dieser Wallet geprüft"
                windowText: "endgültig 10:31 \u00B7 noch 4 min 10 s"
                verified: true
                fraud: false
            }
        }
    }

    Component {
        id: transferComponent
        TransferDelegate {
            index: 0
            key: "0xabc"
            kind: TransfersModel.Withdrawal
            account: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
            accountName: "Account 1"
            amount: "0.25"
            status: TransfersModel.Ready
            tone: Tone.Success
            statusText: "Bereit zum Abschließen"
            step: 3
            steps: ["Veranlasst", "Eingereicht", "Anfechtungsfrist", "Bereit", "Abgeschlossen"]
            batch: "3"
            finalAt: "2026-11-22 10:31:05"
            countdown: ""
            canFinalize: true
            finalizing: false
            reverted: false
            time: "2026-11-22 10:30"
            l1TxHash: ""
            l2TxHash: "0xabc"
            error: ""
        }
    }

    function child(item, name) {
        const found = findChild(item, name);
        verify(found, name + " exists");
        return found;
    }

    function test_notice_wraps_without_a_polish_loop() {
        failOnWarning(/Polish loop/);
        const column = createTemporaryObject(noticeComponent, stage);
        waitForRendering(column);
        const notice = column.children[0];
        const body = child(notice, "noticeText");
        verify(body.lineCount > 1, "the long text wraps at 600 px");
        verify(notice.height >= body.y + body.height, "the notice grows with its text");
        const wide = notice.height;
        column.width = 320;
        waitForRendering(column);
        verify(notice.height > wide, "narrower: more lines, taller notice");
        verify(notice.height >= child(notice, "noticeText").height + child(notice, "noticeTitle").height);
        column.width = 600;
        waitForRendering(column);
        compare(notice.height, wide, "back to the first width: back to the first height");
    }

    function test_notice_appearing_in_a_card_has_no_polish_loop() {
        failOnWarning(/Polish loop/);
        const column = createTemporaryObject(cardComponent, stage);
        waitForRendering(column);
        const before = column.implicitHeight;
        column.notice.visible = true;
        waitForRendering(column);
        verify(column.notice.height > 40, "the notice has its wrapped height");
        verify(column.implicitHeight > before + 40, "the card grows by the notice");
        column.width = 400;
        waitForRendering(column);
        column.notice.visible = false;
        waitForRendering(column);
        column.notice.visible = true;
        waitForRendering(column);
    }

    function test_notice_on_a_stacked_page_has_no_polish_loop() {
        failOnWarning(/Polish loop/);
        const stack = createTemporaryObject(stackComponent, stage);
        waitForRendering(stack);
        stack.currentIndex = 1;
        waitForRendering(stack);
        stack.width = 500;
        waitForRendering(stack);
        stack.currentIndex = 0;
        waitForRendering(stack);
        stack.width = 0;
        waitForRendering(stack);
        stack.currentIndex = 1;
        stack.width = 700;
        waitForRendering(stack);
        const notice = stack.children[1].children[0];
        verify(notice.height > 40);
    }

    // The tracker beside the bridge form is about 460 px wide: everything stays inside the row.
    function test_transfer_row_fits_a_narrow_tracker_data() {
        return [{ tag: "narrow", width: 460, compact: true }, { tag: "wide", width: 800, compact: false }];
    }
    function test_transfer_row_fits_a_narrow_tracker(data) {
        const row = createTemporaryObject(transferComponent, stage, { width: data.width });
        waitForRendering(row);
        const stepper = child(row, "transferStepper");
        compare(stepper.compact, data.compact);
        compare(child(row, "transferStatus").visible, !data.compact, "the chip gives way to the amount");
        for (const name of ["transferStepper", "finalizeButton", "transferTitle"]) {
            const item = child(row, name);
            const right = item.mapToItem(row, item.width, 0).x;
            verify(right <= row.width, name + " ends inside the row (" + right + " <= " + row.width + ")");
        }
        const title = child(row, "transferTitle");
        verify(!title.truncated, "the amount is never elided");
    }

    // BatchesPage switches to the compact row below BatchColumns.fullWidth: at exactly that width
    // the full row must still fit, and the compact one must fit the page at the window's minimum
    // width (860 - rail - page margins).
    function test_batch_captions_sit_over_their_cells_data() {
        return [{ tag: "wide", width: 980, compact: false },
                { tag: "full row at its threshold", width: BatchColumns.fullWidth, compact: false },
                { tag: "compact", width: 860 - Theme.railWidth - 2 * Theme.spacingLarge, compact: true },
                // The window widened: the hidden columns come back in place.
                { tag: "compact, then full", width: 980, compact: false, wasCompact: true }];
    }
    function test_batch_captions_sit_over_their_cells(data) {
        const column = createTemporaryObject(batchesComponent, stage, { width: data.width, compact: data.wasCompact || data.compact });
        waitForRendering(column);
        if (data.wasCompact) {
            column.compact = false;
            waitForRendering(column);
        }
        const x = item => item.mapToItem(column, 0, 0).x;
        const shown = [["captionNumber", "batchNumber"], ["captionTxs", "batchTxs"],
                       ["captionWindow", "batchWindow"], ["captionStatus", "batchStatusCell"]];
        const optional = [["captionStateRoot", "batchStateRootCell"], ["captionAge", "batchAge"]];
        for (const [caption, cell] of optional) {
            compare(child(column, caption).visible, !data.compact, caption + " shown only in the full row");
            compare(child(column, cell).visible, !data.compact, cell + " shown only in the full row");
        }
        for (const [caption, cell] of data.compact ? shown : shown.concat(optional)) {
            const c = child(column, caption), d = child(column, cell);
            fuzzyCompare(x(c), x(d), 0.5, caption + " starts where " + cell + " starts");
            fuzzyCompare(c.width, d.width, 0.5, caption + " is as wide as " + cell + " (" + x(c) + "+" + c.width + " vs " + x(d) + "+" + d.width + ")");
        }
        // The progress bar fills the "Challenge window" column, the copy button stays inside "State root".
        const bar = child(column, "windowProgress");
        fuzzyCompare(x(bar), x(child(column, "captionWindow")), 0.5);
        if (!data.compact) {
            const copy = child(child(column, "batchStateRootCell"), "copyButton");
            verify(x(copy) + copy.width <= x(child(column, "captionAge")), "the copy icon is left of the Age column");
        }
        // The German status is never cut, and the verdict in words shows whole beside its mark
        // (both wrap inside the status column rather than being elided).
        const chip = child(column, "batchStatus");
        verify(chip.width >= chip.implicitWidth - 0.5, "the status chip has room for its whole text (" + chip.width + " of " + chip.implicitWidth + ")");
        const mark = child(column, "verifiedMark");
        const verdict = child(column, "verdictText");
        verify(x(mark) + mark.width <= x(verdict), "the verdict mark stands before its words");
        verify(x(verdict) + verdict.width <= column.width + 0.5, "the verdict is inside the row");
        verify(!verdict.truncated && verdict.text === "von dieser Wallet geprüft");
        const windowText = child(column, "windowText");
        verify(!windowText.truncated && windowText.text.indexOf("noch") > 0, "final time and time left, like the bridge");
    }
}
}
