/* Per-thread reference counts for hot shared objects (Python/ptrc.c, DESIGN.md §3).
 *
 * Free-threaded build only.  Biased reference counting makes the owner's counting free, but an
 * object that several other threads keep taking and dropping (a module global read in a loop,
 * a shared threading.local, a read-mostly dict, a dict's key strings) has one shared count, and
 * its cache line moves between cores on every increment.  Such an object is "promoted": it gets
 * an index in the interpreter's table, and every thread then counts its references to it in its
 * own array of counts, at that index, with plain stores.
 *
 * Encoding.  A promoted object's ob_ref_shared carries (index + 1) << _Py_REF_PT_SHIFT on top
 * of its usual count and flags, so ob_ref_shared >= _Py_REF_PT_MIN tells a promoted object
 * (Include/object.h).  That bias is also its pin: its count cannot reach zero by any path,
 * so it is not freed while promoted, and Py_REFCNT() reports a huge count (as for CPython's
 * deferred objects), so no "count == 1" shortcut fires on it.  Adding to ob_ref_shared
 * directly stays correct for a promoted object (the true count is a sum), which is what
 * extensions compiled against older headers do.
 *
 * True count = ob_ref_local + count in ob_ref_shared + sum over threads of their slot.  A slot
 * may be negative (a thread drops a reference another thread took).
 *
 * Demotion ("folding") runs with the world stopped, at each collection and when the table
 * fills: the slots of every thread are summed into the object, which becomes unowned
 * (_Py_REF_MERGED) and keeps one reference (the pin) that the folding thread drops once the
 * world runs again; the table empties.  So an object that dies while promoted is freed at the
 * next fold, like a cyclic garbage object.  Objects with a finalizer (tp_finalize, tp_del) are
 * never promoted, so their __del__ keeps its prompt timing.
 *
 * Promotion samples: every _Py_PTRC_SAMPLE_PERIOD-th time a thread drops a reference to an
 * object it does not own (not promoted yet) it counts a hit for the object's address hash, and
 * promotes it when that counter reaches _Py_PTRC_HITS; all counters are halved every
 * _Py_PTRC_DECAY_SAMPLES samples.  So an object is promoted only after one thread dropped
 * at least _Py_PTRC_SAMPLE_PERIOD * _Py_PTRC_HITS (1024) references to it in a short while:
 * objects another thread reads now and then, and the stream of objects passing through a
 * queue, keep CPython's prompt release; an object many threads keep using becomes "deferred"
 * as CPython 3.14 makes functions, classes and modules: freed at the next collection. */
#ifndef Py_INTERNAL_PTRC_H
#define Py_INTERNAL_PTRC_H

#ifdef Py_GIL_DISABLED

#define _Py_PTRC_SAMPLE_PERIOD 16
#define _Py_PTRC_COUNTER_BITS 9
#define _Py_PTRC_HITS 64
#define _Py_PTRC_DECAY_SAMPLES 8192
#define _Py_PTRC_MAX_OBJECTS 8192

/* In the interpreter.  `mutex` protects objects, size and capacity; the table changes only
 * under it (promotion) or with the world stopped (fold).  `size` is also read without the
 * mutex (atomic, relaxed) to skip folding an empty table.  No promotion while a collection
 * runs (gc.collecting). */
struct _ptrc_state {
    PyMutex mutex;
    PyObject **objects;            /* index -> promoted object (not a counted reference) */
    Py_ssize_t size, capacity;
    int fold_requested;            /* atomic: the table is full, fold at the next check */
};

/* In each _PyThreadStateImpl.  `counts` is written by its thread only, read and cleared by a
 * folder with the world stopped (which orders it with the thread's writes). */
struct _ptrc_thread_state {
    Py_ssize_t *counts;            /* counts[index]: this thread's references to objects[index] */
    Py_ssize_t size;
    int off;                       /* set once the thread folded its counts at exit */
    unsigned int sample;           /* drops since the last sample */
    unsigned int samples;          /* samples since counters were last halved */
    uint8_t hits[1 << _Py_PTRC_COUNTER_BITS];     /* samples per address hash */
};

/* A thread other than op's owner takes (delta 1) or drops (-1) a reference to the promoted
 * op, whose ob_ref_shared it read as `shared`.  Returns 0 if it could not count in its slot
 * (no thread state, exiting thread, no memory): the caller counts in ob_ref_shared instead. */
extern int _Py_ptrc_add(PyObject *op, Py_ssize_t shared, Py_ssize_t delta);

/* Sample op (not owned by this thread, not promoted) for promotion. */
extern void _Py_ptrc_sample(PyObject *op);

/* Fold every promoted object (the world must be stopped by the caller).  Returns the array of
 * pinned objects (*count of them) that _Py_ptrc_release must get once the world runs, or NULL. */
extern PyObject **_Py_ptrc_fold_stopped(PyInterpreterState *interp, Py_ssize_t *count);
extern void _Py_ptrc_release(PyObject **pinned, Py_ssize_t count);

/* Stop the world, fold, restart it and release the pins, unless the table is empty.  Each
 * collection starts with it (so what died while promoted is freed, or collectable, by this
 * collection), and the eval breaker runs it when a full table asked (fold_requested). */
extern void _Py_ptrc_fold(PyThreadState *tstate);

/* The current thread (attached) or a dead thread's state, from an attached thread: add its
 * counts to the objects and stop counting per thread. */
extern void _Py_ptrc_thread_exit(PyThreadState *tstate);

/* Interpreter teardown: free the table (objects still promoted stay pinned). */
extern void _Py_ptrc_fini(PyInterpreterState *interp);

#endif /* Py_GIL_DISABLED */
#endif /* Py_INTERNAL_PTRC_H */
