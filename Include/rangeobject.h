/* range: PyRange_Type and its iterators.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs). */
#ifndef Py_RANGEOBJECT_H
#define Py_RANGEOBJECT_H

PyAPI_DATA(PyTypeObject) PyRange_Type;
PyAPI_DATA(PyTypeObject) PyRangeIter_Type;     /* all of start, stop, step fit in a C long */
PyAPI_DATA(PyTypeObject) PyLongRangeIter_Type; /* the general case, PyLong arithmetic */

#define PyRange_Check(op) Py_IS_TYPE((op), &PyRange_Type)

/* The fast range iterator (for the eval loop's FOR_ITER fast path). */
typedef struct {
    PyObject_HEAD
    long start;  /* the next value */
    long step;
    long len;    /* values left */
} _PyRangeIterObject;

#ifdef Py_BUILD_CORE
/* Its fields, read and written by rangeiter_next and the eval loop's fast path: relaxed
 * atomics in the free-threaded build (a shared iterator may hand out a value twice or skip
 * one, as in CPython, but never reads a torn field). */
#  ifdef Py_GIL_DISABLED
#    define _PyRangeIter_LOAD(field) __atomic_load_n(&(field), __ATOMIC_RELAXED)
#    define _PyRangeIter_STORE(field, value) __atomic_store_n(&(field), (value), __ATOMIC_RELAXED)
#  else
#    define _PyRangeIter_LOAD(field) (field)
#    define _PyRangeIter_STORE(field, value) ((field) = (value))
#  endif
#endif

#endif /* Py_RANGEOBJECT_H */
