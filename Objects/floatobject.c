/* The float type: an IEEE 754 binary64 value.
 *
 * repr() is the shortest string that round-trips (Python/dtoa.c); parsing is correctly
 * rounded (Python/pystrtod.c).  Comparisons with ints are exact; hashing agrees with int
 * hashing for integral values (both reduce modulo 2**61 - 1).  Rounding with ndigits and
 * fromhex use exact GMP arithmetic, so they are correctly rounded too. */

#include "Python.h"
#include "pycore_qsbr.h"
#include "pycore_gc.h"
#include "pycore_long.h"
#include "pycore_floatobject.h"
#include "pycore_format.h"
#include "pycore_object.h"

#include <float.h>
#include <ctype.h>
#include <inttypes.h>
#include <gmp.h>

#define FVAL(op) (((PyFloatObject *)(op))->ob_fval)

/* Defined by the strings room (CPython's private name); only used for non-ASCII input. */
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode);

/* ---- creation ------------------------------------------------------------------------------ */

/* A per-thread cache of freed exact floats, so that float arithmetic mostly skips the
 * allocator.  Thread-local, so no lock is needed in either build; a thread that exits leaves at
 * most FLOAT_FREELIST_MAX objects behind.  Reusing the memory at once is no different from
 * mimalloc reusing a freed block at once (see Python/qsbr.c for the invariant).  A cached
 * object's ob_fval slot holds the next pointer. */
#define FLOAT_FREELIST_MAX 100

typedef struct {
    PyFloatObject *head;
    int count;
} float_freelist_t;

static _Thread_local float_freelist_t float_freelist;

PyObject *
PyFloat_FromDouble(double x)
{
    float_freelist_t *fl = &float_freelist;
    PyFloatObject *op = fl->head;
    if (op != NULL) {
        memcpy(&fl->head, &op->ob_fval, sizeof(PyFloatObject *));
        fl->count--;
    }
    else {
        op = (PyFloatObject *)PyObject_Malloc(sizeof(PyFloatObject));
        if (op == NULL) {
            return PyErr_NoMemory();
        }
    }
    _PyObject_Init((PyObject *)op, &PyFloat_Type);
    op->ob_fval = x;
    return (PyObject *)op;
}

static void
float_dealloc(PyObject *op)
{
    float_freelist_t *fl = &float_freelist;
    /* Reused at once: not if lock-free readers may still look at it (QSBR, obmalloc.c). */
    if (PyFloat_CheckExact(op) && fl->count < FLOAT_FREELIST_MAX &&
        (!_PyObject_GC_IS_SHARED(op) || _Py_qsbr_single_thread())) {
        PyFloatObject *f = (PyFloatObject *)op;
        memcpy(&f->ob_fval, &fl->head, sizeof(PyFloatObject *));
        fl->head = f;
        fl->count++;
        return;
    }
    Py_TYPE(op)->tp_free(op);
}

/* Release this thread's cached floats: the free list lives in the thread's storage, which
 * goes away with the thread. */
void
_PyFloat_ClearFreeList(void)
{
    float_freelist_t *fl = &float_freelist;
    while (fl->head != NULL) {
        PyFloatObject *f = fl->head;
        memcpy(&fl->head, &f->ob_fval, sizeof(PyFloatObject *));
        PyObject_Free(f);
    }
    fl->count = 0;
}

double
PyFloat_GetMax(void)
{
    return DBL_MAX;
}

double
PyFloat_GetMin(void)
{
    return DBL_MIN;
}

/* Is c whitespace for float()/complex() purposes (ASCII; non-ASCII space was already mapped
 * to ' ' by the strings room)? */
static int
float_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Copy s[0:len] to a PyMem buffer without surrounding whitespace and with the underscores
 * removed; NULL with no exception when the underscores are misplaced (an underscore must sit
 * between two digits), NULL with MemoryError on failure. */
char *
_PyFloat_CleanDigits(const char *s, Py_ssize_t len, Py_ssize_t *outlen)
{
    const char *end = s + len;
    while (s < end && float_space((unsigned char)*s)) {
        s++;
    }
    while (end > s && float_space((unsigned char)end[-1])) {
        end--;
    }
    char *buf = PyMem_Malloc((size_t)(end - s) + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t n = 0;
    for (const char *p = s; p < end; p++) {
        if (*p == '_') {
            int ok = p > s && p + 1 < end && isdigit((unsigned char)p[-1]) &&
                     isdigit((unsigned char)p[1]);
            if (!ok) {
                PyMem_Free(buf);
                return NULL;
            }
            continue;
        }
        buf[n++] = *p;
    }
    buf[n] = '\0';
    *outlen = n;
    return buf;
}

static PyObject *
float_bad_string(PyObject *orig)
{
    PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", orig);
    return NULL;
}

/* Return a new reference: float(v) for a str, bytes or bytearray v. */
PyObject *
PyFloat_FromString(PyObject *v)
{
    const char *s;
    Py_ssize_t len;
    PyObject *ascii = NULL;
    if (PyUnicode_Check(v)) {
        int need_transform = 0;
        s = PyUnicode_AsUTF8AndSize(v, &len);
        if (s == NULL) {
            /* lone surrogates: the transform turns them into '?' */
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
            ascii = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
            if (ascii == NULL) {
                return NULL;
            }
            s = PyUnicode_AsUTF8AndSize(ascii, &len);
            if (s == NULL) {
                Py_DECREF(ascii);
                return NULL;
            }
        }
    }
    else if (PyBytes_Check(v)) {
        s = PyBytes_AS_STRING(v);
        len = PyBytes_GET_SIZE(v);
    }
    else if (PyByteArray_Check(v)) {
        s = PyByteArray_AS_STRING(v);
        len = PyByteArray_GET_SIZE(v);
    }
    else if (PyObject_CheckBuffer(v)) {
        /* any other bytes-like object: parse a bytes copy, report errors with v */
        PyObject *copy = PyBytes_FromObject(v);
        if (copy == NULL) {
            return NULL;
        }
        PyObject *res = PyFloat_FromString(copy);
        Py_DECREF(copy);
        if (res == NULL && PyErr_ExceptionMatches(PyExc_ValueError)) {
            PyErr_Clear();
            return float_bad_string(v);
        }
        return res;
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "float() argument must be a string or a real number, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        return NULL;
    }
    if (strlen(s) != (size_t)len) {
        /* an embedded NUL */
        Py_XDECREF(ascii);
        return float_bad_string(v);
    }
    Py_ssize_t n;
    char *buf = _PyFloat_CleanDigits(s, len, &n);
    Py_XDECREF(ascii);
    if (buf == NULL) {
        return PyErr_Occurred() ? NULL : float_bad_string(v);
    }
    char *end;
    double x = PyOS_string_to_double(buf, &end, NULL);
    int bad = (x == -1.0 && PyErr_Occurred()) || n == 0 || *end != '\0';
    PyMem_Free(buf);
    if (bad) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_ValueError)) {
            return NULL;
        }
        PyErr_Clear();
        return float_bad_string(v);
    }
    return PyFloat_FromDouble(x);
}

double
PyFloat_AsDouble(PyObject *op)
{
    if (op == NULL) {
        PyErr_BadArgument();
        return -1.0;
    }
    if (PyFloat_Check(op)) {
        return FVAL(op);
    }
    if (PyLong_CheckExact(op)) {
        return PyLong_AsDouble(op);
    }
    PyNumberMethods *nb = Py_TYPE(op)->tp_as_number;
    if (nb == NULL || nb->nb_float == NULL) {
        if (nb != NULL && nb->nb_index != NULL) {
            PyObject *res = nb->nb_index(op);
            if (res == NULL) {
                return -1.0;
            }
            if (!PyLong_Check(res)) {
                PyErr_Format(PyExc_TypeError, "__index__ returned non-int (type %.200s)",
                             Py_TYPE(res)->tp_name);
                Py_DECREF(res);
                return -1.0;
            }
            double x = PyLong_AsDouble(res);
            Py_DECREF(res);
            return x;
        }
        PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(op)->tp_name);
        return -1.0;
    }
    PyObject *res = nb->nb_float(op);
    if (res == NULL) {
        return -1.0;
    }
    if (!PyFloat_Check(res)) {
        PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                     Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1.0;
    }
    double x = FVAL(res);
    Py_DECREF(res);
    return x;
}

/* Return a new reference: float(x) of exact type (PyNumber_Float's rules: __float__ first,
 * even for float subclasses, then __index__, then text). */
static PyObject *
float_from_object(PyObject *x)
{
    if (PyFloat_CheckExact(x)) {
        return Py_NewRef(x);
    }
    PyNumberMethods *nb = Py_TYPE(x)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        PyObject *res = nb->nb_float(x);
        if (res == NULL || PyFloat_CheckExact(res)) {
            return res;
        }
        if (!PyFloat_Check(res)) {
            PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                         Py_TYPE(x)->tp_name, Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "%.50s.__float__ returned non-float (type %.50s).  The ability "
                             "to return an instance of a strict subclass of float is "
                             "deprecated, and may be removed in a future version of Python.",
                             Py_TYPE(x)->tp_name, Py_TYPE(res)->tp_name) < 0) {
            Py_DECREF(res);
            return NULL;
        }
        Py_SETREF(res, PyFloat_FromDouble(FVAL(res)));
        return res;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        double v = PyFloat_AsDouble(x);
        if (v == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return PyFloat_FromDouble(v);
    }
    if (PyFloat_Check(x)) {
        return PyFloat_FromDouble(FVAL(x));
    }
    return PyFloat_FromString(x);
}

static PyObject *
float_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* A subclass with its own __init__ may take keywords; float() itself takes none. */
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        (type == &PyFloat_Type || type->tp_init == PyFloat_Type.tp_init)) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *res = nargs ? float_from_object(PyTuple_GET_ITEM(args, 0)) : PyFloat_FromDouble(0.0);
    if (res == NULL || type == &PyFloat_Type) {
        return res;
    }
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj != NULL) {
        FVAL(obj) = FVAL(res);
    }
    Py_DECREF(res);
    return obj;
}

/* float(...) without an argument tuple: the type's tp_vectorcall. */
static PyObject *
float_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = (Py_ssize_t)(nargsf & ~((size_t)1 << (8 * sizeof(size_t) - 1)));
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (type != (PyObject *)&PyFloat_Type) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return nargs ? float_from_object(args[0]) : PyFloat_FromDouble(0.0);
}

/* ---- repr, hash ---------------------------------------------------------------------------- */

PyObject *
_PyFloat_Repr(double x)
{
    char *s = PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (s == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromString(s);
    PyMem_Free(s);
    return res;
}

static PyObject *
float_repr(PyObject *v)
{
    return _PyFloat_Repr(FVAL(v));
}

static Py_hash_t
pointer_hash(const void *p)
{
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    Py_hash_t h = (Py_hash_t)y;
    return h == -1 ? -2 : h;
}

Py_hash_t
_PyFloat_HashDouble(PyObject *inst, double v)
{
    if (!isfinite(v)) {
        if (isinf(v)) {
            return v > 0 ? _PyHASH_INF : -_PyHASH_INF;
        }
        return pointer_hash(inst);
    }
    if (v == 0.0) {
        return 0;
    }
    int e;
    double m = frexp(fabs(v), &e);   /* |v| = M * 2**(e - 53), M < 2**53 < modulus */
    uint64_t h = (uint64_t)ldexp(m, 53);
    int64_t k = ((int64_t)e - 53) % _PyHASH_BITS;
    if (k < 0) {
        k += _PyHASH_BITS;
    }
    /* multiplying by 2**k modulo 2**61 - 1 is a 61-bit rotation */
    const uint64_t P = _PyHASH_MODULUS;
    h = ((h << k) & P) | (h >> (_PyHASH_BITS - k));
    if (h == P) {
        h = 0;
    }
    Py_hash_t res = v < 0 ? -(Py_hash_t)h : (Py_hash_t)h;
    return res == -1 ? -2 : res;
}

static Py_hash_t
float_hash(PyObject *v)
{
    return _PyFloat_HashDouble(v, FVAL(v));
}

/* ---- comparison ----------------------------------------------------------------------------- */

/* Compare double x with int n exactly: -1, 0, 1 (x < n, ==, >); x must not be NaN.  -2 with
 * an exception on failure. */
static int
compare_double_long(double x, PyObject *n)
{
    if (isinf(x)) {
        return x > 0 ? 1 : -1;
    }
    if (_PyLong_IsCompact(n)) {
        int64_t i = _PyLong_CompactValue(n);
        if (i >= -((int64_t)1 << 53) && i <= ((int64_t)1 << 53)) {
            double d = (double)i;
            return x < d ? -1 : (x > d ? 1 : 0);
        }
    }
    double fl = floor(x);
    PyObject *fi = PyLong_FromDouble(fl);
    if (fi == NULL) {
        return -2;
    }
    int c = _PyLong_Compare((PyLongObject *)fi, (PyLongObject *)n);
    Py_DECREF(fi);
    if (c != 0) {
        return c;
    }
    return x > fl ? 1 : 0;
}

static PyObject *
float_richcompare(PyObject *v, PyObject *w, int op)
{
    double x = FVAL(v);
    if (PyFloat_Check(w)) {
        double y = FVAL(w);
        Py_RETURN_RICHCOMPARE(x, y, op);
    }
    if (!PyLong_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (isnan(x)) {
        return PyBool_FromLong(op == Py_NE);
    }
    int c = compare_double_long(x, w);
    if (c == -2) {
        return NULL;
    }
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- arithmetic ----------------------------------------------------------------------------- */

/* Convert an operand to double: 1 ok, 0 not a number type we know (NotImplemented), -1
 * error. */
static int
to_double(PyObject *obj, double *x)
{
    if (PyFloat_Check(obj)) {
        *x = FVAL(obj);
        return 1;
    }
    if (PyLong_Check(obj)) {
        *x = PyLong_AsDouble(obj);
        if (*x == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        return 1;
    }
    return 0;
}

#define CONVERT_OPERANDS(v, w, a, b)                                                          \
    do {                                                                                      \
        int _rc = to_double((v), &(a));                                                       \
        if (_rc <= 0) {                                                                       \
            if (_rc < 0) {                                                                    \
                return NULL;                                                                  \
            }                                                                                 \
            Py_RETURN_NOTIMPLEMENTED;                                                         \
        }                                                                                     \
        _rc = to_double((w), &(b));                                                           \
        if (_rc <= 0) {                                                                       \
            if (_rc < 0) {                                                                    \
                return NULL;                                                                  \
            }                                                                                 \
            Py_RETURN_NOTIMPLEMENTED;                                                         \
        }                                                                                     \
    } while (0)

static PyObject *
float_add(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a + b);
}

static PyObject *
float_sub(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a - b);
}

static PyObject *
float_mul(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a * b);
}

static PyObject *
float_div(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(a / b);
}

/* Python's floor division and modulo of doubles (b != 0): the remainder takes b's sign. */
static void
float_floor_divmod(double a, double b, double *floordiv, double *mod)
{
    double m = fmod(a, b);
    double div = (a - m) / b;   /* exact-ish integral quotient before adjustment */
    if (m != 0.0) {
        if ((b < 0) != (m < 0)) {
            m += b;
            div -= 1.0;
        }
    }
    else {
        m = copysign(0.0, b);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
    }
    else {
        fd = copysign(0.0, a / b);
    }
    *floordiv = fd;
    *mod = m;
}

static PyObject *
float_rem(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float modulo by zero");
        return NULL;
    }
    double m = fmod(a, b);
    if (m != 0.0) {
        if ((b < 0) != (m < 0)) {
            m += b;
        }
    }
    else {
        m = copysign(0.0, b);
    }
    return PyFloat_FromDouble(m);
}

static PyObject *
float_floor_div(PyObject *v, PyObject *w)
{
    double a, b, q, m;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    float_floor_divmod(a, b, &q, &m);
    return PyFloat_FromDouble(q);
}

static PyObject *
float_divmod(PyObject *v, PyObject *w)
{
    double a, b, q, m;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    float_floor_divmod(a, b, &q, &m);
    PyObject *oq = PyFloat_FromDouble(q);
    if (oq == NULL) {
        return NULL;
    }
    PyObject *om = PyFloat_FromDouble(m);
    if (om == NULL) {
        Py_DECREF(oq);
        return NULL;
    }
    PyObject *res = PyTuple_Pack(2, oq, om);
    Py_DECREF(oq);
    Py_DECREF(om);
    return res;
}

static int
is_odd_integer(double w)
{
    return isfinite(w) && floor(w) == w && fmod(fabs(w), 2.0) == 1.0;
}

static PyObject *
float_pow(PyObject *v, PyObject *w, PyObject *z)
{
    double iv, iw;
    if (z != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    CONVERT_OPERANDS(v, w, iv, iw);
    if (iw == 0.0) {
        return PyFloat_FromDouble(1.0);
    }
    if (isnan(iv)) {
        return PyFloat_FromDouble(iv);
    }
    if (isnan(iw)) {
        return PyFloat_FromDouble(iv == 1.0 ? 1.0 : iw);
    }
    if (isinf(iw)) {
        double a = fabs(iv);
        if (a == 1.0) {
            return PyFloat_FromDouble(1.0);
        }
        return PyFloat_FromDouble(((iw > 0) == (a > 1.0)) ? Py_INFINITY : 0.0);
    }
    if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        if (iv > 0) {
            return PyFloat_FromDouble(iw > 0 ? iv : 0.0);
        }
        if (iw > 0) {
            return PyFloat_FromDouble(odd ? iv : -iv);
        }
        return PyFloat_FromDouble(odd ? -0.0 : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError,
                            "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return PyFloat_FromDouble(is_odd_integer(iw) ? iv : 0.0);
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* a negative base to a fractional power is complex */
            return PyComplex_Type.tp_as_number->nb_power(v, w, z);
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        return PyFloat_FromDouble(negate ? -1.0 : 1.0);
    }
    errno = 0;
    double ix = pow(iv, iw);
    if (isinf(ix)) {
        errno = ERANGE;
    }
    else if (errno == ERANGE && fabs(ix) < 1.0) {
        errno = 0;   /* underflow to zero is not an error */
    }
    if (errno != 0) {
        PyErr_SetFromErrno(errno == ERANGE ? PyExc_OverflowError : PyExc_ValueError);
        return NULL;
    }
    return PyFloat_FromDouble(negate ? -ix : ix);
}

static PyObject *
float_neg(PyObject *v)
{
    return PyFloat_FromDouble(-FVAL(v));
}

static PyObject *
float_pos(PyObject *v)
{
    if (PyFloat_CheckExact(v)) {
        return Py_NewRef(v);
    }
    return PyFloat_FromDouble(FVAL(v));
}

static PyObject *
float_abs(PyObject *v)
{
    return PyFloat_FromDouble(fabs(FVAL(v)));
}

static int
float_bool(PyObject *v)
{
    return FVAL(v) != 0.0;
}

static PyObject *
float_trunc(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(FVAL(v));
}

static PyObject *
float_int(PyObject *v)
{
    return PyLong_FromDouble(FVAL(v));
}

static PyObject *
float_float(PyObject *v)
{
    return float_pos(v);
}

static PyObject *
float_floor(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(floor(FVAL(v)));
}

static PyObject *
float_ceil(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(ceil(FVAL(v)));
}

/* ---- round ------------------------------------------------------------------------------- */

/* The powers of ten that are exact doubles. */
static const double exact_powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Fast path of round(x, decimals) for finite nonzero x and decimals >= 0: the digits of
 * D = round_half_even(x * 10**decimals) from dtoa, then the double nearest D * 10**-decimals
 * (one division when D and 10**decimals are exact doubles, strtod otherwise).  Return 0 with
 * *result set, or -1 (nothing set) when dtoa cannot give the digits. */
static int
float_round_with_digits(double x, int decimals, double *result)
{
    char digits[32];
    int exp10;
    int ndigits = _Py_dg_decimals(x, decimals, digits, &exp10);
    if (ndigits < 0) {
        return -1;
    }
    uint64_t scaled = 0;   /* at most 18 digits: no overflow */
    for (int i = 0; i < ndigits; i++) {
        scaled = scaled * 10 + (uint64_t)(digits[i] - '0');
    }
    double value;
    if (scaled <= ((uint64_t)1 << 53) && decimals <= 22) {
        /* Both operands are exact, so the quotient is correctly rounded. */
        value = (double)scaled / exact_powers_of_ten[decimals];
    }
    else {
        char text[48];
        snprintf(text, sizeof(text), "%se-%d", digits, decimals);
        value = _Py_strtod_c(text, NULL);
    }
    *result = copysign(value, x);
    return 0;
}

/* Fast path of round(x, -tens) for finite x, |x| < 2**63 and tens >= 1: with the integer part
 * N = trunc(|x|) and the exact fraction f = |x| - N, the quotient by 10**tens rounds up when
 * N mod 10**tens + f is more than half of 10**tens, or equal to it and the quotient is odd.
 * Return the double nearest the rounded multiple of 10**tens, with the sign of x. */
static double
float_round_to_tens(double x, int tens)
{
    double magnitude = fabs(x);
    if (tens > 19) {
        return copysign(0.0, x);   /* |x| < 2**63 < 10**20 / 2 */
    }
    uint64_t integer = (uint64_t)magnitude;
    double fraction = magnitude - (double)integer;   /* exact */
    uint64_t unit = 1;
    for (int i = 0; i < tens; i++) {
        unit *= 10;
    }
    uint64_t quotient = integer / unit;
    uint64_t remainder = integer % unit;
    uint64_t half = unit / 2;
    if (remainder > half || (remainder == half && (fraction > 0.0 || (quotient & 1)))) {
        quotient++;
    }
    /* quotient * unit < 2**63 + 10**19 < 2**65: exact in 128 bits, then rounded once. */
    double value = (double)((unsigned __int128)quotient * unit);
    return copysign(value, x);
}

/* x rounded to ndigits decimal digits, correctly rounded (exact arithmetic), half to even. */
static PyObject *
float_round_ndigits(double x, int64_t nd)
{
    if (!isfinite(x) || x == 0.0 || nd > 400) {
        return PyFloat_FromDouble(x);
    }
    if (nd < -400) {
        return PyFloat_FromDouble(copysign(0.0, x));
    }
    double rounded;
    if (nd >= 0 && float_round_with_digits(x, (int)nd, &rounded) == 0) {
        return PyFloat_FromDouble(rounded);
    }
    if (nd < 0 && fabs(x) < 0x1p63) {
        return PyFloat_FromDouble(float_round_to_tens(x, (int)-nd));
    }
    /* Exact rational arithmetic with GMP otherwise. */
    int e;
    double m = frexp(fabs(x), &e);
    mpz_t num, den, q, r, p10;
    mpz_init_set_d(num, ldexp(m, 53));   /* |x| = num * 2**(e - 53) */
    mpz_init_set_ui(den, 1);
    mpz_init(q);
    mpz_init(r);
    mpz_init(p10);
    int64_t e2 = (int64_t)e - 53;
    if (e2 >= 0) {
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e2);
    }
    else {
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e2);
    }
    mpz_ui_pow_ui(p10, 10, (unsigned long)(nd >= 0 ? nd : -nd));
    if (nd >= 0) {
        mpz_mul(num, num, p10);
    }
    else {
        mpz_mul(den, den, p10);
    }
    /* q = round_half_even(num / den) */
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
    }
    double res;
    int overflow = 0;
    if (mpz_sgn(q) == 0) {
        res = 0.0;
    }
    else if (nd >= 0) {
        res = _PyLong_MpzRatioToDouble(q, p10, &overflow);
    }
    else {
        mpz_mul(q, q, p10);
        res = _PyLong_RoundMpzToDouble(q, 0, 0, &overflow);
    }
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(q);
    mpz_clear(r);
    mpz_clear(p10);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
        return NULL;
    }
    return PyFloat_FromDouble(copysign(res, x));
}

static PyObject *
float_round(PyObject *v, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    double x = FVAL(v);
    if (nargs == 0 || args[0] == Py_None) {
        double r = rint(x);   /* round half to even in the default rounding mode */
        return PyLong_FromDouble(r);
    }
    PyObject *nd = PyNumber_Index(args[0]);
    if (nd == NULL) {
        return NULL;
    }
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(nd, &overflow);
    Py_DECREF(nd);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow) {
        n = overflow > 0 ? 1000 : -1000;
    }
    return float_round_ndigits(x, n);
}

/* ---- other methods ------------------------------------------------------------------------- */

static PyObject *
float_is_integer(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    double x = FVAL(v);
    return PyBool_FromLong(isfinite(x) && floor(x) == x);
}

static PyObject *
float_conjugate(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return float_pos(v);
}

static PyObject *
float_as_integer_ratio(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    double x = FVAL(v);
    if (isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    PyObject *num, *den;
    if (x == 0.0) {
        num = _PyLong_GetZero();
        den = _PyLong_GetOne();
    }
    else {
        int e;
        double m = frexp(x, &e);
        int64_t mant = (int64_t)ldexp(m, 53);
        int64_t e2 = (int64_t)e - 53;
        int tz = __builtin_ctzll((uint64_t)(mant < 0 ? -mant : mant));
        mant >>= tz;
        e2 += tz;
        PyObject *mo = _PyLong_FromInt64(mant);
        if (mo == NULL) {
            return NULL;
        }
        if (e2 >= 0) {
            num = _PyLong_Lshift(mo, e2);
            Py_DECREF(mo);
            den = _PyLong_GetOne();
        }
        else {
            num = mo;
            den = _PyLong_Lshift(_PyLong_GetOne(), -e2);
        }
        if (num == NULL || den == NULL) {
            Py_XDECREF(num);
            Py_XDECREF(den);
            return NULL;
        }
    }
    PyObject *res = PyTuple_Pack(2, num, den);
    Py_DECREF(num);
    Py_DECREF(den);
    return res;
}

static PyObject *
float_hex(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    double x = FVAL(v);
    if (!isfinite(x)) {
        return _PyFloat_Repr(x);
    }
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0.0) {
        return PyUnicode_FromFormat("%s0x0.0p+0", sign);
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof(bits));
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    char buf[64];
    if (bexp == 0) {
        snprintf(buf, sizeof(buf), "%s0x0.%013" PRIx64 "p-1022", sign, frac);
    }
    else {
        snprintf(buf, sizeof(buf), "%s0x1.%013" PRIx64 "p%+d", sign, frac, bexp - 1023);
    }
    return PyUnicode_FromString(buf);
}

static PyObject *
fromhex_invalid(void)
{
    PyErr_SetString(PyExc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

/* Parse float.hex() style text; return a new float reference. */
static PyObject *
float_fromhex_value(const char *s)
{
    while (float_space((unsigned char)*s)) {
        s++;
    }
    char *end;
    double special = _Py_parse_inf_or_nan(s, &end);
    if (end != s) {
        while (float_space((unsigned char)*end)) {
            end++;
        }
        if (*end != '\0') {
            return fromhex_invalid();
        }
        return PyFloat_FromDouble(special);
    }
    int negative = 0;
    if (*s == '-' || *s == '+') {
        negative = *s == '-';
        s++;
    }
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
    }
    size_t cap = strlen(s) + 2;
    char *digits = PyMem_Malloc(cap);
    if (digits == NULL) {
        return PyErr_NoMemory();
    }
    size_t nd = 0;
    int64_t fracdigits = 0;
    int seen_point = 0;
    for (; *s; s++) {
        if (isxdigit((unsigned char)*s)) {
            digits[nd++] = *s;
            fracdigits += seen_point;
        }
        else if (*s == '.' && !seen_point) {
            seen_point = 1;
        }
        else {
            break;
        }
    }
    digits[nd] = '\0';
    int64_t exp = 0;
    if (nd == 0) {
        PyMem_Free(digits);
        return fromhex_invalid();
    }
    if (*s == 'p' || *s == 'P') {
        s++;
        int eneg = 0;
        if (*s == '-' || *s == '+') {
            eneg = *s == '-';
            s++;
        }
        if (!isdigit((unsigned char)*s)) {
            PyMem_Free(digits);
            return fromhex_invalid();
        }
        while (isdigit((unsigned char)*s)) {
            if (exp < ((int64_t)1 << 40)) {
                exp = exp * 10 + (*s - '0');
            }
            s++;
        }
        if (eneg) {
            exp = -exp;
        }
    }
    while (float_space((unsigned char)*s)) {
        s++;
    }
    if (*s != '\0') {
        PyMem_Free(digits);
        return fromhex_invalid();
    }
    mpz_t q;
    mpz_init(q);
    mpz_set_str(q, digits, 16);
    PyMem_Free(digits);
    int overflow = 0;
    double x = 0.0;
    if (mpz_sgn(q) != 0) {
        int64_t e2 = exp - 4 * fracdigits;
        int64_t top = (int64_t)mpz_sizeinbase(q, 2) + e2;
        if (top > DBL_MAX_EXP + 1) {
            overflow = 1;
        }
        else if (top < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
            x = 0.0;
        }
        else {
            x = _PyLong_RoundMpzToDouble(q, 0, e2, &overflow);
        }
    }
    mpz_clear(q);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError,
                        "hexadecimal value too large to represent as a float");
        return NULL;
    }
    return PyFloat_FromDouble(negative ? -x : x);
}

static PyObject *
float_fromhex(PyObject *cls, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
    if (s == NULL) {
        return NULL;
    }
    if (strlen(s) != (size_t)len) {
        return fromhex_invalid();   /* an embedded NUL */
    }
    PyObject *res = float_fromhex_value(s);
    if (res != NULL && (PyTypeObject *)cls != &PyFloat_Type) {
        Py_SETREF(res, PyObject_CallOneArg(cls, res));
    }
    return res;
}

static PyObject *
float_getnewargs(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    PyObject *f = PyFloat_FromDouble(FVAL(v));
    if (f == NULL) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(1, f);
    Py_DECREF(f);
    return res;
}

static PyObject *
float_getformat(PyObject *cls, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "__getformat__() argument must be str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    const char *s = PyUnicode_AsUTF8AndSize(arg, NULL);
    if (s == NULL) {
        return NULL;
    }
    if (strcmp(s, "double") != 0 && strcmp(s, "float") != 0) {
        PyErr_SetString(PyExc_ValueError, "__getformat__() argument 1 must be 'double' or "
                                          "'float'");
        return NULL;
    }
    return PyUnicode_FromString("IEEE, little-endian");
}

static PyObject *
float_format_method(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyFloat_FormatSpec(self, spec);
}

static PyObject *
float_get_real(PyObject *v, void *Py_UNUSED(closure))
{
    return float_pos(v);
}

static PyObject *
float_get_imag(PyObject *v, void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(0.0);
}

static PyMethodDef float_methods[] = {
    {"conjugate", float_conjugate, METH_NOARGS,
     "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc, METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", _PyCFunction_CAST(float_round), METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS,
     "Return a pair of integers, whose ratio is exactly equal to the original float."},
    {"fromhex", float_fromhex, METH_O | METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", float_hex, METH_NOARGS, "Return a hexadecimal representation of a floating-point "
                                    "number."},
    {"is_integer", float_is_integer, METH_NOARGS, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, METH_NOARGS, NULL},
    {"__getformat__", float_getformat, METH_O | METH_CLASS,
     "You probably don't want to use this function."},
    {"__format__", float_format_method, METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

PyTypeObject PyFloat_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Convert a string or number to a floating-point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = float_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyFloat_Type);

/* ---- sys.float_info -------------------------------------------------------------------- */

static PyStructSequence_Field float_info_fields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"},
    {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"},
    {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented "
            "in a float"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"},
    {"epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"},
    {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"},
    {NULL, NULL},
};

static PyStructSequence_Desc float_info_desc = {
    "sys.float_info",
    "sys.float_info\n\nA named tuple holding information about the float type. It contains "
    "low level\ninformation about the precision and internal representation. Please study "
    "your\nsystem's :file:`float.h` for more information.",
    float_info_fields,
    11,
};

/* Created on first use and never changed afterwards; published with a compare-and-swap so
 * that two threads racing to create it agree on one type (the loser drops its copy). */
static PyTypeObject *float_info_type;

PyObject *
PyFloat_GetInfo(void)
{
    PyTypeObject *type = _Py_atomic_load_ptr_acquire(&float_info_type);
    if (type == NULL) {
        PyTypeObject *t = PyStructSequence_NewType(&float_info_desc);
        if (t == NULL) {
            return NULL;
        }
        PyTypeObject *expected = NULL;
        if (_Py_atomic_compare_exchange_ptr(&float_info_type, &expected, t)) {
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
    PyObject *items[11] = {
        PyFloat_FromDouble(DBL_MAX), PyLong_FromLong(DBL_MAX_EXP),
        PyLong_FromLong(DBL_MAX_10_EXP), PyFloat_FromDouble(DBL_MIN),
        PyLong_FromLong(DBL_MIN_EXP), PyLong_FromLong(DBL_MIN_10_EXP),
        PyLong_FromLong(DBL_DIG), PyLong_FromLong(DBL_MANT_DIG),
        PyFloat_FromDouble(DBL_EPSILON), PyLong_FromLong(FLT_RADIX),
        PyLong_FromLong(1),
    };
    int failed = 0;
    for (int i = 0; i < 11; i++) {
        if (items[i] == NULL) {
            failed = 1;
            continue;
        }
        PyStructSequence_SetItem(info, i, items[i]);
    }
    if (failed) {
        Py_DECREF(info);
        return NULL;
    }
    return info;
}

/* ---- IEEE packing (struct module) -------------------------------------------------------- */

static void
store_bytes(const unsigned char *src, char *p, int n, int le)
{
    /* src is little-endian (x86-64 and aarch64 are little-endian) */
    for (int i = 0; i < n; i++) {
        p[le ? i : n - 1 - i] = (char)src[i];
    }
}

static void
load_bytes(const char *p, unsigned char *dst, int n, int le)
{
    for (int i = 0; i < n; i++) {
        dst[i] = (unsigned char)p[le ? i : n - 1 - i];
    }
}

int
PyFloat_Pack8(double x, char *p, int le)
{
    unsigned char b[8];
    memcpy(b, &x, 8);
    store_bytes(b, p, 8, le);
    return 0;
}

int
PyFloat_Pack4(double x, char *p, int le)
{
    float y = (float)x;
    if (isinf(y) && !isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
        return -1;
    }
    unsigned char b[4];
    memcpy(b, &y, 4);
    store_bytes(b, p, 4, le);
    return 0;
}

int
PyFloat_Pack2(double x, char *p, int le)
{
    uint16_t bits;
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        bits = sign | 0x7e00;
    }
    else if (isinf(x)) {
        bits = sign | 0x7c00;
    }
    else if (x == 0.0) {
        bits = sign;
    }
    else {
        double a = fabs(x);
        int e;
        double f = frexp(a, &e);   /* a = f * 2**e, 0.5 <= f < 1 */
        if (e < -13) {
            /* subnormal half: units of 2**-24, ties to even */
            double mant = rint(ldexp(a, 24));
            bits = sign | (uint16_t)mant;   /* 1024 becomes the smallest normal */
        }
        else {
            double mant = rint(ldexp(f, 11));   /* in [1024, 2048] */
            if (mant == 2048.0) {
                mant = 1024.0;
                e++;
            }
            if (e > 16) {
                PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
                return -1;
            }
            bits = sign | (uint16_t)((e + 14) << 10) | (uint16_t)((int)mant - 1024);
        }
    }
    unsigned char b[2] = {(unsigned char)(bits & 0xff), (unsigned char)(bits >> 8)};
    store_bytes(b, p, 2, le);
    return 0;
}

double
PyFloat_Unpack8(const char *p, int le)
{
    unsigned char b[8];
    load_bytes(p, b, 8, le);
    double x;
    memcpy(&x, b, 8);
    return x;
}

double
PyFloat_Unpack4(const char *p, int le)
{
    unsigned char b[4];
    load_bytes(p, b, 4, le);
    float y;
    memcpy(&y, b, 4);
    return y;
}

double
PyFloat_Unpack2(const char *p, int le)
{
    unsigned char b[2];
    load_bytes(p, b, 2, le);
    unsigned int bits = b[0] | ((unsigned int)b[1] << 8);
    int sign = bits >> 15;
    int e = (bits >> 10) & 0x1f;
    unsigned int f = bits & 0x3ff;
    double x;
    if (e == 0x1f) {
        x = f ? Py_NAN : Py_INFINITY;
    }
    else if (e == 0) {
        x = ldexp((double)f, -24);
    }
    else {
        x = ldexp((double)(f + 1024), e - 25);
    }
    return sign ? -x : x;
}
