/* _PyThreadStateImpl: the full per-thread state; PyThreadState (Include/pystate.h) is its
 * public beginning.  Owner: runtime room (Python/pystate.c).
 *
 * Every PyThreadState is allocated as a _PyThreadStateImpl, so core code may cast
 * (_PyThreadStateImpl *)tstate.  The free-threaded issue adds here: the BRC queue of objects
 * to merge, the QSBR slot, the mimalloc heaps and the per-thread GC lists. */
#ifndef Py_INTERNAL_TSTATE_H
#define Py_INTERNAL_TSTATE_H

#include "pycore_brc.h"
#include "pycore_ptrc.h"

struct _qsbr_thread_state;
struct _qsbr_pending;

typedef struct _PyThreadStateImpl {
    PyThreadState base;

    /* Set while this thread waits for the GIL (Python/ceval_gil.c). */
    int gil_waiting;

    /* Set while this thread holds the GIL (free-threaded build: the GIL may be turned on at
     * run time, so a thread must know whether it has it to release). */
    int holds_gil;

#ifdef Py_GIL_DISABLED
    /* Biased reference counting: objects other threads queued to us (Python/brc.c). */
    struct _brc_thread_state brc;
    /* Our counts of promoted objects (Python/ptrc.c). */
    struct _ptrc_thread_state ptrc;
    /* Safe memory reclamation (Python/qsbr.c): our slot and our delayed frees. */
    struct _qsbr_thread_state *qsbr;
    struct _qsbr_pending *qsbr_pending;
    /* The collector's young stripe for objects this thread tracks, and its not yet published
     * share of the generation-0 count (Python/gc.c). */
    int gc_stripe;
    int gc_alloc_delta;
    /* Set while this thread waits for the lock of stop-the-world requesters (Python/
     * ceval_gil.c): the attach that ends the wait must not stop the world itself. */
    int awaiting_stop_lock;
#endif
} _PyThreadStateImpl;

#endif /* Py_INTERNAL_TSTATE_H */
