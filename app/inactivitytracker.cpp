// SPDX-License-Identifier: MIT
#include "inactivitytracker.h"

#include <QCoreApplication>
#include <QEvent>

InactivityTracker::InactivityTracker(QObject* parent) : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &InactivityTracker::idle);
    if (QCoreApplication::instance()) QCoreApplication::instance()->installEventFilter(this);
}

InactivityTracker::~InactivityTracker() {
    if (QCoreApplication::instance()) QCoreApplication::instance()->removeEventFilter(this);
}

void InactivityTracker::setTimeout(int timeoutMs) {
    m_timeoutMs = timeoutMs > 0 ? timeoutMs : 0;
    if (m_timeoutMs == 0)
        m_timer.stop();
    else
        m_timer.start(m_timeoutMs);
}

void InactivityTracker::poke() {
    if (m_timeoutMs > 0) m_timer.start(m_timeoutMs);
}

bool InactivityTracker::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        poke();
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}
