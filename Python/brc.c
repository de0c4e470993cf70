/* Biased reference counting: merge queues (see Include/internal/pycore_brc.h for the scheme).
 *
 * The queues hang off a hash table of buckets keyed by the owner's thread id, in the
 * interpreter.  Each bucket's PyMutex protects the list of registered threads in it and their
 * queues; the owner swaps its queue out under the mutex and merges without it.  Locks are never
 * held while an object is freed (a destructor may queue further objects). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_ceval.h"
#include "pycore_lock.h"

#ifdef Py_GIL_DISABLED
#include "pycore_brc.h"

/* Bucket locks are held for a few instructions and never across a safe point. */
static void bucket_lock(struct _brc_bucket *b)
{
    _PyMutex_LockNoDetach(&b->mutex);
}

static struct _brc_bucket *bucket_of(PyInterpreterState *interp, uintptr_t tid)
{
    return &interp->brc.buckets[(tid >> 6) % _Py_BRC_NUM_BUCKETS];
}

static struct _brc_thread_state *brc_of(PyThreadState *tstate)
{
    return &((_PyThreadStateImpl *)tstate)->brc;
}

Py_ssize_t _Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra)
{
    if (_Py_IsImmortal(op)) {
        return 1;      /* immortalized while queued: nothing to merge */
    }
    /* The local count is final here (we are its owner, or its owner has exited).  Give up
     * ownership before publishing the merged count: once it is published another thread may
     * drop the last reference and free op, so op is not written after the exchange. */
    Py_ssize_t local = 0;
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    if ((shared & _Py_REF_SHARED_FLAG_MASK) != _Py_REF_MERGED) {
        local = (Py_ssize_t)_Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
        _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, 0);
        _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);
    }
    Py_ssize_t total;
    for (;;) {
        /* Already merged: by the owner whose local count reached zero meanwhile. */
        total = (shared >> _Py_REF_SHARED_SHIFT) + extra +
                ((shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_MERGED ? 0 : local);
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              _Py_REF_SHARED(total, _Py_REF_MERGED))) {
            break;
        }
    }
    return total;
}

void _Py_brc_init_thread(PyThreadState *tstate)
{
    struct _brc_thread_state *brc = brc_of(tstate);
    brc->tid = _Py_ThreadId();
    struct _brc_bucket *b = bucket_of(tstate->interp, brc->tid);
    bucket_lock(b);
    brc->next = b->threads;
    b->threads = brc;
    PyMutex_Unlock(&b->mutex);
}

/* Take the queue of brc (under its bucket's mutex); the caller merges and frees the array. */
static PyObject **take_queue(PyInterpreterState *interp, struct _brc_thread_state *brc,
                             Py_ssize_t *size)
{
    struct _brc_bucket *b = bucket_of(interp, brc->tid);
    bucket_lock(b);
    PyObject **objects = brc->objects;
    *size = brc->size;
    brc->objects = NULL;
    brc->size = brc->capacity = 0;
    PyMutex_Unlock(&b->mutex);
    return objects;
}

static void merge_all(PyObject **objects, Py_ssize_t size)
{
    for (Py_ssize_t i = 0; i < size; i++) {
        PyObject *op = objects[i];
        if (_Py_ExplicitMergeRefcount(op, -1) == 0) {
            _Py_Dealloc(op);
        }
    }
    PyMem_RawFree(objects);
}

void _Py_brc_merge_refcounts(PyThreadState *tstate)
{
    _Py_unset_eval_breaker_bit(tstate, _PY_EVAL_EXPLICIT_MERGE_BIT);
    Py_ssize_t size;
    PyObject **objects = take_queue(tstate->interp, brc_of(tstate), &size);
    merge_all(objects, size);
}

void _Py_brc_remove_thread(PyThreadState *tstate)
{
    struct _brc_thread_state *brc = brc_of(tstate);
    if (brc->tid == 0) {
        return;   /* never registered */
    }
    /* Unlink first: objects queued from now on find no owner and are merged by the queuer. */
    struct _brc_bucket *b = bucket_of(tstate->interp, brc->tid);
    bucket_lock(b);
    for (struct _brc_thread_state **p = &b->threads; *p != NULL; p = &(*p)->next) {
        if (*p == brc) {
            *p = brc->next;
            break;
        }
    }
    PyObject **objects = brc->objects;
    Py_ssize_t size = brc->size;
    brc->objects = NULL;
    brc->size = brc->capacity = 0;
    PyMutex_Unlock(&b->mutex);
    merge_all(objects, size);
    brc->tid = 0;
}

void _Py_brc_queue_object(PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyInterpreterState *interp = tstate != NULL ? tstate->interp : _PyRuntime.main_interp;
    uintptr_t tid = _Py_atomic_load_uintptr_relaxed(&op->ob_tid);
    if (tid == 0) {
        /* Made unowned meanwhile (merged): drop the queue's reference directly. */
        Py_DECREF(op);
        return;
    }
    struct _brc_bucket *b = bucket_of(interp, tid);
    bucket_lock(b);
    struct _brc_thread_state *owner = b->threads;
    while (owner != NULL && owner->tid != tid) {
        owner = owner->next;
    }
    if (owner != NULL && owner->size == owner->capacity) {
        Py_ssize_t cap = owner->capacity ? owner->capacity * 2 : 16;
        PyObject **grown = PyMem_RawRealloc(owner->objects, (size_t)cap * sizeof(PyObject *));
        if (grown == NULL) {
            owner = NULL;      /* no memory: merge here instead */
        }
        else {
            owner->objects = grown;
            owner->capacity = cap;
        }
    }
    if (owner != NULL) {
        owner->objects[owner->size++] = op;
        /* The owner's thread state begins its _PyThreadStateImpl; brc is a field of it. */
        _PyThreadStateImpl *impl = (_PyThreadStateImpl *)((char *)owner -
                                    offsetof(_PyThreadStateImpl, brc));
        _Py_set_eval_breaker_bit(&impl->base, _PY_EVAL_EXPLICIT_MERGE_BIT);
        PyMutex_Unlock(&b->mutex);
        return;
    }
    PyMutex_Unlock(&b->mutex);
    /* The owner has exited: its local count is final, merge it here. */
    if (_Py_ExplicitMergeRefcount(op, -1) == 0) {
        _Py_Dealloc(op);
    }
}

/* fork() child: only the current thread survives; its registration is all that remains. */
void _Py_brc_after_fork(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    for (int i = 0; i < _Py_BRC_NUM_BUCKETS; i++) {
        interp->brc.buckets[i].mutex = (PyMutex){0};
        interp->brc.buckets[i].threads = NULL;
    }
    struct _brc_thread_state *brc = brc_of(tstate);
    brc->tid = _Py_ThreadId();
    struct _brc_bucket *b = bucket_of(interp, brc->tid);
    brc->next = NULL;
    b->threads = brc;
}

#endif /* Py_GIL_DISABLED */
