/* struct _is: the interpreter state.  Owner: runtime room (Python/pystate.c).
 *
 * Braid has one interpreter per process for now (the main interpreter); the struct is per
 * interpreter anyway so that the C API (PyInterpreterState_*) has its CPython meaning.  Fields
 * are protected by the GIL unless a comment says otherwise. */
#ifndef Py_INTERNAL_INTERP_H
#define Py_INTERNAL_INTERP_H

#include <pthread.h>
#include "pycore_gc.h"
#include "pycore_initconfig.h"
#include "pycore_brc.h"
#include "pycore_ptrc.h"

struct _qsbr_shared;

/* The GIL (Python/ceval_gil.c, DESIGN.md §5).  `locked` and `last_holder` are written under
 * `mutex`; `locked` is also read without it (atomic) by threads deciding whether to wait. */
struct _gil_runtime_state {
    unsigned long interval;       /* switch interval in microseconds (default 5000) */
    PyThreadState *last_holder;   /* atomic; the thread that held it last */
    int locked;                   /* atomic; -1 before the GIL is created */
    unsigned long switch_number;  /* counts hand-offs; lets a waiter see that one happened */
    pthread_mutex_t mutex;        /* protects locked/last_holder/switch_number changes */
    pthread_cond_t cond;          /* signalled when the GIL is released */
    pthread_mutex_t switch_mutex; /* forced switching: the dropper waits for a taker */
    pthread_cond_t switch_cond;
    int enabled;                  /* sys._is_gil_enabled(); always 1 for now (both builds) */
};

/* Py_AddPendingCall: a small ring buffer, protected by `mutex` (any thread may add). */
#define _PY_MAX_PENDING_CALLS 32
struct _pending_calls {
    pthread_mutex_t mutex;
    struct {
        int (*func)(void *);
        void *arg;
    } calls[_PY_MAX_PENDING_CALLS];
    int first;
    int next;
    int busy;                     /* the main thread is running them: do not recurse */
};

/* The warnings module state (Python/_warnings.c). */
struct _warnings_runtime_state {
    PyObject *filters;            /* list of (action, message, category, module, lineno) */
    PyObject *once_registry;      /* dict */
    PyObject *default_action;     /* str */
    long filters_version;
};

struct _is {
    PyInterpreterState *next;
    int64_t id;

    /* Thread states of this interpreter; the list is changed under `threads.mutex`, which
     * may be taken without the GIL (thread creation and exit). */
    struct {
        pthread_mutex_t mutex;
        PyThreadState *head;
        uint64_t next_unique_id;
        long count;
        /* Free-threaded build: set (atomic) when count goes from 1 to 2, cleared by the
         * stop-the-world that ends the single-threaded mode (_Py_IsSingleThreaded). */
        int leaving_single;
    } threads;

    int finalizing;               /* Py_FinalizeEx started */
    int initialized;

    PyObject *modules;            /* sys.modules (dict) */
    PyObject *modules_by_index;   /* list: single-phase modules by PyModuleDef.m_base.m_index */
    PyObject *sysdict;            /* the sys module's dict */
    PyObject *builtins;           /* the builtins module's dict */
    PyObject *builtins_module;
    PyObject *import_func;        /* builtins.__import__ at start-up: fast path if unchanged */
    PyObject *dict;               /* PyInterpreterState_GetDict() */
    PyObject *atexit_callbacks;   /* list of (func, args, kwargs) for the atexit module */
    PyObject *audit_hooks;        /* list (sys.addaudithook); never called for now */
    /* Imports in progress (Python/import.c): {module name: thread ident} of the thread
     * executing the module, and {thread ident: module name} it waits for, to make other
     * threads wait for a module being initialised and to detect deadlocks. */
    PyObject *import_owners;
    PyObject *import_waiting;

    /* Codec registry, for the strings room (Python/codecs.c). */
    PyObject *codec_search_path;
    PyObject *codec_search_cache;
    PyObject *codec_error_registry;

    int ceval_recursion_limit;    /* sys.getrecursionlimit() */
    int int_max_str_digits;       /* sys.get_int_max_str_digits(); 0 means unlimited */

    struct _gil_runtime_state gil;
    struct _pending_calls pending;
    struct _gc_runtime_state gc;
    struct _warnings_runtime_state warnings;

    /* Stop-the-world (Python/ceval_gil.c).  `requester_lock` lets one stopper at a time in;
     * `mutex`/`cond` order the state changes of parked threads with the stopper: a thread that
     * detaches or parks while `requested` is set signals `cond`, and attaching threads wait on
     * it until the world restarts.  `requested` is read without the mutex (atomic). */
    struct {
        PyMutex requester_lock;
        pthread_mutex_t mutex;
        pthread_cond_t cond;
        int requested;            /* atomic */
        int world_stopped;        /* under mutex */
        int attach_waiters;       /* under mutex: threads waiting to attach */
        PyThreadState *requester;
        /* Fairness (Python/ceval_gil.c, let_the_world_run): written under mutex, read by the
         * next stopper before it takes it (atomic).  How many threads that wanted to run the
         * last stop parked, when it began and when the world restarted (monotonic ns). */
        int parked_running;
        int64_t last_stop_ns;
        int64_t last_start_ns;
        int one_cpu;              /* set at start-up: the machine has a single core */
    } stw;

#ifdef Py_GIL_DISABLED
    struct _brc_state brc;        /* biased reference counting queues (Python/brc.c) */
    struct _ptrc_state ptrc;      /* promoted objects' table (Python/ptrc.c) */
    struct _qsbr_shared *qsbr;    /* safe memory reclamation (Python/qsbr.c) */
#endif

    _PyCoreConfig *config;        /* &_Py_CoreConfig */
};

#endif /* Py_INTERNAL_INTERP_H */
