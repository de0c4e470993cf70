/* The GIL, pending calls and the eval breaker's event handling (DESIGN.md §5, §6).
 *
 * The GIL is a flag (`locked`) guarded by a mutex, with a condition variable that waiters
 * sleep on.  A waiter sleeps at most one switch interval at a time; if the GIL was not handed
 * over during a whole interval (switch_number unchanged), it sets the drop request bit in the
 * holder's eval breaker.  The holder notices at its next check (_Py_HandlePending), releases
 * the GIL and, because the drop was requested ("forced switching"), waits on switch_cond until
 * another thread has taken it, so that the same thread cannot immediately re-take it.
 *
 * Free-threaded build: the GIL is off unless PYTHON_GIL=1 / -X gil=1 or an extension without
 * Py_MOD_GIL_NOT_USED turned it on (gil->enabled, which only ever goes from 0 to 1, under a
 * stopped world).  Attaching and detaching are then state transitions of the thread state
 * (DETACHED -> ATTACHED -> DETACHED; SUSPENDED while a stop-the-world holds it), and the
 * thread's critical sections are suspended at every detach and the innermost one resumed at
 * attach (Python/critical_section.c).
 *
 * Stop-the-world (free-threaded build): the stopper sets stw.requested, then repeatedly scans
 * the thread states under stw.mutex: a DETACHED thread is moved to SUSPENDED (it cannot attach
 * until the world restarts), an ATTACHED one gets _PY_EVAL_PLEASE_STOP_BIT and is waited for;
 * it detaches at its next eval-breaker check and signals stw.cond.  The transitions use
 * sequentially consistent atomics: an attaching thread changes its state and then reads
 * `requested`; the stopper writes `requested` and then reads the states — so either the
 * stopper sees the thread attached (and waits for it) or the thread sees the request (and
 * backs off).  Starting the world moves SUSPENDED threads back to DETACHED and wakes them.
 *
 * Memory order: `locked` is written under the mutex and read with relaxed loads only as a
 * hint; every decision is re-checked under the mutex. */
#include "Python.h"
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include "pycore_pystate.h"
#include "pycore_ceval.h"
#include "pycore_gc.h"
#include "pycore_giltrace.h"
#include "pycore_critical_section.h"
#include "pycore_lock.h"
#include "pycore_qsbr.h"
#include "pycore_brc.h"

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
#ifdef Py_GIL_DISABLED
    gil->enabled = 0;       /* set from the configuration at start-up (pylifecycle.c) */
#else
    gil->enabled = 1;
#endif
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

#ifdef Py_GIL_DISABLED
static int gil_in_use(PyThreadState *tstate)
{
    return _Py_atomic_load_int_relaxed(&tstate->interp->gil.enabled);
}

/* ---- thread-state transitions and stop-the-world (free-threaded build) ---- */

static int stw_requested(PyInterpreterState *interp)
{
    return _Py_atomic_load_int(&interp->stw.requested);
}

/* Wait (detached, or suspended) until no stop-the-world is in progress.  stw.mutex also
 * protects stw.attach_waiters, the threads waiting here to run. */
static void wait_for_world(PyInterpreterState *interp)
{
    pthread_mutex_lock(&interp->stw.mutex);
    interp->stw.attach_waiters++;
    while (_Py_atomic_load_int(&interp->stw.requested)) {
        pthread_cond_wait(&interp->stw.cond, &interp->stw.mutex);
    }
    interp->stw.attach_waiters--;
    pthread_mutex_unlock(&interp->stw.mutex);
}

/* DETACHED -> ATTACHED, waiting while the world is stopped. */
static void set_attached(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    for (;;) {
        if (!stw_requested(interp)) {
            int expected = _Py_THREAD_DETACHED;
            if (_Py_atomic_compare_exchange_int(&tstate->state, &expected,
                                                _Py_THREAD_ATTACHED)) {
                if (!stw_requested(interp) || interp->stw.requester == tstate) {
                    return;
                }
                /* A stop began meanwhile: step back and let it proceed. */
                _Py_atomic_store_int(&tstate->state, _Py_THREAD_DETACHED);
                pthread_mutex_lock(&interp->stw.mutex);
                pthread_cond_broadcast(&interp->stw.cond);
                pthread_mutex_unlock(&interp->stw.mutex);
            }
        }
        wait_for_world(interp);
    }
}

/* ATTACHED -> DETACHED; tell a waiting stopper. */
static void set_detached(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    _Py_atomic_store_int(&tstate->state, _Py_THREAD_DETACHED);
    if (stw_requested(interp)) {
        pthread_mutex_lock(&interp->stw.mutex);
        pthread_cond_broadcast(&interp->stw.cond);
        pthread_mutex_unlock(&interp->stw.mutex);
    }
}

void _PyEval_InitStopTheWorld(PyInterpreterState *interp)
{
    pthread_mutex_init(&interp->stw.mutex, NULL);
    pthread_cond_init(&interp->stw.cond, NULL);
    interp->stw.one_cpu = sysconf(_SC_NPROCESSORS_ONLN) <= 1;
}

/* The longest the world runs before the next stop: after a long stop (a full collection of a
 * large heap), a time slice of the GIL's default switch interval, not the stop's length. */
#define STW_MAX_FAIRNESS_WAIT_NS 5000000

static int64_t monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Fairness.  The threads a stop parked resume only once the OS schedules them again, which
 * takes longer than restarting the world: a thread that stopped it over and over
 * (gc.collect() in a loop) found them still waiting, suspended them at once and starved them
 * (eight threads that needed 0.1 s took minutes), as a GIL holder would without forced
 * switching.  So when the last stop parked threads that wanted to run (running ones, and
 * those waiting to resume or to attach), the next stop first lets the world run as long as
 * that stop lasted (from its request to the restart; at most STW_MAX_FAIRNESS_WAIT_NS):
 * back-to-back stops keep the world stopped at most about half of the time, and the parked
 * threads get time slices in proportion to the stops' length.  Threads that were blocked
 * (detached) when the stop came do not count.  The wait spins, reading the clock: sleeping or
 * yielding the core would cost the caller a scheduler time slice (milliseconds with more
 * threads than cores), far longer than most stops; the parked threads run on the other cores
 * meanwhile (on a machine with one core, it yields).  The caller waits attached, before it
 * takes the stop lock: a stop another thread requests meanwhile waits for it, as for any
 * thread running C code, no longer than that; what the caller holds (a critical section, the
 * collector's flag) is held that much longer, and the wait depends on no other thread. */
static void let_the_world_run(PyInterpreterState *interp)
{
    if (_Py_atomic_load_int_relaxed(&interp->stw.parked_running) == 0) {
        return;
    }
    int64_t start = _Py_atomic_load_int64_relaxed(&interp->stw.last_start_ns);
    int64_t stop = _Py_atomic_load_int64_relaxed(&interp->stw.last_stop_ns);
    int64_t length = start - stop;
    if (length > STW_MAX_FAIRNESS_WAIT_NS) {
        length = STW_MAX_FAIRNESS_WAIT_NS;
    }
    int64_t until = start + length;
    while (monotonic_ns() < until) {
        if (interp->stw.one_cpu) {
            sched_yield();      /* the parked threads can only run on this core */
        }
    }
}

/* Park every other thread of the interpreter at a safe point.  The caller is attached and
 * stays attached; it must not block on anything another thread holds until
 * _PyEval_StartTheWorld. */
void _PyEval_StopTheWorld(PyInterpreterState *interp)
{
    PyThreadState *self = _PyThreadState_GET();
    let_the_world_run(interp);
    /* One stopper at a time; waiting detaches, so a concurrent stopper can stop us. */
    _PyThreadStateImpl *impl = (_PyThreadStateImpl *)self;
    impl->awaiting_stop_lock = 1;
    PyMutex_Lock(&interp->stw.requester_lock);
    impl->awaiting_stop_lock = 0;
    pthread_mutex_lock(&interp->stw.mutex);
    interp->stw.requester = self;
    _Py_atomic_store_int64_relaxed(&interp->stw.last_stop_ns, monotonic_ns());
    _Py_atomic_store_int(&interp->stw.requested, 1);
    int parked_running = -1;     /* counted on the first pass */
    for (;;) {
        int running = 0;
        pthread_mutex_lock(&interp->threads.mutex);
        for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
            if (t == self) {
                continue;
            }
            int st = _Py_atomic_load_int(&t->state);
            if (st == _Py_THREAD_DETACHED) {
                if (!_Py_atomic_compare_exchange_int(&t->state, &st, _Py_THREAD_SUSPENDED)) {
                    running++;       /* it just attached: look again */
                }
            }
            else if (st == _Py_THREAD_ATTACHED) {
                _Py_set_eval_breaker_bit(t, _PY_EVAL_PLEASE_STOP_BIT);
                running++;
            }
        }
        pthread_mutex_unlock(&interp->threads.mutex);
        if (parked_running < 0) {
            /* Threads that want to run: those running now, and those still waiting to
             * resume after an earlier stop or to attach. */
            parked_running = running + interp->stw.attach_waiters;
        }
        if (running == 0) {
            break;
        }
        struct timespec deadline;
        add_timeout(&deadline, 1000);
        pthread_cond_timedwait(&interp->stw.cond, &interp->stw.mutex, &deadline);
    }
    interp->stw.world_stopped = 1;
    _Py_atomic_store_int_relaxed(&interp->stw.parked_running, parked_running);
    pthread_mutex_unlock(&interp->stw.mutex);
}

void _PyEval_StartTheWorld(PyInterpreterState *interp)
{
    pthread_mutex_lock(&interp->stw.mutex);
    pthread_mutex_lock(&interp->threads.mutex);
    for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
        int st = _Py_THREAD_SUSPENDED;
        (void)_Py_atomic_compare_exchange_int(&t->state, &st, _Py_THREAD_DETACHED);
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    interp->stw.world_stopped = 0;
    _Py_atomic_store_int64_relaxed(&interp->stw.last_start_ns, monotonic_ns());
    interp->stw.requester = NULL;
    _Py_atomic_store_int(&interp->stw.requested, 0);
    pthread_cond_broadcast(&interp->stw.cond);
    pthread_mutex_unlock(&interp->stw.mutex);
    PyMutex_Unlock(&interp->stw.requester_lock);
}
#else
void _PyEval_InitStopTheWorld(PyInterpreterState *interp)
{
    (void)interp;
}

/* GIL build: holding the GIL already excludes every other thread. */
void _PyEval_StopTheWorld(PyInterpreterState *interp)
{
    (void)interp;
}

void _PyEval_StartTheWorld(PyInterpreterState *interp)
{
    (void)interp;
}
#endif

#ifdef Py_GIL_DISABLED
/* A second thread state exists: before any thread runs on, stop the world once, so that
 * the thread that was alone has left every lock-free operation it started while
 * _Py_IsSingleThreaded() held (it stops only at a safe point).  Every thread that attaches
 * while the flag is set does this; the first stop clears it. */
static void leave_single_threaded(PyThreadState *tstate)
{
    if (((_PyThreadStateImpl *)tstate)->awaiting_stop_lock) {
        /* Re-attaching inside _PyEval_StopTheWorld, which detached to wait for the stop lock
         * (and may own it already: the parking lot hands a lock over): it stops the world
         * next, and the stop it would start here would wait for that lock forever. */
        return;
    }
    _PyEval_StopTheWorld(tstate->interp);
    _Py_atomic_store_int(&tstate->interp->threads.leaving_single, 0);
    _PyEval_StartTheWorld(tstate->interp);
}
#endif

void _PyThreadState_Attach(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = (_PyThreadStateImpl *)tstate;
#ifdef Py_GIL_DISABLED
    for (;;) {
        int use_gil = gil_in_use(tstate);
        if (use_gil) {
            take_gil(tstate);
            impl->holds_gil = 1;
        }
        set_attached(tstate);
        if (use_gil || !gil_in_use(tstate)) {
            break;
        }
        /* The GIL was turned on while we waited for the world: take it first. */
        set_detached(tstate);
    }
    _Py_tss_tstate = tstate;
    if (tstate->critical_section != 0) {
        _PyCriticalSection_Resume(tstate);
    }
    _Py_qsbr_attach(tstate);
    if (_Py_atomic_load_int_relaxed(&tstate->interp->threads.leaving_single)) {
        leave_single_threaded(tstate);
    }
#else
    take_gil(tstate);
    impl->holds_gil = 1;
    _Py_tss_tstate = tstate;
    _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_ATTACHED);
#endif
}

void _PyThreadState_Detach(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = (_PyThreadStateImpl *)tstate;
#ifdef Py_GIL_DISABLED
    if (tstate->critical_section != 0) {
        _PyCriticalSection_SuspendAll(tstate);
    }
    _Py_qsbr_detach(tstate);
    _Py_tss_tstate = NULL;
    set_detached(tstate);
#else
    _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_DETACHED);
    _Py_tss_tstate = NULL;
#endif
    if (impl->holds_gil) {
        impl->holds_gil = 0;
        drop_gil(tstate, 0);
    }
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
#ifdef Py_GIL_DISABLED
    PyInterpreterState *interp = tstate->interp;
    if (_Py_atomic_load_int(&interp->gil.enabled)) {
        return 0;
    }
    /* With the world stopped nobody else is attached: turn the GIL on and take it; every
     * other thread takes it when it attaches again. */
    _PyEval_StopTheWorld(interp);
    int changed = 0;
    if (!_Py_atomic_load_int(&interp->gil.enabled)) {
        _Py_atomic_store_int(&interp->gil.enabled, 1);
        take_gil(tstate);
        ((_PyThreadStateImpl *)tstate)->holds_gil = 1;
        changed = 1;
    }
    _PyEval_StartTheWorld(interp);
    return changed;
#else
    (void)tstate;
    return 0;
#endif
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
#ifdef Py_GIL_DISABLED
    if (breaker & _PY_EVAL_PLEASE_STOP_BIT) {
        /* Park for a stop-the-world: detaching lets the stopper proceed, attaching waits
         * until it is done. */
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_PLEASE_STOP_BIT);
        if (stw_requested(tstate->interp)) {
            _PyThreadState_Detach(tstate);
            _PyThreadState_Attach(tstate);
        }
    }
    if (breaker & _PY_EVAL_EXPLICIT_MERGE_BIT) {
        _Py_brc_merge_refcounts(tstate);
    }
    if (breaker & _PY_EVAL_QSBR_BIT) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_QSBR_BIT);
    }
    _Py_qsbr_quiescent(tstate);
#else
    if (breaker & (_PY_EVAL_EXPLICIT_MERGE_BIT | _PY_EVAL_PLEASE_STOP_BIT |
                   _PY_EVAL_QSBR_BIT)) {
        _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_EXPLICIT_MERGE_BIT |
                                   _PY_EVAL_PLEASE_STOP_BIT | _PY_EVAL_QSBR_BIT);
    }
#endif
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
        if (((_PyThreadStateImpl *)tstate)->holds_gil) {
#ifdef Py_GIL_DISABLED
            _PyThreadState_Detach(tstate);
            _PyThreadState_Attach(tstate);
#else
            _Py_tss_tstate = NULL;
            _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_DETACHED);
            ((_PyThreadStateImpl *)tstate)->holds_gil = 0;
            drop_gil(tstate, 1);
            take_gil(tstate);
            ((_PyThreadStateImpl *)tstate)->holds_gil = 1;
            _Py_atomic_store_int_relaxed(&tstate->state, _Py_THREAD_ATTACHED);
            _Py_tss_tstate = tstate;
#endif
        }
    }
    if (breaker & _PY_ASYNC_EXCEPTION_BIT) {
        if (handle_async_exc(tstate) < 0) {
            return -1;
        }
    }
    return 0;
}
