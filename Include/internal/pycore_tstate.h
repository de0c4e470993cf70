/* _PyThreadStateImpl: the full per-thread state; PyThreadState (Include/pystate.h) is its
 * public beginning.  Owner: runtime room (Python/pystate.c).
 *
 * Every PyThreadState is allocated as a _PyThreadStateImpl, so core code may cast
 * (_PyThreadStateImpl *)tstate.  The free-threaded issue adds here: the BRC queue of objects
 * to merge, the QSBR slot, the mimalloc heaps and the per-thread GC lists. */
#ifndef Py_INTERNAL_TSTATE_H
#define Py_INTERNAL_TSTATE_H

typedef struct _PyThreadStateImpl {
    PyThreadState base;

    /* Set while this thread waits for the GIL (Python/ceval_gil.c). */
    int gil_waiting;

    /* Reserved for the free-threaded issue (biased reference counting, QSBR, mimalloc). */
    void *brc_queue;
    void *qsbr;
    void *mimalloc_heaps;
} _PyThreadStateImpl;

#endif /* Py_INTERNAL_TSTATE_H */
