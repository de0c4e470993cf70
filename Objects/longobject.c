/* The int type: arbitrary-precision integers.
 *
 * Representation (Include/longobject.h): sign and magnitude, ob_size = signed limb count,
 * long_value[] = 64-bit limbs, least significant first, top limb non-zero.  That is GMP's mpz
 * layout, so a read-only mpz view of an int costs nothing (mpz_roinit_n) and every big-value
 * operation is one GMP call followed by one copy into a fresh object (long_from_mpz).
 *
 * Values that fit in an int64_t ("compact") take fast paths that never touch GMP.  The ints
 * -5..256 are statically allocated, immortal and shared.
 *
 * Invariants: int objects are immutable after creation; every function that makes an int of
 * exact type goes through long_alloc or the small-int table.  GMP keeps no global mutable
 * state that we touch, so nothing here needs a lock in the free-threaded build. */

#include "Python.h"
#include "pycore_long.h"
#include "pycore_format.h"
#include "pycore_object.h"
#include "pycore_floatobject.h"
#include "pycore_pystate.h"
#include "pycore_interp.h"

#include <float.h>
#include <inttypes.h>
#include <gmp.h>

Py_BUILD_ASSERT(sizeof(mp_limb_t) == sizeof(_PyLong_Limb));
Py_BUILD_ASSERT(GMP_NUMB_BITS == 64);

#define LIMB_BITS 64

/* Largest magnitude (in bits) of an int we agree to build; past it we raise MemoryError
 * instead of letting GMP abort the process. */
#define MAX_RESULT_BITS ((int64_t)1 << 35)

/* Defined by the strings room (CPython's private name); only used for non-ASCII input. */
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode);

/* ---- the small-int table ------------------------------------------------------------------ */

PyLongObject _PyLong_SmallInts[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS] = {
    [0 ... _PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS - 1] = {
        PyVarObject_HEAD_INIT(&PyLong_Type, 0) {0}
    }
};

/* Fill in the values once, before main(); the objects are immutable afterwards. */
__attribute__((constructor)) static void
small_ints_init(void)
{
    for (int i = 0; i < _PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS; i++) {
        int v = i - _PY_NSMALLNEGINTS;
        PyLongObject *op = &_PyLong_SmallInts[i];
        op->ob_base.ob_size = v < 0 ? -1 : (v > 0 ? 1 : 0);
        op->long_value[0] = (uint64_t)(v < 0 ? -v : v);
    }
}

/* ---- allocation and conversion to/from GMP ----------------------------------------------- */

#define LONG(op) ((PyLongObject *)(op))
#define LSIZE(op) (LONG(op)->ob_base.ob_size)

/* Return a new int of exact type with room for nlimbs limbs and ob_size 0, or NULL with
 * MemoryError. */
static PyLongObject *
long_alloc(Py_ssize_t nlimbs)
{
    if (nlimbs < 1) {
        nlimbs = 1;
    }
    if ((uint64_t)nlimbs > (uint64_t)(MAX_RESULT_BITS / LIMB_BITS)) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t size = offsetof(PyLongObject, long_value) + (size_t)nlimbs * sizeof(_PyLong_Limb);
    PyLongObject *op = (PyLongObject *)PyObject_Malloc(size);
    if (op == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyObject_InitVar((PyVarObject *)op, &PyLong_Type, 0);
    return op;
}

static inline void
mpz_view(mpz_ptr z, PyObject *v)
{
    mpz_roinit_n(z, (const mp_limb_t *)LONG(v)->long_value, (mp_size_t)LSIZE(v));
}

/* Return a new reference (a small int when possible). */
PyObject *
_PyLong_FromInt64(int64_t v)
{
    if (v >= -_PY_NSMALLNEGINTS && v < _PY_NSMALLPOSINTS) {
        return _PyLong_SMALL_INT(v);
    }
    PyLongObject *op = long_alloc(1);
    if (op == NULL) {
        return NULL;
    }
    if (v < 0) {
        op->long_value[0] = (uint64_t)0 - (uint64_t)v;
        op->ob_base.ob_size = -1;
    }
    else {
        op->long_value[0] = (uint64_t)v;
        op->ob_base.ob_size = 1;
    }
    return (PyObject *)op;
}

/* Return a new reference. */
static PyObject *
long_from_uint64(uint64_t v, int negative)
{
    if (v <= (uint64_t)INT64_MAX) {
        return _PyLong_FromInt64(negative ? -(int64_t)v : (int64_t)v);
    }
    PyLongObject *op = long_alloc(1);
    if (op == NULL) {
        return NULL;
    }
    op->long_value[0] = v;
    op->ob_base.ob_size = negative ? -1 : 1;
    return (PyObject *)op;
}

/* Return a new reference: the value of z as an int of exact type. */
static PyObject *
long_from_mpz(mpz_srcptr z)
{
    Py_ssize_t n = (Py_ssize_t)mpz_size(z);
    if (n <= 1) {
        uint64_t limb = n ? mpz_getlimbn(z, 0) : 0;
        return long_from_uint64(limb, mpz_sgn(z) < 0);
    }
    PyLongObject *op = long_alloc(n);
    if (op == NULL) {
        return NULL;
    }
    memcpy(op->long_value, mpz_limbs_read(z), (size_t)n * sizeof(mp_limb_t));
    op->ob_base.ob_size = mpz_sgn(z) < 0 ? -n : n;
    return (PyObject *)op;
}

/* Return a new reference to an int of exact type equal to v (an int or int subclass). */
PyObject *
_PyLong_Copy(PyLongObject *src)
{
    if (PyLong_CheckExact(src)) {
        return Py_NewRef(src);
    }
    Py_ssize_t n = Py_ABS(src->ob_base.ob_size);
    if (n <= 1) {
        return long_from_uint64(n ? src->long_value[0] : 0, src->ob_base.ob_size < 0);
    }
    PyLongObject *op = long_alloc(n);
    if (op == NULL) {
        return NULL;
    }
    memcpy(op->long_value, src->long_value, (size_t)n * sizeof(_PyLong_Limb));
    op->ob_base.ob_size = src->ob_base.ob_size;
    return (PyObject *)op;
}

static inline int
both_compact(PyObject *a, PyObject *b)
{
    return _PyLong_IsCompact(a) && _PyLong_IsCompact(b);
}

static int64_t
long_bit_length_abs(PyObject *v)
{
    Py_ssize_t n = Py_ABS(LSIZE(v));
    if (n == 0) {
        return 0;
    }
    uint64_t top = LONG(v)->long_value[n - 1];
    return (int64_t)(n - 1) * LIMB_BITS + (64 - __builtin_clzll(top));
}

int64_t
_PyLong_NumBits(PyObject *v)
{
    return long_bit_length_abs(v);
}

int
_PyLong_Sign(PyObject *v)
{
    Py_ssize_t s = LSIZE(v);
    return s < 0 ? -1 : (s > 0);
}

int
PyLong_IsPositive(PyObject *v)
{
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "expected int");
        return -1;
    }
    return LSIZE(v) > 0;
}

int
PyLong_IsNegative(PyObject *v)
{
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "expected int");
        return -1;
    }
    return LSIZE(v) < 0;
}

int
PyLong_IsZero(PyObject *v)
{
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "expected int");
        return -1;
    }
    return LSIZE(v) == 0;
}

/* ---- constructors from C values ---------------------------------------------------------- */

PyObject *PyLong_FromLong(long v) { return _PyLong_FromInt64(v); }
PyObject *PyLong_FromLongLong(long long v) { return _PyLong_FromInt64(v); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return _PyLong_FromInt64(v); }
PyObject *PyLong_FromInt32(int32_t v) { return _PyLong_FromInt64(v); }
PyObject *PyLong_FromInt64(int64_t v) { return _PyLong_FromInt64(v); }
PyObject *PyLong_FromUnsignedLong(unsigned long v) { return long_from_uint64(v, 0); }
PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) { return long_from_uint64(v, 0); }
PyObject *PyLong_FromSize_t(size_t v) { return long_from_uint64(v, 0); }
PyObject *PyLong_FromUInt32(uint32_t v) { return long_from_uint64(v, 0); }
PyObject *PyLong_FromUInt64(uint64_t v) { return long_from_uint64(v, 0); }

PyObject *
PyLong_FromVoidPtr(void *p)
{
    return long_from_uint64((uint64_t)(uintptr_t)p, 0);
}

/* Return a new reference: the integer part of v (truncation toward zero). */
PyObject *
PyLong_FromDouble(double v)
{
    if (v > -9223372036854775808.0 && v < 9223372036854775808.0) {
        return _PyLong_FromInt64((int64_t)v);
    }
    if (isnan(v)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(v)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    mpz_t z;
    mpz_init_set_d(z, v);   /* exact: |v| >= 2**63 is an integer */
    PyObject *res = long_from_mpz(z);
    mpz_clear(z);
    return res;
}

/* ---- conversions to C values ------------------------------------------------------------- */

/* The DeprecationWarning for __int__/__index__ returning a strict subclass of int. */
static int
warn_strict_subclass(const char *method, PyObject *res)
{
    return PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                            "%s returned non-int (type %.200s).  The ability to return an "
                            "instance of a strict subclass of int is deprecated, and may be "
                            "removed in a future version of Python.",
                            method, Py_TYPE(res)->tp_name);
}

/* Return a new reference to an int of any int type: v itself or v.__index__(). */
static PyObject *
long_index_of(PyObject *v)
{
    if (PyLong_Check(v)) {
        return Py_NewRef(v);
    }
    PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
    if (nb == NULL || nb->nb_index == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(v)->tp_name);
        return NULL;
    }
    PyObject *res = nb->nb_index(v);
    if (res == NULL) {
        return NULL;
    }
    if (!PyLong_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__index__ returned non-int (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    if (!PyLong_CheckExact(res) && warn_strict_subclass("__index__", res) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* Store |v| in *mag when it fits in 64 bits; return 0, or 1 when it does not fit. */
static inline int
long_abs_u64(PyObject *v, uint64_t *mag)
{
    Py_ssize_t n = Py_ABS(LSIZE(v));
    if (n > 1) {
        return 1;
    }
    *mag = n ? LONG(v)->long_value[0] : 0;
    return 0;
}

/* The value of an int in [min, max]; sets *overflow to -1/+1 when outside. */
static int64_t
long_as_int64_range(PyObject *v, int *overflow)
{
    uint64_t mag;
    *overflow = 0;
    if (long_abs_u64(v, &mag)) {
        *overflow = LSIZE(v) < 0 ? -1 : 1;
        return -1;
    }
    if (LSIZE(v) < 0) {
        if (mag > (uint64_t)INT64_MAX + 1) {
            *overflow = -1;
            return -1;
        }
        return (int64_t)(0 - mag);
    }
    if (mag > (uint64_t)INT64_MAX) {
        *overflow = 1;
        return -1;
    }
    return (int64_t)mag;
}

long long
PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow)
{
    *overflow = 0;
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *v = long_index_of(obj);
    if (v == NULL) {
        return -1;
    }
    int64_t res = long_as_int64_range(v, overflow);
    Py_DECREF(v);
    return res;
}

long
PyLong_AsLongAndOverflow(PyObject *obj, int *overflow)
{
    return (long)PyLong_AsLongLongAndOverflow(obj, overflow);
}

static int64_t
long_as_signed(PyObject *obj, int64_t min, int64_t max, const char *ctype)
{
    int overflow;
    if (obj != NULL && PyLong_Check(obj) && _PyLong_IsCompact(obj)) {
        int64_t x = _PyLong_CompactValue(obj);
        if (x >= min && x <= max) {
            return x;
        }
    }
    int64_t x = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || x < min || x > max) {
        PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C %s", ctype);
        return -1;
    }
    return x;
}

long
PyLong_AsLong(PyObject *obj)
{
    return (long)long_as_signed(obj, LONG_MIN, LONG_MAX, "long");
}

int
PyLong_AsInt(PyObject *obj)
{
    return (int)long_as_signed(obj, INT_MIN, INT_MAX, "int");
}

long long
PyLong_AsLongLong(PyObject *obj)
{
    return (long long)long_as_signed(obj, LLONG_MIN, LLONG_MAX, "long long");
}

/* Unlike the others, PyLong_AsSsize_t does not call __index__. */
Py_ssize_t
PyLong_AsSsize_t(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    return (Py_ssize_t)long_as_signed(obj, PY_SSIZE_T_MIN, PY_SSIZE_T_MAX, "ssize_t");
}

static uint64_t
long_as_unsigned(PyObject *obj, uint64_t max, const char *ctype)
{
    uint64_t mag;
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return (uint64_t)-1;
    }
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return (uint64_t)-1;
    }
    if (LSIZE(obj) < 0) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative value to unsigned int");
        return (uint64_t)-1;
    }
    if (long_abs_u64(obj, &mag) || mag > max) {
        PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C %s", ctype);
        return (uint64_t)-1;
    }
    return mag;
}

unsigned long
PyLong_AsUnsignedLong(PyObject *obj)
{
    return (unsigned long)long_as_unsigned(obj, ULONG_MAX, "unsigned long");
}

unsigned long long
PyLong_AsUnsignedLongLong(PyObject *obj)
{
    return (unsigned long long)long_as_unsigned(obj, ULLONG_MAX, "unsigned long long");
}

size_t
PyLong_AsSize_t(PyObject *obj)
{
    return (size_t)long_as_unsigned(obj, SIZE_MAX, "size_t");
}

void *
PyLong_AsVoidPtr(PyObject *obj)
{
    if (PyLong_Check(obj) && LSIZE(obj) < 0) {
        return (void *)(intptr_t)PyLong_AsLongLong(obj);
    }
    return (void *)(uintptr_t)PyLong_AsUnsignedLongLong(obj);
}

/* The low 64 bits of the two's complement value. */
static uint64_t
long_low_bits(PyObject *v)
{
    uint64_t low = LSIZE(v) ? LONG(v)->long_value[0] : 0;
    return LSIZE(v) < 0 ? 0 - low : low;
}

unsigned long long
PyLong_AsUnsignedLongLongMask(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return (unsigned long long)-1;
    }
    PyObject *v = long_index_of(obj);
    if (v == NULL) {
        return (unsigned long long)-1;
    }
    uint64_t res = long_low_bits(v);
    Py_DECREF(v);
    return res;
}

unsigned long
PyLong_AsUnsignedLongMask(PyObject *obj)
{
    return (unsigned long)PyLong_AsUnsignedLongLongMask(obj);
}

/* ---- int -> double ----------------------------------------------------------------------- */

/* Round q * 2**e2 (q >= 0; when sticky is set the true value is slightly larger than that and
 * q has at least two more bits than are kept) to the nearest double, ties to even.  Sets
 * *overflow when the result is not finite. */
double
_PyLong_RoundMpzToDouble(const void *qp, int sticky, int64_t e2, int *overflow)
{
    mpz_srcptr q = (mpz_srcptr)qp;
    *overflow = 0;
    if (mpz_sgn(q) == 0) {
        return 0.0;
    }
    int64_t bits = (int64_t)mpz_sizeinbase(q, 2);
    int64_t top = bits + e2;   /* 2**(top-1) <= value < 2**top */
    if (top > DBL_MAX_EXP) {
        *overflow = 1;
        return HUGE_VAL;
    }
    int64_t keep = DBL_MANT_DIG;
    if (top - keep < DBL_MIN_EXP - DBL_MANT_DIG) {
        keep = top - (DBL_MIN_EXP - DBL_MANT_DIG);   /* subnormal result */
    }
    if (keep < 0) {
        return 0.0;
    }
    int64_t drop = bits - keep;
    uint64_t m;
    if (drop <= 0) {
        m = mpz_get_ui(q);
        drop = 0;
    }
    else {
        mpz_t t;
        mpz_init(t);
        mpz_tdiv_q_2exp(t, q, (mp_bitcnt_t)drop);
        m = mpz_get_ui(t);
        mpz_clear(t);
        if (mpz_tstbit(q, (mp_bitcnt_t)(drop - 1))) {
            int rest = sticky || (int64_t)mpz_scan1(q, 0) < drop - 1;
            if (rest || (m & 1)) {
                m++;
            }
        }
    }
    double res = ldexp((double)m, (int)(drop + e2));
    if (isinf(res)) {
        *overflow = 1;
    }
    return res;
}

/* |v| as a double, or with *overflow set. */
static double
long_abs_to_double(PyObject *v, int *overflow)
{
    *overflow = 0;
    uint64_t mag;
    if (!long_abs_u64(v, &mag) && mag <= ((uint64_t)1 << DBL_MANT_DIG)) {
        return (double)mag;
    }
    mpz_t z;
    mpz_view(z, v);
    mpz_t a;
    mpz_roinit_n(a, mpz_limbs_read(z), (mp_size_t)mpz_size(z));
    return _PyLong_RoundMpzToDouble(a, 0, 0, overflow);
}

double
PyLong_AsDouble(PyObject *v)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1.0;
    }
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    if (_PyLong_IsCompact(v)) {
        return (double)_PyLong_CompactValue(v);
    }
    int overflow;
    double x = long_abs_to_double(v, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return LSIZE(v) < 0 ? -x : x;
}

double
_PyLong_Frexp(PyLongObject *v, int64_t *e)
{
    int64_t bits = long_bit_length_abs((PyObject *)v);
    if (bits == 0) {
        *e = 0;
        return 0.0;
    }
    /* Take the top (at most) 64 bits; truncation is fine at this precision for log(). */
    mpz_t z, t;
    mpz_view(z, (PyObject *)v);
    mpz_init(t);
    int64_t shift = bits > 64 ? bits - 64 : 0;
    mpz_tdiv_q_2exp(t, z, (mp_bitcnt_t)shift);
    double top = (double)mpz_get_ui(t);
    mpz_clear(t);
    int ex;
    double m = frexp(top, &ex);
    *e = ex + shift;
    return LSIZE(v) < 0 ? -m : m;
}

/* ---- byte arrays -------------------------------------------------------------------------- */

/* Return a new reference. */
PyObject *
_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian, int is_signed)
{
    if (n == 0) {
        return _PyLong_GetZero();
    }
    if (n > (size_t)(MAX_RESULT_BITS / 8)) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t nlimbs = (n + 7) / 8;
    uint64_t *limbs = PyMem_Calloc(nlimbs, sizeof(uint64_t));
    if (limbs == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    unsigned char msb = little_endian ? bytes[n - 1] : bytes[0];
    int negative = is_signed && (msb & 0x80);
    /* For a negative value the magnitude is 2**(8n) - value: complement and add one, byte by
     * byte from the least significant. */
    unsigned int carry = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = little_endian ? bytes[i] : bytes[n - 1 - i];
        if (negative) {
            unsigned int x = (unsigned int)(unsigned char)~b + carry;
            carry = x >> 8;
            b = (unsigned char)x;
        }
        limbs[i / 8] |= (uint64_t)b << (8 * (i % 8));
    }
    mpz_t z;
    mpz_roinit_n(z, (const mp_limb_t *)limbs, (mp_size_t)nlimbs);   /* normalises */
    mpz_t s;
    mpz_init_set(s, z);
    if (negative) {
        mpz_neg(s, s);
    }
    PyMem_Free(limbs);
    PyObject *res = long_from_mpz(s);
    mpz_clear(s);
    return res;
}

int
_PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian,
                    int is_signed, int with_exceptions)
{
    PyObject *ov = (PyObject *)v;
    int negative = LSIZE(ov) < 0;
    if (negative && !is_signed) {
        if (with_exceptions) {
            PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        }
        return -1;
    }
    Py_ssize_t nlimbs = Py_ABS(LSIZE(ov));
    int64_t bits = long_bit_length_abs(ov);
    int fits = (uint64_t)bits <= (uint64_t)n * 8;
    /* Write the low n bytes of the two's complement value, little-endian first. */
    int carry = 1;
    for (size_t i = 0; i < n; i++) {
        size_t li = i / 8;
        unsigned char b = 0;
        if (li < (size_t)nlimbs) {
            b = (unsigned char)(v->long_value[li] >> (8 * (i % 8)));
        }
        if (negative) {
            unsigned int x = (unsigned char)~b + (unsigned int)carry;
            carry = x > 0xff;
            b = (unsigned char)x;
        }
        bytes[little_endian ? i : n - 1 - i] = b;
    }
    if (fits && is_signed && bits > 0 && n > 0) {
        unsigned char msb = bytes[little_endian ? n - 1 : 0];
        if (((msb & 0x80) != 0) != negative) {
            fits = 0;
        }
    }
    if (n == 0 && bits > 0) {
        fits = 0;
    }
    if (!fits) {
        if (with_exceptions) {
            PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        }
        return -1;
    }
    return 0;
}

Py_ssize_t
PyLong_AsNativeBytes(PyObject *obj, void *buffer, Py_ssize_t n_bytes, int flags)
{
    if (obj == NULL || n_bytes < 0) {
        PyErr_BadInternalCall();
        return -1;
    }
    int little = 1;
    if (flags != -1) {
        little = (flags & 3) == Py_ASNATIVEBYTES_BIG_ENDIAN ? 0 : 1;
    }
    PyObject *v;
    if (PyLong_Check(obj)) {
        v = Py_NewRef(obj);
    }
    else if (flags != -1 && (flags & Py_ASNATIVEBYTES_ALLOW_INDEX)) {
        v = long_index_of(obj);
        if (v == NULL) {
            return -1;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "expect int, got %s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    int negative = LSIZE(v) < 0;
    if (negative && flags != -1 && (flags & Py_ASNATIVEBYTES_REJECT_NEGATIVE)) {
        PyErr_SetString(PyExc_ValueError, "Cannot convert negative int");
        Py_DECREF(v);
        return -1;
    }
    /* bytes needed for the two's complement value (with a sign bit unless the buffer is
     * unsigned and the value non-negative) */
    int64_t nbits;
    if (negative) {
        mpz_t z, t;
        mpz_view(z, v);
        mpz_init(t);
        mpz_abs(t, z);
        mpz_sub_ui(t, t, 1);
        nbits = mpz_sgn(t) ? (int64_t)mpz_sizeinbase(t, 2) : 0;
        mpz_clear(t);
    }
    else {
        nbits = long_bit_length_abs(v);
    }
    int unsigned_buf = flags != -1 && (flags & Py_ASNATIVEBYTES_UNSIGNED_BUFFER);
    Py_ssize_t need;
    if (!negative && unsigned_buf) {
        need = nbits ? (Py_ssize_t)((nbits + 7) / 8) : 1;
    }
    else {
        need = (Py_ssize_t)(nbits / 8 + 1);
    }
    unsigned char *out = buffer;
    for (Py_ssize_t i = 0; i < n_bytes; i++) {
        /* byte i (little-endian) of the two's complement value */
        int64_t bitpos = (int64_t)i * 8;
        mpz_t z;
        mpz_view(z, v);
        unsigned char b = 0;
        for (int k = 0; k < 8; k++) {
            if (mpz_tstbit(z, (mp_bitcnt_t)(bitpos + k))) {
                b |= (unsigned char)(1u << k);
            }
        }
        out[little ? i : n_bytes - 1 - i] = b;
    }
    Py_DECREF(v);
    return need;
}

PyObject *
PyLong_FromNativeBytes(const void *buffer, size_t n_bytes, int flags)
{
    int little = 1;
    if (flags != -1) {
        little = (flags & 3) == Py_ASNATIVEBYTES_BIG_ENDIAN ? 0 : 1;
    }
    int is_signed = flags == -1 || !(flags & Py_ASNATIVEBYTES_UNSIGNED_BUFFER);
    return _PyLong_FromByteArray(buffer, n_bytes, little, is_signed);
}

PyObject *
PyLong_FromUnsignedNativeBytes(const void *buffer, size_t n_bytes, int flags)
{
    int little = 1;
    if (flags != -1) {
        little = (flags & 3) == Py_ASNATIVEBYTES_BIG_ENDIAN ? 0 : 1;
    }
    return _PyLong_FromByteArray(buffer, n_bytes, little, 0);
}

/* ---- str <-> int ---------------------------------------------------------------------------- */

static int
max_str_digits(void)
{
    /* Before start-up (or in a thread without a thread state) use the default. */
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    if (tstate == NULL || tstate->interp == NULL) {
        return _PY_LONG_DEFAULT_MAX_STR_DIGITS;
    }
    return tstate->interp->int_max_str_digits;
}

static int
is_pow2_base(int base)
{
    return (base & (base - 1)) == 0;
}

/* Return a PyMem_Malloc'ed NUL-terminated string of the digits of |v| in base (lowercase),
 * length in *len; NULL with an exception (ValueError for the digit limit in base 10). */
char *
_PyLong_ToDigits(PyObject *v, int base, Py_ssize_t *len)
{
    uint64_t mag;
    if (!long_abs_u64(v, &mag)) {
        /* one limb: no GMP, no limit check needed (at most 64 digits) */
        char tmp[72];
        char *p = tmp + sizeof(tmp);
        do {
            unsigned d = (unsigned)(mag % (unsigned)base);
            *--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
            mag /= (unsigned)base;
        } while (mag != 0);
        Py_ssize_t n = tmp + sizeof(tmp) - p;
        char *buf = PyMem_Malloc((size_t)n + 1);
        if (buf == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        memcpy(buf, p, (size_t)n);
        buf[n] = '\0';
        *len = n;
        return buf;
    }
    if (!is_pow2_base(base)) {
        int limit = max_str_digits();
        int64_t bits = long_bit_length_abs(v);
        if (limit > 0 && (double)(bits - 1) * 0.30102999566398 >= (double)limit + 1) {
            goto too_many;
        }
    }
    mpz_t z, a;
    mpz_view(z, v);
    mpz_roinit_n(a, mpz_limbs_read(z), (mp_size_t)mpz_size(z));
    size_t cap = mpz_sizeinbase(a, base) + 2;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    mpz_get_str(buf, base, a);
    *len = (Py_ssize_t)strlen(buf);
    if (!is_pow2_base(base)) {
        int limit = max_str_digits();
        if (limit > 0 && *len > limit) {
            PyMem_Free(buf);
            goto too_many;
        }
    }
    return buf;
too_many:
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; use "
                 "sys.set_int_max_str_digits() to increase the limit",
                 max_str_digits());
    return NULL;
}

/* Return a new reference: str(v). */
PyObject *
_PyLong_DecimalString(PyObject *v)
{
    if (_PyLong_IsCompact(v)) {
        /* digits right to left into the end of buf */
        char buf[24];
        char *p = buf + sizeof(buf);
        int64_t x = _PyLong_CompactValue(v);
        uint64_t mag = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        do {
            *--p = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag != 0);
        if (x < 0) {
            *--p = '-';
        }
        return PyUnicode_FromStringAndSize(p, buf + sizeof(buf) - p);
    }
    Py_ssize_t len;
    char *digits = _PyLong_ToDigits(v, 10, &len);
    if (digits == NULL) {
        return NULL;
    }
    PyObject *res;
    if (LSIZE(v) < 0) {
        res = PyUnicode_FromFormat("-%s", digits);
    }
    else {
        res = PyUnicode_FromStringAndSize(digits, len);
    }
    PyMem_Free(digits);
    return res;
}

static PyObject *
long_repr(PyObject *v)
{
    return _PyLong_DecimalString(v);
}

/* Return a new reference: "0b101", "-0o7", "0x1f" or the decimal text. */
PyObject *
_PyLong_Format(PyObject *v, int base)
{
    if (base == 10) {
        return _PyLong_DecimalString(v);
    }
    const char *prefix = base == 2 ? "0b" : (base == 8 ? "0o" : "0x");
    Py_ssize_t len;
    char *digits = _PyLong_ToDigits(v, base, &len);
    if (digits == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("%s%s%s", LSIZE(v) < 0 ? "-" : "", prefix, digits);
    PyMem_Free(digits);
    return res;
}

static int
digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

static int
ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Parse s[0:len] as an int literal in base (0, 2..36) following int()'s rules.  Return a new
 * reference, or NULL: with an exception set, or with no exception when the literal is merely
 * invalid (the caller reports it). */
static PyObject *
long_parse(const char *s, Py_ssize_t len, int base)
{
    const char *end = s + len;
    while (s < end && ascii_space((unsigned char)*s)) {
        s++;
    }
    while (end > s && ascii_space((unsigned char)end[-1])) {
        end--;
    }
    int negative = 0;
    if (s < end && (*s == '+' || *s == '-')) {
        negative = *s == '-';
        s++;
    }
    int prefix_base = 0;
    if (end - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        prefix_base = c == 'x' ? 16 : (c == 'o' ? 8 : (c == 'b' ? 2 : 0));
    }
    int allow_leading_underscore = 0;
    int zeros_only = 0;
    if (base == 0) {
        if (prefix_base) {
            base = prefix_base;
            s += 2;
            allow_leading_underscore = 1;
        }
        else {
            base = 10;
            zeros_only = s < end && s[0] == '0';
        }
    }
    else if (prefix_base && prefix_base == base) {
        s += 2;
        allow_leading_underscore = 1;
    }
    if (allow_leading_underscore && s < end && *s == '_') {
        s++;
    }
    Py_ssize_t n = end - s;
    if (n <= 0) {
        return NULL;
    }
    char stackbuf[64];
    char *buf = n < (Py_ssize_t)sizeof(stackbuf) ? stackbuf : PyMem_Malloc((size_t)n + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t ndigits = 0;
    int prev_underscore = 1;   /* a leading underscore is invalid */
    for (const char *p = s; p < end; p++) {
        if (*p == '_') {
            if (prev_underscore) {
                goto invalid;
            }
            prev_underscore = 1;
            continue;
        }
        if (digit_value((unsigned char)*p) >= base) {
            goto invalid;
        }
        if (zeros_only && *p != '0') {
            goto invalid;
        }
        buf[ndigits++] = *p;
        prev_underscore = 0;
    }
    if (prev_underscore || ndigits == 0) {
        goto invalid;
    }
    buf[ndigits] = '\0';
    PyObject *res;
    uint64_t acc = 0;
    int fits = ndigits <= 64;
    for (Py_ssize_t i = 0; fits && i < ndigits; i++) {
        fits = !__builtin_mul_overflow(acc, (uint64_t)base, &acc) &&
               !__builtin_add_overflow(acc, (uint64_t)digit_value((unsigned char)buf[i]), &acc);
    }
    if (fits) {
        res = long_from_uint64(acc, negative);
    }
    else {
        if (!is_pow2_base(base)) {
            int limit = max_str_digits();
            if (limit > 0 && ndigits > limit) {
                PyErr_Format(PyExc_ValueError,
                             "Exceeds the limit (%d digits) for integer string conversion: "
                             "value has %zd digits; use sys.set_int_max_str_digits() to "
                             "increase the limit",
                             limit, ndigits);
                res = NULL;
                goto done;
            }
        }
        if ((double)ndigits * log2((double)base) > (double)MAX_RESULT_BITS) {
            PyErr_NoMemory();
            res = NULL;
            goto done;
        }
        mpz_t z;
        mpz_init(z);
        mpz_set_str(z, buf, base);
        if (negative) {
            mpz_neg(z, z);
        }
        res = long_from_mpz(z);
        mpz_clear(z);
    }
done:
    if (buf != stackbuf) {
        PyMem_Free(buf);
    }
    return res;
invalid:
    if (buf != stackbuf) {
        PyMem_Free(buf);
    }
    return NULL;
}

static PyObject *
invalid_literal(int base, PyObject *orig)
{
    PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %.200R", base, orig);
    return NULL;
}

static int
check_base(int64_t base)
{
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return -1;
    }
    return 0;
}

PyObject *
_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    PyObject *res = long_parse(s, len, base);
    if (res == NULL && !PyErr_Occurred()) {
        PyObject *orig = PyBytes_FromStringAndSize(s, len);
        if (orig != NULL) {
            invalid_literal(base, orig);
            Py_DECREF(orig);
        }
    }
    return res;
}

PyObject *
PyLong_FromString(const char *str, char **pend, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    Py_ssize_t len = (Py_ssize_t)strlen(str);
    if (pend != NULL) {
        *pend = (char *)str + len;
    }
    PyObject *res = long_parse(str, len, base);
    if (res == NULL && !PyErr_Occurred()) {
        Py_ssize_t shown = len > 200 ? 200 : len;
        PyObject *orig = PyUnicode_FromStringAndSize(str, shown);
        if (orig != NULL) {
            invalid_literal(base, orig);
            Py_DECREF(orig);
        }
    }
    return res;
}

PyObject *
PyLong_FromUnicodeObject(PyObject *u, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    Py_ssize_t len;
    PyObject *ascii = NULL;
    int need_transform = 0;
    const char *s = PyUnicode_AsUTF8AndSize(u, &len);
    if (s == NULL) {
        /* lone surrogates cannot be UTF-8 encoded: the transform turns them into '?' */
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            return NULL;
        }
        PyErr_Clear();
        need_transform = 1;
    }
    for (Py_ssize_t i = 0; !need_transform && i < len; i++) {
        need_transform = (unsigned char)s[i] >= 0x80;
    }
    if (need_transform) {
        ascii = _PyUnicode_TransformDecimalAndSpaceToASCII(u);
        if (ascii == NULL) {
            return NULL;
        }
        s = PyUnicode_AsUTF8AndSize(ascii, &len);
        if (s == NULL) {
            Py_DECREF(ascii);
            return NULL;
        }
    }
    PyObject *res = long_parse(s, len, base);
    Py_XDECREF(ascii);
    if (res == NULL && !PyErr_Occurred()) {
        invalid_literal(base, u);
    }
    return res;
}

/* int(x) for a str, bytes or bytearray x. */
static PyObject *
long_from_text(PyObject *x, int base)
{
    if (PyUnicode_Check(x)) {
        return PyLong_FromUnicodeObject(x, base);
    }
    if (check_base(base) < 0) {
        return NULL;
    }
    const char *s;
    Py_ssize_t len;
    if (PyBytes_Check(x)) {
        s = PyBytes_AS_STRING(x);
        len = PyBytes_GET_SIZE(x);
    }
    else {
        s = PyByteArray_AS_STRING(x);
        len = PyByteArray_GET_SIZE(x);
    }
    if (memchr(s, '\0', (size_t)len) != NULL) {
        return invalid_literal(base, x);
    }
    PyObject *res = long_parse(s, len, base);
    if (res == NULL && !PyErr_Occurred()) {
        invalid_literal(base, x);
    }
    return res;
}

/* ---- argument parsing shared by the number types ------------------------------------------
 * out[i] receives a borrowed reference for names[i] (or stays as the caller initialised it).
 * The first nposonly parameters are positional-only, parameters from maxpos on are
 * keyword-only, the first nrequired are required. */
int
_PyNumber_ParseArgs(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                    PyObject *kwnames, const char *const *names, int nparams, int nposonly,
                    int maxpos, int nrequired, PyObject **out)
{
    if (nargs > maxpos) {
        if (maxpos == 0) {
            PyErr_Format(PyExc_TypeError, "%s() takes no positional arguments", fname);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "%s() takes at most %d positional argument%s (%zd given)", fname,
                         maxpos, maxpos == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        const char *kname = PyUnicode_AsUTF8AndSize(key, NULL);
        if (kname == NULL) {
            return -1;
        }
        int found = -1;
        for (int i = nposonly; i < nparams; i++) {
            if (strcmp(names[i], kname) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'",
                         fname, kname);
            return -1;
        }
        if (found < nargs) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)", fname,
                         kname, found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (out[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %d)",
                         fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* ---- int() ------------------------------------------------------------------------------ */

/* Return a new reference: int(x) of exact type (PyNumber_Long's rules). */
static PyObject *
long_from_object(PyObject *x)
{
    if (PyLong_CheckExact(x)) {
        return Py_NewRef(x);
    }
    PyNumberMethods *nb = Py_TYPE(x)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL) {
        PyObject *res = nb->nb_int(x);
        if (res == NULL) {
            return NULL;
        }
        if (!PyLong_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__int__ returned non-int (type %.200s)",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        if (!PyLong_CheckExact(res) && warn_strict_subclass("__int__", res) < 0) {
            Py_DECREF(res);
            return NULL;
        }
        Py_SETREF(res, _PyLong_Copy((PyLongObject *)res));
        return res;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        PyObject *res = long_index_of(x);
        if (res == NULL) {
            return NULL;
        }
        Py_SETREF(res, _PyLong_Copy((PyLongObject *)res));
        return res;
    }
    PyObject *trunc = _PyType_LookupRef(Py_TYPE(x), _Py_ID(__trunc__));
    if (trunc != NULL) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "The delegation of int() to __trunc__ is deprecated.", 1) < 0) {
            Py_DECREF(trunc);
            return NULL;
        }
        /* bind through the descriptor's __get__, as a special method lookup does */
        descrgetfunc get = Py_TYPE(trunc)->tp_descr_get;
        if (get != NULL) {
            Py_SETREF(trunc, get(trunc, x, (PyObject *)Py_TYPE(x)));
            if (trunc == NULL) {
                return NULL;
            }
        }
        PyObject *res = PyObject_CallNoArgs(trunc);
        Py_DECREF(trunc);
        if (res == NULL) {
            return NULL;
        }
        if (!PyLong_Check(res)) {
            PyObject *idx = NULL;
            PyNumberMethods *rnb = Py_TYPE(res)->tp_as_number;
            if (rnb != NULL && rnb->nb_index != NULL) {
                idx = long_index_of(res);
            }
            else {
                PyErr_Format(PyExc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                             Py_TYPE(res)->tp_name);
            }
            Py_DECREF(res);
            if (idx == NULL) {
                return NULL;
            }
            res = idx;
        }
        Py_SETREF(res, _PyLong_Copy((PyLongObject *)res));
        return res;
    }
    if (PyUnicode_Check(x) || PyBytes_Check(x) || PyByteArray_Check(x)) {
        return long_from_text(x, 10);
    }
    if (PyObject_CheckBuffer(x)) {
        /* any other bytes-like object (memoryview, array, ...): parse a bytes copy */
        PyObject *copy = PyBytes_FromObject(x);
        if (copy == NULL) {
            return NULL;
        }
        PyObject *res = long_from_text(copy, 10);
        Py_DECREF(copy);
        return res;
    }
    PyErr_Format(PyExc_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, "
                 "not '%.200s'",
                 Py_TYPE(x)->tp_name);
    return NULL;
}

/* Return a new reference: int(x, base) of exact type. */
static PyObject *
long_new_exact(PyObject *x, PyObject *obase)
{
    if (obase == NULL) {
        if (x == NULL) {
            return _PyLong_GetZero();
        }
        return long_from_object(x);
    }
    if (x == NULL) {
        PyErr_SetString(PyExc_TypeError, "int() missing string argument");
        return NULL;
    }
    PyObject *b = long_index_of(obase);
    if (b == NULL) {
        return NULL;
    }
    int overflow;
    int64_t base = long_as_int64_range(b, &overflow);
    Py_DECREF(b);
    if (overflow || check_base(base) < 0) {
        if (overflow) {
            PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        return NULL;
    }
    if (!(PyUnicode_Check(x) || PyBytes_Check(x) || PyByteArray_Check(x))) {
        PyErr_SetString(PyExc_TypeError, "int() can't convert non-string with explicit base");
        return NULL;
    }
    return long_from_text(x, (int)base);
}

/* Return a new reference: an instance of the int subclass type with the value of v (an exact
 * int, stolen). */
static PyObject *
long_subtype_from(PyTypeObject *type, PyObject *v)
{
    if (v == NULL) {
        return NULL;
    }
    Py_ssize_t n = Py_ABS(LSIZE(v));
    PyObject *obj = type->tp_alloc(type, n);
    if (obj == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    ((PyVarObject *)obj)->ob_size = LSIZE(v);
    if (n > 0) {
        memcpy(LONG(obj)->long_value, LONG(v)->long_value, (size_t)n * sizeof(_PyLong_Limb));
    }
    Py_DECREF(v);
    return obj;
}

static PyObject *
long_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *x = NULL, *obase = NULL;
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "int expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (nargs >= 1) {
        x = PyTuple_GET_ITEM(args, 0);
    }
    if (nargs == 2) {
        obase = PyTuple_GET_ITEM(args, 1);
    }
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8AndSize(key, NULL) : NULL;
            if (k != NULL && strcmp(k, "base") == 0 && obase == NULL) {
                obase = value;
                continue;
            }
            if (k != NULL && strcmp(k, "base") == 0) {
                PyErr_SetString(PyExc_TypeError,
                                "argument for int() given by name ('base') and position (2)");
                return NULL;
            }
            PyErr_Format(PyExc_TypeError, "int() got an unexpected keyword argument '%U'", key);
            return NULL;
        }
    }
    if (type != &PyLong_Type) {
        if (!PyType_IsSubtype(type, &PyLong_Type)) {
            PyErr_Format(PyExc_TypeError, "int.__new__(%s): %s is not a subtype of int",
                         type->tp_name, type->tp_name);
            return NULL;
        }
        if (type == &PyBool_Type) {
            PyErr_SetString(PyExc_TypeError,
                            "int.__new__(bool) is not safe, use bool.__new__()");
            return NULL;
        }
        return long_subtype_from(type, long_new_exact(x, obase));
    }
    return long_new_exact(x, obase);
}

/* int(...) without an argument tuple: the type's tp_vectorcall. */
static PyObject *
long_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = (Py_ssize_t)(nargsf & ~((size_t)1 << (8 * sizeof(size_t) - 1)));
    if (type != (PyObject *)&PyLong_Type) {
        /* not reached for subclasses (they have their own tp_vectorcall); be safe */
        PyErr_BadInternalCall();
        return NULL;
    }
    static const char *const names[] = {"x", "base"};
    PyObject *out[2] = {NULL, NULL};
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "int expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (_PyNumber_ParseArgs("int", args, nargs, kwnames, names, 2, 1, 2, 0, out) < 0) {
        return NULL;
    }
    return long_new_exact(out[0], out[1]);
}

/* ---- arithmetic ---------------------------------------------------------------------------- */

#define CHECK_BINOP(a, b)                                                                     \
    do {                                                                                      \
        if (!PyLong_Check(a) || !PyLong_Check(b)) {                                           \
            Py_RETURN_NOTIMPLEMENTED;                                                         \
        }                                                                                     \
    } while (0)

typedef void (*mpz_binop)(mpz_ptr, mpz_srcptr, mpz_srcptr);

/* Return a new reference: op(a, b) computed by GMP. */
static PyObject *
long_mpz_binop(PyObject *a, PyObject *b, mpz_binop op)
{
    mpz_t za, zb, r;
    mpz_view(za, a);
    mpz_view(zb, b);
    mpz_init(r);
    op(r, za, zb);
    PyObject *res = long_from_mpz(r);
    mpz_clear(r);
    return res;
}

PyObject *
_PyLong_Add(PyLongObject *a, PyLongObject *b)
{
    if (both_compact((PyObject *)a, (PyObject *)b)) {
        int64_t r;
        if (!__builtin_add_overflow(_PyLong_CompactValue(a), _PyLong_CompactValue(b), &r)) {
            return _PyLong_FromInt64(r);
        }
    }
    return long_mpz_binop((PyObject *)a, (PyObject *)b, mpz_add);
}

PyObject *
_PyLong_Subtract(PyLongObject *a, PyLongObject *b)
{
    if (both_compact((PyObject *)a, (PyObject *)b)) {
        int64_t r;
        if (!__builtin_sub_overflow(_PyLong_CompactValue(a), _PyLong_CompactValue(b), &r)) {
            return _PyLong_FromInt64(r);
        }
    }
    return long_mpz_binop((PyObject *)a, (PyObject *)b, mpz_sub);
}

PyObject *
_PyLong_Multiply(PyLongObject *a, PyLongObject *b)
{
    if (both_compact((PyObject *)a, (PyObject *)b)) {
        int64_t r;
        if (!__builtin_mul_overflow(_PyLong_CompactValue(a), _PyLong_CompactValue(b), &r)) {
            return _PyLong_FromInt64(r);
        }
    }
    if (long_bit_length_abs((PyObject *)a) + long_bit_length_abs((PyObject *)b) >
        MAX_RESULT_BITS) {
        return PyErr_NoMemory();
    }
    return long_mpz_binop((PyObject *)a, (PyObject *)b, mpz_mul);
}

static PyObject *
long_add(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Add(LONG(a), LONG(b));
}

static PyObject *
long_sub(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Subtract(LONG(a), LONG(b));
}

static PyObject *
long_mul(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Multiply(LONG(a), LONG(b));
}

/* Floor division and modulo; either output may be NULL.  0 or -1. */
static int
long_divmod_impl(PyObject *a, PyObject *b, PyObject **pq, PyObject **pr, const char *zmsg)
{
    if (LSIZE(b) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, zmsg);
        return -1;
    }
    if (both_compact(a, b)) {
        int64_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        if (!(x == INT64_MIN && y == -1)) {
            int64_t q = x / y, r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) {
                q -= 1;
                r += y;
            }
            if (pq != NULL) {
                *pq = _PyLong_FromInt64(q);
                if (*pq == NULL) {
                    return -1;
                }
            }
            if (pr != NULL) {
                *pr = _PyLong_FromInt64(r);
                if (*pr == NULL) {
                    if (pq != NULL) {
                        Py_CLEAR(*pq);
                    }
                    return -1;
                }
            }
            return 0;
        }
    }
    mpz_t za, zb, q, r;
    mpz_view(za, a);
    mpz_view(zb, b);
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, za, zb);
    int rc = 0;
    if (pq != NULL) {
        *pq = long_from_mpz(q);
        if (*pq == NULL) {
            rc = -1;
        }
    }
    if (rc == 0 && pr != NULL) {
        *pr = long_from_mpz(r);
        if (*pr == NULL) {
            if (pq != NULL) {
                Py_CLEAR(*pq);
            }
            rc = -1;
        }
    }
    mpz_clear(q);
    mpz_clear(r);
    return rc;
}

static PyObject *
long_floordiv(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *q;
    if (long_divmod_impl(a, b, &q, NULL, "integer division or modulo by zero") < 0) {
        return NULL;
    }
    return q;
}

static PyObject *
long_mod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *r;
    if (long_divmod_impl(a, b, NULL, &r, "integer modulo by zero") < 0) {
        return NULL;
    }
    return r;
}

static PyObject *
long_divmod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *q, *r;
    if (long_divmod_impl(a, b, &q, &r, "integer division or modulo by zero") < 0) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(2, q, r);
    Py_DECREF(q);
    Py_DECREF(r);
    return res;
}

/* num / den (both > 0) correctly rounded; *overflow set when not finite. */
double
_PyLong_MpzRatioToDouble(const void *nump, const void *denp, int *overflow)
{
    mpz_srcptr n0 = (mpz_srcptr)nump, d0 = (mpz_srcptr)denp;
    int64_t na = (int64_t)mpz_sizeinbase(n0, 2), nb = (int64_t)mpz_sizeinbase(d0, 2);
    *overflow = 0;
    if (na - nb > DBL_MAX_EXP + 1) {
        *overflow = 1;
        return HUGE_VAL;
    }
    if (nb - na > -(DBL_MIN_EXP - DBL_MANT_DIG) + 2) {
        return 0.0;
    }
    int64_t shift = nb - na + DBL_MANT_DIG + 2;   /* the quotient gets >= 55 bits */
    mpz_t num, den, q, r;
    mpz_init(num);
    mpz_init(den);
    mpz_init(q);
    mpz_init(r);
    if (shift >= 0) {
        mpz_mul_2exp(num, n0, (mp_bitcnt_t)shift);
        mpz_set(den, d0);
    }
    else {
        mpz_set(num, n0);
        mpz_mul_2exp(den, d0, (mp_bitcnt_t)-shift);
    }
    mpz_tdiv_qr(q, r, num, den);
    double x = _PyLong_RoundMpzToDouble(q, mpz_sgn(r) != 0, -shift, overflow);
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(q);
    mpz_clear(r);
    return x;
}

/* a / b correctly rounded; -1.0 with an exception on error. */
static double
long_true_divide_double(PyObject *a, PyObject *b, int *failed)
{
    *failed = 0;
    if (LSIZE(b) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        *failed = 1;
        return -1.0;
    }
    int negative = (LSIZE(a) < 0) != (LSIZE(b) < 0);
    if (LSIZE(a) == 0) {
        return negative ? -0.0 : 0.0;
    }
    uint64_t ma, mb;
    const uint64_t exact = (uint64_t)1 << DBL_MANT_DIG;
    if (!long_abs_u64(a, &ma) && !long_abs_u64(b, &mb) && ma <= exact && mb <= exact) {
        double r = (double)ma / (double)mb;
        return negative ? -r : r;
    }
    mpz_t za, zb, num, den;
    mpz_view(za, a);
    mpz_view(zb, b);
    mpz_init(num);
    mpz_init(den);
    mpz_abs(num, za);
    mpz_abs(den, zb);
    int overflow;
    double x = _PyLong_MpzRatioToDouble(num, den, &overflow);
    mpz_clear(num);
    mpz_clear(den);
    if (overflow) {
        goto overflow;
    }
    return negative ? -x : x;
overflow:
    PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
    *failed = 1;
    return -1.0;
}

static PyObject *
long_true_divide(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int failed;
    double x = long_true_divide_double(a, b, &failed);
    if (failed) {
        return NULL;
    }
    return PyFloat_FromDouble(x);
}

static PyObject *
long_pow(PyObject *v, PyObject *w, PyObject *x)
{
    CHECK_BINOP(v, w);
    if (x != Py_None && !PyLong_Check(x)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (x == Py_None) {
        if (LSIZE(w) < 0) {
            /* a negative exponent gives a float */
            double fv = PyLong_AsDouble(v);
            if (fv == -1.0 && PyErr_Occurred()) {
                return NULL;
            }
            double fw = PyLong_AsDouble(w);
            if (fw == -1.0 && PyErr_Occurred()) {
                return NULL;
            }
            PyObject *a = PyFloat_FromDouble(fv);
            if (a == NULL) {
                return NULL;
            }
            PyObject *b = PyFloat_FromDouble(fw);
            if (b == NULL) {
                Py_DECREF(a);
                return NULL;
            }
            PyObject *res = PyFloat_Type.tp_as_number->nb_power(a, b, Py_None);
            Py_DECREF(a);
            Py_DECREF(b);
            return res;
        }
        if (_PyLong_IsCompact(v) && _PyLong_IsCompact(w)) {
            int64_t base = _PyLong_CompactValue(v), e = _PyLong_CompactValue(w), r = 1;
            int ok = 1;
            while (e > 0 && ok) {
                if (e & 1) {
                    ok = !__builtin_mul_overflow(r, base, &r);
                }
                e >>= 1;
                if (e > 0 && ok) {
                    ok = !__builtin_mul_overflow(base, base, &base);
                }
            }
            if (ok) {
                return _PyLong_FromInt64(r);
            }
        }
        uint64_t e;
        int64_t vbits = long_bit_length_abs(v);
        if (vbits <= 1) {
            /* 0, 1 and -1 to any power */
            if (LSIZE(v) == 0) {
                return _PyLong_FromInt64(LSIZE(w) == 0 ? 1 : 0);
            }
            if (LSIZE(v) > 0) {
                return _PyLong_GetOne();
            }
            return _PyLong_FromInt64((long_low_bits(w) & 1) ? -1 : 1);
        }
        if (long_abs_u64(w, &e) || (double)(vbits - 1) * (double)e > (double)MAX_RESULT_BITS) {
            return PyErr_NoMemory();
        }
        mpz_t zv, r;
        mpz_view(zv, v);
        mpz_init(r);
        mpz_pow_ui(r, zv, (unsigned long)e);
        PyObject *res = long_from_mpz(r);
        mpz_clear(r);
        return res;
    }
    /* three-argument pow */
    if (LSIZE(x) == 0) {
        PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    mpz_t zv, zw, zx, m, r;
    mpz_view(zv, v);
    mpz_view(zw, w);
    mpz_view(zx, x);
    mpz_init(m);
    mpz_init(r);
    mpz_abs(m, zx);
    PyObject *res = NULL;
    if (mpz_cmp_ui(m, 1) == 0) {
        res = _PyLong_GetZero();
        goto done;
    }
    if (mpz_sgn(zw) < 0) {
        mpz_t inv;
        mpz_init(inv);
        if (!mpz_invert(inv, zv, m)) {
            mpz_clear(inv);
            PyErr_SetString(PyExc_ValueError, "base is not invertible for the given modulus");
            goto done;
        }
        mpz_t ew;
        mpz_init(ew);
        mpz_neg(ew, zw);
        mpz_powm(r, inv, ew, m);
        mpz_clear(ew);
        mpz_clear(inv);
    }
    else {
        mpz_powm(r, zv, zw, m);
    }
    if (mpz_sgn(zx) < 0 && mpz_sgn(r) != 0) {
        mpz_sub(r, r, m);
    }
    res = long_from_mpz(r);
done:
    mpz_clear(m);
    mpz_clear(r);
    return res;
}

static PyObject *
long_neg(PyObject *v)
{
    if (_PyLong_IsCompact(v)) {
        return _PyLong_FromInt64(-_PyLong_CompactValue(v));
    }
    mpz_t z, r;
    mpz_view(z, v);
    mpz_init(r);
    mpz_neg(r, z);
    PyObject *res = long_from_mpz(r);
    mpz_clear(r);
    return res;
}

static PyObject *
long_pos(PyObject *v)
{
    return _PyLong_Copy(LONG(v));
}

static PyObject *
long_abs(PyObject *v)
{
    if (LSIZE(v) < 0) {
        return long_neg(v);
    }
    return _PyLong_Copy(LONG(v));
}

static int
long_bool(PyObject *v)
{
    return LSIZE(v) != 0;
}

static PyObject *
long_invert(PyObject *v)
{
    if (_PyLong_IsCompact(v)) {
        return _PyLong_FromInt64(~_PyLong_CompactValue(v));
    }
    mpz_t z, r;
    mpz_view(z, v);
    mpz_init(r);
    mpz_com(r, z);
    PyObject *res = long_from_mpz(r);
    mpz_clear(r);
    return res;
}

PyObject *
_PyLong_Lshift(PyObject *a, int64_t shift)
{
    if (LSIZE(a) == 0 || shift == 0) {
        return _PyLong_Copy(LONG(a));
    }
    if (_PyLong_IsCompact(a) && shift < 63) {
        int64_t x = _PyLong_CompactValue(a);
        int64_t lim = INT64_MAX >> shift;
        if (x <= lim && x >= -lim) {
            return _PyLong_FromInt64((int64_t)((uint64_t)x << shift));
        }
    }
    if (shift > MAX_RESULT_BITS) {
        return PyErr_NoMemory();
    }
    mpz_t z, r;
    mpz_view(z, a);
    mpz_init(r);
    mpz_mul_2exp(r, z, (mp_bitcnt_t)shift);
    PyObject *res = long_from_mpz(r);
    mpz_clear(r);
    return res;
}

PyObject *
_PyLong_Rshift(PyObject *a, int64_t shift)
{
    if (_PyLong_IsCompact(a)) {
        int64_t x = _PyLong_CompactValue(a);
        return _PyLong_FromInt64(shift >= 63 ? (x < 0 ? -1 : 0) : (x >> shift));
    }
    if (shift >= long_bit_length_abs(a)) {
        return _PyLong_FromInt64(LSIZE(a) < 0 ? -1 : 0);
    }
    mpz_t z, r;
    mpz_view(z, a);
    mpz_init(r);
    mpz_fdiv_q_2exp(r, z, (mp_bitcnt_t)shift);
    PyObject *res = long_from_mpz(r);
    mpz_clear(r);
    return res;
}

/* The shift count of b as an int64 (saturated); -1 with ValueError when negative. */
static int
shift_count(PyObject *b, int64_t *count)
{
    if (LSIZE(b) < 0) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return -1;
    }
    int overflow;
    *count = long_as_int64_range(b, &overflow);
    if (overflow) {
        *count = INT64_MAX;
    }
    return 0;
}

static PyObject *
long_lshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t n;
    if (shift_count(b, &n) < 0) {
        return NULL;
    }
    return _PyLong_Lshift(a, n);
}

static PyObject *
long_rshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t n;
    if (shift_count(b, &n) < 0) {
        return NULL;
    }
    return _PyLong_Rshift(a, n);
}

static PyObject *
long_and(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (both_compact(a, b)) {
        return _PyLong_FromInt64(_PyLong_CompactValue(a) & _PyLong_CompactValue(b));
    }
    return long_mpz_binop(a, b, mpz_and);
}

static PyObject *
long_or(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (both_compact(a, b)) {
        return _PyLong_FromInt64(_PyLong_CompactValue(a) | _PyLong_CompactValue(b));
    }
    return long_mpz_binop(a, b, mpz_ior);
}

static PyObject *
long_xor(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (both_compact(a, b)) {
        return _PyLong_FromInt64(_PyLong_CompactValue(a) ^ _PyLong_CompactValue(b));
    }
    return long_mpz_binop(a, b, mpz_xor);
}

static PyObject *
long_long(PyObject *v)
{
    return _PyLong_Copy(LONG(v));
}

static PyObject *
long_float(PyObject *v)
{
    double x = PyLong_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(x);
}

/* ---- comparison and hashing ---------------------------------------------------------------- */

int
_PyLong_Compare(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t sa = a->ob_base.ob_size, sb = b->ob_base.ob_size;
    if (sa != sb) {
        return sa < sb ? -1 : 1;
    }
    Py_ssize_t n = Py_ABS(sa);
    int c = n ? mpn_cmp((const mp_limb_t *)a->long_value, (const mp_limb_t *)b->long_value, n)
              : 0;
    c = c < 0 ? -1 : (c > 0);
    return sa < 0 ? -c : c;
}

static PyObject *
long_richcompare(PyObject *a, PyObject *b, int op)
{
    CHECK_BINOP(a, b);
    int c = a == b ? 0 : _PyLong_Compare(LONG(a), LONG(b));
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

Py_hash_t
_PyLong_Hash(PyObject *v)
{
    const uint64_t P = _PyHASH_MODULUS;
    Py_ssize_t n = Py_ABS(LSIZE(v));
    if (n <= 1) {
        /* one limb: a single reduction (limb mod P is limb when it is below P) */
        uint64_t limb = n ? LONG(v)->long_value[0] : 0;
        Py_hash_t r = (Py_hash_t)(limb < P ? limb : limb % P);
        if (LSIZE(v) < 0) {
            r = -r;
        }
        return r == -1 ? -2 : r;
    }
    uint64_t h = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        /* h = (h * 2**64 + limb) mod P */
        unsigned __int128 t = ((unsigned __int128)h << 64) | LONG(v)->long_value[i];
        h = (uint64_t)(t % P);
    }
    Py_hash_t res = (Py_hash_t)h;
    if (LSIZE(v) < 0) {
        res = -res;
    }
    if (res == -1) {
        res = -2;
    }
    return res;
}

static Py_hash_t
long_hash(PyObject *v)
{
    return _PyLong_Hash(v);
}

/* ---- methods ------------------------------------------------------------------------------ */

static PyObject *
long_bit_length(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyLong_FromInt64(long_bit_length_abs(self));
}

static PyObject *
long_bit_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = Py_ABS(LSIZE(self));
    int64_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        count += __builtin_popcountll(LONG(self)->long_value[i]);
    }
    return _PyLong_FromInt64(count);
}

/* fname: the method named in the error message ("to_bytes" or "from_bytes"). */
static int
parse_byteorder(PyObject *obj, int *little, const char *fname)
{
    if (obj == NULL) {
        *little = 0;
        return 0;
    }
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 'byteorder' must be str, not %.50s",
                     fname, Py_TYPE(obj)->tp_name);
        return -1;
    }
    const char *s = PyUnicode_AsUTF8AndSize(obj, NULL);
    if (s == NULL) {
        return -1;
    }
    if (strcmp(s, "little") == 0) {
        *little = 1;
    }
    else if (strcmp(s, "big") == 0) {
        *little = 0;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static PyObject *
long_to_bytes(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    PyObject *out[3] = {NULL, NULL, NULL};
    if (_PyNumber_ParseArgs("to_bytes", args, nargs, kwnames, names, 3, 0, 2, 0, out) < 0) {
        return NULL;
    }
    Py_ssize_t length = 1;
    if (out[0] != NULL) {
        PyObject *l = long_index_of(out[0]);
        if (l == NULL) {
            return NULL;
        }
        length = PyLong_AsSsize_t(l);
        Py_DECREF(l);
        if (length == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (length < 0) {
            PyErr_SetString(PyExc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little;
    if (parse_byteorder(out[1], &little, "to_bytes") < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (out[2] != NULL) {
        is_signed = PyObject_IsTrue(out[2]);
        if (is_signed < 0) {
            return NULL;
        }
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL) {
        return NULL;
    }
    if (_PyLong_AsByteArray(LONG(self), (unsigned char *)PyBytes_AS_STRING(bytes),
                            (size_t)length, little, is_signed, 1) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *
long_from_bytes(PyObject *cls, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    PyObject *out[3] = {NULL, NULL, NULL};
    if (_PyNumber_ParseArgs("from_bytes", args, nargs, kwnames, names, 3, 0, 2, 1, out) < 0) {
        return NULL;
    }
    int little;
    if (parse_byteorder(out[1], &little, "from_bytes") < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (out[2] != NULL) {
        is_signed = PyObject_IsTrue(out[2]);
        if (is_signed < 0) {
            return NULL;
        }
    }
    PyObject *bytes = PyObject_Bytes(out[0]);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *res = _PyLong_FromByteArray((const unsigned char *)PyBytes_AS_STRING(bytes),
                                          (size_t)PyBytes_GET_SIZE(bytes), little, is_signed);
    Py_DECREF(bytes);
    if (res != NULL && (PyTypeObject *)cls != &PyLong_Type) {
        Py_SETREF(res, PyObject_CallOneArg(cls, res));
    }
    return res;
}

static PyObject *
long_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *n = _PyLong_Copy(LONG(self));
    if (n == NULL) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(2, n, _PyLong_GetOne());
    Py_DECREF(n);
    return res;
}

static PyObject *
long_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyObject *
long_self_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyLong_Copy(LONG(self));
}

static PyObject *
long_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0) {
        return _PyLong_Copy(LONG(self));
    }
    PyObject *nd = long_index_of(args[0]);
    if (nd == NULL) {
        return NULL;
    }
    if (LSIZE(nd) >= 0) {
        Py_DECREF(nd);
        return _PyLong_Copy(LONG(self));
    }
    /* round to a multiple of 10**k, k = -ndigits > 0, ties to even */
    int overflow;
    int64_t k = -long_as_int64_range(nd, &overflow);
    Py_DECREF(nd);
    double digits = (double)long_bit_length_abs(self) * 0.30102999566398 + 2;
    if (overflow || (double)k > digits) {
        return _PyLong_GetZero();
    }
    mpz_t z, m, q, r;
    mpz_view(z, self);
    mpz_init(m);
    mpz_init(q);
    mpz_init(r);
    mpz_ui_pow_ui(m, 10, (unsigned long)k);
    mpz_fdiv_qr(q, r, z, m);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, m);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, m);
    PyObject *res = long_from_mpz(q);
    mpz_clear(m);
    mpz_clear(q);
    mpz_clear(r);
    return res;
}

static PyObject *
long_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *v = _PyLong_Copy(LONG(self));
    if (v == NULL) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(1, v);
    Py_DECREF(v);
    return res;
}

static PyObject *
long_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = Py_ABS(LSIZE(self));
    if (n < 1) {
        n = 1;
    }
    return _PyLong_FromInt64((int64_t)(Py_TYPE(self)->tp_basicsize +
                                       n * (Py_ssize_t)sizeof(_PyLong_Limb)));
}

static PyObject *
long_format_method(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyLong_FormatSpec(self, spec);
}

static PyObject *
long_get_zero(PyObject *self, void *Py_UNUSED(closure))
{
    return _PyLong_GetZero();
}

static PyObject *
long_get_one(PyObject *self, void *Py_UNUSED(closure))
{
    return _PyLong_GetOne();
}

static PyObject *
long_get_self(PyObject *self, void *Py_UNUSED(closure))
{
    return _PyLong_Copy(LONG(self));
}

static PyMethodDef long_methods[] = {
    {"conjugate", long_self_copy, METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", long_bit_length, METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", long_bit_count, METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", _PyCFunction_CAST(long_to_bytes), METH_FASTCALL | METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", _PyCFunction_CAST(long_from_bytes),
     METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", long_as_integer_ratio, METH_NOARGS,
     "Return a pair of integers, whose ratio is equal to the original int."},
    {"is_integer", long_is_integer, METH_NOARGS, "Returns True. Exists for duck type "
                                                 "compatibility with float.is_integer."},
    {"__trunc__", long_self_copy, METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", long_self_copy, METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", long_self_copy, METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", _PyCFunction_CAST(long_round), METH_FASTCALL,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns "
     "an integer."},
    {"__getnewargs__", long_getnewargs, METH_NOARGS, NULL},
    {"__format__", long_format_method, METH_O, "Convert to a string according to format_spec."},
    {"__sizeof__", long_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef long_getset[] = {
    {"real", long_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", long_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", long_get_self, NULL, "the numerator of a rational number in lowest terms",
     NULL},
    {"denominator", long_get_one, NULL, "the denominator of a rational number in lowest terms",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void
long_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyNumberMethods long_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_pos,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floordiv,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};

PyTypeObject PyLong_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "int",
    .tp_basicsize = offsetof(PyLongObject, long_value),
    .tp_itemsize = sizeof(_PyLong_Limb),
    .tp_dealloc = long_dealloc,
    .tp_repr = long_repr,
    .tp_as_number = &long_as_number,
    .tp_hash = long_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.",
    .tp_richcompare = long_richcompare,
    .tp_methods = long_methods,
    .tp_getset = long_getset,
    .tp_new = long_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = long_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyLong_Type);

/* ---- sys.int_info ---------------------------------------------------------------------- */

static PyStructSequence_Field int_info_fields[] = {
    {"bits_per_digit", "size of a digit in bits"},
    {"sizeof_digit", "size in bytes of the C type used to represent a digit"},
    {"default_max_str_digits", "maximum string conversion digits limitation"},
    {"str_digits_check_threshold", "minimum positive value for int_max_str_digits"},
    {NULL, NULL},
};

static PyStructSequence_Desc int_info_desc = {
    "sys.int_info",
    "sys.int_info\n\nA named tuple that holds information about Python's\n"
    "internal representation of integers.  The attributes are read only.",
    int_info_fields,
    4,
};

/* Created on first use and never changed afterwards; published with a compare-and-swap so
 * that two threads racing to create it agree on one type (the loser drops its copy). */
static PyTypeObject *int_info_type;

PyObject *
PyLong_GetInfo(void)
{
    PyTypeObject *type = _Py_atomic_load_ptr_acquire(&int_info_type);
    if (type == NULL) {
        PyTypeObject *t = PyStructSequence_NewType(&int_info_desc);
        if (t == NULL) {
            return NULL;
        }
        PyTypeObject *expected = NULL;
        if (_Py_atomic_compare_exchange_ptr(&int_info_type, &expected, t)) {
            type = t;
        }
        else {
            Py_DECREF(t);
            type = expected;
        }
    }
    PyObject *info = PyStructSequence_New(type);
    if (info == NULL) {
        return NULL;
    }
    long values[4] = {LIMB_BITS, sizeof(_PyLong_Limb), _PY_LONG_DEFAULT_MAX_STR_DIGITS,
                      _PY_LONG_MAX_STR_DIGITS_THRESHOLD};
    for (int i = 0; i < 4; i++) {
        PyObject *v = PyLong_FromLong(values[i]);
        if (v == NULL) {
            Py_DECREF(info);
            return NULL;
        }
        PyStructSequence_SetItem(info, i, v);
    }
    return info;
}

PyObject *
_PyLong_GetIntInfo(void)
{
    return PyLong_GetInfo();
}

PyObject *
_PyLong_GCD(PyObject *a, PyObject *b)
{
    if (both_compact(a, b)) {
        uint64_t x = (uint64_t)llabs(_PyLong_CompactValue(a));
        uint64_t y = (uint64_t)llabs(_PyLong_CompactValue(b));
        while (y != 0) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return long_from_uint64(x, 0);
    }
    return long_mpz_binop(a, b, mpz_gcd);
}

/* ---- integer functions for the math module (GMP does the work) ------------------------- */

PyObject *
_PyLong_Lcm(PyObject *a, PyObject *b)
{
    PyObject *res = long_mpz_binop(a, b, mpz_lcm);   /* GMP's lcm is non-negative */
    return res;
}

/* Return a new reference: isqrt(n) for an int n >= 0. */
PyObject *
_PyLong_Isqrt(PyObject *n)
{
    if (LSIZE(n) < 0) {
        PyErr_SetString(PyExc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    mpz_t z, r;
    mpz_view(z, n);
    mpz_init(r);
    mpz_sqrt(r, z);
    PyObject *res = long_from_mpz(r);
    mpz_clear(r);
    return res;
}

/* Return a new reference: n! for an int n. */
PyObject *
_PyLong_Factorial(PyObject *n)
{
    int overflow;
    int64_t x = long_as_int64_range(n, &overflow);
    if (overflow > 0) {
        PyErr_Format(PyExc_OverflowError, "factorial() argument should not exceed %ld",
                     LONG_MAX);
        return NULL;
    }
    if (overflow < 0 || x < 0) {
        PyErr_SetString(PyExc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    if ((double)x * log2((double)x + 1) > (double)MAX_RESULT_BITS) {
        return PyErr_NoMemory();
    }
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)x);
    PyObject *res = long_from_mpz(r);
    mpz_clear(r);
    return res;
}

/* Return a new reference: comb(n, k) (perm when is_perm) for ints n, k >= 0 (checked here). */
PyObject *
_PyLong_CombPerm(PyObject *n, PyObject *k, int is_perm)
{
    if (LSIZE(n) < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a non-negative integer");
        return NULL;
    }
    if (LSIZE(k) < 0) {
        PyErr_SetString(PyExc_ValueError, "k must be a non-negative integer");
        return NULL;
    }
    if (_PyLong_Compare(LONG(k), LONG(n)) > 0) {
        return _PyLong_GetZero();
    }
    mpz_t zn, zk, r, t;
    mpz_view(zn, n);
    mpz_view(zk, k);
    mpz_init(r);
    mpz_init(t);
    PyObject *res = NULL;
    if (!is_perm) {
        /* use min(k, n - k) */
        mpz_sub(t, zn, zk);
        if (mpz_cmp(t, zk) > 0) {
            mpz_set(t, zk);
        }
        if (!mpz_fits_ulong_p(t)) {
            PyErr_Format(PyExc_OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
            goto done;
        }
        unsigned long kk = mpz_get_ui(t);
        if ((double)kk * (double)mpz_sizeinbase(zn, 2) > (double)MAX_RESULT_BITS) {
            PyErr_NoMemory();
            goto done;
        }
        mpz_bin_ui(r, zn, kk);
    }
    else {
        if (!mpz_fits_ulong_p(zk)) {
            PyErr_Format(PyExc_OverflowError, "k must not exceed %lld", LLONG_MAX);
            goto done;
        }
        unsigned long kk = mpz_get_ui(zk);
        if ((double)kk * (double)mpz_sizeinbase(zn, 2) > (double)MAX_RESULT_BITS) {
            PyErr_NoMemory();
            goto done;
        }
        /* n! / (n-k)! = C(n, k) * k! */
        mpz_bin_ui(r, zn, kk);
        mpz_fac_ui(t, kk);
        mpz_mul(r, r, t);
    }
    res = long_from_mpz(r);
done:
    mpz_clear(r);
    mpz_clear(t);
    return res;
}
