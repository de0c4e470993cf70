// GoogleTest tests of PyEvent (Include/internal/pycore_lock.h, Python/lock.c), the one-shot
// event of the runtime: waiters wake when it is set, a timed wait gives up, and what the
// notifier wrote before setting it is visible to every woken waiter.  No interpreter needed.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_lock.h"
}

TEST(PyEvent, StartsUnsetAndTimedWaitGivesUp)
{
    PyEvent evt = {0};
    EXPECT_FALSE(_PyEvent_IsSet(&evt));
    EXPECT_EQ(PyEvent_WaitTimed(&evt, 0, 0), 0);
    EXPECT_EQ(PyEvent_WaitTimed(&evt, 2 * 1000 * 1000, 0), 0);   // 2 ms, nobody sets it
    EXPECT_FALSE(_PyEvent_IsSet(&evt));
}

TEST(PyEvent, SetOnceStaysSet)
{
    PyEvent evt = {0};
    _PyEvent_Notify(&evt);
    EXPECT_TRUE(_PyEvent_IsSet(&evt));
    _PyEvent_Notify(&evt);              // a second notify changes nothing
    EXPECT_TRUE(_PyEvent_IsSet(&evt));
    PyEvent_Wait(&evt);                 // returns at once
    EXPECT_EQ(PyEvent_WaitTimed(&evt, 0, 0), 1);
}

TEST(PyEvent, NotifyWakesEveryWaiterAndPublishesWrites)
{
    for (int round = 0; round < 20; round++) {
        PyEvent evt = {0};
        int payload = 0;                 // written before the notify, read by the waiters
        std::atomic<int> woken{0}, saw_payload{0};
        std::vector<std::thread> waiters;
        for (int i = 0; i < 8; i++) {
            waiters.emplace_back([&] {
                PyEvent_Wait(&evt);
                woken++;
                if (payload == 42) {
                    saw_payload++;
                }
            });
        }
        if (round % 2) {
            std::this_thread::yield();   // some rounds notify before the waiters park
        }
        payload = 42;
        _PyEvent_Notify(&evt);
        for (auto &t : waiters) {
            t.join();
        }
        EXPECT_EQ(woken.load(), 8);
        EXPECT_EQ(saw_payload.load(), 8);
    }
}

TEST(PyEvent, TimedWaitersWakeWhenSet)
{
    PyEvent evt = {0};
    std::atomic<int> set_seen{0};
    std::vector<std::thread> waiters;
    for (int i = 0; i < 4; i++) {
        waiters.emplace_back([&] {
            // A generous timeout: the event is set long before it expires.
            if (PyEvent_WaitTimed(&evt, (int64_t)60 * 1000 * 1000 * 1000, 0) == 1) {
                set_seen++;
            }
        });
    }
    _PyEvent_Notify(&evt);
    for (auto &t : waiters) {
        t.join();
    }
    EXPECT_EQ(set_seen.load(), 4);
}
