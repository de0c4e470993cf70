// GoogleTest tests of the parking lot (Python/parking_lot.c) and of PyMutex's timed slow
// path (Python/lock.c).  No interpreter: the threads have no thread state, so parking never
// detaches.  No timing assertions: timeouts are only checked to expire, never for duration.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_lock.h"
#include "pycore_parking_lot.h"
}

static void record_unpark(void *arg, void *park_arg, int has_more)
{
    int *seen = static_cast<int *>(arg);
    seen[0] = park_arg != nullptr ? *static_cast<int *>(park_arg) : -1;
    seen[1] = has_more;
}

TEST(ParkingLot, ParkReturnsAgainWhenValueDiffers)
{
    uint32_t word = 5;
    uint32_t expected = 6;
    EXPECT_EQ(_PyParkingLot_Park(&word, &expected, sizeof(word), -1, nullptr, 0),
              Py_PARK_AGAIN);
}

TEST(ParkingLot, ParkTimesOut)
{
    uint32_t word = 1;
    uint32_t expected = 1;
    EXPECT_EQ(_PyParkingLot_Park(&word, &expected, sizeof(word), 1000000, nullptr, 0),
              Py_PARK_TIMEOUT);
}

// A parked thread is woken by Unpark, which sees its park_arg; a second Unpark finds nobody.
TEST(ParkingLot, UnparkWakesTheParkedThread)
{
    std::atomic<uint32_t> word{1};
    int ident = 42;
    std::atomic<int> result{99};
    std::thread waiter([&]() {
        uint32_t expected = 1;
        result = _PyParkingLot_Park(&word, &expected, sizeof(uint32_t), -1, &ident, 0);
    });
    int seen[2] = {0, 0};
    // Unpark until the waiter has actually been found in the queue.
    while (true) {
        _PyParkingLot_Unpark(&word, record_unpark, seen);
        if (seen[0] == 42) {
            break;
        }
        std::this_thread::yield();
    }
    waiter.join();
    EXPECT_EQ(result.load(), Py_PARK_OK);
    EXPECT_EQ(seen[1], 0);
    _PyParkingLot_Unpark(&word, record_unpark, seen);
    EXPECT_EQ(seen[0], -1);
}

TEST(ParkingLot, UnparkAllWakesEveryone)
{
    std::atomic<uint32_t> word{7};
    std::atomic<int> parked{0}, woken{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; i++) {
        threads.emplace_back([&]() {
            uint32_t expected = 7;
            parked++;
            while (_PyParkingLot_Park(&word, &expected, sizeof(uint32_t), -1, nullptr, 0) !=
                   Py_PARK_OK) {
                if (word.load() != 7) {
                    break;
                }
            }
            woken++;
        });
    }
    while (woken.load() < 4) {
        _PyParkingLot_UnparkAll(&word);
        std::this_thread::yield();
    }
    for (auto &t : threads) {
        t.join();
    }
    EXPECT_EQ(woken.load(), 4);
}

TEST(PyMutexTimed, TryOnceAndTimeoutOnHeldMutex)
{
    PyMutex m = {0};
    EXPECT_EQ(_PyMutex_LockTimed(&m, 0, _Py_LOCK_DONT_DETACH), PY_LOCK_ACQUIRED);
    EXPECT_EQ(_PyMutex_LockTimed(&m, 0, _Py_LOCK_DONT_DETACH), PY_LOCK_FAILURE);
    std::thread other([&]() {
        EXPECT_EQ(_PyMutex_LockTimed(&m, 2000000, _Py_LOCK_DONT_DETACH), PY_LOCK_FAILURE);
    });
    other.join();
    PyMutex_Unlock(&m);
    EXPECT_FALSE(PyMutex_IsLocked(&m));
    EXPECT_TRUE(_PyMutex_TryLock(&m));
    PyMutex_Unlock(&m);
}

// Threads that hold the mutex across a yield force others to park; every increment must
// survive and the mutex must end unlocked with no parked bit left behind.
TEST(PyMutexTimed, ParkingUnderHeavyContention)
{
    PyMutex m = {0};
    long counter = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; t++) {
        threads.emplace_back([&]() {
            for (int i = 0; i < 3000; i++) {
                PyMutex_Lock(&m);
                long seen = counter;
                if (i % 16 == 0) {
                    std::this_thread::yield();
                }
                counter = seen + 1;
                PyMutex_Unlock(&m);
            }
        });
    }
    for (auto &t : threads) {
        t.join();
    }
    EXPECT_EQ(counter, 6L * 3000);
    EXPECT_EQ(m._bits, 0);
}
