// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Sluice

// The send and bridge forms typed into like a user would, over the real SendController and
// BridgeController (no network: the rules that need none). Every message comes from C++ and
// the page shows exactly that message; the actions stay disabled while the input is wrong.
Item {
    id: stage

    width: 1000
    height: 800

TestCase {
    id: testCase

    name: "Forms"
    when: windowShown

    // anvil's second account, EIP-55, and the same with one letter's case flipped.
    readonly property string goodAddress: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
    readonly property string badChecksum: "0x70997970c51812dc3A010C7d01b50e0d17dc79C8"

    Component { id: sendComponent; SendForm { width: 800 } }
    Component {
        id: bridgeControllerComponent
        BridgeController {
            bridge: AppContext.bridge
            session: WalletSession
            wallet: AppContext.wallet
            l1: AppContext.l1
            l2: AppContext.l2
        }
    }
    Component { id: bridgeFormComponent; BridgeForm { width: 800 } }

    function child(item, name) {
        const found = findChild(item, name);
        verify(found, name + " exists");
        return found;
    }
    function typeInto(item, name, text) {
        const input = child(item, name);
        input.forceActiveFocus();
        input.selectAll();
        keyClick(Qt.Key_Delete);
        // Typed one key at a time: textEdited fires as it does for a user.
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
        compare(input.text, text, "typed into " + name);
        return input;
    }

    function test_send_recipient_messages_come_from_cpp() {
        const form = createTemporaryObject(sendComponent, stage);
        waitForRendering(form);
        const send = form.controller;
        const message = child(form, "recipientMessage");

        typeInto(form, "recipientInput", "0x1234");
        verify(send.recipientError.length > 0, "short address refused");
        compare(message.text, send.recipientError, "the page shows C++'s message");
        verify(message.visible);

        typeInto(form, "recipientInput", badChecksum);
        verify(send.recipientError.length > 0, "a wrong EIP-55 checksum is refused");
        verify(send.recipientError.toLowerCase().indexOf("checksum") >= 0, send.recipientError);
        compare(message.text, send.recipientError);

        typeInto(form, "recipientInput", goodAddress);
        compare(send.recipientError, "", "a correct checksum is accepted");
        verify(!message.visible, "no message when fine");
        typeInto(form, "recipientInput", goodAddress.toLowerCase());
        compare(send.recipientError, "", "all-lowercase carries no checksum and is accepted");
    }

    function test_send_amount_messages_and_review_gate() {
        const form = createTemporaryObject(sendComponent, stage);
        waitForRendering(form);
        const send = form.controller;
        const review = child(form, "reviewButton");
        typeInto(form, "recipientInput", goodAddress);

        for (const bad of ["abc", "0", "-1", "1.0000000000000000001", "1e3"]) {
            typeInto(form, "amountInput", bad);
            verify(send.amountError.length > 0, "refused: " + bad);
            compare(child(form, "amountMessage").text, send.amountError, "shown: " + bad);
            verify(!review.enabled, "no review with amount " + bad);
        }
        typeInto(form, "amountInput", "0.5");
        compare(send.amountError, "", "0.5 is a fine amount");
        compare(send.amount, "0.5");
        // No node answers in this suite, so the balance is unknown and Max must be off.
        compare(send.balance, "", "no balance without a node");
        verify(!child(form, "maxButton").enabled, "Max needs a known balance");
    }

    function test_send_layer_switch_sets_the_controller() {
        const form = createTemporaryObject(sendComponent, stage);
        waitForRendering(form);
        mouseClick(child(form, "layer_l1"));
        compare(form.controller.layer, SendController.L1);
        mouseClick(child(form, "layer_l2"));
        compare(form.controller.layer, SendController.L2);
    }

    function test_bridge_form_messages_and_direction() {
        const bridge = createTemporaryObject(bridgeControllerComponent, testCase);
        const form = createTemporaryObject(bridgeFormComponent, stage, { controller: bridge });
        waitForRendering(form);
        verify(child(form, "bridgeRecipient").visible, "deposits may name an L2 recipient");
        typeInto(form, "bridgeRecipientInput", badChecksum);
        verify(bridge.recipientError.length > 0);
        compare(child(form, "bridgeRecipientMessage").text, bridge.recipientError);

        typeInto(form, "bridgeAmountInput", "lots");
        verify(bridge.amountError.length > 0);
        compare(child(form, "bridgeAmountMessage").text, bridge.amountError);
        verify(!child(form, "bridgeSubmitButton").enabled);

        mouseClick(child(form, "withdrawTab"));
        compare(bridge.direction, BridgeController.Withdraw);
        waitForRendering(form);  // the withdraw rows are laid out before anyone can click them
        verify(!child(form, "bridgeRecipient").visible, "a withdrawal always pays the sender's L1 address");
        compare(child(form, "bridgeSubmitButton").text, "Withdraw");
        // Forced inclusion: "Send through L1" sets the controller and explains the delay.
        const throughL1 = child(form, "bridgeThroughL1");
        verify(throughL1.visible && !bridge.throughL1);
        mouseClick(throughL1);
        verify(bridge.throughL1, "the check box drives BridgeController.throughL1");
        mouseClick(throughL1);
        verify(!bridge.throughL1);
        mouseClick(child(form, "depositTab"));
        compare(bridge.direction, BridgeController.Deposit);
        waitForRendering(form);
        verify(!child(form, "bridgeThroughL1").visible, "deposits always go through L1");
    }
}
}
