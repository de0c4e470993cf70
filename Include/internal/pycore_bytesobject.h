/* Private bytes API: the str-like algorithms shared by bytes and bytearray.
 * Owner: strings room (str, bytes, bytearray, memoryview, hashing, codecs).
 * Implemented in Objects/bytesobject.c. */
#ifndef Py_INTERNAL_BYTESOBJECT_H
#define Py_INTERNAL_BYTESOBJECT_H

/* Preallocated bytes builder (a _PyBytesWriter-like helper kept simple). */
typedef struct {
    char *buf;           /* PyMem_Malloc'ed */
    Py_ssize_t len;
    Py_ssize_t alloc;
} _PyByteBuilder;

PyAPI_FUNC(int) _PyByteBuilder_Init(_PyByteBuilder *b, Py_ssize_t hint);
PyAPI_FUNC(int) _PyByteBuilder_Write(_PyByteBuilder *b, const void *p, Py_ssize_t n);
PyAPI_FUNC(int) _PyByteBuilder_WriteByte(_PyByteBuilder *b, int c);
/* Return a new bytes object (or bytearray if as_bytearray) and free the builder. */
PyAPI_FUNC(PyObject *) _PyByteBuilder_Finish(_PyByteBuilder *b, int as_bytearray);
PyAPI_FUNC(void) _PyByteBuilder_Dealloc(_PyByteBuilder *b);

/* A bytes object wrapping nothing yet: size bytes, uninitialised, NUL-terminated. */
PyAPI_FUNC(PyObject *) _PyBytes_FromSize(Py_ssize_t size, int use_calloc);
/* bytes % args (PEP 461); new reference. */
PyAPI_FUNC(PyObject *) _PyBytes_FormatEx(const char *format, Py_ssize_t format_len,
                                         PyObject *args, int is_bytearray);
PyAPI_FUNC(PyObject *) _PyBytes_Repeat(PyObject *b, Py_ssize_t n);
/* Return a new bytes object repr-escaped as b'...' (or bytearray(b'...') wrapped by caller). */
PyAPI_FUNC(PyObject *) _PyBytes_ReprBuffer(const char *s, Py_ssize_t len, int smartquotes);
/* Hex of a buffer with optional separator (bytes.hex, memoryview.hex); new str. */
PyAPI_FUNC(PyObject *) _Py_strhex_with_sep(const char *s, Py_ssize_t len, PyObject *sep,
                                           int bytes_per_sep);
PyAPI_FUNC(PyObject *) _Py_strhex(const char *s, Py_ssize_t len);

#endif /* Py_INTERNAL_BYTESOBJECT_H */
