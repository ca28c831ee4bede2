// SPDX-License-Identifier: MIT
#pragma once

#include <pthread.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sluice::node {

// Worker threads that take items from one queue and hand each to `handle`.
//
// Why not QThreadPool: it wakes a thread for every task it is given, and a wake-up is a futex
// call on the caller's thread. Under load the sequencer's main thread handed out a chunk of
// submissions to recover hundreds of times a second and spent about 5 % of a core in those calls
// (this machine's virtualised kernel makes them dear). Here a sleeping worker is woken only when
// none is awake to take the work, or when enough is queued to be worth a second one: a worker
// that is awake keeps taking its share until the queue is empty, and wakes a sleeping one itself
// when it leaves work behind.
template <typename Item>
class WorkQueue {
public:
    WorkQueue(unsigned threads, std::string name, std::function<void(Item&)> handle) : m_handle(std::move(handle)) {
        for (unsigned i = 0; i < std::max(1u, threads); ++i)
            m_threads.emplace_back([this, name = name.substr(0, 15)] {
                pthread_setname_np(pthread_self(), name.c_str());
                run();
            });
    }
    ~WorkQueue() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (auto& t : m_threads) t.join();
    }
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    void push(std::vector<Item> items) {
        if (items.empty()) return;
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            for (auto& item : items) m_queue.push_back(std::move(item));
            wake = m_sleeping == m_threads.size() || (m_sleeping > 0 && m_queue.size() >= kWakeAnotherAt);
        }
        if (wake) m_wake.notify_one();
    }

    // Returns once every item pushed so far has been handled.
    void waitIdle() {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_queue.empty() && m_busy == 0; });
    }

private:
    static constexpr std::size_t kWakeAnotherAt = 16;

    void run() {
        std::vector<Item> mine;
        std::unique_lock lock(m_mutex);
        for (;;) {
            while (m_queue.empty() && !m_stop) {
                ++m_sleeping;
                m_wake.wait(lock);
                --m_sleeping;
            }
            if (m_queue.empty()) return;  // stopping
            // An even share, so that a burst is split between the workers.
            const std::size_t share = (m_queue.size() + m_threads.size() - 1) / m_threads.size();
            for (std::size_t i = 0; i < share; ++i) {
                mine.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            if (!m_queue.empty() && m_sleeping > 0) m_wake.notify_one();
            ++m_busy;
            lock.unlock();
            for (auto& item : mine) m_handle(item);
            mine.clear();
            lock.lock();
            --m_busy;
            if (m_queue.empty() && m_busy == 0) m_idle.notify_all();
        }
    }

    std::function<void(Item&)> m_handle;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_idle;
    std::deque<Item> m_queue;
    std::size_t m_sleeping = 0, m_busy = 0;
    bool m_stop = false;
    std::vector<std::thread> m_threads;  // last: started once everything above is constructed
};

}  // namespace sluice::node
