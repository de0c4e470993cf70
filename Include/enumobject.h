/* enumerate and reversed.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs). */
#ifndef Py_ENUMOBJECT_H
#define Py_ENUMOBJECT_H

PyAPI_DATA(PyTypeObject) PyEnum_Type;
PyAPI_DATA(PyTypeObject) PyReversed_Type;

#endif /* Py_ENUMOBJECT_H */
