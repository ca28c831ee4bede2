// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Sluice

// Issue 11, item 6: every text colour the pages draw on a Theme background is readable, in both
// themes, by the WCAG 2.1 contrast ratio: at least 4.5:1 for body text, 3:1 for large text and for
// state dots. The buttons that fill themselves with a colour draw their text in its "on" token
// (the Material style chose near-black on the light theme's indigo). Colour literals outside
// Theme.qml are refused by the qml_colours_from_theme test (tests/qml/colours_from_theme.cmake).
Item {
    id: stage

    width: 600
    height: 400

TestCase {
    id: testCase

    name: "Theme"
    when: windowShown

    // [foreground, background, minimum ratio]: the pairs the pages use.
    readonly property var pairs: {
        const list = [];
        for (const bg of ["background", "surface", "surfaceAlt", "selection", "emphasisBg", "emphasisHover", "neutralBg",
                          "errorBg", "warningBg", "infoBg", "successBg"])
            list.push(["textPrimary", bg, 4.5]);
        for (const bg of ["background", "surface", "surfaceAlt", "selection", "neutralBg"])
            list.push(["textSecondary", bg, 4.5]);
        return list.concat([
            ["primary", "surface", 4.5], ["primary", "background", 4.5], ["primary", "surfaceAlt", 4.5],
            ["primary", "neutralBg", 3],  // the 20 px glyph of a choice card
            ["textOnPrimary", "primary", 4.5], ["textOnError", "error", 4.5],
            ["error", "surface", 4.5], ["error", "background", 4.5], ["error", "errorBg", 4.5],
            ["warningFg", "warningBg", 4.5], ["warningFg", "surface", 4.5],
            ["success", "successBg", 4.5], ["success", "surface", 4.5],
            ["info", "infoBg", 4.5], ["info", "surface", 4.5],
            ["textOnHeader", "headerStart", 4.5], ["textOnHeader", "headerEnd", 4.5],
            ["textOnHeaderSecondary", "headerStart", 4.5], ["textOnHeaderSecondary", "headerEnd", 4.5],
            ["consoleText", "consoleBg", 4.5], ["consoleError", "consoleBg", 4.5],
            ["success", "background", 3], ["pending", "background", 3], ["error", "background", 3]  // state dots
        ]);
    }

    Component { id: primaryComponent; PrimaryButton { text: "Sign" } }
    Component { id: layerComponent; LayerSwitch { current: "l1" } }

    // WCAG 2.1 relative luminance and contrast ratio.
    function luminance(c) {
        const channel = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    }
    function contrast(a, b) {
        const la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    function init() { Theme.dark = false; }
    function cleanup() { Theme.dark = false; }

    function test_known_ratios() {
        // The formula against known answers: black on white is 21:1, a colour on itself 1:1,
        // #767676 on white 4.54:1 (the lightest grey that passes for body text).
        fuzzyCompare(contrast(Qt.color("#000000"), Qt.color("#FFFFFF")), 21, 0.01);
        fuzzyCompare(contrast(Qt.color("#3949AB"), Qt.color("#3949AB")), 1, 0.001);
        fuzzyCompare(contrast(Qt.color("#767676"), Qt.color("#FFFFFF")), 4.54, 0.01);
    }

    function test_pairs_in_both_themes_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }];
    }
    function test_pairs_in_both_themes(data) {
        Theme.dark = data.dark;
        const failures = [];
        for (const [fg, bg, minimum] of pairs) {
            verify(Theme[fg] !== undefined && Theme[bg] !== undefined, "tokens " + fg + " and " + bg + " exist");
            const ratio = contrast(Theme[fg], Theme[bg]);
            if (ratio < minimum) failures.push(fg + " on " + bg + ": " + ratio.toFixed(2) + ":1 < " + minimum + ":1");
        }
        compare(failures.join("; "), "", "every pair readable");
    }

    function test_account_badges_in_both_themes_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }];
    }
    function test_account_badges_in_both_themes(data) {
        Theme.dark = data.dark;
        // Every hue an address can give (the first three bytes modulo 360).
        let worst = 21;
        for (let hue = 0; hue < 360; ++hue) {
            const address = "0x" + ("000000" + hue.toString(16)).slice(-6);
            worst = Math.min(worst, contrast(Theme.textOnAvatar, Theme.avatarColor(address)));
        }
        verify(worst >= 4.5, "the worst badge is " + worst.toFixed(2) + ":1");
    }

    function test_filled_buttons_draw_their_text_in_the_on_token_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }];
    }
    function test_filled_buttons_draw_their_text_in_the_on_token(data) {
        Theme.dark = data.dark;
        const button = createTemporaryObject(primaryComponent, stage);
        verify(Qt.colorEqual(button.contentItem.color, Theme.textOnPrimary), "primary: " + button.contentItem.color);
        button.danger = true;
        verify(Qt.colorEqual(button.contentItem.color, Theme.textOnError), "danger: " + button.contentItem.color);
        verify(contrast(button.contentItem.color, Theme.error) >= 4.5);

        const layers = createTemporaryObject(layerComponent, stage);
        const checked = findChild(layers, "layer_l1");
        verify(checked.checked);
        verify(Qt.colorEqual(checked.contentItem.color, Theme.textOnPrimary), "checked layer: " + checked.contentItem.color);
        verify(Qt.colorEqual(findChild(layers, "layer_l2").contentItem.color, Theme.textPrimary));
    }
}
}
