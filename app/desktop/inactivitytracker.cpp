// SPDX-License-Identifier: MIT
#include "desktop/inactivitytracker.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>
#include <ctime>

namespace {
// The longest the tracker sleeps between checks, so a resume is noticed within this.
constexpr qint64 kMaxCheckIntervalMs = 5000;
}  // namespace

InactivityTracker::InactivityTracker(QObject* parent) : QObject(parent) {
    m_check.setSingleShot(true);
    connect(&m_check, &QTimer::timeout, this, &InactivityTracker::check);
    if (QCoreApplication::instance()) QCoreApplication::instance()->installEventFilter(this);
}

InactivityTracker::~InactivityTracker() {
    if (QCoreApplication::instance()) QCoreApplication::instance()->removeEventFilter(this);
}

qint64 InactivityTracker::bootTimeMs() {
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

void InactivityTracker::setClock(Clock clock) {
    m_clock = std::move(clock);
    m_lastActivity = m_clock();
}

void InactivityTracker::setTimeout(int timeoutMs) {
    m_timeoutMs = timeoutMs > 0 ? timeoutMs : 0;
    m_lastActivity = m_clock();
    if (m_timeoutMs == 0)
        m_check.stop();
    else
        scheduleCheck();
}

void InactivityTracker::poke() {
    // Only the time is noted: mouse moves arrive hundreds of times a second.
    m_lastActivity = m_clock();
}

void InactivityTracker::scheduleCheck() {
    const qint64 remaining = m_timeoutMs - (m_clock() - m_lastActivity);
    m_check.start(int(std::clamp<qint64>(remaining, 1, kMaxCheckIntervalMs)));
}

void InactivityTracker::check() {
    if (m_timeoutMs == 0) return;
    if (m_clock() - m_lastActivity >= m_timeoutMs) {
        emit idle();  // once: setTimeout starts the count again (at the wallet's next unlock)
        return;
    }
    scheduleCheck();
}

bool InactivityTracker::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate: poke(); break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}
