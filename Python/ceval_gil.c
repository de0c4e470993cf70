/* The GIL, pending calls and the eval breaker's event handling (DESIGN.md §5, §6).
 *
 * The GIL is a flag (`locked`) guarded by a mutex, with a condition variable that waiters
 * sleep on.  A waiter sleeps at most one switch interval at a time; if the GIL was not handed
 * over during a whole interval (switch_number unchanged), it sets the drop request bit in the
 * holder's eval breaker.  The holder notices at its next check (_Py_HandlePending), releases
 * the GIL and, because the drop was requested ("forced switching"), waits on switch_cond until
 * another thread has taken it, so that the same thread cannot immediately re-take it.
 *
 * Free-threaded build: the same GIL is used for now (one thread runs Python at a time); the
 * free-threaded issue removes it and turns attach/detach into state transitions.
 *
 * Memory order: `locked` is written under the mutex and read with relaxed loads only as a
 * hint; every decision is re-checked under the mutex. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_ceval.h"
#include "pycore_gc.h"
#include "pycore_giltrace.h"

#define DEFAULT_INTERVAL 5000  /* microseconds */

static struct _gil_runtime_state *gil_of(PyThreadState *tstate)
{
    return &tstate->interp->gil;
}

void _PyEval_InitGIL(PyInterpreterState *interp)
{
    struct _gil_runtime_state *gil = &interp->gil;
    pthread_mutex_init(&gil->mutex, NULL);
    pthread_cond_init(&gil->cond, NULL);
    pthread_mutex_init(&gil->switch_mutex, NULL);
    pthread_cond_init(&gil->switch_cond, NULL);
    gil->interval = DEFAULT_INTERVAL;
    gil->locked = 0;
    gil->last_holder = NULL;
    gil->switch_number = 0;
    gil->enabled = 1;
    _PyGILTrace_Init();
}

void _PyEval_FiniGIL(PyInterpreterState *interp)
{
    (void)interp;  /* the mutexes stay valid: daemon threads may still wait on them */
}

static void add_timeout(struct timespec *ts, unsigned long us)
{
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_sec += us / 1000000;
    ts->tv_nsec += (long)(us % 1000000) * 1000;
    if (ts->tv_nsec >= 1000000000) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000;
    }
}

static void take_gil(PyThreadState *tstate)
{
    struct _gil_runtime_state *gil = gil_of(tstate);
    _PyGILTrace_Event(_Py_GILTRACE_REQUEST);
    pthread_mutex_lock(&gil->mutex);
    while (gil->locked) {
        unsigned long saved = gil->switch_number;
        struct timespec deadline;
        add_timeout(&deadline, gil->interval ? gil->interval : 1);
        int rc = pthread_cond_timedwait(&gil->cond, &gil->mutex, &deadline);
        if (rc == ETIMEDOUT && gil->locked && gil->switch_number == saved) {
            PyThreadState *holder = gil->last_holder;
            if (holder != NULL) {
                _Py_set_eval_breaker_bit(holder, _PY_GIL_DROP_REQUEST_BIT);
                _PyGILTrace_Event(_Py_GILTRACE_DROP_REQUEST);
            }
        }
    }
    _Py_atomic_store_int_relaxed(&gil->locked, 1);
    _PyGILTrace_Event(_Py_GILTRACE_ACQUIRE);      /* under the mutex: ordered with releases */
    gil->last_holder = tstate;
    gil->switch_number++;
    /* Wake a forced-switching dropper waiting for someone to take the GIL. */
    pthread_cond_broadcast(&gil->switch_cond);
    pthread_mutex_unlock(&gil->mutex);
    /* We hold it now: a drop request addressed to us earlier is stale. */
    _Py_unset_eval_breaker_bit(tstate, _PY_GIL_DROP_REQUEST_BIT);

    /* A thread other than the finalizing one may not run once finalization started. */
    PyThreadState *fin = _PyRuntimeState_GetFinalizing(&_PyRuntime);
    if (fin != NULL && fin != tstate && _PyRuntime.initialized == 0) {
        pthread_mutex_lock(&gil->mutex);
        _Py_atomic_store_int_relaxed(&gil->locked, 0);
        pthread_cond_signal(&gil->cond);
        pthread_mutex_unlock(&gil->mutex);
        pthread_exit(NULL);
    }
}

static void drop_gil(PyThreadState *tstate, int forced)
{
    struct _gil_runtime_state *gil = gil_of(tstate);
    pthread_mutex_lock(&gil->mutex);
    _PyGILTrace_Event(_Py_GILTRACE_RELEASE);
    _Py_atomic_store_int_relaxed(&gil->locked, 0);
    pthread_cond_signal(&gil->cond);
    if (forced) {
        /* Forced switching: do not come back before another thread ran. */
        unsigned long saved = gil->switch_number;
        while (gil->switch_number == saved) {
            pthread_cond_wait(&gil->switch_cond, &gil->mutex);
        }
    }
    pthread_mutex_unlock(&gil->mutex);
}

void _PyEval_AcquireLock(PyThreadState *tstate)
{
    take_gil(tstate);
}

void _PyEval_ReleaseLock(PyThreadState *tstate)
{
    drop_gil(tstate, 0);
}

void _PyThreadState_Attach(PyThreadState *tstate)
{
    take_gil(tstate);
    _Py_tss_tstate = tstate;
    _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_ATTACHED);
}

void _PyThreadState_Detach(PyThreadState *tstate)
{
    _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_DETACHED);
    _Py_tss_tstate = NULL;
    drop_gil(tstate, 0);
}

PyThreadState *PyEval_SaveThread(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        Py_FatalError("the function must be called with the GIL held, but the GIL is "
                      "released (the current Python thread state is NULL)");
    }
    _PyThreadState_Detach(tstate);
    return tstate;
}

void PyEval_RestoreThread(PyThreadState *tstate)
{
    if (tstate == NULL) {
        Py_FatalError("NULL thread state");
    }
    int err = errno;
    _PyThreadState_Attach(tstate);
    errno = err;
}

void PyEval_AcquireThread(PyThreadState *tstate)
{
    PyEval_RestoreThread(tstate);
}

void PyEval_ReleaseThread(PyThreadState *tstate)
{
    if (_Py_tss_tstate != tstate) {
        Py_FatalError("wrong thread state");
    }
    _PyThreadState_Detach(tstate);
}

int PyEval_ThreadsInitialized(void)
{
    return 1;
}

int _PyEval_ThreadsInitialized(void)
{
    return 1;
}

void PyEval_InitThreads(void)
{
}

int _PyEval_EnableGILPermanent(PyThreadState *tstate)
{
    (void)tstate;
    return 0;  /* interim: the GIL is always on in both builds */
}

int _PyEval_GILExplicitlyDisabled(void)
{
    PyInterpreterState *interp = _PyRuntime.main_interp;
    return interp != NULL && interp->config != NULL && interp->config->enable_gil == 0;
}

void _PyEval_SetSwitchInterval(unsigned long microseconds)
{
    PyInterpreterState *interp = _PyRuntime.main_interp;
    interp->gil.interval = microseconds ? microseconds : 1;
}

unsigned long _PyEval_GetSwitchInterval(void)
{
    return _PyRuntime.main_interp->gil.interval;
}

/* ---- pending calls ---- */

void _PyEval_SignalMainThread(uintptr_t bit)
{
    PyThreadState *main_ts = _PyRuntime.main_tstate;
    if (main_ts != NULL) {
        _Py_set_eval_breaker_bit(main_ts, bit);
    }
}

int Py_AddPendingCall(int (*func)(void *), void *arg)
{
    PyInterpreterState *interp = _PyRuntime.main_interp;
    if (interp == NULL) {
        return -1;
    }
    struct _pending_calls *pending = &interp->pending;
    pthread_mutex_lock(&pending->mutex);
    int next = (pending->next + 1) % _PY_MAX_PENDING_CALLS;
    if (next == pending->first) {
        pthread_mutex_unlock(&pending->mutex);
        return -1;  /* queue full */
    }
    pending->calls[pending->next].func = func;
    pending->calls[pending->next].arg = arg;
    pending->next = next;
    pthread_mutex_unlock(&pending->mutex);
    _PyEval_SignalMainThread(_PY_CALLS_TO_DO_BIT);
    return 0;
}

static int pop_pending_call(struct _pending_calls *pending, int (**func)(void *), void **arg)
{
    int found = 0;
    pthread_mutex_lock(&pending->mutex);
    if (pending->first != pending->next) {
        *func = pending->calls[pending->first].func;
        *arg = pending->calls[pending->first].arg;
        pending->first = (pending->first + 1) % _PY_MAX_PENDING_CALLS;
        found = 1;
    }
    pthread_mutex_unlock(&pending->mutex);
    return found;
}

int _PyEval_MakePendingCalls(PyThreadState *tstate)
{
    struct _pending_calls *pending = &tstate->interp->pending;
    if (pending->busy) {
        return 0;
    }
    pending->busy = 1;
    _Py_unset_eval_breaker_bit(tstate, _PY_CALLS_TO_DO_BIT);
    for (int i = 0; i < _PY_MAX_PENDING_CALLS; i++) {
        int (*func)(void *);
        void *arg;
        if (!pop_pending_call(pending, &func, &arg)) {
            break;
        }
        if (func(arg) != 0) {
            pending->busy = 0;
            /* Try the rest later. */
            _Py_set_eval_breaker_bit(tstate, _PY_CALLS_TO_DO_BIT);
            return -1;
        }
    }
    pending->busy = 0;
    return 0;
}

int Py_MakePendingCalls(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    if (!_Py_IsMainThread()) {
        return 0;
    }
    if (_PyErr_CheckSignalsTstate(tstate) < 0) {
        return -1;
    }
    return _PyEval_MakePendingCalls(tstate);
}

/* ---- recursion limit ---- */

int Py_GetRecursionLimit(void)
{
    return _PyInterpreterState_GET()->ceval_recursion_limit;
}

void Py_SetRecursionLimit(int new_limit)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int old_limit = interp->ceval_recursion_limit;
    interp->ceval_recursion_limit = new_limit;
    pthread_mutex_lock(&interp->threads.mutex);
    for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
        t->py_recursion_remaining += new_limit - old_limit;
        t->py_recursion_limit = new_limit;
    }
    pthread_mutex_unlock(&interp->threads.mutex);
}

/* ---- the eval breaker ---- */

static int handle_async_exc(PyThreadState *tstate)
{
    _Py_unset_eval_breaker_bit(tstate, _PY_ASYNC_EXCEPTION_BIT);
    PyObject *exc = tstate->async_exc;
    tstate->async_exc = NULL;
    if (exc == NULL) {
        return 0;
    }
    if (PyExceptionClass_Check(exc)) {
        PyErr_SetNone(exc);
    }
    else {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    }
    Py_DECREF(exc);
    return -1;
}

int _Py_HandlePending(PyThreadState *tstate)
{
    uintptr_t breaker = _Py_atomic_load_uintptr(&tstate->eval_breaker);

    if (breaker & _PY_GC_SCHEDULED_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_GC_SCHEDULED_BIT);
        _Py_RunGC(tstate);
    }
    if (breaker & _PY_EVAL_EXPLICIT_MERGE_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_EXPLICIT_MERGE_BIT);
    }
    if (breaker & _PY_EVAL_PLEASE_STOP_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_PLEASE_STOP_BIT);
    }
    if ((breaker & _PY_CALLS_TO_DO_BIT) && tstate == _PyRuntime.main_tstate) {
        if (_PyEval_MakePendingCalls(tstate) < 0) {
            return -1;
        }
    }
    if ((breaker & _PY_SIGNALS_PENDING_BIT) && tstate == _PyRuntime.main_tstate) {
        if (_PyErr_CheckSignalsTstate(tstate) < 0) {
            return -1;
        }
    }
    if (breaker & _PY_GIL_DROP_REQUEST_BIT) {
        /* Give the GIL to the thread that asked, wait until it took it, then take it back. */
        _Py_unset_eval_breaker_bit(tstate, _PY_GIL_DROP_REQUEST_BIT);
        _Py_tss_tstate = NULL;
        _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_DETACHED);
        drop_gil(tstate, 1);
        take_gil(tstate);
        _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_ATTACHED);
        _Py_tss_tstate = tstate;
    }
    if (breaker & _PY_ASYNC_EXCEPTION_BIT) {
        if (handle_async_exc(tstate) < 0) {
            return -1;
        }
    }
    return 0;
}
