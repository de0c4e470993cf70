/* Thread and interpreter state.  Owner: runtime room (Python/pystate.c).
 *
 * A thread state is attached (running Python, may touch objects), detached (blocked in C, must
 * not touch objects) or suspended (parked for a stop-the-world).  In the GIL build "attached"
 * means "holds the GIL".  The eval breaker is one atomic word per thread (DESIGN.md §6); its bits
 * are defined in Include/internal/pycore_ceval.h.
 *
 * The fields below are the ones shared by rooms (eval loop, errors, runtime).  Private per-thread
 * runtime data (BRC queue, QSBR slot, mimalloc heaps, GC lists) lives in _PyThreadStateImpl
 * (Include/internal/pycore_tstate.h), which begins with this struct. */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;
struct _PyInterpreterFrame;

/* One level of the "exception being handled" stack (sys.exception()); generators own one. */
typedef struct _err_stackitem {
    PyObject *exc_value;          /* the handled exception, or NULL/None */
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

struct _frame;
typedef int (*Py_tracefunc)(PyObject *, struct _frame *, int, PyObject *);
#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7

#define _Py_THREAD_DETACHED 0
#define _Py_THREAD_ATTACHED 1
#define _Py_THREAD_SUSPENDED 2

struct _ts {
    PyThreadState *prev;
    PyThreadState *next;
    PyInterpreterState *interp;

    uintptr_t eval_breaker;       /* atomic; bits in pycore_ceval.h */
    int state;                    /* _Py_THREAD_*; atomic in the free-threaded build */

    struct _PyInterpreterFrame *current_frame;  /* innermost executing frame */
    int py_recursion_remaining;
    int py_recursion_limit;
    int c_recursion_remaining;    /* guards C recursion (repr, compare, parser, ...) */
    int recursion_headroom;       /* set while handling a RecursionError */

    int tracing;
    int what_event;
    Py_tracefunc c_profilefunc;
    Py_tracefunc c_tracefunc;
    PyObject *c_profileobj;
    PyObject *c_traceobj;

    PyObject *current_exception;  /* the exception being raised (owned), or NULL */
    _PyErr_StackItem *exc_info;   /* top of the handled-exception stack */
    _PyErr_StackItem exc_state;   /* the base item of that stack */

    PyObject *dict;               /* per-thread dict (PyThreadState_GetDict), owned */
    PyObject *async_exc;          /* exception to raise asynchronously, owned */
    unsigned long thread_id;      /* pthread_self() */
    unsigned long native_thread_id;
    uint64_t id;                  /* unique per interpreter */

    /* The frame stack: frames are pushed in chunks of contiguous memory. */
    struct _PyStackChunk *datastack_chunk;
    PyObject **datastack_top;
    PyObject **datastack_limit;

    uintptr_t critical_section;   /* top of the critical-section stack, tagged (free-threaded) */
    /* Free-threaded build: &interp->threads.count, read (atomically) by the inline critical
     * sections of critical_section.h, which take no lock while it is 1. */
    const Py_ssize_t *threads_count;
    PyObject *asyncio_running_loop;
    PyObject *delete_later;       /* trashcan list */
    int gilstate_counter;
    int coroutine_origin_tracking_depth;
    PyObject *context;            /* contextvars.Context (owned; Python/context.c) */
    uint64_t context_ver;

    /* sys.set_asyncgen_hooks(): called by async generators on first iteration and on
     * finalization (owned references or NULL). */
    PyObject *async_gen_firstiter;
    PyObject *async_gen_finalizer;
};

PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
PyAPI_FUNC(PyThreadState *) _PyThreadState_GetUnchecked(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_GetUnchecked(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *);
PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *);
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *);
PyAPI_FUNC(void) PyThreadState_Delete(PyThreadState *);
PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);
PyAPI_FUNC(PyObject *) PyThreadState_GetDict(void);
PyAPI_FUNC(int) PyThreadState_SetAsyncExc(unsigned long, PyObject *);
PyAPI_FUNC(PyInterpreterState *) PyThreadState_GetInterpreter(PyThreadState *);
PyAPI_FUNC(struct _frame *) PyThreadState_GetFrame(PyThreadState *);
PyAPI_FUNC(uint64_t) PyThreadState_GetID(PyThreadState *);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Main(void);
PyAPI_FUNC(PyObject *) PyInterpreterState_GetDict(PyInterpreterState *);
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *);
#define PyThreadState_GET() PyThreadState_Get()

typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE);
PyAPI_FUNC(PyThreadState *) PyGILState_GetThisThreadState(void);
PyAPI_FUNC(int) PyGILState_Check(void);

#endif /* Py_PYSTATE_H */
