// SPDX-License-Identifier: MIT
#pragma once
// UnlockController: the unlock screen's one action. The password check (scrypt) runs on the
// store's worker; busy is true meanwhile and error says what went wrong.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

class UnlockController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit UnlockController(QObject* parent = nullptr);

    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

    Q_INVOKABLE void unlock(const QString& password);
    Q_INVOKABLE void clearError();

signals:
    void busyChanged();
    void errorChanged();
    void unlocked();

private:
    void setBusy(bool busy);
    void setError(const QString& error);

    bool m_busy = false;
    QString m_error;
};
