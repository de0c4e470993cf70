/* The cyclic garbage collector's object header and state (Python/gc.c).
 * Owner: runtime room.
 *
 * Every object of a type with Py_TPFLAGS_HAVE_GC is preceded in memory by a PyGC_Head:
 *
 *     [ PyGC_Head | PyObject header | object body ]
 *     ^ the allocation               ^ the PyObject *
 *
 * A tracked object is on one of the collector's doubly linked lists (a generation).  The low
 * bits of the two link words carry flags, so list pointers are aligned to 8 and masked:
 *   _gc_next: pointer to the next PyGC_Head; 0 means "not tracked".  During a collection its
 *             low bit is NEXT_MASK_UNREACHABLE for objects moved to the unreachable list.
 *   _gc_prev: pointer to the previous PyGC_Head, shifted up by _PyGC_PREV_SHIFT, plus
 *             _PyGC_PREV_MASK_FINALIZED (tp_finalize has run: PEP 442 runs it once) and
 *             _PyGC_PREV_MASK_COLLECTING (in the generation being collected).  While the
 *             collector runs, the pointer part is reused to hold a copy of the reference count
 *             ("gc_refs") and is restored afterwards.
 *
 * Free-threaded build: for now the same pre-header is used and the collector runs under the
 * (still present) GIL, one thread at a time.  The free-threaded issue replaces this with
 * ob_gc_bits in the object header, walking mimalloc's GC heaps instead of lists, and running
 * with the world stopped; the API below (PyObject_GC_*, _PyObject_GC_Link, the eval-breaker
 * GC bit) stays the same. */
#ifndef Py_INTERNAL_GC_H
#define Py_INTERNAL_GC_H

typedef struct {
    uintptr_t _gc_next;
    uintptr_t _gc_prev;
} PyGC_Head;

#define _PyGC_PREV_MASK_FINALIZED ((uintptr_t)1)
#define _PyGC_PREV_MASK_COLLECTING ((uintptr_t)2)
#define _PyGC_PREV_SHIFT 2
#define _PyGC_PREV_MASK (((uintptr_t)-1) << _PyGC_PREV_SHIFT)

/* Bits of ob_gc_bits in the free-threaded object header.  The pre-header above holds the
 * collector's lists; ob_gc_bits holds _PyGC_BITS_SHARED (an object that lock-free readers may
 * reach: its memory waits for QSBR when it is freed while threads run) and
 * _PyGC_BITS_ITEMS_SHARED.  The collector's own per-object bits are in ob_flags (Python/gc.c,
 * location_byte). */
#define _PyGC_BITS_SHARED 0x80        /* reachable by lock-free readers */
/* A list or dict whose items were published (Objects/listobject.c, list_make_shared;
 * Objects/dictobject.c, dict_make_shared): threads other than its owner read its slots
 * lock-free.  Apart from _PyGC_BITS_SHARED, which other code also sets on a list or dict
 * (storing it in a shared dict, an iterator giving it up) without publishing its items: a
 * reader that trusted that bit could take a reference to an item being freed at once. */
#define _PyGC_BITS_ITEMS_SHARED 0x40

#ifdef Py_GIL_DISABLED
/* The sharing scheme of the containers that lock-free readers read (list, dict, set): are
 * op's items published?  And mark them so, after the container published them (atomic or,
 * release: a reader that sees the bit sees the items' flags).  _PyObject_MustShareItems
 * (pycore_pystate.h) says when a container must share. */
static inline int _PyObject_ItemsShared(PyObject *op)
{
    return (_Py_atomic_load_uint8_relaxed(&op->ob_gc_bits) & _PyGC_BITS_ITEMS_SHARED) != 0;
}

static inline void _PyObject_MarkItemsShared(PyObject *op)
{
    (void)_Py_atomic_or_uint8(&op->ob_gc_bits, _PyGC_BITS_SHARED | _PyGC_BITS_ITEMS_SHARED);
}
#endif
/* The collector's location of a tracked object, in the high byte of ob_flags (Python/gc.c,
 * location_byte): */
#define _PyGC_BITS_OLD 0x40           /* tracked, not on a young stripe */
#define _PyGC_STRIPE_MASK 0x3f        /* the young stripe the object is on */
#define _PyGC_NUM_STRIPES 64

#ifdef Py_GIL_DISABLED
PyAPI_FUNC(int) _Py_qsbr_single_thread(void);      /* Python/qsbr.c (pycore_qsbr.h) */

static inline int _PyObject_GC_IS_SHARED(PyObject *op)
{
    return (_Py_atomic_load_uint8_relaxed(&op->ob_gc_bits) & _PyGC_BITS_SHARED) != 0;
}

static inline void _PyObject_GC_SET_SHARED(PyObject *op)
{
    (void)_Py_atomic_or_uint8(&op->ob_gc_bits, _PyGC_BITS_SHARED);
}

/* op's shared word gets _Py_REF_MAYBE_WEAKREF (unless it has a merge state already): its
 * count then never reaches zero on the owner's fast path (local count zero, shared word
 * untouched: freed at once), which a reader's _Py_TryIncRef could not see. */
static inline void _PyObject_SetMaybeWeakref(PyObject *op)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    while ((shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_SHARED_INIT) {
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              shared | _Py_REF_MAYBE_WEAKREF)) {
            break;
        }
    }
}

/* op becomes reachable by lock-free readers (a value of a shared dict or item of a shared
 * list, a weak referent, a weak reference): its memory must then go through QSBR when it is
 * freed while other threads run (Objects/obmalloc.c), and readers may take references through
 * the shared count.  Weak referents and weak references always get the flag (`always`); the
 * items of dicts and lists only once their container is shared, which needs a second thread
 * (Objects/dictobject.c, Objects/listobject.c).  Without a second thread, op only gets the
 * bit: no reader can race with the owner, and an object flagged then is refused by
 * _Py_TryIncRef while only its owner counts it (its readers then take the container's lock),
 * so single-threaded programs keep the owner's fast path; publishing it again while threads
 * run adds the flag. */
static inline void _PyObject_SetMaybeShared(PyObject *op, int always)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    uint8_t bits = _Py_atomic_load_uint8_relaxed(&op->ob_gc_bits);
    if (bits & _PyGC_BITS_SHARED) {
        /* Published before.  If that was while one thread ran, op got only the bit: give it
         * the flag now that readers may count it (else their _Py_TryIncRef keeps failing on
         * it, and they keep taking the container's lock). */
        if (always || !_Py_qsbr_single_thread()) {
            _PyObject_SetMaybeWeakref(op);
        }
        return;
    }
    /* The caller is attached, so this is the runtime-wide "one thread" test: then nobody
     * else can write the bits, and a plain store does without the locked instruction (one
     * per dict insertion otherwise). */
    int alone = _Py_qsbr_single_thread();
    if (alone) {
        _Py_atomic_store_uint8_relaxed(&op->ob_gc_bits, bits | _PyGC_BITS_SHARED);
    }
    else {
        _PyObject_GC_SET_SHARED(op);
    }
    if (always || !alone) {
        _PyObject_SetMaybeWeakref(op);
    }
}
#else
/* GIL build: no lock-free readers. */
static inline int _PyObject_GC_IS_SHARED(PyObject *op) { (void)op; return 0; }
static inline void _PyObject_SetMaybeShared(PyObject *op, int always)
{
    (void)op;
    (void)always;
}
#endif

static inline PyGC_Head *_Py_AS_GC(PyObject *op)
{
    return ((PyGC_Head *)op) - 1;
}
#define _Py_AS_GC(op) _Py_AS_GC(_PyObject_CAST(op))

static inline PyObject *_Py_FROM_GC(PyGC_Head *gc)
{
    return (PyObject *)(gc + 1);
}

/* Is the object on one of the collector's lists? */
static inline int _PyObject_GC_IS_TRACKED(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    /* Read without the list's lock: a neighbour's unlinking may rewrite the (non-zero) link
     * meanwhile (Python/gc.c writes links with relaxed atomic stores). */
    return _Py_atomic_load_uintptr_relaxed(&_Py_AS_GC(op)->_gc_next) != 0;
#else
    return _Py_AS_GC(op)->_gc_next != 0;
#endif
}
#define _PyObject_GC_IS_TRACKED(op) _PyObject_GC_IS_TRACKED(_PyObject_CAST(op))

/* May the object be part of a cycle right now?  (Used by containers to avoid tracking.) */
static inline int _PyObject_GC_MAY_BE_TRACKED(PyObject *op)
{
    if (!PyType_IS_GC(Py_TYPE(op))) {
        return 0;
    }
    if (Py_TYPE(op)->tp_is_gc != NULL && !Py_TYPE(op)->tp_is_gc(op)) {
        return 0;
    }
    return _PyObject_GC_IS_TRACKED(op);
}

static inline int _PyGC_FINALIZED(PyObject *op)
{
    return (_Py_AS_GC(op)->_gc_prev & _PyGC_PREV_MASK_FINALIZED) != 0;
}
#ifdef Py_GIL_DISABLED
/* Free-threaded build: the flag shares its word with the list link, which a thread removing a
 * neighbour rewrites under the list's lock: set it under that lock too (Python/gc.c). */
PyAPI_FUNC(void) _PyGC_SET_FINALIZED(PyObject *op);
#else
static inline void _PyGC_SET_FINALIZED(PyObject *op)
{
    _Py_AS_GC(op)->_gc_prev |= _PyGC_PREV_MASK_FINALIZED;
}
#endif

static inline int _PyType_IS_GC(PyTypeObject *type)
{
    return PyType_HasFeature(type, Py_TPFLAGS_HAVE_GC);
}

/* Bytes in front of an object of this type: the PyGC_Head for GC types, else nothing.  The
 * allocation of an object `op` starts at (char *)op - _PyType_PreHeaderSize(Py_TYPE(op)). */
static inline size_t _PyType_PreHeaderSize(PyTypeObject *type)
{
    return _PyType_IS_GC(type) ? sizeof(PyGC_Head) : 0;
}

/* Track/untrack without checks (the object must be untracked/tracked). */
PyAPI_FUNC(void) _PyObject_GC_TRACK(PyObject *op);
PyAPI_FUNC(void) _PyObject_GC_UNTRACK(PyObject *op);
#define _PyObject_GC_TRACK(op) _PyObject_GC_TRACK(_PyObject_CAST(op))
#define _PyObject_GC_UNTRACK(op) _PyObject_GC_UNTRACK(_PyObject_CAST(op))

/* Account for a newly allocated GC object whose PyGC_Head (zeroed) precedes op: counts the
 * allocation and schedules a collection (eval-breaker GC bit) when the threshold is reached.
 * Allocators of GC objects (PyType_GenericAlloc, _PyObject_GC_New) call it once per object. */
PyAPI_FUNC(void) _PyObject_GC_Link(PyObject *op);

/* Allocate size bytes for a GC object (plus its PyGC_Head), zeroed, not initialised, not
 * tracked; counts the allocation.  NULL with MemoryError set on failure. */
PyAPI_FUNC(PyObject *) _PyObject_GC_Malloc(size_t size);

/* Number of generations (0 young .. 2 old). */
#define _PyGC_NUM_GENERATIONS 3

struct _gc_generation {
    PyGC_Head head;        /* list of tracked objects */
    int threshold;         /* collect this generation when count exceeds it */
    int count;             /* gen 0: allocations minus deallocations; gen n: collections of n-1 */
};

struct _gc_generation_stats {
    Py_ssize_t collections;
    Py_ssize_t collected;
    Py_ssize_t uncollectable;
};

/* Per-interpreter collector state (interp->gc).  Protected by the GIL (both builds for now). */
/* Free-threaded build: generation 0 is split into stripes, one list per group of threads,
 * each with its own lock, so that threads that allocate containers do not contend on one
 * list (Python/gc.c).  Padded to a cache line each. */
struct _gc_stripe {
    uint8_t lock;          /* spin lock (Python/gc.c, gc_spin_lock) */
    PyGC_Head head;
} __attribute__((aligned(64)));   /* one cache line each */

struct _gc_runtime_state {
    int enabled;
    int share_deferred;    /* atomic; deferred objects are counted per thread from now on */
    int collecting;        /* atomic; a collection is running: do not start another */
    /* Free-threaded build: protects the lists of objects that are not on a young stripe (the
     * generation lists, the permanent generation, the collector's private lists: every link
     * of every object marked _PyGC_BITS_OLD) against concurrent untrack and free; each young
     * stripe has its own lock.  Held only for list operations, never across code that can
     * run Python or block (a spin lock, Python/gc.c gc_spin_lock).  The collector's
     * analysis runs with the world stopped instead. */
    uint8_t list_lock;
#ifdef Py_GIL_DISABLED
    struct _gc_stripe young[_PyGC_NUM_STRIPES];
#endif
    struct _gc_generation generations[_PyGC_NUM_GENERATIONS];
    struct _gc_generation permanent_generation;  /* gc.freeze() */
    struct _gc_generation_stats generation_stats[_PyGC_NUM_GENERATIONS];
    PyObject *garbage;     /* gc.garbage: list of uncollectable objects (legacy tp_del) */
    PyObject *callbacks;   /* gc.callbacks: list of callables */
    int debug;             /* gc.set_debug flags */
    Py_ssize_t long_lived_total;
    Py_ssize_t long_lived_pending;
};

PyAPI_FUNC(void) _PyGC_InitState(struct _gc_runtime_state *gcstate);
/* Free-threaded build: give every object marked deferred per-thread counts, and so every one
 * created from now on (Include/internal/pycore_ptrc.h); called before the first thread other
 * than the main one starts.  _PyGC_ShareDeferredObject does it for one new object, with what
 * its uses reference (a function's code, constants and globals).  GIL build: nothing. */
PyAPI_FUNC(void) _PyGC_ShareDeferredObjects(PyInterpreterState *interp);
#ifdef Py_GIL_DISABLED
PyAPI_FUNC(void) _PyGC_ShareDeferredObject(PyInterpreterState *interp, PyObject *op);
#endif
/* Collect generation `generation` (2 = full); return the number of unreachable objects found.
 * Never raises: errors in callbacks are reported as unraisable. */
PyAPI_FUNC(Py_ssize_t) _PyGC_Collect(PyThreadState *tstate, int generation, int reason);
#define _Py_GC_REASON_HEAP 0
#define _Py_GC_REASON_SHUTDOWN 1
#define _Py_GC_REASON_MANUAL 2
/* Run the collection scheduled by _PyObject_GC_Link (from _Py_HandlePending). */
PyAPI_FUNC(void) _Py_RunGC(PyThreadState *tstate);
PyAPI_FUNC(Py_ssize_t) _PyGC_CollectNoFail(PyThreadState *tstate);
PyAPI_FUNC(void) _PyGC_Fini(PyInterpreterState *interp);

/* For Modules/gcmodule.c.  New references. */
PyAPI_FUNC(PyObject *) _PyGC_GetObjects(PyInterpreterState *interp, int generation);
PyAPI_FUNC(PyObject *) _PyGC_GetReferrers(PyInterpreterState *interp, PyObject *objs);
PyAPI_FUNC(PyObject *) _PyGC_GetReferents(PyObject *objs);
PyAPI_FUNC(void) _PyGC_Freeze(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyGC_Unfreeze(PyInterpreterState *interp);
PyAPI_FUNC(Py_ssize_t) _PyGC_GetFreezeCount(PyInterpreterState *interp);

#endif /* Py_INTERNAL_GC_H */
