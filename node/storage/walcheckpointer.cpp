// SPDX-License-Identifier: MIT
#include "node/storage/walcheckpointer.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <chrono>

namespace sluice::node {

namespace {
// At most one checkpoint per interval: each copies the pages written since the last one once,
// however often they were rewritten in between.
constexpr auto kInterval = std::chrono::milliseconds(50);
}  // namespace

WalCheckpointer::WalCheckpointer(QString path) : m_path(std::move(path)) {}

WalCheckpointer::~WalCheckpointer() {
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

Status WalCheckpointer::start() {
    m_thread = std::thread([this] { run(); });
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_opened; });
    return m_openStatus;
}

void WalCheckpointer::committed() {
    {
        std::lock_guard lock(m_mutex);
        if (m_pending) return;
        m_pending = true;
    }
    m_wake.notify_one();
}

void WalCheckpointer::run() {
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("sluiced-checkpoint-%1").arg(counter.fetch_add(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        Status opened;
        if (!db.open()) {
            opened = make_error("cannot open " + m_path.toStdString() +
                                " for checkpoints: " + db.lastError().text().toStdString());
        } else {
            // The database file is synced after each checkpoint, as with SQLite's own.
            QSqlQuery pragma(db);
            if (!pragma.exec(QStringLiteral("PRAGMA synchronous=FULL")))
                opened = make_error("checkpoints: " + pragma.lastError().text().toStdString());
        }
        {
            std::lock_guard lock(m_mutex);
            m_openStatus = opened;
            m_opened = true;
        }
        m_wake.notify_all();

        bool warned = false;
        std::unique_lock lock(m_mutex);
        while (opened.ok()) {
            m_wake.wait(lock, [this] { return m_pending || m_stop; });
            if (m_stop) break;
            m_pending = false;
            lock.unlock();
            // PASSIVE: copies what no reader still needs, never waits for the writer or readers.
            QSqlQuery checkpoint(db);
            if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && !warned) {
                qWarning("sluiced: a checkpoint of the node database failed (retried after the next commit): %s",
                         qPrintable(checkpoint.lastError().text()));
                warned = true;
            }
            checkpoint.finish();
            lock.lock();
            m_wake.wait_for(lock, kInterval, [this] { return m_stop; });
        }
        lock.unlock();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

}  // namespace sluice::node
