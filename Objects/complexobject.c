/* The complex type: a pair of doubles.
 *
 * Arithmetic follows the textbook formulas (so (1e300j)*(1e300j) is (-inf+0j) as in CPython);
 * division uses Smith's scaling to avoid needless overflow; integer powers up to 100 use
 * repeated squaring, other powers the polar form. */

#include "Python.h"
#include "pycore_long.h"
#include "pycore_floatobject.h"
#include "pycore_format.h"
#include "pycore_object.h"

#define CVAL(op) (((PyComplexObject *)(op))->cval)

/* Defined by the strings room (CPython's private name); only used for non-ASCII input. */
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode);

/* ---- C-level arithmetic ------------------------------------------------------------------- */

Py_complex
_Py_c_sum(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real + b.real, a.imag + b.imag};
    return r;
}

Py_complex
_Py_c_diff(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real - b.real, a.imag - b.imag};
    return r;
}

Py_complex
_Py_c_neg(Py_complex a)
{
    Py_complex r = {-a.real, -a.imag};
    return r;
}

Py_complex
_Py_c_prod(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
    return r;
}

/* a / b; errno = EDOM when b is zero. */
Py_complex
_Py_c_quot(Py_complex a, Py_complex b)
{
    Py_complex r;
    double abr = fabs(b.real), abi = fabs(b.imag);
    if (abr >= abi) {
        if (abr == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    }
    else if (abi >= abr) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    }
    else {
        r.real = r.imag = Py_NAN;   /* a NaN in b */
    }
    return r;
}

/* a ** b; errno = EDOM for zero to a negative or complex power. */
Py_complex
_Py_c_pow(Py_complex a, Py_complex b)
{
    Py_complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    }
    else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) {
            errno = EDOM;
        }
        r.real = r.imag = 0.0;
    }
    else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static Py_complex
c_powu(Py_complex x, long n)
{
    Py_complex r = {1.0, 0.0}, p = x;
    while (n > 0) {
        if (n & 1) {
            r = _Py_c_prod(r, p);
        }
        n >>= 1;
        if (n > 0) {
            p = _Py_c_prod(p, p);
        }
    }
    return r;
}

static Py_complex
c_powi(Py_complex x, long n)
{
    if (n > 0) {
        return c_powu(x, n);
    }
    Py_complex one = {1.0, 0.0};
    return _Py_c_quot(one, c_powu(x, -n));
}

double
_Py_c_abs(Py_complex z)
{
    errno = 0;
    if (isinf(z.real) || isinf(z.imag)) {
        return Py_INFINITY;
    }
    if (isnan(z.real) || isnan(z.imag)) {
        return Py_NAN;
    }
    double r = hypot(z.real, z.imag);
    errno = isinf(r) ? ERANGE : 0;
    return r;
}

/* ---- creation and conversion -------------------------------------------------------------- */

PyObject *PyComplex_FromCComplex(Py_complex c);

static PyObject *
complex_subtype_from_c(PyTypeObject *type, Py_complex c)
{
    if (type == &PyComplex_Type) {
        return PyComplex_FromCComplex(c);
    }
    PyObject *op = type->tp_alloc(type, 0);
    if (op != NULL) {
        CVAL(op) = c;
    }
    return op;
}

PyObject *
PyComplex_FromCComplex(Py_complex c)
{
    PyComplexObject *op = (PyComplexObject *)PyObject_Malloc(sizeof(PyComplexObject));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init((PyObject *)op, &PyComplex_Type);
    op->cval = c;
    return (PyObject *)op;
}

PyObject *
PyComplex_FromDoubles(double real, double imag)
{
    Py_complex c = {real, imag};
    return PyComplex_FromCComplex(c);
}

/* Return a new reference to the result of op.__complex__(), NULL with no exception when op
 * has no __complex__, NULL with an exception on error. */
static PyObject *
try_complex_special(PyObject *op)
{
    PyObject *f = _PyType_Lookup(Py_TYPE(op), _Py_ID(__complex__));
    if (f == NULL) {
        return NULL;
    }
    /* bind through the descriptor's __get__, as a special method lookup does */
    Py_INCREF(f);
    descrgetfunc get = Py_TYPE(f)->tp_descr_get;
    if (get != NULL) {
        Py_SETREF(f, get(f, op, (PyObject *)Py_TYPE(op)));
        if (f == NULL) {
            return NULL;
        }
    }
    PyObject *res = PyObject_CallNoArgs(f);
    Py_DECREF(f);
    if (res == NULL || PyComplex_CheckExact(res)) {
        return res;
    }
    if (!PyComplex_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "__complex__ returned non-complex (type %.200s).  The ability to "
                         "return an instance of a strict subclass of complex is deprecated, "
                         "and may be removed in a future version of Python.",
                         Py_TYPE(res)->tp_name) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

double
PyComplex_RealAsDouble(PyObject *op)
{
    if (PyComplex_Check(op)) {
        return CVAL(op).real;
    }
    PyObject *c = try_complex_special(op);
    if (c != NULL) {
        double r = CVAL(c).real;
        Py_DECREF(c);
        return r;
    }
    if (PyErr_Occurred()) {
        return -1.0;
    }
    return PyFloat_AsDouble(op);
}

double
PyComplex_ImagAsDouble(PyObject *op)
{
    if (PyComplex_Check(op)) {
        return CVAL(op).imag;
    }
    PyObject *c = try_complex_special(op);
    if (c != NULL) {
        double r = CVAL(c).imag;
        Py_DECREF(c);
        return r;
    }
    if (PyErr_Occurred()) {
        return -1.0;
    }
    double x = PyFloat_AsDouble(op);
    if (x == -1.0 && PyErr_Occurred()) {
        return -1.0;
    }
    return 0.0;
}

Py_complex
PyComplex_AsCComplex(PyObject *op)
{
    Py_complex c = {-1.0, 0.0};
    if (PyComplex_Check(op)) {
        return CVAL(op);
    }
    PyObject *res = try_complex_special(op);
    if (res != NULL) {
        c = CVAL(res);
        Py_DECREF(res);
        return c;
    }
    if (PyErr_Occurred()) {
        return c;
    }
    c.real = PyFloat_AsDouble(op);
    return c;
}

/* ---- repr, hash, compare ------------------------------------------------------------------- */

static PyObject *
complex_repr(PyObject *v)
{
    Py_complex c = CVAL(v);
    char *re = NULL, *im;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        im = PyOS_double_to_string(c.imag, 'r', 0, 0, NULL);
        if (im == NULL) {
            return NULL;
        }
        PyObject *res = PyUnicode_FromFormat("%sj", im);
        PyMem_Free(im);
        return res;
    }
    re = PyOS_double_to_string(c.real, 'r', 0, 0, NULL);
    if (re == NULL) {
        return NULL;
    }
    im = PyOS_double_to_string(c.imag, 'r', 0, Py_DTSF_SIGN, NULL);
    if (im == NULL) {
        PyMem_Free(re);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("(%s%sj)", re, im);
    PyMem_Free(re);
    PyMem_Free(im);
    return res;
}

static Py_hash_t
complex_hash(PyObject *v)
{
    Py_hash_t hr = _PyFloat_HashDouble(v, CVAL(v).real);
    Py_hash_t hi = _PyFloat_HashDouble(v, CVAL(v).imag);
    Py_uhash_t h = (Py_uhash_t)hr + _PyHASH_IMAG * (Py_uhash_t)hi;
    if (h == (Py_uhash_t)-1) {
        h = (Py_uhash_t)-2;
    }
    return (Py_hash_t)h;
}

static PyObject *
complex_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int equal;
    Py_complex a = CVAL(v);
    if (PyLong_Check(w) || PyFloat_Check(w)) {
        if (a.imag != 0.0) {
            equal = 0;
        }
        else {
            PyObject *re = PyFloat_FromDouble(a.real);
            if (re == NULL) {
                return NULL;
            }
            PyObject *res = PyFloat_Type.tp_richcompare(re, w, op);
            Py_DECREF(re);
            return res;
        }
    }
    else if (PyComplex_Check(w)) {
        Py_complex b = CVAL(w);
        equal = a.real == b.real && a.imag == b.imag;
    }
    else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

/* ---- arithmetic ----------------------------------------------------------------------------- */

/* 1 converted, 0 foreign type, -1 error. */
static int
to_complex(PyObject *obj, Py_complex *c)
{
    if (PyComplex_Check(obj)) {
        *c = CVAL(obj);
        return 1;
    }
    if (PyFloat_Check(obj)) {
        c->real = PyFloat_AS_DOUBLE(obj);
        c->imag = 0.0;
        return 1;
    }
    if (PyLong_Check(obj)) {
        c->real = PyLong_AsDouble(obj);
        c->imag = 0.0;
        if (c->real == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        return 1;
    }
    return 0;
}

#define CONVERT_OPERANDS(v, w, a, b)                                                          \
    do {                                                                                      \
        int _rc = to_complex((v), &(a));                                                      \
        if (_rc <= 0) {                                                                       \
            if (_rc < 0) {                                                                    \
                return NULL;                                                                  \
            }                                                                                 \
            Py_RETURN_NOTIMPLEMENTED;                                                         \
        }                                                                                     \
        _rc = to_complex((w), &(b));                                                          \
        if (_rc <= 0) {                                                                       \
            if (_rc < 0) {                                                                    \
                return NULL;                                                                  \
            }                                                                                 \
            Py_RETURN_NOTIMPLEMENTED;                                                         \
        }                                                                                     \
    } while (0)

static PyObject *
complex_add(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyComplex_FromCComplex(_Py_c_sum(a, b));
}

static PyObject *
complex_sub(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyComplex_FromCComplex(_Py_c_diff(a, b));
}

static PyObject *
complex_mul(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return PyComplex_FromCComplex(_Py_c_prod(a, b));
}

static PyObject *
complex_div(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    CONVERT_OPERANDS(v, w, a, b);
    errno = 0;
    Py_complex r = _Py_c_quot(a, b);
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *
complex_pow(PyObject *v, PyObject *w, PyObject *z)
{
    Py_complex a, b, r;
    CONVERT_OPERANDS(v, w, a, b);
    if (z != Py_None) {
        PyErr_SetString(PyExc_ValueError, "complex modulo");
        return NULL;
    }
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0) {
        r = c_powi(a, (long)b.real);
        if (b.real < 0 && a.real == 0.0 && a.imag == 0.0) {
            errno = EDOM;
        }
    }
    else {
        r = _Py_c_pow(a, b);
    }
    /* libm may leave ERANGE behind for an underflow; only an infinite result from finite
     * operands is an overflow */
    int domain_error = errno == EDOM;
    int overflow = (isinf(r.real) || isinf(r.imag)) && isfinite(a.real) &&
                   isfinite(a.imag) && isfinite(b.real) && isfinite(b.imag);
    if (domain_error) {
        PyErr_SetString(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return PyComplex_FromCComplex(r);
}

static PyObject *
complex_neg(PyObject *v)
{
    return PyComplex_FromCComplex(_Py_c_neg(CVAL(v)));
}

static PyObject *
complex_pos(PyObject *v)
{
    if (PyComplex_CheckExact(v)) {
        return Py_NewRef(v);
    }
    return PyComplex_FromCComplex(CVAL(v));
}

static PyObject *
complex_abs(PyObject *v)
{
    double r = _Py_c_abs(CVAL(v));
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

static int
complex_bool(PyObject *v)
{
    return CVAL(v).real != 0.0 || CVAL(v).imag != 0.0;
}

/* ---- methods ------------------------------------------------------------------------------ */

static PyObject *
complex_conjugate(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    Py_complex c = CVAL(v);
    c.imag = -c.imag;
    return PyComplex_FromCComplex(c);
}

static PyObject *
complex_complex(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    return complex_pos(v);
}

static PyObject *
complex_getnewargs(PyObject *v, PyObject *Py_UNUSED(ignored))
{
    PyObject *re = PyFloat_FromDouble(CVAL(v).real);
    PyObject *im = PyFloat_FromDouble(CVAL(v).imag);
    PyObject *res = (re && im) ? PyTuple_Pack(2, re, im) : NULL;
    Py_XDECREF(re);
    Py_XDECREF(im);
    return res;
}

static PyObject *
complex_format_method(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyComplex_FormatSpec(self, spec);
}

static PyObject *
complex_get_real(PyObject *v, void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(CVAL(v).real);
}

static PyObject *
complex_get_imag(PyObject *v, void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(CVAL(v).imag);
}

/* ---- complex() ------------------------------------------------------------------------------ */

static PyObject *
malformed(void)
{
    PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

/* Parse a double prefix of s; 1 and *end set, or 0 when there is none. */
static int
parse_double_prefix(const char *s, double *x, char **end)
{
    *x = _Py_string_to_double_prefix(s, end);
    return *end != s;
}

static int
space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static PyObject *
complex_from_string(PyTypeObject *type, PyObject *v)
{
    const char *s0;
    Py_ssize_t len;
    PyObject *ascii = NULL;
    if (PyUnicode_Check(v)) {
        int need_transform = 0;
        s0 = PyUnicode_AsUTF8AndSize(v, &len);
        if (s0 == NULL) {
            /* lone surrogates: the transform turns them into '?' */
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
                return NULL;
            }
            PyErr_Clear();
            need_transform = 1;
        }
        for (Py_ssize_t i = 0; !need_transform && i < len; i++) {
            need_transform = (unsigned char)s0[i] >= 0x80;
        }
        if (need_transform) {
            ascii = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
            if (ascii == NULL) {
                return NULL;
            }
            s0 = PyUnicode_AsUTF8AndSize(ascii, &len);
            if (s0 == NULL) {
                Py_DECREF(ascii);
                return NULL;
            }
        }
    }
    else {
        s0 = PyBytes_Check(v) ? PyBytes_AS_STRING(v) : PyByteArray_AS_STRING(v);
        len = PyBytes_Check(v) ? PyBytes_GET_SIZE(v) : PyByteArray_GET_SIZE(v);
    }
    if (strlen(s0) != (size_t)len) {   /* an embedded NUL */
        Py_XDECREF(ascii);
        return malformed();
    }
    Py_ssize_t n;
    char *buf = _PyFloat_CleanDigits(s0, len, &n);
    Py_XDECREF(ascii);
    if (buf == NULL) {
        return PyErr_Occurred() ? NULL : malformed();
    }
    char *s = buf, *end;
    double x = 0.0, y = 0.0, z;
    int bracket = 0;
    if (*s == '(') {
        bracket = 1;
        s++;
        while (space(*s)) {
            s++;
        }
    }
    if (parse_double_prefix(s, &z, &end)) {
        s = end;
        if (*s == '+' || *s == '-') {
            x = z;
            if (parse_double_prefix(s, &y, &end)) {
                s = end;
            }
            else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (*s != 'j' && *s != 'J') {
                goto bad;
            }
            s++;
        }
        else if (*s == 'j' || *s == 'J') {
            y = z;
            s++;
        }
        else {
            x = z;
        }
    }
    else {
        y = 1.0;
        if (*s == '+' || *s == '-') {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        }
        if (*s != 'j' && *s != 'J') {
            goto bad;
        }
        s++;
    }
    while (space(*s)) {
        s++;
    }
    if (bracket) {
        if (*s != ')') {
            goto bad;
        }
        s++;
        while (space(*s)) {
            s++;
        }
    }
    if (*s != '\0') {
        goto bad;
    }
    PyMem_Free(buf);
    Py_complex c = {x, y};
    return complex_subtype_from_c(type, c);
bad:
    PyMem_Free(buf);
    return malformed();
}

static PyObject *
complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *r = NULL, *i = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "complex() takes at most 2 arguments (%zd given)", nargs);
        return NULL;
    }
    if (nargs >= 1) {
        r = PyTuple_GET_ITEM(args, 0);
    }
    if (nargs == 2) {
        i = PyTuple_GET_ITEM(args, 1);
    }
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8AndSize(key, NULL) : NULL;
            if (k != NULL && strcmp(k, "real") == 0 && nargs < 1) {
                r = value;
            }
            else if (k != NULL && strcmp(k, "imag") == 0 && nargs < 2) {
                i = value;
            }
            else if (k != NULL && (strcmp(k, "real") == 0 || strcmp(k, "imag") == 0)) {
                PyErr_Format(PyExc_TypeError,
                             "argument for complex() given by name ('%s') and position (%d)",
                             k, strcmp(k, "real") == 0 ? 1 : 2);
                return NULL;
            }
            else {
                PyErr_Format(PyExc_TypeError,
                             "complex() got an unexpected keyword argument '%U'", key);
                return NULL;
            }
        }
    }
    if (r == NULL) {
        r = _PyLong_GetZero();
    }
    if (PyUnicode_Check(r)) {
        if (i != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_from_string(type, r);
    }
    if (i != NULL && PyUnicode_Check(i)) {
        PyErr_SetString(PyExc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    if (PyComplex_CheckExact(r) && i == NULL && type == &PyComplex_Type) {
        return Py_NewRef(r);
    }
    Py_complex cr = {0.0, 0.0}, ci = {0.0, 0.0};
    int cr_is_complex = 0, ci_is_complex = 0;
    PyObject *tmp = try_complex_special(r);
    if (tmp != NULL) {
        cr = CVAL(tmp);
        cr_is_complex = 1;
        Py_DECREF(tmp);
    }
    else if (PyErr_Occurred()) {
        return NULL;
    }
    else if (PyComplex_Check(r)) {
        cr = CVAL(r);
        cr_is_complex = 1;
    }
    else {
        PyNumberMethods *nb = Py_TYPE(r)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            PyErr_Format(PyExc_TypeError,
                         "complex() first argument must be a string or a number, not '%.200s'",
                         Py_TYPE(r)->tp_name);
            return NULL;
        }
        cr.real = PyFloat_AsDouble(r);
        if (cr.real == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (i != NULL) {
        if (PyComplex_Check(i)) {
            ci = CVAL(i);
            ci_is_complex = 1;
        }
        else {
            PyNumberMethods *nb = Py_TYPE(i)->tp_as_number;
            if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
                PyErr_Format(PyExc_TypeError,
                             "complex() second argument must be a number, not '%.200s'",
                             Py_TYPE(i)->tp_name);
                return NULL;
            }
            ci.real = PyFloat_AsDouble(i);
            if (ci.real == -1.0 && PyErr_Occurred()) {
                return NULL;
            }
        }
    }
    /* r + i*1j, with the parts kept exact when no complex is involved */
    Py_complex res;
    res.real = cr.real;
    res.imag = cr_is_complex ? cr.imag : 0.0;
    if (i != NULL) {
        if (ci_is_complex) {
            res.real -= ci.imag;
        }
        res.imag = (cr_is_complex ? cr.imag : 0.0) + ci.real;
        if (!cr_is_complex) {
            res.imag = ci.real;
        }
    }
    return complex_subtype_from_c(type, res);
}

static PyMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_NOARGS, "Return the complex conjugate of its argument."},
    {"__complex__", complex_complex, METH_NOARGS, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, METH_NOARGS, NULL},
    {"__format__", complex_format_method, METH_O,
     "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef complex_getset[] = {
    {"real", complex_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", complex_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

static void
complex_dealloc(PyObject *op)
{
    Py_TYPE(op)->tp_free(op);
}

PyTypeObject PyComplex_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Create a complex number from a string or numbers.\n\n"
              "If a string is given, parse it as a complex number.\n"
              "If a single number is given, convert it to a complex number.\n"
              "If the 'real' or 'imag' arguments are given, create a complex number\n"
              "with the specified real and imaginary components.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_getset = complex_getset,
    .tp_new = complex_new,
    .tp_free = PyObject_Free,
};
_Py_REGISTER_STATIC_TYPE(PyComplex_Type);
