/* The current thread state, the runtime state and thread attach/detach.
 * Owner: runtime room (Python/pystate.c, Python/ceval_gil.c, Python/pylifecycle.c).
 *
 * The current thread state is a thread-local variable: _PyThreadState_GET() is one TLS load.
 * It is NULL while the thread is detached (has released the GIL) or has no thread state. */
#ifndef Py_INTERNAL_PYSTATE_H
#define Py_INTERNAL_PYSTATE_H

#include "pycore_tstate.h"
#include "pycore_interp.h"

#ifndef _Py_thread_local
#  define _Py_thread_local __thread
#endif

/* Process-wide state.  Written during start-up and shutdown by the main thread; read by any
 * thread afterwards (the fields that change later say how they are synchronised). */
typedef struct pyruntimestate {
    int preinitialized;
    int core_initialized;
    int initialized;              /* Py_IsInitialized() */
    PyThreadState *finalizing;    /* atomic; the thread running Py_FinalizeEx, or NULL */
    PyInterpreterState *main_interp;
    PyThreadState *main_tstate;   /* the main thread's thread state (signal delivery) */
    unsigned long main_thread;    /* PyThread_get_thread_ident() of the main thread */
    /* The main (only) interpreter's threads.count, mirrored here (atomic, written with it
     * under threads.mutex) so that _Py_IsSingleThreaded is one load. */
    Py_ssize_t threads_count;
    int64_t next_interpreter_id;

    /* Py_AtExit functions, run at the very end of Py_FinalizeEx (main thread only). */
    void (*exitfuncs[32])(void);
    int nexitfuncs;

    /* Signals (Python/pylifecycle.c installs the handlers): the C handler sets the flag and
     * the eval breaker of the main thread; _Py_HandlePending raises KeyboardInterrupt. */
    struct {
        int is_tripped;           /* atomic */
        int sigint_tripped;       /* atomic */
        int handlers_installed;
    } signals;

    /* The TSS key of PyGILState_* (which thread state belongs to this OS thread). */
    pthread_key_t autotss_key;
    int autotss_initialized;
    PyInterpreterState *gilstate_interp;
} _PyRuntimeState;

PyAPI_DATA(_PyRuntimeState) _PyRuntime;
extern _Py_thread_local PyThreadState *_Py_tss_tstate;

/* Borrowed; NULL if the thread is detached.  No error checking: use PyThreadState_Get() for
 * the checked version. */
static inline PyThreadState *_PyThreadState_GET(void)
{
    return _Py_tss_tstate;
}

/* Borrowed.  The caller must be attached. */
static inline PyInterpreterState *_PyInterpreterState_GET(void)
{
    return _Py_tss_tstate->interp;
}

#ifdef Py_GIL_DISABLED
/* Free-threaded build: is the calling thread the only thread of its interpreter?  While it
 * is, no other thread can reach any object, so an operation that passes no safe point (runs
 * no Python code, never blocks, detaches or checks the eval breaker) may skip its lock: list
 * item reads and stores, the collector's young lists.  The single-threaded mode ends safely:
 * the thread state that makes the interpreter multi-threaded sets threads.leaving_single,
 * and no new thread runs before a stop-the-world has cleared it (_PyThreadState_Attach), so
 * every operation that saw "single" has finished by then.  Only for attached threads. */
static inline int _Py_IsSingleThreaded(void)
{
    /* acquire: pairs with the release store of the last other thread's exit (pystate.c), so
     * everything it did happens before what this thread now does without locks */
    return _Py_atomic_load_ssize_acquire(&_PyRuntime.threads_count) <= 1;
}

#ifdef Py_GIL_DISABLED
/* A thread other than the owner of op, a list, dict or set, is about to read or change it
 * while other threads run, and op's items are not published yet: the caller (holding op's
 * critical section) must share op first, so that what the change frees stays valid for the
 * owner's lock-free reads (Objects/listobject.c, Objects/dictobject.c, Objects/setobject.c). */
static inline int _PyObject_MustShareItems(PyObject *op)
{
    return Py_UNLIKELY(!_Py_IsSingleThreaded() && !_PyObject_ItemsShared(op) &&
                       !_Py_IsOwnedByCurrentThread(op));
}
#endif

/* A thread other than op's owner adds delta (1 or -1) to its own count of the promoted op
 * (Include/internal/pycore_ptrc.h), whose ob_ref_shared it read as `shared`: the common case
 * inline, _Py_ptrc_add for the rest.  0 if it could not (the caller counts in ob_ref_shared).
 * The world cannot stop between the caller's load of `shared` and the store here (the caller
 * is attached), so op stays promoted, and pinned: a drop is never the last reference. */
static inline int _Py_ptrc_add_inline(PyObject *op, Py_ssize_t shared, Py_ssize_t delta)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL) {
        struct _ptrc_thread_state *pt = &((_PyThreadStateImpl *)tstate)->ptrc;
        Py_ssize_t index = _Py_ptrc_index(shared);
        if (index < pt->size) {       /* 0 once the thread stopped counting (pt->off) */
            pt->counts[index] += delta;
            return 1;
        }
    }
    return _Py_ptrc_add(op, shared, delta);
}

/* A thread other than op's owner counts delta in its own slot if op is promoted: 1 if it
 * did, 0 if the caller must count in ob_ref_shared. */
static inline int _Py_ptrc_try_count(PyObject *op, Py_ssize_t delta)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    return shared >= _Py_REF_PT_MIN && _Py_ptrc_add_inline(op, shared, delta);
}
#endif

/* Py_INCREF and Py_DECREF for the references every call takes and drops to its function and
 * code object, and the type cache's hits.  When threads share a function or class, those
 * are deferred objects that the calling thread usually does not own: the free-threaded build
 * then counts in the thread's own slot inline, where Py_INCREF / Py_DECREF would call
 * _Py_IncRefShared / _Py_DecRefShared.  The owner's path is Py_INCREF's and Py_DECREF's. */
static inline void _Py_IncRefDeferred(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return;
    }
    if (Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, local + 1);
    }
    else if (!_Py_ptrc_try_count(op, 1)) {
        _Py_IncRefShared(op);
    }
    _Py_INC_REFTOTAL();
#else
    Py_INCREF(op);
#endif
}

static inline void _Py_DecRefDeferred(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return;
    }
    _Py_DEC_REFTOTAL();
    if (Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        _Py_DecRefOwned(op, local);
        return;
    }
    if (!_Py_ptrc_try_count(op, -1)) {
        _Py_DecRefShared(op);
    }
#else
    Py_DECREF(op);
#endif
}

#ifdef Py_GIL_DISABLED
/* _Py_TryIncRef for lock-free readers whose result is often a deferred object another thread
 * owns (a global function or class, a method found in a type): a promoted object is pinned,
 * hence alive, and is counted in the thread's slot inline. */
static inline int _Py_TryIncRefDeferred(PyObject *op)
{
    if (!_Py_IsOwnedByCurrentThread(op) && _Py_ptrc_try_count(op, 1)) {
        _Py_INC_REFTOTAL();
        return 1;
    }
    return _Py_TryIncRef(op);
}
#endif

static inline PyInterpreterState *_PyInterpreterState_Main(void)
{
    return _PyRuntime.main_interp;
}

static inline int _Py_IsMainInterpreter(PyInterpreterState *interp)
{
    return interp == _PyRuntime.main_interp;
}

PyAPI_FUNC(int) _Py_IsMainThread(void);
PyAPI_FUNC(int) _Py_IsFinalizing(void);
PyAPI_FUNC(int) Py_IsFinalizing(void);

/* The interpreter that is shutting down: a non-main thread that tries to attach while the
 * main thread finalizes is parked forever (as in CPython). */
static inline PyThreadState *_PyRuntimeState_GetFinalizing(_PyRuntimeState *runtime)
{
    return (PyThreadState *)_Py_atomic_load_ptr_relaxed((const void **)&runtime->finalizing);
}

/* ---- thread states (Python/pystate.c) ---- */

PyAPI_FUNC(PyInterpreterState *) _PyInterpreterState_New(void);
PyAPI_FUNC(void) _PyInterpreterState_Clear(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyInterpreterState_Delete(PyInterpreterState *interp);
/* A new thread state, not attached, linked into interp's list.  NULL with no exception on
 * memory failure. */
PyAPI_FUNC(PyThreadState *) _PyThreadState_New(PyInterpreterState *interp);
/* Bind tstate to the current OS thread (thread id, PyGILState's TSS slot). */
PyAPI_FUNC(void) _PyThreadState_Bind(PyThreadState *tstate);
/* Make tstate the current thread state and acquire the GIL (it must be detached). */
PyAPI_FUNC(void) _PyThreadState_Attach(PyThreadState *tstate);
/* Release the GIL and clear the current thread state (it must be attached). */
PyAPI_FUNC(void) _PyThreadState_Detach(PyThreadState *tstate);
/* Set the TLS variable only (no GIL operations). */
PyAPI_FUNC(void) _PyThreadState_SetCurrent(PyThreadState *tstate);
/* Unlink and free a thread state that is current on this thread; releases the GIL. */
PyAPI_FUNC(void) _PyThreadState_DeleteCurrent(PyThreadState *tstate);
PyAPI_FUNC(PyThreadState *) _PyThreadState_GetCurrentChecked(void);

/* ---- the eval breaker and the GIL (Python/ceval_gil.c) ---- */

/* Run what the eval breaker asked for: pending calls, signals, a GIL drop request, an async
 * exception, a scheduled collection.  0, or -1 with an exception set (KeyboardInterrupt,
 * an async exception, an exception from a pending call or signal handler). */
PyAPI_FUNC(int) _Py_HandlePending(PyThreadState *tstate);

PyAPI_FUNC(void) _PyEval_InitGIL(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyEval_FiniGIL(PyInterpreterState *interp);
/* Acquire/release the GIL for tstate (no change of the current thread state). */
PyAPI_FUNC(void) _PyEval_AcquireLock(PyThreadState *tstate);
PyAPI_FUNC(void) _PyEval_ReleaseLock(PyThreadState *tstate);
PyAPI_FUNC(void) _PyEval_SetSwitchInterval(unsigned long microseconds);
PyAPI_FUNC(unsigned long) _PyEval_GetSwitchInterval(void);
PyAPI_FUNC(int) _PyEval_ThreadsInitialized(void);
/* Set an eval-breaker bit of the main thread (from any thread or a signal handler). */
PyAPI_FUNC(void) _PyEval_SignalMainThread(uintptr_t bit);
/* Run every pending call now (main thread); 0 or -1 with an exception set. */
PyAPI_FUNC(int) _PyEval_MakePendingCalls(PyThreadState *tstate);
/* Check for SIGINT: raise KeyboardInterrupt if it arrived.  0 or -1. */
PyAPI_FUNC(int) _PyErr_CheckSignalsTstate(PyThreadState *tstate);

/* ---- lifecycle helpers ---- */
PyAPI_FUNC(void) _PySignal_Init(void);
PyAPI_FUNC(void) _PySignal_Fini(void);

#endif /* Py_INTERNAL_PYSTATE_H */
