/* Private tuple API.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs). */
#ifndef Py_INTERNAL_TUPLE_H
#define Py_INTERNAL_TUPLE_H

/* Return a new tuple holding new references to src[0..n-1]. */
PyAPI_FUNC(PyObject *) _PyTuple_FromArray(PyObject *const *src, Py_ssize_t n);
/* Return a new tuple; steals the references in src[0..n-1] (also on failure). */
PyAPI_FUNC(PyObject *) _PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n);
/* Called by the GC at shutdown / on gc.collect(generation=2): clear per-thread free lists. */
PyAPI_FUNC(void) _PyTuple_ClearFreeList(void);

/* Borrowed immortal empty tuple. */
PyAPI_DATA(PyTupleObject) _Py_EmptyTupleStruct;
#define _Py_EmptyTuple ((PyObject *)&_Py_EmptyTupleStruct)

#define _PyTuple_ITEMS(op) (_PyTuple_CAST(op)->ob_item)

/* The tuple hash (xxHash-based, CPython's), exposed for the compiler's constant folding. */
PyAPI_FUNC(Py_hash_t) _PyTuple_Hash(PyObject *op);

/* Tuple iterator object (for the eval loop's FOR_ITER fast path). */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyTupleObject *it_seq; /* NULL when exhausted */
} _PyTupleIterObject;

#endif /* Py_INTERNAL_TUPLE_H */
