// GoogleTest stress tests of the free-threading primitives that need no interpreter: PyMutex
// (Include/lock.h, Python/lock.c) under many threads, its fairness hand-off, and the parking
// lot (Python/parking_lot.c): timeouts, and Unpark waking exactly one thread, the one whose
// park_arg it reports.  The threads have no thread state, so parking never detaches.
//
// No timing assertions: every check is a count or a state.  Where a broken primitive would
// hang a loop instead of failing it, the loop has a generous wall-clock safety limit and the
// test then fails on a count.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_lock.h"
#include "pycore_parking_lot.h"
}

namespace {

using Clock = std::chrono::steady_clock;

// How long a loop that waits for another thread may run before the test gives up and fails
// on its counts (a liveness bound, not a performance expectation).
constexpr std::chrono::seconds kSafetyLimit(30);

// Two plain counters updated under one mutex with a yield in between: a second holder would
// see them differ, and lost updates would show in the totals.
TEST(FTMutex, MutualExclusionSixteenThreads)
{
    PyMutex m = {0};
    long first = 0, second = 0;
    std::atomic<long> torn{0};
    const int kThreads = 16;
    const int kIterations = 5000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&, t]() {
            for (int i = 0; i < kIterations; i++) {
                PyMutex_Lock(&m);
                if (first != second) {
                    torn++;
                }
                first++;
                if ((i + t) % 64 == 0) {
                    std::this_thread::yield();
                }
                second++;
                PyMutex_Unlock(&m);
            }
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    EXPECT_EQ(torn.load(), 0);
    EXPECT_EQ(first, (long)kThreads * kIterations);
    EXPECT_EQ(second, first);
    EXPECT_EQ(m._bits, 0);
}

// Many mutexes packed next to each other (one byte each) are independent: neighbouring bytes
// written by other threads' lock operations never corrupt each other.
TEST(FTMutex, AdjacentMutexesAreIndependent)
{
    const int kThreads = 8;
    const int kIterations = 20000;
    PyMutex mutexes[kThreads];
    long counters[kThreads] = {0};
    for (auto &m : mutexes) {
        m._bits = 0;
    }
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&, t]() {
            for (int i = 0; i < kIterations; i++) {
                // Mostly our own mutex, sometimes a neighbour's.
                int k = (i % 8 == 0) ? (t + 1) % kThreads : t;
                PyMutex_Lock(&mutexes[k]);
                counters[k]++;
                PyMutex_Unlock(&mutexes[k]);
            }
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    long total = 0;
    for (int t = 0; t < kThreads; t++) {
        EXPECT_EQ(mutexes[t]._bits, 0);
        total += counters[t];
    }
    EXPECT_EQ(total, (long)kThreads * kIterations);
}

// Fairness hand-off: one thread re-locks the mutex in a tight loop, holding it for a little
// work each time.  Without hand-off a woken waiter usually finds the mutex taken again and
// parks once more, so it could starve.  With hand-off (a waiter parked for about a
// millisecond receives the mutex directly) every one of the eight waiters acquires it.
TEST(FTMutex, HandOffLetsEveryWaiterIn)
{
    PyMutex m = {0};
    const int kWaiters = 8;
    const int kAcquisitionsEach = 3;
    std::atomic<int> acquired[kWaiters];
    for (auto &a : acquired) {
        a = 0;
    }
    std::atomic<int> finished{0};
    std::atomic<bool> hog_started{false};
    long hog_rounds = 0;
    long protected_value = 0;

    std::thread hog([&]() {
        auto give_up = Clock::now() + kSafetyLimit;
        PyMutex_Lock(&m);
        hog_started = true;
        for (;;) {
            for (int i = 0; i < 50; i++) {
                protected_value++;
            }
            PyMutex_Unlock(&m);
            // Re-lock at once: the waiters can only get in by hand-off or by luck.
            PyMutex_Lock(&m);
            hog_rounds++;
            if (finished.load() == kWaiters || Clock::now() > give_up) {
                break;
            }
        }
        PyMutex_Unlock(&m);
    });
    while (!hog_started.load()) {
        std::this_thread::yield();
    }
    std::vector<std::thread> waiters;
    for (int w = 0; w < kWaiters; w++) {
        waiters.emplace_back([&, w]() {
            for (int k = 0; k < kAcquisitionsEach; k++) {
                PyMutex_Lock(&m);
                protected_value++;
                acquired[w]++;
                PyMutex_Unlock(&m);
            }
            finished++;
        });
    }
    hog.join();
    for (auto &th : waiters) {
        th.join();
    }
    for (int w = 0; w < kWaiters; w++) {
        EXPECT_EQ(acquired[w].load(), kAcquisitionsEach) << "waiter " << w;
    }
    EXPECT_EQ(finished.load(), kWaiters);
    EXPECT_GT(hog_rounds, 0);
    EXPECT_EQ(protected_value, hog_rounds * 50 + kWaiters * kAcquisitionsEach);
    EXPECT_EQ(m._bits, 0);
}

// Timed locking: while the mutex is held, every timed attempt fails (each thread parks and
// times out); the parked bit they leave behind must not confuse the owner's unlock, after
// which the mutex is free and clean.
TEST(FTMutex, TimedLockFailsWhileHeldThenMutexIsClean)
{
    PyMutex m = {0};
    PyMutex_Lock(&m);
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 8; t++) {
        threads.emplace_back([&]() {
            for (int i = 0; i < 3; i++) {
                if (_PyMutex_LockTimed(&m, 1000000 /* 1 ms */, _Py_LOCK_DONT_DETACH) ==
                    PY_LOCK_FAILURE) {
                    failures++;
                }
            }
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    EXPECT_EQ(failures.load(), 24);
    EXPECT_TRUE(PyMutex_IsLocked(&m));
    PyMutex_Unlock(&m);
    EXPECT_EQ(m._bits, 0);
    EXPECT_TRUE(_PyMutex_TryLock(&m));
    PyMutex_Unlock(&m);
    EXPECT_EQ(m._bits, 0);
}

// A timed waiter that is still waiting when the owner unlocks gets the mutex.
TEST(FTMutex, TimedLockSucceedsWhenReleasedInTime)
{
    PyMutex m = {0};
    PyMutex_Lock(&m);
    std::atomic<bool> waiting{false};
    std::atomic<int> result{-1};
    std::thread waiter([&]() {
        waiting = true;
        // An hour: the owner releases long before.
        result = _PyMutex_LockTimed(&m, (int64_t)3600 * 1000000000, _Py_LOCK_DONT_DETACH);
        if (result.load() == PY_LOCK_ACQUIRED) {
            PyMutex_Unlock(&m);
        }
    });
    while (!waiting.load()) {
        std::this_thread::yield();
    }
    std::this_thread::yield();
    PyMutex_Unlock(&m);
    waiter.join();
    EXPECT_EQ(result.load(), PY_LOCK_ACQUIRED);
    EXPECT_EQ(m._bits, 0);
}

// ---------------------------------------------------------------------------------------
// Parking lot

TEST(FTParkingLot, ConcurrentTimeoutsLeaveNobodyParked)
{
    uint32_t word = 3;
    std::vector<std::thread> threads;
    std::atomic<int> timeouts{0};
    for (int t = 0; t < 8; t++) {
        threads.emplace_back([&]() {
            uint32_t expected = 3;
            int rc = _PyParkingLot_Park(&word, &expected, sizeof(word), 2000000 /* 2 ms */,
                                        nullptr, 0);
            if (rc == Py_PARK_TIMEOUT) {
                timeouts++;
            }
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    EXPECT_EQ(timeouts.load(), 8);
    // The timed-out threads left the queue: an unpark finds nobody.
    struct Seen {
        int calls = 0;
        void *park_arg = (void *)1;
        int has_more = -1;
    } seen;
    _PyParkingLot_Unpark(&word, [](void *arg, void *park_arg, int has_more) {
        Seen *s = static_cast<Seen *>(arg);
        s->calls++;
        s->park_arg = park_arg;
        s->has_more = has_more;
    }, &seen);
    EXPECT_EQ(seen.calls, 1);
    EXPECT_EQ(seen.park_arg, nullptr);
    EXPECT_EQ(seen.has_more, 0);
}

// Parking on the size-1, 2 and 8 forms compares exactly that many bytes.
TEST(FTParkingLot, ParkComparesTheGivenSize)
{
    uint64_t word = 0x0102030405060708ULL;
    uint64_t same = word;
    uint64_t differs_high = word ^ (1ULL << 60);
    EXPECT_EQ(_PyParkingLot_Park(&word, &differs_high, 8, 1000, nullptr, 0), Py_PARK_AGAIN);
    EXPECT_EQ(_PyParkingLot_Park(&word, &same, 8, 1000, nullptr, 0), Py_PARK_TIMEOUT);
    uint8_t byte = 9, byte_expected = 9, byte_other = 10;
    EXPECT_EQ(_PyParkingLot_Park(&byte, &byte_other, 1, 1000, nullptr, 0), Py_PARK_AGAIN);
    EXPECT_EQ(_PyParkingLot_Park(&byte, &byte_expected, 1, 1000, nullptr, 0), Py_PARK_TIMEOUT);
    uint16_t half = 7, half_expected = 7;
    EXPECT_EQ(_PyParkingLot_Park(&half, &half_expected, 2, 1000, nullptr, 0), Py_PARK_TIMEOUT);
}

// Unpark wakes exactly one parked thread, and it is the one whose park_arg the callback
// receives.  Four threads park again and again on one word; the main thread unparks one at a
// time.  Each thread counts its own wake-ups, the callback counts the reported ones: the two
// tallies must agree thread by thread (an Unpark that woke two threads, or the wrong one,
// would break them).
TEST(FTParkingLot, UnparkWakesExactlyTheReportedThread)
{
    const int kThreads = 4;
    const int kWakeups = 200;
    std::atomic<uint32_t> word{1};
    std::atomic<int> woke[kThreads];
    int reported[kThreads] = {0};
    int ids[kThreads];
    for (int t = 0; t < kThreads; t++) {
        woke[t] = 0;
        ids[t] = t;
    }
    std::atomic<int> total_woke{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&, t]() {
            for (;;) {
                uint32_t expected = 1;
                int rc = _PyParkingLot_Park(&word, &expected, sizeof(uint32_t), -1, &ids[t],
                                            0);
                if (word.load() != 1) {
                    return;       // the final UnparkAll, or the word changed before parking
                }
                if (rc == Py_PARK_OK) {
                    woke[t]++;
                    total_woke++;
                }
            }
        });
    }
    struct Report {
        int *reported;
        int found;
    } report = {reported, 0};
    auto give_up = Clock::now() + kSafetyLimit;
    int unparked = 0;
    while (unparked < kWakeups && Clock::now() < give_up) {
        report.found = 0;
        _PyParkingLot_Unpark(&word, [](void *arg, void *park_arg, int has_more) {
            Report *r = static_cast<Report *>(arg);
            if (park_arg != nullptr) {
                r->reported[*static_cast<int *>(park_arg)]++;
                r->found = 1;
            }
        }, &report);
        if (report.found) {
            unparked++;
            // Wait until the woken thread has counted itself before the next Unpark.
            while (total_woke.load() < unparked && Clock::now() < give_up) {
                std::this_thread::yield();
            }
        }
        else {
            std::this_thread::yield();
        }
    }
    EXPECT_EQ(unparked, kWakeups);
    EXPECT_EQ(total_woke.load(), unparked);
    // Release everybody: a thread parked before the store is woken by UnparkAll, one that
    // parks after it sees the changed word and does not sleep.
    word = 0;
    _PyParkingLot_UnparkAll(&word);
    for (auto &th : threads) {
        th.join();
    }
    for (int t = 0; t < kThreads; t++) {
        EXPECT_EQ(woke[t].load(), reported[t]) << "thread " << t;
    }
}

// UnparkAll after a change of the word releases every thread waiting on it.
TEST(FTParkingLot, UnparkAllWakesEveryParkedThread)
{
    const int kThreads = 8;
    std::atomic<uint32_t> word{5};
    std::atomic<int> returned{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&]() {
            uint32_t expected = 5;
            // Park until the word changes; spurious returns park again.
            while (word.load() == 5) {
                _PyParkingLot_Park(&word, &expected, sizeof(uint32_t), -1, nullptr, 0);
            }
            returned++;
        });
    }
    std::this_thread::yield();
    word = 6;
    auto give_up = Clock::now() + kSafetyLimit;
    while (returned.load() < kThreads && Clock::now() < give_up) {
        _PyParkingLot_UnparkAll(&word);
        std::this_thread::yield();
    }
    EXPECT_EQ(returned.load(), kThreads);
    for (auto &th : threads) {
        th.join();
    }
}

}  // namespace
