// SPDX-License-Identifier: MIT
import QtQuick

// A page of the main screen, built the first time it is shown and kept from then on: a page the
// user never opens costs no memory (its controller, models and delegates), and one they left keeps
// its state (a half-filled form, a filter, the scroll position) for when they come back.
Loader {
    required property bool shown

    active: false
    onShownChanged: if (shown) active = true
    Component.onCompleted: if (shown) active = true
}
