/* tuple: PyTuple_*.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs).
 *
 * A tuple is an immutable GC container whose items are stored inline after the header.  The
 * empty tuple is an immortal singleton.  The PyTuple_GET_ITEM / PyTuple_SET_ITEM macros do no
 * checking; PyTuple_SET_ITEM steals a reference and is meant only for filling a new tuple. */
#ifndef Py_TUPLEOBJECT_H
#define Py_TUPLEOBJECT_H

typedef struct {
    PyObject_VAR_HEAD
    /* Py_hash_t ob_hash is not cached (as in CPython 3.13). */
    PyObject *ob_item[1]; /* ob_size items; NULL only while a new tuple is being filled */
} PyTupleObject;

PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;

#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)

PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t size);               /* new reference */
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *, Py_ssize_t);    /* borrowed reference */
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals the item */
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t); /* new ref */
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t n, ...);            /* new reference */
PyAPI_FUNC(int) _PyTuple_Resize(PyObject **p, Py_ssize_t newsize);

#define _PyTuple_CAST(op) _Py_CAST(PyTupleObject *, (op))

static inline Py_ssize_t PyTuple_GET_SIZE(PyObject *op)
{
    return Py_SIZE(op);
}
#define PyTuple_GET_SIZE(op) PyTuple_GET_SIZE(_PyObject_CAST(op))

/* Borrowed reference; no checks. */
#define PyTuple_GET_ITEM(op, index) (_PyTuple_CAST(op)->ob_item[(index)])

/* Steals a reference to value; no checks, the old item is not released. */
static inline void PyTuple_SET_ITEM(PyObject *op, Py_ssize_t index, PyObject *value)
{
    _PyTuple_CAST(op)->ob_item[index] = value;
}
#define PyTuple_SET_ITEM(op, index, value)                                                    \
    PyTuple_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

#endif /* Py_TUPLEOBJECT_H */
