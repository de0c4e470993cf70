/* Interpreter and thread states (Include/pystate.h, Include/internal/pycore_pystate.h).
 *
 * The current thread state lives in a thread-local variable (_Py_tss_tstate); it is non-NULL
 * exactly while the thread is attached (holds the GIL).  PyGILState_* additionally remembers,
 * per OS thread, which thread state belongs to it (a pthread key), so that C code called from
 * a foreign thread can attach.
 *
 * Locking: the list of thread states of an interpreter is protected by interp->threads.mutex
 * (a pthread mutex, because threads are added and removed while detached).  Everything else
 * in a thread state is touched only by its own thread, or by others under the GIL. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_ceval.h"
#include "pycore_frame.h"
#include "pycore_brc.h"
#include "pycore_qsbr.h"
#include "pycore_gc.h"
#include "pycore_typeobject.h"
#include "pycore_floatobject.h"
#include "pycore_tuple.h"

_PyRuntimeState _PyRuntime;
_Py_thread_local PyThreadState *_Py_tss_tstate = NULL;

/* ---- the interpreter ---- */

/* Return a new interpreter state (zeroed, lists initialised), or NULL on memory failure. */
PyInterpreterState *_PyInterpreterState_New(void)
{
    PyInterpreterState *interp = PyMem_RawCalloc(1, sizeof(*interp));
    if (interp == NULL) {
        return NULL;
    }
    pthread_mutex_init(&interp->threads.mutex, NULL);
    interp->threads.next_unique_id = 1;
    interp->id = _PyRuntime.next_interpreter_id++;
    interp->ceval_recursion_limit = 1000;
    interp->int_max_str_digits = 4300;
    pthread_mutex_init(&interp->pending.mutex, NULL);
    _PyGC_InitState(&interp->gc);
    _PyEval_InitGIL(interp);
    _PyEval_InitStopTheWorld(interp);
    if (_PyRuntime.main_interp == NULL) {
        _PyRuntime.main_interp = interp;
    }
    return interp;
}

/* Drop the interpreter's references to Python objects (called with a thread attached). */
void _PyInterpreterState_Clear(PyInterpreterState *interp)
{
    Py_CLEAR(interp->audit_hooks);
    Py_CLEAR(interp->import_owners);
    Py_CLEAR(interp->import_waiting);
    Py_CLEAR(interp->atexit_callbacks);
    Py_CLEAR(interp->codec_search_path);
    Py_CLEAR(interp->codec_search_cache);
    Py_CLEAR(interp->codec_error_registry);
    Py_CLEAR(interp->import_func);
    Py_CLEAR(interp->modules_by_index);
    Py_CLEAR(interp->dict);
    Py_CLEAR(interp->sysdict);
    Py_CLEAR(interp->builtins);
    Py_CLEAR(interp->builtins_module);
    Py_CLEAR(interp->modules);
}

void _PyInterpreterState_Delete(PyInterpreterState *interp)
{
#ifdef Py_GIL_DISABLED
    _Py_ptrc_fini(interp);
#endif
    if (_PyRuntime.main_interp == interp) {
        _PyRuntime.main_interp = NULL;
    }
    PyMem_RawFree(interp);
}

PyInterpreterState *PyInterpreterState_Get(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        Py_FatalError("the function must be called with the GIL held, "
                      "but the GIL is released (the current Python thread state is NULL)");
    }
    return tstate->interp;
}

PyInterpreterState *PyInterpreterState_Main(void)
{
    return _PyRuntime.main_interp;
}

/* Borrowed reference; NULL (no exception) if it cannot be created. */
PyObject *PyInterpreterState_GetDict(PyInterpreterState *interp)
{
    if (interp->dict == NULL) {
        interp->dict = PyDict_New();
        if (interp->dict == NULL) {
            PyErr_Clear();
        }
    }
    return interp->dict;
}

int64_t PyInterpreterState_GetID(PyInterpreterState *interp)
{
    return interp->id;
}

/* ---- thread states ---- */

PyThreadState *_PyThreadState_New(PyInterpreterState *interp)
{
    _PyThreadStateImpl *impl = PyMem_RawCalloc(1, sizeof(*impl));
    if (impl == NULL) {
        return NULL;
    }
    PyThreadState *tstate = &impl->base;
    tstate->interp = interp;
    tstate->threads_count = (const Py_ssize_t *)&interp->threads.count;
    tstate->state = _Py_THREAD_DETACHED;
    tstate->py_recursion_limit = interp->ceval_recursion_limit;
    tstate->py_recursion_remaining = interp->ceval_recursion_limit;
    tstate->c_recursion_remaining = Py_C_RECURSION_LIMIT;
    tstate->exc_info = &tstate->exc_state;
    tstate->gilstate_counter = 1;

    pthread_mutex_lock(&interp->threads.mutex);
    tstate->id = interp->threads.next_unique_id++;
    tstate->next = interp->threads.head;
    if (tstate->next != NULL) {
        tstate->next->prev = tstate;
    }
    interp->threads.head = tstate;
    /* read without the mutex (_Py_IsSingleThreaded) */
    long count = interp->threads.count + 1;
    _Py_atomic_store_ssize_relaxed(&interp->threads.count, count);
    _Py_atomic_store_ssize_relaxed(&_PyRuntime.threads_count, count);
#ifdef Py_GIL_DISABLED
    if (count == 2) {
        /* The single-threaded mode ends: no thread may run before the world has been
         * stopped once (_PyThreadState_Attach). */
        _Py_atomic_store_int(&interp->threads.leaving_single, 1);
    }
#endif
    pthread_mutex_unlock(&interp->threads.mutex);
    return tstate;
}

PyThreadState *PyThreadState_New(PyInterpreterState *interp)
{
    PyThreadState *tstate = _PyThreadState_New(interp);
    if (tstate != NULL) {
        _PyThreadState_Bind(tstate);
    }
    return tstate;
}

static void gilstate_init_key(void)
{
    if (!_PyRuntime.autotss_initialized) {
        pthread_key_create(&_PyRuntime.autotss_key, NULL);
        _PyRuntime.autotss_initialized = 1;
    }
}

void _PyThreadState_Bind(PyThreadState *tstate)
{
    tstate->thread_id = PyThread_get_thread_ident();
    tstate->native_thread_id = PyThread_get_thread_native_id();
    gilstate_init_key();
    if (pthread_getspecific(_PyRuntime.autotss_key) == NULL) {
        pthread_setspecific(_PyRuntime.autotss_key, tstate);
    }
#ifdef Py_GIL_DISABLED
    /* Bind runs in the thread that will use tstate: its id owns the objects it creates. */
    _Py_brc_init_thread(tstate);
    _Py_qsbr_register(tstate);
    ((_PyThreadStateImpl *)tstate)->gc_stripe = (int)(tstate->id % _PyGC_NUM_STRIPES);
#endif
}

/* Drop the thread state's references (it must not be running Python code). */
void PyThreadState_Clear(PyThreadState *tstate)
{
    Py_CLEAR(tstate->dict);
    Py_CLEAR(tstate->async_exc);
    Py_CLEAR(tstate->current_exception);
    Py_CLEAR(tstate->exc_state.exc_value);
    Py_CLEAR(tstate->c_profileobj);
    Py_CLEAR(tstate->c_traceobj);
    Py_CLEAR(tstate->asyncio_running_loop);
    Py_CLEAR(tstate->delete_later);
    Py_CLEAR(tstate->async_gen_firstiter);
    Py_CLEAR(tstate->async_gen_finalizer);
    Py_CLEAR(tstate->context);
    tstate->c_profilefunc = NULL;
    tstate->c_tracefunc = NULL;
}

static void tstate_unlink(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    pthread_mutex_lock(&interp->threads.mutex);
    if (tstate->prev != NULL) {
        tstate->prev->next = tstate->next;
    }
    else {
        interp->threads.head = tstate->next;
    }
    if (tstate->next != NULL) {
        tstate->next->prev = tstate->prev;
    }
    /* release: a thread left alone reads the count with acquire order and then uses objects
     * without locks (_Py_IsSingleThreaded); this thread no longer touches any object */
    _Py_atomic_store_ssize_release(&interp->threads.count, interp->threads.count - 1);
    _Py_atomic_store_ssize_release(&_PyRuntime.threads_count, interp->threads.count);
    pthread_mutex_unlock(&interp->threads.mutex);
    if (_PyRuntime.autotss_initialized &&
        pthread_getspecific(_PyRuntime.autotss_key) == tstate) {
        pthread_setspecific(_PyRuntime.autotss_key, NULL);
    }
}

static void tstate_free(PyThreadState *tstate)
{
#ifdef Py_GIL_DISABLED
    _Py_brc_remove_thread(tstate);
    _Py_qsbr_unregister(tstate);
#endif
    _PyThreadState_ClearDataStack(tstate);
    PyMem_RawFree(tstate);
}

void PyThreadState_Delete(PyThreadState *tstate)
{
    if (tstate == _PyThreadState_GET()) {
        Py_FatalError("tstate is still current");
    }
#ifdef Py_GIL_DISABLED
    /* The caller is attached (CPython's rule for this call), so no fold runs meanwhile. */
    _Py_ptrc_thread_exit(tstate);
#endif
    tstate_unlink(tstate);
    tstate_free(tstate);
}

void _PyThreadState_DeleteCurrent(PyThreadState *tstate)
{
    /* The free lists live in this thread's storage, which goes away with it. */
    _PyFloat_ClearFreeList();
    _PyTuple_ClearFreeList();
#ifdef Py_GIL_DISABLED
    /* Merge what other threads queued to us while we can still free objects (attached). */
    _Py_brc_remove_thread(tstate);
    _Py_ptrc_thread_exit(tstate);
    _PyType_ClearThreadCache();
#endif
    tstate_unlink(tstate);
    _PyThreadState_Detach(tstate);
    tstate_free(tstate);
}

void PyThreadState_DeleteCurrent(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        Py_FatalError("the current thread state is NULL");
    }
    _PyThreadState_DeleteCurrent(tstate);
}

void _PyThreadState_SetCurrent(PyThreadState *tstate)
{
    _Py_tss_tstate = tstate;
}

PyThreadState *_PyThreadState_GetUnchecked(void)
{
    return _Py_tss_tstate;
}

PyThreadState *PyThreadState_GetUnchecked(void)
{
    return _Py_tss_tstate;
}

PyThreadState *PyThreadState_Get(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        Py_FatalError("the function must be called with the GIL held, after Python "
                      "initialization and before Python finalization, but the GIL is "
                      "released (the current Python thread state is NULL)");
    }
    return tstate;
}

PyThreadState *_PyThreadState_GetCurrentChecked(void)
{
    return PyThreadState_Get();
}

/* Detach the current thread state (if any) and attach newts (if not NULL).  Returns the
 * previous thread state. */
PyThreadState *PyThreadState_Swap(PyThreadState *newts)
{
    PyThreadState *oldts = _Py_tss_tstate;
    if (oldts == newts) {
        return oldts;
    }
    if (oldts != NULL) {
        _PyThreadState_Detach(oldts);
    }
    if (newts != NULL) {
        _PyThreadState_Attach(newts);
    }
    return oldts;
}

/* Borrowed reference to the thread's dict; NULL (no exception) when there is no thread
 * state or the dict cannot be created. */
PyObject *PyThreadState_GetDict(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        return NULL;
    }
    if (tstate->dict == NULL) {
        tstate->dict = PyDict_New();
        if (tstate->dict == NULL) {
            PyErr_Clear();
        }
    }
    return tstate->dict;
}

/* Ask thread `id` to raise exc at its next eval-breaker check (exc NULL: cancel).  Returns
 * the number of thread states modified. */
int PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int count = 0;
    pthread_mutex_lock(&interp->threads.mutex);
    for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
        if (t->thread_id != id) {
            continue;
        }
        PyObject *old = t->async_exc;
        t->async_exc = Py_XNewRef(exc);
        /* The old value is released under the GIL, which we hold. */
        Py_XDECREF(old);
        if (exc != NULL) {
            _Py_set_eval_breaker_bit(t, _PY_ASYNC_EXCEPTION_BIT);
        }
        count++;
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    return count;
}

PyInterpreterState *PyThreadState_GetInterpreter(PyThreadState *tstate)
{
    return tstate->interp;
}

uint64_t PyThreadState_GetID(PyThreadState *tstate)
{
    return tstate->id;
}

/* ---- PyGILState ---- */

PyThreadState *PyGILState_GetThisThreadState(void)
{
    if (!_PyRuntime.autotss_initialized) {
        return NULL;
    }
    return pthread_getspecific(_PyRuntime.autotss_key);
}

int PyGILState_Check(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        return 0;
    }
    return tstate == PyGILState_GetThisThreadState();
}

PyGILState_STATE PyGILState_Ensure(void)
{
    PyThreadState *tcur = PyGILState_GetThisThreadState();
    if (tcur == NULL) {
        /* A thread Python has never seen: give it a thread state. */
        PyInterpreterState *interp = _PyRuntime.main_interp;
        if (interp == NULL) {
            Py_FatalError("PyGILState_Ensure called before Py_Initialize");
        }
        tcur = PyThreadState_New(interp);
        if (tcur == NULL) {
            Py_FatalError("could not allocate a thread state");
        }
        tcur->gilstate_counter = 0;
    }
    int has_gil = (tcur == _Py_tss_tstate);
    if (!has_gil) {
        PyEval_RestoreThread(tcur);
    }
    tcur->gilstate_counter++;
    return has_gil ? PyGILState_LOCKED : PyGILState_UNLOCKED;
}

void PyGILState_Release(PyGILState_STATE oldstate)
{
    PyThreadState *tstate = PyGILState_GetThisThreadState();
    if (tstate == NULL) {
        Py_FatalError("auto-releasing thread-state, but no thread-state for this thread");
    }
    if (tstate != _Py_tss_tstate) {
        Py_FatalError("thread state must be current when releasing");
    }
    tstate->gilstate_counter--;
    if (tstate->gilstate_counter == 0) {
        /* The thread state was created by PyGILState_Ensure: delete it. */
        PyThreadState_Clear(tstate);
        _PyThreadState_DeleteCurrent(tstate);
    }
    else if (oldstate == PyGILState_UNLOCKED) {
        PyEval_SaveThread();
    }
}

/* ---- misc ---- */

int _Py_IsMainThread(void)
{
    return PyThread_get_thread_ident() == _PyRuntime.main_thread;
}

int _Py_IsFinalizing(void)
{
    return _PyRuntimeState_GetFinalizing(&_PyRuntime) != NULL;
}

int Py_IsFinalizing(void)
{
    return _Py_IsFinalizing();
}

/* Return a new reference to the innermost Python frame of tstate, or NULL. */
PyFrameObject *PyThreadState_GetFrame(PyThreadState *tstate)
{
    struct _PyInterpreterFrame *f = _PyFrame_GetFirstComplete(tstate->current_frame);
    if (f == NULL) {
        return NULL;
    }
    PyFrameObject *frame = _PyFrame_GetFrameObject(f);
    if (frame == NULL) {
        PyErr_Clear();
    }
    return (PyFrameObject *)Py_XNewRef(frame);
}
