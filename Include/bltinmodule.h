/* The builtins module's own types (Python/bltinmodule.c).  Owner: runtime room. */
#ifndef Py_BLTINMODULE_H
#define Py_BLTINMODULE_H

PyAPI_DATA(PyTypeObject) PyFilter_Type;
PyAPI_DATA(PyTypeObject) PyMap_Type;
PyAPI_DATA(PyTypeObject) PyZip_Type;

/* Create the builtins module (without the exceptions).  New reference. */
PyAPI_FUNC(PyObject *) _PyBuiltin_Init(PyInterpreterState *interp);

#endif /* Py_BLTINMODULE_H */
