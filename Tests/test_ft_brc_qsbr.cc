// GoogleTest tests of reference counting across threads: biased reference counting's merge
// queues (Python/brc.c, Include/internal/pycore_brc.h), per-thread counts of promoted objects
// (Python/ptrc.c, Include/internal/pycore_ptrc.h) and quiescent-state-based reclamation
// (Python/qsbr.c, Include/internal/pycore_qsbr.h).
//
// The objects are instances of a small heap type whose tp_dealloc counts deallocations and,
// for the QSBR reader test, keeps the memory (marked dead) instead of freeing it, so that a
// reader that looks at an object after it was released early sees the mark instead of reused
// memory.  Threads hand each other steps through atomic flags; every wait has a generous
// wall-clock safety limit so that a broken primitive fails a count instead of hanging.  No
// timing assertions.
//
// BRC and QSBR exist only in the free-threaded build; in the GIL build the delayed-release
// functions release at once and the tests check that, plus exact counts under the GIL.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"
#ifdef Py_GIL_DISABLED
#include "pycore_brc.h"
#include "pycore_ptrc.h"
#endif
}

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::seconds kSafetyLimit(30);

// ---- a counted heap type -----------------------------------------------------------------

struct Counted {
    PyObject_HEAD
    std::atomic<int> alive;     // 1 until tp_dealloc ran
    long payload;
};

std::atomic<long> g_deallocs{0};
// When set, tp_dealloc keeps the memory (for the reader test) in g_graveyard.
std::atomic<bool> g_keep_memory{false};
std::mutex g_graveyard_mutex;
std::vector<PyObject *> g_graveyard;   // protected by g_graveyard_mutex

void counted_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    reinterpret_cast<Counted *>(self)->alive.store(0);
    g_deallocs++;
    if (g_keep_memory.load()) {
        std::lock_guard<std::mutex> guard(g_graveyard_mutex);
        g_graveyard.push_back(self);
    }
    else {
        PyObject_Free(self);
    }
    Py_DECREF(tp);
}

PyTypeObject *counted_type()
{
    static PyType_Slot slots[] = {
        {Py_tp_dealloc, (void *)counted_dealloc},
        {0, nullptr},
    };
    static PyType_Spec spec = {
        "braid_gtest.Counted", (int)sizeof(Counted), 0, Py_TPFLAGS_DEFAULT, slots,
    };
    static PyObject *type = nullptr;     // created once, by an attached thread
    if (type == nullptr) {
        type = PyType_FromSpec(&spec);
    }
    return reinterpret_cast<PyTypeObject *>(type);
}

// Return a new reference to a fresh Counted (owned by the calling thread).
PyObject *new_counted(long payload)
{
    PyTypeObject *tp = counted_type();
    if (tp == nullptr) {
        return nullptr;
    }
    PyObject *op = tp->tp_alloc(tp, 0);
    if (op != nullptr) {
        reinterpret_cast<Counted *>(op)->alive.store(1);
        reinterpret_cast<Counted *>(op)->payload = payload;
    }
    return op;
}

void free_graveyard()
{
    std::lock_guard<std::mutex> guard(g_graveyard_mutex);
    for (PyObject *op : g_graveyard) {
        PyObject_Free(op);
    }
    g_graveyard.clear();
}

template <typename Pred>
bool wait_until(Pred pred)
{
    auto give_up = Clock::now() + kSafetyLimit;
    while (!pred()) {
        if (Clock::now() > give_up) {
            return false;
        }
        std::this_thread::yield();
    }
    return true;
}

class FTRefcount : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!Py_IsInitialized()) {
            Py_Initialize();
        }
        ASSERT_NE(counted_type(), nullptr);
    }

    void SetUp() override
    {
        g_deallocs = 0;
        g_keep_memory = false;
        // The test threads attach themselves; the main thread stays out of their way
        // (detached, it neither holds the GIL nor holds back QSBR).
        main_ts_ = PyEval_SaveThread();
    }

    void TearDown() override
    {
        PyEval_RestoreThread(main_ts_);
        free_graveyard();
    }

    PyThreadState *main_ts_ = nullptr;
};

// Eight threads take and drop references to one object concurrently (the owner through its
// local count, the others through the shared count); the count ends exact and the object is
// freed exactly once, when the last reference goes.
TEST_F(FTRefcount, ConcurrentIncrefDecrefStaysExact)
{
    std::atomic<PyObject *> shared{nullptr};
    std::atomic<int> started{0}, finished{0};
    std::atomic<long> refcnt_after{-1};
    const int kThreads = 8;
    const int kIterations = 100000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&, t]() {
            PyGILState_STATE st = PyGILState_Ensure();
            if (t == 0) {
                shared = new_counted(7);
            }
            started++;
            Py_BEGIN_ALLOW_THREADS
            wait_until([&]() { return started.load() == kThreads; });
            Py_END_ALLOW_THREADS
            PyObject *op = shared.load();
            for (int i = 0; i < kIterations; i++) {
                Py_INCREF(op);
                if (i % 3 == 0) {
                    Py_INCREF(op);
                    Py_DECREF(op);
                }
                Py_DECREF(op);
            }
            finished++;
            if (t == 0) {
                // The owner waits for everybody, checks the count, drops its reference.
                Py_BEGIN_ALLOW_THREADS
                wait_until([&]() { return finished.load() == kThreads; });
                Py_END_ALLOW_THREADS
#ifdef Py_GIL_DISABLED
                // The non-owners' many drops promoted it (per-thread counts): a collection
                // folds them back.
                PyGC_Collect();
#endif
                refcnt_after = (long)Py_REFCNT(op);
                Py_DECREF(op);
#ifdef Py_GIL_DISABLED
                _Py_brc_merge_refcounts(PyThreadState_Get());
#endif
            }
            PyGILState_Release(st);
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    EXPECT_EQ(refcnt_after.load(), 1);
    EXPECT_EQ(g_deallocs.load(), 1);
}

// PyObject_Init on memory a former object used (PyObject_Malloc does not clear it; str and
// bytes are made this way) gives a fresh header: one reference owned by this thread, no lock,
// and in the free-threaded build no GC bits (a stale _PyGC_BITS_SHARED would send the object
// through QSBR and make it look published).
TEST_F(FTRefcount, ObjectInitGivesAFreshHeader)
{
    std::thread([]() {
        PyGILState_STATE st = PyGILState_Ensure();
        PyObject *op = (PyObject *)PyObject_Malloc(sizeof(PyObject));
        ASSERT_NE(op, nullptr);
        memset(op, 0xff, sizeof(PyObject));
        EXPECT_EQ(PyObject_Init(op, &PyBaseObject_Type), op);
        EXPECT_EQ(Py_TYPE(op), &PyBaseObject_Type);
        EXPECT_EQ(Py_REFCNT(op), 1);
#ifdef Py_GIL_DISABLED
        EXPECT_EQ(op->ob_gc_bits, 0);
        EXPECT_EQ(op->ob_flags, 0);
        EXPECT_EQ(op->ob_mutex._bits, 0);
        EXPECT_EQ(op->ob_ref_local, 1u);
        EXPECT_EQ(op->ob_ref_shared, 0);
        EXPECT_EQ(op->ob_tid, _Py_ThreadId());
#endif
        Py_DECREF(op);
        PyGILState_Release(st);
    }).join();
}

#ifdef Py_GIL_DISABLED

// A non-owner drops the last reference: the object is queued to its owner, not freed, until
// the owner merges its queue; then it is freed exactly once.
TEST_F(FTRefcount, BRCMergeWhenOwnerAlive)
{
    std::atomic<PyObject *> handed{nullptr};
    std::atomic<int> stage{0};      // 1: handed over; 2: B dropped it; 3: A merged
    std::atomic<long> deallocs_after_drop{-1};
    std::atomic<long> refcnt_after_drop{-1};
    std::atomic<bool> owned_by_a{false};
    std::atomic<int> queued_flag{-1};

    std::thread a([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        PyObject *op = new_counted(1);
        owned_by_a = _Py_IsOwnedByCurrentThread(op);
        handed = op;                 // the reference passes to B
        stage = 1;
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 2; });
        Py_END_ALLOW_THREADS
        // Still alive here: only our merge can free it.
        _Py_brc_merge_refcounts(PyThreadState_Get());
        stage = 3;
        PyGILState_Release(st);
    });
    std::thread b([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 1; });
        Py_END_ALLOW_THREADS
        PyObject *op = handed.load();
        EXPECT_FALSE(_Py_IsOwnedByCurrentThread(op));
        Py_DECREF(op);
        deallocs_after_drop = g_deallocs.load();
        refcnt_after_drop = (long)Py_REFCNT(op);      // the memory is alive until A merges
        queued_flag = (int)(_Py_atomic_load_ssize(&op->ob_ref_shared) &
                            _Py_REF_SHARED_FLAG_MASK);
        stage = 2;
        PyGILState_Release(st);
    });
    a.join();
    b.join();
    EXPECT_TRUE(owned_by_a.load());
    EXPECT_EQ(deallocs_after_drop.load(), 0);
    EXPECT_EQ(refcnt_after_drop.load(), 1);     // the queue's reference
    EXPECT_EQ(queued_flag.load(), _Py_REF_QUEUED);
    EXPECT_EQ(stage.load(), 3);
    EXPECT_EQ(g_deallocs.load(), 1);
}

// The owner merges from the eval breaker: running Python code after another thread queued an
// object to it frees the object without an explicit merge call.
TEST_F(FTRefcount, BRCMergeFromEvalBreaker)
{
    std::atomic<PyObject *> handed{nullptr};
    std::atomic<int> stage{0};
    std::atomic<long> before_run{-1}, after_run{-1};
    std::thread a([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        handed = new_counted(2);
        stage = 1;
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 2; });
        Py_END_ALLOW_THREADS
        before_run = g_deallocs.load();
        // A loop: its backward jumps check the eval breaker.
        EXPECT_EQ(PyRun_SimpleString("for _ in range(2000):\n    pass\n"), 0);
        after_run = g_deallocs.load();
        PyGILState_Release(st);
    });
    std::thread b([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 1; });
        Py_END_ALLOW_THREADS
        Py_DECREF(handed.load());
        stage = 2;
        PyGILState_Release(st);
    });
    a.join();
    b.join();
    EXPECT_EQ(before_run.load(), 0);
    EXPECT_EQ(after_run.load(), 1);
    EXPECT_EQ(g_deallocs.load(), 1);
}

// The owner's thread state is gone (PyGILState_Release deleted it, the thread exited): a
// non-owner's decref of the last reference merges and frees at once.
TEST_F(FTRefcount, BRCMergeAfterOwnerExited)
{
    PyObject *op = nullptr;
    std::thread a([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        op = new_counted(3);
        // A second reference, dropped by A itself, so that the owner's local count moved.
        Py_INCREF(op);
        Py_DECREF(op);
        PyGILState_Release(st);
    });
    a.join();
    ASSERT_NE(op, nullptr);
    long deallocs_before = -1, deallocs_after = -1;
    std::thread b([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        deallocs_before = g_deallocs.load();
        EXPECT_EQ(Py_REFCNT(op), 1);
        Py_DECREF(op);
        deallocs_after = g_deallocs.load();
        PyGILState_Release(st);
    });
    b.join();
    EXPECT_EQ(deallocs_before, 0);
    EXPECT_EQ(deallocs_after, 1);
}

// Many objects created by one thread are released by others while the owner keeps running
// and merging; once everyone is done, every object was freed exactly once.
TEST_F(FTRefcount, BRCManyObjectsManyDroppers)
{
    const int kDroppers = 6;
    const int kObjects = 3000;
    std::vector<PyObject *> objects(kObjects, nullptr);
    std::atomic<int> created{0};
    std::atomic<int> droppers_done{0};
    std::thread owner([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        for (int i = 0; i < kObjects; i++) {
            objects[i] = new_counted(i);
            // Every object gets one extra reference per dropper.
            for (int d = 0; d < kDroppers; d++) {
                Py_INCREF(objects[i]);
            }
            Py_DECREF(objects[i]);     // the owner's own reference goes at once
        }
        created = 1;
        // Keep merging while the droppers work, then once more at the end.
        while (droppers_done.load() < kDroppers) {
            _Py_brc_merge_refcounts(PyThreadState_Get());
            Py_BEGIN_ALLOW_THREADS
            std::this_thread::yield();
            Py_END_ALLOW_THREADS
        }
        _Py_brc_merge_refcounts(PyThreadState_Get());
        PyGILState_Release(st);
    });
    std::vector<std::thread> droppers;
    for (int d = 0; d < kDroppers; d++) {
        droppers.emplace_back([&, d]() {
            PyGILState_STATE st = PyGILState_Ensure();
            Py_BEGIN_ALLOW_THREADS
            wait_until([&]() { return created.load() == 1; });
            Py_END_ALLOW_THREADS
            for (int i = 0; i < kObjects; i++) {
                Py_DECREF(objects[(i + d * 97) % kObjects]);
            }
            droppers_done++;
            PyGILState_Release(st);
        });
    }
    for (auto &th : droppers) {
        th.join();
    }
    owner.join();
    EXPECT_EQ(g_deallocs.load(), kObjects);
}

// ---- per-thread counts of promoted objects -----------------------------------------------

bool is_promoted(PyObject *op)
{
    return _Py_atomic_load_ssize(&op->ob_ref_shared) >= _Py_REF_PT_MIN;
}

// The calling thread (not op's owner) takes and drops many references to op, as a loop that
// reads a shared object does: enough for the sampler to promote it.
void hammer(PyObject *op)
{
    for (int i = 0; i < 20000; i++) {
        Py_INCREF(op);
        Py_DECREF(op);
    }
}

// Run fn in a fresh attached thread and wait for it.
template <typename Fn>
void in_thread(Fn fn)
{
    std::thread t([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        fn();
        PyGILState_Release(st);
    });
    t.join();
}

// Two non-owners hammer an object: it is promoted and they count in their own slots (its
// shared word does not move); a collection folds every slot back and the count is exact.
TEST_F(FTRefcount, PromotedObjectCountsPerThreadAndFoldsExact)
{
    std::atomic<PyObject *> handed{nullptr};
    std::atomic<int> hammered{0};
    std::atomic<bool> folded{false};
    std::atomic<bool> promoted_b{false}, shared_word_still{false};
    std::atomic<long> refcnt_promoted{-1}, refcnt_folded{-1}, deallocs_before_fold{-1};
    std::atomic<bool> promoted_after_fold{true};
    std::thread owner([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        PyObject *op = new_counted(1);
        handed = op;
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return hammered.load() == 2; });
        Py_END_ALLOW_THREADS
        refcnt_promoted = (long)Py_REFCNT(op);
        deallocs_before_fold = g_deallocs.load();
        PyGC_Collect();
        refcnt_folded = (long)Py_REFCNT(op);
        promoted_after_fold = is_promoted(op);
        folded = true;
        for (int i = 0; i < 7; i++) {      // ours and the six the others kept
            Py_DECREF(op);
        }
        PyGILState_Release(st);
    });
    auto other = [&](bool record) {
        PyGILState_STATE st = PyGILState_Ensure();
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return handed.load() != nullptr; });
        Py_END_ALLOW_THREADS
        PyObject *op = handed.load();
        hammer(op);
        if (record) {
            promoted_b = is_promoted(op);
            Py_ssize_t before = _Py_atomic_load_ssize(&op->ob_ref_shared);
            Py_INCREF(op);
            Py_DECREF(op);
            shared_word_still = _Py_atomic_load_ssize(&op->ob_ref_shared) == before;
        }
        for (int i = 0; i < 3; i++) {
            Py_INCREF(op);                 // kept: the owner drops them after the fold
        }
        hammered++;
        // Stay alive (detached) until the fold has read our slots.
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return folded.load(); });
        Py_END_ALLOW_THREADS
        PyGILState_Release(st);
    };
    std::thread b(other, true), c(other, false);
    b.join();
    c.join();
    owner.join();
    EXPECT_TRUE(promoted_b.load());
    EXPECT_TRUE(shared_word_still.load());
    EXPECT_GE(refcnt_promoted.load(), (long)1 << 40);   // the pin: no "count == 1" shortcut
    EXPECT_EQ(deallocs_before_fold.load(), 0);
    EXPECT_EQ(refcnt_folded.load(), 7);
    EXPECT_FALSE(promoted_after_fold.load());
    EXPECT_EQ(g_deallocs.load(), 1);
}

// The last reference to a promoted object goes: the pin keeps it until the next fold, which
// frees it exactly once.
TEST_F(FTRefcount, ObjectDyingWhilePromotedIsFreedAtTheFold)
{
    std::atomic<long> deallocs_after_last_drop{-1};
    in_thread([&]() {
        PyObject *op = new_counted(2);
        in_thread([&]() { hammer(op); });
        EXPECT_TRUE(is_promoted(op));
        Py_DECREF(op);                     // the last reference
        deallocs_after_last_drop = g_deallocs.load();
        PyGC_Collect();
    });
    EXPECT_EQ(deallocs_after_last_drop.load(), 0);
    EXPECT_EQ(g_deallocs.load(), 1);
}

// A thread that exits hands its slot to the object: the references it kept stay counted.
TEST_F(FTRefcount, ExitingThreadHandsItsCountsToTheObject)
{
    in_thread([&]() {
        PyObject *op = new_counted(3);
        in_thread([&]() {
            hammer(op);
            EXPECT_TRUE(is_promoted(op));
            for (int i = 0; i < 5; i++) {
                Py_INCREF(op);             // kept past this thread's exit
            }
        });
        PyGC_Collect();
        EXPECT_EQ(Py_REFCNT(op), 6);
        for (int i = 0; i < 5; i++) {
            Py_DECREF(op);
        }
        EXPECT_EQ(g_deallocs.load(), 0);
        Py_DECREF(op);
        EXPECT_EQ(g_deallocs.load(), 1);
    });
}

// References taken in one thread's slot and dropped in another's (slots go negative): the
// fold's sum is still exact.
TEST_F(FTRefcount, ReferencesMovedBetweenThreadsSumExactly)
{
    in_thread([&]() {
        PyObject *op = new_counted(4);
        std::atomic<int> stage{0};
        std::thread taker([&]() {
            PyGILState_STATE st = PyGILState_Ensure();
            hammer(op);
            for (int i = 0; i < 1000; i++) {
                Py_INCREF(op);
            }
            stage = 1;
            Py_BEGIN_ALLOW_THREADS
            wait_until([&]() { return stage.load() == 3; });
            Py_END_ALLOW_THREADS
            PyGILState_Release(st);
        });
        std::thread dropper([&]() {
            PyGILState_STATE st = PyGILState_Ensure();
            Py_BEGIN_ALLOW_THREADS
            wait_until([&]() { return stage.load() == 1; });
            Py_END_ALLOW_THREADS
            for (int i = 0; i < 600; i++) {
                Py_DECREF(op);
            }
            stage = 2;
            Py_BEGIN_ALLOW_THREADS
            wait_until([&]() { return stage.load() == 3; });
            Py_END_ALLOW_THREADS
            PyGILState_Release(st);
        });
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 2; });
        Py_END_ALLOW_THREADS
        EXPECT_TRUE(is_promoted(op));
        PyGC_Collect();                    // both threads alive: their slots +1000 and -600
        EXPECT_EQ(Py_REFCNT(op), 401);
        stage = 3;
        Py_BEGIN_ALLOW_THREADS
        taker.join();
        dropper.join();
        Py_END_ALLOW_THREADS
        for (int i = 0; i < 401; i++) {
            Py_DECREF(op);
        }
        EXPECT_EQ(g_deallocs.load(), 1);
    });
}

int finalizer_calls = 0;

void counted_finalize(PyObject *)
{
    finalizer_calls++;
}

// An object whose type has a finalizer keeps CPython's prompt release: never promoted.
TEST_F(FTRefcount, ObjectWithFinalizerIsNeverPromoted)
{
    static PyType_Slot slots[] = {
        {Py_tp_dealloc, (void *)counted_dealloc},
        {Py_tp_finalize, (void *)counted_finalize},
        {0, nullptr},
    };
    static PyType_Spec spec = {
        "braid_gtest.Finalized", (int)sizeof(Counted), 0, Py_TPFLAGS_DEFAULT, slots,
    };
    in_thread([&]() {
        PyObject *type = PyType_FromSpec(&spec);
        ASSERT_NE(type, nullptr);
        PyObject *op = reinterpret_cast<PyTypeObject *>(type)->tp_alloc(
            reinterpret_cast<PyTypeObject *>(type), 0);
        ASSERT_NE(op, nullptr);
        in_thread([&]() { hammer(op); });
        EXPECT_FALSE(is_promoted(op));
        Py_DECREF(op);
        EXPECT_EQ(g_deallocs.load(), 1);   // at once
        Py_DECREF(type);
    });
}

// QSBR: an object released with _PyObject_XDecRefDelayed by B is not freed while another
// attached thread A has not passed a quiescent state since; it is freed once A has and B
// processes its queue.
TEST_F(FTRefcount, QSBRWaitsForEveryAttachedThread)
{
    std::atomic<int> stage{0};   // 1: A attached; 2: B delayed the release; 3: A quiescent
    std::atomic<long> after_b_quiescent{-1}, after_both{-1};
    std::thread a([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        stage = 1;
        // Stay attached (no detach, no eval breaker) until B has queued the release.
        wait_until([&]() { return stage.load() == 2; });
        _Py_qsbr_quiescent(PyThreadState_Get());
        stage = 3;
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 4; });
        Py_END_ALLOW_THREADS
        PyGILState_Release(st);
    });
    std::thread b([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        PyThreadState *me = PyThreadState_Get();
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 1; });
        Py_END_ALLOW_THREADS
        PyObject *op = new_counted(4);
        _PyObject_XDecRefDelayed(op);
        _Py_qsbr_quiescent(me);
        after_b_quiescent = g_deallocs.load();
        stage = 2;
        wait_until([&]() { return stage.load() == 3; });
        _Py_qsbr_quiescent(me);
        after_both = g_deallocs.load();
        stage = 4;
        PyGILState_Release(st);
    });
    a.join();
    b.join();
    EXPECT_EQ(after_b_quiescent.load(), 0);
    EXPECT_EQ(after_both.load(), 1);
}

// A detached thread holds no pointers and does not hold releases back.
TEST_F(FTRefcount, QSBRIgnoresDetachedThreads)
{
    std::atomic<int> stage{0};
    std::atomic<long> after{-1};
    std::thread a([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        Py_BEGIN_ALLOW_THREADS
        stage = 1;
        wait_until([&]() { return stage.load() == 2; });
        Py_END_ALLOW_THREADS
        PyGILState_Release(st);
    });
    std::thread b([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return stage.load() == 1; });
        Py_END_ALLOW_THREADS
        _PyObject_XDecRefDelayed(new_counted(5));
        _Py_qsbr_quiescent(PyThreadState_Get());
        after = g_deallocs.load();
        stage = 2;
        PyGILState_Release(st);
    });
    a.join();
    b.join();
    EXPECT_EQ(after.load(), 1);
}

// QSBR never frees early: a writer keeps replacing the object in a shared slot and releases the
// old one with _PyObject_XDecRefDelayed; readers load the slot without taking a reference (as
// the lock-free list and dict reads do) and look at the object repeatedly until their next
// quiescent state.  tp_dealloc marks objects dead and keeps their memory, so a reader would
// see the mark if an object were released while it could still hold its address.
TEST_F(FTRefcount, QSBRNeverFreesEarly)
{
    g_keep_memory = true;
    const int kReaders = 4;
    const int kReplacements = 100000;
    std::atomic<PyObject *> slot{nullptr};
    std::atomic<bool> writer_done{false};
    std::atomic<long> early{0}, reads{0};
    std::atomic<int> ready{0}, looping{0};

    std::thread writer([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        PyThreadState *me = PyThreadState_Get();
        slot = new_counted(0);
        ready++;
        // Start replacing once every reader is in its loop, so that they overlap.
        Py_BEGIN_ALLOW_THREADS
        wait_until([&]() { return looping.load() == kReaders; });
        Py_END_ALLOW_THREADS
        for (int i = 1; i <= kReplacements; i++) {
            PyObject *old = slot.exchange(new_counted(i));
            _PyObject_XDecRefDelayed(old);
            if (i % 64 == 0) {
                _Py_qsbr_quiescent(me);
            }
        }
        writer_done = true;
        PyGILState_Release(st);
    });
    std::vector<std::thread> readers;
    for (int r = 0; r < kReaders; r++) {
        readers.emplace_back([&]() {
            PyGILState_STATE st = PyGILState_Ensure();
            PyThreadState *me = PyThreadState_Get();
            ready++;
            // Wait attached: a detached reader would not be a reader.
            wait_until([&]() { return ready.load() == kReaders + 1; });
            long local_reads = 0;
            looping++;
            do {
                // Between two quiescent states: everything loaded from the slot stays valid.
                PyObject *held[8];
                for (int k = 0; k < 8; k++) {
                    held[k] = slot.load(std::memory_order_acquire);
                    for (int j = 0; j <= k; j++) {
                        if (reinterpret_cast<Counted *>(held[j])->alive.load() != 1) {
                            early++;
                        }
                        local_reads++;
                    }
                    std::this_thread::yield();
                }
                _Py_qsbr_quiescent(me);
            } while (!writer_done.load());
            reads += local_reads;
            PyGILState_Release(st);
        });
    }
    writer.join();
    for (auto &th : readers) {
        th.join();
    }
    EXPECT_EQ(early.load(), 0);
    EXPECT_GT(reads.load(), 0);
    // Drop the last object and release everything still delayed (the writer's leftovers were
    // handed over when its thread state went away).  Nothing may be lost.  A goal can lie one
    // epoch past the shared sequence (Python/qsbr.c advances it once per batch of delayed
    // items), so the polling thread also delays a few objects of its own, which advances the
    // sequence, until every counted object is released.
    long total = -1;
    std::thread last([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        Py_DECREF(slot.load());
        wait_until([&]() {
            _PyObject_XDecRefDelayed(PyList_New(0));
            _Py_qsbr_quiescent(PyThreadState_Get());
            return g_deallocs.load() == kReplacements + 1;
        });
        total = g_deallocs.load();
        PyGILState_Release(st);
    });
    last.join();
    EXPECT_EQ(total, kReplacements + 1);
}

#else  // !Py_GIL_DISABLED

// The GIL build has no delayed release: it happens at once.
TEST_F(FTRefcount, DelayedReleaseIsImmediateWithGIL)
{
    std::thread t([&]() {
        PyGILState_STATE st = PyGILState_Ensure();
        _PyObject_XDecRefDelayed(new_counted(1));
        EXPECT_EQ(g_deallocs.load(), 1);
        void *mem = PyMem_Malloc(64);
        ASSERT_NE(mem, nullptr);
        _PyMem_FreeDelayed(mem);
        _PyObject_XDecRefDelayed(nullptr);
        _PyMem_FreeDelayed(nullptr);
        PyGILState_Release(st);
    });
    t.join();
    EXPECT_EQ(g_deallocs.load(), 1);
}

#endif  // Py_GIL_DISABLED

}  // namespace
