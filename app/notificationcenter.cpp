// SPDX-License-Identifier: MIT
#include "notificationcenter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QPointer>
#include <QQmlEngine>
#include <QSystemTrayIcon>

namespace {
QPointer<NotificationCenter> g_center;
}

NotificationCenter* NotificationCenter::instance() {
    if (!g_center) g_center = new NotificationCenter(QCoreApplication::instance());
    return g_center;
}

NotificationCenter* NotificationCenter::create(QQmlEngine*, QJSEngine*) {
    auto* center = instance();
    QQmlEngine::setObjectOwnership(center, QQmlEngine::CppOwnership);
    return center;
}

NotificationCenter::NotificationCenter(QObject* parent) : QAbstractListModel(parent) {}

bool NotificationCenter::trayAvailable() const {
    // QSystemTrayIcon needs a QApplication (QtWidgets);
    // offscreen (tests, screenshots) has no tray.
    auto* app = QCoreApplication::instance();
    return app && app->inherits("QApplication") && QSystemTrayIcon::isSystemTrayAvailable();
}

void NotificationCenter::ensureTray() {
    if (m_tray || !trayAvailable()) return;
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/Sluice/sluice.svg")), this);
    m_tray->setToolTip(QStringLiteral("Sluice"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_items.isEmpty()) emit openRequested(m_items.constFirst().target);
    });
    m_tray->show();
}

int NotificationCenter::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_items.size()); }

QVariant NotificationCenter::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Item& item = m_items.at(index.row());
    switch (role) {
    case KeyRole: return item.key;
    case KindRole: return item.kind;
    case TitleRole: return item.title;
    case TextRole: return item.text;
    case TimeRole: return item.time.toString(QStringLiteral("hh:mm"));
    case ReadRole: return item.read;
    case TargetRole: return item.target;
    default: return {};
    }
}

QHash<int, QByteArray> NotificationCenter::roleNames() const {
    return {{KeyRole, "key"},   {KindRole, "kind"}, {TitleRole, "title"},  {TextRole, "text"},
            {TimeRole, "time"}, {ReadRole, "read"}, {TargetRole, "target"}};
}

int NotificationCenter::unread() const {
    int n = 0;
    for (const Item& item : m_items) n += item.read ? 0 : 1;
    return n;
}

void NotificationCenter::notify(const QString& key, const QString& kind, const QString& title, const QString& text,
                                const QString& target) {
    for (const Item& item : m_items)
        if (item.key == key) return;
    beginInsertRows({}, 0, 0);
    m_items.prepend(Item{key, kind, title, text, target, QDateTime::currentDateTime(), false});
    endInsertRows();
    emit countChanged();
    ensureTray();
    if (m_tray)
        m_tray->showMessage(title, text,
                            kind == QLatin1String("fraud") ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    emit posted(key, title, text);
}

void NotificationCenter::markRead(const QString& key) {
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].key != key || m_items[i].read) continue;
        m_items[i].read = true;
        emit dataChanged(index(i), index(i), {ReadRole});
        emit countChanged();
    }
}

void NotificationCenter::markAllRead() {
    for (const Item& item : std::as_const(m_items)) markRead(item.key);
}

void NotificationCenter::dismiss(const QString& key) {
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].key != key) continue;
        beginRemoveRows({}, i, i);
        m_items.removeAt(i);
        endRemoveRows();
        emit countChanged();
        return;
    }
}
