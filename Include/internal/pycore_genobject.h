/* Private generator API: the layout shared by generators, coroutines and async generators.
 * Owner: eval room (Objects/genobject.c). */
#ifndef Py_INTERNAL_GENOBJECT_H
#define Py_INTERNAL_GENOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_pystate.h"     /* _Py_IsSingleThreaded */

/* gi_frame_state */
enum _PyGenFrameState {
    FRAME_CREATED = -2,         /* not started */
    FRAME_SUSPENDED = -1,       /* stopped at a yield */
    FRAME_EXECUTING = 0,
    FRAME_COMPLETED = 1,        /* returned or raised; frame cleared */
};

/* The frame is embedded at the end (gi_iframe), sized for the code object.  gi_running is
 * gi_frame_state == FRAME_EXECUTING; the free-threaded build claims it with a CAS
 * (_PyGen_TrySetExecuting, below) so two threads cannot run one generator. */
struct _PyGenObject {
    PyObject_HEAD
    PyObject *gi_weakreflist;
    PyObject *gi_name;                /* str (strong) */
    PyObject *gi_qualname;            /* str (strong) */
    _PyErr_StackItem gi_exc_state;    /* the generator's handled-exception level */
    PyObject *gi_origin_or_finalizer; /* async gen: the finalizer hook (strong) or NULL */
    char gi_hooks_inited;             /* async gen: firstiter hook called */
    char gi_closed;                   /* async gen: aclose() finished */
    char gi_running_async;            /* async gen: an asend/athrow is running */
    int8_t gi_frame_state;            /* enum _PyGenFrameState */
    PyObject *gi_iframe[1];           /* the _PyInterpreterFrame */
};

#define _PyGen_GetFrame(gen) ((struct _PyInterpreterFrame *)((gen)->gi_iframe))

/* The generator a FRAME_OWNED_BY_GENERATOR frame is embedded in. */
static inline PyGenObject *_PyGen_GetGeneratorFromFrame(struct _PyInterpreterFrame *frame)
{
    return (PyGenObject *)((char *)frame - offsetof(PyGenObject, gi_iframe));
}

/* Create the generator/coroutine/async generator for a frame that executes
 * RETURN_GENERATOR: the frame's contents move into it.  Return a new reference. */
PyAPI_FUNC(PyObject *) _Py_MakeCoro(PyFunctionObject *func, struct _PyInterpreterFrame *frame);
/* Send value into gen (SEND and yield from): PYGEN_NEXT with *presult the yielded value,
 * PYGEN_RETURN with the return value, or PYGEN_ERROR. */
PyAPI_FUNC(PySendResult) _PyGen_Send(PyGenObject *gen, PyObject *value, PyObject **presult);
/* The iterator to await o with: o itself for a coroutine (or a generator with
 * CO_ITERABLE_COROUTINE), else the result of o.__await__(), checked to be an iterator.
 * New reference; NULL with TypeError "object X can't be used in 'await' expression". */
PyAPI_FUNC(PyObject *) _PyCoro_GetAwaitableIter(PyObject *o);
/* Wrap a value yielded by an async generator. Return a new reference. */
PyAPI_FUNC(PyObject *) _PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *value);
/* The object the generator is delegating to (yield from/await), new reference or NULL. */
PyAPI_FUNC(PyObject *) _PyGen_yf(PyGenObject *gen);
/* Used by the eval loop when a generator's frame raises StopIteration (PEP 479). */
PyAPI_FUNC(void) _PyGen_Finalize(PyObject *self);

/* Try to move the generator from `expected` (its state as the caller just read it) to
 * FRAME_EXECUTING: 1 if this thread now runs it.  Used by every resume path (send, throw,
 * close, iteration, and SEND/FOR_ITER running the frame inline in the eval loop). */
static inline int _PyGen_TrySetExecuting(PyGenObject *gen, int8_t expected)
{
    if (expected != FRAME_CREATED && expected != FRAME_SUSPENDED) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    if (Py_LIKELY(_Py_IsSingleThreaded())) {
        /* No other thread can resume it meanwhile (one can only appear after this thread
         * passes a safe point): a plain check and store, without the locked instruction,
         * which was 28% of the generators benchmark's eval-loop time. */
        if (_Py_atomic_load_int8_relaxed(&gen->gi_frame_state) != expected) {
            return 0;
        }
        _Py_atomic_store_int8_relaxed(&gen->gi_frame_state, FRAME_EXECUTING);
        return 1;
    }
    return _Py_atomic_compare_exchange_int8(&gen->gi_frame_state, &expected, FRAME_EXECUTING);
#else
    if (gen->gi_frame_state == expected) {
        gen->gi_frame_state = FRAME_EXECUTING;
        return 1;
    }
    return 0;
#endif
}

#endif /* Py_INTERNAL_GENOBJECT_H */
