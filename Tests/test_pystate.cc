// GoogleTest tests of the runtime primitives (Python/pystate.c, Python/ceval_gil.c,
// Python/thread.c, Python/gc.c): thread states and the GIL seen from C threads, PyThread
// locks with timeouts, thread-specific storage, and the cyclic collector driven from C.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_gc.h"
}

namespace {

class RuntimeTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!Py_IsInitialized()) {
            Py_Initialize();
        }
    }
};

TEST_F(RuntimeTest, CurrentThreadStateIsAttached)
{
    PyThreadState *tstate = PyThreadState_Get();
    ASSERT_NE(tstate, nullptr);
    EXPECT_EQ(tstate, _PyThreadState_GET());
    EXPECT_EQ(tstate->interp, PyInterpreterState_Main());
    EXPECT_TRUE(PyGILState_Check());
    EXPECT_NE(PyThreadState_GetDict(), nullptr);
}

TEST_F(RuntimeTest, SaveAndRestoreThread)
{
    PyThreadState *tstate = PyEval_SaveThread();
    ASSERT_NE(tstate, nullptr);
    EXPECT_EQ(_PyThreadState_GET(), nullptr);
    PyEval_RestoreThread(tstate);
    EXPECT_EQ(_PyThreadState_GET(), tstate);
}

// C threads attach with PyGILState_Ensure and mutate a shared list; the GIL serialises
// them, so no append is lost.
TEST_F(RuntimeTest, GILStateFromForeignThreads)
{
    PyObject *list = PyList_New(0);
    ASSERT_NE(list, nullptr);
    const int kThreads = 4;
    const int kAppends = 500;
    PyThreadState *main_ts = PyEval_SaveThread();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([list]() {
            for (int i = 0; i < kAppends; i++) {
                PyGILState_STATE st = PyGILState_Ensure();
                PyObject *v = PyLong_FromLong(i);
                PyList_Append(list, v);
                Py_DECREF(v);
                PyGILState_Release(st);
            }
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    PyEval_RestoreThread(main_ts);
    EXPECT_EQ(PyList_GET_SIZE(list), kThreads * kAppends);
    Py_DECREF(list);
}

TEST_F(RuntimeTest, LockTimeouts)
{
    PyThread_type_lock lock = PyThread_allocate_lock();
    ASSERT_NE(lock, nullptr);
    EXPECT_EQ(PyThread_acquire_lock(lock, NOWAIT_LOCK), 1);
    EXPECT_EQ(PyThread_acquire_lock(lock, NOWAIT_LOCK), 0);
    EXPECT_EQ(PyThread_acquire_lock_timed(lock, 2000, 0), PY_LOCK_FAILURE);
    // Another thread may release it (a lock, not a mutex).
    std::thread releaser([lock]() { PyThread_release_lock(lock); });
    releaser.join();
    EXPECT_EQ(PyThread_acquire_lock_timed(lock, 100000, 0), PY_LOCK_ACQUIRED);
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
}

TEST_F(RuntimeTest, ThreadSpecificStorage)
{
    Py_tss_t key = Py_tss_NEEDS_INIT;
    EXPECT_FALSE(PyThread_tss_is_created(&key));
    ASSERT_EQ(PyThread_tss_create(&key), 0);
    EXPECT_TRUE(PyThread_tss_is_created(&key));
    int here = 1;
    EXPECT_EQ(PyThread_tss_set(&key, &here), 0);
    void *seen_elsewhere = &here;
    std::thread other([&]() { seen_elsewhere = PyThread_tss_get(&key); });
    other.join();
    EXPECT_EQ(seen_elsewhere, nullptr);
    EXPECT_EQ(PyThread_tss_get(&key), &here);
    PyThread_tss_delete(&key);
    EXPECT_FALSE(PyThread_tss_is_created(&key));
}

TEST_F(RuntimeTest, CollectorFreesCycles)
{
    PyGC_Collect();
    // a -> b -> a, built with the C API, then dropped.
    PyObject *a = PyList_New(0);
    PyObject *b = PyList_New(0);
    ASSERT_TRUE(a && b);
    ASSERT_EQ(PyList_Append(a, b), 0);
    ASSERT_EQ(PyList_Append(b, a), 0);
    EXPECT_TRUE(PyObject_GC_IsTracked(a));
    Py_DECREF(a);
    Py_DECREF(b);
    EXPECT_EQ(PyGC_Collect(), 2);
    EXPECT_EQ(PyGC_Collect(), 0);
}

TEST_F(RuntimeTest, CollectorKeepsReachableObjects)
{
    PyObject *holder = PyList_New(0);
    PyObject *cycle = PyList_New(0);
    ASSERT_TRUE(holder && cycle);
    ASSERT_EQ(PyList_Append(cycle, cycle), 0);
    ASSERT_EQ(PyList_Append(holder, cycle), 0);
    Py_DECREF(cycle);
    PyGC_Collect();
    EXPECT_EQ(PyList_GET_SIZE(holder), 1);
    EXPECT_EQ(PyList_GET_ITEM(PyList_GET_ITEM(holder, 0), 0), PyList_GET_ITEM(holder, 0));
    Py_DECREF(holder);
    PyGC_Collect();
}

TEST_F(RuntimeTest, EnableDisable)
{
    int was = PyGC_Disable();
    EXPECT_FALSE(PyGC_IsEnabled());
    EXPECT_EQ(PyGC_Enable(), 0);
    EXPECT_TRUE(PyGC_IsEnabled());
    if (!was) {
        PyGC_Disable();
    }
}

TEST_F(RuntimeTest, RunSimpleString)
{
    EXPECT_EQ(PyRun_SimpleString("braid_gtest_value = 6 * 7\n"), 0);
    PyObject *main = PyImport_AddModule("__main__");
    ASSERT_NE(main, nullptr);
    PyObject *v = PyDict_GetItemString(PyModule_GetDict(main), "braid_gtest_value");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(PyLong_AsLong(v), 42);
}

TEST_F(RuntimeTest, PendingCallRunsOnMainThread)
{
    static int calls = 0;
    calls = 0;
    ASSERT_EQ(Py_AddPendingCall([](void *) -> int { calls++; return 0; }, nullptr), 0);
    EXPECT_EQ(Py_MakePendingCalls(), 0);
    EXPECT_EQ(calls, 1);
}

}  // namespace
