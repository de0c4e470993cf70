/* Sequence and callable iterators: PySeqIter_*, PyCallIter_*.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs). */
#ifndef Py_ITEROBJECT_H
#define Py_ITEROBJECT_H

PyAPI_DATA(PyTypeObject) PySeqIter_Type;
PyAPI_DATA(PyTypeObject) PyCallIter_Type;

#define PySeqIter_Check(op) Py_IS_TYPE((op), &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE((op), &PyCallIter_Type)

/* An iterator over seq[0], seq[1], ... until IndexError or StopIteration; new reference. */
PyAPI_FUNC(PyObject *) PySeqIter_New(PyObject *seq);
/* iter(callable, sentinel); new reference. */
PyAPI_FUNC(PyObject *) PyCallIter_New(PyObject *callable, PyObject *sentinel);

/* New reference to the builtin called name (for iterators' __reduce__), or NULL. */
PyAPI_FUNC(PyObject *) _PyIter_GetBuiltin(const char *name);

#endif /* Py_ITEROBJECT_H */
