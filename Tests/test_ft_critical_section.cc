// GoogleTest tests of critical sections (Include/critical_section.h, Python/critical_section.c)
// seen from attached threads.
//
// In the free-threaded build a section locks the object's ob_mutex and is suspended (its
// mutexes released) whenever the thread blocks on another mutex or detaches, then resumed; the
// tests check mutual exclusion, freedom from deadlock for opposite lock orders, and the
// suspend/resume rule itself.  In the GIL build the macros are empty and the GIL provides the
// exclusion: the same stress tests run there with threads attached through PyGILState_Ensure,
// and the tests of the free-threaded mutex states check that sections keep no state instead.
//
// Threads that wait for each other never wait while attached in the GIL build (they would hold
// the GIL); the main thread detaches while it joins its workers.  No timing assertions.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_critical_section.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"
}

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::seconds kSafetyLimit(30);

// A second thread that attaches once and then waits detached until the test ends: with it the
// interpreter runs two threads, so sections take their locks (a thread that is alone takes
// none; see FTCriticalSectionAlone).
class Companion {
public:
    Companion()
    {
        PyThreadState *main_ts = PyEval_SaveThread();
        thread_ = std::thread([this]() {
            PyGILState_STATE st = PyGILState_Ensure();
            PyThreadState *ts = PyEval_SaveThread();
            {
                std::unique_lock<std::mutex> lock(mutex_);
                ready_ = true;
                cond_.notify_all();
                cond_.wait(lock, [this]() { return done_; });
            }
            PyEval_RestoreThread(ts);
            PyGILState_Release(st);
        });
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cond_.wait(lock, [this]() { return ready_; });
        }
        PyEval_RestoreThread(main_ts);
    }

    ~Companion()
    {
        PyThreadState *main_ts = PyEval_SaveThread();
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
            cond_.notify_all();
        }
        thread_.join();
        PyEval_RestoreThread(main_ts);
    }

private:
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable cond_;
    bool ready_ = false, done_ = false;
};

class FTCriticalSection : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!Py_IsInitialized()) {
            Py_Initialize();
        }
    }
    void SetUp() override { companion_ = new Companion(); }
    void TearDown() override { delete companion_; }
    Companion *companion_ = nullptr;
};

class FTCriticalSectionAlone : public FTCriticalSection {
protected:
    void SetUp() override {}
    void TearDown() override {}
};

#ifdef Py_GIL_DISABLED
static bool object_locked(PyObject *op)
{
    return PyMutex_IsLocked(&op->ob_mutex);
}

// Called by a thread alone in the interpreter, inside a section: start a second thread that
// attaches (the interpreter then runs two threads), detaches and waits for `release`, and
// wait, detached, until it has attached.  Returns the thread; *attached tells whether it did.
static std::thread start_second_thread(std::atomic<bool> *attached, std::atomic<bool> *release)
{
    std::thread other;
    Py_BEGIN_ALLOW_THREADS
    other = std::thread([attached, release]() {
        PyGILState_STATE st = PyGILState_Ensure();    // two threads from here on
        *attached = true;
        PyThreadState *ts = PyEval_SaveThread();
        while (!release->load()) {
            std::this_thread::yield();
        }
        PyEval_RestoreThread(ts);
        PyGILState_Release(st);
    });
    auto deadline = Clock::now() + kSafetyLimit;
    while (!attached->load() && Clock::now() < deadline) {
        std::this_thread::yield();
    }
    Py_END_ALLOW_THREADS
    return other;
}
#endif

// Run body(index) in n threads, each attached for the whole body, while the calling thread is
// detached (so that the GIL, or a stop-the-world request, never waits for it).
template <typename Body>
static void run_attached_threads(int n, Body body)
{
    PyThreadState *main_ts = PyEval_SaveThread();
    std::vector<std::thread> threads;
    for (int t = 0; t < n; t++) {
        threads.emplace_back([&body, t]() {
            PyGILState_STATE st = PyGILState_Ensure();
            body(t);
            PyGILState_Release(st);
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    PyEval_RestoreThread(main_ts);
}

// Give other attached threads a chance to run: in the GIL build this releases the GIL, in
// the free-threaded build it detaches (which suspends any active section, so callers only do
// it outside their sections).
static void let_others_run()
{
    Py_BEGIN_ALLOW_THREADS
    std::this_thread::yield();
    Py_END_ALLOW_THREADS
}

TEST_F(FTCriticalSection, OneObjectMutualExclusion)
{
    PyObject *obj = PyList_New(0);
    ASSERT_NE(obj, nullptr);
    long first = 0, second = 0;
    std::atomic<long> torn{0};
    const int kThreads = 8;
    const int kIterations = 20000;
    run_attached_threads(kThreads, [&](int t) {
        for (int i = 0; i < kIterations; i++) {
            Py_BEGIN_CRITICAL_SECTION(obj);
            if (first != second) {
                torn++;
            }
            first++;
            second++;
            Py_END_CRITICAL_SECTION();
            if (i % 1000 == 0) {
                let_others_run();
            }
        }
    });
    EXPECT_EQ(torn.load(), 0);
    EXPECT_EQ(first, (long)kThreads * kIterations);
    EXPECT_EQ(second, first);
#ifdef Py_GIL_DISABLED
    EXPECT_FALSE(object_locked(obj));
#endif
    EXPECT_EQ(PyThreadState_Get()->critical_section, (uintptr_t)0);
    Py_DECREF(obj);
}

// Half the threads lock (a, b), the other half (b, a), in tight loops, each also taking a
// single-object section on a or b in between.  The two-object form locks in address order and
// never waits for one mutex while holding the other, so this cannot deadlock; the counter that
// only changes under both locks stays exact.
TEST_F(FTCriticalSection, TwoObjectsOppositeOrdersNeverDeadlock)
{
    PyObject *a = PyList_New(0);
    PyObject *b = PyDict_New();
    ASSERT_TRUE(a != nullptr && b != nullptr);
    long both = 0, only_a = 0, only_b = 0;
    const int kThreads = 8;
    const int kIterations = 20000;
    run_attached_threads(kThreads, [&](int t) {
        PyObject *x = (t % 2) ? a : b;
        PyObject *y = (t % 2) ? b : a;
        for (int i = 0; i < kIterations; i++) {
            Py_BEGIN_CRITICAL_SECTION2(x, y);
            long seen = both;
            if (i % 128 == 0) {
                std::this_thread::yield();
            }
            both = seen + 1;
            Py_END_CRITICAL_SECTION2();
            if (i % 3 == 0) {
                Py_BEGIN_CRITICAL_SECTION(a);
                only_a++;
                Py_END_CRITICAL_SECTION();
            }
            else if (i % 3 == 1) {
                Py_BEGIN_CRITICAL_SECTION(b);
                only_b++;
                Py_END_CRITICAL_SECTION();
            }
            if (i % 1000 == 0) {
                let_others_run();
            }
        }
    });
    EXPECT_EQ(both, (long)kThreads * kIterations);
    long thirds = (kIterations + 2) / 3;
    EXPECT_EQ(only_a, (long)kThreads * thirds);
    EXPECT_EQ(only_b, (long)kThreads * ((kIterations + 1) / 3));
#ifdef Py_GIL_DISABLED
    EXPECT_FALSE(object_locked(a));
    EXPECT_FALSE(object_locked(b));
#endif
    Py_DECREF(a);
    Py_DECREF(b);
}

// Nested sections taken in opposite orders by different threads (outer a, inner b versus
// outer b, inner a): a plain pair of mutexes would deadlock; with suspend-on-block the thread
// that blocks on its inner object releases its outer one first.  Only the innermost section is
// guaranteed to be held while it is active, so the counters are each updated in the section
// that locks their object innermost.
TEST_F(FTCriticalSection, NestedOppositeOrdersNeverDeadlock)
{
    PyObject *a = PyList_New(0);
    PyObject *b = PyList_New(0);
    ASSERT_TRUE(a != nullptr && b != nullptr);
    long count_a = 0, count_b = 0;
    const int kThreads = 8;
    const int kIterations = 10000;
    run_attached_threads(kThreads, [&](int t) {
        PyObject *outer = (t % 2) ? a : b;
        PyObject *inner = (t % 2) ? b : a;
        long *inner_count = (t % 2) ? &count_b : &count_a;
        long *outer_count = (t % 2) ? &count_a : &count_b;
        for (int i = 0; i < kIterations; i++) {
            Py_BEGIN_CRITICAL_SECTION(outer);
            (*outer_count)++;
            Py_BEGIN_CRITICAL_SECTION(inner);
            (*inner_count)++;
            Py_END_CRITICAL_SECTION();
            // Resumed: the outer object is locked again when the inner section ends.
            (*outer_count)++;
            Py_END_CRITICAL_SECTION();
            if (i % 1000 == 0) {
                let_others_run();
            }
        }
    });
    EXPECT_EQ(count_a + count_b, 3L * kThreads * kIterations);
    EXPECT_EQ(count_a, 3L * kThreads * kIterations / 2);
#ifdef Py_GIL_DISABLED
    EXPECT_FALSE(object_locked(a));
    EXPECT_FALSE(object_locked(b));
#endif
    Py_DECREF(a);
    Py_DECREF(b);
}

#ifdef Py_GIL_DISABLED

// The suspend/resume rule, deterministically: thread A holds a section on x and opens an inner
// section on y, which a plain C thread B holds (a raw PyMutex lock, never suspended).  While A
// waits for y it must have released x: B observes x free and locks it, although A is still
// inside its outer section.  When B lets go of both, A gets y, and when A's inner section ends
// its outer section holds x again.
TEST_F(FTCriticalSection, InnerBlockSuspendsOuterAndResumesIt)
{
    PyObject *x = PyList_New(0);
    PyObject *y = PyList_New(0);
    ASSERT_TRUE(x != nullptr && y != nullptr);
    std::atomic<int> stage{0};   // 1: B holds y; 2: A holds x; 3: A got y; 4: A done
    std::atomic<bool> b_saw_x_free{false};
    std::atomic<bool> a_got_y_early{false};
    std::atomic<bool> x_held_after_inner{false};
    std::atomic<bool> inner_held_y{false};

    std::thread b([&]() {
        PyMutex_Lock(&y->ob_mutex);
        stage = 1;
        auto give_up = Clock::now() + kSafetyLimit;
        while (stage.load() < 2 && Clock::now() < give_up) {
            std::this_thread::yield();
        }
        // A is now inside its outer section and about to block on y.
        while (Clock::now() < give_up) {
            if (_PyMutex_TryLock(&x->ob_mutex)) {
                b_saw_x_free = true;
                break;
            }
            std::this_thread::yield();
        }
        if (stage.load() >= 3) {
            a_got_y_early = true;
        }
        if (b_saw_x_free.load()) {
            PyMutex_Unlock(&x->ob_mutex);
        }
        PyMutex_Unlock(&y->ob_mutex);
    });

    PyThreadState *main_ts = PyEval_SaveThread();
    std::thread a([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        while (stage.load() < 1) {
            std::this_thread::yield();
        }
        Py_BEGIN_CRITICAL_SECTION(x);
        stage = 2;
        Py_BEGIN_CRITICAL_SECTION(y);
        stage = 3;
        inner_held_y = object_locked(y) && _PyCriticalSection_IsHeld(y);
        Py_END_CRITICAL_SECTION();
        x_held_after_inner = object_locked(x) && _PyCriticalSection_IsHeld(x);
        Py_END_CRITICAL_SECTION();
        stage = 4;
        PyGILState_Release(st);
    });
    a.join();
    b.join();
    PyEval_RestoreThread(main_ts);

    EXPECT_TRUE(b_saw_x_free.load()) << "the outer section was not suspended";
    EXPECT_FALSE(a_got_y_early.load());
    EXPECT_TRUE(inner_held_y.load());
    EXPECT_TRUE(x_held_after_inner.load()) << "the outer section was not resumed";
    EXPECT_EQ(stage.load(), 4);
    EXPECT_FALSE(object_locked(x));
    EXPECT_FALSE(object_locked(y));
    Py_DECREF(x);
    Py_DECREF(y);
}

// Blocking on a plain PyMutex inside a section: PyMutex_Lock parks with the thread state
// detached, so the section is suspended meanwhile (a thread that needs the section's object
// to release that mutex can get it) and resumed afterwards.
TEST_F(FTCriticalSection, BlockingOnAMutexSuspendsTheSection)
{
    PyObject *x = PyList_New(0);
    ASSERT_NE(x, nullptr);
    PyMutex m = {0};
    std::atomic<int> stage{0};    // 1: B holds m; 2: A is inside its section
    std::atomic<bool> b_got_x{false};
    std::atomic<bool> x_held_after{false};

    std::thread b([&]() {
        PyMutex_Lock(&m);
        stage = 1;
        auto give_up = Clock::now() + kSafetyLimit;
        while (stage.load() < 2 && Clock::now() < give_up) {
            std::this_thread::yield();
        }
        // Needs x before it lets go of m: only possible if A's section was suspended.
        while (Clock::now() < give_up) {
            if (_PyMutex_TryLock(&x->ob_mutex)) {
                b_got_x = true;
                PyMutex_Unlock(&x->ob_mutex);
                break;
            }
            std::this_thread::yield();
        }
        PyMutex_Unlock(&m);
    });

    PyThreadState *main_ts = PyEval_SaveThread();
    std::thread a([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        while (stage.load() < 1) {
            std::this_thread::yield();
        }
        Py_BEGIN_CRITICAL_SECTION(x);
        stage = 2;
        PyMutex_Lock(&m);
        PyMutex_Unlock(&m);
        x_held_after = object_locked(x) && _PyCriticalSection_IsHeld(x);
        Py_END_CRITICAL_SECTION();
        PyGILState_Release(st);
    });
    a.join();
    b.join();
    PyEval_RestoreThread(main_ts);

    EXPECT_TRUE(b_got_x.load()) << "the section stayed locked while its thread was parked";
    EXPECT_TRUE(x_held_after.load()) << "the section was not resumed";
    EXPECT_FALSE(object_locked(x));
    EXPECT_EQ(m._bits, 0);
    Py_DECREF(x);
}

// Detaching inside a section releases its mutex; attaching again re-locks it.
TEST_F(FTCriticalSection, DetachSuspendsAndAttachResumes)
{
    PyObject *x = PyList_New(0);
    ASSERT_NE(x, nullptr);
    bool locked_inside = false, locked_while_detached = true, locked_after = false;
    bool other_could_lock = false;
    Py_BEGIN_CRITICAL_SECTION(x);
    locked_inside = object_locked(x);
    Py_BEGIN_ALLOW_THREADS
    locked_while_detached = object_locked(x);
    std::thread other([&]() {
        if (_PyMutex_TryLock(&x->ob_mutex)) {
            other_could_lock = true;
            PyMutex_Unlock(&x->ob_mutex);
        }
    });
    other.join();
    Py_END_ALLOW_THREADS
    locked_after = object_locked(x) && _PyCriticalSection_IsHeld(x);
    Py_END_CRITICAL_SECTION();
    EXPECT_TRUE(locked_inside);
    EXPECT_FALSE(locked_while_detached);
    EXPECT_TRUE(other_could_lock);
    EXPECT_TRUE(locked_after);
    EXPECT_FALSE(object_locked(x));
    EXPECT_EQ(PyThreadState_Get()->critical_section, (uintptr_t)0);
    Py_DECREF(x);
}

// Detaching inside two nested sections releases both; after attaching, the outer one holds its
// object again at the latest when the inner one has ended.
TEST_F(FTCriticalSection, DetachInNestedSections)
{
    PyObject *x = PyList_New(0);
    PyObject *y = PyList_New(0);
    ASSERT_TRUE(x != nullptr && y != nullptr);
    bool x_free = false, y_free = false, y_after = false, x_after = false;
    Py_BEGIN_CRITICAL_SECTION(x);
    Py_BEGIN_CRITICAL_SECTION(y);
    Py_BEGIN_ALLOW_THREADS
    x_free = !object_locked(x);
    y_free = !object_locked(y);
    Py_END_ALLOW_THREADS
    y_after = object_locked(y);
    Py_END_CRITICAL_SECTION();
    x_after = object_locked(x) && _PyCriticalSection_IsHeld(x);
    Py_END_CRITICAL_SECTION();
    EXPECT_TRUE(x_free);
    EXPECT_TRUE(y_free);
    EXPECT_TRUE(y_after);
    EXPECT_TRUE(x_after);
    EXPECT_FALSE(object_locked(x));
    EXPECT_FALSE(object_locked(y));
    Py_DECREF(x);
    Py_DECREF(y);
}

// A thread alone in the interpreter takes no lock for its sections (they are pushed as re-entry
// sections); when a second thread appears, it runs only after this thread has detached, and the
// section holds its lock for real from the re-attach on.
TEST_F(FTCriticalSectionAlone, AloneTakesNoLockUntilASecondThreadRuns)
{
    PyObject *x = PyList_New(0);
    ASSERT_NE(x, nullptr);
    bool locked_alone = true, held_alone = false, locked_after = false, other_locked = true;
    std::atomic<bool> other_attached{false};
    std::atomic<bool> release_other{false};
    std::thread other;
    Py_BEGIN_CRITICAL_SECTION(x);
    locked_alone = object_locked(x);
    held_alone = _PyCriticalSection_IsHeld(x);
    other = start_second_thread(&other_attached, &release_other);
    locked_after = object_locked(x) && _PyCriticalSection_IsHeld(x);
    other_locked = _PyMutex_TryLock(&x->ob_mutex);   // held by this thread: must fail
    if (other_locked) {
        PyMutex_Unlock(&x->ob_mutex);
    }
    Py_END_CRITICAL_SECTION();
    release_other = true;
    Py_BEGIN_ALLOW_THREADS
    other.join();
    Py_END_ALLOW_THREADS
    EXPECT_FALSE(locked_alone);
    EXPECT_TRUE(held_alone);
    EXPECT_TRUE(other_attached.load());
    EXPECT_TRUE(locked_after);
    EXPECT_FALSE(other_locked);
    EXPECT_FALSE(object_locked(x));
    EXPECT_EQ(PyThreadState_Get()->critical_section, (uintptr_t)0);
    Py_DECREF(x);
}

// The same for a two-object section (inline in the header since the lone case became a
// fast path): no lock while alone, both locks held for real once a second thread has run.
TEST_F(FTCriticalSectionAlone, AloneTwoObjectSectionLocksBothWhenASecondThreadRuns)
{
    PyObject *x = PyList_New(0);
    PyObject *y = PyList_New(0);
    ASSERT_NE(x, nullptr);
    ASSERT_NE(y, nullptr);
    bool locked_alone = true, locked_after = false;
    std::atomic<bool> other_attached{false};
    std::atomic<bool> release_other{false};
    std::thread other;
    Py_BEGIN_CRITICAL_SECTION2(x, y);
    locked_alone = object_locked(x) || object_locked(y);
    other = start_second_thread(&other_attached, &release_other);
    locked_after = object_locked(x) && object_locked(y);
    Py_END_CRITICAL_SECTION2();
    release_other = true;
    Py_BEGIN_ALLOW_THREADS
    other.join();
    Py_END_ALLOW_THREADS
    EXPECT_FALSE(locked_alone);
    EXPECT_TRUE(other_attached.load());
    EXPECT_TRUE(locked_after);
    EXPECT_FALSE(object_locked(x));
    EXPECT_FALSE(object_locked(y));
    EXPECT_EQ(PyThreadState_Get()->critical_section, (uintptr_t)0);
    Py_DECREF(x);
    Py_DECREF(y);
}

#endif  // Py_GIL_DISABLED

// Re-entering a section on an object this thread already holds, and the two-object form on one
// object twice, must not self-deadlock; everything is unlocked afterwards.
TEST_F(FTCriticalSection, ReentryAndSameObjectTwice)
{
    PyObject *x = PyList_New(0);
    ASSERT_NE(x, nullptr);
    int reached = 0;
    Py_BEGIN_CRITICAL_SECTION(x);
    Py_BEGIN_CRITICAL_SECTION(x);
    reached++;
    Py_END_CRITICAL_SECTION();
#ifdef Py_GIL_DISABLED
    EXPECT_TRUE(object_locked(x));
#endif
    Py_BEGIN_CRITICAL_SECTION2(x, x);
    reached++;
    Py_END_CRITICAL_SECTION2();
    Py_END_CRITICAL_SECTION();
    Py_BEGIN_CRITICAL_SECTION2(x, x);
    reached++;
    Py_END_CRITICAL_SECTION2();
    EXPECT_EQ(reached, 3);
#ifdef Py_GIL_DISABLED
    EXPECT_FALSE(object_locked(x));
#endif
    EXPECT_EQ(PyThreadState_Get()->critical_section, (uintptr_t)0);
    Py_DECREF(x);
}

// The section stack: each thread's tstate->critical_section is back to empty after any mix of
// nesting, and in the GIL build sections keep no state at all.
TEST_F(FTCriticalSection, StackIsRestored)
{
    PyObject *objs[4];
    for (auto &o : objs) {
        o = PyList_New(0);
        ASSERT_NE(o, nullptr);
    }
    PyThreadState *tstate = PyThreadState_Get();
    uintptr_t before = tstate->critical_section;
    Py_BEGIN_CRITICAL_SECTION(objs[0]);
    Py_BEGIN_CRITICAL_SECTION2(objs[1], objs[2]);
    Py_BEGIN_CRITICAL_SECTION(objs[3]);
#ifdef Py_GIL_DISABLED
    EXPECT_NE(tstate->critical_section, before);
    EXPECT_TRUE(_PyCriticalSection_IsHeld(objs[3]));
#else
    EXPECT_EQ(tstate->critical_section, before);
#endif
    Py_END_CRITICAL_SECTION();
    Py_END_CRITICAL_SECTION2();
    Py_END_CRITICAL_SECTION();
    EXPECT_EQ(tstate->critical_section, before);
    for (auto &o : objs) {
        Py_DECREF(o);
    }
}

// Objects mutated through the C API by many attached threads at once: list appends and dict
// insertions (each a critical section inside the object) are never lost.
TEST_F(FTCriticalSection, ContainerMutationsFromCThreads)
{
    PyObject *list = PyList_New(0);
    PyObject *dict = PyDict_New();
    ASSERT_TRUE(list != nullptr && dict != nullptr);
    const int kThreads = 8;
    const int kItems = 2000;
    run_attached_threads(kThreads, [&](int t) {
        for (int i = 0; i < kItems; i++) {
            PyObject *v = PyLong_FromLong((long)t * kItems + i);
            ASSERT_NE(v, nullptr);
            EXPECT_EQ(PyList_Append(list, v), 0);
            EXPECT_EQ(PyDict_SetItem(dict, v, v), 0);
            Py_DECREF(v);
            if (i % 500 == 0) {
                let_others_run();
            }
        }
    });
    EXPECT_EQ(PyList_GET_SIZE(list), (Py_ssize_t)kThreads * kItems);
    EXPECT_EQ(PyDict_Size(dict), (Py_ssize_t)kThreads * kItems);
    long long sum = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        sum += PyLong_AsLong(PyList_GET_ITEM(list, i));
    }
    long long n = (long long)kThreads * kItems;
    EXPECT_EQ(sum, n * (n - 1) / 2);
    Py_DECREF(list);
    Py_DECREF(dict);
}

}  // namespace
