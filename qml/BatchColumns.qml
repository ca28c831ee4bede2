// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick

// The Batches list's column widths, the one place BatchHeaderRow and BatchDelegate read them
// from, so a caption always sits over its cells. Every column but the state root is fixed
// (minimum = preferred = maximum): a RowLayout would otherwise shrink or grow the header's text
// and the delegate's controls differently.
QtObject {
    readonly property int number: 60
    readonly property int txs: 50
    readonly property int stateRootMin: 160   // the shortened hash and its copy button
    readonly property int age: 100
    readonly property int window: 150
    readonly property int status: 240
}
