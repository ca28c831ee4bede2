// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Sluice

// The onboarding forms with the real controllers: what they accept and refuse, and the message.
// Pages live in `stage` (a TestCase itself is not visible, so nothing in it could be clicked).
Item {
    id: stage

    width: 800
    height: 700

TestCase {
    id: testCase

    readonly property string validPhrase: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
    // Same words, last one changed: every word is in the list but the checksum fails.
    readonly property string badChecksumPhrase: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"

    name: "Onboarding"
    when: windowShown

    Component { id: controllerComponent; OnboardingController { wallet: AppContext.wallet } }
    Component { id: confirmComponent; ConfirmPage { anchors.fill: parent } }
    Component { id: restoreComponent; RestorePage { anchors.fill: parent } }
    Component { id: passwordComponent; PasswordPage { anchors.fill: parent } }
    Component { id: spyComponent; SignalSpy {} }
    Component { id: welcomeComponent; WelcomePage { anchors.fill: parent } }
    Component { id: unlockComponent; UnlockPage { anchors.fill: parent } }

    // Controllers outlive the pages using them (temporary objects go in creation order).
    function newController() {
        const controller = controllerComponent.createObject(testCase);
        verify(controller, "controller created");
        return controller;
    }
    function makePage(component, controller) {
        const page = createTemporaryObject(component, stage, { controller: controller });
        verify(page, "page created");
        waitForRendering(page);
        return page;
    }
    function child(page, name) {
        const item = findChild(page, name);
        verify(item, name + " exists");
        return item;
    }
    function click(page, name) {
        const button = child(page, name);
        verify(button.enabled, name + " is enabled");
        mouseClick(button);
    }

    function test_confirm_rejects_wrong_words_and_accepts_right_ones() {
        const controller = newController();
        controller.startCreate();
        compare(controller.mnemonicWords.length, 12);
        compare(controller.confirmPositions.length, 3);
        const page = makePage(confirmComponent, controller);
        const confirmed = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "confirmed" });

        const words = controller.mnemonicWords;
        const positions = controller.confirmPositions;
        for (let i = 0; i < 3; ++i)
            child(page, "confirmField" + i).text = words[positions[i] - 1];
        // The second word replaced by a different word of the phrase.
        const wrong = words[positions[1] - 1] === "zoo" ? "abandon" : "zoo";
        child(page, "confirmField1").text = wrong;
        click(page, "confirmButton");
        compare(confirmed.count, 0, "wrong word rejected");
        compare(controller.error, "Word #" + positions[1] + " is not the word of your recovery phrase. Check what you wrote down.");
        compare(child(page, "errorText").text, controller.error, "message shown on the page");

        child(page, "confirmField1").text = "  " + words[positions[1] - 1].toUpperCase() + " ";
        click(page, "confirmButton");
        compare(confirmed.count, 1, "right words accepted (case and spaces ignored)");
        compare(controller.error, "");
    }

    function test_confirm_requires_every_word() {
        const controller = newController();
        controller.startCreate();
        const page = makePage(confirmComponent, controller);
        const confirmed = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "confirmed" });
        click(page, "confirmButton");
        compare(confirmed.count, 0);
        compare(controller.error, "Enter word #" + controller.confirmPositions[0] + ".");
    }

    function test_language_switches_live() {
        const page = createTemporaryObject(welcomeComponent, stage);
        compare(page.heading, "Welcome to Sluice");
        verify(AppContext.setLanguage("de", false));
        compare(page.heading, "Willkommen bei Sluice", "qsTr bindings re-evaluated without reloading");
        verify(AppContext.setLanguage("en", false));
        compare(page.heading, "Welcome to Sluice");
        verify(!AppContext.setLanguage("xx", false), "unknown language refused");
    }

    function test_positions_are_distinct_and_in_range() {
        const controller = newController();
        for (let round = 0; round < 20; ++round) {
            controller.startCreate();
            const p = controller.confirmPositions;
            compare(p.length, 3);
            verify(p[0] >= 1 && p[2] <= 12, "positions within 1..12: " + p);
            verify(p[0] < p[1] && p[1] < p[2], "distinct and ascending: " + p);
        }
    }

    function test_restore_rejects_bad_checksum_with_its_message() {
        const controller = newController();
        const page = makePage(restoreComponent, controller);
        const accepted = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "accepted" });
        child(page, "phraseField").text = badChecksumPhrase;
        click(page, "restoreButton");
        compare(accepted.count, 0);
        compare(controller.error, "The recovery phrase's checksum does not match: a word is wrong or the words are out of order.");
        compare(child(page, "errorText").text, controller.error);
    }

    function test_restore_rejects_unknown_word_and_word_count() {
        const controller = newController();
        const page = makePage(restoreComponent, controller);
        const accepted = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "accepted" });

        child(page, "phraseField").text = validPhrase.replace("about", "abuot");
        click(page, "restoreButton");
        compare(controller.error, "\"abuot\" (word 12) is not a word of the BIP-39 English word list. Check its spelling.");

        child(page, "phraseField").text = validPhrase + " abandon";
        click(page, "restoreButton");
        compare(controller.error, "A recovery phrase has 12, 15, 18, 21 or 24 words, but this one has 13.");
        compare(accepted.count, 0);
    }

    function test_restore_accepts_valid_phrase() {
        const controller = newController();
        const page = makePage(restoreComponent, controller);
        const accepted = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "accepted" });
        // Extra spaces, capitals and a line break are what people paste.
        child(page, "phraseField").text = "  Abandon abandon abandon abandon abandon abandon\nabandon abandon abandon abandon abandon   ABOUT ";
        click(page, "restoreButton");
        compare(controller.error, "");
        compare(accepted.count, 1);
        compare(controller.mode, OnboardingController.Restore);
        // Issue 10, item 9: once C++ holds the phrase, the field keeps no copy of it.
        compare(child(page, "phraseField").text, "");
        compare(child(page, "phraseField").canUndo, false);
    }

    function test_password_rule_and_mismatch_come_from_cpp() {
        const controller = newController();
        verify(controller.useMnemonic(validPhrase, ""));
        const page = makePage(passwordComponent, controller);
        verify(child(page, "passwordRule").text.indexOf("8") >= 0, "rule names the minimum length");

        child(page, "passwordField").text = "short";
        child(page, "repeatField").text = "short";
        click(page, "createWalletButton");
        compare(controller.error, "The password must have at least 8 characters.");
        verify(!controller.busy);

        child(page, "passwordField").text = "correct horse battery staple";
        child(page, "repeatField").text = "correct horse battery stapel";
        click(page, "createWalletButton");
        compare(controller.error, "The two passwords are not the same.");
        compare(child(page, "errorText").text, "The two passwords are not the same.");
        verify(!controller.busy, "nothing started");
        verify(!AppContext.walletExists, "no wallet written");
    }

    // Last (test functions run in alphabetical order: "zz"): writes the wallet into the data dir.
    function test_zz_restore_creates_and_unlocks_the_wallet() {
        const controller = newController();
        verify(controller.useMnemonic(validPhrase, ""));
        const page = makePage(passwordComponent, controller);
        const finished = createTemporaryObject(spyComponent, testCase, { target: controller, signalName: "finished" });
        child(page, "passwordField").text = "correct horse battery staple";
        child(page, "repeatField").text = "correct horse battery staple";
        click(page, "createWalletButton");
        verify(controller.busy, "busy while the store encrypts");
        verify(child(page, "busyIndicator").running, "progress shown");
        finished.wait(30000);
        compare(controller.error, "");
        verify(AppContext.walletExists);
        verify(AppContext.unlocked);

        // The first BIP-44 account of this phrase, as MetaMask and cast derive it.
        const accounts = AppContext.accounts;
        compare(accounts.count, 1);
        compare(accounts.data(accounts.index(0, 0), AccountsModel.AddressRole), "0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        compare(accounts.data(accounts.index(0, 0), AccountsModel.KeyRole), "0");
        verify(accounts.canAddAccount);

        AppContext.lock();
        verify(!AppContext.unlocked);

        // Later starts: the unlock page refuses a wrong password and opens with the right one.
        const unlock = createTemporaryObject(unlockComponent, stage);
        waitForRendering(unlock);
        child(unlock, "unlockPasswordField").text = "wrong password here";
        click(unlock, "unlockButton");
        tryVerify(() => child(unlock, "errorText").text.length > 0, 30000, "wrong password reported");
        verify(!AppContext.unlocked);
        child(unlock, "unlockPasswordField").text = "correct horse battery staple";
        click(unlock, "unlockButton");
        tryVerify(() => AppContext.unlocked, 30000, "unlocked with the right password");
        compare(child(unlock, "errorText").text, "");
    }
}
}
