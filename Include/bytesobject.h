/* bytes: PyBytes_*.
 * Owner: strings room (str, bytes, bytearray, memoryview, hashing, codecs).
 *
 * An immutable byte string: ob_size bytes in ob_sval, always followed by a NUL.  ob_shash
 * caches the hash (-1 until computed; relaxed atomic in the free-threaded build). */
#ifndef Py_BYTESOBJECT_H
#define Py_BYTESOBJECT_H

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;
    char ob_sval[1];
} PyBytesObject;

PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;

#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)

#define _PyBytes_CAST(op) ((PyBytesObject *)(op))
static inline char *PyBytes_AS_STRING(PyObject *op) { return _PyBytes_CAST(op)->ob_sval; }
#define PyBytes_AS_STRING(op) PyBytes_AS_STRING(_PyObject_CAST(op))
static inline Py_ssize_t PyBytes_GET_SIZE(PyObject *op) { return Py_SIZE(op); }
#define PyBytes_GET_SIZE(op) PyBytes_GET_SIZE(_PyObject_CAST(op))

/* All PyObject * functions return a new reference or NULL with an exception set. */
PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *);
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyBytes_FromFormatV(const char *, va_list);
PyAPI_FUNC(PyObject *) PyBytes_FromFormat(const char *, ...);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *);
/* Borrowed pointer into the object. */
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *);
PyAPI_FUNC(PyObject *) PyBytes_Repr(PyObject *, int smartquotes);
/* *bytes = *bytes + newpart; steals *bytes (NULL on error). */
PyAPI_FUNC(void) PyBytes_Concat(PyObject **bytes, PyObject *newpart);
/* Like PyBytes_Concat and also steals newpart. */
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **bytes, PyObject *newpart);
PyAPI_FUNC(PyObject *) PyBytes_DecodeEscape(const char *, Py_ssize_t, const char *errors,
                                            Py_ssize_t unused, const char *recode_encoding);
/* *s and *len point into obj (borrowed); len may be NULL (then embedded NULs are an error). */
PyAPI_FUNC(int) PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len);
/* sep.join(iterable); new reference. */
PyAPI_FUNC(PyObject *) PyBytes_Join(PyObject *sep, PyObject *iterable);
PyAPI_FUNC(PyObject *) _PyBytes_Join(PyObject *sep, PyObject *iterable);
/* Resize a bytes object that has just been created and is not shared: 0, or -1 with *bytes
 * set to NULL and an exception set. */
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **bytes, Py_ssize_t newsize);
PyAPI_FUNC(PyObject *) _PyBytes_FromHex(PyObject *string, int use_bytearray);
PyAPI_FUNC(PyObject *) _PyBytes_DecodeEscape(const char *, Py_ssize_t, const char *,
                                             const char **first_invalid_escape);

#endif /* Py_BYTESOBJECT_H */
