// SPDX-License-Identifier: MIT
#include "node/sequencer/dbwriter.h"

#include <QMetaObject>
#include <QtGlobal>

#include <chrono>

#include <vector>

namespace sluice::node {

DbWriter::DbWriter(QString path, QObject* owner) : m_path(std::move(path)), m_owner(owner) {}

DbWriter::~DbWriter() { stop(); }

Status DbWriter::open() {
    m_thread = std::thread([this] { run(); });
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_opened; });
        if (!m_openStatus) return m_openStatus;
    }
    if (NodeDatabase::isPostgresUrl(m_path)) return {};
    auto checkpointer = std::make_unique<WalCheckpointer>(m_path);
    if (auto st = checkpointer->start(); !st) return st;
    std::lock_guard lock(m_mutex);
    m_checkpointer = std::move(checkpointer);
    return {};
}

void DbWriter::enqueue(Write write, Done done) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(Job{std::move(write), std::move(done)});
    }
    m_wake.notify_one();
}

void DbWriter::flush() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return (m_queue.empty() && !m_busy) || !m_thread.joinable() || !m_openStatus.ok(); });
}

bool DbWriter::idle() {
    std::lock_guard lock(m_mutex);
    return m_queue.empty() && !m_busy;
}

void DbWriter::stop() {
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    m_checkpointer.reset();
}

void DbWriter::run() {
    std::unique_ptr<NodeDatabase> db;
    {
        auto opened = NodeDatabase::open(m_path);
        std::lock_guard lock(m_mutex);
        if (opened) {
            db = std::move(opened).value();
        } else {
            m_openStatus = opened.error();
        }
        m_opened = true;
    }
    m_idle.notify_all();
    if (!db) return;
    // SLUICED_TRACE_COMMIT_MS=N logs every group commit that takes N ms or more (latency hunting).
    const int traceMs = qEnvironmentVariableIsSet("SLUICED_TRACE_COMMIT_MS")
                            ? qEnvironmentVariableIntValue("SLUICED_TRACE_COMMIT_MS")
                            : -1;

    WalCheckpointer* checkpointer = nullptr;  // set by open() once this connection is open
    for (;;) {
        std::deque<Job> jobs;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty() && m_stop) break;
            jobs.swap(m_queue);
            m_busy = true;
            checkpointer = m_checkpointer.get();
        }
        // One transaction for the whole group: a failure fails every job in it (nothing of it is
        // on disk, so nobody may be told otherwise).
        const auto began = std::chrono::steady_clock::now();
        // After a failed commit nothing more is committed: a later block on disk without the one
        // before it would leave a database that does not replay (the node stops anyway).
        Status status = m_failure ? Status(*m_failure) : db->begin();
        const bool inTransaction = !m_failure && status.ok();
        for (auto& job : jobs) {
            if (!status) break;
            status = job.write(*db);
        }
        const auto committing = std::chrono::steady_clock::now();
        if (status) {
            status = db->commit();
            if (status && checkpointer) checkpointer->committed();
        } else if (inTransaction) {
            (void)db->rollback();
        }
        if (!status && !m_failure) m_failure = status.error();
        if (traceMs >= 0) {
            const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
            const auto commitMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - committing).count();
            if (ms >= traceMs)
                qInfo("sluiced: commit of %zu writes took %.1f ms (%.1f ms of it the commit)", jobs.size(), ms,
                      commitMs);
        }
        std::vector<Done> dones;
        dones.reserve(jobs.size());
        for (auto& job : jobs) {
            if (job.done) dones.push_back(std::move(job.done));
        }
        if (!dones.empty() && m_owner) {
            QMetaObject::invokeMethod(
                m_owner.data(),
                [dones = std::move(dones), status]() {
                    for (const auto& done : dones) done(status);
                },
                Qt::QueuedConnection);
        }
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
        }
        m_idle.notify_all();
    }
    db.reset();
    m_idle.notify_all();
}

}  // namespace sluice::node
