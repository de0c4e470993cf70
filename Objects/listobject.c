/* list: a mutable sequence over a separately allocated, over-allocated item array.
 *
 * Invariants: 0 <= ob_size <= allocated; ob_item[0..ob_size-1] are non-NULL owned references;
 * ob_item == NULL iff allocated == 0 (allocated == -1 only while sorting, see listsort.c).
 *
 * Thread safety (free-threaded build): every mutation holds the list's critical section
 * (Py_BEGIN_CRITICAL_SECTION(self)).  Single-item reads (indexing, iteration) take no lock
 * (list_get_item_ref) when the list is *shared* or the reader is its owner.  A list becomes
 * shared (_PyGC_BITS_ITEMS_SHARED, list_ensure_shared) the first time a thread other than
 * its owner reads or changes it while several threads run, under its lock: so a change that
 * could free what the owner is reading lock-free always finds the list shared.  Other threads
 * read an unshared list under its lock, and share it.  (The generic _PyGC_BITS_SHARED, which
 * storing the list in a dict sets, is not enough: the items stored before were not published.)
 * For the lock-free readers, under the lock:
 *   - the item array carries its capacity in a header (list_items_capacity), so a reader
 *     bounds-checks the array it loaded, whatever size it read;
 *   - slots at or beyond ob_size are NULL (sharing clears them, list_publish_items; then
 *     list_resize clears what a shrink vacates and new arrays start zeroed), so a reader never
 *     finds a stale pointer there, only NULL (retry locked);
 *   - items are published with _PyObject_SetMaybeShared (their memory then waits for QSBR
 *     when they die, and readers may count them through the shared count), slots are written
 *     and moved one pointer at a time with atomic stores (list_item_store, list_items_move);
 *   - a replaced array is freed through QSBR (list_free_items).
 * Code that may run arbitrary Python (comparisons, __del__ of a released item) never runs
 * while an invariant is half-established: items are released after the list is consistent
 * again. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_critical_section.h"
#include "pycore_dict.h"
#include "pycore_gc.h"
#include "pycore_qsbr.h"
#include "pycore_list.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_tuple.h"

/* Single-item reads and stores, appends, inserts and pops pass no safe point between lock and
 * unlock: in the free-threaded build they take the list's lock only once the interpreter runs
 * more than one thread (Py_BEGIN_CRITICAL_SECTION_SHORT). */

PyAPI_FUNC(int) _PyList_SortSlice(PyObject **keys, PyObject **values, Py_ssize_t n);

/* ---- the item array ------------------------------------------------------------------------ */

#ifdef Py_GIL_DISABLED
/* Free-threaded build: the array is preceded by its capacity, for lock-free readers. */
typedef struct {
    Py_ssize_t allocated;
    PyObject *ob_item[];
} list_array;

static list_array *
array_of(PyObject **items)
{
    return (list_array *)((char *)items - offsetof(list_array, ob_item));
}

static Py_ssize_t
list_items_capacity(PyObject **items)
{
    return array_of(items)->allocated;
}

/* Are self's items published, so that other threads read its slots lock-free?  (Not
 * _PyObject_GC_IS_SHARED: that bit only says that self's own memory waits for QSBR.) */
static inline int
list_is_shared(PyListObject *self)
{
    return _PyObject_ItemsShared((PyObject *)self);
}

/* Make items[0..size) an array that other threads may read lock-free: publish the items
 * (their memory then waits for QSBR when they die, and readers may count them through the
 * shared count) and clear the slots beyond size, which an unshared list leaves as they were. */
static void
list_publish_items(PyObject **items, Py_ssize_t size)
{
    if (items == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        _PyObject_SetMaybeShared(items[i], 0);
    }
    Py_ssize_t capacity = list_items_capacity(items);
    if (capacity > size) {
        memset(&items[size], 0, (size_t)(capacity - size) * sizeof(PyObject *));
    }
}

/* From now on other threads read op lock-free: publish its array, then mark op.  Caller
 * holds op's critical section. */
static void
list_make_shared(PyListObject *op)
{
    list_publish_items(op->ob_item, Py_SIZE(op));
    _PyObject_MarkItemsShared((PyObject *)op);     /* after the items' flags */
}

/* A thread other than op's owner is about to read or change op while others run: share op
 * first, so that the owner's lock-free reads stay safe from what the change frees.  Caller
 * holds op's critical section. */
static inline void
list_ensure_shared(PyListObject *op)
{
    if (_PyObject_MustShareItems((PyObject *)op)) {
        list_make_shared(op);
    }
}
#else
static inline void
list_ensure_shared(PyListObject *op)
{
    (void)op;
}

static int
list_is_shared(PyListObject *self)
{
    (void)self;
    return 0;
}
#endif

/* An array for n > 0 items, or NULL (no exception set).  GIL build: zeroed if `zeroed`.
 * Free-threaded build: slots from `filled` on are zeroed (a shared list's slots beyond its
 * size are NULL); the caller writes slots 0 .. filled-1 before any other thread can see the
 * array.  For an unshared list, callers pass filled == n: its slots beyond the size are left
 * as they are until list_make_shared clears them. */
static PyObject **
list_items_alloc(size_t n, int zeroed, size_t filled)
{
    if (n > ((size_t)PY_SSIZE_T_MAX - 64) / sizeof(PyObject *)) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    (void)zeroed;
    list_array *array = PyMem_Malloc(sizeof(list_array) + n * sizeof(PyObject *));
    if (array == NULL) {
        return NULL;
    }
    array->allocated = (Py_ssize_t)n;
    if (filled < n) {
        memset(array->ob_item + filled, 0, (n - filled) * sizeof(PyObject *));
    }
    return array->ob_item;
#else
    (void)filled;
    return zeroed ? PyMem_Calloc(n, sizeof(PyObject *)) : PyMem_Malloc(n * sizeof(PyObject *));
#endif
}

/* Free an item array that is no longer published in a list (allocated: its capacity). */
void
_PyList_FreeItemArray(PyObject **items, Py_ssize_t allocated)
{
    (void)allocated;
#ifdef Py_GIL_DISABLED
    PyMem_Free(array_of(items));
#else
    PyMem_Free(items);
#endif
}

/* Free self's former array: through QSBR if lock-free readers may still be reading it. */
static inline void
list_free_items(PyListObject *self, PyObject **items, Py_ssize_t allocated)
{
    if (items == NULL) {
        return;
    }
#ifdef Py_GIL_DISABLED
    if (list_is_shared(self) && !_Py_qsbr_single_thread()) {
        _PyMem_FreeDelayed(array_of(items));
        return;
    }
#endif
    (void)self;
    _PyList_FreeItemArray(items, allocated);
}

/* Store v (a reference the list now holds, or NULL) in slot i of self's array.  Always
 * inlined: a call per item store cost fannkuch 2.6% more instructions. */
static inline Py_ALWAYS_INLINE void
list_item_store(PyListObject *self, PyObject **slot, PyObject *v)
{
    list_ensure_shared(self);
#ifdef Py_GIL_DISABLED
    if (v != NULL && list_is_shared(self)) {
        _PyObject_SetMaybeShared(v, 0);     /* before readers can find it */
    }
#endif
    (void)self;
    FT_ATOMIC_STORE_PTR_RELEASE(*slot, v);
}

/* memmove of n item pointers within self's array; a shared list's slots are moved one atomic
 * store each, so that a lock-free reader finds one item or another, never a torn pointer.
 * Release stores: a reader that acquires the moved pointer also sees the item's
 * initialisation (the original publishing store was in another thread). */
static void
list_items_move(PyListObject *self, PyObject **dst, PyObject **src, Py_ssize_t n)
{
    list_ensure_shared(self);
#ifdef Py_GIL_DISABLED
    if (list_is_shared(self)) {
        if (dst < src) {
            for (Py_ssize_t i = 0; i < n; i++) {
                _Py_atomic_store_ptr_release(&dst[i], _Py_atomic_load_ptr_relaxed(&src[i]));
            }
        }
        else {
            for (Py_ssize_t i = n - 1; i >= 0; i--) {
                _Py_atomic_store_ptr_release(&dst[i], _Py_atomic_load_ptr_relaxed(&src[i]));
            }
        }
        return;
    }
#endif
    (void)self;
    memmove(dst, src, (size_t)n * sizeof(PyObject *));
}

/* Clear slots [from, to) of self's array (vacated by a shrink).  Free-threaded build: only a
 * shared list's (an unshared one's are cleared when it is shared, list_publish_items). */
static void
list_items_clear(PyListObject *self, PyObject **items, Py_ssize_t from, Py_ssize_t to)
{
    list_ensure_shared(self);
#ifdef Py_GIL_DISABLED
    if (list_is_shared(self)) {
        for (Py_ssize_t i = from; i < to; i++) {
            _Py_atomic_store_ptr_relaxed(&items[i], NULL);
        }
    }
    return;
#endif
    (void)self;
    if (to > from) {
        memset(&items[from], 0, (size_t)(to - from) * sizeof(PyObject *));
    }
}

/* Ensure room for newsize items and set ob_size = newsize.  Items beyond the old size are left
 * uninitialised: the caller fills them.  Over-allocates proportionally so appends are amortised
 * O(1).  0 or -1 (MemoryError).  Caller holds the critical section. */
static int
list_resize(PyListObject *self, Py_ssize_t newsize)
{
    list_ensure_shared(self);
    Py_ssize_t allocated = self->allocated;
    Py_ssize_t oldsize = Py_SIZE(self);
    if (newsize < oldsize) {
        /* Vacated slots are NULL from now on (see the file comment); also if the smaller
         * allocation below fails and the caller keeps this array. */
        list_items_clear(self, self->ob_item, newsize, oldsize);
    }
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if ((size_t)newsize - (size_t)oldsize > new_allocated - (size_t)newsize) {
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        new_allocated = 0;
    }
    PyObject **items = NULL;
    if (new_allocated > 0) {
        Py_ssize_t keep = Py_MIN(oldsize, newsize);
        items = list_items_alloc(new_allocated, 0,
                                 list_is_shared(self) ? (size_t)keep : new_allocated);
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        if (keep > 0) {
            memcpy(items, self->ob_item, (size_t)keep * sizeof(PyObject *));
        }
    }
    PyObject **old = self->ob_item;
    Py_ssize_t old_allocated = self->allocated;
    /* Publish the new array before the new size (readers bound-check against the array they
     * loaded anyway). */
    FT_ATOMIC_STORE_PTR_RELEASE(self->ob_item, items);
    self->allocated = (Py_ssize_t)new_allocated;
    FT_ATOMIC_STORE_SSIZE_RELAXED(self->ob_base.ob_size, newsize);
    list_free_items(self, old, old_allocated);
    return 0;
}

/* Allocate an array for exactly size items (no over-allocation).  Caller holds the lock or
 * owns the list exclusively; `filled`: see list_items_alloc. */
static int
list_preallocate_exact(PyListObject *self, Py_ssize_t size, Py_ssize_t filled)
{
    assert(self->ob_item == NULL);
    if (!list_is_shared(self)) {
        filled = size;      /* see list_items_alloc */
    }
    PyObject **items = list_items_alloc((size_t)size, 0, (size_t)filled);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    FT_ATOMIC_STORE_PTR_RELEASE(self->ob_item, items);
    self->allocated = size;
    return 0;
}

/* ---- construction -------------------------------------------------------------------------- */

/* Return a new reference. */
PyObject *
PyList_New(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyListObject *op = PyObject_GC_New(PyListObject, &PyList_Type);
    if (op == NULL) {
        return NULL;
    }
    if (size <= 0) {
        op->ob_item = NULL;
    }
    else {
        op->ob_item = list_items_alloc((size_t)size, 1, 0);
        if (op->ob_item == NULL) {
            op->allocated = 0;
            Py_SET_SIZE(op, 0);
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
    }
    Py_SET_SIZE(op, size);
    op->allocated = size;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* Return a new list of n uninitialised slots (size 0, capacity n); NULL on error.  The
 * caller fills all n slots before the list can reach another thread. */
static PyListObject *
list_new_prealloc(Py_ssize_t n)
{
    PyListObject *op = (PyListObject *)PyList_New(0);
    if (op == NULL) {
        return NULL;
    }
    if (n > 0 && list_preallocate_exact(op, n, n) < 0) {
        Py_DECREF(op);
        return NULL;
    }
    return op;
}

/* Return a new reference. */
PyObject *
_PyList_FromArray(PyObject *const *src, Py_ssize_t n)
{
    PyListObject *op = list_new_prealloc(n);
    if (op == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        op->ob_item[i] = Py_NewRef(src[i]);
    }
    Py_SET_SIZE(op, n);
    return (PyObject *)op;
}

/* Return a new reference; steals the references in src, also on failure. */
PyObject *
_PyList_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    PyListObject *op = list_new_prealloc(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(src[i]);
        }
        return NULL;
    }
    if (n > 0) {
        memcpy(op->ob_item, src, (size_t)n * sizeof(PyObject *));
    }
    Py_SET_SIZE(op, n);
    return (PyObject *)op;
}

void
_PyList_ClearFreeList(void)
{
    /* No free list yet. */
}

/* ---- public item access -------------------------------------------------------------------- */

Py_ssize_t
PyList_Size(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyList_GET_SIZE(op);
}

static inline int
valid_index(Py_ssize_t i, Py_ssize_t limit)
{
    /* One unsigned comparison checks 0 <= i < limit. */
    return (size_t)i < (size_t)limit;
}

/* Borrowed reference.  Not safe against concurrent mutation in the free-threaded build (as in
 * CPython); prefer PyList_GetItemRef. */
PyObject *
PyList_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!valid_index(i, Py_SIZE(op))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((PyListObject *)op)->ob_item[i];
}

#ifdef Py_GIL_DISABLED
/* Lock-free read of a shared list's op[i] (the file comment has the invariants).  Return a new
 * reference; NULL, *retry == 0: i is out of range; NULL, *retry == 1: a concurrent change got
 * in the way, read under the lock. */
static PyObject *
list_get_item_lockfree(PyListObject *op, Py_ssize_t i, int *retry)
{
    *retry = 1;
    if (!valid_index(i, _Py_atomic_load_ssize_relaxed(&op->ob_base.ob_size))) {
        *retry = 0;
        return NULL;
    }
    PyObject **items = _Py_atomic_load_ptr_acquire(&op->ob_item);
    if (items == NULL || !valid_index(i, list_items_capacity(items))) {
        return NULL;
    }
    PyObject *item = _Py_atomic_load_ptr_acquire(&items[i]);
    /* item's memory is valid (QSBR) even if it was removed meanwhile; it may be dying. */
    if (item == NULL || !_Py_TryIncRef(item)) {
        return NULL;
    }
    if (_Py_atomic_load_ptr_acquire(&items[i]) != item) {
        Py_DECREF(item);
        return NULL;
    }
    return item;
}

/* Several threads run: op[i] without the lock if op is shared or ours, else under it
 * (sharing op).  New reference, or NULL if i is out of range. */
static Py_NO_INLINE PyObject *
list_get_item_ref_threads(PyListObject *op, Py_ssize_t i)
{
    if ((_Py_atomic_load_uint8(&op->ob_base.ob_base.ob_gc_bits) &
         _PyGC_BITS_ITEMS_SHARED) ||
        _Py_IsOwnedByCurrentThread((PyObject *)op)) {
        int retry;
        PyObject *item = list_get_item_lockfree(op, i, &retry);
        if (item != NULL || !retry) {
            return item;
        }
    }
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    list_ensure_shared(op);
    if (valid_index(i, Py_SIZE(op))) {
        item = Py_NewRef(op->ob_item[i]);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}
#endif

/* Return a new reference to op[i] (no negative indices), or NULL if i is out of range. */
static inline PyObject *
list_get_item_ref(PyListObject *op, Py_ssize_t i)
{
#ifdef Py_GIL_DISABLED
    if (Py_UNLIKELY(!_Py_IsSingleThreaded())) {
        return list_get_item_ref_threads(op, i);
    }
#endif
    /* The GIL build, or the only thread: nobody else can touch op. */
    if (!valid_index(i, Py_SIZE(op))) {
        return NULL;
    }
    return Py_NewRef(op->ob_item[i]);
}

/* Return a new reference. */
PyObject *
PyList_GetItemRef(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    PyObject *item = list_get_item_ref((PyListObject *)op, i);
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
    }
    return item;
}

/* Steals a reference to newitem, also on failure. */
int
PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    int rc = 0;
    PyObject *old = NULL;
    Py_BEGIN_CRITICAL_SECTION_SHORT(op);
    PyListObject *self = (PyListObject *)op;
    if (!valid_index(i, Py_SIZE(self))) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        old = newitem;
        rc = -1;
    }
    else {
        old = self->ob_item[i];
        list_item_store(self, &self->ob_item[i], newitem);
    }
    Py_END_CRITICAL_SECTION_SHORT();
    Py_XDECREF(old);
    return rc;
}

/* Insert v before position where; caller holds the critical section. */
static int
ins1(PyListObject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    PyObject **items = self->ob_item;
    list_items_move(self, &items[where + 1], &items[where], n - where);
    list_item_store(self, &items[where], Py_NewRef(v));
    return 0;
}

int
PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION_SHORT(op);
    rc = ins1((PyListObject *)op, where, newitem);
    Py_END_CRITICAL_SECTION_SHORT();
    return rc;
}

/* Steals newitem.  Caller holds the critical section (or owns the list). */
int
_PyList_AppendTakeRefListResize(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t len = Py_SIZE(self);
    if (list_resize(self, len + 1) < 0) {
        Py_DECREF(newitem);
        return -1;
    }
    list_item_store(self, &self->ob_item[len], newitem);
    return 0;
}

int
PyList_Append(PyObject *op, PyObject *newitem)
{
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION_SHORT(op);
    rc = _PyList_AppendTakeRef((PyListObject *)op, Py_NewRef(newitem));
    Py_END_CRITICAL_SECTION_SHORT();
    return rc;
}

/* ---- slicing helpers (caller holds the critical section) ----------------------------------- */

/* Return a new list a[ilow:ihigh] (indices already clamped). */
static PyObject *
list_slice_lock_held(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    Py_ssize_t len = ihigh - ilow;
    if (len <= 0) {
        return PyList_New(0);
    }
    PyListObject *np = list_new_prealloc(len);
    if (np == NULL) {
        return NULL;
    }
    PyObject **src = a->ob_item + ilow;
    for (Py_ssize_t i = 0; i < len; i++) {
        np->ob_item[i] = Py_NewRef(src[i]);
    }
    Py_SET_SIZE(np, len);
    return (PyObject *)np;
}

/* Return a new reference. */
PyObject *
PyList_GetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *ret;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t n = Py_SIZE(a);
    if (ilow < 0) {
        ilow = 0;
    }
    else if (ilow > n) {
        ilow = n;
    }
    if (ihigh < ilow) {
        ihigh = ilow;
    }
    else if (ihigh > n) {
        ihigh = n;
    }
    ret = list_slice_lock_held((PyListObject *)a, ilow, ihigh);
    Py_END_CRITICAL_SECTION();
    return ret;
}

/* Empty the list; the released items are decref'ed after the list is consistent. */
static void
list_clear_impl(PyListObject *a)
{
    list_ensure_shared(a);
    PyObject **items = a->ob_item;
    Py_ssize_t allocated = a->allocated;
    Py_ssize_t i = Py_SIZE(a);
    if (items == NULL) {
        return;
    }
    FT_ATOMIC_STORE_SSIZE_RELAXED(a->ob_base.ob_size, 0);
    FT_ATOMIC_STORE_PTR_RELEASE(a->ob_item, NULL);
    a->allocated = 0;
    while (--i >= 0) {
        Py_XDECREF(items[i]);
    }
    list_free_items(a, items, allocated);
}

static int
list_clear_slot(PyObject *self)
{
    list_clear_impl((PyListObject *)self);
    return 0;
}

/* a[ilow:ihigh] = v, where v is NULL (deletion), a list, or any iterable.  Caller holds a's
 * critical section (and v's when v is a list other than a). */
static int
list_ass_slice_lock_held(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    PyObject *v_as_SF = NULL;   /* v as a list or tuple */
    PyObject **vitem = NULL;
    Py_ssize_t n = 0;           /* items to insert */
    PyObject *recycle_on_stack[8];
    PyObject **recycle = recycle_on_stack;
    int result = -1;

    if (v != NULL) {
        if (a == (PyListObject *)v) {
            /* a[i:j] = a: copy first. */
            v_as_SF = list_slice_lock_held((PyListObject *)v, 0, Py_SIZE(v));
        }
        else if (PyList_CheckExact(v) || PyTuple_CheckExact(v)) {
            v_as_SF = Py_NewRef(v);
        }
        else {
            v_as_SF = PySequence_Fast(v, "can only assign an iterable");
        }
        if (v_as_SF == NULL) {
            return -1;
        }
        n = PySequence_Fast_GET_SIZE(v_as_SF);
        vitem = PySequence_Fast_ITEMS(v_as_SF);
    }
    Py_ssize_t size = Py_SIZE(a);
    if (ilow < 0) {
        ilow = 0;
    }
    else if (ilow > size) {
        ilow = size;
    }
    if (ihigh < ilow) {
        ihigh = ilow;
    }
    else if (ihigh > size) {
        ihigh = size;
    }
    Py_ssize_t norig = ihigh - ilow;
    Py_ssize_t d = n - norig;
    if (size + d == 0) {
        Py_XDECREF(v_as_SF);
        list_clear_impl(a);
        return 0;
    }
    /* Save the items being replaced; they are released at the end. */
    size_t s = (size_t)norig * sizeof(PyObject *);
    if (s > sizeof(recycle_on_stack)) {
        recycle = PyMem_Malloc(s);
        if (recycle == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    if (norig > 0) {
        memcpy(recycle, &a->ob_item[ilow], s);
    }
    if (d < 0) {
        /* Shrink: move the tail down, then resize (which cannot fail when shrinking into an
         * array with room, but may reallocate). */
        list_items_move(a, &a->ob_item[ihigh + d], &a->ob_item[ihigh], size - ihigh);
        if (list_resize(a, size + d) < 0) {
            /* Shrinking allocation failed: the old array is still valid and consistent for
             * the smaller size. */
            PyErr_Clear();
            Py_SET_SIZE(a, size + d);
        }
    }
    else if (d > 0) {
        if (list_resize(a, size + d) < 0) {
            goto done;
        }
        list_items_move(a, &a->ob_item[ihigh + d], &a->ob_item[ihigh], size - ihigh);
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        list_item_store(a, &a->ob_item[ilow + k], Py_NewRef(vitem[k]));
    }
    for (Py_ssize_t k = norig - 1; k >= 0; k--) {
        Py_XDECREF(recycle[k]);
    }
    result = 0;
done:
    if (recycle != recycle_on_stack) {
        PyMem_Free(recycle);
    }
    Py_XDECREF(v_as_SF);
    return result;
}

static int
list_ass_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    int ret;
    if (a == (PyListObject *)v || v == NULL || !PyList_Check(v)) {
        Py_BEGIN_CRITICAL_SECTION(a);
        ret = list_ass_slice_lock_held(a, ilow, ihigh, v);
        Py_END_CRITICAL_SECTION();
    }
    else {
        Py_BEGIN_CRITICAL_SECTION2(a, v);
        ret = list_ass_slice_lock_held(a, ilow, ihigh, v);
        Py_END_CRITICAL_SECTION2();
    }
    return ret;
}

int
PyList_SetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_ass_slice((PyListObject *)a, ilow, ihigh, v);
}

/* ---- sequence slots ------------------------------------------------------------------------ */

static Py_ssize_t
list_length(PyObject *a)
{
    return PyList_GET_SIZE(a);
}

static int
list_contains(PyObject *aa, PyObject *el)
{
    PyListObject *a = (PyListObject *)aa;
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = list_get_item_ref(a, i);
        if (item == NULL) {
            return 0; /* end of list */
        }
        int cmp = item == el ? 1 : PyObject_RichCompareBool(item, el, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) {
            return cmp;
        }
    }
}

/* Return a new reference. */
static PyObject *
list_item(PyObject *aa, Py_ssize_t i)
{
    PyObject *item = list_get_item_ref((PyListObject *)aa, i);
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
    }
    return item;
}

static PyObject *
list_concat(PyObject *aa, PyObject *bb)
{
    if (!PyList_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyListObject *a = (PyListObject *)aa;
    PyListObject *b = (PyListObject *)bb;
    PyListObject *np = NULL;
    Py_BEGIN_CRITICAL_SECTION2(a, b);
    Py_ssize_t na = Py_SIZE(a), nb = Py_SIZE(b);
    if (na > PY_SSIZE_T_MAX - nb) {
        PyErr_NoMemory();
    }
    else {
        np = list_new_prealloc(na + nb);
        if (np != NULL) {
            for (Py_ssize_t i = 0; i < na; i++) {
                np->ob_item[i] = Py_NewRef(a->ob_item[i]);
            }
            for (Py_ssize_t i = 0; i < nb; i++) {
                np->ob_item[na + i] = Py_NewRef(b->ob_item[i]);
            }
            Py_SET_SIZE(np, na + nb);
        }
    }
    Py_END_CRITICAL_SECTION2();
    return (PyObject *)np;
}

static PyObject *
list_repeat(PyObject *aa, Py_ssize_t n)
{
    PyListObject *a = (PyListObject *)aa;
    PyListObject *np = NULL;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n <= 0) {
        np = (PyListObject *)PyList_New(0);
    }
    else if (input_size > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
    }
    else {
        Py_ssize_t output_size = input_size * n;
        np = list_new_prealloc(output_size);
        if (np != NULL) {
            PyObject **dest = np->ob_item;
            for (Py_ssize_t k = 0; k < n; k++) {
                for (Py_ssize_t i = 0; i < input_size; i++) {
                    *dest++ = Py_NewRef(a->ob_item[i]);
                }
            }
            Py_SET_SIZE(np, output_size);
        }
    }
    Py_END_CRITICAL_SECTION();
    return (PyObject *)np;
}

/* a[i] = v, or del a[i] when v is NULL; i already normalised by the caller or not. */
static int
list_ass_item(PyObject *aa, Py_ssize_t i, PyObject *v)
{
    PyListObject *a = (PyListObject *)aa;
    int rc = 0;
    PyObject *old = NULL;
    Py_BEGIN_CRITICAL_SECTION_SHORT(a);
    if (!valid_index(i, Py_SIZE(a))) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        rc = -1;
    }
    else if (v == NULL) {
        Py_ssize_t n = Py_SIZE(a);
        old = a->ob_item[i];
        list_items_move(a, &a->ob_item[i], &a->ob_item[i + 1], n - i - 1);
        if (list_resize(a, n - 1) < 0) {
            PyErr_Clear();
            Py_SET_SIZE(a, n - 1);
        }
    }
    else {
        old = a->ob_item[i];
        list_item_store(a, &a->ob_item[i], Py_NewRef(v));
    }
    Py_END_CRITICAL_SECTION_SHORT();
    Py_XDECREF(old);
    return rc;
}

/* Extend self with the items of iterable; caller holds self's critical section (and the
 * iterable's when it is a list, tuple or dict).  0 or -1. */
static int
list_extend_lock_held(PyListObject *self, PyObject *iterable)
{
    if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable) ||
        (PyObject *)self == iterable) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(iterable);
        if (n == 0) {
            return 0;
        }
        Py_ssize_t m = Py_SIZE(self);
        if (list_resize(self, m + n) < 0) {
            return -1;
        }
        /* Read src after the resize: when iterable is self, its array may have moved. */
        PyObject **src = PySequence_Fast_ITEMS(iterable);
        PyObject **dest = self->ob_item + m;
        for (Py_ssize_t i = 0; i < n; i++) {
            list_item_store(self, &dest[i], Py_NewRef(src[i]));
        }
        return 0;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    Py_ssize_t n = PyObject_LengthHint(iterable, 8);
    if (n < 0) {
        Py_DECREF(it);
        return -1;
    }
    Py_ssize_t m = Py_SIZE(self);
    if (m > PY_SSIZE_T_MAX - n) {
        /* Overflow: ignore the hint. */
    }
    else if (self->ob_item == NULL) {
        if (n && list_preallocate_exact(self, n, 0) < 0) {
            goto error;
        }
    }
    else if (m + n > self->allocated) {
        if (list_resize(self, m + n) < 0) {
            goto error;
        }
        Py_SET_SIZE(self, m);
    }
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
                    PyErr_Clear();
                }
                else {
                    goto error;
                }
            }
            break;
        }
        if (_PyList_AppendTakeRef(self, item) < 0) {
            goto error;
        }
    }
    /* Trim an over-allocation from a too-large hint. */
    if (Py_SIZE(self) < self->allocated && list_resize(self, Py_SIZE(self)) < 0) {
        PyErr_Clear();
    }
    Py_DECREF(it);
    return 0;
error:
    Py_DECREF(it);
    return -1;
}

static int
list_extend(PyListObject *self, PyObject *iterable)
{
    int rc;
    if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable)) {
        if ((PyObject *)self == iterable) {
            Py_BEGIN_CRITICAL_SECTION(self);
            rc = list_extend_lock_held(self, iterable);
            Py_END_CRITICAL_SECTION();
        }
        else {
            Py_BEGIN_CRITICAL_SECTION2(self, iterable);
            rc = list_extend_lock_held(self, iterable);
            Py_END_CRITICAL_SECTION2();
        }
    }
    else if (PyDict_CheckExact(iterable) || PyDictKeys_Check(iterable) ||
             PyDictValues_Check(iterable) || PyDictItems_Check(iterable)) {
        /* Atomic with respect to the dict, as in CPython: copy it under its lock first. */
        PyObject *snapshot = _PyDict_IterSnapshot(iterable);
        if (snapshot == NULL && PyErr_Occurred()) {
            return -1;
        }
        if (snapshot != NULL) {
            Py_BEGIN_CRITICAL_SECTION(self);
            rc = list_extend_lock_held(self, snapshot);
            Py_END_CRITICAL_SECTION();
            Py_DECREF(snapshot);
            return rc;
        }
        goto general;
    }
    else {
    general:;
        /* A general iterator may run Python code: lock only around each append. */
        PyObject *it = PyObject_GetIter(iterable);
        if (it == NULL) {
            return -1;
        }
        iternextfunc iternext = Py_TYPE(it)->tp_iternext;
        rc = 0;
        for (;;) {
            PyObject *item = iternext(it);
            if (item == NULL) {
                if (PyErr_Occurred()) {
                    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
                        PyErr_Clear();
                    }
                    else {
                        rc = -1;
                    }
                }
                break;
            }
            Py_BEGIN_CRITICAL_SECTION(self);
            rc = _PyList_AppendTakeRef(self, item);
            Py_END_CRITICAL_SECTION();
            if (rc < 0) {
                break;
            }
        }
        Py_DECREF(it);
    }
    return rc;
}

/* Return None (new reference) or NULL. */
PyObject *
_PyList_Extend(PyListObject *self, PyObject *iterable)
{
    if (list_extend(self, iterable) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

int
PyList_Extend(PyObject *self, PyObject *iterable)
{
    if (!PyList_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_extend((PyListObject *)self, iterable);
}

int
PyList_Clear(PyObject *self)
{
    if (!PyList_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    list_clear_impl((PyListObject *)self);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *
list_inplace_concat(PyObject *self, PyObject *other)
{
    if (list_extend((PyListObject *)self, other) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
list_inplace_repeat(PyObject *aa, Py_ssize_t n)
{
    PyListObject *self = (PyListObject *)aa;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t input_size = Py_SIZE(self);
    if (input_size == 0 || n == 1) {
        /* nothing to do */
    }
    else if (n < 1) {
        list_clear_impl(self);
    }
    else if (input_size > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
        rc = -1;
    }
    else if (list_resize(self, input_size * n) < 0) {
        rc = -1;
    }
    else {
        PyObject **items = self->ob_item;
        for (Py_ssize_t k = 1; k < n; k++) {
            for (Py_ssize_t i = 0; i < input_size; i++) {
                list_item_store(self, &items[k * input_size + i], Py_NewRef(items[i]));
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

/* ---- methods ------------------------------------------------------------------------------- */

static PyObject *
list_append(PyObject *self, PyObject *object)
{
    if (PyList_Append(self, object) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
list_extend_method(PyObject *self, PyObject *iterable)
{
    return _PyList_Extend((PyListObject *)self, iterable);
}

static PyObject *
list_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "insert expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t index = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (PyList_Insert(self, index, args[1]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
list_pop(PyObject *aa, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)aa;
    Py_ssize_t index = -1;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1) {
        index = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (index == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *v = NULL;
    Py_BEGIN_CRITICAL_SECTION_SHORT(self);
    Py_ssize_t n = Py_SIZE(self);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
    }
    else {
        if (index < 0) {
            index += n;
        }
        if (!valid_index(index, n)) {
            PyErr_SetString(PyExc_IndexError, "pop index out of range");
        }
        else {
            v = self->ob_item[index];
            if (index == n - 1) {
                if (list_resize(self, n - 1) < 0) {
                    PyErr_Clear();
                    Py_SET_SIZE(self, n - 1);
                }
            }
            else {
                list_items_move(self, &self->ob_item[index], &self->ob_item[index + 1],
                                n - index - 1);
                if (list_resize(self, n - 1) < 0) {
                    PyErr_Clear();
                    Py_SET_SIZE(self, n - 1);
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION_SHORT();
    return v; /* the list's reference passes to the caller */
}

static PyObject *
list_remove(PyObject *aa, PyObject *value)
{
    PyListObject *self = (PyListObject *)aa;
    /* Atomic as in CPython: the search and the removal hold the list's lock (a comparison
     * that runs Python code may still let other threads in, as the GIL would). */
    int result = 0;    /* 1 removed, 0 not found, -1 error */
    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = list_get_item_ref(self, i);
        if (item == NULL) {
            break;
        }
        int cmp = item == value ? 1 : PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0) {
            result = list_ass_slice(self, i, i + 1, NULL) < 0 ? -1 : 1;
            break;
        }
        if (cmp < 0) {
            result = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (result > 0) {
        Py_RETURN_NONE;
    }
    if (result == 0) {
        PyErr_SetString(PyExc_ValueError, "list.remove(x): x not in list");
    }
    return NULL;
}

static PyObject *
list_index(PyObject *aa, PyObject *const *args, Py_ssize_t nargs)
{
    PyListObject *self = (PyListObject *)aa;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError, "index expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "index expected at most 3 arguments, got %zd", nargs);
        return NULL;
    }
    if (nargs >= 2 && !_PySlice_IndexArg(args[1], &start)) {
        return NULL;
    }
    if (nargs >= 3 && !_PySlice_IndexArg(args[2], &stop)) {
        return NULL;
    }
    PyObject *value = args[0];
    if (start < 0) {
        start += Py_SIZE(self);
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += Py_SIZE(self);
        if (stop < 0) {
            stop = 0;
        }
    }
    for (Py_ssize_t i = start; i < stop; i++) {
        PyObject *item = list_get_item_ref(self, i);
        if (item == NULL) {
            break;
        }
        int cmp = item == value ? 1 : PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0) {
            return PyLong_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    PyErr_Format(PyExc_ValueError, "%R is not in list", value);
    return NULL;
}

static PyObject *
list_count(PyObject *aa, PyObject *value)
{
    PyListObject *self = (PyListObject *)aa;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = list_get_item_ref(self, i);
        if (item == NULL) {
            break;
        }
        if (item == value) {
            count++;
            Py_DECREF(item);
            continue;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0) {
            count++;
        }
        else if (cmp < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(count);
}

static void
reverse_slice(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

static PyObject *
list_reverse(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(self);
    PyListObject *l = (PyListObject *)self;
    list_ensure_shared(l);
    if (Py_SIZE(l) > 1 && list_is_shared(l)) {
        /* Swap with atomic stores, for lock-free readers. */
        for (Py_ssize_t lo = 0, hi = Py_SIZE(l) - 1; lo < hi; lo++, hi--) {
            PyObject *t = l->ob_item[lo];
            list_item_store(l, &l->ob_item[lo], l->ob_item[hi]);
            list_item_store(l, &l->ob_item[hi], t);
        }
    }
    else if (Py_SIZE(l) > 1) {
        reverse_slice(l->ob_item, l->ob_item + Py_SIZE(l));
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

int
PyList_Reverse(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *r = list_reverse(v, NULL);
    Py_DECREF(r);
    return 0;
}

static PyObject *
list_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *ret;
    Py_BEGIN_CRITICAL_SECTION(self);
    ret = list_slice_lock_held((PyListObject *)self, 0, Py_SIZE(self));
    Py_END_CRITICAL_SECTION();
    return ret;
}

static PyObject *
list_clear_method(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyList_Clear(self);
    Py_RETURN_NONE;
}

/* list.sort(*, key=None, reverse=False).
 *
 * While sorting, the list is emptied (ob_item NULL, size 0, allocated -1) so that a key
 * function or comparison that mutates it cannot corrupt the sort; afterwards, a list that is
 * no longer in that state was modified, and ValueError is raised.  The list's critical section
 * is not held across the sort (comparisons run arbitrary code); the emptied state makes
 * concurrent mutation harmless, as in CPython. */
static int
list_sort_impl(PyListObject *self, PyObject *keyfunc, int reverse)
{
    PyObject **saved_ob_item;
    Py_ssize_t saved_ob_size, saved_allocated;
    PyObject **readers_array = NULL;   /* a shared list's array, left as it is for readers */
    int copy_failed = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    list_ensure_shared(self);
    saved_ob_size = Py_SIZE(self);
    saved_ob_item = self->ob_item;
    saved_allocated = self->allocated;
    if (list_is_shared(self) && saved_ob_item != NULL) {
        /* Lock-free readers may still be reading the array they loaded: sort a copy. */
        PyObject **copy = list_items_alloc((size_t)saved_allocated, 0, (size_t)saved_ob_size);
        if (copy == NULL) {
            copy_failed = 1;
        }
        else {
            memcpy(copy, saved_ob_item, (size_t)saved_ob_size * sizeof(PyObject *));
            readers_array = saved_ob_item;
            saved_ob_item = copy;
        }
    }
    if (!copy_failed) {
        Py_SET_SIZE(self, 0);
        FT_ATOMIC_STORE_PTR_RELEASE(self->ob_item, NULL);
        self->allocated = -1;
    }
    Py_END_CRITICAL_SECTION();
    if (copy_failed) {
        PyErr_NoMemory();
        return -1;
    }

    PyObject **keys = NULL;
    int result = -1;
    Py_ssize_t nkeys = 0;
    if (keyfunc != NULL && saved_ob_size > 0) {
        keys = PyMem_Malloc((size_t)saved_ob_size * sizeof(PyObject *));
        if (keys == NULL) {
            PyErr_NoMemory();
            goto restore;
        }
        for (; nkeys < saved_ob_size; nkeys++) {
            keys[nkeys] = PyObject_CallOneArg(keyfunc, saved_ob_item[nkeys]);
            if (keys[nkeys] == NULL) {
                goto restore;
            }
        }
    }
    /* Reverse, sort stably, reverse back: equal items keep their order under reverse=True. */
    if (reverse && saved_ob_size > 1) {
        if (keys != NULL) {
            reverse_slice(keys, keys + saved_ob_size);
        }
        reverse_slice(saved_ob_item, saved_ob_item + saved_ob_size);
    }
    if (keys != NULL) {
        result = _PyList_SortSlice(keys, saved_ob_item, saved_ob_size);
    }
    else {
        result = _PyList_SortSlice(saved_ob_item, NULL, saved_ob_size);
    }
    if (reverse && saved_ob_size > 1) {
        reverse_slice(saved_ob_item, saved_ob_item + saved_ob_size);
    }

restore:
    if (keys != NULL) {
        for (Py_ssize_t i = 0; i < nkeys; i++) {
            Py_DECREF(keys[i]);
        }
        PyMem_Free(keys);
    }
    PyObject **final_ob_item;
    Py_ssize_t i;
    Py_ssize_t final_allocated;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->allocated != -1 && result >= 0) {
        PyErr_SetString(PyExc_ValueError, "list modified during sort");
        result = -1;
    }
    final_ob_item = self->ob_item;
    final_allocated = self->allocated;
    i = Py_SIZE(self);
#ifdef Py_GIL_DISABLED
    if (readers_array == NULL && list_is_shared(self)) {
        /* Another thread shared the list (empty then) during the sort: the array sorted in
         * place was never published. */
        list_publish_items(saved_ob_item, saved_ob_size);
    }
#endif
    FT_ATOMIC_STORE_PTR_RELEASE(self->ob_item, saved_ob_item);
    self->allocated = saved_allocated;
    FT_ATOMIC_STORE_SSIZE_RELAXED(self->ob_base.ob_size, saved_ob_size);
    Py_END_CRITICAL_SECTION();
    /* Release whatever was put into the list during the sort. */
    if (final_ob_item != NULL) {
        while (--i >= 0) {
            Py_XDECREF(final_ob_item[i]);
        }
        list_free_items(self, final_ob_item, final_allocated);
    }
    /* Its references moved to the sorted copy. */
    list_free_items(self, readers_array, saved_allocated);
    return result;
}

static PyObject *
list_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *keyfunc = NULL;
    int reverse = 0;
    if (nargs > 0) {
        PyErr_SetString(PyExc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        PyObject *value = args[i];
        if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "key") == 0) {
            keyfunc = value;
        }
        else if (PyUnicode_Check(name) &&
                 PyUnicode_CompareWithASCIIString(name, "reverse") == 0) {
            reverse = PyObject_IsTrue(value);
            if (reverse < 0) {
                return NULL;
            }
        }
        else {
            PyErr_Format(PyExc_TypeError, "sort() got an unexpected keyword argument '%S'",
                         name);
            return NULL;
        }
    }
    if (keyfunc == Py_None) {
        keyfunc = NULL;
    }
    if (list_sort_impl((PyListObject *)self, keyfunc, reverse) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

int
PyList_Sort(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_sort_impl((PyListObject *)v, NULL, 0);
}

/* Return a new reference. */
PyObject *
PyList_AsTuple(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *ret;
    Py_BEGIN_CRITICAL_SECTION(v);
    ret = _PyTuple_FromArray(((PyListObject *)v)->ob_item, Py_SIZE(v));
    Py_END_CRITICAL_SECTION();
    return ret;
}

static PyObject *
list_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t res = (Py_ssize_t)sizeof(PyListObject);
    Py_ssize_t allocated = FT_ATOMIC_LOAD_SSIZE_RELAXED(((PyListObject *)self)->allocated);
    if (allocated > 0) {
        res += allocated * (Py_ssize_t)sizeof(PyObject *);
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *list_iter(PyObject *seq);
static PyObject *list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored));

/* ---- type slots ---------------------------------------------------------------------------- */

static void
list_dealloc(PyObject *self)
{
    PyListObject *op = (PyListObject *)self;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, list_dealloc)
    if (op->ob_item != NULL) {
        Py_ssize_t i = Py_SIZE(op);
        while (--i >= 0) {
            Py_XDECREF(op->ob_item[i]);
        }
        /* Nobody else holds the list any more: free at once. */
        _PyList_FreeItemArray(op->ob_item, op->allocated);
    }
    Py_TYPE(op)->tp_free((PyObject *)op);
    Py_TRASHCAN_END
}

static PyObject *
list_repr(PyObject *self)
{
    PyListObject *v = (PyListObject *)self;
    if (PyList_GET_SIZE(v) == 0) {
        return PyUnicode_FromString("[]");
    }
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("[...]") : NULL;
    }
    PyObject *pieces = PyList_New(0);
    PyObject *result = NULL;
    if (pieces == NULL) {
        goto done;
    }
    /* The list may change while reprs run: re-check the size every time. */
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = list_get_item_ref(v, i);
        if (item == NULL) {
            break;
        }
        PyObject *s = PyObject_Repr(item);
        Py_DECREF(item);
        if (s == NULL) {
            goto done;
        }
        int rc = PyList_Append(pieces, s);
        Py_DECREF(s);
        if (rc < 0) {
            goto done;
        }
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        goto done;
    }
    PyObject *body = PyUnicode_Join(sep, pieces);
    Py_DECREF(sep);
    if (body == NULL) {
        goto done;
    }
    result = PyUnicode_FromFormat("[%U]", body);
    Py_DECREF(body);
done:
    Py_XDECREF(pieces);
    Py_ReprLeave(self);
    return result;
}

static int
list_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyListObject *o = (PyListObject *)self;
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;) {
        Py_VISIT(o->ob_item[i]);
    }
    return 0;
}

static PyObject *
list_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyList_Check(v) || !PyList_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyListObject *vl = (PyListObject *)v;
    PyListObject *wl = (PyListObject *)w;
    if (Py_SIZE(vl) != Py_SIZE(wl) && (op == Py_EQ || op == Py_NE)) {
        if (op == Py_EQ) {
            Py_RETURN_FALSE;
        }
        Py_RETURN_TRUE;
    }
    /* Search for the first index where items differ; the lists may change meanwhile. */
    Py_ssize_t i;
    for (i = 0;; i++) {
        PyObject *vitem = list_get_item_ref(vl, i);
        PyObject *witem = list_get_item_ref(wl, i);
        if (vitem == NULL || witem == NULL) {
            Py_XDECREF(vitem);
            Py_XDECREF(witem);
            break;
        }
        int k = vitem == witem ? 1 : PyObject_RichCompareBool(vitem, witem, Py_EQ);
        Py_DECREF(vitem);
        Py_DECREF(witem);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    /* The comparisons may have shrunk either list: look again. */
    PyObject *vitem = list_get_item_ref(vl, i);
    PyObject *witem = list_get_item_ref(wl, i);
    if (vitem == NULL || witem == NULL) {
        Py_XDECREF(vitem);
        Py_XDECREF(witem);
        Py_RETURN_RICHCOMPARE(PyList_GET_SIZE(vl), PyList_GET_SIZE(wl), op);
    }
    PyObject *res;
    if (op == Py_EQ) {
        res = Py_NewRef(Py_False);
    }
    else if (op == Py_NE) {
        res = Py_NewRef(Py_True);
    }
    else {
        res = PyObject_RichCompare(vitem, witem, op);
    }
    Py_DECREF(vitem);
    Py_DECREF(witem);
    return res;
}

static int
list_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    /* Keyword arguments are an error unless a subclass's own __new__ consumes them. */
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        (Py_IS_TYPE(self, &PyList_Type) || Py_TYPE(self)->tp_new == PyList_Type.tp_new)) {
        PyErr_SetString(PyExc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "list expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    PyListObject *l = (PyListObject *)self;
    if (l->ob_item != NULL) {
        Py_BEGIN_CRITICAL_SECTION(self);
        list_clear_impl(l);
        Py_END_CRITICAL_SECTION();
    }
    if (nargs == 1) {
        return list_extend(l, PyTuple_GET_ITEM(args, 0));
    }
    return 0;
}

static PyObject *
list_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "list() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "list expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (nargs == 1 && list_extend((PyListObject *)list, args[0]) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

static PyObject *
list_subscript(PyObject *self, PyObject *item)
{
    PyListObject *l = (PyListObject *)self;
    if (PyLong_CheckExact(item) || (!PySlice_Check(item) && PyIndex_Check(item))) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += PyList_GET_SIZE(l);
        }
        return list_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        PyObject *result = NULL;
        /* Copying references into a new list passes no safe point. */
        Py_BEGIN_CRITICAL_SECTION_SHORT(self);
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(l), &start, &stop, step);
        if (step == 1) {
            result = list_slice_lock_held(l, start, stop);
        }
        else if (slicelength <= 0) {
            result = PyList_New(0);
        }
        else {
            PyListObject *np = list_new_prealloc(slicelength);
            if (np != NULL) {
                for (Py_ssize_t cur = start, i = 0; i < slicelength; cur += step, i++) {
                    np->ob_item[i] = Py_NewRef(l->ob_item[cur]);
                }
                Py_SET_SIZE(np, slicelength);
            }
            result = (PyObject *)np;
        }
        Py_END_CRITICAL_SECTION_SHORT();
        return result;
    }
    PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* del self[start:stop:step] with step != 1, slicelength > 0; caller holds the lock. */
static void
list_delete_extended_slice(PyListObject *self, Py_ssize_t start, Py_ssize_t step,
                           Py_ssize_t slicelength, PyObject **garbage)
{
    if (step < 0) {
        /* Make it an ascending slice. */
        start = start + step * (slicelength - 1);
        step = -step;
    }
    Py_ssize_t n = Py_SIZE(self);
    Py_ssize_t cur, i, dst = start;
    for (cur = start, i = 0; cur < n; cur++) {
        if (i < slicelength && cur == start + i * step) {
            garbage[i++] = self->ob_item[cur];
            continue;
        }
        list_item_store(self, &self->ob_item[dst++], self->ob_item[cur]);
    }
    if (list_resize(self, n - slicelength) < 0) {
        PyErr_Clear();
        Py_SET_SIZE(self, n - slicelength);
    }
}

static int
list_ass_subscript(PyObject *self, PyObject *item, PyObject *value)
{
    PyListObject *l = (PyListObject *)self;
    if (PyLong_CheckExact(item) || (!PySlice_Check(item) && PyIndex_Check(item))) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (i < 0) {
            i += PyList_GET_SIZE(l);
        }
        return list_ass_item(self, i, value);
    }
    if (!PySlice_Check(item)) {
        PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                     Py_TYPE(item)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
        return -1;
    }
    if (value == NULL) {
        if (step == 1) {
            Py_ssize_t st = start, sp = stop;
            int rc;
            Py_BEGIN_CRITICAL_SECTION(self);
            PySlice_AdjustIndices(Py_SIZE(l), &st, &sp, step);
            rc = list_ass_slice_lock_held(l, st, sp, NULL);
            Py_END_CRITICAL_SECTION();
            return rc;
        }
        PyObject **garbage = NULL;
        Py_ssize_t slicelength;
        int rc = 0;
        Py_BEGIN_CRITICAL_SECTION(self);
        slicelength = PySlice_AdjustIndices(Py_SIZE(l), &start, &stop, step);
        if (slicelength > 0) {
            garbage = PyMem_Malloc((size_t)slicelength * sizeof(PyObject *));
            if (garbage == NULL) {
                PyErr_NoMemory();
                rc = -1;
            }
            else {
                list_delete_extended_slice(l, start, step, slicelength, garbage);
            }
        }
        Py_END_CRITICAL_SECTION();
        if (garbage != NULL) {
            for (Py_ssize_t i = 0; i < slicelength; i++) {
                Py_DECREF(garbage[i]);
            }
            PyMem_Free(garbage);
        }
        return rc;
    }

    /* Assignment.  Materialise the value first (it may be self or run Python code). */
    PyObject *seq;
    if (value == self) {
        seq = list_copy(self, NULL);
    }
    else if (PyList_CheckExact(value) || PyTuple_CheckExact(value)) {
        seq = Py_NewRef(value);
    }
    else {
        seq = PySequence_Fast(value, "must assign iterable to extended slice");
    }
    if (seq == NULL) {
        return -1;
    }
    int rc = 0;
    PyObject **garbage = NULL;
    Py_ssize_t slicelength = 0;
    if (step == 1) {
        if (PyList_CheckExact(seq)) {
            Py_BEGIN_CRITICAL_SECTION2(self, seq);
            PySlice_AdjustIndices(Py_SIZE(l), &start, &stop, step);
            rc = list_ass_slice_lock_held(l, start, stop, seq);
            Py_END_CRITICAL_SECTION2();
        }
        else {
            Py_BEGIN_CRITICAL_SECTION(self);
            PySlice_AdjustIndices(Py_SIZE(l), &start, &stop, step);
            rc = list_ass_slice_lock_held(l, start, stop, seq);
            Py_END_CRITICAL_SECTION();
        }
        Py_DECREF(seq);
        return rc;
    }
    Py_BEGIN_CRITICAL_SECTION2(self, seq);
    slicelength = PySlice_AdjustIndices(Py_SIZE(l), &start, &stop, step);
    Py_ssize_t seqlen = PySequence_Fast_GET_SIZE(seq);
    if (seqlen != slicelength) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     seqlen, slicelength);
        rc = -1;
    }
    else if (slicelength > 0) {
        garbage = PyMem_Malloc((size_t)slicelength * sizeof(PyObject *));
        if (garbage == NULL) {
            PyErr_NoMemory();
            rc = -1;
        }
        else {
            PyObject **seqitems = PySequence_Fast_ITEMS(seq);
            for (Py_ssize_t cur = start, i = 0; i < slicelength; cur += step, i++) {
                garbage[i] = l->ob_item[cur];
                list_item_store(l, &l->ob_item[cur], Py_NewRef(seqitems[i]));
            }
        }
    }
    Py_END_CRITICAL_SECTION2();
    if (garbage != NULL) {
        for (Py_ssize_t i = 0; i < slicelength; i++) {
            Py_DECREF(garbage[i]);
        }
        PyMem_Free(garbage);
    }
    Py_DECREF(seq);
    return rc;
}

static PyMethodDef list_methods[] = {
    {"__getitem__", list_subscript, METH_O | METH_COEXIST, "Return self[index]."},
    {"__reversed__", list_reversed, METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof, METH_NOARGS, "Return the size of the list in memory, in bytes."},
    {"clear", list_clear_method, METH_NOARGS, "Remove all items from list."},
    {"copy", list_copy, METH_NOARGS, "Return a shallow copy of the list."},
    {"append", list_append, METH_O, "Append object to the end of the list."},
    {"insert", _PyCFunction_CAST(list_insert), METH_FASTCALL,
     "Insert object before index."},
    {"extend", list_extend_method, METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", _PyCFunction_CAST(list_pop), METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", list_remove, METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", _PyCFunction_CAST(list_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", list_count, METH_O, "Return number of occurrences of value."},
    {"reverse", list_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", _PyCFunction_CAST(list_sort), METH_FASTCALL | METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static PyMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

PyTypeObject PyList_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_LIST_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_clear_slot,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = list_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyList_Type);

/* ---- iterators ----------------------------------------------------------------------------- */

/* Both list iterators may be shared by threads (free-threaded build).  it_index is then read
 * and written with relaxed atomics: two threads may return the same item or skip one (as in
 * CPython), but neither reads a torn index.  The item is fetched with list_get_item_ref, which
 * re-checks the index against the list's current size.  it_seq stays set until the iterator
 * dies (it is cleared at exhaustion only in the GIL build), so a thread that loaded it never
 * sees the list freed under it; an exhausted iterator is marked by it_index == -1. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq; /* NULL when exhausted (GIL build only) */
} listreviterobject;

static void
listiter_dealloc(PyObject *self)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
listiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyListIterObject *)self)->it_seq);
    return 0;
}

static PyObject *
listiter_next(PyObject *self)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyListObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    if (index >= 0) {
        PyObject *item = list_get_item_ref(seq, index);
        if (item != NULL) {
            FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index + 1);
            return item;
        }
    }
    FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, -1);
#ifndef Py_GIL_DISABLED
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
listiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    if (it->it_seq != NULL && index >= 0) {
        Py_ssize_t len = PyList_GET_SIZE(it->it_seq) - index;
        if (len >= 0) {
            return PyLong_FromSsize_t(len);
        }
    }
    return PyLong_FromLong(0);
}

/* Shared by both list iterators: (iter, (list,), index) or (iter, ([],)) when exhausted. */
static PyObject *
listiter_reduce_general(void *it_ptr, int forward)
{
    PyObject *list;
    if (forward) {
        _PyListIterObject *it = it_ptr;
        Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
        if (it->it_seq != NULL && index >= 0) {
            PyObject *iter = _PyIter_GetBuiltin("iter");
            if (iter == NULL) {
                return NULL;
            }
            return Py_BuildValue("N(O)n", iter, it->it_seq, index);
        }
    }
    else {
        listreviterobject *it = it_ptr;
        Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
        if (it->it_seq != NULL && index >= 0) {
            PyObject *reversed = _PyIter_GetBuiltin("reversed");
            if (reversed == NULL) {
                return NULL;
            }
            return Py_BuildValue("N(O)n", reversed, it->it_seq, index);
        }
    }
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        return NULL;
    }
    list = PyList_New(0);
    if (list == NULL) {
        Py_DECREF(iter);
        return NULL;
    }
    return Py_BuildValue("N(N)", iter, list);
}

static PyObject *
listiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return listiter_reduce_general(self, 1);
}

static PyObject *
listiter_setstate(PyObject *self, PyObject *state)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (it->it_seq != NULL) {
        if (index < -1) {
            index = -1;
        }
        else if (index > PyList_GET_SIZE(it->it_seq)) {
            index = PyList_GET_SIZE(it->it_seq);
        }
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_len, METH_NOARGS, NULL},
    {"__reduce__", listiter_reduce, METH_NOARGS, NULL},
    {"__setstate__", listiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyListIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(_PyListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyListIter_Type);

static PyObject *
list_iter(PyObject *seq)
{
    _PyListIterObject *it = PyObject_GC_New(_PyListIterObject, &PyListIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = (PyListObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
listreviter_dealloc(PyObject *self)
{
    listreviterobject *it = (listreviterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
listreviter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((listreviterobject *)self)->it_seq);
    return 0;
}

static PyObject *
listreviter_next(PyObject *self)
{
    listreviterobject *it = (listreviterobject *)self;
    PyListObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    if (index >= 0) {
        PyObject *item = list_get_item_ref(seq, index);
        if (item != NULL) {
            FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index - 1);
            return item;
        }
    }
    FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, -1);
#ifndef Py_GIL_DISABLED
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
listreviter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = (listreviterobject *)self;
    Py_ssize_t len = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index) + 1;
    if (it->it_seq == NULL || PyList_GET_SIZE(it->it_seq) < len) {
        len = 0;
    }
    return PyLong_FromSsize_t(len);
}

static PyObject *
listreviter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return listiter_reduce_general(self, 0);
}

static PyObject *
listreviter_setstate(PyObject *self, PyObject *state)
{
    listreviterobject *it = (listreviterobject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (it->it_seq != NULL) {
        if (index < -1) {
            index = -1;
        }
        else if (index > PyList_GET_SIZE(it->it_seq) - 1) {
            index = PyList_GET_SIZE(it->it_seq) - 1;
        }
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_len, METH_NOARGS, NULL},
    {"__reduce__", listreviter_reduce, METH_NOARGS, NULL},
    {"__setstate__", listreviter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyListRevIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listreviterobject),
    .tp_dealloc = listreviter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listreviter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyListRevIter_Type);

static PyObject *
list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = PyObject_GC_New(listreviterobject, &PyListRevIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = PyList_GET_SIZE(self) - 1;
    it->it_seq = (PyListObject *)Py_NewRef(self);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}
