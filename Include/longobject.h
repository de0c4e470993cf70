/* int: PyLong_*.
 * Owner: numbers room (int, bool, float, complex, math).
 *
 * An int is sign and magnitude: ob_size is the signed number of 64-bit limbs (0 for zero, the
 * sign of ob_size is the sign of the value) and long_value[] holds the magnitude, least
 * significant limb first, with a non-zero top limb.  This is exactly GMP's mpz layout, so
 * Objects/longobject.c hands int objects to mpz/mpn functions without copying. */
#ifndef Py_LONGOBJECT_H
#define Py_LONGOBJECT_H

typedef uint64_t _PyLong_Limb;

typedef struct _longobject {
    PyObject_VAR_HEAD
    _PyLong_Limb long_value[1];
} PyLongObject;

PyAPI_DATA(PyTypeObject) PyLong_Type;

#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)

PyAPI_FUNC(PyObject *) PyLong_FromLong(long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *);
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *, char **, int);
PyAPI_FUNC(PyObject *) PyLong_FromUnicodeObject(PyObject *u, int base);
PyAPI_FUNC(PyObject *) PyLong_FromInt32(int32_t);
PyAPI_FUNC(PyObject *) PyLong_FromUInt32(uint32_t);
PyAPI_FUNC(PyObject *) PyLong_FromInt64(int64_t);
PyAPI_FUNC(PyObject *) PyLong_FromUInt64(uint64_t);

PyAPI_FUNC(long) PyLong_AsLong(PyObject *);
PyAPI_FUNC(int) PyLong_AsInt(PyObject *);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *);
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *);
PyAPI_FUNC(PyObject *) PyLong_GetInfo(void);

/* The C value of an int in [INT_MIN, INT_MAX] etc.; used by PyArg_Parse "i"-style codes. */
#define PyLong_AS_LONG(op) PyLong_AsLong(op)

/* PyLong_FromNativeBytes / PyLong_AsNativeBytes flags (3.13). */
#define Py_ASNATIVEBYTES_DEFAULTS -1
#define Py_ASNATIVEBYTES_BIG_ENDIAN 0
#define Py_ASNATIVEBYTES_LITTLE_ENDIAN 1
#define Py_ASNATIVEBYTES_NATIVE_ENDIAN 3
#define Py_ASNATIVEBYTES_UNSIGNED_BUFFER 4
#define Py_ASNATIVEBYTES_REJECT_NEGATIVE 8
#define Py_ASNATIVEBYTES_ALLOW_INDEX 16

/* Copy the value into n_bytes at buffer; return the number of bytes needed (may exceed
 * n_bytes, then the value was truncated), or -1 with an exception set. */
PyAPI_FUNC(Py_ssize_t) PyLong_AsNativeBytes(PyObject *v, void *buffer, Py_ssize_t n_bytes,
                                            int flags);
/* Return a new reference: the int stored in n_bytes at buffer (two's complement unless
 * Py_ASNATIVEBYTES_UNSIGNED_BUFFER). */
PyAPI_FUNC(PyObject *) PyLong_FromNativeBytes(const void *buffer, size_t n_bytes, int flags);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedNativeBytes(const void *buffer, size_t n_bytes,
                                                      int flags);

/* Return a new reference. */
PyAPI_FUNC(PyObject *) _PyLong_FromByteArray(const unsigned char *bytes, size_t n,
                                             int little_endian, int is_signed);
/* 0, or -1 with OverflowError when the value does not fit in n bytes. */
PyAPI_FUNC(int) _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n,
                                    int little_endian, int is_signed, int with_exceptions);

/* -1, 0 or 1; v must be an int. */
PyAPI_FUNC(int) _PyLong_Sign(PyObject *v);
PyAPI_FUNC(int) PyLong_IsPositive(PyObject *v);
PyAPI_FUNC(int) PyLong_IsNegative(PyObject *v);
PyAPI_FUNC(int) PyLong_IsZero(PyObject *v);
/* Number of bits of abs(v); (size_t)-1 with OverflowError never happens on 64-bit. */
PyAPI_FUNC(int64_t) _PyLong_NumBits(PyObject *v);
/* Return a new reference: v converted by __index__ (PyNumber_Index semantics for ints). */
PyAPI_FUNC(PyObject *) _PyLong_Copy(PyLongObject *src);

/* Parse an unsigned/signed C integer from a string (Python/mystrtoul.c). */
PyAPI_FUNC(unsigned long) PyOS_strtoul(const char *, char **, int);
PyAPI_FUNC(long) PyOS_strtol(const char *, char **, int);

#endif /* Py_LONGOBJECT_H */
