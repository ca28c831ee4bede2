// SPDX-License-Identifier: MIT
#pragma once
// The node's one writer: a thread with its own NodeDatabase connection that group-commits
// whatever was queued while the previous commit was running (one fsync for many submissions),
// then reports each job's outcome on the owner's thread, in queue order. On SQLite, a
// WalCheckpointer copies the commits into the database file beside it.

#include <QObject>
#include <QPointer>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/common/result.hpp"
#include "node/storage/nodedatabase.h"
#include "node/storage/walcheckpointer.h"

namespace sluice::node {

class DbWriter {
public:
    using Write = std::function<Status(NodeDatabase&)>;
    using Done = std::function<void(Status)>;

    // `owner` is where the `done` callbacks run (queued); none run after it is destroyed.
    DbWriter(QString path, QObject* owner);
    ~DbWriter();  // commits what is queued, then stops

    Status open();  // opens the connection on the writer thread
    void enqueue(Write write, Done done);
    void flush();  // blocks until everything queued so far is committed
    bool idle();   // nothing queued, no commit under way
    void stop();

private:
    struct Job {
        Write write;
        Done done;
    };
    void run();

    QString m_path;
    QPointer<QObject> m_owner;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_queue;
    bool m_busy = false;
    bool m_stop = false;
    bool m_opened = false;
    Status m_openStatus;
    std::optional<Error> m_failure;                   // writer thread only: the first failed commit
    std::unique_ptr<WalCheckpointer> m_checkpointer;  // SQLite
    std::thread m_thread;
};

}  // namespace sluice::node
