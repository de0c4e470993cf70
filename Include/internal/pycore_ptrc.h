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
 * Demotion ("folding") of sampled objects runs with the world stopped, at each collection
 * and when their share of the table fills: the slots of every thread are summed into the
 * object, which becomes unowned (_Py_REF_MERGED) and keeps one reference (the pin) that the
 * folding thread drops once the world runs again; its index becomes free.  So an object that
 * dies while promoted is freed at the next fold, like a cyclic garbage object.  Objects with a
 * finalizer (tp_finalize, tp_del) are never promoted, so their __del__ keeps its prompt timing.
 *
 * Deferred objects (Objects/object.c, _PyObject_SetDeferredRefcount: top-level functions and
 * their code and constants, classes, modules and their dicts, method descriptors) are promoted
 * for good once a second thread starts, and when created after that: this is Braid's deferred
 * reference counting.  No fold demotes them while they live, and their owner keeps counting
 * in ob_ref_local (its merge at zero keeps the bias, as for any promoted object).  The
 * collector computes their true count when it examines them (_Py_ptrc_refcount_stopped), and
 * an unreachable one is demoted (_Py_ptrc_demote_stopped) and collected as any garbage.  A
 * full fold (each full collection, and the next collection after a deferred object died)
 * also folds their slots into their shared counts and demotes (with a pin, as above) those
 * whose true count is zero: deferred objects outside the collector's lists (code, constants)
 * die there.  So a class or function made and dropped while threads run is freed by a later
 * collection, as in CPython 3.14, instead of being immortal as in 3.13; its code and
 * constants follow one collection later each.
 *
 * Promotion samples: every _Py_PTRC_SAMPLE_PERIOD-th time a thread drops a reference to an
 * object it does not own (not promoted yet) it counts a hit for the object's address hash, and
 * promotes it when that counter reaches _Py_PTRC_HITS; all counters are halved every
 * _Py_PTRC_DECAY_SAMPLES samples.  So an object is promoted only after one thread dropped
 * at least _Py_PTRC_SAMPLE_PERIOD * _Py_PTRC_HITS (1024) references to it in a short while:
 * objects another thread reads now and then, and the stream of objects passing through a
 * queue, keep CPython's prompt release; an object many threads keep using is counted per
 * thread until the next collection, which frees it if it died meanwhile. */
#ifndef Py_INTERNAL_PTRC_H
#define Py_INTERNAL_PTRC_H

#ifdef Py_GIL_DISABLED

#define _Py_PTRC_SAMPLE_PERIOD 16
#define _Py_PTRC_COUNTER_BITS 9
#define _Py_PTRC_HITS 64
#define _Py_PTRC_DECAY_SAMPLES 8192
#define _Py_PTRC_MAX_OBJECTS 8192          /* sampled entries */
#define _Py_PTRC_MAX_DEFERRED (1 << 18)    /* deferred entries */

/* One index of the table: the promoted object, or NULL when the index is free (next_free then
 * chains it: the next free index + 1, 0 ending the chain).  Every thread's slot of a free
 * index is zero. */
struct _ptrc_entry {
    PyObject *op;                  /* not a counted reference */
    int32_t next_free;
    uint8_t deferred;              /* promoted for good: see "Deferred objects" above */
};

/* In the interpreter.  `mutex` protects entries, size, capacity, free_head and the counts of
 * sampled and deferred entries; the table changes only under it (promotion) or with the world
 * stopped (fold, collection).  `size` is also read without the mutex (atomic, relaxed) to skip
 * folding an empty table.  No promotion while a collection runs (gc.collecting). */
struct _ptrc_state {
    PyMutex mutex;
    struct _ptrc_entry *entries;   /* index -> entry */
    Py_ssize_t size, capacity;     /* indices in use or free below size; allocated */
    Py_ssize_t free_head;          /* first free index below size + 1, or 0: none */
    Py_ssize_t sampled, deferred;  /* entries of each kind */
    Py_ssize_t dead;               /* deferred ones demoted dead since the last full fold
                                    * (world stopped only) */
    int fold_requested;            /* atomic: the sampled entries are full, fold them soon */
};

/* In each _PyThreadStateImpl.  `counts` is written by its thread only, read and cleared by a
 * folder with the world stopped (which orders it with the thread's writes). */
struct _ptrc_thread_state {
    Py_ssize_t *counts;            /* counts[index]: this thread's references to entries[index].op */
    Py_ssize_t size;
    int off;                       /* set once the thread folded its counts at exit */
    unsigned int sample;           /* drops since the last sample */
    unsigned int samples;          /* samples since counters were last halved */
    uint8_t hits[1 << _Py_PTRC_COUNTER_BITS];     /* samples per address hash */
};

/* The index a promoted object's shared word carries (rounding absorbs a negative count). */
static inline Py_ssize_t _Py_ptrc_index(Py_ssize_t shared)
{
    return ((shared + (_Py_REF_PT_MIN)) >> _Py_REF_PT_SHIFT) - 1;
}

/* A thread other than op's owner takes (delta 1) or drops (-1) a reference to the promoted
 * op, whose ob_ref_shared it read as `shared`.  Returns 0 if it could not count in its slot
 * (no thread state, exiting thread, no memory): the caller counts in ob_ref_shared instead.
 * Objects/object.c inlines the common case (the slot exists) and calls this for the rest. */
extern int _Py_ptrc_add(PyObject *op, Py_ssize_t shared, Py_ssize_t delta);

/* Sample op (not owned by this thread, not promoted) for promotion. */
extern void _Py_ptrc_sample(PyObject *op);

/* What a fold (world stopped) covers. */
#define _Py_PTRC_FOLD_SAMPLED 0    /* demote the sampled objects only */
#define _Py_PTRC_FOLD_ALL 1        /* also fold the deferred ones' slots and demote the dead */

/* Fold (the world must be stopped by the caller).  Returns the array of pinned objects (*count
 * of them) that _Py_ptrc_release must get once the world runs, or NULL. */
extern PyObject **_Py_ptrc_fold_stopped(PyInterpreterState *interp, int what,
                                        Py_ssize_t *count);
extern void _Py_ptrc_release(PyObject **pinned, Py_ssize_t count);

/* Stop the world, fold the sampled objects, restart it and release the pins, unless there are
 * none: the eval breaker runs it when their share of the table is full (fold_requested). */
extern void _Py_ptrc_fold(PyThreadState *tstate);

/* Promote op for good (a deferred object, see above) if there is room; nothing if it is
 * immortal, has a finalizer or a collection runs.  Attached, or with the world stopped.
 * Returns 1 if op became deferred now, 0 if not or if it was before. */
extern int _Py_ptrc_promote_deferred(PyInterpreterState *interp, PyObject *op);

/* For the collector, world stopped.  op is promoted (ob_ref_shared >= _Py_REF_PT_MIN).
 * Its true count (see above); and: make it an ordinary counted object again, unowned and
 * merged (counts kept), as a fold demotes (Python/ptrc.c, demote_merged says why). */
extern Py_ssize_t _Py_ptrc_refcount_stopped(PyInterpreterState *interp, PyObject *op);
extern void _Py_ptrc_demote_stopped(PyInterpreterState *interp, PyObject *op);

/* The current thread (attached) or a dead thread's state, from an attached thread: add its
 * counts to the objects and stop counting per thread. */
extern void _Py_ptrc_thread_exit(PyThreadState *tstate);

/* Interpreter teardown: free the table (objects still promoted stay pinned). */
extern void _Py_ptrc_fini(PyInterpreterState *interp);

#endif /* Py_GIL_DISABLED */
#endif /* Py_INTERNAL_PTRC_H */
