// SPDX-License-Identifier: MIT
#include "screenshot.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

#include "appcontext.h"

using namespace std::chrono_literals;

ScreenshotTaker::ScreenshotTaker(QQuickWindow* window, QString path, QObject* parent)
    : QObject(parent),
      m_window(window),
      m_path(std::move(path)),
      m_settle(new QTimer(this)),
      m_deadline(new QTimer(this)) {
    // The settle delay lets transitions and the busy indicators' first frames finish; the
    // deadline keeps a hung node from hanging the screenshot script.
    m_settle->setSingleShot(true);
    m_settle->setInterval(900ms);
    connect(m_settle, &QTimer::timeout, this, [this] {
        if (AppContext::instance()->idle()) capture();
    });
    m_deadline->setSingleShot(true);
    m_deadline->setInterval(30s);
    connect(m_deadline, &QTimer::timeout, this, &ScreenshotTaker::capture);
    m_deadline->start();

    connect(window, &QQuickWindow::frameSwapped, this, [this] {
        if (m_firstFrame) return;
        m_firstFrame = true;
        maybeCapture();
    });
    connect(AppContext::instance(), &AppContext::idleChanged, this, &ScreenshotTaker::maybeCapture);
    connect(AppContext::instance(), &AppContext::stateChanged, this, &ScreenshotTaker::maybeCapture);
    connect(AppContext::instance()->l1(), &ChainStore::changed, this, &ScreenshotTaker::maybeCapture);
}

void ScreenshotTaker::maybeCapture() {
    if (m_done || !m_firstFrame) return;
    if (AppContext::instance()->idle())
        m_settle->start();
    else
        m_settle->stop();
}

void ScreenshotTaker::capture() {
    if (m_done) return;
    m_done = true;
    const QImage image = m_window->grabWindow();
    const bool ok = !image.isNull() && image.save(m_path, "PNG");
    if (!ok) std::fprintf(stderr, "sluice: could not write the screenshot to %s\n", qPrintable(m_path));
    QCoreApplication::exit(ok ? 0 : 1);
}
