/* Biased reference counting: the per-thread merge queues (Python/brc.c, DESIGN.md §3).
 *
 * Free-threaded build only.  An object's owner (ob_tid) counts its own references in
 * ob_ref_local without atomics; other threads count theirs in ob_ref_shared atomically.  When a
 * non-owner drops a reference and the shared count is already zero, it cannot know whether the
 * object died (the owner's local count is private): it marks the object _Py_REF_QUEUED, keeps
 * the dropped reference in the count ("the queue holds a reference") and pushes the object to
 * the owner's queue.  The owner merges both counts into ob_ref_shared at its next eval-breaker
 * check and releases the queue's reference, freeing the object if that was the last one.  A
 * thread that exits merges its queue; objects queued to a thread that is gone are merged at
 * once by the thread that queues them. */
#ifndef Py_INTERNAL_BRC_H
#define Py_INTERNAL_BRC_H

#ifdef Py_GIL_DISABLED

#define _Py_BRC_NUM_BUCKETS 257

/* One registered thread's queue; lives in its _PyThreadStateImpl. */
struct _brc_thread_state {
    struct _brc_thread_state *next;   /* in its bucket's list (under the bucket's mutex) */
    uintptr_t tid;                     /* _Py_ThreadId() of the owner; 0 if not registered */
    PyObject **objects;                /* queued objects (under the bucket's mutex) */
    Py_ssize_t size, capacity;
};

struct _brc_bucket {
    PyMutex mutex;                     /* protects `threads` and their queues */
    struct _brc_thread_state *threads;
};

struct _brc_state {
    struct _brc_bucket buckets[_Py_BRC_NUM_BUCKETS];
};

/* Register/unregister the current thread (thread-state bind and delete). */
extern void _Py_brc_init_thread(PyThreadState *tstate);
extern void _Py_brc_remove_thread(PyThreadState *tstate);
extern void _Py_brc_after_fork(PyThreadState *tstate);
/* Merge the objects queued to the current thread (eval breaker, _PY_EVAL_EXPLICIT_MERGE_BIT). */
extern void _Py_brc_merge_refcounts(PyThreadState *tstate);
/* Queue op (already marked _Py_REF_QUEUED by the caller) to its owner, or merge it now. */
extern void _Py_brc_queue_object(PyObject *op);
/* Merge op's counts into ob_ref_shared and make it unowned, adding `extra` (e.g. -1 for the
 * queue's reference).  Returns the merged count; the caller frees the object at zero. */
extern Py_ssize_t _Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra);

#endif /* Py_GIL_DISABLED */
#endif /* Py_INTERNAL_BRC_H */
