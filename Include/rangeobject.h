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

#endif /* Py_RANGEOBJECT_H */
