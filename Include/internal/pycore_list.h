/* Private list API.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs). */
#ifndef Py_INTERNAL_LIST_H
#define Py_INTERNAL_LIST_H

#include "pycore_gc.h"

/* list.extend(iterable); returns None (new reference) or NULL. */
PyAPI_FUNC(PyObject *) _PyList_Extend(PyListObject *self, PyObject *iterable);
/* Slow path of _PyList_AppendTakeRef: grow the array, then append.  Steals newitem. */
PyAPI_FUNC(int) _PyList_AppendTakeRefListResize(PyListObject *self, PyObject *newitem);
/* Return a new list holding new references to src[0..n-1]. */
PyAPI_FUNC(PyObject *) _PyList_FromArray(PyObject *const *src, Py_ssize_t n);
/* Return a new list; steals the references in src[0..n-1] (also on failure). */
PyAPI_FUNC(PyObject *) _PyList_FromArraySteal(PyObject *const *src, Py_ssize_t n);
PyAPI_FUNC(void) _PyList_ClearFreeList(void);

/* Append, stealing a reference to newitem (used by LIST_APPEND and comprehensions, where the
 * list is not yet shared, and by C code holding the list's critical section).  0 or -1. */
static inline int _PyList_AppendTakeRef(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t len = Py_SIZE(self);
    Py_ssize_t allocated = self->allocated;
#ifdef Py_GIL_DISABLED
    /* A list read lock-free by other threads publishes its items: the out-of-line path does. */
    if (allocated > len &&
        !(_Py_atomic_load_uint8_relaxed(&self->ob_base.ob_base.ob_gc_bits) &
          _PyGC_BITS_ITEMS_SHARED)) {
#else
    if (allocated > len) {
#endif
#ifdef Py_GIL_DISABLED
        _Py_atomic_store_ptr_release((void **)&self->ob_item[len], newitem);
        _Py_atomic_store_ssize_relaxed(&self->ob_base.ob_size, len + 1);
#else
        self->ob_item[len] = newitem;
        Py_SET_SIZE(self, len + 1);
#endif
        return 0;
    }
    return _PyList_AppendTakeRefListResize(self, newitem);
}

/* List iterator object (for the eval loop's FOR_ITER fast path). */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq; /* NULL when exhausted */
} _PyListIterObject;

/* Item array handed out to QSBR-deferred freeing in the free-threaded build. */
PyAPI_FUNC(void) _PyList_FreeItemArray(PyObject **items, Py_ssize_t allocated);

#endif /* Py_INTERNAL_LIST_H */
