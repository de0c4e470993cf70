/* C-level trace and profile hooks (Include/cpython/ceval.h) and the thread-state walking API
 * (Include/cpython/pystate.h).
 *
 * A hook is the pair (c_tracefunc, c_traceobj) or (c_profilefunc, c_profileobj) of a thread
 * state, the same fields sys.settrace/sys.setprofile fill with their trampolines
 * (Python/sysmodule.c); the eval loop (Python/ceval.c) calls them and skips them while
 * tstate->tracing is nonzero.
 *
 * Concurrency: a thread changes its own hooks freely.  The *AllThreads variants write the
 * fields of other threads with the world stopped (_PyEval_StopTheWorld: every other thread is
 * parked, so none is reading its hook), walking the thread list under interp->threads.mutex;
 * the replaced objects are released only after both are over, since releasing may run
 * arbitrary code. */
#include "Python.h"
#include "cpython/ceval.h"
#include "cpython/pystate.h"
#include "pycore_ceval.h"
#include "pycore_interp.h"
#include "pycore_pystate.h"

typedef enum { HOOK_PROFILE, HOOK_TRACE } hook_kind;

/* Install (func, obj) as hook `kind` of tstate.  Return the object it replaces (the caller
 * releases it), or NULL. */
static PyObject *
swap_hook(PyThreadState *tstate, hook_kind kind, Py_tracefunc func, PyObject *obj)
{
    PyObject *new_obj = func != NULL ? Py_XNewRef(obj) : NULL;
    PyObject *old_obj;
    if (kind == HOOK_PROFILE) {
        old_obj = tstate->c_profileobj;
        tstate->c_profilefunc = func;
        tstate->c_profileobj = new_obj;
    }
    else {
        old_obj = tstate->c_traceobj;
        tstate->c_tracefunc = func;
        tstate->c_traceobj = new_obj;
    }
    return old_obj;
}

/* The sys.setprofile/sys.settrace audit event; 0, or -1 if a hook refused (the exception is
 * reported as unraisable, as the void API cannot return it). */
static int
audit_hook(hook_kind kind)
{
    if (PySys_Audit(kind == HOOK_PROFILE ? "sys.setprofile" : "sys.settrace", NULL) < 0) {
        PyErr_WriteUnraisable(NULL);
        return -1;
    }
    return 0;
}

static void
set_hook(hook_kind kind, Py_tracefunc func, PyObject *obj)
{
    if (audit_hook(kind) < 0) {
        return;
    }
    Py_XDECREF(swap_hook(_PyThreadState_GET(), kind, func, obj));
}

static void
set_hook_all_threads(hook_kind kind, Py_tracefunc func, PyObject *obj)
{
    if (audit_hook(kind) < 0) {
        return;
    }
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject **replaced = NULL;
    Py_ssize_t nreplaced = 0;
    _PyEval_StopTheWorld(interp);
    pthread_mutex_lock(&interp->threads.mutex);
    /* Raw allocation: no Python code may run while the world is stopped. */
    replaced = PyMem_RawCalloc((size_t)interp->threads.count + 1, sizeof(PyObject *));
    if (replaced != NULL) {
        for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
            PyObject *old = swap_hook(t, kind, func, obj);
            if (old != NULL) {
                replaced[nreplaced++] = old;
            }
        }
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    _PyEval_StartTheWorld(interp);
    if (replaced == NULL) {
        PyErr_NoMemory();
        PyErr_WriteUnraisable(NULL);
        return;
    }
    for (Py_ssize_t i = 0; i < nreplaced; i++) {
        Py_DECREF(replaced[i]);
    }
    PyMem_RawFree(replaced);
}

void
PyEval_SetProfile(Py_tracefunc func, PyObject *obj)
{
    set_hook(HOOK_PROFILE, func, obj);
}

void
PyEval_SetTrace(Py_tracefunc func, PyObject *obj)
{
    set_hook(HOOK_TRACE, func, obj);
}

void
PyEval_SetProfileAllThreads(Py_tracefunc func, PyObject *obj)
{
    set_hook_all_threads(HOOK_PROFILE, func, obj);
}

void
PyEval_SetTraceAllThreads(Py_tracefunc func, PyObject *obj)
{
    set_hook_all_threads(HOOK_TRACE, func, obj);
}

void
PyThreadState_EnterTracing(PyThreadState *tstate)
{
    tstate->tracing++;
}

void
PyThreadState_LeaveTracing(PyThreadState *tstate)
{
    tstate->tracing--;
}

/* Braid runs one interpreter per process: the main one heads the list. */
PyInterpreterState *
PyInterpreterState_Head(void)
{
    return PyInterpreterState_Main();
}

PyInterpreterState *
PyInterpreterState_Next(PyInterpreterState *interp)
{
    return interp->next;
}

PyThreadState *
PyInterpreterState_ThreadHead(PyInterpreterState *interp)
{
    return interp->threads.head;
}

PyThreadState *
PyThreadState_Next(PyThreadState *tstate)
{
    return tstate->next;
}
