// SPDX-License-Identifier: MIT
#pragma once
// SQLite keeps commits in its write-ahead log; a checkpoint copies them into the database file
// and syncs it. Left to SQLite, the connection whose commit finds the log long enough does that
// inside the commit: every few commits one waits for it (tens of milliseconds under load), on the
// writer thread or on the main thread's L1 connection. This thread checkpoints instead, soon after
// each commit, with a connection of its own; the node's connections keep SQLite's automatic
// checkpoint only as a backstop with a high threshold (kBackstopPages, set at open). The log
// starts over only when a write begins while every frame of it is in the file, which a writer
// committing back to back rarely allows: under sustained load the log grows to the backstop,
// the commit that passes it copies the few frames this thread has not copied yet, and the next
// starts the log again (seen at 10,000 tx/s: the log file stays at about 70 MB).

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/common/result.hpp"

namespace sluice::node {

class WalCheckpointer {
public:
    // The automatic checkpoint threshold of the node's SQLite connections, in pages (64 MiB).
    static constexpr int kBackstopPages = 16384;

    explicit WalCheckpointer(QString path);
    ~WalCheckpointer();  // stops (the last connection to close checkpoints what is left)

    Status start();    // opens its connection on its thread
    void committed();  // a commit added to the log: checkpoint soon

private:
    void run();

    QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stop = false;
    bool m_opened = false;
    Status m_openStatus;
    std::thread m_thread;
};

}  // namespace sluice::node
