// SPDX-License-Identifier: MIT
#pragma once
// Screenshot mode (--screenshot FILE): once the window has shown its first frame and the app has
// nothing left in flight (wallet store idle, balances fetched, node answered or refused), grab
// the window into a PNG and quit with 0, or 1 if it could not be written.

#include <QObject>
#include <QString>

class QQuickWindow;
class QTimer;

class ScreenshotTaker : public QObject {
    Q_OBJECT
public:
    ScreenshotTaker(QQuickWindow* window, QString path, QObject* parent = nullptr);

private:
    void maybeCapture();
    void capture();

    QQuickWindow* m_window;
    QString m_path;
    bool m_firstFrame = false;
    bool m_done = false;
    QTimer* m_settle;
    QTimer* m_deadline;
};
