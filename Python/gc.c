/* The cyclic garbage collector (DESIGN.md §7; object header in pycore_gc.h).
 *
 * Generational: tracked objects live on three lists; new objects go to generation 0.  When the
 * number of GC allocations minus deallocations exceeds threshold 0, the next eval-breaker
 * check (_PY_GC_SCHEDULED_BIT) collects the oldest generation whose count exceeds its
 * threshold; survivors move to the next generation.  A full collection (generation 2) is
 * skipped unless the objects that survived since the last full one exceed 25% of the
 * long-lived population (CPython's heuristic, keeps full collections linear overall).
 *
 * One collection of the objects in a generation ("young"):
 *  1. gc_refs := refcount for every object (stored in _gc_prev, COLLECTING flag set);
 *  2. for every object, tp_traverse decrements gc_refs of the young objects it refers to:
 *     what remains counts references from outside the generation;
 *  3. objects with gc_refs > 0 are reachable, and so is everything reachable from them; the
 *     rest moves to the "unreachable" list;
 *  4. objects with a legacy tp_del (and what they reach) are uncollectable: gc.garbage;
 *  5. weak references to unreachable objects are cleared (callbacks called);
 *  6. tp_finalize runs once per object (PEP 442), then steps 1-3 are repeated on the
 *     unreachable set: objects that a finalizer resurrected (and what they reach) survive;
 *  7. tp_clear breaks the remaining cycles; reference counting frees the objects.
 *
 * During steps 1-3 only _gc_next links are valid and _gc_prev holds gc_refs; the list is made
 * doubly linked again as objects are classified.  No Python code runs during those steps.
 *
 * Locking.  GIL build: everything runs under the GIL.  Free-threaded build: generation 0 is
 * split into _PyGC_NUM_STRIPES young stripes, each a list with its own lock; a thread tracks
 * new objects on its own stripe (_PyThreadStateImpl.gc_stripe), and the high byte of the
 * object's ob_flags remembers which stripe, so untracking (usually by the same thread) takes
 * that stripe's lock and threads that allocate do not contend.  A collection first moves
 * every stripe into generation 0 with the world stopped and marks those objects
 * _PyGC_BITS_OLD: every list other than the stripes is protected by gcstate->list_lock
 * (track, untrack, free, and the collector's own list moves while other threads run); the
 * analysis steps that read reference counts and _gc_prev/_gc_next of many objects (1-4,
 * and the resurrection check after 6) run with the world stopped; steps 5-7, which run arbitrary Python code (weakref callbacks, finalizers,
 * tp_clear and the deallocations it causes), run with the world started, as CPython's do, so
 * that a finalizer that waits for a lock held by another thread cannot deadlock.  An object in
 * the collector's private lists can only be reached by another thread through a weak
 * reference not yet cleared or a finalizer's resurrection; such an object is kept (the second
 * analysis sees its new references), and any list operation on it takes list_lock. */
#include "Python.h"
#include <sched.h>
#include "pycore_pystate.h"
#include "pycore_gc.h"
#include "pycore_object.h"
#include "pycore_ceval.h"
#include "pycore_lock.h"
#include "pycore_qsbr.h"
#include "pycore_pyatomic_ft_wrappers.h"

#define NEXT_MASK_UNREACHABLE ((uintptr_t)1)
#define PREV_FLAGS (_PyGC_PREV_MASK_FINALIZED | _PyGC_PREV_MASK_COLLECTING)

#define DEBUG_STATS (1 << 0)
#define DEBUG_COLLECTABLE (1 << 1)
#define DEBUG_UNCOLLECTABLE (1 << 2)
#define DEBUG_SAVEALL (1 << 5)

static struct _gc_runtime_state *get_gc_state(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL) {
        return &tstate->interp->gc;
    }
    return &_PyRuntime.main_interp->gc;
}

static inline int object_is_gc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    return PyType_IS_GC(tp) && (tp->tp_is_gc == NULL || tp->tp_is_gc(op));
}

/* May the collector look at op's PyGC_Head?  Immortal objects are skipped: they are never
 * garbage, and statically allocated ones (the empty tuple, ...) may have no PyGC_Head. */
static inline int object_has_gc_head(PyObject *op)
{
    return !_Py_IsImmortal(op) && object_is_gc(op);
}

#ifdef Py_GIL_DISABLED
/* Where a tracked object is (its young stripe, or _PyGC_BITS_OLD): the high byte of
 * ob_flags, a byte of its own, written only under the lock of that location (or with the
 * world stopped) and read atomically by lock_location; the low byte keeps the _Py_*_FLAG
 * bits, written at creation.  (ob_gc_bits holds _PyGC_BITS_SHARED, which any thread may set
 * at any time: keeping the location apart makes its update a plain store.) */
static inline uint8_t *location_byte(PyObject *op)
{
#ifdef WORDS_BIGENDIAN
    return (uint8_t *)&op->ob_flags;
#else
    return (uint8_t *)&op->ob_flags + 1;
#endif
}

static inline void set_location_bits(PyObject *op, uint8_t bits)
{
    _Py_atomic_store_uint8_relaxed(location_byte(op), bits);
}

static inline uint8_t location_bits(PyObject *op)
{
    return _Py_atomic_load_uint8_relaxed(location_byte(op));
}

/* The collector's list locks are bytes taken with one atomic exchange and released with a
 * store: they are held for a few list operations only, never across a safe point or code
 * that can block, so a waiter spins (yielding the CPU after a while) and never detaches. */
static inline void gc_spin_lock(uint8_t *lock)
{
    int spins = 0;
    while (_Py_atomic_exchange_uint8(lock, 1) != 0) {
        while (_Py_atomic_load_uint8_relaxed(lock) != 0) {
            if (++spins > 1000) {
                sched_yield();
                spins = 0;
            }
        }
    }
}

static inline void gc_spin_unlock(uint8_t *lock)
{
    _Py_atomic_store_uint8_release(lock, 0);
}

#  define LIST_LOCK(gcstate) gc_spin_lock(&(gcstate)->list_lock)
#  define LIST_UNLOCK(gcstate) gc_spin_unlock(&(gcstate)->list_lock)
#else
#  define LIST_LOCK(gcstate) ((void)0)
#  define LIST_UNLOCK(gcstate) ((void)0)
#endif

/* ---- list primitives ---- */

static inline PyGC_Head *gc_next(PyGC_Head *g)
{
    return (PyGC_Head *)(g->_gc_next & ~NEXT_MASK_UNREACHABLE);
}

static inline PyGC_Head *gc_prev(PyGC_Head *g)
{
    return (PyGC_Head *)(g->_gc_prev & _PyGC_PREV_MASK);
}

/* Free-threaded build: links of tracked objects are written under their list's lock (or
 * with the world stopped) but _gc_next is also read lock-free (_PyObject_GC_IS_TRACKED):
 * stores that can race with such reads are relaxed atomics (plain stores on x86). */
static inline void gc_set_next(PyGC_Head *g, PyGC_Head *next)
{
    FT_ATOMIC_STORE_UINTPTR_RELAXED(g->_gc_next, (uintptr_t)next);
}

static inline void gc_set_prev(PyGC_Head *g, PyGC_Head *prev)
{
    g->_gc_prev = (g->_gc_prev & PREV_FLAGS) | (uintptr_t)prev;
}

static void gc_list_init(PyGC_Head *list)
{
    list->_gc_prev = (uintptr_t)list;
    list->_gc_next = (uintptr_t)list;
}

static int gc_list_is_empty(PyGC_Head *list)
{
    return gc_next(list) == list;
}

static void gc_list_append(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *last = gc_prev(list);
    gc_set_next(last, node);
    gc_set_prev(node, last);
    gc_set_next(node, list);
    list->_gc_prev = (uintptr_t)node;
}

static void gc_list_remove(PyGC_Head *node)
{
    PyGC_Head *prev = gc_prev(node);
    PyGC_Head *next = gc_next(node);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
    FT_ATOMIC_STORE_UINTPTR_RELAXED(node->_gc_next, 0);
}

static void gc_list_move(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *prev = gc_prev(node);
    PyGC_Head *next = gc_next(node);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
    gc_list_append(node, list);
}

/* Append the objects of `from` to `to`; `from` becomes empty. */
static void gc_list_merge(PyGC_Head *from, PyGC_Head *to)
{
    if (gc_list_is_empty(from)) {
        return;
    }
    PyGC_Head *to_tail = gc_prev(to);
    PyGC_Head *from_head = gc_next(from);
    PyGC_Head *from_tail = gc_prev(from);
    gc_set_next(to_tail, from_head);
    gc_set_prev(from_head, to_tail);
    gc_set_next(from_tail, to);
    to->_gc_prev = (uintptr_t)from_tail;
    gc_list_init(from);
}

static Py_ssize_t gc_list_size(PyGC_Head *list)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        n++;
    }
    return n;
}

/* ---- gc_refs (valid while COLLECTING is set and the prev link is not in use) ---- */

static inline int gc_is_collecting(PyGC_Head *g)
{
    return (g->_gc_prev & _PyGC_PREV_MASK_COLLECTING) != 0;
}

static inline Py_ssize_t gc_get_refs(PyGC_Head *g)
{
    return (Py_ssize_t)(g->_gc_prev >> _PyGC_PREV_SHIFT);
}

static inline void gc_set_refs(PyGC_Head *g, Py_ssize_t refs)
{
    g->_gc_prev = (g->_gc_prev & _PyGC_PREV_MASK_FINALIZED) | _PyGC_PREV_MASK_COLLECTING |
                  ((uintptr_t)refs << _PyGC_PREV_SHIFT);
}

static inline void gc_decref(PyGC_Head *g)
{
    g->_gc_prev -= (uintptr_t)1 << _PyGC_PREV_SHIFT;
}

static inline void gc_clear_collecting(PyGC_Head *g)
{
    g->_gc_prev &= ~_PyGC_PREV_MASK_COLLECTING;
}

#ifdef Py_GIL_DISABLED
/* Move every young stripe into generation 0 and mark those objects OLD.  The world is
 * stopped: no stripe lock is held by anyone.  A collection passes mark_old 0: its first
 * update_refs marks them, before the world starts again (every collection includes
 * generation 0), in the pass that reads their counts anyway. */
static void merge_stripes(struct _gc_runtime_state *gcstate, int mark_old)
{
    PyGC_Head *gen0 = &gcstate->generations[0].head;
    for (int i = 0; i < _PyGC_NUM_STRIPES; i++) {
        PyGC_Head *list = &gcstate->young[i].head;
        for (PyGC_Head *g = gc_next(list); mark_old && g != list; g = gc_next(g)) {
            set_location_bits(_Py_FROM_GC(g), _PyGC_BITS_OLD);
        }
        gc_list_merge(list, gen0);
    }
}
#else
#  define merge_stripes(gcstate, mark_old) ((void)0)
#endif

/* ---- state ---- */

void _PyGC_InitState(struct _gc_runtime_state *gcstate)
{
#ifdef Py_GIL_DISABLED
    for (int i = 0; i < _PyGC_NUM_STRIPES; i++) {
        gc_list_init(&gcstate->young[i].head);
    }
#endif
    static const int thresholds[_PyGC_NUM_GENERATIONS] = {2000, 10, 10};
    gcstate->enabled = 1;
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        gc_list_init(&gcstate->generations[i].head);
        gcstate->generations[i].threshold = thresholds[i];
        gcstate->generations[i].count = 0;
    }
    gc_list_init(&gcstate->permanent_generation.head);
}

/* ---- allocation and tracking ---- */

/* Add delta to the generation-0 count; returns the new count.  Free-threaded build, several
 * threads running: each thread accumulates its share and publishes it every 32 allocations or
 * frees, so that threads do not write one shared counter on every allocation. */
#ifdef Py_GIL_DISABLED
static Py_NO_INLINE int gen0_count_add_threads(struct _gc_generation *gen0, int delta)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL) {
        _PyThreadStateImpl *impl = (_PyThreadStateImpl *)tstate;
        impl->gc_alloc_delta += delta;
        if (impl->gc_alloc_delta < 32 && impl->gc_alloc_delta > -32) {
            return 0;       /* not published yet: no decision to take */
        }
        delta = impl->gc_alloc_delta;
        impl->gc_alloc_delta = 0;
    }
    int count = _Py_atomic_add_int(&gen0->count, delta) + delta;
    if (count < 0) {
        /* Frees of objects counted before the last collection reset the count. */
        _Py_atomic_store_int_relaxed(&gen0->count, 0);
        count = 0;
    }
    return count;
}
#endif

static inline int gen0_count_add(struct _gc_runtime_state *gcstate, int delta)
{
    struct _gc_generation *gen0 = &gcstate->generations[0];
#ifdef Py_GIL_DISABLED
    if (Py_UNLIKELY(!_Py_IsSingleThreaded())) {
        return gen0_count_add_threads(gen0, delta);
    }
    /* Alone: the count itself, as in the GIL build (relaxed: the collector of a later
     * multi-threaded phase reads it atomically). */
    int count = gen0->count + delta;
    count = count < 0 ? 0 : count;
    _Py_atomic_store_int_relaxed(&gen0->count, count);
    return count;
#else
    gen0->count += delta;
    if (gen0->count < 0) {
        gen0->count = 0;
    }
    return gen0->count;
#endif
}

void _PyObject_GC_Link(PyObject *op)
{
    struct _gc_runtime_state *gcstate = get_gc_state();
    struct _gc_generation *gen0 = &gcstate->generations[0];
    int count = gen0_count_add(gcstate, 1);
    if (count > gen0->threshold && gen0->threshold != 0 &&
        FT_ATOMIC_LOAD_INT_RELAXED(gcstate->enabled) &&
        !_Py_atomic_load_int_relaxed(&gcstate->collecting)) {
        PyThreadState *tstate = _PyThreadState_GET();
        if (tstate != NULL) {
            _Py_set_eval_breaker_bit(tstate, _PY_GC_SCHEDULED_BIT);
        }
    }
    (void)op;
}

PyObject *_PyObject_GC_Malloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head)) {
        return PyErr_NoMemory();
    }
    char *mem = PyObject_Malloc(sizeof(PyGC_Head) + size);
    if (mem == NULL) {
        return PyErr_NoMemory();
    }
    memset(mem, 0, sizeof(PyGC_Head) + size);
    PyObject *op = (PyObject *)(mem + sizeof(PyGC_Head));
    _PyObject_GC_Link(op);
    return op;
}

/* Return a new reference (untracked). */
PyObject *_PyObject_GC_New(PyTypeObject *tp)
{
    PyObject *op = _PyObject_GC_Malloc((size_t)tp->tp_basicsize);
    if (op == NULL) {
        return NULL;
    }
    _PyObject_Init(op, tp);
    return op;
}

/* Return a new reference (untracked). */
PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)nitems > ((size_t)PY_SSIZE_T_MAX - (size_t)tp->tp_basicsize) /
                             ((size_t)tp->tp_itemsize ? (size_t)tp->tp_itemsize : 1)) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *op = _PyObject_GC_Malloc(_PyObject_VAR_SIZE(tp, nitems));
    if (op == NULL) {
        return NULL;
    }
    _PyObject_InitVar((PyVarObject *)op, tp, nitems);
    return (PyVarObject *)op;
}

/* Resize an untracked variable-size GC object; it may move.  NULL with MemoryError. */
PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *tp = Py_TYPE(op);
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    size_t basicsize = _PyObject_VAR_SIZE(tp, nitems);
    if (basicsize > (size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head)) {
        PyErr_NoMemory();
        return NULL;
    }
    int tracked = _PyObject_GC_IS_TRACKED(op);
    if (tracked) {
        _PyObject_GC_UNTRACK(op);
    }
    char *mem = PyObject_Realloc((char *)op - sizeof(PyGC_Head),
                                 sizeof(PyGC_Head) + basicsize);
    if (mem == NULL) {
        if (tracked) {
            _PyObject_GC_TRACK(op);
        }
        PyErr_NoMemory();
        return NULL;
    }
    op = (PyVarObject *)(mem + sizeof(PyGC_Head));
    Py_SET_SIZE(op, nitems);
    if (tracked) {
        _PyObject_GC_TRACK(op);
    }
    return op;
}

#undef _PyObject_GC_TRACK
#undef _PyObject_GC_UNTRACK

#ifdef Py_GIL_DISABLED
/* Lock the list op is on (its stripe, or list_lock when it is OLD); returns the lock, or
 * NULL when the interpreter runs one thread: then nobody else can touch any list, and no list
 * operation passes a safe point (_Py_IsSingleThreaded), so the single-threaded program pays
 * no atomic operation per track and untrack.  The location can only change under that lock
 * or with the world stopped: re-checked after. */
static uint8_t *lock_location(struct _gc_runtime_state *gcstate, PyObject *op)
{
    if (_Py_IsSingleThreaded()) {
        return NULL;
    }
    for (;;) {
        uint8_t bits = location_bits(op);
        uint8_t *lock = (bits & _PyGC_BITS_OLD) ? &gcstate->list_lock
                                                : &gcstate->young[bits & _PyGC_STRIPE_MASK].lock;
        gc_spin_lock(lock);
        if (location_bits(op) == bits) {
            return lock;
        }
        gc_spin_unlock(lock);
    }
}

static inline void unlock_location(uint8_t *lock)
{
    if (lock != NULL) {
        gc_spin_unlock(lock);
    }
}

void _PyGC_SET_FINALIZED(PyObject *op)
{
    PyGC_Head *g = _Py_AS_GC(op);
    if (g->_gc_next == 0) {
        g->_gc_prev |= _PyGC_PREV_MASK_FINALIZED;    /* on no list: nobody else writes it */
        return;
    }
    uint8_t *lock = lock_location(get_gc_state(), op);
    g->_gc_prev |= _PyGC_PREV_MASK_FINALIZED;
    unlock_location(lock);
}
#endif

#ifdef Py_GIL_DISABLED
/* Several threads run: track op on this thread's stripe, under the stripe's lock. */
static Py_NO_INLINE void gc_track_threads(PyObject *op)
{
    struct _gc_runtime_state *gcstate = get_gc_state();
    PyThreadState *tstate = _PyThreadState_GET();
    int stripe = tstate != NULL ? ((_PyThreadStateImpl *)tstate)->gc_stripe : 0;
    struct _gc_stripe *young = &gcstate->young[stripe];
    gc_spin_lock(&young->lock);
    set_location_bits(op, (uint8_t)stripe);
    _Py_AS_GC(op)->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
    gc_list_append(_Py_AS_GC(op), &young->head);
    gc_spin_unlock(&young->lock);
}

static Py_NO_INLINE void gc_untrack_threads(PyObject *op)
{
    PyGC_Head *g = _Py_AS_GC(op);
    uint8_t *lock = lock_location(get_gc_state(), op);
    if (FT_ATOMIC_LOAD_UINTPTR_RELAXED(g->_gc_next) != 0) {  /* else untracked meanwhile */
        gc_list_remove(g);
        g->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
    }
    unlock_location(lock);
}
#endif

/* Inlined in PyObject_GC_Track and the other entry points below. */
static inline Py_ALWAYS_INLINE void gc_track(PyObject *op)
{
    PyGC_Head *g = _Py_AS_GC(op);
#ifdef Py_GIL_DISABLED
    if (Py_UNLIKELY(!_Py_IsSingleThreaded())) {
        gc_track_threads(op);
        return;
    }
    /* Alone (see lock_location): no lock, and stripe 0 of the only interpreter, without
     * looking up the thread state. */
    struct _gc_stripe *young = &_PyRuntime.main_interp->gc.young[0];
    set_location_bits(op, 0);
    g->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
    gc_list_append(g, &young->head);
#else
    struct _gc_runtime_state *gcstate = get_gc_state();
    g->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
    gc_list_append(g, &gcstate->generations[0].head);
#endif
}

static inline Py_ALWAYS_INLINE void gc_untrack(PyObject *op)
{
    PyGC_Head *g = _Py_AS_GC(op);
#ifdef Py_GIL_DISABLED
    if (Py_UNLIKELY(!_Py_IsSingleThreaded())) {
        gc_untrack_threads(op);
        return;
    }
#endif
    gc_list_remove(g);
    g->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
}

void _PyObject_GC_TRACK(PyObject *op)
{
    gc_track(op);
}

void _PyObject_GC_UNTRACK(PyObject *op)
{
    gc_untrack(op);
}

void PyObject_GC_Track(void *raw)
{
    PyObject *op = (PyObject *)raw;
    if (_PyObject_GC_IS_TRACKED(op)) {
        _Py_FatalErrorFunc("PyObject_GC_Track", "object already tracked by the garbage "
                           "collector");
    }
    gc_track(op);
}

void PyObject_GC_UnTrack(void *raw)
{
    PyObject *op = (PyObject *)raw;
    if (_PyObject_GC_IS_TRACKED(op)) {
        gc_untrack(op);
    }
}

void PyObject_GC_Del(void *raw)
{
    PyObject *op = (PyObject *)raw;
    PyGC_Head *g = _Py_AS_GC(op);
    struct _gc_runtime_state *gcstate = get_gc_state();
    if (FT_ATOMIC_LOAD_UINTPTR_RELAXED(g->_gc_next) != 0) {
#ifdef Py_GIL_DISABLED
        uint8_t *lock = lock_location(gcstate, op);
        if (g->_gc_next != 0) {
            gc_list_remove(g);
        }
        unlock_location(lock);
#else
        gc_list_remove(g);
#endif
    }
    (void)gen0_count_add(gcstate, -1);
#ifdef Py_GIL_DISABLED
    /* Lock-free readers may still look at it (obmalloc.c, PyObject_Free, also for the
     * exception when an allocator is installed). */
    if (_PyObject_GC_IS_SHARED(op) && !_Py_qsbr_single_thread() &&
            !_Py_atomic_load_int_relaxed(&_PyMem_AllocatorsCustomized)) {
        _PyMem_FreeDelayed(g);
        return;
    }
#endif
    PyObject_Free(g);
}

int PyObject_GC_IsTracked(PyObject *op)
{
    return object_has_gc_head(op) && _PyObject_GC_IS_TRACKED(op);
}

int PyObject_GC_IsFinalized(PyObject *op)
{
    return object_has_gc_head(op) && _PyGC_FINALIZED(op);
}

int PyObject_IS_GC(PyObject *op)
{
    return object_is_gc(op);
}

/* ---- the collection ---- */

/* The true count of op, with the world stopped. */
static inline Py_ssize_t gc_refcount(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    if (op->ob_ref_shared >= _Py_REF_PT_MIN) {
        /* A deferred object (Include/internal/pycore_ptrc.h), counted per thread. */
        return _Py_ptrc_refcount_stopped(_PyInterpreterState_GET(), op);
    }
#endif
    return Py_REFCNT(op);
}

/* Step 1: copy refcounts into gc_refs, less the references the collector itself holds on
 * each object (`held`: 1 on the unreachable set once it is held, see hold_all). */
static void update_refs(PyGC_Head *young, Py_ssize_t held)
{
    for (PyGC_Head *g = gc_next(young); g != young; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
#ifdef Py_GIL_DISABLED
        /* Objects merge_stripes just moved here (same cache line as the counts read below). */
        if (location_bits(op) != _PyGC_BITS_OLD) {
            set_location_bits(op, _PyGC_BITS_OLD);
        }
#endif
        gc_set_refs(g, gc_refcount(op) - held);
    }
}

static int visit_decref(PyObject *op, void *parent)
{
    (void)parent;
    if (object_has_gc_head(op)) {
        PyGC_Head *g = _Py_AS_GC(op);
        if (gc_is_collecting(g)) {
            gc_decref(g);
        }
    }
    return 0;
}

/* Step 2: subtract references internal to the set. */
static void subtract_refs(PyGC_Head *young)
{
    for (PyGC_Head *g = gc_next(young); g != young; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL) {
            (void)traverse(op, visit_decref, op);
        }
    }
}

static int visit_reachable(PyObject *op, void *arg)
{
    PyGC_Head *reachable = (PyGC_Head *)arg;
    if (!object_has_gc_head(op)) {
        return 0;
    }
    PyGC_Head *g = _Py_AS_GC(op);
    if (!gc_is_collecting(g)) {
        return 0;  /* outside the set, or already classified as reachable */
    }
    if (g->_gc_next & NEXT_MASK_UNREACHABLE) {
        /* Tentatively unreachable, but reachable after all: move it back to the end of the
         * reachable list, where the scan will reach it.  On the unreachable list the prev
         * link is valid (its gc_refs was 0). */
        PyGC_Head *prev = gc_prev(g);
        PyGC_Head *next = gc_next(g);
        prev->_gc_next = (prev->_gc_next & NEXT_MASK_UNREACHABLE) | (uintptr_t)next;
        gc_set_prev(next, prev);
        /* Append to `reachable` using only next links (prev holds gc_refs there); the
         * reachable list's head keeps its tail in _gc_prev. */
        PyGC_Head *tail = (PyGC_Head *)reachable->_gc_prev;
        tail->_gc_next = (uintptr_t)g;
        g->_gc_next = (uintptr_t)reachable;
        reachable->_gc_prev = (uintptr_t)g;
        gc_set_refs(g, 1);
    }
    else if (gc_get_refs(g) == 0) {
        /* Not yet scanned; it will be, and it is reachable. */
        gc_set_refs(g, 1);
    }
    return 0;
}

/* Step 3: split `young` into reachable (stays in young, doubly linked again, COLLECTING
 * cleared) and `unreachable` (doubly linked, COLLECTING kept, NEXT_MASK_UNREACHABLE set on
 * every node's next link). */
static void move_unreachable(PyGC_Head *young, PyGC_Head *unreachable)
{
    PyGC_Head *prev = young;
    PyGC_Head *g = gc_next(young);
    /* young->_gc_prev (the head's) still points to the tail: update_refs does not touch the
     * head, and visit_reachable appends there. */
    while (g != young) {
        if (gc_get_refs(g) > 0) {
            PyObject *op = _Py_FROM_GC(g);
            traverseproc traverse = Py_TYPE(op)->tp_traverse;
            /* Classified: restore the prev link and leave the collecting set first, so that
             * self-references do not count. */
            g->_gc_prev = (g->_gc_prev & _PyGC_PREV_MASK_FINALIZED) | (uintptr_t)prev;
            if (traverse != NULL) {
                (void)traverse(op, visit_reachable, young);
            }
            prev = g;
            g = gc_next(g);
        }
        else {
            /* Tentatively unreachable: unlink (singly) and append to `unreachable`. */
            PyGC_Head *next = gc_next(g);
            prev->_gc_next = (uintptr_t)next;
            if (young->_gc_prev == (uintptr_t)g) {
                young->_gc_prev = (uintptr_t)prev;
            }
            PyGC_Head *last = gc_prev(unreachable);
            last->_gc_next = (last == unreachable ? 0 : NEXT_MASK_UNREACHABLE) | (uintptr_t)g;
            g->_gc_prev = (g->_gc_prev & PREV_FLAGS) | (uintptr_t)last;
            g->_gc_next = NEXT_MASK_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->_gc_prev = (uintptr_t)g;
            g = next;
        }
    }
    young->_gc_prev = (uintptr_t)prev;
    /* Remove the UNREACHABLE marks; COLLECTING stays set: it now means "in unreachable". */
    for (PyGC_Head *u = gc_next(unreachable); u != unreachable; u = gc_next(u)) {
        u->_gc_next &= ~NEXT_MASK_UNREACHABLE;
    }
}

static void clear_collecting_list(PyGC_Head *list)
{
    for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        gc_clear_collecting(g);
    }
}

static int visit_move_to_finalizers(PyObject *op, void *arg)
{
    PyGC_Head *finalizers = (PyGC_Head *)arg;
    if (object_has_gc_head(op)) {
        PyGC_Head *g = _Py_AS_GC(op);
        if (gc_is_collecting(g)) {
            gc_list_move(g, finalizers);
            gc_clear_collecting(g);
        }
    }
    return 0;
}

/* Step 4: objects with tp_del, and everything they reach, cannot be collected safely. */
static void move_legacy_finalizers(PyGC_Head *unreachable, PyGC_Head *finalizers)
{
    PyGC_Head *g = gc_next(unreachable);
    while (g != unreachable) {
        PyGC_Head *next = gc_next(g);
        if (Py_TYPE(_Py_FROM_GC(g))->tp_del != NULL) {
            gc_list_move(g, finalizers);
            gc_clear_collecting(g);
        }
        g = next;
    }
    for (g = gc_next(finalizers); g != finalizers; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL) {
            (void)traverse(op, visit_move_to_finalizers, finalizers);
        }
    }
}

/* The collector takes a reference to every object of the unreachable set while the world is
 * still stopped, and keeps it until the object has been cleared (or found resurrected).
 * Finalizers, weakref callbacks and tp_clear run with the world going: without these
 * references another thread could drop an object of the set to zero -- an owner merging its
 * queue, a finalizer deleting an attribute -- and start deallocating it just as the collector
 * picks it off the list and takes a reference of its own, freeing it twice. */
#ifdef Py_GIL_DISABLED
/* Garbage counts as any object from now on: the collector's references and the clearing that
 * follows go through ordinary counts (world stopped). */
static void demote_all(PyInterpreterState *interp, PyGC_Head *list)
{
    for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        if (op->ob_ref_shared >= _Py_REF_PT_MIN) {
            _Py_ptrc_demote_stopped(interp, op);
        }
    }
}
#endif

static void hold_all(PyGC_Head *list)
{
    for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        Py_INCREF(_Py_FROM_GC(g));
    }
}

/* Under the list lock, move the first object of `list` to `dest` (leaving the collecting
 * set if `uncollect`) and return it; NULL if `list` is empty.  Code that runs between two
 * calls may free or move any object, so each step re-reads the list. */
static PyGC_Head *take_first(struct _gc_runtime_state *gcstate, PyGC_Head *list,
                             PyGC_Head *dest, int uncollect)
{
    PyGC_Head *g = NULL;
    LIST_LOCK(gcstate);
    if (!gc_list_is_empty(list)) {
        g = gc_next(list);
        if (uncollect) {
            gc_clear_collecting(g);
        }
        gc_list_move(g, dest);
    }
    LIST_UNLOCK(gcstate);
    return g;
}

/* Drop the collector's references on the objects of `list` (resurrected ones), moving each
 * to `old` first: a reference dropped to zero frees the object, which unlinks it. */
static void release_all(struct _gc_runtime_state *gcstate, PyGC_Head *list, PyGC_Head *old)
{
    PyGC_Head *g;
    while ((g = take_first(gcstate, list, old, 1)) != NULL) {
        Py_DECREF(_Py_FROM_GC(g));
    }
}

/* Call fn on each object of `list` (held by the collector, see hold_all), tolerating
 * arbitrary code: each object is moved to a side list first, and the survivors are moved
 * back. */
static int for_each_with_code(struct _gc_runtime_state *gcstate, PyGC_Head *list,
                              int (*fn)(PyObject *))
{
    PyGC_Head seen;
    gc_list_init(&seen);
    int ran = 0;
    PyGC_Head *g;
    while ((g = take_first(gcstate, list, &seen, 0)) != NULL) {
        ran |= fn(_Py_FROM_GC(g));
    }
    LIST_LOCK(gcstate);
    gc_list_merge(&seen, list);
    LIST_UNLOCK(gcstate);
    return ran;
}

static int clear_weakrefs_of(PyObject *op)
{
    if (Py_TYPE(op)->tp_weaklistoffset > 0) {
        PyObject **list = (PyObject **)((char *)op + Py_TYPE(op)->tp_weaklistoffset);
        if (*list != NULL) {
            PyObject_ClearWeakRefs(op);
            if (PyErr_Occurred()) {
                PyErr_WriteUnraisable(NULL);
            }
            return 1;
        }
    }
    return 0;
}

static int finalize_once(PyObject *op)
{
    destructor finalize = Py_TYPE(op)->tp_finalize;
    if (finalize == NULL || _PyGC_FINALIZED(op)) {
        return 0;
    }
    _PyGC_SET_FINALIZED(op);
    finalize(op);
    if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(NULL);
    }
    return 1;
}

/* Step 7: break the cycles with tp_clear, then drop the collector's reference (hold_all);
 * objects that survive go to `old`. */
static void delete_garbage(struct _gc_runtime_state *gcstate, PyGC_Head *unreachable,
                           PyGC_Head *old)
{
    for (;;) {
        LIST_LOCK(gcstate);
        if (gc_list_is_empty(unreachable)) {
            LIST_UNLOCK(gcstate);
            break;
        }
        PyGC_Head *g = gc_next(unreachable);
        PyObject *op = _Py_FROM_GC(g);
        LIST_UNLOCK(gcstate);
        if (gcstate->debug & DEBUG_SAVEALL) {
            if (gcstate->garbage != NULL && PyList_Append(gcstate->garbage, op) < 0) {
                PyErr_Clear();
            }
        }
        else {
            inquiry clear = Py_TYPE(op)->tp_clear;
            if (clear != NULL) {
                (void)clear(op);
                if (PyErr_Occurred()) {
                    PyErr_WriteUnraisable(NULL);
                }
            }
        }
        LIST_LOCK(gcstate);
        if (gc_next(unreachable) == g) {
            /* Still alive (not freed by the clear): keep it in the old generation. */
            gc_clear_collecting(g);
            gc_list_move(g, old);
        }
        LIST_UNLOCK(gcstate);
        Py_DECREF(op);
    }
}

static void invoke_callbacks(struct _gc_runtime_state *gcstate, const char *phase,
                             int generation, Py_ssize_t collected, Py_ssize_t uncollectable)
{
    if (gcstate->callbacks == NULL || PyList_GET_SIZE(gcstate->callbacks) == 0) {
        return;
    }
    PyObject *info = Py_BuildValue("{sisnsn}", "generation", generation, "collected",
                                   collected, "uncollectable", uncollectable);
    if (info == NULL) {
        PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *phase_obj = PyUnicode_FromString(phase);
    if (phase_obj == NULL) {
        Py_DECREF(info);
        PyErr_WriteUnraisable(NULL);
        return;
    }
    /* A copy: callbacks may change the list. */
    PyObject *callbacks = PyList_GetSlice(gcstate->callbacks, 0, PY_SSIZE_T_MAX);
    if (callbacks != NULL) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(callbacks); i++) {
            PyObject *cb = PyList_GET_ITEM(callbacks, i);
            PyObject *r = PyObject_CallFunctionObjArgs(cb, phase_obj, info, NULL);
            if (r == NULL) {
                PyErr_WriteUnraisable(cb);
            }
            else {
                Py_DECREF(r);
            }
        }
        Py_DECREF(callbacks);
    }
    else {
        PyErr_WriteUnraisable(NULL);
    }
    Py_DECREF(phase_obj);
    Py_DECREF(info);
}

/* One pass of the collector over generation and the younger ones (`first`: the collection's
 * first pass, which resets the generations' counts): adds what it freed to
 * *collected_total and what it moved to gc.garbage to *uncollectable_total.  Returns how many
 * objects the free-threaded build's fold released from per-thread counting (0 in the GIL
 * build). */
static Py_ssize_t collect_pass(PyInterpreterState *interp, int generation, int first,
                               Py_ssize_t *collected_total, Py_ssize_t *uncollectable_total)
{
    struct _gc_runtime_state *gcstate = &interp->gc;
    Py_ssize_t released = 0;

    /* Steps 1-4 read the counts and links of every object: no other thread may run. */
    _PyEval_StopTheWorld(interp);
#ifdef Py_GIL_DISABLED
    /* Per-thread counts (Include/internal/pycore_ptrc.h): sampled objects are demoted, each
     * with a pin released once the world runs (what died while promoted is freed then; it
     * survives this collection).  A full collection, and any collection after deferred
     * objects died (what they referenced, such as a dead function's code, may have died with
     * them), also folds the deferred objects' counts and demotes the dead among them.
     * Deferred objects still promoted are counted below by gc_refcount. */
    Py_ssize_t pinned_count;
    PyObject **pinned = _Py_ptrc_fold_stopped(
        interp, generation == _PyGC_NUM_GENERATIONS - 1 || interp->ptrc.dead > 0
                    ? _Py_PTRC_FOLD_ALL : _Py_PTRC_FOLD_SAMPLED,
        &pinned_count);
    released = pinned_count;
#endif
    merge_stripes(gcstate, 0);     /* update_refs below marks them OLD */
    if (first) {
        /* With the world stopped: allocating threads update the counts. */
        if (generation + 1 < _PyGC_NUM_GENERATIONS) {
            gcstate->generations[generation + 1].count += 1;
        }
        for (int i = 0; i <= generation; i++) {
            gcstate->generations[i].count = 0;
        }
    }
    for (int i = 0; i < generation; i++) {
        gc_list_merge(&gcstate->generations[i].head, &gcstate->generations[generation].head);
    }
    PyGC_Head *young = &gcstate->generations[generation].head;
    PyGC_Head *old = generation + 1 < _PyGC_NUM_GENERATIONS
                         ? &gcstate->generations[generation + 1].head
                         : young;

    PyGC_Head unreachable;
    gc_list_init(&unreachable);
    update_refs(young, 0);
    subtract_refs(young);
    move_unreachable(young, &unreachable);

    if (young != old) {
        if (generation == 1) {
            gcstate->long_lived_pending += gc_list_size(young);
        }
        gc_list_merge(young, old);
    }
    else {
        gcstate->long_lived_pending = 0;
        gcstate->long_lived_total = gc_list_size(young);
    }

    PyGC_Head finalizers;
    gc_list_init(&finalizers);
    move_legacy_finalizers(&unreachable, &finalizers);
#ifdef Py_GIL_DISABLED
    demote_all(interp, &unreachable);
    demote_all(interp, &finalizers);
#endif
    hold_all(&unreachable);
    _PyEval_StartTheWorld(interp);
#ifdef Py_GIL_DISABLED
    _Py_ptrc_release(pinned, pinned_count);
#endif

    if (gcstate->debug & DEBUG_COLLECTABLE) {
        for (PyGC_Head *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g)) {
            PyObject *op = _Py_FROM_GC(g);
            fprintf(stderr, "gc: collectable <%s %p>\n", Py_TYPE(op)->tp_name, (void *)op);
        }
    }

    /* Steps 5 and 6 may run arbitrary code; then find what is still unreachable. */
    for_each_with_code(gcstate, &unreachable, clear_weakrefs_of);
    for_each_with_code(gcstate, &unreachable, finalize_once);

    PyGC_Head still_unreachable;
    gc_list_init(&still_unreachable);
    _PyEval_StopTheWorld(interp);
    update_refs(&unreachable, 1);
    subtract_refs(&unreachable);
    move_unreachable(&unreachable, &still_unreachable);
    _PyEval_StartTheWorld(interp);
    /* `unreachable` now holds the resurrected objects. */
    release_all(gcstate, &unreachable, old);

    Py_ssize_t collected = gc_list_size(&still_unreachable);
    delete_garbage(gcstate, &still_unreachable, old);

    Py_ssize_t uncollectable = gc_list_size(&finalizers);
    if (uncollectable > 0 && gcstate->garbage != NULL) {
        for (PyGC_Head *g = gc_next(&finalizers); g != &finalizers; g = gc_next(g)) {
            if (PyList_Append(gcstate->garbage, _Py_FROM_GC(g)) < 0) {
                PyErr_Clear();
                break;
            }
        }
    }
    LIST_LOCK(gcstate);
    clear_collecting_list(&finalizers);
    gc_list_merge(&finalizers, old);
    LIST_UNLOCK(gcstate);
    *collected_total += collected;
    *uncollectable_total += uncollectable;
    return released;
}

Py_ssize_t _PyGC_Collect(PyThreadState *tstate, int generation, int reason)
{
    PyInterpreterState *interp = tstate->interp;
    struct _gc_runtime_state *gcstate = &interp->gc;
    int not_collecting = 0;
    if (!_Py_atomic_compare_exchange_int(&gcstate->collecting, &not_collecting, 1)) {
        return 0;   /* another thread is collecting */
    }
    PyObject *saved_exc = PyErr_GetRaisedException();

    if (reason != _Py_GC_REASON_SHUTDOWN) {
        invoke_callbacks(gcstate, "start", generation, 0, 0);
    }
    Py_ssize_t collected = 0, uncollectable = 0;
    Py_ssize_t released = collect_pass(interp, generation, 1, &collected, &uncollectable);
    if (released > 0 && reason == _Py_GC_REASON_MANUAL) {
        /* Free-threaded build: what a fold released (Include/internal/pycore_ptrc.h) dies
         * once its pin is dropped, after the pass, and a cycle through it survives the pass.
         * gc.collect() should find the garbage made before the call, as in CPython (programs
         * and tests count what it returns): one more pass, part of the same collection. */
        (void)collect_pass(interp, generation, 0, &collected, &uncollectable);
    }

    struct _gc_generation_stats *stats = &gcstate->generation_stats[generation];
    stats->collections++;
    stats->collected += collected;
    stats->uncollectable += uncollectable;
    if (gcstate->debug & DEBUG_STATS) {
        fprintf(stderr, "gc: done, %zd unreachable, %zd uncollectable\n",
                collected + uncollectable, uncollectable);
    }

    if (reason != _Py_GC_REASON_SHUTDOWN) {
        invoke_callbacks(gcstate, "stop", generation, collected, uncollectable);
    }
    PyErr_SetRaisedException(saved_exc);
    _Py_atomic_store_int(&gcstate->collecting, 0);
    return collected + uncollectable;
}

/* Collect the oldest generation whose count exceeds its threshold. */
void _Py_RunGC(PyThreadState *tstate)
{
    struct _gc_runtime_state *gcstate = &tstate->interp->gc;
#ifdef Py_GIL_DISABLED
    if (_Py_atomic_load_int_relaxed(&tstate->interp->ptrc.fold_requested)) {
        _Py_ptrc_fold(tstate);     /* even with the collector disabled */
    }
#endif
    if (!FT_ATOMIC_LOAD_INT_RELAXED(gcstate->enabled) ||
        _Py_atomic_load_int_relaxed(&gcstate->collecting)) {
        return;
    }
    for (int i = _PyGC_NUM_GENERATIONS - 1; i >= 0; i--) {
        struct _gc_generation *gen = &gcstate->generations[i];
        if (FT_ATOMIC_LOAD_INT_RELAXED(gen->count) > gen->threshold && gen->threshold > 0) {
            if (i == _PyGC_NUM_GENERATIONS - 1 &&
                gcstate->long_lived_pending < gcstate->long_lived_total / 4) {
                continue;
            }
            _PyGC_Collect(tstate, i, _Py_GC_REASON_HEAP);
            break;
        }
    }
}

Py_ssize_t _PyGC_CollectNoFail(PyThreadState *tstate)
{
    return _PyGC_Collect(tstate, _PyGC_NUM_GENERATIONS - 1, _Py_GC_REASON_SHUTDOWN);
}

Py_ssize_t PyGC_Collect(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    if (!FT_ATOMIC_LOAD_INT_RELAXED(tstate->interp->gc.enabled)) {
        return 0;
    }
    return _PyGC_Collect(tstate, _PyGC_NUM_GENERATIONS - 1, _Py_GC_REASON_MANUAL);
}

int PyGC_Enable(void)
{
    struct _gc_runtime_state *gcstate = get_gc_state();
    int old = FT_ATOMIC_LOAD_INT_RELAXED(gcstate->enabled);
    FT_ATOMIC_STORE_INT_RELAXED(gcstate->enabled, 1);
    return old;
}

int PyGC_Disable(void)
{
    struct _gc_runtime_state *gcstate = get_gc_state();
    int old = FT_ATOMIC_LOAD_INT_RELAXED(gcstate->enabled);
    FT_ATOMIC_STORE_INT_RELAXED(gcstate->enabled, 0);
    return old;
}

int PyGC_IsEnabled(void)
{
    return FT_ATOMIC_LOAD_INT_RELAXED(get_gc_state()->enabled);
}

void _PyGC_Fini(PyInterpreterState *interp)
{
    Py_CLEAR(interp->gc.garbage);
    Py_CLEAR(interp->gc.callbacks);
}

/* ---- deferred objects: per-thread counts once threads run (see _PyObject_SetDeferredRefcount,
 * Include/internal/pycore_ptrc.h) ---- */

#ifdef Py_GIL_DISABLED
static void share(PyInterpreterState *interp, PyObject *op, int stopped);

/* Constants of code objects are shared by every thread that runs the code (LOAD_CONST takes a
 * reference): immutable ones are counted per thread with the code. */
static void share_constant(PyInterpreterState *interp, PyObject *op)
{
    if (op == NULL || _Py_IsImmortal(op)) {
        return;
    }
    if (PyTuple_CheckExact(op)) {
        if (!_Py_ptrc_promote_deferred(interp, op)) {
            return;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(op); i++) {
            share_constant(interp, PyTuple_GET_ITEM(op, i));
        }
    }
    else if (PyCode_Check(op)) {
        share(interp, op, 0);
    }
    else if (PyUnicode_CheckExact(op) || PyBytes_CheckExact(op) || PyLong_CheckExact(op) ||
             PyFloat_CheckExact(op) || PyComplex_CheckExact(op) ||
             PyFrozenSet_CheckExact(op)) {
        (void)_Py_ptrc_promote_deferred(interp, op);
    }
}

/* Module attributes every thread calls: C functions, classes, method descriptors. */
static int is_shared_callable(PyObject *op)
{
    return PyCFunction_Check(op) || PyType_Check(op) || PyFunction_Check(op) ||
           Py_IS_TYPE(op, &PyMethodDescr_Type);
}

/* Promote op and what every use of it also references.  Attached, or with the world stopped
 * (`stopped`: then a module's callables too); op is referenced by the caller. */
static void share(PyInterpreterState *interp, PyObject *op, int stopped)
{
    if (op == NULL || !_Py_ptrc_promote_deferred(interp, op)) {
        return;     /* immortal, deferred before, no room, or a collection runs */
    }
    if (PyFunction_Check(op)) {
        /* Every call of the function also takes references to these.  They are read once:
         * a concurrent setter leaves the old value alive until our next quiescent state. */
        PyFunctionObject *func = (PyFunctionObject *)op;
        share(interp, _Py_atomic_load_ptr_acquire(&func->func_code), stopped);
        share(interp, func->func_globals, stopped);
        share(interp, func->func_builtins, stopped);
    }
    else if (PyCode_Check(op)) {
        share_constant(interp, ((PyCodeObject *)op)->co_consts);
    }
    else if (PyModule_Check(op)) {
        PyObject *dict = PyModule_GetDict(op);
        share(interp, dict, stopped);
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (stopped && dict != NULL && PyDict_Next(dict, &pos, &key, &value)) {
            if (is_shared_callable(value)) {
                share(interp, value, stopped);
            }
        }
    }
}

static void share_list(PyInterpreterState *interp, PyGC_Head *list)
{
    for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        PyObject *op = _Py_FROM_GC(g);
        if (op->ob_flags & _Py_DEFERRED_REFCNT_FLAG) {
            share(interp, op, 1);
        }
    }
}

void _PyGC_ShareDeferredObject(PyInterpreterState *interp, PyObject *op)
{
    share(interp, op, 0);
}
#endif

void _PyGC_ShareDeferredObjects(PyInterpreterState *interp)
{
#ifdef Py_GIL_DISABLED
    struct _gc_runtime_state *gcstate = &interp->gc;
    if (_Py_atomic_load_int(&gcstate->share_deferred)) {
        return;
    }
    _PyEval_StopTheWorld(interp);
    if (!_Py_atomic_load_int(&gcstate->share_deferred)) {
        for (int i = 0; i < _PyGC_NUM_STRIPES; i++) {
            share_list(interp, &gcstate->young[i].head);
        }
        for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
            share_list(interp, &gcstate->generations[i].head);
        }
        share_list(interp, &gcstate->permanent_generation.head);
        _Py_atomic_store_int(&gcstate->share_deferred, 1);
    }
    _PyEval_StartTheWorld(interp);
#else
    (void)interp;
#endif
}

/* ---- helpers for the gc module (Modules/gcmodule.c) ---- */

/* Return a new list of the tracked objects of `generation` (-1: all, 3: permanent). */
PyObject *_PyGC_GetObjects(PyInterpreterState *interp, int generation)
{
    struct _gc_runtime_state *gcstate = &interp->gc;
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    /* The lists change under concurrent allocation: read them with the world stopped. */
    _PyEval_StopTheWorld(interp);
    merge_stripes(gcstate, 1);
    int lo = generation < 0 ? 0 : generation;
    int hi = generation < 0 ? _PyGC_NUM_GENERATIONS - 1 : generation;
    for (int i = lo; i <= hi; i++) {
        PyGC_Head *list = i == _PyGC_NUM_GENERATIONS ? &gcstate->permanent_generation.head
                                                     : &gcstate->generations[i].head;
        for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
            PyObject *op = _Py_FROM_GC(g);
            if (op == result) {
                continue;
            }
            if (PyList_Append(result, op) < 0) {
                _PyEval_StartTheWorld(interp);
                Py_DECREF(result);
                return NULL;
            }
        }
    }
    _PyEval_StartTheWorld(interp);
    return result;
}

struct referrers_arg {
    PyObject *objs;   /* tuple of targets */
    int found;
};

static int visit_find_referent(PyObject *op, void *raw)
{
    struct referrers_arg *arg = raw;
    PyObject *objs = arg->objs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(objs); i++) {
        if (PyTuple_GET_ITEM(objs, i) == op) {
            arg->found = 1;
            return 1;
        }
    }
    return 0;
}

/* New list of the tracked objects that refer to any of objs (a tuple). */
PyObject *_PyGC_GetReferrers(PyInterpreterState *interp, PyObject *objs)
{
    struct _gc_runtime_state *gcstate = &interp->gc;
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    _PyEval_StopTheWorld(interp);
    merge_stripes(gcstate, 1);
    for (int i = 0; i <= _PyGC_NUM_GENERATIONS; i++) {
        PyGC_Head *list = i == _PyGC_NUM_GENERATIONS ? &gcstate->permanent_generation.head
                                                     : &gcstate->generations[i].head;
        for (PyGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
            PyObject *op = _Py_FROM_GC(g);
            traverseproc traverse = Py_TYPE(op)->tp_traverse;
            if (op == objs || op == result || traverse == NULL) {
                continue;
            }
            struct referrers_arg arg = {objs, 0};
            (void)traverse(op, visit_find_referent, &arg);
            if (arg.found && PyList_Append(result, op) < 0) {
                _PyEval_StartTheWorld(interp);
                Py_DECREF(result);
                return NULL;
            }
        }
    }
    _PyEval_StartTheWorld(interp);
    return result;
}

static int visit_append(PyObject *op, void *list)
{
    if (PyList_Append((PyObject *)list, op) < 0) {
        return -1;
    }
    return 0;
}

/* New list of the objects directly referred to by objs (a tuple).  Traversal reads the
 * objects' fields without their locks (a list's items, say), and the collector's own
 * traversals run with the world stopped: so does this one, or another thread could free an
 * item between the read and the list's new reference to it. */
PyObject *_PyGC_GetReferents(PyObject *objs)
{
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int failed = 0;
    _PyEval_StopTheWorld(interp);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(objs) && !failed; i++) {
        PyObject *op = PyTuple_GET_ITEM(objs, i);
        if (!object_is_gc(op)) {
            continue;
        }
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL && traverse(op, visit_append, result) != 0) {
            failed = 1;
        }
    }
    _PyEval_StartTheWorld(interp);
    if (failed) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

void _PyGC_Freeze(PyInterpreterState *interp)
{
    struct _gc_runtime_state *gcstate = &interp->gc;
    _PyEval_StopTheWorld(interp);
    merge_stripes(gcstate, 1);
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        gc_list_merge(&gcstate->generations[i].head, &gcstate->permanent_generation.head);
        gcstate->generations[i].count = 0;
    }
    _PyEval_StartTheWorld(interp);
}

void _PyGC_Unfreeze(PyInterpreterState *interp)
{
    struct _gc_runtime_state *gcstate = &interp->gc;
    LIST_LOCK(gcstate);
    gc_list_merge(&gcstate->permanent_generation.head,
                  &gcstate->generations[_PyGC_NUM_GENERATIONS - 1].head);
    LIST_UNLOCK(gcstate);
}

Py_ssize_t _PyGC_GetFreezeCount(PyInterpreterState *interp)
{
    LIST_LOCK(&interp->gc);
    Py_ssize_t n = gc_list_size(&interp->gc.permanent_generation.head);
    LIST_UNLOCK(&interp->gc);
    return n;
}
