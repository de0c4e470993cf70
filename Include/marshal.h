/* The marshal format's C API (Python/marshal.c).  As in CPython, Python.h does not include
 * this header: include "marshal.h" after it. */
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H
#ifdef __cplusplus
extern "C" {
#endif

/* The current format version (marshal.version). */
#define Py_MARSHAL_VERSION 4

/* Serialise `value` in format `version`.  Return a new reference to a bytes object. */
PyAPI_FUNC(PyObject *) PyMarshal_WriteObjectToString(PyObject *value, int version);

/* Read one object from the first `len` bytes of `data`.  Return a new reference; NULL with
 * EOFError, ValueError or TypeError on bad data. */
PyAPI_FUNC(PyObject *) PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len);

#ifdef __cplusplus
}
#endif
#endif /* !Py_MARSHAL_H */
