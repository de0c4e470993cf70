/* Private int API: small ints, _PyLong_* fast paths.
 * Owner: numbers room (int, bool, float, complex, math).
 *
 * Fast paths for the eval loop: an int is "compact" when its value fits in an int64_t
 * (at most one limb and the limb <= INT64_MAX).  The sum, difference or product of two compact
 * ints can be computed with __builtin_*_overflow and, when it does not overflow, boxed with
 * _PyLong_FromInt64 (which returns the cached small int when there is one). */
#ifndef Py_INTERNAL_LONG_H
#define Py_INTERNAL_LONG_H

#define _PY_NSMALLNEGINTS 5
#define _PY_NSMALLPOSINTS 257

/* Immortal, statically allocated ints -5..256; index value + _PY_NSMALLNEGINTS. */
PyAPI_DATA(PyLongObject) _PyLong_SmallInts[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS];

/* Borrowed (immortal) references. */
#define _PyLong_SMALL_INT(v) ((PyObject *)&_PyLong_SmallInts[(v) + _PY_NSMALLNEGINTS])
static inline PyObject *_PyLong_GetZero(void) { return _PyLong_SMALL_INT(0); }
static inline PyObject *_PyLong_GetOne(void) { return _PyLong_SMALL_INT(1); }

/* op must be an int (or bool). */
static inline int _PyLong_IsCompact(const PyLongObject *op)
{
    Py_ssize_t size = op->ob_base.ob_size;
    return size == 0 || ((size == 1 || size == -1) && op->long_value[0] <= (uint64_t)INT64_MAX);
}
#define _PyLong_IsCompact(op) _PyLong_IsCompact((const PyLongObject *)(op))

/* The value of a compact int. */
static inline int64_t _PyLong_CompactValue(const PyLongObject *op)
{
    Py_ssize_t size = op->ob_base.ob_size;
    if (size == 0) {
        return 0;
    }
    return size > 0 ? (int64_t)op->long_value[0] : -(int64_t)op->long_value[0];
}
#define _PyLong_CompactValue(op) _PyLong_CompactValue((const PyLongObject *)(op))

static inline int _PyLong_IsZero(const PyLongObject *op) { return op->ob_base.ob_size == 0; }
static inline int _PyLong_IsNegative(const PyLongObject *op) { return op->ob_base.ob_size < 0; }
static inline int _PyLong_IsPositive(const PyLongObject *op) { return op->ob_base.ob_size > 0; }

/* Return a new reference (a cached small int when possible). */
PyAPI_FUNC(PyObject *) _PyLong_FromInt64(int64_t v);

/* Binary operations on two ints (both must be PyLong_Check); return a new reference or NULL
 * with an exception set.  The eval loop may call these directly after its type checks. */
PyAPI_FUNC(PyObject *) _PyLong_Add(PyLongObject *a, PyLongObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Subtract(PyLongObject *a, PyLongObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Multiply(PyLongObject *a, PyLongObject *b);
/* -1, 0, 1: sign of a - b. */
PyAPI_FUNC(int) _PyLong_Compare(PyLongObject *a, PyLongObject *b);

/* Return a new reference: int(str) of a NUL-terminated ASCII buffer of len bytes in base,
 * as the compiler needs for literals (underscores allowed as in source code). */
PyAPI_FUNC(PyObject *) _PyLong_FromBytes(const char *s, Py_ssize_t len, int base);

/* Return a new reference: str(v) in base 10 (applies the int max str digits limit). */
PyAPI_FUNC(PyObject *) _PyLong_DecimalString(PyObject *v);
/* Return a new reference: bin/oct/hex text ("0x1f", "-0b1").  base is 2, 8, 10 or 16. */
PyAPI_FUNC(PyObject *) _PyLong_Format(PyObject *v, int base);

/* Frexp of an int: v == m * 2**e with 0.5 <= |m| < 1; -1.0 with OverflowError when e does not
 * fit. */
PyAPI_FUNC(double) _PyLong_Frexp(PyLongObject *v, int64_t *e);

/* Modular hash of an int (sys.hash_info: modulus 2**61 - 1). */
#ifndef _PyHASH_BITS
#  define _PyHASH_BITS 61
#  define _PyHASH_MODULUS (((size_t)1 << _PyHASH_BITS) - 1)
#  define _PyHASH_INF 314159
#  define _PyHASH_IMAG 1000003UL
#endif
PyAPI_FUNC(Py_hash_t) _PyLong_Hash(PyObject *v);

/* The str<->int digit limit lives in the interpreter state (int_max_str_digits, runtime
 * room); 0 means no limit. */
#define _PY_LONG_DEFAULT_MAX_STR_DIGITS 4300
#define _PY_LONG_MAX_STR_DIGITS_THRESHOLD 640

/* Return a new reference: the sys.int_info struct sequence (same as PyLong_GetInfo). */
PyAPI_FUNC(PyObject *) _PyLong_GetIntInfo(void);

/* ceil/floor of a*b/... helpers used by math and the formatter. */
PyAPI_FUNC(PyObject *) _PyLong_GCD(PyObject *a, PyObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Rshift(PyObject *a, int64_t shiftby);
PyAPI_FUNC(PyObject *) _PyLong_Lshift(PyObject *a, int64_t shiftby);

/* Exact conversions to double (GMP values passed as mpz_srcptr through void *, so this
 * header does not need gmp.h): q * 2**e2 rounded half-even (sticky: the true value is a bit
 * above; q then has >= 2 bits more than kept), and num / den with num, den > 0. */
PyAPI_FUNC(double) _PyLong_RoundMpzToDouble(const void *q, int sticky, int64_t e2,
                                            int *overflow);
PyAPI_FUNC(double) _PyLong_MpzRatioToDouble(const void *num, const void *den, int *overflow);

/* Return a PyMem_Malloc'ed NUL-terminated string of the digits of abs(v) in base 2..36
 * (lowercase), its length in *len; NULL with an exception (ValueError for the str digits
 * limit). */
PyAPI_FUNC(char *) _PyLong_ToDigits(PyObject *v, int base, Py_ssize_t *len);

/* Vectorcall-style argument matching used by the number types and math: out[i] receives a
 * borrowed reference for names[i] when given.  The first nposonly parameters are
 * positional-only, parameters from maxpos on keyword-only, the first nrequired required.
 * 0, or -1 with TypeError. */
PyAPI_FUNC(int) _PyNumber_ParseArgs(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames, const char *const *names, int nparams,
                                    int nposonly, int maxpos, int nrequired, PyObject **out);

/* The math module's integer functions (new references; ints in, checked here). */
PyAPI_FUNC(PyObject *) _PyLong_Lcm(PyObject *a, PyObject *b);
PyAPI_FUNC(PyObject *) _PyLong_Isqrt(PyObject *n);
PyAPI_FUNC(PyObject *) _PyLong_Factorial(PyObject *n);
PyAPI_FUNC(PyObject *) _PyLong_CombPerm(PyObject *n, PyObject *k, int is_perm);

#endif /* Py_INTERNAL_LONG_H */
