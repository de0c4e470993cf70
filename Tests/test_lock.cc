// GoogleTest tests of PyMutex (Include/lock.h, Python/lock.c): mutual exclusion under many
// threads, and the lock/unlock state seen by PyMutex_IsLocked.  They need no interpreter.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

extern "C" {
#include "Python.h"
}

TEST(PyMutex, StartsUnlockedAndLocks)
{
    PyMutex m = {0};
    EXPECT_FALSE(PyMutex_IsLocked(&m));
    PyMutex_Lock(&m);
    EXPECT_TRUE(PyMutex_IsLocked(&m));
    PyMutex_Unlock(&m);
    EXPECT_FALSE(PyMutex_IsLocked(&m));
}

// Eight threads increment a plain counter under one mutex; lost updates would show as a
// smaller total.
TEST(PyMutex, MutualExclusionUnderContention)
{
    PyMutex m = {0};
    long counter = 0;
    const int threads = 8;
    const int iterations = 20000;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; t++) {
        workers.emplace_back([&]() {
            for (int i = 0; i < iterations; i++) {
                PyMutex_Lock(&m);
                long seen = counter;
                counter = seen + 1;
                PyMutex_Unlock(&m);
            }
        });
    }
    for (auto &w : workers) {
        w.join();
    }
    EXPECT_EQ(counter, (long)threads * iterations);
    EXPECT_FALSE(PyMutex_IsLocked(&m));
}

// Two threads working on two different mutexes proceed independently and each protected
// value ends exact.
TEST(PyMutex, IndependentMutexesDoNotInterfere)
{
    PyMutex a = {0}, b = {0};
    long value_a = 0, value_b = 0;
    std::thread t1([&]() {
        for (int i = 0; i < 10000; i++) {
            PyMutex_Lock(&a);
            value_a++;
            PyMutex_Unlock(&a);
        }
    });
    std::thread t2([&]() {
        for (int i = 0; i < 10000; i++) {
            PyMutex_Lock(&b);
            value_b += 2;
            PyMutex_Unlock(&b);
        }
    });
    t1.join();
    t2.join();
    EXPECT_EQ(value_a, 10000);
    EXPECT_EQ(value_b, 20000);
}
