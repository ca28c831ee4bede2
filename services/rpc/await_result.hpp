// SPDX-License-Identifier: MIT
#pragma once
// The one way to wait for an asynchronous call where waiting is right: sluice-cli's commands and
// sluiced's start-up (before its event loop runs). Runs a local event loop until the call reports.
// The app never blocks like this; it stays on callbacks and signals.

#include <QCoreApplication>
#include <QEventLoop>

#include <functional>
#include <optional>
#include <utility>

namespace sluice {

// `start(done)` begins the call and arranges for `done(result)` to be called once; returns the
// result. `done` may also be called before `start` returns (an error found up front).
template <typename T, typename Start>
T awaitResult(Start&& start) {
    QEventLoop loop;
    std::optional<T> out;
    std::function<void(T)> done = [&](T value) {
        out.emplace(std::move(value));
        loop.quit();
    };
    std::forward<Start>(start)(done);
    if (!out) loop.exec();
    // QCoreApplication::exit() ends every event loop at once, this one too, and makes new ones
    // return at once: the call has not reported yet, so it is waited for without a loop of its
    // own. (sluiced once read an empty result here when a fatal error found during its start-up
    // asked to exit: "dispute period 0 s", then a crash.)
    while (!out) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return std::move(*out);
}

}  // namespace sluice
