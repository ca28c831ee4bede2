// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Sluice

// The bridge UI's building blocks on their own: the lifecycle stepper, the transfer row (finalize
// enabled exactly when the model says so, reverted batches stated), the field that shows C++'s
// message, the theme's two palettes, the rail's keyboard navigation.
Item {
    id: stage

    width: 1000
    height: 700

TestCase {
    id: testCase

    name: "Components"
    when: windowShown

    readonly property var withdrawalSteps: ["initiated", "posted", "in challenge window", "ready to finalize", "finalized"]

    Component { id: stepperComponent; StatusStepper { width: 800 } }
    Component { id: fieldComponent; LabeledField { width: 400; objectName: "amount"; label: "Amount" } }
    Component { id: railComponent; NavRail { height: 400; pages: [{ key: "a", glyph: "A", text: "First" }, { key: "b", glyph: "B", text: "Second" }, { key: "c", glyph: "C", text: "Third" }] } }
    Component { id: chipComponent; StatusChip {} }
    Component { id: statusBarComponent; StatusBar { width: 900 } }
    Component { id: spyComponent; SignalSpy {} }
    Component {
        id: transferComponent
        TransferDelegate {
            width: 800
            index: 0
            key: "0xabc"
            kind: TransfersModel.Withdrawal
            account: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
            accountName: "Account 1"
            amount: "0.25"
            status: TransfersModel.InWindow
            tone: Tone.Warning
            statusText: "in challenge window"
            step: 2
            steps: testCase.withdrawalSteps
            batch: "3"
            finalAt: "2026-11-22 10:31:05"
            countdown: "42s"
            canFinalize: false
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
    function dots(stepper) {
        const result = [];
        for (let i = 0; i < stepper.steps.length; ++i)
            result.push(child(child(stepper, "step" + i), "stepDot"));
        return result;
    }

    function test_stepper_marks_done_active_and_pending() {
        const stepper = createTemporaryObject(stepperComponent, stage, { steps: withdrawalSteps, current: 2 });
        waitForRendering(stepper);
        const d = dots(stepper);
        compare(d.length, 5);
        compare(Qt.colorEqual(d[0].color, Theme.success), true, "step 0 done");
        compare(Qt.colorEqual(d[1].color, Theme.success), true, "step 1 done");
        compare(Qt.colorEqual(d[2].color, Theme.primary), true, "step 2 active");
        compare(Qt.colorEqual(d[3].color, "transparent"), true, "step 3 to come");
        compare(stepper.Accessible.name, "in challenge window");
    }

    function test_stepper_shows_failure_and_completion() {
        const stepper = createTemporaryObject(stepperComponent, stage, { steps: withdrawalSteps, current: 1, failed: true });
        waitForRendering(stepper);
        compare(Qt.colorEqual(dots(stepper)[1].color, Theme.error), true, "failed step is red, not hidden");
        stepper.failed = false;
        stepper.current = 4;
        stepper.complete = true;
        const d = dots(stepper);
        for (let i = 0; i < 5; ++i)
            compare(Qt.colorEqual(d[i].color, Theme.success), true, "all done when complete: " + i);
    }

    function test_finalize_enabled_only_when_the_model_allows() {
        const row = createTemporaryObject(transferComponent, stage);
        waitForRendering(row);
        const button = child(row, "finalizeButton");
        const spy = createTemporaryObject(spyComponent, testCase, { target: row, signalName: "finalizeRequested" });
        verify(!button.enabled, "disabled while in the window");
        mouseClick(button);
        compare(spy.count, 0, "a click on a disabled Finalize does nothing");
        compare(child(row, "countdown").text, "42s left");
        compare(child(row, "finalAt").text, "Final at 2026-11-22 10:31:05");

        row.status = TransfersModel.Ready;
        row.step = 3;
        row.countdown = "";
        row.canFinalize = true;
        verify(button.enabled, "enabled once ready");
        verify(!child(row, "countdown").visible);
        mouseClick(button);
        compare(spy.count, 1);
        compare(spy.signalArguments[0][0], "0xabc", "the row's key is sent, not its data");

        row.finalizing = true;
        verify(!button.enabled, "disabled while the finalize transaction is in flight");
        row.finalizing = false;
        row.status = TransfersModel.Finalized;
        row.canFinalize = false;
        verify(!button.visible, "no button once finalized");
    }

    function test_reverted_batch_is_shown_not_hidden() {
        const row = createTemporaryObject(transferComponent, stage,
                                          { status: TransfersModel.BatchReverted, tone: Tone.Error, statusText: "batch reverted", step: 1, reverted: true, countdown: "", finalAt: "" });
        waitForRendering(row);
        const note = child(row, "revertedNote");
        verify(note.visible);
        verify(note.text.indexOf("reverted") >= 0, note.text);
        compare(child(row, "transferStatus").tone, Tone.Error);
        verify(child(row, "transferStepper").failed);
        verify(!child(row, "finalizeButton").enabled);
        compare(child(row, "finalAt").text, "Final time known once the batch is on L1");
    }

    function test_field_shows_the_message_it_is_given() {
        const field = createTemporaryObject(fieldComponent, stage, { hint: "Available: 1 ETH" });
        const message = child(field, "amountMessage");
        compare(message.text, "Available: 1 ETH");
        compare(Qt.colorEqual(message.color, Theme.textSecondary), true);
        field.error = "Not enough funds";
        compare(message.text, "Not enough funds", "the error replaces the hint");
        compare(Qt.colorEqual(message.color, Theme.error), true);
        compare(child(field, "amountInput").Accessible.description, "Not enough funds");
    }

    // Issue 11, item 12: before the bundled local stack is started, its L1 not answering is what
    // the bar says, in a neutral colour, not a red "L1 node unreachable". (This suite never starts
    // a stack and points L1 at the discard port, so the L1 is really unreachable here.)
    function test_status_bar_before_the_local_stack_starts() {
        compare(WalletSession.networkMode, "local");
        compare(WalletSession.state, WalletSession.Idle);
        tryCompare(AppContext.l1, "state", ChainStore.Unreachable, 10000);
        compare(AppContext.l2.state, ChainStore.Disconnected);
        const bar = createTemporaryObject(statusBarComponent, stage);
        compare(child(bar, "networkName").text, "Local network not started");
        for (const layer of ["L1", "L2"]) {
            compare(child(bar, layer + "State").text, layer + " not connected yet");
            verify(!Qt.colorEqual(child(bar, layer + "State").color, Theme.error));
            verify(Qt.colorEqual(child(bar, layer + "Dot").color, Theme.pending));
        }
        compare(child(bar, "connectionProblem").text, "", "no node error before the stack was asked to start");
        compare(child(bar, "verifierState").text, "Verifier waiting for the network");
    }

    // Issue 11, item 8: a headline amount is grouped and short, never cut silently, exact on hover.
    Component { id: statTileComponent; StatTile { width: 260; caption: "On L1"; amount: "29990.991718286398849481" } }
    function test_stat_tile_shows_a_readable_amount_and_keeps_the_exact_one() {
        const tile = createTemporaryObject(statTileComponent, stage);
        const value = child(tile, "statValue");
        compare(value.text, "29,990.991718\u2026 ETH");
        compare(value.ToolTip.text, "29990.991718286398849481 ETH");
        compare(tile.Accessible.name, "On L1: 29990.991718286398849481 ETH");
        verify(!value.truncated, "no digit elided");
        tile.amount = "";
        compare(value.text, "\u2014");
    }

    function test_theme_has_two_palettes() {
        const was = Theme.dark;
        Theme.dark = false;
        const lightBg = String(Theme.background);
        const lightText = String(Theme.textPrimary);
        Theme.dark = true;
        verify(!Qt.colorEqual(Theme.background, lightBg), "background changes");
        verify(!Qt.colorEqual(Theme.textPrimary, lightText), "text changes");
        verify(Theme.background.hslLightness < 0.2 && Theme.textPrimary.hslLightness > 0.8, "dark is dark, text light");
        const chip = createTemporaryObject(chipComponent, stage, { text: "fraud", tone: Tone.Error });
        compare(Qt.colorEqual(chip.color, Theme.errorBg), true, "chips follow the palette");
        Theme.dark = was;
    }

    function test_elided_chip_shows_its_text_on_hover() {
        const chip = createTemporaryObject(chipComponent, stage, { text: "In der Anfechtungsfrist, von dieser Wallet geprüft", width: 120 });
        waitForRendering(chip);
        verify(!chip.ToolTip.visible, "no tooltip before hovering");
        mouseMove(chip, chip.width / 2, chip.height / 2);
        tryVerify(() => chip.ToolTip.visible, 3000, "an elided chip shows its whole text on hover");
        compare(chip.ToolTip.text, chip.text);
        mouseMove(stage, 0, stage.height - 1);
        const wide = createTemporaryObject(chipComponent, stage, { text: "Final", x: 300 });
        waitForRendering(wide);
        mouseMove(wide, wide.width / 2, wide.height / 2);
        wait(600);
        verify(!wide.ToolTip.visible, "a chip that shows all its text needs none");
    }

    function test_rail_keyboard_navigation() {
        const rail = createTemporaryObject(railComponent, stage);
        const spy = createTemporaryObject(spyComponent, testCase, { target: rail, signalName: "activated" });
        rail.activated.connect(index => rail.currentIndex = index);
        waitForRendering(rail);
        const list = child(rail, "navList");
        list.forceActiveFocus();
        keyClick(Qt.Key_Down);
        compare(rail.currentIndex, 1, "Down moves to the next page");
        keyClick(Qt.Key_Down);
        compare(rail.currentIndex, 2);
        keyClick(Qt.Key_Up);
        compare(rail.currentIndex, 1);
        verify(spy.count >= 3);
        mouseClick(child(rail, "nav_c"));
        compare(rail.currentIndex, 2, "a click opens the page");
        compare(child(rail, "nav_c").Accessible.name, "Third");
    }
}
}
