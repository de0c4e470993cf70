/* types.GenericAlias (list[int]; Objects/genericaliasobject.c) and types.UnionType (int | str;
 * Objects/unionobject.c).  Owner: object-model room. */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H

PyAPI_DATA(PyTypeObject) Py_GenericAliasType;
PyAPI_DATA(PyTypeObject) _PyUnion_Type;
#define _PyUnion_Check(op) Py_IS_TYPE((op), &_PyUnion_Type)

/* A new GenericAlias origin[args]; args may be a single object or a tuple. */
PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *origin, PyObject *args);
/* X | Y for types, None, GenericAlias and unions; NotImplemented for other operands. */
PyAPI_FUNC(PyObject *) _Py_union_type_or(PyObject *, PyObject *);

#endif /* Py_GENERICALIASOBJECT_H */
