/* Quiescent-state-based reclamation (see Include/internal/pycore_qsbr.h).
 *
 * The invariant that makes this safe with Debian's mimalloc, which may hand a freed block to
 * the next allocation at once: **a block that a lock-free reader can reach is never returned to
 * mimalloc while such a reader may still hold its address.**  Lock-free readers (dict lookups,
 * weak-reference resolution, a shared iterator's container) only follow pointers published in
 * shared places and only between two quiescent points of their thread.  Every object such a
 * pointer can lead to is marked _PyGC_BITS_SHARED when it is published (a key or value of a
 * shared dict, a key of a shared set or an item of a shared list -- one that a thread other
 * than its owner touched, see Objects/dictobject.c --, a weak referent, an exhausted
 * iterator's container); when a marked
 * object is freed while other threads run, PyObject_Free / PyObject_GC_Del hand its memory to
 * this file (Objects/obmalloc.c, Python/gc.c), and freelists do not take it.  The replaced key
 * tables, set tables and item arrays of shared dicts, sets and lists come here too.  The
 * objects themselves are finalized and deallocated at once (prompt release, as in CPython); only
 * the reuse of their memory waits, so a reader's "try to increment, then re-check the slot"
 * (_Py_TryIncRef) touches the dead object's own count, never another object's.
 *
 * Sequences: `wr_seq` (shared) counts write epochs, starting at 1 and advancing by 2; each
 * attached thread publishes in its slot the `wr_seq` it saw at its last quiescent point
 * (0 while detached: a detached thread holds no pointers).  A delayed free made at epoch g
 * (after advancing wr_seq to g) may run when every online slot shows at least g.
 *
 * Locking: `shared->mutex` protects the slot array (threads come and go) and the list of
 * delayed frees orphaned by exited threads.  Each thread's own pending list is touched only by
 * that thread. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_lock.h"
#include "pycore_qsbr.h"
#include "pycore_ceval.h"

#ifdef Py_GIL_DISABLED

#define QSBR_INITIAL 1
#define QSBR_INCR 2
#define ADVANCE_EVERY 64       /* items a thread queues per advance of the shared sequence */
#define PROCESS_EVERY 256      /* pending items before all threads are asked to report */

struct _qsbr_thread_state {
    uint64_t seq;              /* atomic; 0 = offline */
    char _pad[64 - sizeof(uint64_t)];   /* one cache line per thread: no false sharing */
};

typedef struct {
    void *ptr;
    uint64_t goal;
    int is_object;             /* 1: Py_DECREF(ptr); 0: PyMem_Free(ptr) */
} pending_item;

/* Items in queue order; goals never decrease along the queue (wr_seq only grows), so the
 * releasable ones are a prefix: items[head..size) are pending. */
struct _qsbr_pending {
    pending_item *items;
    Py_ssize_t head, size, capacity;
};

struct _qsbr_shared {
    uint64_t wr_seq;           /* atomic */
    PyMutex mutex;             /* protects slots and orphans */
    struct _qsbr_thread_state **slots;
    Py_ssize_t nslots, slots_capacity;
    struct _qsbr_pending orphans;
};

static void shared_lock(struct _qsbr_shared *s)
{
    _PyMutex_LockNoDetach(&s->mutex);
}

static struct _qsbr_shared *shared_of(PyInterpreterState *interp)
{
    struct _qsbr_shared *s = _Py_atomic_load_ptr_acquire((void **)&interp->qsbr);
    if (s != NULL) {
        return s;
    }
    struct _qsbr_shared *fresh = PyMem_RawCalloc(1, sizeof(*fresh));
    if (fresh == NULL) {
        Py_FatalError("out of memory allocating the QSBR state");
    }
    fresh->wr_seq = QSBR_INITIAL;
    void *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr(&interp->qsbr, &expected, fresh)) {
        PyMem_RawFree(fresh);
        return expected;
    }
    return fresh;
}

static _PyThreadStateImpl *impl_of(PyThreadState *tstate)
{
    return (_PyThreadStateImpl *)tstate;
}

void _Py_qsbr_register(PyThreadState *tstate)
{
    struct _qsbr_shared *s = shared_of(tstate->interp);
    struct _qsbr_thread_state *slot = PyMem_RawCalloc(1, sizeof(*slot));
    struct _qsbr_pending *pending = PyMem_RawCalloc(1, sizeof(*pending));
    if (slot == NULL || pending == NULL) {
        Py_FatalError("out of memory registering a thread for QSBR");
    }
    shared_lock(s);
    if (s->nslots == s->slots_capacity) {
        Py_ssize_t cap = s->slots_capacity ? s->slots_capacity * 2 : 8;
        void *grown = PyMem_RawRealloc(s->slots, (size_t)cap * sizeof(*s->slots));
        if (grown == NULL) {
            Py_FatalError("out of memory registering a thread for QSBR");
        }
        s->slots = grown;
        s->slots_capacity = cap;
    }
    s->slots[s->nslots++] = slot;
    PyMutex_Unlock(&s->mutex);
    impl_of(tstate)->qsbr = slot;
    impl_of(tstate)->qsbr_pending = pending;
}

static int pending_push(struct _qsbr_pending *p, void *ptr, uint64_t goal, int is_object)
{
    if (p->size == p->capacity && p->head >= p->size / 2) {
        memmove(p->items, p->items + p->head,
                (size_t)(p->size - p->head) * sizeof(pending_item));
        /* size is read without the lock for the orphan queue (_Py_qsbr_quiescent) */
        _Py_atomic_store_ssize_relaxed(&p->size, p->size - p->head);
        p->head = 0;
    }
    if (p->size == p->capacity) {
        Py_ssize_t cap = p->capacity ? p->capacity * 2 : 64;
        void *grown = PyMem_RawRealloc(p->items, (size_t)cap * sizeof(pending_item));
        if (grown == NULL) {
            return -1;
        }
        p->items = grown;
        p->capacity = cap;
    }
    p->items[p->size].ptr = ptr;
    p->items[p->size].goal = goal;
    p->items[p->size].is_object = is_object;
    _Py_atomic_store_ssize_relaxed(&p->size, p->size + 1);
    return 0;
}

void _Py_qsbr_unregister(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = impl_of(tstate);
    struct _qsbr_thread_state *slot = impl->qsbr;
    if (slot == NULL) {
        return;
    }
    struct _qsbr_shared *s = shared_of(tstate->interp);
    struct _qsbr_pending *mine = impl->qsbr_pending;
    shared_lock(s);
    for (Py_ssize_t i = 0; i < s->nslots; i++) {
        if (s->slots[i] == slot) {
            s->slots[i] = s->slots[--s->nslots];
            break;
        }
    }
    /* What we could not release yet is released by whichever thread polls next. */
    for (Py_ssize_t i = mine->head; i < mine->size; i++) {
        if (pending_push(&s->orphans, mine->items[i].ptr, mine->items[i].goal,
                         mine->items[i].is_object) < 0) {
            break;   /* no memory: leak rather than free early */
        }
    }
    PyMutex_Unlock(&s->mutex);
    PyMem_RawFree(mine->items);
    PyMem_RawFree(mine);
    PyMem_RawFree(slot);
    impl->qsbr = NULL;
    impl->qsbr_pending = NULL;
}

void _Py_qsbr_after_fork(PyThreadState *tstate)
{
    /* Only this thread survives: forget the other slots (their memory is leaked, as are the
     * other threads' states). */
    struct _qsbr_shared *s = tstate->interp->qsbr;
    if (s == NULL) {
        return;
    }
    s->mutex = (PyMutex){0};
    s->nslots = 0;
    struct _qsbr_thread_state *slot = impl_of(tstate)->qsbr;
    if (slot != NULL) {
        s->slots[s->nslots++] = slot;
    }
}

void _Py_qsbr_attach(PyThreadState *tstate)
{
    struct _qsbr_thread_state *slot = impl_of(tstate)->qsbr;
    if (slot != NULL) {
        struct _qsbr_shared *s = tstate->interp->qsbr;
        _Py_atomic_store_uint64(&slot->seq, _Py_atomic_load_uint64(&s->wr_seq));
    }
}

void _Py_qsbr_detach(PyThreadState *tstate)
{
    struct _qsbr_thread_state *slot = impl_of(tstate)->qsbr;
    if (slot != NULL) {
        _Py_atomic_store_uint64_release(&slot->seq, 0);
    }
}

/* The smallest sequence an online thread has reported (UINT64_MAX if none is online). */
static uint64_t min_online_seq(struct _qsbr_shared *s)
{
    uint64_t min = UINT64_MAX;
    shared_lock(s);
    for (Py_ssize_t i = 0; i < s->nslots; i++) {
        uint64_t seq = _Py_atomic_load_uint64_acquire(&s->slots[i]->seq);
        if (seq != 0 && seq < min) {
            min = seq;
        }
    }
    PyMutex_Unlock(&s->mutex);
    return min;
}

static void release(pending_item *item)
{
    if (item->is_object) {
        Py_DECREF((PyObject *)item->ptr);
    }
    else {
        PyMem_Free(item->ptr);
    }
}

/* Release the items of p whose goal every online thread has passed (a prefix).  They are
 * taken off the queue before any is released: a release may run a destructor that queues
 * more. */
static void process(struct _qsbr_pending *p, uint64_t min)
{
    Py_ssize_t k = p->head;
    while (k < p->size && p->items[k].goal <= min) {
        k++;
    }
    Py_ssize_t n = k - p->head;
    if (n == 0) {
        return;
    }
    pending_item *ready = PyMem_RawMalloc((size_t)n * sizeof(pending_item));
    if (ready == NULL) {
        return;
    }
    memcpy(ready, p->items + p->head, (size_t)n * sizeof(pending_item));
    p->head = k;
    if (p->head == p->size) {
        p->head = p->size = 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        release(&ready[i]);
    }
    PyMem_RawFree(ready);
}

void _Py_qsbr_quiescent(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = impl_of(tstate);
    struct _qsbr_thread_state *slot = impl->qsbr;
    if (slot == NULL) {
        return;
    }
    struct _qsbr_shared *s = tstate->interp->qsbr;
    uint64_t now = _Py_atomic_load_uint64(&s->wr_seq);
    _Py_atomic_store_uint64_release(&slot->seq, now);
    struct _qsbr_pending *p = impl->qsbr_pending;
    int have_mine = p->head < p->size;
    int have_orphans = _Py_atomic_load_ssize_relaxed(&s->orphans.size) > 0;
    if (!have_mine && !have_orphans) {
        return;
    }
    /* Our oldest item can only become ready once the shared sequence reaches its goal: if
     * nobody has advanced it that far yet, do it now (the next reports will then carry it). */
    if (have_mine && p->items[p->head].goal > now) {
        (void)_Py_atomic_add_uint64(&s->wr_seq, QSBR_INCR);
        if (!have_orphans) {
            return;
        }
    }
    uint64_t min = min_online_seq(s);
    if (have_mine) {
        process(p, min);
    }
    if (have_orphans) {
        /* Take the orphans we can release now (under the mutex), release them outside. */
        struct _qsbr_pending mine = {NULL, 0, 0, 0};
        shared_lock(s);
        Py_ssize_t keep = 0;
        for (Py_ssize_t i = s->orphans.head; i < s->orphans.size; i++) {
            pending_item *it = &s->orphans.items[i];
            if (it->goal <= min && pending_push(&mine, it->ptr, it->goal, it->is_object) == 0) {
                continue;
            }
            s->orphans.items[keep++] = *it;
        }
        s->orphans.head = 0;
        _Py_atomic_store_ssize_relaxed(&s->orphans.size, keep);
        PyMutex_Unlock(&s->mutex);
        for (Py_ssize_t i = 0; i < mine.size; i++) {
            release(&mine.items[i]);
        }
        PyMem_RawFree(mine.items);
    }
}

/* Queue ptr for release; with a single thread in the interpreter there is no reader to wait
 * for. */
static void delay(void *ptr, int is_object)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyThreadStateImpl *impl = tstate != NULL ? impl_of(tstate) : NULL;
    if (impl == NULL || impl->qsbr == NULL ||
        _Py_atomic_load_ssize_relaxed(&tstate->interp->threads.count) <= 1) {
        pending_item item = {ptr, 0, is_object};
        release(&item);
        return;
    }
    struct _qsbr_shared *s = tstate->interp->qsbr;
    /* The goal is the next epoch.  Advancing the shared sequence on every call would make it
     * the hottest cache line of the process; a thread advances it once per ADVANCE_EVERY
     * items, and the goal of its items in between is one epoch past what it last saw
     * (reached once some thread advances and every thread reports). */
    uint64_t goal;
    Py_ssize_t queued = impl->qsbr_pending->size - impl->qsbr_pending->head;
    if (queued % ADVANCE_EVERY == 0) {
        goal = _Py_atomic_add_uint64(&s->wr_seq, QSBR_INCR) + QSBR_INCR;
    }
    else {
        goal = _Py_atomic_load_uint64_relaxed(&s->wr_seq) + QSBR_INCR;
    }
    if (pending_push(impl->qsbr_pending, ptr, goal, is_object) < 0) {
        return;   /* no memory: leak it rather than free it early */
    }
    if ((queued + 1) % PROCESS_EVERY == 0) {
        /* Ask every thread to report a quiescent state at its next safe point (and us to
         * release what is ready then; not here: the caller may be in the middle of a
         * mutation, and a release can run arbitrary destructors). */
        PyInterpreterState *interp = tstate->interp;
        pthread_mutex_lock(&interp->threads.mutex);
        for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
            _Py_set_eval_breaker_bit(t, _PY_EVAL_QSBR_BIT);
        }
        pthread_mutex_unlock(&interp->threads.mutex);
    }
}

void _PyMem_FreeDelayed(void *ptr)
{
    if (ptr != NULL) {
        delay(ptr, 0);
    }
}

int _Py_qsbr_single_thread(void)
{
    /* The runtime-wide test (one load), plus: a thread without a thread state has no
     * reader to wait for. */
    return _PyThreadState_GET() == NULL || _Py_IsSingleThreaded();
}

void _PyObject_XDecRefDelayed(PyObject *op)
{
    if (op != NULL) {
        delay(op, 1);
    }
}

#else /* !Py_GIL_DISABLED */

int _Py_qsbr_single_thread(void)
{
    return 1;
}

void _PyMem_FreeDelayed(void *ptr)
{
    PyMem_Free(ptr);
}

void _PyObject_XDecRefDelayed(PyObject *op)
{
    Py_XDECREF(op);
}

#endif
