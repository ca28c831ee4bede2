// SPDX-License-Identifier: MIT
#pragma once
// Start-up milestones of the app, on the logging category "sluice.startup" (off by default;
// QT_LOGGING_RULES="sluice.startup.info=true" turns it on): milliseconds from the kernel's start
// of the process (before the dynamic loader ran) to the main window's first frame, and to the
// bundled local stack being up. bench/gui-bench startup runs the shipped binary and reads them.

class QQuickWindow;

namespace sluice {
class LocalStack;

void traceStartup(QQuickWindow* window, LocalStack* stack);

}  // namespace sluice
