// SPDX-License-Identifier: MIT
#pragma once
// The app tests' one way to wait: on `signal` until `done()` holds, re-checking at least every
// half second; false after `ms`. The limit is generous: it is never the assertion itself.

#include <QElapsedTimer>
#include <QSignalSpy>

template <typename Obj, typename Sig, typename Pred>
bool waitUntil(Obj* object, Sig signal, Pred done, int ms = 90000) {
    QSignalSpy spy(object, signal);
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms) return false;
        spy.wait(500);
    }
    return true;
}
