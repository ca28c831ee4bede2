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
    readonly property int stateRootMin: 190   // the shortened hash and its copy button
    readonly property int age: 100
    readonly property int window: 150
    readonly property int status: 240
    // A list narrower than this (a row's columns, the spacing between them and its side margins)
    // shows the compact row: without the state root and age, which the detail view has, so that
    // the window and status keep their width down to the window's minimum size.
    readonly property int fullWidth: number + txs + stateRootMin + age + window + status + 7 * Theme.spacing
}
